"""`framing check`: an article's flags as lint findings with line and column, level, rule id,
the teaching message and the alternatives; suppression directives; suggested rewrites.

Suppressions, in Markdown, HTML and text files:
  <!-- framing: disable -->  ... <!-- framing: enable -->   (all rules)
  <!-- framing: disable=hedge.reportedly,loaded -->          (ids or kinds; `enable=` ends them)
  <!-- framing: ignore -->  (or ignore=ids,kinds)             the next line
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from framing.lexicon import LEVELS, Entry, Lexicon
from framing.lintconfig import Settings
from framing.mask import DIRECTIVE, line_starts
from framing.results import KINDS, Article, Flag
from framing.segment import normalise, tokens

_SELECTORS = re.compile(r"\s*(disable|enable|ignore)\s*(?:=\s*([^\s=]+(?:\s*,\s*[^\s,=]+)*))?\s*")


class LintError(Exception):
    """A problem in a checked file (a malformed directive); str(exc) is one line."""


@dataclass(frozen=True)
class Finding:
    """One flag as a lint finding. Lines and columns are 1-based and count characters;
    `end_column` is the column just after the last character (on `end_line`)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    level: str
    rule: str
    kind: str
    text: str
    message: str
    alternatives: tuple[str, ...]
    replacement: str | None = None
    in_quote: bool = False
    suppressed: str | None = None  # the directive that silenced it
    voice: str = "writer"  # writer | reported | quoted (Flag.voice)
    speaker: str | None = None  # whose reported or quoted words


@dataclass(frozen=True)
class FileReport:
    """The findings of one file and what was left out of them."""

    path: str
    text: str
    findings: tuple[Finding, ...]
    in_quotes: int = 0    # flags inside quoted speech, not the writer's (without --include-quotes)
    suppressed: int = 0   # findings silenced by directives


@dataclass(frozen=True)
class Region:
    """Offsets [start, end) where a directive silences `selector` ("*" for every rule)."""

    start: int
    end: int
    selector: str
    how: str


def rank(level: str) -> int:
    """0 for suggestion, 1 warning, 2 error; `none` ranks above all (never fails)."""
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def fails(reports: list[FileReport], fail_level: str) -> bool:
    """True when a finding that is not suppressed is at or above `fail_level`."""
    return any(not f.suppressed and rank(f.level) >= rank(fail_level)
               for r in reports for f in r.findings)


class Lines:
    """Offset -> (line, column), both 1-based, columns in characters."""

    def __init__(self, text: str):
        self.starts = line_starts(text)

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_end(self, line: int, text: str) -> int:
        """Offset of the end of 1-based `line` (before its newline)."""
        nxt = self.starts[line] if line < len(self.starts) else len(text) + 1
        return nxt - 1


def regions(commented: str, lexicon: Lexicon, path: str) -> list[Region]:
    """Where directives silence rules. LintError for a directive that is not understood."""
    known = set(KINDS) | {e.id for e in lexicon.entries}
    lines = Lines(commented)
    out: list[Region] = []
    open_: dict[str, int] = {}
    for m in DIRECTIVE.finditer(commented):
        parsed = _SELECTORS.fullmatch(m.group(1))
        line, _ = lines.at(m.start())
        if not parsed:
            raise LintError(f"{path}:{line}: framing directive {m.group().strip()!r} not "
                            "understood (disable[=ids], enable[=ids] or ignore[=ids])")
        verb, names = parsed.group(1), parsed.group(2)
        selectors = [n.strip() for n in names.split(",")] if names else ["*"]
        unknown = [s for s in selectors if s != "*" and s not in known]
        if unknown:
            raise LintError(f"{path}:{line}: framing directive names unknown kind or rule id "
                            f"{unknown[0]!r}")
        if verb == "disable":
            for s in selectors:
                open_.setdefault(s, m.end())
        elif verb == "enable":
            for s in (list(open_) if names is None else selectors):
                if s in open_:
                    out.append(Region(open_.pop(s), m.start(), s, "disable"))
        else:
            end_line, _ = lines.at(m.end())
            if end_line < len(lines.starts):
                start = lines.starts[end_line]
                out += [Region(start, lines.line_end(end_line + 1, commented), s, "ignore")
                        for s in selectors]
    out += [Region(start, len(commented), s, "disable") for s, start in open_.items()]
    return out


def _silenced(flag: Flag, found: list[Region]) -> str | None:
    for r in found:
        if r.start <= flag.start < r.end and r.selector in ("*", flag.id, flag.kind):
            return r.how if r.selector == "*" else f"{r.how}={r.selector}"
    return None


def _rewrite(flag: Flag, lexicon: Lexicon) -> str | None:
    """The entry's drop-in rewrite for the form that matched, in the flagged words' case and
    with a possessive 's kept; None when the entry has none."""
    entry = lexicon.get(flag.id)
    if entry is None or entry.replacement is None:
        return None
    toks = tokens(flag.text)
    for form, new in zip(entry.forms, entry.replacement):
        if list(form) == [t.norm for t in toks]:
            break
        if list(form) == [t.base for t in toks]:
            new += flag.text[-2:]  # the possessive 's (or ’s) the form does not list
            break
    else:
        return None
    if flag.text.isupper() and len(flag.text) > 1:
        return new.upper()
    return new[:1].upper() + new[1:] if flag.text[:1].isupper() else new


def check_text(text: str, path: str, syntax: str, settings: Settings,
               lexicon: Lexicon) -> FileReport:
    """Mask the file's markup, analyse what is left (flags only: no classifier, no
    readability) and turn its flags into findings. LintError for a malformed directive."""
    from framing.mask import mask
    from framing.pipeline import analyse_text

    masked = mask(text, syntax)
    found = regions(masked.commented, lexicon, path)
    article = analyse_text(masked.text, source=path, lexicon=lexicon, flags_only=True)
    return findings(article, text, path, settings, lexicon, found)


def _level(flag: Flag, settings: Settings, entry: Entry | None) -> str:
    """The finding's level: as configured, else the entry's or the kind's default; a word in
    reported speech ("Vale said the plan was a giveaway") one step below that default, since
    the writer reports it rather than says it (a level set for the rule or kind is kept)."""
    level = settings.level(flag.id, flag.kind, entry.level if entry else None)
    configured = any(name in layer.levels for layer in settings.layers
                     for name in (flag.id, flag.kind))
    if flag.voice == "reported" and not configured and level in LEVELS:
        return LEVELS[max(LEVELS.index(level) - 1, 0)]
    return level


def findings(article: Article, text: str, path: str, settings: Settings, lexicon: Lexicon,
             found: list[Region]) -> FileReport:
    """The findings in `text` (the file; `article` analysed its masked copy): enabled rules,
    not allow-listed, the writer's words (quoted speech only with include-quotes), with their
    level and any directive that silenced them."""
    lines = Lines(text)
    allowed = settings.allowed
    out = []
    in_quotes = 0
    for flag in article.flags:
        if not settings.enabled(flag.id, flag.kind):
            continue
        entry = lexicon.get(flag.id)
        if normalise(flag.text) in allowed or (entry and normalise(entry.term) in allowed):
            continue
        if flag.in_quote and not settings.include_quotes:
            in_quotes += 1
            continue
        line, column = lines.at(flag.start)
        end_line, end_column = lines.at(flag.end)
        out.append(Finding(
            path=path, line=line, column=column, end_line=end_line, end_column=end_column,
            start=flag.start, end=flag.end, level=_level(flag, settings, entry),
            rule=flag.id, kind=flag.kind, text=text[flag.start:flag.end],
            message=flag.explanation,
            alternatives=flag.alternatives, replacement=_rewrite(flag, lexicon),
            in_quote=flag.in_quote, suppressed=_silenced(flag, found), voice=flag.voice,
            speaker=flag.speaker))
    return FileReport(path, text, tuple(out), in_quotes,
                      sum(1 for f in out if f.suppressed))


def visible(report: FileReport, show_suppressed: bool) -> FileReport:
    """The report without its suppressed findings, unless they are asked for."""
    if show_suppressed:
        return report
    return replace(report, findings=tuple(f for f in report.findings if not f.suppressed))


def rewritten(text: str, found: tuple[Finding, ...]) -> str:
    """`text` with every unsuppressed finding that has a rewrite replaced (never overlapping:
    flags do not overlap)."""
    out, last = [], 0
    for f in sorted(found, key=lambda f: f.start):
        if f.replacement is None or f.suppressed or f.start < last:
            continue
        out += [text[last:f.start], f.replacement]
        last = f.end
    return "".join(out) + text[last:]
