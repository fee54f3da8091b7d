"""Markdown renderer: annotated text with numbered marks, the flags, and a summary table."""
from __future__ import annotations

import re

from framing.model import KINDS, Article, Flag
from framing.render.spans import KIND_LABELS, context, pieces

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")


def escape(text: str) -> str:
    """Escape Markdown syntax in article text so it renders as the literal words."""
    return _SPECIAL.sub(r"\\\1", text).replace("&", "&amp;")


def _annotated(article: Article) -> str:
    """Flagged spans in bold (outermost only: Markdown cannot nest bold), each closed by its number."""
    out, depth = [], 0
    for piece in pieces(article):
        if piece.closed is not None:
            depth -= 1
            out.append(("**" if depth == 0 else "")
                       + f"<sup>[{piece.closed}](#flag-{piece.closed})</sup>")
            continue
        if piece.opened and depth == 0:
            out.append("**")
        depth += len(piece.opened)
        out.append(escape(piece.text).replace("\n", "  \n"))
    return "".join(out)


def _flag(article: Article, number: int, flag: Flag) -> str:
    lines = [f"{number}. <a id=\"flag-{number}\"></a>**{KIND_LABELS[flag.kind]}** "
             f"({flag.category.replace('_', ' ')}): “{escape(flag.text)}” `{flag.id}`  ",
             f"   > {escape(context(article, flag))}  "]
    if flag.in_quote:
        lines.append(f"   *In a quotation: the words of {escape(flag.speaker or 'an unnamed speaker')},"
                     " not the writer's.*  ")
    lines.append(f"   Why: {escape(flag.explanation)}  ")
    if flag.alternatives:
        lines.append(f"   Instead: {escape('; '.join(flag.alternatives))}  ")
    return "\n".join(lines)


def _summary(article: Article) -> str:
    s = article.scores
    density = {"loaded": s.loaded_per_1000_words, "hedge": s.hedges_per_1000_words,
               "booster": s.boosters_per_1000_words, "anonymous": s.anonymous_per_1000_words}
    rows = ["| kind | writer | in quotes | per 1,000 words |", "|---|---:|---:|---:|"]
    for kind in KINDS:
        per = density.get(kind)
        rows.append(f"| {KIND_LABELS[kind]} | {s.counts[kind]} | {s.quoted_counts[kind]} | "
                    f"{'' if per is None else f'{per:.1f}'} |")
    r = s.readability
    if r:
        rows.append(f"\nReadability: Flesch reading ease {r.flesch_reading_ease:.1f} ({r.band}), "
                    f"grade level {r.grade_level:.1f}.")
    speakers = sorted({q.speaker for q in article.quotes if q.kind == "direct" and q.speaker})
    if speakers:
        rows.append(f"\nQuoted speakers: {escape(', '.join(speakers))}.")
    return "\n".join(rows)


def _article(article: Article) -> str:
    parts = [f"# {escape(article.title or article.source or 'Untitled')}",
             f"*{escape(article.source or 'text')}* · {article.word_count:,} words"]
    if article.removed:
        parts.append(f"> Ignored: {escape(article.removed)}")
    parts += ["## Annotated text", _annotated(article), "## Flags"]
    parts += [_flag(article, n, f) for n, f in enumerate(article.flags, 1)] or ["No flags."]
    parts += ["## Summary", _summary(article)]
    return "\n\n".join(parts) + "\n"


def render(articles: list[Article], color: bool = False) -> str:
    return "\n---\n\n".join(_article(a) for a in articles)
