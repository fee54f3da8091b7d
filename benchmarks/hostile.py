"""CPU seconds of `framing.analyse` on 1 MB hostile inputs beside 1 MB of ordinary prose:
`python hostile.py ARTICLE` prints {"case": seconds, ...} as JSON (run.py calls it).
Linear time means every case stays within a small factor of the prose."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

MB = 1_000_000


def cases(prose: str) -> dict[str, str]:
    """The 1 MB inputs of issue 10's hostile list that stress the analysis itself."""
    def cap(text: str) -> str:
        return text.encode("utf-8")[:MB].decode("utf-8", "ignore")

    return {
        "ordinary prose (the article repeated)": cap("\n\n".join([prose] * (MB // len(prose) + 1))),
        "one 1,000,000-character word": "a" * MB,
        "100,000 unmatched quotation marks": cap('x "' * 400_000),
        "200,000 abbreviations in a row": cap("Mr. " * 300_000),
        "200,000 words, no punctuation": cap("word " * 300_000),
        "curly quotes only": cap("“" * 400_000),
        "quotes and speech verbs in one sentence": cap('she said "' * 100_000),
        "single quotes inside double quotes": cap("‘a “b ‘c” d’ " * 100_000),
        "quoted dialogue, one short sentence each": cap('"Go on." ' * 120_000),
        "right-to-left script": cap("قال المجلس إن الخطة واضحة. " * 60_000),
        "combining characters": cap(("e\u0301\u0327" * 4 + " ") * 100_000),
        "emoji": cap("The 👩‍👩‍👧 regime 🔥 said “clearly” 🇺🇦. " * 30_000),
    }


def main() -> None:
    import framing

    framing.analyse("Warm up. The regime said so.")
    out = {}
    for name, text in cases(Path(sys.argv[1]).read_text(encoding="utf-8")).items():
        start = time.process_time()
        framing.analyse(text)
        out[name] = time.process_time() - start
        print(f"  {name}: {out[name]:.2f} s", file=sys.stderr, flush=True)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
