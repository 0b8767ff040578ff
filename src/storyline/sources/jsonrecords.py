"""JSON and JSONL inputs: one article per record (fields text, id, title, url, outlet,
published, language). JSONL is streamed line by line; a bad line is reported with its number
and the next lines are still read."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from storyline.model import RawDocument, SourceError
from storyline.sources.decode import DecodeError, bytes_to_text, repair_text
from storyline.sources.fields import iso_date, iso_language, one_line
from storyline.sources.limits import MAX_RECORD_CHARS, record_too_long

Result = RawDocument | SourceError


def jsonl_records(lines: Iterable[bytes], *, location: str, stem: str, path: str | None = None) -> Iterator[Result]:
    """One result per non-blank line; errors name ``location:line N``."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _line_record(line, number, location=location, stem=stem, path=path)


def json_records(data: bytes, *, location: str, stem: str, path: str | None = None) -> Iterator[Result]:
    """A ``.json`` file: an object, a list of objects, or JSONL content under a .json name."""
    try:
        text = bytes_to_text(data)
    except DecodeError as exc:
        yield SourceError(location, str(exc))
        return
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        if _first_line_is_object(text):
            yield from jsonl_records(data.splitlines(), location=location, stem=stem, path=path)
        else:
            yield SourceError(location, f"invalid JSON: {exc}")
        return
    items = document if isinstance(document, list) else [document]
    for number, item in enumerate(items, start=1):
        yield record_document(item, f"{location}:item {number}", fallback_id=f"{stem}:{number}", path=path)


def _line_record(line: bytes, number: int, *, location: str, stem: str, path: str | None) -> Result:
    where = f"{location}:line {number}"
    try:
        record = json.loads(bytes_to_text(line))
    except DecodeError as exc:
        return SourceError(where, str(exc))
    except json.JSONDecodeError as exc:
        return SourceError(where, f"invalid JSON: {exc}")
    return record_document(record, where, fallback_id=f"{stem}:{number}", path=path)


def record_document(record: Any, where: str, *, fallback_id: str, path: str | None) -> Result:
    """A parsed record as a RawDocument; SourceError when it has no usable text."""
    if not isinstance(record, dict):
        return SourceError(where, f"record is a JSON {type(record).__name__}, not an object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return SourceError(where, "missing or empty text")
    if len(text) > MAX_RECORD_CHARS:
        return SourceError(where, record_too_long(len(text)))
    published = iso_date(record.get("published"))
    return RawDocument(
        text=repair_text(text),
        source_kind="json",
        path=path,
        url=_string(record.get("url")),
        external_id=_identifier(record.get("id")) or fallback_id,
        title=one_line(record.get("title")),
        outlet=one_line(record.get("outlet")),
        published=published,
        published_from="metadata" if published else None,
        language=iso_language(record.get("language")),
        clean=True,
    )


def _identifier(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    return str(value).strip() or None if isinstance(value, str | int) else None


def _string(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _first_line_is_object(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False
