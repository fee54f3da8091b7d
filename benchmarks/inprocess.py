"""Time one tool's analysis call in-process: `python inprocess.py TOOL FILE RUNS`.

run.py starts this under each tool's own interpreter (framing's, or the peers' virtualenv).
It reads FILE (a text, or JSON lines with one article in each "text": then every run
analyses every article, one call each), makes one untimed warm-up pass, then times RUNS
passes (the calls only: no import, no file reading) and prints {"seconds": [...],
"cpu_seconds": [...]} as JSON on stdout. CPU seconds are this process's own, so they hold
up when other processes share the machine. Standard library only.
"""
from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

# Line breaks first, then sentence ends: what VADER is fed, in-process and in the one-liner.
SENTENCE_BREAK = r"\n+|(?<=[.!?])\s+"


def framing_op() -> Callable[[str], object]:
    """framing's public API: the full analysis (segment, annotate, score)."""
    import framing

    return framing.analyse


def proselint_op() -> Callable[[str], object]:
    """proselint's check API with all default checks and no cap on the number of results."""
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    config = {**DEFAULT, "max_errors": sys.maxsize}  # default 1000 would stop checks early
    return lambda text: LintFile("<benchmark>", text).lint(config)


def vader_op() -> Callable[[str], object]:
    """VADER polarity scores for every line/sentence (the split is timed too)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    return lambda text: [analyzer.polarity_scores(s)
                         for s in re.split(SENTENCE_BREAK, text) if s.strip()]


OPERATIONS: dict[str, Callable[[], Callable[[str], object]]] = {
    "framing": framing_op, "proselint": proselint_op, "vader": vader_op}


def time_calls(op: Callable[[str], object], texts: list[str],
               runs: int) -> tuple[list[float], list[float]]:
    """(wall, CPU) seconds of each of `runs` passes of `op` over the texts, after a warm-up."""
    for text in texts:
        op(text)
    seconds, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        for text in texts:
            op(text)
        seconds.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return seconds, cpu


def read_texts(path: Path) -> list[str]:
    """The text of FILE, or the "text" of each JSON line of a .jsonl FILE."""
    if path.suffix == ".jsonl":
        return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    return [path.read_text(encoding="utf-8")]


def main() -> None:
    """Command line: TOOL FILE RUNS."""
    tool, path, runs = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    seconds, cpu = time_calls(OPERATIONS[tool](), read_texts(path), runs)
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu}))


if __name__ == "__main__":
    main()
