"""Walking input folders and reading single-article files within the size cap."""
from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

from storyline.sources.limits import MAX_FILE_BYTES, file_too_large


class ReadError(OSError):
    """A file that cannot be read; ``str(error)`` is the reason to report."""


def walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, recursively, in sorted path order (a folder's files come where
    its name sorts), hidden files and folders skipped."""
    entries = sorted((e for e in os.scandir(folder) if not e.name.startswith(".")), key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir():
            yield from walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def is_gzip(path: Path) -> bool:
    return path.suffix.lower() == ".gz"


def read_capped(path: Path) -> bytes:
    """The file's bytes (gunzipped for .gz), refusing more than MAX_FILE_BYTES without reading
    the rest into memory."""
    if is_gzip(path):
        return _read_gzip_capped(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ReadError(file_too_large(size))
    with path.open("rb") as fh:
        return fh.read(MAX_FILE_BYTES + 1)


def _read_gzip_capped(path: Path) -> bytes:
    try:
        with gzip.open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise ReadError(f"truncated or corrupt gzip: {exc}") from exc
    if len(data) > MAX_FILE_BYTES:
        raise ReadError(file_too_large())
    return data
