"""Classify quotation spans: direct quotes (with their speaker where named) vs scare quotes."""
from __future__ import annotations

import bisect
from collections.abc import Callable

from framing.detect.speakers import SpeakerWords, speaker_at
from framing.lexicon import Lexicon
from framing.results import Flag, Quote, Token
from framing.segment import sentence_of

DIRECT_MIN_WORDS = 6
VERB_WINDOW = 6
REPORT_REACH = 60  # words either side of a quote searched for the verb that reports it

SCARE = {
    "id": "scare_quote",
    "category": "distancing",
    "explanation": ("Quotation marks around a short phrase with no speaker: the writer keeps "
                    "the words at arm's length or signals doubt without saying why."),
    "alternatives": ("drop the marks and use the words as your own",
                     "say who uses the phrase: 'what the ministry calls a peace plan'"),
}


def _near_verb(text: str, words: SpeakerWords, after: list[Token], before: list[Token],
               reach: int = VERB_WINDOW) -> tuple[bool, str | None]:
    """(a speech verb within `reach` words of the quote, its speaker): after it, then before."""
    window = [(after, k) for k in range(min(reach, len(after)))]
    window += [(before, k) for k in range(len(before) - 1, max(len(before) - reach, 0) - 1, -1)]
    for toks, k in window:
        if toks[k].norm in words.verbs:
            return True, speaker_at(text, words, toks, k)
    return False, None


def classify(text: str, spans: list[tuple[int, int]], sentences: list[tuple[int, int]],
             toks: list[Token], lexicon: Lexicon) -> list[Quote]:
    """Sort quotation marks by what they do.

    direct: six words or more, a clause next to a speech verb ("…," she said), or a clause
    that follows an attributed direct quote in the same paragraph ("Fine," he said. "Go.");
    title: a short Title Case phrase (“The Art of the Deal”), a name rather than a quotation;
    partial: a short phrase in a sentence that reports speech (he called it “a disgrace”,
    said), the speaker's own words; scare: any other short phrase, marked off by the writer.
    """
    words = SpeakerWords.of(lexicon)
    starts = [t.start for t in toks]
    quotes = []
    for qs, qe in spans:
        first, after_first = bisect.bisect_left(starts, qs), bisect.bisect_left(starts, qe)
        inner = toks[first:after_first]
        if not inner:
            continue
        first_sent = sentences[sentence_of(sentences, qs)]
        last_sent = sentences[sentence_of(sentences, qe - 1)]
        before = toks[max(bisect.bisect_left(starts, first_sent[0]), first - REPORT_REACH):first]
        after = toks[after_first:min(bisect.bisect_left(starts, last_sent[1]),
                                     after_first + REPORT_REACH)]
        verb, speaker = _near_verb(text, words, after, before)
        body = text[qs + 1:qe].rstrip("”\"’'")
        lead = text[max(qs - 3, 0):qs].rstrip()
        clause = body.rstrip()[-1:] in (",", ".", "!", "?") or lead[-1:] in (":", ",")
        follows = bool(quotes) and quotes[-1].kind == "direct" and _same_paragraph(
            text, quotes[-1].end, qs) and (quotes[-1].speaker is not None or verb)
        if len(inner) >= DIRECT_MIN_WORDS or (verb and clause) or (follows and clause):
            quotes.append(Quote(qs, qe, text[qs:qe], "direct", speaker))
        elif _is_title(inner, words):
            quotes.append(Quote(qs, qe, text[qs:qe], "title"))
        else:
            reported, speaker = _near_verb(text, words, after, before, len(after) + len(before))
            kind = "partial" if reported else "scare"
            quotes.append(Quote(qs, qe, text[qs:qe], kind, speaker if reported else None))
    return quotes


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return "\n" not in text[a:b]


def _is_title(inner: list[Token], words: SpeakerWords) -> bool:
    """Two or more words, every one capitalised but short joiners ("Game of Thrones")."""
    return len(inner) >= 2 and all(t.text[0].isupper() or t.norm in words.joiners
                                   or t.norm in ("the", "a", "an", "and", "in", "on", "to")
                                   for t in inner) and inner[0].text[0].isupper()


def scare_flags(quotes: list[Quote], sentence_of: Callable[[int], int]) -> list[Flag]:
    """One `scare_quote` flag per scare quote."""
    return [Flag(kind="scare_quote", id=SCARE["id"], term=q.text[1:-1].strip(" ,.;:"),
                 start=q.start, end=q.end, text=q.text, sentence=sentence_of(q.start),
                 category=SCARE["category"], explanation=SCARE["explanation"],
                 alternatives=SCARE["alternatives"], in_quote=False, weight=0.5)
            for q in quotes if q.kind == "scare"]
