"""JSON renderer: the "framing/1" contract (see ../shared/design.md and docs/)."""
from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass

from framing import __version__
from framing.results import Article

SCHEMA = "framing/1"
SENTENCE_KEYS = ("index", "start", "end", "assertion", "bias_probability", "voice", "cues",
                 "bias_words")
FLAG_KEYS = ("kind", "id", "term", "start", "end", "text", "sentence", "category", "explanation",
             "alternatives", "in_quote", "weight", "speaker", "probability", "voice")


def _plain(value: object) -> object:
    """Dataclasses and tuples as JSON-ready dicts and lists."""
    if is_dataclass(value):
        return asdict(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def article_dict(article: Article) -> dict:
    """One article as the contract's plain dict, keys in the documented order."""
    scores = asdict(article.scores)
    return {
        "source": article.source,
        "title": article.title,
        "text": article.text,
        "word_count": article.word_count,
        "removed": article.removed,
        "scores": scores,
        "sentences": [{k: _plain(getattr(s, k)) for k in SENTENCE_KEYS} for s in article.sentences],
        "flags": [{k: _plain(getattr(f, k)) for k in FLAG_KEYS} for f in article.flags],
        "quotes": [asdict(q) for q in article.quotes],
        "sources": [_plain(src) for src in article.sources],
    }


def document(articles: list[Article]) -> dict:
    return {"schema": SCHEMA, "version": __version__,
            "articles": [article_dict(a) for a in articles]}


def render(articles: list[Article], color: bool = False) -> str:
    return json.dumps(document(articles), ensure_ascii=False, indent=2) + "\n"
