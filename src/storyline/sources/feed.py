"""RSS / Atom / RDF feeds via feedparser: every item is an article (content or summary as
text, link as url, published/updated date, feed title as outlet)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import feedparser
import lxml.html
from lxml import etree

from storyline.model import RawDocument, SourceError
from storyline.sources.decode import repair_text
from storyline.sources.fields import iso_date, iso_language, one_line
from storyline.sources.limits import MAX_RECORD_CHARS, record_too_long

Result = RawDocument | SourceError

_BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "section", "article", "header", "footer", "figure",
    "figcaption", "hr", "aside",
)


def feed_documents(data: bytes, *, location: str, stem: str, path: str | None = None) -> Iterator[Result]:
    """One result per feed item; a document that is not a feed gives one SourceError."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f"not a readable feed: {parsed.bozo_exception}" if parsed.bozo else "feed has no items"
        yield SourceError(location, reason)
        return
    outlet = one_line(parsed.feed.get("title"))
    language = iso_language(parsed.feed.get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_document(entry, f"{location}:item {number}", fallback_id=f"{stem}:{number}",
                              outlet=outlet, language=language, path=path)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one line per paragraph-like block.

    Written here because trafilatura's extractors expect whole pages (they drop or split short
    feed snippets) and ``text_content()`` alone glues paragraphs together; lxml does the parsing.
    """
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _entry_document(entry: Any, where: str, *, fallback_id: str, outlet: str | None,
                    language: str | None, path: str | None) -> Result:
    text = repair_text(_entry_text(entry)).strip()
    if not text:
        return SourceError(where, "missing or empty text")
    if len(text) > MAX_RECORD_CHARS:
        return SourceError(where, record_too_long(len(text)))
    # the date as the feed wrote it keeps its UTC offset (local publication day); feedparser's
    # parsed form is in UTC, used when the raw string is not understood
    published = (iso_date(entry.get("published")) or iso_date(entry.get("updated"))
                 or iso_date(entry.get("published_parsed") or entry.get("updated_parsed")))
    return RawDocument(
        text=text,
        source_kind="feed",
        path=path,
        url=entry.get("link") or None,
        external_id=entry.get("id") or entry.get("link") or fallback_id,
        title=one_line(entry.get("title")),
        outlet=outlet,
        published=published,
        published_from="metadata" if published else None,
        language=language,
        clean=True,
    )


def _entry_text(entry: Any) -> str:
    """The fullest body the item has: content, else summary; HTML turned into lines."""
    parts = entry.get("content") or []
    detail = parts[0] if parts else entry.get("summary_detail") or {}
    value = detail.get("value") or entry.get("summary") or ""
    if detail.get("type", "text/html") == "text/plain":
        return value
    return html_to_text(value) if value.strip() else ""
