"""Readability: textstat's own figures, offline, with the fast dictionary loader."""
from __future__ import annotations

import socket

import pytest

from framing.readability import band, readability

TEXT = ("The council voted on Thursday to expand the harbour. Residents who oppose the plan say "
        "the dredging will damage seagrass meadows and disrupt the fishing fleet for years.")


def test_same_scores_as_textstat_with_its_own_dictionary(monkeypatch):
    import textstat
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils._get_cmudict import get_cmudict

    ours = readability(TEXT)
    monkeypatch.setattr(_count_syllables, "get_cmudict", get_cmudict)
    _count_syllables.count_syllables.cache_clear()
    assert ours.flesch_reading_ease == round(textstat.flesch_reading_ease(TEXT), 1)
    assert ours.grade_level == round(textstat.flesch_kincaid_grade(TEXT), 1)
    _count_syllables.count_syllables.cache_clear()


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
])
def test_bands(score, expected):
    assert band(score) == expected
