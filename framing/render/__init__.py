"""Renderers: each turns analysed articles into one output format; none computes a score."""
from __future__ import annotations

from collections.abc import Callable

from framing.results import Article

FORMATS = ("text", "json", "markdown", "html")
STREAM_FORMATS = ("jsonl", "csv")  # one line per article, written as they come (render/jsonl.py, csv.py)


def renderer(fmt: str) -> Callable[[list[Article], bool], str]:
    """The render function for a format name: (articles, color) -> document."""
    if fmt == "json":
        from framing.render.json import render
    elif fmt == "markdown":
        from framing.render.markdown import render
    elif fmt == "html":
        from framing.render.html import render
    else:
        from framing.render.terminal import render
    return render
