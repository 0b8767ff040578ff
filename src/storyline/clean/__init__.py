"""clean stage: RawDocument -> Article.

Page furniture is dropped as whole lines (never rewritten inside), dates are harvested from the
furniture before it goes (a photo caption often carries the only date of a scraped .txt), and for
txt/JSON inputs ``raw_segments`` map the kept text back onto the input text. Pure functions, so
this runs the same in-process, in a process pool or in Spark tasks.
"""
from __future__ import annotations

import datetime as dt
import re

from storyline.clean.dates import dateline_date, find_date, is_dateline
from storyline.clean.dedup import DuplicateIndex, exact_hash
from storyline.clean.furniture import classify_lines, furniture_kind
from storyline.clean.language import identify_language, normalize_language_code
from storyline.clean.segments import EDGE_CHARS, join_lines, segments_are_exact, split_lines
from storyline.model import Article, PublishedFrom, RawDocument, article_id

__all__ = [
    "DuplicateIndex",
    "clean_document",
    "classify_lines",
    "exact_hash",
    "furniture_kind",
    "headline_candidate",
    "identify_language",
    "normalize_language_code",
    "segments_are_exact",
]

# The spec maps kept text back for .txt and JSON inputs only (HTML/WARC/feeds: null).
SEGMENT_KINDS = frozenset({"txt", "json"})
# Datelines sit in the first lines of the body.
DATELINE_LINES = 3
# A headline: a short line of a few words that does not end like a sentence.
HEADLINE_MAX_CHARS = 200
HEADLINE_WORDS = range(2, 31)
_SENTENCE_END = re.compile(r"[.,;:]$")


def clean_document(doc: RawDocument) -> Article:
    """Drop furniture lines, harvest dates, identify the language and give the article its id."""
    raw = doc.text or ""
    spans = split_lines(raw)
    lines = [raw[start:end] for start, end in spans]
    kinds = classify_lines(lines) if doc.clean else [None] * len(lines)
    text, segments = join_lines(raw, [span for span, keep in zip(spans, _kept(lines, kinds)) if keep])
    published, published_from = _publication(doc, lines, kinds)
    return Article(
        id=article_id(doc.outlet, text),
        text=text,
        external_id=doc.external_id,
        path=doc.path,
        url=doc.url,
        outlet=doc.outlet,
        title=_clean_title(doc.title) or headline_candidate(text),
        published=published,
        published_from=published_from,
        language=_source_language(doc.language) or identify_language(text),
        raw_segments=segments if doc.source_kind in SEGMENT_KINDS else None,
    )


def headline_candidate(text: str) -> str | None:
    """The first line when it reads like a headline (and is not the whole text), else None.

    A .txt file's first line is only a title *candidate*: a first line that is a body paragraph
    gives no title rather than a made-up one.
    """
    first, _, rest = text.partition("\n")
    first = first.strip(EDGE_CHARS)
    if not rest.strip() or len(first) > HEADLINE_MAX_CHARS or _SENTENCE_END.search(first):
        return None
    if len(first.split()) not in HEADLINE_WORDS or is_dateline(first):
        return None
    return first


def _kept(lines: list[str], kinds: list[str | None]) -> list[bool]:
    """Body lines stay; when captions are all the content there is (a photo gallery), they stay too."""
    has_body = any(kind is None and line.strip() for line, kind in zip(lines, kinds))
    return [kind is None or (kind == "caption" and not has_body) for kind in kinds]


def _clean_title(title: object) -> str | None:
    """Whitespace-collapsed source title; anything but a non-blank string is no title."""
    title = " ".join(title.split()) if isinstance(title, str) else ""
    return title or None


def _source_language(code: object) -> str | None:
    return normalize_language_code(code) if isinstance(code, str) else None


def _publication(doc: RawDocument, lines: list[str], kinds: list[str | None]) -> tuple[str | None, PublishedFrom | None]:
    """The source's own date wins; then a timestamp line or dateline ("text"); then a photo
    caption; a run option (``--published``) only where the article itself carries no date."""
    if doc.published and doc.published_from != "option":
        return doc.published, doc.published_from or "metadata"
    stamped = _first_date(lines, kinds, "timestamp")
    caption = _first_date(lines, kinds, "caption")
    dateline = _dateline(lines, kinds, reference=stamped or caption)
    for date, origin in ((stamped, "text"), (dateline, "text"), (caption, "caption")):
        if date is not None:
            return date.isoformat(), origin
    if doc.published:
        return doc.published, "option"
    return None, None


def _first_date(lines: list[str], kinds: list[str | None], kind: str) -> dt.date | None:
    """The first date found on a furniture line of the given kind."""
    for line, line_kind in zip(lines, kinds):
        if line_kind == kind:
            date = find_date(line)
            if date is not None:
                return date
    return None


def _dateline(lines: list[str], kinds: list[str | None], reference: dt.date | None) -> dt.date | None:
    """A wire dateline's date in the first kept non-empty lines (year taken from ``reference`` if absent)."""
    body = [line for line, kind in zip(lines, kinds) if kind is None and line.strip()]
    for line in body[:DATELINE_LINES]:
        date = dateline_date(line, reference)
        if date is not None:
            return date
    return None
