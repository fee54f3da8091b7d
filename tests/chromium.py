"""Headless Chromium for the browser test and docs/screenshot.py: load a local page, give back
the rendered DOM or a PNG screenshot. `CHROMIUM` is None when no browser is installed."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--mute-audio")


def _run(page: Path, *extra: str, timeout: float = 120) -> str:
    if CHROMIUM is None:
        raise RuntimeError("chromium is not installed (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="framing-chromium-") as profile:
        done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra,
                               page.resolve().as_uri()], capture_output=True, text=True,
                              timeout=timeout, check=True)
    return done.stdout


def dump_dom(page: Path) -> str:
    """The DOM after Chromium has parsed and laid out the page, serialised."""
    return _run(page, "--dump-dom")


def screenshot(page: Path, png: Path, width: int = 1200, height: int = 900) -> Path:
    """A PNG of the page's first `height` pixels at `width` CSS pixels."""
    _run(page, f"--screenshot={png.resolve()}", f"--window-size={width},{height}")
    return png


def png_size(png: Path) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk."""
    data = png.read_bytes()[:24]
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{png}: not a PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
