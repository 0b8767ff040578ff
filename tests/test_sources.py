"""The sources stage: every input format, every bad-input case, run options, URL ingestion.
All fixture texts are written here (generated into tmp_path)."""
from __future__ import annotations

import gzip
import http.server
import io
import json
import threading
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.model import RawDocument, SourceError
from storyline.sources import read_inputs
from storyline.sources.decode import DecodeError, decode_text
from storyline.sources.feed import html_to_text
from storyline.sources.limits import MAX_FILE_BYTES, MAX_RECORD_CHARS

PARAGRAPHS = [
    "The river authority of Eastbrook confirmed on Tuesday that the old stone bridge will close "
    "for eighteen months while engineers replace its cracked foundations and widen the footpath.",
    "Mayor Ilse Varga told the council that the closure would add twenty minutes to many commutes, "
    "but said the town could not wait for a collapse before acting on the inspectors' warnings.",
    "A temporary ferry will run every quarter hour between the market square and the north bank, "
    "and the bus company has promised two extra lines during the morning and evening peaks.",
    "Shopkeepers on Mill Street said they feared losing customers, and asked the council for a "
    "reduction in local taxes until the bridge reopens to traffic in the spring of next year.",
]
ARTICLE = "\n\n".join(PARAGRAPHS)


def page(title: str = "Bridge to close for repairs", *, date: str | None = "2024-03-05",
         canonical: str | None = "https://eastbrook-gazette.example/news/bridge",
         body: str | None = None, lang: str = "en-GB") -> str:
    """A news page with furniture around the article, as a CMS would write it."""
    meta = [f'<meta property="og:site_name" content="Eastbrook Gazette">']
    if date:
        meta.append(f'<meta property="article:published_time" content="{date}T08:30:00Z">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{canonical}">')
    article = body if body is not None else "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><title>{title} | Eastbrook Gazette</title>'
            f'{"".join(meta)}</head><body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>'
            f"<article><h1>{title}</h1>{article}</article>"
            "<footer>Copyright Eastbrook Gazette. All rights reserved.</footer></body></html>")


def read(*inputs: Path | str, **options) -> list[RawDocument | SourceError]:
    return list(read_inputs([str(i) for i in inputs], **options))


def documents(results) -> list[RawDocument]:
    return [r for r in results if isinstance(r, RawDocument)]


def errors(results) -> list[SourceError]:
    return [r for r in results if isinstance(r, SourceError)]


def only(results, kind):
    assert len(results) == 1 and isinstance(results[0], kind), results
    return results[0]


# ------------------------------------------------------------------------------ txt + decoding

def test_txt_file_is_one_article(tmp_path):
    path = tmp_path / "bridge-story.txt"
    path.write_text("Menu | Login\n" + ARTICLE + "\n", encoding="utf-8")
    doc = only(read(path), RawDocument)
    assert doc.text == "Menu | Login\n" + ARTICLE + "\n"
    assert (doc.source_kind, doc.clean, doc.title) == ("txt", True, None)
    assert doc.external_id == "bridge-story"
    assert doc.path == str(path)


def test_latin1_file_is_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    text = "Le président a déclaré mardi que la réforme serait adoptée à l'été, malgré les grèves."
    path.write_bytes(text.encode("latin-1"))
    assert only(read(path), RawDocument).text == text


def test_mojibake_is_repaired_and_correct_text_kept(tmp_path):
    path = tmp_path / "mojibake.txt"
    path.write_bytes("The cafÃ© reopened, and itâ€™s busy.\r\nShe said “yes” — ﬁne.\r\n".encode("utf-8"))
    assert only(read(path), RawDocument).text == "The café reopened, and it’s busy.\nShe said “yes” — ﬁne.\n"


def test_byte_order_marks_are_honoured():
    assert decode_text("\ufeffBridge closes".encode("utf-8")) == "Bridge closes"
    assert decode_text("Brücke geschlossen".encode("utf-16")) == "Brücke geschlossen"


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    (bytes(range(1, 9)) * 200, "binary file"),
    (b"", "empty"),
    (b"  \n\t\r\n  ", "empty"),
])
def test_unreadable_text_is_an_error_naming_the_file(tmp_path, data, reason):
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    error = only(read(path), SourceError)
    assert (error.location, error.reason) == (str(path), reason)
    with pytest.raises(DecodeError):
        decode_text(data)


def test_oversized_file_is_refused_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: instant, no real 11 MB written
        fh.truncate(MAX_FILE_BYTES + 1024 * 1024)
    error = only(read(path), SourceError)
    assert error.location == str(path)
    assert error.reason.startswith("file too large (11.0 MB > 10 MB")


# ------------------------------------------------------------------------------ html

def test_html_page_gives_main_text_and_metadata(tmp_path):
    path = tmp_path / "bridge.html"
    path.write_text(page(), encoding="utf-8")
    doc = only(read(path), RawDocument)
    assert (doc.source_kind, doc.clean) == ("html", False)
    assert all(p in doc.text for p in PARAGRAPHS)
    assert "Copyright" not in doc.text and "Sport" not in doc.text
    assert doc.title == "Bridge to close for repairs"
    assert doc.outlet == "Eastbrook Gazette"
    assert (doc.published, doc.published_from) == ("2024-03-05", "metadata")
    assert doc.url == "https://eastbrook-gazette.example/news/bridge"
    assert doc.language == "en"
    assert doc.external_id == "bridge"


def test_html_date_from_the_page_text_when_metadata_has_none(tmp_path):
    path = tmp_path / "undated.html"
    body = "<p class='dateline'>Published 7 March 2024</p>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    path.write_text(page(date=None, canonical=None, body=body), encoding="utf-8")
    doc = only(read(path), RawDocument)
    assert (doc.published, doc.published_from) == ("2024-03-07", "metadata")
    assert doc.url is None


def test_gzipped_html_is_read(tmp_path):
    path = tmp_path / "bridge.html.gz"
    path.write_bytes(gzip.compress(page().encode("utf-8")))
    doc = only(read(path), RawDocument)
    assert PARAGRAPHS[2] in doc.text and doc.external_id == "bridge"


def test_html_without_article_is_an_error(tmp_path):
    path = tmp_path / "empty-page.htm"
    path.write_text("<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    error = only(read(path), SourceError)
    assert (error.location, error.reason) == (str(path), "no article text found")


def test_truncated_gzip_is_an_error(tmp_path):
    path = tmp_path / "cut.html.gz"
    data = gzip.compress(page().encode("utf-8"))
    path.write_bytes(data[: len(data) // 2])
    error = only(read(path), SourceError)
    assert error.location == str(path) and "truncated or corrupt gzip" in error.reason


# ------------------------------------------------------------------------------ json / jsonl

def test_jsonl_reads_good_lines_and_reports_bad_ones(tmp_path):
    path = tmp_path / "feed-dump.jsonl"
    lines = [
        json.dumps({"id": "g-1", "text": PARAGRAPHS[0], "title": " Bridge  closes ", "url": "https://g.example/1",
                    "outlet": "Gazette", "published": "March 5, 2024", "language": "EN"}),
        '{"id": "g-2", "text": "unterminated',
        "",
        json.dumps({"title": "no body"}),
        json.dumps({"text": PARAGRAPHS[1]}),
        json.dumps(["not", "an", "object"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = read(path)
    first, fifth = documents(results)
    assert (first.external_id, first.title, first.url, first.outlet) == ("g-1", "Bridge closes", "https://g.example/1", "Gazette")
    assert (first.published, first.published_from, first.language) == ("2024-03-05", "metadata", "en")
    assert (first.source_kind, first.clean, first.path) == ("json", True, str(path))
    assert fifth.external_id == "feed-dump:5" and fifth.text == PARAGRAPHS[1]
    bad = {e.location: e.reason for e in errors(results)}
    assert set(bad) == {f"{path}:line 2", f"{path}:line 4", f"{path}:line 6"}
    assert bad[f"{path}:line 2"].startswith("invalid JSON")
    assert bad[f"{path}:line 4"] == "missing or empty text"


def test_jsonl_record_over_the_character_cap_is_an_error(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "a" * (MAX_RECORD_CHARS + 1)}) + "\n" + json.dumps({"text": "short"}) + "\n")
    results = read(path)
    assert errors(results)[0].location == f"{path}:line 1"
    assert [d.text for d in documents(results)] == ["short"]


def test_jsonl_line_in_latin1_and_mojibake_field_are_fixed(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes('{"text": "Señor García habló."}\n'.encode("latin-1")
                     + json.dumps({"text": "The cafÃ© opened."}).encode() + b"\n")
    assert [d.text for d in documents(read(path))] == ["Señor García habló.", "The café opened."]


@pytest.mark.parametrize("content, count", [
    (json.dumps({"id": 7, "text": PARAGRAPHS[0]}), 1),
    (json.dumps([{"text": PARAGRAPHS[0]}, {"text": PARAGRAPHS[1]}]), 2),
    (json.dumps({"text": PARAGRAPHS[0]}) + "\n" + json.dumps({"text": PARAGRAPHS[1]}), 2),
])
def test_json_object_list_or_lines(tmp_path, content, count):
    path = tmp_path / "items.json"
    path.write_text(content, encoding="utf-8")
    docs = documents(read(path))
    assert len(docs) == count and docs[0].text == PARAGRAPHS[0]
    assert docs[0].external_id in ("7", "items:1")


def test_invalid_json_file_is_one_error(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "text": "half a record",\n', encoding="utf-8")
    error = only(read(path), SourceError)
    assert error.location == str(path) and error.reason.startswith("invalid JSON")


# ------------------------------------------------------------------------------ warc

def write_warc(path: Path, *, gzipped: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    responses = [
        ("https://eastbrook-gazette.example/a", "200 OK", "text/html; charset=utf-8", page(date=None, canonical=None)),
        ("https://eastbrook-gazette.example/missing", "404 Not Found", "text/html", page()),
        ("https://eastbrook-gazette.example/logo.png", "200 OK", "image/png", "PNG"),
        ("https://eastbrook-gazette.example/b", "200 OK", "text/html", page("Ferry timetable set", date="2024-03-07")),
    ]
    for uri, status, content_type, body in responses:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-03-09T10:00:00Z"}))
    writer.write_record(writer.create_warc_record("https://eastbrook-gazette.example/a", "request",
                                                  payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_html_responses_are_articles(tmp_path, gzipped):
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    write_warc(path, gzipped=gzipped)
    first, second = only_documents = documents(read(path))
    assert len(only_documents) == 2 and not errors(read(path))
    assert first.url == "https://eastbrook-gazette.example/a" and first.source_kind == "warc"
    assert (first.published, first.published_from) == ("2024-03-09T10:00:00Z", "metadata")  # fetch date fallback
    assert second.published == "2024-03-07" and second.title == "Ferry timetable set"
    assert PARAGRAPHS[3] in first.text and first.path == str(path)


def test_truncated_warc_keeps_records_read_so_far(tmp_path):
    path = tmp_path / "cut.warc.gz"
    data = write_warc(path)
    path.write_bytes(data[: len(data) - 400])  # into the last HTML page's record
    results = read(path)
    assert [d.url for d in documents(results)] == ["https://eastbrook-gazette.example/a"]
    error = results[-1]
    assert isinstance(error, SourceError) and error.location == str(path)
    assert "truncated or corrupt WARC" in error.reason


def test_file_that_is_not_a_warc_is_an_error(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("this is not an archive\n")
    error = only(read(path), SourceError)
    assert error.location == str(path) and "WARC" in error.reason


# ------------------------------------------------------------------------------ feeds

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Eastbrook Gazette</title><language>en-gb</language><link>https://eastbrook-gazette.example/</link>
<item><title>Bridge to close</title><link>https://eastbrook-gazette.example/bridge</link>
<guid>bridge-2024</guid><pubDate>Tue, 05 Mar 2024 08:30:00 GMT</pubDate>
<description>Short summary only.</description>
<content:encoded><![CDATA[<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}<br/>Second line.</p>]]></content:encoded></item>
<item><title>Ferry timetable</title><link>https://eastbrook-gazette.example/ferry</link>
<description>&lt;p&gt;{PARAGRAPHS[2]}&lt;/p&gt;</description></item>
<item><title>Only a title</title></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>North Bank Post</title>
<entry><title>Shops want tax cut</title><link href="https://northbank.example/shops"/>
<id>urn:nb:1</id><updated>2024-03-06T09:00:00+01:00</updated>
<content type="html">&lt;p&gt;{PARAGRAPHS[3]}&lt;/p&gt;</content></entry></feed>"""


def test_rss_items_are_articles(tmp_path):
    path = tmp_path / "gazette.rss"
    path.write_text(RSS, encoding="utf-8")
    results = read(path)
    bridge, ferry = documents(results)
    assert bridge.text == f"{PARAGRAPHS[0]}\n{PARAGRAPHS[1]}\nSecond line."
    assert (bridge.title, bridge.url, bridge.external_id) == ("Bridge to close", "https://eastbrook-gazette.example/bridge", "bridge-2024")
    assert (bridge.outlet, bridge.language, bridge.source_kind) == ("Eastbrook Gazette", "en", "feed")
    assert (bridge.published, bridge.published_from) == ("2024-03-05T08:30:00+00:00", "metadata")
    assert ferry.text == PARAGRAPHS[2] and ferry.published is None
    assert [e.location for e in errors(results)] == [f"{path}:item 3"]


@pytest.mark.parametrize("name", ["north.atom", "north.xml"])
def test_atom_feed_and_sniffed_xml(tmp_path, name):
    path = tmp_path / name
    path.write_text(ATOM, encoding="utf-8")
    doc = only(read(path), RawDocument)
    assert (doc.text, doc.outlet, doc.url) == (PARAGRAPHS[3], "North Bank Post", "https://northbank.example/shops")
    assert doc.published == "2024-03-06T09:00:00+01:00"


def test_xml_that_is_not_a_feed_is_unsupported(tmp_path):
    path = tmp_path / "config.xml"
    path.write_text('<?xml version="1.0"?><settings><colour>blue</colour></settings>')
    error = only(read(path), SourceError)
    assert error.location == str(path) and error.reason.startswith("unsupported file type")


def test_html_to_text_keeps_paragraphs_as_lines():
    assert html_to_text("Lead <p>One <b>two</b>.</p><ul><li>a</li><li>b</li></ul><script>x()</script>") == "Lead\nOne two.\na\nb"


# ------------------------------------------------------------------------------ folders, unknown types

def test_folder_is_read_recursively_in_sorted_order_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".git").mkdir()
    for rel, text in [("b/deep/z.txt", "Zed story."), ("b/a.txt", "Ay story."), ("c.txt", "Cee story."),
                      (".hidden.txt", "secret"), (".git/HEAD.txt", "ref")]:
        (tmp_path / rel).write_text(text)
    assert [d.text for d in documents(read(tmp_path))] == ["Ay story.", "Zed story.", "Cee story."]


def test_unknown_extension_is_sniffed(tmp_path):
    (tmp_path / "notes.article").write_text("A plain story about the bridge.")
    (tmp_path / "page.cms").write_text(page())
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" * 20)
    results = read(tmp_path)
    kinds = {Path(r.path).name: r.source_kind for r in documents(results)}
    assert kinds == {"notes.article": "txt", "page.cms": "html"}
    assert [(e.location, e.reason) for e in errors(results)] == [(str(tmp_path / "photo.jpg"), "unsupported file type")]


def test_missing_path_is_an_error():
    assert only(read("/no/such/input.txt"), SourceError).reason == "no such file or folder"


def test_one_bad_file_does_not_stop_the_run(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "b.txt").write_text("Good story.")
    results = read(tmp_path)
    assert [type(r) for r in results] == [SourceError, RawDocument]


# ------------------------------------------------------------------------------ options

def test_options_fill_gaps_only(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"text": "Dated story.", "published": "2024-01-02", "language": "de", "outlet": "Own Outlet"},
        {"text": "Undated story."},
    ]))
    dated, undated = documents(read(path, outlet="Wire Service", published="2024-02-01", language="fr"))
    assert (dated.published, dated.published_from, dated.language) == ("2024-01-02", "metadata", "de")
    assert (undated.published, undated.published_from, undated.language) == ("2024-02-01", "option", "fr")
    assert (dated.outlet, undated.outlet) == ("Own Outlet", "Wire Service")


def test_malformed_options_are_refused_at_call_time():
    with pytest.raises(ValueError):
        read_inputs([], published="someday")
    with pytest.raises(ValueError):
        read_inputs([], language="English")


# ------------------------------------------------------------------------------ URLs

ROUTES = {
    "/news/bridge": ("text/html; charset=utf-8", page(canonical=None).encode()),
    "/feed": ("application/rss+xml", RSS.encode()),
    "/items": ("application/json", json.dumps([{"text": PARAGRAPHS[0]}]).encode()),
    "/plain": ("text/plain; charset=utf-8", "A plain wire story.\n".encode()),
    "/image": ("image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00"),
}
HUGE_LENGTH = MAX_FILE_BYTES * 2


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/news/bridge")
            self.end_headers()
            return
        if self.path == "/huge":  # declares a body over the cap; the client must not wait for it
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(HUGE_LENGTH))
            self.end_headers()
            return
        if self.path not in ROUTES:
            self.send_error(404)
            return
        content_type, body = ROUTES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_html_page(server):
    doc = only(read(f"{server}/moved"), RawDocument)
    assert doc.url == f"{server}/news/bridge" and doc.source_kind == "url"
    assert PARAGRAPHS[0] in doc.text and doc.published == "2024-03-05"


def test_url_feed_json_and_text(server):
    results = read(f"{server}/feed", f"{server}/items", f"{server}/plain")
    kinds = [d.source_kind for d in documents(results)]
    assert kinds == ["feed", "feed", "json", "url"]
    assert documents(results)[-1].text == "A plain wire story.\n"
    assert documents(results)[2].url == f"{server}/items"


def test_url_errors_are_reported(server):
    missing, image, huge = read(f"{server}/nowhere", f"{server}/image", f"{server}/huge")
    assert (missing.location, missing.reason) == (f"{server}/nowhere", "HTTP 404")
    assert image.location == f"{server}/image" and image.reason.startswith("unsupported content type")
    assert huge.location == f"{server}/huge" and huge.reason.startswith("file too large (20.0 MB > 10 MB")
