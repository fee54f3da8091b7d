"""Train, cross-validate and export the word-level detector (needs scikit-learn).

Rebuild the shipped model (bit for bit; see docs/word-detector.md):

    framing train-words ../shared/data/babe-train.jsonl -o framing/data/word-model.json \\
        --corpus ../shared/data/allsides-articles.jsonl.gz --force --date 2026-11-25

Everything is fitted inside the training sentences: the marked-word counts, the sentence
classifier whose log-odds is a feature, the logistic regression. Rows' own counts and
sentence log-odds come from models fitted without them (cross-fitting), so training sees
them as they will be on unseen sentences.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing.classify.train import (
    BABE,
    SEED,
    DataError,
    Dataset,
    Progress,
    check_folds,
    dumps,
    extract_cues,
    lexicon_fingerprint,
    no_progress,
    round7,
)
from framing.classify.words import (
    LEXICON_KINDS,
    SCHEMA,
    SETTINGS,
    VERSION,
    Counts,
    CorpusStats,
    Sentence,
    WordModel,
    eligible,
    lexicon_words,
    logit,
    token_features,
)
from framing.results import Token

C = 0.25  # inverse L2 strength of the logistic regression
MIN_COUNT = 2  # features seen on fewer training tokens are dropped
MIN_DF = 5  # corpus words in fewer documents are not stored
#: The threshold goal: the lowest threshold keeping both of these (docs/word-detector.md).
MIN_PRECISION = 0.5
MAX_NEUTRAL_ALARMS = 0.15
THRESHOLDS = tuple(round(0.05 + 0.01 * k, 2) for k in range(91))  # 0.05 .. 0.95
CURVE = tuple(round(0.1 + 0.05 * k, 2) for k in range(17))  # printed: 0.10 .. 0.90

ALLSIDES = {
    "dataset": "Article-Bias-Prediction (AllSides articles)",
    "citation": ("Baly, R., Da San Martino, G., Glass, J., & Nakov, P. (2020). We Can Detect "
                 "Your Bias: Predicting the Political Ideology of News Articles. EMNLP 2020."),
    "licence": "Apache-2.0 (repository); article texts (c) their outlets",
    "note": "only word statistics are kept (documents per word, partisan-vs-centre log-odds "
            "z); no text",
}


# --- data ------------------------------------------------------------------------------

@dataclass(frozen=True)
class WordRows:
    """A dataset read for the word detector: per sentence its tokens, the expert-marked token
    indices (`gold`), the lexicon match on each token and whether it is quoted speech."""

    data: Dataset
    tokens: list[list[Token]]
    gold: list[frozenset[int]]
    marks: list[list[str | None]]
    quoted: list[list[bool]]
    cues: list[dict[str, int]]
    eligible: list[list[bool]]  # may the detector flag the token (`words.eligible`)


def gold_tokens(text: str, toks: Sequence[Token], words: Sequence[str],
                spans: Sequence[tuple[int, int]] | None) -> frozenset[int]:
    """Indices of the tokens an annotator marked: those overlapping a marked span, and for a
    marked word with no span of the same text, every token with its (lower-cased) form."""
    from framing.segment import tokens

    out: set[int] = set()
    spanned = set()
    for start, end in spans or ():
        spanned.add(text[start:end])
        out.update(i for i, t in enumerate(toks) if t.start < end and t.end > start)
    forms = {t.norm for w in words if w not in spanned for t in tokens(w)}
    out.update(i for i, t in enumerate(toks) if t.norm in forms or t.base in forms)
    return frozenset(out)


def sentence_reading(text: str, lexicon) -> tuple[list[Token], list[str | None], list[bool]]:
    """Tokens, per-token lexicon match (`kind:category`) and quoted-speech marks of one
    sentence, found as the pipeline finds them."""
    from framing.detect import quotes as quote_detector
    from framing.match import matcher_for
    from framing.segment import quote_spans, starts_within, tokens

    toks = tokens(text)
    marks: list[str | None] = [None] * len(toks)
    for m in matcher_for(lexicon).sentence(text, toks):
        for k in range(m.first, m.last):
            marks[k] = f"{m.entry.kind}:{m.entry.category}"
    found = quote_spans(text)
    quoted: set[int] = set()
    if found:
        speech = [(q.start, q.end) for q in
                  quote_detector.classify(text, found, [(0, len(text))], toks, lexicon) if q.speech]
        quoted = starts_within(toks, speech)
    return toks, marks, [t.start in quoted for t in toks]


def word_rows(data: Dataset, progress: Progress = no_progress) -> WordRows:
    """Read every sentence for the detector; DataError unless the rows mark biased words."""
    from framing import lexicon as lexicons

    if data.marked is None:
        raise DataError(f"{data.name}: every row needs `biased_words` (the words an annotator "
                        "marked) to train or evaluate the word detector")
    lexicon = lexicons.builtin()
    toks, gold, marks, quoted = [], [], [], []
    with progress("reading sentences", len(data.texts)) as advance:
        for n, text in enumerate(data.texts):
            t, m, q = sentence_reading(text, lexicon)
            toks.append(t)
            marks.append(m)
            quoted.append(q)
            gold.append(gold_tokens(text, t, data.marked[n],
                                    data.spans[n] if data.spans is not None else None))
            advance()
    known = lexicon_words(lexicon)
    allowed = [[eligible(t, m, known) for t, m in zip(ts, ms)] for ts, ms in zip(toks, marks)]
    return WordRows(data, toks, gold, marks, quoted, extract_cues(data.texts, progress), allowed)


def _corpus_records(path: str) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSON-lines file (gzip when the name ends in .gz); DataError on a
    file that cannot be read, a line that is not JSON, or no records."""
    import gzip
    import json

    opener = gzip.open if path.lower().endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as stream:
            for n, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError:
                    raise DataError(f"{path}: line {n}: not valid JSON") from None
                if isinstance(record, dict):
                    yield record
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read ({exc})") from None


def corpus_stats(path: str, progress: Progress = no_progress) -> tuple[CorpusStats, dict[str, Any]]:
    """Word statistics of a JSON-lines news corpus whose records have `text` and `bias`
    (left, center, right): in how many documents each word occurs, and the log-odds z of
    partisan (left + right) against centre outlets (`framing.logodds`)."""
    from framing.logodds import log_odds
    from framing.segment import WORD_RE, normalise

    groups: dict[str, Counter[str]] = {"partisan": Counter(), "center": Counter()}
    documents = 0
    with progress("reading the corpus", 1) as advance:
        for record in _corpus_records(path):
            text, bias = record.get("text"), record.get("bias")
            if not isinstance(text, str) or bias not in ("left", "center", "right"):
                continue
            documents += 1
            words = {normalise(w) for w in WORD_RE.findall(text)}
            groups["center" if bias == "center" else "partisan"].update(words)
        advance()
    if not documents:
        raise DataError(f"{path}: no records with text and bias (left, center or right)")
    df = groups["partisan"] + groups["center"]
    z = {s.word: s.z for s in log_odds(groups["partisan"], groups["center"])}
    kept = sorted(w for w, n in df.items() if n >= MIN_DF)
    stats = CorpusStats(documents, {w: df[w] for w in kept}, {w: round(z[w], 3) for w in kept})
    return stats, {"path_name": Path(path).name, "documents": documents}


# --- fitting ---------------------------------------------------------------------------

def counts_of(rows: WordRows, idx: Sequence[int]) -> Counts:
    """In how many of these sentences each word occurs, and is marked."""
    seen: Counter[str] = Counter()
    marked: Counter[str] = Counter()
    for i in idx:
        toks = rows.tokens[i]
        seen.update({t.norm for t in toks})
        marked.update({toks[j].norm for j in rows.gold[i]})
    return Counts(dict(marked), dict(seen), SETTINGS["rate_prior"])


def _folds(rows: WordRows, idx: Sequence[int], k: int, seed: int) -> list[tuple[list[int], list[int]]]:
    """Stratified folds (by sentence label) of these sentence indices."""
    from sklearn.model_selection import StratifiedKFold

    y = [rows.data.y[i] for i in idx]
    k = min(k, min(Counter(y).values()))
    folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    return [([idx[j] for j in a], [idx[j] for j in b]) for a, b in folds.split(list(idx), y)]


def _sentence_model(rows: WordRows, idx: Sequence[int]):
    from framing.classify.train import fit

    d = rows.data
    return fit([d.texts[i] for i in idx], [d.y[i] for i in idx], [rows.cues[i] for i in idx],
               [d.marked[i] for i in idx])


def _apply_sentences(model, rows: WordRows, idx: Sequence[int], out: dict[int, float]) -> None:
    probs = model.predict_proba([rows.data.texts[i] for i in idx], [rows.cues[i] for i in idx])
    for i, p in zip(idx, probs):
        out[i] = float(p)


def cross_fitted(rows: WordRows, idx: Sequence[int]) -> tuple[dict[int, Counts], dict[int, float]]:
    """For each training sentence: the counts and sentence P(biased) of models fitted on the
    other inner folds."""
    counts: dict[int, Counts] = {}
    probs: dict[int, float] = {}
    for fit_idx, apply_idx in _folds(rows, idx, 5, SEED + 1):
        table = counts_of(rows, fit_idx)
        for i in apply_idx:
            counts[i] = table
        _apply_sentences(_sentence_model(rows, fit_idx), rows, apply_idx, probs)
    return counts, probs


@dataclass
class Fitted:
    """A fitted detector: the vectorizer, the classifier and the tables it was fitted with."""

    vectorizer: Any
    classifier: Any
    counts: Counts
    corpus: CorpusStats | None
    sentence_model: Any

    def linear(self) -> tuple[dict[str, float], float]:
        names = self.vectorizer.get_feature_names_out().tolist()
        return dict(zip(names, self.classifier.coef_[0].tolist())), float(self.classifier.intercept_[0])

    def probabilities(self, rows: WordRows, idx: Sequence[int]) -> dict[int, list[float]]:
        """P(marked) for every token of these sentences (their own counts never used)."""
        sentence_p: dict[int, float] = {}
        _apply_sentences(self.sentence_model, rows, idx, sentence_p)
        feats, where = [], []
        for i in idx:
            sentence = _sentence(rows, i, sentence_p[i])
            for j in range(len(rows.tokens[i])):
                feats.append(token_features(sentence, j, self.counts, self.corpus, SETTINGS))
                where.append(i)
        out: dict[int, list[float]] = {i: [] for i in idx}
        if feats:
            probs = self.classifier.predict_proba(self.vectorizer.transform(feats))[:, 1]
            for i, p in zip(where, probs.tolist()):
                out[i].append(p)
        return out


def _sentence(rows: WordRows, i: int, p: float) -> Sentence:
    return Sentence(rows.tokens[i], rows.marks[i], rows.quoted[i], logit(p))


def fit(rows: WordRows, idx: Sequence[int], corpus: CorpusStats | None, c: float = C) -> Fitted:
    """Fit the detector on these sentences only (BLAS on one thread: the solver's sums, and so
    the rounded weights of the shipped file, must not depend on how many cores run them)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    counts, probs = cross_fitted(rows, idx)
    feats, y = [], []
    for i in idx:
        sentence = _sentence(rows, i, probs[i])
        for j in range(len(rows.tokens[i])):
            feats.append(token_features(sentence, j, counts[i], corpus, SETTINGS))
            y.append(int(j in rows.gold[i]))
    if len(set(y)) < 2:
        raise DataError(f"{rows.data.name}: the training rows mark no words (or every word)")
    df = Counter(k for f in feats for k in f)
    keep = {k for k, n in df.items() if n >= MIN_COUNT}
    feats = [{k: v for k, v in f.items() if k in keep} for f in feats]
    vectorizer = DictVectorizer(sort=True)
    X = vectorizer.fit_transform(feats)
    with threadpool_limits(limits=1):
        classifier = LogisticRegression(C=c, max_iter=3000).fit(X, y)
        sentence_model = _sentence_model(rows, idx)
    return Fitted(vectorizer, classifier, counts_of(rows, idx), corpus, sentence_model)


# --- cross-validation and the precision-recall curve ------------------------------------

@dataclass(frozen=True)
class Point:
    """Per-word precision and recall of one flag set, and the share of neutral-labelled
    sentences given any of its flags."""

    precision: float
    recall: float
    neutral_alarms: float
    flagged: int

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class WordScores:
    """P(marked) of every token: out-of-fold from k folds grouped by sentence, or (k = 0) a
    given model's."""

    k: int
    seed: int
    rows: WordRows
    probs: list[list[float]]

    def point(self, threshold: float, which: str) -> Point:
        """`which`: lexicon (loaded and report_verb matches), learned (`eligible` tokens with
        P >= threshold) or both."""
        tp = flagged = alarms = 0
        gold_total = sum(len(g) for g in self.rows.gold)
        for i, probs in enumerate(self.probs):
            gold = self.rows.gold[i]
            any_flag = False
            allowed = self.rows.eligible[i]
            for j, (p, mark) in enumerate(zip(probs, self.rows.marks[i])):
                lexicon = mark is not None and mark.partition(":")[0] in LEXICON_KINDS
                learned = allowed[j] and p >= threshold
                hit = {"lexicon": lexicon, "learned": learned, "both": lexicon or learned}[which]
                if hit:
                    flagged += 1
                    tp += j in gold
                    any_flag = True
            alarms += any_flag and self.rows.data.y[i] == 0
        neutral = self.rows.data.y.count(0)
        return Point(tp / flagged if flagged else 0.0, tp / gold_total if gold_total else 0.0,
                     alarms / neutral if neutral else 0.0, flagged)

    def choose(self) -> float:
        """The lowest threshold at which lexicon + learned flags keep precision >= 0.5 and at
        most 15% of neutral sentences get a learned flag; failing that, the best F1."""
        points = [(t, self.point(t, "both"), self.point(t, "learned")) for t in THRESHOLDS]
        good = [t for t, both, learned in points
                if both.precision >= MIN_PRECISION and learned.neutral_alarms <= MAX_NEUTRAL_ALARMS]
        if good:
            return min(good)
        return max(points, key=lambda p: (p[1].f1, -p[0]))[0]


def cross_validate(rows: WordRows, corpus: CorpusStats | None, k: int = 5,
                   progress: Progress = no_progress, seed: int = SEED, c: float = C) -> WordScores:
    """k-fold CV over sentences (stratified by label, shuffled with a fixed seed); every
    table and model is fitted inside the training folds."""
    check_folds(rows.data, k)
    probs: list[list[float]] = [[] for _ in rows.tokens]
    with progress(f"{k}-fold CV of the word detector", k) as advance:
        for train_idx, test_idx in _folds(rows, list(range(len(rows.tokens))), k, seed):
            model = fit(rows, train_idx, corpus, c)
            for i, p in model.probabilities(rows, test_idx).items():
                probs[i] = p
            advance()
    return WordScores(k, seed, rows, probs)


def score_model(model: WordModel, rows: WordRows) -> WordScores:
    """A shipped or given model's P(marked) of every token, with the shipped sentence
    classifier's log-odds as the sentence feature (as in `framing analyse`)."""
    from framing.classify.predict import load_model

    sentence_p = load_model().probabilities(rows.data.texts, rows.cues)
    probs = [model.probabilities(_sentence(rows, i, p)) for i, p in enumerate(sentence_p)]
    return WordScores(0, SEED, rows, probs)


def curve_table(cv: WordScores, chosen: float | None = None) -> str:
    """The precision-recall curve (Markdown): per threshold, learned-only and combined."""
    lines = ["| threshold | learned P | learned R | learned neutral alarms | both P | both R | both F1 |",
             "|---|---|---|---|---|---|---|"]
    shown = sorted(set(CURVE) | ({chosen} if chosen is not None else set()))
    for t in shown:
        learned, both = cv.point(t, "learned"), cv.point(t, "both")
        mark = " **(chosen)**" if t == chosen else ""
        lines.append(f"| {t:.2f}{mark} | {learned.precision:.3f} | {learned.recall:.3f} | "
                     f"{learned.neutral_alarms:.3f} | {both.precision:.3f} | {both.recall:.3f} | "
                     f"{both.f1:.3f} |")
    return "\n".join(lines) + "\n"


def results_table(cv: WordScores, threshold: float) -> str:
    """Precision, recall, F1 and neutral false-alarm rate of lexicon, learned and both."""
    lines = ["| flags | precision | recall | F1 | neutral sentences flagged | words flagged |",
             "|---|---|---|---|---|---|"]
    for which, label in (("lexicon", "lexicon only"), ("learned", "learned only"),
                         ("both", "lexicon + learned")):
        p = cv.point(threshold, which)
        lines.append(f"| {label} | {p.precision:.3f} | {p.recall:.3f} | {p.f1:.3f} | "
                     f"{p.neutral_alarms:.3f} | {p.flagged} |")
    return "\n".join(lines) + "\n"


# --- export ------------------------------------------------------------------------------

def export(model: Fitted, rows: WordRows, threshold: float, cv: WordScores | None, date: str,
           corpus_meta: dict[str, Any] | None) -> dict[str, Any]:
    """The detector as a JSON document (numbers rounded to 7 significant digits)."""
    import sklearn

    from framing import __version__
    from framing.classify.train import DEFAULT_RECIPE

    coef, intercept = model.linear()
    names = sorted(k for k, v in coef.items() if round7(v) != 0.0)
    counts = model.counts
    words = sorted(counts.seen)
    doc: dict[str, Any] = {
        "schema": SCHEMA, "version": VERSION, "intercept": round7(intercept),
        "threshold": threshold,
        "settings": {k: list(v) if isinstance(v, tuple) else v for k, v in SETTINGS.items()},
        "features": {"names": names, "coef": [round7(coef[k]) for k in names]},
        "counts": {"words": words, "marked": [counts.marked.get(w, 0) for w in words],
                   "seen": [counts.seen[w] for w in words]},
        "corpus": None,
    }
    if model.corpus is not None and corpus_meta is not None:
        stats = model.corpus
        cwords = sorted(stats.df)
        doc["corpus"] = {"name": corpus_meta["path_name"], "documents": stats.documents,
                         "words": cwords, "df": [stats.df[w] for w in cwords],
                         "z": [stats.z[w] for w in cwords]}
    data = rows.data
    metadata: dict[str, Any] = {
        "description": ("Word-level bias detector: P(an expert marks this word) = "
                        "sigmoid(intercept + coef . features); see docs/word-detector.md."),
        "trained": date,
        "framing_version": __version__,
        "scikit_learn_version": sklearn.__version__,
        "classifier": {"family": "logistic regression (L2, lbfgs)", "C": C,
                       "min_count": MIN_COUNT,
                       "sentence_feature": "log-odds of " + DEFAULT_RECIPE.label()},
        "training_data": {"name": data.name, "sha256": data.sha256, "rows": len(data.texts),
                          "labels": data.counts(),
                          "marked_tokens": sum(len(g) for g in rows.gold),
                          "tokens": sum(len(t) for t in rows.tokens)},
        "lexicons": lexicon_fingerprint(),
        "threshold_rule": (f"lowest threshold with cross-validated precision (lexicon + "
                           f"learned) >= {MIN_PRECISION} and learned flags on <= "
                           f"{MAX_NEUTRAL_ALARMS:.0%} of neutral sentences"),
        "cross_validation": None if cv is None else {
            "folds": cv.k, "seed": cv.seed, "grouped_by": "sentence", **{
                which: {k: round(v, 4) for k, v in (
                    ("precision", pt.precision), ("recall", pt.recall), ("f1", pt.f1),
                    ("neutral_alarms", pt.neutral_alarms))}
                for which, pt in ((w, cv.point(threshold, w))
                                  for w in ("lexicon", "learned", "both"))}},
    }
    if data.name.lower().startswith("babe"):
        metadata["derived_from"] = dict(BABE)
        metadata["licence"] = BABE["licence"]
    if doc["corpus"] is not None:
        metadata["corpus_statistics_from"] = dict(ALLSIDES) | {
            "documents": corpus_meta["documents"]}
    doc["metadata"] = metadata
    return doc


def train(rows: WordRows, corpus: tuple[CorpusStats, dict[str, Any]] | None, k: int | None = 5,
          threshold: float | None = None, date: str | None = None,
          progress: Progress = no_progress) -> tuple[str, Fitted, WordScores | None, float]:
    """Cross-validate (k folds; None to skip), choose the threshold from the curve (unless
    given), fit on all rows and export: (JSON text, model, cv, threshold)."""
    stats, meta = corpus if corpus is not None else (None, None)
    cv = cross_validate(rows, stats, k, progress) if k else None
    if threshold is None:
        if cv is None:
            raise DataError("without cross-validation (--cv 0) give the threshold (--threshold)")
        threshold = cv.choose()
    with progress("fitting on all rows", 1) as advance:
        model = fit(rows, list(range(len(rows.tokens))), stats)
        advance()
    doc = export(model, rows, threshold, cv, date or rows.data.date, meta)
    return dumps(doc) + "\n", model, cv, threshold
