"""Judged-flags benchmark: how many flags are right in context, by kind and voice.

Forty AllSides articles (../shared/data/allsides-articles.jsonl.gz), chosen with a fixed seed,
are analysed; every flag and every quotation's speaker was read in its sentence and judged by
a person. Verdicts live in benchmarks/judged-flags/<article id>.jsonl, keyed by article id,
offsets and entry id; no article text is stored (only the flagged words).

    python -m framing.evaluate_flags                  # precision per kind and voice
    python -m framing.evaluate_flags --unjudged > todo.jsonl   # flags/quotes still to judge
    python -m framing.evaluate_flags --add todo.jsonl # store filled-in verdicts

A verdict line (`type` flag): {"article", "type": "flag", "id", "start", "end", "text",
"verdict": "correct" | "borderline" | "wrong", "cause": "why it is wrong (free text)"}.
A quote line (`type` quote): {"article", "type": "quote", "start", "end", "speaker" (what the
tool said), "verdict": "right" | "wrong" | "missing" | "none", "expected": "who it is"}:
`missing` = no speaker given while a name or pronoun stands in the same or previous sentence;
`none` = no speaker given and none can be found nearby (not counted as an error). When the
tool's speaker has changed since a quote was judged, the verdict is re-scored against the
judge's `expected` speaker (`quote_verdict`).
A miss line (`type` miss): {"article", "type": "miss", "start", "end", "text", "kind", "cause"}.
Precision counts borderline flags as half right.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "allsides-articles.jsonl.gz"
VERDICTS = ROOT / "benchmarks" / "judged-flags"
SEED = 13
N_ARTICLES = 40
FLAG_VERDICTS = ("correct", "borderline", "wrong")
QUOTE_VERDICTS = ("right", "wrong", "missing", "none")


@dataclass(frozen=True)
class Judged:
    """An analysed article of the benchmark."""

    id: str
    article: object  # framing.results.Article


def chosen_ids(corpus: Path = CORPUS, n: int = N_ARTICLES, seed: int = SEED) -> list[str]:
    """The benchmark's article ids: `n` lines drawn with a fixed seed, in corpus order."""
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        ids = [json.loads(line)["id"] for line in fh if line.strip()]
    picked = set(random.Random(seed).sample(range(len(ids)), n))
    return [ids[i] for i in sorted(picked)]


def analysed(corpus: Path = CORPUS) -> Iterator[Judged]:
    """The chosen articles, loaded as `framing analyse` loads a corpus and analysed."""
    import framing
    from framing.corpus import read_corpus

    wanted = set(chosen_ids(corpus))
    for item in read_corpus(str(corpus)):
        if item.id in wanted and item.doc is not None:
            doc = item.doc
            yield Judged(item.id, framing.analyse(doc.text, source=item.id, title=doc.title,
                                                   removed=doc.removed))


def read_verdicts(directory: Path = VERDICTS) -> dict[tuple, dict]:
    """Every stored verdict, keyed by (article, type, start, end, id)."""
    out = {}
    for path in sorted(directory.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                v = json.loads(line)
                out[key(v)] = v
    return out


def key(v: dict) -> tuple:
    return (v["article"], v["type"], v["start"], v["end"], v.get("id"))


def _flag_key(article_id: str, flag) -> tuple:
    return (article_id, "flag", flag.start, flag.end, flag.id)


def _quote_key(article_id: str, quote) -> tuple:
    return (article_id, "quote", quote.start, quote.end, None)


def _context(article, start: int, end: int, before: int = 1) -> str:
    """The sentence(s) around a span, the span marked with ⟦ ⟧ (for judging on screen only)."""
    text = article.text
    sentences = article.sentences
    first = next((i for i, s in enumerate(sentences) if s.end > start), len(sentences) - 1)
    last = next((i for i, s in enumerate(sentences) if s.end >= end), len(sentences) - 1)
    a, b = sentences[max(first - before, 0)].start, sentences[last].end
    return " ".join((text[a:start] + "⟦" + text[start:end] + "⟧" + text[end:b]).split())


def unjudged(judged: list[Judged], verdicts: dict[tuple, dict]) -> Iterator[dict]:
    """Templates for flags and quotes that have no verdict yet (with a `context` to read)."""
    for j in judged:
        a = j.article
        for f in a.flags:
            if _flag_key(j.id, f) not in verdicts:
                yield {"article": j.id, "type": "flag", "id": f.id, "start": f.start,
                       "end": f.end, "text": f.text, "kind": f.kind, "voice": f.voice,
                       "explanation": f.explanation, "verdict": "", "cause": "",
                       "context": _context(a, f.start, f.end)}
        for q in a.quotes:
            if q.kind in ("direct", "partial") and _quote_key(j.id, q) not in verdicts:
                yield {"article": j.id, "type": "quote", "start": q.start, "end": q.end,
                       "kind": q.kind, "speaker": q.speaker, "verdict": "", "expected": "",
                       "context": _context(a, q.start, q.end, before=2)}


def add(path: Path, directory: Path = VERDICTS) -> int:
    """Store filled-in templates (context and other display keys dropped); returns the count."""
    keep = {"flag": ("article", "type", "id", "start", "end", "text", "verdict", "cause"),
            "quote": ("article", "type", "start", "end", "speaker", "verdict", "expected"),
            "miss": ("article", "type", "start", "end", "text", "kind", "cause")}
    allowed = {"flag": FLAG_VERDICTS, "quote": QUOTE_VERDICTS}
    by_article: dict[str, dict[tuple, dict]] = {}
    count = 0
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        v = json.loads(line)
        kind = v.get("type")
        if kind not in keep:
            raise SystemExit(f"{path}:{n}: type must be flag, quote or miss")
        if kind in allowed and v.get("verdict") not in allowed[kind]:
            raise SystemExit(f"{path}:{n}: verdict must be one of {', '.join(allowed[kind])}")
        row = {k: v.get(k) for k in keep[kind]}
        stored = by_article.setdefault(v["article"], _stored(directory, v["article"]))
        stored[key(row)] = row
        count += 1
    for article_id, rows in by_article.items():
        lines = sorted(rows.values(), key=lambda r: (r["start"], r["type"], r.get("id") or ""))
        (directory / f"{article_id}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    return count


def _stored(directory: Path, article_id: str) -> dict[tuple, dict]:
    path = directory / f"{article_id}.jsonl"
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {key(r): r for r in rows}


def precision_table(judged: list[Judged], verdicts: dict[tuple, dict]) -> tuple[list[list[str]], int]:
    """Rows (kind, voice, correct, borderline, wrong, precision) and the unjudged count."""
    counts: Counter[tuple[str, str, str]] = Counter()
    missing = 0
    for j in judged:
        for f in j.article.flags:
            v = verdicts.get(_flag_key(j.id, f))
            if v is None:
                missing += 1
                continue
            voice = f.voice
            for group in ((f.kind, voice), ("all", voice), (f.kind, "any"), ("all", "any")):
                counts[group + (v["verdict"],)] += 1
    groups = sorted({(k, voice) for k, voice, _ in counts},
                    key=lambda g: (g[0] == "all", g[0], ("writer", "reported", "quoted", "any").index(g[1])))
    rows = []
    for kind, voice in groups:
        c, b, w = (counts[(kind, voice, v)] for v in FLAG_VERDICTS)
        n = c + b + w
        rows.append([kind, voice, str(c), str(b), str(w), f"{(c + b / 2) / n:.0%}" if n else "-"])
    return rows, missing


def _same_person(said: str, expected: str) -> bool:
    """The tool's speaker names the judged one: same surname, or one name inside the other."""
    a, b = said.lower().strip(), expected.lower().strip()
    return bool(a and b) and (a in b or b in a or a.split()[-1] == b.split()[-1])


def quote_verdict(v: dict, speaker: str | None) -> str:
    """A stored quote verdict for the tool's speaker now: as judged when the speaker is the
    one judged; otherwise re-scored against the judge's `expected` speaker (no speaker now:
    `missing`, or `none` where the judge found none nearby; a speaker now: `right` when it
    names the expected person, else `wrong`)."""
    if speaker == v.get("speaker") or (not v.get("expected") and v["verdict"] != "none"):
        return v["verdict"]
    if speaker is None:
        return "none" if v["verdict"] == "none" else "missing"
    return "right" if _same_person(speaker, v.get("expected") or "") else "wrong"


def quote_table(judged: list[Judged], verdicts: dict[tuple, dict]) -> Counter[str]:
    """Quote verdicts counted (right, wrong, missing, none, and unjudged)."""
    out: Counter[str] = Counter()
    for j in judged:
        for q in j.article.quotes:
            if q.kind in ("direct", "partial"):
                v = verdicts.get(_quote_key(j.id, q))
                out[quote_verdict(v, q.speaker) if v else "unjudged"] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m framing.evaluate_flags",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--verdicts", type=Path, default=VERDICTS)
    parser.add_argument("--unjudged", action="store_true",
                        help="print templates (JSON lines) for flags and quotes not yet judged")
    parser.add_argument("--add", type=Path, metavar="FILE",
                        help="store the filled-in templates of FILE as verdicts")
    parser.add_argument("--ids", action="store_true", help="print the chosen article ids")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"{args.corpus}: not found (the AllSides corpus lives in ../shared)", file=sys.stderr)
        return 2
    if args.ids:
        print("\n".join(chosen_ids(args.corpus)))
        return 0
    if args.add:
        args.verdicts.mkdir(parents=True, exist_ok=True)
        print(f"stored {add(args.add, args.verdicts)} verdicts in {args.verdicts}")
        return 0
    verdicts = read_verdicts(args.verdicts)
    judged = list(analysed(args.corpus))
    if args.unjudged:
        for row in unjudged(judged, verdicts):
            print(json.dumps(row, ensure_ascii=False))
        return 0
    rows, missing = precision_table(judged, verdicts)
    print(f"{len(judged)} articles; flags not yet judged: {missing}")
    print("| kind | voice | correct | borderline | wrong | precision |")
    print("|---|---|---:|---:|---:|---:|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    quotes = quote_table(judged, verdicts)
    judged_quotes = sum(v for k, v in quotes.items() if k != "unjudged")
    if judged_quotes:
        attributed = quotes["right"] + quotes["wrong"]
        wrong_share = f" ({quotes['wrong'] / attributed:.0%} of attributed)" if attributed else ""
        print(f"\nquotes (direct and partial): {judged_quotes} judged, {quotes['unjudged']} not yet; "
              f"speaker right {quotes['right']}, wrong {quotes['wrong']}{wrong_share}; "
              f"missing while a name or pronoun is near {quotes['missing']} "
              f"({quotes['missing'] / judged_quotes:.0%} of quotes); none findable {quotes['none']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
