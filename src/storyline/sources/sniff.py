"""Telling formats apart from the first bytes (and a Content-Type, for URLs), for inputs whose
name does not say: ``.xml`` files, unknown extensions and fetched URLs."""
from __future__ import annotations

import re
from typing import Literal

Kind = Literal["html", "feed", "json", "txt", "warc"]

_HEAD_BYTES = 4096
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_BOMS_AND_SPACE = b"\xef\xbb\xbf \t\r\n"
_CONTENT_TYPES: dict[str, Kind] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/feed+json": "json",
    "application/json": "json",
    "application/x-ndjson": "json",
    "application/jsonl": "json",
    "text/plain": "txt",
    "application/warc": "warc",
}


def sniff(data: bytes, content_type: str | None = None) -> Kind | None:
    """The format of ``data``: declared content type first, then the opening bytes."""
    declared = _CONTENT_TYPES.get((content_type or "").split(";")[0].strip().lower())
    if declared in ("html", "feed", "json", "warc"):
        return declared
    return sniff_bytes(data) or declared


def sniff_bytes(data: bytes) -> Kind | None:
    head = data[:_HEAD_BYTES]
    stripped = head.lstrip(_BOMS_AND_SPACE)
    if stripped.startswith(b"WARC/"):
        return "warc"
    if is_feed(head):
        return "feed"
    if _HTML_START.search(head):
        return "html"
    if stripped[:1] in (b"{", b"["):
        return "json"
    return None


def is_feed(head: bytes) -> bool:
    """An RSS, Atom or RDF root element near the start of an XML document."""
    return bool(_FEED_ROOT.search(head[:_HEAD_BYTES]))
