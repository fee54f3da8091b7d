"""Every `framing ...` command shown in README.md and docs/*.md runs as the text says.

A command runs when every file it names ships with the project (samples, lexicons); commands
on ../shared data, URLs or placeholder files (article.txt, DATA.jsonl) are only shown, not run.
A command is expected to exit 0 unless its line says otherwise in a comment: `# exits 1`.
Output files (-o FILE) are written to a temporary folder, never into the checkout.
"""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import main

from .conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```[a-z]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
EXITS = re.compile(r"#.*\bexits? (\d)\b")
FILE_LIKE = re.compile(r"[/\\]|\.(txt|md|html?|json|jsonl|gz|toml|csv|sarif)$")
OUTPUT_OPTIONS = ("-o", "--output")


def commands() -> list[tuple[str, str, int]]:
    """(where, command line, expected exit code) for every `framing` line in a code block."""
    out = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for block in FENCE.finditer(text):
            line_no = text[:block.start(1)].count("\n") + 1
            lines = re.sub(r"\\\n\s*", " ", block.group(1)).splitlines()  # join continued lines
            for n, line in enumerate(lines):
                line = line.strip().removeprefix("$ ")
                if line.startswith("framing "):
                    code = EXITS.search(line)
                    out.append((f"{doc.name}:{line_no + n}", line, int(code.group(1)) if code else 0))
    return out


def _exists(arg: str) -> bool:
    return bool(list(ROOT.glob(arg))) if "*" in arg else (ROOT / arg).exists()


def runnable(args: list[str]) -> bool:
    """True when every file the command reads ships with the project."""
    for i, arg in enumerate(args):
        if i and args[i - 1] in OUTPUT_OPTIONS:
            continue
        if "://" in arg or arg.startswith("../") or "<" in arg or arg.isupper():
            return False
        if not arg.startswith("-") and FILE_LIKE.search(arg) and not _exists(arg):
            return False
    return True


def prepared(args: list[str], tmp_path: Path) -> list[str]:
    """Output files moved to `tmp_path`; globs expanded as a shell would."""
    out: list[str] = []
    for i, arg in enumerate(args):
        if i and args[i - 1] in OUTPUT_OPTIONS:
            out.append(str(tmp_path / Path(arg).name))
        elif "*" in arg:
            out += sorted(str(p.relative_to(ROOT)) for p in ROOT.glob(arg))
        else:
            out.append(arg)
    return out


CASES = commands()


def test_the_docs_show_commands():
    assert len(CASES) >= 10, "README and docs should show the commands users run"


@pytest.mark.parametrize("where, line, expected", CASES, ids=[c[0] for c in CASES])
def test_documented_command(where, line, expected, tmp_path, monkeypatch):
    args = shlex.split(line.split(" #")[0])[1:]
    if "|" in args or not runnable(args):
        pytest.skip(f"{where}: needs files that do not ship with framing (shown, not run)")
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, prepared(args, tmp_path))
    assert result.exit_code == expected, f"{where}: `{line}` exited {result.exit_code}\n{result.output[-2000:]}"
