"""A progress bar for batches, on stderr: articles done of the total, rate, elapsed time and
ETA. Shown only when stderr is a terminal and not --quiet; messages (failed articles) print
above it."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Callable

from framing.corpus import expand, is_corpus, opener


def count_items(specs: tuple[str, ...]) -> int | None:
    """How many articles the specs stand for (corpus lines counted without parsing them),
    or None when that cannot be known cheaply (stdin, URLs, an unreadable file)."""
    total = 0
    for spec in specs:
        for one in expand(spec):
            if one == "-" or "://" in one:
                return None
            if not is_corpus(one):
                total += 1
                continue
            try:
                with opener(one)(one, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except (OSError, EOFError):
                return None
    return total


@contextmanager
def batch_progress(specs: tuple[str, ...], quiet: bool) -> Iterator[tuple[Callable[[], None],
                                                                         Callable[[str], None]]]:
    """(advance one article, print a message) for the duration of a batch."""
    import sys

    if quiet or not sys.stderr.isatty():  # and rich is not even imported
        yield (lambda: None), (lambda message: print(message, file=sys.stderr, flush=True))
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn,
                               TextColumn, TimeElapsedColumn, TimeRemainingColumn)

    total = count_items(specs)
    columns = (TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
               TimeRemainingColumn())
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("analysing", total=total, rate="")

        def advance() -> None:
            bar.advance(task)
            speed = bar.tasks[0].speed
            bar.update(task, rate=f"{speed:,.1f} articles/s" if speed else "")

        yield advance, (lambda message: bar.console.print(message, markup=False))
