"""`framing train` and `framing evaluate`: click commands for the CLI to register.

    from framing.classify.commands import evaluate, train
    main.add_command(train)
    main.add_command(evaluate)

Importing this module is cheap (click only): scikit-learn, numpy and rich load inside the
commands. Bad data or a bad model file: one line on stderr ("framing: error: ...") and exit 2.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from framing.classify import BIASED
from framing.output import UserError, check_target, write_file


@contextmanager
def _progress(description: str, total: int) -> Iterator:
    """A transient rich progress bar on stderr (nothing when stderr is not a terminal)."""
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        yield lambda: None
        return
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn)

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda: bar.advance(task)


@contextmanager
def _problems() -> Iterator[None]:
    """Turn the classifier's one-line errors into exit 2."""
    from framing.classify.predict import ModelError
    from framing.classify.train import DataError

    try:
        yield
    except (DataError, ModelError) as exc:
        raise UserError(str(exc)) from None


def _console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def _print_report(console, rep, fold_f1: list[float] | None = None) -> None:
    from rich import box
    from rich.table import Table

    from framing.classify.train import LABELS

    table = Table(box=box.SIMPLE, show_edge=False)
    for name in ("class", "precision", "recall", "F1", "support"):
        table.add_column(name, justify="left" if name == "class" else "right")
    for label, m in rep.per_class.items():
        table.add_row(label, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}",
                      str(m["support"]))
    console.print(table)
    console.print(f"macro-F1: {rep.macro_f1:.4f}")
    if fold_f1:
        import statistics

        sd = statistics.stdev(fold_f1) if len(fold_f1) > 1 else 0.0
        console.print(f"macro-F1 per fold: {' '.join(f'{f:.4f}' for f in fold_f1)}  "
                      f"(mean {statistics.fmean(fold_f1):.4f} ± {sd:.4f} sd)")
    order = (LABELS[1], LABELS[0])
    matrix = Table(box=box.SIMPLE, show_edge=False,
                   title="confusion matrix (rows: true label, columns: predicted)",
                   title_justify="left")
    matrix.add_column("true \\ predicted")
    for label in order:
        matrix.add_column(label, justify="right")
    for label, row in zip(order, rep.confusion):
        matrix.add_row(label, *(str(n) for n in row))
    console.print(matrix)


@click.command("train")
@click.argument("data", type=click.Path(path_type=Path), metavar="DATA.jsonl")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the model (JSON) to FILE; required unless --compare.")
@click.option("--force", is_flag=True, help="Replace --output if it already exists.")
@click.option("--cv", "k", type=int, default=5, show_default=True,
              help="Folds of the cross-validated scores stored in the model (0: skip).")
@click.option("--date", help="Training date stored in the model, YYYY-MM-DD "
              "[default: the data file's modification date].")
@click.option("--compare", is_flag=True,
              help="Instead of training: cross-validate every model family and print a table.")
def train(data: Path, output: Path | None, force: bool, k: int, date: str | None,
          compare: bool) -> None:
    """Train a sentence bias classifier on DATA.jsonl: one JSON object a line with `text`
    and `label` ("biased" or "neutral"), and optionally `biased_words` (the words an
    annotator marked, used to learn how often each word is marked).

    \b
    Examples:
      framing train my-labels.jsonl -o newsroom-model.json
      framing evaluate held-out.jsonl --model newsroom-model.json
    """
    from framing.classify import train as trainer

    if compare:
        with _problems():
            dataset = trainer.read_data(data)
            results = trainer.compare(dataset, k or 5, _progress)
        click.echo(trainer.comparison_table(results), nl=False)
        return
    if output is None:
        raise UserError("missing -o/--output FILE (where to write the model)")
    if date is not None:
        import datetime as dt

        try:
            date = dt.date.fromisoformat(date).isoformat()
        except ValueError:
            raise UserError(f"--date {date!r}: expected YYYY-MM-DD") from None
    check_target(output, force, (str(data),))
    with _problems():
        dataset = trainer.read_data(data)
        text, model, cv = trainer.train(dataset, k=k or None, date=date, progress=_progress)
    write_file(output, text, force, (str(data),))
    scores = f"; {cv.k}-fold macro-F1 {cv.mean:.4f} ± {cv.sd:.4f}" if cv else ""
    click.echo(f"wrote {output}: {len(dataset.texts)} sentences, "
               f"{len(model.linear()[0])} features{scores}", err=True)


@click.command("evaluate")
@click.argument("data", type=click.Path(path_type=Path), metavar="DATA.jsonl")
@click.option("--model", "model_path", type=click.Path(path_type=Path),
              help="Model file to evaluate [default: the shipped model].")
@click.option("--cv", "k", type=int,
              help="Instead: K-fold cross-validation of the default training recipe on DATA.")
def evaluate(data: Path, model_path: Path | None, k: int | None) -> None:
    """Precision, recall and F1 per class, macro-F1 and the confusion matrix on DATA.jsonl
    (lines with `text` and `label`): of a model, or of training with --cv K folds
    (stratified, shuffled with a fixed seed; prints each fold's macro-F1 too)."""
    from framing.classify import train as trainer

    console = _console()
    if k is not None:
        if model_path is not None:
            raise UserError("--cv trains new models with the default recipe; "
                              "it cannot be combined with --model")
        with _problems():
            dataset = trainer.read_data(data)
            trainer.check_folds(dataset, k)
            cv = trainer.cross_validate(dataset, trainer.DEFAULT_RECIPE, k, progress=_progress)
        console.print(f"{k}-fold cross-validation ({trainer.DEFAULT_RECIPE.label()}) on "
                      f"{dataset.name}: {len(dataset.texts)} sentences")
        _print_report(console, cv.pooled, cv.fold_f1)
        return
    from framing.classify.predict import load_model

    with _problems():
        dataset = trainer.read_data(data)
        model = load_model(model_path)
        cues = trainer.extract_cues(dataset.texts, _progress) if model.uses_cues else None
        with _progress("scoring", 1) as advance:
            probs = model.probabilities(dataset.texts, cues)
            advance()
    rep = trainer.report(dataset.y, [int(p >= BIASED) for p in probs])
    trained_on = model.metadata.get("training_data", {})
    origin = trained_on.get("name", "?") if isinstance(trained_on, dict) else "?"
    console.print(f"model {model.path} (trained on {origin}) on {dataset.name}: "
                  f"{len(dataset.texts)} sentences")
    _print_report(console, rep)
    if isinstance(trained_on, dict) and trained_on.get("sha256") == dataset.sha256:
        click.echo("note: this is the model's own training data, so these scores overstate "
                   "its quality; use --cv K for a cross-validated estimate", err=True)
