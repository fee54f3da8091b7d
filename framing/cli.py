"""The `framing` command line: reads inputs, writes reports, chooses exit codes (with
`framing/classify/commands.py` for `train` and `evaluate`); analysers never print.

Exit codes: 0 success; 1 `lexicon validate` found problems; 2 bad usage or unreadable input.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from framing import __version__
from framing.output import UserError, batch_options, check_target
from framing.results import KINDS
from framing.render import FORMATS, STREAM_FORMATS

EXIT_FINDINGS = 1
# One instance for every path option: each click.Path() looks up its translated name
# (gettext, a search of the locale folders) when made.
PATH = click.Path(path_type=Path)


def _lexicon(extra: tuple[Path, ...]):
    from framing import lexicon

    try:
        return lexicon.load(extra)
    except lexicon.LexiconError as exc:
        raise UserError(str(exc)) from None


def _model(path: Path):
    from framing.classify.predict import ModelError, read_model

    try:
        return read_model(path)
    except ModelError as exc:
        raise UserError(str(exc)) from None


def _not_nan(param: click.Parameter, value: float) -> float:
    if value != value:
        raise click.BadParameter("must be a number of seconds", param=param)
    return value


def _use_color(no_color: bool, output: Path | None) -> bool:
    if no_color or output is not None or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


def _warning_line(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings (a model trained with other lexicons) as one line on stderr."""
    click.echo(f"framing: warning: {message}", err=True)


def _version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """--version: the version, and a warning when the shipped model no longer matches the
    built-in lexicons."""
    if not value or ctx.resilient_parsing:
        return
    import warnings

    from framing.classify.predict import ModelError, lexicon_drift, load_model

    click.echo(f"framing, version {__version__}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            drift = lexicon_drift(load_model())
    except ModelError as exc:
        drift = str(exc)
    if drift:
        click.echo(f"framing: warning: {drift}", err=True)
    ctx.exit()


class LazyGroup(click.Group):
    """A group whose commands in `lazy` (name -> "module:attribute") are imported only when
    run or listed, so `framing analyse` never imports the other commands' modules (click's
    documented lazy-loading pattern)."""

    def __init__(self, *args, lazy: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            from importlib import import_module

            module, attribute = self.lazy[cmd_name].split(":")
            self.add_command(getattr(import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        if args and args[0] not in self.commands and args[0] not in self.lazy:
            for name in self.lazy:  # an unknown command: "did you mean" weighs all of them
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context):
        """Ctrl-C stops with one line and exit 130 (128 + SIGINT, the shell's convention),
        not click's "Aborted!" and exit 1, which reads like "findings"."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("framing: interrupted", err=True)
            ctx.exit(130)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]},
             lazy={"train": "framing.classify.commands:train",
                   "evaluate": "framing.classify.commands:evaluate",
                   "train-words": "framing.classify.word_commands:train_words",
                   "evaluate-words": "framing.classify.word_commands:evaluate_words",
                   "compare": "framing.compare_cmd:compare",
                   "check": "framing.check_cmd:check"})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version,
              help="Show the version and exit.")
def main() -> None:
    """Show how a news text persuades: loaded terms, hedges, boosters, anonymous sources and
    scare quotes, each with why it matters and a neutral alternative."""
    import gc
    import warnings

    warnings.showwarning = _warning_line
    if not gc.isenabled():  # paused by the entry point (framing_cli.py) during the imports
        gc.freeze()  # what they made lives as long as the process: never walk it again
        gc.enable()


def run() -> NoReturn:
    """The `framing` command (the console script and `python -m framing`): `main`, then an
    exit that skips the interpreter's teardown when nothing is left to run at exit.

    Tearing down frees every object one by one: ~9 ms for the model's and the lexicons'
    hundred thousand strings, more than a short analysis. It is skipped (`os._exit`, after
    flushing stdout and stderr) only when no thread, worker pool or exit callback could
    still need to run; files are written and closed before `main` returns (atomic output,
    the start-up cache). Otherwise, and for tracebacks, Python exits as usual.
    """
    try:
        main()
    except SystemExit as exc:
        code = exc.code
    else:  # click's standalone mode always ends in SystemExit; here for completeness
        code = 0
    if code is None or isinstance(code, int):
        _exit_fast(code or 0)
    sys.exit(code)


def _exit_fast(code: int) -> NoReturn:
    import atexit
    import threading

    callbacks = getattr(atexit, "_ncallbacks", None)  # CPython's count of exit callbacks
    if (callbacks is not None and callbacks() == 0 and threading.active_count() == 1
            and "concurrent.futures" not in sys.modules):
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):  # a closed pipe: Python's own exit reports it
            sys.exit(code)
        os._exit(code)
    sys.exit(code)


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--format", "fmt", type=click.Choice(FORMATS + STREAM_FORMATS), default="text",
              show_default=True, help="Report format; jsonl and csv stream one line per article.")
@click.option("-o", "--output", type=PATH,
              help="Write the report to FILE (atomically: a failed or killed run leaves none).")
@click.option("--force", is_flag=True, help="Replace --output if it already exists.")
@click.option("--no-color", is_flag=True, help="No colour (also when NO_COLOR is set).")
@click.option("--lexicon", "lexicons", multiple=True, type=PATH,
              help="Extra lexicon file merged over the built-ins (repeatable).")
@click.option("--timeout", type=click.FloatRange(0, 600, min_open=True), default=10.0,
              show_default=True, callback=lambda ctx, param, value: _not_nan(param, value),
              help="Seconds a URL fetch may take in all.")
@click.option("--model", "model_path", type=PATH,
              help="Sentence bias model from `framing train` [default: the shipped model].")
@click.option("--keep-all", is_flag=True,
              help="Keep trailing page furniture (related links, comments) instead of cutting it.")
@batch_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--learned", is_flag=True,
              help="Add the learned word detector's guesses (loaded · learned) to the lexicon's flags.")
def analyse(inputs: tuple[str, ...], fmt: str, output: Path | None, force: bool, no_color: bool,
            lexicons: tuple[Path, ...], timeout: float, model_path: Path | None, keep_all: bool,
            jobs: int, engine: str, scheduler: str | None, quiet: bool, learned: bool) -> None:
    """Analyse articles. INPUT is a text, Markdown or HTML file, an http(s) URL, - for stdin,
    a directory or a quoted glob of such files, or a JSON-lines corpus (.jsonl, .jsonl.gz; one
    article a line in its "text" field, with an "id").

    An article that cannot be read or analysed in a batch is reported on stderr with its id
    and the rest go on; the exit code is then 1.

    \b
    Examples:
      framing analyse samples/port-loaded.txt
      framing analyse article.html --format json -o report.json
      cat draft.md | framing analyse -
      framing analyse corpus.jsonl.gz --format jsonl --jobs 2 -o results.jsonl
      framing analyse "stories/*.md" --format csv -o scores.csv
    """
    from framing.batch import BatchError
    from framing.load import InputError

    if scheduler and engine != "dask":
        raise UserError("--scheduler needs --engine dask")
    _lexicon(lexicons)  # a bad lexicon or model is a usage error before any work
    if model_path:
        _model(model_path)
    if output is not None:
        check_target(output, force, inputs)
    from framing.cli_batch import analyse_all

    try:
        failed = analyse_all(inputs, fmt, output, force, _use_color(no_color, output),
                             tuple(str(p) for p in lexicons), timeout, jobs, engine, scheduler,
                             quiet, model=str(model_path) if model_path else None,
                             keep_all=keep_all, learned=learned)
    except (InputError, BatchError) as exc:
        raise UserError(str(exc)) from None
    if failed:
        click.echo(f"framing: {failed} article(s) failed (see above)", err=True)
        sys.exit(EXIT_FINDINGS)


@main.group()
def lexicon() -> None:
    """List and check the lexicons (built-in and your own)."""


@lexicon.command("list")
@click.option("--kind", type=click.Choice([k for k in KINDS if k != "scare_quote"]),
              help="Only this kind.")
@click.option("--lexicon", "lexicons", multiple=True, type=PATH,
              help="Extra lexicon file merged over the built-ins (repeatable).")
def lexicon_list(kind: str | None, lexicons: tuple[Path, ...]) -> None:
    """One line per entry: id, category, term, neutral alternatives."""
    from framing.explain import entry_table

    entries = [e for e in _lexicon(lexicons).entries if kind is None or e.kind == kind]
    click.echo(entry_table(entries), nl=False)


@lexicon.command("validate")
@click.argument("files", nargs=-1, type=PATH)
def lexicon_validate(files: tuple[Path, ...]) -> None:
    """Check lexicon files (default: the built-ins), run every entry's examples and report
    their coverage: every sense exception triggered by an example, and every entry with a
    must-not-flag example that contains its words.

    Exits 0 when all is well, 1 when an example fails or coverage has gaps, 2 when a file
    cannot be read.
    """
    from framing.validate import check_examples, coverage

    lex = _lexicon(files)
    entries = [e for e in lex.entries if not files or e.origin in {f.name for f in files}]
    problems = check_examples(lex, entries)
    covered = coverage(lex, entries)
    for problem in problems + list(covered.gaps):
        click.echo(problem)
    n_examples = sum(len(e.flag_examples) + len(e.pass_examples) for e in entries)
    click.echo(f"{len(entries)} entries, {n_examples} examples: "
               + (f"{len(problems)} problem(s)" if problems else "all pass"))
    click.echo(covered.summary() + (f": {len(covered.gaps)} gap(s)" if covered.gaps else ""))
    if problems or covered.gaps:
        sys.exit(EXIT_FINDINGS)


@main.command()
@click.argument("name", metavar="ID|WORD|KIND")
@click.option("--lexicon", "lexicons", multiple=True, type=PATH,
              help="Extra lexicon file merged over the built-ins (repeatable).")
def explain(name: str, lexicons: tuple[Path, ...]) -> None:
    """Explain an entry (loaded.regime), a word the lexicons flag (regime, "of course") or a
    kind (hedge, booster, loaded, anonymous, report_verb, scare_quote): what, why, examples."""
    from framing.explain import explain_text

    lexicon = _lexicon(lexicons)
    text = explain_text(lexicon, name)
    if text is None:
        from framing.explain import suggestions

        hint = suggestions(lexicon, name)
        raise UserError(f"no entry or kind named {name!r}"
                           + (f"; did you mean {', '.join(hint)}?" if hint else
                              "; see `framing lexicon list`"))
    click.echo(text, nl=False)
