"""The command line: formats, output files, colour, help, and an exit code for every bad input."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing import __version__
from framing.cli import main

from .conftest import SAMPLES

LOADED = str(SAMPLES / "port-loaded.txt")


def run(*args: str, input: bytes | None = None, env: dict | None = None):
    return CliRunner().invoke(main, list(args), input=input, env=env)


def test_analyse_text_report_teaches():
    result = run("analyse", LOADED, "--no-color")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "why:" in out and "instead:" in out and "Summary" in out
    assert "Readability: Flesch reading ease" in out
    assert "\x1b[" not in out


def test_json_contract_offsets_and_keys():
    result = run("analyse", LOADED, "--format", "json")
    doc = json.loads(result.output)
    assert doc["schema"] == "framing/1" and doc["version"] == __version__
    article = doc["articles"][0]
    assert {"source", "title", "text", "word_count", "scores", "sentences", "flags"} <= set(article)
    assert {"loaded_per_1000_words", "hedges_per_1000_words", "boosters_per_1000_words",
            "assertion_mean", "biased_sentence_share", "readability"} <= set(article["scores"])
    assert article["flags"], "the loaded sample must produce flags"
    for flag in article["flags"]:
        assert article["text"][flag["start"]:flag["end"]] == flag["text"]
        assert flag["kind"] in {"loaded", "hedge", "booster", "anonymous", "report_verb", "scare_quote"}
        assert isinstance(flag["in_quote"], bool) and isinstance(flag["alternatives"], list)
    for sentence in article["sentences"]:
        assert {"index", "start", "end", "assertion", "bias_probability", "voice"} <= set(sentence)


def test_markdown_report():
    result = run("analyse", LOADED, "--format", "markdown")
    assert result.exit_code == 0
    assert result.output.startswith("# ") and "## Flags" in result.output
    assert "| kind | writer | reported | in quotes | per 1,000 words |" in result.output


def test_stdin_markdown_draft():
    data = (SAMPLES / "port-draft.md").read_bytes()
    result = run("analyse", "-", "--format", "json", input=data)
    assert result.exit_code == 0, result.output
    article = json.loads(result.output)["articles"][0]
    assert article["source"] == "-" and article["title"]


def test_output_file_is_written_and_never_overwritten(tmp_path: Path):
    out = tmp_path / "report.json"
    assert run("analyse", LOADED, "--format", "json", "-o", str(out)).exit_code == 0
    first = out.read_text(encoding="utf-8")
    assert json.loads(first)["articles"]
    again = run("analyse", LOADED, "-o", str(out))
    assert again.exit_code == 2 and "already exists" in again.output
    assert out.read_text(encoding="utf-8") == first
    assert run("analyse", LOADED, "-o", str(out), "--force").exit_code == 0
    assert "Summary" in out.read_text(encoding="utf-8")


def test_output_may_not_be_an_input(tmp_path: Path):
    src = tmp_path / "a.txt"
    src.write_text("The council met on Monday.", encoding="utf-8")
    result = run("analyse", str(src), "-o", str(src), "--force")
    assert result.exit_code == 2 and "is one of the inputs" in result.output
    assert src.read_text(encoding="utf-8") == "The council met on Monday."


def test_no_color_environment_variable():
    result = run("analyse", LOADED, env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert result.exit_code == 0 and "\x1b[" not in result.output


def test_force_color_gives_ansi():
    result = run("analyse", LOADED, env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\x1b[" in result.output


@pytest.mark.parametrize("make, message", [
    (lambda d: str(d / "missing.txt"), "no such file"),
    (lambda d: str(d), "directory holds no .txt, .md or .html files"),
    (lambda d: _write(d / "bin.dat", b"\x89PNG\r\n\x1a\n\x00\x00"), "binary"),
    (lambda d: _write(d / "nul.txt", b"abc\x00\x01def"), "binary"),
    (lambda d: _write(d / "latin.txt", "café".encode("latin-1")), "not UTF-8"),
    (lambda d: _write(d / "empty.txt", b""), "is empty"),
    (lambda d: _write(d / "blank.txt", b"  \n\n "), "is empty"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, make, message):
    result = run("analyse", make(tmp_path))
    assert result.exit_code == 2
    assert message in result.output
    assert result.output.count("\n") == 1 and result.output.startswith("framing: error:")
    assert "Traceback" not in result.output


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_empty_stdin_exit_2():
    result = run("analyse", "-", input=b"")
    assert result.exit_code == 2 and "-: is empty" in result.output


@pytest.mark.parametrize("args", [
    ["analyse"], ["analyse", LOADED, "--format", "pdf"], ["frobnicate"],
])
def test_usage_errors_exit_2(args):
    assert run(*args).exit_code == 2


def test_bad_user_lexicon_exit_2(tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[lexicon]\nkind = 'loaded'\n[[entry]]\nid = 'loaded.x'\n", encoding="utf-8")
    result = run("analyse", LOADED, "--lexicon", str(bad))
    assert result.exit_code == 2 and "missing" in result.output
    broken = tmp_path / "broken.toml"
    broken.write_text("[lexicon\n", encoding="utf-8")
    assert run("analyse", LOADED, "--lexicon", str(broken)).exit_code == 2


@pytest.mark.parametrize("command", [[], ["analyse"], ["lexicon"], ["lexicon", "list"],
                                     ["lexicon", "validate"], ["explain"]])
def test_help_everywhere(command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_explain_kind_entry_and_unknown():
    kind = run("explain", "hedge")
    assert kind.exit_code == 0 and "what it is:" in kind.output
    entry = run("explain", "hedge.reportedly")
    assert entry.exit_code == 0 and "why it matters:" in entry.output
    assert "flags:" in entry.output and "does not flag:" in entry.output
    scare = run("explain", "scare_quote")
    assert scare.exit_code == 0 and "speaker" in scare.output
    word = run("explain", "regime")
    assert word.exit_code == 0 and word.output.startswith("loaded.regime")
    unknown = run("explain", "hedge.reportedlyy")
    assert unknown.exit_code == 2 and "did you mean hedge.reportedly" in unknown.output


def test_lexicon_list_and_validate():
    listed = run("lexicon", "list", "--kind", "booster")
    assert listed.exit_code == 0 and "booster.clearly" in listed.output
    assert "hedge." not in listed.output
    valid = run("lexicon", "validate")
    assert valid.exit_code == 0 and "all pass" in valid.output


def test_validate_reports_failing_example_with_exit_1(tmp_path: Path):
    user = tmp_path / "newsroom.toml"
    user.write_text("""
[lexicon]
kind = "loaded"
[[entry]]
id = "loaded.newsroom_test"
term = "rampage"
forms = ["rampage"]
category = "dysphemism"
weight = 0.5
explanation = "Test entry."
alternatives = []
flag = ["The storm went on a tear."]
pass = ["The rampage ended."]
source = "test"
""", encoding="utf-8")
    result = run("lexicon", "validate", str(user))
    assert result.exit_code == 1
    assert "should flag: The storm went on a tear." in result.output
    assert "should not flag: The rampage ended." in result.output


def test_user_lexicon_adds_a_term(tmp_path: Path):
    user = tmp_path / "newsroom.toml"
    user.write_text("""
[lexicon]
kind = "loaded"
[[entry]]
id = "loaded.newsroom_quay"
term = "quay grab"
forms = ["quay grab", "quay grabs"]
category = "dysphemism"
weight = 0.5
explanation = "Casts a lease as theft."
alternatives = ["quay lease"]
flag = ["Critics called it a quay grab."]
pass = ["The quay was busy."]
source = "newsroom style guide"
""", encoding="utf-8")
    text = "Opponents denounced the quay grab on Monday.".encode()
    result = run("analyse", "-", "--format", "json", "--lexicon", str(user), input=text)
    ids = [f["id"] for f in json.loads(result.output)["articles"][0]["flags"]]
    assert "loaded.newsroom_quay" in ids


SCRIPT = Path(sys.executable).with_name("framing")


@pytest.mark.skipif(not SCRIPT.exists(),
                    reason="the `framing` console script is not installed beside this Python")
def test_installed_console_script_runs_from_elsewhere(tmp_path: Path):
    """The installed package (lexicons as package data) works outside the source tree."""
    sample = tmp_path / "s.txt"
    shutil.copy(LOADED, sample)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run([str(SCRIPT), "analyse", str(sample), "--format", "json"], cwd=tmp_path,
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["articles"][0]["flags"]
    missing = subprocess.run([str(SCRIPT), "analyse", "nope.txt"], cwd=tmp_path,
                             capture_output=True, text=True, env=env)
    assert missing.returncode == 2 and missing.stderr.strip() == "framing: error: nope.txt: no such file"


def test_output_file_has_ordinary_permissions(tmp_path: Path):
    out = tmp_path / "report.md"
    old = os.umask(0o022)
    try:
        assert run("analyse", LOADED, "--format", "markdown", "-o", str(out)).exit_code == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_output_to_a_fifo_is_refused(tmp_path: Path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run("analyse", LOADED, "-o", str(fifo), "--force")
    assert result.exit_code == 2 and "not a regular file" in result.output
    assert fifo.is_fifo()


@pytest.mark.parametrize("value", ["-1", "0", "nan"])
def test_timeout_must_be_positive(value):
    result = run("analyse", "http://127.0.0.1:9/", "--timeout", value)
    assert result.exit_code == 2 and "--timeout" in result.output


def test_analyse_with_a_model_from_framing_train(tmp_path: Path):
    from .test_classify import synthetic_rows, write_rows

    data = write_rows(tmp_path / "labels.jsonl", synthetic_rows())
    model = tmp_path / "model.json"
    assert run("train", str(data), "-o", str(model), "--cv", "0").exit_code == 0

    def probabilities(*extra: str) -> list[float]:
        result = run("analyse", LOADED, "--format", "json", *extra)
        assert result.exit_code == 0, result.output
        return [s["bias_probability"] for s in json.loads(result.output)["articles"][0]["sentences"]]

    import framing
    from framing.classify.predict import read_model
    from framing.load import load

    ours = framing.analyse(load(LOADED).text, model=read_model(model))
    assert probabilities("--model", str(model)) == [s.bias_probability for s in ours.sentences]
    assert probabilities("--model", str(model)) != probabilities()


@pytest.mark.parametrize("content, message", [
    (None, "no such model file"), (b"{ not json", "not valid JSON"), (b"{}", "missing key")])
def test_analyse_with_a_bad_model_file_exit_2(tmp_path: Path, content, message):
    path = tmp_path / "model.json"
    if content is not None:
        path.write_bytes(content)
    result = run("analyse", LOADED, "--model", str(path))
    assert result.exit_code == 2 and message in result.output
    assert result.output.count("\n") == 1 and result.output.startswith("framing: error:")


BODY = " ".join(["The council debated the harbour plan for hours and heard from residents,"
                 " fishers and engineers before it voted."] * 6)


@pytest.mark.parametrize("heading, after, cut", [
    # a list of linked headlines after the heading: page furniture
    ("Related articles", "Harbour fees to rise next year\n\nCouncil names new port chief", True),
    ("More from the council", "Harbour fees to rise next year\n\nCouncil names new port chief", True),
    # body prose after the heading: a section of the article itself
    ("More from the hearing", "The harbour master told the committee that dredging would "
     "start in spring and that the fishing fleet would keep its berths.", False),
])
def test_furniture_is_cut_only_before_lists_and_keep_all_keeps_it(tmp_path: Path, heading,
                                                                   after, cut):
    path = tmp_path / "page.txt"
    path.write_text(f"Harbour vote\n\n{BODY}\n\n{heading}\n\n{after}\n", encoding="utf-8")

    def article(*extra: str) -> dict:
        result = run("analyse", str(path), "--format", "json", *extra)
        assert result.exit_code == 0, result.output
        return json.loads(result.output)["articles"][0]

    default, kept = article(), article("--keep-all")
    assert (after.split("\n")[0] not in default["text"]) is cut
    assert (default["removed"] is not None) is cut and (heading in (default["removed"] or "")) is cut
    assert after in kept["text"] and kept["removed"] is None


COVERAGE_ENTRY = """
[lexicon]
kind = "loaded"
[[entry]]
id = "loaded.newsroom_cover"
term = "rampage"
forms = ["went on a rampage"]
category = "dysphemism"
weight = 0.5
explanation = "Test entry."
alternatives = []
exceptions = [
  {{ prev = ["bull"], why = "a bull's rampage" }},
]
flag = ["The crowd went on a rampage."]
pass = [{passes}]
source = "test"
"""


@pytest.mark.parametrize("passes, gaps", [
    # neither the exception at work nor the entry's words in a must-not-flag example
    ('"The crowd went home."', ['no example triggers the exception "a bull\'s rampage"',
                                "no must-not-flag example contains its words"]),
    # the words, not side by side, but no exception at work
    ('"The crowd went on singing after a rampage of the storm."',
     ['no example triggers the exception "a bull\'s rampage"']),
    ('"The farmer feared a bull went on a rampage at the fair."', []),
])
def test_validate_reports_coverage_gaps_with_exit_1(tmp_path: Path, passes, gaps):
    user = tmp_path / "newsroom.toml"
    user.write_text(COVERAGE_ENTRY.format(passes=passes), encoding="utf-8")
    result = run("lexicon", "validate", str(user))
    lines = result.output.splitlines()
    assert [line.split(": ", 2)[2] for line in lines if line.startswith("newsroom.toml: ")] == gaps
    assert result.exit_code == (1 if gaps else 0), result.output
    assert lines[-1].startswith("coverage: ") and ("gap(s)" in lines[-1]) == bool(gaps)


@pytest.mark.parametrize("args, code, out, err", [
    (["analyse", "{big}", "--format", "json"], 0, "\n  ]\n}\n", ""),
    (["analyse", "{big}", "--format", "json", "-o", "{report}"], 0, "", ""),
    (["lexicon", "validate", "{bad}"], 1, "problem(s)", ""),
    (["analyse", "nope.txt"], 2, "", "framing: error: nope.txt: no such file\n"),
    (["analyse", "--no-such-option"], 2, "", "Error: No such option '--no-such-option'"),
])
def test_the_command_exits_fast_with_all_its_output_and_code(tmp_path: Path, args, code, out,
                                                              err):
    """`python -m framing` ends with `os._exit` when nothing is left to run at exit
    (framing/cli.py `run`): every byte written (stdout is a pipe, so buffered), the exit code
    as before, and a report file complete."""
    big = tmp_path / "big.txt"
    big.write_text(Path(LOADED).read_text(encoding="utf-8") * 40, encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(Path(__file__).read_text().split('user.write_text("""')[1].split('"""')[0])
    report = tmp_path / "report.json"
    names = {"big": big, "bad": bad, "report": report}
    proc = subprocess.run([sys.executable, "-m", "framing", *(a.format(**names) for a in args)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == code, proc.stderr
    assert out in proc.stdout and err in proc.stderr
    if "--format" in args:
        document = json.loads(report.read_text() if "-o" in args else proc.stdout)
        assert len(document["articles"][0]["flags"]) > 40
