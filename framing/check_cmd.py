"""`framing check`: lint drafts for loaded terms, hedges, boosters, anonymous sources and scare
quotes, as linters do (path:line:col, levels, config, suppressions, SARIF, rewrites).

Exit codes: 0 no finding at or above the fail level; 1 at least one; 2 bad usage, a config
error or a file that cannot be read (one line each on stderr).
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from framing.lexicon import LEVELS
from framing.lintconfig import FAIL_LEVELS
from framing.output import EXIT_INPUT, UserError
from framing.render.lint import FORMATS

EXIT_FINDINGS = 1
MAX_BYTES = 5_000_000


def _split(values: tuple[str, ...]) -> list[str]:
    """Repeated options that may also hold comma-separated lists."""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _levels(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for value in _split(values):
        name, sep, level = value.partition("=")
        if not sep or level not in LEVELS:
            raise UserError(f"--level {value!r}: write KIND_OR_ID=LEVEL with LEVEL one of "
                            f"{', '.join(LEVELS)}")
        out[name.strip()] = level
    return out


def _read(spec: str) -> str:
    from framing.files import read_bytes, read_capped
    from framing.load import InputError, decode

    if "://" in spec:
        raise InputError(f"{spec}: check reads files and stdin, not URLs "
                         "(`framing analyse` fetches pages)")
    data = (read_capped(sys.stdin.buffer, MAX_BYTES, spec, InputError) if spec == "-" else
            read_bytes(spec, InputError, max_bytes=MAX_BYTES))
    return decode(data, spec) if data.strip() else ""  # an empty draft has nothing to flag


class _Checker:
    """Checks files one by one: the config nearest each file (or the one given) under the
    flags, one lexicon per distinct list of extra files, each loaded once."""

    def __init__(self, flags, fixed, no_config: bool, syntax: str) -> None:
        self.flags, self.fixed, self.no_config, self.syntax = flags, fixed, no_config, syntax
        self.configs: dict = {}
        self.lexicons: dict = {}

    def _lexicon(self, files: tuple[Path, ...]):
        from framing import lexicon

        if files not in self.lexicons:
            try:
                self.lexicons[files] = lexicon.load(files)
            except lexicon.LexiconError as exc:
                raise UserError(str(exc)) from None
        return self.lexicons[files]

    def check(self, path: str):
        """(the file's report, its fail level). UserError for a config or lexicon problem
        (it stops the run); InputError or LintError for this file alone."""
        from framing import lint, lintconfig
        from framing.mask import syntax_for

        text = _read(path)
        try:
            layer = self.fixed or (None if self.no_config else lintconfig.find(
                Path.cwd() if path == "-" else Path(path), self.configs))
            settings = lintconfig.Settings(tuple(x for x in (layer, self.flags) if x))
            lexicon = self._lexicon(settings.lexicons)
            settings.check(lexicon)
        except lintconfig.ConfigError as exc:
            raise UserError(str(exc)) from None
        syntax = syntax_for(path) if self.syntax == "auto" else self.syntax
        return lint.check_text(text, path, syntax, settings, lexicon), settings.fail_level


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text (terminal), line (path:line:col: level rule message), json, sarif, "
                   "github (Actions annotations).")
@click.option("--fail-level", type=click.Choice(FAIL_LEVELS),
              help="Exit 1 when a finding at or above this level exists [default: warning].")
@click.option("--include-quotes/--no-include-quotes", default=None,
              help="Also flag words inside quoted speech (the speaker's, not the writer's).")
@click.option("--enable", multiple=True, metavar="KIND|ID",
              help="Turn on kinds or rule ids (repeatable, or comma-separated).")
@click.option("--disable", multiple=True, metavar="KIND|ID",
              help="Turn off kinds or rule ids (repeatable, or comma-separated).")
@click.option("--level", "levels", multiple=True, metavar="KIND|ID=LEVEL",
              help="Set the level (suggestion, warning, error) of a kind or rule id.")
@click.option("--allow", multiple=True, metavar="TERM",
              help="Accept this term (the house style allows it); repeatable.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(path_type=Path),
              help="Extra lexicon file merged over the built-ins (repeatable).")
@click.option("--config", "config_file", type=click.Path(path_type=Path),
              help="Use this config file instead of the nearest .framing.toml / pyproject.toml.")
@click.option("--no-config", is_flag=True, help="Ignore config files.")
@click.option("--show-suppressed", is_flag=True,
              help="Also list what suppression comments silenced (never fails).")
@click.option("--diff", is_flag=True,
              help="Print the suggested rewrites as a unified diff (files are never changed).")
@click.option("--syntax", type=click.Choice(("auto", "markdown", "html", "text")), default="auto",
              show_default=True,
              help="How to read the files: by their suffix (auto; stdin is text) or as given.")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Skip matching files when walking folders (gitignore syntax; repeatable).")
@click.option("--no-gitignore", is_flag=True, help="Walk files that .gitignore lists too.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to FILE.")
@click.option("--force", is_flag=True, help="Replace --output if it already exists.")
@click.option("--no-color", is_flag=True, help="No colour (also when NO_COLOR is set).")
def check(inputs: tuple[str, ...], fmt: str, fail_level: str | None,
          include_quotes: bool | None, enable: tuple[str, ...], disable: tuple[str, ...],
          levels: tuple[str, ...], allow: tuple[str, ...], lexicons: tuple[Path, ...],
          config_file: Path | None, no_config: bool, show_suppressed: bool, diff: bool,
          syntax: str, exclude: tuple[str, ...], no_gitignore: bool, output: Path | None,
          force: bool, no_color: bool) -> None:
    """Check drafts as a linter does: PATH is a .md, .txt or .html file, a folder (walked for
    them, .gitignore respected), a quoted glob, or - for stdin.

    \b
    Examples:
      framing check draft.md
      framing check stories/ --format line --exclude 'archive/'
      framing check draft.md --fail-level error
      framing check draft.md --diff
      framing check stories/ --format sarif -o framing.sarif
      cat draft.md | framing check - --syntax markdown
    """
    from framing import lint, lintconfig
    from framing.cli import _use_color
    from framing.output import emit
    from framing.corpus import expand
    from framing.load import InputError

    try:
        flags = lintconfig.layer({"enable": _split(enable), "disable": _split(disable),
                                  "levels": _levels(levels), "allow": list(allow),
                                  "lexicons": [str(p) for p in lexicons],
                                  **({"fail-level": fail_level} if fail_level else {}),
                                  **({"include-quotes": include_quotes}
                                     if include_quotes is not None else {})},
                                 "command line")
        files = [f for spec in inputs
                 for f in expand(spec, exclude, gitignore=not no_gitignore)]
        fixed = lintconfig.read_file(config_file) if config_file else None
    except (InputError, lintconfig.ConfigError) as exc:
        raise UserError(str(exc)) from None
    if config_file and fixed is None:
        raise UserError(f"{config_file}: has no [tool.framing] table")
    checker = _Checker(flags, fixed, no_config, syntax)
    reports, failed, errors = [], False, 0
    for path in files:
        try:
            report, fail_level = checker.check(path)
        except (InputError, lint.LintError) as exc:
            click.echo(f"framing: error: {exc}", err=True)
            errors += 1
            continue
        failed |= lint.fails([report], fail_level)
        reports.append(report)
    if diff:
        from framing.render.lint.diff import render_diff

        content = render_diff(reports)
    else:
        from framing.render.lint import renderer

        shown = [lint.visible(r, show_suppressed) for r in reports]
        content = renderer(fmt)(shown, _use_color(no_color, output))
    emit(content, output, force, inputs, _use_color(no_color, output))
    if errors:
        sys.exit(EXIT_INPUT)
    if failed:
        sys.exit(EXIT_FINDINGS)
