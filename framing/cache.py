"""A versioned on-disk cache of compiled data, so start-up skips parsing TOML, JSON and
dictionaries on every run (lexicons, the shipped model, syllable counts).

Each entry is one file in the user's cache folder (`$FRAMING_CACHE_DIR`, else
`$XDG_CACHE_HOME/framing`, else `~/.cache/framing`), named by what it holds and a key: the
sha256 of its sources (file contents, framing's version, the cache format). A changed source
gives a new key, so a stale entry is never read; a file whose payload does not match the
sha256 in its header (truncated, edited) is rebuilt. Payloads are JSON or raw arrays of
numbers, never pickle: reading one executes nothing. When the folder cannot be written (a
read-only home, a sandbox) the data is built in memory and nothing is written; set
`FRAMING_NO_CACHE=1` to turn the cache off. Nothing is ever written inside the package.
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

FORMAT = 3
MAGIC = b"framing-cache\n"


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
    """sha256 over the parts (each length-prefixed), framing's version and the cache format."""
    from framing import __version__

    digest = hashlib.sha256(f"framing {__version__} cache {FORMAT}".encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


def _path(folder: Path, name: str, key: str) -> Path:
    return folder / f"{name}-{key[:32]}.bin"


def read(name: str, key: str) -> bytes | None:
    """The payload stored under (name, key), or None when absent, stale or damaged."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data = _path(folder, name, key).read_bytes()
    except OSError:
        return None
    if not data.startswith(MAGIC):
        return None
    head_end = data.find(b"\n", len(MAGIC))
    try:
        header = json.loads(data[len(MAGIC):head_end])
    except ValueError:
        return None
    payload = data[head_end + 1:]
    if (not isinstance(header, dict) or header.get("key") != key
            or header.get("sha256") != hashlib.sha256(payload).hexdigest()):
        return None
    return payload


def write(name: str, key: str, payload: bytes) -> bool:
    """Store a payload atomically (temporary file, then rename) and drop older entries of the
    same name; False when the folder cannot be written."""
    import tempfile

    folder = cache_dir()
    if folder is None:
        return False
    header = json.dumps({"name": name, "key": key,
                         "sha256": hashlib.sha256(payload).hexdigest()}).encode()
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
        for old in folder.glob(f"{name}-*.bin"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def cached(name: str, key: str, build: Callable[[], bytes],
           parse: Callable[[bytes], T] = bytes) -> T:
    """`parse` of the payload for (name, key): read from the cache, else built and stored.
    A cached payload that `parse` refuses (ValueError, KeyError, TypeError, IndexError:
    written by another version of this code, or damaged) is rebuilt."""
    payload = read(name, key)
    if payload is not None:
        try:
            with _no_collections():
                return parse(payload)
        except (ValueError, KeyError, TypeError, IndexError):
            pass
    payload = build()
    write(name, key, payload)
    with _no_collections():
        return parse(payload)


@contextmanager
def _no_collections() -> Iterator[None]:
    """The garbage collector paused, then what exists frozen (gc.freeze): a parsed payload is
    many long-lived objects without cycles, which collections would only walk again and
    again. Done once per cache entry and process."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()
