"""A versioned on-disk cache of compiled data, so start-up skips parsing TOML, JSON and
dictionaries on every run (lexicons, the shipped model, syllable counts).

Each entry is one file in the user's cache folder (`$FRAMING_CACHE_DIR`, else
`$XDG_CACHE_HOME/framing`, else `~/.cache/framing`), named by what it holds and a key: the
sha256 of its sources (file contents, framing's version, the cache format). A changed source
gives a new key, so a stale entry is never read; a file whose payload does not match the
CRC-32 in its header (truncated, edited) is rebuilt. Payloads are JSON or raw arrays of
numbers, never pickle: reading one executes nothing. When the folder cannot be written (a
read-only home, a sandbox) the data is built in memory and nothing is written; set
`FRAMING_NO_CACHE=1` to turn the cache off. Nothing is ever written inside the package.

A warm start reads and hashes no source file: the sha256 of a source (`file_digest`) and
each key (`key_of`) are remembered in one more entry, `digests`, by what identifies them
without reading: a file's path, size, modification and change times and inode (as git's
index does), a key's parts. An edited file has a new change time (which no program can set
back), so its digest is computed afresh; a file changed in the last seconds is never
remembered, since a coarse file-system clock could give its next edit the same times.
The payload check is CRC-32 rather than sha256: it catches every truncation and any damage
short of a deliberate forgery, which a checksum stored beside the data could not stop
either (whoever can write the file can rewrite its header), at a third of the cost.
"""
from __future__ import annotations

import gc
import json
import os
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

FORMAT = 5
MAGIC = b"framing-cache\n"
SETTLED_NS = 2_000_000_000  # since a file's last change, before its digest is remembered
KEEP = 3  # entries of one name kept, the newest first
_MEMO_SIZE = 64  # digests remembered; the oldest are forgotten first
_MEMO_KEY = f"{FORMAT:064x}"  # the `digests` entry's key: one entry, rewritten as it grows


def cache_dir() -> Path | None:
    """The folder for cache files, or None when caching is turned off."""
    if os.environ.get("FRAMING_NO_CACHE"):
        return None
    explicit = os.environ.get("FRAMING_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "framing"


def key_of(*parts: bytes | str) -> str:
    """sha256 over the parts (each length-prefixed), framing's version and the cache format;
    remembered when the parts are short (source digests, names, stamps: see the module
    docstring)."""
    from framing import __version__

    data = b"".join(len(b).to_bytes(8, "little") + b for b in (
        part.encode() if isinstance(part, str) else part
        for part in (f"framing {__version__} cache {FORMAT}", *parts)))

    def compute() -> str:
        import hashlib

        return hashlib.sha256(data).hexdigest()

    return _remembered("key " + data.hex(), compute) if len(data) <= 4096 else compute()


def file_digest(kind: str, paths: list[Path], compute: Callable[[], str]) -> str:
    """`compute()`, a digest of these files' contents (of one `kind`), remembered by what
    identifies them without reading (see the module docstring) and computed afresh when one
    of them changed. OSError when a file cannot be read."""
    now = time.time_ns()
    stamps = []
    settled = True
    for path in paths:
        st = os.stat(path)
        stamps.append(f"{path}\0{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:"
                      f"{st.st_dev}")
        settled &= max(st.st_mtime_ns, st.st_ctime_ns) < now - SETTLED_NS
    return _remembered(f"{kind} " + "\n".join(stamps), compute, keep=settled)


_memo: dict[str, str] | None = None  # the `digests` entry, read once per process


def _remembered(what: str, compute: Callable[[], str], keep: bool = True) -> str:
    """The digest remembered for `what`, else `compute()` (then remembered when `keep`)."""
    global _memo
    if _memo is None:
        _memo = _read_memo()
    value = _memo.get(what)
    if value is None:
        value = compute()
        if keep:
            _memo[what] = value
            while len(_memo) > _MEMO_SIZE:
                del _memo[next(iter(_memo))]
            write("digests", _MEMO_KEY, json.dumps(_memo).encode())
    return value


def _read_memo() -> dict[str, str]:
    """The remembered digests; none when the entry is absent or damaged."""
    payload = read("digests", _MEMO_KEY)
    try:
        memo = json.loads(payload) if payload is not None else {}
    except ValueError:
        return {}
    if not isinstance(memo, dict) or not all(isinstance(v, str) for v in memo.values()):
        return {}
    return memo


def _path(folder: Path, name: str, key: str) -> Path:
    return folder / f"{name}-{key[:32]}.bin"


def read(name: str, key: str, mapped: bool = False) -> bytes | memoryview | None:
    """The payload stored under (name, key), or None when absent, stale or damaged.

    `mapped`: a read-only view of the file mapped into memory rather than a copy of it, for
    a payload that its parser copies out at once or reads from lazily (copying 1.3 MB into
    fresh memory costs over a millisecond, in page faults mostly; mapping it, a tenth of
    that). The mapping goes with the view; cache files are only ever replaced whole
    (`write`), never changed in place."""
    folder = cache_dir()
    if folder is None:
        return None
    payload: bytes | memoryview
    try:
        with _path(folder, name, key).open("rb") as fh:
            if fh.read(len(MAGIC)) != MAGIC:
                return None
            head = fh.readline()
            if mapped:
                import mmap

                start = fh.tell()
                payload = memoryview(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))[start:]
            else:
                payload = fh.read()  # apart from the header: slicing would copy megabytes
    except (OSError, ValueError):  # ValueError: mmap of an empty file
        return None
    try:
        header = json.loads(head)
    except ValueError:
        return None
    if (not isinstance(header, dict) or header.get("key") != key
            or header.get("crc32") != zlib.crc32(payload)):
        return None
    return payload


def write(name: str, key: str, payload: bytes) -> bool:
    """Store a payload atomically (temporary file, then rename) and drop older entries of the
    same name but the last KEEP written (so that two installs sharing the folder, whose
    syllable tables are keyed by their own paths, do not rebuild each other's); False when
    the folder cannot be written."""
    import tempfile

    folder = cache_dir()
    if folder is None:
        return False
    header = json.dumps({"name": name, "key": key, "crc32": zlib.crc32(payload)}).encode()
    target = _path(folder, name, key)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(MAGIC + header + b"\n" + payload)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
        others = sorted((p for p in folder.glob(f"{name}-*.bin") if p != target),
                        key=_written, reverse=True)
        for old in others[KEEP - 1:]:
            old.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def _written(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def cached(name: str, key: str, build: Callable[[], bytes],
           parse: Callable[[bytes], T] = bytes, mapped: bool = False) -> T:
    """`parse` of the payload for (name, key): read from the cache, else built and stored.
    A cached payload that `parse` refuses (ValueError, KeyError, TypeError, IndexError:
    written by another version of this code, or damaged) is rebuilt. `mapped`: `parse`
    takes a memoryview of the mapped file (see `read`; the built bytes on a miss), and may
    keep it: the mapping then lives as long as the view, and what it maps stays as checked,
    since cache files are only ever replaced whole, never changed in place."""
    payload = read(name, key, mapped)
    if payload is not None:
        try:
            with no_collections():
                return parse(payload)
        except (ValueError, KeyError, TypeError, IndexError):
            pass
    payload = build()
    write(name, key, payload)
    with no_collections():
        return parse(payload)


@contextmanager
def no_collections() -> Iterator[None]:
    """The garbage collector paused, then what exists frozen (gc.freeze): a parsed payload is
    many long-lived objects without cycles, which collections would only walk again and
    again. Done once per cache entry and process (and by the command line around a single
    article's analysis and report: framing/cli_batch.py)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()
