"""Response models of the JSON API, so ``/openapi.json`` documents the shapes.

Interchange records (articles, stories, entities) name their spec fields and allow extra ones (the
spec welcomes extra fields); quotes, events, claims and time expressions stay free-form objects in
the spec's shape while those stages are still growing.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

Obj = dict[str, Any]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ArticleSummary(_Open):
    id: str
    external_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    published_from: str | None = None
    language: str | None = None
    duplicate_of: str | None = None
    story_id: str | None = None


class ArticleFull(ArticleSummary):
    text: str
    path: str | None = None
    raw_segments: list[list[int]] | None = None


class StorySummary(_Open):
    id: str
    title: str | None = None
    summary: str | None = None
    article_ids: list[str] = []
    outlets: list[str] = []
    start: str | None = None
    end: str | None = None
    size: int


class ArticleList(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[ArticleSummary]


class StoryList(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[StorySummary]


class EntityRef(BaseModel):
    entity_id: str | None
    name: str
    type: str
    country: str | None = None
    mentions: int


class ArticleDetail(BaseModel):
    article: ArticleFull
    story: StorySummary | None
    entities: list[EntityRef]
    mentions: list[Obj]
    timexes: list[Obj]
    quotes: list[Obj]
    events: list[Obj]


class TimelineItem(BaseModel):
    date: str
    kind: str  # published | event | timex
    text: str | None
    context: str | None
    article_id: str
    outlet: str
    span: dict[str, int] | None = None  # where it is stated (start, end), None for a publication date


class QuoteGroup(BaseModel):
    variant_group: str
    outlets: list[str]
    quotes: list[Obj]


class OutletOnly(BaseModel):
    outlet: str
    entities: list[Obj]
    quotes: list[Obj]
    events: list[Obj]
    claims: list[Obj]


class StoryDetail(BaseModel):
    story: StorySummary
    articles: list[ArticleSummary]
    outlets: list[str]
    timeline: list[TimelineItem]
    events: list[Obj]
    quotes: list[Obj]
    quote_groups: list[QuoteGroup]
    claims: list[Obj]
    claims_matrix: list[Obj]
    outlet_only: list[OutletOnly]
    key_actors: list[Obj] = []


class EntityOut(_Open):
    id: str
    name: str
    type: str
    aliases: list[str] = []
    titles: list[str] = []
    country: str | None = None
    sector: str | None = None
    mention_count: int


class EntityArticle(ArticleSummary):
    mentions: int
    first_mention: dict[str, int] | None = None  # start, end of the first mention in the article


class EntityDetail(BaseModel):
    entity: EntityOut
    articles: list[EntityArticle]
    stories: list[StorySummary]
    quotes: list[Obj]
    events: list[Obj]


class EntityHit(BaseModel):
    id: str
    name: str
    type: str
    country: str | None = None


class SearchResult(BaseModel):
    query: str | None
    stories: list[StorySummary]
    articles: list[ArticleSummary]
    entities: list[EntityHit]
