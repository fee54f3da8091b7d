"""Per-article jobs for the batch runner (framing/batch.py): analyse one article and hand
back what the output format needs. Top-level and picklable, so they run in worker processes
and on Dask; each process loads the lexicons (and the model) once."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from framing.corpus import Item
from framing.lexicon import Lexicon
from framing.record import record

OUTPUTS = ("article", "jsonl", "csv")


@lru_cache(maxsize=4)
def _lexicon(extra: tuple[str, ...]) -> Lexicon:
    from framing import lexicon

    return lexicon.load([Path(p) for p in extra])


@lru_cache(maxsize=2)
def _model(path: str):
    from framing.classify.predict import read_model

    return read_model(path)


@record
class AnalyseJob:
    """Analyse one article: return the `Article` ("article"), its `framing/1` JSON line with
    the item's id ("jsonl"), or its row of scores ("csv"). `lexicons`: extra lexicon files
    merged over the built-ins; `model`: a sentence model file instead of the shipped one;
    `learned`: add the learned word detector's flags."""

    output: str = "article"
    lexicons: tuple[str, ...] = ()
    model: str | None = None
    learned: bool = False

    def __call__(self, item: Item):
        from framing import analyse

        doc = item.doc
        assert doc is not None  # the batch runner passes only loaded items
        article = analyse(doc.text, source=doc.source, title=doc.title,
                          lexicon=_lexicon(self.lexicons), removed=doc.removed,
                          model=_model(self.model) if self.model else None,
                          words=self.learned)
        if self.output == "jsonl":
            from framing.render.jsonl import line

            return line(article, item.id)
        if self.output == "csv":
            from framing.render.csv import row

            return row(article, item.id)
        return article


@record
class SummariseJob:
    """Analyse one article and return its compact summary for `framing compare --by`
    (`framing.compare.summarise_item`): scores, counts and word counts, not the Article."""

    by: str | None = None
    lexicons: tuple[str, ...] = ()

    def __call__(self, item: Item):
        from framing.compare import summarise_item

        return summarise_item(item, self.by, _lexicon(self.lexicons))
