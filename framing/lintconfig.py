"""`framing check` settings: defaults < `[tool.framing]` in pyproject.toml or `.framing.toml`
(the nearest one upward from the checked file) < command-line flags.

Keys (all optional): `enable` and `disable` (kinds or entry ids), `levels` (kind or id ->
suggestion | warning | error), `lexicons` (extra lexicon files, relative to the config file),
`allow` (terms the newsroom accepts), `fail-level` (suggestion | warning | error | none) and
`include-quotes` (bool). A key or value that is not understood is a `ConfigError` naming the
key and the file.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from framing.files import read_bytes
from framing.lexicon import LEVELS, Lexicon
from framing.results import KINDS

CONFIG_NAMES = (".framing.toml", "pyproject.toml")
FAIL_LEVELS = (*LEVELS, "none")
KEYS = ("enable", "disable", "levels", "lexicons", "allow", "fail-level", "include-quotes")
DEFAULT_FAIL_LEVEL = "warning"
KIND_LEVELS = {"loaded": "warning", "report_verb": "warning", "anonymous": "warning",
               "scare_quote": "warning", "hedge": "suggestion", "booster": "suggestion"}


class ConfigError(Exception):
    """A configuration problem; str(exc) is one line naming the key and the file."""


@dataclass(frozen=True)
class Layer:
    """One source of settings (a config file or the command line), already type-checked.
    Rule names (kinds, ids) are checked against the lexicon by `Settings.check`."""

    where: str
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    levels: dict[str, str] = field(default_factory=dict)
    lexicons: tuple[Path, ...] = ()
    allow: tuple[str, ...] = ()
    fail_level: str | None = None
    include_quotes: bool | None = None


@dataclass(frozen=True)
class Settings:
    """The merged layers, lowest first; what `lint.findings` asks."""

    layers: tuple[Layer, ...]

    @property
    def lexicons(self) -> tuple[Path, ...]:
        return tuple(p for layer in self.layers for p in layer.lexicons)

    @property
    def fail_level(self) -> str:
        return next((lay.fail_level for lay in reversed(self.layers) if lay.fail_level),
                    DEFAULT_FAIL_LEVEL)

    @property
    def include_quotes(self) -> bool:
        return next((lay.include_quotes for lay in reversed(self.layers)
                     if lay.include_quotes is not None), False)

    @property
    def allowed(self) -> frozenset[str]:
        from framing.segment import normalise

        return frozenset(normalise(t) for layer in self.layers for t in layer.allow)

    def enabled(self, rule: str, kind: str) -> bool:
        """An id's own setting beats its kind's; a later layer beats an earlier one."""
        state: dict[str, bool] = {}
        for layer in self.layers:
            state.update({name: False for name in layer.disable})
            state.update({name: True for name in layer.enable})
        return state.get(rule, state.get(kind, True))

    def level(self, rule: str, kind: str, entry_level: str | None) -> str:
        """The level the layers set for the id, else for its kind (a later layer wins), else
        the entry's own level, else the kind's default."""
        for name in (rule, kind):
            for layer in reversed(self.layers):
                if name in layer.levels:
                    return layer.levels[name]
        return entry_level or KIND_LEVELS.get(kind, "warning")

    def check(self, lexicon: Lexicon) -> None:
        """Every kind or id named in a layer exists (after that layer's lexicons are read)."""
        known = set(KINDS) | {e.id for e in lexicon.entries}
        for layer in self.layers:
            for key, names in (("enable", layer.enable), ("disable", layer.disable),
                               ("levels", tuple(layer.levels))):
                unknown = [n for n in names if n not in known]
                if unknown:
                    raise ConfigError(f"{layer.where}: {key}: unknown kind or rule id "
                                      f"{unknown[0]!r} (see `framing lexicon list`)")


def _names(value: object, key: str, where: str) -> tuple[str, ...]:
    """A list of strings (a comma-separated string is accepted too)."""
    if isinstance(value, str):
        value = [v for v in value.split(",")]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: {key}: must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _flat(table: dict, prefix: str = "") -> dict[str, object]:
    """`levels` written with bare dotted keys (hedge.reportedly = ...) nest in TOML: flatten."""
    out: dict[str, object] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            out |= _flat(value, f"{prefix}{key}.")
        else:
            out[f"{prefix}{key}"] = value
    return out


def _level(value: object, key: str, where: str, allowed: tuple[str, ...] = LEVELS) -> str:
    if value not in allowed:
        raise ConfigError(f"{where}: {key}: {value!r} is not one of {', '.join(allowed)}")
    return str(value)


def layer(data: dict, where: str, base: Path | None = None) -> Layer:
    """Check one table of settings; `base` is the folder relative lexicon paths start from."""
    unknown = [k for k in data if k not in KEYS]
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(KEYS)})")
    levels = data.get("levels", {})
    if not isinstance(levels, dict):
        raise ConfigError(f"{where}: levels: must be a table of kind or id = level")
    include = data.get("include-quotes")
    if include is not None and not isinstance(include, bool):
        raise ConfigError(f"{where}: include-quotes: must be true or false")
    fail = data.get("fail-level")
    lexicons = [(base / p) if base else Path(p)
                for p in _names(data.get("lexicons", []), "lexicons", where)]
    missing = [p for p in lexicons if not p.is_file()]
    if missing:
        raise ConfigError(f"{where}: lexicons: {missing[0]}: no such lexicon file")
    return Layer(
        where=where,
        enable=_names(data.get("enable", []), "enable", where),
        disable=_names(data.get("disable", []), "disable", where),
        levels={k: _level(v, f"levels.{k}", where) for k, v in _flat(levels).items()},
        lexicons=tuple(lexicons),
        allow=_names(data.get("allow", []), "allow", where),
        fail_level=None if fail is None else _level(fail, "fail-level", where, FAIL_LEVELS),
        include_quotes=include)


def read_file(path: Path) -> Layer | None:
    """The settings in a config file; None for a pyproject.toml without [tool.framing]."""
    try:
        data = tomllib.loads(read_bytes(path, ConfigError, "config file").decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "framing" not in tool:
            return None
        data, where = tool["framing"], f"{path}: [tool.framing]"
        if not isinstance(data, dict):
            raise ConfigError(f"{where}: must be a table")
    else:
        where = str(path)
    return layer(data, where, path.parent)


def find(start: Path, cache: dict[Path, Layer | None] | None = None) -> Layer | None:
    """The nearest config upward from `start` (a file or folder): in each folder
    `.framing.toml` first, then a pyproject.toml that has a [tool.framing] table."""
    cache = {} if cache is None else cache
    folder = start.resolve()
    folder = folder if folder.is_dir() else folder.parent
    seen = []
    found: Layer | None = None
    for directory in (folder, *folder.parents):
        if directory in cache:
            found = cache[directory]
            break
        seen.append(directory)
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                found = read_file(candidate)
                if found:
                    break
        if found:
            break
    for directory in seen:
        cache[directory] = found
    return found
