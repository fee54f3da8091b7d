"""Sentences, tokens and quotation spans, with offsets."""
from __future__ import annotations

import pytest

from framing.segment import quote_spans, sentence_of, sentence_spans, tokens

PROBE = ('The U.S. Navy responded on Jan. 5. Dr. Smith met Gen. Milley at 9 a.m. in Washington, '
         'D.C. and left. Mr. Lapid said Iran is dangerous, e.g. in Syria. It grew 4.4 percent, '
         'i.e. fast. "Is this war?" he asked. Yes.')


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_abbreviations_and_initials_do_not_split():
    assert sentences(PROBE) == [
        "The U.S. Navy responded on Jan. 5.",
        "Dr. Smith met Gen. Milley at 9 a.m. in Washington, D.C. and left.",
        "Mr. Lapid said Iran is dangerous, e.g. in Syria.",
        "It grew 4.4 percent, i.e. fast.",
        '"Is this war?" he asked.',
        "Yes.",
    ]


@pytest.mark.parametrize("text, expected", [
    ("J. R. R. Tolkien wrote books. He died in 1973.", ["J. R. R. Tolkien wrote books.", "He died in 1973."]),
    ("Ms. Varga met Mr. Brecht. They argued.", ["Ms. Varga met Mr. Brecht.", "They argued."]),
    ("The U.N. said so. The U.K. agreed.", ["The U.N. said so.", "The U.K. agreed."]),
])
def test_table_of_splits(text, expected):
    assert sentences(text) == expected


def test_headline_byline_and_captions_stand_alone():
    text = ("FRESH NEWS\n\nPort plan approved\n\nMarch 1, 2026 | A. Writer\n\n"
            "The mayor at the harbour\nThe mayor at the harbour\n\nThe council voted on Monday.")
    assert sentences(text) == ["FRESH NEWS", "Port plan approved", "March 1, 2026 | A. Writer",
                               "The mayor at the harbour", "The mayor at the harbour",
                               "The council voted on Monday."]


def test_hard_wrapped_prose_is_joined():
    text = ("The council voted on Monday to expand the\nport, after a long debate that ran\n"
            "past midnight. Opponents left early.")
    assert sentences(text) == [
        "The council voted on Monday to expand the\nport, after a long debate that ran\n"
        "past midnight.", "Opponents left early."]


def test_markdown_list_items_are_separate():
    text = "- First point without a stop\n- second point also\n- third"
    assert len(sentences(text)) == 3


def test_offsets_are_exact_and_empty_text_has_none():
    for s, e in sentence_spans(PROBE):
        assert PROBE[s:e] == PROBE[s:e].strip() and PROBE[s:e]
    assert sentence_spans("") == [] and sentence_spans(" \n\n ") == []


def test_tokens_keep_hyphens_apostrophes_and_strip_possessives():
    toks = tokens("The so-called plan: Russia’s regime's it's")
    assert [t.text for t in toks] == ["The", "so-called", "plan", "Russia’s", "regime's", "it's"]
    assert [t.base for t in toks][3:] == ["russia", "regime", "it"]
    assert toks[3].norm == "russia's"
    assert all("The so-called plan: Russia’s regime's it's"[t.start:t.end] == t.text for t in toks)


@pytest.mark.parametrize("text, quoted", [
    ('He said "we will win" today.', ['"we will win"']),
    ("He said “we will win” today.", ["“we will win”"]),
    ("the so-called ‘peace plan’ failed", ["‘peace plan’"]),
    ("the so-called 'peace plan' failed", ["'peace plan'"]),
    ("Russia’s allies and the states' leaders met", []),
    ("“One. Two. Three,” she said.", ["“One. Two. Three,”"]),
    ('A stray " mark in the middle stays unquoted.', []),
    ("They play rock 'n' roll until dawn.", []),
    ("They rock 'til dawn, said the 'experts' on Monday.", ["'experts'"]),
    # the character before a single opening mark: none (the text's start), a line break, a
    # word or an apostrophe (no quote), a dash or a bracket
    ("‘Peace plan’ was the phrase.", ["‘Peace plan’"]),
    ("Its name:\n‘peace plan’", ["‘peace plan’"]),
    ("the plan‘s ‘peace’ part and the states’‘deal’", ["‘peace’"]),
    ("a plan—‘peace plan’—and (‘deal’)", ["‘peace plan’", "‘deal’"]),
])
def test_quote_spans(text, quoted):
    assert [text[s:e] for s, e in quote_spans(text)] == quoted


def test_quote_continues_over_paragraphs_by_newspaper_convention():
    text = ('"We have fished here for generations. The quay is our life.\n\n'
            '"We are not against the port," he said.')
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert spans == ['"We have fished here for generations. The quay is our life.',
                     '"We are not against the port,"']


def test_invisible_characters_do_not_split_words():
    text = "The re\u00adgime and the re\u200bgime."
    toks = tokens(text)
    assert [t.norm for t in toks] == ["the", "regime", "and", "the", "regime"]
    assert text[toks[1].start:toks[1].end] == "re\u00adgime"


BREAK = "The vote was close.\n\n***\n\nThe port will grow. Boats wait."


@pytest.mark.parametrize("offset, expected", [
    (0, 0), (18, 0), (19, 0), (20, 0),      # inside, on the full stop, in the gap after
    (21, 1), (23, 1),                       # the "***" line: a sentence with no words
    (26, 2), (45, 2), (46, 3), (56, 3),     # after it: each offset in its own sentence
    (len(BREAK), 3),
])
def test_sentence_of_counts_sentences_without_words(offset, expected):
    spans = sentence_spans(BREAK)
    assert [BREAK[s:e] for s, e in spans] == ["The vote was close.", "***", "The port will grow.",
                                             "Boats wait."]
    assert sentence_of(spans, offset) == expected


def test_sentence_of_before_the_first_sentence_is_the_first():
    text = "   \n  The port will grow. Boats wait."
    assert sentence_of(sentence_spans(text), 0) == 0


ENDINGS = ["", ".", "!", "?", "…", "?!", "...", ". . .", ".”", "!’", ".)", "?\"", ". ", ".  ",
           "?” ", "Mr.", "U.S.", "3.5", ".” ”", "! ’", ".”)", ".' ", ". )", "”", ".*", "?»",
           ".”\t", ". ”"]
BODIES = ["The ferry was late", "“The quay is ours,” she said", "Mr. Holt left", "He won. She lost",
          "Prices rose 3.5 percent", "Why? Because", "Wait… what", "the lower-case tail",
          "A", "“Go", "(see the chart", "It's", "1. First item"]


def nupunkt_spans(text: str) -> list[tuple[int, int]]:
    """`sentence_spans` as defined: nupunkt on every unit, pieces stripped."""
    import nupunkt

    from framing.segment import _units

    out = []
    for ustart, uend in _units(text):
        unit = text[ustart:uend].replace("\n", " ")
        for s, e in nupunkt.sent_spans(unit):
            piece = unit[s:e]
            if piece.strip():
                out.append((ustart + s + len(piece) - len(piece.lstrip()),
                            ustart + e - (len(piece) - len(piece.rstrip()))))
    return out


@pytest.mark.parametrize("ending", ENDINGS)
def test_units_that_skip_nupunkt_split_as_nupunkt_splits_them(ending):
    """A unit with no sentence-ending character before its last non-space one is one
    sentence without asking nupunkt (`_one_sentence`): every body with every ending, alone,
    with leading and trailing space, and in lines and paragraphs, splits as nupunkt splits."""
    for unit in [body + ending for body in BODIES]:
        for text in (unit, f"  {unit}  ", f"{unit}\n{unit}", f"Headline\n\n{unit}\n\n{unit} "):
            assert sentence_spans(text) == nupunkt_spans(text), text


def test_one_sentence_units_are_most_single_sentences_and_no_others():
    from framing.segment import _one_sentence

    assert all(map(_one_sentence, ["The ferry was late.", "Late, again!”  ", "Headline",
                                   "“Go?” )".replace(" ", ""), "A list:"]))
    assert not any(map(_one_sentence, ["He won. She lost.", "Mr. Holt left", "Wait… what",
                                       "Late.” ”", "Why?!", "3.5 percent."]))


def full_quote_scan(text: str) -> list[tuple[int, int]]:
    """`quote_spans` as defined: both scanners over every paragraph, whatever marks it has."""
    from framing.segment import _double_quotes, _inside, _paragraphs, _single_quotes

    paragraphs = list(_paragraphs(text))
    spans = []
    for n, (pstart, pend) in enumerate(paragraphs):
        doubles, opened = _double_quotes(text, pstart, pend)
        reopens = n + 1 < len(paragraphs) and text[paragraphs[n + 1][0]] in "“\""
        if opened is not None and (opened == pstart or reopens):
            doubles.append((opened, pend))
        spans.extend(doubles)
        spans.extend(s for s in _single_quotes(text, pstart, pend) if not _inside(doubles, s))
    return sorted(spans)


@pytest.mark.parametrize("text", [
    "The port’s chief said it’s the harbour’s best year.",        # ’ only: no scan at all
    "The port's chief called it 'a farce' and left.",             # straight singles only
    "She called it ‘a farce’ and the union’s boss agreed.",       # curly singles
    "“We won,” she said. He called it \"a 'rigged' vote\".",      # doubles with singles inside
    "“The quay is ours,\nand the town’s,” she said.\n“More?” he asked.",  # paragraphs
    "He wrote “open and never closed\n“Again” — the end’s near.",
    "rock ’n’ roll and rock 'n' roll", "’’’ ’ ’", "”closing first“", "", "   \n  ",
])
def test_quote_spans_skip_only_the_scans_that_cannot_find_anything(text):
    assert quote_spans(text) == full_quote_scan(text)
