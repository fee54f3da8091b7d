"""Every article score of the four port samples (and key scores of the seed) as values.

The samples tell one story four ways (samples/README.md). The literal figures below were
read and checked by hand when they were written; the relations after them (densities from
counts, shares from sentence scores, the classifier threshold) hold whatever the lexicons
say, so a broken formula fails here even when a lexicon change moves the figures.
"""
from __future__ import annotations

import math

import pytest

import framing
from framing.assertion import BOOSTED_ABOVE, HEDGED_BELOW
from framing.classify import BIASED
from framing.load import load

from .conftest import SAMPLES, SEED, need

KINDS = ("loaded", "hedge", "booster", "anonymous", "report_verb", "scare_quote")

# name: words, sentences, counts (writer's own, by KINDS), counts inside quotations,
# (reported speech is checked by relation below, and in tests/test_reported.py)
# loaded / hedges / boosters / anonymous per 1,000 words, mean assertion,
# hedged / plain / boosted sentence shares, biased sentence share, reading ease, grade, band
EXPECTED = {
    "neutral": (495, 30, (0, 0, 0, 0, 0, 0), (0, 1, 0, 0, 0, 0), (0.0, 0.0, 0.0, 0.0), -0.005,
                (0.0, 1.0, 0.0), 0.133, (61.1, 8.8, "plain English")),
    # three loaded terms are reported speech (job-killing … according to the cooperative;
    # Holt insisted the scheme …; Okafor concedes the dredgers will tear up …): 33 -> 30
    "loaded": (503, 27, (30, 0, 0, 0, 9, 2), (0, 1, 0, 0, 0, 0), (59.64, 0.0, 0.0, 0.0), 0.003,
               (0.074, 0.815, 0.111), 0.63, (61.6, 9.1, "plain English")),
    # eight hedges are the sources' (officials said the project could …, the council said
    # the terminal would probably …, according to the cooperative …, Kallas said recovery
    # could be slow): 28 -> 20
    "hedged": (486, 29, (0, 20, 1, 8, 0, 0), (0, 1, 0, 0, 0, 0), (0.0, 41.15, 2.06, 16.46),
               -0.344, (0.655, 0.345, 0.0), 0.172, (59.8, 8.9, "fairly difficult")),
    "boosted": (476, 32, (0, 0, 16, 0, 0, 0), (0, 1, 0, 0, 0, 0), (0.0, 0.0, 33.61, 0.0), 0.284,
                (0.0, 0.5, 0.5), 0.344, (61.2, 8.2, "plain English")),
}


@pytest.fixture(scope="module")
def samples() -> dict[str, framing.results.Article]:
    out = {}
    for name in EXPECTED:
        doc = load(str(SAMPLES / f"port-{name}.txt"))
        out[name] = framing.analyse(doc.text, source=doc.source, title=doc.title)
    return out


@pytest.mark.parametrize("name", EXPECTED)
def test_every_score_of_the_sample(samples, name):
    words, n_sentences, counts, quoted, densities, mean, shares, biased, reading = EXPECTED[name]
    article = samples[name]
    s = article.scores
    assert (article.word_count, len(article.sentences)) == (words, n_sentences)
    assert tuple(s.counts[k] for k in KINDS) == counts
    assert tuple(s.quoted_counts[k] for k in KINDS) == quoted
    assert (s.loaded_per_1000_words, s.hedges_per_1000_words, s.boosters_per_1000_words,
            s.anonymous_per_1000_words) == densities
    assert s.assertion_mean == mean
    assert (s.hedged_sentence_share, s.plain_sentence_share, s.boosted_sentence_share) == shares
    assert s.biased_sentence_share == biased
    r = s.readability
    assert (r.flesch_reading_ease, r.grade_level, r.band) == reading


@pytest.mark.parametrize("name", EXPECTED)
def test_scores_follow_from_flags_and_sentences(samples, name):
    """The relations behind the figures: densities from the writer's counts, means and shares
    from the sentences, the biased share from the documented threshold."""
    article = samples[name]
    s, words = article.scores, article.word_count
    own = [f for f in article.flags if f.voice == "writer"]
    for kind in KINDS:
        assert s.counts[kind] == sum(f.kind == kind for f in own)
        assert s.quoted_counts[kind] == sum(f.kind == kind and f.in_quote for f in article.flags)
        assert s.reported_counts[kind] == sum(f.kind == kind and f.voice == "reported"
                                              for f in article.flags)
        assert s.counts[kind] + s.reported_counts[kind] + s.quoted_counts[kind] == \
            sum(f.kind == kind for f in article.flags)
    for kind, density in (("loaded", s.loaded_per_1000_words), ("hedge", s.hedges_per_1000_words),
                          ("booster", s.boosters_per_1000_words),
                          ("anonymous", s.anonymous_per_1000_words)):
        assert density == round(1000 * s.counts[kind] / words, 2), kind
    scores = [x.assertion for x in article.sentences]
    assert s.assertion_mean == round(sum(scores) / len(scores), 3)
    shares = (sum(a <= HEDGED_BELOW for a in scores), sum(HEDGED_BELOW < a < BOOSTED_ABOVE
                                                         for a in scores),
              sum(a >= BOOSTED_ABOVE for a in scores))
    assert (s.hedged_sentence_share, s.plain_sentence_share, s.boosted_sentence_share) == \
        tuple(round(n / len(scores), 3) for n in shares)
    probabilities = [x.bias_probability for x in article.sentences]
    assert s.biased_sentence_share == round(sum(p >= BIASED for p in probabilities)
                                            / len(probabilities), 3)
    for sentence in article.sentences:
        # the words that raised it are listed exactly for the sentences read as biased
        assert bool(sentence.bias_words) == (sentence.bias_probability >= BIASED)
        raw = sum(c.effect for c in sentence.cues)
        damped = 0.5 if any(c.kind == "attribution" for c in sentence.cues) else 1
        assert sentence.assertion == round(math.tanh(raw) * damped, 3)


def test_the_four_versions_differ_where_they_should(samples):
    s = {name: a.scores for name, a in samples.items()}
    assert max(s, key=lambda n: s[n].loaded_per_1000_words) == "loaded"
    assert max(s, key=lambda n: s[n].hedges_per_1000_words) == "hedged"
    assert max(s, key=lambda n: s[n].boosters_per_1000_words) == "boosted"
    assert max(s, key=lambda n: s[n].anonymous_per_1000_words) == "hedged"
    assert max(s, key=lambda n: s[n].biased_sentence_share) == "loaded"
    assert s["hedged"].assertion_mean < s["neutral"].assertion_mean < s["boosted"].assertion_mean


def test_quotes_and_sources_of_the_loaded_sample(samples):
    article = samples["loaded"]
    others = [(q.text, q.kind, q.speaker) for q in article.quotes if q.kind != "direct"]
    assert others == [("“jobs plan”", "scare", None), ("“consultation”", "scare", None),
                      ("“temporary”", "partial", "Maren Holt")]
    assert [(x.name, x.quotes, len(x.mentions)) for x in article.sources] == [
        ("Mayor Tomas Reinholt", 2, 3), ("Harbour Master Ilse Varga", 1, 2),
        ("Councillor Petra Lind", 1, 2), ("Marrowby Inshore Fishermen’s Cooperative", 0, 1),
        ("Anselm Brecht", 1, 2), ("Maren Holt", 0, 1), ("J. Okafor of Tidewell Associates", 0, 1),
        ("Dr. Sofie Kallas", 1, 2)]


def test_anonymous_sources_of_the_hedged_sample(samples):
    anonymous = {x.name: len(x.mentions) for x in samples["hedged"].sources
                 if x.kind == "anonymous"}
    assert anonymous == {"officials said": 3, "people familiar with the matter": 1,
                         "a person familiar with": 1, "Sources close to": 1,
                         "residents say": 1, "Critics argue": 1}
    assert sum(anonymous.values()) == samples["hedged"].scores.counts["anonymous"]


# the seed (a real article in ../shared): words and sentences, writer's counts by KINDS,
# hedges / boosters / loaded / anonymous per 1,000 words, mean assertion and biased share,
# reading ease and grade (a long-sentenced opinion piece: hard to read)
SEED_SHAPE = (1496, 54)
SEED_COUNTS = (21, 15, 9, 0, 0, 4)
SEED_DENSITIES = (10.03, 6.02, 14.04, 0.0)
SEED_MEANS = (-0.043, 0.463)
SEED_READING = (20.0, 18.9)


def test_key_scores_of_the_seed():
    doc = load(str(need(SEED)))
    article = framing.analyse(doc.text, source=doc.source, title=doc.title, removed=doc.removed)
    s = article.scores
    assert (article.word_count, len(article.sentences)) == SEED_SHAPE
    assert tuple(s.counts[k] for k in KINDS) == SEED_COUNTS
    assert (s.hedges_per_1000_words, s.boosters_per_1000_words, s.loaded_per_1000_words,
            s.anonymous_per_1000_words) == SEED_DENSITIES
    assert (s.assertion_mean, s.biased_sentence_share) == SEED_MEANS
    assert (s.readability.flesch_reading_ease, s.readability.grade_level) == SEED_READING


def test_a_text_without_words_scores_zero_and_none():
    from framing.score import article_scores

    s = article_scores([], [], 0, None)
    assert (s.loaded_per_1000_words, s.hedges_per_1000_words, s.boosters_per_1000_words,
            s.anonymous_per_1000_words) == (0.0, 0.0, 0.0, 0.0)
    assert (s.assertion_mean, s.biased_sentence_share, s.hedged_sentence_share,
            s.plain_sentence_share, s.boosted_sentence_share, s.readability) == (None,) * 6
    assert set(s.counts.values()) == {0} and set(s.quoted_counts.values()) == {0}


def test_a_probability_at_the_threshold_counts_as_biased():
    from framing.results import Sentence
    from framing.score import article_scores

    sentences = [Sentence(0, 0, 5, "narrator", 0.0, BIASED), Sentence(1, 6, 9, "narrator", 0.0, 0.2)]
    assert article_scores([], sentences, 3, None).biased_sentence_share == 0.5
