"""Size limits shared by every reader, so one huge input cannot exhaust memory."""
from __future__ import annotations

MAX_FILE_BYTES = 10 * 1024 * 1024
"""A single-article file (txt, html, a fetched page) larger than this is refused."""

MAX_RECORD_CHARS = 1_000_000
"""A single record's text (JSON line, WARC page, feed item) longer than this is refused."""


def file_too_large(size: int | None = None) -> str:
    """The reason for refusing a file; ``size`` None when only "more than the cap" is known."""
    cap = f"{MAX_FILE_BYTES // (1024 * 1024)} MB"
    if size is None:
        return f"file too large (over {cap})"
    return f"file too large ({size / 1024 / 1024:.1f} MB > {cap})"


def record_too_long(chars: int) -> str:
    return f"text too long ({chars:,} characters > {MAX_RECORD_CHARS:,})"
