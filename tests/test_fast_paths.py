"""Fast paths of the analysis give what the plain definitions give (every text is invented):
name runs, the sentence's name scan, words per voice and flag voices."""
from __future__ import annotations

import bisect
import gc

import pytest

from framing.detect import quotes, sources
from framing.detect.reported import NESTED, Finder, _reported_words, reported_spans, voice_of
from framing.detect.speakers import MAX_NAME_WORDS, SpeakerWords, _opening_subject, name_run
from framing.lexicon import builtin
from framing.detect.quotes import VERB_WINDOW
from framing.detect.quotes import _alone as quotes_alone
from framing.pipeline import _with_voices, _words_by_voice, analyse_text
from framing.results import Flag
from framing.segment import quote_spans, sentence_of, sentence_spans, tokens

TEXTS = [
    "Sen. Susan Collins of Maine said the bill was a giveaway, and The Senate agreed.",
    "But the Chamber of Commerce of Ostby, a lobby, told Reporters that Mr. J. Okafor lied.",
    "Officials said the port was a disaster; critics said it was a farce, Ms. Lind said.",
    "Ann Bea Cara Dale Eve Fay Gus Hal Ida Jon Kai said the ferry was late.",
    "“The quay is our life,” Mr. Brecht said. He said the levy was a cash grab.",
    "Vale said Brandt said Okoro said Lind said Ek said Moss said the plan was a giveaway.",
    "According to the union, the cuts are brutal, the mayor said, and the board agreed.",
    "Said Ann Holt: of course. The Of the Van der Berg report, the House said, was late.",
    "But The Ann Bea Cara Dale Eve Fay Gus said no; of Ann Bea Cara Dale Eve Fay Gus Hal spoke.",
    "The Van der Berg Ann Bea Cara Dale Eve and The Ek of Ostby. Ms. Lind Of Ostby",
]


def words() -> SpeakerWords:
    return SpeakerWords.of(builtin())


def sentences(text: str) -> list[list]:
    return [tokens(text, s, e) for s, e in sentence_spans(text)]


def slow_name_run(text, w, toks, k, step):
    """name_run as defined: words that `is_name_word` accepts, then lead and tail words off."""
    run = []
    while 0 <= k < len(toks) and w.is_name_word(toks[k]) and len(run) < MAX_NAME_WORDS:
        if run:
            a, b = (toks[k], run[-1]) if step < 0 else (run[-1], toks[k])
            if text[a.end:b.start].strip(" ."):
                break
        run.append(toks[k])
        k += step
    if step < 0:
        run.reverse()
    while run and (run[0].norm in w.lead or run[0].base in w.lead or run[0].norm in w.det
                   or run[0].norm in w.joiners or run[0].norm in w.pronouns
                   or run[0].norm in w.times):
        run.pop(0)
    while run and (run[-1].norm in w.joiners or run[-1].norm in w.times):
        run.pop()
    return run


@pytest.mark.parametrize("text", TEXTS)
def test_name_run_from_every_word_both_ways(text):
    w = words()
    for toks in sentences(text):
        for k in range(-1, len(toks) + 1):
            for step in (1, -1):
                assert name_run(text, w, toks, k, step) == slow_name_run(text, w, toks, k, step)


def slow_names(text, w, sentence_tokens):
    """sources._names as defined: every word looked at, not just capitals and joiners."""
    names, evidence = {}, set()
    for toks in sentence_tokens:
        after = 0
        for i, tok in enumerate(toks):
            if i < after:
                continue
            run = slow_name_run(text, w, toks, i, 1) if w.is_name_word(tok) else []
            if len(run) >= 2 and run[-1].norm == run[-1].base:
                joiner = next((j for j, t in enumerate(run) if t.norm in w.joiners), 0)
                for part in ([run, run[:joiner]] if joiner >= 2 else [run]):
                    name = text[part[0].start:part[-1].end]
                    key = sources._key(name)
                    if key not in names or len(name) > len(names[key][1]):
                        names[key] = (names.get(key, (part[0].start, ""))[0], name)
            if i and tok.text[0].isupper() and text[tok.start - 1] not in sources.OPENERS \
                    and text[toks[i - 1].end:tok.start].strip()[-1:] not in (":", "—"):
                evidence.add(tok.base)
            if run and run[0] is tok:
                after = i + len(run)
    return names, evidence


def test_name_scan_skips_only_words_that_cannot_start_a_name():
    text = " ".join(TEXTS)
    w = words()
    assert sources._names(text, w, sentences(text)) == slow_names(text, w, sentences(text))
    assert sources._names(text, w, sentences(text))[0]  # the texts do hold names


def test_words_by_voice_counts_each_word_as_voice_of_does():
    text = " ".join(TEXTS)
    sentence_tokens = sentences(text)
    reported = reported_spans(text, sentence_tokens, builtin())
    assert any(len(r) > NESTED for r in reported)  # the word-by-word path is taken
    assert any(0 < len(r) <= NESTED for r in reported)  # and the bisected one
    all_tokens = [t for toks in sentence_tokens for t in toks]
    starts = [t.start for t in all_tokens]
    for quoted in (set(), set(starts[::3]), set(starts[bisect.bisect_left(starts, 40):][:30])):
        expected = {"writer": 0, "reported": 0, "quoted": 0}
        for toks, spans in zip(sentence_tokens, reported):
            for t in toks:
                expected[voice_of(t.start, t.start in quoted, spans)[0]] += 1
        assert _words_by_voice(sentence_tokens, quoted, reported) == expected


def test_flags_that_keep_their_voice_are_kept_and_the_others_replaced():
    text = TEXTS[2]
    sentence_tokens = sentences(text)
    reported = reported_spans(text, sentence_tokens, builtin())
    flags = [Flag(kind="loaded", id="x", term=t.norm, start=t.start, end=t.end, text=t.text,
                  sentence=0, category="c", explanation="e", alternatives=(),
                  in_quote=t.norm == "farce", weight=1.0, speaker="Ek" if i % 2 else None)
             for i, t in enumerate(sentence_tokens[0])]
    out = _with_voices(flags, reported)
    for f, g in zip(flags, out):
        voice, span = voice_of(f.start, f.in_quote, reported[0])
        assert (g.voice, g.speaker) == (voice, span.speaker if span else f.speaker)
        assert (g is f) == (g == f)
    assert {g.voice for g in out} == {"writer", "reported", "quoted"}


@pytest.mark.parametrize("text, speaker", [
    ("Ek with many workers told the board that the pier was shut.", "Ek"),  # no comma at all
    ("Ek with 1,200 workers told the board that the pier was shut.", None),  # "1" "," "200"
    ("Ek, with her workers, told the board that the pier was shut.", None),
    ("The Chamber of Commerce issued a statement saying the pier was shut.", "Chamber of Commerce"),
])
def test_opening_subject_looks_at_gaps_only_when_a_comma_is_there(text, speaker):
    w = words()
    toks = sentences(text)[0]
    k = next(i for i, t in enumerate(toks) if t.norm in ("told", "saying"))
    assert _opening_subject(text, w, toks, k) == speaker


def test_reported_spans_looks_only_at_sentences_with_a_cue_word():
    text = " ".join(TEXTS) + " The ferry left. Nothing more. Critics said it sank."
    sentence_tokens = sentences(text)
    sentence_tokens[-2:-2] = [[], []]  # sentences without words are skipped too
    finder = Finder(text, _reported_words(builtin()))
    expected = [sorted(finder.spans(toks), key=lambda r: r.start) if toks else []
                for toks in sentence_tokens]
    assert reported_spans(text, sentence_tokens, builtin()) == expected
    assert [] in expected and any(expected)  # sentences with spans and without



def slow_tag_after(text, words, toks, k):
    """quotes._tag_after as defined: the next words looked at one by one for a speech verb."""
    sw = words.speaker
    tag = toks[k:k + VERB_WINDOW]
    if not tag or "\n" in text[toks[k - 1].end if k else 0:tag[0].start]:
        return []
    for j, tok in enumerate(tag):
        if tok.norm in words.all_verbs:
            return tag if j and all(sw.is_name_word(t) or t.norm in sw.pronouns
                                    for t in tag[:j]) else []
    return []


@pytest.mark.parametrize("text", [
    "“Will you run again?” Jan Ek asked. “No!” she said. “Why?” the mayor replied.",
    "“Why?”\nAnn Holt asked. “Go!” said Ek, and “Now?” Mr. J. Okafor of Ostby wondered aloud.",
    "“Stop!” The ferry left the pier at noon while the crew slept.",
    "said “Yes?” Ek",
])
def test_tag_after_finds_the_first_speech_verb_by_bisection(text):
    words = quotes._quote_words(builtin())
    toks = tokens(text)
    cues = quotes._Cues(text, toks, [t.start for t in toks], words)
    found = [quotes._tag_after(text, words, cues, k) for k in range(len(toks) + 1)]
    assert found == [slow_tag_after(text, words, toks, k) for k in range(len(toks) + 1)]


@pytest.mark.parametrize("enabled", [True, False])
def test_analysis_pauses_the_cycle_collector_and_restores_it(enabled):
    text = TEXTS[4]
    expected = repr(analyse_text(text))
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        assert repr(analyse_text(text)) == expected
        assert gc.isenabled() == enabled
    finally:
        gc.enable() if was else gc.disable()


DIALOGUE = [
    "“Go on.” “I will.” “Now?” Ek said. “Yes.”",
    "Vale spoke first:\n\n“We sail at noon.”\n\n“Not today.”\n\n“Why not?” asked Ann Holt.",
    "‘Storm warning’\n“Stay in.” The mayor said so. “All of you.” — Ann Holt",
    "“Fine,” he said. “Go.” “In the words of Ek.” “Stop” Ek added. “What?” She left.",
    "Mayor Ann Holt: “Enough.” “We are done here,” she said. “Done.”",
]


@pytest.mark.parametrize("text", DIALOGUE)
def test_a_quote_alone_in_its_sentence_is_classified_as_kind_would(text, monkeypatch):
    args = (text, quote_spans(text), sentence_spans(text), tokens(text), builtin())
    alone = []
    monkeypatch.setattr(quotes, "_alone", lambda *a: alone.append(quotes_alone(*a)) or alone[-1])
    fast = quotes._classify(*args)
    assert any(alone)  # the fast path is taken
    monkeypatch.setattr(quotes, "_alone", lambda *_: False)
    assert fast == quotes._classify(*args)


@pytest.mark.parametrize("spans", [
    [(0, 10), (11, 20), (20, 20), (20, 35), (40, 50)],  # an empty sentence, gaps
    [(3, 9)],  # offsets before the first sentence are its
])
def test_a_sentence_holds_an_offset_as_sentence_of_says(spans):
    for offsets in ([], [0], [1, 2, 10], [10, 11, 20, 34], [38, 60], list(range(0, 61, 7))):
        for i in range(len(spans)):
            expected = any(sentence_of(spans, o) == i for o in offsets)
            assert sources._holds(spans, offsets, i) == expected, (offsets, i)
        starts = [s for s, _ in spans]
        assert [quotes._sentence_at(starts, o) for o in offsets] == \
            [sentence_of(spans, o) for o in offsets]
