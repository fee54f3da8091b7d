"""Classify quotation spans: direct and partial quotes (with their speaker where named), titles
and names, terms (words mentioned as words, terms of art), and scare quotes."""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter

from framing.detect.speakers import SpeakerWords, name_run, speaker_at
from framing.lexicon import Lexicon
from framing.record import record
from framing.results import Flag, Quote, Token
from framing.segment import tokens

DIRECT_MIN_WORDS = 6
VERB_WINDOW = 6
REPORT_REACH = 60  # words either side of a quote searched for the verb that reports it
HEADLINE_WORDS = 20
LABEL_WORDS = 6  # "Harbour chief Ilse Varga: “…”": a speaker label before a colon
DASHES = ("—", "–", "-", "―")
LIST_JOINERS = frozenset({"and", "or", "instead", "of", "rather", "than", "not", "nor"})
TITLE_JOINERS = frozenset({"the", "a", "an", "and", "in", "on", "to", "at", "with", "or", "from",
                           "by", "about", "into", "over", "under", "all"})

_NORM, _START = attrgetter("norm"), attrgetter("start")

SCARE = {
    "id": "scare_quote",
    "category": "distancing",
    "explanation": ("Quotation marks around a short phrase with no speaker: the writer keeps "
                    "the words at arm's length or signals doubt without saying why."),
    "alternatives": ("drop the marks and use the words as your own",
                     "say who uses the phrase: 'what the ministry calls a peace plan'"),
}


@record
class QuoteWords:
    """The word classes (lexicons/classes.toml) that tell what a quotation does."""

    speaker: SpeakerWords
    quote_verbs: frozenset[str]  # speech verbs that are also nouns: only next to a quote
    mention_nouns: frozenset[str]  # "the word “…”"
    mention_verbs: frozenset[str]  # "defined “…”", "known as “…”"
    gloss_verbs: frozenset[str]  # "“D” stands for"
    work_nouns: frozenset[str]  # "the documentary “…”"
    term_heads: frozenset[str]  # "the “undue hardship” standard"
    det: frozenset[str]
    measure_nouns: frozenset[str]  # "the “skinny repeal” effort"
    description_nouns: frozenset[str]  # "their descriptions of the port as “…”"
    survey_words: frozenset[str]  # "a poll found voters want a “patient-first” system"
    surveyed: frozenset[str]  # "62 percent of voters prefer a “patient-first” system"
    stance_verbs: frozenset[str]  # "expressed hope that Ostby can “meet us halfway”"

    @functools.cached_property
    def all_verbs(self) -> frozenset[str]:
        """Speech verbs, with those that are also nouns."""
        return self.speaker.verbs | self.quote_verbs

    @functools.cached_property
    def cue_words(self) -> frozenset[str]:
        """The words `_Cues` indexes: speech verbs, "in" (of "in the words of"), and a
        survey's wording (survey words, "percent", the people surveyed)."""
        return self.all_verbs | self.survey_words | self.surveyed | {"in", "percent"}

    @classmethod
    def of(cls, lexicon: Lexicon) -> QuoteWords:
        get = lexicon.classes.get
        return cls(SpeakerWords.of(lexicon), *(get(name, frozenset()) for name in (
            "quote_verb", "mention_noun", "mention_verb", "gloss_verb", "work_noun",
            "term_head", "det", "measure_noun", "description_noun", "survey_word",
            "surveyed_people", "stance_verb")))


@functools.lru_cache(maxsize=8)
def _quote_words(lexicon: Lexicon) -> QuoteWords:
    """The lexicon's quote words, gathered once (classify runs once per sentence too)."""
    return QuoteWords.of(lexicon)


class _Cues:
    """Where, in one text's tokens, the words that the scans around a quotation look for
    are: computed once, so each quotation bisects over them instead of walking the up to
    REPORT_REACH words each side of it (100,000 quotation marks stay linear time). The
    token lists handed to the scans are runs of these tokens (`offset` finds where)."""

    def __init__(self, text: str, toks: list[Token], starts: list[int], words: QuoteWords):
        norms = list(map(_NORM, toks))
        self.text, self.toks, self.starts, self.speaker = text, toks, starts, words.speaker
        self._lines: dict[tuple[int, int], bool] = {}
        cued = list(compress(range(len(norms)), map(words.cue_words.__contains__, norms)))
        if not cued:  # (most short sentences)
            self.verbs = self.words_of = self.survey = self.percent = self.surveyed = []
            return
        self.verbs = [k for k in cued if norms[k] in words.all_verbs]
        self.words_of = [k for k in cued
                         if norms[k] == "in" and norms[k + 1:k + 4] == ["the", "words", "of"]]
        self.survey = [k for k in cued if norms[k] in words.survey_words]
        self.percent = [k for k in cued if norms[k] == "percent"]
        self.surveyed = [k for k in cued if norms[k] in words.surveyed]

    @functools.cached_property
    def newlines(self) -> list[int]:
        return [m.start() for m in re.finditer("\n", self.text)]

    def offset(self, toks: list[Token]) -> int:
        return bisect.bisect_left(self.starts, toks[0].start) if toks else 0

    def among(self, positions: list[int], toks: list[Token], lo: int, hi: int) -> list[int]:
        """The indices k in [lo, hi) of `toks` whose token is at one of the positions."""
        if not positions or not toks:
            return []
        at = self.offset(toks)
        return [p - at for p in positions[bisect.bisect_left(positions, at + lo):
                                          bisect.bisect_left(positions, at + hi)]]

    def any_in(self, positions: list[int], toks: list[Token]) -> bool:
        """Whether a token of `toks` is at one of the positions."""
        if not positions or not toks:
            return False
        at = self.offset(toks)
        k = bisect.bisect_left(positions, at)
        return k < len(positions) and positions[k] < at + len(toks)

    def names(self, toks: list[Token]) -> int:
        """How many name words `toks` opens with: walked, not indexed, as only the words
        after a quotation followed by a speech verb are asked (at most REPORT_REACH of them),
        and most stop at once ("…," she said)."""
        n = 0
        while n < len(toks) and self.speaker.is_name_word(toks[n]):
            n += 1
        return n

    def headline(self, start: int, end: int) -> bool:
        """The quotation from start to end is in a headline (`_Span.headline`)."""
        return self.text[start] in "‘'" and self.short_line(start, end)

    def short_line(self, start: int, end: int) -> bool:
        """The lines from start to end make a headline: at most HEADLINE_WORDS words, not
        ending with a full stop (each line judged once, however many quotes it holds)."""
        k = bisect.bisect_left(self.newlines, start)
        first = self.newlines[k - 1] + 1 if k else 0
        k = bisect.bisect_left(self.newlines, end)
        last = self.newlines[k] if k < len(self.newlines) else len(self.text)
        if (first, last) not in self._lines:
            line = self.text[first:last].strip().rstrip("\"”’'")
            self._lines[first, last] = (len(line.split()) <= HEADLINE_WORDS
                                        and line[-1:] not in ".;,")
        return self._lines[first, last]


def _near_verb(text: str, words: QuoteWords, cues: _Cues, after: list[Token],
               before: list[Token], reach: int = VERB_WINDOW) -> tuple[bool, str | None]:
    """(a speech verb within `reach` words of the quote, its speaker): after it (counting
    from the end of a name that follows it), then before. A verb that is also a noun
    ("demands", "reads") counts only right next to the quote, or after the speaker's name or
    role that follows it ("…," Senator Vale demands; "…," the harbour master continues)."""
    near = cues.among(cues.verbs, after, 0, len(after))
    far = cues.among(cues.verbs, before, max(len(before) - reach, 0), len(before))
    if not near and not far:
        return False, None
    sw = words.speaker
    if near:  # within reach, counted from the end of a name that follows the quote
        reach_after = reach + cues.names(after)
        near = [k for k in near if k < reach_after]
    window = [(after, k) for k in near] + [(before, k) for k in reversed(far)]
    for toks, k in window:
        tok = toks[k]
        tight = tok.norm in words.quote_verbs and (
            (toks is before and k == len(before) - 1)
            or (toks is after and (all(sw.is_name_word(t) or t.norm in sw.pronouns
                                       for t in after[:k])
                                   or (k and after[0].norm in sw.det | {"the"}
                                       and after[k - 1].base in sw.roles))))
        if tok.norm in sw.verbs or tight:
            return True, speaker_at(text, sw, toks, k, inverted=toks is after and k == 0)
    return False, None


def _speech(text: str, words: QuoteWords, span: _Span,
            reach: int = VERB_WINDOW) -> tuple[bool, str | None]:
    """`_near_verb` of the words around the quotation, and where that verb has no speaker of
    its own (a verb joined to the one before: he called for “…” and added that “…”; Wolff
    said Ek was referring to “…”), the speaker of the nearest verb before the quote that has
    one. With no speech verb anywhere around the quotation (`span.verbs`), none at any reach."""
    if not span.verbs:
        return False, None
    cues, after, before = span.cues, span.after, span.before
    verb, speaker = _near_verb(text, words, cues, after, before, reach)
    if verb and not speaker:
        verbs = [k for k in reversed(cues.among(cues.verbs, before, max(len(before) - reach, 0),
                                                len(before)))
                 if before[k].norm in words.speaker.verbs][:2]
        speaker = next((found for k in verbs
                        for found in [speaker_at(text, words.speaker, before, k, inverted=False)]
                        if found), None)
    return verb, speaker


@dataclass(slots=True)
class _Span:
    """A quotation and the words of its sentence around it."""

    text: str
    start: int
    end: int
    inner: list[Token]
    before: list[Token]
    after: list[Token]
    lead: list[Token]  # a sentence ending in a colon just before a quote that opens its own
    cues: _Cues
    verbs: bool  # a speech verb among `before` or `after`

    @property
    def body(self) -> str:
        return self.text[self.start + 1:self.end].rstrip("”\"’'").rstrip()

    def near(self, positions: list[int]) -> bool:
        """Whether a word before or after the quotation is at one of the (cue) positions."""
        return bool(positions) and (self.cues.any_in(positions, self.before)
                                    or self.cues.any_in(positions, self.after))

    def gap_before(self) -> str:
        """The characters between the previous word and the opening mark."""
        return self.text[self.before[-1].end:self.start] if self.before else ""

    @property
    def clause(self) -> bool:
        """Punctuated like a quoted clause: it ends with , . ! ? or follows : or ,."""
        lead = self.text[max(self.start - 3, 0):self.start].rstrip()
        return self.body[-1:] in (",", ".", "!", "?") or lead[-1:] in (":", ",")

    @property
    def sentence(self) -> bool:
        """A whole quoted sentence: it fills its sentence, or opens with a capital and ends with
        its own full stop, question or exclamation mark ("a sign reading “Leave us be.”")."""
        if not self.before and not self.after:
            return True
        return (len(self.inner) >= 2 and self.inner[0].text[0].isupper()
                and self.body[-1:] in (".", "!", "?"))

    def line(self) -> tuple[int, int]:
        """The start and end of the quotation's line."""
        end = self.text.find("\n", self.end)
        return self.text.rfind("\n", 0, self.start) + 1, len(self.text) if end < 0 else end

    @property
    def headline(self) -> bool:
        """In a headline (a short line that does not end with a full stop), where single
        marks quote a source: "Police foil ‘imminent’ attack", "Ruiz: pier ‘back on track’"."""
        return self.cues.headline(self.start, self.end)


def _label(text: str, words: QuoteWords, span: _Span) -> str | None:
    """The speaker label of "Harbour chief Ilse Varga: “…”" (a few words and a colon before
    the quote, at the start of the sentence); "" when the label names no one."""
    if not span.before or len(span.before) > LABEL_WORDS or ":" not in span.gap_before():
        return None
    before = span.before
    run = name_run(text, words.speaker, before, len(before) - 1, -1)
    k = len(before) - len(run) - 1
    if run and k > 0 and before[k].norm in words.speaker.appositive:
        run = name_run(text, words.speaker, before, k - 1, -1) or run  # "Ruiz on Twitter:"
    return text[run[0].start:run[-1].end] if run else ""


def _capital(tok: Token) -> bool:
    return tok.text[0].isupper() or tok.text[0].isdigit()


def _is_title(words: QuoteWords, span: _Span) -> bool:
    """A name rather than a quotation: a work after its noun ("the podcast “…”"); every word
    capitalised but short joiners ("Game of Thrones"), where the capital is not only the
    sentence's first letter; a nickname between a first name and a surname (Jan “Tiny” Moss)."""
    inner, before, after = span.inner, span.before, span.after
    if before and before[-1].norm in words.work_nouns:
        return True  # "the documentary “Salt Roads”", "a report titled “…”"
    capitalised = _capital(inner[0]) and all(
        _capital(t) or t.norm in TITLE_JOINERS or t.norm in words.speaker.joiners
        for t in inner)
    if not capitalised or (len(inner) == 1 and span.body[-1:] in ("!", "?")):
        return False
    nickname = (bool(before and after) and before[-1].text[0].isupper()
                and after[0].text[0].isupper())
    return len(inner) >= 2 or bool(before) or nickname


def _is_term(words: QuoteWords, span: _Span) -> bool:
    """Words mentioned as words or a term of art, not the writer's doubt: after a noun or verb
    of mention ("the word", "chants of", "defined", "known as"), before a gloss ("stands for",
    "was the word"), a technical head ("the “undue hardship” standard") or the noun of a
    measure ("the “fast track” effort"), an utterance used as a noun ("a “You bet”"), the
    wording of a survey ("40 percent favour a “catch-first” system"), or an acronym."""
    before, after, inner = span.before, span.after, span.inner
    prev = [t.norm for t in before[-4:]]
    while prev and prev[-1] in words.det:
        prev.pop()
    if prev and prev[-1] in ("as", "of", "like", "by"):
        prev.pop()  # "known as the “…”", "chants of “…”", "words like “…”", "by “…”"
    if prev and prev[-1] == "such":
        prev.pop()  # "terms such as “…”"
    if prev and (prev[-1] in words.mention_nouns or prev[-1] in words.mention_verbs):
        return True
    if len(inner) >= 2 and inner[-1].norm in words.term_heads:
        return True  # the name of a programme or rule: "the “paycheck bonus tax credit”"
    nxt = [t.norm for t in after[:3]]
    if nxt and (nxt[0] in words.gloss_verbs or nxt[0] in words.mention_nouns):
        return True  # "“D” stands for …", "Truman's “…” motto", "“yes” votes"
    if nxt and nxt[0] in words.term_heads and "," not in span.text[span.end - 2:after[0].start]:
        return True  # "the “undue hardship” standard"
    if nxt and nxt[0] in ("is", "was", "are", "were"):
        # "“X” is used", "“Thugs” was the word on every placard", "“X” is not a word"
        nxt = [t.norm for t in after[1:6] if not t.norm.endswith("ly")
               and t.norm not in ("not", "never")]
        if nxt and nxt[0] in words.gloss_verbs:
            return True
    if len(nxt) >= 2 and nxt[0] in words.det and nxt[1] in words.mention_nouns:
        return True  # "“X”, the term his allies use"
    if len(inner) >= 2 and nxt and nxt[0] in words.measure_nouns:
        return True  # the name of a measure or campaign: "the “skinny repeal” effort"
    if before and before[-1].norm == "as" and any(
            t.norm in words.description_nouns for t in before[-VERB_WINDOW:-1]):
        return True  # a label others use: "their descriptions of the port as “a ruin”"
    if before and before[-1].norm in ("a", "an") and inner[0].text[0].isupper():
        return True  # an utterance used as a noun: "he drops a “You bet” now and then"
    cues = span.cues
    if span.near(cues.survey) or (span.near(cues.percent) and span.near(cues.surveyed)):
        return True  # a survey's own wording: "62 percent of voters prefer a “…” system"
    return len(inner) == 1 and inner[0].text.isupper() and len(inner[0].text) <= 5


# The last call's arguments and quotes. A text that is one sentence is classified twice with the
# same arguments (the article, then its sentence read alone for the sentence classifier's
# cues): a 1 MB sentence of quotation marks is then classified once. One tuple, replaced
# whole and read once per call, so threads sharing the module (Dask workers) never see
# another call's quotes under their own arguments.
_last: tuple | None = None


def classify(text: str, spans: list[tuple[int, int]], sentences: list[tuple[int, int]],
             toks: list[Token], lexicon: Lexicon) -> list[Quote]:
    """Sort quotation marks by what they do.

    direct: someone's words as a clause: six words or more, a clause next to a speech verb
    ("…," she said; "…," demands Senator Vale), a whole quoted sentence, a clause after a
    speaker label ("Ferry chief: “…”"), or a clause that follows a direct quote in the same
    paragraph ("Fine," he said. "Go.");
    title: a name rather than a quotation: a Title Case phrase (“The Art of the Deal”), a
    capitalised nickname, a work after its noun ("the series “Harbour Lights”");
    term: words mentioned as words ("the word “resilience”", "drops a “You bet”") or a term
    of art ("the “undue hardship” standard", "the “fast track” effort", a survey's wording);
    partial: a short phrase in a sentence that reports speech (he called it “a disgrace”,
    said) or what someone hopes or urges ("urged them to “think again”"), or a
    single-quoted phrase in a headline, the speaker's own words;
    scare: any other short phrase, marked off by the writer.
    """
    if not spans:
        return []
    global _last
    key = (text, spans, sentences, toks, lexicon)
    last = _last
    if last is not None and last[0] == key:  # (item by item: a different text stops at once)
        return list(last[1])
    quotes = _classify(text, spans, sentences, toks, lexicon)
    _last = (key, quotes)
    return list(quotes)


def _classify(text: str, spans: list[tuple[int, int]], sentences: list[tuple[int, int]],
              toks: list[Token], lexicon: Lexicon) -> list[Quote]:
    """`classify` without the memory of the last call."""
    words = _quote_words(lexicon)
    starts = list(map(_START, toks))
    sentence_starts = [s for s, _ in sentences]
    cues = _Cues(text, toks, starts, words)
    quotes: list[Quote] = []
    in_sentence: list[int] = []  # the sentence of each quote's start
    for qs, qe in spans:
        at, after_quote = bisect.bisect_left(starts, qs), bisect.bisect_left(starts, qe)
        if at == after_quote:
            continue  # no words inside
        k = _sentence_at(sentence_starts, qs)
        last_end = sentences[_sentence_at(sentence_starts, qe - 1)][1]
        after = toks[after_quote:min(bisect.bisect_left(starts, last_end),
                                     after_quote + REPORT_REACH)]
        before = toks[max(bisect.bisect_left(starts, sentences[k][0]), at - REPORT_REACH):at]
        after = (after or _tag_after(text, words, cues, after_quote)
                 or _credit_after(text, toks, after_quote))
        verbs_after = cues.any_in(cues.verbs, after)
        lead = _lead_in(text, toks, starts, sentences, k, qs)
        if _alone(before, after, lead):
            kind, speaker = "direct", None
        else:
            kind, speaker = _kind(text, words, _Span(
                text, qs, qe, toks[at:after_quote], before, after, lead, cues,
                verbs_after or cues.any_in(cues.verbs, before)), quotes)
        if kind == "direct" and not speaker and not before and not cues.headline(qs, qe) \
                and not verbs_after:
            speaker = _carried(text, words, cues, sentences, k, quotes)
        quotes.append(Quote(qs, qe, text[qs:qe], kind, speaker))
        in_sentence.append(k)
    return _siblings(text, quotes, in_sentence)


def _sentence_at(sentence_starts: list[int], offset: int) -> int:
    """`segment.sentence_of` by the sentences' starts: the same bisection, over numbers
    rather than pairs."""
    return max(bisect.bisect_right(sentence_starts, offset) - 1, 0)


def _alone(before: list[Token], after: list[Token], lead: list[Token]) -> bool:
    """A quotation with no words around it in its sentence, no tag cut off after it and no
    sentence ending in a colon before it (a line of quoted dialogue): `_kind` would call it
    direct with no speaker, so it is not asked. Why: with no words before or after, no
    speech verb is near ("in the words of", `_speech`), there is no label, lead-in,
    introducer (no gap before the mark), tag, dash credit or credit name, and `_Span.sentence`
    holds (the quote fills its sentence); `_kind` reaches no return before that one."""
    return not before and not after and not lead


def _siblings(text: str, quotes: list[Quote], sentence: list[int]) -> list[Quote]:
    """A short phrase quoted in the same sentence as someone's quoted words is theirs too
    (She wants “security for Israel;” and “a fair peace,” she said); the next item in a list
    of mentioned words is mentioned too (words like “cold,” “aloof” and “stiff”).
    `sentence`: the sentence of each quote's start."""
    first_speech: dict[int, Quote] = {}  # sentence -> its first quoted speech
    for q, k in zip(quotes, sentence):
        if q.speech:
            first_speech.setdefault(k, q)
    out = []
    for q, k in zip(quotes, sentence):
        if q.kind == "scare":
            speech = first_speech.get(k)
            if speech:
                q = Quote(q.start, q.end, q.text, "partial", speech.speaker)
            elif out and out[-1].kind == "term" and set(
                    text[out[-1].end:q.start].replace(",", " ").replace(";", " ").split()
            ) <= LIST_JOINERS:
                q = Quote(q.start, q.end, q.text, "term")  # a list: “cold,” and “aloof”
        out.append(q)
    return out


def _is_verb(words: QuoteWords, tok: Token) -> bool:
    return tok.norm in words.all_verbs


def _carried(text: str, words: QuoteWords, cues: _Cues, sentences: list[tuple[int, int]],
             k: int, earlier: list[Quote]) -> str | None:
    """The speaker that a quotation opening its own sentence without a tag carries on from the
    sentence before: the speaker of a quote there ("…," Lind said. "And it balances."), or of
    its speech verb ("The state never tells them, Lind says. “You can get a fine and …”").
    `k`: the sentence where the quotation starts."""
    if k < 1:
        return None
    s, e = sentences[k - 1]
    inside = []  # the quotes of that sentence, the last first (quotes do not overlap: scan
    for q in reversed(earlier):  # back from the last)
        if q.end <= s:
            break
        if q.start < e:
            inside.append(q)
    for q in inside:
        if q.speaker and q.speech:
            return q.speaker
    if not cues.verbs:
        return None  # no speech verb in the text (quoted dialogue): nothing to scan
    lo, hi = bisect.bisect_left(cues.starts, s), bisect.bisect_left(cues.starts, e)
    verbs = cues.verbs[bisect.bisect_left(cues.verbs, lo):bisect.bisect_left(cues.verbs, hi)]
    if not verbs:
        return None  # no speech verb in that sentence (most quoted dialogue): nothing to scan
    words_before = [t for t in cues.toks[lo:hi]
                    if not any(q.start <= t.start < q.end for q in inside)]
    few = _Cues(text, words_before, [t.start for t in words_before], words)
    return _near_verb(text, words, few, [], words_before, len(words_before))[1]


def _lead_in(text: str, toks: list[Token], starts: list[int], sentences: list[tuple[int, int]],
             k: int, qs: int) -> list[Token]:
    """The sentence before a quotation that opens its own sentence (sentence k), when that
    sentence ends with a colon ("Trump tweeted:" and the quote in a paragraph of its own)."""
    if k < 1 or text[sentences[k][0]:qs].strip():
        return []
    end = qs  # the colon may stand before the sentence's own start: look past white space
    while end and text[end - 1].isspace():
        end -= 1
    if text[end - 1:end] != ":":
        return []
    s, e = sentences[k - 1]
    return toks[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]


def _credit_after(text: str, toks: list[Token], k: int) -> list[Token]:
    """The words of a dash credit on the quotation's line, which a sentence splitter may
    have cut off ("…people.” — Ann Holt, Harbour Gazette")."""
    if k >= len(toks):
        return []
    gap = text[toks[k - 1].end if k else 0:toks[k].start]
    dash = "\n" not in gap and gap.strip(" ”\"’.")[:1] in DASHES
    return toks[k:k + VERB_WINDOW] if dash else []


def _dash_name(text: str, words: QuoteWords, span: _Span) -> str | None:
    """The writer named after a dash that closes a quotation ("…” — Ann Holt, Harbour
    Gazette"), as opinion round-ups credit their quotes."""
    after = span.after
    if not after or text[span.end:after[0].start].strip()[:1] not in DASHES:
        return None
    run = name_run(text, words.speaker, after, 0, 1)
    return text[run[0].start:run[-1].end] if run else None


def _credit_name(text: str, words: QuoteWords, span: _Span) -> str | None:
    """The name that a tag without a verb ends with ("…,” former press secretary Ann Holt.")."""
    after = span.after
    if not after or len(after) > LABEL_WORDS * 2 or span.body[-1:] != "," \
            or any(_is_verb(words, t) for t in after) or text[after[-1].end:].lstrip()[:1] != ".":
        return None
    run = name_run(text, words.speaker, after, len(after) - 1, -1)
    return text[run[0].start:run[-1].end] if run and run[-1].norm == run[-1].base else None


def _tag_follows(text: str, words: QuoteWords, span: _Span) -> bool:
    """An attribution tag right after the closing mark, even without a comma inside it:
    "“I've seen this before” Graham added"."""
    sw = words.speaker
    after = span.after
    if not after or text[span.end:after[0].start].strip():
        return False
    for k, tok in enumerate(after[:VERB_WINDOW]):
        if _is_verb(words, tok):
            if k == 0:  # inverted: "“…” said Ann Holt"
                return tok.norm in sw.verbs and len(after) > 1 and sw.is_name_word(after[1])
            return all(sw.is_name_word(t) or t.norm in sw.pronouns for t in after[:k])
    return False


def _tag_after(text: str, words: QuoteWords, cues: _Cues, k: int) -> list[Token]:
    """The attribution that a sentence splitter cut off after a quote ending in ? or !
    ("“Will you run again?” Jan Ek asked."): the next words in the paragraph, when they are a
    name or pronoun and a speech verb. (`cues`: the text's, whose speech verbs say in one
    bisection where the first among the next words is, or that there is none: most quotes.)"""
    sw = words.speaker
    toks, verbs = cues.toks, cues.verbs
    v = bisect.bisect_left(verbs, k)
    if v == len(verbs) or verbs[v] >= k + VERB_WINDOW:
        return []  # no speech verb among the next words
    tag = toks[k:k + VERB_WINDOW]
    if "\n" in text[toks[k - 1].end if k else 0:tag[0].start]:
        return []
    j = verbs[v] - k  # the first speech verb of the tag
    return tag if j and all(sw.is_name_word(t) or t.norm in sw.pronouns for t in tag[:j]) else []


def _in_the_words_of(text: str, words: QuoteWords, span: _Span) -> str | None:
    """The speaker credited by "in the words of X" before or after the quotation."""
    if not span.cues.words_of:
        return None
    for toks in (span.after, span.before):
        for k in span.cues.among(span.cues.words_of, toks, 0, len(toks) - 3):
            run = name_run(text, words.speaker, toks, k + 4, 1)
            if run:
                return text[run[0].start:run[-1].end]
    return None


def _kind(text: str, words: QuoteWords, span: _Span,
          earlier: list[Quote]) -> tuple[str, str | None]:
    """(kind, speaker) of one quotation, given the quotes before it."""
    credited = _in_the_words_of(text, words, span)
    if credited:
        return ("direct" if len(span.inner) >= DIRECT_MIN_WORDS else "partial"), credited
    verb, speaker = _speech(text, words, span)
    label = _label(text, words, span)
    follows = bool(earlier) and earlier[-1].kind == "direct" and _same_paragraph(
        text, earlier[-1].end, span.start)
    if label is not None and span.clause:
        return "direct", speaker or label or None
    if not speaker and span.lead:
        verb, speaker = _near_verb(text, words, span.cues, [], span.lead)
        speaker = speaker or _introducer(text, words, span.lead)
    intro = _introducer(text, words, span.before) if ":" in span.gap_before() else None
    tagged = verb and (span.clause or _tag_follows(text, words, span))
    if (len(span.inner) >= DIRECT_MIN_WORDS or tagged or (follows and span.clause)
            or span.sentence):
        # a long quote whose speech verb is further off in the sentence, or a dash credit
        speaker = speaker or _speech(text, words, span,
                                     len(span.after) + len(span.before))[1] or intro
        return "direct", speaker or _dash_name(text, words, span) or _credit_name(text, words, span)
    if _is_term(words, span):
        return "term", None
    if _is_title(words, span):
        return "title", None
    reported, speaker = _speech(text, words, span, len(span.after) + len(span.before))
    if reported or label is not None or span.headline:
        return "partial", speaker or label or intro or (_headline_speaker(text, words, span)
                                                        if span.headline else None)
    stance, speaker = _stance(text, words, span)
    if stance:
        return "partial", speaker
    return "scare", None


def _stance(text: str, words: QuoteWords, span: _Span) -> tuple[bool, str | None]:
    """(a verb of hoping, wanting or promising just before a short quote, the person it
    names): the quote completes that person's words ("the ministry expressed hope that
    Ostby can “meet us halfway”")."""
    before = span.before
    verbs = [k for k in range(len(before) - 1, max(len(before) - VERB_WINDOW, 0) - 1, -1)
             if before[k].norm in words.stance_verbs]
    if not verbs:
        return False, None
    speakers = (speaker_at(text, words.speaker, before, k, inverted=False) for k in verbs)
    return True, next((s for s in speakers if s), None)


def _introducer(text: str, words: QuoteWords, before: list[Token]) -> str | None:
    """The name that opens a sentence ending in a colon before a quotation ("Ana Ruiz was at
    the pier: “…”", "Ana Ruiz on the vote: “…”"), its subject."""
    if not before:
        return None
    sw = words.speaker
    # the sentence's first word: the one after the last . ? or ! between the words (a word
    # holds none of them), found by rfind rather than a scan of the gaps word by word
    stop = max(text.rfind(c, before[0].end, before[-1].start) for c in ".?!")
    start = bisect.bisect_right(before, stop, key=lambda t: t.start) if stop >= 0 else 0
    first = next((i for i in range(start, len(before)) if before[i].norm not in sw.lead),
                 len(before))
    run = name_run(text, sw, before, first, 1) if first < len(before) else []
    if not run or run[0] not in before[first:first + 2] or run[-1] is before[-1]:
        return None  # (a leading "Al" is dropped as a joiner)
    if run[-1].norm != run[-1].base and run[0].norm == run[0].base:  # "Al Jazeera's Ann Holt"
        rest = name_run(text, sw, before, first + len(run), 1)
        run = run + rest if rest else []
    return text[run[0].start:run[-1].end] if run and run[-1].norm == run[-1].base else None


def _headline_speaker(text: str, words: QuoteWords, span: _Span) -> str | None:
    """Who a headline quotes: the name that opens it, before a colon ("Ruiz: pier ‘back on
    track’") or before a verb in the present ("Ruiz promises ‘a new pier’")."""
    line = tokens(text, *span.line())
    run = name_run(text, words.speaker, line, 0, 1) if line else []
    if not run or run[0] is not line[0] or len(run) == len(line) or run[-1].norm != run[-1].base:
        return None
    nxt = line[len(run)]
    colon = text[run[-1].end:nxt.start].strip() == ":"
    verb = (nxt.text.islower() and nxt.norm.endswith("s") and not nxt.norm.endswith("ss")
            and not text[run[-1].end:nxt.start].strip())
    return text[run[0].start:run[-1].end] if colon or verb else None


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return "\n" not in text[a:b]


def scare_flags(quotes: list[Quote], sentence_of: Callable[[int], int]) -> list[Flag]:
    """One `scare_quote` flag per scare quote."""
    return [Flag(kind="scare_quote", id=SCARE["id"], term=q.text[1:-1].strip(" ,.;:"),
                 start=q.start, end=q.end, text=q.text, sentence=sentence_of(q.start),
                 category=SCARE["category"], explanation=SCARE["explanation"],
                 alternatives=SCARE["alternatives"], in_quote=False, weight=0.5)
            for q in quotes if q.kind == "scare"]
