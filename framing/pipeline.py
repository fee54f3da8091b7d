"""The straight pipeline: segment → annotate → score, returning an `Article`."""
from __future__ import annotations

import bisect
import functools
import gc
import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from operator import attrgetter
from typing import TYPE_CHECKING, Literal

from framing import lexicon as lexicons
from framing.assertion import sentence_assertion
from framing.detect import quotes as quote_detector
from framing.detect.reported import (NESTED, Reported, reported_sentence, reported_spans,
                                     voice_of)
from framing.detect.sources import find_sources
from framing.lexicon import Lexicon
from framing.match import Matcher, matcher_for
from framing.results import Article, Cue, Flag, Quote, Sentence, Source, Token
from framing.readability import readability
from framing.classify import BIASED
from framing.score import VOICE_GROUPS, article_scores
from framing.segment import quote_spans, sentence_of, sentence_spans, starts_within, tokens

if TYPE_CHECKING:
    from framing.classify.predict import BiasModel
    from framing.classify.words import WordModel


_START = attrgetter("start")
ATTRIBUTION_TAG_WORDS = 8
BIAS_WORDS = 5


def _voice(toks: list[Token], quoted: set[int], speech_verbs: frozenset[str],
           reported: list[Reported]) -> str:
    """narrator (the writer's own claim), reported (indirect speech: no quoted words, the main
    claim reported, `reported_sentence`), quote (quoted words plus at most an attribution
    tag), mixed. `quoted`: start offsets of the tokens inside direct or partial quotes."""
    if not quoted or quoted.isdisjoint(map(_START, toks)):  # (most sentences)
        return "reported" if reported_sentence(toks, reported) else "narrator"
    outside = [t for t in toks if t.start not in quoted]
    tag = len(outside) <= ATTRIBUTION_TAG_WORDS and any(t.norm in speech_verbs for t in outside)
    return "quote" if not outside or tag else "mixed"


def _words_by_voice(sentence_tokens: list[list[Token]], quoted: set[int],
                    reported: list[list[Reported]]) -> dict[str, int]:
    """Words per voice (score.VOICE_GROUPS), each word by its own voice as a flag on it would
    be (`voice_of`)."""
    out = dict.fromkeys(VOICE_GROUPS, 0)
    for toks, spans in zip(sentence_tokens, reported):
        if len(spans) > NESTED:  # rare: `voice_of` word by word
            for t in toks:
                out[voice_of(t.start, t.start in quoted, spans)[0]] += 1
            continue
        starts = list(map(_START, toks))
        inside = len(quoted.intersection(starts)) if quoted else 0
        # `voice_of` looks at the NESTED spans that start last at or before a word: with no
        # more spans than that, a word outside quotes is reported if any span holds it
        said: set[int] = set()
        for r in spans:
            said.update(starts[bisect.bisect_left(starts, r.start):
                               bisect.bisect_left(starts, r.end)])
        said.difference_update(quoted)
        out["quoted"] += inside
        out["reported"] += len(said)
        out["writer"] += len(toks) - inside - len(said)
    return out


def _with_voices(flags: list[Flag], reported: list[list[Reported]]) -> list[Flag]:
    """Every flag with its voice; a flag in reported speech carries the speech's speaker. A
    scare quote is the writer's (the marks are the writer's punctuation) wherever it stands.
    A flag that keeps its voice and speaker (most: the writer's) is kept as it is."""
    out = []
    for f in flags:
        voice, span = voice_of(f.start, f.in_quote,
                               reported[f.sentence] if f.kind != "scare_quote" else [])
        speaker = span.speaker if span else f.speaker
        out.append(f if voice == f.voice and speaker == f.speaker
                   else replace(f, voice=voice, speaker=speaker))
    return out


def _term_flags(text: str, sentence_tokens: list[list[Token]], quoted: set[int],
                matcher: Matcher) -> list[Flag]:
    """Lexicon flags; `in_quote` when their first word lies inside quoted speech."""
    flags = []
    for index, toks in enumerate(sentence_tokens):
        for m in matcher.sentence(text, toks):
            start, end = toks[m.first].start, toks[m.last - 1].end
            entry = m.entry
            flags.append(Flag(
                kind=entry.kind, id=entry.id, term=entry.term, start=start, end=end,
                text=text[start:end], sentence=index, category=entry.category,
                explanation=entry.explanation, alternatives=entry.alternatives,
                in_quote=start in quoted,
                weight=entry.weight))
    return flags


def _with_speakers(flags: list[Flag], quotes: list[Quote]) -> list[Flag]:
    """Flags inside quoted speech carry its speaker (pronouns already resolved)."""
    spoken = [q for q in quotes if q.speech and q.speaker]
    starts = [q.start for q in spoken]
    out = []
    for f in flags:
        k = bisect.bisect_right(starts, f.start) - 1
        inside = f.in_quote and k >= 0 and f.end <= spoken[k].end
        out.append(replace(f, speaker=spoken[k].speaker) if inside else f)
    return out


def _attributions(sources: list[Source], sentence_of: Callable[[int], int]) -> dict[int, Cue]:
    """The first source each sentence attributes its claim to, as an `attribution` cue."""
    out: dict[int, Cue] = {}
    for source in sources:
        for start, end in source.mentions:
            out.setdefault(sentence_of(start), Cue("attribution", source.name, 0.0, start, end))
    return out


@functools.lru_cache(maxsize=8)
def _any_of(words: frozenset[str]) -> Callable[[str], object] | None:
    """A test that a text holds any of the words as a substring (as `word in text` for each
    would say) in one regular-expression scan; None for no words."""
    if not words:
        return None
    return re.compile("|".join(map(re.escape, sorted(words)))).search


def _bias(texts: list[str], term_flags: list[Flag], lexicon: Lexicon,
          model: BiasModel | None, spans: list[tuple[int, int]],
          sentence_tokens: list[list[Token]]) -> list[tuple[float, tuple[str, ...]]]:
    """P(biased) per sentence, and for sentences read as biased the words that pushed it up.
    Each sentence's cues are `sentence_cues` of the sentence alone, as in training (matched
    again alone where an entry's sense looks at the neighbouring sentences; its words taken
    from the article's tokens, `tokens_alone`)."""
    from framing.classify.features import sentence_cues
    from framing.classify.predict import load_model
    from framing.match import matcher_for

    model = model or load_model()
    found: list[list[tuple[str, str]]] = [[] for _ in texts]
    for f in term_flags:
        found[f.sentence].append((f.kind, f.category))
    context = _any_of(matcher_for(lexicon).context_words)
    cues = [sentence_cues(t, lexicon, None if context and context(t.lower()) else found[i],
                          (sentence_tokens[i], spans[i][0]))
            for i, t in enumerate(texts)]
    return [(round(p, 3), tuple(label for label, _ in words))
            for p, words in model.assess(texts, cues, explain_from=BIASED, top=BIAS_WORDS)]


def _with_learned(text: str, sentence_tokens: list[list[Token]], flags: list[Flag],
                  quoted: set[int], quotes: list[Quote], probabilities: list[float | None],
                  words: WordModel | bool, lexicon: Lexicon) -> list[Flag]:
    """The flags plus the learned word detector's, on words no flag covers and no entry names."""
    from framing.classify.words import learned_flags, load_word_model

    learned = learned_flags(text, sentence_tokens, flags, quoted, probabilities,
                            load_word_model() if words is True else words, lexicon)
    return sorted(flags + _with_speakers(learned, quotes), key=lambda f: (f.start, f.end))


def _without_cycle_collector(analyse: Callable[..., Article]) -> Callable[..., Article]:
    """`analyse` with Python's cycle collector paused while it runs. An analysis allocates
    objects by the hundred thousand (words, quotes, flags) that live until it returns, and the
    collector's full passes walk all of them again and again as they pile up: a third of the
    time of 1 MB of quoted dialogue, a fifth of 1 MB of prose. Reference counting still frees
    what the analysis drops; cycles, if any, wait for the next collection after it. Only
    turned back on if it was on (nested calls, threads)."""
    @functools.wraps(analyse)
    def run(*args, **kwargs) -> Article:
        if not gc.isenabled():
            return analyse(*args, **kwargs)
        gc.disable()
        try:
            return analyse(*args, **kwargs)
        finally:
            gc.enable()
    return run


@_without_cycle_collector
def analyse_text(text: str, *, source: str | None = None, title: str | None = None,
                 lexicon: Lexicon | None = None, removed: str | None = None,
                 model: BiasModel | None | Literal[False] = None,
                 flags_only: bool = False,
                 words: WordModel | bool = False) -> Article:
    """Analyse one text. `lexicon` defaults to the built-in lexicons, `model` to the shipped
    sentence-bias model (False: no classifier); `words`: True adds the shipped learned word
    detector's flags (or pass a `WordModel`; off by default: docs/word-detector.md says why). `flags_only` gives the lexicon's flags and nothing that does
    not feed them (no classifier, no learned flags, no readability), for `framing check`."""
    lexicon = lexicon or lexicons.builtin()
    spans = sentence_spans(text)
    all_tokens = tokens(text)
    token_starts = list(map(_START, all_tokens))
    sentence_tokens = [all_tokens[bisect.bisect_left(token_starts, s):bisect.bisect_left(token_starts, e)]
                       for s, e in spans]
    sentence_at = partial(sentence_of, spans)
    quotes = quote_detector.classify(text, quote_spans(text), spans, all_tokens, lexicon)
    quoted = starts_within(all_tokens, [(q.start, q.end) for q in quotes if q.speech])
    term_flags = _term_flags(text, sentence_tokens, quoted, matcher_for(lexicon))
    flags = term_flags + quote_detector.scare_flags(quotes, sentence_at)
    flags.sort(key=lambda f: (f.start, f.end))
    sources, quotes = find_sources(text, spans, sentence_tokens, quotes, flags, lexicon)
    flags = _with_speakers(flags, quotes)
    attributions = _attributions(sources, sentence_at)
    by_sentence: dict[int, list[Flag]] = {}
    for f in flags:
        by_sentence.setdefault(f.sentence, []).append(f)
    texts = [text[s:e] for s, e in spans]
    classify = model is not False and not flags_only
    bias = (_bias(texts, term_flags, lexicon, model, spans, sentence_tokens) if classify
            else [(None, ())] * len(spans))
    if words is not False and classify:  # True or a WordModel
        flags = _with_learned(text, sentence_tokens, flags, quoted, quotes, [p for p, _ in bias],
                              words, lexicon)
    reported = reported_spans(text, sentence_tokens, lexicon)
    flags = _with_voices(flags, reported)
    sentences = []
    speech_verbs = lexicon.classes.get("speech_verb", frozenset())
    for i, (s, e) in enumerate(spans):
        score, cues = sentence_assertion(sentence_tokens[i], by_sentence.get(i, []),
                                         attributions.get(i), lexicon)
        voice = _voice(sentence_tokens[i], quoted, speech_verbs, reported[i])
        sentences.append(Sentence(index=i, start=s, end=e, voice=voice, assertion=score,
                                  cues=cues, bias_probability=bias[i][0], bias_words=bias[i][1]))
    word_count = len(all_tokens)
    scores = article_scores(flags, sentences, word_count,
                            None if flags_only else readability(text),
                            _words_by_voice(sentence_tokens, quoted, reported))
    return Article(source=source, title=title, text=text, word_count=word_count, scores=scores,
                   sentences=tuple(sentences), flags=tuple(flags), quotes=tuple(quotes),
                   sources=tuple(sources), removed=removed)

