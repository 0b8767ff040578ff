"""Fetching http(s) inputs with httpx: bounded time and size, redirects followed."""
from __future__ import annotations

from dataclasses import dataclass

import httpx

from storyline.sources.limits import MAX_FILE_BYTES, file_too_large

TIMEOUT_SECONDS = 20.0
_HEADERS = {"User-Agent": "storyline/0.1 (+https://github.com/storyline)", "Accept": "*/*"}


class FetchError(OSError):
    """A URL that could not be fetched; ``str(error)`` is the reason to report."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    content_type: str | None
    charset: str | None
    body: bytes


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float = TIMEOUT_SECONDS) -> Fetched:
    """GET ``url``; raise FetchError on network errors, HTTP errors and oversized bodies."""
    try:
        with httpx.stream("GET", url, headers=_HEADERS, timeout=timeout, follow_redirects=True) as response:
            if response.status_code != 200:
                raise FetchError(f"HTTP {response.status_code}")
            body = _read_capped(response)
            return Fetched(str(response.url), response.headers.get("content-type"), response.charset_encoding, body)
    except httpx.HTTPError as exc:
        raise FetchError(f"fetch failed: {type(exc).__name__}: {exc}") from exc


def _read_capped(response: httpx.Response) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_FILE_BYTES:
        raise FetchError(file_too_large(int(declared)))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_FILE_BYTES:
            raise FetchError(file_too_large())
        chunks.append(chunk)
    return b"".join(chunks)
