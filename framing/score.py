"""Article-level scores from flags and sentences (densities count the writer's own words)."""
from __future__ import annotations

from collections import Counter

from framing.assertion import strength
from framing.classify import BIASED
from framing.results import KINDS, Flag, Readability, Scores, Sentence


def _per_1000(count: int, words: int) -> float:
    return round(1000 * count / words, 2) if words else 0.0


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def article_scores(flags: list[Flag], sentences: list[Sentence], word_count: int,
                   readability: Readability | None) -> Scores:
    """Counts per kind (writer's and quoted), densities per 1,000 words, means and shares."""
    own = Counter(f.kind for f in flags if not f.in_quote)
    quoted = Counter(f.kind for f in flags if f.in_quote)
    probabilities = [s.bias_probability for s in sentences if s.bias_probability is not None]
    bands = [strength(s.assertion) for s in sentences if s.assertion is not None]

    def share(band: str) -> float | None:
        return round(bands.count(band) / len(bands), 3) if bands else None

    return Scores(
        loaded_per_1000_words=_per_1000(own["loaded"], word_count),
        hedges_per_1000_words=_per_1000(own["hedge"], word_count),
        boosters_per_1000_words=_per_1000(own["booster"], word_count),
        anonymous_per_1000_words=_per_1000(own["anonymous"], word_count),
        assertion_mean=_mean([s.assertion for s in sentences if s.assertion is not None]),
        biased_sentence_share=(round(sum(p >= BIASED for p in probabilities)
                                     / len(probabilities), 3) if probabilities else None),
        hedged_sentence_share=share("hedged"),
        plain_sentence_share=share("plain"),
        boosted_sentence_share=share("boosted"),
        readability=readability,
        counts={k: own[k] for k in KINDS},
        quoted_counts={k: quoted[k] for k in KINDS},
    )
