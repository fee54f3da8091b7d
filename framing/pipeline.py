"""The straight pipeline: segment → annotate → score, returning an `Article`."""
from __future__ import annotations

import bisect
from functools import lru_cache

from framing import lexicon as lexicons
from framing.detect import quotes as quote_detector
from framing.lexicon import Lexicon
from framing.match import Matcher, matches_in
from framing.model import Article, Flag, Quote, Sentence
from framing.readability import readability
from framing.score import article_scores
from framing.segment import quote_spans, sentence_spans, tokens


@lru_cache(maxsize=8)
def _matcher(lexicon: Lexicon) -> Matcher:
    return Matcher(lexicon)


def _voice(start: int, end: int, direct: list[Quote]) -> str:
    inside = sum(max(0, min(end, q.end) - max(start, q.start)) for q in direct)
    if not inside:
        return "narrator"
    return "quote" if inside >= (end - start) * 0.9 else "mixed"


def analyse_text(text: str, *, source: str | None = None, title: str | None = None,
                 lexicon: Lexicon | None = None, removed: str | None = None) -> Article:
    """Analyse one text; `lexicon` defaults to the built-in lexicons."""
    lexicon = lexicon or lexicons.builtin()
    matcher = _matcher(lexicon)
    spans = sentence_spans(text)
    all_tokens = tokens(text)
    starts = [s for s, _ in spans]

    def sentence_of(offset: int) -> int:
        return max(bisect.bisect_right(starts, offset) - 1, 0)

    quotes = quote_detector.classify(text, quote_spans(text), spans, all_tokens, lexicon)
    direct = [q for q in quotes if q.kind == "direct"]

    def quote_at(start: int, end: int) -> Quote | None:
        return next((q for q in quotes if q.start <= start and end <= q.end), None)

    flags: list[Flag] = []
    for index, toks, m in matches_in(text, matcher, spans):
        start, end = toks[m.first].start, toks[m.last - 1].end
        quote = quote_at(start, end)
        entry = m.entry
        flags.append(Flag(
            kind=entry.kind, id=entry.id, term=entry.term, start=start, end=end,
            text=text[start:end], sentence=index, category=entry.category,
            explanation=entry.explanation, alternatives=entry.alternatives,
            in_quote=quote is not None, weight=entry.weight,
            speaker=quote.speaker if quote else None))
    flags.extend(quote_detector.scare_flags(quotes, sentence_of))
    flags.sort(key=lambda f: (f.start, f.end))
    sentences = [Sentence(index=i, start=s, end=e, voice=_voice(s, e, direct))
                 for i, (s, e) in enumerate(spans)]
    word_count = len(all_tokens)
    scores = article_scores(flags, sentences, word_count, readability(text))
    return Article(source=source, title=title, text=text, word_count=word_count, scores=scores,
                   sentences=tuple(sentences), flags=tuple(flags), quotes=tuple(quotes),
                   removed=removed)
