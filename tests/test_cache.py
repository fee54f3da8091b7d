"""The start-up cache: built once, reused, rebuilt when stale or damaged, never required."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from framing import cache

from .conftest import ROOT

SENTENCES = ["The reckless regime slammed the brave protesters as a disgraceful mob.",
             "The Frobnicatorville council approved the budget for road repairs on Tuesday."]
PROBE = f"""
import json, framing
from framing.classify.predict import load_model
from framing.lexicon import builtin
from framing.readability import readability
m = load_model()
print(json.dumps({{"p": m.probabilities({SENTENCES!r}), "entries": len(builtin().entries),
                  "ease": readability({SENTENCES[1]!r}).flesch_reading_ease,
                  "words": framing.analyse({SENTENCES[0]!r}).sentences[0].bias_words}}))
"""


def probe(env: dict[str, str]) -> dict:
    full = {k: v for k, v in os.environ.items() if not k.startswith("FRAMING_")} | env
    done = subprocess.run([sys.executable, "-c", PROBE], env=full, cwd=ROOT, text=True,
                          capture_output=True, check=True, timeout=120)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def uncached() -> dict:
    """What the analysis gives with no cache at all: the reference."""
    return probe({"FRAMING_NO_CACHE": "1"})


def test_built_on_first_use_and_then_read(tmp_path, uncached):
    env = {"FRAMING_CACHE_DIR": str(tmp_path)}
    assert probe(env) == uncached
    files = {p.name.split("-")[0]: p for p in tmp_path.glob("*.bin")}
    assert set(files) == {"lexicons", "matcher", "model", "cmudict", "hyphenation"}
    stamps = {name: p.stat().st_mtime_ns for name, p in files.items()}
    assert probe(env) == uncached
    assert {name: p.stat().st_mtime_ns for name, p in files.items()} == stamps  # not rewritten
    for path in files.values():
        assert path.read_bytes().startswith(cache.MAGIC)


def test_default_folder_is_the_users_cache_never_the_package(tmp_path, uncached):
    assert probe({"XDG_CACHE_HOME": str(tmp_path)}) == uncached
    assert len(list((tmp_path / "framing").glob("*.bin"))) == 5
    package = ROOT / "framing"
    assert not list(package.rglob("*.bin"))


@pytest.mark.parametrize("damage", ["flip", "truncate", "header", "garbage"])
def test_damaged_files_are_detected_and_rebuilt(tmp_path, monkeypatch, uncached, damage):
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    env = {"FRAMING_CACHE_DIR": str(tmp_path)}
    probe(env)
    for path in tmp_path.glob("*.bin"):
        data = bytearray(path.read_bytes())
        if damage == "flip":
            data[-5] ^= 0xFF
        elif damage == "truncate":
            data = data[: len(data) // 2]
        elif damage == "header":
            data = data.replace(b'"key": "', b'"key": "0', 1)
        else:
            data = bytearray(b"\x80\x04not a cache file at all")
        path.write_bytes(bytes(data))
    assert probe(env) == uncached
    for path in tmp_path.glob("*.bin"):  # rewritten whole
        assert cache.read(path.name.split("-")[0], _key_in(path)) is not None


def _key_in(path: Path) -> str:
    data = path.read_bytes()
    return json.loads(data[len(cache.MAGIC):data.index(b"\n", len(cache.MAGIC))])["key"]


def test_an_unwritable_folder_falls_back_to_memory(tmp_path, uncached):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert probe({"FRAMING_CACHE_DIR": str(blocker / "cache")}) == uncached
    assert blocker.read_text() == "not a folder"


def test_stale_entries_are_never_read_and_old_ones_are_dropped(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    old = cache.key_of("source v1")
    new = cache.key_of("source v2")
    assert cache.cached("thing", old, lambda: b"one") == b"one"
    assert cache.cached("thing", new, lambda: b"two") == b"two"
    assert cache.read("thing", old) is None
    assert [p.name for p in tmp_path.glob("thing-*.bin")] == [f"thing-{new[:32]}.bin"]
    calls = []
    assert cache.cached("thing", new, lambda: calls.append(1) or b"three") == b"two"
    assert not calls


def test_key_depends_on_every_part():
    assert cache.key_of("a", "b") != cache.key_of("ab")
    assert cache.key_of(b"x") == cache.key_of("x") != cache.key_of("y")


def test_cached_lexicon_and_trie_equal_the_parsed_ones(tmp_path, monkeypatch):
    """Entries read from the cache are decoded lazily (framing/lexicon.py `_unpacked`): each
    field, the matcher's trie and a pickled entry are what parsing the files gives."""
    import pickle
    from dataclasses import replace

    from framing import lexicon
    from framing.match import Matcher

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    lexicon.builtin.__wrapped__()  # builds the cache entry
    cached = lexicon.builtin.__wrapped__()  # reads it
    lazy = cached.entries[7]
    assert "_fill" in vars(lazy)
    assert pickle.loads(pickle.dumps(lazy)).exceptions == lazy.exceptions
    with pytest.raises(AttributeError):
        cached.entries[8].no_such_field
    directory = lexicon.builtin_dir()
    files = sorted(directory.glob("*.toml"))
    raw = {p.name: p.read_bytes() for p in files}
    parsed = lexicon._parse_builtin(directory, files, raw, cached.sha256)
    assert cached.entries == parsed.entries
    assert (cached.kinds, cached.classes) == (parsed.kinds, parsed.classes)

    def plain(node: dict) -> dict:
        return {k: plain(v) if k else [(order, e.id) for order, e in v] for k, v in node.items()}

    assert plain(Matcher(cached).root) == plain(Matcher(replace(parsed, sha256=None)).root)
