"""framing: show how a news text persuades (loaded terms, hedges, boosters, sources, quotes)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

__version__ = "0.1.0"

if TYPE_CHECKING:
    from framing.classify.predict import BiasModel
    from framing.classify.words import WordModel
    from framing.lexicon import Lexicon
    from framing.results import Article


def analyse(text: str, *, source: str | None = None, title: str | None = None,
            lexicon: Lexicon | None = None, removed: str | None = None,
            model: BiasModel | None | Literal[False] = None,
            words: WordModel | bool = False) -> Article:
    """Analyse one article's text and return an `Article` (the JSON contract as dataclasses).

    `lexicon`: defaults to the built-in lexicons; `model`: the sentence-bias model, by default
    the shipped one (`framing.classify.predict.load_model(path)` loads another; False skips it);
    `words`: True adds the learned word detector's flags (the shipped model; or pass one from
    `framing.classify.words.load_word_model(path)`); off by default (docs/word-detector.md).
    """
    from framing.pipeline import analyse_text

    return analyse_text(text, source=source, title=title, lexicon=lexicon, removed=removed,
                        model=model, words=words)


__all__ = ["__version__", "analyse"]
