"""Article-level scores from flags and sentences (densities count the writer's own words:
flags whose `voice` is `writer`, neither quoted nor reported)."""
from __future__ import annotations

from collections import Counter

from framing.assertion import strength
from framing.classify import BIASED
from framing.results import KINDS, Flag, Readability, Scores, Sentence


def _per_1000(count: int, words: int) -> float:
    return round(1000 * count / words, 2) if words else 0.0


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


VOICE_GROUPS = ("writer", "reported", "quoted")
SENTENCE_GROUP = {"narrator": "writer", "mixed": "writer", "reported": "reported",
                  "quote": "quoted"}
DENSITIES = (("loaded", "loaded_per_1000_words"), ("hedge", "hedges_per_1000_words"),
             ("booster", "boosters_per_1000_words"), ("anonymous", "anonymous_per_1000_words"))


def _biased_share(sentences: list[Sentence]) -> float | None:
    probabilities = [s.bias_probability for s in sentences if s.bias_probability is not None]
    return (round(sum(p >= BIASED for p in probabilities) / len(probabilities), 3)
            if probabilities else None)


def by_voice(flags: list[Flag], sentences: list[Sentence],
             words: dict[str, int]) -> dict[str, dict]:
    """Scores per voice: the writer's own words, reported speech, and quotations. Each:
    sentences (by sentence voice: narrator and mixed are the writer's), words and flags (each
    by its own voice, `Flag.voice`: a word in reported speech inside a writer's sentence is
    reported), biased_sentence_share, counts per kind and the densities per 1,000 of its own
    words (`words`: words per voice, as flags are given theirs)."""
    group_of = [SENTENCE_GROUP.get(s.voice, "writer") for s in sentences]
    counts = {g: Counter() for g in VOICE_GROUPS}
    for f in flags:
        counts[f.voice][f.kind] += 1
    out = {}
    for g in VOICE_GROUPS:
        own = [s for s, sg in zip(sentences, group_of) if sg == g]
        out[g] = {"sentences": len(own), "words": words.get(g, 0),
                  "biased_sentence_share": _biased_share(own),
                  "counts": {k: counts[g][k] for k in KINDS}}
        out[g] |= {key: _per_1000(counts[g][kind], words.get(g, 0)) for kind, key in DENSITIES}
    return out


def article_scores(flags: list[Flag], sentences: list[Sentence], word_count: int,
                   readability: Readability | None,
                   voice_words: dict[str, int] | None = None) -> Scores:
    """Counts per kind (writer's own, reported and quoted: `Flag.voice`), densities of the
    writer's own flags per 1,000 words, means and shares; with `voice_words` (words per voice
    group) also the same per voice (`by_voice`)."""
    by = {g: Counter(f.kind for f in flags if f.voice == g) for g in VOICE_GROUPS}
    own, quoted = by["writer"], by["quoted"]
    bands = [strength(s.assertion) for s in sentences if s.assertion is not None]

    def share(band: str) -> float | None:
        return round(bands.count(band) / len(bands), 3) if bands else None

    return Scores(
        loaded_per_1000_words=_per_1000(own["loaded"], word_count),
        hedges_per_1000_words=_per_1000(own["hedge"], word_count),
        boosters_per_1000_words=_per_1000(own["booster"], word_count),
        anonymous_per_1000_words=_per_1000(own["anonymous"], word_count),
        assertion_mean=_mean([s.assertion for s in sentences if s.assertion is not None]),
        biased_sentence_share=_biased_share(sentences),
        hedged_sentence_share=share("hedged"),
        plain_sentence_share=share("plain"),
        boosted_sentence_share=share("boosted"),
        readability=readability,
        counts={k: own[k] for k in KINDS},
        quoted_counts={k: quoted[k] for k in KINDS},
        reported_counts={k: by["reported"][k] for k in KINDS},
        by_voice=by_voice(flags, sentences, voice_words) if voice_words is not None else {},
    )
