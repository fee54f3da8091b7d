"""Reading the user's files with one-line errors, for every command that takes a path."""
from __future__ import annotations

import threading
import typing
from pathlib import Path


CHUNK = 65536


def read_capped(stream: typing.BinaryIO, max_bytes: int, source: str,
                error: type[Exception], stop: threading.Event | None = None) -> bytes:
    """Read at most `max_bytes`, refusing anything larger. With `stop`, read whatever has
    arrived chunk by chunk and give up (returning what was read) once it is set."""
    if stop is None:
        data = stream.read(max_bytes + 1)
    else:
        buffer = bytearray()
        while len(buffer) <= max_bytes and not stop.is_set():
            chunk = stream.read1(CHUNK)
            if not chunk:
                break
            buffer += chunk
        data = bytes(buffer)
    if len(data) > max_bytes:
        raise error(f"{source}: is larger than the {max_bytes:,}-byte limit")
    return data


def read_bytes(path: str | Path, error: type[Exception], kind: str = "file",
               max_bytes: int | None = None) -> bytes:
    """A file's bytes; OS errors become `error("<path>: no such <kind>")` and the like."""
    try:
        with Path(path).open("rb") as stream:
            return stream.read() if max_bytes is None else read_capped(stream, max_bytes,
                                                                        str(path), error)
    except FileNotFoundError:
        raise error(f"{path}: no such {kind}") from None
    except IsADirectoryError:
        raise error(f"{path}: is a directory, not a {kind}") from None
    except PermissionError:
        raise error(f"{path}: permission denied") from None
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror or exc})") from None
