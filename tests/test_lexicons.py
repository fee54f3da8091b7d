"""Every lexicon entry's examples run as tests; the files meet the format and the curation targets."""
from __future__ import annotations

from pathlib import Path

import pytest

from framing import lexicon
from framing.lexicon import LexiconError, load_files
from framing.match import Matcher
from framing.validate import flagged_ids

BUILTIN = lexicon.builtin()
MATCHER = Matcher(BUILTIN)
CASES = [pytest.param(e.id, text, True, id=f"{e.id}-flag{i}") for e in BUILTIN.entries
         for i, text in enumerate(e.flag_examples)]
CASES += [pytest.param(e.id, text, False, id=f"{e.id}-pass{i}") for e in BUILTIN.entries
          for i, text in enumerate(e.pass_examples)]


@pytest.mark.parametrize("entry_id, text, flags", CASES)
def test_entry_example(entry_id: str, text: str, flags: bool):
    assert (entry_id in flagged_ids(text, MATCHER)) is flags


@pytest.mark.parametrize("kind, minimum", [
    ("loaded", 150), ("hedge", 60), ("booster", 40), ("anonymous", 30),
])
def test_curation_targets(kind: str, minimum: int):
    assert sum(e.kind == kind for e in BUILTIN.entries) >= minimum


def test_every_entry_teaches():
    """One line that fits a report (the loader already refuses an empty one)."""
    for e in BUILTIN.entries:
        assert "\n" not in e.explanation and len(e.explanation) < 200, e.id
    for info in BUILTIN.kinds.values():
        assert info.about and info.sources, info.kind


def test_lexicon_files_cite_sources_in_header():
    for path in sorted(lexicon.builtin_dir().glob("*.toml")):
        assert path.read_text(encoding="utf-8").startswith("#"), path.name


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "user.toml"
    path.write_text(body, encoding="utf-8")
    return path


ENTRY = """
[lexicon]
kind = "loaded"
[[entry]]
id = "loaded.test"
term = "rampage"
forms = {forms}
category = "dysphemism"
weight = {weight}
explanation = "Test."
alternatives = []
exceptions = {exceptions}
flag = ["The rampage went on."]
pass = ["The parade went on."]
source = "test"
"""


@pytest.mark.parametrize("forms, weight, exceptions, message", [
    ('["Rampage"]', "0.5", "[]", "lower-case"),
    ('["* rampage"]', "0.5", "[]", "'*' only between words"),
    ('[]', "0.5", "[]", "at least one form"),
    ('["rampage"]', "1.5", "[]", "weight must be a number in (0, 1]"),
    ('["rampage"]', "true", "[]", "weight must be a number"),
    ('["rampage"]', "0.5", '[{ prev = ["x"] }]', "'why' line"),
    ('["rampage"]', "0.5", '[{ why = "w", near = ["x"] }]', "unknown: near"),
    ('["rampage"]', "0.5", '[{ why = "w", prev = ["@nosuch"] }]', "unknown class @nosuch"),
    ('["rampage"]', "0.5", '[{ why = "w", shape = "title" }]', "shape must be one of"),
    ('["rampage"]', "0.5", '[{ why = "w", sentence = "statement" }]', "sentence must be one of"),
    ('["rampage"]', "0.5", '[{ why = "w", clause = "first" }]', "clause must be one of"),
    ('["rampage"]', "0.5", '[{ why = "w", prev = ["Visa"] }]', "must be lower-case"),
])
def test_malformed_user_lexicon_is_refused(tmp_path, forms, weight, exceptions, message):
    path = _write(tmp_path, ENTRY.format(forms=forms, weight=weight, exceptions=exceptions))
    with pytest.raises(LexiconError, match=message.replace("(", r"\(").replace(")", r"\)")
                       .replace("*", r"\*")):
        load_files([path], base=BUILTIN)


def test_user_entry_replaces_builtin_with_same_id(tmp_path):
    target = BUILTIN.entries[0]
    body = ENTRY.format(forms='["rampage"]', weight="0.5", exceptions="[]")
    body = body.replace('kind = "loaded"', f'kind = "{target.kind}"')
    body = body.replace('id = "loaded.test"', f'id = "{target.id}"')
    merged = load_files([_write(tmp_path, body)], base=BUILTIN)
    assert merged.get(target.id).term == "rampage"
    assert len(merged.entries) == len(BUILTIN.entries)


def test_duplicate_ids_in_one_load_are_refused(tmp_path):
    body = ENTRY.format(forms='["rampage"]', weight="0.5", exceptions="[]")
    path = _write(tmp_path, body + body[body.index("[[entry]]"):])
    with pytest.raises(LexiconError, match="duplicate id loaded.test"):
        load_files([path], base=BUILTIN)
