"""The summary's wording, shared by the terminal and Markdown renderers (plain strings; each
renderer styles or escapes them)."""
from __future__ import annotations

from framing.results import KINDS, Article, Sentence
from framing.classify import BIASED
from framing.render.spans import KIND_LABELS, cue_list, extremes, sentence_text


COUNT_COLUMNS = ("kind", "writer", "reported", "in quotes", "per 1,000 words")


def count_rows(article: Article) -> list[tuple[str, str, str, str, str]]:
    """(kind label, writer's own count, reported-speech count, quoted count, the writer's
    per 1,000 words) for every kind, under `COUNT_COLUMNS`."""
    s = article.scores
    density = {"loaded": s.loaded_per_1000_words, "hedge": s.hedges_per_1000_words,
               "booster": s.boosters_per_1000_words, "anonymous": s.anonymous_per_1000_words}
    return [(KIND_LABELS[k], str(s.counts[k]), str(s.reported_counts.get(k, 0)),
             str(s.quoted_counts[k]), f"{density[k]:.1f}" if k in density else "")
            for k in KINDS]


def readability_line(article: Article) -> str | None:
    r = article.scores.readability
    if r is None:
        return None
    return (f"Readability: Flesch reading ease {r.flesch_reading_ease:.1f} ({r.band}), "
            f"grade level {r.grade_level:.1f}")


def quotes_line(article: Article) -> str:
    direct = [q for q in article.quotes if q.kind == "direct"]
    partial = sum(q.kind == "partial" for q in article.quotes)
    unnamed = sum(q.speaker is None for q in direct)
    return (f"Direct quotes: {len(direct)} ({unnamed} without a named speaker); "
            f"partial quotes in reported speech: {partial}")


def source_lines(article: Article) -> list[str]:
    """A count line, then the named and the anonymous sources."""
    named = [s for s in article.sources if s.kind == "named"]
    anonymous = [s for s in article.sources if s.kind == "anonymous"]
    lines = [f"Sources: {len(named)} named, {len(anonymous)} anonymous"]
    if named:
        lines.append("named: " + "; ".join(
            s.name + (f" ({s.quotes} quote{'s' * (s.quotes != 1)})" if s.quotes else "")
            for s in named))
    if anonymous:
        lines.append("anonymous: " + "; ".join(
            f"“{s.name}”" + (f" ×{len(s.mentions)}" if len(s.mentions) > 1 else "")
            for s in anonymous))
    return lines


def strength_line(article: Article) -> str | None:
    s = article.scores
    if s.assertion_mean is None:
        return None
    return (f"Sentences: {s.hedged_sentence_share:.0%} hedged, {s.plain_sentence_share:.0%} plain, "
            f"{s.boosted_sentence_share:.0%} boosted (mean assertion {s.assertion_mean:+.2f}, "
            "from -1 hedged to +1 categorical)")


def extreme_sentences(article: Article) -> list[tuple[str, Sentence, str, str]]:
    """(title, sentence, its shortened text, the cues behind its score), most hedged first."""
    hedged, boosted = extremes(article)
    return [(title, s, sentence_text(article, s), cue_list(s))
            for title, group in (("Most hedged", hedged), ("Most categorical", boosted))
            for s in group]


def bias_line(article: Article) -> str | None:
    share = article.scores.biased_sentence_share
    if share is None:
        return None
    line = (f"Sentence classifier (trained on BABE expert labels): {share:.0%} of sentences read "
            f"as biased (probability ≥ {BIASED})")
    parts = [f"{label} {v['biased_sentence_share']:.0%} of {v['sentences']}"
             for label, v in ((label, article.scores.by_voice.get(g)) for g, label in
                              (("writer", "writer's own"), ("reported", "reported speech"),
                               ("quoted", "quotations")))
             if v and v["sentences"] and v["biased_sentence_share"] is not None]
    return line + (f"; by voice: {', '.join(parts)}" if parts else "")


def readable_word(label: str) -> str:
    """Model features as words: "[loaded:dysphemism]" reads "‹loaded term: dysphemism›"."""
    if not label.startswith("["):
        return label
    kind, _, category = label.strip("[]").partition(":")
    name = KIND_LABELS.get(kind, kind.replace("_", " "))
    return f"‹{name}: {category.replace('_', ' ')}›" if category else f"‹{name}›"


def most_biased(article: Article, n: int = 3) -> list[tuple[float, str, str]]:
    """(probability, shortened text, the words that pushed it up) for the top sentences."""
    ranked = sorted((s for s in article.sentences if s.bias_words),
                    key=lambda s: -(s.bias_probability or 0))[:n]
    return [(s.bias_probability, sentence_text(article, s),
             ", ".join(readable_word(w) for w in s.bias_words)) for s in ranked]
