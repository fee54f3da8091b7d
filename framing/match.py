"""One matcher for every lexicon entry: token sequences, possessives, case, sense exceptions."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import attrgetter, or_

from framing.frames import FrameWords, speech_frame
from framing.lexicon import COMPLEMENT_PREPS, NEAR, Entry, Exception_, Lexicon, WordSet
from framing.results import Token
from framing.segment import sentence_spans, tokens


@dataclass(frozen=True)
class Match:
    """Entry `entry` matched tokens [first, last) of a sentence."""

    entry: Entry
    first: int
    last: int


_END = ""  # trie key of the forms that end at a node (no form word is empty)
_NORM, _BASE = attrgetter("norm"), attrgetter("base")


def form_at(form: tuple[str, ...], text: str, toks: list[Token], i: int) -> bool:
    """True if `form` stands at toks[i:], its words side by side (only space between them)."""
    if i + len(form) > len(toks):
        return False
    for k, word in enumerate(form):
        tok = toks[i + k]
        if word != "*" and word != tok.norm and word != tok.base:
            return False
        if k and text[toks[i + k - 1].end:tok.start].strip():
            return False
    return True


def _opens(node: dict | None, toks: list[Token], k: int) -> bool:
    """A form may match from a first word whose trie node is `node`: a form ends there or
    may go on with toks[k] (a cheap test before `Matcher._at`; most first words open none)."""
    if node is None:
        return False
    if _END in node or "*" in node:
        return True
    return k < len(toks) and (toks[k].norm in node or toks[k].base in node)


class Matcher:
    """A trie of all forms, word by word ("*" matches any one word); finds the longest
    non-excepted match at each token (ties: the entry listed first)."""

    def __init__(self, lexicon: Lexicon):
        self.det = WordSet(lexicon.classes.get("det", frozenset()))
        self.frames = FrameWords.of(lexicon.classes)
        root: dict = {}
        for order, entry in enumerate(lexicon.entries):
            for form in entry.forms:
                node = root
                for word in form:
                    node = node.setdefault(word, {})
                node.setdefault(_END, []).append((order, entry))
        self.root = root

    def sentence(self, text: str, toks: list[Token]) -> list[Match]:
        """Matches in one sentence's tokens, left to right, never overlapping."""
        out: list[Match] = []
        root = self.root
        known = root.__contains__
        after = 0  # the end of the last match
        starts = map(or_, map(known, map(_NORM, toks)), map(known, map(_BASE, toks)))
        for i in compress(range(len(toks)), starts):  # the words some form starts with
            tok = toks[i]
            if i >= after and (_opens(root.get(tok.norm), toks, i + 1) or (
                    tok.base != tok.norm and _opens(root.get(tok.base), toks, i + 1))):
                match = self._at(text, toks, i)
                if match:
                    out.append(match)
                    after = match.last
        return out

    def _at(self, text: str, toks: list[Token], i: int) -> Match | None:
        tok = toks[i]
        nodes = [n for n in (self.root.get(tok.norm),
                             self.root.get(tok.base) if tok.base != tok.norm else None) if n]
        found: list[tuple[int, int, Entry]] = []  # (-length, order, entry)
        k = i
        while nodes:
            for node in nodes:
                found += [(i - k - 1, order, entry) for order, entry in node.get(_END, ())]
            k += 1
            if k >= len(toks) or text[toks[k - 1].end:toks[k].start].strip():
                break
            nxt = toks[k]
            keys = ("*", nxt.norm) if nxt.base == nxt.norm else ("*", nxt.norm, nxt.base)
            nodes = [child for node in nodes for key in keys if (child := node.get(key))]
        found.sort(key=lambda f: (f[0], f[1]))
        for neg_length, _, entry in found:
            j = i - neg_length
            if (not self.exception(entry, toks, i, j) and self.required(entry, text, toks, i, j)
                    and not _in_name(text, toks, i, j)):
                return Match(entry, i, j)
        return None

    def required(self, entry: Entry, text: str, toks: list[Token], i: int, j: int) -> bool:
        """The context the entry requires holds here (`requires = "speech_frame"`)."""
        return entry.requires is None or speech_frame(text, toks, i, j, self.frames)

    def exception(self, entry: Entry, toks: list[Token], i: int, j: int) -> Exception_ | None:
        """The first of the entry's exceptions whose conditions all hold here, if any."""
        for ex in entry.exceptions:
            if self.holds(ex, toks, i, j):
                return ex
        return None

    def holds(self, ex: Exception_, toks: list[Token], i: int, j: int) -> bool:
        """True if every condition of `ex` holds for a match over toks[i:j]."""
        def at(k: int) -> Token | None:
            return toks[k] if 0 <= k < len(toks) else None

        def skip_det(k: int, step: int) -> Token | None:
            while 0 <= k < len(toks) and self.det.has(toks[k]):
                k += step
            return at(k)

        checks = (
            (ex.prev, lambda: at(i - 1)),
            (ex.next, lambda: at(j)),
            (ex.before, lambda: skip_det(i - 1, -1)),
            (ex.after, lambda: skip_det(j, 1)),
        )
        if any(cond is not None and not cond.has(get()) for cond, get in checks):
            return False
        complement = _complement(toks, j)
        windows = ((ex.near_before, toks[max(i - NEAR, 0):i]), (ex.near_after, toks[j:j + NEAR]),
                   (ex.of, complement))
        if any(cond is not None and not any(cond.has(t) for t in window)
               for cond, window in windows):
            return False
        if ex.not_of is not None and (not complement or any(ex.not_of.has(t) for t in complement)):
            return False
        if ex.next_not is not None and ex.next_not.has(at(j)):
            return False
        if ex.sentence_has is not None and not any(ex.sentence_has.has(t) for t in toks):
            return False
        if ex.shape == "capitalized" and not _capitalized(toks, i):
            return False
        return not (ex.shape == "lower" and not toks[i].text[0].islower())


def _capitalized(toks: list[Token], i: int) -> bool:
    """A capital that marks a name or an acronym. The first word of a sentence is capitalised
    anyway, so there it counts only in capitals throughout ("RIP") or before another
    capitalised word ("Imperial College")."""
    word = toks[i].text
    if i > 0:
        return word[0].isupper()
    return (word.isupper() and len(word) > 1) or (
        word[0].isupper() and i + 1 < len(toks) and toks[i + 1].text[0].isupper())


def _in_name(text: str, toks: list[Token], i: int, j: int) -> bool:
    """The match is part of a proper name: capitalised where no sentence or quotation opens,
    next to another capitalised word (through "and"/"of"): "the book Fire and Fury". Not in a
    Title Case headline, where every word has a capital, nor the pronoun "I"."""
    if (not i or not toks[i].text[0].isupper() or toks[i].norm == "i"
            or text[toks[i].start - 1] in "“\"‘'("
            or 2 * sum(t.text[0].isupper() for t in toks) > len(toks)):
        return False

    def capital(k: int) -> bool:
        return 0 < k < len(toks) and toks[k].text[0].isupper()

    joined = {"and", "of", "the", "&"}
    return (capital(i - 1) or capital(j)
            or (i >= 2 and toks[i - 1].norm in joined and capital(i - 2))
            or (j + 1 < len(toks) and toks[j].norm in joined and capital(j + 1)))


def _complement(toks: list[Token], j: int) -> list[Token]:
    """The words after the "of" / "with" / "by" that ends a match ("flood of") or follows it
    ("regime of daily medication"): what `of` and `not_of` test; [] when there is none."""
    if j and toks[j - 1].norm in COMPLEMENT_PREPS:
        return toks[j:j + NEAR]
    if j < len(toks) and toks[j].norm in COMPLEMENT_PREPS:
        return toks[j + 1:j + 1 + NEAR]
    return []


def matches_in(text: str, matcher: Matcher,
               spans: list[tuple[int, int]] | None = None) -> Iterator[tuple[int, list[Token], Match]]:
    """(sentence index, its tokens, match) for every match in the text, sentence by sentence."""
    for index, (start, end) in enumerate(sentence_spans(text) if spans is None else spans):
        toks = tokens(text, start, end)
        for match in matcher.sentence(text, toks):
            yield index, toks, match


@lru_cache(maxsize=8)
def matcher_for(lexicon: Lexicon) -> Matcher:
    """The matcher of a lexicon, built once per process."""
    return Matcher(lexicon)
