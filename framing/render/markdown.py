"""Markdown renderer: annotated text with numbered marks, the flags, and a summary table."""
from __future__ import annotations

import re

from framing.model import KINDS, Article, Flag
from framing.render.spans import (KIND_LABELS, context, cue_list, extremes, pieces,
                                  sentence_text, strength_mark)

_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+[.)])", re.MULTILINE)


def escape(text: str) -> str:
    """Escape Markdown syntax in article text so it renders as the literal words."""
    text = _INLINE.sub(r"\\\1", text.replace("&", "&amp;"))
    def guard(m: re.Match) -> str:
        mark = m.group(2)
        return m.group(1) + (mark[:-1] + "\\" + mark[-1] if mark[0].isdigit() else "\\" + mark)

    return _LINE_START.sub(guard, text)


def _annotated(article: Article) -> str:
    """Flagged spans in bold (outermost only: Markdown cannot nest bold), each closed by its number."""
    out, depth = [], 0
    for piece in pieces(article):
        if piece.sentence is not None:
            mark = strength_mark(piece.sentence)
            out.append(f"{mark} " if mark else "")
            continue
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
        who = f"the words of {escape(flag.speaker)}" if flag.speaker else "someone else's words"
        lines.append(f"   *In a quotation: {who}, not the writer's.*  ")
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
    named = [src for src in article.sources if src.kind == "named"]
    anonymous = [src for src in article.sources if src.kind == "anonymous"]
    rows.append(f"\nSources: {len(named)} named, {len(anonymous)} anonymous.")
    if named:
        rows.append("Named: " + "; ".join(
            escape(src.name) + (f" ({src.quotes} quote{'s' * (src.quotes != 1)})" if src.quotes else "")
            for src in named) + ".")
    if anonymous:
        rows.append("Anonymous: " + "; ".join(
            f"“{escape(src.name)}”" + (f" ×{len(src.mentions)}" if len(src.mentions) > 1 else "")
            for src in anonymous) + ".")
    if s.assertion_mean is not None:
        rows.append(f"\nSentences: {s.hedged_sentence_share:.0%} hedged, {s.plain_sentence_share:.0%} "
                    f"plain, {s.boosted_sentence_share:.0%} boosted; mean assertion "
                    f"{s.assertion_mean:+.2f} (from -1 hedged to +1 categorical).")
        hedged, boosted = extremes(article)
        for title, group in (("Most hedged", hedged), ("Most categorical", boosted)):
            rows += [f"- {title}: {sen.assertion:+.2f} “{escape(sentence_text(article, sen))}” "
                     f"({escape(cue_list(sen))})" for sen in group]
    return "\n".join(rows)


def _article(article: Article) -> str:
    parts = [f"# {escape(article.title or article.source or 'Untitled')}",
             f"*{escape(article.source or 'text')}* · {article.word_count:,} words"]
    if article.removed:
        parts.append(f"> Ignored: {escape(article.removed)}")
    parts += ["## Annotated text",
              "*Bold words are flagged (numbers link to the list); ⇊ ↓ mark hedged sentences, "
              "↑ ⇈ boosted ones.*", _annotated(article), "## Flags"]
    parts += [_flag(article, n, f) for n, f in enumerate(article.flags, 1)] or ["No flags."]
    parts += ["## Summary", _summary(article)]
    return "\n\n".join(parts) + "\n"


def render(articles: list[Article], color: bool = False) -> str:
    return "\n---\n\n".join(_article(a) for a in articles)
