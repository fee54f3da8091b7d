"""Direct quotes (and their speakers) versus scare quotes."""
from __future__ import annotations

import pytest

import framing
from framing.classify import BIASED


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
    ("“Thugs” filled the square by noon.", [("“Thugs”", "scare", None)]),
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
    ("The mayor said it plainly: “No deal”", [("“No deal”", "direct", "The mayor")]),
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


def test_an_untagged_quote_in_the_next_paragraph_goes_on_with_the_same_speaker():
    (first, second) = framing.analyse("“Fine,” Ms. Lind said.\n\n“We will see.”", model=False).quotes
    assert (first.kind, first.speaker) == ("direct", "Ms. Lind")
    assert (second.kind, second.speaker) == ("direct", "Ms. Lind")  # the news convention


def test_an_untagged_quote_after_narration_has_no_speaker():
    text = "“Fine,” Ms. Lind said.\n\nThe hall emptied slowly.\n\n“We will see.”"
    assert [q.speaker for q in framing.analyse(text, model=False).quotes] == ["Ms. Lind", None]


def kinds(text: str) -> list[str]:
    return [q.kind for q in framing.analyse(text, model=False).quotes]


@pytest.mark.parametrize("text, expected", [
    # direct quotes whose speech verb comes first, or is also a noun
    ("“Close the harbour tonight,” demands Senator Ilse Vale.", ["direct"]),
    ("“The tender is rigged,” says one source.", ["direct"]),
    ("“Keep the ferry,” Councillor Moss insists.", ["direct"]),
    ("The banner over the gate read “Leave our river alone.”", ["direct"]),
    # a continuation of an attributed quote, and a whole quoted sentence
    ("“It adds up,” she said. “And it balances.”", ["direct", "direct"]),
    ("Why wait? “Would the board back that?”", ["direct"]),
    ("“Fewer boats, fewer jobs”", ["direct"]),
    # a speaker label before a colon, as headlines and captions write it
    ("Ferry chief Olga Brandt: “Time is short” for the new pier", ["direct"]),
    # single marks in a headline quote a source
    ("Police foil ‘imminent’ dockyard attack", ["partial"]),
    # titles of works and names
    ("She starred in the series “Harbour Lights” for three years.", ["title"]),
    ("The council published a report titled “Tides” in March.", ["title"]),
    ("Councillor Jan “Tiny” Moss voted against the plan.", ["title"]),
    ("He gave an interview on “60 Minutes” last spring.", ["title"]),
    # terms of art and words mentioned as words
    ("The court applied the “undue hardship” standard to the claim.", ["term"]),
    ("Teachers are tired of the word “resilience” in every memo.", ["term"]),
    ("“Thugs” was the word on every placard.", ["term"]),
    ("Chants of “not in our name” rose from the quay.", ["term"]),
    ("The statute defines “vessel” broadly.", ["term"]),
    ("In the ledger “K” stands for the harbour master.", ["term"]),
    ("The plan is better known as the “blue corridor” among fishermen.", ["term"]),
    ("It is a new case of “harbour fatigue” — the phrase the union coined.", ["term"]),
    ("Words like “aloof,” “cold” and “stiff” were used of the mayor.", ["term", "term", "term"]),
    ("“Harbour” is simply not a word the clerk likes.", ["term"]),
    ("Tap “accept” to continue.", ["term"]),
    ("Historians call the town a place of “shared luck,” in the words of Ann Holt.", ["partial"]),
    ("This is what Brandt means by “thrift” in her essay.", ["term"]),
    ("Members voted “present” on the motion.", ["term"]),
    ("The way “harbour folk” is used in the column grates.", ["term"]),
    ("A $500 “ferry commuter tax credit” for every rider.", ["term"]),
    ("The smears “crook,” “liar” and “thief” mean little now.", ["term", "term", "term"]),
    ("Among the council's “yes” votes was the mayor's.", ["term"]),
    ("Ms. Lind defended the plan as “fair to all.”", ["direct"]),
    ("Ruiz: pier works are ‘back on track’", ["partial"]),
    ("‘Hello’: another harbour meeting on the cards?", ["partial"]),
    ("The Internet parody “Texts from Ostby” became a hit.", ["title"]),
    ("Had he used the word “broken” instead of “bankrupt,” it might have helped.", ["term", "term"]),
    # a tag right after the quote without a comma, but not a verb that only follows it
    ("“I have seen this before” Ms. Lind added.", ["direct"]),
    ("What the union likes to call “fair pay” began in May.", ["partial"]),
    # a short phrase in a sentence with someone's quoted words is theirs
    ("She wants “a fair deal” and “a new pier for the whole town,” Ms. Brandt said.",
     ["partial", "direct"]),
    # names of measures, utterances used as nouns, a survey's wording, a hope's words (issue 13)
    ("Councillors dropped the “fast track” effort in June.", ["term"]),
    ("The “rent freeze for all” proposal went to a vote.", ["term"]),
    ("The old skipper still drops a “Right you are” into every chat.", ["term"]),
    ("Forty percent of residents favour a “harbour-first” berth system.", ["term"]),
    ("The clerk earns 90 percent of the old wage, the skipper “only” 80 percent.", ["scare"]),
    ("The survey found most tenants want “fair rent” above all.", ["term"]),
    ("The harbour board expressed hope that Ostby would “meet us halfway” on fees.",
     ["partial"]),
    ("Ms. Lind urged the council to “think again” about the pier.", ["partial"]),
    ("Their constant descriptions of the port as “a dying town” annoy the dockers.", ["term"]),
    # what stays a scare quote: the writer's own distance
    ("The ministry unveiled its “radical” plan on Monday.", ["scare"]),
    ("The ministry unveiled its “reform” effort on Monday.", ["scare"]),
    ("The so-called “reform” passed on Tuesday.", ["scare"]),
    ("The firm’s “voluntary” buyouts left 300 people without work.", ["scare"]),
    ("Critics of the “experts” were not invited to the hearing.", ["scare"]),
])
def test_quote_classification_by_construction(text, expected):
    assert kinds(text) == expected


def test_a_work_after_its_noun_is_a_title_whatever_its_case():
    assert kinds("They watched the documentary “salt and iron” twice.") == ["title"]


def test_scores_by_voice_keep_quotations_and_reported_speech_apart():
    text = ("The council met on Monday. “We will appeal this disgraceful, radical ruling "
            "today,” Ms. Lind said after the vote. Ms. Lind said the radical plan was rushed. "
            "The radical plan failed.")
    article = framing.analyse(text, model=False)
    assert [s.voice for s in article.sentences] == ["narrator", "quote", "reported", "narrator"]
    voice = article.scores.by_voice
    assert [voice[g]["sentences"] for g in ("writer", "reported", "quoted")] == [2, 1, 1]
    assert voice["quoted"]["counts"]["loaded"] == 2 and voice["writer"]["counts"]["loaded"] == 1
    assert voice["reported"]["counts"]["loaded"] == 1
    # the writer's words: two narrator sentences (5 + 4), the tag "Ms. Lind said after the
    # vote" (6) and the reporting clause "Ms. Lind said" (3), whose wording is the writer's;
    # the reported words are the complement "the radical plan was rushed" (5); densities are
    # per 1,000 of each voice's own words
    assert voice["writer"]["words"] == 18 and voice["reported"]["words"] == 5
    assert voice["writer"]["loaded_per_1000_words"] == round(1000 / 18, 2)
    assert voice["reported"]["loaded_per_1000_words"] == 200.0
    assert sum(v["words"] for v in voice.values()) == article.word_count


def test_biased_share_by_voice_counts_sentences_of_that_voice():
    article = framing.analyse("“This disgraceful, corrupt regime must go,” Ms. Lind said. "
                              "The council met on Monday.")
    voice = article.scores.by_voice
    assert voice["quoted"]["sentences"] == 1 and voice["writer"]["sentences"] == 1
    assert voice["writer"]["biased_sentence_share"] in (0.0, 1.0)
    assert voice["quoted"]["biased_sentence_share"] == (article.sentences[0].bias_probability >= BIASED)


def one_sentence(text: str) -> list[tuple[str, str, str | None]]:
    """The quotes of `text` read as one sentence, as the sentence classifier's cues read them."""
    from framing import lexicon
    from framing.detect import quotes as quote_detector
    from framing.segment import quote_spans, tokens

    found = quote_detector.classify(text, quote_spans(text), [(0, len(text))], tokens(text),
                                    lexicon.builtin())
    return [(q.text, q.kind, q.speaker) for q in found]


# Each scan that quote classification skips when its cue words are absent, beside an invented
# sentence where they are present: the skip must not change what the scan would find.
@pytest.mark.parametrize("text, expected", [
    # a speech verb near the quote, far off in the sentence, or none at all
    ("Senator Ann Holt said the plan was “a disgrace”.",
     [("“a disgrace”", "partial", "Senator Ann Holt")]),
    ("Senator Ann Holt, who chairs the harbour committee that met on Monday, said the plan "
     "was “a disgrace”.", [("“a disgrace”", "partial", "Senator Ann Holt")]),
    ("The plan was “a disgrace” and the board knew it.", [("“a disgrace”", "scare", None)]),
    # the name words after a quote, counted where a speech verb follows them
    ("“We will appeal,” Ann Holt Ibsen Varga said.",
     [("“We will appeal,”", "direct", "Ann Holt Ibsen Varga")]),
    ("“We will appeal the ruling in the spring,” demands Senator Vale.",
     [("“We will appeal the ruling in the spring,”", "direct", "Senator Vale")]),
    # a survey's wording: its words before the quote, after it, or absent
    ("In a poll, 62 percent of voters prefer a “patient-first” system.",
     [("“patient-first”", "term", None)]),
    ("Voters prefer a “patient-first” system, a new survey found.",
     [("“patient-first”", "term", None)]),
    ("Most voters prefer a “patient-first” system.", [("“patient-first”", "scare", None)]),
    # "in the words of" before the quote, after it
    ("In the words of Ann Holt, the new pier is “a ruin”.", [("“a ruin”", "partial", "Ann Holt")]),
    ("The new pier is “a ruin”, in the words of Ann Holt.", [("“a ruin”", "partial", "Ann Holt")]),
    # a colon's introducer: the name that opens its sentence, after a ? within the text
    ("Lind left early? Ana Ruiz was down at the old pier all day: “It is gone.”",
     [("“It is gone.”", "direct", "Ana Ruiz")]),
    ("Ana Ruiz was down at the old pier all day: “It is gone.”",
     [("“It is gone.”", "direct", "Ana Ruiz")]),
    # a stance verb before a short quote, or none
    ("The ministry expressed hope that Ostby can “meet us halfway”.",
     [("“meet us halfway”", "partial", None)]),
    ("The ministry doubts that Ostby can “meet us halfway”.", [("“meet us halfway”", "scare", None)]),
])
def test_quote_scans_with_and_without_their_cue_words(text, expected):
    assert one_sentence(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the sentence before an untagged quote: a speech verb there gives its speaker; none, none
    ("The state never tells them, Lind says. “You can get a fine and more.”", "Lind"),
    ("The state never tells them anything. “You can get a fine and more.”", None),
    ("“Fine,” Ms. Lind said. “We will see.”", "Ms. Lind"),
])
def test_an_untagged_quote_carries_the_speaker_of_the_sentence_before(text, expected):
    assert framing.analyse(text, model=False).quotes[-1].speaker == expected


def test_the_same_arguments_again_give_the_same_quotes_in_a_list_of_their_own():
    text = "Ann Holt said the plan was “a disgrace”. The “reform” passed."
    first = one_sentence(text)
    assert first == [("“a disgrace”", "partial", "Ann Holt"), ("“reform”", "partial", "Ann Holt")]
    from framing import lexicon
    from framing.detect import quotes as quote_detector
    from framing.segment import quote_spans, sentence_spans, tokens

    args = (text, quote_spans(text), sentence_spans(text), tokens(text), lexicon.builtin())
    found = quote_detector.classify(*args)
    assert [q.kind for q in found] == ["partial", "scare"]  # two sentences: the second is apart
    found.clear()  # the caller's list: the next call does not see this
    assert [q.kind for q in quote_detector.classify(*args)] == ["partial", "scare"]
    assert one_sentence(text) == first
