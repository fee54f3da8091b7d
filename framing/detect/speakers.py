"""Who is speaking: names next to speech verbs ("…," Mayor Ann Holt said; according to X;
"…," said economist Lena Moss; "…," Petra Lind, a ferry pilot, said), or a role that stands
for a person ("a spokesperson for the ministry said")."""
from __future__ import annotations

import re
from functools import cached_property, lru_cache

from framing.lexicon import Lexicon
from framing.record import record
from framing.results import Token

MAX_NAME_WORDS = 8
SUBJECT_REACH = 30  # words before a verb searched for a subject (keeps long sentences linear)
APPOSITIVE_WORDS = 10  # "Petra Lind, a ferry pilot at the port of Ostby, said"
ROLE_WORDS = 7  # "a spokesperson for the port authority"
PARTY_TAG = re.compile(r"[RDI]-[A-Z]")  # "R-Ostby": party and state after a lawmaker's name
RELATIVE = frozenset({"who", "who's", "whose"})  # "Davis, who trails in the polls, argued"
ROLE_LEAD = 2  # lower-case words between an inverted verb and the name: "said economist Lena Moss"


@record
class SpeakerWords:
    """The word classes (lexicons/classes.toml) that attribution rests on."""

    verbs: frozenset[str]
    lead: frozenset[str]
    joiners: frozenset[str]
    pronouns: frozenset[str]
    honorifics: frozenset[str]
    appositive: frozenset[str]
    roles: frozenset[str]
    addressee: frozenset[str]
    det: frozenset[str]
    feminine: frozenset[str]
    masculine: frozenset[str]
    times: frozenset[str]
    skip: frozenset[str]
    be: frozenset[str]
    negators: frozenset[str]
    modals: frozenset[str]

    @cached_property
    def hypothetical(self) -> frozenset[str]:
        """Words after which a verb reports no speech ("should not label", "could say")."""
        return self.negators | self.modals | {"will", "can", "must", "shall"}

    @classmethod
    @lru_cache(maxsize=8)
    def of(cls, lexicon: Lexicon) -> SpeakerWords:
        """The lexicon's classes, gathered once per lexicon (a frozen value, shared)."""
        get = lexicon.classes.get
        return cls(*(get(name, frozenset()) for name in (
            "speech_verb", "speaker_lead", "name_joiner", "pronoun", "honorific",
            "appositive_prep", "role_noun", "addressee_verb", "det", "feminine_honorific",
            "masculine_honorific", "time_name", "frame_skip", "be_form", "negator",
            "conditional_modal")))

    def is_name_word(self, tok: Token) -> bool:
        return (tok.text[0].isupper() or tok.norm in self.joiners) and tok.norm not in self.verbs

    @cached_property
    def run_lead(self) -> frozenset[str]:
        """Words `name_run` drops from a run's start (by `norm`; `lead` also by `base`)."""
        return self.lead | self.det | self.joiners | self.pronouns | self.times

    @cached_property
    def definite(self) -> frozenset[str]:
        """Determiners and "the": where a role phrase may open."""
        return self.det | {"the"}

    @cached_property
    def run_tail(self) -> frozenset[str]:
        """Words `name_run` drops from a run's end."""
        return self.joiners | self.times

    def gender(self, name: str) -> str | None:
        """"she" or "he" when a name's honorific or role says so ("Ms. Lind"), else None."""
        words = {w.lower().rstrip(".").removesuffix("'s").removesuffix("’s")
                 for w in name.split()}
        if words & self.feminine:
            return "she"
        return "he" if words & self.masculine else None


def name_run(text: str, words: SpeakerWords, toks: list[Token], k: int,
             step: int) -> list[Token]:
    """Capitalised words running from index k away from a verb (step -1 backwards, +1 on),
    joined only by spaces or the dot of an abbreviation ("Mr. Brecht", "J. Okafor")."""
    joiners, verbs = words.joiners, words.verbs  # `is_name_word`, inline: called per word
    if not 0 <= k < len(toks) or not (toks[k].text[0].isupper() or toks[k].norm in joiners) \
            or toks[k].norm in verbs:
        return []  # (most calls: no name where the run would start)
    run: list[Token] = []
    while 0 <= k < len(toks) and len(run) < MAX_NAME_WORDS:
        tok = toks[k]
        if not (tok.text[0].isupper() or tok.norm in joiners) or tok.norm in verbs:
            break
        if run:
            a, b = (tok, run[-1]) if step < 0 else (run[-1], tok)
            if text[a.end:b.start].strip(" ."):
                break
        run.append(tok)
        k += step
    if not run:
        return run
    if step < 0:
        run.reverse()
    lead, tail = words.run_lead, words.run_tail
    while run and (run[0].norm in lead or run[0].base in words.lead):
        run.pop(0)
    while run and run[-1].norm in tail:
        run.pop()
    return run


def _comma(text: str, a: Token, b: Token) -> bool:
    return "," in text[a.end:b.start]


def _before_appositive(text: str, words: SpeakerWords, toks: list[Token],
                       k: int, tag: bool = False) -> list[Token]:
    """The name before a comma-enclosed appositive that ends just before toks[k]
    ("Petra Lind, a ferry pilot, said"; "the union's lawyer, Karin Dahl, said" is a plain
    name before the verb and needs no help)."""
    if k < 2 or not _comma(text, toks[k - 1], toks[k]):
        return []
    for j in range(k - 2, max(k - 2 - APPOSITIVE_WORDS, -1), -1):
        if _comma(text, toks[j], toks[j + 1]):
            run = name_run(text, words, toks, j, -1)
            return run if run and (tag or toks[j + 1].norm in words.det | RELATIVE | {"the"}
                                   or toks[k - 1].base in words.roles) else []
    return []


def _after_inverted(text: str, words: SpeakerWords, toks: list[Token], k: int) -> list[Token]:
    """The name after an inverted verb: "said Ann Holt", "predicted economist Lena Moss",
    "said the mayor, Ana Ruiz" (the name in apposition to a role)."""
    j = k + 1
    while j < len(toks) and j - k - 1 < ROLE_LEAD and not words.is_name_word(toks[j]) \
            and not _comma(text, toks[j - 1], toks[j]) and toks[j].norm not in words.appositive:
        j += 1
    if j >= len(toks):
        return []
    if j > k + 1 and toks[j - 1].base not in words.roles and not _comma(text, toks[j - 1], toks[j]) \
            and any(t.norm in words.lead or t.norm in words.appositive or t.norm in words.det
                    or t.norm in words.pronouns or t.norm in words.skip for t in toks[k + 1:j]):
        return []  # a role or a modifier stands between: "said economist Lena Moss", "said
        # former Senator Ek", not "said on CBS", "said it", "said that Ek"
    run = name_run(text, words, toks, j, 1)
    end = j + len(run)
    if run and end + 1 < len(toks) and toks[end].base in words.roles \
            and words.is_name_word(toks[end + 1]):
        return name_run(text, words, toks, end + 1, 1) or run  # "said Ek spokeswoman Ann Holt"
    if run or j >= len(toks) or not _comma(text, toks[j - 1], toks[j]):
        return run
    return name_run(text, words, toks, j, 1)


def _role(text: str, words: SpeakerWords, toks: list[Token], first: int, last: int) -> str | None:
    """A role that stands for a speaker in toks[first:last] ("a spokesperson for the ministry",
    "the ministry's spokeswoman", "the finance minister"): it opens with a determiner or a
    possessive and holds a role noun."""
    span = toks[first:last]
    if not span or len(span) > ROLE_WORDS or span[0].norm not in words.definite and \
            span[0].norm == span[0].base:
        return None
    if any(_comma(text, a, b) for a, b in zip(span, span[1:])):
        return None
    roles = [i for i, t in enumerate(span) if t.base in words.roles]
    if not roles:
        return None
    tail = span[roles[-1] + 1:]
    if tail and tail[0].norm not in words.appositive and tail[0].norm not in words.joiners:
        return None  # "a spokesman declined to (say)": the role is not where the phrase ends
    return text[span[0].start:span[-1].end]


def _role_before(text: str, words: SpeakerWords, toks: list[Token], k: int) -> str | None:
    """The role phrase that ends just before the verb toks[k], from its determiner or from
    the possessive name that owns it ("Ms. Lind's lawyer")."""
    if k >= 2 and toks[k - 1].base in words.roles and toks[k - 2].norm != toks[k - 2].base:
        run = name_run(text, words, toks, k - 2, -1)
        if run:
            return text[run[0].start:toks[k - 1].end]
    for first in range(k - 1, max(k - 1 - ROLE_WORDS, -1), -1):
        if toks[first].norm in words.definite and (
                first == 0 or toks[first - 1].norm not in words.appositive):
            return _role(text, words, toks, first, k)
    return None


def _role_after(text: str, words: SpeakerWords, toks: list[Token], k: int) -> str | None:
    """The role phrase after an inverted verb ("said a spokesman for the port authority")."""
    last = k + 1
    while last < len(toks) and last - k <= ROLE_WORDS and not (
            last > k + 1 and _comma(text, toks[last - 1], toks[last])):
        last += 1
    while last > k + 1 and toks[last - 1].norm in words.appositive | {"on", "in", "at"}:
        last -= 1
    # "said a spokesman for the port authority on Monday": stop before a time phrase
    for j in range(k + 2, last):
        if toks[j].norm in ("on", "in", "at") and toks[j - 1].base not in words.roles:
            last = j
            break
    return _role(text, words, toks, k + 1, last)


DESCRIPTION_WORDS = 4  # "the committee's December brief", "the Clinton campaign"
DESCRIPTION_OPENERS = frozenset({"the", "his", "her", "its", "their"})


def _description_word(words: SpeakerWords, tok: Token) -> bool:
    """A word inside a definite description: not a function word, a verb or an adverb."""
    n = tok.norm
    return not (n in words.lead or n in words.det or n in words.pronouns or n in words.skip
                or n in words.be
                or n in words.verbs or n in words.appositive or n in words.hypothetical
                or tok.text.islower() and n.endswith("ly") or not tok.text[0].isalpha())


def _description(text: str, words: SpeakerWords, span: list[Token]) -> str | None:
    """A definite description that names a speaker without a name ("the source", "the
    pontiff", "Abbott's campaign", "the committee's December brief"): "the" or a possessive
    name, then up to `DESCRIPTION_WORDS` words ending in a lower-case noun, no comma."""
    if len(span) < 2 or len(span) > DESCRIPTION_WORDS + 1 or not span[-1].text.islower():
        return None
    head = span[0]
    owner = head.norm != head.base and head.text[0].isupper()  # "Abbott's campaign"
    if head.norm not in DESCRIPTION_OPENERS and not owner:
        return None
    if not all(_description_word(words, t) for t in span[1:]) or any(
            _comma(text, a, b) for a, b in zip(span, span[1:])):
        return None
    return text[span[0].start:span[-1].end]


def _description_before(text: str, words: SpeakerWords, toks: list[Token], k: int) -> str | None:
    """The definite description that is the subject of the verb toks[k] ("the pontiff said",
    "the resolution had described"), past auxiliaries."""
    if toks[k].norm not in words.verbs:
        return None  # "the banner read": a sign, not a speaker
    while k and toks[k - 1].norm in words.skip and toks[k - 1].norm not in words.hypothetical:
        k -= 1
    if not k or _comma(text, toks[k - 1], toks[k]):
        return None  # "…, Obama's former adviser, said": an appositive, not the subject
    for first in range(k - 2, max(k - 2 - DESCRIPTION_WORDS, -1), -1):
        owner = toks[first].norm != toks[first].base and toks[first].text[0].isupper()
        if toks[first].norm in DESCRIPTION_OPENERS or owner:
            if first and toks[first - 1].norm in words.appositive | {"and", "or"}:
                return None  # "the head of the agency said": not the whole subject
            found = _description(text, words, toks[first:k])
            run = name_run(text, words, toks, first - 1, -1) if owner and first else []
            return text[run[0].start:toks[k - 1].end] if found and run else found
    return None


def _description_after(text: str, words: SpeakerWords, toks: list[Token], k: int) -> str | None:
    """The definite description after an inverted verb ("…,” said the source.")."""
    if toks[k].norm not in words.verbs:
        return None
    last = k + 2
    while last < len(toks) and last - k <= DESCRIPTION_WORDS and not _comma(
            text, toks[last - 1], toks[last]) and _description_word(words, toks[last]):
        last += 1
    return _description(text, words, toks[k + 1:last])


def speaker_at(text: str, words: SpeakerWords, toks: list[Token], k: int,
               inverted: bool = True) -> str | None:
    """The speaker of speech verb toks[k]: a pronoun or name before it (or after it, where
    `inverted`: the verb opens the tag after a quote, "…," said Ann Holt), a role ("the
    finance minister said"), or None. The name after "told" is the person told, not the
    speaker."""
    if k and (toks[k].norm.endswith("ing") and toks[k].norm != "according"
              and _comma(text, toks[k - 1], toks[k]) or toks[k - 1].norm in ("and", "but")):
        # a participle after a comma, or a second verb, has the clause's subject: "Brandt
        # praised Ek, calling …", "Brandt called for … and added that …"
        return _main_subject(text, words, toks, k)
    subject = _before_adverbs(text, words, toks, k) or _quoted_as(text, words, toks, k)
    if subject:
        return subject
    if toks[k].norm == "according":
        j = k + 2 + (k + 2 < len(toks) and toks[k + 2].norm == "the")
        run = name_run(text, words, toks, j, 1) if k + 1 < len(toks) and toks[k + 1].norm == "to" else []
    else:
        if k and toks[k - 1].norm in words.pronouns:
            return toks[k - 1].norm
        run = name_run(text, words, toks, k - 1, -1)
        if run and run[-1].norm != run[-1].base:
            run = []  # "Lind's lawyer said": the name owns the speaker, it is not the speaker
        if run and PARTY_TAG.match(run[0].text):  # "Sen. Lind, D-Ostby, said"
            run = _before_appositive(text, words, toks, k, tag=True)
        if run and _in_appositive(words, toks, k - len(run)):
            run = _subject(text, words, toks, k) or run
        if run and k - len(run) >= 2 and _comma(text, toks[k - len(run) - 1], run[0]) \
                and _comma(text, run[-1], toks[k]):
            # "Raul Labrador, Idaho Republican, told": the name before the appositive
            run = name_run(text, words, toks, k - len(run) - 1, -1) or run
        elif run and run[0] is toks[k - len(run)] and _comma(text, run[-1], toks[k]):
            # "Gareth Price, a fellow at the think-tank Chatham House, said": the subject
            # that a comma closes, not the name that ends its appositive
            head = _subject(text, words, toks, k - len(run))
            end = next((i + 1 for i in range(max(k - len(run) - SUBJECT_REACH, 0), k)
                        if head and toks[i] is head[-1]), 0)
            if head and end < k - len(run) and _comma(text, head[-1], toks[end]):
                run = head
        run = run or _before_appositive(text, words, toks, k)
        if not run and inverted and toks[k].norm not in words.addressee:
            run = _after_inverted(text, words, toks, k)
    if run and run[-1].norm != run[-1].base:
        run = []  # a possessive owns the speaker ("Lind's lawyer"), it is not the speaker
    if run:
        return text[run[0].start:run[-1].end]
    role = _role_before(text, words, toks, k) or _description_before(text, words, toks, k)
    if role:
        return role
    if inverted and k + 1 < len(toks) and toks[k + 1].norm in words.pronouns:
        return toks[k + 1].norm
    if not inverted:
        return _opening_subject(text, words, toks, k)
    return _role_after(text, words, toks, k) or _description_after(text, words, toks, k)


def _opening_subject(text: str, words: SpeakerWords, toks: list[Token], k: int) -> str | None:
    """The pronoun or name that opens a clause with no comma before the verb toks[k], followed
    by a lower-case word: "Ek speaking at the pier told …", "The Chamber of Commerce issued a
    statement saying …". (No comma from the first word to the verb: no gap has one, and the
    gaps are not looked at one by one.)"""
    if k > SUBJECT_REACH or not toks[0].text[0].isupper() or (
            "," in text[toks[0].end:toks[k].start]
            and any(_comma(text, toks[i - 1], toks[i]) for i in range(1, k + 1))):
        return None  # not from a sentence's start, far from it, or past a comma
    first = next((i for i in range(k) if toks[i].norm not in words.lead), k)
    if first < k and toks[first].norm in words.pronouns:
        return toks[first].norm
    run = name_run(text, words, toks, first, 1) if first < k else []
    end = first + len(run)
    if not run or run[0] is not toks[first] or end >= k or run[-1].norm != run[-1].base \
            or not toks[end].text.isalpha() or not toks[end].text.islower():
        return None
    if end + 1 == k and toks[end].norm not in words.be:
        # a lower-case word right before the verb is the subject's head and the name only
        # its modifier: "U.S. officials said", "Chinese diplomats describe"
        return text[run[0].start:toks[end].end]
    return text[run[0].start:run[-1].end]


def _before_adverbs(text: str, words: SpeakerWords, toks: list[Token], k: int) -> str | None:
    """The pronoun or name before auxiliaries and adverbs that stand between it and the verb
    toks[k]: "she also said", "Ek recently claimed", "Ek, meanwhile, has promised"."""
    j, enclosed = k, False
    while j > 0 and toks[j - 1].norm not in words.hypothetical:
        aside = (toks[j - 1].text.islower() and toks[j - 1].norm in words.lead and j >= 2
                 and _comma(text, toks[j - 2], toks[j - 1])
                 and _comma(text, toks[j - 1], toks[j]))  # ", meanwhile,"
        if not (aside or toks[j - 1].norm in words.skip
                or toks[j - 1].text.islower() and toks[j - 1].norm.endswith("ly")):
            break
        j, enclosed = j - 1, aside
    if j == k or not j or _comma(text, toks[j - 1], toks[j]) and not enclosed:
        return None  # "Maloney, D-N.Y., simply said": the appositive rules decide
    if toks[j - 1].norm in words.pronouns:
        return toks[j - 1].norm
    run = name_run(text, words, toks, j - 1, -1)
    return text[run[0].start:run[-1].end] if run and run[-1].norm == run[-1].base else None


def _quoted_as(text: str, words: SpeakerWords, toks: list[Token], k: int) -> str | None:
    """The person quoted "as saying": "Wolff quotes Bannon as saying", "Bannon is quoted as
    saying", "Bannon was quoted in the book as saying"."""
    if k < 2 or toks[k - 1].norm != "as":
        return None
    j = k - 2
    while j >= 0 and (toks[j].norm.startswith("quot") or toks[j].norm in words.be
                      or toks[j].text.islower() and toks[j].norm in words.skip):
        j -= 1
    run = name_run(text, words, toks, j, -1) if j >= 0 else []
    if j >= 0 and toks[j].norm in words.pronouns:
        return toks[j].norm
    return text[run[0].start:run[-1].end] if run and run[-1].norm == run[-1].base else None


def _main_subject(text: str, words: SpeakerWords, toks: list[Token], k: int) -> str | None:
    """The subject of the main clause before toks[k], a name or pronoun: the one the sentence
    opens with ("Brandt praised Ek, calling …"), or the first after a fronted phrase that a
    comma closes, one that opens with a lead word or a participle or has two words at most
    ("As Ek spoke, Ms. Lind left, saying …"; "Last week, she wrote, calling …")."""
    first = next((i for i, t in enumerate(toks[:k]) if t.norm not in words.lead), k)
    comma = next((j for j in range(first + 1, min(k, first + SUBJECT_REACH))
                  if _comma(text, toks[j - 1], toks[j])), k)
    fronted = first > 0 or comma - first <= 2 or toks[first].norm.endswith("ing")
    for i in (comma, first) if fronted else (first, comma):
        if i >= k:
            continue
        if toks[i].norm in words.pronouns:
            return toks[i].norm
        run = name_run(text, words, toks, i, 1) if words.is_name_word(toks[i]) else []
        if len(run) == 1 and run[0].norm.endswith("ing"):
            continue  # an opening participle ("Leaving the hall, …") is no name
        if run and run[0] is toks[i] and run[-1].norm == run[-1].base:
            return text[run[0].start:run[-1].end]
    # a role that opens the sentence: "A spokesman declined to say more, but said …"
    end = next((j + 1 for j in range(min(ROLE_WORDS, k)) if toks[j].base in words.roles), 0)
    return _role(text, words, toks, 0, end) if end else None


def _in_appositive(words: SpeakerWords, toks: list[Token], first: int) -> bool:
    """A name after a preposition (and article): "an ecologist at the University of X"."""
    k = first - 1
    if k >= 0 and toks[k].norm in ("the", "a", "an"):
        k -= 1
    return k >= 0 and toks[k].norm in words.appositive


def _subject(text: str, words: SpeakerWords, toks: list[Token], k: int,
             opening: bool = False) -> list[Token]:
    """The first name in the clause before toks[k] (within `SUBJECT_REACH` words, so long
    sentences stay linear): the subject of an appositive sentence; with `opening`, only a
    name that opens the sentence (after lead words)."""
    first = 0
    while first < k and toks[first].norm in words.lead:
        first += 1
    lo, hi = (0, min(first + 1, k)) if opening else (max(k - SUBJECT_REACH, 0), k)
    for i in range(lo, hi):
        if words.is_name_word(toks[i]) and toks[i].norm not in words.joiners:
            run = name_run(text, words, toks, i, 1)
            if run:
                return run
    return []


def is_pronoun(words: SpeakerWords, speaker: str | None) -> bool:
    return speaker is not None and speaker in words.pronouns
