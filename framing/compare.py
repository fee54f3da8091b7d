"""Compare articles: side by side (a few articles of one story) or as group profiles (many
articles grouped by a corpus field such as outlet or bias rating).

The per-article work is one top-level function, `summarise_item`, that turns a corpus `Item`
into a small picklable `Summary` (scores, source counts, word count, flagged-term and
neutral-alternative counts, all-word counts). The aggregations (`compare_articles`, `profile`)
consume summaries, so they can come from a sequential loop or a parallel batch runner alike,
and only the summaries of a corpus are held, never its articles. Renderers format what this
module computes and compute nothing themselves.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from framing.logodds import Z_95, distinguishing, log_odds
from framing.metrics import METRIC_KEYS, METRICS, Metric
from framing.results import Article
from framing.segment import starts_within, tokens

if TYPE_CHECKING:
    from framing.corpus import Item
    from framing.lexicon import Entry, Lexicon


WORD_CHOICE_KINDS = ("loaded", "report_verb")
DEFAULT_RESAMPLES = 1000
_PLACEHOLDER = re.compile(r"<[^>]*>")
_LEADING_PLACEHOLDER = re.compile(r"^<[^>]*>(?:['’]s)?\s+")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class Summary:
    """What comparing needs of one article; small and picklable (no text, no spans).

    `terms`: writer's-voice flags per lexicon entry id; `alternatives`: occurrences of the
    neutral alternatives the lexicon offers (phrase → count, writer's voice); `words`: every
    lower-case word of the writer's voice, for the distinguishing words.
    """

    id: str
    group: str | None
    title: str | None
    word_count: int
    values: dict[str, float | None]
    terms: dict[str, int] = field(default_factory=dict)
    alternatives: dict[str, int] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Skipped:
    """An input that could not be compared, with its one-line reason."""

    id: str
    error: str


def metric_values(article: Article) -> dict[str, float | None]:
    """The compared scores of one article, by metric key."""
    s = article.scores
    kinds = Counter(src.kind for src in article.sources)
    return {
        "loaded_per_1000_words": s.loaded_per_1000_words,
        "hedges_per_1000_words": s.hedges_per_1000_words,
        "boosters_per_1000_words": s.boosters_per_1000_words,
        "anonymous_per_1000_words": s.anonymous_per_1000_words,
        "assertion_mean": s.assertion_mean,
        "biased_sentence_share": s.biased_sentence_share,
        "named_sources": float(kinds["named"]),
        "anonymous_sources": float(kinds["anonymous"]),
        "grade_level": s.readability.grade_level if s.readability else None,
    }


def alternative_phrase(alternative: str) -> tuple[str, ...]:
    """An entry's neutral alternative as words to look for: "(if argued)" notes dropped, a
    leading "<country>'s" placeholder dropped; () when the rest still needs filling in."""
    text = _LEADING_PLACEHOLDER.sub("", _PARENTHESIS.sub("", alternative)).strip()
    if not text or _PLACEHOLDER.search(text):
        return ()
    return tuple(t.norm for t in tokens(text))


@lru_cache(maxsize=8)
def _alternatives_index(lexicon: Lexicon) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Alternative phrases of the word-choice entries by first word: (words, phrase)."""
    index: dict[str, set[tuple[tuple[str, ...], str]]] = {}
    for entry in lexicon.entries:
        if entry.kind in WORD_CHOICE_KINDS:
            for alt in entry.alternatives:
                words = alternative_phrase(alt)
                if words:
                    index.setdefault(words[0], set()).add((words, " ".join(words)))
    return {k: sorted(v, key=lambda wp: -len(wp[0])) for k, v in index.items()}


def summarise(article: Article, lexicon: Lexicon, group: str | None = None,
              item_id: str | None = None) -> Summary:
    """An analysed article's `Summary` (flag counts in the writer's own voice, outside quoted and
    reported speech; words outside quoted speech)."""
    toks = tokens(article.text)
    quoted = starts_within(toks, [(q.start, q.end) for q in article.quotes if q.speech])
    own = [t.norm for t in toks if t.start not in quoted]
    index = _alternatives_index(lexicon)
    alternatives: Counter[str] = Counter()
    for i, word in enumerate(own):
        for words, phrase in index.get(word, ()):
            if tuple(own[i:i + len(words)]) == words:
                alternatives[phrase] += 1
                break
    terms = Counter(f.id for f in article.flags if f.voice == "writer" and f.kind != "scare_quote")
    words = Counter(w for w in own if not w.isdigit())
    return Summary(id=item_id or article.source or "text", group=group, title=article.title,
                   word_count=article.word_count, values=metric_values(article),
                   terms=dict(terms), alternatives=dict(alternatives), words=dict(words))


def group_of(fields: dict, by: str | None) -> str | None:
    """The group an article belongs to: its `by` field as text ("(none)" when missing)."""
    if by is None:
        return None
    value = fields.get(by)
    return "(none)" if value is None or str(value).strip() == "" else str(value).strip()


def summarise_item(item: Item, by: str | None = None,
                   lexicon: Lexicon | None = None) -> Summary | Skipped:
    """One corpus item analysed and summarised: the unit of work of a (parallel) batch."""
    from framing import lexicon as lexicons
    from framing.pipeline import analyse_text

    if item.doc is None:
        return Skipped(item.id, item.error or f"{item.id}: cannot be read")
    lexicon = lexicon or lexicons.builtin()
    article = analyse_text(item.doc.text, source=item.doc.source, title=item.doc.title,
                           lexicon=lexicon, removed=item.doc.removed)
    return summarise(article, lexicon, group_of(item.fields, by), item.id)


# ---- side by side ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    """One score across the compared articles; `highest`: the indices holding the highest
    value (none when all values are equal)."""

    metric: Metric
    values: tuple[float | None, ...]
    highest: tuple[int, ...]
    ranking: tuple[int, ...]  # article indices, highest value first (None last)


@dataclass(frozen=True)
class WordChoice:
    """One lexicon entry across the articles: who uses the loaded term, who an alternative."""

    id: str
    term: str
    kind: str
    category: str
    explanation: str
    alternatives: tuple[str, ...]  # the entry's alternatives, as the lexicon lists them
    uses: dict[int, dict[str, int]]  # article index → the words flagged (lower case) → count
    instead: dict[int, dict[str, int]]  # article index → alternative phrase → count


@dataclass(frozen=True)
class SideBySide:
    """A few articles compared: the score table and the word choice. `names` are short
    (file stems or corpus ids), `titles` the articles' titles (or their names)."""

    names: tuple[str, ...]
    titles: tuple[str, ...]
    articles: tuple[Article, ...]
    rows: tuple[Row, ...]
    pairs: tuple[WordChoice, ...]  # a loaded term in one article, an alternative in another
    alone: tuple[WordChoice, ...]  # loaded terms only one article uses (not in `pairs`)


def _row(metric: Metric, values: tuple[float | None, ...]) -> Row:
    present = [v for v in values if v is not None]
    ranking = tuple(sorted((i for i, v in enumerate(values) if v is not None),
                           key=lambda i: -values[i])) + tuple(
        i for i, v in enumerate(values) if v is None)
    top = max(present, default=None)
    highest = (tuple(i for i, v in enumerate(values) if v == top)
               if len(set(present)) > 1 else ())
    return Row(metric, values, highest, ranking)


def _word_choice(entry: Entry, summaries: list[Summary],
                 articles: tuple[Article, ...]) -> WordChoice:
    phrases = [p for p in (" ".join(alternative_phrase(alt)) for alt in entry.alternatives) if p]
    uses = {}
    for i, article in enumerate(articles):
        words = Counter(f.text.lower() for f in article.flags
                        if f.id == entry.id and f.voice == "writer")
        if words:
            uses[i] = dict(words)
    instead = {}
    for i, s in enumerate(summaries):
        found = {p: s.alternatives[p] for p in phrases if s.alternatives.get(p)}
        if found and i not in uses:
            instead[i] = found
    return WordChoice(entry.id, entry.term, entry.kind, entry.category, entry.explanation,
                      entry.alternatives, uses, instead)


def short_name(item_id: str) -> str:
    """A column label: a file's stem ("port-loaded"), a URL's last part, else the id."""
    if item_id == "-":
        return "stdin"
    tail = item_id.rstrip("/").rsplit("/", 1)[-1] or item_id
    return tail.rsplit(".", 1)[0] if "." in tail[1:] else tail


def _unique(names: list[str]) -> tuple[str, ...]:
    """Names made unique for the columns: a second "story" becomes "story (2)"."""
    seen: Counter[str] = Counter()
    out = []
    for name in names:
        seen[name] += 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return tuple(out)


def compare_articles(articles: list[tuple[str, Article]], lexicon: Lexicon) -> SideBySide:
    """A few analysed articles, (id, article) each, side by side: the score table (extreme
    of each row marked) and the word-choice differences."""
    summaries = [summarise(a, lexicon, None, item_id) for item_id, a in articles]
    analysed = tuple(a for _, a in articles)
    names = _unique([short_name(s.id) for s in summaries])
    titles = tuple(s.title or n for s, n in zip(summaries, names))
    rows = tuple(_row(m, tuple(s.values.get(m.key) for s in summaries)) for m in METRICS)
    used = {e for s in summaries for e in s.terms}
    choices = [_word_choice(e, summaries, analysed) for e in lexicon.entries
               if e.id in used and e.kind in WORD_CHOICE_KINDS]
    pairs = tuple(c for c in choices if c.instead)
    alone = tuple(c for c in choices
                  if not c.instead and len(c.uses) == 1 and len(summaries) > 1)
    return SideBySide(names, titles, analysed, rows, pairs, alone)


# ---- profiles ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Estimate:
    """A group's mean of one score with a bootstrap 95% interval over its articles."""

    mean: float | None
    low: float | None
    high: float | None
    n: int  # articles with a value


@dataclass(frozen=True)
class Group:
    name: str
    articles: int
    words: int
    scores: dict[str, Estimate]


@dataclass(frozen=True)
class Distinctive:
    """A word typical of a group against all the others (Fightin' Words log-odds)."""

    word: str
    label: str  # the word, or a flagged entry's term
    z: float
    delta: float
    count: int  # uses in the group
    rest: int  # uses in all the other groups


@dataclass(frozen=True)
class Contrast:
    """Two groups head to head (--versus A B): the words each uses and the other avoids."""

    a: str
    b: str
    flagged: tuple[list[Distinctive], list[Distinctive]]  # typical of a, typical of b
    words: tuple[list[Distinctive], list[Distinctive]]


@dataclass(frozen=True)
class Profile:
    """Groups of many articles: means with intervals, and the words that tell them apart."""

    by: str
    groups: tuple[Group, ...]
    left_out: tuple[tuple[str, int], ...]  # groups under --min-articles: (name, articles)
    skipped: tuple[Skipped, ...]
    flagged_words: dict[str, list[Distinctive]]
    all_words: dict[str, list[Distinctive]]
    contrast: Contrast | None
    highest: dict[str, str | None]  # score key → the group with the highest mean
    sort: str
    min_articles: int
    seed: int
    resamples: int


def bootstrap(values: list[float], seed: int, resamples: int = DEFAULT_RESAMPLES) -> Estimate:
    """Mean and percentile-bootstrap 95% interval; reproducible for a given seed."""
    if not values:
        return Estimate(None, None, None, 0)
    import numpy as np

    data = np.asarray(values, dtype=float)
    mean = float(data.mean())
    if len(data) == 1:
        return Estimate(round(mean, 4), None, None, 1)
    rng = np.random.default_rng(seed)
    means = np.empty(resamples)
    chunk = max(1, 2_000_000 // len(data))  # bound the index matrix to ~16 MB
    for start in range(0, resamples, chunk):
        stop = min(start + chunk, resamples)
        means[start:stop] = data[rng.integers(0, len(data), (stop - start, len(data)))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return Estimate(round(mean, 4), round(float(low), 4), round(float(high), 4), len(data))


class _Accumulator:
    """Per-group running totals: score values, flagged-term and word counts (no articles)."""

    def __init__(self) -> None:
        self.articles = 0
        self.words = 0
        self.values: dict[str, list[float]] = {k: [] for k in METRIC_KEYS}
        self.terms: Counter[str] = Counter()
        self.vocabulary: Counter[str] = Counter()

    def add(self, s: Summary) -> None:
        self.articles += 1
        self.words += s.word_count
        for key, value in s.values.items():
            if value is not None and key in self.values:
                self.values[key].append(value)
        self.terms.update(s.terms)
        self.vocabulary.update(s.words)


OTHER_WORDS = "\0other words"


def _per_word(terms: Counter[str], words: int) -> Counter[str]:
    """Flagged-term counts with the rest of the group's words as one more count, so that the
    log-odds compare each term's rate per word, not its share of the flags."""
    return terms + Counter({OTHER_WORDS: max(words - sum(terms.values()), 0)})


def _distinctive(counts: dict[str, Counter[str]], top: int, label) -> dict[str, list[Distinctive]]:
    if len(counts) < 2:
        return {}
    found = distinguishing(counts, top=top + 1, min_z=Z_95)
    return {name: [Distinctive(w.word, label(w.word), round(w.z, 2), round(w.delta, 3),
                               w.count_a, w.count_b) for w in words if w.word != OTHER_WORDS][:top]
            for name, words in found.items()}


def _head_to_head(a: Counter[str], b: Counter[str], top: int,
                  label) -> tuple[list[Distinctive], list[Distinctive]]:
    scores = log_odds(a, b)

    def pick(ordered, sign: int) -> list[Distinctive]:
        return [Distinctive(w.word, label(w.word), round(sign * w.z, 2), round(sign * w.delta, 3),
                            w.count_a if sign > 0 else w.count_b,
                            w.count_b if sign > 0 else w.count_a)
                for w in ordered if sign * w.z >= Z_95 and w.word != OTHER_WORDS][:top]

    return pick(scores, 1), pick(reversed(scores), -1)


def profile(summaries: Iterable[Summary | Skipped], lexicon: Lexicon, by: str, *,
            min_articles: int = 1, sort: str = METRIC_KEYS[0], seed: int = 0,
            resamples: int = DEFAULT_RESAMPLES, top: int = 10,
            versus: tuple[str, str] | None = None) -> Profile:
    """Aggregate a stream of summaries into group profiles (only running totals are kept).
    `versus`: two group names to set head to head as well."""
    groups: dict[str, _Accumulator] = {}
    skipped = []
    for s in summaries:
        if isinstance(s, Skipped):
            skipped.append(s)
            continue
        groups.setdefault(s.group or "(none)", _Accumulator()).add(s)
    kept = {name: acc for name, acc in groups.items() if acc.articles >= min_articles}
    left_out = tuple(sorted(((n, a.articles) for n, a in groups.items() if n not in kept),
                            key=lambda na: (-na[1], na[0])))
    out = []
    for name, acc in kept.items():
        scores = {k: bootstrap(acc.values[k], seed, resamples) for k in METRIC_KEYS}
        out.append(Group(name, acc.articles, acc.words, scores))
    out.sort(key=lambda g: (g.scores[sort].mean is None, -(g.scores[sort].mean or 0), g.name))
    terms = {e.id: e.term for e in lexicon.entries}
    flagged = _distinctive({n: _per_word(a.terms, a.words) for n, a in kept.items()}, top,
                           lambda w: terms.get(w, w))
    words = _distinctive({n: a.vocabulary for n, a in kept.items()}, top, lambda w: w)
    contrast = None
    if versus:
        a, b = (groups.get(name, _Accumulator()) for name in versus)
        contrast = Contrast(versus[0], versus[1],
                            _head_to_head(_per_word(a.terms, a.words),
                                          _per_word(b.terms, b.words), top,
                                          lambda w: terms.get(w, w)),
                            _head_to_head(a.vocabulary, b.vocabulary, top, lambda w: w))
    highest = {k: max((g for g in out if g.scores[k].mean is not None),
                      key=lambda g: g.scores[k].mean, default=None) for k in METRIC_KEYS}
    return Profile(by, tuple(out), left_out, tuple(skipped), flagged, words, contrast,
                   {k: g.name if g else None for k, g in highest.items()}, sort, min_articles,
                   seed, resamples)
