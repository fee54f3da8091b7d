"""`framing train-words` and `framing evaluate-words`: the word detector's click commands.

Importing this module is cheap (click only); scikit-learn loads inside the commands. Bad data
or a bad model file: one line on stderr and exit 2 (as `framing train` / `evaluate`).
"""
from __future__ import annotations

from pathlib import Path

import click

from framing.classify.commands import _console, _problems, _progress
from framing.output import UserError, check_target, write_file

_CORPUS_HELP = ("JSON-lines news corpus (records with `text` and `bias`: left, center, right) "
                "whose word statistics become features; the shipped model uses "
                "../shared/data/allsides-articles.jsonl.gz.")


def _date(date: str | None) -> str | None:
    if date is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(date).isoformat()
    except ValueError:
        raise UserError(f"--date {date!r}: expected YYYY-MM-DD") from None


def _read(data: Path, corpus: Path | None):
    from framing.classify import train as trainer
    from framing.classify import words_train

    dataset = trainer.read_data(data)
    rows = words_train.word_rows(dataset, _progress)
    stats = words_train.corpus_stats(str(corpus), _progress) if corpus is not None else None
    return rows, stats


@click.command("train-words")
@click.argument("data", type=click.Path(path_type=Path), metavar="DATA.jsonl")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Write the word model (JSON) to FILE.")
@click.option("--force", is_flag=True, help="Replace --output if it already exists.")
@click.option("--corpus", type=click.Path(path_type=Path), help=_CORPUS_HELP)
@click.option("--cv", "k", type=int, default=5, show_default=True,
              help="Folds of the cross-validation that chooses the threshold (0: skip and "
                   "give --threshold).")
@click.option("--threshold", type=click.FloatRange(0, 1, min_open=True, max_open=True),
              help="Flag words with at least this probability [default: chosen from the "
                   "cross-validated precision-recall curve].")
@click.option("--date", help="Training date stored in the model, YYYY-MM-DD "
              "[default: the data file's modification date].")
def train_words(data: Path, output: Path, force: bool, corpus: Path | None, k: int,
                threshold: float | None, date: str | None) -> None:
    """Train the word-level detector on DATA.jsonl: lines with `text`, `label` and
    `biased_words` (the words an annotator marked; `biased_spans`, character offsets, are
    used when present). Prints the cross-validated precision-recall curve.

    \b
    Example (the shipped model):
      framing train-words ../shared/data/babe-train.jsonl -o framing/data/word-model.json \\
        --corpus ../shared/data/allsides-articles.jsonl.gz --force --date 2026-11-25
    """
    from framing.classify import words_train

    date = _date(date)
    if k and k < 2:
        raise UserError(f"--cv must be 0 or at least 2 (got {k})")
    check_target(output, force, tuple(str(p) for p in (data, corpus) if p is not None))
    with _problems():
        rows, stats = _read(data, corpus)
        text, _, cv, chosen = words_train.train(rows, stats, k or None, threshold, date, _progress)
    if cv is not None:
        click.echo(words_train.curve_table(cv, chosen), nl=False)
        click.echo(words_train.results_table(cv, chosen), nl=False)
    write_file(output, text, force, tuple(str(p) for p in (data, corpus) if p is not None))
    click.echo(f"wrote {output}: threshold {chosen:.2f}", err=True)


@click.command("evaluate-words")
@click.argument("data", type=click.Path(path_type=Path), metavar="DATA.jsonl")
@click.option("--model", "model_path", type=click.Path(path_type=Path),
              help="Word model to evaluate [default: the shipped model].")
@click.option("--cv", "k", type=int,
              help="Instead: K-fold cross-validation (grouped by sentence) of training on DATA.")
@click.option("--corpus", type=click.Path(path_type=Path),
              help="With --cv: " + _CORPUS_HELP)
@click.option("--threshold", type=click.FloatRange(0, 1, min_open=True, max_open=True),
              help="Score at this threshold [default: the model's, or with --cv the one the "
                   "curve chooses].")
def evaluate_words(data: Path, model_path: Path | None, k: int | None, corpus: Path | None,
                   threshold: float | None) -> None:
    """Per-word precision, recall, F1 and the share of neutral sentences flagged, for the
    lexicon alone, the learned detector alone and both, on DATA.jsonl (lines with `text`,
    `label`, `biased_words`). With --cv K: the cross-validated precision-recall curve too."""
    from framing.classify import words_train

    console = _console()
    if k is not None:
        if model_path is not None:
            raise UserError("--cv trains new word models; it cannot be combined with --model")
        with _problems():
            rows, stats = _read(data, corpus)
            words_train.check_folds(rows.data, k)
            cv = words_train.cross_validate(rows, stats[0] if stats else None, k, _progress)
        chosen = threshold if threshold is not None else cv.choose()
        console.print(f"{k}-fold cross-validation of the word detector on {rows.data.name} "
                      f"(grouped by sentence): {len(rows.tokens)} sentences, "
                      f"{sum(len(g) for g in rows.gold)} marked words"
                      + ("" if stats else "; no --corpus"))
        click.echo(words_train.curve_table(cv, chosen), nl=False)
        click.echo(words_train.results_table(cv, chosen), nl=False)
        return
    if corpus is not None:
        raise UserError("--corpus is used only with --cv (a model file has its statistics)")
    from framing.classify.words import load_word_model

    with _problems():
        rows, _ = _read(data, None)
        model = load_word_model(model_path)
        result = words_train.score_model(model, rows)
    chosen = threshold if threshold is not None else model.threshold
    console.print(f"word model {model.path} on {rows.data.name}: {len(rows.tokens)} sentences, "
                  f"{sum(len(g) for g in rows.gold)} marked words, threshold {chosen:.2f}")
    click.echo(words_train.results_table(result, chosen), nl=False)
    trained_on = model.metadata.get("training_data", {})
    if isinstance(trained_on, dict) and trained_on.get("sha256") == rows.data.sha256:
        click.echo("note: this is the model's own training data, so these scores overstate "
                   "its quality; use --cv K for a cross-validated estimate", err=True)
