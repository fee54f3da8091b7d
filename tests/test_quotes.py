"""Direct quotes (and their speakers) versus scare quotes."""
from __future__ import annotations

import pytest

import framing


def quotes(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.kind, q.speaker) for q in framing.analyse(text).quotes]


@pytest.mark.parametrize("text, expected", [
    ("“The harbour needs dredging before next winter,” said Harbour Master Ilse Varga.",
     [("“The harbour needs dredging before next winter,”", "direct", "Harbour Master Ilse Varga")]),
    ('"We will appeal," Ms. Lind told reporters.',
     [('"We will appeal,"', "direct", "Ms. Lind")]),
    ("As Deputy Minister Anna Berg explained in 2024, “We do not consider them a threat at all.”",
     [("“We do not consider them a threat at all.”", "direct", "Deputy Minister Anna Berg")]),
    ("“No,” she said.", [("“No,”", "direct", None)]),
    ("The ministry unveiled its so-called “peace plan” on Monday.",
     [("“peace plan”", "scare", None)]),
    ("Often dubbed the “resistance front,” the group is no ordinary militia.",
     [("“resistance front,”", "scare", None)]),
    ("The group's members are no ordinary “guardians” of the revolution.",
     [("“guardians”", "scare", None)]),
    # a short phrase inside reported speech is the speaker's words, not a scare quote
    ("Senator Ann Holt said the two chambers can find “common ground” soon.",
     [("“common ground”", "partial", "Senator Ann Holt")]),
    # a short follow-up in the same paragraph continues an attributed quote
    ("“Fine,” Ms. Lind said. “We will see.”",
     [("“Fine,”", "direct", "Ms. Lind"), ("“We will see.”", "direct", "Ms. Lind")]),
    # a one-word quote opening the text is not a clause by default
    ("“Thugs” was the word on every placard.", [("“Thugs”", "scare", None)]),
    # a Title Case phrase is a name (a book, a show), not a quotation
    ("She wrote a review of “The Art of the Deal” last year.",
     [("“The Art of the Deal”", "title", None)]),
])
def test_quote_kinds_and_speakers(text, expected):
    assert quotes(text) == expected


def test_scare_quote_is_flagged_and_explained():
    article = framing.analyse("The ministry unveiled its “peace plan” on Monday.")
    flag = next(f for f in article.flags if f.kind == "scare_quote")
    assert flag.text == "“peace plan”" and flag.term == "peace plan"
    assert "speaker" in flag.explanation and flag.alternatives
    comma = framing.analyse("Often dubbed the “resistance front,” the group is no militia.")
    assert [f.term for f in comma.flags if f.kind == "scare_quote"] == ["resistance front"]


def test_flags_inside_a_direct_quote_are_the_speakers():
    text = "“Iran is a dangerous terrorist state, and the world is in danger,” Mayor Ann Holt said."
    article = framing.analyse(text)
    quoted = [f for f in article.flags if f.kind == "loaded"]
    assert quoted and all(f.in_quote and f.speaker == "Mayor Ann Holt" for f in quoted)
    assert article.scores.loaded_per_1000_words == 0
    assert article.sentences[0].voice == "quote"


def test_voice_per_sentence():
    text = ("The council met on Monday. “We will appeal the ruling today,” Ms. Lind said after "
            "the vote. The mayor, who called the ruling “a disgrace to the city and all of its "
            "people,” said on Monday that the council would appeal before the end of the month.")
    assert [s.voice for s in framing.analyse(text).sentences] == ["narrator", "quote", "mixed"]


def test_words_in_scare_quotes_are_the_writers():
    article = framing.analyse("The ministry unveiled its “radical” plan on Monday.", model=False)
    radical = next(f for f in article.flags if f.kind == "loaded")
    assert not radical.in_quote and article.scores.counts["loaded"] == 1


@pytest.mark.parametrize("text, expected", [
    # a short quote is a clause when it ends like one (? !) or follows a colon or comma
    ("“Why?” she asked.", [("“Why?”", "direct", None)]),
    ("“Never!” she said.", [("“Never!”", "direct", None)]),
    ("The mayor said it plainly: “No deal”", [("“No deal”", "direct", None)]),
    ("She said, “no deal”", [("“no deal”", "direct", None)]),
    # six words are a direct quote even with no speech verb
    ("The banner read “we will not leave this quay” all week.",
     [("“we will not leave this quay”", "direct", None)]),
    # marks around no words are skipped, and the quotes after them still read
    ("He paused “…” and then said “We will build the new quay this year,” firmly.",
     [("“We will build the new quay this year,”", "direct", None)]),
    # a follow-up continues the attributed quote only within its paragraph
    ("Intro.\n\n“Fine,” Ms. Lind said. “We will see.”\n\nThe vote is Monday.",
     [("“Fine,”", "direct", "Ms. Lind"), ("“We will see.”", "direct", "Ms. Lind")]),
    # titles: two capitalised words or more, short joiners allowed, a capital first
    ("They saw “Star Wars” twice.", [("“Star Wars”", "title", None)]),
    ("He reads “Pride and Prejudice” every year.", [("“Pride and Prejudice”", "title", None)]),
    ("She loves “Alice in Wonderland” and “Death on the Nile”.",
     [("“Alice in Wonderland”", "title", None), ("“Death on the Nile”", "title", None)]),
    ("They quoted “Back to the Future” and “Portrait of a Lady” and “Portrait of an Artist”.",
     [("“Back to the Future”", "title", None), ("“Portrait of a Lady”", "title", None),
      ("“Portrait of an Artist”", "title", None)]),
    ("He watched “the Great Escape” again.", [("“the Great Escape”", "scare", None)]),
])
def test_quote_kinds_at_the_edges(text, expected):
    assert quotes(text) == expected


def test_a_follow_up_in_the_next_paragraph_is_not_the_same_speakers():
    (first, second) = framing.analyse("“Fine,” Ms. Lind said.\n\n“We will see.”", model=False).quotes
    assert (first.kind, first.speaker) == ("direct", "Ms. Lind")
    assert second.kind != "direct" and second.speaker is None
