"""Regenerate the README's pictures from shipped samples; nothing is drawn by hand.

* docs/report.svg: the terminal report of samples/port-loaded.txt in colour (rich's own
  renderer, recorded and saved as SVG), shortened to keep the picture small: the annotated
  text up to the first paragraph and the first three flags, then the whole summary;
* docs/report.png: `framing analyse samples/port-loaded.txt --format html` in headless
  Chromium, 1200 x 900;
* docs/compare.png: `framing compare samples/port-*.txt --format html`, 1200 x 900.

    .venv/bin/python docs/screenshot.py
"""
from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from pathlib import Path

from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import framing  # noqa: E402
from framing.load import text_document  # noqa: E402
from framing.render import terminal  # noqa: E402
from tests.chromium import CHROMIUM, screenshot  # noqa: E402

SAMPLE = "samples/port-loaded.txt"
PARAGRAPHS = 3  # of the annotated text shown: headline, byline, first paragraph
SHOWN_FLAGS = 3


def terminal_svg(out: Path) -> Path:
    """The sample's terminal report as rich draws it in colour, shortened (see above)."""
    doc = text_document((ROOT / SAMPLE).read_text(encoding="utf-8"), SAMPLE)
    article = framing.analyse(doc.text, source=doc.source, title=doc.title, removed=doc.removed)
    lines = terminal._annotated(article, True).split("\n", allow_blank=True)
    blanks = [i for i, line in enumerate(lines) if not line.plain]
    opening = Text("\n").join(lines[:blanks[PARAGRAPHS - 1]])
    flags = [Padding(terminal._flag_block(article, n, f, True), (0, 0, 1, 0))
             for n, f in enumerate(article.flags[:SHOWN_FLAGS], 1)]
    more = len(article.flags) - SHOWN_FLAGS
    console = Console(record=True, width=100, force_terminal=True, color_system="truecolor",
                      highlight=False, emoji=False, file=io.StringIO())
    console.print(Group(
        terminal._header(article), Rule(style="dim"), terminal._legend(True), Text(""),
        opening, Text("…", style="dim"), Rule("Flags", style="dim"), *flags,
        Text(f"… {more} more flags, each with why and instead", style="dim"),
        Padding(terminal._summary(article), (1, 0, 0, 0)), Text(""), terminal._footer(article),
    ))
    console.save_svg(str(out), title=f"framing analyse {SAMPLE}")
    return out


def html_png(args: list[str], out: Path) -> Path:
    """Run `framing ARGS --format html` and screenshot the page."""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        subprocess.run([sys.executable, "-m", "framing", *args, "--format", "html",
                        "-o", str(page)], check=True, cwd=ROOT)
        return screenshot(page, out, width=1200, height=900)


def main() -> int:
    docs = ROOT / "docs"
    print(f"wrote {terminal_svg(docs / 'report.svg').relative_to(ROOT)}")
    if CHROMIUM is None:
        print("chromium is not installed (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    ports = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "samples").glob("port-*.txt"))
    for args, name in ((["analyse", SAMPLE], "report.png"), (["compare", *ports], "compare.png")):
        print(f"wrote {html_png(args, docs / name).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
