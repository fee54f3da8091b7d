"""Measure hedge detection on WikiWeasel (Szeged Uncertainty Corpus): cue- and sentence-level P/R/F1.

    python -m framing.evaluate_hedges ../shared/data/wikiweasel.jsonl [--split test|dev|all]

Gold: cues of the epistemic and doxastic types (the kinds "reportedly", "allegedly", "likely"
belong to). Predicted: the spans framing flags as `hedge`. A predicted span and a gold cue match
when they overlap. Sentence level: a sentence is positive when it has at least one such cue;
sentences whose only cues are of other types (condition, investigation) are left out, since
they are neither certain nor in scope. Documents are split in two halves by a hash of their id:
`dev` is for looking at errors while curating the lexicon, `test` is for reporting.
"""
from __future__ import annotations

import argparse
import json
import sys
import zlib
from pathlib import Path

from framing import lexicon
from framing.match import Matcher, matches_in

TYPES = ("epistemic", "doxastic")


def split_of(doc_id: str) -> str:
    """A stable half of the corpus for a document id."""
    return "dev" if zlib.crc32(doc_id.encode("utf-8")) % 2 == 0 else "test"


def hedge_spans(text: str, matcher: Matcher) -> list[tuple[int, int]]:
    return [(toks[m.first].start, toks[m.last - 1].end)
            for _, toks, m in matches_in(text, matcher) if m.entry.kind == "hedge"]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(rows: list[dict], matcher: Matcher) -> dict[str, dict[str, float]]:
    """Cue-level and sentence-level precision, recall and F1 (via nltk.metrics)."""
    from nltk.metrics.scores import f_measure, precision, recall

    gold_cues, found_cues, gold_sents, found_sents = set(), set(), set(), set()
    for n, row in enumerate(rows):
        gold = [(c[0], c[1]) for c in row["cues"] if c[3] in TYPES]
        other = [(c[0], c[1]) for c in row["cues"] if c[3] not in TYPES]
        if other and not gold:
            continue
        predicted = [p for p in hedge_spans(row["text"], matcher)
                     if not any(_overlaps(p, o) for o in other)]
        gold_cues |= {(n, g) for g in gold}
        gold_cues_hit = {(n, g) for g in gold if any(_overlaps(g, p) for p in predicted)}
        found_cues |= gold_cues_hit
        found_cues |= {(n, p) for p in predicted if not any(_overlaps(p, g) for g in gold)}
        if gold:
            gold_sents.add(n)
        if predicted:
            found_sents.add(n)

    def prf(ref: set, test: set) -> dict[str, float]:
        return {"precision": round(precision(ref, test) or 0.0, 3),
                "recall": round(recall(ref, test) or 0.0, 3),
                "f1": round(f_measure(ref, test) or 0.0, 3), "gold": len(ref), "found": len(test)}

    return {"cue": prf(gold_cues, found_cues), "sentence": prf(gold_sents, found_sents)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--split", choices=("test", "dev", "all"), default="test")
    args = parser.parse_args(argv)
    try:
        with args.data.open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        print(f"framing: error: {args.data}: {exc}", file=sys.stderr)
        return 2
    rows = [r for r in rows if args.split == "all" or split_of(r["doc_id"]) == args.split]
    result = evaluate(rows, Matcher(lexicon.builtin()))
    print(f"WikiWeasel, {args.split} split: {len(rows):,} sentences; cue types: {', '.join(TYPES)}")
    print(f"{'level':<10}{'precision':>10}{'recall':>10}{'F1':>8}{'gold':>8}{'found':>8}")
    for level, r in result.items():
        print(f"{level:<10}{r['precision']:>10.3f}{r['recall']:>10.3f}{r['f1']:>8.3f}"
              f"{r['gold']:>8}{r['found']:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
