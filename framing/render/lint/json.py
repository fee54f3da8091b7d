"""JSON findings (schema "framing-check/1"): one object per file with its findings."""
from __future__ import annotations

import json

from framing import __version__
from framing.lint import FileReport

SCHEMA = "framing-check/1"
FINDING_KEYS = ("line", "column", "end_line", "end_column", "start", "end", "level", "rule",
                "kind", "text", "message", "alternatives", "replacement", "in_quote",
                "suppressed", "voice", "speaker")


def document(reports: list[FileReport]) -> dict:
    return {"schema": SCHEMA, "version": __version__, "files": [
        {"path": r.path, "in_quotes": r.in_quotes, "suppressed": r.suppressed,
         "findings": [{k: (list(v) if isinstance(v := getattr(f, k), tuple) else v)
                       for k in FINDING_KEYS} for f in r.findings]}
        for r in reports]}


def render(reports: list[FileReport], color: bool = False) -> str:
    return json.dumps(document(reports), ensure_ascii=False, indent=2) + "\n"
