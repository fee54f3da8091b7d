"""Who is speaking: names next to speech verbs ("…," Mayor Ann Holt said; according to X)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from framing.lexicon import Lexicon
from framing.results import Token

MAX_NAME_WORDS = 8
SUBJECT_REACH = 30


@dataclass(frozen=True)
class SpeakerWords:
    """The word classes (lexicons/classes.toml) that attribution rests on."""

    verbs: frozenset[str]
    lead: frozenset[str]
    joiners: frozenset[str]
    pronouns: frozenset[str]
    honorifics: frozenset[str]
    appositive: frozenset[str]

    @classmethod
    def of(cls, lexicon: Lexicon) -> SpeakerWords:
        get = lexicon.classes.get
        return cls(*(get(name, frozenset()) for name in (
            "speech_verb", "speaker_lead", "name_joiner", "pronoun", "honorific",
            "appositive_prep")))

    def is_name_word(self, tok: Token) -> bool:
        return (tok.text[0].isupper() or tok.norm in self.joiners) and tok.norm not in self.verbs


def name_run(text: str, words: SpeakerWords, toks: list[Token], k: int,
             step: int) -> list[Token]:
    """Capitalised words running from index k away from a verb (step -1 backwards, +1 on),
    joined only by spaces or the dot of an abbreviation ("Mr. Brecht", "J. Okafor")."""
    run: list[Token] = []
    while 0 <= k < len(toks) and words.is_name_word(toks[k]) and len(run) < MAX_NAME_WORDS:
        if run:
            a, b = (toks[k], run[-1]) if step < 0 else (run[-1], toks[k])
            if text[a.end:b.start].strip(" ."):
                break
        run.append(toks[k])
        k += step
    if step < 0:
        run.reverse()
    while run and (run[0].norm in words.lead or run[0].norm in words.joiners
                   or run[0].norm in words.pronouns):
        run.pop(0)
    while run and run[-1].norm in words.joiners:
        run.pop()
    return run


def speaker_at(text: str, words: SpeakerWords, toks: list[Token], k: int,
               inverted: bool = True) -> str | None:
    """The speaker of speech verb toks[k]: a name before it (or after it, where a quote allows
    the inverted "…," said Ann Holt), a pronoun, or None."""
    if toks[k].norm == "according":
        j = k + 2 + (k + 2 < len(toks) and toks[k + 2].norm == "the")
        run = name_run(text, words, toks, j, 1) if k + 1 < len(toks) and toks[k + 1].norm == "to" else []
    else:
        run = name_run(text, words, toks, k - 1, -1)
        first = _index(toks, run[0]) if run else 0
        if run and _in_appositive(words, toks, first):
            run = _subject(text, words, toks, first) or run
        run = run or (name_run(text, words, toks, k + 1, 1) if inverted else [])
    if run:
        return text[run[0].start:run[-1].end]
    for j in (k - 1, k + 1):
        if 0 <= j < len(toks) and toks[j].norm in words.pronouns:
            return toks[j].norm
    return None


def _index(toks: list[Token], tok: Token) -> int:
    """Where `tok` stands in `toks` (ordered by offset), found by bisection, not a scan."""
    return bisect.bisect_left(toks, tok.start, key=lambda t: t.start)


def _in_appositive(words: SpeakerWords, toks: list[Token], first: int) -> bool:
    """A name after a preposition (and article): "an ecologist at the University of X"."""
    k = first - 1
    if k >= 0 and toks[k].norm in ("the", "a", "an"):
        k -= 1
    return k >= 0 and toks[k].norm in words.appositive


def _subject(text: str, words: SpeakerWords, toks: list[Token], first: int) -> list[Token]:
    """The subject of an appositive sentence: the first name within `SUBJECT_REACH` words
    before the appositive's name toks[first] (a bounded search keeps long sentences linear)."""
    for i in range(max(first - SUBJECT_REACH, 0), first):
        if words.is_name_word(toks[i]) and toks[i].norm not in words.joiners:
            run = name_run(text, words, toks, i, 1)
            if run:
                return run
    return []


def is_pronoun(words: SpeakerWords, speaker: str | None) -> bool:
    return speaker is not None and speaker in words.pronouns
