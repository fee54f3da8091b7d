"""What the comparison renderers share: the format dispatcher, value formatting, bar lengths
and the word-choice wording (plain strings; each renderer styles or escapes them)."""
from __future__ import annotations

from collections.abc import Callable

from framing.compare import Estimate, Metric, Profile, Row, SideBySide, WordChoice

Comparison = SideBySide | Profile
BLOCKS = " ▏▎▍▌▋▊▉█"


def renderer(fmt: str) -> Callable[[Comparison, bool], str]:
    """The render function for a format name: (comparison, color) -> document."""
    if fmt == "json":
        from framing.render.compare_json import render
    elif fmt == "markdown":
        from framing.render.compare_markdown import render
    elif fmt == "html":
        from framing.render.html import render_comparison as render
    else:
        from framing.render.compare_text import render
    return render


def value(metric: Metric, v: float | None) -> str:
    """A score as the table shows it ("–" when the article has none)."""
    return "–" if v is None else format(v, metric.fmt)


def mean(metric: Metric, v: float | None) -> str:
    """A group mean: counts get a decimal ("4.3 named sources" on average)."""
    return value(Metric(metric.key, metric.label, ".1f", metric.about)
                 if metric.fmt == ".0f" else metric, v)


def interval(metric: Metric, e: Estimate) -> str:
    """"4.2 [3.9, 4.5]"; the interval is left out when there is only one article."""
    if e.mean is None:
        return "–"
    if e.low is None:
        return mean(metric, e.mean)
    return f"{mean(metric, e.mean)} [{mean(metric, e.low)}, {mean(metric, e.high)}]"


def scale(values: list[float | None]) -> float:
    """The largest magnitude in a row: bars are drawn as |value| / scale."""
    return max((abs(v) for v in values if v is not None), default=0.0) or 1.0


def bar(v: float | None, top: float, width: int) -> str:
    """A horizontal bar of eighth blocks, |v| / top of `width` characters."""
    if v is None:
        return ""
    eighths = round(min(abs(v) / top, 1.0) * width * 8)
    return ("█" * (eighths // 8) + (BLOCKS[eighths % 8] if eighths % 8 else "")).ljust(width)


def ranked(row: Row, names: tuple[str, ...]) -> str:
    """"port-loaded > port-hedged > …" highest first."""
    return " > ".join(names[i] for i in row.ranking if row.values[i] is not None)


def by_article(found: dict[int, dict[str, int]], labels: tuple[str, ...]) -> list[str]:
    """One line per article: "port-neutral “plan” ×6"."""
    return [f"{labels[i]} " + ", ".join(f"“{w}”" + (f" ×{n}" if n > 1 else "")
                                        for w, n in words.items())
            for i, words in found.items()]


def uses(choice: WordChoice, labels: tuple[str, ...]) -> str:
    """Who uses the loaded term: "port-loaded “scheme” ×4"."""
    return "; ".join(by_article(choice.uses, labels))


def instead(choice: WordChoice, labels: tuple[str, ...]) -> str:
    """Who says it otherwise: "port-neutral “plan” ×6; port-hedged “plan” ×5"."""
    return "; ".join(by_article(choice.instead, labels))


def kind_label(choice: WordChoice) -> str:
    kind = "loaded term" if choice.kind == "loaded" else "loaded reporting verb"
    return f"{kind} · {choice.category.replace('_', ' ')}"


def profile_note(p: Profile) -> list[str]:
    """The notes under a profile: method, groups left out, inputs skipped."""
    notes = [f"Means per {p.by} with percentile-bootstrap 95% intervals ({p.resamples:,} "
             f"resamples, seed {p.seed}); sorted by {p.sort}. Distinguishing words: log-odds "
             "with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), each group "
             "against all the others, |z| ≥ 1.96, writer's own words (quotations left out)."]
    if p.left_out:
        shown = ", ".join(f"{name} ({n})" for name, n in p.left_out[:12])
        more = f" and {len(p.left_out) - 12} more" if len(p.left_out) > 12 else ""
        notes.append(f"Left out, under {p.min_articles} articles: {shown}{more}.")
    if p.skipped:
        notes.append(f"Skipped {len(p.skipped)} input(s) that could not be read, first: "
                     f"{p.skipped[0].error}")
    return notes
