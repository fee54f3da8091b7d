"""Read an article from a file, stdin or a URL and turn it into plain text.

Heavy or network modules (trafilatura, urllib.request) are imported only on the
paths that need them, so loading a plain-text file stays fast.
"""

from __future__ import annotations

import codecs
import re
import sys
import threading
import typing
from pathlib import Path

from framing.files import read_bytes, read_capped
from framing.record import record

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html)\b", re.IGNORECASE)
_URL = re.compile(r"([a-z][a-z0-9+.-]*)://", re.IGNORECASE)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_META_CHARSET = re.compile(r"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)

# Checked longest first: the UTF-32 LE BOM begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_SIGNATURES = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
)

_FURNITURE = re.compile(
    r"""(?ix)
    (?:related|recent|popular|latest|more|top)\s+
        (?:articles?|posts?|stories|news|reads?|content|coverage|links|videos)
    | related
    | read\s+(?:more|next|also)\b.*
    | more\s+from\b.*
    | you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)
    | recommended\b.*
    | most\s+(?:popular|read|viewed|shared)\b.*
    | trending\b.*
    | share\s+(?:this|on)\b.*
    | sort\s+by\s+topics?
    | leave\s+a\s+(?:comment|reply)
    | (?:\d+\s+)?comments?(?:\s*\(\d+\))?
    | subscribe\b.*
    | sign\s+up\b.*
    """
)
_FURNITURE_MAX_WORDS = 6
_FURNITURE_MIN_SHARE = 0.4
_PROSE_MIN_WORDS = 15
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+(.+?)(?:\s+#+)?\s*")
_TITLE_SEARCH_LINES = 5
_LABEL_MAX_WORDS = 4


class InputError(Exception):
    """A problem with the user's input; str(exc) is one line fit for stderr."""


@record
class Document:
    """An article ready for analysis."""

    source: str
    text: str
    title: str | None
    removed: str | None


def load(
    spec: str,
    *,
    stdin: typing.BinaryIO | None = None,
    timeout: float = 10.0,
    max_bytes: int = 5_000_000,
    keep_all: bool = False,
) -> Document:
    """Load `spec`: "-" for stdin, an http(s) URL, or a file path. `keep_all` keeps trailing
    page furniture (related-article lists and the like) that is otherwise cut."""
    if not spec:
        raise InputError("no input given: pass a file path, an http(s) URL or - for stdin")
    if spec == "-":
        data = read_capped(stdin or sys.stdin.buffer, max_bytes, spec, InputError)
        return _to_document(decode(data, spec), spec, is_html=False, keep_all=keep_all)
    scheme = _URL.match(spec)
    if scheme:
        if scheme.group(1).lower() not in ("http", "https"):
            raise InputError(f"{spec}: unsupported URL scheme {scheme.group(1)!r} (only http and https)")
        return _fetch(spec, timeout, max_bytes, keep_all)
    data = read_bytes(spec, InputError, max_bytes=max_bytes)
    is_html = Path(spec).suffix.lower() in _HTML_SUFFIXES
    return _to_document(_decode_html(data, spec) if is_html else decode(data, spec), spec,
                        is_html=is_html, keep_all=keep_all)


def decode(data: bytes, source: str) -> str:
    """Decode bytes to text (BOMs, UTF-16 without BOM, else strict UTF-8)."""
    if not data.strip():
        raise InputError(f"{source}: is empty")
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"{source}: looks like a binary file ({kind}), not text")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _tidy(_decode_strict(data, codec, label, source), source)
    utf16 = _sniff_utf16(data)
    if utf16:
        try:
            return _tidy(data.decode(utf16), source)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: the NUL check below reports it
    if b"\x00" in data:
        raise InputError(f"{source}: looks like a binary file (contains NUL bytes), not text")
    return _tidy(_decode_strict(data, "utf-8", "UTF-8", source), source)


def _decode_html(data: bytes, source: str) -> str:
    """Decode a saved web page: as `decode`, but a page that is not UTF-8 may name its
    encoding in a <meta charset> tag (older pages are often windows-1252)."""
    try:
        return decode(data, source)
    except InputError:
        match = _META_CHARSET.search(data[:4096].decode("latin-1"))
        if not match:
            raise
        try:
            codec = codecs.lookup(match.group(1)).name
        except LookupError:
            raise InputError(f"{source}: names an unknown encoding {match.group(1)!r}") from None
        return _tidy(_decode_strict(data, codec, codec, source), source)


def text_document(text: str, source: str, keep_all: bool = False) -> Document:
    """Make a Document from plain text or Markdown, cutting trailing page furniture."""
    kept, removed = _trim_furniture(text, keep_all)
    if not kept:
        raise InputError(f"{source}: is empty")
    return Document(source=source, text=kept, title=_text_title(kept), removed=removed)


def html_document(html: str, source: str, url: str | None = None,
                  keep_all: bool = False) -> Document:
    """Extract the main article text and title from an HTML page (offline)."""
    import trafilatura
    from trafilatura.xml import xmltotxt

    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        with_metadata=True,
    )
    body = getattr(extracted, "body", None)
    blocks = [xmltotxt(child, False).strip() for child in (body if body is not None else ())]
    kept, removed = _trim_furniture("\n\n".join(block for block in blocks if block), keep_all)
    if not kept:
        raise InputError(f"{source}: no article text found in the HTML page")
    return Document(source=source, text=kept, title=_html_title(extracted.title, html), removed=removed)


def _to_document(text: str, source: str, *, is_html: bool, keep_all: bool) -> Document:
    """Route decoded text to the HTML or the plain-text path."""
    if is_html or _HTML_START.match(text):
        return html_document(text, source, keep_all=keep_all)
    return text_document(text, source, keep_all)


def _decode_strict(data: bytes, codec: str, label: str, source: str) -> str:
    """Decode strictly, reporting the first invalid byte and its offset."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        where = f"invalid byte 0x{exc.object[exc.start]:02x} at offset {exc.start}"
        hint = "; convert it to UTF-8 first, e.g. iconv -f latin1 -t utf-8" if label == "UTF-8" else ""
        raise InputError(f"{source}: is not {label} text ({where}){hint}") from None


def _sniff_utf16(data: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" if BOM-less bytes look like UTF-16."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _tidy(text: str, source: str) -> str:
    """Drop a leading BOM, normalise newlines, reject NULs and empty text."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise InputError(f"{source}: looks like a binary file (contains NUL characters), not text")
    if not text.strip():
        raise InputError(f"{source}: is empty")
    return text


def _trim_furniture(text: str, keep_all: bool = False) -> tuple[str, str | None]:
    """Cut at the first furniture heading past 40% of the text that is not followed by body
    prose; drop trailing whitespace. `keep_all`: cut nothing."""
    if keep_all:
        return text.rstrip(), None
    lines = text.splitlines(keepends=True)
    start = 0
    past = _FURNITURE_MIN_SHARE * len(text)  # lines that start before it are kept
    for n, line in enumerate(lines):
        if start >= past and _is_furniture(heading := line.strip()) and not _is_prose(
                next((x.strip() for x in lines[n + 1:] if x.strip()), "")):
            kept = text[:start].rstrip()
            return kept, f'page furniture after "{heading}" ({len(text) - len(kept):,} characters)'
        start += len(line)
    return text.rstrip(), None


def _is_prose(line: str) -> bool:
    """A paragraph of body text, not a headline, caption or link: 15 words or more, ending
    like a sentence. A heading followed by one ("More from the hearing") is a section of
    the article itself."""
    return len(line.split()) >= _PROSE_MIN_WORDS and line.rstrip("”’\"')")[-1:] in ".!?"


def _is_furniture(line: str) -> bool:
    """True for a short standalone line such as "RELATED ARTICLES" or "Read more"."""
    words = line.split()
    return 0 < len(words) <= _FURNITURE_MAX_WORDS and bool(_FURNITURE.fullmatch(line.strip(" :.»›|-–—")))


def _text_title(text: str) -> str | None:
    """A leading Markdown heading, else the first headline-like line near the top."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][:_TITLE_SEARCH_LINES]
    heading = _MARKDOWN_HEADING.fullmatch(lines[0]) if lines else None
    if heading:
        return heading.group(1)
    return next((line for line in lines if _is_headline(line)), None)


def _is_headline(line: str) -> bool:
    """2-20 words, no final period, and not a short all-caps section label."""
    words = line.split()
    if not 2 <= len(words) <= 20 or line.endswith("."):
        return False
    return not (line.isupper() and len(words) <= _LABEL_MAX_WORDS)


def _html_title(meta_title: str | None, html: str) -> str | None:
    """trafilatura's title unless missing or a furniture heading, else <title>."""
    if meta_title and not _is_furniture(meta_title):
        return meta_title
    import html as htmllib  # here: plain-text articles never need it

    match = re.search(r"<title\b[^>]*>(.*?)</title\s*>", html, re.IGNORECASE | re.DOTALL)
    title = " ".join(htmllib.unescape(match.group(1)).split()) if match else ""
    return title or None


def _fetch(url: str, timeout: float, max_bytes: int, keep_all: bool) -> Document:
    """Fetch an http(s) URL and turn the response into a Document. `timeout` bounds the whole
    fetch (name look-up, connecting, waiting and reading), so a server that trickles its
    bytes cannot hold it longer; the download runs in a worker thread told to stop then."""
    outcome: dict[str, object] = {}
    stop = threading.Event()

    def work() -> None:
        try:
            outcome["response"] = _download(url, timeout, max_bytes, stop)
        except Exception as exc:  # raised again in the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="framing-fetch", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        stop.set()
        raise InputError(f"{url}: could not fetch (timed out)")
    if "error" in outcome:
        raise outcome["error"]
    data, content_type, charset = outcome["response"]
    text = _decode_charset(data, charset, url)
    if content_type in _HTML_TYPES or _HTML_START.match(text):
        return html_document(text, url, url=url, keep_all=keep_all)
    return text_document(text, url, keep_all)


def _download(url: str, timeout: float, max_bytes: int,
              stop: threading.Event) -> tuple[bytes, str, str | None]:
    """(body, content type, charset) of an http(s) URL; redirects stay on http(s)."""
    import http.client
    import urllib.error
    import urllib.request

    from framing import __version__

    opener = urllib.request.build_opener(_redirect_handler())
    request = urllib.request.Request(url, headers={"User-Agent": f"framing/{__version__}"})
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            _check_content_type(url, content_type)
            data = read_capped(response, max_bytes, url, InputError, stop)
            return data, content_type, response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        exc.close()  # it holds the open response
        raise InputError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise InputError(f"{url}: could not fetch ({_reason(exc.reason)})") from None
    except (OSError, http.client.HTTPException) as exc:
        raise InputError(f"{url}: could not fetch ({_reason(exc)})") from None
    except ValueError as exc:
        raise InputError(f"{url}: not a valid URL ({exc})") from None


def _redirect_handler():
    """urllib's redirect handler, refusing any target that is not http or https (urllib
    itself follows ftp: and refuses file: with a muddled message)."""
    import urllib.parse
    import urllib.request

    class HttpRedirects(urllib.request.HTTPRedirectHandler):
        def http_error_302(self, req, fp, code, msg, headers):
            target = urllib.parse.urljoin(req.full_url, headers.get("location")
                                          or headers.get("uri") or "")
            if urllib.parse.urlsplit(target).scheme.lower() not in ("http", "https"):
                fp.close()
                raise InputError(f"{req.full_url}: redirects to {target}, which is not an "
                                 "http or https URL")
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    return HttpRedirects


def _check_content_type(url: str, content_type: str) -> None:
    """Refuse responses that are not text or HTML."""
    if not (content_type.startswith("text/") or content_type in _HTML_TYPES):
        raise InputError(f"{url}: is {content_type}, not a text or HTML page")


def _decode_charset(data: bytes, charset: str | None, source: str) -> str:
    """Decode with the server's charset unless it is absent, unknown or UTF-8."""
    try:
        codec = codecs.lookup(charset or "utf-8").name
    except LookupError:
        codec = "utf-8"
    if codec == "utf-8" or not data.strip():
        return decode(data, source)
    return _tidy(_decode_strict(data, codec, codec, source), source)


def _reason(error: object) -> str:
    """A short human reason for a network error."""
    return getattr(error, "strerror", None) or str(error) or type(error).__name__

