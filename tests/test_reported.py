"""Reported speech (framing/detect/reported.py): which flags are in someone else's words
without quotation marks, and whose. Every sentence here is invented."""
from __future__ import annotations

import pytest

import framing
from framing.detect.reported import reported_spans
from framing.lexicon import builtin
from framing.render import renderer
from framing.render.spans import voice_note
from framing.segment import tokens


def voices(text: str) -> dict[str, tuple[str, str | None]]:
    """Flagged words -> (voice, speaker)."""
    article = framing.analyse(text, model=False)
    return {f.text: (f.voice, f.speaker) for f in article.flags}


# (sentence, flagged words, expected voice, expected speaker; None = no speaker given)
REPORTED = [
    # a clause after a verb of saying, with or without "that"
    ("Senator Vale said the closure was a disaster.", "disaster", "Senator Vale"),
    ("Councillor Brandt argued that the levy was a cash grab.", "cash grab", "Councillor Brandt"),
    ("The mayor warned reporters on Friday that the budget was a disaster.", "disaster",
     "The mayor"),
    ("Critics claimed the new rota was draconian.", "draconian", "Critics"),
    ("They say a delay could have dire consequences for the ferry.", "dire", None),
    # labels: called Y Z, described Y as Z, accused Y of Z
    ("Republicans called the plan a giveaway.", "giveaway", "Republicans"),
    ("The union branded the offer a farce.", "farce", "The union"),
    ("She described the ruling as outrageous.", "outrageous", None),
    ("Farmers decry the water tax as a giveaway to developers.", "giveaway", "Farmers"),
    ("Ms. Okoro accused the board of a cover-up.", "cover-up", "Ms. Okoro"),
    ("The island, which its rivals label a rogue state, voted first.", "rogue state",
     "its rivals"),
    # according to, closing and parenthetical tags
    ("According to the dockers' union, the cuts are brutal.", "brutal", "the dockers' union"),
    ("The cuts are brutal, according to the dockers' union.", "brutal", "the dockers' union"),
    ("The plan is a giveaway, critics said.", "giveaway", "critics"),
    ("The plan, critics said, is a giveaway.", "giveaway", "critics"),
    # a poll's wording and a question
    ("The survey asked whether the levy was a farce.", "farce", None),
    ("Respondents were asked if the curfew was draconian.", "draconian", None),
    # the content of a noun of saying or believing
    ("The forum was full of claims that the council is corrupt.", "corrupt", None),
    ("Vale's warning that the talks were a farce went unheeded.", "farce", "Vale"),
    ("Their point is that the talks were a farce.", "farce", None),
    # a hedge in a reported belief is the believer's, not the writer's
    ("My neighbour might think that the fence is a farce.", "think that", "My neighbour"),
    ("The governor saw it as a local decision.", "saw it as", "The governor"),
    # a second reporting verb of the same speaker; a subject moved away; abbreviations
    ("Councillor Brandt conceded the delay but insisted the levy was a giveaway.", "giveaway",
     "Councillor Brandt"),
    ("The port was sold in what officials said was a giveaway.", "giveaway", "officials"),
    ("U.S. officials said the brutal crackdown continued.", "brutal", "U.S. officials"),
]


@pytest.mark.parametrize("text, word, speaker", REPORTED)
def test_flags_in_reported_speech_are_reported_with_their_speaker(text, word, speaker):
    found = voices(text)
    assert found[word] == ("reported", speaker), found


# (sentence, flagged words): the writer's own words, where a reporting verb stands near
WRITER = [
    ("She said nothing, and the brutal crackdown went on.", "brutal"),
    # speech not made yet: the writer puts the words in their mouths
    ("Next spring they will claim that their heroic dredging saved the quay.", "heroic"),
    ("Critics might argue that the brutal cuts were needed.", "brutal"),
    ("I think that the plan is a disaster.", "disaster"),
    ("We said the scheme was a disaster.", "disaster"),
    ("Nobody can argue it is a good thing that the regime may fall.", "regime"),
    ("The minister never said the regime was stable.", "regime"),
    ("She called the police after the brutal attack.", "brutal"),
    ("The union called for a ban on the draconian curfew.", "draconian"),
    ("The records revealed that the scheme was a disaster.", "disaster"),
    ("Vale, who said the budget was tight, backed the draconian curfew.", "draconian"),
    ("The disaster deepened on Monday, officials said, and the regime fell.", "regime"),
    ("Despite the fact that the regime fell, the port stayed open.", "regime"),
    ("The point is that the regime fell.", "regime"),
    ("The board rightly regards the levy as a giveaway.", "giveaway"),
    ("Officials may testify — and whether the regime falls is open.", "regime"),
    ("“We must act,” said Ms. Lind, and the brutal crackdown went on.", "brutal"),
    ("“We must act,” she said, according to an aide who saw the brutal raid.", "brutal"),
    ("He told the story of a family that fled the brutal regime.", "brutal"),
    ("It takes effort to make people think that the regime is stable.", "regime"),
    ("You'd think that the regime was stable.", "regime"),
    ("There is no reason to believe that the regime will fall.", "regime"),
    ("Members would surely think twice about the brutal crackdown.", "brutal"),
    ("If the court agrees, as some analysts expect, the regime could fall.", "regime"),
    ("The vote was close, Vale said, and the regime fell.", "regime"),
    ("Ms. Lind seems to believe the council is a regime.", "seems to"),
]


@pytest.mark.parametrize("text, word", WRITER)
def test_the_writers_own_words_stay_the_writers(text, word):
    found = voices(text)
    assert found[word][0] == "writer", found


@pytest.mark.parametrize("text", [
    "The brutal regime fell, she called repeatedly.", "Vale called", "According to",
    "Critics said", "according to the", "The claim that", "They asked whether",
    "Familiar with the plan said the regime fell.", ", critics said,", "Vale said that"])
def test_sentences_that_end_early_are_no_trouble(text):
    article = framing.analyse(text, model=False)
    assert all(f.voice in ("writer", "reported", "quoted") for f in article.flags)
    assert sum(v["words"] for v in article.scores.by_voice.values()) == article.word_count


def test_quoted_words_stay_quoted_inside_reported_speech():
    found = voices("Vale said the plan was a “draconian” giveaway.")
    assert found["draconian"][0] == "quoted" and found["giveaway"] == ("reported", "Vale")
    article = framing.analyse("Vale said the plan was “a draconian farce”.", model=False)
    assert all(f.in_quote == (f.voice == "quoted") for f in article.flags)


def test_reported_span_covers_the_complement_only():
    text = "Senator Vale said on Monday that the closure was a disaster."
    toks = tokens(text)
    (span,) = reported_spans(text, [toks], builtin())[0]
    assert text[span.start:span.end] == "the closure was a disaster"
    assert span.speaker == "Senator Vale" and span.main


def test_sentence_voice_and_scores_by_voice_follow_the_flags():
    text = ("Senator Vale said the closure was a disaster. The brutal crackdown went on. "
            "The port, in what officials said was a giveaway, was sold.")
    article = framing.analyse(text, model=False)
    assert [s.voice for s in article.sentences] == ["reported", "narrator", "narrator"]
    by = article.scores.by_voice
    assert by["reported"]["counts"]["loaded"] == 2  # "disaster", "giveaway"
    assert by["writer"]["counts"]["loaded"] == 1  # "brutal"
    # words by their own voice: "the closure was a disaster" (5) and "was a giveaway" (3)
    assert by["reported"]["words"] == 8
    assert sum(v["words"] for v in by.values()) == article.word_count
    assert by["reported"]["loaded_per_1000_words"] == round(1000 * 2 / 8, 2)


def test_every_renderer_says_whose_reported_words_they_are():
    article = framing.analyse("Senator Vale said the closure was a disaster.", model=False)
    (flag,) = [f for f in article.flags if f.text == "disaster"]
    note = voice_note(flag)
    assert "reported speech" in note and "Senator Vale" in note
    for fmt in ("text", "markdown", "html"):
        out = renderer(fmt)([article], False)
        assert "reported speech, attributed to Senator Vale" in " ".join(out.split())


def test_json_flags_carry_their_voice():
    import json

    doc = json.loads(renderer("json")([framing.analyse("Critics called the plan a giveaway.",
                                                       model=False)], False))
    (flag,) = [f for f in doc["articles"][0]["flags"] if f["text"] == "giveaway"]
    assert flag["voice"] == "reported" and flag["speaker"] == "Critics" and not flag["in_quote"]


# --- framing check: reported speech is a finding one level below the writer's own ---------

def check_json(tmp_path, text: str, *args: str) -> list[dict]:
    import json

    from click.testing import CliRunner

    from framing.cli import main
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["files"][0]["findings"]


@pytest.mark.parametrize("text, level", [
    ("Senator Vale said the closure was a disaster.\n", "suggestion"),  # warning - 1
    ("The closure was a disaster.\n", "warning"),
    ("Critics said the mayor was a coward.\n", "suggestion"),
])
def test_check_lowers_reported_findings_one_level(tmp_path, text, level):
    (found,) = [f for f in check_json(tmp_path, text) if f["kind"] == "loaded"]
    assert found["level"] == level
    assert found["voice"] == ("reported" if "said" in text else "writer")


def test_check_keeps_a_configured_level_for_reported_speech(tmp_path):
    text = "Senator Vale said the closure was a disaster.\n"
    (found,) = check_json(tmp_path, text, "--level", "loaded=warning")
    assert (found["level"], found["voice"], found["speaker"]) == \
        ("warning", "reported", "Senator Vale")
