"""The matcher's and the tokeniser's fast paths give what their plain definitions give (every
text is invented): the tokens a form may start from, and word tokens with their norms."""
from __future__ import annotations

import pytest

from framing.lexicon import builtin
from framing.match import _opens, matcher_for
from framing.results import Token
from framing.segment import WORD_RE, normalise, sentence_spans, tokens

TEXTS = [
    "The mayor's so-called reform was a total disaster, critics said on Tuesday.",
    "Officials could see the port’s claims as a crisis; the union’s chief may disagree.",
    "It is the left's view that the bill is a giveaway to the rich, not the public’s.",
    "Sources close to the board, who asked not to be named, said it was likely a farce.",
    "ΟΔΥΣΣΕΑΣ said the ferry’s İzmir run was late; the co\u00adop’s boss\u200bman agreed.",
    "A an the of to in: 'quoted' words and \"more\" — dashes – and 42 numbers' ends.",
    # possessives that open forms only through their base: alone, and second in a pair
    "The regime's death tax's reach worried the death's door crowd's radical left's allies.",
    "Death's panels? The war's zone and the war zone's edge; a radical's left flank's ends.",
]


def slow_candidates(matcher, toks: list[Token]) -> list[int]:
    """The tokens a form may start from, as defined: `_opens` on the norm's trie node or, for
    a possessive, the base's."""
    root = matcher.root
    return [i for i, tok in enumerate(toks)
            if _opens(root.get(tok.norm), toks, i + 1)
            or (tok.base != tok.norm and _opens(root.get(tok.base), toks, i + 1))]


def slow_tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens as defined: every WORD_RE match, normalised word by word."""
    out = []
    for m in WORD_RE.finditer(text, start, len(text) if end is None else end):
        norm = normalise(m.group())
        base = norm[:-2] if norm.endswith("'s") and len(norm) > 2 else norm
        out.append(Token(m.start(), m.end(), m.group(), norm, base))
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_candidates_are_the_tokens_that_open_a_form(text):
    matcher = matcher_for(builtin())
    for s, e in sentence_spans(text):
        toks = tokens(text, s, e)
        assert list(matcher._candidates(toks)) == slow_candidates(matcher, toks)


def test_candidates_cover_possessives_and_plain_sentences():
    """Both ways of finding candidates are taken, and both find some."""
    matcher = matcher_for(builtin())
    plain = tokens(TEXTS[3])
    possessive = tokens(TEXTS[0])
    assert all(t.norm == t.base for t in plain) and list(matcher._candidates(plain))
    assert any(t.norm != t.base for t in possessive) and list(matcher._candidates(possessive))


def test_a_possessive_opens_forms_through_its_base_alone_and_in_a_pair():
    """"regime's" opens "regime" by its base; "death tax's" opens "death tax" only because
    the next token's base is "tax" (so the token before the possessive is tried too)."""
    matcher = matcher_for(builtin())
    toks = tokens(TEXTS[-2])
    found = list(matcher._candidates(toks))
    words = [toks[i].text for i in found]
    assert "regime's" in words and "death" in words
    plain = [Token(t.start, t.end, t.text, t.norm, t.norm) for t in toks]  # bases forgotten
    assert "death" not in [toks[i].text for i in matcher._candidates(plain)]


@pytest.mark.parametrize("text", TEXTS + ["", "   ", "—", "word", "Σ ΣΣ σς's ’s 's"])
def test_tokens_are_the_normalised_word_matches(text):
    assert tokens(text) == slow_tokens(text)
    for start, end in ((0, len(text) // 2), (len(text) // 3, len(text)), (1, len(text) - 1)):
        assert tokens(text, start, end) == slow_tokens(text, start, end)


def test_tokens_norms_and_bases_by_example():
    text = "The co\u00adop’s ΟΔΥΣΣΕΑΣ İ 's"
    assert [(t.text, t.norm, t.base) for t in tokens(text)] == [
        ("The", "the", "the"), ("co\u00adop’s", "coop's", "coop"),
        ("ΟΔΥΣΣΕΑΣ", "οδυσσεας", "οδυσσεας"), ("İ", "i̇", "i̇"), ("s", "s", "s")]
