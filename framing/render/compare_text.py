"""Terminal renderer for comparisons (rich): fits 100 columns, with small bars."""
from __future__ import annotations

import io
import shutil

from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from framing.compare import METRICS, Profile, SideBySide, WordChoice
from framing.render.comparison import (Comparison, bar, instead, interval, mean,
                                       profile_note, scale, uses, value)

MAX_WIDTH = 100
BAR = 6
EXTREME = "▲"


def _letters(n: int) -> list[str]:
    return [chr(ord("A") + i) for i in range(n)]


def _bar_width(columns: int, width: int) -> int:
    """Bars shrink as articles are added so that the table keeps within the width."""
    return max(1, min(BAR, (width - 24) // columns - 10))


def _scores(side: SideBySide, color: bool, width: int) -> Table:
    letters = _letters(len(side.names))
    bar_width = _bar_width(len(side.names), width)
    table = Table(title="Scores (▲ highest in the row)", title_justify="left", show_edge=False,
                  pad_edge=False, padding=(0, 1))
    table.add_column("score", no_wrap=True)
    for letter, name in zip(letters, side.names):
        table.add_column(f"{letter} {name}", justify="left", no_wrap=True, overflow="ellipsis")
    for row in side.rows:
        top = scale(list(row.values))
        cells = []
        for i, v in enumerate(row.values):
            cell = Text(f"{value(row.metric, v):>5} ")
            cell.append(bar(v, top, bar_width), style="cyan" if color else "")
            if i in row.highest:
                cell.append(f" {EXTREME}", style="bold red" if color else "")
            cells.append(cell)
        table.add_row(row.metric.label, *cells)
    return table


def _choices(title: str, choices: tuple[WordChoice, ...], letters: list[str], color: bool,
             pairs: bool) -> Table:
    table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False,
                  padding=(0, 1), show_lines=True, expand=True)
    table.add_column("loaded term", ratio=2)
    if pairs:
        table.add_column("others say", style="green" if color else "", ratio=2)
    table.add_column("why (framing explain ID)", ratio=4 if pairs else 6)
    for c in choices:
        why = Text(c.explanation)
        why.append(f"  {c.id}", style="dim" if color else "")
        cells = [Text(uses(c, tuple(letters)), style="red" if color else "")]
        if pairs:
            cells.append(Text(instead(c, tuple(letters))))
        table.add_row(*cells, why)
    return table


def _side_by_side(side: SideBySide, color: bool, width: int) -> list[RenderableType]:
    letters = _letters(len(side.names))
    head = Text("Comparing ", style="bold")
    head.append(f"{len(side.names)} articles\n", style="bold")
    for letter, name, title in zip(letters, side.names, side.titles):
        head.append(f"  {letter} {name}", style="bold")
        head.append(f"  {title}\n" if title != name else "\n", style="dim")
    parts: list[RenderableType] = [head, _scores(side, color, width), Text("")]
    if side.pairs:
        parts.append(_choices("Word choice: a loaded term in one article, a neutral "
                              "alternative in another", side.pairs, letters, color, True))
    else:
        parts.append(Text("No article uses a loaded term where another uses one of its "
                          "neutral alternatives."))
    parts.append(Text(""))
    if side.alone:
        parts.append(_choices("Loaded terms only one article uses", side.alone, letters,
                              color, False))
    parts.append(Text("\nDensities count the writer's own words (quotations apart). "
                      "`framing explain ID` tells more about a term.", style="dim"))
    return parts


def _groups(p: Profile, color: bool) -> Table:
    table = Table(title=f"Profiles by {p.by}: means (95% interval for {p.sort})",
                  title_justify="left", show_edge=False, pad_edge=False, padding=(0, 1))
    table.add_column(p.by, no_wrap=True, max_width=22, overflow="ellipsis")
    table.add_column("n", justify="right")
    short = {"loaded_per_1000_words": "load", "hedges_per_1000_words": "hedg",
             "boosters_per_1000_words": "boost", "anonymous_per_1000_words": "anon",
             "assertion_mean": "assert", "biased_sentence_share": "biased",
             "named_sources": "named", "anonymous_sources": "unnam", "grade_level": "grade"}
    for m in METRICS:
        table.add_column(short[m.key] + ("▼" if m.key == p.sort else ""), justify="right",
                         style="bold" if m.key == p.sort and color else "")
    for g in p.groups:
        table.add_row(g.name, str(g.articles),
                      *(mean(m, g.scores[m.key].mean) for m in METRICS))
    return table


def _chart(p: Profile, color: bool) -> Table:
    metric = next(m for m in METRICS if m.key == p.sort)
    table = Table(title=f"{metric.label}: mean and 95% interval", title_justify="left",
                  show_header=False, show_edge=False, pad_edge=False, box=None, padding=(0, 1))
    table.add_column(no_wrap=True, max_width=24, overflow="ellipsis")
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    top = scale([e for g in p.groups for e in (g.scores[metric.key].high,
                                               g.scores[metric.key].mean)])
    for g in p.groups:
        e = g.scores[metric.key]
        table.add_row(g.name, Text(bar(e.mean, top, 30), style="cyan" if color else ""),
                      interval(metric, e))
    return table


def _words(p: Profile, color: bool) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for title, found in (("Flagged terms", p.flagged_words), ("All words", p.all_words)):
        parts.append(Rule(f"{title} that distinguish each {p.by} (z-score)", style="dim"))
        if not found:
            parts.append(Text("  Needs two groups or more."))
        for g in p.groups:
            line = Text(f"  {g.name}: ", style="bold")
            words = found.get(g.name, [])
            line.append(", ".join(f"{w.label} {w.z:.1f}" for w in words) if words
                        else "no word stands out (|z| < 1.96)")
            parts.append(line)
    return parts


def _contrast(p: Profile) -> list[RenderableType]:
    c = p.contrast
    parts: list[RenderableType] = [Rule(f"{c.a} versus {c.b}: words one uses and the other "
                                        "avoids (z-score)", style="dim")]
    for title, (of_a, of_b) in (("flagged terms", c.flagged), ("all words", c.words)):
        for name, words in ((c.a, of_a), (c.b, of_b)):
            line = Text(f"  {name}, {title}: ", style="bold")
            line.append(", ".join(f"{w.label} {w.z:.1f}" for w in words) or "none stands out")
            parts.append(line)
    return parts


def _profile(p: Profile, color: bool) -> list[RenderableType]:
    parts: list[RenderableType] = [_groups(p, color), Text(""), _chart(p, color), Text("")]
    parts += _words(p, color)
    if p.contrast:
        parts += _contrast(p)
    parts.append(Text("\n".join(profile_note(p)), style="dim"))
    return parts


def render(result: Comparison, color: bool = False) -> str:
    width = min(max(shutil.get_terminal_size((MAX_WIDTH, 24)).columns, 60), MAX_WIDTH)
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, color_system="256" if color else None,
                      no_color=not color, width=width, highlight=False, emoji=False)
    parts = (_profile(result, color) if isinstance(result, Profile)
             else _side_by_side(result, color, width))
    console.print(Group(*parts))
    out = buffer.getvalue()
    return out if color else "\n".join(line.rstrip() for line in out.split("\n"))
