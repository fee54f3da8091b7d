"""Train, cross-validate and export the sentence bias classifier (needs scikit-learn).

Rebuild the shipped model (bit for bit; see docs/classifier.md):

    framing train ../shared/data/babe-train.jsonl -o framing/data/bias-model.json --force --date 2026-11-25

Print the comparison of model families (5-fold cross-validation):

    framing train ../shared/data/babe-train.jsonl --compare

scikit-learn and numpy are imported inside the functions that need them, never at import.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import statistics
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from framing.classify import BIASED
from framing.classify.predict import sigmoid as _sigmoid
from framing.files import read_bytes
from framing.classify.features import (
    RATE_FEATURES,
    TOKEN_PATTERN,
    cue_value,
    rate_table,
    rate_tokens,
    rate_values,
    sentence_cues,
)
from framing.classify.predict import CLASSES, SCHEMA, VERSION

LABELS = tuple(CLASSES)  # index = class: 0 neutral, 1 biased
MAX_DATA_BYTES = 500_000_000  # a training or evaluation file
SEED = 0

BABE = {
    "dataset": "BABE - Bias Annotations By Experts",
    "citation": ("Spinde, T., Plank, M., Krieger, J.-D., Ruas, T., Gipp, B., & Aizawa, A. (2021). "
                 "Neural Media Bias Detection Using Distant Supervision With BABE - Bias "
                 "Annotations By Experts. In Findings of the Association for Computational "
                 "Linguistics: EMNLP 2021."),
    "licence": "AGPL-3.0",
    "note": "this model is a derived work of BABE",
}


class DataError(Exception):
    """Training or evaluation data that cannot be used; str(exc) is one line."""


# --- data ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Dataset:
    """Labelled sentences from a JSONL file: `y` is 1 for biased, 0 for neutral."""

    name: str
    texts: list[str]
    y: list[int]
    marked: list[list[str]] | None  # biased_words per row, when every row has them
    sha256: str
    date: str  # the file's modification date (UTC), the default training date
    spans: list[list[tuple[int, int]]] | None = None  # biased_spans per row, when every row has them

    def counts(self) -> dict[str, int]:
        c = Counter(self.y)
        return {LABELS[1]: c[1], LABELS[0]: c[0]}


def read_data(path: str | Path) -> Dataset:
    """Read JSONL rows with `text` and `label` (biased/neutral); DataError on any problem."""
    path = Path(path)
    raw = read_bytes(path, DataError, max_bytes=MAX_DATA_BYTES)
    mtime = path.stat().st_mtime
    try:
        lines = raw.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise DataError(f"{path}: not UTF-8 text (expected JSON lines)") from None
    texts: list[str] = []
    labels: list[int] = []
    marked: list[list[str] | None] = []
    spans: list[list[tuple[int, int]] | None] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            raise DataError(f"{path}: line {n}: not valid JSON") from None
        except RecursionError:
            raise DataError(f"{path}: line {n}: JSON nested too deeply") from None
        if not isinstance(row, dict):
            raise DataError(f"{path}: line {n}: expected a JSON object with text and label")
        for key in ("text", "label"):
            if key not in row:
                raise DataError(f"{path}: line {n}: missing key {key!r}")
        if not isinstance(row["text"], str) or not row["text"].strip():
            raise DataError(f"{path}: line {n}: text must be a non-empty string")
        if row["label"] not in LABELS:
            raise DataError(f"{path}: line {n}: unknown label {row['label']!r} "
                            f"(expected {LABELS[1]!r} or {LABELS[0]!r})")
        words = row.get("biased_words")
        texts.append(row["text"])
        labels.append(LABELS.index(row["label"]))
        marked.append(words if isinstance(words, list)
                      and all(isinstance(w, str) for w in words) else None)
        spans.append(_spans(row.get("biased_spans"), len(row["text"])))
    if not texts:
        raise DataError(f"{path}: no rows (expected JSON lines with text and label)")
    if len(set(labels)) < 2:
        raise DataError(f"{path}: every row is {LABELS[labels[0]]!r}; "
                        "need both 'biased' and 'neutral' rows")
    all_marked = None if any(m is None for m in marked) else [m for m in marked if m is not None]
    all_spans = None if any(s is None for s in spans) else [s for s in spans if s is not None]
    date = dt.datetime.fromtimestamp(mtime, dt.timezone.utc).date().isoformat()
    return Dataset(path.name, texts, labels, all_marked, hashlib.sha256(raw).hexdigest(), date,
                   all_spans)


def _spans(value: object, length: int) -> list[tuple[int, int]] | None:
    """`biased_spans` ([start, end, ...] character offsets into the text), or None if absent
    or not such a list."""
    if not isinstance(value, list):
        return None
    out = []
    for span in value:
        if (not isinstance(span, list) or len(span) < 2
                or not all(type(n) is int for n in span[:2])
                or not 0 <= span[0] < span[1] <= length):
            return None
        out.append((span[0], span[1]))
    return out


def check_folds(data: Dataset, k: int) -> None:
    """DataError unless stratified k-fold cross-validation is possible on the data."""
    if k < 2:
        raise DataError(f"--cv must be at least 2 (got {k})")
    for label, count in data.counts().items():
        if count < k:
            raise DataError(f"{data.name}: {count} {label!r} row(s) cannot fill {k} folds; "
                            f"{k}-fold cross-validation needs at least {k} rows of each label")


# --- progress (the CLI passes a rich progress bar; the default does nothing) ------------

Advance = Callable[[], None]
Progress = Callable[[str, int], Any]  # (description, total) -> context manager giving advance


@contextmanager
def no_progress(description: str, total: int) -> Iterator[Advance]:
    yield lambda: None


def extract_cues(texts: Sequence[str], progress: Progress = no_progress) -> list[dict[str, int]]:
    """`sentence_cues` of every text, with the built-in lexicons."""
    out = []
    with progress("lexicon cues", len(texts)) as advance:
        for text in texts:
            out.append(sentence_cues(text))
            advance()
    return out


# --- the recipe and the fitted model ---------------------------------------------------

@dataclass(frozen=True)
class Recipe:
    """Everything that decides the model; stored in the model file's metadata."""

    family: str = "cnb"  # cnb | lr | svm | sgd | ensemble (cnb and lr can be exported)
    C: float = 1.0
    word_ngram_range: tuple[int, int] | None = (1, 2)
    char_ngram_range: tuple[int, int] | None = (2, 5)
    min_df: int = 2
    sublinear_tf: bool = True
    cue_weight: float | None = 0.5  # None: no cue features
    min_cue_df: int = 2
    rate_weight: float | None = 0.5  # None: no biased-word rates (also when data has no marks)
    rate_prior: float = 2.0
    alpha: float = 1.0  # cnb smoothing / sgd regularisation

    def label(self) -> str:
        """family, features (block weights in brackets), setting: for the comparison table."""
        feats = "+".join(name for name, on in (
            ("word", self.word_ngram_range), ("char", self.char_ngram_range),
            (f"cues({self.cue_weight:g})" if self.cue_weight is not None else "", True),
            (f"rates({self.rate_weight:g})" if self.rate_weight is not None else "", True))
            if on and name)
        setting = f"alpha={self.alpha:g}" if self.family in ("cnb", "sgd") else f"C={self.C:g}"
        return f"{self.family} {feats} {setting}"


DEFAULT_RECIPE = Recipe()
EXPORTABLE = ("cnb", "lr")


def _vectorizer(kind: str, recipe: Recipe):
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    if kind == "word":
        return TfidfVectorizer(analyzer="word", ngram_range=recipe.word_ngram_range,
                               token_pattern=TOKEN_PATTERN, lowercase=True,
                               min_df=recipe.min_df, sublinear_tf=recipe.sublinear_tf,
                               norm="l2", dtype=np.float64)
    return TfidfVectorizer(analyzer="char_wb", ngram_range=recipe.char_ngram_range,
                           lowercase=True, min_df=recipe.min_df,
                           sublinear_tf=recipe.sublinear_tf, norm="l2", dtype=np.float64)


def _classifier(recipe: Recipe):
    from sklearn.linear_model import LogisticRegression, SGDClassifier
    from sklearn.naive_bayes import ComplementNB

    if recipe.family in ("lr", "ensemble"):
        return LogisticRegression(C=recipe.C, max_iter=5000)
    if recipe.family == "svm":
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.svm import LinearSVC

        return CalibratedClassifierCV(LinearSVC(C=recipe.C), method="sigmoid", cv=5,
                                      ensemble=False)
    if recipe.family == "cnb":
        return ComplementNB(alpha=recipe.alpha)
    if recipe.family == "sgd":
        return SGDClassifier(loss="log_loss", alpha=recipe.alpha, max_iter=100, tol=1e-4,
                             random_state=SEED)
    raise ValueError(f"unknown model family {recipe.family!r}")


@dataclass
class Fitted:
    """A fitted model: scikit-learn vectorizers and classifier plus the cue and rate parts."""

    recipe: Recipe
    word: Any = None
    char: Any = None
    cue_names: list[str] = field(default_factory=list)
    table: dict[str, float] | None = None
    clf: Any = None
    extra: Any = None  # the ensemble's second classifier
    calibration: tuple[float, float] = (1.0, 0.0)  # cnb: P = sigmoid(a * z + b)

    def _extra_blocks(self, texts: Sequence[str], cues: Sequence[dict[str, int]] | None,
                      rates: Any = None) -> list[Any]:
        """The cue and rate columns (already multiplied by their block weights)."""
        import numpy as np
        import scipy.sparse as sp

        r = self.recipe
        blocks = []
        if r.cue_weight is not None:
            assert cues is not None
            values = [[cue_value(c.get(n, 0)) for n in self.cue_names] for c in cues]
            blocks.append(sp.csr_matrix(np.array(values, dtype=float).reshape(len(texts), -1)
                                        * r.cue_weight))
        if self.table is not None:
            if rates is None:
                rates = [rate_values(rate_tokens(t), self.table) for t in texts]
            blocks.append(sp.csr_matrix(np.array(rates, dtype=float).reshape(len(texts), -1)
                                        * r.rate_weight))
        return blocks

    def features(self, texts: Sequence[str], cues: Sequence[dict[str, int]] | None):
        """The feature matrix: word | char | cues | rates columns."""
        import scipy.sparse as sp

        blocks = [vec.transform(texts) for vec in (self.word, self.char) if vec is not None]
        return sp.hstack(blocks + self._extra_blocks(texts, cues), format="csr")

    def predict_proba(self, texts: Sequence[str],
                      cues: Sequence[dict[str, int]] | None = None) -> list[float]:
        """P(biased) by scikit-learn (the reference the pure-Python predictor must match)."""
        if self.recipe.cue_weight is not None and cues is None:
            cues = [sentence_cues(t) for t in texts]
        X = self.features(texts, cues)
        if self.recipe.family == "cnb":
            a, b = self.calibration
            jll = self.clf.predict_joint_log_proba(X)
            return [_sigmoid(a * v + b) for v in jll[:, 1] - jll[:, 0]]
        if self.extra is not None:  # ensemble: mean log-odds of a word model and a char model
            z = (self.clf.decision_function(self._ensemble_part(X, 0))
                 + self.extra.decision_function(self._ensemble_part(X, 1))) / 2
            return [_sigmoid(v) for v in z]
        return [float(p) for p in self.clf.predict_proba(X)[:, 1]]

    def linear(self) -> tuple[list[float], float]:
        """(coefficients, intercept): P(biased) = sigmoid(coef . x + intercept)."""
        if self.recipe.family == "lr":
            return self.clf.coef_[0].tolist(), float(self.clf.intercept_[0])
        if self.recipe.family == "cnb":  # log-odds of complement NB, Platt-scaled
            a, b = self.calibration
            log_prob = self.clf.feature_log_prob_
            return (a * (log_prob[1] - log_prob[0])).tolist(), b
        raise ValueError(f"only {', '.join(EXPORTABLE)} models can be exported")

    def _ensemble_part(self, X, which: int):
        # columns: word | char | cues | rates; the word model drops char, the char model word
        n_word = len(self.word.vocabulary_)
        n_char = len(self.char.vocabulary_)
        import scipy.sparse as sp

        rest = X[:, n_word + n_char:]
        return sp.hstack([X[:, :n_word] if which == 0 else X[:, n_word:n_word + n_char], rest],
                         format="csr")


def _inner_rates(texts: Sequence[str], y: Sequence[int], marked: Sequence[list[str]],
                 prior: float) -> list[list[float]]:
    """Rate features of training rows from tables built without them (cross-fitting), so the
    classifier sees rates as they will be on unseen sentences, not inflated by its own marks."""
    from sklearn.model_selection import StratifiedKFold

    k = min(5, min(Counter(y).values()))
    out: list[list[float]] = [[]] * len(texts)
    if k < 2:
        return [[0.0] * len(RATE_FEATURES) for _ in texts]
    folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=SEED + 1)
    for fit_idx, apply_idx in folds.split(list(texts), list(y)):
        table = rate_table([texts[i] for i in fit_idx], [marked[i] for i in fit_idx], prior)
        for i in apply_idx:
            out[i] = rate_values(rate_tokens(texts[i]), table)
    return out


def fit(texts: Sequence[str], y: Sequence[int], cues: Sequence[dict[str, int]] | None,
        marked: Sequence[list[str]] | None, recipe: Recipe = DEFAULT_RECIPE,
        cache: dict | None = None, cache_key: Any = None) -> Fitted:
    """Fit vectorizers, cue vocabulary, rate table and classifier on these rows only.

    `cache` (used by the comparison) reuses vectorizers fitted on the same rows.
    """
    import numpy as np
    import scipy.sparse as sp

    texts = list(texts)
    model = Fitted(recipe)
    blocks = []
    for kind, rng in (("word", recipe.word_ngram_range), ("char", recipe.char_ngram_range)):
        if rng is None:
            continue
        key = (cache_key, kind, rng, recipe.min_df, recipe.sublinear_tf)
        if cache is not None and key in cache:
            vec, X = cache[key]
        else:
            vec = _vectorizer(kind, recipe)
            try:
                X = vec.fit_transform(texts)
            except ValueError:
                raise DataError(f"too few repeated words to learn from: no {kind} n-gram "
                                f"occurs in {recipe.min_df} or more sentences") from None
            if cache is not None:
                cache[key] = (vec, X)
        setattr(model, kind, vec)
        blocks.append(X)
    if recipe.cue_weight is not None:
        assert cues is not None
        df = Counter(name for c in cues for name, v in c.items() if v)
        model.cue_names = sorted(n for n, d in df.items() if d >= recipe.min_cue_df)
    rates = None
    if recipe.rate_weight is not None and marked is not None:
        model.table = rate_table(texts, marked, recipe.rate_prior)
        key = (cache_key, "rates", recipe.rate_prior)
        rates = cache.get(key) if cache is not None else None
        if rates is None:
            rates = _inner_rates(texts, y, marked, recipe.rate_prior)
            if cache is not None:
                cache[key] = rates
    elif recipe.rate_weight is not None:  # no biased_words in the data: no rate features
        model.recipe = recipe = replace(recipe, rate_weight=None)
    X = sp.hstack(blocks + model._extra_blocks(texts, cues, rates), format="csr")
    y = np.asarray(y)
    model.clf = _classifier(recipe)
    if recipe.family == "ensemble":
        model.extra = _classifier(recipe)
        model.clf.fit(model._ensemble_part(X, 0), y)
        model.extra.fit(model._ensemble_part(X, 1), y)
    else:
        model.clf.fit(X, y)
    if recipe.family == "cnb":
        model.calibration = _platt(X, y, recipe)
    return model



def _platt(X, y, recipe: Recipe) -> tuple[float, float]:
    """Complement NB's log-odds are far from probabilities: fit P = sigmoid(a * z + b) on
    out-of-fold log-odds of the training rows (Platt scaling; stays linear in the features)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    k = min(5, int(min(np.bincount(y))))
    if k < 2:
        return 1.0, 0.0
    z = np.zeros(len(y))
    for fit_idx, apply_idx in StratifiedKFold(k, shuffle=True, random_state=SEED + 2).split(X, y):
        nb = _classifier(recipe).fit(X[fit_idx], y[fit_idx])
        jll = nb.predict_joint_log_proba(X[apply_idx])
        z[apply_idx] = jll[:, 1] - jll[:, 0]
    platt = LogisticRegression(C=1e4, max_iter=1000).fit(z.reshape(-1, 1), y)
    return float(platt.coef_[0, 0]), float(platt.intercept_[0])


# --- cross-validation and metrics --------------------------------------------------------

@dataclass(frozen=True)
class Report:
    """Precision, recall and F1 per class, macro-F1 and the confusion matrix."""

    per_class: dict[str, dict[str, float]]  # label -> precision, recall, f1, support
    macro_f1: float
    confusion: list[list[int]]  # rows: true class, columns: predicted (order: LABELS[::-1])
    n: int


def report(y_true: Sequence[int], y_pred: Sequence[int]) -> Report:
    """Metrics for labels 1 = biased, 0 = neutral (pure Python; no scikit-learn needed)."""
    order = (1, 0)
    confusion = [[sum(1 for t, p in zip(y_true, y_pred) if t == a and p == b) for b in order]
                 for a in order]
    per_class = {}
    for i, cls in enumerate(order):
        tp = confusion[i][i]
        predicted = sum(confusion[r][i] for r in range(2))
        support = sum(confusion[i])
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[LABELS[cls]] = {"precision": precision, "recall": recall, "f1": f1,
                                  "support": support}
    macro = sum(v["f1"] for v in per_class.values()) / 2
    return Report(per_class, macro, confusion, len(y_true))


@dataclass(frozen=True)
class CVResult:
    k: int
    seed: int
    fold_f1: list[float]
    pooled: Report  # out-of-fold predictions of every row

    @property
    def mean(self) -> float:
        return statistics.fmean(self.fold_f1)

    @property
    def sd(self) -> float:
        return statistics.stdev(self.fold_f1) if len(self.fold_f1) > 1 else 0.0


def cross_validate(data: Dataset, recipe: Recipe = DEFAULT_RECIPE, k: int = 5,
                   cues: Sequence[dict[str, int]] | None = None,
                   progress: Progress = no_progress, seed: int = SEED,
                   cache: dict | None = None) -> CVResult:
    """Stratified k-fold CV (shuffled with a fixed seed); everything is fitted inside folds."""
    from sklearn.model_selection import StratifiedKFold

    check_folds(data, k)
    if recipe.cue_weight is not None and cues is None:
        cues = extract_cues(data.texts, progress)
    folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    predicted = [0] * len(data.texts)
    fold_f1 = []
    with progress(f"{k}-fold CV: {recipe.label()}", k) as advance:
        for f, (tr, te) in enumerate(folds.split(data.texts, data.y)):
            pick = lambda seq, idx: None if seq is None else [seq[i] for i in idx]  # noqa: E731
            model = fit(pick(data.texts, tr), pick(data.y, tr), pick(cues, tr),
                        pick(data.marked, tr), recipe, cache, (seed, k, f))
            probs = model.predict_proba(pick(data.texts, te), pick(cues, te))
            for i, p in zip(te, probs):
                predicted[i] = int(p >= BIASED)
            fold_f1.append(report(pick(data.y, te), [predicted[i] for i in te]).macro_f1)
            advance()
    return CVResult(k, seed, fold_f1, report(data.y, predicted))


#: The comparison in docs/classifier.md: (group, recipe), run by `--compare`.
def comparison_recipes() -> list[Recipe]:
    lr = Recipe(family="lr", C=1.0, cue_weight=None, rate_weight=None)
    out = [replace(lr, char_ngram_range=None), replace(lr, word_ngram_range=None)]
    out += [replace(lr, C=c) for c in (0.5, 1.0, 2.0, 4.0)]
    out += [replace(lr, cue_weight=0.5), replace(lr, rate_weight=0.5)]
    full = replace(lr, cue_weight=0.5, rate_weight=0.5)
    out += [replace(full, C=c) for c in (0.5, 1.0, 2.0)]
    out += [replace(full, cue_weight=1.0), replace(full, rate_weight=1.0)]
    out += [replace(full, family="svm", C=c) for c in (0.05, 0.1, 0.3)]
    out += [replace(full, family="sgd", alpha=a) for a in (3e-5, 1e-4, 3e-4)]
    out += [replace(full, family="ensemble", C=c) for c in (1.0, 2.0)]
    nb = replace(DEFAULT_RECIPE, cue_weight=None, rate_weight=None)
    out += [replace(nb, alpha=a) for a in (0.3, 1.0)]
    out += [replace(nb, cue_weight=0.5), replace(nb, rate_weight=0.5)]
    out += [replace(DEFAULT_RECIPE, alpha=a) for a in (0.3, 1.0, 3.0)]
    out += [replace(DEFAULT_RECIPE, cue_weight=1.0), replace(DEFAULT_RECIPE, rate_weight=1.0)]
    return out


def compare(data: Dataset, k: int = 5, progress: Progress = no_progress,
            recipes: Sequence[Recipe] | None = None) -> list[tuple[Recipe, CVResult]]:
    """Cross-validate every recipe on the same folds (vectorizers are shared per fold)."""
    cues = extract_cues(data.texts, progress)
    cache: dict = {}
    return [(r, cross_validate(data, r, k, cues, progress, cache=cache))
            for r in (recipes or comparison_recipes())]


def comparison_table(results: Sequence[tuple[Recipe, CVResult]]) -> str:
    """Markdown table: recipe, macro-F1 mean ± sd, per-fold scores."""
    lines = ["| family | features | setting | macro-F1 (mean ± sd) | per fold |",
             "|---|---|---|---|---|"]
    for recipe, cv in results:
        family, feats, setting = recipe.label().split(" ")
        mark = " **(shipped)**" if recipe == DEFAULT_RECIPE else ""
        folds = " ".join(f"{f:.3f}" for f in cv.fold_f1)
        lines.append(f"| {family}{mark} | {feats} | {setting} | "
                     f"{cv.mean:.4f} ± {cv.sd:.4f} | {folds} |")
    return "\n".join(lines) + "\n"


# --- export to the safe JSON format ---------------------------------------------------

def round7(x: float) -> float:
    """Round to 7 significant digits (the stored precision; the predictor uses these)."""
    return float(f"{x:.7g}")


def lexicon_fingerprint() -> dict[str, Any]:
    """Which built-in lexicons the cue features were computed with."""
    from framing import lexicon

    builtin = lexicon.builtin()
    return {"files": sorted(p.name for p in lexicon.builtin_dir().glob("*.toml")),
            "entries": len(builtin.entries), "sha256": builtin.sha256}


def export(model: Fitted, data: Dataset, cv: CVResult | None, date: str) -> dict[str, Any]:
    """The model as a JSON document, numbers rounded to 7 significant digits (`round7`)."""
    import sklearn

    from framing import __version__

    recipe = model.recipe
    raw_coef, raw_intercept = model.linear()
    coef = [round7(c) for c in raw_coef]
    intercept = round7(raw_intercept)
    doc: dict[str, Any] = {"schema": SCHEMA, "version": VERSION, "classes": list(CLASSES),
                           "intercept": intercept}
    start = 0
    for kind, analyzer in (("word", "word"), ("char", "char_wb")):
        vec = getattr(model, kind)
        if vec is None:
            doc[kind] = None
            continue
        ngrams = vec.get_feature_names_out().tolist()
        idf = [round7(v) for v in vec.idf_]
        doc[kind] = {
            "analyzer": analyzer, "ngram_range": list(vec.ngram_range), "lowercase": True,
            "token_pattern": vec.token_pattern, "sublinear_tf": vec.sublinear_tf, "norm": "l2",
            "weight": 1.0, "ngrams": ngrams, "idf": idf, "coef": coef[start:start + len(ngrams)]}
        start += len(ngrams)
    doc["cues"] = None
    if recipe.cue_weight is not None:
        names = model.cue_names
        doc["cues"] = {"transform": "log1p", "weight": recipe.cue_weight, "names": names,
                       "coef": coef[start:start + len(names)]}
        start += len(names)
    doc["rates"] = None
    if model.table is not None:
        words = sorted(model.table)
        rates = [round7(model.table[w]) for w in words]
        doc["rates"] = {"features": list(RATE_FEATURES), "weight": recipe.rate_weight,
                        "coef": coef[start:start + len(RATE_FEATURES)], "words": words,
                        "rates": rates}
        start += len(RATE_FEATURES)
    assert start == len(coef), (start, len(coef))
    metadata: dict[str, Any] = {
        "description": ("Linear sentence bias classifier: P(biased) = sigmoid(intercept + "
                        "coef . features); see docs/classifier.md in framing."),
        "trained": date,
        "framing_version": __version__,
        "scikit_learn_version": sklearn.__version__,
        "recipe": {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(recipe).items()},
        "training_data": {"name": data.name, "sha256": data.sha256, "rows": len(data.texts),
                          "labels": data.counts(),
                          "biased_words_used": model.table is not None},
        "lexicons": lexicon_fingerprint() if recipe.cue_weight is not None else None,
        "cross_validation": None if cv is None else {
            "folds": cv.k, "seed": cv.seed, "stratified": True, "shuffle": True,
            "macro_f1_mean": round(cv.mean, 4), "macro_f1_sd": round(cv.sd, 4),
            "macro_f1_per_fold": [round(f, 4) for f in cv.fold_f1]},
    }
    if data.name.lower().startswith("babe"):
        metadata["derived_from"] = dict(BABE)
        metadata["licence"] = BABE["licence"]
    doc["metadata"] = metadata
    return doc


def dumps(doc: Any, indent: int = 0) -> str:
    """Deterministic JSON: sorted keys, one key a line, lists of scalars on one line."""
    pad = " " * indent
    if isinstance(doc, dict):
        if not doc:
            return "{}"
        items = [f'{pad} {json.dumps(k)}: {dumps(doc[k], indent + 1)}' for k in sorted(doc)]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(doc, list) and any(isinstance(x, (dict, list)) for x in doc):
        return "[\n" + ",\n".join(pad + " " + dumps(x, indent + 1) for x in doc) + "\n" + pad + "]"
    return json.dumps(doc, ensure_ascii=False, allow_nan=False)


def train(data: Dataset, recipe: Recipe = DEFAULT_RECIPE, k: int | None = 5,
          date: str | None = None, progress: Progress = no_progress) -> tuple[str, Fitted, CVResult | None]:
    """Cross-validate (k folds; None to skip), fit on all rows, export: (JSON text, model, cv)."""
    if k:
        check_folds(data, k)
    cues = extract_cues(data.texts, progress) if recipe.cue_weight is not None else None
    cv = cross_validate(data, recipe, k, cues, progress) if k else None
    with progress("fitting on all rows", 1) as advance:
        model = fit(data.texts, data.y, cues, data.marked, recipe)
        advance()
    doc = export(model, data, cv, date or data.date)
    return dumps(doc) + "\n", model, cv
