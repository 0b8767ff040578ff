"""WARC archives via warcio: every successful HTML response record is an article, read with the
same HTML extraction as single pages. A truncated or corrupt archive yields the records read so
far, then one SourceError."""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord

from storyline.model import RawDocument, SourceError
from storyline.sources.fields import iso_date
from storyline.sources.html import html_bytes_document
from storyline.sources.limits import MAX_FILE_BYTES, file_too_large

Result = RawDocument | SourceError

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 65536


def warc_documents(stream: BinaryIO, *, location: str, path: str | None = None) -> Iterator[Result]:
    """One result per HTML response record, streamed from ``stream``.

    warcio stops quietly at a cut-off archive, so completeness is checked here: each record
    must deliver its declared Content-Length, and nothing but blank lines may follow the last
    record that parsed.
    """
    records = ArchiveIterator(stream)
    end_offset = 0
    while True:
        try:
            record = next(records)
            content = _read_content(record) if _is_html_page(record) else None
            complete = _drain(record)
            end_offset = records.get_record_offset() + records.get_record_length()
        except StopIteration:
            break
        except Exception as exc:  # noqa: BLE001 - warcio fails on cut headers in many ways
            yield _damaged(location, f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
            return
        if record.format != "warc":  # warcio reads anything else as a headerless ARC record
            yield SourceError(location, "not a WARC archive")
            return
        if not complete:
            yield _damaged(location, f"record {_uri(record) or end_offset} is cut short")
            return
        if content is not None:
            yield _record_document(record, content, location=location, path=path)
    if _has_unread_tail(stream, end_offset):
        yield _damaged(location, f"unreadable data after byte {end_offset}")


def _damaged(location: str, detail: str) -> SourceError:
    return SourceError(location, f"truncated or corrupt WARC: {detail}")


def _read_content(record: ArcWarcRecord) -> bytes:
    """The HTTP body (de-chunked, decompressed), up to one byte over the size cap."""
    return record.content_stream().read(MAX_FILE_BYTES + 1)


def _drain(record: ArcWarcRecord) -> bool:
    """Read the rest of the record; False when the archive ended before its declared length,
    or when the record declares none (WARC requires Content-Length; cut headers lose it)."""
    raw = record.raw_stream
    while raw.read(_CHUNK):
        pass
    return isinstance(raw, LimitReader) and raw.limit <= 0


def _has_unread_tail(stream: BinaryIO, end_offset: int) -> bool:
    try:
        if not stream.seekable():
            return False
        stream.seek(end_offset)
        return bool(stream.read(_CHUNK).strip())
    except (OSError, ValueError):
        return False


def _uri(record: ArcWarcRecord) -> str | None:
    return record.rec_headers.get_header("WARC-Target-URI")


def _is_html_page(record: ArcWarcRecord) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return record.http_headers.get_statuscode() == "200" and content_type in _HTML_TYPES


def _record_document(record: ArcWarcRecord, data: bytes, *, location: str, path: str | None) -> Result:
    uri = _uri(record)
    where = f"{location}:{uri}" if uri else location
    if len(data) > MAX_FILE_BYTES:
        return SourceError(where, file_too_large())
    result = html_bytes_document(
        data, location=where, charset=_charset(record), source_kind="warc", path=path, url=uri,
        external_id=record.rec_headers.get_header("WARC-Record-ID"),
    )
    if isinstance(result, RawDocument) and not result.published:
        _use_fetch_date(result, record)
    return result


def _use_fetch_date(document: RawDocument, record: ArcWarcRecord) -> None:
    """The page names no date: the capture time is the best upper bound we have."""
    fetched = iso_date(record.rec_headers.get_header("WARC-Date"))
    if fetched:
        document.published = fetched
        document.published_from = "metadata"


def _charset(record: ArcWarcRecord) -> str | None:
    content_type = record.http_headers.get_header("Content-Type") or ""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"') or None
    return None
