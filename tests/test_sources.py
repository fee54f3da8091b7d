"""Who is speaking: quote speakers, indirect attribution, pronouns, anonymous sources."""
from __future__ import annotations

import pytest

import framing


def named(text: str) -> dict[str, int]:
    return {s.name: s.quotes for s in framing.analyse(text).sources if s.kind == "named"}


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in framing.analyse(text).quotes if q.kind == "direct"]


@pytest.mark.parametrize("text, expected", [
    # pronoun after a titled name in the previous sentence
    ("Councillor Petra Lind voted against the plan. “We were never asked where the boats would "
     "go,” she said.", ["Councillor Petra Lind"]),
    # quote split by its attribution: the second half is the same speaker's
    ("“The port must grow,” Mayor Tomas Reinholt said. “Ships are getting bigger every year.”",
     ["Mayor Tomas Reinholt", "Mayor Tomas Reinholt"]),
    # multi-paragraph quote: the open first paragraph belongs to the closing one's speaker
    ('"Our members have fished here for four generations. The quay is our life.\n\n'
     '"We are not against the port," Mr. Brecht said.', ["Mr. Brecht", "Mr. Brecht"]),
    # inverted tag
    ("“The harbour needs dredging before next winter,” said Harbour Master Ilse Varga.",
     ["Harbour Master Ilse Varga"]),
    # a pronoun with no person before it stays unnamed
    ("“We will appeal the ruling in the courts,” she said.", [None]),
])
def test_quote_speakers(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mayor Ann Holt said the port would grow.", {"Mayor Ann Holt": 0}),
    ("The port will grow, according to the Ministry of Transport.", {"Ministry of Transport": 0}),
    # the name in an appositive is not the speaker; the clause's subject is
    ("Dr. Sofie Kallas, an ecologist at the University of Marrowby, said recovery could be slow.",
     {"Dr. Sofie Kallas": 0}),
    # a verb whose object is a name is not attribution by that name
    ("Iran has asked Russia for help with its programme.", {}),
    # one person, many mentions: merged by surname, longest name kept
    ("Mayor Ann Holt said the port would grow. “We need it,” Ms. Holt said.", {"Mayor Ann Holt": 1}),
])
def test_named_sources(text, expected):
    assert named(text) == expected


def test_anonymous_sources_are_listed_with_counts():
    text = ("Officials said the plan was final. Critics argue it is rushed. "
            "Officials said the vote was close.")
    anonymous = {s.name: len(s.mentions) for s in framing.analyse(text).sources
                 if s.kind == "anonymous"}
    assert len(anonymous) == 2 and sorted(anonymous.values()) == [1, 2]


@pytest.mark.parametrize("text, quotes, mentions, speakers", [
    # a quote's own "said" is its attribution, not a second mention, after a "***" break too
    ("“We will build the new quay before the winter storms arrive,” Ms. Holt said.\n\n***\n\n***",
     1, 1, ["Ms. Holt"]),
    # "she" still finds Ms. Holt when section breaks follow
    ("Ms. Holt said the vote was close.\n\n“We were never asked where the boats would go,” she "
     "said.\n\n***\n\n***\n\n***", 1, 2, ["Ms. Holt"]),
])
def test_lines_with_no_words_do_not_disturb_sources(text, quotes, mentions, speakers):
    article = framing.analyse(text, model=False)
    (source,) = article.sources
    assert (source.name, source.quotes, len(source.mentions)) == ("Ms. Holt", quotes, mentions)
    assert [q.speaker for q in article.quotes] == speakers


def _calls(text: str) -> int:
    """Python function calls made while analysing `text`: a count of work, not a time."""
    import sys

    count = 0

    def profile(frame, event, arg):
        nonlocal count
        count += event == "call"

    sys.setprofile(profile)
    try:
        framing.analyse(text, model=False)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("unit, tail", [
    # a name before every speech verb
    ("the port will grow as Holt said and", ""),
    # appositives far from the start of the sentence
    ("the boats wait", " ".join(["an ecologist at the University of Marrowby said it rains"] * 25)),
])
def test_speaker_search_grows_linearly_in_a_sentence_with_no_full_stop(unit, tail):
    """A 52,000-word unpunctuated sentence took 26 s: finding each speaker scanned the
    sentence from its start. Four times the words must cost about four times the work."""
    framing.analyse("Warm the caches up.", model=False)
    small = _calls(" ".join([unit] * 250) + " " + tail)
    large = _calls(" ".join([unit] * 1000) + " " + " ".join([tail] * 4))
    assert large < 6 * small
    article = framing.analyse(" ".join([unit] * 1000), model=False)
    assert len(article.sentences) == 1


@pytest.mark.parametrize("text, speaker, sources", [
    # "she" after a sentence opening with a known speaker's surname
    ("Mayor Ann Holt said the port would grow. Holt then left the hall. “We need it,” she said.",
     "Mayor Ann Holt", [("Mayor Ann Holt", 1, 2)]),
    # a lone surname nobody has named in full is not enough to resolve "she"
    ("Reinholt spoke first. “We will build it this year,” she said.", None, []),
    # the longest form of a name is kept, whichever comes first
    ("Ms. Holt said the port would grow. “We need it,” Mayor Ann Holt said.",
     "Mayor Ann Holt", [("Mayor Ann Holt", 1, 2)]),
])
def test_pronouns_and_names(text, speaker, sources):
    article = framing.analyse(text, model=False)
    assert [q.speaker for q in article.quotes] == [speaker]
    assert [(s.name, s.quotes, len(s.mentions)) for s in article.sources] == sources


@pytest.mark.parametrize("text, speakers, sources", [
    # a pronoun before a speech verb is no named source
    ("He said the port would grow.", [], []),
    # a quote left open at a paragraph's end belongs to the speaker of the next one, not
    # to a later speaker
    ('A.\n\n"Our members have fished here for four generations. The quay is our life.\n\n'
     '"We are not against the port," Mr. Brecht said. "Ships need room too," Mayor Ann Holt said.',
     ["Mr. Brecht", "Mr. Brecht", "Mayor Ann Holt"], [("Mr. Brecht", 2, 2), ("Mayor Ann Holt", 1, 1)]),
    # an untagged quote in the next paragraph goes on with the previous speaker
    ("“Fine,” Ms. Lind said.\n\n“We will see you all in court next month.”",
     ["Ms. Lind", "Ms. Lind"], [("Ms. Lind", 2, 2)]),
    # a closed quote is not continued by the next paragraph's
    ("“We will not leave this quay at all.”\n\n“Ships need room,” Mayor Ann Holt said.",
     [None, "Mayor Ann Holt"], [("Mayor Ann Holt", 1, 1)]),
    # "she": the name after a sentence's lead word, a two-word name, never a lone surname
    ("The board met. But Mayor Holt then left the hall. “We need it,” she said.",
     ["Mayor Holt"], [("Mayor Holt", 1, 1)]),
    ("Ann Holt chairs the board. “We need it,” she said.", ["Ann Holt"], [("Ann Holt", 1, 1)]),
    ("Holt chairs the board. “We need it,” she said.", [None], []),
])
def test_continued_quotes_and_pronoun_speakers(text, speakers, sources):
    article = framing.analyse(text, model=False)
    assert [q.speaker for q in article.quotes if q.kind == "direct"] == speakers
    assert [(s.name, s.quotes, len(s.mentions)) for s in article.sources] == sources
