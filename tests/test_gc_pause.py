"""`framing.analyse` pauses the cyclic garbage collector while it works (framing/__init__.py)
and leaves it as it found it, also when the analysis fails; the result is the same."""
from __future__ import annotations

import gc

import pytest

import framing
from framing.pipeline import analyse_text

TEXT = "Officials said the reckless plan would clearly fail. Critics called it a “reform”."


@pytest.fixture
def gc_state():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


@pytest.mark.parametrize("enabled", [True, False])
def test_collector_left_as_found(gc_state, monkeypatch, enabled):
    (gc.enable if enabled else gc.disable)()
    seen = []

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return analyse_text(*args, **kwargs)

    monkeypatch.setattr("framing.pipeline.analyse_text", spy)
    article = framing.analyse(TEXT)
    assert seen == [False] and gc.isenabled() is enabled
    gc.enable()
    assert article == analyse_text(TEXT)


def test_collector_back_on_after_a_failure(gc_state, monkeypatch):
    gc.enable()

    def fail(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("framing.pipeline.analyse_text", fail)
    with pytest.raises(RuntimeError):
        framing.analyse(TEXT)
    assert gc.isenabled()
