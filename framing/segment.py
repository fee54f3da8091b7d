"""Segmentation with character offsets: sentences, word tokens and quotation spans.

Sentences: the text is first cut into lines and blank-line blocks (headlines, bylines and
photo captions stand on lines of their own), then each unit is split with nupunkt, a
Punkt implementation that ships its trained parameters (no downloads, ~0.03 s import).
"""
from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator, Sequence
from itertools import accumulate, compress, repeat
from operator import attrgetter, methodcaller

from framing.results import Token

INVISIBLE = "\u00ad\u200b\u200c\u200d"  # soft hyphen, zero-width space and joiners
WORD_RE = re.compile(rf"\w+(?:[-'’{INVISIBLE}]\w+)*")
_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")  # split: gap, word, gap, word, …, gap
_INVISIBLE = str.maketrans("", "", INVISIBLE)
_POSSESSIVE = methodcaller("endswith", "'s")
_LIST_ITEM_RE = re.compile(r"\s*(?:[-*+•]\s|\d+[.)]\s|#{1,6}\s|>)")
_TERMINAL = ".!?:;\"”’)"
_START = attrgetter("start")


def normalise(word: str) -> str:
    """Lower-case a word, straighten curly apostrophes and drop invisible characters (soft
    hyphens and zero-width spaces copied from web pages), for matching."""
    return word.lower().replace("’", "'").translate(_INVISIBLE)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of text[start:end] with absolute offsets.

    Built a list at a time, in C, with no Python step per word: splitting with the word
    pattern in a group gives the gaps and the words in turn, so the running sum of their
    lengths gives every word's start and end (as WORD_RE.finditer would: the pattern looks
    at nothing outside its match). The norms are `normalise` of each word, done as a
    map per step; the base differs only for the few norms ending in 's."""
    chunk = text[start:] if end is None else text[start:end]
    parts = _SPLIT_RE.split(chunk)
    offsets = list(accumulate(map(len, parts), initial=start))
    words = parts[1::2]
    norms = map(str.lower, words)  # word by word: a Σ lower-cases by the word's end
    if "’" in chunk:
        norms = map(str.replace, norms, repeat("’"), repeat("'"))
    if any(c in chunk for c in INVISIBLE):
        norms = map(str.translate, norms, repeat(_INVISIBLE))
    norms = list(norms)
    bases = norms
    if "'" in chunk or "’" in chunk:
        for k in compress(range(len(norms)), map(_POSSESSIVE, norms)):
            if len(norms[k]) > 2:
                bases = norms.copy() if bases is norms else bases
                bases[k] = norms[k][:-2]
    # tuple.__new__: Token(...) without the named tuple's Python-level __new__
    return list(map(tuple.__new__, repeat(Token),
                    zip(offsets[1::2], offsets[2::2], words, norms, bases)))


def _blocks(text: str) -> Iterator[list[tuple[int, int]]]:
    """Yield blocks (runs of non-blank lines) as lists of (start, end) line spans."""
    block: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            block.append((pos, end))
        elif block:
            yield block
            block = []
        pos = end + 1
    if block:
        yield block


def _is_wrapped(text: str, block: list[tuple[int, int]]) -> bool:
    """True if a block's single line breaks are soft wraps of one paragraph of prose."""
    if len(block) < 2 or any(_LIST_ITEM_RE.match(text, s) for s, _ in block):
        return False
    if len(block) >= 3:
        return True
    (s1, e1), (s2, e2) = block
    first_end = text[s1:e1].rstrip()[-1:]
    return first_end not in _TERMINAL and text[s2:e2].lstrip()[:1].islower()


def _units(text: str) -> Iterator[tuple[int, int]]:
    """Spans that no sentence may cross: lines, or whole blocks of wrapped prose."""
    for block in _blocks(text):
        if _is_wrapped(text, block):
            yield block[0][0], block[-1][1]
        else:
            yield from block


_CLOSERS = "\"'’”)]}»*"  # closing marks nupunkt glues to the sentence before them


def _one_sentence(unit: str) -> bool:
    """True if nupunkt finds one sentence in a unit: no sentence-ending character (nupunkt's
    ".", "!", "?", "…") before its last one, past which come only closing marks, then
    spaces. nupunkt weighs a break only at an ending character; at the very end a break or
    none gives the same single sentence (a run of closing marks after a break is realigned
    onto it; not one broken by a space).
    Half the units (headlines, bylines, one-sentence paragraphs) skip nupunkt so;
    tests/test_segment.py checks the two ways agree."""
    head = unit.rstrip().rstrip(_CLOSERS)[:-1]
    return not ("." in head or "?" in head or "!" in head or "…" in head)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets, stripped of surrounding white space."""
    import nupunkt

    spans = []
    for ustart, uend in _units(text):
        unit = text[ustart:uend].replace("\n", " ")
        for s, e in ((0, len(unit)),) if _one_sentence(unit) else nupunkt.sent_spans(unit):
            piece = unit[s:e]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            if e - s - lead - trail > 0:
                spans.append((ustart + s + lead, ustart + e - trail))
    return spans


def sentence_of(spans: Sequence[tuple[int, int]], offset: int) -> int:
    """Index of the sentence holding `offset`, given the sorted sentence spans: the last one
    starting at or before it (white space after a sentence belongs to it; an offset before
    the first sentence to the first). Sentences with no words count like any other."""
    return max(bisect.bisect_right(spans, (offset, math.inf)) - 1, 0)  # start <= offset


_OPEN_BEFORE = set(" \t\n([{—–-/")
_DOUBLE_MARK = re.compile('[“”"]')
# The opening mark comes first and the test of the character before it after (a two-character
# lookbehind over that character and the mark): a pattern that opens with a character set lets
# the regex engine skip to the next mark instead of trying the lookbehind at every character.
_SINGLE_QUOTE = re.compile(r"([‘'])(?<![\w’'][‘'])(?=\w)([^‘’'\n]{1,80}?)(?<=[\w.,!?])([’'])(?!\w)")


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each line that is not blank."""
    if "\n" not in text:  # one line (a sentence read alone)
        if text.strip():
            yield 0, len(text)
        return
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, pos + len(line)
        pos += len(line) + 1


def _double_quotes(text: str, pstart: int, pend: int) -> tuple[list[tuple[int, int]], int | None]:
    """Double-quote spans within one paragraph; also the start of a quote left open at its end."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _DOUBLE_MARK.finditer(text, pstart, pend):
        i = m.start()
        ch = text[i]
        if ch == "“" or (ch == '"' and opened is None and (i == pstart or text[i - 1] in _OPEN_BEFORE)):
            opened = i
        elif (ch == "”" or ch == '"') and opened is not None:
            spans.append((opened, i + 1))
            opened = None
    return spans, opened


def _single_quotes(text: str, pstart: int, pend: int) -> list[tuple[int, int]]:
    """‘…’ and '…' spans of at most eight words: the opening mark starts a word, the closing
    one ends it, and no other single mark lies between (so "rock 'n' roll" is no quote)."""
    spans = []
    for m in _SINGLE_QUOTE.finditer(text, pstart, pend):
        inner = m.group(2)
        if (m.group(1) == "‘") == (m.group(3) == "’") and len(inner) > 1 and len(inner.split()) <= 8:
            spans.append((m.start(), m.end()))
    return spans


def _inside(spans: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    """`span` lies within one of the sorted, non-overlapping `spans` (bisected: a paragraph
    with thousands of quotes stays linear time)."""
    k = bisect.bisect_right(spans, span[0], key=lambda s: s[0]) - 1
    return k >= 0 and span[1] <= spans[k][1]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Quotation spans (marks included), straight or curly, across sentences.

    Newspaper convention: a quote left open at a paragraph's end runs to that end when the
    paragraph opened with it or the next paragraph reopens with a quote mark; any other
    unclosed mark is a stray and is ignored.
    """
    # Only these marks open a quote ("’" alone is an apostrophe or a closing mark): a text
    # without them, or without either kind, has nothing of that kind to scan
    doubles_in = "“" in text or '"' in text or "”" in text
    singles_in = "‘" in text or "'" in text
    if not doubles_in and not singles_in:  # most sentences
        return []
    paragraphs = list(_paragraphs(text))
    spans: list[tuple[int, int]] = []
    for n, (pstart, pend) in enumerate(paragraphs):
        doubles, opened = _double_quotes(text, pstart, pend) if doubles_in else ([], None)
        reopens = n + 1 < len(paragraphs) and text[paragraphs[n + 1][0]] in "“\""
        if opened is not None and (opened == pstart or reopens):
            doubles.append((opened, pend))
        spans.extend(doubles)
        if singles_in:
            spans.extend(s for s in _single_quotes(text, pstart, pend) if not _inside(doubles, s))
    return sorted(spans)


def starts_within(toks: list[Token], spans: list[tuple[int, int]]) -> set[int]:
    """Start offsets of the tokens that lie inside any of the spans (start in [a, b))."""
    if not spans:
        return set()
    starts = list(map(_START, toks))
    inside: set[int] = set()
    for a, b in spans:
        inside.update(starts[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)])
    return inside
