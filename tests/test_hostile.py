"""Hostile input: every case gives a correct report or one clear line and exit 2; never a
traceback, a hang or a partial output file. The 1 MB cases run in a subprocess with a time
limit (a hang fails the test instead of stalling CI); how long they take beside ordinary
prose is measured by benchmarks/run.py, not asserted here."""
from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLES

PROSE = (SAMPLES / "port-hedged.txt").read_text(encoding="utf-8")
MB = 1_000_000


def _cap(text: str) -> bytes:
    """At most 1 MB of UTF-8, cut between characters."""
    return text.encode("utf-8")[:MB].decode("utf-8", "ignore").encode("utf-8")


# (name, file name, content, expected: "ok" or the message of the one-line error)
CASES = [
    ("empty", "a.txt", b"", "is empty"),
    ("white space only", "a.txt", b" \t\n\r\n  \n", "is empty"),
    ("binary", "a.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file"),
    ("NUL bytes", "a.txt", b"The council\x00met.\x00\x00", "binary file"),
    ("invalid UTF-8", "a.txt", b"The caf\xe9 met \xff\xfe on Monday.", "is not UTF-8 text"),
    ("UTF-16 with BOM", "a.txt", codecs.BOM_UTF16_LE + PROSE.encode("utf-16-le"), "ok"),
    ("UTF-16 without BOM", "a.txt", PROSE.encode("utf-16-le"), "ok"),
    ("UTF-16 big-endian with BOM", "a.txt", codecs.BOM_UTF16_BE + PROSE.encode("utf-16-be"), "ok"),
    ("CRLF", "a.txt", PROSE.replace("\n", "\r\n").encode(), "ok"),
    ("lone CR", "a.txt", PROSE.replace("\n", "\r").encode(), "ok"),
    ("over the size cap", "a.txt", b"word " * 1_000_001, "is larger than the 5,000,000-byte limit"),
    ("1,000,000-character word", "a.txt", b"a" * MB, "ok"),
    ("100,000 unmatched quotation marks", "a.txt", b'x "' * 100_000, "ok"),
    ("100,000 quotation marks in a row", "a.txt", b'"' * 100_000 + b" end.", "ok"),
    ("100,000 curly opening quotes", "a.txt", _cap("“" * 400_000), "ok"),
    ("quotes and speech verbs in one sentence", "a.txt", _cap('she said "' * 100_000), "ok"),
    ("single quotes inside double quotes", "a.txt", _cap("‘a “b ‘c” d’ " * 100_000), "ok"),
    ("200,000 abbreviations in a row", "a.txt", b"Mr. " * 200_000, "ok"),
    ("200,000 words, no punctuation", "a.txt", b"word " * 200_000, "ok"),
    ("10,000 nested HTML tags", "a.html",
     b"<html><body>" + b"<div>" * 10_000 + b"<p>" + PROSE.encode() + b"</p>"
     + b"</div>" * 10_000 + b"</body></html>", "ok|no article text found in the HTML page"),
    ("malformed HTML", "a.html",
     b"<html><body><p>The council <b>met <i>on Monday</p> to <div>discuss</span> the plan"
     b"<p>It was <em>reportedly</p></b> a clear disaster &amp; &bogus; <", "ok"),
    ("right-to-left", "a.txt", _cap("قال المجلس إن الخطة واضحة. " * 40_000), "ok"),
    ("combining characters", "a.txt", _cap(("e\u0301\u0327" * 4 + " ") * 80_000), "ok"),
    ("emoji", "a.txt", _cap("The 👩‍👩‍👧 regime 🔥 said “clearly” 🇺🇦. " * 20_000), "ok"),
    ("mixed scripts and invisibles", "a.txt",
     "The re\u00adgime\u200b said Σ\u00b7Β İstanbul’s ǅ ﬁne «quotes» „more“ ‘so-called’.".encode(),
     "ok"),
]


def _run(args: list[str], timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "framing", *args], cwd=ROOT, text=True,
                          capture_output=True, timeout=timeout)


def _check_report(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    (article,) = doc["articles"]
    text = article["text"]
    assert "\r" not in text
    for flag in article["flags"]:
        assert text[flag["start"]:flag["end"]] == flag["text"]
    previous = 0
    for s in article["sentences"]:
        assert previous <= s["start"] < s["end"] <= len(text)
        previous = s["end"]
    scores = article["scores"]
    for key in ("loaded_per_1000_words", "hedges_per_1000_words", "boosters_per_1000_words"):
        assert scores[key] >= 0


@pytest.mark.parametrize("name,filename,content,expected", CASES, ids=[c[0] for c in CASES])
def test_hostile_input(tmp_path, name, filename, content, expected):
    source = tmp_path / filename
    source.write_bytes(content)
    out = tmp_path / "report.json"
    done = _run(["analyse", str(source), "--format", "json", "-o", str(out)])
    assert "Traceback" not in done.stderr
    if done.returncode == 0:
        assert "ok" in expected.split("|"), done.stderr
        assert done.stderr == ""
        _check_report(out)
        if "UTF-16" in name or "CR" in name:
            text = json.loads(out.read_text(encoding="utf-8"))["articles"][0]["text"]
            assert text == PROSE.rstrip()
    else:
        assert done.returncode == 2, done.stderr
        assert not out.exists()
        assert done.stderr.count("\n") == 1 and done.stderr.startswith("framing: error: ")
        assert any(e in done.stderr for e in expected.split("|") if e != "ok"), done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) in (
        [filename], sorted([filename, "report.json"])), "no temporary file left behind"


LEXICONS = [
    ("weight is a string", 'weight = "heavy"', "weight must be a number"),
    ("forms is a string", 'forms = "regime"', "forms: must be a list of strings"),
    ("wildcard first", 'forms = ["* regime"]', "with '*' only between words"),
    ("upper-case form", 'forms = ["Regime"]', "must be lower-case words"),
    ("not TOML", "forms = [", "not valid TOML"),
]


@pytest.mark.parametrize("change,message", [c[1:] for c in LEXICONS], ids=[c[0] for c in LEXICONS])
def test_hostile_lexicon_is_one_line_exit_2(tmp_path, change, message):
    body = """[lexicon]
kind = "loaded"
[[entry]]
id = "loaded.test_hostile"
term = "regime"
forms = ["regime"]
category = "label"
weight = 0.5
explanation = "x"
alternatives = []
flag = ["The regime fell."]
pass = ["The tax regime."]
source = "test"
"""
    key = change.split(" = ")[0]
    lines = [line for line in body.splitlines() if not line.startswith(key + " =")]
    lexicon = tmp_path / "bad.toml"
    lexicon.write_text("\n".join(lines[:4] + [change] + lines[4:]) + "\n", encoding="utf-8")
    done = _run(["analyse", str(SAMPLES / "port-loaded.txt"), "--lexicon", str(lexicon)])
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and message in done.stderr, done.stderr


@pytest.mark.parametrize("damage", ["truncated", "tampered", "empty"])
def test_damaged_model_file_is_one_line_exit_2(tmp_path, damage):
    from framing.classify.predict import DEFAULT_MODEL

    raw = DEFAULT_MODEL.read_bytes()
    model = tmp_path / "model.json"
    model.write_bytes({"truncated": raw[: len(raw) // 2],
                       "tampered": raw.replace(b'"idf": [', b'"idf": ["x", ', 1),
                       "empty": b""}[damage])
    data = tmp_path / "d.jsonl"
    data.write_text(json.dumps({"text": "The council met.", "label": "neutral"}) + "\n"
                    + json.dumps({"text": "The vile regime lied.", "label": "biased"}) + "\n")
    done = _run(["evaluate", str(data), "--model", str(model)])
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith(f"framing: error: {model}")
