"""The batch runner and `analyse` over many articles: order, failures, memory, formats,
atomic output, and the Dask engine (a real distributed.LocalCluster)."""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.batch import BatchError, run
from framing.cli import main
from framing.corpus import Item, items
from framing.load import text_document

from .conftest import ROOT, SAMPLES

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("port-*.txt"))]


def length_job(item: Item) -> int:
    """A picklable job: the article's length; fails on purpose for ids ending in 'boom'."""
    if item.id.endswith("boom"):
        raise ValueError("this article is cursed")
    return len(item.doc.text)


def make_items(n: int) -> list[Item]:
    return [Item(f"a{i}" + ("boom" if i % 7 == 3 else ""),
                 text_document(TEXTS[i % len(TEXTS)], f"a{i}")) for i in range(n)]


def write_corpus(path: Path, n: int, bad: tuple[int, ...] = ()) -> Path:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as fh:
        for i in range(n):
            record = {"id": f"doc-{i:04d}", "outlet": "Invented Daily", "text": TEXTS[i % len(TEXTS)]}
            fh.write(("{not json\n" if i in bad else json.dumps(record) + "\n"))
    return path


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_in_order_and_failures_do_not_stop_the_run(jobs):
    source = make_items(30)
    source[5] = Item("missing.txt", None, error="missing.txt: no such file")
    got = list(run(source, length_job, jobs=jobs, chunk_size=4))
    assert [r.id for r in got] == [i.id for i in source]
    for item, result in zip(source, got):
        if item.error:
            assert result.error == item.error and result.value is None
        elif item.id.endswith("boom"):
            assert result.error == f"{item.id}: this article is cursed" and result.value is None
        else:
            assert result.error is None and result.value == len(item.doc.text)


def test_memory_is_bounded_by_the_work_in_flight():
    consumed = 0

    def lazily():
        nonlocal consumed
        for item in make_items(200):
            consumed += 1
            yield item

    yielded = 0
    worst = 0
    for _ in run(lazily(), length_job, jobs=2, chunk_size=4):
        yielded += 1
        worst = max(worst, consumed - yielded)
    assert yielded == 200
    assert worst <= (2 * 4 + 1) * 4  # jobs × 4 chunks in flight, plus the one being read


def test_bad_settings_are_batch_errors():
    with pytest.raises(BatchError, match="--jobs"):
        list(run([], length_job, jobs=0))
    with pytest.raises(BatchError, match="engine"):
        list(run([], length_job, engine="spark"))


# --- through the command line -------------------------------------------------------------

def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_corpus_streams_one_article_a_line_with_its_id(tmp_path, jobs):
    corpus = write_corpus(tmp_path / "c.jsonl.gz", 12)
    result = invoke("analyse", str(corpus), "--format", "jsonl", "--jobs", jobs)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in lines] == [f"doc-{i:04d}" for i in range(12)]
    for doc in lines:
        assert doc["scores"] and doc["sentences"]
        assert all(doc["text"][f["start"]:f["end"]] == f["text"] for f in doc["flags"])


def test_jobs_give_the_same_report_as_one_process(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 10)
    one = invoke("analyse", str(corpus), "--format", "jsonl")
    two = invoke("analyse", str(corpus), "--format", "jsonl", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout


def test_csv_has_a_header_and_a_row_of_scores_per_article(tmp_path):
    out = tmp_path / "scores.csv"
    result = invoke("analyse", str(SAMPLES / "port-*.txt"), "--format", "csv", "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [Path(r["id"]).name for r in rows] == sorted(p.name for p in SAMPLES.glob("port-*.txt"))
    loaded = next(r for r in rows if r["id"].endswith("port-loaded.txt"))
    neutral = next(r for r in rows if r["id"].endswith("port-neutral.txt"))
    assert float(loaded["loaded_per_1000_words"]) > float(neutral["loaded_per_1000_words"])
    assert int(loaded["word_count"]) > 0 and int(loaded["loaded_count"]) > 0


def test_a_failing_article_is_reported_by_id_and_exit_is_1(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 6, bad=(2,))
    out = tmp_path / "r.jsonl"
    result = invoke("analyse", str(corpus), str(tmp_path / "absent.txt"), "--format", "jsonl",
                    "-o", str(out))
    assert result.exit_code == 1
    assert f"framing: error: {corpus}:3: not valid JSON" in result.stderr
    assert f"framing: error: {tmp_path / 'absent.txt'}: no such file" in result.stderr
    assert "2 article(s) failed" in result.stderr
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == [
        "doc-0000", "doc-0001", "doc-0003", "doc-0004", "doc-0005"]


def test_directory_input_gives_one_report_for_every_article():
    result = invoke("analyse", str(SAMPLES), "--format", "json")
    assert result.exit_code == 0, result.output
    sources = [a["source"] for a in json.loads(result.stdout)["articles"]]
    assert len(sources) == len(list(items([str(SAMPLES)]))) >= 6


def test_single_missing_file_is_still_exit_2_on_one_line(tmp_path):
    result = invoke("analyse", str(tmp_path / "nope.txt"), "--format", "jsonl")
    assert result.exit_code == 2
    assert result.stderr == f"framing: error: {tmp_path / 'nope.txt'}: no such file\n"
    assert invoke("analyse", str(tmp_path / "nope.jsonl.gz")).exit_code == 2
    assert invoke("analyse", str(tmp_path / "none-*.md")).exit_code == 2


def test_no_progress_bar_when_not_a_terminal(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 3)
    result = invoke("analyse", str(corpus), "--format", "jsonl")
    assert result.exit_code == 0 and result.stderr == ""


# --- killed runs leave no partial output ------------------------------------------------

@pytest.mark.parametrize("sig,jobs", [(signal.SIGTERM, "1"), (signal.SIGTERM, "2"),
                                     (signal.SIGINT, "2"), (signal.SIGHUP, "2"),
                                     (signal.SIGKILL, "2")])
def test_a_killed_run_leaves_no_partial_output(tmp_path, sig, jobs):
    corpus = write_corpus(tmp_path / "big.jsonl", 3000)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "framing", "analyse", str(corpus), "--format",
                             "jsonl", "-o", str(out), "--quiet", "--jobs", jobs], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait until the run is writing
        partial = [p for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl.")]
        if partial and partial[0].stat().st_size > 0:
            break
        assert proc.poll() is None, proc.stderr.read()
        time.sleep(0.05)
    else:
        pytest.fail("the run never started writing")
    proc.send_signal(sig)
    proc.wait(timeout=60)  # a clean stop, not a hang waiting for the worker pool
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert "Traceback" not in err
    if sig == signal.SIGINT:
        assert err == "framing: interrupted\n"
    assert not out.exists()
    assert _workers_gone(proc.pid), "worker processes outlived the run"
    if sig != signal.SIGKILL:  # a clean stop also removes its temporary file
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl.")]
        assert proc.returncode == 128 + sig  # the shell's convention: 130 for Ctrl-C


def _workers_gone(parent: int, wait: float = 10.0) -> bool:
    """True once no process started by `parent` (its spawned workers) is left."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        children = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:  # a process may end between the two reads: then it is gone
                fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines()
                              if ":\t" in line)
                cmdline = status.with_name("cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            if "spawn_main" in cmdline and str(ROOT) in cmdline \
                    and fields.get("PPid", "").strip() in (str(parent), "1"):
                children.append(status)
        if not children:
            return True
        time.sleep(0.2)
    return False


# --- Dask ------------------------------------------------------------------------------------

def test_dask_local_cluster_gives_the_single_process_results(tmp_path):
    pytest.importorskip("distributed", reason='needs the dask extra: pip install ".[dask]"')
    from distributed import LocalCluster

    from framing.jobs import AnalyseJob

    corpus = write_corpus(tmp_path / "c.jsonl.gz", 14, bad=(4,))
    job = AnalyseJob(output="jsonl")
    local = [(r.id, r.value, r.error) for r in run(items([str(corpus)]), job)]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        dask = [(r.id, r.value, r.error) for r in
                run(items([str(corpus)]), job, engine="dask", scheduler=cluster.scheduler_address,
                    chunk_size=3)]
        result = invoke("analyse", str(corpus), "--format", "jsonl", "--engine", "dask",
                        "--scheduler", cluster.scheduler_address)
    assert dask == local
    assert sum(1 for _, _, error in dask if error) == 1
    assert result.exit_code == 1
    assert result.stdout == "".join(value for _, value, error in local if not error)


def test_dask_without_a_reachable_scheduler_is_one_line_exit_2(tmp_path):
    pytest.importorskip("distributed", reason='needs the dask extra: pip install ".[dask]"')
    corpus = write_corpus(tmp_path / "c.jsonl", 2)
    result = invoke("analyse", str(corpus), "--format", "jsonl", "--engine", "dask",
                    "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2 and result.stderr.startswith("framing: error: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_scheduler_without_dask_engine_is_a_usage_error():
    result = invoke("analyse", str(SAMPLES / "port-loaded.txt"), "--scheduler", "tcp://x:1")
    assert result.exit_code == 2 and "--engine dask" in result.stderr
