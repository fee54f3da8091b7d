"""Speech frames: is a verb of saying used as speech here?

"Admitting privileges", "a big blast", "claim the refund" and "records exposed in a lawsuit"
use reporting verbs' words without anyone saying anything. A reporting-verb flag needs a
speech frame (docs/lexicon-format.md, `requires = "speech_frame"`):

* a clause or quotation after the verb: "that", "whether", "how" … ("admitted that"), a
  colon, a to-infinitive or gerund ("vowed to rebuild", "admitted to lying"), or a quotation
  mark opening within a few words ("called the move “shameful”");
* or the verb closes a quotation's tag ("…," he insists);
* or a speaker as its subject: a name, a pronoun ("he", "who"), a role ("the senator"), a
  group of people ("critics") — found by walking back over adverbs and auxiliaries, across
  "and" to a coordinated verb's subject, and across a to-infinitive to the governing clause;
  a passive ("was revealed") has an agent only with "by".

No frame when the subject is a document ("the records revealed"): papers do not speak.
The word classes are in lexicons/classes.toml (`frame_skip`, `be_form`, `clause_word`,
`person_group`, `document_noun`, `role_noun`, `pronoun`).
"""
from __future__ import annotations

from framing.record import record
from framing.results import Token

QUOTE_MARKS = "\"“”‘’"
QUOTE_REACH = 4  # words after the verb within which an opening quotation mark frames it
INFINITIVE_REACH = 4  # words before "to" in which the governing clause's subject may stand
CLAUSE_REACH = 12  # words before "and" or "," in which a coordinated verb's subject may stand
PERSON_SUFFIXES = ("men", "man", "ers", "ists", "ians", "ants", "ents", "eers", "ors")
PREPOSITIONS = frozenset({"for", "of", "by", "after", "before", "without", "about", "from",
                          "in", "on", "with", "while", "since", "despite"})


@record
class FrameWords:
    skip: frozenset[str]
    be: frozenset[str]
    clause: frozenset[str]
    people: frozenset[str]
    documents: frozenset[str]
    det: frozenset[str]

    @classmethod
    def of(cls, classes: dict[str, frozenset[str]]) -> FrameWords:
        get = classes.get
        people = (get("person_group", frozenset()) | get("role_noun", frozenset())
                  | get("pronoun", frozenset()) | {"who", "you"})
        return cls(get("frame_skip", frozenset()), get("be_form", frozenset()),
                   get("clause_word", frozenset()), people,
                   get("document_noun", frozenset()), get("det", frozenset()))

    def skippable(self, tok: Token) -> bool:
        return tok.norm in self.skip or tok.norm.endswith("ly") or tok.norm.endswith("n't")

    def person(self, tok: Token) -> bool:
        """A speaker: a person or body word, a capitalised name, or a noun with a suffix for
        people ("fishermen", "farmers", "economists"), but never a document."""
        if tok.base in self.documents or tok.base in self.det:
            return False
        return (tok.base in self.people or tok.text[0].isupper()
                or tok.norm.endswith(PERSON_SUFFIXES))


def speech_frame(text: str, toks: list[Token], i: int, j: int, words: FrameWords) -> bool:
    """True when the verb toks[i:j] of a sentence's tokens is used as speech."""
    k = j
    while k < len(toks) and words.skippable(toks[k]):
        k += 1
    nxt = toks[k] if k < len(toks) else None
    gerund = toks[i].norm.endswith("ing")
    if gerund and j == k and nxt is not None and nxt.norm.endswith("s") and nxt.norm not in \
            words.clause and nxt.norm not in words.det and (i == 0 or toks[i - 1].norm in
                                                             PREPOSITIONS | words.det):
        return False  # a gerund before a bare plural noun modifies it: "admitting privileges"
    if gerund and i and ("," in text[toks[i - 1].end:toks[i].start]
                         or toks[i - 1].norm in PREPOSITIONS):
        # "Holt defended the sale, claiming …", "sacked for exposing …": the clause's subject
        subject = next((t for t in toks[max(i - CLAUSE_REACH, 0):i] if words.person(t)), None)
    elif gerund and i == 0:
        # "Revealing the figures, the mayor blamed …": the subject after the comma
        comma = next((m for m in range(j, len(toks) - 1)
                      if "," in text[toks[m].end:toks[m + 1].start]), None)
        subject = next((t for t in toks[comma + 1:comma + 4] if t.norm not in words.det),
                       None) if comma is not None else None
    else:
        subject = _subject(toks, i, words)
        if subject is not None and text[subject.end:subject.end + 1] in "'’":
            return False  # a plural possessive owns a noun: "the critics' claims"
    if subject is not None and subject.base in words.documents:
        return False
    if nxt is not None and (nxt.norm in words.clause or ":" in text[toks[j - 1].end:nxt.start]):
        return True
    if nxt is not None and nxt.norm == "to" and k + 1 < len(toks) \
            and toks[k + 1].norm not in words.det:
        return True
    if nxt is not None and nxt.norm == "by" and _passive(toks, i, words):
        return True
    reach = toks[k + QUOTE_REACH].start if k + QUOTE_REACH < len(toks) else \
        (toks[-1].end + 1 if toks else 0)
    if any(c in QUOTE_MARKS for c in text[toks[j - 1].end:reach]):
        return True
    if i and any(c in "”\"" for c in text[toks[max(i - 3, 0)].start:toks[i].start]):
        return True  # "…," he insists / "…," insists Ms. Lind: the verb closes a quote's tag
    if subject is not None and not words.person(subject):
        subject = _head_before_preposition(toks, subject, words, text)
    if subject is None and gerund and i:
        # "Columnists spent the week blasting …": a gerund's subject is the clause's
        subject = next((t for t in toks[max(i - CLAUSE_REACH, 0):i] if words.person(t)), None)
    return subject is not None and words.person(subject)


def _head_before_preposition(toks: list[Token], tok: Token, words: FrameWords,
                             text: str = "") -> Token | None:
    """The head of "Officials at the port …" when the word before the verb is "port"; none
    across a comma ("But in truth, private letters reveal …": "But" heads nothing)."""
    k = next(n for n, t in enumerate(toks) if t is tok)
    for m in range(k - 1, max(k - 4, 0), -1):
        if text and "," in text[toks[m].end:toks[m + 1].start]:
            return None
        if toks[m].norm in PREPOSITIONS | {"at"}:
            return toks[m - 1] if words.person(toks[m - 1]) else None
    return None


_IMPERATIVE = Token(0, 0, "you", "you", "you")


def _passive(toks: list[Token], i: int, words: FrameWords) -> bool:
    k = i - 1
    while k >= 0 and words.skippable(toks[k]):
        k -= 1
    return k >= 0 and toks[k].norm in words.be


def _subject(toks: list[Token], i: int, words: FrameWords) -> Token | None:
    """The verb's subject: the token before it past adverbs and auxiliaries; through "to" or
    "and" to the governing or coordinated clause's person; None for a passive or a noun use
    (a determiner or adjective before the verb)."""
    k = i - 1
    while k >= 0 and (words.skippable(toks[k]) or (
            toks[k].norm in words.be and toks[i].norm.endswith("ing"))):
        k -= 1  # past auxiliaries, and "be" of a progressive ("were touting")
    if k < 0:
        return _IMPERATIVE if i else None  # "Do not brag, …": an order has its speaker
    tok = toks[k]
    if tok.norm in words.be:
        return None
    if tok.norm in ("to", "and", "but", "or", "then"):
        reach = INFINITIVE_REACH if tok.norm == "to" else CLAUSE_REACH
        return next((t for t in reversed(toks[max(k - reach, 0):k]) if words.person(t)), None)
    if tok.norm in words.det:
        return None
    return tok
