"""Renderers of `framing check` findings: text (terminal), line, json, sarif, github."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from framing.lint import FileReport

FORMATS = ("text", "line", "json", "sarif", "github")


def renderer(fmt: str) -> Callable[[list[FileReport], bool], str]:
    """The render function for a format name: (reports, color) -> document."""
    if fmt == "line":
        from framing.render.lint.line import render
    elif fmt == "github":
        from framing.render.lint.line import render_github as render
    elif fmt == "json":
        from framing.render.lint.json import render
    elif fmt == "sarif":
        from framing.render.lint.sarif import render
    else:
        from framing.render.lint.text import render
    return render
