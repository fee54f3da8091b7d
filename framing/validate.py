"""Run every lexicon entry's examples: `flag` sentences must produce the entry, `pass` must not;
and measure what the examples cover (every sense exception shown at work, every entry with a
must-not-flag example that contains its words)."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from framing.lexicon import Entry, Lexicon
from framing.match import Matcher, form_at, matches_in
from framing.results import Token
from framing.segment import sentence_spans, tokens


def flagged_ids(text: str, matcher: Matcher) -> set[str]:
    """Ids of the entries that match anywhere in `text`."""
    return {m.entry.id for _, _, m in matches_in(text, matcher)}


def check_examples(lexicon: Lexicon, entries: list[Entry] | tuple[Entry, ...]) -> list[str]:
    """One line per failing example, naming the file, the entry and what went wrong."""
    matcher = Matcher(lexicon)
    problems = []
    for entry in entries:
        for example in entry.flag_examples:
            if entry.id not in flagged_ids(example, matcher):
                problems.append(f"{entry.origin}: {entry.id}: should flag: {example}")
        for example in entry.pass_examples:
            if entry.id in flagged_ids(example, matcher):
                problems.append(f"{entry.origin}: {entry.id}: should not flag: {example}")
    return problems


@dataclass(frozen=True)
class Coverage:
    """What the examples exercise. `gaps`: one line per exception no example triggers and per
    entry whose must-not-flag examples never contain its words; `always`: entries flagged
    wherever their words stand (no exceptions, and a one-word form in every form), which no
    must-not-flag example can contain."""

    entries: int
    exceptions: int
    triggered: int
    reached: int
    always: int
    gaps: tuple[str, ...]

    def summary(self) -> str:
        return (f"coverage: {self.triggered} of {self.exceptions} exceptions triggered by an "
                f"example; {self.reached} of {self.entries - self.always} entries with a "
                f"must-not-flag example that contains their words ({self.always} more have no "
                "exceptions and are flagged wherever their word stands)")


def _sentences(text: str) -> Iterator[list[Token]]:
    for start, end in sentence_spans(text):
        yield tokens(text, start, end)


def _occurrences(entry: Entry, text: str) -> Iterator[tuple[list[Token], int, int]]:
    """(sentence tokens, first, last) wherever a form of the entry stands in `text`."""
    for toks in _sentences(text):
        for i in range(len(toks)):
            for form in entry.forms:
                if form_at(form, text, toks, i):
                    yield toks, i, i + len(form)


def _contains_words(entry: Entry, text: str) -> bool:
    """The words of one of the entry's forms, in order, in one sentence of `text` (not
    necessarily side by side: "the surgical team went on strike" for "surgical strike")."""
    for toks in _sentences(text):
        for form in entry.forms:
            words = iter(toks)
            if all(any(w in (t.norm, t.base) for t in words) for w in form if w != "*"):
                return True
    return False


def _always_flagged(entry: Entry) -> bool:
    """No exceptions, and every form holds one of the entry's one-word forms: any sentence
    with its words is flagged, so no must-not-flag example can contain them."""
    words = {form[0] for form in entry.forms if len(form) == 1}
    return not entry.exceptions and all(words & set(form) for form in entry.forms)


def coverage(lexicon: Lexicon, entries: list[Entry] | tuple[Entry, ...]) -> Coverage:
    """How far the entries' own examples exercise their exceptions and their boundaries."""
    matcher = Matcher(lexicon)
    gaps, triggered, reached, always = [], 0, 0, 0
    for entry in entries:
        shown = set()
        for example in entry.flag_examples + entry.pass_examples:
            for toks, i, j in _occurrences(entry, example):
                shown |= {k for k, ex in enumerate(entry.exceptions)
                          if matcher.holds(ex, example, toks, i, j)}
        for k, ex in enumerate(entry.exceptions):
            if k in shown:
                triggered += 1
            else:
                gaps.append(f"{entry.origin}: {entry.id}: no example triggers the exception "
                            f"\"{ex.why}\"")
        if _always_flagged(entry):
            always += 1
        elif any(_contains_words(entry, example) for example in entry.pass_examples):
            reached += 1
        else:
            gaps.append(f"{entry.origin}: {entry.id}: no must-not-flag example contains its "
                        "words")
    return Coverage(len(entries), sum(len(e.exceptions) for e in entries), triggered, reached,
                    always, tuple(gaps))
