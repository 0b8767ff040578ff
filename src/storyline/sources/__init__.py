"""sources stage: every input (files, folders, http(s) URLs) -> RawDocument | SourceError.

Formats follow ``shared/spec/interchange.md`` "Input": .txt, .html/.htm (also gzipped),
.json/.jsonl, .warc/.warc.gz, RSS/Atom (.rss, .atom, .xml feeds); unknown extensions are
sniffed. A bad file, record or URL becomes a SourceError and reading goes on.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.model import RawDocument, SourceError
from storyline.sources.fetch import is_url
from storyline.sources.fields import iso_date, iso_language
from storyline.sources.files import walk
from storyline.sources.readers import read_file, read_url

__all__ = ["read_inputs"]


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """Options for a whole run; each fills in only where the input gives none (a ``published``
    option also yields to a date the clean stage finds in the text, see ``clean``)."""

    outlet: str | None = None
    published: str | None = None
    language: str | None = None

    def apply(self, document: RawDocument) -> RawDocument:
        if self.outlet and not document.outlet:
            document.outlet = self.outlet
        if self.published and not document.published:
            document.published = self.published
            document.published_from = "option"
        if self.language and not document.language:
            document.language = self.language
        return document


def read_inputs(inputs: Iterable[str], *, outlet: str | None = None, published: str | None = None,
                language: str | None = None) -> Iterator[RawDocument | SourceError]:
    """One RawDocument per article and one SourceError per unreadable file, record or URL.

    Folders are read recursively in sorted order (hidden entries skipped). Bad input never
    raises; a malformed option does (ValueError), at call time.
    """
    options = source_options(outlet, published, language)
    return _read_all(inputs, options)


def source_options(outlet: str | None, published: str | None, language: str | None) -> SourceOptions:
    published_iso = iso_date(published) if published else None
    if published and not published_iso:
        raise ValueError(f"published option is not a date: {published!r}")
    language_code = iso_language(language) if language else None
    if language and not language_code:
        raise ValueError(f"language option is not an ISO 639-1 code: {language!r}")
    return SourceOptions((outlet or "").strip() or None, published_iso, language_code)


def _read_all(inputs: Iterable[str], options: SourceOptions) -> Iterator[RawDocument | SourceError]:
    for item in inputs:
        for result in _read_input(str(item)):
            yield options.apply(result) if isinstance(result, RawDocument) else result


def _read_input(item: str) -> Iterator[RawDocument | SourceError]:
    if is_url(item):
        yield from read_url(item)
        return
    path = Path(item)
    if path.is_dir():
        for file in walk(path):
            yield from read_file(file)
    elif path.is_file():
        yield from read_file(path)
    else:
        yield SourceError(item, "no such file or folder")
