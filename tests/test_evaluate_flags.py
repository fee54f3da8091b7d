"""The judged-flags benchmark: verdict storage, precision by kind and voice, templates."""
from __future__ import annotations

import json

import pytest

import framing
from framing import evaluate_flags as ev

from .conftest import ALLSIDES, need

TEXT = ("The regime reportedly closed the port. “We will reopen it,” said Mayor Ann Holt. "
        "The ministry unveiled its “peace plan” on Monday.")


def judged():
    return [ev.Judged("a1", framing.analyse(TEXT, model=False))]


def test_templates_cover_every_flag_and_quote_then_verdicts_round_trip(tmp_path):
    todo = list(ev.unjudged(judged(), {}))
    article = judged()[0].article
    assert len([t for t in todo if t["type"] == "flag"]) == len(article.flags)
    assert any(t["type"] == "quote" and t["speaker"] == "Mayor Ann Holt" for t in todo)
    assert all("⟦" in t["context"] for t in todo)
    for t in todo:
        t["verdict"] = "right" if t["type"] == "quote" else (
            "wrong" if t["kind"] == "scare_quote" else "correct")
        t["cause"] = "scare: test" if t.get("kind") == "scare_quote" else ""
    filled = tmp_path / "todo.jsonl"
    filled.write_text("".join(json.dumps(t) + "\n" for t in todo))
    assert ev.add(filled, tmp_path) == len(todo)
    stored = (tmp_path / "a1.jsonl").read_text()
    assert "context" not in stored and "explanation" not in stored
    verdicts = ev.read_verdicts(tmp_path)
    assert list(ev.unjudged(judged(), verdicts)) == []
    rows, missing = ev.precision_table(judged(), verdicts)
    table = {(r[0], r[1]): r[2:] for r in rows}
    assert missing == 0
    assert table[("scare_quote", "writer")] == ["0", "0", "1", "0%"]
    assert table[("loaded", "writer")][-1] == "100%"
    n = len(article.flags)
    assert table[("all", "any")] == [str(n - 1), "0", "1", f"{(n - 1) / n:.0%}"]
    assert ev.quote_table(judged(), verdicts)["right"] == 1


def test_borderline_counts_half(tmp_path):
    a = judged()[0].article
    f = a.flags[0]
    (tmp_path / "a1.jsonl").write_text(json.dumps(
        {"article": "a1", "type": "flag", "id": f.id, "start": f.start, "end": f.end,
         "text": f.text, "verdict": "borderline", "cause": "mild"}) + "\n")
    rows, missing = ev.precision_table(judged(), ev.read_verdicts(tmp_path))
    assert ("all", "any", "0", "1", "0", "50%") in [tuple(r) for r in rows]
    assert missing == len(a.flags) - 1


def test_forty_articles_chosen_reproducibly():
    ids = ev.chosen_ids(need(ALLSIDES))
    assert len(ids) == 40 == len(set(ids)) and ids == ev.chosen_ids(ALLSIDES)


@pytest.mark.parametrize("stored, speaker, expected", [
    ({"speaker": "Ann Holt", "verdict": "right", "expected": "Ann Holt"}, "Ann Holt", "right"),
    ({"speaker": None, "verdict": "missing", "expected": "Mayor Ann Holt"}, "Ms. Holt", "right"),
    ({"speaker": None, "verdict": "missing", "expected": "Ann Holt"}, "CNN", "wrong"),
    ({"speaker": "CNN", "verdict": "wrong", "expected": "Ann Holt"}, None, "missing"),
    ({"speaker": None, "verdict": "none", "expected": "Ann Holt"}, None, "none"),
    ({"speaker": None, "verdict": "none", "expected": ""}, "Ann Holt", "wrong"),
])
def test_quote_verdicts_follow_a_changed_speaker(stored, speaker, expected):
    assert ev.quote_verdict(stored, speaker) == expected
