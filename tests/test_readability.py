"""Readability: textstat's own figures, offline, with the fast dictionary loader."""
from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

from framing.readability import band, readability

from .conftest import SAMPLES

TEXT = ("The council voted on Thursday to expand the harbour. Residents who oppose the plan say "
        "the dredging will damage seagrass meadows and disrupt the fishing fleet for years.")


def _textstat_in_a_fresh_process(texts: list[str]) -> list[list[float]]:
    """textstat's own figures, with its own dictionary loader, computed where framing never
    ran (in this process textstat's caches hold framing's answers)."""
    script = ("import json, sys, textstat\n"
              "print(json.dumps([[textstat.flesch_reading_ease(t), textstat.flesch_kincaid_grade(t)]"
              " for t in json.load(sys.stdin)]))")
    done = subprocess.run([sys.executable, "-c", script], input=json.dumps(texts), text=True,
                          capture_output=True, check=True)
    return json.loads(done.stdout)


def test_same_scores_as_textstat_with_its_own_dictionary():
    from textstat.backend.counts import _count_syllables

    texts = [TEXT] + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("port-*.txt"))]
    _count_syllables.count_syllables.cache_clear()  # ours too, computed afresh
    ours = [readability(t) for t in texts]
    reference = _textstat_in_a_fresh_process(texts)
    assert [[r.flesch_reading_ease, r.grade_level] for r in ours] == \
        [[round(ease, 1), round(grade, 1)] for ease, grade in reference]
    assert len({r.flesch_reading_ease for r in ours}) == len(texts)  # the texts differ


def test_works_with_no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = readability("A short sentence for the test. Another one follows it here.")
    assert result is not None and 50 < result.flesch_reading_ease <= 121


@pytest.mark.parametrize("text", ["", "   ", "!!! ???"])
def test_no_words_gives_none(text):
    assert readability(text) is None


@pytest.mark.parametrize("score, expected", [
    (95, "easy"), (75, "fairly easy"), (65, "plain English"), (55, "fairly difficult"),
    (35, "difficult"), (10, "very difficult, university level"), (-20, "very difficult, university level"),
    # each band starts at its floor
    (80, "easy"), (70, "fairly easy"), (60, "plain English"), (50, "fairly difficult"),
    (30, "difficult"), (29.9, "very difficult, university level"),
])
def test_bands(score, expected):
    assert band(score) == expected
