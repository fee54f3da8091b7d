"""What the commands share for talking to the user: one-line errors (exit 2) and safe writes."""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click

EXIT_INPUT = 2


class UserError(click.ClickException):
    """A one-line problem with the user's input, options or files; exits 2."""

    exit_code = EXIT_INPUT

    def show(self, file=None) -> None:
        click.echo(f"framing: error: {self.message}", err=True)


def check_target(output: Path, force: bool, inputs: tuple[str, ...] = ()) -> Path:
    """Refuse an output that is an input, a folder, missing its folder, or exists (no --force)."""
    target = output.resolve()
    if any(spec != "-" and Path(spec).resolve() == target for spec in inputs):
        raise UserError(f"{output}: is one of the inputs; choose another output file")
    if target.is_dir():
        raise UserError(f"{output}: is a directory")
    if target.exists() and not target.is_file():
        raise UserError(f"{output}: is not a regular file; write to a file path")
    if target.exists() and not force:
        raise UserError(f"{output}: already exists; use --force to replace it")
    if not target.parent.is_dir():
        raise UserError(f"{output}: folder {target.parent} does not exist")
    return target


@contextmanager
def atomic_writer(output: Path, force: bool, inputs: tuple[str, ...] = ()) -> Iterator[TextIO]:
    """A text stream whose content replaces `output` only when the block ends without an
    error (temporary file in the same folder, then rename): a run that fails or is killed
    leaves no partial file. Same refusals as `check_target`; ordinary permissions."""
    import tempfile

    target = check_target(output, force, inputs)
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise UserError(f"{output}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        raise UserError(f"{output}: cannot write ({exc.strerror})") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_file(output: Path, content: str, force: bool, inputs: tuple[str, ...] = ()) -> None:
    """Write atomically (temporary file, then rename) with the usual permissions; never
    overwrite an input, nor an existing file without --force."""
    with atomic_writer(output, force, inputs) as fh:
        fh.write(content)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def emit(content: str, output: Path | None, force: bool, inputs: tuple[str, ...],
         color: bool = False) -> None:
    """A finished report to stdout, or atomically to `output`."""
    if output is None:
        click.echo(content, nl=False, color=color)
    else:
        write_file(output, content, force, inputs)


def batch_options(command):
    """--jobs, --engine and --scheduler: where the batch runner (framing/batch.py) works, for
    every command that reads many articles."""
    from framing.batch import ENGINES

    options = (
        click.option("-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True,
                     help="Worker processes (or Dask workers) for many articles."),
        click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
                     help='Where the workers run: local processes, or Dask '
                          '(pip install "framing[dask]").'),
        click.option("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler address (tcp://host:8786) [default: a local cluster]."),
    )
    for option in reversed(options):
        command = option(command)
    return command
