"""Words that distinguish groups of texts: weighted log-odds ratios with an informative
Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words: Lexical Feature Selection and
Evaluation for Identifying the Content of Political Conflict", Political Analysis 16(4)).

For a word w, counts y_a, y_b in two groups of sizes n_a, n_b and a prior a_w (a0 in all):

    delta_w = log((y_a + a_w) / (n_a + a0 - y_a - a_w)) - log((y_b + a_w) / (n_b + a0 - y_b - a_w))
    var_w  ~= 1 / (y_a + a_w) + 1 / (y_b + a_w)
    z_w     = delta_w / sqrt(var_w)

The prior comes from a background count (by default both groups together), scaled to a total
of `prior_size` pseudo-counts; it shrinks rare words towards zero, so |z| > 1.96 marks a word
whose difference is unlikely to be noise, and frequent function words do not dominate.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

Z_95 = 1.96


@dataclass(frozen=True)
class WordScore:
    """How strongly `word` belongs to group a rather than b (delta > 0: more in a)."""

    word: str
    delta: float
    z: float
    count_a: int
    count_b: int


def log_odds(a: Mapping[str, int], b: Mapping[str, int], background: Mapping[str, int] | None = None,
             prior_size: float | None = None) -> list[WordScore]:
    """Every word of `a` or `b` scored, sorted by z (most typical of a first).

    `background`: counts the prior is drawn from (default a + b); `prior_size`: its total in
    pseudo-counts (default: the background's own total, Monroe et al.'s choice).
    """
    back = Counter(background) if background is not None else Counter(a) + Counter(b)
    back_total = sum(back.values())
    if back_total <= 0:
        return []
    scale = (prior_size if prior_size is not None else back_total) / back_total
    n_a, n_b = sum(a.values()), sum(b.values())
    a0 = scale * back_total
    out = []
    for word in set(a) | set(b):
        alpha = scale * back.get(word, 0)
        if alpha <= 0:
            alpha = scale  # a word missing from the background gets one pseudo-count
        y_a, y_b = a.get(word, 0), b.get(word, 0)
        odds_a = (y_a + alpha) / (n_a + a0 - y_a - alpha)
        odds_b = (y_b + alpha) / (n_b + a0 - y_b - alpha)
        delta = math.log(odds_a) - math.log(odds_b)
        z = delta / math.sqrt(1 / (y_a + alpha) + 1 / (y_b + alpha))
        out.append(WordScore(word, delta, z, y_a, y_b))
    out.sort(key=lambda s: (-s.z, s.word))
    return out


def distinguishing(groups: Mapping[str, Mapping[str, int]], top: int = 10,
                   min_z: float = Z_95, prior_size: float | None = None) -> dict[str, list[WordScore]]:
    """For each group, the `top` words most typical of it against all the other groups
    together (z ≥ `min_z`), with the prior drawn from the whole collection."""
    total: Counter[str] = Counter()
    for counts in groups.values():
        total.update(counts)
    out = {}
    for name, counts in groups.items():
        rest = total - Counter(counts)
        scores = log_odds(counts, rest, total, prior_size)
        out[name] = [s for s in scores if s.z >= min_z][:top]
    return out
