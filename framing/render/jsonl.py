"""JSON lines: one `framing/1` article object a line, with the id of its input (the corpus
record's `id`, else the file name), for batches of any size (written as they come)."""
from __future__ import annotations

from framing.render.json import article_fields, dumps
from framing.results import Article


def line(article: Article, item_id: str) -> str:
    """One article as a JSON line (newline included)."""
    return dumps({"id": item_id, **article_fields(article)}) + "\n"
