"""The HTML reports in a real browser (headless Chromium): the rendered DOM holds the report
and nothing from the article became markup; screenshots are produced at 1200 and 375 px."""
from __future__ import annotations

from pathlib import Path

import pytest

import framing
from framing.compare import compare_articles
from framing import lexicon as lexicons
from framing.render.html import render, render_comparison

from .chromium import CHROMIUM, dump_dom, png_size, screenshot
from .conftest import SAMPLES
from .test_html import HOSTILE, assert_inert

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (Debian: apt-get install chromium; "
                             ".ci/run installs it where it can)")

PORTS = sorted(SAMPLES.glob("port-*.txt"))


@pytest.fixture(scope="module")
def comparison_page(tmp_path_factory) -> tuple[Path, list]:
    articles = [(str(p), framing.analyse(p.read_text(), source=str(p))) for p in PORTS]
    page = tmp_path_factory.mktemp("html") / "compare.html"
    page.write_text(render_comparison(compare_articles(articles, lexicons.builtin())))
    return page, [a for _, a in articles]


def test_rendered_comparison_dom(comparison_page):
    page, articles = comparison_page
    dom = dump_dom(page)
    tags = assert_inert(dom)
    sections = [a["id"] for t, a in tags.tags if t == "section"]
    assert sections == ["a1", "a2", "a3", "a4"]
    numbers = [a for t, a in tags.tags if t == "a" and "fn" in (a.get("class") or "").split()]
    assert len(numbers) == sum(len(a.flags) for a in articles)
    assert [t for t, _ in tags.tags].count("svg") >= 9
    assert "port-loaded" in dom and "▲" in dom


@pytest.mark.parametrize("width", [1200, 375])
def test_screenshots(comparison_page, tmp_path: Path, width: int):
    page, _ = comparison_page
    png = screenshot(page, tmp_path / f"compare-{width}.png", width=width, height=900)
    assert png_size(png) == (width, 900)
    assert png.stat().st_size > 10_000  # a page was painted, not a blank canvas


def test_hostile_text_stays_text_in_the_browser(tmp_path: Path):
    page = tmp_path / "hostile.html"
    article = framing.analyse(HOSTILE, source="javascript:alert(3)", title="<script>t()</script>")
    page.write_text(render([article]))
    dom = dump_dom(page)
    assert_inert(dom)
    assert "&lt;img src=x onerror=alert(1)&gt;" in dom
