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

    def resolve(self, text: str, words: SpeakerWords, before: list[list[Token]]) -> str | None:
        """The person a pronoun stands for: the nearest known speaker or titled name before it,
        looking back sentence by sentence (`before` holds each earlier sentence's tokens)."""
        reach = PRONOUN_REACH
        for toks in reversed(before):
            runs: list[list[Token]] = []
            for i, tok in enumerate(toks):
                if tok.text[0].isupper():
                    if i and runs and runs[-1][-1] is toks[i - 1]:
                        runs[-1].append(tok)
                    else:
                        runs.append([tok])
            for run in reversed(runs):
                known = next((t.base for t in reversed(run) if t.base in self.named), None)
                if known:
                    return self.named[known]["name"]
                titled = next((i for i, t in enumerate(run) if t.norm in words.honorifics), None)
                if titled is not None and titled < len(run) - 1:
                    return text[run[titled].start:run[-1].end]
            reach -= len(toks)
            if reach <= 0:
                break
        return None


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
        if prev and prev.speaker and "\n" not in text[prev.end:q.start]:
            out.append((q, prev.speaker))
        elif (nxt and nxt.speaker and q.text[-1] not in "”\"’'"
              and not text[q.end:nxt.start].strip()):
            out.append((q, nxt.speaker))
    return out


def find_sources(text: str, sentence_tokens: list[list[Token]], quotes: list[Quote],
                 flags: list[Flag], lexicon: Lexicon) -> tuple[list[Source], list[Quote]]:
    """Sources in order of first mention, and the quotes with pronoun speakers resolved."""
    words = SpeakerWords.of(lexicon)
    anonymous = [f for f in flags if f.kind == "anonymous"]
    speech = [q for q in quotes if q.speech]
    events: list[tuple[int, str, object]] = [(q.start, "quote", q) for q in speech]
    for toks in sentence_tokens:
        if not toks or any(toks[0].start <= q.start <= toks[-1].end for q in speech):
            continue  # the quote's own attribution
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
                before = [[t for t in toks if t.end <= q.start
                           and not any(o.start <= t.start < o.end for o in quotes)]
                          for toks in sentence_tokens if toks and toks[0].start < q.start]
                speaker = registry.resolve(text, words, before)
            if speaker:
                speaker = registry.mention(speaker, q.start, q.end, quote=q.kind == "direct")
            resolved[q.start] = replace(q, speaker=speaker)
            continue
        toks, k = payload
        speaker = speaker_at(text, words, toks, k, inverted=False)
        if speaker and not is_pronoun(words, speaker):
            registry.mention(speaker, toks[k].start, toks[k].end, quote=False)
    quotes = [resolved.get(q.start, q) for q in quotes]
    for q, speaker in _continuations(text, quotes):
        resolved[q.start] = replace(q, speaker=registry.mention(speaker, q.start, q.end, quote=True))
    sources = [Source(e["name"], "named", e["quotes"], tuple(e["mentions"]))
               for e in registry.named.values()]
    by_term: dict[str, list[Flag]] = {}
    for f in anonymous:
        by_term.setdefault(f.term, []).append(f)
    sources += [Source(term, "anonymous", 0,
                       tuple((f.start, f.end) for f in fs)) for term, fs in by_term.items()]
    sources.sort(key=lambda s: s.mentions[0][0])
    return sources, [resolved.get(q.start, q) for q in quotes]
