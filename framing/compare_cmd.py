"""`framing compare`: a few articles side by side, or many grouped into profiles (--by FIELD).

The CLI side only: reading the inputs as a stream (framing/corpus.py), the progress bar on
stderr, options and exit codes. The comparing is framing/compare.py; the formats are in
framing/render/.
"""
from __future__ import annotations

import gzip
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from framing.metrics import METRIC_KEYS
from framing.output import UserError, batch_options
from framing.render import FORMATS

if TYPE_CHECKING:
    from framing.compare import Skipped, Summary
    from framing.corpus import Item

MAX_SIDE_BY_SIDE = 12


def _count_articles(specs: tuple[str, ...]) -> int | None:
    """How many articles the inputs hold (corpus lines counted in a quick streaming pass), for
    the progress bar; None when unknown (stdin) or unreadable (the reader reports that)."""
    from framing.corpus import expand, is_corpus
    from framing.load import InputError

    total = 0
    try:
        for spec in specs:
            for one in expand(spec):
                if not is_corpus(one):
                    total += 1
                    continue
                opener = gzip.open if one.lower().endswith(".gz") else open
                with opener(one, "rb") as stream:
                    total += sum(1 for line in stream if line.strip())
    except (InputError, OSError, EOFError):
        return None
    return total


def _progress(results: Iterable, total: int | None, quiet: bool) -> Iterator:
    """Pass the results through, showing a rich progress bar on stderr when it is a terminal."""
    if quiet:
        yield from results
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    columns = (TextColumn("comparing"), BarColumn(bar_width=30), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("compare", total=total)
        for result in results:
            yield result
            bar.advance(task)


def summaries(specs: tuple[str, ...], by: str | None, lexicons: tuple[str, ...],
              timeout: float, text_field: str, jobs: int = 1, engine: str = "local",
              scheduler: str | None = None) -> Iterator[Summary | Skipped]:
    """The inputs as a stream of summaries, in order, computed by the batch runner
    (framing/batch.py: `jobs` processes or a Dask cluster, flat memory)."""
    from framing.batch import run
    from framing.compare import Skipped
    from framing.corpus import items
    from framing.jobs import SummariseJob

    quiet = not sys.stderr.isatty()
    stream = items(specs, timeout=timeout, text_field=text_field)
    results = run(stream, SummariseJob(by, lexicons), jobs=jobs, engine=engine,
                  scheduler=scheduler)
    for result in _progress(results, None if quiet else _count_articles(specs), quiet):
        yield result.value if result.error is None else Skipped(result.id, result.error)


def _side_by_side(specs: tuple[str, ...], lexicon, timeout: float, text_field: str):
    from framing.compare import compare_articles
    from framing.corpus import items
    from framing.pipeline import analyse_text

    articles = []
    for item in items(specs, timeout=timeout, text_field=text_field):
        if item.doc is None:
            raise UserError(item.error or f"{item.id}: cannot be read")
        if len(articles) == MAX_SIDE_BY_SIDE:
            raise UserError(f"more than {MAX_SIDE_BY_SIDE} articles to put side by side; "
                            "group them with --by FIELD (e.g. --by source)")
        articles.append((item.id, analyse_text(item.doc.text, source=item.doc.source,
                                               title=item.doc.title, lexicon=lexicon,
                                               removed=item.doc.removed)))
    if len(articles) < 2:
        raise UserError("compare needs at least two articles (or a corpus with --by FIELD)")
    return compare_articles(articles, lexicon)


def _seconds(param: click.Parameter, value: float) -> float:
    from framing.cli import _not_nan

    return _not_nan(param, value)


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--by", "by", metavar="FIELD",
              help="Group a JSON-lines corpus by this field (e.g. source, bias) into profiles.")
@click.option("--min-articles", type=click.IntRange(1), default=1, show_default=True,
              help="With --by: leave out groups with fewer articles (they are listed).")
@click.option("--sort", type=click.Choice(METRIC_KEYS), default=METRIC_KEYS[0], metavar="SCORE",
              show_default=True, help="With --by: order the groups by this score (highest "
              "first): " + ", ".join(METRIC_KEYS) + ".")
@click.option("--versus", nargs=2, metavar="GROUP GROUP",
              help="With --by: also set two groups head to head (e.g. --versus left right).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="With --by: seed of the bootstrap intervals (same seed, same intervals).")
@click.option("--text-field", default="text", show_default=True,
              help="The field holding the article text in a JSON-lines corpus.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text",
              show_default=True, help="Report format.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the report to FILE.")
@click.option("--force", is_flag=True, help="Replace --output if it already exists.")
@click.option("--no-color", is_flag=True, help="No colour (also when NO_COLOR is set).")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(path_type=Path),
              help="Extra lexicon file merged over the built-ins (repeatable).")
@click.option("--timeout", type=click.FloatRange(0, 600, min_open=True), default=10.0,
              show_default=True, callback=lambda ctx, param, value: _seconds(param, value),
              help="Seconds to wait for a URL.")
@batch_options
def compare(inputs: tuple[str, ...], by: str | None, min_articles: int, sort: str,
            versus: tuple[str, str] | None, seed: int,
            text_field: str, fmt: str, output: Path | None, force: bool, no_color: bool,
            lexicons: tuple[Path, ...], timeout: float, jobs: int, engine: str,
            scheduler: str | None) -> None:
    """Compare articles: a few side by side (scores, word choice), or a JSON-lines corpus
    grouped --by a field into profiles (means with 95% intervals, distinguishing words).

    \b
    Examples:
      framing compare bbc.html fox.html guardian.txt
      framing compare samples/port-*.txt --format html -o lesson.html
      framing compare corpus.jsonl.gz --by bias
      framing compare corpus.jsonl.gz --by source --min-articles 30 --sort biased_sentence_share
    """
    from framing.cli import _lexicon, _use_color
    from framing.output import emit
    from framing.compare import profile
    from framing.batch import BatchError
    from framing.load import InputError
    from framing.render.comparison import renderer

    if output is not None:
        from framing.output import check_target

        check_target(output, force, inputs)  # refuse before hours of work, not after
    if by is None and (versus or min_articles != 1 or sort != METRIC_KEYS[0]):
        raise UserError("--versus, --min-articles and --sort go with --by FIELD")
    lexicon = _lexicon(lexicons)
    try:
        if by is None:
            result = _side_by_side(inputs, lexicon, timeout, text_field)
        else:
            stream = summaries(inputs, by, tuple(str(p) for p in lexicons), timeout, text_field,
                               jobs, engine, scheduler)
            result = profile(stream, lexicon, by,
                             min_articles=min_articles, sort=sort, seed=seed,
                             versus=versus or None)
    except (InputError, BatchError) as exc:
        raise UserError(str(exc)) from None
    if by is not None and versus:
        missing = [g for g in versus if g not in {x.name for x in result.groups}]
        if missing:
            raise UserError(f"--versus: no group named {missing[0]!r} (with --min-articles "
                            f"{min_articles}); groups: {', '.join(g.name for g in result.groups)}")
    if by is not None and not result.groups:
        reason = (f"no group has {min_articles} articles or more" if result.left_out
                  else "no article could be read")
        raise UserError(f"nothing to compare: {reason}")
    color = _use_color(no_color, output)
    emit(renderer(fmt)(result, color), output, force, inputs, color)
