"""One matcher for every lexicon entry: token sequences, possessives, case, sense exceptions."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import chain, compress
from operator import attrgetter, itemgetter, ne, or_

from framing import cache
from framing.frames import FrameWords, speech_frame
from framing.lexicon import COMPLEMENT_PREPS, NEAR, NEARBY, Entry, Exception_, Lexicon, WordSet
from framing.record import record
from framing.results import Token
from framing.segment import sentence_spans, tokens


@record
class Match:
    """Entry `entry` matched tokens [first, last) of a sentence."""

    entry: Entry
    first: int
    last: int


_END = ""  # trie key of the forms that end at a node (no form word is empty)
_NORM, _BASE = attrgetter("norm"), attrgetter("base")
_RANK = itemgetter(0, 1)  # (-length, order): the longest match first, then the entry listed first


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


def _openers(root: dict) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """What lets a form match from a token, read off the trie's first level: the first words
    at which a form ends or goes on with any word ("*"), and the (first, second) word pairs
    of the longer forms. A token opens a form exactly when its norm or base is among the
    first set, or pairs with the next token's norm or base in the second (see `_opens`)."""
    alone = frozenset(word for word, node in root.items() if _END in node or "*" in node)
    pairs = frozenset((word, second) for word, node in root.items() for second in node
                      if second != _END and second != "*")
    return alone, pairs


def _opens(node: dict | None, toks: list[Token], k: int) -> bool:
    """A form may match from a first word whose trie node is `node`: a form ends there or
    may go on with toks[k] (a cheap test before `Matcher._at`; most first words open none)."""
    if node is None:
        return False
    if _END in node or "*" in node:
        return True
    return k < len(toks) and (toks[k].norm in node or toks[k].base in node)


def _opens_token(root: dict, toks: list[Token], i: int) -> bool:
    """A form may match from toks[i]: `_opens` on its norm's or its base's trie node."""
    tok = toks[i]
    return (_opens(root.get(tok.norm), toks, i + 1)
            or (tok.base != tok.norm and _opens(root.get(tok.base), toks, i + 1)))


def _marked(words: list[str], alone: frozenset[str],
            pairs: frozenset[tuple[str, str]]) -> Iterable[int]:
    """The indices of the words in `alone` or whose pair with the next word is in `pairs`."""
    following = words[1:]
    firsts = alone.intersection(words)
    two = pairs.intersection(zip(words, following))
    if not two:
        return compress(range(len(words)), map(firsts.__contains__, words)) if firsts else ()
    opens = chain(map(two.__contains__, zip(words, following)), (False,))
    if firsts:
        opens = map(or_, map(firsts.__contains__, words), opens)
    return compress(range(len(words)), opens)


class Matcher:
    """A trie of all forms, word by word ("*" matches any one word); finds the longest
    non-excepted match at each token (ties: the entry listed first)."""

    def __init__(self, lexicon: Lexicon):
        self.det = WordSet(lexicon.classes.get("det", frozenset()))
        self.mention = WordSet(lexicon.classes.get("word_noun", frozenset()))
        self.frames = FrameWords.of(lexicon.classes)
        # first words of entries whose senses look beyond the sentence (`nearby_has`): a
        # sentence with one of them may match differently when read alone
        self.root, self.context_words = _trie(lexicon)
        self.entries = lexicon.entries  # what the orders at the trie's ends stand for
        self._openers: tuple[frozenset[str], frozenset[tuple[str, str]]] | None = None

    def sentence(self, text: str, toks: list[Token]) -> list[Match]:
        """Matches in one sentence's tokens, left to right, never overlapping.

        Which tokens may open a form is decided for the whole sentence at once, in C (set
        intersections and maps over its words and word pairs, `_candidates`): the same test
        as `_opens` on the norm's and the base's trie nodes, so the Python loop sees only the
        few real candidates instead of every "the" and "to"."""
        out: list[Match] = []
        after = 0  # the end of the last match
        for i in self._candidates(toks):
            if i >= after:
                match = self._at(text, toks, i)
                if match:
                    out.append(match)
                    after = match.last
        return out

    def _candidates(self, toks: list[Token]) -> Iterable[int]:
        """The indices of the tokens from which a form may match (`_opens` holds for the
        norm's or the base's trie node), in order. Looking at norms only, a token opens a
        form exactly when its word is in `_openers`' first set or its pair with the next word
        in the second: two set intersections find the few such words and pairs, and maps
        mark their places. Only next to a possessive (a base that is not the norm: the
        token itself and the one before it) can the bases open more: those few tokens are
        tested one by one, as defined."""
        if self._openers is None:
            self._openers = _openers(self.root)
        alone, pairs = self._openers
        norms = list(map(_NORM, toks))
        found = _marked(norms, alone, pairs)
        bases = list(map(_BASE, toks))
        if bases == norms:  # (most sentences)
            return found
        root = self.root
        extra = {i for k in compress(range(len(norms)), map(ne, norms, bases))
                 for i in (k - 1, k) if i >= 0 and _opens_token(root, toks, i)}
        return sorted(extra.union(found))

    def _at(self, text: str, toks: list[Token], i: int) -> Match | None:
        tok = toks[i]
        root, entries = self.root, self.entries
        nodes = [node] if (node := root.get(tok.norm)) else []
        if tok.base != tok.norm and (node := root.get(tok.base)):
            nodes.append(node)
        found: list[tuple[int, int, Entry]] = []  # (-length, order, entry)
        k = i
        last = len(toks)
        while nodes:
            for node in nodes:
                if ends := node.get(_END):
                    found += [(i - k - 1, order, entries[order]) for order in ends]
            k += 1
            if k >= last or text[toks[k - 1].end:toks[k].start].strip():
                break
            nxt = toks[k]
            keys = ("*", nxt.norm) if nxt.base == nxt.norm else ("*", nxt.norm, nxt.base)
            nodes = [child for node in nodes for key in keys if (child := node.get(key))]
        if len(found) > 1:
            found.sort(key=_RANK)
        for neg_length, _, entry in found:
            j = i - neg_length
            if ((not entry.exceptions or not self.exception(entry, text, toks, i, j))
                    and self.required(entry, text, toks, i, j)
                    and not _in_name(text, toks, i, j) and not self.mentioned(text, toks, i)):
                return Match(entry, i, j)
        return None

    def required(self, entry: Entry, text: str, toks: list[Token], i: int, j: int) -> bool:
        """The context the entry requires holds here (`requires = "speech_frame"`)."""
        return entry.requires is None or speech_frame(text, toks, i, j, self.frames)

    def mentioned(self, text: str, toks: list[Token], i: int) -> bool:
        """The match is a word mentioned as a word, not used: right after a noun such as
        "word" or "term", with nothing but spaces and quotation marks between ("the word
        'reckless'", "the term vermin")."""
        return (i > 0 and self.mention.has(toks[i - 1])
                and not text[toks[i - 1].end:toks[i].start].strip(_SPACE_QUOTES))

    def exception(self, entry: Entry, text: str, toks: list[Token], i: int,
                  j: int) -> Exception_ | None:
        """The first of the entry's exceptions whose conditions all hold here, if any."""
        for ex in entry.exceptions:
            if self.holds(ex, text, toks, i, j):
                return ex
        return None

    def holds(self, ex: Exception_, text: str, toks: list[Token], i: int, j: int) -> bool:
        """True if every condition of `ex` holds for a match over toks[i:j] of the sentence
        `toks` in `text`. (The conditions are tested one by one, cheapest first, and the
        first that fails decides: no condition has side effects.)"""
        last = len(toks)
        if ex.prev is not None and not ex.prev.has(toks[i - 1] if i else None):
            return False
        if ex.next is not None and not ex.next.has(toks[j] if j < last else None):
            return False
        if ex.next2 is not None and not ex.next2.has(toks[j + 1] if j + 1 < last else None):
            return False
        if ex.before is not None and not ex.before.has(_skip(toks, i - 1, -1, self.det)):
            return False
        if ex.after is not None and not ex.after.has(_skip(toks, j, 1, self.det)):
            return False
        if ex.near_before is not None and not any(map(ex.near_before.has,
                                                      toks[max(i - NEAR, 0):i])):
            return False
        if ex.near_after is not None and not any(map(ex.near_after.has, toks[j:j + NEAR])):
            return False
        if ex.of is not None or ex.not_of is not None:
            complement = _complement(toks, j)
            if ex.of is not None and not any(map(ex.of.has, complement)):
                return False
            if ex.not_of is not None and (not complement
                                          or any(map(ex.not_of.has, complement))):
                return False
        if ex.next_not is not None and ex.next_not.has(toks[j] if j < last else None):
            return False
        if ex.sentence_has is not None and not any(map(ex.sentence_has.has, toks)):
            return False
        if ex.later_clause is not None and not any(
                ex.later_clause.has(toks[k]) and _opens_clause(text, toks, k)
                for k in range(j, last)):
            return False
        if ex.sentence == "question" and not _question(text, toks, j):
            return False
        if ex.clause == "last" and not _clause_last(text, toks, j):
            return False
        if ex.shape == "capitalized" and not _capitalized(toks, i):
            return False
        if ex.shape == "lower" and not toks[i].text[0].islower():
            return False
        if ex.after_quote is not None and not any(map(ex.after_quote.has,
                                                      _after_quote(text, toks, j))):
            return False
        return ex.nearby_has is None or any(map(ex.nearby_has.has,
                                                _nearby(text, toks[i], toks[j - 1])))


def _skip(toks: list[Token], k: int, step: int, det: WordSet) -> Token | None:
    """The first token from toks[k] on, going by `step`, that `det` does not hold (None past
    either end of the sentence)."""
    while 0 <= k < len(toks) and det.has(toks[k]):
        k += step
    return toks[k] if 0 <= k < len(toks) else None


_SPACE_QUOTES = " \t\n\"'“”‘’"


_CLOSER = {"“": "”", "‘": "’", '"': '"', "'": "'"}


def _after_quote(text: str, toks: list[Token], j: int) -> list[Token]:
    """The NEAR tokens after a quotation that opens right after the match and closes in the
    same sentence (what `after_quote` tests: so-called "dry dock" *policy*); [] if none."""
    if j >= len(toks):
        return []
    gap = text[toks[j - 1].end:toks[j].start]
    if not (gap[:1].isspace() and gap[-1:] in _CLOSER):
        return []
    closer = _CLOSER[gap[-1]]
    for k in range(j, len(toks) - 1):
        if closer in text[toks[k].end:toks[k + 1].start]:
            return toks[k + 1:k + 1 + NEAR]
    return []


def _nearby(text: str, first: Token, last: Token) -> list[Token]:
    """The NEARBY tokens before and after a match, across sentence boundaries (what
    `nearby_has` looks at): the clinical essay around "narcissism", not just its sentence."""
    reach = 12 * NEARBY  # characters: comfortably more than NEARBY words
    before = tokens(text, max(first.start - reach, 0), first.start)
    after = tokens(text, last.end, last.end + reach)
    if first.start > reach:  # the window may cut a word in half: drop it
        before = before[1:]
    if last.end + reach < len(text):
        after = after[:-1]
    return before[-NEARBY:] + after[:NEARBY]


def _question(text: str, toks: list[Token], j: int) -> bool:
    """The match stands in a question: the sentence ends with a question mark (past closing
    quotation marks and brackets), and no colon or opening quotation mark after the match
    hands the question to other words ("… his rivals: Was the vote fair?")."""
    tail = text[toks[-1].end:toks[-1].end + 4].lstrip("”\"’')] ")
    rest = text[toks[j - 1].end:toks[-1].end]
    return tail[:1] == "?" and not any(c in rest for c in ":“\"")


def _opens_clause(text: str, toks: list[Token], k: int) -> bool:
    """A comma, dash, semicolon or colon stands before toks[k]: it opens a clause."""
    return any(c in text[toks[k - 1].end:toks[k].start] for c in ",;:—–-")


def _clause_last(text: str, toks: list[Token], j: int) -> bool:
    """The match ends its clause: the sentence ends, or a punctuation mark other than a
    quotation mark comes before the next word ("for as long as he could — but …")."""
    gap = text[toks[j - 1].end:toks[j].start if j < len(toks) else toks[j - 1].end + 2]
    return j == len(toks) or bool(gap.strip(" \t\n\"“”‘’'"))


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
            or _headline(toks)):
        return False

    def capital(k: int) -> bool:
        return 0 < k < len(toks) and toks[k].text[0].isupper()

    joined = {"and", "of", "the", "&"}
    return (capital(i - 1) or capital(j)
            or (i >= 2 and toks[i - 1].norm in joined and capital(i - 2))
            or (j + 1 < len(toks) and toks[j].norm in joined and capital(j + 1)))


def _headline(toks: list[Token]) -> bool:
    """A Title Case headline: most words capitalised and no lower-case word of five letters
    or more (a sentence full of names still has its "president" or "author")."""
    return (2 * sum(t.text[0].isupper() for t in toks) > len(toks)
            and not any(len(t.text) >= 5 and t.text.isalpha() and t.text.islower() for t in toks))


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


def _forms_trie(entries: Sequence[Entry]) -> dict:
    """Every form, word by word: node[word] is the next node; node[_END] lists the orders
    (places in `entries`) of the entries with a form that ends there."""
    root: dict = {}
    for order, entry in enumerate(entries):
        for form in entry.forms:
            node = root
            for word in form:
                node = node.setdefault(word, {})
            node.setdefault(_END, []).append(order)
    return root


def _context_words(entries: Sequence[Entry]) -> list[str]:
    """First words of the entries with a `nearby_has` exception, sorted."""
    return sorted({form[0] for entry in entries
                   if any(ex.nearby_has is not None for ex in entry.exceptions)
                   for form in entry.forms if form[0] != "*"})


def _trie(lexicon: Lexicon) -> tuple[dict, frozenset[str]]:
    """The matcher's trie (`_forms_trie`) and the first words of the entries that look
    beyond their sentence. For the built-in lexicons both are read from the start-up cache
    (framing/cache.py) as plain JSON: the trie's ends hold orders, not entries, so that no
    entry is decoded before a text meets it (framing/lexicon.py `_unpacked`) and the parse
    needs no hook per node (`Matcher._at` looks the entries up)."""
    entries = lexicon.entries
    if lexicon.sha256 is None:
        return _forms_trie(entries), frozenset(_context_words(entries))

    def build() -> bytes:
        doc = {"trie": _forms_trie(entries), "context": _context_words(entries)}
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()

    def parse(payload: bytes) -> tuple[dict, frozenset[str]]:
        doc = json.loads(payload)
        return doc["trie"], frozenset(doc["context"])

    return cache.cached("matcher", cache.key_of("matcher", lexicon.sha256), build, parse)


@lru_cache(maxsize=8)
def matcher_for(lexicon: Lexicon) -> Matcher:
    """The matcher of a lexicon, built once per process."""
    return Matcher(lexicon)
