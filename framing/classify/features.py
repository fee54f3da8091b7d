"""Sentence features for the bias classifier, in pure Python (no numpy, no scikit-learn).

Three kinds of feature, all computed from the sentence's text alone:

* **n-grams**: `word_ngrams` and `char_wb_ngrams` are exact copies of scikit-learn's
  `TfidfVectorizer` analyzers (`analyzer="word"` with a token pattern, `analyzer="char_wb"`),
  so a model trained with scikit-learn scores identically here without it;
* **cues**: what the project itself finds in the sentence read alone (`sentence_cues`, the one
  definition that training and `analyse` share): lexicon matches
  counted per kind (`loaded`, `hedge`, `booster`, `anonymous`, `report_verb`) and per
  kind and category (`loaded:label`), scare quotes (`scare_quote`), and surface counts
  (`quote_marks`, `exclamation`, `question`);
* **biased-word rates**: a table, learned from training data that marks the biased words of
  each sentence (BABE's `biased_words`), of how often a word was marked when it occurred;
  a sentence gets the highest rates among its words (`rate_values`). The marks are used only
  to build the table; at prediction time only the sentence's text is read.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache, partial
from operator import is_not

from framing import lexicon as lexicons
from framing.detect import quotes as quote_detector
from framing.detect.quotes import DIRECT_MIN_WORDS
from framing.lexicon import Lexicon
from framing.match import matcher_for, matches_in
from framing.results import Token
from framing.segment import WORD_RE, quote_spans, tokens

_known = partial(is_not, None)
#: scikit-learn's default token pattern: words of two or more word characters.
TOKEN_PATTERN = r"(?u)\b\w\w+\b"

#: Cue keys computed from the text itself (not from lexicon matches).
SURFACE_CUES = ("quote_marks", "exclamation", "question")
#: Features derived from the biased-word rate table, in this order.
RATE_FEATURES = ("rate_max", "rate_top3", "rate_over_0.3", "rate_over_0.5")


# --- n-gram analyzers: scikit-learn's, line for line -------------------------------------

@lru_cache(maxsize=8)
def _pattern(token_pattern: str) -> re.Pattern[str]:
    return re.compile(token_pattern)


def word_tokens(text: str, token_pattern: str = TOKEN_PATTERN, lowercase: bool = True) -> list[str]:
    """The words that word n-grams are made of, as `TfidfVectorizer(analyzer="word")` finds
    them (lower-cased first, unless `lowercase` is False)."""
    if lowercase:
        text = text.lower()
    return _pattern(token_pattern).findall(text)


def word_ngrams(text: str, ngram_range: Sequence[int], token_pattern: str = TOKEN_PATTERN,
                lowercase: bool = True) -> list[str]:
    """Word n-grams as `TfidfVectorizer(analyzer="word")` builds them (no stop words)."""
    return ngrams_of(word_tokens(text, token_pattern, lowercase), ngram_range)


def ngrams_of(tokens: list[str], ngram_range: Sequence[int]) -> list[str]:
    """The n-grams `word_ngrams` makes of the `word_tokens` of a text (`tokens` is left as it
    is; with n-grams of one word only, it is what comes back)."""
    min_n, max_n = ngram_range
    if max_n == 1:
        return tokens
    original = tokens
    if min_n == 1:
        tokens = list(original)
        min_n += 1
    else:
        tokens = []
    for n in range(min_n, min(max_n + 1, len(original) + 1)):  # i.e. " ".join(original[i:i + n])
        tokens += map(" ".join, zip(*(original[k:] for k in range(n))))
    return tokens


def char_wb_words(text: str, lowercase: bool = True) -> list[str]:
    """The words that `char_wb` cuts n-grams from (white-space separated, lower-cased).
    scikit-learn first replaces each run of white space by one space; `split` ignores runs
    anyway, and both read white space as `str.isspace` does: the same words."""
    if lowercase:
        text = text.lower()
    return text.split()


def word_char_ngrams(word: str, ngram_range: Sequence[int]) -> list[str]:
    """`char_wb` n-grams of one word, padded with a space on each side; as scikit-learn, a
    padded word no longer than n gives itself once and ends the list."""
    min_n, max_n = ngram_range
    w = " " + word + " "
    w_len = len(w)
    out: list[str] = []
    for n in range(min_n, max_n + 1):
        if w_len <= n:
            out.append(w)
            break
        out += [w[i:i + n] for i in range(w_len - n + 1)]
    return out


def char_wb_ngrams(text: str, ngram_range: Sequence[int], lowercase: bool = True) -> list[str]:
    """Character n-grams within word boundaries, as `TfidfVectorizer(analyzer="char_wb")`."""
    out: list[str] = []
    for word in char_wb_words(text, lowercase):
        out.extend(word_char_ngrams(word, ngram_range))
    return out


# --- cues: what the project's own detectors find in the sentence ------------------------

def surface_cues(text: str, spans: list[tuple[int, int]] | None = None) -> dict[str, int]:
    """Counts read off the text: quotation spans (`spans`, if already found), exclamation and
    question marks."""
    return {"quote_marks": len(quote_spans(text) if spans is None else spans),
            "exclamation": text.count("!"), "question": text.count("?")}


def _add(counts: dict[str, int], kind: str, category: str) -> None:
    counts[kind] = counts.get(kind, 0) + 1
    if kind != "scare_quote":  # scare quotes have one category ("distancing")
        key = f"{kind}:{category}"
        counts[key] = counts.get(key, 0) + 1


def sentence_cues(text: str, lexicon: Lexicon | None = None,
                  found: Iterable[tuple[str, str]] | None = None,
                  within: tuple[list[Token], int] | None = None) -> dict[str, int]:
    """All cue counts of one sentence, read alone: lexicon matches counted by kind and
    kind:category, scare quotes, and the surface counts (`surface_cues`).

    The one definition of a sentence's cues: training computes them sentence by sentence, and
    `analyse` computes them for each sentence of an article with this same function, so a
    sentence gets the same features in both (a quote spanning sentences, or one that follows
    an attributed quote, is judged within the sentence either way). `found`: the (kind,
    category) of the lexicon matches in the sentence when the caller has matched it already;
    matching never crosses a sentence, so they are the matches this function would find.
    `within`: the article's tokens that start in the sentence and the sentence's offset in
    the article, when the caller has tokenised the article (`tokens_alone`).

    >>> sentence_cues('Critics slammed the "reform" as a disaster.')  # doctest: +SKIP
    {'report_verb': 1, ..., 'scare_quote': 1, 'quote_marks': 1, 'exclamation': 0, ...}
    """
    lexicon = lexicon or lexicons.builtin()
    if found is None:
        found = ((m.entry.kind, m.entry.category)
                 for _, _, m in matches_in(text, matcher_for(lexicon), [(0, len(text))]))
    counts: dict[str, int] = {}
    for kind, category in found:
        _add(counts, kind, category)
    spans = quote_spans(text)
    if spans and _may_hold_scare_quote(text, spans):
        toks = tokens(text) if within is None else tokens_alone(text, *within)
        for quote in quote_detector.classify(text, spans, [(0, len(text))], toks, lexicon):
            if quote.kind == "scare":
                _add(counts, "scare_quote", quote_detector.SCARE["category"])
    counts.update(surface_cues(text, spans))
    return counts


def tokens_alone(text: str, toks: list[Token], offset: int) -> list[Token]:
    """`tokens(text)` of a sentence that stands at `offset` in an article, made from `toks`,
    the article's tokens that start within the sentence, shifted to the sentence's offsets
    (cheaper than tokenising it again); `tokens(text)` itself when a token crosses either
    edge of the sentence.

    Why they are the same: `WORD_RE` looks neither behind nor ahead, so when no token of the
    article crosses the sentence's start, scanning the article reaches that start as
    scanning the sentence begins, and they find the same words up to the sentence's end,
    unless a word runs past it (the last token's end says). A token crossing the start would
    leave a word character of its own in the sentence, so the sentence's first word would
    start before the first of `toks`: their first words are compared. The normalised forms
    agree: lower-casing changes one character into one other, except `Σ` (by context) and
    the characters that lengthen or are dropped, for which `tokens` lower-cases word by word
    in the sentence as in the article, and a sentence holding none of them is lower-cased
    alike whole or in slices."""
    first = WORD_RE.search(text)
    edges = (first.span() if first else None,
             (toks[0].start - offset, toks[0].end - offset) if toks else None)
    if edges[0] != edges[1] or (toks and toks[-1].end - offset > len(text)):
        return tokens(text)
    new = tuple.__new__  # Token(...) without the named tuple's Python-level __new__
    return [new(Token, (t.start - offset, t.end - offset, t.text, t.norm, t.base)) for t in toks]


def _may_hold_scare_quote(text: str, spans: list[tuple[int, int]]) -> bool:
    """False when `quotes.classify` cannot find a scare quote among the spans of a sentence
    read alone, told by the words inside them without tokenising the sentence or classifying
    anything: a scare quote needs a span of 1 to DIRECT_MIN_WORDS - 1 words, and no span of
    DIRECT_MIN_WORDS words or more in the sentence.

    `classify` skips a span with no word and calls every span of DIRECT_MIN_WORDS words or
    more "direct" (or "partial" when credited "in the words of"), whatever surrounds it;
    only the last fall-through of `_kind` says "scare", and `_siblings` turns every scare
    quote of a sentence that holds quoted speech (direct or partial) into a partial quote:
    read alone, all the spans share one sentence. The words inside a span are the `WORD_RE`
    matches from its opening mark up to its closing one: a quote mark is no word character
    and, as an opening single mark, never follows one, so no word runs across the opening
    mark; one running past the closing mark is cut there but still counted once. Most
    quotes in news are long quoted speech, so most sentences with quote marks skip
    `classify` here.

    Nor is a lone quotation a scare quote: one span with no word before or after it in the
    sentence (a line of quoted dialogue, "Go on."), which `classify` calls direct unasked
    (`quotes._alone`: read alone, no sentence before it gives a lead-in, and no word after it
    gives a tag or dash credit). A word before the opening mark ends before it; any word
    starting at or after the closing mark is found by a search from there (`WORD_RE` looks
    at nothing outside its match), and a word running past the mark only makes the test
    say "may hold"."""
    sizes = [len(WORD_RE.findall(text, start, end)) for start, end in spans]
    if max(sizes) >= DIRECT_MIN_WORDS or not any(sizes):
        return False
    if len(spans) == 1:
        start, end = spans[0]
        return bool(WORD_RE.search(text, 0, start) or WORD_RE.search(text, end))
    return True


def cue_value(count: int | float) -> float:
    """The feature value of a cue count: log(1 + count), so the tenth match adds little."""
    return math.log1p(count) if count > 0 else 0.0


# --- biased-word rates (learned from sentences whose biased words are marked) -----------

def rate_tokens(text: str) -> set[str]:
    """The distinct lower-cased words of a text, as the word analyzer tokenises it."""
    return set(word_tokens(text))


def marked_tokens(biased_words: Iterable[str]) -> set[str]:
    """Lower-cased tokens of the words an annotator marked as biased."""
    pattern = _pattern(TOKEN_PATTERN)
    return {tok for phrase in biased_words for tok in pattern.findall(phrase.lower())}


def rate_table(texts: Iterable[str], marked: Iterable[Iterable[str]],
               prior: float = 2.0) -> dict[str, float]:
    """word -> marked / (occurrences + prior), over sentences; only words marked at least once.

    `prior` shrinks rare words: a word seen once and marked once gets 1 / 3.
    """
    seen: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for text, words in zip(texts, marked, strict=True):
        toks = rate_tokens(text)
        seen.update(toks)
        hits.update(toks & marked_tokens(words))
    return {w: hits[w] / (seen[w] + prior) for w in sorted(hits)}


def rate_values(words: Iterable[str], table: dict[str, float]) -> list[float]:
    """`RATE_FEATURES` of a sentence's distinct words: the highest rate, the sum of the three
    highest, and how many words have a rate over 0.3 and over 0.5."""
    return rate_features(sorted(filter(_known, map(table.get, words)), reverse=True))


def rate_features(rates: list[float]) -> list[float]:
    """`RATE_FEATURES` of a sentence's word rates, highest first (`rate_values`)."""
    return [rates[0] if rates else 0.0, sum(rates[:3]),  # r > x counted as x < r: in C
            float(sum(map((0.3).__lt__, rates))), float(sum(map((0.5).__lt__, rates)))]
