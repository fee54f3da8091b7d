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


@pytest.mark.parametrize("n_inputs, paused", [(1, True), (2, False)])
def test_command_pauses_collections_for_one_article_only(gc_state, monkeypatch, tmp_path,
                                                         n_inputs, paused):
    """`framing analyse` on one article keeps the collector off through its report
    (framing/cli_batch.py), a batch does not; either way it is on again afterwards."""
    from click.testing import CliRunner

    import framing.render.json as json_render
    from framing.cli import main

    gc.enable()
    files = []
    for n in range(n_inputs):
        path = tmp_path / f"a{n}.txt"
        path.write_text(TEXT, encoding="utf-8")
        files.append(str(path))
    seen = []
    render = json_render.render

    def spy(articles, color):
        seen.append(gc.isenabled())
        return render(articles, color)

    monkeypatch.setattr(json_render, "render", spy)
    result = CliRunner().invoke(main, ["analyse", *files, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert seen == [not paused] and gc.isenabled()
    assert '"flags"' in result.output
