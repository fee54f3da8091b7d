"""The sentence bias classifier: training, evaluation, the safe model file, the shipped model.

Training data here is invented by the tests (templates below); BABE is read from ../shared
only, and those tests skip where it is absent.
"""
from __future__ import annotations

import hashlib
import json
import math
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from framing.classify.commands import evaluate, train
from framing.classify.features import (
    char_wb_ngrams,
    sentence_cues,
    word_ngrams,
)
from framing.classify.predict import DEFAULT_MODEL, ModelError, load_model, parse_model, read_model

from .conftest import ROOT, SHARED, need

BABE = SHARED / "data" / "babe-train.jsonl"

LOADED = "The reckless regime slammed the brave protesters as a disgraceful mob of thugs."
NEUTRAL = "The city council approved the budget for road repairs on Tuesday."

# --- invented training data -----------------------------------------------------------------

_SUBJECTS = ["The council", "The ministry", "The committee", "The mayor", "The agency",
             "The company", "The union", "The court"]
_NEUTRAL_TAILS = ["published its annual report on {d}.", "met with residents on {d}.",
                  "said the new schedule starts on {d}.", "released the figures on {d}."]
_BIASED_TAILS = ["shamelessly rammed through a disastrous scheme on {d}.",
                 "launched an outrageous attack on {d}.",
                 "pushed its radical, destructive agenda on {d}.",
                 "peddled absurd lies to frightened voters on {d}."]
_BIASED_WORDS = [["shamelessly", "disastrous"], ["outrageous"], ["radical", "destructive"],
                 ["absurd", "lies"]]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def synthetic_rows(per_label: int = 24, offset: int = 0, marks: bool = True) -> list[dict]:
    rows = []
    for i in range(offset, offset + per_label):
        subject = _SUBJECTS[i % len(_SUBJECTS)]
        day = _DAYS[(i // len(_SUBJECTS)) % len(_DAYS)]
        k = i % len(_NEUTRAL_TAILS)
        neutral = {"text": f"{subject} {_NEUTRAL_TAILS[k].format(d=day)}", "label": "neutral"}
        biased = {"text": f"{subject} {_BIASED_TAILS[k].format(d=day)}", "label": "biased"}
        if marks:
            neutral["biased_words"] = []
            biased["biased_words"] = _BIASED_WORDS[k]
        rows += [neutral, biased]
    return rows


def write_rows(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture()
def cli() -> click.Group:
    group = click.Group("framing")
    group.add_command(train)
    group.add_command(evaluate)
    return group


def run(cli: click.Group, *args: str):
    return CliRunner().invoke(cli, list(args))


def one_line_error(result, exit_code: int = 2) -> str:
    assert result.exit_code == exit_code, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("framing: error: "), result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> tuple[Path, Path]:
    """(data file, model file) trained once on the invented sentences with the CLI."""
    folder = tmp_path_factory.mktemp("classify")
    data = write_rows(folder / "invented.jsonl", synthetic_rows())
    model = folder / "model.json"
    group = click.Group("framing")
    group.add_command(train)
    result = CliRunner().invoke(group, ["train", str(data), "-o", str(model), "--cv", "3"])
    assert result.exit_code == 0, result.output
    assert f"wrote {model}" in result.stderr
    return data, model


# --- features ---------------------------------------------------------------------------------

TRICKY = ["A  b\tcd  EfG", "it's the U.S.-led “so-called” deal!", "x", "", "Ünïcödé wörds ok",
          "one two three four five six", "a\u00a0b\u2003c   d"]


def test_analyzers_are_scikit_learns():
    from sklearn.feature_extraction import text

    for rng in [(1, 1), (1, 2), (2, 3), (1, 3)]:
        word = text.TfidfVectorizer(analyzer="word", ngram_range=rng).build_analyzer()
        char = text.TfidfVectorizer(analyzer="char_wb", ngram_range=rng).build_analyzer()
        for s in TRICKY:
            assert word_ngrams(s, rng) == word(s)
            assert char_wb_ngrams(s, rng) == char(s)
    char25 = text.TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)).build_analyzer()
    for s in TRICKY:
        assert char_wb_ngrams(s, (2, 5)) == char25(s)


QUOTED = [  # invented; (sentence, scare quotes in it)
    ("The ministry unveiled its “peace plan” on Monday.", 1),
    ("The 'reform' package had a “bold” vision.", 2),
    ("“We will rebuild the harbour before the winter storms arrive,” the mayor said.", 0),
    ("She called the deal “a disgrace,” reporters said.", 0),
    ("The word “resilience” appears twice in the report.", 0),
    ("“We will rebuild the harbour before the winter storms arrive” and a “fresh start” "
     "were promised.", 0),
    ("He said: “This is the best decision the council has made in a decade.”", 0),
    ("A “” pair of marks with nothing inside.", 0),
    ("An open “quote that runs on to the end of the paragraph without a close", 0),
    ("The “experts” behind the “plan” drew a crowd of six hundred people.", 2),
    ("The “experts” behind the “plan that nobody in town had asked for” drew a crowd.", 0),
]


@pytest.mark.parametrize("sentence, scare", QUOTED)
def test_sentence_cues_scare_quotes_equal_the_quote_classifiers(sentence, scare):
    """Sentences whose quotes all hold six words or more skip the quote classifier
    (`_may_hold_scare_quote`); the count is what classifying every quote gives."""
    from framing.detect import quotes
    from framing.lexicon import builtin
    from framing.segment import quote_spans, tokens

    spans = quote_spans(sentence)
    classified = quotes.classify(sentence, spans, [(0, len(sentence))], tokens(sentence),
                                 builtin())
    assert sum(q.kind == "scare" for q in classified) == scare
    assert sentence_cues(sentence).get("scare_quote", 0) == scare


def test_scare_quote_pretest_skips_sentences_with_long_quotes_only():
    """Skipped: sentences whose quotes hold no word or six words or more, even beside a short
    one (quoted speech makes every short quote of its sentence partial)."""
    from framing.classify.features import _may_hold_scare_quote
    from framing.segment import quote_spans

    skipped = [s for s, _ in QUOTED
               if quote_spans(s) and not _may_hold_scare_quote(s, quote_spans(s))]
    assert len(skipped) == 5 and all(scare == 0 for s, scare in QUOTED if s in skipped)
    assert any("“fresh start”" in s for s in skipped)
    assert any("“plan”" in s for s, _ in QUOTED if s not in skipped)


LONE = [  # (sentence, skipped by the pretest as a lone quotation)
    ("“Go on.”", True),
    ('"Not yet," .', True),
    ("  ‘Sit down.’  ", True),
    ("“Wait!” — ", True),
    ("“Go on,” she said.", False),
    ("Then: “go on.”", False),
    ("“Go on”x and more.", False),
    ("“Go” and “on”.", False),
    ("'Go on.'", True),
    ("He liked the “plan”.", False),
]


@pytest.mark.parametrize("sentence, skipped", LONE)
def test_lone_quotation_pretest_agrees_with_the_quote_classifier(sentence, skipped):
    """A sentence that is one short quotation and nothing else is skipped (the classifier
    calls it direct); any word outside the marks sends it to the classifier; either way the
    scare-quote count is what classifying every quote gives."""
    from framing.classify.features import _may_hold_scare_quote
    from framing.detect import quotes
    from framing.lexicon import builtin
    from framing.segment import quote_spans, tokens

    spans = quote_spans(sentence)
    assert spans and (not _may_hold_scare_quote(sentence, spans)) == skipped
    classified = quotes._classify(sentence, spans, [(0, len(sentence))], tokens(sentence),
                                  builtin())
    scare = sum(q.kind == "scare" for q in classified)
    assert sentence_cues(sentence).get("scare_quote", 0) == scare
    if skipped:
        assert [q.kind for q in classified] == ["direct"]


def test_sentence_cues_scare_quotes_on_real_sentences():
    """The pre-test against classifying every quote, on the sentences with quote marks of
    the first AllSides articles (read from ../shared, never stored)."""
    import gzip
    from itertools import islice

    from framing.detect import quotes
    from framing.lexicon import builtin
    from framing.segment import quote_spans, sentence_spans, tokens

    from .conftest import ALLSIDES

    with gzip.open(need(ALLSIDES), "rt", encoding="utf-8") as rows:
        articles = [json.loads(row)["text"] for row in islice(rows, 80)]
    sentences = [a[s:e] for a in articles for s, e in sentence_spans(a)
                 if quote_spans(a[s:e])]
    assert len(sentences) > 300
    for s in sentences:
        scare = sum(q.kind == "scare" for q in quotes.classify(
            s, quote_spans(s), [(0, len(s))], tokens(s), builtin()))
        assert sentence_cues(s).get("scare_quote", 0) == scare


@pytest.mark.parametrize("text", [
    "ΣΟΦΟΣ said İstanbul’s ‘foo’ co\u00adop don't-stop ΑΣ x.",  # Σ, İ (longer), soft hyphen
    "abc-def. ghi'jk ’lm’ “Straße” Σ.",
    "The mayor’s ‘reform’ passed. Critics called it “a sham”.",
])
def test_tokens_alone_equal_tokenising_the_sentence_alone(text):
    """The article's tokens shifted to a sentence are the sentence's own `tokens`, for every
    cut of invented texts (cuts through words, lower-casing by context and length)."""
    import bisect

    from framing.classify.features import tokens_alone
    from framing.segment import tokens

    whole = tokens(text)
    starts = [t.start for t in whole]
    for s in range(len(text) + 1):
        for e in range(s, len(text) + 1):
            within = whole[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]
            assert tokens_alone(text[s:e], within, s) == tokens(text[s:e]), (s, e)


def test_sentence_cues_with_the_articles_tokens_equal_cues_alone():
    """`within` (the article's tokens) gives the cues the sentence alone gives."""
    from framing.segment import sentence_spans, tokens

    article = ("Officials praised the ‘reform’. The mayor’s “plan” drew a crowd. "
               "She called it “a sham”, aides said. ΣΟΦΟΣ’s ‘fix’ failed.")
    whole = tokens(article)
    counted = []
    for s, e in sentence_spans(article):
        within = [t for t in whole if s <= t.start < e]
        cues = sentence_cues(article[s:e], within=(within, s))
        assert cues == sentence_cues(article[s:e])
        counted.append(cues.get("scare_quote", 0))
    assert counted == [0, 1, 0, 1]  # the quote classifier ran: scare quotes found


@pytest.mark.parametrize("text", ["", "A calm report.", "Paranoid claims", "A DISASTER",
                                  "disasters everywhere", "the narcissist's plan"])
def test_bias_context_test_is_any_substring(text):
    from framing.pipeline import _any_of

    words = frozenset({"disaster", "paranoid", "narcissist"})
    assert bool(_any_of(words)(text.lower())) == any(w in text.lower() for w in words)
    assert _any_of(frozenset()) is None


def test_sentence_cues_count_lexicon_kinds_and_surface_marks():
    cues = sentence_cues('Critics say the "reform" is a disaster! Is it?')
    assert cues["quote_marks"] == 1 and cues["exclamation"] == 1 and cues["question"] == 1
    assert all(isinstance(v, int) and v >= 0 for v in cues.values())
    plain = sentence_cues(NEUTRAL)
    assert plain["quote_marks"] == 0 and not plain.get("scare_quote")


# Invented: a quote that runs over two sentences, and one that follows an attributed quote;
# read alone, "It was getting bad. will not hold." has a quote mark that a whole-article
# reading calls part of a direct quote.
SKEW = ('"It was getting bad. We had to leave the harbour," the skipper said. "The so-called '
        'plan will not hold."\n\nThe council met on Monday.')


def _analysed_sentences():
    from framing.load import load

    from .conftest import ALLSIDES, SAMPLES, SEED

    yield SKEW
    for path in sorted(SAMPLES.glob("port-*")):
        yield load(str(path)).text
    if SEED.exists():
        yield load(str(SEED)).text
    if ALLSIDES.exists():
        import gzip

        with gzip.open(ALLSIDES, "rt", encoding="utf-8") as fh:
            for _, line in zip(range(40), fh):
                yield json.loads(line)["text"]


def test_analyse_gives_each_sentence_the_cues_training_gives_it(monkeypatch):
    """Train/predict skew: the classifier sees, for every sentence of an article, exactly
    the cues `sentence_cues` computes for that sentence alone (as training does)."""
    import framing
    from framing.classify.predict import BiasModel

    seen: list[tuple[list[str], list[dict]]] = []
    original = BiasModel.assess

    def spy(self, texts, cues=None, **kwargs):
        seen.append((list(texts), [dict(c) for c in cues]))
        return original(self, texts, cues, **kwargs)

    monkeypatch.setattr(BiasModel, "assess", spy)
    n = 0
    for text in _analysed_sentences():
        framing.analyse(text)
        texts, cues = seen.pop()
        for sentence, used in zip(texts, cues):
            assert used == sentence_cues(sentence), sentence
            n += 1
    assert n > 200
    alone = sentence_cues("The ministry unveiled its “peace plan” on Monday.")
    assert alone["scare_quote"] == 1 and alone["quote_marks"] == 1


# --- train and evaluate through the commands ------------------------------------------------

def test_train_writes_a_model_that_separates_the_labels(trained):
    data, model_path = trained
    model = read_model(model_path)
    meta = model.metadata
    assert meta["training_data"]["name"] == "invented.jsonl"
    assert meta["training_data"]["rows"] == 48 and meta["training_data"]["biased_words_used"]
    assert meta["cross_validation"]["folds"] == 3
    assert len(meta["cross_validation"]["macro_f1_per_fold"]) == 3
    assert "derived_from" not in meta  # not trained on BABE
    held_out = synthetic_rows(8, offset=100, marks=False)
    probs = model.probabilities([r["text"] for r in held_out])
    for row, p in zip(held_out, probs):
        assert (p > 0.5) == (row["label"] == "biased"), (row, p)


def test_train_never_overwrites_without_force(cli, trained, tmp_path):
    data, _ = trained
    out = tmp_path / "model.json"
    out.write_text("keep me")
    error = one_line_error(run(cli, "train", str(data), "-o", str(out)))
    assert "already exists" in error and "--force" in error
    assert out.read_text() == "keep me"
    result = run(cli, "train", str(data), "-o", str(out), "--force", "--cv", "0")
    assert result.exit_code == 0, result.output
    assert read_model(out).metadata["cross_validation"] is None


def test_training_is_reproducible(cli, trained, tmp_path):
    data, _ = trained
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for out in (a, b):
        assert run(cli, "train", str(data), "-o", str(out), "--date", "2024-01-02").exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    assert read_model(a).metadata["trained"] == "2024-01-02"


def test_evaluate_prints_per_class_scores_and_confusion_matrix(cli, trained):
    data, model = trained
    result = run(cli, "evaluate", str(data), "--model", str(model))
    assert result.exit_code == 0, result.output
    out = result.stdout
    for word in ("precision", "recall", "F1", "support", "macro-F1:", "confusion matrix"):
        assert word in out
    lines = out.splitlines()
    assert any(line.split()[:1] == ["biased"] and line.split()[-1] == "24" for line in lines)
    assert any(line.split()[:1] == ["neutral"] and line.split()[-1] == "24" for line in lines)
    # trained on these very rows: every one is right, so the matrix is diagonal
    assert "macro-F1: 1.0000" in out
    matrix = [line.split() for line in lines[lines.index(next(
        line for line in lines if "confusion matrix" in line)):] if line.split()[:1] in
        (["biased"], ["neutral"])]
    assert matrix == [["biased", "24", "0"], ["neutral", "0", "24"]]


def test_evaluate_cross_validation_reports_each_fold(cli, trained):
    data, _ = trained
    result = run(cli, "evaluate", str(data), "--cv", "4")
    assert result.exit_code == 0, result.output
    assert "4-fold cross-validation" in result.stdout
    folds = next(line for line in result.stdout.splitlines() if "per fold" in line)
    assert len(folds.split(":")[1].split("(")[0].split()) == 4 and "±" in folds


def test_fitted_and_loaded_models_give_the_same_probabilities(tmp_path):
    from framing.classify import train as trainer

    data = trainer.read_data(write_rows(tmp_path / "d.jsonl", synthetic_rows(30)))
    text, fitted, _ = trainer.train(data, k=None, date="2024-01-01")
    loaded = parse_model(json.loads(text))
    assert loaded.word and loaded.char and loaded.cues and loaded.rates  # every block in use
    held_out = [r["text"] for r in synthetic_rows(10, offset=200, marks=False)]
    held_out += [LOADED, NEUTRAL, "Shamelessly   absurd!!", "x", '"Lies," she said.']
    ours = loaded.probabilities(held_out)
    reference = fitted.predict_proba(held_out)
    assert max(abs(a - b) for a, b in zip(ours, reference)) < 1e-6
    # cues passed in give the same result as cues computed inside
    assert loaded.probabilities(held_out, [sentence_cues(t) for t in held_out]) == ours


BAD_DATA = [
    ("missing.jsonl", None, "no such file"),
    ("bad.jsonl", '{"text": "a", "label": "neutral"}\n{"text": oops}\n', "line 2: not valid JSON"),
    ("nokey.jsonl", '{"text": "a b"}\n', "line 1: missing key 'label'"),
    ("label.jsonl", '{"text": "a b", "label": "neutral"}\n{"text": "c d", "label": "left"}\n',
     "line 2: unknown label 'left'"),
    ("one.jsonl", '{"text": "a b", "label": "biased"}\n{"text": "c d", "label": "biased"}\n',
     "need both 'biased' and 'neutral'"),
    ("empty.jsonl", "\n", "no rows"),
]


@pytest.mark.parametrize("name,content,message", BAD_DATA, ids=[b[0] for b in BAD_DATA])
@pytest.mark.parametrize("command", ["train", "evaluate"])
def test_bad_data_exits_2_with_one_line(cli, tmp_path, name, content, message, command):
    data = tmp_path / name
    if content is not None:
        data.write_text(content)
    args = [command, str(data)] + (["-o", str(tmp_path / "m.json")] if command == "train" else [])
    error = one_line_error(run(cli, *args))
    assert message in error
    assert not (tmp_path / "m.json").exists()


def test_too_few_rows_for_the_folds(cli, tmp_path):
    data = write_rows(tmp_path / "small.jsonl", synthetic_rows(3))
    error = one_line_error(run(cli, "evaluate", str(data), "--cv", "5"))
    assert "cannot fill 5 folds" in error
    error = one_line_error(run(cli, "train", str(data), "-o", str(tmp_path / "m.json")))
    assert "cannot fill 5 folds" in error


# --- the safe loader --------------------------------------------------------------------------

def _tiny_model() -> dict:
    return {
        "schema": "framing.bias-model", "version": 1, "classes": ["neutral", "biased"],
        "intercept": -0.5,
        "word": {"analyzer": "word", "ngram_range": [1, 2], "lowercase": True,
                 "token_pattern": r"(?u)\b\w\w+\b", "sublinear_tf": True, "norm": "l2",
                 "weight": 1.0, "ngrams": ["disgraceful", "mob", "budget"],
                 "idf": [2.0, 2.5, 1.5], "coef": [3.0, 2.0, -1.0]},
        "char": None,
        "cues": {"transform": "log1p", "weight": 0.5, "names": ["exclamation"], "coef": [1.0]},
        "rates": None, "metadata": {},
    }


def test_loader_accepts_a_hand_written_model_and_computes_by_hand():
    model = parse_model(_tiny_model())
    # "disgraceful mob": tf-idf (2.0, 2.5) normalised, dot (3, 2), plus intercept
    norm = math.hypot(2.0, 2.5)
    z = -0.5 + (2.0 * 3.0 + 2.5 * 2.0) / norm
    assert model.probabilities(["A disgraceful mob."]) == [pytest.approx(1 / (1 + math.exp(-z)))]
    z_bang = -0.5 + 0.5 * math.log(2)  # one "!" and no known word
    assert model.probabilities(["Wow!"]) == [pytest.approx(1 / (1 + math.exp(-z_bang)))]
    top = model.explain("A disgraceful mob and a budget!")
    assert [label for label, _ in top] == ["disgraceful", "mob", "[exclamation]"]
    assert all(v > 0 for _, v in top)


def _tampered(change) -> dict:
    doc = _tiny_model()
    change(doc)
    return doc


TAMPERED = [
    ("schema", lambda d: d.update(schema="something-else"), "schema"),
    ("version", lambda d: d.update(version=2), "version"),
    ("missing key", lambda d: d.pop("intercept"), "missing key 'intercept'"),
    ("coef length", lambda d: d["word"]["coef"].pop(), "word.coef: has 2 numbers, expected 3"),
    ("idf length", lambda d: d["word"]["idf"].append(1.0), "word.idf: has 4 numbers"),
    ("wrong type", lambda d: d["word"].update(idf="2.0"), "word.idf: must be a list of numbers"),
    ("string number", lambda d: d["word"]["coef"].__setitem__(1, "2"), "word.coef[1]: must be a number"),
    ("bool number", lambda d: d.update(intercept=True), "intercept: must be a number"),
    ("infinite", lambda d: d["word"]["coef"].__setitem__(0, float("inf")), "finite number"),
    ("nan", lambda d: d["cues"]["coef"].__setitem__(0, float("nan")), "NaN is not a finite number"),
    ("overflow", lambda d: d["word"]["coef"].__setitem__(0, "1e999"), "word.coef[0]: must be a finite"),
    ("negative idf", lambda d: d["word"]["idf"].__setitem__(0, -1.0), "word.idf[0]"),
    ("duplicate ngram", lambda d: d["word"]["ngrams"].__setitem__(1, "budget"), "duplicate"),
    ("pattern", lambda d: d["word"].update(token_pattern="(a+)+$"), "token_pattern"),
    ("ngram range", lambda d: d["word"].update(ngram_range=[3, 1]), "ngram_range"),
    ("analyzer", lambda d: d["word"].update(analyzer="char"), "word.analyzer"),
    ("no blocks", lambda d: d.update(word=None, cues=None), "no feature blocks"),
    ("not an object", lambda d: d.update(word=[1, 2]), "word: must be a JSON object"),
]


@pytest.mark.parametrize("change,message", [t[1:] for t in TAMPERED], ids=[t[0] for t in TAMPERED])
def test_loader_refuses_a_tampered_model(tmp_path, change, message):
    path = tmp_path / "tampered.json"
    # json.dumps writes NaN / Infinity as such; "1e999" becomes a number that overflows to inf
    path.write_text(json.dumps(_tampered(change)).replace('"1e999"', "1e999"))
    with pytest.raises(ModelError) as caught:
        read_model(path)
    text = str(caught.value)
    assert "\n" not in text and text.startswith(f"{path}: ") and message in text


@pytest.mark.parametrize("content,message", [
    (b"{ not json", "not valid JSON"), (b"\xff\xfe\x00", "not UTF-8"), (b"[1, 2]", "JSON object"),
    (b"", "not valid JSON")])
def test_loader_refuses_a_malformed_file(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ModelError, match=message):
        read_model(path)
    with pytest.raises(ModelError, match="no such model file"):
        read_model(tmp_path / "absent.json")


def test_evaluate_with_a_bad_model_exits_2(cli, tmp_path):
    data = write_rows(tmp_path / "d.jsonl", synthetic_rows(3))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_tampered(lambda d: d["word"]["coef"].pop())))
    error = one_line_error(run(cli, "evaluate", str(data), "--model", str(bad)))
    assert "word.coef: has 2 numbers, expected 3" in error
    error = one_line_error(run(cli, "evaluate", str(data), "--model", str(bad), "--cv", "3"))
    assert "cannot be combined" in error


# --- the shipped model -----------------------------------------------------------------------

def test_shipped_model_loads_and_ranks_a_loaded_sentence_higher():
    model = load_model()
    assert model is load_model()  # cached
    loaded, neutral = model.probabilities([LOADED, NEUTRAL])
    assert loaded > 0.5 > neutral
    words = [label for label, _ in model.explain(LOADED, top=5)]
    assert len(words) == 5 and any(w in words for w in ("disgraceful", "thugs", "reckless", "mob"))


def test_shipped_model_says_what_it_is_derived_from():
    meta = read_model(DEFAULT_MODEL).metadata
    assert meta["derived_from"]["licence"] == "AGPL-3.0"
    assert "derived work of BABE" in meta["derived_from"]["note"]
    assert "Spinde" in meta["derived_from"]["citation"] and "EMNLP 2021" in meta["derived_from"]["citation"]
    assert meta["training_data"]["name"] == "babe-train.jsonl"
    assert meta["cross_validation"]["folds"] == 5
    assert DEFAULT_MODEL.stat().st_size < 2_000_000


def test_scoring_and_the_commands_import_neither_numpy_nor_scikit_learn():
    code = ("import sys; from framing.classify import commands; "
            "from framing.classify.predict import load_model; "
            f"load_model().probabilities([{LOADED!r}]); "
            "heavy = [m for m in ('numpy', 'sklearn', 'scipy') if m in sys.modules]; "
            "assert not heavy, heavy")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_shipped_model_scores_babe_sentences_it_was_trained_on():
    """Sanity, not a quality claim (these are its training sentences; see docs/classifier.md
    for the cross-validated figures): the shipped model was trained on this file."""
    from framing.classify.train import read_data, report

    data = read_data(need(BABE))
    model = load_model()
    if model.metadata["training_data"]["sha256"] != data.sha256:
        pytest.skip("../shared/data/babe-train.jsonl differs from the data the model was trained on")
    probs = model.probabilities(data.texts[:400])
    assert report(data.y[:400], [int(p >= 0.5) for p in probs]).macro_f1 > 0.8


def test_shipped_model_rebuilds_bit_for_bit(tmp_path):
    """The documented training command (docs/classifier.md) rebuilds the shipped file."""
    import sklearn

    from framing.classify.train import lexicon_fingerprint

    need(BABE)
    meta = read_model(DEFAULT_MODEL).metadata
    if meta["scikit_learn_version"] != sklearn.__version__:
        pytest.skip(f"model built with scikit-learn {meta['scikit_learn_version']}, "
                    f"this is {sklearn.__version__}")
    assert meta["lexicons"]["sha256"] == lexicon_fingerprint()["sha256"], (
        "lexicons changed since the shipped model was built: rebuild it with the command in "
        "docs/classifier.md")
    out = tmp_path / "bias-model.json"
    subprocess.run([sys.executable, "-m", "framing", "train", str(BABE), "-o", str(out),
                    "--date", meta["trained"]], check=True, cwd=ROOT, capture_output=True)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == \
        hashlib.sha256(DEFAULT_MODEL.read_bytes()).hexdigest()


# --- the shipped model and the lexicons (issue 14: drift must not pass silently) ------------

def test_shipped_model_was_built_with_the_shipped_lexicons():
    from framing.lexicon import builtin

    assert read_model(DEFAULT_MODEL).metadata["lexicons"]["sha256"] == builtin().sha256, (
        "the lexicons changed since the shipped model was built: rebuild it "
        "(framing train ../shared/data/babe-train.jsonl -o framing/data/bias-model.json --force "
        "--date <the model's date>)")


def _drifted(tmp_path: Path) -> Path:
    doc = json.loads(DEFAULT_MODEL.read_text(encoding="utf-8"))
    doc["metadata"]["lexicons"]["sha256"] = "0" * 64
    path = tmp_path / "drifted.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_loading_a_model_built_with_other_lexicons_warns(tmp_path):
    from framing.classify.predict import LexiconDriftWarning

    with pytest.warns(LexiconDriftWarning, match="trained with other lexicons"):
        load_model(_drifted(tmp_path))
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_model(DEFAULT_MODEL)  # the shipped model matches: no warning


def test_version_and_analyse_warn_about_drift_in_one_line(tmp_path, monkeypatch):
    from framing.classify import predict
    from framing.cli import main

    monkeypatch.setattr(predict, "DEFAULT_MODEL", _drifted(tmp_path))
    monkeypatch.setattr(predict, "_DEFAULT", None)
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("framing, version ")
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("framing: warning: ") and "rebuild it" in result.stderr
    monkeypatch.setattr(predict, "_DEFAULT", None)
    result = CliRunner().invoke(main, ["analyse", "-", "--format", "json"], input=NEUTRAL)
    assert result.exit_code == 0 and json.loads(result.stdout)["articles"]
    assert result.stderr.startswith("framing: warning: ") and result.stderr.count("\n") == 1
    monkeypatch.setattr(predict, "_DEFAULT", None)


# --- hostile model and training files (issue 14: one line, exit 2) ---------------------------

NESTED = b"[" * 100_000 + b"]" * 100_000


def test_deeply_nested_model_json_is_one_line_exit_2(cli, tmp_path):
    data = write_rows(tmp_path / "d.jsonl", synthetic_rows(3))
    model = tmp_path / "nested.json"
    model.write_bytes(NESTED)
    error = one_line_error(run(cli, "evaluate", str(data), "--model", str(model)))
    assert "nested too deeply" in error


def test_deeply_nested_training_row_is_one_line_exit_2(cli, tmp_path):
    data = tmp_path / "nested.jsonl"
    data.write_bytes(NESTED + b"\n")
    error = one_line_error(run(cli, "train", str(data), "-o", str(tmp_path / "m.json")))
    assert "line 1: JSON nested too deeply" in error


def test_model_files_have_a_size_cap_before_and_after_gzip(cli, tmp_path, monkeypatch):
    import gzip

    from framing.classify import predict

    data = write_rows(tmp_path / "d.jsonl", synthetic_rows(3))
    monkeypatch.setattr(predict, "MAX_MODEL_BYTES", 10_000)
    big = tmp_path / "big.json"
    big.write_text(json.dumps(_tiny_model()) + " " * 20_000)
    error = one_line_error(run(cli, "evaluate", str(data), "--model", str(big)))
    assert "larger than the 10,000-byte limit" in error
    bomb = tmp_path / "bomb.json.gz"
    bomb.write_bytes(gzip.compress(json.dumps(_tiny_model()).encode() + b" " * 5_000_000))
    assert bomb.stat().st_size < 10_000
    error = one_line_error(run(cli, "evaluate", str(data), "--model", str(bomb)))
    assert "decompresses to more than the 10,000-byte limit" in error
    fine = tmp_path / "fine.json.gz"
    fine.write_bytes(gzip.compress(json.dumps(_tiny_model()).encode()))
    assert read_model(fine).intercept == -0.5


@pytest.mark.parametrize("words", [
    [],
    ["reckless"],
    ["reckless", "thugs"],
    ["reckless", "thugs", "mob", "disgraceful", "regime", "brave"],
    ["aa", "bb", "cc", "dd"],  # equal rates: ordered by word, highest first
    ["aa", "low", "mid"],
])
def test_rate_credit_shares_each_feature_among_the_words_it_rests_on(words):
    """`RateBlock.credit` (which reads the words over 0.3 and 0.5 as the first ones of the
    ranking) gives each word the very floats of the definition: the top word, the top three,
    and the words rated over 0.3 and over 0.5, each feature's contribution shared equally."""
    from framing.classify.features import rate_values
    from framing.classify.predict import RateBlock

    table = {"reckless": 0.9, "thugs": 0.75, "mob": 0.5, "disgraceful": 0.6, "regime": 0.31,
             "brave": 0.3, "aa": 0.55, "bb": 0.55, "cc": 0.55, "dd": 0.55, "low": 0.01,
             "mid": 0.4}
    block = RateBlock(weight=0.7, coef=(1.3, -0.4, 0.9, 2.1), table=table)
    ranked = block.ranked(words + words[:1])  # a repeated word is counted once
    assert ranked == sorted(((table[w], w) for w in set(words)), reverse=True)
    terms = block.terms(ranked)  # each feature's term of the log-odds, from the definition
    assert [repr(t) for t in terms] == [repr(block.weight * v * c) for v, c in zip(
        rate_values(set(words), table), block.coef)]
    parts = {"reckless": 0.25}
    block.credit(ranked, terms, parts)
    expected = {"reckless": 0.25}
    if ranked:
        w, c = block.weight, block.coef
        for chosen, value in (
                ([ranked[0][1]], w * ranked[0][0] * c[0]),
                ([x for _, x in ranked[:3]], w * sum(r for r, _ in ranked[:3]) * c[1]),
                ([x for r, x in ranked if r > 0.3], w * sum(r > 0.3 for r, _ in ranked) * c[2]),
                ([x for r, x in ranked if r > 0.5], w * sum(r > 0.5 for r, _ in ranked) * c[3])):
            for x in chosen:
                expected[x] = expected.get(x, 0) + value / len(chosen)
    assert [(k, repr(v)) for k, v in parts.items()] == [(k, repr(v)) for k, v in expected.items()]


def test_cue_contributions_remembered_by_counts_equal_fresh_ones(monkeypatch):
    """`CueBlock.contributions` remembers each set of counts: asked again (also once its
    memory was emptied for size) it gives what the first reading gave, for invented counts."""
    from framing.classify import predict
    from framing.classify.predict import CueBlock

    block = CueBlock(weight=0.8, names=("loaded", "hedge", "quote_marks", "question"),
                     coef=(1.5, -0.25, 0.4, 2.0))
    sets = [{"quote_marks": 0, "exclamation": 0, "question": 0},
            {"loaded": 2, "loaded:label": 2, "quote_marks": 1, "exclamation": 0, "question": 0},
            {"hedge": 1, "booster": 3, "quote_marks": 0, "exclamation": 1, "question": 2},
            {"loaded": 1, "hedge": 0, "quote_marks": 4, "question": 1}]
    expected = [[(name, 0.8 * math.log1p(c[name]) * coef)
                 for name, coef in zip(block.names, block.coef) if c.get(name)] for c in sets]
    monkeypatch.setattr(predict, "_CUE_CACHE_SIZE", 3)
    for _ in range(3):
        assert [block.contributions(dict(c)) for c in sets] == expected
    assert len(block._seen) <= 3
