"""The compiled form of a checked bias model, for the start-up cache (framing/cache.py).

Parsing the 1.8 MB JSON model and checking every number costs more than a whole short
analysis; this form loads in a few milliseconds. It is the length of a JSON header (8 bytes,
little-endian), the header (scalars, metadata, the small cue block, and where each array
lies), then raw arrays: vocabularies as NUL-separated UTF-8 and numbers as native float64.
Nothing in it is executed, and it is only ever made from a model that `predict.parse_model`
has checked, and the cache's checksum vouches that it is unchanged since (framing/cache.py),
so `unpack` checks only that the lengths fit (a file written by another version of this code
is refused, ValueError, and rebuilt). The cache maps the file rather than reading it:
`unpack` copies every value out.
"""
from __future__ import annotations

import json
from array import array
from typing import Any

from framing.classify.predict import BiasModel, CueBlock, NgramBlock, RateBlock

_SETTINGS = ("analyzer", "ngram_range", "lowercase", "token_pattern", "sublinear_tf", "weight")


class _Writer:
    def __init__(self) -> None:
        self.blobs: list[bytes] = []
        self.size = 0

    def add(self, data: bytes) -> list[int]:
        self.blobs.append(data)
        self.size += len(data)
        return [self.size - len(data), len(data)]

    def strings(self, values: Any) -> list[int]:
        return self.add("\0".join(values).encode("utf-8"))

    def numbers(self, values: Any) -> list[int]:
        return self.add(array("d", values).tobytes())


def pack(model: BiasModel) -> bytes:
    """The model as header + arrays (see the module docstring)."""
    out = _Writer()
    head: dict[str, Any] = {"intercept": model.intercept, "metadata": model.metadata}
    for name in ("word", "char"):
        block: NgramBlock | None = getattr(model, name)
        head[name] = None if block is None else {
            **{k: getattr(block, k) for k in _SETTINGS}, "n": len(block.ngrams),
            "ngrams": out.strings(block.ngrams), "idf": out.numbers(block.idf),
            "coef": out.numbers(block.coef)}
    head["cues"] = None if model.cues is None else {
        "weight": model.cues.weight, "names": list(model.cues.names), "coef": list(model.cues.coef)}
    head["rates"] = None if model.rates is None else {
        "weight": model.rates.weight, "coef": list(model.rates.coef), "n": len(model.rates.table),
        "words": out.strings(model.rates.table), "rates": out.numbers(model.rates.table.values())}
    header = json.dumps(head).encode()
    return len(header).to_bytes(8, "little") + header + b"".join(out.blobs)


def unpack(payload: bytes | memoryview, name: str) -> BiasModel:
    """A BiasModel from `pack`'s bytes (or a view of them: every value is copied out);
    ValueError when they are damaged."""
    view = memoryview(payload)
    size = int.from_bytes(view[:8], "little")
    head = json.loads(bytes(view[8:8 + size]))
    body = view[8 + size:]

    def strings(where: list[int], n: int) -> list[str]:
        start, size = where
        values = bytes(body[start:start + size]).decode("utf-8").split("\0") if n else []
        if len(values) != n:
            raise ValueError("damaged vocabulary")
        return values

    def numbers(where: list[int], n: int) -> array:
        """The floats as an array (indexing it gives the same floats a list would; making
        the list would cost milliseconds)."""
        start, size = where
        values = array("d")
        values.frombytes(body[start:start + size])
        if len(values) != n:
            raise ValueError("damaged numbers")
        return values

    blocks: dict[str, NgramBlock | None] = {}
    for kind in ("word", "char"):
        doc = head[kind]
        if doc is None:
            blocks[kind] = None
            continue
        ngrams = strings(doc["ngrams"], doc["n"])
        blocks[kind] = NgramBlock(
            **{k: doc[k] for k in _SETTINGS if k != "ngram_range"},
            ngram_range=tuple(doc["ngram_range"]), ngrams=ngrams,
            idf=numbers(doc["idf"], doc["n"]), coef=numbers(doc["coef"], doc["n"]),
            index=dict(zip(ngrams, range(len(ngrams)))))
    cues = head["cues"]
    rates = head["rates"]
    return BiasModel(
        intercept=head["intercept"], word=blocks["word"], char=blocks["char"],
        cues=None if cues is None else CueBlock(cues["weight"], tuple(cues["names"]),
                                                tuple(cues["coef"])),
        rates=None if rates is None else RateBlock(
            rates["weight"], tuple(rates["coef"]),
            dict(zip(strings(rates["words"], rates["n"]), numbers(rates["rates"], rates["n"])))),
        metadata=head["metadata"], path=name)
