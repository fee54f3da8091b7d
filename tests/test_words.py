"""The learned word-level detector: features, the safe model file, the commands, the flags.

Training data here is invented (the templates of test_classify); BABE and the AllSides corpus
are read from ../shared only, and those tests skip where it is absent.
"""
from __future__ import annotations

import copy
import hashlib
import json
import math
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

import framing
from framing.cli import main
from framing.classify.word_commands import evaluate_words, train_words
from framing import lexicon as lexicons
from framing.classify.words import (
    DEFAULT_WORD_MODEL,
    FLAG_ID,
    Sentence,
    WordModelError,
    lexicon_words,
    load_word_model,
    parse_word_model,
    read_word_model,
    stem,
)
from framing.lexicon import Lexicon
from framing.segment import tokens

from .conftest import ROOT, SAMPLES, SHARED, need
from .test_classify import one_line_error, synthetic_rows, write_rows

BABE = SHARED / "data" / "babe-train.jsonl"
ALLSIDES = SHARED / "data" / "allsides-articles.jsonl.gz"


@pytest.fixture()
def cli() -> click.Group:
    group = click.Group("framing")
    group.add_command(train_words)
    group.add_command(evaluate_words)
    return group


def run(cli: click.Group, *args: str):
    return CliRunner().invoke(cli, list(args))


def learned(text: str, **kwargs) -> list[framing.results.Flag]:
    kwargs.setdefault("words", True)
    return [f for f in framing.analyse(text, **kwargs).flags if f.id == FLAG_ID]


# --- features ----------------------------------------------------------------------------

@pytest.mark.parametrize("word,expected", [
    ("slammed", "slamm"), ("radicals", "radical"), ("hysterically", "hyster"),
    ("shamelessness", "shameless"), ("cat", "cat"), ("bus", "bus"), ("sings", "sing"),
])
def test_stem_strips_one_suffix_and_keeps_three_letters(word, expected):
    assert stem(word) == expected


# --- the shipped model's flags on invented sentences --------------------------------------

CATCH = [  # (invented sentence, word the detector must flag): words no entry named when written
    ("The senator's bizarre speech ignored the voters.", "bizarre"),
    ("The report was full of fluff and platitudes.", "fluff"),
    ("Critics mocked the shameless ruling class.", "shameless"),
    ("The agency is feathering its nest with taxpayer money.", "feathering"),
    ("The minister gave an idiotic answer to reporters.", "idiotic"),
    ("It was a pathetic attempt to dodge the question.", "pathetic"),
    ("The bigoted remarks drew complaints.", "bigoted"),
    ("The governor's blatant ads ran all week.", "blatant"),
    ("The loony proposal was dropped.", "loony"),
    # inflections and coinages
    ("The mayor's idiotically smug speech annoyed everyone.", "idiotically"),
    ("Critics called it a hubristically planned event.", "hubristically"),
    ("The pathetically weak response angered voters.", "pathetically"),
    ("His Trumpian bluster filled the hall.", "Trumpian"),
    ("The fascistic rhetoric of the rally alarmed officials.", "fascistic"),
]
PASS = [  # neutral sentences: no learned flag at all
    "The city council approved the budget for road repairs on Tuesday.",
    "The company said its third-quarter revenue rose 4 percent.",
    "Residents can collect the new parking permits from the town hall.",
    "The bridge will close for maintenance from 9 a.m. to 5 p.m. on Sunday.",
    "The museum will reopen its east wing in April after repairs.",
    "The school board met on Monday to discuss the new timetable.",
    "Rainfall in the region was close to the seasonal average.",
    "The train to the airport leaves every fifteen minutes.",
]


def _no_entries() -> Lexicon:
    builtin = lexicons.builtin()
    return Lexicon((), builtin.kinds, builtin.classes)


@pytest.mark.parametrize("sentence,word", CATCH)
def test_detector_flags_loaded_words_on_its_own(sentence, word):
    """With no lexicon entries at all, the detector alone catches the word."""
    flags = learned(sentence, lexicon=_no_entries())
    assert word in [f.text for f in flags], [f.text for f in flags]
    flag = next(f for f in flags if f.text == word)
    assert flag.kind == "loaded" and flag.category == "learned"
    assert load_word_model().threshold <= flag.probability < 1
    assert flag.weight == flag.probability
    assert "not in the curated lexicon yet" in flag.explanation
    assert "Pushed up by: " in flag.explanation
    assert sentence[flag.start:flag.end] == flag.text


@pytest.mark.parametrize("sentence,word", CATCH)
def test_each_word_gets_one_loaded_flag_learned_only_where_no_entry_names_it(sentence, word):
    flags = [f for f in framing.analyse(sentence, words=True).flags if f.text == word]
    assert len(flags) == 1 and flags[0].kind == "loaded"
    named = word in lexicon_words(lexicons.builtin())  # the lexicon grows: then it wins
    assert (flags[0].id == FLAG_ID) is not named


@pytest.mark.parametrize("sentence", PASS)
def test_detector_leaves_neutral_sentences_alone(sentence):
    assert learned(sentence) == []
    assert learned(sentence, lexicon=_no_entries()) == []


def test_lexicon_flags_win_and_learned_flags_never_overlap_others():
    text = "The regime's idiotic propaganda machine slammed the pathetic, bigoted protesters."
    flags = framing.analyse(text, words=True).flags
    spans = sorted((f.start, f.end) for f in flags)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # no overlaps
    regime = next(f for f in flags if f.text.startswith("regime"))
    assert regime.id == "loaded.regime" and regime.probability is None
    for word in ("idiotic", "pathetic", "bigoted"):  # learned, or named by a newer lexicon
        assert [f.kind for f in flags if f.text == word] == ["loaded"]


@pytest.mark.parametrize("sentence,word", [
    ("He slammed the door behind him.", "slammed"),  # an entry's sense exception holds
    ("The visa regime changed in May.", "regime"),
])
def test_words_an_entry_names_are_left_to_the_lexicon(sentence, word):
    assert word not in [f.text for f in framing.analyse(sentence, words=True).flags]


def test_learned_flags_in_quoted_speech_are_the_speakers():
    text = '"This idiotic plan is a pathetic, bigoted disgrace," Ms. Vale said.'
    flags = learned(text, lexicon=_no_entries())
    assert len(flags) >= 2 and all(f.in_quote and f.speaker == "Ms. Vale" for f in flags)


def test_learned_flags_are_opt_in():
    text = "His snide remarks annoyed everyone at the meeting."
    assert learned(text) and not learned(text, words=False)
    assert FLAG_ID not in [f.id for f in framing.analyse(text).flags]
    result = CliRunner().invoke(main, ["analyse", "-", "--format", "json"], input=text)
    assert result.exit_code == 0
    assert FLAG_ID not in result.stdout
    result = CliRunner().invoke(main, ["analyse", "-", "--format", "json", "--learned"],
                                input=text)
    flags = json.loads(result.stdout)["articles"][0]["flags"]
    ours = [f for f in flags if f["id"] == FLAG_ID]
    assert ours and all(0 < f["probability"] < 1 for f in ours)
    assert all(f["probability"] is None for f in flags if f["id"] != FLAG_ID)


@pytest.mark.parametrize("name", ["port-loaded.txt", "port-neutral.txt", "port-hedged.txt",
                                  "port-boosted.txt"])
def test_offsets_hold_on_the_samples(name):
    article = framing.analyse((SAMPLES / name).read_text(encoding="utf-8"), words=True)
    assert all(article.text[f.start:f.end] == f.text for f in article.flags)


def test_neutral_sample_gets_no_learned_flag_in_the_writers_voice():
    article = framing.analyse((SAMPLES / "port-neutral.txt").read_text(encoding="utf-8"),
                              words=True)
    assert [f.text for f in article.flags if f.id == FLAG_ID and not f.in_quote] == []


def test_word_scores_match_scikit_learn(tmp_path):
    """The pure-Python scorer reproduces the fitted logistic regression."""
    pytest.importorskip("sklearn", reason="training needs scikit-learn")
    from framing.classify import train as trainer
    from framing.classify import words_train

    data = trainer.read_data(write_rows(tmp_path / "d.jsonl", synthetic_rows(30)))
    rows = words_train.word_rows(data)
    text, fitted, _, _ = words_train.train(rows, None, k=None, threshold=0.5, date="2024-01-01")
    model = parse_word_model(json.loads(text))
    idx = list(range(len(rows.tokens)))
    reference = fitted.probabilities(rows, idx)
    sentence_p = {}
    words_train._apply_sentences(fitted.sentence_model, rows, idx, sentence_p)
    for i in idx[:20]:
        ours = model.probabilities(words_train._sentence(rows, i, sentence_p[i]))
        assert max(abs(a - b) for a, b in zip(ours, reference[i])) < 1e-5


# --- the safe loader ----------------------------------------------------------------------

def _tiny() -> dict:
    return {
        "schema": "framing.word-model", "version": 1, "intercept": -3.0, "threshold": 0.5,
        "settings": {"char_ngram_range": [3, 5], "char_value": 0.3, "rate_prior": 2.0,
                     "rate_scale": 3.0, "max_length": 12, "z_clip": 5.0},
        "features": {"names": ["w:brazen", "rate", "sentence"], "coef": [4.0, 1.0, 0.5]},
        "counts": {"words": ["brazen", "council"], "marked": [2, 0], "seen": [2, 5]},
        "corpus": None, "metadata": {},
    }


def test_loader_accepts_a_hand_written_model_and_computes_by_hand():
    model = parse_word_model(_tiny())
    toks = tokens("A brazen council")
    sentence = Sentence(toks, [None] * 3, [False] * 3, 1.0)
    # brazen: -3 + 4 (word) + 1 × (2 / (2 + 2)) × 3 (rate) + 0.5 × 1 (sentence)
    z = -3 + 4 + 1.5 + 0.5
    assert model.probabilities(sentence)[1] == pytest.approx(1 / (1 + math.exp(-z)))
    assert model.evidence("brazen") == "experts marked it in 2 of the 2 training sentences that use it"
    assert model.evidence("zebra") == "the word never occurs in the training sentences"
    assert [p.label for p in model.explain(sentence, 1)] == [
        "the word itself", "how often experts marked it", "its sentence reads as biased"]


TAMPERED = [
    ("schema", lambda d: d.update(schema="framing.bias-model"), "schema"),
    ("version", lambda d: d.update(version=2), "version"),
    ("missing key", lambda d: d.pop("threshold"), "missing key 'threshold'"),
    ("threshold", lambda d: d.update(threshold=1.5), "threshold: must lie between 0 and 1"),
    ("coef length", lambda d: d["features"]["coef"].pop(), "features.coef: has 2 numbers"),
    ("coef type", lambda d: d["features"]["coef"].__setitem__(0, "4"), "features.coef[0]"),
    ("duplicate", lambda d: d["features"]["names"].__setitem__(1, "w:brazen"), "duplicate"),
    ("counts", lambda d: d["counts"]["marked"].__setitem__(1, 9), "marked more often"),
    ("counts length", lambda d: d["counts"]["seen"].pop(), "counts.seen"),
    ("negative", lambda d: d["counts"]["seen"].__setitem__(1, -1), "whole numbers >= 0"),
    ("setting", lambda d: d["settings"].update(extra=1), "unknown key 'extra'"),
    ("range", lambda d: d["settings"].update(char_ngram_range=[5, 3]), "char_ngram_range"),
    ("prior", lambda d: d["settings"].update(rate_prior=0), "must be positive"),
    ("corpus", lambda d: d.update(corpus={"name": "x", "documents": 3, "words": ["a"],
                                          "df": [1], "z": []}), "corpus.z"),
    ("metadata", lambda d: d.update(metadata=[]), "metadata: must be a JSON object"),
    ("not an object", lambda d: d.clear(), "missing key"),
]


@pytest.mark.parametrize("change,message", [t[1:] for t in TAMPERED], ids=[t[0] for t in TAMPERED])
def test_loader_refuses_tampered_models(change, message):
    doc = copy.deepcopy(_tiny())
    change(doc)
    with pytest.raises(WordModelError, match=None) as info:
        parse_word_model(doc, "m.json")
    assert message in str(info.value) and str(info.value).startswith("m.json")


@pytest.mark.parametrize("content,message", [
    (b"not json", "not valid JSON"), (b"\xff\xfe", "not UTF-8"),
    (b'{"intercept": NaN}', "not valid JSON"), (b"[1, 2]", "must be a JSON object"),
])
def test_reader_refuses_malformed_files(tmp_path, content, message):
    path = tmp_path / "m.json"
    path.write_bytes(content)
    with pytest.raises(WordModelError) as info:
        read_word_model(path)
    assert message in str(info.value)
    with pytest.raises(WordModelError, match="no such word model file"):
        read_word_model(tmp_path / "missing.json")


def test_shipped_model_loads_and_states_its_derivation():
    model = read_word_model(DEFAULT_WORD_MODEL)
    meta = model.metadata
    assert meta["derived_from"]["licence"] == "AGPL-3.0" and "BABE" in meta["derived_from"]["dataset"]
    assert meta["licence"] == "AGPL-3.0"
    assert "Baly" in meta["corpus_statistics_from"]["citation"]
    assert 0 < model.threshold < 1 and model.counts is not None and model.corpus is not None


# --- the commands -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def invented(tmp_path_factory):
    pytest.importorskip("sklearn", reason="training needs scikit-learn")
    folder = tmp_path_factory.mktemp("words")
    data = write_rows(folder / "labels.jsonl", synthetic_rows(24))
    model = folder / "words.json"
    result = CliRunner().invoke(train_words, [str(data), "-o", str(model), "--cv", "3",
                                              "--date", "2024-01-01"])
    assert result.exit_code == 0, result.output
    return data, model, result


def test_train_words_prints_the_curve_and_writes_a_model(invented):
    data, path, result = invented
    assert "| threshold | learned P" in result.stdout and "**(chosen)**" in result.stdout
    assert "| lexicon + learned |" in result.stdout
    model = read_word_model(path)
    assert model.metadata["training_data"]["rows"] == 48
    assert model.metadata["cross_validation"]["folds"] == 3
    # the invented marked words score above the unmarked words of the same sentences
    toks = tokens("The union launched an outrageous attack on Monday.")
    probs = model.probabilities(Sentence(toks, [None] * len(toks), [False] * len(toks), 2.0))
    by_word = dict(zip((t.norm for t in toks), probs))
    assert by_word["outrageous"] > max(by_word["union"], by_word["monday"], by_word["on"])


def test_train_words_is_reproducible_and_never_overwrites(invented, tmp_path):
    data, path, _ = invented
    again = tmp_path / "again.json"
    result = CliRunner().invoke(train_words, [str(data), "-o", str(again), "--cv", "3",
                                              "--date", "2024-01-01"])
    assert result.exit_code == 0
    assert again.read_bytes() == path.read_bytes()
    one_line_error(CliRunner().invoke(train_words, [str(data), "-o", str(again), "--cv", "3"]))
    assert again.read_bytes() == path.read_bytes()


def test_evaluate_words_with_a_model_and_with_cv(cli, invented):
    data, path, _ = invented
    result = run(cli, "evaluate-words", str(data), "--model", str(path))
    assert result.exit_code == 0, result.output
    assert "| lexicon only |" in result.stdout and "own training data" in result.stderr
    result = run(cli, "evaluate-words", str(data), "--cv", "2")
    assert result.exit_code == 0, result.output
    assert "2-fold cross-validation" in result.stdout and "| learned only |" in result.stdout


@pytest.mark.parametrize("args,message", [
    (["evaluate-words", "{nomarks}"], "needs `biased_words`"),
    (["evaluate-words", "{data}", "--cv", "2", "--model", "{model}"], "cannot be combined"),
    (["evaluate-words", "{data}", "--corpus", "{data}"], "--corpus is used only with --cv"),
    (["evaluate-words", "{data}", "--model", "{data}"], "not valid JSON"),
    (["evaluate-words", "{missing}"], "no such file"),
    (["train-words", "{data}", "-o", "{out}", "--cv", "0"], "give the threshold"),
    (["train-words", "{data}", "-o", "{out}", "--cv", "1"], "--cv must be 0 or at least 2"),
    (["train-words", "{data}", "-o", "{out}", "--date", "yesterday"], "expected YYYY-MM-DD"),
    (["train-words", "{data}", "-o", "{out}", "--cv", "2", "--corpus", "{missing}"],
     "no such file"),
])
def test_command_errors_exit_2_with_one_line(cli, invented, tmp_path, args, message):
    data, model, _ = invented
    nomarks = write_rows(tmp_path / "nomarks.jsonl", synthetic_rows(6, marks=False))
    paths = {"data": data, "model": model, "nomarks": nomarks, "out": tmp_path / "out.json",
             "missing": tmp_path / "missing.jsonl"}
    error = one_line_error(run(cli, *[a.format(**paths) for a in args]))
    assert message in error
    assert not (tmp_path / "out.json").exists()


# --- the shipped model on BABE (../shared) ------------------------------------------------

@pytest.mark.corpus
def test_shipped_word_model_rebuilds_bit_for_bit(tmp_path):
    """The documented command (docs/word-detector.md) rebuilds the shipped file."""
    pytest.importorskip("sklearn", reason="training needs scikit-learn")
    import sklearn

    from framing.classify.train import lexicon_fingerprint

    need(BABE)
    need(ALLSIDES)
    meta = read_word_model(DEFAULT_WORD_MODEL).metadata
    if meta["scikit_learn_version"] != sklearn.__version__:
        pytest.skip(f"model built with scikit-learn {meta['scikit_learn_version']}, "
                    f"this is {sklearn.__version__}")
    if meta["lexicons"]["sha256"] != lexicon_fingerprint()["sha256"]:
        pytest.skip("lexicons changed since the shipped word model was built: rebuild it with "
                    "the command in docs/word-detector.md")
    out = tmp_path / "word-model.json"
    subprocess.run([sys.executable, "-m", "framing", "train-words", str(BABE), "-o", str(out),
                    "--corpus", str(ALLSIDES), "--cv", "0",
                    "--threshold", str(read_word_model(DEFAULT_WORD_MODEL).threshold),
                    "--date", meta["trained"]], check=True, cwd=ROOT, capture_output=True)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == \
        hashlib.sha256(DEFAULT_WORD_MODEL.read_bytes()).hexdigest()
