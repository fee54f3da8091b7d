"""CSV: one row of scores per article (no text), for spreadsheets and dataframes."""
from __future__ import annotations

import csv
import io

from framing.results import KINDS, Article

SCORES = ("loaded_per_1000_words", "hedges_per_1000_words", "boosters_per_1000_words",
          "anonymous_per_1000_words", "assertion_mean", "biased_sentence_share",
          "hedged_sentence_share", "plain_sentence_share", "boosted_sentence_share")
COLUMNS = ("id", "source", "title", "word_count", "sentences", *SCORES,
           "flesch_reading_ease", "grade_level", *(f"{k}_count" for k in KINDS),
           *(f"{k}_quoted" for k in KINDS))


def _format(rows: list[list[object]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def header() -> str:
    """The header line."""
    return _format([list(COLUMNS)])


def row(article: Article, item_id: str) -> str:
    """One article's line (empty cells for scores that do not apply)."""
    s = article.scores
    read = s.readability
    values = [item_id, article.source, article.title, article.word_count, len(article.sentences),
              *(getattr(s, k) for k in SCORES),
              read.flesch_reading_ease if read else None, read.grade_level if read else None,
              *(s.counts.get(k, 0) for k in KINDS), *(s.quoted_counts.get(k, 0) for k in KINDS)]
    return _format([["" if v is None else v for v in values]])
