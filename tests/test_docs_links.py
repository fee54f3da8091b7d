"""Every local link and picture in README.md, CHANGELOG.md and docs/*.md points at a file that
ships, and every #anchor at a heading of that file (GitHub's heading slugs)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import ROOT

DOCS = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6} +(.+?) *$", re.MULTILINE)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(doc: Path) -> set[str]:
    return {slug(h) for h in HEADING.findall(FENCE.sub("", doc.read_text(encoding="utf-8")))}


def links() -> list[tuple[str, Path, str]]:
    """(where, target file, anchor) for every local link outside code blocks."""
    out = []
    for doc in DOCS:
        for target in LINK.findall(FENCE.sub("", doc.read_text(encoding="utf-8"))):
            if re.match(r"[a-z]+:", target):
                continue
            path, _, anchor = target.partition("#")
            out.append((f"{doc.relative_to(ROOT)} → {target}",
                        (doc.parent / path).resolve() if path else doc, anchor))
    return out


CASES = links()


def test_slugs_follow_github():
    assert slug("The classifier's probability: what it does and does not say") == (
        "the-classifiers-probability-what-it-does-and-does-not-say")
    assert slug("Drop-in rewrites (`replacement`)") == "drop-in-rewrites-replacement"
    assert slug("On the 8,000 AllSides articles") == "on-the-8000-allsides-articles"


def test_the_docs_link_to_each_other():
    assert len(CASES) >= 20


@pytest.mark.parametrize("where, target, anchor", CASES, ids=[c[0] for c in CASES])
def test_link_resolves(where: str, target: Path, anchor: str):
    assert target.exists(), f"{where}: no such file"
    if anchor:
        assert anchor in anchors(target), f"{where}: no heading with anchor #{anchor}"
