"""Choosing the reader for a file (by its name, sniffing where the name does not say) or for
fetched bytes, and turning any failure inside one input into a SourceError for that input."""
from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal

from storyline.model import RawDocument, SourceError
from storyline.sources.decode import DecodeError, bytes_to_text, decode_text
from storyline.sources.feed import feed_documents
from storyline.sources.fetch import FetchError, fetch
from storyline.sources.files import ReadError, is_gzip, read_capped
from storyline.sources.html import html_bytes_document
from storyline.sources.jsonrecords import json_records, jsonl_records
from storyline.sources.sniff import Kind, is_feed, sniff, sniff_bytes
from storyline.sources.warc import warc_documents

Result = RawDocument | SourceError

_KIND_BY_SUFFIX: dict[str, Kind | Literal["jsonl", "xml"]] = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "xml",
}
_SNIFF_TEXT_BYTES = 65536
_GZIP_DAMAGE = (EOFError, zlib.error, gzip.BadGzipFile)


def read_file(path: Path) -> Iterator[Result]:
    """Every result of one file; never raises."""
    yield from guarded(str(path), lambda: _read_file(path))


def read_url(url: str) -> Iterator[Result]:
    """Every result of one http(s) URL; never raises."""
    yield from guarded(url, lambda: _read_url(url))


def guarded(location: str, produce: Callable[[], Iterator[Result]]) -> Iterator[Result]:
    """Run a reader; an exception ends that input with a SourceError instead of the run."""
    try:
        yield from produce()
    except _GZIP_DAMAGE as exc:
        yield SourceError(location, f"truncated or corrupt gzip: {exc}")
    except (ReadError, FetchError) as exc:
        yield SourceError(location, str(exc))
    except OSError as exc:
        yield SourceError(location, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - bad input must never end the whole run
        yield SourceError(location, f"unexpected error: {type(exc).__name__}: {exc}")


def bytes_documents(data: bytes, kind: Kind, *, location: str, stem: str, path: str | None = None,
                    url: str | None = None, charset: str | None = None) -> Iterator[Result]:
    """Results of an in-memory input whose format is known (a file's bytes or a fetched body)."""
    if kind == "html":
        yield html_bytes_document(data, location=location, charset=charset, path=path, url=url,
                                  source_kind="url" if url else "html", external_id=None if url else stem)
    elif kind == "feed":
        yield from feed_documents(data, location=location, stem=stem, path=path)
    elif kind == "json":
        yield from json_records(data, location=location, stem=stem, path=path)
    elif kind == "warc":
        yield from warc_documents(io.BytesIO(data), location=location, path=path)
    else:
        yield text_document(data, location=location, stem=stem, path=path, url=url)


def text_document(data: bytes, *, location: str, stem: str, path: str | None = None,
                  url: str | None = None) -> Result:
    """A plain-text article: the whole input, title left to the clean stage (the first line
    may be page furniture)."""
    try:
        text = decode_text(data)
    except DecodeError as exc:
        return SourceError(location, str(exc))
    return RawDocument(text=text, source_kind="url" if url else "txt", path=path, url=url,
                       external_id=None if url else stem, clean=True)


def file_stem(path: Path) -> str:
    """The file name without its extension(s): "a.html.gz" -> "a"."""
    name = path.name[: -len(".gz")] if is_gzip(path) else path.name
    return Path(name).stem


def _read_file(path: Path) -> Iterator[Result]:
    kind = _kind_by_name(path)
    location, stem = str(path), file_stem(path)
    if kind == "warc":
        with path.open("rb") as stream:  # warcio reads .warc.gz itself, record by record
            yield from warc_documents(stream, location=location, path=location)
    elif kind == "jsonl":
        with _open_stream(path) as stream:
            yield from jsonl_records(stream, location=location, stem=stem, path=location)
    else:
        yield from _read_whole(path, kind, location=location, stem=stem)


def _read_whole(path: Path, kind: str | None, *, location: str, stem: str) -> Iterator[Result]:
    data = read_capped(path)
    if kind == "xml":
        if not is_feed(data):
            yield SourceError(location, "unsupported file type (XML but not an RSS/Atom feed)")
            return
        kind = "feed"
    if kind is None:
        kind = sniff_bytes(data) or _text_or_none(data)
        if kind is None:
            yield SourceError(location, "unsupported file type")
            return
    yield from bytes_documents(data, kind, location=location, stem=stem, path=location)


def _read_url(url: str) -> Iterator[Result]:
    fetched = fetch(url)
    kind = sniff(fetched.body, fetched.content_type) or _text_or_none(fetched.body)
    if kind is None:
        yield SourceError(url, f"unsupported content type {fetched.content_type or 'unknown'}")
        return
    stem = Path(fetched.url.split("?")[0].rstrip("/")).name or fetched.url
    for result in bytes_documents(fetched.body, kind, location=url, stem=stem, url=fetched.url,
                                  charset=fetched.charset):
        if isinstance(result, RawDocument) and result.url is None:
            result.url = fetched.url
        yield result


def _kind_by_name(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
        if suffixes and suffixes[-1] == ".warc":
            return "warc"
    return _KIND_BY_SUFFIX.get(suffixes[-1]) if suffixes else None


def _open_stream(path: Path):
    return gzip.open(path, "rb") if is_gzip(path) else path.open("rb")


def _text_or_none(data: bytes) -> Kind | None:
    """"txt" unless the bytes are binary, so unknown extensions still read plain articles (and
    an empty one is reported as empty)."""
    try:
        bytes_to_text(data[:_SNIFF_TEXT_BYTES])
    except DecodeError as exc:
        return "txt" if str(exc) == "empty" else None
    return "txt"
