"""The version lives in one place, framing/__init__.py: the CLI, the package metadata and the
changelog all follow it."""
from __future__ import annotations

import re

from click.testing import CliRunner

from framing import __version__
from framing.cli import main

from .conftest import ROOT


def test_version_is_semantic():
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_cli_prints_the_package_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == f"framing, version {__version__}"  # stderr may warn


def test_setup_cfg_reads_the_version_from_the_package():
    setup = (ROOT / "setup.cfg").read_text(encoding="utf-8")
    assert re.search(r"^version = attr: framing\.__version__$", setup, re.MULTILINE)


def test_no_other_source_file_spells_the_version():
    literal = re.compile(rf"['\"]{re.escape(__version__)}['\"]")
    home = ROOT / "framing" / "__init__.py"
    files = [*(ROOT / "framing").rglob("*.py"), ROOT / "setup.cfg", ROOT / "pyproject.toml"]
    spelled = [p.relative_to(ROOT) for p in files
               if p != home and literal.search(p.read_text(encoding="utf-8"))]
    assert spelled == []


def test_changelog_has_a_section_for_the_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog,
                     re.MULTILINE)
    assert "## [Unreleased]" in changelog
