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
    import gc

    from framing.pipeline import analyse_text

    # The cyclic garbage collector paused while one text is analysed: the analysis makes
    # tens of thousands of objects and no reference cycles worth collecting, so collections
    # in between only walk the live ones again and again (about a tenth of the time). What
    # it may leave is collected as usual once it is back on.
    paused = gc.isenabled()
    gc.disable()
    try:
        return analyse_text(text, source=source, title=title, lexicon=lexicon, removed=removed,
                            model=model, words=words)
    finally:
        if paused:
            gc.enable()


__all__ = ["__version__", "analyse"]
