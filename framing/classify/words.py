"""The learned word-level detector: which words an expert would mark as biased, in pure Python.

A logistic regression over features a reader can follow (docs/word-detector.md): the word
and its stem, its character n-grams (for unseen inflections and coinages), how often experts
marked it in the training data (`counts`), how often news outlets use it and whether partisan
outlets use it more than centre ones (`corpus`), its shape (capitals, length, hyphen,
position), its lexicon matches by kind, its neighbours, whether it sits in quoted speech, and
how biased its sentence reads to the sentence classifier. The model is a JSON file checked
key by key on loading (`WordModelError`); nothing in it is executed.

    from framing.classify.words import load_word_model
    model = load_word_model()
    model.probabilities(sentence_tokens, marks, quoted, sentence_logit)
"""
from __future__ import annotations

import bisect
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.classify.features import word_char_ngrams
from framing.classify.predict import ModelError, _Check, _no_constants, sigmoid
from framing.files import read_bytes
from framing.results import Flag, Token

if TYPE_CHECKING:
    from framing.lexicon import Lexicon

SCHEMA = "framing.word-model"
VERSION = 1
DEFAULT_WORD_MODEL = Path(__file__).resolve().parent.parent / "data" / "word-model.json"
FLAG_ID = "loaded.learned"
CATEGORY = "learned"
#: Lexicon kinds whose flags count as word-choice flags (the detector's peers; they win).
LEXICON_KINDS = ("loaded", "report_verb")

#: Feature settings the code understands; a model file states its own values.
SETTINGS = {
    "char_ngram_range": [3, 5],  # char_wb n-grams of the word
    "char_value": 0.3,           # the value of one char n-gram feature
    "rate_prior": 2.0,           # marked / (seen + prior)
    "rate_scale": 3.0,           # the rate feature is rate × scale
    "max_length": 12,            # length features are capped here
    "z_clip": 5.0,               # partisan z-scores are clipped to ±z_clip
}
_STEM_SUFFIXES = ("ically", "ingly", "ness", "ment", "ings", "edly", "ally", "ing", "ies",
                  "ied", "ers", "est", "ed", "es", "ly", "er", "s")
_CACHE_SIZE = 50_000
#: A neighbour's marks are cited in a flag's why when it was marked this often and this rate.
NEIGHBOUR_MARKS = 2
NEIGHBOUR_RATE = 0.2


class WordModelError(ModelError):
    """A word-model file that cannot be used; str(exc) is one line."""


def stem(word: str) -> str:
    """A crude stem: the first of a few inflectional and derivational suffixes removed when at
    least three letters remain ("slammed" -> "slamm", "radicals" -> "radical")."""
    for suffix in _STEM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)]
    return word


@dataclass(frozen=True)
class Counts:
    """How often experts marked each word, and in how many training sentences it occurred."""

    marked: dict[str, int]
    seen: dict[str, int]
    prior: float

    def rate(self, word: str) -> float:
        return self.marked.get(word, 0) / (self.seen.get(word, 0) + self.prior)


@dataclass(frozen=True)
class CorpusStats:
    """Word statistics of an unlabelled news corpus: documents containing the word (`df`) and
    partisan-versus-centre log-odds z (`z`)."""

    documents: int
    df: dict[str, int]
    z: dict[str, float]


@dataclass(frozen=True)
class Sentence:
    """What the detector reads of one sentence: its tokens and, per token, the lexicon match
    covering it (`kind:category` or None) and whether it lies in quoted speech."""

    tokens: Sequence[Token]
    marks: Sequence[str | None]
    quoted: Sequence[bool]
    logit: float | None = None  # the sentence classifier's log-odds of "biased"


def word_features(word: str, counts: Counts | None, corpus: CorpusStats | None,
                  settings: dict[str, Any]) -> dict[str, float]:
    """The features of a word on its own (lower-cased): the same wherever it occurs."""
    f: dict[str, float] = {f"w:{word}": 1.0, f"s:{stem(word)}": 1.0}
    value = settings["char_value"]
    for gram in word_char_ngrams(word, settings["char_ngram_range"]):
        key = f"c:{gram}"
        f[key] = f.get(key, 0.0) + value
    if counts is not None:
        if counts.seen.get(word):
            f["rate"] = counts.rate(word) * settings["rate_scale"]
        else:
            f["unseen"] = 1.0
    if corpus is not None:
        df = corpus.df.get(word, 0)
        f["log_df"] = math.log1p(df) / 9
        f[f"df:{int(math.log1p(df))}"] = 1.0
        z = corpus.z.get(word)
        if z is not None:
            clip = settings["z_clip"]
            f["partisan"] = max(-clip, min(clip, z))
    f[f"len:{min(len(word), settings['max_length'])}"] = 1.0
    if "-" in word:
        f["hyphen"] = 1.0
    return f


def position_features(sentence: Sentence, i: int, counts: Counts | None) -> dict[str, float]:
    """The features of the i-th token that depend on where it stands."""
    toks = sentence.tokens
    tok = toks[i]
    f: dict[str, float] = {}
    first = tok.text[0]
    if i == 0:
        f["first"] = 1.0
    elif first.isupper():
        f["cap"] = 1.0
    if len(tok.text) > 1 and tok.text.isupper():
        f["all_caps"] = 1.0
    if first.isdigit():
        f["digit"] = 1.0
    if sentence.quoted[i]:
        f["quoted"] = 1.0
    mark = sentence.marks[i]
    if mark is not None:
        f[f"lex:{mark.partition(':')[0]}"] = 1.0
        f[f"lex:{mark}"] = 1.0
    prev = toks[i - 1].norm if i else "<s>"
    nxt = toks[i + 1].norm if i + 1 < len(toks) else "</s>"
    f[f"prev:{prev}"] = 1.0
    f[f"next:{nxt}"] = 1.0
    if counts is not None:
        if i:
            f["prev_rate"] = counts.rate(prev)
        if i + 1 < len(toks):
            f["next_rate"] = counts.rate(nxt)
    if sentence.logit is not None:
        f["sentence"] = sentence.logit
    return f


def token_features(sentence: Sentence, i: int, counts: Counts | None,
                   corpus: CorpusStats | None, settings: dict[str, Any]) -> dict[str, float]:
    """All features of the i-th token (training builds these; prediction caches the word part)."""
    return word_features(sentence.tokens[i].norm, counts, corpus, settings) | position_features(
        sentence, i, counts)


# --- the model --------------------------------------------------------------------------

@dataclass(frozen=True)
class Push:
    """One reason a word's probability went up: a readable label and its log-odds share."""

    label: str
    value: float


@dataclass(frozen=True)
class WordModel:
    """P(an expert marks this word) = sigmoid(intercept + coef · features)."""

    intercept: float
    threshold: float
    coef: dict[str, float]
    settings: dict[str, Any]
    counts: Counts | None
    corpus: CorpusStats | None
    metadata: dict[str, Any]
    path: str = ""
    _cache: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    def _word_score(self, word: str) -> float:
        score = self._cache.get(word)
        if score is None:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            coef = self.coef
            score = sum(v * coef[k] for k, v in
                        word_features(word, self.counts, self.corpus, self.settings).items()
                        if k in coef)
            self._cache[word] = score
        return score

    def decision(self, sentence: Sentence, i: int) -> float:
        """The log-odds that an expert marks the i-th token."""
        coef = self.coef
        z = self.intercept + self._word_score(sentence.tokens[i].norm)
        for k, v in position_features(sentence, i, self.counts).items():
            c = coef.get(k)
            if c is not None:
                z += v * c
        return z

    def probabilities(self, sentence: Sentence) -> list[float]:
        """P(marked) for every token of the sentence."""
        return [sigmoid(self.decision(sentence, i)) for i in range(len(sentence.tokens))]

    def explain(self, sentence: Sentence, i: int, top: int = 3) -> list[Push]:
        """The groups of features that pushed the i-th token's log-odds up most."""
        feats = token_features(sentence, i, self.counts, self.corpus, self.settings)
        groups: dict[str, float] = {}
        for k, v in feats.items():
            c = self.coef.get(k)
            if c is not None:
                label = self._label(k, sentence, i)
                groups[label] = groups.get(label, 0.0) + v * c
        ranked = sorted(((v, k) for k, v in groups.items() if v > 0), key=lambda p: (-p[0], p[1]))
        return [Push(k, v) for v, k in ranked[:top]]

    def _label(self, key: str, sentence: Sentence, i: int) -> str:
        toks = sentence.tokens
        kind = key.partition(":")[0]
        if kind in ("w", "s"):
            return "the word itself"
        if kind == "unseen":
            return "words new to the training data are often marked"
        if kind == "c":
            return "its spelling"
        if kind == "rate":
            return "how often experts marked it"
        if kind in ("prev", "prev_rate"):
            return f"the word before it (“{toks[i - 1].text}”)" if i else "its place in the sentence"
        if kind in ("next", "next_rate"):
            return (f"the word after it (“{toks[i + 1].text}”)" if i + 1 < len(toks)
                    else "its place in the sentence")
        if kind in ("log_df", "df"):
            return "how rare it is in news"
        if kind == "partisan":
            return "partisan outlets use it more"
        if kind == "sentence":
            return "its sentence reads as biased"
        if kind == "lex":
            return "a lexicon cue on it"
        if kind == "quoted":
            return "it is quoted speech"
        return ("its form" if kind in ("len", "hyphen", "cap", "all_caps", "digit")
                else "its place in the sentence")

    def evidence(self, word: str) -> str:
        """What the training data says about a word, in words."""
        if self.counts is None:
            return "the training data marked no words"
        seen = self.counts.seen.get(word, 0)
        marked = self.counts.marked.get(word, 0)
        if not seen:
            return "the word never occurs in the training sentences"
        if seen == 1:
            return f"experts marked it in {marked} of the 1 training sentence that uses it"
        return f"experts marked it in {marked} of the {seen} training sentences that use it"


# --- flags ----------------------------------------------------------------------------

def covered_tokens(toks: Sequence[Token], flags: Sequence[Flag]) -> list[str | None]:
    """Per token, the `kind:category` of the flag covering it (the first one), or None."""
    out: list[str | None] = [None] * len(toks)
    starts = [t.start for t in toks]
    for flag in flags:
        for k in range(bisect.bisect_left(starts, flag.start), len(toks)):
            if toks[k].start >= flag.end:
                break
            if out[k] is None:
                out[k] = f"{flag.kind}:{flag.category}"
    return out


@lru_cache(maxsize=8)
def lexicon_words(lexicon: Lexicon) -> frozenset[str]:
    """The one-word forms of every lexicon entry: where such a word is not flagged, a sense
    exception decided so, and the detector does not second-guess it."""
    return frozenset(form[0] for entry in lexicon.entries for form in entry.forms
                     if len(form) == 1)


def eligible(tok: Token, mark: str | None, known: frozenset[str]) -> bool:
    """May the detector flag this token: no flag covers it and no entry names the word."""
    return mark is None and tok.norm not in known and tok.base not in known


def why(model: WordModel, sentence: Sentence, i: int, probability: float) -> str:
    """One line: that this is a learned guess, what the training data says, what pushed it."""
    word = sentence.tokens[i].norm
    pushes = model.explain(sentence, i)
    said = [model.evidence(word)]
    toks = sentence.tokens
    for k, where in ((i - 1, "before"), (i + 1, "after")):
        if 0 <= k < len(toks) and model.counts is not None:
            other = toks[k].norm
            marked = model.counts.marked.get(other, 0)
            if (marked >= NEIGHBOUR_MARKS and model.counts.rate(other) >= NEIGHBOUR_RATE
                    and any(p.label.startswith(f"the word {where}") for p in pushes)):
                said.append(f"“{toks[k].text}” {where} it was marked in "
                            f"{marked} of {model.counts.seen[other]}")
    by = ", ".join(p.label for p in pushes) or "no single feature"
    return (f"A learned guess (p = {probability:.2f}), not in the curated lexicon yet: "
            f"{'; '.join(said)}. Pushed up by: {by}.")


def learned_flags(text: str, sentence_tokens: Sequence[Sequence[Token]], flags: Sequence[Flag],
                  quoted: set[int], probabilities: Sequence[float | None],
                  model: WordModel, lexicon: Lexicon) -> list[Flag]:
    """Flags for words the model reads as marked (P >= its threshold) that no other flag
    covers and no lexicon entry names (`eligible`).

    `quoted`: start offsets of tokens in quoted speech; `probabilities`: the sentence
    classifier's P(biased) per sentence (None: read as 0.5).
    """
    by_sentence: dict[int, list[Flag]] = {}
    for f in flags:
        by_sentence.setdefault(f.sentence, []).append(f)
    known = lexicon_words(lexicon)
    out = []
    for index, toks in enumerate(sentence_tokens):
        if not toks:
            continue
        marks = covered_tokens(toks, by_sentence.get(index, ()))
        sentence = Sentence(toks, marks, [t.start in quoted for t in toks],
                            logit(probabilities[index]))
        for i, tok in enumerate(toks):
            if not eligible(tok, marks[i], known):
                continue
            p = sigmoid(model.decision(sentence, i))
            if p < model.threshold:
                continue
            out.append(Flag(
                kind="loaded", id=FLAG_ID, term=tok.norm, start=tok.start, end=tok.end,
                text=text[tok.start:tok.end], sentence=index, category=CATEGORY,
                explanation=why(model, sentence, i, p), alternatives=(),
                in_quote=tok.start in quoted, weight=round(p, 3), probability=round(p, 3)))
    return out


def logit(p: float | None, eps: float = 1e-3) -> float | None:
    """log(p / (1 - p)), with p kept within [eps, 1 - eps]; None stays None."""
    if p is None:
        return None
    p = min(max(p, eps), 1 - eps)
    return math.log(p / (1 - p))


# --- the safe loader -------------------------------------------------------------------

def _settings(check: _Check, doc: Any) -> dict[str, Any]:
    doc = check.table(doc, "settings", tuple(SETTINGS))
    extra = sorted(set(doc) - set(SETTINGS))
    if extra:
        raise check.fail("settings", f"unknown key {extra[0]!r}")
    rng = doc["char_ngram_range"]
    if (not isinstance(rng, list) or len(rng) != 2 or not all(type(n) is int for n in rng)
            or not 1 <= rng[0] <= rng[1] <= 8):
        raise check.fail("settings.char_ngram_range", "must be [min, max] with 1 <= min <= max <= 8")
    out: dict[str, Any] = {"char_ngram_range": (rng[0], rng[1])}
    for key in ("char_value", "rate_prior", "rate_scale", "z_clip"):
        out[key] = check.number(doc[key], f"settings.{key}")
        if out[key] <= 0:
            raise check.fail(f"settings.{key}", "must be positive")
    if type(doc["max_length"]) is not int or doc["max_length"] < 1:
        raise check.fail("settings.max_length", "must be a positive whole number")
    out["max_length"] = doc["max_length"]
    return out


def _whole(check: _Check, value: Any, where: str, length: int) -> tuple[int, ...]:
    if not isinstance(value, list) or len(value) != length:
        raise check.fail(where, f"must be a list of {length} whole numbers")
    if not all(type(n) is int and n >= 0 for n in value):
        raise check.fail(where, "must hold whole numbers >= 0")
    return tuple(value)


def _counts(check: _Check, doc: Any, prior: float) -> Counts | None:
    if doc is None:
        return None
    doc = check.table(doc, "counts", ("words", "marked", "seen"))
    words = check.strings(doc["words"], "counts.words")
    marked = _whole(check, doc["marked"], "counts.marked", len(words))
    seen = _whole(check, doc["seen"], "counts.seen", len(words))
    if any(m > s for m, s in zip(marked, seen)):
        raise check.fail("counts", "a word is marked more often than it occurs")
    return Counts({w: m for w, m in zip(words, marked) if m}, dict(zip(words, seen)), prior)


def _corpus(check: _Check, doc: Any) -> CorpusStats | None:
    if doc is None:
        return None
    doc = check.table(doc, "corpus", ("name", "documents", "words", "df", "z"))
    words = check.strings(doc["words"], "corpus.words")
    n = len(words)
    if type(doc["documents"]) is not int or doc["documents"] < 1:
        raise check.fail("corpus.documents", "must be a positive whole number")
    df = _whole(check, doc["df"], "corpus.df", n)
    z = check.numbers(doc["z"], "corpus.z", n)
    return CorpusStats(doc["documents"], dict(zip(words, df)), dict(zip(words, z)))


def parse_word_model(doc: Any, name: str = "word model") -> WordModel:
    """Build a WordModel from a decoded JSON document, checking everything (WordModelError)."""
    check = _Check(name)
    try:
        doc = check.table(doc, "", ("schema", "version", "intercept", "threshold", "settings",
                                    "features", "counts", "corpus", "metadata"))
        if doc["schema"] != SCHEMA:
            raise check.fail("schema", f"is {doc['schema']!r}, not {SCHEMA!r} "
                             "(not a framing word model)")
        if doc["version"] != VERSION or isinstance(doc["version"], bool):
            raise check.fail("version", f"{doc['version']!r} is not supported "
                             f"(this framing reads version {VERSION})")
        if not isinstance(doc["metadata"], dict):
            raise check.fail("metadata", "must be a JSON object")
        settings = _settings(check, doc["settings"])
        feats = check.table(doc["features"], "features", ("names", "coef"))
        names = check.strings(feats["names"], "features.names")
        coef = check.numbers(feats["coef"], "features.coef", len(names))
        threshold = check.number(doc["threshold"], "threshold")
        if not 0 < threshold < 1:
            raise check.fail("threshold", "must lie between 0 and 1")
        return WordModel(
            intercept=check.number(doc["intercept"], "intercept"), threshold=threshold,
            coef=dict(zip(names, coef)), settings=settings,
            counts=_counts(check, doc["counts"], settings["rate_prior"]),
            corpus=_corpus(check, doc["corpus"]), metadata=doc["metadata"], path=name)
    except ModelError as exc:
        raise WordModelError(str(exc)) from None


def read_word_model(path: str | Path) -> WordModel:
    """Read and check a word-model file (JSON)."""
    path = Path(path)
    raw = read_bytes(path, WordModelError, "word model file")
    try:
        doc = json.loads(raw.decode("utf-8"), parse_constant=_no_constants)
    except UnicodeDecodeError:
        raise WordModelError(f"{path}: not UTF-8 text (not a JSON word model file)") from None
    except ValueError as exc:
        raise WordModelError(f"{path}: not valid JSON ({exc})") from None
    return parse_word_model(doc, str(path))


_DEFAULT: WordModel | None = None


def load_word_model(path: str | Path | None = None) -> WordModel:
    """The word model at `path`, or the shipped default (None; read once and cached)."""
    global _DEFAULT
    if path is not None:
        return read_word_model(path)
    if _DEFAULT is None:
        _DEFAULT = read_word_model(DEFAULT_WORD_MODEL)
    return _DEFAULT
