"""Blank out what a writer does not mean as prose, keeping every offset valid.

`framing check` analyses the file's own text with code, front matter, link targets, URLs,
HTML comments and tags replaced by spaces of the same length (newlines kept), so each flag's
offset is still its line and column in the file. Markdown blocks (fenced and indented code,
raw HTML blocks) come from markdown-it-py's CommonMark parser (its block tokens carry line
ranges); inline spans, which it does not locate, from the regular expressions below.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

SYNTAXES = ("markdown", "html", "text")
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)",
                           re.DOTALL)
_BACKTICKS = re.compile(r"`+")
_RAW_HTML = re.compile(r"<(script|style|pre|textarea|head)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|<![A-Za-z][^<>]*>|<\?.*?\?>", re.DOTALL)
_LINK_TARGET = re.compile(
    r"(?<=\])\((?:\s*<[^<>\n]*>|\s*(?:[^()\s]|\([^()\s]*\))*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)")
_REFERENCE = re.compile(r"(?<=\])\[[^\[\]\n]*\]")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.MULTILINE)
_URL = re.compile(r"\b(?:https?://|www\.|mailto:)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"”’]")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
DIRECTIVE = re.compile(r"<!--\s*framing:(.*?)-->", re.DOTALL)


@dataclass(frozen=True)
class Masked:
    """`text`: what is analysed; `commented`: code blanked but comments kept (where the
    `<!-- framing: ... -->` directives are read). Both as long as the file's text."""

    text: str
    commented: str


def syntax_for(path: str) -> str:
    """markdown, html or text, from a file name's suffix (stdin and others: text)."""
    suffix = path[path.rfind("."):].lower() if "." in path.rsplit("/", 1)[-1] else ""
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "html" if suffix in HTML_SUFFIXES else "text"


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _blank_all(chars: list[str], pattern: re.Pattern[str], text: str) -> None:
    for m in pattern.finditer(text):
        _blank(chars, m.start(), m.end())


def line_starts(text: str) -> list[int]:
    """The offset where each line begins."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _markdown_blocks(chars: list[str], text: str) -> None:
    """Blank front matter and the code blocks markdown-it finds (fenced and indented)."""
    from markdown_it import MarkdownIt

    front = _FRONT_MATTER.match(text)
    if front:
        _blank(chars, 0, front.end())
    starts = line_starts(text) + [len(text)]
    source = "".join(chars)
    for token in MarkdownIt("commonmark").parse(source):
        if token.type in ("fence", "code_block") and token.map:
            first, last = token.map
            _blank(chars, starts[first], starts[min(last, len(starts) - 1)])


def _inline_code(chars: list[str], text: str) -> None:
    """Blank `code spans`: a run of n backticks up to the next run of exactly n, within a
    paragraph (CommonMark's rule; a span never crosses a blank line)."""
    runs = list(_BACKTICKS.finditer(text))
    i = 0
    while i < len(runs):
        opening = runs[i]
        close = next((j for j in range(i + 1, len(runs))
                      if len(runs[j].group()) == len(opening.group())), None)
        if close is None or re.search(r"\n[ \t]*\n", text[opening.end():runs[close].start()]):
            i += 1
            continue
        _blank(chars, opening.start(), runs[close].end())
        i = close + 1


def _markup(chars: list[str], text: str) -> None:
    """Blank raw HTML (script, style, pre ... with their content), comments and tags."""
    for pattern in (_RAW_HTML, _COMMENT, _TAG):
        _blank_all(chars, pattern, text)
        text = "".join(chars)


def _entities(chars: list[str], text: str) -> None:
    """An entity becomes its character, padded with spaces (`&ldquo;` still opens a quote)."""
    for m in _ENTITY.finditer(text):
        char = html.unescape(m.group())
        if len(char) == 1 and char != m.group():
            chars[m.start()] = char
            _blank(chars, m.start() + 1, m.end())


def mask(text: str, syntax: str) -> Masked:
    """The text to analyse and the text to read directives from, for a markdown, html or
    text file; plain text keeps everything but the framing directives themselves."""
    chars = list(text)
    if syntax == "markdown":
        _markdown_blocks(chars, text)
        _inline_code(chars, "".join(chars))
    commented = "".join(chars)
    if syntax == "text":
        _blank_all(chars, DIRECTIVE, commented)
        return Masked("".join(chars), commented)
    _markup(chars, commented)
    if syntax == "markdown":
        for pattern in (_DEFINITION, _LINK_TARGET, _REFERENCE, _URL):
            _blank_all(chars, pattern, "".join(chars))
    else:
        _entities(chars, "".join(chars))
        _blank_all(chars, _URL, "".join(chars))
    return Masked("".join(chars), commented)
