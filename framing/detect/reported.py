"""Reported speech: the spans of a sentence that put words in someone else's mouth without
quotation marks ("Vale said the closure was a disaster", "critics called the plan a
giveaway", "according to the union, the cuts are brutal"). A flag inside such a span is in
the `reported` voice: the writer chose to report the word, but it is the speaker's.

The span is the complement of a verb of saying, labelling or believing whose subject is a
speaker (a name, a role, a group of people, "he" or "they", never "I" or "we": the writer's
own report of themself stays the writer's):

* a clause after the verb: "X said (that) …", "X argued/claimed/warned that …", "X told
  reporters that …", "X believes the plan will fail"; a clause without "that" needs a
  subject and a finite verb within a few words ("said the closure was …"; "said nothing,"
  is no clause);
* a label: "X called Y a Z", "X branded/dubbed/labelled Y …" (not "called for", "called
  off"), "X described/portrayed/decried Y as Z", "X accused Y of Z";
* a question: "X asked whether …", and a poll's wording: "the survey asked whether …",
  "respondents were asked if …" (a poll may ask, though documents do not speak);
* "according to X, …" and "…, according to X"; a closing tag "…, critics said." and a
  parenthetical one "The plan, critics said, is …" (the whole claim is attributed: the
  convention of news copy, whatever the order);
* the content of a noun of saying or believing: "claims that …", "the idea that …",
  "Vale's warning that …" (never "the fact that").

A verb of believing with a speaker as subject is itself reported ("the governor saw it as a
local decision", "my client might think that"): a hedge there is the speaker's state of
mind, not the writer hedging (a modal or "seems to" before it stays the writer's hedge).
Verbs of saying stay the writer's (the choice of "slammed" over "said" is the writer's).

Never for the writer ("I think that …"), a denial ("the minister never said …", "nobody can
argue …"), a document ("the records revealed that …"), an object ("to make people think
that …") or a noun ("Vale's warning that …" is a noun of saying, above). The complement
ends at the sentence's end or at a comma, semicolon, colon or dash (what follows may be the
writer's again); a label also at a preposition of time or place. Flags inside quotation
marks stay `quoted` (pipeline: `voice_of`).
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from itertools import accumulate, chain, compress
from operator import attrgetter

from framing.detect.speakers import SpeakerWords, speaker_at
from framing.frames import FrameWords
from framing.lexicon import Lexicon
from framing.record import record
from framing.results import Token

# Verb classes of this module (closed grammatical classes, like frames.PREPOSITIONS): the
# speech verbs themselves come from lexicons/classes.toml (`speech_verb`).
BELIEF_VERBS = frozenset({
    "believe", "believes", "believed", "believing", "think", "thinks", "thought", "thinking",
    "feel", "feels", "felt", "fear", "fears", "feared", "suspect", "suspects", "suspected",
    "expect", "expects", "expected", "hope", "hopes", "hoped", "doubt", "doubts", "doubted",
    "worry", "worries", "worried", "reckon", "reckons", "reckoned", "assume", "assumes",
    "assumed", "consider", "considers", "considered", "agree", "agrees", "agreed"})
AS_VERBS = frozenset({  # Y "as" Z: the label after "as" is the speaker's
    "describe", "describes", "described", "describing", "characterize", "characterizes",
    "characterized", "characterizing", "characterise", "characterises", "characterised",
    "characterising", "portray", "portrays", "portrayed", "portraying", "depict", "depicts",
    "depicted", "depicting", "decry", "decries", "decried", "decrying", "dismiss", "dismisses",
    "dismissed", "dismissing", "denounce", "denounces", "denounced", "denouncing", "hail",
    "hails", "hailed", "hailing", "refer", "refers", "referred", "referring", "see", "sees",
    "saw", "seeing", "view", "views", "viewed", "viewing", "regard", "regards", "regarded", "regarding",
    "brand", "brands", "branded", "branding", "label", "labels", "labeled", "labelled",
    "labeling", "labelling", "condemn", "condemns", "condemned", "condemning", "praise",
    "praises", "praised", "praising", "criticize", "criticizes", "criticized", "criticise",
    "criticises", "criticised"})
LABEL_VERBS = frozenset({  # Y Z: "called the plan a giveaway", "branded her a traitor"
    "call", "calls", "called", "calling", "dub", "dubs", "dubbed", "dubbing", "brand",
    "brands", "branded", "branding", "label", "labels", "labeled", "labelled", "labeling",
    "labelling", "termed", "nicknamed"})
ACCUSE_VERBS = frozenset({"accuse", "accuses", "accused", "accusing"})  # Y "of" Z
ASK_VERBS = frozenset({"ask", "asks", "asked", "asking", "wonder", "wonders", "wondered",
                       "question", "questioned", "questions"})
SEEING_VERBS = frozenset({"see", "sees", "saw", "seeing", "view", "views", "viewed", "viewing",
                          "regard", "regards", "regarded", "regarding"})  # only with "as"
# Nouns whose "that" clause is someone's words or belief ("claims that", "the idea that").
CONTENT_NOUNS = frozenset({
    "claim", "claims", "allegation", "allegations", "accusation", "accusations", "assertion",
    "assertions", "charge", "charges", "suggestion", "suggestions", "argument", "arguments",
    "complaint", "complaints", "warning", "warnings", "insistence", "belief", "beliefs",
    "idea", "notion", "view", "views", "theory", "assumption", "contention", "fears",
    "rumor", "rumors", "rumour", "rumours", "promise", "promises", "pledge", "boast",
    "boasts", "denial", "denials", "narrative", "talking", "conviction", "point", "message"})
AS_NOUNS = frozenset({"description", "descriptions", "characterization", "characterizations",
                      "characterisation", "characterisations", "portrayal", "portrayals",
                      "depiction", "depictions", "dismissal"})  # "description of Y as Z"
POLL_NOUNS = frozenset({"poll", "polls", "survey", "surveys", "question", "questions",
                        "questionnaire", "ballot", "pollster", "pollsters", "respondents"})
WRITER = frozenset({"i", "we", "you", "me", "us", "one"})  # the writer (or the reader) speaks
ENDORSING = frozenset({"rightly", "correctly", "accurately", "justly", "aptly"})
NEGATORS = frozenset({"not", "never", "no", "nobody", "none", "neither", "nor", "hardly"})
PARTICLES = frozenset({"for", "on", "off", "up", "out", "in", "back", "upon", "into", "at",
                       "to", "it", "attention", "about", "over"})  # "called for", "called it quits"
FINITE = frozenset({"will", "would", "could", "can", "should", "might", "may", "must", "shall",
                    "has", "have", "had", "does", "did", "do", "won't", "wouldn't", "can't",
                    "couldn't", "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't",
                    "hadn't", "didn't", "doesn't", "don't", "needs", "remains", "remained"})
LABEL_ENDS = frozenset({"after", "before", "during", "at", "in", "on", "over", "because",
                        "when", "since", "while", "amid", "and", "but", "who", "which"})
BREAKS = frozenset({"but", "yet", "while", "whereas", "although", "though", "so", "and", "or",
                    "before", "after", "because", "since", "until", "unless", "as"})
OBJECT_BREAKS = frozenset({"of", "about", "with", "from", "for"})  # "told the story of a
# family that …": a relative "that", not the verb's clause
ADDRESSEE_REACH = 5  # words between the verb and "that": "told the Reuters pollsters that"
CLAUSE_REACH = 12  # words in which a bare clause's finite verb must stand ("said the … was")
AS_REACH = 8  # words between a verb and its "as" ("described the new tax plan as")
CLAUSE_MAX = 60  # words at most in one reported clause (keeps a run-on text linear)
TAG_WORDS = 8  # words of a closing tag ("…, a spokesman for the ministry said on Monday.")
NESTED = 4  # reported spans that may hold one word ("X said Y called it …")
DOUBLE_QUOTES = "\"“”"  # a quotation's own marks (’ is mostly an apostrophe)
NAME_ENDS = frozenset({"on", "in", "at", "last", "earlier", "who", "which", "that", "when"})
BREAK_MARKS = frozenset("!?;:—–")
SPEAKER_WORDS = 6  # a longer "name" is a run of capitals, not a speaker
SUBORDINATORS = frozenset({"what", "which", "who", "whom", "whose", "that", "if", "when",
                          "while", "whereas", "although", "though", "because", "since",
                          "unless", "whether", "where"})  # before a subject: a subordinate clause
NOT_A_SUBJECT = frozenset({"nothing", "something", "anything", "so", "yes", "no", "little",
                           "much", "twice", "hard", "better", "otherwise", "aloud", "loud"})
CAUSATIVE = frozenset({"make", "makes", "made", "making", "let", "lets", "letting", "help",
                       "helps", "helped", "helping", "have", "has", "had", "get", "gets", "got"})
MODALS = frozenset({"may", "might", "could", "would", "should", "must", "can", "will"})
# before a verb of saying, speech not (yet) made: "they will claim that …", "critics might
# argue that …" put words in someone's mouth, and those words are the writer's ("would" is
# left out: "she would later say that …" narrates speech that happened)
UNSPOKEN = frozenset({"will", "might", "may", "could", "shall"})
SEEMING = frozenset({"seem", "seems", "seemed", "appear", "appears", "appeared", "to"})
LEAD = frozenset({"but", "and", "yet", "so", "still", "now", "then", "however", "indeed"})
# unions the finder tests words against, built once (not at each test)
BELIEVING = BELIEF_VERBS | SEEING_VERBS
PASSIVE_VERBS = ASK_VERBS | ACCUSE_VERBS  # may report in the passive ("were asked whether")
SEEMING_VERBS = SEEMING - {"to"}
DISOWNING = NEGATORS | ENDORSING  # a denial or the writer's endorsement before the verb
NO_CLAUSE = PARTICLES | OBJECT_BREAKS | NOT_A_SUBJECT | BREAKS  # no bare clause opens so
_NORM, _START = attrgetter("norm"), attrgetter("start")


@record
class Reported:
    """A span of reported speech [start, end) and who it is attributed to (None: unknown)."""

    start: int
    end: int
    speaker: str | None
    cue: str  # the verb, noun or "according to" that reports it
    main: bool = True  # reported by the sentence's main clause ("Vale said …", not "in what
    # officials said …", "China, which labels …", "claims that …")


class ReportedWords:
    """The word classes reported speech is found with (lexicons/classes.toml and the
    closed classes above)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.frame = FrameWords.of(lexicon.classes)
        self.speakers = SpeakerWords.of(lexicon)
        self.say = lexicon.classes.get("speech_verb", frozenset()) - {"according"}
        self.times = self.speakers.times | lexicon.classes.get("weekday", frozenset())
        self.verbs = self.say | BELIEF_VERBS | AS_VERBS | LABEL_VERBS | ACCUSE_VERBS | ASK_VERBS
        self.cues = self.verbs | CONTENT_NOUNS | AS_NOUNS | {"according"}  # words worth a look
        self.say_or_label = self.say | LABEL_VERBS
        self.articles = self.frame.det | {"the", "a", "an"}
        self.det_not_that = self.frame.det - {"that"}


def _comma(text: str, a: Token, b: Token) -> bool:
    """A comma between two tokens (not the thousands comma of "1,200")."""
    gap = text[a.end:b.start]
    return "," in gap and not (gap == "," and a.text[-1:].isdigit() and b.text[:1].isdigit())


def _tidy(name: str) -> str:
    """A speaker without an unclosed parenthesis: "Sen. Ann Holt" of "Sen. Ann Holt (D-CA"."""
    return name[:name.index("(")].rstrip() if "(" in name and ")" not in name else name


def _clause_break(gap: str) -> bool:
    """Punctuation between two words that ends a clause: a semicolon, colon, dash, "!" or "?"
    (not a full stop: inside a sentence it is an abbreviation's, "U.S. officials")."""
    return not BREAK_MARKS.isdisjoint(gap) or "--" in gap


def clause_end(text: str, toks: list[Token], first: int, label: bool = False,
               verbs: frozenset[str] = frozenset()) -> int:
    """The index after the last token of the complement that starts at toks[first]: it ends
    at a comma, semicolon or dash (what follows may be the writer's again), and a label also
    at a preposition of time or place or a new clause ("called the police after the …")."""
    for m in range(first + 1, min(first + CLAUSE_MAX, len(toks))):
        gap = text[toks[m - 1].end:toks[m].start]
        if gap != " " and (_clause_break(gap) or "(" in gap or ")" in gap  # (" ": most gaps)
                           or _comma(text, toks[m - 1], toks[m])):
            return m
        if toks[m].norm in ("but", "and") and m + 1 < len(toks) and toks[m + 1].norm in verbs:
            return m  # "acknowledged that … but insisted …": the reporting clause goes on
        if label and toks[m].norm in LABEL_ENDS:
            return m
    return min(first + CLAUSE_MAX, len(toks))


class Finder:
    """Reported-speech spans in one sentence's tokens."""

    def __init__(self, text: str, words: ReportedWords) -> None:
        self.text = text
        self.w = words

    # --- who speaks --------------------------------------------------------------------------
    def subject(self, toks: list[Token], k: int) -> tuple[bool, int | None]:
        """(is the subject of verb toks[k] a speaker other than the writer, its index)."""
        fw = self.w.frame
        j = k - 1
        while j >= 0 and (fw.skippable(toks[j]) or toks[j].norm in SEEMING_VERBS
                          or toks[j].norm == "to" and j and toks[j - 1].norm in SEEMING
                          or (toks[j].norm in fw.be and toks[k].norm.endswith("ing"))):
            j -= 1  # past auxiliaries, adverbs and "seems to"
        if j < 0 or toks[j].norm in fw.be or toks[j].norm in fw.det:
            return False, None
        tok = toks[j]
        if tok.norm != tok.base:
            return False, None  # a noun after a possessive: "Vale's warning that …"
        if j and toks[j - 1].norm in CAUSATIVE:
            return False, None  # an object, not a subject: "to make people think that …"
        if tok.norm.split("'")[0].split("’")[0] in WRITER or any(
                t.norm in DISOWNING or t.norm.endswith("n't")
                for t in toks[max(j - 1, 0):k]):
            # the writer's own, a denial ("nobody can argue", "never said"), or the writer's
            # endorsement ("the West rightly regards …": the writer says it too)
            return False, None
        if toks[k].norm not in BELIEVING and any(
                t.norm in UNSPOKEN for t in toks[j + 1:k]):
            return False, None  # "they will claim that …": the writer's ventriloquism
        if tok.norm in ("who", "which") and j and _comma(self.text, toks[j - 1], tok):
            ante = toks[j - 1]  # "China, which labels her …": the antecedent speaks
            return (ante.text[0].isupper() or fw.person(ante)) and ante.base not in \
                fw.documents, j - 1
        if tok.base in fw.documents:
            return tok.base in POLL_NOUNS and toks[k].norm in ASK_VERBS, j
        if fw.person(tok):
            return True, j
        # "Officials at the port said", "a person familiar with the process said": the head
        # before a preposition
        for m in range(j - 1, max(j - 4, -1), -1):
            if toks[m].norm in ("at", "of", "for", "from", "in", "with") and m:
                head = toks[max(m - 1 - (toks[m - 1].norm in ("familiar", "close")), 0)]
                return fw.person(head) and head.base not in fw.documents, m - 1
        if j and toks[j - 1].norm in fw.det and tok.norm not in fw.det and (
                j + 1 < k or k + 1 < len(toks) and toks[k + 1].norm == "that"):
            return True, j  # a noun with its determiner and an auxiliary or a that-clause:
            # "my client might think", "the rule says that" (not "a second term and")
        return False, None

    def speaker(self, toks: list[Token], k: int, j: int | None) -> str | None:
        """The speaker's name or role (speakers.speaker_at), else the subject's word; None for
        a pronoun (not resolved here) or a poll."""
        words = self.w.speakers
        if j is None or toks[j].norm in words.pronouns or toks[j].base in POLL_NOUNS:
            return None
        if toks[j].norm in ("who", "which"):
            return None  # "see who can call …": no antecedent
        name = speaker_at(self.text, words, toks, k, inverted=False)
        subject = toks[j]
        last = name.split()[-1] if name else ""
        if name and len(name.split()) <= SPEAKER_WORDS and ".," not in name and (
                last == subject.text or name[0].isupper() and not last.islower()):
            return _tidy(name)  # speakers.speaker_at's name or role
        first = j  # else the subject with its determiner: "critics", "my client"
        while first > max(j - 3, 0) and (toks[first - 1].norm in self.w.det_not_that
                                         or toks[first - 1].text[0].isupper()) \
                and not _comma(self.text, toks[first - 1], toks[first]):
            first -= 1
        while first < j and (toks[first].norm in LEAD or toks[first].norm in words.lead
                             and toks[first].norm not in self.w.articles):
            first += 1  # "But organizers say", "What everyone agrees on"
        return _tidy(self.text[toks[first].start:subject.end])

    # --- what is said ------------------------------------------------------------------------
    def complement(self, toks: list[Token], k: int) -> tuple[int, bool] | None:
        """(first token of the clause reported by verb toks[k], is it a label), or None."""
        norm = toks[k].norm
        n = len(toks)
        if norm in SEEING_VERBS or norm in AS_VERBS and norm not in self.w.say_or_label:
            return self._after(toks, k, "as", AS_REACH)
        if norm in AS_VERBS:  # "described … as", else a clause or (for labels) a label
            found = self._after(toks, k, "as", AS_REACH)
            if found:
                return found
        if norm in ACCUSE_VERBS:
            return self._after(toks, k, "of", AS_REACH)
        if k + 1 >= n:
            return None
        if _comma(self.text, toks[k], toks[k + 1]) or \
                _clause_break(self.text[toks[k].end:toks[k + 1].start]):
            return None  # "as some analysts expect, that could …": a parenthesis
        m = k + 1
        while m < n and (toks[m].norm.endswith("ly") and toks[m].norm not in ("only",)):
            m += 1
        if m >= n:
            return None  # "… she called repeatedly."
        if toks[m].norm == "that":
            return (m + 1, False) if m + 1 < n else None
        if norm in ASK_VERBS:
            wh = next((p for p in range(m, min(m + ADDRESSEE_REACH, n))
                       if toks[p].norm in ("whether", "if")), None)
            return (wh + 1, False) if wh is not None and wh + 1 < n else None
        if norm in LABEL_VERBS:
            if toks[m].norm in PARTICLES or m + 1 >= n or _comma(self.text, toks[k], toks[m]):
                return None
            return m, True
        that = next((p for p in range(m, min(m + ADDRESSEE_REACH + 1, n))
                     if toks[p].norm == "that" and not any(
                         _comma(self.text, toks[q - 1], toks[q])
                         or toks[q].norm in OBJECT_BREAKS for q in range(m, p + 1))), None)
        if that is not None and that + 1 < n:
            return that + 1, False  # "told reporters on Monday that"
        return (m, False) if self._bare_clause(toks, m) else None

    def _after(self, toks: list[Token], k: int, word: str, reach: int) -> tuple[int, bool] | None:
        for p in range(k + 1, min(k + 1 + reach, len(toks) - 1)):
            if _comma(self.text, toks[p - 1], toks[p]) or toks[p].norm in ("that", "and"):
                return None
            if toks[p].norm == word:
                return p + 1, True
        return None

    def _bare_clause(self, toks: list[Token], m: int) -> bool:
        """A clause without "that": a subject and a finite verb within a few words, with no
        comma or "and" before the verb ("said the closure was …", "say they will …")."""
        fw = self.w.frame
        if m >= len(toks):
            return False
        first = toks[m]
        if first.norm in fw.be or first.norm in FINITE or first.norm in MODALS:
            return True  # the subject moved away: "what officials said was a giveaway"
        if first.norm in NO_CLAUSE \
                or first.norm in fw.skip or first.norm.endswith("ly"):
            return False  # "said nothing, …", "think twice about …"
        for p in range(m + 1, min(m + CLAUSE_REACH, len(toks))):
            if _comma(self.text, toks[p - 1], toks[p]) or toks[p].norm in BREAKS:
                return False
            if toks[p].norm in fw.be or toks[p].norm in FINITE or (
                    len(toks[p].norm) > 4 and toks[p].norm.endswith("ed")):
                return True  # "said the plan was …", "said the plan failed"
        return False

    # --- the spans of a sentence -------------------------------------------------------------
    def spans(self, toks: list[Token], hits: list[int] | None = None) -> list[Reported]:
        """The spans of one sentence (`hits`: the indices of its cue words, if known)."""
        out: list[Reported] = []
        text = self.text
        said: tuple[bool, int | None] = (False, None)  # the last reporting verb's subject
        if hits is None:
            hits = list(compress(range(len(toks)), map(self.w.cues.__contains__,
                                                       map(_NORM, toks))))
        if not hits:
            return out  # most sentences: no verb, noun or "according" that reports speech
        for k in hits:
            tok = toks[k]
            if tok.norm in self.w.verbs:
                # "… conceded the delay but insisted …": the same speaker
                coordinated = k and toks[k - 1].norm in ("and", "but") and said[0]
                said = said if coordinated else self.subject(toks, k)
            if tok.norm == "according" and k + 1 < len(toks) and toks[k + 1].norm == "to":
                out += self._according(toks, k)
            elif tok.norm in self.w.verbs and (found := self.complement(toks, k)) and (
                    said[0] or tok.norm in PASSIVE_VERBS
                    and k > 0 and toks[k - 1].norm in self.w.frame.be):
                # (the passive: "respondents were asked whether …", "is accused of …")
                ok, j = said
                passive_poll = not ok
                first, label = found
                last = clause_end(text, toks, first, label, self.w.say)
                # a belief is the speaker's from its verb on ("had long believed that"), but
                # "seems to believe", "may feel that" are the writer's hedges on it
                start = first
                if tok.norm in BELIEVING:
                    start = j + 1 if j is not None and j < k else k
                    while start < k and (toks[start].norm in SEEMING or toks[start].norm in MODALS):
                        start += 1
                subordinate = j is None or toks[j].norm in ("who", "which") or any(
                    t.norm in SUBORDINATORS for t in toks[max(j - CLAUSE_MAX, 0):j])
                out.append(Reported(toks[start].start, toks[last - 1].end,
                                    None if passive_poll and not ok else self.speaker(toks, k, j),
                                    tok.text, not subordinate))
            elif tok.norm in AS_NOUNS and (found := self._after(toks, k, "as", AS_REACH)):
                out.append(Reported(toks[found[0]].start,
                                    toks[clause_end(text, toks, found[0], True) - 1].end,
                                    self._owner(toks, k), tok.text, False))
            elif tok.norm in CONTENT_NOUNS and (that := self._content(toks, k)):
                last = clause_end(text, toks, that)
                out.append(Reported(toks[that].start, toks[last - 1].end,
                                    self._owner(toks, k), tok.text, False))
        if any(toks[k].norm in self.w.say for k in hits) \
                and "," in text[toks[0].end:toks[-1].start]:
            out += self._tag(toks)  # a tag needs a verb of saying and a comma
        return out

    def _content(self, toks: list[Token], k: int) -> int | None:
        """The first word of the clause a noun of saying holds: "claims that …", "their point
        is that …" (not "the fact that": a fact is the writer's; not "the point is that": with
        "is" the point must be someone's, "his", "their", "Vale's")."""
        owned = k and (toks[k - 1].norm in ("his", "her", "their", "its")
                       or toks[k - 1].norm != toks[k - 1].base)
        if k and (toks[k - 1].norm in MODALS or toks[k - 1].norm == "to"):
            return None  # a verb, not the noun: "they will claim that …" (see `subject`)
        m = k + 1 + bool(owned and k + 2 < len(toks) and toks[k + 1].norm in ("is", "was"))
        if m + 1 < len(toks) and toks[m].norm == "that" and not (
                k and toks[k - 1].norm == "fact"):
            return m + 1
        return None

    def _owner(self, toks: list[Token], k: int) -> str | None:
        """Whose claim or description: a possessive among the few words before the noun
        ("Vale's warning", "the press's constant description")."""
        for m in range(k - 1, max(k - 4, -1), -1):
            if toks[m].norm != toks[m].base:
                return self.text[toks[m].start:toks[m].end - 2]
        return None

    def _named(self, toks: list[Token], first: int) -> str | None:
        """The words after "according to" up to a comma ("the union", "a new survey")."""
        last = first
        while last < len(toks) and last - first < TAG_WORDS and not (
                last > first and (_comma(self.text, toks[last - 1], toks[last])
                                  or toks[last].norm in NAME_ENDS)):
            last += 1
        return self.text[toks[first].start:toks[last - 1].end] if last > first else None

    def _according(self, toks: list[Token], k: int) -> list[Reported]:
        """"According to X, …" (the clause after the comma) and "…, according to X"."""
        text = self.text
        who = speaker_at(text, self.w.speakers, toks, k)
        if not who or who not in text[toks[k].end:toks[-1].end]:
            who = self._named(toks, k + 2)  # the name after "to", never one before it
        lead = 0
        while lead < k and toks[lead].norm in LEAD:
            lead += 1
        if k == lead:
            comma = next((m for m in range(k + 2, min(k + 2 + TAG_WORDS, len(toks)))
                          if _comma(text, toks[m - 1], toks[m])), None)
            if comma is None:
                return []
            last = clause_end(text, toks, comma)
            return [Reported(toks[comma].start, toks[last - 1].end, who, "according to")]
        if k > lead and _comma(text, toks[k - 1], toks[k]) and not any(
                c in DOUBLE_QUOTES for c in text[toks[lead].start:toks[k].start]):
            # (not "“…,” he said, according to a source": the quotation has its own speaker)
            return [Reported(toks[lead].start, toks[k - 1].end, who, "according to")]
        return []

    def _tag(self, toks: list[Token]) -> list[Reported]:
        """"The plan is a giveaway, critics said." and "The plan, critics said, is …": a
        speaker and a verb of saying set off by commas; the rest of the sentence is theirs."""
        text = self.text
        starts = [t.start for t in toks]
        commas, p = [], text.find(",", toks[0].end, toks[-1].start)
        while p != -1:  # the token after each comma between words
            m = bisect.bisect_right(starts, p)
            if 0 < m < len(toks) and toks[m - 1].end <= p and _comma(text, toks[m - 1], toks[m]) \
                    and (not commas or commas[-1] != m):
                commas.append(m)
            p = text.find(",", p + 1, toks[-1].start)
        for a_i, a in enumerate(commas):
            b = commas[a_i + 1] if a_i + 1 < len(commas) else len(toks)
            if b - a > TAG_WORDS or b - a < 2 or any(
                    c in DOUBLE_QUOTES for c in text[toks[a - 1].end:toks[a].start]):
                continue  # "…,” said Ann Holt": a direct quotation's tag
            verb = next((m for m in range(a, b) if toks[m].norm in self.w.say), None)
            if verb is None or any(toks[m].norm == "that" or toks[m].norm in FINITE
                                   or toks[m].norm in self.w.frame.be for m in range(verb, b)) \
                    or any(toks[m].norm in SUBORDINATORS for m in range(a, verb)):
                continue  # a clause of its own ("in what officials said was …"), not a tag
            ok, j = self.subject(toks, verb)
            inverted = verb == a and verb + 1 < b and (
                self.w.frame.person(toks[verb + 1]) or toks[verb + 1].norm in self.w.frame.det)
            if not (ok and j is not None and j >= a) and not inverted:
                continue
            lead = next((m for m in range(a - 1, 0, -1)  # after a full stop or a dash
                         if _clause_break(text[toks[m - 1].end:toks[m].start])), 0)
            while lead < a and toks[lead].norm in LEAD:
                lead += 1
            if lead >= a:
                continue
            who = self.speaker(toks, verb, j) if ok else \
                speaker_at(text, self.w.speakers, toks, verb)
            spans = [Reported(toks[lead].start, toks[a - 1].end, who, toks[verb].text)]
            if b < len(toks) and toks[b].norm not in BREAKS and not inverted:
                # a parenthetical tag: the claim goes on after it (not "…, officials said,
                # and the port closed"; not "…, says Ann Holt, director of …": an apposition)
                spans.append(Reported(toks[b].start, toks[clause_end(text, toks, b) - 1].end,
                                      who, toks[verb].text))
            return spans
        return []


@lru_cache(maxsize=8)
def _reported_words(lexicon: Lexicon) -> ReportedWords:
    """The lexicon's word classes for reported speech, gathered once (not per article)."""
    return ReportedWords(lexicon)


def reported_spans(text: str, sentence_tokens: list[list[Token]],
                   lexicon: Lexicon) -> list[list[Reported]]:
    """The reported-speech spans of every sentence, in order."""
    finder = Finder(text, _reported_words(lexicon))
    out: list[list[Reported]] = [[] for _ in sentence_tokens]
    # only sentences with a cue word can hold a span (`Finder.spans` finds none in the
    # others): the cue words are looked for once over the article's words, in C
    ends = list(accumulate(map(len, sentence_tokens)))  # sentence i: words ends[i - 1]:ends[i]
    cued = list(compress(range(ends[-1] if ends else 0), map(
        finder.w.cues.__contains__, map(_NORM, chain.from_iterable(sentence_tokens)))))
    c = 0
    while c < len(cued):  # sentence by sentence, its cue words' indices among its own words
        i = bisect.bisect_right(ends, cued[c])
        first = ends[i - 1] if i else 0
        d = bisect.bisect_left(cued, ends[i], c)
        spans = out[i] = finder.spans(sentence_tokens[i], [g - first for g in cued[c:d]])
        if len(spans) > 1:
            spans.sort(key=_START)
        c = d
    return out


def voice_of(start: int, in_quote: bool, spans: list[Reported]) -> tuple[str, Reported | None]:
    """The voice of a word starting at `start` (`quoted`, `reported` or `writer`), and the
    innermost reported span it lies in (`spans`: one sentence's, sorted by start)."""
    if in_quote:
        return "quoted", None
    k = bisect.bisect_right(spans, start, key=lambda r: r.start)  # spans sorted by start
    span = next((r for r in reversed(spans[max(k - NESTED, 0):k]) if start < r.end), None)
    return ("reported", span) if span else ("writer", None)


def reported_sentence(toks: list[Token], spans: list[Reported]) -> bool:
    """A sentence whose main claim is reported: its main clause reports a span that runs to
    its end ("Vale said the closure was …", "According to X, …"), or a span runs from its
    start ("…, critics said", "…, according to X")."""
    if not toks or not spans:
        return False
    first = next((t for t in toks if t.norm not in LEAD), toks[0])
    return any(r.main and r.end >= toks[-1].end or r.start <= first.start for r in spans)
