"""The n-gram blocks of a bias model over many sentences at once, with numpy: the same
floats, bit for bit, as `NgramBlock.sweep` and `NgramBlock.credit` sentence by sentence.

Only operations that round exactly as Python's do are used: element-wise products and
quotients, `sqrt`, and sums taken strictly left to right from 0.0, as `sum` takes them
(`segment_sums`). The n-grams of each sentence keep their
first-occurrence order, the order in which `sweep` adds them up. numpy costs ~60 ms to
import, so `BiasModel.assess` uses this module only once a process has scored enough
sentences for that to pay (`predict.VECTOR_AFTER`).
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import is_

import numpy as np

from framing.classify.features import ngrams_of
from framing.classify.predict import (
    _CHAR_CACHE_SIZE,
    _SUBLINEAR,
    LABEL_STRIP,
    NgramBlock,
    _grow_sublinear,
)


class _State:
    """A block's arrays and scratch space, made on first use and kept with the block."""

    def __init__(self, block: NgramBlock):
        self.idf = np.array(block.idf, dtype=np.float64)
        self.coef = np.array(block.coef, dtype=np.float64)
        self.size = len(block.ngrams)
        self.local = threading.local()  # each thread its own scratch table (Dask threads)
        self.words: dict[str, bytes] = {}  # char_wb: a word's hits as int32 bytes
        self.pairs: dict[tuple[str, ...], int] | None = None  # word (1, 2): bigrams by words
        if block.analyzer == "word" and tuple(block.ngram_range) == (1, 2):
            self.pairs = {tuple(g.split(" ")): i for g, i in block.index.items() if " " in g}
        self.keys: _CharKeys | None = None  # char_wb: n-grams as numbers (`char_blobs`)
        if block.analyzer == "char_wb":
            self.keys = _CharKeys.of(block)

    def scratch(self, n: int) -> np.ndarray:
        """At least n int32s of this thread's scratch space (contents undefined)."""
        table = getattr(self.local, "table", None)
        if table is None or len(table) < n:
            table = self.local.table = np.empty(n, dtype=np.int32)
        return table


class _CharKeys:
    """A char_wb vocabulary with each n-gram written as a number, so that the n-grams of
    many words are looked up at once (`char_blobs`).

    Each character of the vocabulary gets a code from 1 to the alphabet's size, in `bits`
    bits; an n-gram is its codes as the digits of a number in base 2**bits. No digit is 0,
    so the number has exactly n digits and tells the string back: two n-grams get the same
    number only if they are the same string. A window of a word holding a character that
    no vocabulary n-gram has cannot be in the vocabulary; its number is set to 0, which
    no n-gram has (an empty one, which no word gives, is set to -1).
    """

    def __init__(self, block: NgramBlock, alphabet: list[str], bits: int):
        self.bits = bits
        self.code = np.zeros(max(map(ord, alphabet)) + 1, dtype=np.int64)  # by code point
        self.code[[ord(c) for c in alphabet]] = np.arange(1, len(alphabet) + 1)
        numbers = np.array([self.number(g) or -1 for g in block.ngrams], dtype=np.int64)
        self.order = np.argsort(numbers, kind="stable")
        self.sorted = numbers[self.order]

    @classmethod
    def of(cls, block: NgramBlock) -> _CharKeys | None:
        """The keys of a char_wb block, or None when its longest n-grams do not fit in 63
        bits (then `char_blobs` looks words up one by one)."""
        alphabet = sorted(set("".join(block.ngrams)))
        bits = len(alphabet).bit_length()
        longest = max(block.ngram_range[1], max(map(len, block.ngrams)))
        return cls(block, alphabet, bits) if bits * longest <= 63 else None

    def number(self, gram: str) -> int:
        out = 0
        for c in gram:
            out = out << self.bits | int(self.code[ord(c)])
        return out

    def codes(self, text: str) -> np.ndarray:
        """The code of each character of the text (0: in no vocabulary n-gram)."""
        points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        inside = points < len(self.code)
        return np.where(inside, self.code[np.where(inside, points, 0)], 0)

    def lookup(self, numbers: np.ndarray) -> np.ndarray:
        """The vocabulary index of each n-gram number, -1 for none."""
        at = np.minimum(np.searchsorted(self.sorted, numbers), len(self.sorted) - 1)
        return np.where(self.sorted[at] == numbers, self.order[at], -1)


def char_blobs(block: NgramBlock, state: _State, words: list[str]) -> list[bytes]:
    """`NgramBlock.word_hits` of each word, as int32 bytes, for many words at once.

    `word_char_ngrams` pads a word with a space on each side and cuts, for n from min_n
    up, every window of n characters, left to right, until n reaches the padded word's
    length (a padded word of exactly n characters gives itself once and ends the list).
    So for n from min_n to min(max_n, padded length) it gives the padded length - n + 1
    windows of n characters, n after n: the windows here, in that order, found by number
    (`_CharKeys`). A padded word shorter than min_n gives itself alone; such words (none
    with min_n <= 3) are looked up one by one, as is every word when the block has no keys.
    """
    keys = state.keys
    min_n, max_n = block.ngram_range
    if keys is None or min(map(len, words)) + 2 < min_n:
        return [np.array(block.word_hits(w), dtype=np.int32).tobytes() for w in words]
    padded = np.array([len(w) + 2 for w in words])
    codes = keys.codes("".join([" " + w + " " for w in words]))
    starts = np.cumsum(padded) - padded
    grams = np.arange(min_n, max_n + 1)
    per_n = np.maximum(padded[:, None] - grams[None, :] + 1, 0).ravel()  # word-major, then n
    total = int(per_n.sum())
    begin = np.cumsum(per_n) - per_n
    at = np.repeat(np.repeat(starts, len(grams)) - begin, per_n) + np.arange(total)
    n_of = np.repeat(np.tile(np.arange(len(grams)), len(words)), per_n)
    bad = np.concatenate(([0], np.cumsum(codes == 0)))  # characters in no n-gram, so far
    rows = np.zeros((len(grams), len(codes)), dtype=np.int64)
    number = np.zeros(len(codes), dtype=np.int64)
    for k in range(min(max_n, len(codes))):
        number[:len(codes) - k] = number[:len(codes) - k] << keys.bits | codes[k:]
        if k + 1 >= min_n:
            n = k + 1
            valid = bad[n:] == bad[:-n]
            rows[n - min_n, :len(codes) - k] = np.where(valid, number[:len(codes) - k], 0)
    found = keys.lookup(rows[n_of, at])
    known = found >= 0
    hits = found[known].astype(np.int32).tobytes()
    word_of = np.repeat(np.arange(len(words)), per_n.reshape(len(words), -1).sum(axis=1))
    ends = (np.cumsum(np.bincount(word_of[known], minlength=len(words))) * 4).tolist()
    return [hits[a:b] for a, b in zip([0] + ends, ends)]


def _state(block: NgramBlock) -> _State:
    state = block._vector.get("state")
    if state is None:
        state = block._vector["state"] = _State(block)
    return state


_TABLE: list[np.ndarray] = []  # predict._SUBLINEAR as an array, remade when it grows


def _sublinear(top: int) -> np.ndarray:
    """1 + log(tf) for tf up to at least `top`: predict's table, the very same floats."""
    _grow_sublinear(top)
    if not _TABLE or len(_TABLE[0]) != len(_SUBLINEAR):
        _TABLE[:] = [np.array(_SUBLINEAR, dtype=np.float64)]
    return _TABLE[0]


def segment_sums(values: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Sum of each run of `values` (runs of `lengths`, in order; `values` may have several
    rows, summed alike), each sum taken left to right from 0.0 exactly as Python's `sum`
    (`group_sums`)."""
    run = np.repeat(np.arange(len(lengths)), lengths)
    return np.stack([group_sums(row, run, len(lengths)) for row in np.atleast_2d(values)])


def group_sums(values: np.ndarray, group: np.ndarray, n: int) -> np.ndarray:
    """Sum of the values of each of n groups (`group`: the group of each value), each sum
    taken in the order the values come, from 0.0, exactly as Python's `sum`.

    `np.add.at` is unbuffered: it adds the values into their group's total one at a time, in
    the order given, as `total += value` in a loop does (no pairwise summation, no
    reordering: repeated indices forbid both). Python's `sum` starts from 0 as well, and
    0 + x is x for every float x but -0.0, which both turn into 0.0.
    """
    totals = np.zeros(n)
    np.add.at(totals, group, values)
    return totals


@dataclass
class Batch:
    """One n-gram block over a run of texts: their scores, and what crediting needs.

    The unique n-grams of all texts, text after text, each text's in first-occurrence
    order: `keys` (vocabulary index), `counts`, `raw` TF-IDF and `text_of` (which text);
    `norm` per text. For char_wb also each text's words, and per hit of the n-grams, which
    unique n-gram it is (`which`) and its text (`hit_text`); per word, its number of hits
    (`per_word`) and its text (`word_text`).
    """

    block: NgramBlock
    scores: list[float]
    norm: np.ndarray
    keys: np.ndarray
    counts: np.ndarray
    raw: np.ndarray
    text_of: np.ndarray
    words: list[list[str]]
    which: np.ndarray | None = None
    hit_text: np.ndarray | None = None
    per_word: np.ndarray | None = None
    word_text: np.ndarray | None = None
    credits: dict[int, tuple[list[str], list[float]]] = field(default_factory=dict)

    def explain(self, chosen: list[int]) -> None:
        """Work out the credits (`NgramBlock.credit`) of the chosen texts, in ascending
        order, at once; `credit` then hands them out."""
        chosen = [i for i in chosen if self.norm[i]]
        if not chosen:
            return
        picked = np.zeros(len(self.scores), dtype=bool)
        picked[chosen] = True
        w = self.block.weight
        coef = _state(self.block).coef
        if self.block.analyzer == "word":
            mask = picked[self.text_of]
            keys = self.keys[mask]
            values = (w * (self.raw[mask] / self.norm[self.text_of[mask]]) * coef[keys]).tolist()
            labels = list(map(self.block.ngrams.__getitem__, keys.tolist()))
            owners = self.text_of[mask]
        else:
            which = self.which[picked[self.hit_text]]  # the chosen texts' hits
            share = self.raw[which] * coef[self.keys[which]] / self.counts[which]
            mask = picked[self.word_text]
            sums = segment_sums(share, self.per_word[mask])[0]
            values = (w * sums / self.norm[self.word_text[mask]]).tolist()
            words = [word for i in chosen for word in self.words[i]]
            labels = list(map(str.strip, words, repeat(LABEL_STRIP)))
            if "" in labels:  # a word of punctuation only keeps its own label
                labels = [label or word for label, word in zip(labels, words)]
            owners = self.word_text[mask]
        sizes = np.bincount(owners, minlength=len(self.scores))[chosen].tolist()
        at = 0
        for i, size in zip(chosen, sizes):
            self.credits[i] = labels[at:at + size], values[at:at + size]
            at += size

    def credit(self, i: int, parts: dict[str, float]) -> None:
        """`NgramBlock.credit` for text i (one of those `explain` was given).

        A word block's labels of one text are distinct n-grams, so into empty `parts` (the
        first block credited) they go in one update: each value as it is where the loop
        stores 0 + value, the same float but for -0.0 (made 0.0): a zero changes no sum it
        joins but -0.0 + -0.0, and is no positive contribution, so the explanation is the
        same either way."""
        labels, values = self.credits.get(i, ((), ()))
        if not parts and self.block.analyzer == "word":
            parts.update(zip(labels, values))
            return
        for label, value in zip(labels, values):
            parts[label] = parts.get(label, 0) + value


def _word_found(block: NgramBlock, state: _State,
                units: Sequence[list[str]]) -> tuple[np.ndarray, list[int]]:
    """The vocabulary index (-1: none) of each word n-gram of each text, in `ngrams_of`
    order, and how many n-grams each text has. With n-grams of one and two words, a
    bigram is looked up by its pair of words (`_State.pairs`) instead of joining them: a
    token holds no space (token patterns match word characters only), so the joined pair
    is a vocabulary entry exactly when the pair is that entry's two words."""
    pairs = state.pairs
    if pairs is None:
        grams = [ngrams_of(u, block.ngram_range) for u in units]
        found = list(map(block.index.get, chain.from_iterable(grams), repeat(-1)))
        return np.array(found, dtype=np.int64), list(map(len, grams))
    get, pair = block.index.get, pairs.get
    found = []
    for u in units:  # ngrams_of(u, (1, 2)): the words, then each pair of neighbours
        found += map(get, u, repeat(-1))
        found += map(pair, zip(u, u[1:]), repeat(-1))
    return np.array(found, dtype=np.int64), [2 * len(u) - 1 if u else 0 for u in units]


def sweep(block: NgramBlock, texts: Sequence[str],
          units: Sequence[list[str]] | None = None) -> Batch:
    """`NgramBlock.sweep` of each text, as one `Batch`. Its scratch table holds texts ×
    vocabulary int32s, so callers pass a few dozen texts at a time. `units`: each text's
    `NgramBlock.units`, if already found."""
    state = _state(block)
    units = [block.units(t) for t in texts] if units is None else units
    words: list[list[str]] = []
    if block.analyzer == "word":
        found, sizes = _word_found(block, state, units)
        known = found >= 0
        hits = found[known]
        hit_text = np.repeat(np.arange(len(texts)), sizes)[known]
    else:
        words = list(units)
        flat = list(chain.from_iterable(words))
        cached = state.words
        if len(cached) >= _CHAR_CACHE_SIZE:
            cached.clear()
        blobs = list(map(cached.get, flat))
        if None in blobs:
            new = list(dict.fromkeys(compress(flat, map(is_, blobs, repeat(None)))))
            fresh = dict(zip(new, char_blobs(block, state, new)))
            cached.update(fresh)  # (read from `fresh`: another thread may clear `cached`)
            blobs = list(map(fresh.get, flat, blobs))
        hits = np.frombuffer(b"".join(blobs), dtype=np.int32).astype(np.int64)
        per_word = np.array(list(map(len, blobs)), dtype=np.int64) >> 2
        word_text = np.repeat(np.arange(len(texts)), list(map(len, words)))
        hit_text = np.repeat(word_text, per_word)
    n = len(hits)
    key = hit_text * state.size + hits
    table = state.scratch(len(texts) * state.size)
    position = np.arange(n, dtype=np.int32)
    table[key] = n
    np.minimum.at(table, key, position)  # each (text, n-gram) -> its first hit
    first = table[key]
    new = first == position
    counts = np.bincount(first, minlength=n)[new]
    keys = hits[new]
    text_of = hit_text[new]
    raw = _sublinear(int(counts.max()) if n else 0)[counts] * state.idf[keys]
    squares = group_sums(raw * raw, text_of, len(texts))  # n-grams grouped by text, in order
    dot = group_sums(raw * state.coef[keys], text_of, len(texts))
    with np.errstate(divide="ignore", invalid="ignore"):
        norm = np.where(squares > 0, np.sqrt(squares), 0.0)
        scores = np.where(squares > 0, block.weight * dot / norm, 0.0)
    batch = Batch(block, scores.tolist(), norm, keys, counts, raw, text_of, words)
    if block.analyzer != "word":
        batch.which, batch.hit_text = (np.cumsum(new) - 1)[first], hit_text
        batch.per_word, batch.word_text = per_word, word_text
    return batch
