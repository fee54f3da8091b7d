"""numpy's sweep over many sentences (framing/classify/vector.py) gives the very floats of
the sentence-by-sentence pure-Python sweep: probabilities, explanations and their values."""
from __future__ import annotations

import random

import pytest

from framing.classify import predict
from framing.classify.predict import load_model
from framing.classify.vector import group_sums, segment_sums
from framing.load import load
from framing.segment import sentence_spans

from .conftest import SAMPLES

INVENTED = [
    "",
    "   ",
    "!!!",
    "The the the the the the the the the the the the.",  # term frequencies far above 1
    "Critics slammed the radical scheme as a disgraceful, reckless betrayal of voters.",
    "The committee met on Tuesday and approved the budget.",
    "Zzxq qqzx xqzz.",  # no known word n-gram
    "A " + "verylongword" * 30 + " indeed.",  # one word with hundreds of char n-grams
    " ".join(["officials said the plan was allegedly a shocking failure"] * 40),
    "“Scare” quotes and ‘single’ ones, a CAPITALISED Name, émigré café, 東京, 🙂!",
]


def _sentences() -> list[str]:
    out = list(INVENTED)
    for path in sorted(SAMPLES.glob("port-*")):
        text = load(str(path)).text
        out += [text[s:e] for s, e in sentence_spans(text)]
    return out


def _assess(monkeypatch, vector: bool, texts: list[str]):
    monkeypatch.setattr(predict, "VECTOR_AFTER", 0 if vector else 10**12)
    return load_model().assess(texts, explain_from=0.2, top=8)


def test_numpy_and_python_sweeps_agree_bit_for_bit(monkeypatch):
    texts = _sentences()
    assert len(texts) > 100  # several 64-sentence chunks
    python = _assess(monkeypatch, False, texts)
    numpy = _assess(monkeypatch, True, texts)
    assert [repr(r) for r in numpy] == [repr(r) for r in python]
    assert any(words for _, words in python)  # explanations were compared too


@pytest.mark.parametrize("lengths", [[0], [1], [7], [3, 0, 5], [70, 1, 2000, 0, 9], [5000],
                                     [1] * 300])
def test_segment_sums_add_left_to_right_like_sum(lengths):
    import numpy as np

    rng = random.Random(len(lengths))
    runs = [[rng.uniform(-1e3, 1e3) * 10 ** rng.randint(-8, 8) for _ in range(n)] for n in lengths]
    flat = np.array([x for run in runs for x in run])
    one, = segment_sums(flat, np.array(lengths))
    first, second = segment_sums(np.stack((flat, flat[::-1])), np.array(lengths))
    expected = [repr(float(sum(run))) for run in runs]
    assert [repr(x) for x in one.tolist()] == [repr(x) for x in first.tolist()] == expected
    flipped = flat[::-1].tolist()
    runs = [[flipped.pop(0) for _ in range(n)] for n in lengths]
    assert [repr(x) for x in second.tolist()] == [repr(float(sum(run))) for run in runs]


@pytest.mark.parametrize("vector", [False, True])
def test_assess_reads_each_sentence_once_and_agrees_with_probabilities_and_explain(
        monkeypatch, vector):
    """`assess` lower-cases and tokenises each sentence once for all blocks and the rates;
    `probabilities` and `explain` read it afresh per block: the same floats and words."""
    texts = _sentences()
    model = load_model()
    together = _assess(monkeypatch, vector, texts)
    alone = [(p, model.explain(t, top=8) if p >= 0.2 else [])
             for t, p in zip(texts, model.probabilities(texts))]
    assert [repr(r) for r in together] == [repr(r) for r in alone]
    assert sum(bool(words) for _, words in alone) > 10


def test_segment_sums_start_from_zero_like_sum():
    import numpy as np

    values = np.array([-0.0, -0.0, 1e16, 1.0, -1e16, 0.1, 0.2, 0.3])
    sums = segment_sums(values, np.array([1, 0, 1, 3, 3]))[0].tolist()
    assert [repr(x) for x in sums] == [repr(float(sum(run))) for run in
                                       ([-0.0], [], [-0.0], [1e16, 1.0, -1e16], [0.1, 0.2, 0.3])]
    assert repr(sums[0]) == "0.0" and sums[3] == 0.0  # not -0.0; 1.0 lost as `sum` loses it


def test_bigrams_looked_up_by_word_pairs_equal_joined_bigrams():
    """The shipped word block (one- and two-word n-grams) looks bigrams up by their pair of
    words; joining them and looking the string up (as for any other range) finds the same,
    on texts of no, one and many words, repeated pairs and bigrams not in the vocabulary."""
    import numpy as np

    from framing.classify.features import word_tokens
    from framing.classify.vector import _state, _word_found

    block = load_model().word
    assert tuple(block.ngram_range) == (1, 2)
    state = _state(block)
    units = [word_tokens(t) for t in INVENTED + ["One.", "the united states the united states"]]
    assert state.pairs and any(map(len, units)) and not all(map(len, units))
    by_pairs, sizes = _word_found(block, state, units)
    pairs, state.pairs = state.pairs, None
    try:
        joined, joined_sizes = _word_found(block, state, units)
    finally:
        state.pairs = pairs
    assert by_pairs.tolist() == joined.tolist() and sizes == joined_sizes
    assert any(" " in block.ngrams[i] for i in by_pairs.tolist() if i >= 0)  # bigrams found
    assert np.count_nonzero(by_pairs >= 0) < len(by_pairs)  # and some n-grams unknown


def test_group_sums_add_each_groups_values_in_order_like_sum():
    """Groups interleaved (and one empty): each total is `sum` of its values in order."""
    import numpy as np

    rng = random.Random(7)
    values = [rng.uniform(-1e3, 1e3) * 10 ** rng.randint(-8, 8) for _ in range(500)]
    group = [rng.choice([0, 1, 3]) for _ in values]
    totals = group_sums(np.array(values), np.array(group), 4).tolist()
    expected = [float(sum(v for v, g in zip(values, group) if g == k)) for k in range(4)]
    assert [repr(x) for x in totals] == [repr(x) for x in expected]
    assert repr(totals[2]) == "0.0"


@pytest.mark.parametrize("ngram_range", [(2, 5), (1, 3), (3, 3), (4, 6)])
def test_char_hits_found_by_number_equal_word_hits(ngram_range):
    """Many words' char_wb hits at once, by n-gram numbers (`char_blobs`), equal
    `NgramBlock.word_hits` word by word: short and long words, characters no n-gram of the
    vocabulary holds (alone, first, last, inside), repeats, and padded words shorter than
    min_n (looked up one by one)."""
    import numpy as np

    from framing.classify.features import word_char_ngrams
    from framing.classify.predict import NgramBlock
    from framing.classify.vector import _state, char_blobs

    words = ["a", "ab", "the", "émigré", "東京", "🙂!", "verylongword" * 30, "“scare”",
             "x\x00y", "don't", "—", "said,", "zqzq", "the", "ée", "tokyo東", "東tokyo",
             "ab東cd", "12,000", "a-b-c-d-e-f"]
    vocab = sorted({g for w in words[:12] + ["tokyo", "thethe", "abcd"]
                    for g in word_char_ngrams(w, ngram_range)} - {" ab ", "rd", " "})
    block = NgramBlock(analyzer="char_wb", ngram_range=ngram_range, lowercase=True,
                       token_pattern=predict.TOKEN_PATTERN, sublinear_tf=True, weight=1.0,
                       ngrams=vocab, idf=[1.0] * len(vocab), coef=[0.5] * len(vocab),
                       index={g: i for i, g in enumerate(vocab)})
    state = _state(block)
    assert state.keys is not None
    got = [np.frombuffer(b, dtype=np.int32).tolist() for b in char_blobs(block, state, words)]
    assert got == [list(block.word_hits(w)) for w in words]
    assert any(got) and not all(got)
    for alone in (["c"], ["ab"], ["東"], ["ab", "abc"]):  # fewer characters than max_n
        assert [len(b) for b in char_blobs(block, state, alone)] == [
            4 * len(block.word_hits(w)) for w in alone]


def test_char_hits_of_the_shipped_model_by_number_equal_word_hits():
    import numpy as np

    from framing.classify.vector import _state, char_blobs

    block = load_model().char
    words = [w for t in _sentences() for w in t.lower().split()]
    got = [np.frombuffer(b, dtype=np.int32).tolist()
           for b in char_blobs(block, _state(block), words)]
    assert got == [list(block.word_hits(w)) for w in words]
