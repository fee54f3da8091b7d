"""`framing compare`: side by side (scores, extremes, word choice) and group profiles
(bootstrap intervals, --min-articles, --sort, distinguishing words), in every format."""
from __future__ import annotations

import gzip
import itertools
import json
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing import lexicon as lexicons
from framing.cli import main
from framing.compare import (METRIC_KEYS, Skipped, alternative_phrase, bootstrap, profile,
                             summarise_item)
from framing.corpus import Item, read_corpus
from framing.load import text_document

from .conftest import ALLSIDES, SAMPLES, need

PORTS = sorted(str(p) for p in SAMPLES.glob("port-*.txt"))


def run(*args: str):
    return CliRunner().invoke(main, ["compare", *args])


def compared(*args: str) -> dict:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def score_row(doc: dict, key: str) -> dict:
    return next(r for r in doc["comparison"]["scores"] if r["key"] == key)


# ---- side by side -----------------------------------------------------------------------------

def test_port_samples_ranked_in_json():
    doc = compared(*PORTS)
    assert doc["schema"] == "framing/1"
    assert [a["source"] for a in doc["articles"]] == PORTS
    assert all({"scores", "flags", "sentences", "sources"} <= set(a) for a in doc["articles"])
    assert score_row(doc, "loaded_per_1000_words")["ranking"][0] == "port-loaded"
    assert score_row(doc, "loaded_per_1000_words")["highest"] == ["port-loaded"]
    assert score_row(doc, "assertion_mean")["ranking"][0] == "port-boosted"
    assert score_row(doc, "hedges_per_1000_words")["highest"] == ["port-hedged"]
    assert [r["key"] for r in doc["comparison"]["scores"]] == list(METRIC_KEYS)


def _marked_column(output: str, label: str) -> str:
    """The column header above the ▲ in the row `label` of the text table."""
    lines = output.splitlines()
    header = next(line for line in lines if line.startswith("score "))
    row = next(line for line in lines if line.startswith(label))
    names = [cell.strip() for cell in header.split("┃")[1:]]
    cells = row.split("│")[1:]
    return next(name for name, cell in zip(names, cells) if "▲" in cell)


def test_port_samples_ranked_in_text_within_100_columns():
    result = run(*PORTS)
    assert result.exit_code == 0, result.output
    assert _marked_column(result.output, "loaded terms") == "C port-loaded"
    assert _marked_column(result.output, "mean assertion") == "A port-boosted"
    assert max(len(line) for line in result.output.splitlines()) <= 100
    assert "█" in result.output and "comparing" not in result.output  # no bar when not a TTY


def test_port_samples_ranked_in_markdown():
    result = run(*PORTS, "--format", "markdown")
    assert result.exit_code == 0
    row = next(line for line in result.output.splitlines() if line.startswith("| mean assertion"))
    header = next(line for line in result.output.splitlines() if line.startswith("| score"))
    marked = [h.strip() for h, c in zip(header.split("|")[2:], row.split("|")[2:]) if "▲" in c]
    assert marked == ["port-boosted"]


def test_word_choice_pairs_loaded_terms_with_alternatives(tmp_path: Path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The regime slammed the new border rules on Monday.\n")
    b.write_text("The government criticised the new border rules on Monday.\n")
    doc = compared(str(a), str(b))
    pairs = {c["id"]: c for c in doc["comparison"]["word_choice"]}
    assert pairs["loaded.regime"]["uses"] == {"a": {"regime": 1}}
    assert pairs["loaded.regime"]["instead"] == {"b": {"government": 1}}
    assert pairs["report_verb.slam"]["instead"] == {"b": {"criticised": 1}}
    assert pairs["loaded.regime"]["explanation"].startswith("Labels a government")
    text = run(str(a), str(b)).output
    assert "framing explain loaded.regime" in text or "loaded.regime" in text


def test_loaded_terms_only_one_article_uses(tmp_path: Path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("A reckless plan was approved by the council.\n")
    b.write_text("A plan was approved by the council after a long debate.\n")
    doc = compared(str(a), str(b))
    alone = {c["id"]: c["uses"] for c in doc["comparison"]["only_one_uses"]}
    assert alone == {"loaded.reckless": {"a": {"reckless": 1}}}
    assert doc["comparison"]["word_choice"] == []


def test_quoted_words_are_not_the_writers(tmp_path: Path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text('"This regime has failed every family in the valley," said Mara Holt.\n')
    b.write_text("The government spoke on Monday.\n")
    doc = compared(str(a), str(b))
    assert doc["comparison"]["word_choice"] == []
    assert doc["comparison"]["only_one_uses"] == []


@pytest.mark.parametrize("alternative, words", [
    ("government", ("government",)),
    ("<country>'s government", ("government",)),
    ("objected to", ("objected", "to")),
    ("expansionist (if argued)", ("expansionist",)),
    ("what <group> calls", ()),
    ("<describe the act>", ()),
    ("rules on <subject>", ()),
])
def test_alternative_phrase(alternative, words):
    assert alternative_phrase(alternative) == words


@pytest.mark.parametrize("args, message", [
    ((str(SAMPLES / "port-loaded.txt"),), "at least two articles"),
    ((*PORTS, "--sort", "assertion_mean"), "go with --by"),
    ((*PORTS, "--min-articles", "3"), "go with --by"),
    ((str(SAMPLES / "port-loaded.txt"), "missing.txt"), "missing.txt: no such file"),
])
def test_usage_errors_exit_2(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_too_many_for_side_by_side(tmp_path: Path):
    for n in range(13):
        (tmp_path / f"s{n:02}.txt").write_text(f"Story number {n} was filed today.\n")
    result = run(str(tmp_path))
    assert result.exit_code == 2 and "--by FIELD" in result.output


def test_output_refused_before_work(tmp_path: Path):
    target = tmp_path / "out.json"
    target.write_text("mine")
    result = run(*PORTS, "-o", str(target))
    assert result.exit_code == 2 and "already exists" in result.output
    assert target.read_text() == "mine"


# ---- profiles -----------------------------------------------------------------------------------

LEFT = ("The regime jailed {n} reporters, and critics slammed the regime again on day {n}.",
        "Officials of the regime met {n} times; the regime said little about it.")
RIGHT = ("The government met {n} times this week and said the plan would proceed.",
         "Ministers said on day {n} that the government would publish its budget.")


def _corpus(tmp_path: Path, extra: list[str] = ()) -> Path:
    lines = []
    for n in range(8):
        lines.append(json.dumps({"id": f"l{n}", "side": "west", "source": "Daily West",
                                 "text": " ".join(t.format(n=n) for t in LEFT)}))
        lines.append(json.dumps({"id": f"r{n}", "side": "east", "source": "East Courier",
                                 "text": " ".join(t.format(n=n) for t in RIGHT)}))
    lines.append(json.dumps({"id": "x0", "side": "north", "text": "A lone story was filed."}))
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines + list(extra)) + "\n")
    return path


def test_profile_groups_intervals_and_distinguishing_words(tmp_path: Path):
    doc = compared(str(_corpus(tmp_path, ["not json"])), "--by", "side", "--min-articles", "2",
                   "--versus", "west", "east")
    c = doc["comparison"]
    assert doc["articles"] == [] and c["mode"] == "profile"
    assert [(g["name"], g["articles"]) for g in c["groups"]] == [("west", 8), ("east", 8)]
    assert c["left_out"] == [{"name": "north", "articles": 1}]
    assert len(c["skipped"]) == 1 and "not valid JSON" in c["skipped"][0]["error"]
    west = c["groups"][0]["scores"]["loaded_per_1000_words"]
    assert west["low"] <= west["mean"] <= west["high"] and west["n"] == 8
    assert c["groups"][1]["scores"]["loaded_per_1000_words"]["mean"] == 0
    flagged = [w["word"] for w in c["distinguishing"]["flagged_terms"]["west"]]
    assert flagged[0] == "loaded.regime"
    words = {w["word"]: w for w in c["distinguishing"]["all_words"]["west"]}
    assert "regime" in words and words["regime"]["z"] >= 1.96
    assert "government" in [w["word"] for w in c["distinguishing"]["all_words"]["east"]]
    versus = c["versus"]
    assert versus["all_words"]["east"][0]["z"] >= 1.96
    assert "regime" not in [w["word"] for w in versus["all_words"]["east"]]


def test_profile_with_two_worker_processes_equals_one(tmp_path: Path):
    corpus = str(_corpus(tmp_path, ["not json"]))
    one = compared(corpus, "--by", "side", "--min-articles", "2")
    two = compared(corpus, "--by", "side", "--min-articles", "2", "--jobs", "2")
    assert one["comparison"] == two["comparison"]
    assert [g["articles"] for g in two["comparison"]["groups"]] == [8, 8]


def test_profile_sort_and_text_report(tmp_path: Path):
    corpus = str(_corpus(tmp_path))
    doc = compared(corpus, "--by", "side", "--sort", "assertion_mean")
    means = [g["scores"]["assertion_mean"]["mean"] for g in doc["comparison"]["groups"]]
    assert means == sorted(means, reverse=True)
    result = run(corpus, "--by", "side", "--min-articles", "2")
    assert result.exit_code == 0
    assert "Left out, under 2 articles: north (1)" in result.output
    assert "regime" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 100
    md = run(corpus, "--by", "side", "--format", "markdown")
    assert md.exit_code == 0 and "| west | 8 |" in md.output


def test_profile_errors(tmp_path: Path):
    corpus = str(_corpus(tmp_path))
    result = run(corpus, "--by", "side", "--min-articles", "50")
    assert result.exit_code == 2 and "no group has 50 articles" in result.output
    result = run(corpus, "--by", "side", "--versus", "west", "south")
    assert result.exit_code == 2 and "no group named 'south'" in result.output


def test_bootstrap_is_seeded_and_brackets_the_mean():
    values = [float(v % 7) for v in range(50)]
    first, again, other = bootstrap(values, 1), bootstrap(values, 1), bootstrap(values, 2)
    assert first == again and first != other
    assert first.low < first.mean < first.high and first.n == 50
    assert bootstrap([3.0], 0) == bootstrap([3.0], 0) and bootstrap([3.0], 0).low is None
    assert bootstrap([], 0).mean is None


def test_summaries_are_small_and_picklable():
    doc = text_document("The regime slammed its critics. Officials said nothing.", "t")
    summary = summarise_item(Item("t", doc, {"side": "west"}), "side")
    assert pickle.loads(pickle.dumps(summary)) == summary
    assert summary.group == "west" and summary.terms["loaded.regime"] == 1
    assert summary.words["regime"] == 1 and summary.word_count == 8
    skipped = summarise_item(Item("bad", None, error="bad: no text"), "side")
    assert skipped == Skipped("bad", "bad: no text")


def test_real_corpus_slice_profiles():
    items = itertools.islice(read_corpus(str(need(ALLSIDES))), 60)
    lexicon = lexicons.builtin()
    p = profile((summarise_item(i, "bias", lexicon) for i in items), lexicon, "bias")
    assert sum(g.articles for g in p.groups) == 60
    assert {g.name for g in p.groups} <= {"left", "center", "right"}
    for g in p.groups:
        e = g.scores["loaded_per_1000_words"]
        assert e.n == g.articles and (e.low is None or e.low <= e.mean <= e.high)


def test_same_file_twice_gets_distinct_names():
    doc = compared(PORTS[0], PORTS[0])
    assert doc["comparison"]["names"] == ["port-boosted", "port-boosted (2)"]
    assert score_row(doc, "loaded_per_1000_words")["highest"] == []  # all equal


def test_profile_names_the_highest_group(tmp_path: Path):
    lexicon = lexicons.builtin()
    items = read_corpus(str(_corpus(tmp_path)))
    p = profile((summarise_item(i, "side", lexicon) for i in items), lexicon, "side")
    assert p.highest["loaded_per_1000_words"] == "west"


def test_ties_at_the_top_are_all_marked(tmp_path: Path):
    a, b, c = (tmp_path / f"{n}.txt" for n in "abc")
    a.write_text("The reckless plan was approved today.\n")
    b.write_text("The reckless plan was approved today.\n")
    c.write_text("The plan was approved today.\n")
    row = score_row(compared(str(a), str(b), str(c)), "loaded_per_1000_words")
    assert row["highest"] == ["a", "b"] and row["ranking"][-1] == "c"
