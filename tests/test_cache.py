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
    assert set(files) == {"lexicons", "matcher", "model", "cmudict", "hyphenation", "digests"}
    stamps = {name: p.stat().st_mtime_ns for name, p in files.items()}
    assert probe(env) == uncached
    assert {name: p.stat().st_mtime_ns for name, p in files.items()} == stamps  # not rewritten
    for path in files.values():
        assert path.read_bytes().startswith(cache.MAGIC)


def test_default_folder_is_the_users_cache_never_the_package(tmp_path, uncached):
    assert probe({"XDG_CACHE_HOME": str(tmp_path)}) == uncached
    assert len(list((tmp_path / "framing").glob("*.bin"))) == 6
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
    keys = [cache.key_of(f"source v{n}") for n in range(cache.KEEP + 1)]
    for n, key in enumerate(keys):
        assert cache.cached("thing", key, lambda: f"payload {n}".encode()) == f"payload {n}".encode()
        os.utime(cache._path(tmp_path, "thing", key), ns=(n * 10**9, n * 10**9))
    assert cache.read("thing", keys[0]) is None  # the oldest dropped, the last KEEP kept
    assert sorted(p.name for p in tmp_path.glob("thing-*.bin")) == sorted(
        f"thing-{key[:32]}.bin" for key in keys[1:])
    calls = []
    assert cache.cached("thing", keys[1], lambda: calls.append(1) or b"other") == b"payload 1"
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

    def plain(node: dict, entries: tuple) -> dict:
        """The trie with each end's order and the id of the entry it stands for."""
        return {k: plain(v, entries) if k else [(order, entries[order].id) for order in v]
                for k, v in node.items()}

    fresh = Matcher(replace(parsed, sha256=None))
    assert plain(Matcher(cached).root, cached.entries) == plain(fresh.root, parsed.entries)


@pytest.fixture
def fresh_memo(tmp_path, monkeypatch):
    """An empty cache folder, and the remembered digests forgotten in this process."""
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(cache, "_memo", None)
    return tmp_path


def _settle(path: Path) -> None:
    """Make the file look last modified long ago (its change time still moves to now)."""
    old = path.stat().st_mtime_ns - 10 * cache.SETTLED_NS
    os.utime(path, ns=(old, old))


def test_file_digests_are_remembered_until_the_file_changes(fresh_memo, tmp_path, monkeypatch):
    source = tmp_path / "source.txt"
    source.write_text("version one")
    _settle(source)
    calls = []

    def digest() -> str:
        calls.append(1)
        return source.read_text()

    # just written: its change time is recent, so nothing is remembered yet
    assert cache.file_digest("thing", [source], digest) == "version one"
    assert cache.file_digest("thing", [source], digest) == "version one"
    assert len(calls) == 2
    monkeypatch.setattr(cache, "SETTLED_NS", 0)
    assert cache.file_digest("thing", [source], digest) == "version one"
    monkeypatch.setattr(cache, "_memo", None)  # a new process reads the memo from disk
    assert cache.file_digest("thing", [source], digest) == "version one"
    assert len(calls) == 3
    assert cache.file_digest("other kind", [source], digest) == "version one"  # kinds apart
    assert len(calls) == 4
    # same size, modification time set back: the change time still tells
    stat = source.stat()
    source.write_text("version two")
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert cache.file_digest("thing", [source], digest) == "version two"
    assert len(calls) == 5


def test_keys_are_remembered_and_a_damaged_memo_is_recomputed(fresh_memo, monkeypatch):
    key = cache.key_of("source", "v1")
    memo = cache._path(fresh_memo, "digests", cache._MEMO_KEY)
    assert memo.exists()
    monkeypatch.setattr(cache, "_memo", None)
    assert cache.key_of("source", "v1") == key  # read back
    data = bytearray(memo.read_bytes())
    data[-3] ^= 0xFF
    memo.write_bytes(bytes(data))
    monkeypatch.setattr(cache, "_memo", None)
    assert cache.key_of("source", "v1") == key  # recomputed, not the damaged value
    assert cache.read("digests", cache._MEMO_KEY) is not None  # and stored again
    import hashlib

    from framing import __version__

    head = f"framing {__version__} cache {cache.FORMAT}".encode()
    data = b"".join(len(p).to_bytes(8, "little") + p for p in (head, b"source", b"v1"))
    assert key == hashlib.sha256(data).hexdigest()


def test_a_warm_start_reads_and_hashes_no_source(tmp_path):
    """With the cache warm, loading the lexicons and the model reads neither their files
    nor imports hashlib (its OpenSSL load alone costs milliseconds)."""
    env = {"FRAMING_CACHE_DIR": str(tmp_path)}
    script = """
import builtins, io, sys
from pathlib import Path
opened = []
real = io.open
def spy(file, *args, **kwargs):
    opened.append(str(file))
    return real(file, *args, **kwargs)
Path.open = lambda self, *a, **k: spy(self, *a, **k)
from framing import cache
cache.SETTLED_NS = 0  # a fresh checkout's files count as settled at once
from framing.classify.predict import load_model
from framing.lexicon import builtin
builtin(); load_model()
print(sorted({Path(f).suffix for f in opened}), "hashlib" in sys.modules)
"""
    full = {k: v for k, v in os.environ.items() if not k.startswith("FRAMING_")} | env

    def run() -> str:
        return subprocess.run([sys.executable, "-c", script], env=full, cwd=ROOT, text=True,
                              capture_output=True, check=True, timeout=120).stdout.split("\n")[0]

    cold = run()
    assert "'.toml'" in cold and "'.json'" in cold
    assert run() == "['.bin'] False"


def test_cached_model_equals_the_parsed_one(fresh_memo):
    """The compiled model (framing/classify/packed.py) holds every field of the checked one:
    the same strings and the same floats, bit for bit (vocabularies and weights as arrays)."""
    from dataclasses import fields

    from framing.classify.predict import DEFAULT_MODEL, _compiled, read_model

    def plain(value: object) -> object:
        if hasattr(value, "__dataclass_fields__"):
            return {f.name: plain(getattr(value, f.name)) for f in fields(value) if f.compare}
        if isinstance(value, (list, tuple)) or type(value).__name__ == "array":
            return [plain(v) for v in value]
        if isinstance(value, float):
            return value.hex()
        return value

    parsed = read_model(DEFAULT_MODEL)
    built, read_back = _compiled(DEFAULT_MODEL), _compiled(DEFAULT_MODEL)
    assert list(fresh_memo.glob("model-*.bin"))
    assert plain(built) == plain(read_back) == plain(parsed)
    assert (read_back.word.index, read_back.char.index) == (parsed.word.index, parsed.char.index)
    assert read_back.rates.table == parsed.rates.table


@pytest.mark.parametrize("payload", [b"", b"x", bytes(range(256)) * 5000])
def test_a_mapped_read_gives_the_same_payload_and_detects_damage(fresh_memo, payload):
    key = cache.key_of("mapped", str(len(payload)))
    assert cache.write("thing", key, payload)
    assert cache.read("thing", key) == payload
    view = cache.read("thing", key, mapped=True)
    assert isinstance(view, memoryview) and view.readonly and bytes(view) == payload
    del view  # its mapping goes with it
    path = cache._path(fresh_memo, "thing", key)
    path.write_bytes(path.read_bytes() + b"!")  # a byte more: the checksum no longer fits
    assert cache.read("thing", key, mapped=True) is None
