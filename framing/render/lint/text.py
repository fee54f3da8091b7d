"""Terminal view of `framing check`: findings grouped by file, each with its line and a caret
under the flagged words, why it matters and what to write instead; a summary at the end."""
from __future__ import annotations

from collections import Counter

import click
from rich.cells import cell_len

from framing.lexicon import LEVELS
from framing.lint import FileReport, Finding

LEVEL_STYLES = {"error": {"fg": "red", "bold": True}, "warning": {"fg": "yellow", "bold": True},
                "suggestion": {"fg": "cyan"}}
WINDOW = 100   # characters of a long line shown around the flagged words
BEFORE = 40


def _style(text: str, color: bool, **style) -> str:
    return click.style(text, **style) if color else text


def _excerpt(report: FileReport, f: Finding) -> tuple[str, int, int]:
    """The finding's line (cut to WINDOW characters around it) and the caret's start, width."""
    line = report.text.split("\n")[f.line - 1]
    width = (f.end_column if f.end_line == f.line else len(line) + 1) - f.column
    start = f.column - 1
    if len(line) <= WINDOW:
        return line, start, max(width, 1)
    left = max(0, start - BEFORE)
    right = min(len(line), left + WINDOW)
    prefix = "…" if left else ""
    excerpt = prefix + line[left:right] + ("…" if right < len(line) else "")
    return excerpt, start - left + len(prefix), max(min(width, right - start), 1)


def _finding(report: FileReport, f: Finding, color: bool) -> list[str]:
    where = f"{f.line}:{f.column}".rjust(7)
    head = (f"{where}  {_style(f.level.ljust(10), color, **LEVEL_STYLES[f.level])} "
            f"{_style(f.text, color, bold=True)}  {_style(f.rule, color, dim=True)}")
    if f.in_quote:
        head += _style("  (in quoted speech)", color, italic=True)
    elif f.voice == "reported":
        who = f": attributed to {f.speaker}" if f.speaker else ""
        head += _style(f"  (in reported speech{who})", color, italic=True)
    if f.suppressed:
        head += _style(f"  (suppressed: {f.suppressed})", color, dim=True)
    excerpt, caret, width = _excerpt(report, f)
    excerpt = excerpt.replace("\t", " ")
    pad = " " * 9
    out = [head, pad + excerpt,
           pad + " " * cell_len(excerpt[:caret])    # wide (CJK) characters take two cells
           + _style("^" * max(cell_len(excerpt[caret:caret + width]), 1), color,
                    **LEVEL_STYLES[f.level]),
           pad + "why: " + f.message]
    if f.alternatives:
        out.append(pad + _style("instead: " + "; ".join(f.alternatives), color, fg="green"))
    if f.replacement:
        out.append(pad + _style(f"rewrite: {f.text} → {f.replacement}", color, fg="green"))
    return out


def _summary(reports: list[FileReport]) -> str:
    levels = Counter(f.level for r in reports for f in r.findings if not f.suppressed)
    total = sum(levels.values())
    files = sum(1 for r in reports if any(not f.suppressed for f in r.findings))
    parts = ", ".join(f"{levels[lv]} {lv}{'s' if levels[lv] != 1 else ''}"
                      for lv in reversed(LEVELS) if levels[lv])
    line = (f"{total} finding{'s' if total != 1 else ''} ({parts}) in {files} of "
            f"{len(reports)} file{'s' if len(reports) != 1 else ''}" if total else
            f"No findings in {len(reports)} file{'s' if len(reports) != 1 else ''}")
    quoted = sum(r.in_quotes for r in reports)
    silenced = sum(r.suppressed for r in reports)
    notes = ([f"{quoted} in quoted speech not shown (--include-quotes)"] if quoted else []) + \
            ([f"{silenced} suppressed by directives"] if silenced else [])
    return line + (f"; {'; '.join(notes)}" if notes else "") + "."


def render(reports: list[FileReport], color: bool = False) -> str:
    if not reports:
        return ""  # every input failed to load: the errors said so
    out = []
    for report in reports:
        if not report.findings:
            continue
        out.append(_style(report.path, color, bold=True, underline=True))
        for f in report.findings:
            out += _finding(report, f, color) + [""]
    out.append(_summary(reports))
    return "\n".join(out) + "\n"
