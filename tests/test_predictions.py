"""The shipped model's predictions stay bit for bit what they were (speed work must not move
them): P(biased) and the explaining words of every sentence of the samples, the seed and the
first BABE sentences, fingerprinted (sha256 of the exact float reprs; no article text is
stored) in tests/golden/predictions.json.

After a deliberate change to the model or its features, regenerate the file with
`python -m tests.test_predictions` and say why in the commit.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLES, SEED, SHARED, need

GOLDEN = Path(__file__).resolve().parent / "golden" / "predictions.json"
BABE = SHARED / "data" / "babe-train.jsonl"
BABE_ROWS = 600


def _sentences(path: Path) -> list[str]:
    from framing.load import load
    from framing.segment import sentence_spans

    text = load(str(path)).text
    return [text[s:e] for s, e in sentence_spans(text)]


def _corpora() -> dict[str, list[str] | Path]:
    """name -> sentences (or the ../shared path they come from, read when present)."""
    out: dict[str, list[str] | Path] = {}
    for path in sorted(SAMPLES.glob("port-*")):
        out[f"samples/{path.name}"] = _sentences(path)
    out["seed"] = SEED
    out["babe"] = BABE
    return out


def _texts(name: str, source: list[str] | Path) -> list[str]:
    if isinstance(source, list):
        return source
    if name == "seed":
        return _sentences(source)
    rows = source.read_text(encoding="utf-8").splitlines()[:BABE_ROWS]
    return [json.loads(r)["text"] for r in rows]


def fingerprint(texts: list[str]) -> dict[str, object]:
    """sha256 over each sentence's probability repr and its top-5 explaining labels."""
    from framing.classify.predict import load_model

    model = load_model()
    digest = hashlib.sha256()
    probabilities = model.probabilities(texts)
    for text, p in zip(texts, probabilities):
        labels = [label for label, _ in model.explain(text, top=5)] if p >= 0.5 else []
        digest.update(f"{p!r}\t{labels}\n".encode())
    return {"sentences": len(texts), "sha256": digest.hexdigest()}


def _golden() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", list(_corpora()))
def test_shipped_model_predictions_are_unchanged(name):
    source = _corpora()[name]
    if isinstance(source, Path):
        need(source)
    assert fingerprint(_texts(name, source)) == _golden()[name]


def main() -> None:
    """Regenerate tests/golden/predictions.json (needs ../shared)."""
    out = {name: fingerprint(_texts(name, source)) for name, source in _corpora().items()}
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
