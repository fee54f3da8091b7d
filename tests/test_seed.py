"""The seed article (a real opinion piece in ../shared/seeds) reads well: the issue's checklist."""
from __future__ import annotations

import re

import pytest

import framing
from framing.load import load

from .conftest import SEED, need


@pytest.fixture(scope="module")
def seed():
    doc = load(str(need(SEED)))
    return doc, framing.analyse(doc.text, source=doc.source, title=doc.title, removed=doc.removed)


def covered(article, word: str, kind: str) -> tuple[int, int]:
    """(occurrences of `word` in the text, how many lie inside a flag of `kind`)."""
    spots = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", article.text, re.I)]
    hits = sum(any(f.kind == kind and f.start <= s < f.end for f in article.flags) for s in spots)
    return len(spots), hits


@pytest.mark.parametrize("word, kind, count", [
    ("reportedly", "hedge", 4), ("allegedly", "hedge", 2), ("likely", "hedge", 4),
    ("potentially", "hedge", 2), ("definitively", "booster", 1), ("clearly", "booster", 1),
    ("no surprise", "booster", 2), ("of course", "booster", 1),
])
def test_hedges_and_boosters_in_the_body(seed, word, kind, count):
    _, article = seed
    assert covered(article, word, kind) == (count, count)


@pytest.mark.parametrize("word", ["regime", "junta", "terrorist", "imperial"])
def test_loaded_labels(seed, word):
    _, article = seed
    loaded = [f for f in article.flags if f.kind == "loaded" and word in f.text.lower()]
    assert loaded, f"{word!r} should be flagged as loaded"


def test_related_articles_are_cut_and_produce_no_flags(seed):
    doc, article = seed
    assert "RELATED ARTICLES" not in article.text and "RECENT POSTS" not in article.text
    assert doc.removed and "RELATED ARTICLES" in doc.removed
    assert article.text.rstrip().endswith("is to be effective.")
    assert all(f.end <= len(article.text) for f in article.flags)


def test_lapid_quote_is_a_direct_quote_attributed_to_him(seed):
    _, article = seed
    quote = next(q for q in article.quotes if q.text.startswith("“We naturally think"))
    assert quote.kind == "direct" and quote.speaker and quote.speaker.endswith("Yair Lapid")
    inside = [f for f in article.flags if quote.start <= f.start < quote.end]
    assert any("terrorist" in f.text for f in inside)
    assert all(f.in_quote and f.speaker == quote.speaker for f in inside)
    assert any(s.name.endswith("Lapid") and s.kind == "named" for s in article.sources)


def test_scare_quotes_are_flagged(seed):
    _, article = seed
    scare = {f.term for f in article.flags if f.kind == "scare_quote"}
    assert {"centuries of mistrust", "strategic set", "implausible deniability"} <= scare


def test_proved_definitively_outscores_every_reportedly_sentence(seed):
    _, article = seed
    text = article.text

    def sentences_with(phrase: str):
        return [s for s in article.sentences if phrase in text[s.start:s.end]]

    (proved,) = sentences_with("proved definitively false")
    reported = sentences_with("reportedly")
    assert len(reported) == 4
    assert all(proved.assertion > s.assertion for s in reported)
    assert proved.assertion > 0 and all(s.assertion < 0 for s in reported)
