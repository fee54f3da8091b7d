"""JSON renderer: the "framing/1" contract (see ../shared/design.md and docs/)."""
from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from functools import lru_cache
from operator import attrgetter

from framing import __version__
from framing.results import Article

SCHEMA = "framing/1"
SENTENCE_KEYS = ("index", "start", "end", "assertion", "bias_probability", "voice", "cues",
                 "bias_words")
FLAG_KEYS = ("kind", "id", "term", "start", "end", "text", "sentence", "category", "explanation",
             "alternatives", "in_quote", "weight", "speaker", "probability", "voice")
_SENTENCE_VALUES = attrgetter(*SENTENCE_KEYS)
_FLAG_VALUES = attrgetter(*FLAG_KEYS)


_LEAVES = (str, int, float, type(None))  # bool is an int


@lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _fields_of(value: object) -> dict:
    """A dataclass as the dict of its fields, in order, values as they are."""
    return {name: getattr(value, name) for name in _field_names(type(value))}


def _plain(value: object) -> object:
    """Dataclasses, tuples and dicts as JSON-ready dicts and lists: what `dataclasses.asdict`
    gives, without the deep copy of every value it makes (the results are frozen)."""
    if isinstance(value, _LEAVES):
        return value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if is_dataclass(value):
        return {k: _plain(v) for k, v in _fields_of(value).items()}
    return value


def _json_default(value: object) -> dict:
    """`json.dumps`'s hook for what it cannot write itself: the nested result dataclasses."""
    if is_dataclass(value) and not isinstance(value, type):
        return _fields_of(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def article_fields(article: Article) -> dict:
    """The contract's dict of one article, keys in the documented order, one level deep:
    nested dataclasses and tuples left as they are. `json.dumps` with `default=_json_default`
    writes it exactly as it writes `article_dict` (tuples as arrays, each dataclass as its
    fields in order, as `_plain` makes them), without building the nested dicts first."""
    return {
        "source": article.source,
        "title": article.title,
        "text": article.text,
        "word_count": article.word_count,
        "removed": article.removed,
        "scores": article.scores,
        "sentences": [dict(zip(SENTENCE_KEYS, _SENTENCE_VALUES(s))) for s in article.sentences],
        "flags": [dict(zip(FLAG_KEYS, _FLAG_VALUES(f))) for f in article.flags],
        "quotes": article.quotes,
        "sources": article.sources,
    }


def article_dict(article: Article) -> dict:
    """One article as the contract's plain dict, keys in the documented order."""
    return _plain(article_fields(article))


def document(articles: list[Article]) -> dict:
    return {"schema": SCHEMA, "version": __version__,
            "articles": [article_dict(a) for a in articles]}


def dumps(value: object, **options: object) -> str:
    """`json.dumps` of a value that may hold result dataclasses (e.g. `article_fields` dicts)."""
    return json.dumps(value, ensure_ascii=False, default=_json_default, **options)


def render(articles: list[Article], color: bool = False) -> str:
    return dumps({"schema": SCHEMA, "version": __version__,
                  "articles": [article_fields(a) for a in articles]}, indent=2) + "\n"
