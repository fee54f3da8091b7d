"""Walk an article's text as pieces with the flags active over each, for inline highlighting."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from framing.assertion import strength, strength_level
from framing.results import Article, Flag, Sentence

KIND_LABELS = {"loaded": "loaded term", "hedge": "hedge", "booster": "booster",
               "anonymous": "anonymous source", "report_verb": "loaded reporting verb",
               "scare_quote": "scare quote"}
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class Piece:
    """Either a run of text (`text`) under the `active` flags, or the close of flag `number`."""

    text: str = ""
    active: tuple[Flag, ...] = ()
    in_speech: bool = False
    opened: tuple[int, ...] = ()
    closed: int | None = None
    flag: Flag | None = None
    sentence: Sentence | None = None


def superscript(number: int) -> str:
    return str(number).translate(SUPERSCRIPT)


def pieces(article: Article) -> Iterator[Piece]:
    """Text runs between flag, quote and sentence boundaries (a sentence piece first where one
    starts), then a close piece per flag ending there; one sweep, flags numbered from 1."""
    text = article.text
    speech = [(q.start, q.end) for q in article.quotes if q.speech]
    sentence_at = {s.start: s for s in article.sentences}
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[tuple[int, Flag]]] = {}
    for n, f in enumerate(article.flags, 1):
        opening.setdefault(f.start, []).append(n)
        closing.setdefault(f.end, []).append((n, f))
    cuts = sorted({0, len(text)} | set(opening) | set(closing) | set(sentence_at)
                  | {a for a, _ in speech} | {b for _, b in speech})
    active: dict[int, Flag] = {}
    k = 0
    for a, b in zip(cuts, cuts[1:]):
        if a in sentence_at:
            yield Piece(sentence=sentence_at[a])
        for n in opening.get(a, ()):
            active[n] = article.flags[n - 1]
        while k < len(speech) and speech[k][1] <= a:
            k += 1
        quoted = k < len(speech) and speech[k][0] <= a
        yield Piece(text=text[a:b], active=tuple(active.values()), in_speech=quoted,
                    opened=tuple(opening.get(a, ())))
        for n, f in sorted(closing.get(b, ()), key=lambda nf: -nf[1].start):
            active.pop(n, None)
            yield Piece(closed=n, flag=f)


STRENGTH_MARKS = {-2: "⇊", -1: "↓", 0: "", 1: "↑", 2: "⇈"}


def strength_mark(sentence: Sentence) -> str:
    """A sentence's strength at a glance: ⇊ ↓ (hedged), ↑ ⇈ (boosted), nothing when plain."""
    return "" if sentence.assertion is None else STRENGTH_MARKS[strength_level(sentence.assertion)]


def quoted_words(flag: Voiced) -> str:
    """Whose words a flag inside quoted speech is: "the words of X" or "someone else's words"."""
    return f"the words of {flag.speaker}" if flag.speaker else "someone else's words"


class Voiced(Protocol):
    """A flag or a lint finding: what `voice_note` reads."""

    in_quote: bool
    voice: str
    speaker: str | None


def voice_note(flag: Voiced) -> str | None:
    """Whose voice a flag (or a `framing check` finding) is in, in words (None for the
    writer's own): the one wording every renderer uses."""
    if flag.voice == "quoted" or flag.in_quote:
        return f"in a quotation: {quoted_words(flag)}, not the writer's"
    if flag.voice == "reported":
        if flag.speaker:
            return (f"in reported speech, attributed to {flag.speaker}: the writer reports this "
                    "wording, it is not the writer's own claim")
        return ("in reported speech: the writer reports someone else's wording, it is not the "
                "writer's own claim")
    return None


def sentence_case(note: str) -> str:
    return note[:1].upper() + note[1:]


def cue_list(sentence: Sentence) -> str:
    """The cues behind a sentence's score, e.g. 'hedge “reportedly” −0.70; attribution: officials'."""
    parts = []
    for cue in sentence.cues:
        if cue.kind == "attribution":
            parts.append(f"attributed to {cue.text} (×0.5)")
        else:
            parts.append(f"{cue.kind.replace('_', ' ')} “{cue.text}” {cue.effect:+.2f}")
    return "; ".join(parts)


def extremes(article: Article, n: int = 3) -> tuple[list[Sentence], list[Sentence]]:
    """The most hedged and the most categorical sentences (non-plain only)."""
    scored = [s for s in article.sentences if s.assertion is not None]
    hedged = sorted((s for s in scored if strength(s.assertion) == "hedged"),
                    key=lambda s: s.assertion)[:n]
    boosted = sorted((s for s in scored if strength(s.assertion) == "boosted"),
                     key=lambda s: -s.assertion)[:n]
    return hedged, boosted


def sentence_text(article: Article, sentence: Sentence, width: int = 110) -> str:
    text = " ".join(article.text[sentence.start:sentence.end].split())
    return text if len(text) <= width else text[:width - 1] + "…"


def context(article: Article, flag: Flag, width: int = 80) -> str:
    """The flag's sentence, trimmed to about `width` characters around the flag."""
    sentence = article.sentences[flag.sentence]
    s, e = sentence.start, sentence.end
    room = max(width - (flag.end - flag.start), 10)
    left = max(s, flag.start - room // 2)
    right = min(e, flag.end + room - (flag.start - left))
    left = max(s, left - (room - (flag.start - left) - (right - flag.end)))
    snippet = " ".join(article.text[left:right].split())
    return ("…" if left > s else "") + snippet + ("…" if right < e else "")
