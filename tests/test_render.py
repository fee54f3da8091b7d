"""Renderers: text with markers, Markdown that escapes article text, JSON that mirrors the API."""
from __future__ import annotations

import json

import pytest

import framing
from framing.render import renderer

TEXT = ("Officials said the regime *clearly* lost <script>alert(1)</script> the vote.\n\n"
        "# Not a heading\n\n“We will win this fight in every court,” Mayor Ann Holt said.")


def test_terminal_without_colour_brackets_each_flag_with_its_number():
    article = framing.analyse("The regime reportedly fell.")
    out = renderer("text")([article], False)
    assert "[regime]¹" in out and "[reportedly]²" in out
    assert "\x1b[" not in out
    assert "  1  loaded term · label  “regime”   loaded.regime" in out
    assert "  2  hedge · evidential  “reportedly”   hedge.reportedly" in out


def test_nested_flags_nest_their_brackets_and_bold_only_the_outermost():
    article = framing.analyse("The ministry unveiled its “radical” plan on Monday.")
    assert [f.kind for f in article.flags] == ["scare_quote", "loaded"]
    text = renderer("text")([article], False)
    assert "The ministry unveiled its [“[radical]²”]¹ plan on Monday." in text
    markdown = renderer("markdown")([article], False)
    assert ("The ministry unveiled its **“radical<sup>[2](#flag-2)</sup>”**"
            "<sup>[1](#flag-1)</sup> plan on Monday.") in markdown


def test_markdown_escapes_article_text():
    out = renderer("markdown")([framing.analyse(TEXT)], False)
    assert "<script>" not in out and "\\<script\\>" in out
    assert "\\# Not a heading" in out
    assert "\\*" in out
    ampersand = renderer("markdown")([framing.analyse("The contract went to Holm & Sons.")], False)
    assert "Holm &amp; Sons" in ampersand and "Holm & Sons" not in ampersand


def test_json_mirrors_the_api():
    article = framing.analyse(TEXT, source="t.txt")
    doc = json.loads(renderer("json")([article], False))
    data = doc["articles"][0]
    assert data["word_count"] == article.word_count
    assert [f["id"] for f in data["flags"]] == [f.id for f in article.flags]
    assert [s["assertion"] for s in data["sentences"]] == [s.assertion for s in article.sentences]
    assert data["sources"][0]["name"] in {s.name for s in article.sources}
    assert all(data["text"][f["start"]:f["end"]] == f["text"] for f in data["flags"])


def test_several_articles_in_one_report():
    a, b = framing.analyse("The regime fell."), framing.analyse("The council met.")
    doc = json.loads(renderer("json")([a, b], False))
    assert len(doc["articles"]) == 2
    assert renderer("markdown")([a, b], False).count("\n---\n") == 1


def test_markdown_anchor_ids_are_unique_across_articles():
    import re

    a, b = framing.analyse("The regime fell."), framing.analyse("The junta reportedly fell.")
    out = renderer("markdown")([a, b], False)
    ids = re.findall(r'<a id="([^"]+)">', out)
    links = re.findall(r"\]\(#([^)]+)\)", out)
    assert ids == ["flag-1-1", "flag-2-1", "flag-2-2"]
    assert links == ids
    single = renderer("markdown")([b], False)
    assert re.findall(r'<a id="([^"]+)">', single) == ["flag-1", "flag-2"]


def test_pieces_carry_exactly_the_flags_and_speech_over_each_run():
    from framing.render.spans import pieces

    article = framing.analyse("“The regime fell,” she said. The ministry unveiled its “radical” plan.")
    runs = [(p.text, [f.id for f in p.active], p.in_speech) for p in pieces(article) if p.text]
    assert runs == [
        ("“The ", [], True), ("regime", ["loaded.regime"], True), (" fell,”", [], True),
        (" she said. ", [], False), ("The ministry unveiled its ", [], False),
        ("“", ["scare_quote"], False), ("radical", ["scare_quote", "loaded.radical"], False),
        ("”", ["scare_quote"], False), (" plan.", [], False)]
    assert [p.closed for p in pieces(article) if p.closed] == [1, 3, 2]


def test_model_features_read_as_words():
    from framing.render.summary import readable_word

    assert readable_word("[loaded:emotive_verb]") == "‹loaded term: emotive verb›"
    assert readable_word("[scare_quote]") == "‹scare quote›"
    assert readable_word("[quote_marks]") == "‹quote marks›"  # a cue with no kind label
    assert readable_word("regime") == "regime"


def test_json_holds_what_dataclasses_asdict_gives():
    """The JSON renderer converts results without `asdict` (its deep copies are slow): every
    score, quote, source, cue and flag field comes out as `asdict` would give it."""
    from dataclasses import asdict

    article = framing.analyse(TEXT + "\n\nAn aide, who asked not to be named, said the "
                              "“reform” was arguably a disgraceful scheme. " * 2, words=True)
    doc = json.loads(renderer("json")([article], False))["articles"][0]

    def plain(value: object) -> object:  # asdict's tuples as JSON's lists
        return json.loads(json.dumps(value))

    assert article.sources and article.quotes and any(s.cues for s in article.sentences)
    assert doc["scores"] == plain(asdict(article.scores))
    assert doc["quotes"] == plain([asdict(q) for q in article.quotes])
    assert doc["sources"] == plain([asdict(s) for s in article.sources])
    assert [s["cues"] for s in doc["sentences"]] == plain(
        [[asdict(c) for c in s.cues] for s in article.sentences])
    assert doc["flags"] == plain([asdict(f) for f in article.flags])


def test_json_and_json_lines_write_exactly_what_the_plain_dicts_give():
    """The renderers hand the result dataclasses to `json.dumps` as they are (a `default`
    hook writes each as its fields): byte for byte what dumping `article_dict`'s plain dicts
    gives, indented (json) and on one line (jsonl), non-ASCII text included."""
    from framing.render.json import article_dict, document
    from framing.render.jsonl import line

    articles = [framing.analyse(TEXT + "\n\nAn aide, who asked not to be named, said the "
                                "“reform” was arguably a disgraceful scheme — “déjà vu”. " * 2,
                                source="a.txt", title="Ünïcode", words=True),
                framing.analyse("Plain words only.", removed="boilerplate"),
                framing.analyse("")]
    assert renderer("json")(articles, False) == json.dumps(
        document(articles), ensure_ascii=False, indent=2) + "\n"
    for n, article in enumerate(articles):
        assert line(article, f"id-{n}") == json.dumps(
            {"id": f"id-{n}", **article_dict(article)}, ensure_ascii=False) + "\n"


def test_json_default_refuses_what_is_not_a_result():
    from framing.render.json import dumps

    with pytest.raises(TypeError, match="set is not JSON serializable"):
        dumps({"x": {1}})
