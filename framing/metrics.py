"""The scores `framing compare` sets side by side (kept light: the command's options need
the keys at start-up)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Metric:
    """One compared score: its key (as in the JSON `scores`), a short label and its unit."""

    key: str
    label: str
    fmt: str  # format spec for a value
    about: str


METRICS = (
    Metric("loaded_per_1000_words", "loaded terms /1k words", ".1f",
           "loaded terms in the writer's own words per 1,000 words"),
    Metric("hedges_per_1000_words", "hedges /1k words", ".1f",
           "hedges in the writer's own words per 1,000 words"),
    Metric("boosters_per_1000_words", "boosters /1k words", ".1f",
           "boosters in the writer's own words per 1,000 words"),
    Metric("anonymous_per_1000_words", "anonymous /1k words", ".1f",
           "anonymous-source phrases per 1,000 words"),
    Metric("assertion_mean", "mean assertion", "+.2f",
           "mean sentence assertion, -1 hedged to +1 categorical"),
    Metric("biased_sentence_share", "biased sentences", ".0%",
           "share of sentences the BABE-trained classifier reads as biased"),
    Metric("named_sources", "named sources", ".0f", "named people quoted or cited"),
    Metric("anonymous_sources", "anonymous sources", ".0f", "unnamed sources"),
    Metric("grade_level", "reading grade", ".1f",
           "Flesch-Kincaid grade level (higher is harder to read)"),
)
METRIC_KEYS = tuple(m.key for m in METRICS)
