"""Classify quotation spans: direct quotes (with their speaker where named) vs scare quotes."""
from __future__ import annotations

import bisect
from collections.abc import Callable

from framing.detect.speakers import SpeakerWords, speaker_at
from framing.lexicon import Lexicon
from framing.model import Flag, Quote, Token

SCARE_MAX_WORDS = 5
DIRECT_MIN_WORDS = 6
VERB_WINDOW = 6

SCARE = {
    "id": "scare_quote",
    "category": "distancing",
    "explanation": ("Quotation marks around a short phrase with no speaker: the writer keeps "
                    "the words at arm's length or signals doubt without saying why."),
    "alternatives": ("drop the marks and use the words as your own",
                     "say who uses the phrase: 'what the ministry calls a peace plan'"),
}


def _near_verb(text: str, words: SpeakerWords, after: list[Token],
               before: list[Token]) -> tuple[bool, str | None]:
    """(a speech verb is next to the quote, its speaker) looking just after, then just before."""
    window = [(after, k) for k in range(min(VERB_WINDOW, len(after)))]
    window += [(before, k) for k in range(len(before) - 1, max(len(before) - VERB_WINDOW, 0) - 1, -1)]
    for toks, k in window:
        if toks[k].norm in words.verbs:
            return True, speaker_at(text, words, toks, k)
    return False, None


def classify(text: str, spans: list[tuple[int, int]], sentences: list[tuple[int, int]],
             toks: list[Token], lexicon: Lexicon) -> list[Quote]:
    """Direct quotes are long or introduced by a speech verb; short unattributed ones are scare quotes."""
    words = SpeakerWords.of(lexicon)
    starts = [t.start for t in toks]
    sent_starts = [s for s, _ in sentences]
    quotes = []
    for qs, qe in spans:
        inner = toks[bisect.bisect_left(starts, qs):bisect.bisect_left(starts, qe)]
        first_sent = sentences[max(bisect.bisect_right(sent_starts, qs) - 1, 0)]
        last_sent = sentences[max(bisect.bisect_right(sent_starts, qe - 1) - 1, 0)]
        before = toks[bisect.bisect_left(starts, first_sent[0]):bisect.bisect_left(starts, qs)]
        after = toks[bisect.bisect_left(starts, qe):bisect.bisect_left(starts, last_sent[1])]
        verb, speaker = _near_verb(text, words, after, before)
        body = text[qs + 1:qe].rstrip("”\"’'")
        clause = body.rstrip()[-1:] in ",.!?" or text[:qs].rstrip()[-1:] in ":,"
        if len(inner) >= DIRECT_MIN_WORDS or (verb and clause):
            quotes.append(Quote(qs, qe, text[qs:qe], "direct", speaker))
        elif 0 < len(inner) <= SCARE_MAX_WORDS:
            quotes.append(Quote(qs, qe, text[qs:qe], "scare"))
    return quotes


def scare_flags(quotes: list[Quote], sentence_of: Callable[[int], int]) -> list[Flag]:
    """One `scare_quote` flag per scare quote."""
    return [Flag(kind="scare_quote", id=SCARE["id"], term=q.text[1:-1].strip(" ,.;:"),
                 start=q.start, end=q.end, text=q.text, sentence=sentence_of(q.start),
                 category=SCARE["category"], explanation=SCARE["explanation"],
                 alternatives=SCARE["alternatives"], in_quote=False, weight=0.5)
            for q in quotes if q.kind == "scare"]
