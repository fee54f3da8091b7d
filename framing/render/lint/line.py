"""One line per finding: `path:line:col: level rule-id message` (editors' problem matchers),
and GitHub Actions workflow commands (`::warning file=...,line=...,col=...::message`)."""
from __future__ import annotations

from framing.lint import FileReport, Finding
from framing.render.spans import sentence_case, voice_note

GITHUB_LEVELS = {"suggestion": "notice", "warning": "warning", "error": "error"}


def message(f: Finding) -> str:
    """The teaching message with the words and what to write instead, on one line."""
    text = f"“{f.text}”: {f.message}" if f.kind != "scare_quote" else f"{f.text}: {f.message}"
    if f.alternatives:
        text += f" Instead: {'; '.join(f.alternatives)}."
    if f.voice == "reported":
        text += f" ({sentence_case(voice_note(f))}.)"
    if f.suppressed:
        text += f" (suppressed: {f.suppressed})"
    return " ".join(text.split())


def render(reports: list[FileReport], color: bool = False) -> str:
    return "".join(f"{f.path}:{f.line}:{f.column}: {f.level} {f.rule} {message(f)}\n"
                   for r in reports for f in r.findings)


def _escape(value: str, property_: bool = False) -> str:
    """Workflow-command escaping (%, CR, LF; and : , in properties)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if property_ else value


def render_github(reports: list[FileReport], color: bool = False) -> str:
    lines = []
    for r in reports:
        for f in r.findings:
            props = {"file": f.path, "line": f.line, "col": f.column, "endLine": f.end_line,
                     "endColumn": f.end_column, "title": f"framing {f.rule}"}
            head = ",".join(f"{k}={_escape(str(v), True)}" for k, v in props.items())
            lines.append(f"::{GITHUB_LEVELS[f.level]} {head}::{_escape(message(f))}\n")
    return "".join(lines)
