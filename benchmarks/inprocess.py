"""Time one tool's analysis call in-process: `python inprocess.py TOOL FILE RUNS`.

run.py starts this under each tool's own interpreter (framing's, or the peers' virtualenv).
It reads FILE, makes one untimed warm-up call, then times RUNS calls (the call only: no
import, no file reading) and prints {"seconds": [...]} as JSON on stdout.
Standard library only, so it runs in any environment.
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


def time_calls(op: Callable[[str], object], text: str, runs: int) -> list[float]:
    """Seconds for each of `runs` calls of `op(text)`, after one warm-up call."""
    op(text)
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        op(text)
        seconds.append(time.perf_counter() - start)
    return seconds


def main() -> None:
    """Command line: TOOL FILE RUNS."""
    tool, path, runs = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    text = path.read_text(encoding="utf-8")
    print(json.dumps({"seconds": time_calls(OPERATIONS[tool](), text, runs)}))


if __name__ == "__main__":
    main()
