"""Normalising metadata values that inputs spell many ways: dates to ISO 8601, languages to
ISO 639-1, titles to one line."""
from __future__ import annotations

import datetime as dt
import re
import time
from typing import Any

from dateutil import parser as date_parser

from storyline.sources.decode import repair_text

_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def iso_date(value: Any) -> str | None:
    """ISO 8601 form of a date given as text (ISO kept as written, other spellings parsed by
    dateutil), a datetime or a time.struct_time; None when it is not a date."""
    if isinstance(value, time.struct_time):
        return dt.datetime(*value[:6], tzinfo=dt.timezone.utc).isoformat()
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        dt.datetime.fromisoformat(text)
        return text
    except ValueError:
        pass
    if not _YEAR.search(text):
        return None  # dateutil would fill a bare "Monday" or "5" in from today
    try:
        parsed = date_parser.parse(text)
    except (ValueError, OverflowError):
        return None
    return _date_or_datetime(parsed)


def iso_language(value: Any) -> str | None:
    """"en", "EN", "en-GB", "en_US" -> "en"; anything that is not a two-letter code -> None."""
    if not isinstance(value, str):
        return None
    code = value.strip().replace("_", "-").split("-")[0].lower()
    return code if len(code) == 2 and code.isalpha() else None


def one_line(value: Any) -> str | None:
    """A title-like field as one repaired line, or None when absent or blank."""
    if not isinstance(value, str):
        return None
    return " ".join(repair_text(value).split()) or None


def _date_or_datetime(parsed: dt.datetime) -> str:
    if parsed.tzinfo is None and parsed.time() == dt.time(0, 0):
        return parsed.date().isoformat()
    return parsed.isoformat()
