"""Run a per-article job over many articles: in order, on several cores or a Dask cluster,
with constant memory. `analyse` and `compare` both use it.

    from framing.corpus import items
    from framing.batch import run

    for result in run(items(["corpus.jsonl.gz"]), my_job, jobs=2):
        if result.error:
            print(result.id, result.error)    # the run goes on
        else:
            use(result.value)                 # whatever my_job returned

* `items`: `framing.corpus.Item`s (id, loaded `doc` or load `error`, corpus `fields`), read
  lazily; an item that failed to load is passed through as a failed `Result`.
* `job(item) -> value`: a top-level (picklable) function that computes what the caller needs
  from one article, e.g. `framing.jobs.AnalyseJob` (a whole `Article`, a JSON line, a CSV
  row) or a compact summary; use `functools.partial` or a small frozen dataclass with
  `__call__` to give it settings. It runs in worker processes when `jobs > 1` or on Dask,
  so it gets only the item and must load what it needs itself (lexicons and the model load
  once per process). An exception in it fails that article only: `Result.error` says why.
* Results come back in input order. At most `jobs × 4` chunks of `chunk_size` articles are
  in flight, and nothing is kept once yielded, so memory stays flat whatever the corpus size.
* `engine="local"`: this process (`jobs=1`) or a pool of `jobs` processes. `engine="dask"`:
  a Dask cluster (`pip install "framing[dask]"`) at `scheduler` ("tcp://host:8786"), or a
  `distributed.LocalCluster` of `jobs` single-threaded workers when `scheduler` is None;
  articles go to it in partitions of `chunk_size`. See docs/batch.md.
* `progress(result)`: called once per article as its result is yielded (for a progress bar).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import field
from itertools import islice
from typing import Any, Generic, TypeVar

from framing.corpus import Item
from framing.record import record

T = TypeVar("T")
ENGINES = ("local", "dask")
IN_FLIGHT_PER_JOB = 4


class BatchError(Exception):
    """The batch as a whole cannot run (no Dask installed, an unreachable scheduler, a dead
    worker pool); str(exc) is one line."""


@record
class Result(Generic[T]):
    """One article's outcome: `value` from the job, or `error` (one line) and no value."""

    id: str
    fields: dict[str, Any] = field(default_factory=dict)
    value: T | None = None
    error: str | None = None


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if isinstance(exc, (ValueError, OSError)) else f"{type(exc).__name__}: {text}"


def run_chunk(job: Callable[[Item], T], chunk: list[Item]) -> list[tuple[T | None, str | None]]:
    """Run the job on each item of a chunk: (value, None) or (None, why it failed)."""
    out: list[tuple[T | None, str | None]] = []
    for item in chunk:
        try:
            out.append((job(item), None))
        except Exception as exc:  # one article's failure must not stop the batch
            out.append((None, f"{item.id}: {_one_line(exc)}"))
    return out


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _results(chunk: list[Item], outcomes: list[tuple[Any, str | None]]) -> Iterator[Result]:
    for item, (value, error) in zip(chunk, outcomes):
        yield Result(item.id, item.fields, value, error)


def _sequential(items: Iterable[Item], job: Callable[[Item], T]) -> Iterator[Result[T]]:
    for item in items:
        if item.error is not None:
            yield Result(item.id, item.fields, None, item.error)
        else:
            yield from _results([item], run_chunk(job, [item]))


def _ordered(submit: Callable[[list[Item]], Any], wait: Callable[[Any], list],
             items: Iterable[Item], chunk_size: int, window: int) -> Iterator[Result]:
    """Submit chunks of loadable items, at most `window` at a time, and yield every item's
    result in input order (items that failed to load included)."""
    pending: deque[tuple[list[Item], Any]] = deque()  # (chunk, future or None for load errors)
    for chunk in _chunks(items, chunk_size):
        loaded = [i for i in chunk if i.error is None]
        pending.append((chunk, submit(loaded) if loaded else None))
        while len(pending) >= window:
            yield from _drain(pending.popleft(), wait)
    while pending:
        yield from _drain(pending.popleft(), wait)


def _drain(entry: tuple[list[Item], Any], wait: Callable[[Any], list]) -> Iterator[Result]:
    chunk, future = entry
    outcomes = iter(wait(future) if future is not None else ())
    for item in chunk:
        if item.error is not None:
            yield Result(item.id, item.fields, None, item.error)
        else:
            value, error = next(outcomes)
            yield Result(item.id, item.fields, value, error)


def _exit_with_parent(parent: int) -> None:
    """Worker initializer: leave when the batch's process is gone (killed with SIGKILL, its
    workers would otherwise wait for work forever)."""
    import os
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _local_pool(items: Iterable[Item], job: Callable[[Item], T], jobs: int,
                chunk_size: int) -> Iterator[Result[T]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # spawn: workers start clean (no inherited threads, e.g. a progress bar's)
    import os

    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_exit_with_parent, initargs=(os.getpid(),))

    def wait(future: Any) -> list:
        try:
            return future.result()
        except BrokenProcessPool:
            raise BatchError("a worker process died (out of memory?); the batch stopped") from None

    try:
        yield from _ordered(lambda chunk: pool.submit(run_chunk, job, chunk), wait, items,
                            chunk_size, jobs * IN_FLIGHT_PER_JOB)
    finally:  # also when the consumer stops early: drop what has not started
        pool.shutdown(wait=True, cancel_futures=True)


def _dask(items: Iterable[Item], job: Callable[[Item], T], jobs: int, chunk_size: int,
          scheduler: str | None) -> Iterator[Result[T]]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise BatchError('--engine dask needs Dask: pip install "framing[dask]"') from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise BatchError(f"cannot reach the Dask scheduler {scheduler}: {_one_line(exc)}") from None
    try:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        yield from _ordered(lambda chunk: client.submit(run_chunk, job, chunk, pure=False),
                            lambda future: future.result(), items, chunk_size,
                            workers * IN_FLIGHT_PER_JOB)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run(items: Iterable[Item], job: Callable[[Item], T], *, jobs: int = 1,
        engine: str = "local", scheduler: str | None = None, chunk_size: int = 8,
        progress: Callable[[Result[T]], None] | None = None) -> Iterator[Result[T]]:
    """Run `job` on every article of `items`; yield a `Result` for each, in input order."""
    if jobs < 1:
        raise BatchError(f"--jobs must be at least 1 (got {jobs})")
    if engine not in ENGINES:
        raise BatchError(f"unknown engine {engine!r} (one of {', '.join(ENGINES)})")
    if engine == "dask":
        results = _dask(items, job, jobs, chunk_size, scheduler)
    elif jobs == 1:
        results = _sequential(items, job)
    else:
        results = _local_pool(items, job, jobs, chunk_size)
    for result in results:
        if progress is not None:
            progress(result)
        yield result
