"""Benchmark framing against the peers a user would pick instead: `python benchmarks/run.py`.

Measures, as medians over --runs runs: whole-command wall time and peak memory on one article,
throughput (words/s) of each tool's in-process call on ~1 MB of text, and framing's slowest
imports. framing runs under this interpreter; the peers (proselint, vaderSentiment) run in
their own virtualenv, benchmarks/.venv-peers, created on first use. See benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from inprocess import SENTENCE_BREAK

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEED = REPO.parent / "shared" / "seeds" / "000_919a4ef16de5fa8c.txt"
FALLBACK = REPO / "samples" / "port-loaded.txt"
PEER_VENV = HERE / ".venv-peers"
PEERS = {"proselint": "proselint==0.16.0", "vaderSentiment": "vaderSentiment==3.3.2"}
RUN_TIMEOUT = 120.0      # seconds, for every single run
INSTALL_TIMEOUT = 600.0  # seconds, for creating the venv and each pip install
BIG_BYTES = 1_000_000
STARTUP_GOAL = 0.5       # seconds, framing's design goal for the whole command
VADER_ONE_LINER = (
    "import re, sys; from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer; "
    "a = SentimentIntensityAnalyzer(); "
    f"[print(a.polarity_scores(s)['compound'], s) for s in re.split({SENTENCE_BREAK!r}, "
    "open(sys.argv[1], encoding='utf-8').read()) if s.strip()]")


class RunFailed(Exception):
    """A measured command failed, timed out or could not start."""


@dataclass
class Tool:
    """One table row: a whole command to time and, optionally, an in-process operation."""

    name: str
    what: str
    command: list[str]
    ok_codes: tuple[int, ...] = (0,)
    inprocess: str | None = None      # key in inprocess.OPERATIONS
    python: str = sys.executable      # interpreter for the in-process measurement
    unavailable: str | None = None    # why this tool cannot be measured
    results: dict = field(default_factory=dict)


def require_framing() -> str:
    """Return framing's version, or exit 2 telling the user to install it."""
    try:
        import framing
    except ImportError:
        print(f"framing is not installed for {sys.executable}.\n"
              f"Run `pip install .` in {REPO} (with this Python), then run this again.",
              file=sys.stderr)
        sys.exit(2)
    return framing.__version__


def make_inputs(workdir: Path) -> tuple[Path, Path, str]:
    """Copy the article into `workdir` and write it repeated to ~1 MB; return paths and a note."""
    source, note = SEED, f"seed article {SEED}"
    if not SEED.is_file():
        source, note = FALLBACK, f"{SEED} is absent: using the project's sample {FALLBACK}"
    text = source.read_text(encoding="utf-8")
    article = workdir / source.name
    article.write_text(text, encoding="utf-8")
    copies = math.ceil(BIG_BYTES / len(text.encode("utf-8")))
    big = workdir / "big.txt"
    big.write_text("\n\n".join([text] * copies), encoding="utf-8")
    return article, big, f"{note}; throughput text: the article x{copies}"


def peer_python() -> tuple[str | None, dict[str, str]]:
    """Create or reuse the peers' venv and install each peer; return its python and failures."""
    python = PEER_VENV / "bin" / "python"
    try:
        if not python.exists():
            log(f"creating {PEER_VENV} ...")
            subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True,
                           capture_output=True, text=True, timeout=INSTALL_TIMEOUT)
    except (subprocess.SubprocessError, OSError) as exc:
        return None, {peer: f"cannot create {PEER_VENV}: {reason(exc)}" for peer in PEERS}
    failures = {}
    for peer, spec in PEERS.items():
        log(f"pip install {spec} into {PEER_VENV.name} ...")
        try:
            subprocess.run([str(python), "-m", "pip", "install", "-q",
                            "--disable-pip-version-check", spec], check=True,
                           capture_output=True, text=True, timeout=INSTALL_TIMEOUT)
        except (subprocess.SubprocessError, OSError) as exc:
            failures[peer] = f"pip install {spec} failed: {reason(exc)}"
    return str(python), failures


def reason(exc: BaseException) -> str:
    """Why a subprocess failed: the last line of its stderr, else the exception text."""
    return last_line(getattr(exc, "stderr", None)) or str(exc)


def last_line(text: str | bytes | None) -> str:
    """The last non-empty line of `text` ("" if none)."""
    if isinstance(text, bytes):
        text = text.decode(errors="replace")
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return lines[-1] if lines else ""


def run_once(command: list[str], cwd: Path, ok_codes: tuple[int, ...]) -> tuple[float, float]:
    """Run `command` once via launch.py; return (wall seconds, peak RSS in MB)."""
    try:
        done = subprocess.run([sys.executable, "-I", "-S", str(HERE / "launch.py"),
                               str(RUN_TIMEOUT), *command], cwd=cwd, capture_output=True,
                              text=True, timeout=RUN_TIMEOUT + 30, check=True)
    except (subprocess.SubprocessError, OSError) as exc:
        raise RunFailed(f"launch.py failed: {reason(exc)}") from None
    result = json.loads(done.stdout)
    if result["timed_out"]:
        raise RunFailed(f"timed out after {RUN_TIMEOUT:.0f} s")
    if result["exit"] not in ok_codes:
        raise RunFailed(f"exit {result['exit']}: {last_line(done.stderr)}")
    return result["seconds"], result["peak_mb"]


def whole_command(tool: Tool, cwd: Path, runs: int) -> dict:
    """Time the whole command `runs` times after one warm-up run (fills caches, writes .pyc)."""
    run_once(tool.command, cwd, tool.ok_codes)
    samples = [run_once(tool.command, cwd, tool.ok_codes) for _ in range(runs)]
    seconds, peak_mb = [s for s, _ in samples], [m for _, m in samples]
    return {"seconds": seconds, "peak_mb": peak_mb,
            "median_s": statistics.median(seconds), "median_peak_mb": statistics.median(peak_mb)}


def throughput(tool: Tool, big: Path, words: int, runs: int) -> dict:
    """Words/s of the tool's in-process call on `big`, via inprocess.py in the tool's Python."""
    try:
        done = subprocess.run([tool.python, str(HERE / "inprocess.py"), str(tool.inprocess),
                               str(big), str(runs)], cwd=big.parent, capture_output=True,
                              text=True, timeout=RUN_TIMEOUT * (runs + 1), check=True)
    except (subprocess.SubprocessError, OSError) as exc:
        raise RunFailed(reason(exc)) from None
    seconds = json.loads(done.stdout.splitlines()[-1])["seconds"]
    median = statistics.median(seconds)
    return {"seconds": seconds, "words": words, "median_s": median, "words_per_s": words / median}


def slowest_imports(command: list[str], cwd: Path, runs: int, top: int = 5) -> list[dict]:
    """The `top` imports with the highest median self time under `python -X importtime`."""
    self_us: dict[str, list[int]] = {}
    cumulative_us: dict[str, list[int]] = {}
    line = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| \s*(\S+)")
    for _ in range(runs):
        try:
            done = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                                  timeout=RUN_TIMEOUT, check=True)
        except (subprocess.SubprocessError, OSError) as exc:
            raise RunFailed(reason(exc)) from None
        for own, cumulative, module in line.findall(done.stderr):
            self_us.setdefault(module, []).append(int(own))
            cumulative_us.setdefault(module, []).append(int(cumulative))
    rows = [{"module": m, "self_ms": statistics.median(v) / 1000,
             "cumulative_ms": statistics.median(cumulative_us[m]) / 1000}
            for m, v in self_us.items()]
    return sorted(rows, key=lambda r: r["self_ms"], reverse=True)[:top]


def tools(article: Path, peers_python: str | None, failures: dict[str, str]) -> list[Tool]:
    """The table's rows: framing (two report formats), the peers and the empty-Python floor."""
    script = Path(sys.executable).parent / "framing"
    framing = [str(script)] if script.exists() else [sys.executable, "-m", "framing"]
    peer_bin = Path(peers_python or "").parent
    return [
        Tool("framing analyse --format json", "framing annotations, JSON",
             [*framing, "analyse", article.name, "--format", "json"], inprocess="framing"),
        Tool("framing analyse", "framing annotations, text report",
             [*framing, "analyse", article.name]),
        Tool("framing check --format line", "framing lint findings (no classifier)",
             [*framing, "check", article.name, "--format", "line"], ok_codes=(0, 1)),
        Tool(f"proselint check ({PEERS['proselint']})", "prose linter, default checks",
             [str(peer_bin / "proselint"), "check", article.name], ok_codes=(0, 1),
             inprocess="proselint", python=str(peers_python),
             unavailable=failures.get("proselint")),
        Tool(f"VADER one-liner ({PEERS['vaderSentiment']})", "sentiment score per sentence",
             [str(peers_python), "-c", VADER_ONE_LINER, article.name], inprocess="vader",
             python=str(peers_python), unavailable=failures.get("vaderSentiment")),
        Tool("python -c pass", "floor: interpreter start-up", [sys.executable, "-c", "pass"]),
    ]


def attempt(measurement: Callable[[], dict]) -> dict:
    """The measurement's figures, or {"error": why} if it failed."""
    try:
        return measurement()
    except RunFailed as exc:
        return {"error": str(exc)}


def measure(tool: Tool, article: Path, big: Path, words: int, runs: int) -> None:
    """Fill `tool.results` with whole-command and (if any) throughput figures or errors."""
    log(f"measuring {tool.name} ...")
    tool.results["whole_command"] = attempt(lambda: whole_command(tool, article.parent, runs))
    if tool.inprocess:
        tool.results["throughput"] = attempt(lambda: throughput(tool, big, words, runs))


def cell(result: dict | None, key: str, fmt: str) -> str:
    """One table cell: the formatted median, "failed" or "-" (not measured)."""
    if result is None:
        return "-"
    return "failed" if "error" in result else format(result[key], fmt)


def table(header: list[str], rows: list[list[str]], left: int = 2) -> str:
    """A plain-text table; the first `left` columns left-aligned, the others right-aligned."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for r in [header, ["-" * w for w in widths], *rows]:
        lines.append("  ".join(c.ljust(w) if i < left else c.rjust(w)
                               for i, (c, w) in enumerate(zip(r, widths))))
    return "\n".join(lines)


def report(all_tools: list[Tool], imports: list[dict] | str, machine: str, inputs: str,
           runs: int) -> str:
    """The printed report: the comparison table, notes on failures, and the import table."""
    rows, notes = [], []
    for t in all_tools:
        if t.unavailable:
            rows.append([t.name, t.what, "not available", "-", "-"])
            notes.append(f"{t.name}: not available: {t.unavailable}")
            continue
        whole, through = t.results.get("whole_command"), t.results.get("throughput")
        rows.append([t.name, t.what, cell(whole, "median_s", ".3f"),
                     cell(through, "words_per_s", ",.0f"), cell(whole, "median_peak_mb", ".1f")])
        notes += [f"{t.name}: {k} failed: {r['error']}"
                  for k, r in t.results.items() if "error" in r]
    out = [machine, inputs, f"medians of {runs} runs (after one warm-up run each)", "",
           table(["tool", "what it does", "whole-command s", "words/s", "peak MB"], rows)]
    framing_s = all_tools[0].results.get("whole_command", {}).get("median_s")
    if framing_s is not None:
        met = "met" if framing_s < STARTUP_GOAL else "NOT met"
        out.append(f"\nframing's start-up goal (whole command < {STARTUP_GOAL} s): {met}")
    out += [f"note: {n}" for n in notes]
    out.append("\nslowest imports of `framing analyse ARTICLE --format json` (python -X importtime)")
    if isinstance(imports, str):
        out.append(f"failed: {imports}")
    else:
        out.append(table(["module", "self ms", "cumulative ms"],
                         [[r["module"], f"{r['self_ms']:.1f}", f"{r['cumulative_ms']:.1f}"]
                          for r in imports], left=1))
    return "\n".join(out)


def log(message: str) -> None:
    """Progress on stderr, so stdout carries only the report."""
    print(message, file=sys.stderr, flush=True)


def main() -> None:
    """Parse arguments, set up the peers, measure every tool and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (default 7)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also save the raw numbers")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    version = require_framing()
    peers_python, failures = peer_python()
    nproc = len(os.sched_getaffinity(0))
    machine = (f"machine: nproc {nproc}, Python {platform.python_version()} "
               f"({platform.machine()}), framing {version}, {time.strftime('%Y-%m-%d %H:%M %Z')}")
    with tempfile.TemporaryDirectory(prefix="framing-bench-") as tmp:
        article, big, inputs = make_inputs(Path(tmp))
        words = len(big.read_text(encoding="utf-8").split())
        inputs += f" = {big.stat().st_size:,} bytes, {words:,} words"
        all_tools = tools(article, peers_python, failures)
        for tool in all_tools:
            if not tool.unavailable:
                measure(tool, article, big, words, args.runs)
        log("measuring framing's imports ...")
        try:
            imports: list[dict] | str = slowest_imports(
                [sys.executable, "-X", "importtime", "-m", "framing", "analyse", article.name,
                 "--format", "json"], article.parent, args.runs)
        except RunFailed as exc:
            imports = str(exc)
    print(report(all_tools, imports, machine, inputs, args.runs))
    if args.json:
        args.json.write_text(json.dumps({
            "machine": machine, "inputs": inputs, "runs": args.runs, "imports": imports,
            "tools": [{"name": t.name, "what": t.what, "command": t.command,
                       "unavailable": t.unavailable, **t.results} for t in all_tools],
        }, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
