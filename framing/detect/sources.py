"""Sourcing: named speakers (direct quotes, "X said", "according to X") and anonymous sources."""
from __future__ import annotations

from dataclasses import replace

from framing.detect.speakers import SpeakerWords, is_pronoun, speaker_at
from framing.lexicon import Lexicon
from framing.model import Flag, Quote, Source, Token


PRONOUN_REACH = 80


def _key(name: str) -> str:
    """People are merged by surname: "Mayor Tomas Reinholt" and "Mr. Reinholt" are one source."""
    return name.split()[-1].lower()


class _Registry:
    def __init__(self) -> None:
        self.named: dict[str, dict] = {}

    def mention(self, name: str, start: int, end: int, quote: bool) -> str:
        entry = self.named.setdefault(_key(name), {"name": name, "quotes": 0, "mentions": []})
        if len(name) > len(entry["name"]):
            entry["name"] = name
        entry["quotes"] += quote
        entry["mentions"].append((start, end))
        return entry["name"]

    def resolve(self, text: str, words: SpeakerWords, before: list[Token]) -> str | None:
        """The person a pronoun stands for: the nearest known speaker or titled name before it."""
        i = len(before) - 1
        while i >= max(len(before) - PRONOUN_REACH, 0):
            if not before[i].text[0].isupper():
                i -= 1
                continue
            first = i
            while first > 0 and before[first - 1].text[0].isupper():
                first -= 1
            run = before[first:i + 1]
            known = next((t.base for t in reversed(run) if t.base in self.named), None)
            if known:
                return self.named[known]["name"]
            if run[0].norm in words.honorifics and len(run) > 1:
                return text[run[0].start:run[-1].end]
            i = first - 1
        return None


def find_sources(text: str, sentence_tokens: list[list[Token]], quotes: list[Quote],
                 flags: list[Flag], lexicon: Lexicon) -> tuple[list[Source], list[Quote]]:
    """Sources in order of first mention, and the quotes with pronoun speakers resolved."""
    words = SpeakerWords.of(lexicon)
    anonymous = [f for f in flags if f.kind == "anonymous"]
    events: list[tuple[int, str, object]] = [(q.start, "quote", q) for q in quotes
                                             if q.kind == "direct"]
    for toks in sentence_tokens:
        for k, tok in enumerate(toks):
            inside = any(q.start <= tok.start < q.end for q in quotes)
            covered = any(f.start <= tok.start < f.end for f in anonymous)
            if tok.norm in words.verbs and not inside and not covered:
                events.append((tok.start, "verb", (toks, k)))
    events.sort(key=lambda e: e[0])
    registry = _Registry()
    resolved: dict[int, Quote] = {}
    for offset, kind, payload in events:
        if kind == "quote":
            q = payload
            speaker = q.speaker
            if is_pronoun(words, speaker):
                before = [t for toks in sentence_tokens for t in toks
                          if t.end <= q.start and not any(o.start <= t.start < o.end for o in quotes)]
                speaker = registry.resolve(text, words, before)
            if speaker:
                speaker = registry.mention(speaker, q.start, q.end, quote=True)
            resolved[q.start] = replace(q, speaker=speaker)
            continue
        toks, k = payload
        speaker = speaker_at(text, words, toks, k)
        if speaker and not is_pronoun(words, speaker):
            registry.mention(speaker, toks[k].start, toks[k].end, quote=False)
    sources = [Source(e["name"], "named", e["quotes"], tuple(e["mentions"]))
               for e in registry.named.values()]
    by_term: dict[str, list[Flag]] = {}
    for f in anonymous:
        by_term.setdefault(f.term, []).append(f)
    sources += [Source(term, "anonymous", 0,
                       tuple((f.start, f.end) for f in fs)) for term, fs in by_term.items()]
    sources.sort(key=lambda s: s.mentions[0][0])
    return sources, [resolved.get(q.start, q) for q in quotes]
