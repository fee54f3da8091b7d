"""Assertion strength: the direction each cue type moves a sentence, and the four-way sample."""
from __future__ import annotations

import pytest

import framing
from framing.assertion import strength
from framing.results import Cue

from .conftest import SAMPLES


def score(sentence: str) -> float:
    article = framing.analyse(sentence)
    assert len(article.sentences) == 1, article.sentences
    return article.sentences[0].assertion


def cues(sentence: str) -> list[str]:
    return [c.kind for c in framing.analyse(sentence).sentences[0].cues]


PLAIN = "The council approved the plan on Thursday."


@pytest.mark.parametrize("sentence, direction, cue", [
    ("The council reportedly approved the plan on Thursday.", -1, "hedge"),
    ("The council may have approved the plan on Thursday.", -1, "hedge"),
    ("The council appears to have approved the plan on Thursday.", -1, "hedge"),
    ("It is believed that the council approved the plan on Thursday.", -1, "hedge"),
    ("The council clearly approved the plan on Thursday.", 1, "booster"),
    ("The council undoubtedly approved the plan on Thursday.", 1, "booster"),
    ("Of course, the council approved the plan on Thursday.", 1, "booster"),
    ("The vote proves that the council wanted the plan.", 1, "booster"),
    ("The council did not clearly approve the plan on Thursday.", -1, "negated_booster"),
    ("If the council approved the plan, the port would grow.", -1, "conditional"),
    ("The auditor revealed that the council had approved the plan.", 1, "factive"),
    ("The mayor claimed that the council had approved the plan.", -1, "doubt_verb"),
])
def test_cue_direction(sentence, direction, cue):
    assert score(PLAIN) == 0
    assert (score(sentence) > 0) if direction > 0 else (score(sentence) < 0)
    assert cue in cues(sentence)


def test_compound_hedge_is_strong_but_hedged():
    """'almost certainly' is one hedge: below a plain claim, above a full hedge, not a booster."""
    compound = score("The council almost certainly approved the plan.")
    assert score("The council possibly approved the plan.") < compound < 0
    assert cues("The council almost certainly approved the plan.") == ["hedge"]


def test_negated_hedge_hedges_less_than_the_hedge():
    assert score("The council is likely to approve the plan.") < score(
        "The council is not likely to approve the plan.") < 0


def test_more_cues_move_further_but_stay_in_range():
    one = score("The council clearly approved the plan.")
    two = score("The council clearly and undoubtedly approved the plan.")
    assert 0 < one < two < 1
    assert -1 < score("The council reportedly may possibly have approved the plan.") < score(
        "The council reportedly approved the plan.") < 0


def test_attribution_halves_the_writers_assertion():
    own = score("The plan will clearly fail.")
    attributed = score("The plan will clearly fail, Mayor Ann Holt said.")
    assert attributed == pytest.approx(own / 2, abs=0.01)
    assert "attribution" in cues("The plan will clearly fail, Mayor Ann Holt said.")


def test_quoted_cues_count_half():
    writer = score("The plan will clearly fail.")
    quoted = score("“The plan will clearly fail,” she said.")
    assert 0 < quoted < writer


@pytest.mark.parametrize("value, band", [(-0.6, "hedged"), (-0.15, "hedged"), (-0.1, "plain"),
                                          (0.0, "plain"), (0.14, "plain"), (0.15, "boosted")])
def test_bands(value, band):
    assert strength(value) == band


def test_four_way_sample_order():
    means = {name: framing.analyse((SAMPLES / f"port-{name}.txt").read_text(encoding="utf-8"))
             .scores.assertion_mean for name in ("neutral", "hedged", "boosted")}
    assert means["hedged"] < means["neutral"] < means["boosted"]
    assert means["hedged"] < 0 < means["boosted"]


def weight(entry_id: str) -> float:
    from framing import lexicon

    return lexicon.builtin().get(entry_id).weight


@pytest.mark.parametrize("sentence, raw, damped", [
    ("The council reportedly approved the plan on Thursday.", lambda: -weight("hedge.reportedly"), 1),
    ("If the council approved the plan, the port would grow.", lambda: -0.4, 1),
    ("The council did not clearly approve the plan on Thursday.",
     lambda: -0.5 * weight("booster.clearly"), 1),
    ("The council is not likely to approve the plan.", lambda: -0.5 * weight("hedge.likely"), 1),
    ("“The plan will clearly fail,” she said.", lambda: 0.5 * weight("booster.clearly"), 1),
    ("The mayor claimed that the council had approved the plan.",
     lambda: -weight("report_verb.claimed"), 1),
    ("The auditor revealed that the council had approved the plan.",
     lambda: weight("report_verb.reveal"), 1),
    ("The council clearly and undoubtedly approved the plan.",
     lambda: weight("booster.clearly") + weight("booster.undoubtedly"), 1),
    ("The plan will clearly fail, Mayor Ann Holt said.", lambda: weight("booster.clearly"), 0.5),
])
def test_score_follows_the_documented_formula(sentence, raw, damped):
    """docs/assertion.md: tanh(Σ effects), effects from the entries' weights, × 0.5 when the
    claim is attributed; each cue's effect is listed with the sentence."""
    import math

    article = framing.analyse(sentence, model=False)
    (s,) = article.sentences
    assert s.assertion == round(math.tanh(raw()) * damped, 3)
    assert sum(c.effect for c in s.cues) == pytest.approx(raw(), abs=1e-9)


@pytest.mark.parametrize("sentence, kinds", [
    ("The council isn't likely to approve the plan.", ["negated_hedge"]),
    ("The council is not likely to approve the plan.", ["negated_hedge"]),
    # the negator must stand within two words before the cue
    ("Fines, not bans, will likely stay in the plan.", ["hedge"]),
    ("Not likely to pass, the bill was shelved.", ["negated_hedge"]),  # the first word too
    ("The council won't clearly commit to the plan.", ["negated_booster"]),
    ("The vote proves that the council wanted the plan.", ["booster"]),
    ("The auditor revealed that the council had approved the plan.", ["factive"]),
])
def test_cue_kinds(sentence, kinds):
    assert cues(sentence) == kinds


@pytest.mark.parametrize("value, level", [
    (-0.9, -2), (-0.5, -2), (-0.49, -1), (-0.15, -1), (-0.14, 0), (0.0, 0), (0.14, 0),
    (0.15, 1), (0.49, 1), (0.5, 2), (0.9, 2)])
def test_strength_levels(value, level):
    from framing.assertion import strength_level

    assert strength_level(value) == level and type(strength_level(value)) is int


def test_the_conditional_cue_names_its_word():
    (sentence,) = framing.analyse("If the council approved the plan, the port would grow.",
                                  model=False).sentences
    assert sentence.cues == (Cue("conditional", "If", -0.4, 0, 2),)


@pytest.mark.parametrize("sentence, expected", [
    ("The council approved the plan on Thursday.", (0.0, ())),
    ("“Go on.”", (0.0, ())),
    ("If the council met, the port would grow.",
     (round(__import__("math").tanh(-0.4), 3), ("conditional",))),
    ("If the council met, the port grew.", (0.0, ())),  # a condition without a modal
])
def test_a_sentence_without_flags_or_attribution(sentence, expected):
    """No flag and no attribution: a plain score of 0.0 and no cue, unless the sentence is
    conditional (then the general formula over its one cue)."""
    from framing.assertion import sentence_assertion
    from framing.lexicon import builtin
    from framing.segment import tokens

    got, found = sentence_assertion(tokens(sentence), [], None, builtin())
    assert (repr(got), tuple(c.kind for c in found)) == (repr(expected[0]), expected[1])
