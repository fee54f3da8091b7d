"""Sourcing: named speakers (direct quotes, "X said", "according to X") and anonymous sources."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from itertools import accumulate, chain, compress
from operator import attrgetter, itemgetter, or_

from framing.detect.speakers import (DESCRIPTION_OPENERS, MAX_NAME_WORDS, SpeakerWords,
                                     is_pronoun, name_run, speaker_at)
from framing.lexicon import Lexicon
from framing.results import Flag, Quote, Source, Token
from framing.segment import normalise, sentence_of, starts_within


PRONOUN_SENTENCES = 5
# a sentence that ends and another that starts before the next quote ("…," said his office.
# Rep. Ek, who …, “…”): that quote is not the second half of the first
SENTENCE_GOES_ON = re.compile(r"[.!?]\s+[^\s“\"‘']")
OPENING_WORDS = 16  # words past a sentence's lead words that `_opening_name` can reach
OPENERS = "“\"‘'(["  # a capital right after these may only open a quotation
_TEXT, _NORM, _FIRST = attrgetter("text"), attrgetter("norm"), itemgetter(0)


def _key(name: str) -> str:
    """People are merged by surname: "Mayor Tomas Reinholt" and "Mr. Reinholt" are one source."""
    return normalise(name.split()[-1]).removesuffix("'s")


class _Registry:
    """Named sources by surname key. `names`: the fullest multi-word name each key has in the
    text, with its first offset, so that a later "Reinholt said" is shown as the "Mayor Tomas
    Reinholt" introduced before; `evidence`: words seen capitalised where no sentence starts,
    without which a lone capitalised word ("Lawmakers said") is no name."""

    def __init__(self, names: dict[str, tuple[int, str]], evidence: set[str]) -> None:
        self.named: dict[str, dict] = {}
        self.names = names
        self.evidence = evidence
        self.last: str | None = None  # the key of the latest person mentioned as a speaker
        self.last_at = -1  # where the latest direct quote with a named speaker starts

    def accepts(self, words: SpeakerWords, name: str) -> bool:
        """A person or organisation: several words, a known surname, or a word written with a
        capital where it does not open a sentence; or a role ("a spokesperson for …")."""
        parts = name.split()
        if len(parts) > 1 or _key(name) in self.names or parts[0].lower() in words.det:
            return True
        # a lone word needs a capital away from a sentence's start, and a plural
        # ("Republicans say") is a group, not a person
        return _key(name) in self.evidence and not name.endswith("s")

    def mention(self, name: str, start: int, end: int, quote: bool) -> str:
        key = _key(name)
        full = self.names.get(key)
        entry = self.named.setdefault(key, {"name": name, "quotes": 0, "mentions": []})
        for candidate in (name, full[1] if full and full[0] < start else ""):
            if len(candidate) > len(entry["name"]):
                entry["name"] = candidate
        entry["quotes"] += quote
        entry["mentions"].append((start, end))
        if name.split()[0].lower() not in ("the", "a", "an"):
            self.last = key
            if quote:
                self.last_at = start
        return entry["name"]

    def resolve(self, text: str, words: SpeakerWords, before: list[list[Token]],
                pronoun: str) -> str | None:
        """The person a pronoun stands for (`before`: the few sentences before it): the subject
        of the nearest earlier sentence that opens with a person (a known speaker, a titled
        name, or a full name) whose honorific does not contradict the pronoun ("she" is not
        "Mr. Ek"), skipping sentences that open with a pronoun themselves; failing that, the
        latest named speaker, as soon as the search reaches the sentence where they spoke."""
        latest = self._last_speaker(words, pronoun)
        for toks in reversed(before):
            if latest and toks and toks[0].start <= self.last_at and self.named[self.last]["quotes"]:
                return latest  # "Hedman responded: “…” She also noted …": the latest speaker
            run = _opening_name(text, words, toks)
            if not run:
                continue
            known = _key(text[run[0].start:run[-1].end])  # by surname, not "House" in
            known = known if known in self.named else None  # "House Chairwoman Ann Holt"
            name = self.named[known]["name"] if known else text[run[0].start:run[-1].end]
            gender = words.gender(name)
            if pronoun in ("he", "she") and (gender and gender != pronoun
                                             or _organisation(words, name)):
                continue
            if known:
                return name
            if run[0].norm in words.honorifics or len(run) >= 2:
                return name
            break
        return self._last_speaker(words, pronoun)

    def _last_speaker(self, words: SpeakerWords, pronoun: str) -> str | None:
        """The latest named speaker, unless their honorific contradicts the pronoun or the
        name is an organisation's ("of"): in news copy "he said" most often goes on with the
        person quoted last."""
        if self.last is None or pronoun not in ("he", "she"):
            return None
        name = self.named[self.last]["name"]
        if _organisation(words, name):
            return None
        gender = words.gender(name)
        return None if gender and gender != pronoun else name


def _organisation(words: SpeakerWords, name: str) -> bool:
    """A name with "of" and the like is an organisation's ("the Chamber of Commerce"), no "he"."""
    return any(w.lower() in words.joiners for w in name.split()[1:])


def _opening_name(text: str, words: SpeakerWords, toks: list[Token]) -> list[Token] | None:
    """The capitalised name a sentence opens with (after lead words like "But"), or the name
    in apposition to an opening role ("The mayor, Tomas Reinholt, opened …"), else None
    (also when it opens with a pronoun: the search goes on to the sentence before)."""
    i = 0
    while i < len(toks) and toks[i].norm in words.lead:
        i += 1
    if i < len(toks) and toks[i].norm in words.pronouns:
        return None
    run = name_run(text, words, toks, i, 1) if i < len(toks) else []
    i += len(run)
    if not run and 0 < i < len(toks) and toks[0].norm in words.definite:
        comma = next((j for j in range(i, min(i + 4, len(toks) - 1))
                      if "," in text[toks[j].end:toks[j + 1].start]), None)
        if comma is not None:
            run = name_run(text, words, toks, comma + 1, 1)
    return run if run and run[-1].norm == run[-1].base else None


def _opening_words(words: SpeakerWords, toks: list[Token], end: int,
                   quoted: set[int]) -> list[Token]:
    """A sentence's words before offset `end` and outside quotes, as far as `_opening_name`
    reads them (its lead words and OPENING_WORDS more): a pronoun deep in a long sentence
    does not copy the whole sentence (keeps 10,000 quotes in one sentence linear time)."""
    out: list[Token] = []
    lead = 0
    for t in toks:
        if t.end > end or len(out) >= lead + OPENING_WORDS:
            break
        if t.start in quoted:
            continue
        if lead == len(out) and t.norm in words.lead:
            lead += 1
        out.append(t)
    return out


def _names(text: str, words: SpeakerWords,
           sentence_tokens: list[list[Token]]) -> tuple[dict[str, tuple[int, str]], set[str]]:
    """(the longest multi-word name per surname key with its first offset, the words written
    with a capital away from a sentence's start), for `_Registry`.

    Only a capitalised word or a joiner may start a name run or be evidence: the other words
    (most) are skipped, tested in C. `name_run` is called only where a name of two words may
    start: not where the next word cannot go on a run (a run of one word names no one, and
    the scan resumes at the next word anyway), nor at a word the run would drop from its start
    ("The", "of", "But") when the run from there is shorter than `MAX_NAME_WORDS`: that run,
    its first word dropped, is the run from the next word, which the scan looks at next."""
    names: dict[str, tuple[int, str]] = {}
    evidence: set[str] = set()
    joiners, lead, run_lead = words.joiners, words.lead, words.run_lead
    # the tests of every word, made once over the article's words in C (not per sentence);
    # `g` indexes them, `g - first` the sentence's own words
    flat = list(chain.from_iterable(sentence_tokens))
    capital = list(map(str.isupper, map(_FIRST, map(_TEXT, flat))))
    starts = list(map(or_, capital, map(joiners.__contains__, map(_NORM, flat))))
    ends = list(accumulate(map(len, sentence_tokens)))
    s = first = end = 0  # the sentence of word g: its index, first word, end
    toks: list[Token] = []
    after = 0  # past the last name run (a run never crosses a sentence)
    for g in compress(range(len(flat)), starts):
        if g < after:
            continue
        if g >= end:
            s = bisect_right(ends, g, s)
            first, end, toks = ends[s - 1] if s else 0, ends[s], sentence_tokens[s]
        tok = flat[g]
        if g + 1 < end and starts[g + 1] and not (
                (tok.norm in run_lead or tok.base in lead)
                and (g + MAX_NAME_WORDS >= end or False in starts[g + 1:g + MAX_NAME_WORDS + 1])):
            run = name_run(text, words, toks, g - first, 1)
            if len(run) >= 2 and run[-1].norm == run[-1].base:
                joiner = next((j for j, t in enumerate(run) if t.norm in joiners), 0)
                for part in ([run, run[:joiner]] if joiner >= 2 else [run]):
                    # "Sen. Susan Collins of Maine" is also "Sen. Susan Collins"
                    name = text[part[0].start:part[-1].end]
                    key = _key(name)
                    if key not in names or len(name) > len(names[key][1]):
                        names[key] = (names.get(key, (part[0].start, ""))[0], name)
            if run and run[0] is tok:
                after = g + len(run)
        if g != first and capital[g] and tok.base not in evidence \
                and text[tok.start - 1] not in OPENERS \
                and text[flat[g - 1].end:tok.start].strip()[-1:] not in (":", "—"):
            evidence.add(tok.base)  # not right after an opening mark or a colon
    return names, evidence


ANTECEDENT_SENTENCES = 20  # how far back "the source" looks for "a source familiar with …"


def _is_description(words: SpeakerWords, speaker: str) -> bool:
    """A description rather than a name or role ("the source", "Abbott's campaign")."""
    parts = speaker.split()
    first = parts[0].lower()
    return (len(parts) > 1 and parts[-1].islower()
            and (first in DESCRIPTION_OPENERS or first.endswith(("'s", "’s")))
            and not any(p.lower() in words.roles for p in parts))


def _antecedent(text: str, words: SpeakerWords, before: list[list[Token]], speaker: str) -> str:
    """The indefinite phrase that introduced a definite description: "the source" goes back
    to "a source" in "a source familiar with the plan said …" (else the description itself)."""
    head = speaker.split()[-1].lower()
    for toks in reversed(before[-ANTECEDENT_SENTENCES:]):
        for i in range(len(toks) - 1, -1, -1):
            if toks[i].norm == head:
                first = next((j for j in range(i - 1, max(i - 4, -1), -1)
                              if toks[j].norm in ("a", "an")), None)
                if first is not None and all(words.is_name_word(t) or t.text.islower()
                                             and t.norm not in words.verbs
                                             for t in toks[first + 1:i]):
                    return text[toks[first].start:toks[i].end]
    return speaker


def _continuations(text: str, quotes: list[Quote]) -> list[tuple[Quote, str]]:
    """Unattributed direct quotes that continue a neighbour's: the second half of a quote split
    by its attribution in one paragraph, and a quote left open at a paragraph's end that the
    next paragraph reopens (the newspaper convention)."""
    direct = [q for q in quotes if q.kind == "direct"]
    out = []
    for i, q in enumerate(direct):
        if q.speaker:
            continue
        prev = direct[i - 1] if i else None
        nxt = direct[i + 1] if i + 1 < len(direct) else None
        between = text[prev.end:q.start] if prev else ""
        if prev and prev.speaker and "\n" not in between and not SENTENCE_GOES_ON.search(between):
            out.append((q, prev.speaker))
        elif (nxt and nxt.speaker and q.text[-1] not in "”\"’'"
              and not text[q.end:nxt.start].strip()):
            out.append((q, nxt.speaker))
    return out


def _holds(spans: list[tuple[int, int]], offsets: list[int], i: int) -> bool:
    """Whether `sentence_of(spans, o) == i` for one of the sorted offsets: one bisection for
    the sentence asked about, not one per offset (10,000 quotes, a few speech verbs)."""
    k = bisect_left(offsets, spans[i][0] if i else 0)
    return k < len(offsets) and (i + 1 == len(spans) or offsets[k] < spans[i + 1][0])


def find_sources(text: str, spans: list[tuple[int, int]], sentence_tokens: list[list[Token]],
                 quotes: list[Quote], flags: list[Flag],
                 lexicon: Lexicon) -> tuple[list[Source], list[Quote]]:
    """Sources in order of first mention, and the quotes with pronoun speakers resolved
    (`spans`: the sentences, `sentence_tokens`: their words)."""
    words = SpeakerWords.of(lexicon)
    anonymous = [f for f in flags if f.kind == "anonymous"]
    speech = [q for q in quotes if q.speech]
    all_tokens = list(chain.from_iterable(sentence_tokens))
    quoted = starts_within(all_tokens, [(q.start, q.end) for q in quotes])
    covered = starts_within(all_tokens, [(f.start, f.end) for f in anonymous])
    speech_starts = [q.start for q in speech]
    events: list[tuple[int, str, object]] = [(q.start, "quote", q) for q in speech]
    ends = list(accumulate(map(len, sentence_tokens)))  # sentence i: words ends[i - 1]:ends[i]
    for g in compress(range(len(all_tokens)),  # the speech verbs, found in one pass
                      map(words.verbs.__contains__, map(_NORM, all_tokens))):
        start = all_tokens[g].start
        i = bisect_right(ends, g)
        if start not in quoted and start not in covered \
                and not _holds(spans, speech_starts, i):
            # (a sentence with quoted speech: the verb is the quote's own attribution)
            events.append((start, "verb", (sentence_tokens[i], g - (ends[i - 1] if i else 0))))
    events.sort(key=lambda e: e[0])
    registry = _Registry(*_names(text, words, sentence_tokens))
    resolved: dict[int, Quote] = {}
    for offset, kind, payload in events:
        if kind == "quote":
            q = payload
            speaker = q.speaker
            if is_pronoun(words, speaker):
                last = sentence_of(spans, q.start) + 1
                before = [_opening_words(words, toks, q.start, quoted)
                          for toks in sentence_tokens[max(last - PRONOUN_SENTENCES, 0):last]]
                speaker = registry.resolve(text, words, before, speaker)
            if speaker and _is_description(words, speaker):
                # "said the source": a speaker, but no named source; shown as introduced
                resolved[q.start] = replace(q, speaker=_antecedent(
                    text, words, sentence_tokens[:sentence_of(spans, q.start)], speaker))
                continue
            if speaker and registry.accepts(words, speaker):
                speaker = registry.mention(speaker, q.start, q.end, quote=q.kind == "direct")
            else:
                speaker = None
            if speaker != q.speaker:  # (else the quote as it is: most have no speaker)
                resolved[q.start] = replace(q, speaker=speaker)
            continue
        toks, k = payload
        speaker = speaker_at(text, words, toks, k, inverted=False)
        if (speaker and not is_pronoun(words, speaker) and registry.accepts(words, speaker)
                and speaker.split()[0].lower() not in words.det):  # "The lawmaker said": anaphora
            registry.mention(speaker, toks[k].start, toks[k].end, quote=False)
    quotes = [resolved.get(q.start, q) for q in quotes]
    pronouns = {q.start for q in speech if is_pronoun(words, q.speaker)}
    for q, speaker in _continuations(text, quotes):
        if q.start in pronouns:
            continue  # its own "he said" named no one we know: no one else's either
        resolved[q.start] = replace(q, speaker=registry.mention(speaker, q.start, q.end, quote=True))
    sources = [Source(e["name"], "named", e["quotes"], tuple(e["mentions"]))
               for e in registry.named.values()]
    by_words: dict[str, list[Flag]] = {}
    for f in anonymous:  # under the article's own words ("Lawyers say"), not the headword
        by_words.setdefault(normalise(f.text), []).append(f)
    sources += [Source(fs[0].text, "anonymous", 0, tuple((f.start, f.end) for f in fs))
                for fs in by_words.values()]
    sources.sort(key=lambda s: s.mentions[0][0])
    return sources, [resolved.get(q.start, q) for q in quotes]
