"""docs/screenshot.py, which makes the README's pictures, keeps working: the terminal picture
is rich's own rendering of the shipped sample (the HTML screenshots need Chromium and are
covered by tests/test_browser.py's screenshot test)."""
from __future__ import annotations

import importlib.util
import re

from .conftest import ROOT


def _script():
    spec = importlib.util.spec_from_file_location("screenshot", ROOT / "docs" / "screenshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_terminal_picture_is_the_sample_report(tmp_path):
    svg = _script().terminal_svg(tmp_path / "report.svg").read_text(encoding="utf-8")
    text = re.sub(r"&#160;", " ", svg)
    assert svg.startswith("<svg")
    assert "Council rams through reckless North Quay port grab" in text  # the headline
    assert "loaded.ram-through" in text and "instead: passed" in text    # flag 1, why and instead
    assert re.search(r"… \d+ more flags", text)
    assert "Summary" in text and "Most biased:" in text
