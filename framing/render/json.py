"""JSON renderer: the "framing/1" contract (see ../shared/design.md and docs/)."""
from __future__ import annotations

import json
from dataclasses import fields, is_dataclass

from framing import __version__
from framing.results import Article

SCHEMA = "framing/1"
SENTENCE_KEYS = ("index", "start", "end", "assertion", "bias_probability", "voice", "cues",
                 "bias_words")
FLAG_KEYS = ("kind", "id", "term", "start", "end", "text", "sentence", "category", "explanation",
             "alternatives", "in_quote", "weight", "speaker", "probability", "voice")


_LEAVES = (str, int, float, type(None))  # bool is an int


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
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value


def article_dict(article: Article) -> dict:
    """One article as the contract's plain dict, keys in the documented order."""
    return {
        "source": article.source,
        "title": article.title,
        "text": article.text,
        "word_count": article.word_count,
        "removed": article.removed,
        "scores": _plain(article.scores),
        "sentences": [{k: _plain(getattr(s, k)) for k in SENTENCE_KEYS} for s in article.sentences],
        "flags": [{k: _plain(getattr(f, k)) for k in FLAG_KEYS} for f in article.flags],
        "quotes": _plain(article.quotes),
        "sources": _plain(article.sources),
    }


def document(articles: list[Article]) -> dict:
    return {"schema": SCHEMA, "version": __version__,
            "articles": [article_dict(a) for a in articles]}


def render(articles: list[Article], color: bool = False) -> str:
    return json.dumps(document(articles), ensure_ascii=False, indent=2) + "\n"
