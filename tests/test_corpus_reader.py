"""The streaming corpus reader: files, directories, globs and JSON-lines corpora."""
from __future__ import annotations

import gzip
import json

import pytest

from framing.corpus import items
from framing.load import InputError

from .conftest import SAMPLES


def test_directory_and_glob_expand_sorted_article_files():
    ids = [i.id for i in items([str(SAMPLES)])]
    assert ids == sorted(ids) and str(SAMPLES / "port-loaded.txt") in ids
    assert all(i.id.endswith((".txt", ".md", ".html")) for i in items([str(SAMPLES / "port-*.txt")]))
    assert len(list(items([str(SAMPLES / "port-*.txt")]))) == 4


@pytest.mark.parametrize("spec", ["{tmp}/empty-dir", "{tmp}/nothing-*.txt"])
def test_a_directory_or_glob_with_no_article_is_an_input_error(tmp_path, spec):
    (tmp_path / "empty-dir").mkdir()
    with pytest.raises(InputError):
        list(items([spec.format(tmp=tmp_path)]))


def test_jsonl_gz_records_keep_id_title_fields_and_report_bad_lines(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    rows = [json.dumps({"id": "a1", "title": "T", "bias": "left", "text": "The council met."}),
            "not json", json.dumps({"id": "a3", "text": "  "}), json.dumps([1, 2])]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(rows) + "\n\n")
    got = list(items([str(path)]))
    assert [(i.id, i.error is None) for i in got] == [
        ("a1", True), (f"{path}:2", False), ("a3", False), (f"{path}:4", False)]
    first = got[0]
    assert first.doc.text == "The council met." and first.doc.title == "T"
    assert first.fields == {"id": "a1", "title": "T", "bias": "left"}
    assert "no text in field 'text'" in got[2].error


def test_a_missing_file_is_yielded_with_its_error():
    (item,) = items(["no/such/file.txt"])
    assert item.doc is None and item.error == "no/such/file.txt: no such file"
