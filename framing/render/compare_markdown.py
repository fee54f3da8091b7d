"""Markdown renderer for comparisons: the score table, word-choice tables, profiles."""
from __future__ import annotations

from framing.compare import METRICS, Distinctive, Profile, SideBySide, WordChoice
from framing.render.comparison import (Comparison, instead, interval, kind_label, profile_note,
                                       uses, value)
from framing.render.markdown import escape

EXTREME = "**▲**"


def _cell(text: str) -> str:
    return escape(text).replace("\n", " ")


def _scores(side: SideBySide) -> list[str]:
    lines = ["| score | " + " | ".join(_cell(n) for n in side.names) + " |",
             "|---|" + "---:|" * len(side.names)]
    for row in side.rows:
        cells = [value(row.metric, v) + (f" {EXTREME}" if i in row.highest else "")
                 for i, v in enumerate(row.values)]
        lines.append(f"| {row.metric.label} | " + " | ".join(cells) + " |")
    return lines


def _choice_rows(choices: tuple[WordChoice, ...], names: tuple[str, ...], pairs: bool) -> list[str]:
    head = "| loaded term | " + ("others say | " if pairs else "") + "why |"
    lines = [head, "|---|" + ("---|" if pairs else "") + "---|"]
    for c in choices:
        cells = [_cell(uses(c, names))] + ([_cell(instead(c, names))] if pairs else [])
        cells.append(f"{_cell(c.explanation)} ({_cell(kind_label(c))}; "
                     f"`framing explain {c.id}`)")
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _side_by_side(side: SideBySide) -> str:
    parts = ["# Comparison", "\n".join(f"- **{_cell(n)}**: {_cell(t)}"
                                       for n, t in zip(side.names, side.titles)),
             "## Scores", "▲ marks the highest value in each row. Densities count the "
             "writer's own words (quotations apart).", "\n".join(_scores(side)),
             "## Word choice", "A loaded term in one article where another uses one of the "
             "lexicon's neutral alternatives."]
    parts.append("\n".join(_choice_rows(side.pairs, side.names, True)) if side.pairs
                 else "No such pair.")
    parts.append("## Loaded terms only one article uses")
    parts.append("\n".join(_choice_rows(side.alone, side.names, False)) if side.alone
                 else "None.")
    return "\n\n".join(parts) + "\n"


def _words(words: list[Distinctive]) -> str:
    return ", ".join(f"{_cell(w.label)} ({w.z:.1f})" for w in words) or "none stands out"


def _profile(p: Profile) -> str:
    head = [f"| {_cell(p.by)} | articles | " + " | ".join(m.label for m in METRICS) + " |",
            "|---|---:|" + "---:|" * len(METRICS)]
    head += [f"| {_cell(g.name)} | {g.articles} | "
             + " | ".join(interval(m, g.scores[m.key]) for m in METRICS) + " |"
             for g in p.groups]
    parts = [f"# Profiles by {_cell(p.by)}", "Means with 95% intervals.", "\n".join(head)]
    for title, found in (("Flagged terms", p.flagged_words), ("All words", p.all_words)):
        parts.append(f"## {title} that distinguish each {_cell(p.by)} (z-score)")
        parts.append("\n".join(f"- **{_cell(g.name)}**: {_words(found.get(g.name, []))}"
                               for g in p.groups))
    if p.contrast:
        c = p.contrast
        parts.append(f"## {_cell(c.a)} versus {_cell(c.b)}")
        parts.append("\n".join(
            f"- **{_cell(name)}**, {title}: {_words(words)}"
            for title, pair in (("flagged terms", c.flagged), ("all words", c.words))
            for name, words in zip((c.a, c.b), pair)))
    parts.append("\n\n".join(_cell(note) for note in profile_note(p)))
    return "\n\n".join(parts) + "\n"


def render(result: Comparison, color: bool = False) -> str:
    return _profile(result) if isinstance(result, Profile) else _side_by_side(result)
