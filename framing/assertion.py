"""Per-sentence assertion strength in [-1, 1]: -1 heavily hedged, 0 plain, +1 categorical.

The model is a sum of cue effects squashed by tanh, then damped when the claim is attributed
(docs/assertion.md gives the formula, weights and sources):

    raw = Σ effect(cue)              hedge: -weight      booster/factive verb: +weight
                                     negated booster ("not clearly"): -0.5 × weight
                                     negated hedge ("not likely"): -0.5 × weight
                                     doubt verb ("claimed"): -weight
                                     conditional ("if"/"unless"/"provided"/"assuming"
                                       with "would"/"could"/"might"/"may"/"should"): -0.4
    cues inside a quotation count at 0.5 (they are the speaker's, not the writer's)
    assertion = tanh(raw) × (0.5 if the sentence attributes its claim to a source else 1)
"""
from __future__ import annotations

import bisect
import math
from operator import attrgetter

from framing.lexicon import Lexicon
from framing.results import Cue, Flag, Token

QUOTED = 0.5
NEGATED = 0.5
CONDITIONAL = -0.4
ATTRIBUTED = 0.5
HEDGED_BELOW = -0.15
BOOSTED_ABOVE = 0.15
STRONG = 0.5
_NORM = attrgetter("norm")


def _negated(before: list[Token], negators: frozenset[str]) -> bool:
    """A negator among the two tokens before a flag ("not clearly", "isn't likely")."""
    return any(t.norm in negators or t.norm.endswith("n't") for t in before[-2:])


def _flag_cue(flag: Flag, before: list[Token], negators: frozenset[str]) -> Cue | None:
    """The cue a flag gives, from the flag and the tokens just before it."""
    w = flag.weight
    if flag.kind == "hedge":
        kind, effect = ("negated_hedge", -NEGATED * w) if _negated(before, negators) else ("hedge", -w)
    elif flag.kind == "booster":
        kind, effect = (("negated_booster", -NEGATED * w) if _negated(before, negators)
                        else ("booster", w))
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
    first = next(filter(conditions.__contains__, map(_NORM, toks)), None)
    if first is None:  # most sentences: no list of their words needed
        return None
    norms = list(map(_NORM, toks))
    if modals.isdisjoint(norms):
        return None
    cond = toks[norms.index(first)]
    return Cue("conditional", cond.text, CONDITIONAL, cond.start, cond.end)


def sentence_assertion(toks: list[Token], flags: list[Flag], attribution: Cue | None,
                       lexicon: Lexicon) -> tuple[float, tuple[Cue, ...]]:
    """(score, cues) for one sentence from its tokens, its flags and its attribution cue."""
    if not flags and not attribution and _conditional(toks, lexicon) is None:
        return 0.0, ()  # no cue (most sentences): round(tanh(0), 3)
    negators = lexicon.classes.get("negator", frozenset())
    starts = [t.start for t in toks] if flags else []
    cues = [c for f in flags
            if (c := _flag_cue(f, toks[max(bisect.bisect_left(starts, f.start) - 2, 0):
                                        bisect.bisect_left(starts, f.start)], negators))]
    conditional = _conditional(toks, lexicon)
    if conditional:
        cues.append(conditional)
    score = math.tanh(sum(c.effect for c in cues))
    if attribution:
        cues.append(attribution)
        score *= ATTRIBUTED
    return round(score, 3), tuple(cues)


def strength_level(score: float) -> int:
    """-2 strongly hedged (≤ -0.5), -1 hedged, 0 plain, 1 boosted, 2 strongly boosted (≥ 0.5)."""
    band = strength(score)
    if band == "plain":
        return 0
    return (2 if abs(score) >= STRONG else 1) * (-1 if band == "hedged" else 1)


def strength(score: float) -> str:
    """hedged, plain or boosted, by the documented thresholds."""
    if score <= HEDGED_BELOW:
        return "hedged"
    return "boosted" if score >= BOOSTED_ABOVE else "plain"
