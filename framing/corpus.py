"""One streaming reader for every command that takes many inputs (analyse, compare, check).

An input spec is "-" (stdin), an http(s) URL, a file, a directory (walked for .txt, .md,
.markdown, .html and .htm files, sorted), a glob pattern ("stories/*.md", quoted so the shell
leaves it), or a JSON-lines corpus (.jsonl, .ndjson, optionally .gz) with one article a line.
Corpora are read line by line, so memory stays flat whatever their size.

Each article comes out as an `Item`: its id, its `Document` (or the one-line `error` that kept
it from loading, so a batch can report it and go on) and the record's other fields (outlet,
bias rating ...) for grouping.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import field
from pathlib import Path
from typing import IO

from framing.load import Document, InputError, load, text_document
from framing.record import record

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
GLOB_CHARS = frozenset("*?[")


@record
class Item:
    """One article of a batch: loaded (`doc`) or not (`error`, one line)."""

    id: str
    doc: Document | None
    fields: dict[str, str | int | float | bool] = field(default_factory=dict)
    error: str | None = None


def is_corpus(spec: str) -> bool:
    """True for a JSON-lines corpus file name."""
    return spec.lower().endswith(CORPUS_SUFFIXES)


def expand(spec: str, exclude: Sequence[str] = (), gitignore: bool = False) -> list[str]:
    """The file specs one input stands for: a directory's article files, a glob's matches
    (sorted), else the spec itself. A directory's and a glob's files skip those matching the
    `exclude` patterns (gitignore syntax, relative to the directory or as written) and, with
    `gitignore`, those git ignores. InputError when a directory or glob holds no article."""
    if spec == "-" or "://" in spec:
        return [spec]
    path = Path(spec)
    if path.is_dir():
        found = sorted(str(p) for p in path.rglob("*")
                       if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
        found = _kept(path, found, exclude, gitignore)
        if not found:
            raise InputError(f"{spec}: directory holds no .txt, .md or .html files"
                             + (" that are not excluded or git-ignored" if exclude or gitignore
                                else ""))
        return found
    if GLOB_CHARS & set(spec) and not path.exists():
        import glob

        found = sorted(p for p in glob.glob(spec, recursive=True) if Path(p).is_file())
        found = _kept(Path("."), found, exclude, gitignore)
        if not found:
            raise InputError(f"{spec}: no file matches this pattern")
        return found
    return [spec]


def _kept(root: Path, files: list[str], exclude: Sequence[str], gitignore: bool) -> list[str]:
    """`files` (under `root`) less the excluded and the git-ignored (pathspec's gitignore
    rules; a deeper .gitignore overrides a shallower one)."""
    if not exclude and not gitignore:
        return files
    import pathspec

    excluded = pathspec.GitIgnoreSpec.from_lines(exclude)
    ignores = _gitignores(root) if gitignore else []
    kept = []
    for name in files:
        file = Path(name).resolve()
        if excluded.match_file(_relative(file, root.resolve())) or excluded.match_file(name):
            continue
        ignored = False
        for folder, spec in ignores:  # shallowest first: a deeper file has the last word
            if folder in file.parents:
                include = spec.check_file(file.relative_to(folder).as_posix()).include
                ignored = ignored if include is None else include
        if not ignored:
            kept.append(name)
    return kept


def _relative(file: Path, root: Path) -> str:
    return file.relative_to(root).as_posix() if root in file.parents else file.as_posix()


def _gitignores(root: Path) -> list:
    """(folder, spec) of every .gitignore from the repository's top (the nearest folder with
    .git, else `root`) down to `root` and inside it, shallowest first."""
    import pathspec

    root = root.resolve()
    top = next((d for d in (root, *root.parents) if (d / ".git").exists()), root)
    above = [d for d in (root, *root.parents) if d == top or top in d.parents]
    files = [d / ".gitignore" for d in reversed(above)] + [
        p for p in root.rglob(".gitignore") if p.parent != root]
    out = []
    for file in sorted((f for f in files if f.is_file()), key=lambda f: len(f.parts)):
        try:
            lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue  # an unreadable .gitignore ignores nothing, as in git
        out.append((file.parent, pathspec.GitIgnoreSpec.from_lines(lines)))
    return out


def _scalar_fields(record: dict, skip: str) -> dict[str, str | int | float | bool]:
    return {k: v for k, v in record.items()
            if k != skip and isinstance(v, str | int | float | bool)}


def opener(path: str) -> Callable[..., IO]:
    """`gzip.open` for a name ending in .gz (gzip imported only then), else `open`."""
    if path.lower().endswith(".gz"):
        import gzip

        return gzip.open
    return open


def read_corpus(path: str, text_field: str = "text", id_field: str = "id",
                keep_all: bool = False) -> Iterator[Item]:
    """Stream the articles of a JSON-lines corpus (gzip when the name ends in .gz).

    A line that is not a JSON object with a non-empty string `text_field` becomes an Item
    with an error; the ids of records without `id_field` are "<file>:<line>".
    """
    try:
        stream = opener(path)(path, "rt", encoding="utf-8", errors="strict", newline="")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with stream:
        n = 0
        while True:
            try:
                line = stream.readline()
            except (OSError, EOFError, UnicodeDecodeError) as exc:
                raise InputError(f"{path}: line {n + 1}: cannot read ({exc})") from None
            if not line:
                return
            n += 1
            if line.strip():
                yield _record(line, f"{path}:{n}", text_field, id_field, keep_all)


def _record(line: str, where: str, text_field: str, id_field: str, keep_all: bool) -> Item:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return Item(where, None, error=f"{where}: not valid JSON")
    if not isinstance(record, dict):
        return Item(where, None, error=f"{where}: not a JSON object")
    rid = record.get(id_field)
    item_id = str(rid) if isinstance(rid, str | int) and str(rid) else where
    fields = _scalar_fields(record, text_field)
    text = record.get(text_field)
    if not isinstance(text, str) or not text.strip():
        return Item(item_id, None, fields, f"{item_id}: no text in field {text_field!r}")
    try:
        doc = text_document(text.replace("\r\n", "\n").replace("\r", "\n"), item_id, keep_all)
    except InputError as exc:
        return Item(item_id, None, fields, str(exc))
    title = record.get("title")
    if isinstance(title, str) and title.strip():
        doc = Document(doc.source, doc.text, title.strip(), doc.removed)
    return Item(item_id, doc, fields)


def items(specs: Iterable[str], *, timeout: float = 10.0, text_field: str = "text",
          id_field: str = "id", keep_all: bool = False) -> Iterator[Item]:
    """Every article the specs stand for, in order (`keep_all`: keep page furniture). A directory or glob that holds no article
    and an unreadable corpus file raise InputError; an article that cannot be loaded (a
    missing or binary file, a bad corpus line) is yielded with its error."""
    for spec in specs:
        for one in expand(spec):
            if is_corpus(one):
                yield from read_corpus(one, text_field, id_field, keep_all)
                continue
            try:
                yield Item(one, load(one, timeout=timeout, keep_all=keep_all))
            except InputError as exc:
                yield Item(one, None, error=str(exc))
