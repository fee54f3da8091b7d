"""Per-sentence assertion strength in [-1, 1]: -1 heavily hedged, 0 plain, +1 categorical.

The model is a sum of cue effects squashed by tanh, then damped when the claim is attributed
(docs/assertion.md gives the formula, weights and sources):

    raw = Σ effect(cue)              hedge: -weight      booster/factive verb: +weight
                                     negated booster ("not clearly"): -0.5 × weight
                                     negated hedge ("not likely"): -0.5 × weight
                                     doubt verb ("claimed"): -weight
                                     conditional ("if … would"): -0.4
    cues inside a quotation count at 0.5 (they are the speaker's, not the writer's)
    assertion = tanh(raw) × (0.5 if the sentence attributes its claim to a source else 1)
"""
from __future__ import annotations

import math

from framing.lexicon import Lexicon
from framing.model import Cue, Flag, Token

QUOTED = 0.5
NEGATED = 0.5
CONDITIONAL = -0.4
ATTRIBUTED = 0.5
HEDGED_BELOW = -0.15
BOOSTED_ABOVE = 0.15


def _negated(toks: list[Token], flag: Flag, negators: frozenset[str]) -> bool:
    """A negator among the two tokens before the flag ("not clearly", "isn't likely")."""
    before = [t for t in toks if t.end <= flag.start][-2:]
    return any(t.norm in negators or t.norm.endswith("n't") for t in before)


def _flag_cue(flag: Flag, toks: list[Token], lexicon: Lexicon) -> Cue | None:
    negators = lexicon.classes.get("negator", frozenset())
    w = flag.weight
    if flag.kind == "hedge":
        kind, effect = ("negated_hedge", -NEGATED * w) if _negated(toks, flag, negators) else ("hedge", -w)
    elif flag.kind == "booster":
        kind, effect = (("negated_booster", -NEGATED * w) if _negated(toks, flag, negators)
                        else ("factive" if flag.category == "factive_verb" else "booster", w))
    elif flag.kind == "report_verb" and flag.category in ("factive", "doubt"):
        kind, effect = ("factive", w) if flag.category == "factive" else ("doubt_verb", -w)
    else:
        return None
    if flag.in_quote:
        effect *= QUOTED
    return Cue(kind, flag.text, round(effect, 3), flag.start, flag.end)


def _conditional(toks: list[Token], lexicon: Lexicon) -> Cue | None:
    conditions = lexicon.classes.get("condition", frozenset())
    modals = lexicon.classes.get("conditional_modal", frozenset())
    cond = next((t for t in toks if t.norm in conditions), None)
    if cond and any(t.norm in modals for t in toks):
        return Cue("conditional", cond.text, CONDITIONAL, cond.start, cond.end)
    return None


def sentence_assertion(toks: list[Token], flags: list[Flag], attribution: Cue | None,
                       lexicon: Lexicon) -> tuple[float, tuple[Cue, ...]]:
    """(score, cues) for one sentence from its tokens, its flags and its attribution cue."""
    cues = [c for f in flags if (c := _flag_cue(f, toks, lexicon))]
    conditional = _conditional(toks, lexicon)
    if conditional and not any(c.kind == "hedge" and c.start == conditional.start for c in cues):
        cues.append(conditional)
    score = math.tanh(sum(c.effect for c in cues))
    if attribution:
        cues.append(attribution)
        score *= ATTRIBUTED
    return round(score, 3), tuple(cues)


def strength(score: float) -> str:
    """hedged, plain or boosted, by the documented thresholds."""
    if score <= HEDGED_BELOW:
        return "hedged"
    return "boosted" if score >= BOOSTED_ABOVE else "plain"
