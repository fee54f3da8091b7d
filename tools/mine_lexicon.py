"""Mine candidate lexicon entries from ../shared (a curator's aid; nothing here ships).

    .venv/bin/python tools/mine_lexicon.py OUT_DIR [--shared ../shared]

Writes three ranked TSV files to OUT_DIR (word, score, counts, source tag, whether a current
entry already covers it):

* candidates-allsides.tsv: content words typical of partisan (left or right) outlets against
  centre outlets in the AllSides corpus, by log-odds with an informative Dirichlet prior
  (framing.logodds; Monroe, Colaresi & Quinn 2008), counted once per article so one long piece
  cannot carry a word; tags `partisan`, `left`, `right` say which comparison ranked it.
* candidates-babe.tsv: words experts marked as biased in babe-train that no current entry's
  match overlaps, with how often they were marked and how often they occur at all.
* candidates-weasel.tsv: WikiWeasel epistemic/doxastic cues that no current hedge entry's
  match overlaps, with how often the text is a cue and how often it occurs at all.

The lists are raw material for curation, never entries: a word goes into a lexicon only with
its own explanation, senses and invented examples (docs/lexicon-review.md).
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from framing import lexicon
from framing.logodds import log_odds
from framing.match import Matcher, matches_in
from framing.segment import tokens

MIN_DOCS = 8          # a word must occur in at least this many articles overall
TOP = 1500            # rows kept per comparison
ALPHA_WORD = re.compile(r"[a-z][a-z'-]*[a-z]$")


def _covered_forms(lex: lexicon.Lexicon) -> dict[str, str]:
    """Single-token forms of every entry -> the entry's id (first wins)."""
    out: dict[str, str] = {}
    for entry in lex.entries:
        for form in entry.forms:
            if len(form) == 1:
                out.setdefault(form[0], entry.id)
    return out


def _content(word: str) -> bool:
    return bool(ALPHA_WORD.match(word)) and word not in ENGLISH_STOP_WORDS and len(word) > 2


def mine_allsides(path: Path, covered: dict[str, str]) -> list[tuple]:
    """Per-article word presence by outlet bias; proper nouns (mostly capitalised) dropped."""
    docs: dict[str, Counter[str]] = {"left": Counter(), "center": Counter(), "right": Counter()}
    lower: Counter[str] = Counter()
    total: Counter[str] = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            seen = set()
            for tok in tokens(record.get("text") or ""):
                word = tok.base
                total[word] += 1
                if tok.text[0].islower():
                    lower[word] += 1
                seen.add(word)
            docs.setdefault(record["bias"], Counter()).update(seen)
    keep = {w for w in total if _content(w) and lower[w] >= 0.6 * total[w]
            and sum(d[w] for d in docs.values()) >= MIN_DOCS}
    groups = {k: Counter({w: c for w, c in v.items() if w in keep}) for k, v in docs.items()}
    rows = []
    partisan = groups["left"] + groups["right"]
    comparisons = (("partisan", partisan), ("left", groups["left"]), ("right", groups["right"]))
    background = partisan + groups["center"]
    for tag, counts in comparisons:
        scores = [s for s in log_odds(counts, groups["center"], background) if s.z > 0][:TOP]
        for s in scores:
            rows.append((s.word, round(s.z, 2), s.count_a, s.count_b, tag, covered.get(s.word, "")))
    return rows


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _match_spans(text: str, matcher: Matcher, kinds: set[str]) -> list[tuple[int, int]]:
    return [(toks[m.first].start, toks[m.last - 1].end)
            for _, toks, m in matches_in(text, matcher) if m.entry.kind in kinds]


def mine_babe(path: Path, matcher: Matcher, covered: dict[str, str]) -> list[tuple]:
    """Expert-marked words no entry overlaps: times marked, occurrences, marked share."""
    marked: Counter[str] = Counter()
    occurs: Counter[str] = Counter()
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        text = row["text"]
        occurs.update({t.base for t in tokens(text)})
        spans = _match_spans(text, matcher, {"loaded", "report_verb"})
        for start, end, _ in row.get("biased_spans", []):
            if not any(_overlaps((start, end), s) for s in spans):
                for tok in tokens(text, start, end):
                    if _content(tok.base):
                        marked[tok.base] += 1
    rows = [(w, round(n / max(occurs[w], n), 2), n, occurs[w], "babe", covered.get(w, ""))
            for w, n in marked.items()]
    rows.sort(key=lambda r: (-r[2], -r[1], r[0]))
    return rows


def mine_weasel(path: Path, matcher: Matcher, covered: dict[str, str]) -> list[tuple]:
    """Epistemic/doxastic cues no hedge entry overlaps: times a cue, occurrences, cue share."""
    rows_in = [json.loads(line) for line in path.open(encoding="utf-8")]
    cue: Counter[str] = Counter()
    kind: dict[str, Counter[str]] = {}
    for row in rows_in:
        spans = _match_spans(row["text"], matcher, {"hedge"})
        for start, end, cue_text, cue_type in row["cues"]:
            if cue_type in ("epistemic", "doxastic") and not any(
                    _overlaps((start, end), s) for s in spans):
                key = " ".join(t.norm for t in tokens(cue_text))
                if key:
                    cue[key] += 1
                    kind.setdefault(key, Counter())[cue_type] += 1
    longest = max((len(k.split()) for k in cue), default=1)
    occurs: Counter[str] = Counter()
    for row in rows_in:
        words = [t.norm for t in tokens(row["text"])]
        for n in range(1, longest + 1):
            for i in range(len(words) - n + 1):
                gram = " ".join(words[i:i + n])
                if gram in cue:
                    occurs[gram] += 1
    rows = [(key, round(n / max(occurs[key], n), 2), n, max(occurs[key], n),
             "weasel:" + "/".join(sorted(kind[key])), covered.get(key, ""))
            for key, n in cue.items()]
    rows.sort(key=lambda r: (-r[2], -r[1], r[0]))
    return rows


def write(path: Path, header: tuple[str, ...], rows: list[tuple]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("\t".join(header) + "\n")
        for row in rows:
            fh.write("\t".join(str(v) for v in row) + "\n")
    print(f"{path}: {len(rows)} rows", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="directory for the candidate TSV files")
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args(argv)
    data = args.shared / "data"
    if not data.is_dir():
        print(f"mine_lexicon: {data} not found", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    lex = lexicon.builtin()
    matcher = Matcher(lex)
    covered = _covered_forms(lex)
    write(args.out / "candidates-babe.tsv",
          ("word", "marked_share", "marked", "occurs", "source", "covered_by"),
          mine_babe(data / "babe-train.jsonl", matcher, covered))
    write(args.out / "candidates-weasel.tsv",
          ("cue", "cue_share", "as_cue", "occurs", "source", "covered_by"),
          mine_weasel(data / "wikiweasel.jsonl", matcher, covered))
    write(args.out / "candidates-allsides.tsv",
          ("word", "z", "docs_group", "docs_center", "source", "covered_by"),
          mine_allsides(data / "allsides-articles.jsonl.gz", covered))
    return 0


if __name__ == "__main__":
    sys.exit(main())
