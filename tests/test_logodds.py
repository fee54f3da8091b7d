"""Fightin' words: log-odds with an informative Dirichlet prior (Monroe et al. 2008)."""
from __future__ import annotations

import math
from collections import Counter

import pytest

from framing.logodds import distinguishing, log_odds

A = Counter({"the": 500, "regime": 40, "government": 5, "harbour": 30, "rare": 1})
B = Counter({"the": 480, "regime": 3, "government": 45, "harbour": 31})


def by_word(scores):
    return {s.word: s for s in scores}


def test_words_one_group_uses_and_the_other_avoids_score_strongly():
    scores = by_word(log_odds(A, B))
    assert scores["regime"].z > 1.96 and scores["government"].z < -1.96
    assert abs(scores["harbour"].z) < 1.0 and abs(scores["the"].z) < 1.96
    assert abs(scores["rare"].z) < 1.96, "one occurrence is noise, not a distinguishing word"
    assert (scores["regime"].count_a, scores["regime"].count_b) == (40, 3)


def test_swapping_the_groups_flips_the_sign():
    ab, ba = by_word(log_odds(A, B)), by_word(log_odds(B, A))
    for word in ab:
        assert math.isclose(ab[word].z, -ba[word].z, abs_tol=1e-9)


def test_sorted_most_typical_of_a_first_and_a_formula_value():
    scores = log_odds({"x": 3, "y": 1}, {"x": 1, "y": 3})
    assert [s.word for s in scores] == ["x", "y"]
    # background x=4, y=4 (a0 = 8): delta = log(7/5) - log(5/7)
    assert scores[0].delta == pytest.approx(2 * math.log(7 / 5))
    assert scores[0].z == pytest.approx(2 * math.log(7 / 5) / math.sqrt(1 / 7 + 1 / 5))


def test_a_stronger_prior_shrinks_the_scores():
    weak = by_word(log_odds(A, B, prior_size=10))["regime"].z
    strong = by_word(log_odds(A, B, prior_size=100_000))["regime"].z
    assert weak > strong > 0


def test_distinguishing_words_per_group_against_the_rest():
    groups = {"left": A, "right": B, "centre": Counter({"the": 490, "harbour": 29, "government": 20})}
    top = distinguishing(groups, top=3)
    assert top["left"][0].word == "regime"
    assert "government" in [s.word for s in top["right"]]
    assert all(s.z >= 1.96 for scores in top.values() for s in scores)


def test_empty_input_gives_no_scores():
    assert log_odds({}, {}) == [] and distinguishing({"a": {}}) == {"a": []}
