"""Markdown renderer: annotated text with numbered marks, the flags, and a summary table."""
from __future__ import annotations

import re

from framing.results import Article, Flag
from framing.render.spans import (KIND_LABELS, context, pieces, sentence_case, strength_mark,
                                  voice_note)
from framing.render.summary import (COUNT_COLUMNS, bias_line, count_rows, extreme_sentences,
                                    most_biased, quotes_line, readability_line, source_lines,
                                    strength_line)

_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+[.)])", re.MULTILINE)


def escape(text: str) -> str:
    """Escape Markdown syntax in article text so it renders as the literal words."""
    text = _INLINE.sub(r"\\\1", text.replace("&", "&amp;"))
    def guard(m: re.Match) -> str:
        mark = m.group(2)
        return m.group(1) + (mark[:-1] + "\\" + mark[-1] if mark[0].isdigit() else "\\" + mark)

    return _LINE_START.sub(guard, text)


def _annotated(article: Article, anchor: str) -> str:
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
                       + f"<sup>[{piece.closed}](#{anchor}{piece.closed})</sup>")
            continue
        if piece.opened and depth == 0:
            out.append("**")
        depth += len(piece.opened)
        out.append(escape(piece.text).replace("\n", "  \n"))
    return "".join(out)


def _flag(article: Article, number: int, flag: Flag, anchor: str) -> str:
    lines = [f"{number}. <a id=\"{anchor}{number}\"></a>**{KIND_LABELS[flag.kind]}** "
             f"({flag.category.replace('_', ' ')}): “{escape(flag.text)}” `{flag.id}`  ",
             f"   > {escape(context(article, flag))}  "]
    note = voice_note(flag)
    if note:
        lines.append(f"   *{escape(sentence_case(note))}.*  ")
    lines.append(f"   Why: {escape(flag.explanation)}  ")
    if flag.alternatives:
        lines.append(f"   Instead: {escape('; '.join(flag.alternatives))}  ")
    return "\n".join(lines)


def _summary(article: Article) -> str:
    rows = [f"| {' | '.join(COUNT_COLUMNS)} |", "|---" + "|---:" * (len(COUNT_COLUMNS) - 1) + "|"]
    rows += [f"| {' | '.join(row)} |" for row in count_rows(article)]
    paragraphs = ["\n".join(rows)]
    paragraphs += [escape(line) + "." for line in (readability_line(article), quotes_line(article))
                   if line]
    paragraphs.append("  \n".join(escape(line) for line in source_lines(article)))
    strength = strength_line(article)
    if strength:
        paragraphs.append(escape(strength) + ".\n\n" + "\n".join(
            f"- {title}: {sentence.assertion:+.2f} “{escape(text)}” ({escape(cues)})"
            for title, sentence, text, cues in extreme_sentences(article)))
    line = bias_line(article)
    if line:
        paragraphs.append(escape(line) + ".\n\n" + "\n".join(
            f"- Most biased: {p:.2f} “{escape(text)}” (words that raised it: {escape(words)})"
            for p, text, words in most_biased(article)))
    return "\n\n".join(paragraphs)


def _article(article: Article, anchor: str) -> str:
    """One article; `anchor` prefixes its flags' link targets (unique within the report)."""
    parts = [f"# {escape(article.title or article.source or 'Untitled')}",
             f"*{escape(article.source or 'text')}* · {article.word_count:,} words"]
    if article.removed:
        parts.append(f"> Ignored: {escape(article.removed)}")
    parts += ["## Annotated text",
              "*Bold words are flagged (numbers link to the list); ⇊ ↓ mark hedged sentences, "
              "↑ ⇈ boosted ones.*", _annotated(article, anchor), "## Flags"]
    parts += [_flag(article, n, f, anchor) for n, f in enumerate(article.flags, 1)] or ["No flags."]
    parts += ["## Summary", _summary(article)]
    return "\n\n".join(parts) + "\n"


def render(articles: list[Article], color: bool = False) -> str:
    """The report; with several articles, flag anchors carry the article's number (flag-2-5)."""
    several = len(articles) > 1
    return "\n---\n\n".join(_article(a, f"flag-{k}-" if several else "flag-")
                             for k, a in enumerate(articles, 1))
