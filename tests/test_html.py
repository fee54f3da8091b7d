"""The HTML report: escaping of hostile text, self-contained, links that resolve, WCAG AA
colours, and the comparison's rankings (the browser test is tests/test_browser.py)."""
from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

import framing
from framing.cli import main
from framing.render import html as page

from .conftest import SAMPLES

PORTS = sorted(str(p) for p in SAMPLES.glob("port-*.txt"))
HOSTILE = ('Officials said <script>alert("x")</script> the regime failed. '
           '<img src=x onerror=alert(1)> Read [this](javascript:alert(2)) now. '
           '</style><style>body{visibility:hidden}</style> "Never," she said.\n')


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.style += data


def parse(document: str) -> Tags:
    tags = Tags()
    tags.feed(document)
    return tags


def assert_inert(document: str) -> Tags:
    """Nothing from the article became markup: no scripts, images, handlers, bad links."""
    tags = parse(document)
    names = [t for t, _ in tags.tags]
    assert "script" not in names and "img" not in names and "iframe" not in names
    assert names.count("style") == 1 and "visibility:hidden" not in tags.style
    for _, attrs in tags.tags:
        assert not any(k.startswith("on") for k in attrs)
        assert not (attrs.get("href") or "").lower().startswith(("javascript:", "data:"))
        assert "src" not in attrs  # self-contained: nothing is loaded
    return tags


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_hostile_article_is_escaped():
    article = framing.analyse(HOSTILE, source="javascript:alert(3)", title="</title><script>t()")
    document = page.render([article])
    tags = assert_inert(document)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in document
    assert "&lt;img src=x onerror=alert(1)&gt;" in document
    assert "<title>framing: &lt;/title&gt;&lt;script&gt;t()</title>" in document
    assert not any(attrs.get("href", "").startswith("javascript") for _, attrs in tags.tags)
    assert any(k == "mark" and "k-loaded" in (a.get("class") or "") for k, a in tags.tags)


def test_hostile_comparison_is_escaped(tmp_path: Path):
    a, b = tmp_path / "a<b>.txt", tmp_path / "b.txt"
    a.write_text(HOSTILE)
    b.write_text("The government said the plan <b>failed</b>.\n")
    result = run("compare", str(a), str(b), "--format", "html")
    assert result.exit_code == 0, result.output
    assert_inert(result.output)
    assert "a&lt;b&gt;" in result.output and "&lt;b&gt;failed&lt;/b&gt;" in result.output


def test_corpus_fields_escaped_in_profiles(tmp_path: Path):
    corpus = tmp_path / "c.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        for n in range(4):
            fh.write(json.dumps({"text": HOSTILE + f" Day {n}.", "title": "<script>x()</script>",
                                 "outlet": "<img src=x onerror=y()>" if n % 2 else "Plain"})
                     + "\n")
    result = run("compare", str(corpus), "--by", "outlet", "--format", "html")
    assert result.exit_code == 0, result.output
    tags = assert_inert(result.output)
    assert "&lt;img src=x onerror=y()&gt;" in result.output
    assert [t for t, _ in tags.tags].count("svg") >= 9  # a chart per score


def test_only_http_sources_become_links():
    assert page.safe_link("https://example.org/a?b=1&c=<x>", "story") == (
        '<a href="https://example.org/a?b=1&amp;c=&lt;x&gt;" rel="noopener noreferrer">story</a>')
    for url in ("javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x", "file:///etc"):
        assert "<a" not in page.safe_link(url, url)


def test_internal_links_resolve_and_flags_are_keyboard_reachable():
    result = run("compare", *PORTS, "--format", "html")
    tags = parse(result.output)
    ids = {a["id"] for _, a in tags.tags if a.get("id")}
    targets = {a["href"][1:] for t, a in tags.tags
               if t == "a" and (a.get("href") or "").startswith("#")}
    assert targets and targets <= ids
    loaded = framing.analyse(Path(SAMPLES / "port-loaded.txt").read_text())
    numbers = [a for t, a in tags.tags if t == "a" and "fn" in (a.get("class") or "").split()]
    assert len([a for a in numbers if a["id"].startswith("a3-")]) == len(loaded.flags)
    assert all(a["href"].startswith("#a") and a.get("aria-describedby") for a in numbers)


def _highest(document: str, label: str) -> list[int]:
    row = re.search(rf"<tr><th scope=\"row\"[^>]*>{re.escape(label)}</th>(.*?)</tr>", document)
    cells = re.findall(r"<td class=\"([^\"]*)\"", row.group(1))
    return [i for i, c in enumerate(cells) if "top" in c.split()]


def test_comparison_marks_the_port_extremes():
    document = run("compare", *PORTS, "--format", "html").output
    names = [Path(p).stem for p in PORTS]
    assert [names[i] for i in _highest(document, "loaded terms /1k words")] == ["port-loaded"]
    assert [names[i] for i in _highest(document, "mean assertion")] == ["port-boosted"]
    assert "lex-loaded.regime" in document and "Neutral alternatives" in document


def test_analyse_writes_html_file(tmp_path: Path):
    out = tmp_path / "report.html"
    result = run("analyse", str(SAMPLES / "port-hedged.txt"), "--format", "html", "-o", str(out))
    assert result.exit_code == 0
    document = out.read_text()
    assert document.startswith("<!DOCTYPE html>") and 'class="speech"' in document
    assert 'class="s s-down"' in document  # hedged sentences are marked


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


PAIRS = ([(fg, page.PAPER) for fg, _ in page.PALETTE.values()]
         + [(page.INK, bg) for _, bg in page.PALETTE.values()]
         + [(page.MUTED, page.PAPER), (page.ACCENT, page.PAPER), (page.INK, page.SPEECH_BG),
            (page.INK, page.TOP_BG), (page.HEDGED, page.PAPER), (page.BOOSTED, page.PAPER),
            (page.ACCENT, page.SPEECH_BG)])


@pytest.mark.parametrize("fg, bg", PAIRS)
def test_colours_pass_wcag_aa(fg, bg):
    assert contrast(fg, bg) >= 4.5


def test_contrast_formula():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") < 4.5
