"""Time one tool's analysis call in-process: `python inprocess.py TOOL FILE RUNS`.

run.py starts this under each tool's own interpreter (framing's, or the peers' virtualenv).
It reads FILE (a text, or JSON lines with one article in each "text": then every run
analyses every article, one call each), makes one untimed warm-up pass, then times RUNS
passes (the calls only: no import, no file reading) and prints {"seconds": [...],
"cpu_seconds": [...], "words": [...]} as JSON on stdout. With `--fresh` the articles are cut
into RUNS + 1 equal slices, the warm-up takes the first and each timed pass the next, so no
pass sees an article twice (what a batch sees: caches of repeated text do not flatter the
figure). CPU seconds are this process's own, so they hold up when other processes share the
machine. Standard library only.
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


def time_calls(op: Callable[[str], object], passes: list[list[str]]) -> dict[str, list]:
    """Wall and CPU seconds, and words, of each pass of `op` over its texts; the first pass
    is an untimed warm-up."""
    for text in passes[0]:
        op(text)
    out: dict[str, list] = {"seconds": [], "cpu_seconds": [], "words": []}
    for texts in passes[1:]:
        start, start_cpu = time.perf_counter(), time.process_time()
        for text in texts:
            op(text)
        out["seconds"].append(time.perf_counter() - start)
        out["cpu_seconds"].append(time.process_time() - start_cpu)
        out["words"].append(sum(len(text.split()) for text in texts))
    return out


def read_texts(path: Path) -> list[str]:
    """The text of FILE, or the "text" of each JSON line of a .jsonl FILE."""
    if path.suffix == ".jsonl":
        return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    return [path.read_text(encoding="utf-8")]


def main() -> None:
    """Command line: TOOL FILE RUNS [--fresh]."""
    tool, path, runs = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    texts = read_texts(path)
    if sys.argv[4:] == ["--fresh"]:
        size = len(texts) // (runs + 1)
        passes = [texts[k * size:(k + 1) * size] for k in range(runs + 1)]
    else:
        passes = [texts] * (runs + 1)
    print(json.dumps(time_calls(OPERATIONS[tool](), passes)))


if __name__ == "__main__":
    main()
