"""Tests for framing.load: decoding, files, stdin, HTML extraction, URLs, page furniture."""

from __future__ import annotations

import io
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from framing.load import Document, InputError, decode, html_document, load, text_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_919a4ef16de5fa8c.txt"

ARTICLE = (
    "Harbour plan approved\n\n"
    "The town council voted on Tuesday to approve the harbour plan after three years of debate.\n\n"
    "Supporters said the plan would bring jobs to the waterfront and repair the ageing sea wall.\n\n"
    "Opponents argued that the cost estimates were optimistic and that residents were not consulted.\n\n"
    "Construction of the first phase is expected to begin next spring, the council said.\n"
)

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour plan approved | The Coastal Ledger</title></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Harbour plan approved after long debate</h1>
<p>The town council voted on Tuesday evening to approve the new harbour plan, ending a debate
that has lasted for almost three years among residents &amp; fishermen.</p>
<p>Supporters said the plan would bring jobs to the waterfront and repair the ageing sea wall,
which engineers described as fragile after the winter storms.</p>
<p>Opponents argued that the cost estimates were too optimistic and that the council had not
consulted the families who live closest to the quay.</p>
<p>The first phase of construction is expected to begin next spring, according to a statement
published by the council on its website.</p>
</article>
<aside class="related"><h2>Related articles</h2><ul>
<li><a href="/a">Disgraceful council betrays furious locals in shameful land grab</a></li>
<li><a href="/b">Radical extremists hijack harbour protest</a></li>
</ul></aside>
<footer><p>Copyright 2024 The Coastal Ledger. All rights reserved.</p></footer>
</body></html>
"""

ARTICLE_SENTENCES = (
    "The town council voted on Tuesday evening to approve the new harbour plan",
    "which engineers described as fragile after the winter storms.",
    "The first phase of construction is expected to begin next spring",
)
RELATED_HEADLINES = ("Disgraceful council betrays", "Radical extremists hijack", "Copyright 2024")


# --- decode -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param("Caf\u00e9 news today".encode(), "Caf\u00e9 news today", id="utf-8"),
        pytest.param(b"\xef\xbb\xbfBOM text here", "BOM text here", id="utf-8-bom"),
        pytest.param(b"\xff\xfe" + "Caf\u00e9 \u2014 UTF-16 LE".encode("utf-16-le"), "Caf\u00e9 \u2014 UTF-16 LE", id="utf-16-le-bom"),
        pytest.param(b"\xfe\xff" + "Caf\u00e9 \u2014 UTF-16 BE".encode("utf-16-be"), "Caf\u00e9 \u2014 UTF-16 BE", id="utf-16-be-bom"),
        pytest.param("A plain story in UTF-16 LE".encode("utf-16-le"), "A plain story in UTF-16 LE", id="utf-16-le-no-bom"),
        pytest.param("A plain story in UTF-16 BE".encode("utf-16-be"), "A plain story in UTF-16 BE", id="utf-16-be-no-bom"),
        pytest.param("UTF-32 text \u00e9".encode("utf-32"), "UTF-32 text \u00e9", id="utf-32-bom"),
        pytest.param(b"one\r\ntwo\rthree\n", "one\ntwo\nthree\n", id="crlf-and-cr"),
        pytest.param("line one\r\nline two".encode("utf-16"), "line one\nline two", id="utf-16-crlf"),
    ],
)
def test_decode_text(data: bytes, expected: str) -> None:
    assert decode(data, "in.txt") == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "in.txt: looks like a binary file (PNG image), not text", id="png"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "in.txt: looks like a binary file (PDF document), not text", id="pdf"),
        pytest.param(b"\x1f\x8b\x08\x00\x00\x00", "in.txt: looks like a binary file (gzip archive), not text", id="gzip"),
        pytest.param(b"abc\x00\x01\x02\x03\xff\x00", "in.txt: looks like a binary file (contains NUL bytes), not text", id="nul"),
        pytest.param(b"", "in.txt: is empty", id="empty"),
        pytest.param(b" \n\t\r\n ", "in.txt: is empty", id="whitespace"),
        pytest.param(b"\xef\xbb\xbf \n", "in.txt: is empty", id="bom-only"),
        pytest.param("\u00a0\n".encode(), "in.txt: is empty", id="no-break-space-only"),
    ],
)
def test_decode_rejects(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "in.txt")
    assert str(info.value) == message


def test_decode_latin1_names_byte_and_offset() -> None:
    with pytest.raises(InputError) as info:
        decode("Caf\u00e9 society".encode("latin-1"), "old.txt")
    message = str(info.value)
    assert message.startswith("old.txt: is not UTF-8 text (invalid byte 0xe9 at offset 3)")
    assert "iconv -f latin1 -t utf-8" in message
    assert "\n" not in message


# --- files and stdin --------------------------------------------------------------------------

def test_load_text_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    doc = load(str(path))
    assert doc == Document(source=str(path), text=ARTICLE.rstrip(), title="Harbour plan approved", removed=None)


def test_load_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=r"nope\.txt: no such file$"):
        load(str(missing))


def test_load_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load(str(tmp_path))
    assert str(info.value) == f"{tmp_path}: is a directory, not a file"


def test_load_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)

    def deny(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", deny)  # works even when the tests run as root
    with pytest.raises(InputError) as info:
        load(str(path))
    assert str(info.value) == f"{path}: permission denied"


def test_load_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 30)  # 150 bytes
    assert load(str(path), max_bytes=150).text.startswith("word word")
    with pytest.raises(InputError) as info:
        load(str(path), max_bytes=149)
    assert str(info.value) == f"{path}: is larger than the 149-byte limit"


def test_load_stdin() -> None:
    doc = load("-", stdin=io.BytesIO(b"\xef\xbb\xbf" + ARTICLE.encode()))
    assert doc.source == "-"
    assert doc.text == ARTICLE.rstrip()
    assert doc.title == "Harbour plan approved"


def test_load_stdin_size_cap() -> None:
    with pytest.raises(InputError, match=r"^-: is larger than the 10-byte limit$"):
        load("-", stdin=io.BytesIO(b"x" * 11), max_bytes=10)


def test_load_rejects_other_url_schemes() -> None:
    with pytest.raises(InputError, match=r"^ftp://example\.org/a\.txt: unsupported URL scheme 'ftp'"):
        load("ftp://example.org/a.txt")


def test_plain_text_load_imports_neither_trafilatura_nor_urllib(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE)
    code = (
        "import sys; from framing.load import load; load(sys.argv[1]); "
        "print(sorted(m for m in ('trafilatura', 'urllib.request') if m in sys.modules))"
    )
    repo = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], cwd=repo, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# --- plain text: titles and page furniture ----------------------------------------------------

@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param("# Harbour plan approved #\n\nBody text follows here.", "Harbour plan approved", id="markdown-h1"),
        pytest.param("\n\n## Second level heading\n\nBody.", "Second level heading", id="markdown-h2"),
        pytest.param("LOCAL NEWS\n\nHarbour plan approved\n\nBody.", "Harbour plan approved", id="skip-caps-label"),
        pytest.param("This is a sentence, not a headline.\nAnother one follows here.", None, id="no-headline"),
        pytest.param("Word\n\nHarbour plan approved\n\nBody.", "Harbour plan approved", id="skip-one-word"),
    ],
)
def test_text_title(text: str, title: str | None) -> None:
    assert text_document(text, "t.md").title == title


def _with_furniture(heading: str) -> str:
    related = "\n\n".join(f"Invented related headline number {n} about something else" for n in range(4))
    return ARTICLE + "\n\u00a0\n\n" + heading + "\n\n" + related + "\n"


@pytest.mark.parametrize(
    "heading",
    ["RELATED ARTICLES", "Related posts", "Related stories:", "Recent Posts", "Read more", "More from the author",
     "You may also like", "Recommended for you", "Most popular", "Trending now", "Share this article",
     "Sort by topics", "Leave a comment", "Comments (12)", "Subscribe to our newsletter", "Sign up for alerts"],
)
def test_furniture_is_cut(heading: str) -> None:
    text = _with_furniture(heading)
    doc = text_document(text, "page.txt")
    assert doc.text == ARTICLE.rstrip()
    assert text.startswith(doc.text)
    assert doc.removed == f'page furniture after "{heading}" ({len(text) - len(doc.text):,} characters)'


def test_early_furniture_heading_is_kept() -> None:
    text = "Harbour plan approved\n\nRead more\n\n" + ARTICLE.split("\n\n", 1)[1]
    doc = text_document(text, "page.txt")
    assert doc.text == text.rstrip()
    assert doc.removed is None


def test_furniture_needs_a_standalone_short_line() -> None:
    text = ARTICLE + "\nRelated stories about the harbour have appeared in the local press for years now.\n"
    assert text_document(text, "page.txt").text == text.rstrip()


# --- HTML -------------------------------------------------------------------------------------

def test_html_file_extraction(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = load(str(path))
    for sentence in ARTICLE_SENTENCES:
        assert sentence in doc.text
    for headline in RELATED_HEADLINES:
        assert headline not in doc.text
    assert "Home" not in doc.text.split()
    assert doc.title == "Harbour plan approved after long debate"
    assert "\n\nSupporters said" in doc.text  # paragraphs separated by blank lines
    assert "residents & fishermen" in doc.text  # &amp; decoded


def test_html_sniffed_from_content(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("\n  " + PAGE.replace("<!DOCTYPE html>", "<!doctype HTML>"), encoding="utf-8")
    doc = load(str(path))
    assert ARTICLE_SENTENCES[0] in doc.text
    assert "<p>" not in doc.text


def test_html_entities_decoded() -> None:
    page = PAGE.replace("fragile after", "fragile &mdash; &#8220;very fragile&#8221; &eacute;t&eacute; &lt;sic&gt; after")
    doc = html_document(page, "page.html")
    assert "fragile \u2014 \u201cvery fragile\u201d \u00e9t\u00e9 <sic> after" in doc.text


def test_html_title_falls_back_to_title_element() -> None:
    page = PAGE.replace("<h1>Harbour plan approved after long debate</h1>", "").replace(
        "<title>Harbour plan approved | The Coastal Ledger</title>", "<title>U.S. harbour plan approved</title>"
    )
    assert html_document(page, "page.html").title == "U.S. harbour plan approved"


def test_html_extraction_stays_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("HTML extraction tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    doc = html_document(PAGE, "page.html", url="https://news.example.org/harbour")
    assert ARTICLE_SENTENCES[0] in doc.text


def test_html_without_article_text() -> None:
    page = "<!doctype html><html><body><nav><ul><li><a href='/'>Home</a></li></ul></nav></body></html>"
    with pytest.raises(InputError) as info:
        html_document(page, "empty.html")
    assert str(info.value) == "empty.html: no article text found in the HTML page"


# --- URLs -------------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
LATIN1_TEXT = "Caf\u00e9 owners protest new rules\n\nThe caf\u00e9 owners met on Monday.\n"


class _Handler(BaseHTTPRequestHandler):
    """Serves canned responses; /stall waits until the test server shuts down."""

    routes: dict[str, tuple[int, str, bytes]] = {
        "/article.html": (200, "text/html; charset=utf-8", PAGE.encode()),
        "/sniffed": (200, "text/plain", PAGE.encode()),
        "/plain.txt": (200, "text/plain; charset=iso-8859-1", LATIN1_TEXT.encode("latin-1")),
        "/image.png": (200, "image/png", PNG),
        "/big.txt": (200, "text/plain; charset=utf-8", b"word " * 400),
    }
    release = threading.Event()
    user_agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.user_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/stall-headers":
            self.release.wait(5)
            return
        if self.path == "/stall-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"partial ")
            self.wfile.flush()
            self.release.wait(5)
            return
        if self.path == "/trickle-body":  # one byte every 0.1 s: 3 s in all
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "30")
            self.end_headers()
            self._trickle(b"x" * 30)
            return
        if self.path == "/trickle-headers":
            self._trickle(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nok")
            return
        if self.path.startswith("/to/"):  # /to/ftp://host/x redirects there
            self.send_response(302)
            self.send_header("Location", self.path[len("/to/"):])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path not in self.routes:
            self.send_error(404, "Not Found")
            return
        status, content_type, body = self.routes[self.path]
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _trickle(self, data: bytes) -> None:
        for byte in data:
            if self.release.wait(0.1):
                return
            self.wfile.write(bytes([byte]))
            self.wfile.flush()

    def log_message(self, *args: object) -> None:
        """Keep test output quiet."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    _Handler.release.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def test_url_html(server: str) -> None:
    url = f"{server}/article.html"
    doc = load(url)
    assert doc.source == url
    assert doc.title == "Harbour plan approved after long debate"
    assert ARTICLE_SENTENCES[1] in doc.text
    assert not any(headline in doc.text for headline in RELATED_HEADLINES)
    assert _Handler.user_agents[-1].startswith("framing/")


def test_url_html_sniffed(server: str) -> None:
    doc = load(f"{server}/sniffed")
    assert ARTICLE_SENTENCES[2] in doc.text
    assert "<article>" not in doc.text


def test_url_plain_text_with_charset(server: str) -> None:
    doc = load(f"{server}/plain.txt")
    assert doc.text == LATIN1_TEXT.rstrip()
    assert doc.title == "Caf\u00e9 owners protest new rules"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        pytest.param("/missing", "{url}: HTTP 404 Not Found", id="404"),
        pytest.param("/image.png", "{url}: is image/png, not a text or HTML page", id="image"),
        pytest.param("/big.txt", "{url}: is larger than the 1,000-byte limit", id="size-cap"),
        pytest.param("/stall-headers", "{url}: could not fetch (timed out)", id="stall-before-headers"),
        pytest.param("/stall-body", "{url}: could not fetch (timed out)", id="stall-mid-body"),
    ],
)
def test_url_errors(server: str, path: str, message: str) -> None:
    url = f"{server}{path}"
    with pytest.raises(InputError) as info:
        load(url, timeout=0.5, max_bytes=1000)
    assert str(info.value) == message.format(url=url)


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-headers"])
def test_url_timeout_bounds_the_whole_fetch(server: str, path: str) -> None:
    """A server sending a byte every 0.1 s never makes one read wait 0.5 s, but the fetch
    as a whole must give up after 0.5 s instead of reading on for 3 s."""
    url = f"{server}{path}"
    with pytest.raises(InputError) as info:
        load(url, timeout=0.5)
    assert str(info.value) == f"{url}: could not fetch (timed out)"


@pytest.mark.parametrize("target", ["ftp://127.0.0.1:9/article.txt", "file:///etc/hostname",
                                    "data:text/plain,hello"])
def test_url_redirect_to_another_scheme_is_refused(server: str, target: str) -> None:
    url = f"{server}/to/{target}"
    with pytest.raises(InputError) as info:
        load(url, timeout=2)
    assert str(info.value) == f"{url}: redirects to {target}, which is not an http or https URL"


def test_url_redirect_within_http_is_followed(server: str) -> None:
    doc = load(f"{server}/to/{server}/plain.txt", timeout=2)
    assert doc.text == LATIN1_TEXT.rstrip()


def test_url_connection_refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/article.html"
    with pytest.raises(InputError) as info:
        load(url, timeout=0.5)
    assert str(info.value) == f"{url}: could not fetch (Connection refused)"


# --- the seed article -------------------------------------------------------------------------

@pytest.mark.skipif(not SEED.is_file(), reason="../shared not present: the seed article lives there")
def test_seed_article() -> None:
    raw = SEED.read_text(encoding="utf-8")
    cut = raw.index("\nRELATED ARTICLES\n")
    headline = [line for line in raw.splitlines() if line.strip()][1]
    doc = load(str(SEED))
    assert doc.text == raw[:cut].rstrip()  # everything up to the last article sentence, nothing after
    assert doc.text.endswith(".")
    assert doc.removed is not None and doc.removed.startswith('page furniture after "RELATED ARTICLES"')
    assert doc.title == headline
    assert not doc.title.isupper()  # the all-caps section label above it is not the title


def test_html_file_in_a_meta_charset_encoding(tmp_path):
    page = ('<!doctype html><html><head><meta charset="windows-1252"><title>Caf\u00e9 news</title>'
            '</head><body><article><h1>Caf\u00e9 owners protest</h1><p>The caf\u00e9 owners of '
            'Marrowby marched to City Hall on Monday to protest the new parking rules, which '
            'they say will cost them customers.</p><p>The council said it would review the '
            'rules in the spring after hearing from residents and traders.</p></article>'
            '</body></html>')
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("windows-1252"))
    doc = load(str(path))
    assert "caf\u00e9 owners of Marrowby" in doc.text


def test_html_file_naming_an_unknown_encoding(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(b'<html><head><meta charset="klingon-8"></head><body>\xe9\xe9</body></html>')
    with pytest.raises(InputError, match="unknown encoding 'klingon-8'"):
        load(str(path))
