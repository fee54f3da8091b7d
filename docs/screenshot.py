"""Regenerate docs/compare.png, the README's picture of `framing compare --format html`:
the four port samples compared, rendered by headless Chromium at 1200 x 900.

    .venv/bin/python docs/screenshot.py
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.chromium import CHROMIUM, screenshot  # noqa: E402


def main() -> int:
    if CHROMIUM is None:
        print("chromium is not installed (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    ports = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "samples").glob("port-*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "compare.html"
        subprocess.run([sys.executable, "-m", "framing", "compare", *ports, "--format", "html",
                        "-o", str(page)], check=True, cwd=ROOT)
        out = screenshot(page, ROOT / "docs" / "compare.png", width=1200, height=900)
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
