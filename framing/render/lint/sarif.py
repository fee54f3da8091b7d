"""SARIF 2.1.0 (the OASIS standard code-review tools read): one run, a rule per lexicon entry
found, a result per finding with its region in characters (`columnKind` unicodeCodePoints),
`fixes` where the entry has a drop-in rewrite, and `suppressions` for silenced findings."""
from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from framing import __version__
from framing.lint import FileReport, Finding
from framing.render.lint.line import message

SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
          "sarif-schema-2.1.0.json")
SARIF_LEVELS = {"suggestion": "note", "warning": "warning", "error": "error"}


def _uri(path: str) -> str:
    """A relative path stays relative (code-review tools resolve it against the repository);
    an absolute one becomes a file: URI."""
    if path == "-":
        return "stdin"
    pure = PurePath(path)
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix())


def _region(f: Finding) -> dict:
    return {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
            "endColumn": f.end_column, "snippet": {"text": f.text}}


def _rule(f: Finding) -> dict:
    rule = {"id": f.rule, "name": f.rule.replace(".", "/"),
            "shortDescription": {"text": f"{f.kind.replace('_', ' ')}: {f.message}"},
            "defaultConfiguration": {"level": SARIF_LEVELS[f.level]},
            "properties": {"tags": [f.kind]}}
    if f.alternatives:
        rule["help"] = {"text": "Instead: " + "; ".join(f.alternatives)}
    return rule


def _result(f: Finding, rule_index: int) -> dict:
    location = {"artifactLocation": {"uri": _uri(f.path)}, "region": _region(f)}
    result = {"ruleId": f.rule, "ruleIndex": rule_index, "level": SARIF_LEVELS[f.level],
              "message": {"text": message(f)}, "locations": [{"physicalLocation": location}]}
    if f.replacement:
        result["fixes"] = [{
            "description": {"text": f"Replace “{f.text}” with “{f.replacement}”"},
            "artifactChanges": [{"artifactLocation": {"uri": _uri(f.path)}, "replacements": [
                {"deletedRegion": _region(f), "insertedContent": {"text": f.replacement}}]}]}]
    if f.suppressed:
        result["suppressions"] = [{"kind": "inSource", "justification": f.suppressed}]
    return result


def document(reports: list[FileReport]) -> dict:
    rules: dict[str, int] = {}
    rule_list, results = [], []
    for report in reports:
        for f in report.findings:
            if f.rule not in rules:
                rules[f.rule] = len(rule_list)
                rule_list.append(_rule(f))
            results.append(_result(f, rules[f.rule]))
    driver = {"name": "framing", "version": __version__, "rules": rule_list}
    return {"$schema": SCHEMA, "version": "2.1.0",
            "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints",
                      "artifacts": [{"location": {"uri": _uri(r.path)}} for r in reports],
                      "results": results}]}


def render(reports: list[FileReport], color: bool = False) -> str:
    return json.dumps(document(reports), ensure_ascii=False, indent=2) + "\n"
