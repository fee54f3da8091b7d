"""Walk an article's text as pieces with the flags active over each, for inline highlighting."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from framing.model import Article, Flag

KIND_LABELS = {"loaded": "loaded term", "hedge": "hedge", "booster": "booster",
               "anonymous": "anonymous source", "report_verb": "loaded reporting verb",
               "scare_quote": "scare quote"}
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class Piece:
    """Either a run of text (`text`) under the `active` flags, or the close of flag `number`."""

    text: str = ""
    active: tuple[Flag, ...] = ()
    in_direct_quote: bool = False
    opened: tuple[int, ...] = ()
    closed: int | None = None
    flag: Flag | None = None


def superscript(number: int) -> str:
    return str(number).translate(SUPERSCRIPT)


def pieces(article: Article) -> Iterator[Piece]:
    """Text runs between flag and quote boundaries, then a close piece per flag ending there."""
    text, flags = article.text, article.flags
    direct = [q for q in article.quotes if q.kind == "direct"]
    cuts = sorted({0, len(text)} | {f.start for f in flags} | {f.end for f in flags}
                  | {q.start for q in direct} | {q.end for q in direct})
    for a, b in zip(cuts, cuts[1:]):
        active = tuple(f for f in flags if f.start <= a and b <= f.end)
        opened = tuple(n for n, f in enumerate(flags, 1) if f.start == a)
        quoted = any(q.start <= a and b <= q.end for q in direct)
        yield Piece(text=text[a:b], active=active, in_direct_quote=quoted, opened=opened)
        ending = [(n, f) for n, f in enumerate(flags, 1) if f.end == b]
        for n, f in sorted(ending, key=lambda nf: -nf[1].start):
            yield Piece(closed=n, flag=f)


def context(article: Article, flag: Flag, width: int = 70) -> str:
    """The flag's sentence, trimmed to about `width` characters around the flag."""
    sentence = article.sentences[flag.sentence]
    s, e = sentence.start, sentence.end
    room = max(width - (flag.end - flag.start), 10) // 2
    left, right = max(s, flag.start - room), min(e, flag.end + room)
    snippet = article.text[left:right].replace("\n", " ")
    return ("…" if left > s else "") + snippet + ("…" if right < e else "")
