"""Golden reports: two samples in every format, compared whole with tests/golden/.

A change to any report shows up here as a diff to read. When the change is intended,
regenerate the files and review them by eye before committing:

    .venv/bin/python -m pytest tests/test_golden.py --update-golden && git diff tests/golden
"""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from framing.cli import main

from .conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
SAMPLES = ("port-loaded", "port-hedged")
FORMATS = {"text": "txt", "markdown": "md", "json": "json"}
VERSION = re.compile(r'^(  "version": )"[^"]*"', re.MULTILINE)


def _versionless(report: str) -> str:
    """The JSON report's version, which follows framing/__init__.py, left out of the comparison."""
    return VERSION.sub(r'\1"VERSION"', report)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("sample", SAMPLES)
def test_report_matches_golden(request, monkeypatch, sample: str, fmt: str):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")  # the terminal report wraps to the terminal's width
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    result = CliRunner().invoke(main, ["analyse", f"samples/{sample}.txt", "--format", fmt,
                                       "--no-color"])
    assert result.exit_code == 0, result.output
    path = GOLDEN / f"{sample}.{FORMATS[fmt]}"
    if request.config.getoption("--update-golden"):
        path.write_text(result.output, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run pytest --update-golden"
    assert _versionless(result.output) == _versionless(path.read_text(encoding="utf-8")), (
        f"{path.name} differs from the report; if the change is intended, run "
        "pytest tests/test_golden.py --update-golden and review the diff")
