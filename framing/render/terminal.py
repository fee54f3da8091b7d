"""Terminal renderer (rich): annotated text, numbered flags that explain, and a summary."""
from __future__ import annotations

import io
import shutil

from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from framing.results import KINDS, Article, Flag
from framing.render.spans import (KIND_LABELS, context, pieces, strength_mark, voice_note,
                                  superscript)
from framing.render.summary import (COUNT_COLUMNS, bias_line, count_rows, extreme_sentences,
                                    most_biased, quotes_line, readability_line, source_lines,
                                    strength_line)

STRENGTH_STYLES = {"⇊": "bold blue", "↓": "blue", "↑": "magenta", "⇈": "bold magenta"}
STYLES = {"loaded": "bold red", "hedge": "bold yellow", "booster": "bold magenta",
          "anonymous": "bold cyan", "report_verb": "bold dark_orange", "scare_quote": "bold green"}


def _annotated(article: Article, color: bool) -> Text:
    out = Text()
    for piece in pieces(article):
        if piece.sentence is not None:
            mark = strength_mark(piece.sentence)
            if mark:
                out.append(mark + " ", style=STRENGTH_STYLES[mark] if color else "")
            continue
        if piece.closed is not None:
            kind = piece.flag.kind
            mark = superscript(piece.closed) if color else f"]{superscript(piece.closed)}"
            out.append(mark, style=STYLES[kind] if color else "")
            continue
        if not color:
            out.append("[" * len(piece.opened))
        style = " ".join(["italic"] * piece.in_speech
                         + [STYLES[f.kind] + " underline" for f in piece.active[-1:]])
        out.append(piece.text, style=style if color else "")
    return out


def _flag_block(article: Article, number: int, flag: Flag, color: bool) -> Table:
    """One numbered flag; its lines wrap under a hanging indent."""
    body = Text()
    body.append(f"{KIND_LABELS[flag.kind]} · {flag.category.replace('_', ' ')}",
                style=STYLES[flag.kind] if color else "")
    body.append(f"  “{flag.text}”" if flag.kind != "scare_quote" else f"  {flag.text}")
    body.append(f"   {flag.id}\n", style="dim")
    body.append(f"{context(article, flag)}\n", style="dim")
    note = voice_note(flag)
    if note:
        body.append(f"{note}\n", style="italic")
    body.append(f"why: {flag.explanation}")
    if flag.alternatives:
        body.append(f"\ninstead: {'; '.join(flag.alternatives)}", style="green" if color else "")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", width=3)
    grid.add_column()
    grid.add_row(str(number), body)
    return grid


def _summary(article: Article) -> Table:
    table = Table(title="Summary", title_justify="left", show_edge=False, pad_edge=False)
    for column in COUNT_COLUMNS:
        table.add_column(column, justify="left" if column == "kind" else "right")
    for row in count_rows(article):
        table.add_row(*row)
    return table


def _header(article: Article) -> Text:
    head = Text()
    head.append(article.title or article.source or "(untitled)", style="bold")
    head.append(f"\n{article.source or 'text'} · {article.word_count:,} words · "
                f"{len(article.sentences)} sentences", style="dim")
    if article.removed:
        head.append(f"\nIgnored: {article.removed}", style="dim")
    return head


def _footer(article: Article) -> Text:
    foot = Text()
    for line in (readability_line(article), quotes_line(article)):
        if line:
            foot.append(line + "\n")
    head, *rest = source_lines(article)
    foot.append(head + "\n")
    for line in rest:
        foot.append(f"  {line}\n")
    strength = strength_line(article)
    if strength:
        foot.append(strength + "\n")
    for title, sentence, text, cues in extreme_sentences(article):
        foot.append(f"  {title}: ", style="bold")
        foot.append(f"{sentence.assertion:+.2f} {text}\n")
        foot.append(f"      because: {cues}\n", style="dim")
    line = bias_line(article)
    if line:
        foot.append(line + "\n")
    for probability, text, words in most_biased(article):
        foot.append("  Most biased: ", style="bold")
        foot.append(f"{probability:.2f} {text}\n")
        foot.append(f"      words that raised it: {words}\n", style="dim")
    foot.append("Densities count the writer's own words; flags inside quotations are the "
                "speaker's and are counted apart.", style="dim")
    return foot


def _legend(color: bool) -> Text:
    legend = Text("Key: ")
    for kind in KINDS:
        legend.append(KIND_LABELS[kind], style=STYLES[kind] + " underline" if color else "")
        legend.append("  ")
    legend.append("\nSentence strength: ⇊ ↓ hedged, ↑ ⇈ boosted (no mark: plain)", style="dim")
    if not color:
        legend.append("\n[flagged words]ⁿ refer to flag n below", style="dim")
    return legend


def article_group(article: Article, color: bool) -> Group:
    flags = [Padding(_flag_block(article, n, f, color), (0, 0, 1, 0))
             for n, f in enumerate(article.flags, 1)]
    return Group(
        _header(article), Rule(style="dim"), _legend(color), Text(""),
        _annotated(article, color), Rule("Flags", style="dim"),
        *(flags or [Text("No flags: nothing in the lexicons matched.")]),
        Padding(_summary(article), (1, 0, 0, 0)), Text(""), _footer(article),
    )


def _width() -> int:
    return min(max(shutil.get_terminal_size((100, 24)).columns, 60), 120)


def render(articles: list[Article], color: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, color_system="256" if color else None,
                      no_color=not color, width=_width(), highlight=False, emoji=False)
    for n, article in enumerate(articles):
        if n:
            console.print(Rule(style="bold"))
        console.print(article_group(article, color))
    out = buffer.getvalue()
    return out if color else "\n".join(line.rstrip() for line in out.split("\n"))
