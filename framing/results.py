"""Result dataclasses: every stage of the pipeline returns these, and the JSON mirrors them."""
from __future__ import annotations

from dataclasses import field
from typing import NamedTuple

from framing.record import record

KINDS = ("loaded", "hedge", "booster", "anonymous", "report_verb", "scare_quote")


class Token(NamedTuple):
    """A word token with its character offsets and normalised forms for matching (a named
    tuple rather than a dataclass: an article makes one per word, three times faster)."""

    start: int
    end: int
    text: str
    norm: str  # lower-case, curly apostrophes made straight
    base: str  # norm without a possessive 's


@record
class Quote:
    """A quotation span (marks included): kind direct, partial, title, term or scare."""

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None

    @property
    def speech(self) -> bool:
        """Someone's own words (a direct or partial quotation), not the writer's."""
        return self.kind in ("direct", "partial")


@record
class Flag:
    """One flagged span; `text == article.text[start:end]`."""

    kind: str
    id: str
    term: str
    start: int
    end: int
    text: str
    sentence: int
    category: str
    explanation: str
    alternatives: tuple[str, ...]
    in_quote: bool
    weight: float
    speaker: str | None = None  # whose words: the quotation's or the reported speech's speaker
    probability: float | None = None  # learned flags: P(an expert marks this word)
    # whose voice: "writer" (the writer's own words), "reported" (indirect speech, someone
    # else's words without quotation marks: framing/detect/reported.py) or "quoted"
    voice: str = "writer"


@record
class Cue:
    """One thing that moved a sentence's assertion score, and by how much."""

    kind: str  # hedge, booster, negated_booster, negated_hedge, factive, doubt_verb, conditional, attribution
    text: str
    effect: float
    start: int
    end: int


@record
class Sentence:
    """A sentence span with its per-sentence scores and the cues behind its assertion score."""

    index: int
    start: int
    end: int
    voice: str
    assertion: float | None = None
    bias_probability: float | None = None
    cues: tuple[Cue, ...] = ()
    bias_words: tuple[str, ...] = ()


@record
class Source:
    """Who is speaking: a named or anonymous source, with the quotes and attributions it has."""

    name: str
    kind: str  # named | anonymous
    quotes: int
    mentions: tuple[tuple[int, int], ...]


@record
class Readability:
    """Flesch reading ease (higher is easier), Flesch-Kincaid grade, and a plain-words band."""

    flesch_reading_ease: float
    grade_level: float
    band: str


@record
class Scores:
    """Article-level scores; `counts` and the densities count the writer's own words (flags in
    the `writer` voice); reported speech and quotations are counted apart."""

    loaded_per_1000_words: float
    hedges_per_1000_words: float
    boosters_per_1000_words: float
    anonymous_per_1000_words: float
    assertion_mean: float | None
    biased_sentence_share: float | None
    hedged_sentence_share: float | None
    plain_sentence_share: float | None
    boosted_sentence_share: float | None
    readability: Readability | None
    counts: dict[str, int] = field(default_factory=dict)
    quoted_counts: dict[str, int] = field(default_factory=dict)
    reported_counts: dict[str, int] = field(default_factory=dict)  # flags in reported speech
    # per voice ("writer", "reported", "quoted"): sentences, words, biased_sentence_share,
    # counts and densities per 1,000 of that voice's words (score.by_voice)
    by_voice: dict[str, dict] = field(default_factory=dict)


@record
class Article:
    """The analysis of one text: what `framing.analyse` returns and the JSON holds."""

    source: str | None
    title: str | None
    text: str
    word_count: int
    scores: Scores
    sentences: tuple[Sentence, ...]
    flags: tuple[Flag, ...]
    quotes: tuple[Quote, ...]
    sources: tuple[Source, ...] = ()
    removed: str | None = None
