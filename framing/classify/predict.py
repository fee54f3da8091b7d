"""Score sentences with a trained bias model: pure Python, no scikit-learn.

The model is a JSON file (format in docs/classifier.md): n-gram vocabularies with their idf,
the linear coefficients, the intercept and the feature settings. Loading parses JSON and
checks every key, type and length (`ModelError` otherwise); nothing in the file is executed.

    from framing.classify.predict import load_model
    model = load_model()                    # the shipped model, loaded once
    model.probabilities(["A sentence.", "Another one."])   # P(biased) per sentence
    model.explain("Critics slammed the radical scheme.")   # what pushed it up
    model.assess(sentences, cues)           # both in one sweep, as `analyse` does

A process that has scored VECTOR_AFTER sentences sweeps the n-grams of many sentences at
once with numpy (framing/classify/vector.py): the same floats, bit for bit, faster in bulk;
below that numpy is not imported (its import would cost more than it saves).

The shipped model is read through the start-up cache (framing/cache.py, framing/classify/
packed.py): checked once when the cache entry is built, then loaded as arrays.
"""
from __future__ import annotations

import json
import math
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from dataclasses import field
from operator import mul, truediv
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.classify.features import (
    RATE_FEATURES,
    SURFACE_CUES,
    TOKEN_PATTERN,
    _known,
    char_wb_words,
    cue_value,
    ngrams_of,
    rate_features,
    rate_tokens,
    sentence_cues,
    surface_cues,
    word_char_ngrams,
    word_tokens,
)
from framing.files import read_bytes
from framing.record import record

if TYPE_CHECKING:
    from framing.lexicon import Lexicon

SCHEMA = "framing.bias-model"
VERSION = 1
CLASSES = ["neutral", "biased"]
#: Token patterns a model may use (a model file must not bring its own regular expression).
TOKEN_PATTERNS = (TOKEN_PATTERN, r"(?u)\b\w+\b")
MAX_NGRAM = 8
DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "data" / "bias-model.json"
MAX_MODEL_BYTES = 50_000_000  # a model file, and a .gz model once decompressed
_CHAR_CACHE_SIZE = 100_000  # words (about 20 MB at most)
_CUE_CACHE_SIZE = 10_000  # sets of cue counts
LABEL_STRIP = ".,;:!?\"'“”‘’()[]"  # stripped from a word that char n-grams credit
#: Sentences a process scores one by one before `assess` switches to numpy (its ~60 ms
#: import pays once about this many have been scored; the results are the same).
VECTOR_AFTER = 1_000
_VECTOR_CHUNK = 64  # sentences numpy sweeps at once (its scratch table: 64 × vocabulary)
_scored = 0  # sentences `assess` has scored in this process


class ModelError(Exception):
    """A model file that cannot be used; str(exc) is one line naming the file and the problem."""


# --- the model --------------------------------------------------------------------------

@record
class Sweep:
    """One sentence through one n-gram block: everything scoring and explaining need."""

    score: float            # weight × (coef · normalised TF-IDF vector)
    counts: Counter[int]    # vocabulary index -> term frequency, in first-occurrence order
    raw: list[float]        # their TF-IDF values before normalisation
    norm: float             # L2 norm of `raw`
    words: list[str]        # char_wb only: the words the n-grams were cut from


@record
class NgramBlock:
    """TF-IDF over word or char_wb n-grams, L2-normalised, times `weight`, dot `coef`."""

    analyzer: str  # "word" | "char_wb"
    ngram_range: tuple[int, int]
    lowercase: bool
    token_pattern: str
    sublinear_tf: bool
    weight: float
    ngrams: Sequence[str]
    idf: Sequence[float]
    coef: Sequence[float]
    index: dict[str, int] = field(repr=False, compare=False)
    _cache: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False, compare=False)
    _vector: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)  # vector.py

    def units(self, text: str, low: str | None = None,
              words: list[str] | None = None) -> list[str]:
        """What the n-grams are cut from: the word tokens, or char_wb's words. `low`
        (text.lower()) and `words` (its `word_tokens`), when given, are reused where they
        are the same, so that a sentence is lower-cased and tokenised once for all blocks."""
        if self.analyzer == "word":
            if words is not None and self.lowercase and self.token_pattern == TOKEN_PATTERN:
                return words
            return word_tokens(text, self.token_pattern, self.lowercase)
        if low is not None and self.lowercase:
            return low.split()  # = char_wb_words(text)
        return char_wb_words(text, self.lowercase)

    def hits(self, text: str, units: list[str] | None = None) -> list[int]:
        """Vocabulary index of every n-gram occurrence in the text (others are dropped);
        `units`: the text's `units`, if already found."""
        units = self.units(text) if units is None else units
        if self.analyzer == "word":
            return list(filter(_known, map(self.index.get, ngrams_of(units, self.ngram_range))))
        return list(chain.from_iterable(map(self.word_hits, units)))

    def word_hits(self, word: str) -> tuple[int, ...]:
        """char_wb hits of one word; cached, since char_wb n-grams never cross a word."""
        hit = self._cache.get(word)
        if hit is None:
            if len(self._cache) >= _CHAR_CACHE_SIZE:
                self._cache.clear()
            hit = tuple(filter(_known, map(self.index.get,
                                           word_char_ngrams(word, self.ngram_range))))
            self._cache[word] = hit
        return hit

    def sweep(self, text: str, units: list[str] | None = None) -> Sweep:
        """Count the n-grams once and score them, exactly as `TfidfVectorizer.transform`
        (sublinear tf, idf, L2 norm) followed by the dot product with `coef`. `units`: the
        text's `units`, if already found."""
        units = self.units(text) if units is None else units
        words: list[str] = []
        if self.analyzer == "word":
            hits = self.hits(text, units)
            n_hits = len(hits)
        else:
            words = units
            per_word = list(map(self.word_hits, words))
            hits = chain.from_iterable(per_word)
            n_hits = sum(map(len, per_word))
        counts = Counter(hits)
        tfs = counts.values()
        if self.sublinear_tf:
            if n_hits >= len(_SUBLINEAR):  # else no tf can be past the table's end
                _grow_sublinear(max(tfs))
            tfs = map(_SUBLINEAR.__getitem__, tfs)
        raw = list(map(mul, tfs, map(self.idf.__getitem__, counts)))
        squares = sum(map(mul, raw, raw))
        if squares <= 0:
            return Sweep(0.0, counts, raw, 0.0, words)
        norm = math.sqrt(squares)
        score = self.weight * sum(map(mul, raw, map(self.coef.__getitem__, counts))) / norm
        return Sweep(score, counts, raw, norm, words)

    def credit(self, sweep: Sweep, parts: dict[str, float]) -> None:
        """Add each n-gram's contribution to the log-odds to `parts`: word n-grams under
        their own text, character n-grams shared among the words that contain them (an
        n-gram met in several words is split by how often each holds it)."""
        if not sweep.norm:
            return
        w, coef, norm = self.weight, self.coef, sweep.norm
        if self.analyzer == "word":
            for j, v in zip(sweep.counts, sweep.raw):
                label = self.ngrams[j]
                parts[label] = parts.get(label, 0) + w * (v / norm) * coef[j]
            return
        keys = sweep.counts
        share = dict(zip(keys, map(truediv, map(mul, sweep.raw, map(coef.__getitem__, keys)),
                                   map(sweep.counts.__getitem__, keys))))
        for word in sweep.words:
            label = word.strip(LABEL_STRIP) or word
            parts[label] = parts.get(label, 0) + (
                w * sum(map(share.__getitem__, self.word_hits(word))) / norm)


#: Given the chosen texts (indexes), a function that adds the n-gram blocks' credits of one
#: of them to `parts` and returns it.
Crediting = Callable[[list[int]], Callable[[int, dict[str, float]], dict[str, float]]]
_SUBLINEAR = [0.0] + [1.0 + math.log(tf) for tf in range(1, 1024)]  # 1 + log(tf), grown on demand


def _grow_sublinear(top: int) -> None:
    while len(_SUBLINEAR) <= top:
        _SUBLINEAR.append(1.0 + math.log(len(_SUBLINEAR)))


@record
class CueBlock:
    """log(1 + count) of each named cue, times `weight`, dot `coef`."""

    weight: float
    names: tuple[str, ...]
    coef: tuple[float, ...]
    _order: dict[str, int] = field(init=False, repr=False, compare=False)
    _seen: dict[tuple[tuple[str, int], ...], list[tuple[str, float]]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_order", {name: k for k, name in enumerate(self.names)})

    def contributions(self, cues: dict[str, int]) -> list[tuple[str, float]]:
        """(name, weight × value × coef) of each cue present, in the order of `names`.
        Remembered by the counts (most sentences share a few sets of counts); the list is
        shared, so callers only read it."""
        key = tuple(cues.items())
        seen = self._seen.get(key)
        if seen is None:
            if len(self._seen) >= _CUE_CACHE_SIZE:
                self._seen.clear()
            seen = self._seen[key] = self._contributions(cues)
        return seen

    def _contributions(self, cues: dict[str, int]) -> list[tuple[str, float]]:
        order = self._order
        present = sorted(order[name] for name, count in cues.items() if count and name in order)
        return [(self.names[k], self.weight * cue_value(cues[self.names[k]]) * self.coef[k])
                for k in present]


@record
class RateBlock:
    """`RATE_FEATURES` from a word -> biased-rate table, times `weight`, dot `coef`."""

    weight: float
    coef: tuple[float, ...]
    table: dict[str, float] = field(repr=False)
    _rated: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_rated", frozenset(self.table))

    def ranked(self, words: Iterable[str]) -> list[tuple[float, str]]:
        """(rate, word) of each distinct word of a sentence (its `rate_tokens`, or its
        `word_tokens` with repeats) that has a rate, highest first: what `values` and
        `credit` read."""
        rated = self._rated.intersection(words)
        return sorted(zip(map(self.table.__getitem__, rated), rated), reverse=True)

    def terms(self, ranked: list[tuple[float, str]]) -> list[float]:
        """Each of `RATE_FEATURES` times `weight`, times its coefficient: what it adds to the
        log-odds (`rate_values`: the rates in the same order). Worked out once per sentence
        for both the score (their sum) and the explanation (`credit` shares them out)."""
        w = self.weight
        return [w * v * c for v, c in zip(rate_features([r for r, _ in ranked]), self.coef)]

    def credit(self, ranked: list[tuple[float, str]], terms: list[float],
               parts: dict[str, float]) -> None:
        """Share each rate feature's contribution (`terms`) among the words it rests on: the
        highest rated word, the three highest, those rated over 0.3 and over 0.5."""
        if not ranked:
            return
        # rates come highest first, so the words rated over 0.3 (0.5) are the first ones
        over_3 = over_5 = 0
        for rate, _ in ranked:
            if not rate > 0.3:
                break
            over_3 += 1
            over_5 += rate > 0.5
        top_3 = min(len(ranked), 3)
        shares = (terms[0], terms[1] / top_3, terms[2] / over_3 if over_3 else 0.0,
                  terms[3] / over_5 if over_5 else 0.0)
        # word by word, each feature's share added in the features' order: the floats of
        # adding feature by feature (a word's sum does not depend on the other words')
        for k, (_, word) in enumerate(ranked[:max(top_3, over_3)]):
            v = parts.get(word, 0)
            if k < 1:
                v += shares[0]
            if k < top_3:
                v += shares[1]
            if k < over_3:
                v += shares[2]
            if k < over_5:
                v += shares[3]
            parts[word] = v


@record
class BiasModel:
    """A linear sentence-bias model: P(biased) = sigmoid(intercept + sum of block scores)."""

    intercept: float
    word: NgramBlock | None
    char: NgramBlock | None
    cues: CueBlock | None
    rates: RateBlock | None
    metadata: dict[str, Any]
    path: str = ""

    @property
    def uses_cues(self) -> bool:
        """True if the model reads lexicon cues (then `probabilities` computes or takes them)."""
        return self.cues is not None and any(n not in SURFACE_CUES for n in self.cues.names)

    def _cues(self, texts: Sequence[str], cues: Sequence[dict[str, int]] | None,
              lexicon: Lexicon | None) -> list[dict[str, int]]:
        if self.cues is None:
            return [{} for _ in texts]
        if cues is not None and len(cues) != len(texts):
            raise ValueError(f"{len(cues)} cue dicts for {len(texts)} texts")
        out = []
        for i, text in enumerate(texts):
            if cues is None:
                out.append(sentence_cues(text, lexicon) if self.uses_cues else surface_cues(text))
            else:  # complete when they come from `sentence_cues`
                out.append(cues[i] if SURFACE_CUES[0] in cues[i] else cues[i] | surface_cues(text))
        return out

    def _decision(self, cued: list[tuple[str, float]], scores: Sequence[float],
                  terms: list[float]) -> float:
        """The log-odds from the cue contributions, the n-gram blocks' scores and the rate
        features' terms (`_terms`)."""
        z = self.intercept
        for score in scores:
            z += score
        if self.cues is not None:
            z += sum(v for _, v in cued)
        if self.rates is not None:
            z += sum(terms)
        return z

    def _ranked(self, text: str, words: list[str] | None = None) -> list[tuple[float, str]]:
        """`RateBlock.ranked` of the text (`words`: its `word_tokens`, if already found)."""
        if self.rates is None:
            return []
        return self.rates.ranked(rate_tokens(text) if words is None else words)

    def _terms(self, ranked: list[tuple[float, str]]) -> list[float]:
        """`RateBlock.terms` of a sentence's ranked words (none without a rate block)."""
        return self.rates.terms(ranked) if self.rates is not None else []

    def _cued(self, cues: dict[str, int]) -> list[tuple[str, float]]:
        """`CueBlock.contributions` of the cue counts (none without a cue block)."""
        return self.cues.contributions(cues) if self.cues is not None else []

    def decision(self, text: str, cues: dict[str, int]) -> float:
        """The log-odds of 'biased' for one sentence with its cue counts."""
        return self._decision(self._cued(cues), [block.sweep(text).score for block in self._blocks],
                              self._terms(self._ranked(text)))

    def probabilities(self, texts: Sequence[str], cues: Sequence[dict[str, int]] | None = None,
                      *, lexicon: Lexicon | None = None) -> list[float]:
        """P(biased) for each sentence.

        `cues`: per-sentence cue counts as `features.sentence_cues` gives them (lexicon
        matches by kind and kind:category, scare quotes, surface counts); when None they are
        computed here with the project's matcher on `lexicon` (default: the built-ins).
        Surface counts (quote marks, ! and ?) missing from a cue dict are read from the text.
        """
        return [sigmoid(self.decision(text, c))
                for text, c in zip(texts, self._cues(texts, cues, lexicon))]

    def assess(self, texts: Sequence[str], cues: Sequence[dict[str, int]] | None = None,
               *, explain_from: float = 0.5, top: int = 5,
               lexicon: Lexicon | None = None) -> list[tuple[float, list[tuple[str, float]]]]:
        """(P(biased), its explanation) for each sentence in one sweep: the n-grams are
        counted once for both; sentences under `explain_from` get no explanation. Once the
        process has scored VECTOR_AFTER sentences, the n-gram blocks run over many sentences
        at once with numpy (framing/classify/vector.py; the same floats, bit for bit)."""
        global _scored
        found = self._cues(texts, cues, lexicon)
        vector = max(_scored, len(texts)) >= VECTOR_AFTER
        _scored += len(texts)
        step = _VECTOR_CHUNK if vector else max(len(texts), 1)
        out = []
        for at in range(0, len(texts), step):
            part = texts[at:at + step]
            lows = list(map(str.lower, part))
            words = [word_tokens(low, lowercase=False) for low in lows]  # read once for all
            units = [[block.units(text, low, w) for text, low, w in zip(part, lows, words)]
                     for block in self._blocks]
            ranked = list(map(self._ranked, part, words))
            terms = list(map(self._terms, ranked))
            cued = list(map(self._cued, found[at:at + step]))
            scores, credit = (self._vector_sweep if vector else self._sweep)(part, units)
            ps = list(map(sigmoid, map(self._decision, cued, scores, terms)))
            add = credit([i for i, p in enumerate(ps) if p >= explain_from])
            explain = self._explain
            out += [(p, explain(add(i, {}), cued[i], top, ranked[i], terms[i])
                     if p >= explain_from else []) for i, p in enumerate(ps)]
        return out

    def _sweep(self, texts: Sequence[str],
               units: list[list[list[str]]]) -> tuple[list[list[float]], Crediting]:
        """The n-gram blocks' scores of each text, and for the chosen texts what credits
        their n-grams (`_explain`). `units`: per block, each text's `NgramBlock.units`."""
        blocks = self._blocks
        sweeps = [[block.sweep(text, u[i]) for block, u in zip(blocks, units)]
                  for i, text in enumerate(texts)]

        def credit(chosen: list[int]) -> Callable[[int, dict[str, float]], dict[str, float]]:
            def add(i: int, parts: dict[str, float]) -> dict[str, float]:
                for block, s in zip(blocks, sweeps[i]):
                    block.credit(s, parts)
                return parts
            return add

        return [[s.score for s in row] for row in sweeps], credit

    def _vector_sweep(self, texts: Sequence[str],
                      units: list[list[list[str]]]) -> tuple[list[list[float]], Crediting]:
        """`_sweep` with each block swept over all the texts at once (vector.py)."""
        from framing.classify import vector

        batches = [vector.sweep(block, texts, u) for block, u in zip(self._blocks, units)]

        def credit(chosen: list[int]) -> Callable[[int, dict[str, float]], dict[str, float]]:
            for batch in batches:
                batch.explain(chosen)

            def add(i: int, parts: dict[str, float]) -> dict[str, float]:
                for batch in batches:
                    batch.credit(i, parts)
                return parts
            return add

        return [[b.scores[i] for b in batches] for i in range(len(texts))], credit

    def explain(self, text: str, cues: dict[str, int] | None = None, top: int = 5,
                *, lexicon: Lexicon | None = None) -> list[tuple[str, float]]:
        """The words, phrases and cues that pushed P(biased) up most: (label, contribution to
        the log-odds), largest first, positive ones only. Character n-grams are credited to the
        words that contain them; cues are labelled `[loaded:label]`, `[quote_marks]` ..."""
        found = self._cues([text], None if cues is None else [cues], lexicon)[0]
        parts: dict[str, float] = {}
        for block in self._blocks:
            block.credit(block.sweep(text), parts)
        ranked = self._ranked(text)
        return self._explain(parts, self._cued(found), top, ranked, self._terms(ranked))

    @property
    def _blocks(self) -> list[NgramBlock]:
        return [block for block in (self.word, self.char) if block is not None]

    def _explain(self, parts: dict[str, float], cued: list[tuple[str, float]], top: int,
                 ranked: list[tuple[float, str]], terms: list[float]) -> list[tuple[str, float]]:
        """The explanation from `parts`, label -> contribution with the n-gram blocks'
        credits in (a dict: Counter's += is slower), plus the cues' and the rates'."""
        for name, v in cued:
            label = f"[{name}]"
            parts[label] = parts.get(label, 0) + v
        if self.rates is not None:
            self.rates.credit(ranked, terms, parts)
        # largest first, then by label (labels differ, so no two items tie)
        best = sorted([(-v, k) for k, v in parts.items() if v > 0])[:top]
        return [(k, -v) for v, k in best]


def sigmoid(z: float) -> float:
    """The logistic function, without overflow for large |z|."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


# --- the safe loader -------------------------------------------------------------------

class _Check:
    """Validation helpers that raise ModelError with the file name and the JSON path."""

    def __init__(self, name: str):
        self.name = name

    def fail(self, where: str, problem: str) -> ModelError:
        return ModelError(f"{self.name}: {where}: {problem}" if where else f"{self.name}: {problem}")

    def table(self, doc: Any, where: str, keys: Sequence[str]) -> dict[str, Any]:
        if not isinstance(doc, dict):
            raise self.fail(where, "must be a JSON object")
        missing = [k for k in keys if k not in doc]
        if missing:
            raise self.fail(where, f"missing key {missing[0]!r}")
        return doc

    def number(self, value: Any, where: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(where, "must be a number")
        if not math.isfinite(value):
            raise self.fail(where, "must be a finite number")
        return float(value)

    def boolean(self, value: Any, where: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(where, "must be true or false")
        return value

    def numbers(self, value: Any, where: str, length: int | None = None,
                low: float = -math.inf, high: float = math.inf) -> tuple[float, ...]:
        if not isinstance(value, list):
            raise self.fail(where, "must be a list of numbers")
        if length is not None and len(value) != length:
            raise self.fail(where, f"has {len(value)} numbers, expected {length}")
        for i, x in enumerate(value):
            if isinstance(x, bool) or not isinstance(x, (int, float)):
                raise self.fail(f"{where}[{i}]", "must be a number")
            if not (math.isfinite(x) and low <= x <= high):
                raise self.fail(f"{where}[{i}]", f"must be a finite number in [{low}, {high}]"
                                if math.isfinite(x) else "must be a finite number")
        return tuple(float(x) for x in value)

    def strings(self, value: Any, where: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
            raise self.fail(where, "must be a list of strings")
        if len(set(value)) != len(value):
            raise self.fail(where, "has duplicate entries")
        return tuple(value)


def _ngram_block(check: _Check, doc: Any, where: str, analyzer: str) -> NgramBlock | None:
    if doc is None:
        return None
    keys = ("analyzer", "ngram_range", "lowercase", "token_pattern", "sublinear_tf", "norm",
            "weight", "ngrams", "idf", "coef")
    doc = check.table(doc, where, keys)
    if doc["analyzer"] != analyzer:
        raise check.fail(f"{where}.analyzer", f"must be {analyzer!r}")
    rng = doc["ngram_range"]
    if (not isinstance(rng, list) or len(rng) != 2 or not all(type(n) is int for n in rng)
            or not 1 <= rng[0] <= rng[1] <= MAX_NGRAM):
        raise check.fail(f"{where}.ngram_range", f"must be [min, max] with 1 <= min <= max <= {MAX_NGRAM}")
    if doc["token_pattern"] not in TOKEN_PATTERNS:
        raise check.fail(f"{where}.token_pattern", "is not one of the supported patterns")
    if doc["norm"] != "l2":
        raise check.fail(f"{where}.norm", "must be 'l2'")
    ngrams = check.strings(doc["ngrams"], f"{where}.ngrams")
    if not ngrams:
        raise check.fail(f"{where}.ngrams", "is empty")
    return NgramBlock(
        analyzer=analyzer, ngram_range=(rng[0], rng[1]),
        lowercase=check.boolean(doc["lowercase"], f"{where}.lowercase"),
        token_pattern=doc["token_pattern"],
        sublinear_tf=check.boolean(doc["sublinear_tf"], f"{where}.sublinear_tf"),
        weight=check.number(doc["weight"], f"{where}.weight"),
        ngrams=ngrams,
        idf=check.numbers(doc["idf"], f"{where}.idf", len(ngrams), low=1e-12),
        coef=check.numbers(doc["coef"], f"{where}.coef", len(ngrams)),
        index={g: i for i, g in enumerate(ngrams)})


def _cue_block(check: _Check, doc: Any) -> CueBlock | None:
    if doc is None:
        return None
    doc = check.table(doc, "cues", ("transform", "weight", "names", "coef"))
    if doc["transform"] != "log1p":
        raise check.fail("cues.transform", "must be 'log1p'")
    names = check.strings(doc["names"], "cues.names")
    return CueBlock(weight=check.number(doc["weight"], "cues.weight"), names=names,
                    coef=check.numbers(doc["coef"], "cues.coef", len(names)))


def _rate_block(check: _Check, doc: Any) -> RateBlock | None:
    if doc is None:
        return None
    doc = check.table(doc, "rates", ("features", "weight", "coef", "words", "rates"))
    if doc["features"] != list(RATE_FEATURES):
        raise check.fail("rates.features", f"must be {list(RATE_FEATURES)}")
    words = check.strings(doc["words"], "rates.words")
    rates = check.numbers(doc["rates"], "rates.rates", len(words), low=0.0, high=1.0)
    return RateBlock(weight=check.number(doc["weight"], "rates.weight"),
                     coef=check.numbers(doc["coef"], "rates.coef", len(RATE_FEATURES)),
                     table=dict(zip(words, rates)))


def parse_model(doc: Any, name: str = "model") -> BiasModel:
    """Build a BiasModel from a decoded JSON document, checking everything (ModelError)."""
    check = _Check(name)
    doc = check.table(doc, "", ("schema", "version", "classes", "intercept", "word", "char",
                                "cues", "rates", "metadata"))
    if doc["schema"] != SCHEMA:
        raise check.fail("schema", f"is {doc['schema']!r}, not {SCHEMA!r} (not a framing bias model)")
    if doc["version"] != VERSION or isinstance(doc["version"], bool):
        raise check.fail("version", f"{doc['version']!r} is not supported (this framing reads version {VERSION})")
    if doc["classes"] != CLASSES:
        raise check.fail("classes", f"must be {CLASSES}")
    if not isinstance(doc["metadata"], dict):
        raise check.fail("metadata", "must be a JSON object")
    model = BiasModel(
        intercept=check.number(doc["intercept"], "intercept"),
        word=_ngram_block(check, doc["word"], "word", "word"),
        char=_ngram_block(check, doc["char"], "char", "char_wb"),
        cues=_cue_block(check, doc["cues"]),
        rates=_rate_block(check, doc["rates"]),
        metadata=doc["metadata"], path=name)
    if not (model.word or model.char or model.cues or model.rates):
        raise check.fail("", "has no feature blocks")
    return model


def _no_constants(name: str) -> float:
    raise ValueError(f"{name} is not a finite number")


def _gunzip(raw: bytes, path: Path) -> bytes:
    """Decompress at most MAX_MODEL_BYTES (a small file may expand without limit)."""
    import gzip
    import io

    with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
        data = stream.read(MAX_MODEL_BYTES + 1)
    if len(data) > MAX_MODEL_BYTES:
        raise ModelError(f"{path}: decompresses to more than the {MAX_MODEL_BYTES:,}-byte limit")
    return data


def read_model(path: str | Path) -> BiasModel:
    """Read and check a model file (JSON, or gzip-compressed JSON when it ends in .gz), at
    most MAX_MODEL_BYTES before and after decompression."""
    path = Path(path)
    return _parse_bytes(read_bytes(path, ModelError, "model file", max_bytes=MAX_MODEL_BYTES), path)


def _parse_bytes(raw: bytes, path: Path) -> BiasModel:
    try:
        if path.suffix == ".gz":
            raw = _gunzip(raw, path)
        doc = json.loads(raw.decode("utf-8"), parse_constant=_no_constants)
    except (OSError, EOFError) as exc:  # gzip errors are OSError / EOFError
        raise ModelError(f"{path}: cannot read ({exc})") from None
    except UnicodeDecodeError:
        raise ModelError(f"{path}: not UTF-8 text (not a JSON model file)") from None
    except RecursionError:
        raise ModelError(f"{path}: JSON nested too deeply (not a model file)") from None
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        raise ModelError(f"{path}: not valid JSON ({exc})") from None
    return parse_model(doc, str(path))


def _compiled(path: Path) -> BiasModel:
    """The model at `path`, from the start-up cache when it holds this very file (keyed by
    its sha256, which the cache remembers: a warm start does not read the file), else read,
    checked and stored there."""
    from functools import lru_cache

    from framing import cache
    from framing.classify import packed

    @lru_cache(maxsize=1)
    def raw() -> bytes:
        return read_bytes(path, ModelError, "model file", max_bytes=MAX_MODEL_BYTES)

    def sha256() -> str:
        import hashlib

        return hashlib.sha256(raw()).hexdigest()

    try:
        digest = cache.file_digest("model", [path], sha256)
    except OSError:  # missing or unreadable: the reader's one-line error
        digest = sha256()
    return cache.cached("model", cache.key_of("model", sys.byteorder, digest),
                        lambda: packed.pack(_parse_bytes(raw(), path)),
                        lambda payload: packed.unpack(payload, str(path)), mapped=True)


class LexiconDriftWarning(UserWarning):
    """The model's cue features were computed with other lexicons than the built-in ones."""


def lexicon_drift(model: BiasModel) -> str | None:
    """Why the model's cue features no longer match the built-in lexicons, or None.

    A model records the sha256 of the lexicons it was trained with (`metadata.lexicons`);
    when the built-ins changed since, its cue features count other words than it learned.
    """
    recorded = model.metadata.get("lexicons")
    if not isinstance(recorded, dict) or not model.uses_cues:
        return None
    from framing import lexicon

    current = lexicon.builtin().sha256
    if recorded.get("sha256") == current:
        return None
    return (f"{model.path}: trained with other lexicons than the built-in ones "
            f"(sha256 {str(recorded.get('sha256'))[:12]}…, now {str(current)[:12]}…); "
            "rebuild it with `framing train` (see docs/classifier.md)")


_DEFAULT: BiasModel | None = None


def load_model(path: str | Path | None = None) -> BiasModel:
    """The model at `path`, or the shipped default (None; read once per process and cached
    on disk in compiled form). Warns (`LexiconDriftWarning`) when the model's lexicon
    fingerprint differs from the built-in lexicons."""
    global _DEFAULT
    if path is not None:
        model = read_model(path)
    elif _DEFAULT is not None:
        return _DEFAULT
    else:
        model = _DEFAULT = _compiled(DEFAULT_MODEL)
    drift = lexicon_drift(model)
    if drift:
        import warnings

        warnings.warn(drift, LexiconDriftWarning, stacklevel=2)
    return model
