"""JSON renderer for comparisons: the framing/1 document (each compared article as in the
contract) plus a `comparison` object (docs/compare.md lists its keys)."""
from __future__ import annotations

import json
from dataclasses import asdict

from framing.compare import Distinctive, Profile, SideBySide, WordChoice
from framing.render.comparison import Comparison
from framing.render.json import document


def _choice(c: WordChoice, names: tuple[str, ...]) -> dict:
    return {"id": c.id, "term": c.term, "kind": c.kind, "category": c.category,
            "explanation": c.explanation, "alternatives": list(c.alternatives),
            "uses": {names[i]: words for i, words in c.uses.items()},
            "instead": {names[i]: words for i, words in c.instead.items()}}


def _side_by_side(side: SideBySide) -> dict:
    return {
        "mode": "side_by_side",
        "names": list(side.names),
        "titles": list(side.titles),
        "scores": [{"key": r.metric.key, "label": r.metric.label, "about": r.metric.about,
                    "values": list(r.values),
                    "highest": [side.names[i] for i in r.highest],
                    "ranking": [side.names[i] for i in r.ranking]} for r in side.rows],
        "word_choice": [_choice(c, side.names) for c in side.pairs],
        "only_one_uses": [_choice(c, side.names) for c in side.alone],
    }


def _words(found: dict[str, list[Distinctive]]) -> dict:
    return {name: [asdict(w) for w in words] for name, words in found.items()}


def _profile(p: Profile) -> dict:
    out = {
        "mode": "profile", "by": p.by, "sort": p.sort, "min_articles": p.min_articles,
        "seed": p.seed, "resamples": p.resamples, "interval": 0.95,
        "groups": [{"name": g.name, "articles": g.articles, "words": g.words,
                    "scores": {k: asdict(e) for k, e in g.scores.items()}} for g in p.groups],
        "left_out": [{"name": n, "articles": a} for n, a in p.left_out],
        "skipped": [asdict(s) for s in p.skipped],
        "distinguishing": {"flagged_terms": _words(p.flagged_words),
                           "all_words": _words(p.all_words)},
        "versus": None,
    }
    if p.contrast:
        c = p.contrast
        out["versus"] = {"a": c.a, "b": c.b,
                         "flagged_terms": {c.a: [asdict(w) for w in c.flagged[0]],
                                           c.b: [asdict(w) for w in c.flagged[1]]},
                         "all_words": {c.a: [asdict(w) for w in c.words[0]],
                                       c.b: [asdict(w) for w in c.words[1]]}}
    return out


def render(result: Comparison, color: bool = False) -> str:
    if isinstance(result, Profile):
        doc = document([]) | {"comparison": _profile(result)}
    else:
        doc = document(list(result.articles)) | {"comparison": _side_by_side(result)}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
