"""Run every lexicon entry's examples: `flag` sentences must produce the entry, `pass` must not."""
from __future__ import annotations

from framing.lexicon import Entry, Lexicon
from framing.match import Matcher, matches_in


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
