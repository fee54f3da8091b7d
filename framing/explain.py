"""Plain-text explanations of lexicon entries and kinds, for `framing explain` and `lexicon list`."""
from __future__ import annotations

import difflib
import io

from framing.detect.quotes import SCARE
from framing.lexicon import Entry, Lexicon
from framing.render.spans import KIND_LABELS
from framing.segment import normalise

SCARE_EXAMPLES = ("flag: The ministry unveiled its so-called “peace plan” on Monday.",
                  "pass: “We will rebuild the harbour this year,” the mayor said.")


def entry_table(entries: list[Entry]) -> str:
    """A table of entries: id, category, term, alternatives."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, box=None)
    for column in ("id", "category", "term", "alternatives"):
        table.add_column(column, overflow="fold")
    for e in entries:
        table.add_row(e.id, e.category, e.term, "; ".join(e.alternatives))
    buffer = io.StringIO()
    Console(file=buffer, width=120, no_color=True, color_system=None).print(table)
    return buffer.getvalue() + f"{len(entries)} entries\n"


def _entry_text(e: Entry) -> str:
    lines = [f"{e.id}  ({KIND_LABELS[e.kind]}, {e.category.replace('_', ' ')}, weight {e.weight})",
             f"term: {e.term}", f"forms: {', '.join(' '.join(f) for f in e.forms)}",
             f"why it matters: {e.explanation}"]
    if e.alternatives:
        lines.append(f"neutral alternatives: {'; '.join(e.alternatives)}")
    lines += [f"not flagged when: {x.why}" for x in e.exceptions]
    lines += [f"flags: {x}" for x in e.flag_examples]
    lines += [f"does not flag: {x}" for x in e.pass_examples]
    lines.append(f"source of the idea: {e.source}  [{e.origin}]")
    return "\n".join(lines) + "\n"


def _kind_text(lexicon: Lexicon, kind: str) -> str:
    if kind == "scare_quote":
        return "\n".join([f"scare_quote  ({KIND_LABELS[kind]})", f"why it matters: {SCARE['explanation']}",
                          f"instead: {'; '.join(SCARE['alternatives'])}", *SCARE_EXAMPLES]) + "\n"
    info = lexicon.kinds[kind]
    entries = [e for e in lexicon.entries if e.kind == kind]
    by_category: dict[str, list[str]] = {}
    for e in entries:
        by_category.setdefault(e.category, []).append(e.term)
    lines = [f"{kind}  ({info.title}, {len(entries)} entries)", f"what it is: {info.about}"]
    lines += [f"  {cat.replace('_', ' ')}: {', '.join(terms[:8])}{' …' if len(terms) > 8 else ''}"
              for cat, terms in by_category.items()]
    example = entries[0]
    lines += [f"example: {example.flag_examples[0]}  ({example.id}: {example.explanation})",
              *(f"source: {s}" for s in info.sources),
              f"more: framing explain {example.id}; framing lexicon list --kind {kind}"]
    return "\n".join(lines) + "\n"


def explain_text(lexicon: Lexicon, name: str) -> str | None:
    """Text for an entry id, a kind name, or a word that entries match ("regime"); None if
    nothing fits."""
    entry = lexicon.get(name)
    if entry:
        return _entry_text(entry)
    if name in lexicon.kinds or name == "scare_quote":
        return _kind_text(lexicon, name)
    words = tuple(normalise(name).split())
    matching = [e for e in lexicon.entries if words in e.forms]
    return "\n".join(_entry_text(e) for e in matching) or None


def suggestions(lexicon: Lexicon, name: str) -> list[str]:
    """Close matches among ids and kinds."""
    names = [e.id for e in lexicon.entries] + list(lexicon.kinds) + ["scare_quote"]
    return difflib.get_close_matches(name, names, n=3, cutoff=0.6)
