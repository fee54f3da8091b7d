"""The command line's side of `framing analyse` over many articles (with framing/cli.py): it
reads the inputs, runs the batch (framing/batch.py), shows progress, reports failed articles
and writes the report, to stdout or atomically to a file. Analysers never print; this does.
"""
from __future__ import annotations

import sys
from contextlib import closing, contextmanager, nullcontext
from pathlib import Path

import click

from framing.batch import run
from framing.corpus import Item, expand, is_corpus, items
from framing.jobs import AnalyseJob
from framing.load import InputError, load
from framing.output import atomic_writer
from framing.progress import batch_progress
from framing.render import STREAM_FORMATS


def _items(inputs: tuple[str, ...], timeout: float, keep_all: bool):
    """The articles of the inputs; a single file, URL or stdin that cannot be read is an
    error at once (exit 2), as is a directory or glob with no article or a missing corpus."""
    single = (len(inputs) == 1 and not is_corpus(inputs[0]) and expand(inputs[0]) == [inputs[0]])
    if single:
        return [Item(inputs[0], load(inputs[0], timeout=timeout, keep_all=keep_all))]
    for spec in inputs:
        for one in expand(spec):
            if is_corpus(one) and not Path(one).is_file():
                raise InputError(f"{one}: no such file")
    return items(inputs, timeout=timeout, keep_all=keep_all)


def analyse_all(inputs: tuple[str, ...], fmt: str, output: Path | None, force: bool,
                   color: bool, lexicons: tuple[str, ...], timeout: float, jobs: int,
                   engine: str, scheduler: str | None, quiet: bool, model: str | None = None,
                   keep_all: bool = False, learned: bool = False) -> int:
    """Analyse every article and write the report; return how many articles failed."""
    source = _items(inputs, timeout, keep_all)
    stream = fmt in STREAM_FORMATS
    job = AnalyseJob(output=fmt if stream else "article", lexicons=lexicons, model=model,
                     learned=learned)
    failed = 0
    articles = []
    # closing: on any exit (an error, Ctrl-C, SIGTERM, SIGHUP) the worker pool shuts down
    with _stop_cleanly_on_signals(), _collections_paused(isinstance(source, list)), \
            _destination(output, force, inputs, color) as out, \
            batch_progress(inputs, quiet or len(inputs) == 1 and not stream) as (advance, say), \
            closing(run(source, job, jobs=jobs, engine=engine, scheduler=scheduler)) as results:
        if fmt == "csv":
            from framing.render.csv import header

            out.write(header())
        for result in results:
            advance()
            if result.error is not None:
                failed += 1
                say(f"framing: error: {result.error}")
            elif stream:
                out.write(result.value)
            else:
                articles.append(result.value)
        if not stream:
            from framing.render import renderer

            out.write(renderer(fmt)(articles, color))
    return failed


def _collections_paused(one_article: bool):
    """For a single article, the cyclic garbage collector off until its report is written,
    then what it left frozen (`cache.no_collections`): the analysis pauses collections
    while it works, and a collection after it would walk everything the analysis made (tens
    of thousands of objects, milliseconds) just before the command ends. A batch collects
    as usual between articles."""
    from framing.cache import no_collections

    return no_collections() if one_article else nullcontext()


@contextmanager
def _stop_cleanly_on_signals():
    """A terminated run (SIGTERM, or SIGHUP when its terminal closes) stops like an
    interrupted one: its temporary output file removed, its worker pool shut down."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stops = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {sig: signal.signal(sig, lambda number, _: sys.exit(128 + number))
                for sig in stops}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def _destination(output: Path | None, force: bool, inputs: tuple[str, ...], color: bool):
    """stdout, or an atomically written file."""
    if output is not None:
        with atomic_writer(output, force, inputs) as fh:
            yield fh
        return

    class Echo:
        @staticmethod
        def write(text: str) -> None:
            click.echo(text, nl=False, color=color)

    yield Echo()
