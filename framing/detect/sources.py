"""Sourcing: named speakers (direct quotes, "X said", "according to X") and anonymous sources."""
from __future__ import annotations

from dataclasses import replace

from framing.detect.speakers import SpeakerWords, is_pronoun, speaker_at
from framing.lexicon import Lexicon
from framing.results import Flag, Quote, Source, Token
from framing.segment import normalise, sentence_of, starts_within


PRONOUN_SENTENCES = 5


def _key(name: str) -> str:
    """People are merged by surname: "Mayor Tomas Reinholt" and "Mr. Reinholt" are one source."""
    return normalise(name.split()[-1]).removesuffix("'s")


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
        """The person a pronoun stands for (`before`: the few sentences before it): the subject
        of the nearest earlier sentence that opens with a person (a known speaker, a titled name, or a full name), skipping
        sentences that open with a pronoun themselves ("He said… He added…")."""
        for toks in reversed(before):
            run = _opening_name(words, toks)
            if not run:
                continue
            known = next((t.base for t in reversed(run) if t.base in self.named), None)
            if known:
                return self.named[known]["name"]
            if run[0].norm in words.honorifics or len(run) >= 2:
                return text[run[0].start:run[-1].end]
            return None
        return None


def _opening_name(words: SpeakerWords, toks: list[Token]) -> list[Token] | None:
    """The capitalised name a sentence opens with (after lead words like "But"), else None
    (also when it opens with a pronoun: the search goes on to the sentence before)."""
    i = 0
    while i < len(toks) and toks[i].norm in words.lead:
        i += 1
    if i < len(toks) and toks[i].norm in words.pronouns:
        return None
    run = []
    while i < len(toks) and words.is_name_word(toks[i]):
        run.append(toks[i])
        i += 1
    while run and run[-1].norm in words.joiners:
        run.pop()
    return run if run and run[-1].norm == run[-1].base else None


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


def find_sources(text: str, spans: list[tuple[int, int]], sentence_tokens: list[list[Token]],
                 quotes: list[Quote], flags: list[Flag],
                 lexicon: Lexicon) -> tuple[list[Source], list[Quote]]:
    """Sources in order of first mention, and the quotes with pronoun speakers resolved
    (`spans`: the sentences, `sentence_tokens`: their words)."""
    words = SpeakerWords.of(lexicon)
    anonymous = [f for f in flags if f.kind == "anonymous"]
    speech = [q for q in quotes if q.speech]
    all_tokens = [t for toks in sentence_tokens for t in toks]
    quoted = starts_within(all_tokens, [(q.start, q.end) for q in quotes])
    covered = starts_within(all_tokens, [(f.start, f.end) for f in anonymous])
    with_speech = {sentence_of(spans, q.start) for q in speech}
    events: list[tuple[int, str, object]] = [(q.start, "quote", q) for q in speech]
    for i, toks in enumerate(sentence_tokens):
        if i in with_speech:
            continue  # the quote's own attribution
        events += [(tok.start, "verb", (toks, k)) for k, tok in enumerate(toks)
                   if tok.norm in words.verbs and tok.start not in quoted
                   and tok.start not in covered]
    events.sort(key=lambda e: e[0])
    registry = _Registry()
    resolved: dict[int, Quote] = {}
    for offset, kind, payload in events:
        if kind == "quote":
            q = payload
            speaker = q.speaker
            if is_pronoun(words, speaker):
                last = sentence_of(spans, q.start) + 1
                before = [[t for t in toks if t.end <= q.start and t.start not in quoted]
                          for toks in sentence_tokens[max(last - PRONOUN_SENTENCES, 0):last]]
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
