"""The analysis pauses the cyclic garbage collector while it works (framing/pipeline.py)
and leaves it as it found it, also when the analysis fails; the result is the same."""
from __future__ import annotations

import gc

import pytest

import framing
from framing import pipeline

TEXT = "Officials said the reckless plan would clearly fail. Critics called it a “reform”."


@pytest.fixture
def gc_state():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


@pytest.mark.parametrize("enabled", [True, False])
def test_collector_off_during_the_analysis_and_left_as_found(gc_state, monkeypatch, enabled):
    (gc.enable if enabled else gc.disable)()
    seen = []
    split = pipeline.sentence_spans

    def spy(text):
        seen.append(gc.isenabled())
        return split(text)

    monkeypatch.setattr(pipeline, "sentence_spans", spy)
    article = framing.analyse(TEXT)
    assert seen == [False] and gc.isenabled() is enabled
    monkeypatch.undo()
    gc.enable()
    assert article == framing.analyse(TEXT)


def test_collector_back_on_after_a_failure(gc_state, monkeypatch):
    gc.enable()

    def fail(text):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "sentence_spans", fail)
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
