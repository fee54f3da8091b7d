"""framing: show how a news text persuades (loaded terms, hedges, boosters, sources, quotes)."""
from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from framing.lexicon import Lexicon
    from framing.model import Article


def analyse(text: str, *, source: str | None = None, title: str | None = None,
            lexicon: Lexicon | None = None, removed: str | None = None) -> Article:
    """Analyse one article's text and return an `Article` (the JSON contract as dataclasses)."""
    from framing.pipeline import analyse_text

    return analyse_text(text, source=source, title=title, lexicon=lexicon, removed=removed)


__all__ = ["__version__", "analyse"]
