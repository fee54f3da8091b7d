"""Every one of the 8,000 real AllSides articles goes through the Python API without an error."""
from __future__ import annotations

import gzip
import json
from collections import Counter

import pytest

import framing
from framing.load import text_document

from .conftest import ALLSIDES, need


@pytest.mark.corpus
def test_all_allsides_articles_analyse_cleanly():
    seen, terms = 0, Counter()
    with gzip.open(need(ALLSIDES), "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            doc = text_document(record["text"], record["id"])
            article = framing.analyse(doc.text, source=doc.source, title=record["title"])
            for flag in article.flags:
                assert article.text[flag.start:flag.end] == flag.text
                assert 0 <= flag.sentence < len(article.sentences)
            for s in article.sentences:
                assert 0 <= s.start < s.end <= len(article.text)
            terms.update(f.term.lower() for f in article.flags if f.kind != "scare_quote")
            seen += 1
    assert seen == 8000
    assert len(terms) > 100, "a real corpus must exercise much of the lexicon"
