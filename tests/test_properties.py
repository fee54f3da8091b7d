"""Property tests (Hypothesis) over arbitrary Unicode and over shuffled news-like pieces:
analysis never raises; flags' offsets slice the text to their text; sentences tile the text
in order; scores are finite and in range; the JSON report round-trips."""
from __future__ import annotations

import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing.render.json import article_dict, render

# Pieces that reach the detectors: lexicon words, quote marks of every kind, abbreviations,
# speech verbs, names, line breaks, invisible and combining characters.
PIECES = ["regime", "reportedly", "allegedly", "clearly", "of course", "likely", "slammed",
          "officials", "sources say", "claimed", "so-called", "Mr.", "Dr.", "U.S.", "Jan. 5",
          "said", "she said", "according to", "Mayor Ann Holt", "the", "council", "not",
          "if", "would", '"', "“", "”", "‘", "’", "'", ",", ".", "!", "?", ":", "—", "(", ")",
          "\n", "\n\n", "\r\n", " ", "  ", "\t", "\u00ad", "\u200b", "e\u0301", "Σ", "İ", "ǅ",
          "😀", "مرحبا", "# Heading", "- item", "RELATED ARTICLES", "***"]

news_like = st.lists(st.sampled_from(PIECES), max_size=80).map(" ".join)
any_text = st.text(max_size=400)
texts = st.one_of(any_text, news_like,
                  st.tuples(news_like, any_text, news_like).map("".join))

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _in_range(value: float | None, low: float, high: float) -> bool:
    return value is None or (math.isfinite(value) and low <= value <= high)


@SETTINGS
@given(texts)
def test_analysis_of_any_text_keeps_every_invariant(text):
    article = framing.analyse(text)
    assert article.text == text
    for flag in article.flags:
        assert 0 <= flag.start < flag.end <= len(text)
        assert text[flag.start:flag.end] == flag.text
        assert 0 <= flag.sentence < len(article.sentences)
    previous = 0
    for i, s in enumerate(article.sentences):
        assert s.index == i
        assert previous <= s.start < s.end <= len(text)
        assert not text[previous:s.start].strip()  # only white space between sentences
        previous = s.end
        assert _in_range(s.assertion, -1, 1) and _in_range(s.bias_probability, 0, 1)
        for cue in s.cues:
            assert text[cue.start:cue.end] == cue.text or cue.kind == "attribution"
    assert not text[previous:].strip()
    for quote in article.quotes:
        assert text[quote.start:quote.end] == quote.text
    scores = article.scores
    for name in ("loaded_per_1000_words", "hedges_per_1000_words", "boosters_per_1000_words",
                 "anonymous_per_1000_words"):
        assert _in_range(getattr(scores, name), 0, math.inf)
    for name in ("biased_sentence_share", "hedged_sentence_share", "plain_sentence_share",
                 "boosted_sentence_share"):
        assert _in_range(getattr(scores, name), 0, 1)
    assert _in_range(scores.assertion_mean, -1, 1)
    if scores.readability is not None:
        assert math.isfinite(scores.readability.flesch_reading_ease)
        assert math.isfinite(scores.readability.grade_level)
    assert article.word_count >= 0


@SETTINGS
@given(texts)
def test_the_json_report_round_trips(text):
    article = framing.analyse(text)
    doc = json.loads(render([article]))
    assert doc["articles"][0] == json.loads(json.dumps(article_dict(article)))
    assert doc["articles"][0]["text"] == text
    assert json.loads(json.dumps(doc)) == doc
