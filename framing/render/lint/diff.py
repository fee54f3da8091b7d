"""`framing check --diff`: the suggested rewrites as a unified diff, for the writer to review
and apply (e.g. with `patch -p1`); files are never changed."""
from __future__ import annotations

import difflib

from framing.lint import FileReport, rewritten


def render_diff(reports: list[FileReport]) -> str:
    out = []
    for report in reports:
        after = rewritten(report.text, report.findings)
        if after == report.text:
            continue
        name = report.path.lstrip("./") if report.path != "-" else "stdin"
        out += difflib.unified_diff(report.text.splitlines(keepends=True),
                                    after.splitlines(keepends=True),
                                    f"a/{name}", f"b/{name}")
        if out and not out[-1].endswith("\n"):
            out[-1] += "\n\\ No newline at end of file\n"
    return "".join(out)
