"""Load and check lexicon files (TOML data in lexicons/; format in docs/lexicon-format.md)."""
from __future__ import annotations

import json
import os
from functools import lru_cache, partial
from itertools import accumulate
from pathlib import Path

from framing.files import read_bytes
from framing.record import record
from framing.results import KINDS, Token

REQUIRED = ("id", "term", "forms", "category", "weight", "explanation", "alternatives",
            "flag", "pass", "source")
CONDITIONS = ("prev", "next", "next_not", "before", "after", "near_before", "near_after",
              "of", "not_of", "shape", "sentence_has", "later_clause", "next2", "sentence",
              "clause", "nearby_has", "after_quote")
COMPLEMENT_PREPS = ("of", "with", "by")  # what `of` / `not_of` look after
NEAR = 4  # tokens that `near_before` / `near_after` look at
NEARBY = 60  # tokens either side, across sentences, that `nearby_has` looks at
SHAPES = ("capitalized", "lower")
STRING_CONDITIONS = {"shape": SHAPES, "sentence": ("question",), "clause": ("last",)}
REQUIREMENTS = ("speech_frame",)  # contexts an entry may require (framing/frames.py)
BUILTIN_CLASSES = ("@number", "@capitalized", "@possessive", "@none")
LEVELS = ("suggestion", "warning", "error")  # of `framing check` findings, mildest first


class LexiconError(Exception):
    """A lexicon file that cannot be used; str(exc) is one line."""


@record
class WordSet:
    """Words plus built-in shapes, as used by one exception condition."""

    words: frozenset[str]
    number: bool = False
    capitalized: bool = False
    possessive: bool = False
    none: bool = False

    def has(self, token: Token | None) -> bool:
        if token is None:
            return self.none
        return (token.norm in self.words or token.base in self.words
                or (self.number and token.text[0].isdigit())
                or (self.capitalized and token.text[0].isupper())
                or (self.possessive and token.norm != token.base))


@record
class Exception_:
    """A sense in which an entry's word is not flagged: all conditions must hold."""

    why: str
    prev: WordSet | None = None
    next: WordSet | None = None
    next_not: WordSet | None = None
    before: WordSet | None = None
    after: WordSet | None = None
    near_before: WordSet | None = None
    near_after: WordSet | None = None
    of: WordSet | None = None
    not_of: WordSet | None = None
    shape: str | None = None
    sentence_has: WordSet | None = None
    later_clause: WordSet | None = None
    next2: WordSet | None = None
    sentence: str | None = None  # "question": the match stands in a question
    clause: str | None = None  # "last": a punctuation mark or the sentence's end follows
    nearby_has: WordSet | None = None
    after_quote: WordSet | None = None


@record
class Entry:
    """One lexicon entry; `forms` are token tuples ("*" matches any one token)."""

    id: str
    kind: str
    term: str
    forms: tuple[tuple[str, ...], ...]
    category: str
    weight: float
    explanation: str
    alternatives: tuple[str, ...]
    exceptions: tuple[Exception_, ...]
    flag_examples: tuple[str, ...]
    pass_examples: tuple[str, ...]
    source: str
    origin: str
    replacement: tuple[str, ...] | None = None  # drop-in rewrite per form, for `check --diff`
    level: str | None = None  # `check` level of this entry, over its kind's default
    requires: str | None = None  # "speech_frame": flagged only where the word is speech

    # An entry read from the start-up cache starts with the `_HOT` fields only, plus `_fill`,
    # which returns the others: they are decoded on first use (`_unpacked`), so a run pays
    # only for the entries its text meets.
    def __getattr__(self, name: str):
        try:
            return self._decoded()[name]
        except KeyError:
            raise AttributeError(f"'Entry' object has no attribute {name!r}") from None

    def __getstate__(self) -> dict:
        """Pickled (sent to a worker process) with every field decoded."""
        return self._decoded()

    def _decoded(self) -> dict:
        """The instance's fields, the lazy ones decoded first (safe when threads race:
        decoding twice gives equal values, and `_fill` goes only after they are in)."""
        fields = self.__dict__
        fill = fields.get("_fill")
        if fill is not None:
            fields.update(fill())
            fields.pop("_fill", None)
        return fields


@record
class KindInfo:
    kind: str
    title: str
    about: str
    sources: tuple[str, ...]


@record(eq=False)
class Lexicon:
    """All entries, the kinds' descriptions and word classes; compared and hashed by identity
    so that a matcher can be cached per lexicon."""

    entries: tuple[Entry, ...]
    kinds: dict[str, KindInfo]
    classes: dict[str, frozenset[str]]
    sha256: str | None = None  # the built-in files' fingerprint (`fingerprint`); None if merged

    def get(self, entry_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)


def builtin_dir() -> Path:
    """The shipped lexicons: package data when installed, ../lexicons in a source checkout."""
    from importlib.util import find_spec

    try:
        spec = find_spec("framing.lexicons")
    except ModuleNotFoundError:
        spec = None
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return Path(__file__).resolve().parent.parent / "lexicons"


def _read_toml(path: Path, data: bytes | None = None) -> dict:
    import tomllib

    if data is None:
        data = read_bytes(path, LexiconError, "lexicon file")
    try:
        return tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: not valid TOML ({exc})") from None


def _str_list(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: must be a list of strings")
    return tuple(value)


def _wordset(value: object, classes: dict[str, frozenset[str]], where: str) -> WordSet:
    words: set[str] = set()
    shapes = set()
    for item in _str_list(value, where):
        if item in BUILTIN_CLASSES:
            shapes.add(item)
        elif item.startswith("@"):
            if item[1:] not in classes:
                raise LexiconError(f"{where}: unknown class {item}")
            words |= classes[item[1:]]
        elif item != item.lower():
            raise LexiconError(f"{where}: word {item!r} must be lower-case")
        else:
            words.add(item.replace("’", "'"))
    return WordSet(frozenset(words), "@number" in shapes, "@capitalized" in shapes,
                   "@possessive" in shapes, "@none" in shapes)


def _exception(raw: object, classes: dict[str, frozenset[str]], where: str) -> Exception_:
    if not isinstance(raw, dict) or not isinstance(raw.get("why"), str):
        raise LexiconError(f"{where}: each exception is a table with a 'why' line")
    unknown = set(raw) - set(CONDITIONS) - {"why"}
    if unknown or len(raw) < 2:
        raise LexiconError(f"{where}: exception needs conditions from {', '.join(CONDITIONS)}"
                           + (f" (unknown: {', '.join(sorted(unknown))})" if unknown else ""))
    strings = {k: raw.get(k) for k in STRING_CONDITIONS}
    for key, value in strings.items():
        allowed = STRING_CONDITIONS[key]
        if value is not None and value not in allowed:
            raise LexiconError(f"{where}: {key} must be one of {', '.join(allowed)}")
    sets = {k: _wordset(raw[k], classes, f"{where}.{k}") for k in CONDITIONS
            if k in raw and k not in STRING_CONDITIONS}
    return Exception_(why=raw["why"], **strings, **sets)


def _forms(value: object, where: str) -> tuple[tuple[str, ...], ...]:
    forms = []
    for form in _str_list(value, where):
        toks = tuple(form.replace("’", "'").split())
        if not toks or form != form.lower() or "*" in (toks[0], toks[-1]):
            raise LexiconError(f"{where}: form {form!r} must be lower-case words, "
                               "with '*' only between words")
        forms.append(toks)
    if not forms:
        raise LexiconError(f"{where}: needs at least one form")
    return tuple(forms)


def _replacement(value: object, forms: tuple[tuple[str, ...], ...], alternatives: tuple[str, ...],
                 where: str) -> tuple[str, ...] | None:
    """One drop-in rewrite per form: a string that fits every form, or a list parallel to
    `forms` (inflection kept); it must name one of the alternatives."""
    if value is None:
        return None
    per_form = (value,) * len(forms) if isinstance(value, str) else _str_list(value, where)
    if len(per_form) != len(forms):
        raise LexiconError(f"{where}: needs one rewrite per form ({len(forms)}), "
                           f"has {len(per_form)}")
    if any(not r.strip() or "<" in r or "(" in r for r in per_form):
        raise LexiconError(f"{where}: a rewrite is plain words (no <placeholder> or note)")
    if any("*" in form for form in forms):
        raise LexiconError(f"{where}: an entry whose forms have '*' cannot have a replacement")
    if not {r.lower() for r in per_form} & {a.lower() for a in alternatives}:
        raise LexiconError(f"{where}: must name one of the alternatives")
    return tuple(per_form)


def _requires(value: object, where: str) -> str | None:
    if value is None or value == "":
        return None
    if value not in REQUIREMENTS:
        raise LexiconError(f"{where}: requires must be one of {', '.join(REQUIREMENTS)} or \"\"")
    return value


def _entry(raw: object, kind: str, classes: dict[str, frozenset[str]], origin: str) -> Entry:
    if not isinstance(raw, dict):
        raise LexiconError(f"{origin}: every [[entry]] must be a table")
    eid = raw.get("id", "?")
    where = f"{origin}: {eid}"
    missing = [k for k in REQUIRED if k not in raw]
    if missing:
        raise LexiconError(f"{where}: missing {', '.join(missing)}")
    for key in ("id", "term", "category", "explanation", "source"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise LexiconError(f"{where}: {key} must be a non-empty string")
    if not eid.startswith(kind + "."):
        raise LexiconError(f"{where}: id must start with '{kind}.'")
    weight = raw["weight"]
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight <= 1:
        raise LexiconError(f"{where}: weight must be a number in (0, 1]")
    flags, passes = _str_list(raw["flag"], f"{where}.flag"), _str_list(raw["pass"], f"{where}.pass")
    if not flags or not passes:
        raise LexiconError(f"{where}: needs at least one 'flag' and one 'pass' example")
    exceptions = raw.get("exceptions", [])
    if not isinstance(exceptions, list):
        raise LexiconError(f"{where}: exceptions must be a list of tables")
    level = raw.get("level")
    if level is not None and level not in LEVELS:
        raise LexiconError(f"{where}: level must be one of {', '.join(LEVELS)}")
    forms = _forms(raw["forms"], f"{where}.forms")
    alternatives = _str_list(raw["alternatives"], f"{where}.alternatives")
    return Entry(
        id=eid, kind=kind, term=raw["term"], forms=forms,
        category=raw["category"], weight=float(weight), explanation=raw["explanation"].strip(),
        alternatives=alternatives,
        exceptions=tuple(_exception(x, classes, f"{where}.exceptions") for x in exceptions),
        flag_examples=flags, pass_examples=passes, source=raw["source"], origin=origin,
        replacement=_replacement(raw.get("replacement"), forms, alternatives,
                                 f"{where}.replacement"),
        level=level, requires=_requires(raw.get("requires"), f"{where}.requires"))


def _classes(raw: object, where: str) -> dict[str, frozenset[str]]:
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: [classes] must be a table of word lists")
    return {name: frozenset(w.replace("’", "'") for w in _str_list(words, f"{where}.{name}"))
            for name, words in raw.items()}


def parse_file(path: Path, shared: dict[str, frozenset[str]],
               data: dict | None = None) -> tuple[KindInfo, list[Entry]]:
    """Parse one lexicon file (or its already decoded TOML `data`) into its kind's
    description and entries."""
    if data is None:
        data = _read_toml(path)
    meta = data.get("lexicon")
    if not isinstance(meta, dict) or meta.get("kind") not in KINDS:
        raise LexiconError(f"{path}: needs a [lexicon] table with kind = one of {', '.join(KINDS)}")
    kind = meta["kind"]
    info = KindInfo(kind, str(meta.get("title", kind)), str(meta.get("about", "")),
                    _str_list(meta.get("sources", []), f"{path}: sources"))
    classes = shared | _classes(data.get("classes", {}), f"{path}: classes")
    raw_entries = data.get("entry", [])
    if not isinstance(raw_entries, list) or not raw_entries:
        raise LexiconError(f"{path}: has no [[entry]] tables")
    return info, [_entry(r, kind, classes, path.name) for r in raw_entries]


def load_files(paths: list[Path], shared_classes: dict[str, frozenset[str]] | None = None,
               base: Lexicon | None = None, docs: dict[str, dict] | None = None,
               sha256: str | None = None) -> Lexicon:
    """Build a lexicon from files (or their decoded TOML in `docs`, by file name); their
    entries replace `base` entries with the same id."""
    classes = dict(base.classes if base else shared_classes or {})
    entries: dict[str, Entry] = {e.id: e for e in base.entries} if base else {}
    kinds = dict(base.kinds) if base else {}
    seen: set[str] = set()
    for path in paths:
        info, file_entries = parse_file(path, classes, docs[path.name] if docs else None)
        if path.stem == info.kind or info.kind not in kinds:  # loaded.toml describes "loaded"
            kinds[info.kind] = info
        for entry in file_entries:
            if entry.id in seen:
                raise LexiconError(f"{path}: duplicate id {entry.id}")
            seen.add(entry.id)
            entries.pop(entry.id, None)
            entries[entry.id] = entry
    return Lexicon(tuple(entries.values()), kinds, classes, sha256)


def fingerprint(raw: dict[str, bytes]) -> str:
    """sha256 of lexicon files (name -> bytes, in name order): what a model's cue features
    were computed with (`metadata.lexicons.sha256` in a model file)."""
    import hashlib  # here: a warm start reads the fingerprint from the start-up cache

    digest = hashlib.sha256()
    for name in sorted(raw):
        digest.update(name.encode() + b"\0" + raw[name] + b"\0")
    return digest.hexdigest()


# The fields of a cached entry that are there from the start: what lookups by id or kind
# read, and those with a default (a class attribute, which `__getattr__` never sees).
_HOT = ("id", "kind", "replacement", "level", "requires")


# The layout of `_packed`, in the cache key: a new layout is never read as the old one.
_PACKING = "2"


def _packed(lexicon: Lexicon) -> bytes:
    """A checked lexicon for the start-up cache (`_unpacked` reads it back): the size of a
    JSON head (8 bytes, little-endian), the head (the kinds, word classes, every entry's
    `_HOT` fields and the size of its JSON), then the entries' other fields as JSON one after
    another, each decoded when first used."""
    from dataclasses import asdict

    def plain(value: object) -> object:
        if isinstance(value, frozenset):
            return sorted(value)
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    bodies = [json.dumps(plain({k: v for k, v in asdict(e).items() if k not in _HOT}),
                         ensure_ascii=False).encode() for e in lexicon.entries]
    head = {"kinds": plain({k: asdict(v) for k, v in lexicon.kinds.items()}),
            "classes": plain(lexicon.classes),
            "hot": [[plain(getattr(e, k)) for k in _HOT] for e in lexicon.entries],
            "sizes": [len(b) for b in bodies]}
    data = json.dumps(head, ensure_ascii=False).encode()
    return len(data).to_bytes(8, "little") + data + b"".join(bodies)


def _unpacked(payload: bytes | memoryview, sha256: str) -> Lexicon:
    """The lexicon `_packed` stored (built from checked files, so not checked again), its
    entries decoded lazily (`Entry.__getattr__`) from the cache file's mapping (`mapped`),
    which they keep: 1.7 MB a copy would add to the process's memory (and its page faults)
    for the few entries a text meets."""
    view = memoryview(payload)
    end = 8 + int.from_bytes(view[:8], "little")
    head = json.loads(str(view[8:end], "utf-8"))
    sets: dict[tuple, WordSet] = {}

    def wordset(raw: dict | None) -> WordSet | None:
        if raw is None:
            return None
        key = (tuple(raw["words"]), raw["number"], raw["capitalized"], raw["possessive"],
               raw["none"])
        if key not in sets:
            sets[key] = WordSet(frozenset(key[0]), *key[1:])
        return sets[key]

    def fields(start: int, stop: int) -> dict:
        e = json.loads(str(view[start:stop], "utf-8"))
        return dict(
            term=e["term"], forms=tuple(map(tuple, e["forms"])), category=e["category"],
            weight=e["weight"], explanation=e["explanation"], alternatives=tuple(e["alternatives"]),
            exceptions=tuple(Exception_(why=x["why"], **{k: x[k] for k in STRING_CONDITIONS},
                                        **{k: wordset(x[k]) for k in CONDITIONS
                                           if k not in STRING_CONDITIONS})
                             for x in e["exceptions"]),
            flag_examples=tuple(e["flag_examples"]), pass_examples=tuple(e["pass_examples"]),
            source=e["source"], origin=e["origin"])

    def entry(hot: list, start: int, stop: int) -> Entry:
        new = object.__new__(Entry)
        eid, kind, replacement, level, requires = hot
        new.__dict__.update(id=eid, kind=kind, level=level, requires=requires,
                            replacement=None if replacement is None else tuple(replacement),
                            _fill=partial(fields, start, stop))
        return new

    if not (len(head["hot"]) == len(head["sizes"]) and end + sum(head["sizes"]) == len(view)):
        raise ValueError("damaged lexicon cache")
    stops = list(accumulate(head["sizes"], initial=end))
    entries = tuple(map(entry, head["hot"], stops, stops[1:]))
    kinds = {k: KindInfo(v["kind"], v["title"], v["about"], tuple(v["sources"]))
             for k, v in head["kinds"].items()}
    classes = {k: frozenset(v) for k, v in head["classes"].items()}
    return Lexicon(entries, kinds, classes, sha256)


def _parse_builtin(directory: Path, files: list[Path], raw: dict[str, bytes],
                   sha: str) -> Lexicon:
    docs = {name: _read_toml(directory / name, data) for name, data in raw.items()}
    shared = _classes(docs["classes.toml"].get("classes", {}), "classes.toml")
    return load_files([p for p in files if p.name != "classes.toml"], shared, docs=docs,
                      sha256=sha)


@lru_cache(maxsize=1)
def builtin() -> Lexicon:
    """The shipped lexicons, loaded once per process: from the compiled start-up cache
    (framing/cache.py) when it was built from these very files, else parsed and checked.
    Their fingerprint is remembered there too, so a warm start reads no lexicon file."""
    from framing import cache

    directory = builtin_dir()
    # not Path.glob: its first call compiles a pattern (a millisecond at start-up)
    files = sorted(directory / name for name in os.listdir(directory) if name.endswith(".toml"))

    @lru_cache(maxsize=1)
    def raw() -> dict[str, bytes]:
        return {p.name: read_bytes(p, LexiconError, "lexicon file") for p in files}

    try:
        sha = cache.file_digest("lexicons", files, lambda: fingerprint(raw()))
    except OSError:  # a file that went away or cannot be read: the reader's one-line error
        sha = fingerprint(raw())
    return cache.cached("lexicons", cache.key_of("lexicons", _PACKING, sha),
                        lambda: _packed(_parse_builtin(directory, files, raw(), sha)),
                        lambda payload: _unpacked(payload, sha), mapped=True)


def load(extra: list[Path] | tuple[Path, ...] = ()) -> Lexicon:
    """Built-in lexicons with the user's files merged over them."""
    base = builtin()
    return load_files(list(extra), base=base) if extra else base
