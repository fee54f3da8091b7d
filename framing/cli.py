"""The `framing` command line: reads inputs, writes reports, chooses exit codes (with
`framing/classify/commands.py` for `train` and `evaluate`); analysers never print.

Exit codes: 0 success; 1 `lexicon validate` found problems; 2 bad usage or unreadable input.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from framing import __version__
from framing.classify.commands import evaluate, train
from framing.classify.word_commands import evaluate_words, train_words
from framing.output import UserError, write_file
from framing.results import KINDS
from framing.render import FORMATS

EXIT_FINDINGS = 1


def _lexicon(extra: tuple[Path, ...]):
    from framing import lexicon

    try:
        return lexicon.load(extra)
    except lexicon.LexiconError as exc:
        raise UserError(str(exc)) from None


def _not_nan(param: click.Parameter, value: float) -> float:
    if value != value:
        raise click.BadParameter("must be a number of seconds", param=param)
    return value


def _use_color(no_color: bool, output: Path | None) -> bool:
    if no_color or output is not None or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


def _emit(content: str, output: Path | None, force: bool, inputs: tuple[str, ...],
          color: bool = False) -> None:
    if output is None:
        click.echo(content, nl=False, color=color)
    else:
        write_file(output, content, force, inputs)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="framing")
def main() -> None:
    """Show how a news text persuades: loaded terms, hedges, boosters, anonymous sources and
    scare quotes, each with why it matters and a neutral alternative."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Report format.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the report to FILE.")
@click.option("--force", is_flag=True, help="Replace --output if it already exists.")
@click.option("--no-color", is_flag=True, help="No colour (also when NO_COLOR is set).")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(path_type=Path),
              help="Extra lexicon file merged over the built-ins (repeatable).")
@click.option("--timeout", type=click.FloatRange(0, 600, min_open=True), default=10.0,
              show_default=True, callback=lambda ctx, param, value: _not_nan(param, value),
              help="Seconds to wait for a URL.")
@click.option("--no-learned", is_flag=True,
              help="No learned word flags (loaded · learned): lexicon flags only.")
def analyse(inputs: tuple[str, ...], fmt: str, output: Path | None, force: bool, no_color: bool,
            lexicons: tuple[Path, ...], timeout: float, no_learned: bool) -> None:
    """Analyse articles: INPUT is a text, Markdown or HTML file, an http(s) URL, or - for stdin.

    \b
    Examples:
      framing analyse samples/port-loaded.txt
      framing analyse article.html --format json -o report.json
      cat draft.md | framing analyse -
    """
    from framing import analyse as analyse_text
    from framing.load import InputError, load
    from framing.render import renderer

    lexicon = _lexicon(lexicons)
    articles = []
    for spec in inputs:
        try:
            doc = load(spec, timeout=timeout)
        except InputError as exc:
            raise UserError(str(exc)) from None
        articles.append(analyse_text(doc.text, source=doc.source, title=doc.title,
                                     lexicon=lexicon, removed=doc.removed,
                                     words=False if no_learned else None))
    color = _use_color(no_color, output)
    _emit(renderer(fmt)(articles, color), output, force, inputs, color)


main.add_command(train)
main.add_command(evaluate)
main.add_command(train_words)
main.add_command(evaluate_words)


@main.group()
def lexicon() -> None:
    """List and check the lexicons (built-in and your own)."""


@lexicon.command("list")
@click.option("--kind", type=click.Choice([k for k in KINDS if k != "scare_quote"]),
              help="Only this kind.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(path_type=Path),
              help="Extra lexicon file merged over the built-ins (repeatable).")
def lexicon_list(kind: str | None, lexicons: tuple[Path, ...]) -> None:
    """One line per entry: id, category, term, neutral alternatives."""
    from framing.explain import entry_table

    entries = [e for e in _lexicon(lexicons).entries if kind is None or e.kind == kind]
    click.echo(entry_table(entries), nl=False)


@lexicon.command("validate")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
def lexicon_validate(files: tuple[Path, ...]) -> None:
    """Check lexicon files (default: the built-ins) and run every entry's examples.

    Exits 0 when all is well, 1 when an example fails, 2 when a file cannot be read.
    """
    from framing.validate import check_examples

    lex = _lexicon(files)
    entries = [e for e in lex.entries if not files or e.origin in {f.name for f in files}]
    problems = check_examples(lex, entries)
    for problem in problems:
        click.echo(problem)
    n_examples = sum(len(e.flag_examples) + len(e.pass_examples) for e in entries)
    click.echo(f"{len(entries)} entries, {n_examples} examples: "
               + (f"{len(problems)} problem(s)" if problems else "all pass"))
    if problems:
        sys.exit(EXIT_FINDINGS)


@main.command()
@click.argument("name", metavar="ID|WORD|KIND")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(path_type=Path),
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
