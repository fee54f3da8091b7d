"""Shared fixtures: where ../shared lives, and skips with a reason when it is absent."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The start-up cache (framing/cache.py) of this test session lives in a folder of its own,
# so tests neither read nor leave files in the user's cache; subprocesses inherit it.
_CACHE = tempfile.mkdtemp(prefix="framing-test-cache-")
os.environ["FRAMING_CACHE_DIR"] = _CACHE
os.environ.pop("FRAMING_NO_CACHE", None)
atexit.register(shutil.rmtree, _CACHE, True)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_919a4ef16de5fa8c.txt"
ALLSIDES = SHARED / "data" / "allsides-articles.jsonl.gz"
SAMPLES = ROOT / "samples"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output (review the diff)")


def need(path: Path) -> Path:
    """Skip the calling test, with a reason, when a ../shared file is absent."""
    if not path.exists():
        pytest.skip(f"../shared not present: {path.relative_to(SHARED.parent)} lives there "
                    "(real articles and labelled data are never copied into the repo)")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    from framing.load import load

    return load(str(need(SEED))).text
