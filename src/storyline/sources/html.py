"""HTML page -> RawDocument: trafilatura for main text and metadata, htmldate as date fallback.

Extraction settings were chosen on the Zyte/Scrapinghub article-extraction benchmark
(``benchmarks/extraction.py``): comments off, precision mode. Precision mode occasionally
latches onto a small wrong block; when it keeps under a fifth of the words the balanced mode
finds, the balanced text is taken instead (a method-level rule, not a per-page one).
"""
from __future__ import annotations

from typing import Any, Literal
from urllib.parse import urlsplit

import htmldate
import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from storyline.model import RawDocument, SourceError
from storyline.sources.decode import DecodeError, bytes_to_text, repair_text
from storyline.sources.fields import iso_language, one_line
from storyline.sources.limits import MAX_RECORD_CHARS, record_too_long

_COMMON_OPTIONS: dict[str, Any] = {"include_comments": False, "include_tables": True}
_PRECISE_SHARE_FLOOR = 0.2
MIN_ARTICLE_WORDS = 10
"""trafilatura's fallbacks return whatever text a page has (a menu, a cookie notice); fewer
words than this is page furniture, not an article."""


def html_bytes_document(data: bytes, *, location: str, charset: str | None = None, **fields: Any) -> RawDocument | SourceError:
    """Decode page bytes (a declared charset first, when the transport gave one) and extract."""
    try:
        html = _decode_declared(data, charset) or bytes_to_text(data)
    except DecodeError as exc:
        return SourceError(location, str(exc))
    return html_document(html, location=location, **fields)


def html_document(
    html: str,
    *,
    location: str,
    source_kind: Literal["html", "warc", "url"] = "html",
    path: str | None = None,
    url: str | None = None,
    external_id: str | None = None,
) -> RawDocument | SourceError:
    """Main text and metadata of one page; SourceError when it holds no article text.

    ``url`` is where the page was fetched from (WARC target, URL input); it wins over the
    page's own canonical link, which is used otherwise.
    """
    tree = load_html(html)
    if tree is None:
        return SourceError(location, "not an HTML document")
    precise = _extract(tree, url, favor_precision=True, with_metadata=True)
    text = _best_text(precise, _extract(tree, url))
    if len(text.split()) < MIN_ARTICLE_WORDS:
        return SourceError(location, "no article text found")
    if len(text) > MAX_RECORD_CHARS:
        return SourceError(location, record_too_long(len(text)))
    published = _page_date(precise, tree, url)
    page_url = url or _attr(precise, "url")
    return RawDocument(
        text=text,
        source_kind=source_kind,
        path=path,
        url=page_url,
        external_id=external_id,
        title=one_line(_attr(precise, "title")),
        outlet=one_line(_attr(precise, "sitename")) or hostname(page_url),
        published=published,
        published_from="metadata" if published else None,
        language=_page_language(tree),
        clean=False,
    )


def hostname(url: str | None) -> str | None:
    """The site of a URL without "www.", used as outlet when the page names none."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _decode_declared(data: bytes, charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None


def _extract(tree: HtmlElement, url: str | None, **mode: bool) -> Any:
    try:
        return trafilatura.bare_extraction(tree, url=url, **_COMMON_OPTIONS, **mode)
    except Exception:  # noqa: BLE001 - a library failure on one page must not end the run
        return None


def _best_text(precise: Any, balanced: Any) -> str:
    precise_text = repair_text(_attr(precise, "text") or "").strip()
    balanced_text = repair_text(_attr(balanced, "text") or "").strip()
    if len(precise_text.split()) < _PRECISE_SHARE_FLOOR * len(balanced_text.split()):
        return balanced_text
    return precise_text or balanced_text


def _page_date(extracted: Any, tree: HtmlElement, url: str | None) -> str | None:
    """trafilatura's date, else htmldate's original-publication date."""
    date = _attr(extracted, "date")
    if date:
        return date
    try:
        return htmldate.find_date(tree, original_date=True, url=url)
    except Exception:  # noqa: BLE001 - a missing date is not a reason to lose the article
        return None


def _page_language(tree: HtmlElement) -> str | None:
    """ISO 639-1 code from <html lang="en-GB"> (or xml:lang)."""
    root = tree.getroottree().getroot()
    return iso_language(root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang"))


def _attr(extracted: Any, name: str) -> Any:
    return getattr(extracted, name, None) if extracted is not None else None
