"""The one typed data model, mirroring ``shared/spec/interchange.md`` (schema 1).

Every stage takes and returns these dataclasses, so the same objects flow through
in-process runs, process pools and Spark tasks (they are plain, picklable values), and
``to_dict`` gives exactly the interchange JSON.
"""
from __future__ import annotations

import dataclasses
import hashlib
import operator
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1

PublishedFrom = Literal["metadata", "text", "caption", "option", "story"]


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets (code points) into an article's ``text``; ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Span | None":
        return None if d is None else cls(int(d["start"]), int(d["end"]), d["text"])


@dataclass(slots=True)
class RawDocument:
    """One article as read from an input, before cleaning.

    ``text`` is the decoded input text (txt file, JSON ``text`` field) or the main text an
    HTML extractor produced. ``clean`` says whether line-level furniture removal applies
    (txt/JSON inputs: ``raw_segments`` then maps the kept text back to ``text``).
    """

    text: str
    source_kind: Literal["txt", "html", "json", "warc", "feed", "url"]
    path: str | None = None
    url: str | None = None
    external_id: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_from: PublishedFrom | None = None
    language: str | None = None
    clean: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SourceError:
    """An input (file, record or URL) that could not be read; reported, then skipped."""

    location: str
    reason: str

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


@dataclass(slots=True)
class Article:
    id: str
    text: str
    external_id: str | None = None
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    published_from: PublishedFrom | None = None
    language: str | None = None
    raw_segments: list[list[int]] | None = None
    duplicate_of: str | None = None
    story_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return plain(self)


@dataclass(slots=True)
class Mention:
    """One entity mention inside one article, before corpus-wide resolution.

    ``key`` is the article-local cluster key (mentions of one entity in one article share it);
    ``name`` is the best full name in that cluster, which corpus resolution starts from.
    """

    span: Span
    type: str
    key: str
    name: str
    title: str | None = None
    country: str | None = None
    sector: str | None = None
    entity_id: str | None = None


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    mentions: list[dict[str, Any]] = field(default_factory=list)  # {"article_id", "span"}

    def to_dict(self) -> dict[str, Any]:
        return plain(self)


@dataclass(slots=True)
class Timex:
    article_id: str
    span: Span
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    anchor: str | None = None
    mod: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return plain(self)


@dataclass(slots=True)
class Speaker:
    """``key`` is the article-local mention cluster key (Mention.key); ``entity_id`` is filled
    from it once corpus-wide entities are resolved."""

    text: str
    span: Span | None = None
    entity_id: str | None = None
    key: str | None = None


@dataclass(slots=True)
class Quote:
    id: str
    article_id: str
    kind: Literal["direct", "indirect", "mixed"]
    content: Span
    speaker: Speaker
    cue: Span | None = None
    medium: str | None = None
    variant_group: str | None = None
    story_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return plain(self)


@dataclass(slots=True)
class Participant:
    """An event actor or recipient."""

    text: str
    span: Span | None = None
    entity_id: str | None = None
    country: str | None = None
    sector: str | None = None
    key: str | None = None  # article-local Mention.key, resolved to entity_id after canonicalisation


@dataclass(slots=True)
class Location:
    text: str
    span: Span | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class EventDate:
    value: str
    span: Span | None = None


@dataclass(slots=True)
class Event:
    id: str
    article_id: str
    type: str
    trigger: Span
    sentence: Span
    mode: str | None = None
    aux_modes: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    actors: list[Participant] = field(default_factory=list)
    recipients: list[Participant] = field(default_factory=list)
    location: Location | None = None
    date: EventDate | None = None
    quad: str | None = None
    cameo: str | None = None  # CAMEO root code via CAMEO2PLOVER (extra field, for comparison with CAMEO data)
    corroboration: list[str] = field(default_factory=list)
    story_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return plain(self)


@dataclass(slots=True)
class Story:
    id: str
    title: str | None = None
    summary: str | None = None
    article_ids: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    start: str | None = None
    end: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return plain(self)


@dataclass(slots=True)
class Annotations:
    """Everything the per-article stages derive from one article (a pure function's output)."""

    article_id: str
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # the spaCy parse, serialized (annotate.nlp.doc_to_bytes): internal, not part of the interchange
    parse: bytes | None = field(default=None, repr=False)
    parse_model: str | None = None  # the model (and version) that made ``parse``


# ---------------------------------------------------------------------------- pickling

def _pickled_by_fields(cls: type) -> None:
    """Pickle ``cls`` as (class, field values), so unpickling is one constructor call. Otherwise
    the ``__setstate__`` that ``dataclass(slots=True)`` writes sets each field from Python through
    ``object.__setattr__``: six times slower to load, and annotations cross the worker -> parent
    pipe by the hundred per article (0.9 -> 0.14 ms an article in the parent, measured on the
    corpus). Every field of these classes is an ``__init__`` argument, in field order, and none
    has a ``__post_init__``, so the constructor rebuilds the same value (subclasses: none)."""
    fields = dataclasses.fields(cls)
    if any(not f.init for f in fields) or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: its constructor would not rebuild a pickled value")
    names = tuple(f.name for f in fields)
    values = operator.attrgetter(*names)
    if len(names) == 1:
        cls.__reduce__ = lambda self: (cls, (values(self),))
    else:
        cls.__reduce__ = lambda self: (cls, values(self))


for _cls in [Span, RawDocument, SourceError, Article, Mention, Entity, Timex, Speaker, Quote, Participant, Location,
             EventDate, Event, Story, Annotations]:
    _pickled_by_fields(_cls)
del _cls


# ---------------------------------------------------------------------------- plain values

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_LEAVES = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """``dataclasses.asdict`` for the model's values, without its deep copies: every leaf here is
    immutable (str, int, float, bool, None), so the result is equal and shares nothing mutable.
    Storing an article's annotations converts a few hundred of them; ``asdict`` made that cost
    about as much as placing the article in a story (profiled on the corpus)."""
    cls = type(value)
    if cls in _LEAVES:  # most calls: asked first, before the dataclass test
        return value
    names = _FIELD_NAMES.get(cls)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return type(value)(plain(v) for v in value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


# ---------------------------------------------------------------------------- ids

_WS = re.compile(r"\s+")


def normalize_for_id(text: str) -> str:
    """Whitespace- and case-insensitive NFKC form, so trivially re-encoded copies share an id."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def stable_id(*parts: str | None, prefix: str = "", length: int = 16) -> str:
    h = hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()
    return prefix + h[:length]


def article_id(outlet: str | None, text: str) -> str:
    """Stable id: hash of outlet + normalized text (the spec's definition)."""
    return stable_id((outlet or "").casefold(), normalize_for_id(text), prefix="a_")
