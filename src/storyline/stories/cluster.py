"""Online clustering of articles into stories (real-world events).

Each article, in publication order, joins the best-scoring existing story or opens a new one
(single-pass clustering, the classic topic-detection-and-tracking design). The score blends

* text: cosine of IDF-weighted hashed term vectors (article vs story centroid), the title's
  terms counted ``title_boost`` times extra (a headline names the event; a junk page title
  then costs little, as it is a small part of a long vector),
* entities: cosine of IDF-weighted canonical entity keys,
* titles: cosine of IDF-weighted title terms,

times a time decay, Gaussian in the gap (in days) between the article and the story's date
range: a story is an event, so reports within a couple of weeks count almost fully and the
same topic a month later (a second missile test) is a new story. The window widens with how
long the story has been running (``duration_factor``, capped at ``max_scale_days``): a story
covered for weeks keeps drawing reports after quieter spells. Two stories merge only within
the window of the shorter-running one, so one long story does not swallow a later one of the
same topic. A story is one event, not a topic: with ``event_reach_days`` set (off by default), a
report whose text confirms its own date (a date or the weekday it names) is also weighed by its
distance from the story's first report (``event_reach``), so daily coverage of one conflict does
not chain two months of its happenings into one story, unless the report matches the story as
closely as reports of one event do (``event_match_similarity``: a toll update weeks on names the
attack's specifics). An article is also as close in time to a story as any complete calendar
date it names ("April 3, 2016"): a report that names the day of an event is about that day,
even when it was published (or stamped by a crawler or an archive) months later; a later event
of the same topic names its own day, so the window still separates it. The day in a news URL's
path ("/2016/11/13/") counts as such a date: it is set at publication and survives a wrong stamp.
The URL's headline slug adds its words to the title's, so a page titled with the site's name
("ABC News") or holding only page furniture is still placed by what its URL says. A report whose
title or lead looks ahead ("will launch later this month", "talks resume next week", a later
calendar date) keeps its story open until that day (at most ``ahead_days`` on): a preview of a
launch or a vote belongs with the reports of the event weeks later, when the event slips.

IDF is estimated incrementally from the document frequencies counted so far and applied at
comparison time (vectors are stored unweighted). The document count in the weights moves in 1%
steps once a hundred articles are counted (``idf_docs``; exact below that): a weight then changes
only when its own document frequency does or at the next step, so placing an article recomputes
the weights of the terms the previous one touched, not of the ten thousand its candidates hold.
A story's weighted norms are stored with it and made anew when it changes or the count has grown
by ``NORM_DRIFT``. Weights and norms stay a function of the stored state, so a resumed clusterer
continues exactly. A fixed English IDF table would be stale for news vocabulary (names, new events)
and would need shipping; an incremental estimate adapts to the corpus, and early on (few documents,
flat IDF) the score degrades gracefully to a stopword-filtered TF cosine, which is enough to group
the first reports of an event.

Candidate stories come from an inverted index on entity keys, title terms and each article's
most salient terms; each posting list keeps only the most recently updated stories, so placing
an article costs the same at 1k or 1M stored articles. After an article joins a story, other
stories the article also fits are merged into it when the two stories match each other; merged
ids keep resolving to the surviving (older) story.

All state is plain data (``to_state``), JSON-able, and a clusterer rebuilt from it continues
exactly as the original would: the same input in the same order gives the same stories. A
persistent clusterer keeps its records (stories, member articles, posting lists, document
frequencies) in tables read on demand (``records.LazyMap``) and only its few counters and merge
aliases in ``meta()``, so a refresh reads and writes what the articles it places touch.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import math
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Mapping
from itertools import chain, filterfalse, repeat
from operator import mul, neg
from dataclasses import dataclass, field

from storyline.clean.dates import find_dates
from storyline.model import Article, Story, stable_id

from .records import LazyMap, RecordTable
from .features import (anticipated_day, headline_of, lead_sentences, names_weekday, parse_date, term_vector, terms,
                       unit, url_date, url_slug)

STATE_VERSION = 1
# the record tables of a persistent clusterer (see ``StoryClusterer``)
TABLES = ("stories", "seqs", "articles", "postings", "term_df", "entity_df")
# A named date this close to an article's own date confirms it (time zones, next-day print).
STAMP_SUPPORT_DAYS = 3
# IDF weights use the document count of the last step (``StoryClusterer._idf_docs``): a new step
# starts when the count has grown by more than this fraction, and with every article below
# IDF_EXACT_DOCS. The weights of a step differ from exact ones by at most log(1.01) ~ 0.01.
IDF_DRIFT = 0.01
IDF_EXACT_DOCS = 100
# A story's weighted norms (the denominators of its cosines) are stored with it and recomputed when
# its profile changes or the document count in the weights has grown by more than this fraction
# since (``StoryClusterer._story_norms``): recomputing them for every candidate of every article was
# a third of placement. Between recomputations they miss the weights' moves: at most log(1 + NORM_DRIFT)
# from the document count, and the changes of their own terms' document frequencies.
NORM_DRIFT = 0.05


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Weights and thresholds; the join and merge thresholds were fitted on one half of the
    labelled stories of the development set (``benchmarks/stories_cluster.py --fit``), the other
    half is held out. An existing clusterer keeps the config stored in its state."""

    text_weight: float = 0.5
    entity_weight: float = 0.25
    title_weight: float = 0.25
    title_boost: float = 2.0           # title term counts added to the text vector, times this
    join_threshold: float = 0.15
    merge_threshold: float = 0.4
    # similarity decays as exp(-(gap / scale)^2), scale = time_scale_days + duration_factor *
    # running days, at most max_scale_days (design choices, not fitted: see the module docstring)
    time_scale_days: float = 25.0
    duration_factor: float = 2.0
    max_scale_days: float = 60.0
    # days from a story's first report on which a report of confirmed date loses weight (``event_reach``);
    # 14 (two weeks) is the shortest reach that kept every same-event pair of te3_silver's fit half
    # together (7 and 10 days split one). None: off, as it split news_cluster's held-out half (0.926 ->
    # 0.917 at 25 days; 0.918 at 14 days with the content match below: a data breach's follow-ups three
    # and eight weeks on; issue #3, docs/benchmarks.md "Reading (session 23, stories")
    event_reach_days: float | None = None
    # a report this similar to a story is about its event whatever its date, so the reach does not
    # apply: the first step of 0.05 above the strongest match of an article to another labelled story
    # on news_cluster's fit half (0.216; every candidate match at 0.25 or more was the article's story)
    event_match_similarity: float = 0.25
    named_dates: int = 20              # calendar dates named in an article kept as time evidence
    ahead_days: int = 60               # farthest a report's look ahead counts (the widest window, max_scale_days)
    query_terms: int = 12              # salient terms per article used for retrieval
    posting_cap: int = 64              # stories kept per index key (most recently updated)
    max_candidates: int = 30           # stories fully scored per article
    centroid_terms: int = 300          # terms kept in a story's text centroid
    centroid_keys: int = 60            # entity keys / title terms kept per story
    common_fraction: float = 0.1       # keys in more documents than this are not used to retrieve
    summary_sentences: int = 3
    summary_chars: int = 400


# ----------------------------------------------------------------------------- records

@dataclass(slots=True)
class Profile:
    """What a story (or one article) is compared on; sums of unit vectors for stories.

    ``named`` (articles only) are the calendar dates the article names; a story is dated by its
    reports' own dates alone, so one report's reference to a past day does not stretch it.
    ``ahead``: the latest day a report (for a story: any of its reports) looks ahead to, a launch
    "later this month": the story stays open until then, as the event it previews is still to come.
    ``dated`` (articles only, not stored): the article's text confirms its own date, so its complete
    dates are no time evidence, and the story's reach from its first report may bound where it goes
    (``StoryClusterer.event_reach``)."""

    text: dict[int, float] = field(default_factory=dict)
    title: dict[int, float] = field(default_factory=dict)
    entities: dict[str, float] = field(default_factory=dict)
    start: dt.date | None = None
    end: dt.date | None = None
    named: tuple[dt.date, ...] = ()
    ahead: dt.date | None = None
    dated: bool = False

    def add_dates(self, start: dt.date | None, end: dt.date | None) -> None:
        if start is not None:
            self.start = start if self.start is None else min(self.start, start)
        if end is not None:
            self.end = end if self.end is None else max(self.end, end)

    def to_dict(self) -> dict:
        return {"text": _pairs(self.text), "title": _pairs(self.title), "entities": self.entities,
                "start": _iso(self.start), "end": _iso(self.end), "named": [_iso(d) for d in self.named],
                "ahead": _iso(self.ahead)}

    @classmethod
    def from_dict(cls, d: dict) -> "Profile":
        return cls(_unpairs(d["text"]), _unpairs(d["title"]), dict(d["entities"]),
                   parse_date(d["start"]), parse_date(d["end"]), tuple(map(parse_date, d.get("named", []))),
                   parse_date(d.get("ahead")))


@dataclass(slots=True)
class StoryRecord:
    id: str
    seq: int
    profile: Profile
    article_ids: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    norms: list[float] | None = None  # weighted norms of text, entities, title; None: to recompute
    norm_docs: int = 0                # the document count of the weights they were computed with

    def to_dict(self) -> dict:
        return {"id": self.id, "seq": self.seq, "profile": self.profile.to_dict(),
                "article_ids": self.article_ids, "outlets": self.outlets, "norms": self.norms,
                "norm_docs": self.norm_docs}

    @classmethod
    def from_dict(cls, d: dict) -> "StoryRecord":
        return cls(d["id"], d["seq"], Profile.from_dict(d["profile"]), list(d["article_ids"]), list(d["outlets"]),
                   d.get("norms"), d.get("norm_docs", 0))


@dataclass(slots=True)
class ArticleRecord:
    """What titles, summaries and dates of a story need from one member article."""

    id: str
    story: str
    seq: int
    title: str | None
    outlet: str | None
    published: str | None       # own date (ISO), None when undated
    duplicate: bool
    terms: dict[int, float]     # the article's strongest terms (unit tf), for centrality
    leads: list[str]

    def to_dict(self) -> dict:
        return {"id": self.id, "story": self.story, "seq": self.seq, "title": self.title, "outlet": self.outlet,
                "published": self.published, "duplicate": self.duplicate, "terms": _pairs(self.terms),
                "leads": self.leads}

    @classmethod
    def from_dict(cls, d: dict) -> "ArticleRecord":
        return cls(**{**d, "terms": _unpairs(d["terms"])})


def _pairs(vector: Mapping[int, float]) -> list[list]:
    return list(map(list, vector.items()))  # [[k, v], ...] made in C (a story's 300 terms, at every flush)


def _unpairs(pairs: list[list]) -> dict[int, float]:
    """Inverse of ``_pairs`` (JSON keeps the int keys and float weights; the state is read whole
    at every refresh, so this stays a plain ``dict``)."""
    return dict(pairs)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _top(vector: Mapping, n: int, weight: Mapping) -> dict:
    """The n heaviest entries (deterministic on ties), so profiles and their cost stay bounded."""
    if len(vector) <= n:
        return dict(vector)
    # sorted by (-value * weight, str(key)) as tuples made in C, not by a key function called per
    # entry: a story's centroid update keeps 300 of ~450 (a third less CPU than ``heapq.nsmallest``,
    # which gives these same first n); keys are distinct, so the rest of a tuple never decides
    keys = list(vector)
    ranked = sorted(zip(map(neg, map(mul, vector.values(), map(weight.__getitem__, keys))), map(str, keys), keys,
                        vector.values()))
    return {key: value for _, _, key, value in ranked[:n]}


def _weighted_norm(vector: Mapping, weight: Mapping) -> float:
    weighted = list(map(mul, vector.values(), map(weight.__getitem__, vector)))
    return math.sqrt(sum(map(mul, weighted, weighted)))


def _add_into(target: dict, source: Mapping) -> None:
    for k, v in source.items():
        target[k] = target.get(k, 0.0) + v


def headline(article: Article) -> str:
    """The title (without an agency's service notes, ``headline_of``) plus the URL slug's words it
    lacks: the slug names the event when the title is the site's name ("ABC News") and adds a few
    words to a terse one."""
    title = headline_of(article.title)
    seen = set(terms(title))
    extra = [w for w in url_slug(article.url).split() if not seen.intersection(terms(w))]
    return f"{title} {' '.join(extra)}".strip()


def own_date(article: Article) -> dt.date | None:
    """The article's own date; one borrowed from its story does not count as evidence."""
    return None if article.published_from == "story" else parse_date(article.published)


class _WeightOfDf(dict):
    """The IDF weight of a document frequency, log((1 + docs) / (1 + df)) + 1, at one document
    count: within a step of the count every key of one frequency has the same weight, and most
    keys share a few small frequencies, so each is computed once, not once per key (computing
    them per key was a seventh of placement)."""

    def __init__(self, docs: int):
        super().__init__()
        self.docs = docs

    def __missing__(self, df: int) -> float:
        value = self[df] = math.log((1 + self.docs) / (1 + df)) + 1.0
        return value


class _IdfTable(dict):
    """IDF by key, computed on first use from the clusterer's counts. Placing one article asks
    for the same weights thousands of times (every candidate's centroid, the centroid updates),
    so they are kept until the key's document frequency or the step's document count changes
    (``_count_document``)."""

    def __init__(self, df: LazyMap, clusterer: "StoryClusterer"):
        super().__init__()
        self._df, self._clusterer = df, clusterer
        self._by_df = _WeightOfDf(clusterer._idf_docs)

    def _weight_of_df(self) -> _WeightOfDf:
        """The weights by document frequency at the clusterer's current document count."""
        if self._by_df.docs != self._clusterer._idf_docs:
            self._by_df = _WeightOfDf(self._clusterer._idf_docs)
        return self._by_df

    def __missing__(self, key: object) -> float:
        value = self[key] = self._weight_of_df()[self._df[key]]
        return value

    def missing(self, keys: Iterable) -> list:
        """The distinct keys without a weight yet: looked up first (most have one), the rest made
        distinct (a set of all keys, or a difference against ``keys()``, costs more)."""
        return list(set(filterfalse(self.__contains__, keys)))

    def fill(self, todo: list) -> None:
        """Set the weights of these keys (``missing``) at once, looked up by document frequency in C
        instead of one Python call per key."""
        self.update(zip(todo, map(self._weight_of_df().__getitem__, map(self._df.__getitem__, todo))))


def _count_once(frequencies: LazyMap, keys: Iterable) -> None:
    """One more document holding each key (document frequencies, set per list: ``set_many``)."""
    keys = list(keys)
    frequencies.set_many(keys, [frequencies[key] + 1 for key in keys])


@dataclass(slots=True)
class Prepared:
    """An article's part of placing it (``StoryClusterer.prepare``)."""

    profile: Profile
    leads: list[str]


def prepare_articles(articles: Iterable[Article], entity_keys: Mapping[str, Iterable[str]],
                     config: ClusterConfig) -> dict[str, Prepared]:
    """``prepare`` of each article by a clusterer of this config: a pure function of the articles
    (the pipeline runs it in its workers while the parent places the articles before them)."""
    clusterer = StoryClusterer(config)
    return {a.id: clusterer.prepare(a, entity_keys.get(a.id, ())) for a in articles}


# ----------------------------------------------------------------------------- clusterer

class StoryClusterer:
    """Incremental story clustering; see the module docstring for the method."""

    def __init__(self, config: ClusterConfig | None = None, state: dict | None = None,
                 tables: Mapping[str, RecordTable] | None = None):
        """``state``: what ``to_state`` or ``meta`` returned; ``tables``: where the records live
        (keys of ``TABLES``; missing ones are kept in memory). Records in ``state`` (a whole
        state, or one saved before the tables existed) are moved into the tables."""
        state, tables = state or {}, tables or {}
        self.config = config or ClusterConfig(**state.get("config", {}))
        self._n_docs: int = state.get("n_docs", 0)
        self._idf_docs: int = state.get("idf_docs", self._n_docs)  # the count IDF weights use
        self._seq: int = state.get("seq", 0)
        self._live: int = state.get("live", len(state.get("stories", [])))
        self._merged: dict[str, str] = dict(state.get("merged", {}))
        self._stories = LazyMap(tables.get("stories"), decode=StoryRecord.from_dict, encode=StoryRecord.to_dict)
        self._seqs = LazyMap(tables.get("seqs"))  # story id -> seq, to rank candidates without their profiles
        self._articles = LazyMap(tables.get("articles"), decode=ArticleRecord.from_dict, encode=ArticleRecord.to_dict)
        self._postings = LazyMap(tables.get("postings"), decode=OrderedDict.fromkeys, encode=list)
        self._df = LazyMap(tables.get("term_df"), key=int, default=0)
        self._entity_df = LazyMap(tables.get("entity_df"), default=0)
        # IDF weights by term / entity key, valid until the next document is counted
        self._idf = _IdfTable(self._df, self)
        self._entity_idf = _IdfTable(self._entity_df, self)
        for record in map(StoryRecord.from_dict, state.get("stories", [])):
            self._stories[record.id], self._seqs[record.id] = record, record.seq
        for record in map(ArticleRecord.from_dict, state.get("articles", [])):
            self._articles[record.id] = record
        for key, stories in state.get("postings", {}).items():
            self._postings[key] = OrderedDict.fromkeys(stories)
        for term, df in state.get("df", {}).items():
            self._df[int(term)] = df
        for key, df in state.get("entity_df", {}).items():
            self._entity_df[key] = df

    # ------------------------------------------------------------------ public API

    def add(self, article: Article, entity_keys: Iterable[str] = (), duplicate_of: str | None = None,
            prepared: "Prepared | None" = None) -> str:
        """Place one article (publication order is the caller's job); returns its story id.
        ``prepared``: ``prepare(article, entity_keys)``, when made beforehand (in a worker)."""
        if self._articles.has(article.id):
            return self.story_of(article.id)
        duplicate_of = duplicate_of or article.duplicate_of
        if duplicate_of and self._articles.has(duplicate_of):
            story = self._stories[self.story_of(duplicate_of)]
            self._attach(story, article, None, duplicate=True)
            return story.id
        prepared = prepared or self.prepare(article, entity_keys)
        profile = prepared.profile
        keys = self._index_keys(profile)
        scored = self._score_candidates(profile, keys)
        if scored and scored[0][0] >= self.config.join_threshold:
            story = self._stories[scored[0][1]]
        else:
            story = self._open_story(article)
        self._attach(story, article, profile, duplicate=False, leads=prepared.leads)
        self._index(story.id, keys)
        self._count_document(profile)
        story = self._merge_matching(story, [sid for score, sid in scored[1:] if score >= self.config.join_threshold])
        return story.id

    def resolve(self, story_id: str) -> str:
        """The live story a (possibly merged) story id now belongs to."""
        path = []
        while story_id in self._merged:
            path.append(story_id)
            story_id = self._merged[story_id]
        for old in path[:-1]:
            self._merged[old] = story_id
        return story_id

    def story_of(self, article_id: str) -> str | None:
        record = self._articles.find(article_id)
        return None if record is None else self.resolve(record.story)

    def __len__(self) -> int:
        """Number of live stories (cheap, unlike ``stories()``)."""
        return self._live

    def stories(self, only: Iterable[str] | None = None) -> list[Story]:
        """Live stories in order of creation, with title, summary, outlets and date range
        (``only``: just these, after ``resolve``; describing every story costs O(corpus))."""
        if only is None:
            records = list(self._stories.load_all().values())
        else:
            live = {self.resolve(sid) for sid in only}
            self._stories.prefetch(live)
            records = [r for r in map(self._stories.find, live) if r is not None]
        return [self._story(record) for record in sorted(records, key=lambda r: r.seq)]

    def meta(self) -> dict:
        """The state kept outside the record tables (small: counters, config, merge aliases)."""
        return {"version": STATE_VERSION, "config": dataclasses.asdict(self.config), "n_docs": self._n_docs,
                "idf_docs": self._idf_docs, "seq": self._seq, "live": self._live, "merged": self._merged}

    def to_state(self) -> dict:
        """The whole state as plain JSON-able data (reads every record); ``StoryClusterer(state=...)``
        continues exactly from it."""
        return {
            **self.meta(),
            "df": {str(k): v for k, v in self._df.load_all().items()},
            "entity_df": dict(self._entity_df.load_all()),
            "stories": [r.to_dict() for r in self._stories.load_all().values()],
            "articles": [r.to_dict() for r in self._articles.load_all().values()],
            "postings": {k: list(v) for k, v in self._postings.load_all().items()},
        }

    def flush(self) -> None:
        """Write the records changed since the last flush to their tables."""
        for records in self._record_maps():
            records.flush()

    def evict(self) -> None:
        """Flush, then drop the records read so far (bounds memory during a long refresh)."""
        for records in self._record_maps():
            records.evict()
        self._forget_weights()

    def trim(self, max_stories: int) -> None:
        """``evict`` once more than ``max_stories`` story records are loaded. The records read to
        place one chunk of articles are mostly read again for the next (a story runs over several
        chunks), so keeping them saves decoding and writing them again; the bound keeps memory
        flat on any corpus."""
        if len(self._stories) > max_stories:
            self.evict()

    def _forget_weights(self) -> None:
        self._idf.clear()
        self._entity_idf.clear()

    def _record_maps(self) -> tuple[LazyMap, ...]:
        return self._stories, self._seqs, self._articles, self._postings, self._df, self._entity_df

    # ------------------------------------------------------------------ weights and similarity

    def _prefetch_weights(self, profiles: Iterable[Profile]) -> None:
        """Compute the weights these profiles' scoring will ask for and do not have yet, reading
        their document frequencies in one query each."""
        profiles = list(profiles)
        terms = self._idf.missing(chain.from_iterable(vector for p in profiles for vector in (p.text, p.title)))
        entities = self._entity_idf.missing(chain.from_iterable(p.entities for p in profiles))
        self._df.prefetch(terms)
        self._entity_df.prefetch(entities)
        self._idf.fill(terms)
        self._entity_idf.fill(entities)

    @staticmethod
    def _cosine(a: Mapping, b: Mapping, idf: Mapping, norm_a: float | None = None,
                norm_b: float | None = None) -> float:
        """IDF-weighted cosine (``norm_a``, ``norm_b``: the weighted norms when known). Written with
        ``map`` so the per-term work runs in C (placement scores up to 30 stories of 300 terms
        per article); the products and their order are those of the plain loops, so the values
        are bit for bit the same."""
        if not a or not b:
            return 0.0
        small, large = (a, b) if len(a) <= len(b) else (b, a)
        shared = list(filter(large.__contains__, small))
        dot = sum(map(mul, map(mul, map(small.__getitem__, shared), map(large.__getitem__, shared)),
                      map(pow, map(idf.__getitem__, shared), repeat(2))))
        if not dot:
            return 0.0
        return dot / ((_weighted_norm(a, idf) if norm_a is None else norm_a) *
                      (_weighted_norm(b, idf) if norm_b is None else norm_b))

    def _norms(self, profile: Profile) -> list[float]:
        """The weighted norms of a profile's text, entities and title (an article's are the same
        against each of its candidates)."""
        return [_weighted_norm(profile.text, self._idf), _weighted_norm(profile.entities, self._entity_idf),
                _weighted_norm(profile.title, self._idf)]

    def _stale_norms(self, story: StoryRecord) -> bool:
        return story.norms is None or self._idf_docs > story.norm_docs * (1 + NORM_DRIFT)

    def _story_norms(self, story: StoryRecord) -> list[float]:
        """The story's stored norms, recomputed when stale (``NORM_DRIFT``; the caller prefetches
        the weights). Kept in the record, so a resumed clusterer uses the same ones."""
        if self._stale_norms(story):
            story.norms, story.norm_docs = self._norms(story.profile), self._idf_docs
            self._stories.touch(story.id)
        return story.norms

    def similarity(self, a: Profile, b: Profile, norms_a: list[float] | None = None,
                   norms_b: list[float] | None = None) -> float:
        """Weighted mean of the available signals (a missing title or entity list is no evidence);
        ``norms_a``, ``norms_b``: their ``_norms`` when known."""
        cfg = self.config
        text_a, entity_a, title_a = norms_a or (None, None, None)
        text_b, entity_b, title_b = norms_b or (None, None, None)
        parts = [(cfg.text_weight, self._cosine(a.text, b.text, self._idf, text_a, text_b))]
        if a.entities and b.entities:
            parts.append((cfg.entity_weight, self._cosine(a.entities, b.entities, self._entity_idf, entity_a, entity_b)))
        if a.title and b.title:
            parts.append((cfg.title_weight, self._cosine(a.title, b.title, self._idf, title_a, title_b)))
        return sum(w * s for w, s in parts) / sum(w for w, _ in parts)

    def time_decay(self, a: Profile, b: Profile, running_days: float = 0.0) -> float:
        """1 while the date ranges overlap, then a Gaussian fall-off whose width grows with the
        days the story has been running: reports a month after a one-day story went quiet are
        usually a new event of the same topic, while a story covered for weeks stays open longer.
        (The event's reach, ``event_reach``, weighs a report of confirmed date on top of it.)"""
        gap = _gap_days(a, b)
        if gap is None:
            return 1.0
        cfg = self.config
        scale = min(cfg.time_scale_days + cfg.duration_factor * running_days, cfg.max_scale_days)
        return math.exp(-((gap / scale) ** 2))

    def _timed(self, similarity: float, decay: float, report: Profile, story: Profile) -> float:
        """The score of a similarity at a time decay (``time_decay``): times the event's reach unless the
        report matches the story at ``event_match_similarity`` or more. A report that says what the
        story's reports say (a toll update of an attack names the attack, its place and its victims) is
        about its event however late; a later happening of the same topic shares its subject's words but
        not the event's specifics, so it usually matches less and the reach applies (not always: two
        missile launches over one country a fortnight apart are reported in the same words)."""
        if similarity >= self.config.event_match_similarity:
            return similarity * decay
        return similarity * decay * self.event_reach(report, story)

    def event_reach(self, report: Profile, story: Profile) -> float:
        """With ``event_reach_days`` set, a Gaussian fall-off on that scale in the days from the story's
        first report (or the later day it looks ahead to) to a report whose own date its text confirms
        (``Profile.dated``): a story is one event, and reports go on about an event for days or weeks,
        not for as long as its topic is in the news, so a report two months into daily coverage of a
        conflict is about a later happening of it, however close the last report was (issue #3: without
        it, AFP and Xinhua's daily reports on Gaza make one story of two months). A report of doubtful
        date (it may carry a crawler's stamp) is placed by the gap to the story's reports alone; merges
        of two stories are not bounded by it, nor is a report matching the story closely (``_timed``). Off
        by default (see ``ClusterConfig.event_reach_days``)."""
        days = self.config.event_reach_days
        if not days or not report.dated or report.start is None or story.start is None:
            return 1.0
        first_days = story.start, story.start if story.ahead is None else max(story.start, story.ahead)
        gap = _range_gap(report.start, _reach(report), *first_days)
        return math.exp(-((gap / days) ** 2))

    def score(self, a: Profile, b: Profile, running_days: float = 0.0,
              norms_a: list[float] | None = None, norms_b: list[float] | None = None) -> float:
        return self._timed(self.similarity(a, b, norms_a, norms_b), self.time_decay(a, b, running_days), a, b)

    # ------------------------------------------------------------------ placing one article

    def prepare(self, article: Article, entity_keys: Iterable[str] = ()) -> "Prepared":
        """What placing the article computes from it alone (its profile and lead sentences): the
        same whatever was placed before, so it may be made ahead, in another process."""
        leads = lead_sentences(article.text)
        return Prepared(self._article_profile(article, entity_keys, leads), leads)

    def _article_profile(self, article: Article, entity_keys: Iterable[str], leads: list[str] | None = None) -> Profile:
        """(``leads``: the article's lead sentences, when already cut.)"""
        day = own_date(article)
        title = term_vector(headline(article))
        text = term_vector(article.text)
        for term, weight in title.items():
            text[term] = text.get(term, 0.0) + self.config.title_boost * weight
        found = find_dates(f"{article.title or ''}\n{article.text}")
        leads = lead_sentences(article.text) if leads is None else leads
        named = tuple(dict.fromkeys(d for d in [url_date(article.url), *found] if d is not None))
        dated = self._confirms_own_date(article, named, leads)
        return Profile(text=unit(text), title=unit(title),
                       entities={k: 1.0 for k in sorted(set(entity_keys))}, start=day, end=day,
                       named=() if dated else named[:self.config.named_dates], ahead=self._ahead(article, leads),
                       dated=dated)

    @staticmethod
    def _confirms_own_date(article: Article, named: tuple[dt.date, ...], leads: list[str]) -> bool:
        """Whether the article's text confirms its own date: a date it names (``named``: the URL's
        day, then complete dates in the title and text) is that day or close to it, or its title or
        lead names the day of the week it falls on ("said Thursday" in a Thursday report: news dates
        the happenings of its week by weekday, wire copy nearly always). A report that confirms its
        own day is dated by it, and the other days it names are earlier events it cites (a second
        missile test naming the first one's day is still a new story; a year-on report naming the
        day of an earthquake is not about that day); a report that names only other days may carry
        a crawler's or an archive's stamp, so those days count as its time too (``Profile.named``;
        year-less dates are left out, as completing them from a wrong stamp would repeat its error)."""
        day = own_date(article)
        return day is not None and (any(abs((d - day).days) <= STAMP_SUPPORT_DAYS for d in named)
                                    or names_weekday(f"{article.title or ''}\n{' '.join(leads)}", day))

    def _ahead(self, article: Article, leads: list[str]) -> dt.date | None:
        """The latest day the article's title and lead sentences look ahead to (``anticipated_day``),
        at most ``ahead_days`` after its own date: a preview of a launch or a vote belongs with the
        reports of the event, weeks later. Only the lead counts, as news states its subject first: a
        preview says when the event is due there, while a report of one event names the next of its
        kind ("the bank meets again next month") further down, and that next one is a new story."""
        day = own_date(article)
        ahead = anticipated_day(f"{article.title or ''}\n{' '.join(leads)}", day)
        return None if ahead is None else min(ahead, day + dt.timedelta(days=self.config.ahead_days))

    def _common_above(self) -> float:
        """Keys in more documents than this are common (none while fewer than 50 are counted):
        compared inline, as a call per key was a twentieth of placement."""
        return self.config.common_fraction * self._n_docs if self._n_docs >= 50 else math.inf

    def _index_keys(self, profile: Profile) -> dict[str, float]:
        """Index keys with their retrieval weight: entities, the title's terms and the most
        salient text terms. The title's terms take part even when common, as the headline names
        the event: in a small or bursty corpus one big story makes its own words "common", and a
        body of page furniture (a copyright notice) fills the salient terms with rare words no
        report of the event uses. A posting list holds at most ``posting_cap`` stories, so a
        common key costs no more than any other."""
        self._prefetch_weights([profile])
        common, entity_df, df = self._common_above(), self._entity_df, self._df
        keys = {f"e:{k}": self._entity_idf[k] for k in profile.entities if entity_df[k] <= common}
        salient = {k: v for k, v in profile.text.items() if df[k] <= common}
        for vector in (profile.title, salient):
            for term in _top(vector, self.config.query_terms, self._idf):
                keys[f"t:{term}"] = self._idf[term]
        return keys

    def _candidates(self, keys: Mapping[str, float]) -> list[str]:
        votes: dict[str, float] = defaultdict(float)
        merged = self._merged
        self._postings.prefetch(keys)
        for key, weight in keys.items():
            for story_id in self._postings.find(key) or ():
                votes[self.resolve(story_id) if story_id in merged else story_id] += weight
        self._seqs.prefetch(votes)
        # most votes first, then the older story: tuples made in C (an article has ~120 voted stories)
        ids = list(votes)
        ranked = zip(map(neg, votes.values()), map(self._seqs.__getitem__, ids), ids)
        return [story_id for _, _, story_id in heapq.nsmallest(self.config.max_candidates, ranked)]

    def _score_candidates(self, profile: Profile, keys: Mapping[str, float]) -> list[tuple[float, str]]:
        """(score, story id) of the candidates that may reach the join threshold, best first; ties
        go to the older story. A story whose time decay alone is under the threshold cannot reach
        it (the similarity is at most 1), so its similarity is not computed: it would join nothing
        and merge nothing (29% of the candidates on the corpus)."""
        candidates = self._candidates(keys)
        self._stories.prefetch(candidates)
        floor = self.config.join_threshold * (1 - 1e-9)  # a similarity rounded above 1 changes nothing
        near = [(story, decay) for story in map(self._stories.__getitem__, candidates)
                if (decay := self.time_decay(profile, story.profile, _running_days(story.profile))) >= floor]
        # the dot products need only the weights of the article's terms, fetched with its keys
        self._prefetch_weights(story.profile for story, _ in near if self._stale_norms(story))
        norms = self._norms(profile)
        scored = [(self._timed(self.similarity(profile, story.profile, norms, self._story_norms(story)), decay,
                               profile, story.profile), story.id) for story, decay in near]
        return sorted(scored, key=lambda s: (-s[0], self._stories[s[1]].seq))

    def _open_story(self, article: Article) -> StoryRecord:
        story = StoryRecord(id=stable_id(article.id, prefix="s_"), seq=self._next_seq(), profile=Profile())
        while self._stories.has(story.id) or story.id in self._merged:  # same article id re-seen: keep ids unique
            story.id = stable_id(story.id, prefix="s_")
        self._stories[story.id], self._seqs[story.id] = story, story.seq
        self._live += 1
        return story

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def _attach(self, story: StoryRecord, article: Article, profile: Profile | None, duplicate: bool,
                leads: list[str] | None = None) -> None:
        """Make the article a member; only originals shape the story's profile. (``leads``: its
        lead sentences, when already cut.)"""
        self._stories.touch(story.id)
        story.article_ids.append(article.id)
        if article.outlet and article.outlet not in story.outlets:
            story.outlets.append(article.outlet)
        day = own_date(article)
        story.profile.add_dates(day, day)
        if profile is not None:
            self._absorb(story, profile)
        text = profile.text if profile is not None else unit(term_vector(article.text))
        self._articles[article.id] = ArticleRecord(
            id=article.id, story=story.id, seq=self._next_seq(), title=article.title, outlet=article.outlet,
            published=_iso(day), duplicate=duplicate, terms=_top(text, 40, self._idf),
            leads=lead_sentences(article.text) if leads is None else leads)

    def _absorb(self, story: StoryRecord, source: Profile) -> None:
        """Add a profile into the story's, keep its heaviest entries; its norms are then stale."""
        cfg, target = self.config, story.profile
        self._prefetch_weights([target, source])
        _add_into(target.text, source.text)
        _add_into(target.title, source.title)
        _add_into(target.entities, source.entities)
        target.text = _top(target.text, cfg.centroid_terms, self._idf)
        target.title = _top(target.title, cfg.centroid_keys, self._idf)
        target.entities = _top(target.entities, cfg.centroid_keys, self._entity_idf)
        target.add_dates(source.start, source.end)
        target.ahead = max(filter(None, (target.ahead, source.ahead)), default=None)
        story.norms = None

    def _index(self, story_id: str, keys: Iterable[str]) -> None:
        for key in keys:
            posting = self._postings.find(key) or OrderedDict()
            posting[story_id] = None
            posting.move_to_end(story_id)
            if len(posting) > self.config.posting_cap:
                posting.popitem(last=False)
            self._postings[key] = posting

    def _count_document(self, profile: Profile) -> None:
        """Count the article's terms and entities; forget the weights that changed with them (all
        of them when a new step of the document count starts, see ``IDF_DRIFT``)."""
        self._n_docs += 1
        terms = profile.text.keys() | profile.title.keys()
        _count_once(self._df, terms)
        _count_once(self._entity_df, profile.entities)
        if self._n_docs < IDF_EXACT_DOCS or self._n_docs - self._idf_docs > IDF_DRIFT * self._idf_docs:
            self._idf_docs = self._n_docs
            self._forget_weights()
        else:
            for term in terms:
                self._idf.pop(term, None)
            for key in profile.entities:
                self._entity_idf.pop(key, None)

    # ------------------------------------------------------------------ merging

    def _merge_matching(self, story: StoryRecord, others: list[str]) -> StoryRecord:
        """Merge stories the new article also fits when they match the article's story as a whole."""
        for other_id in others:
            other_id = self.resolve(other_id)
            if other_id == story.id:
                continue
            other = self._stories[other_id]
            running = min(_running_days(story.profile), _running_days(other.profile))
            self._prefetch_weights(s.profile for s in (story, other) if self._stale_norms(s))
            if self.score(story.profile, other.profile, running, self._story_norms(story),
                          self._story_norms(other)) >= self.config.merge_threshold:
                story = self._merge(story, other)
        return story

    def _merge(self, a: StoryRecord, b: StoryRecord) -> StoryRecord:
        """The older story survives and absorbs the other; the other's id resolves to it."""
        keep, gone = (a, b) if a.seq < b.seq else (b, a)
        self._stories.touch(keep.id)
        self._absorb(keep, gone.profile)
        keep.article_ids.extend(gone.article_ids)
        keep.outlets.extend(o for o in gone.outlets if o not in keep.outlets)
        del self._stories[gone.id]
        self._live -= 1
        self._merged[gone.id] = keep.id
        return keep

    # ------------------------------------------------------------------ describing stories

    def _members(self, story: StoryRecord) -> list[ArticleRecord]:
        self._articles.prefetch(story.article_ids)
        return sorted((self._articles[a] for a in story.article_ids), key=lambda r: r.seq)

    def _by_centrality(self, story: StoryRecord) -> list[ArticleRecord]:
        members = self._members(story)
        originals = [m for m in members if not m.duplicate] or members
        self._df.prefetch({*story.profile.text, *(t for m in originals for t in m.terms)})
        centroid, norm = story.profile.text, _weighted_norm(story.profile.text, self._idf)  # once, not per member
        return sorted(originals, key=lambda m: (-self._cosine(m.terms, centroid, self._idf, norm_b=norm), m.seq))

    def _story(self, story: StoryRecord) -> Story:
        central = self._by_centrality(story)
        titles = [headline for m in central if (headline := headline_of(m.title))]
        summary = self._summary(story, central[:10])
        title = titles[0] if titles else (summary.split(". ")[0] if summary else None)
        return Story(id=story.id, title=title, summary=summary, article_ids=list(story.article_ids),
                     outlets=list(story.outlets), start=_iso(story.profile.start), end=_iso(story.profile.end))

    def _summary(self, story: StoryRecord, central: list[ArticleRecord]) -> str | None:
        """1-3 lead sentences closest to the story centroid, skipping near-repeats."""
        cfg = self.config
        vectors = [(s, unit(term_vector(s))) for m in central for s in m.leads]
        self._df.prefetch(t for _, vector in vectors for t in vector)
        # each weighted norm made once (the cosines below would remake them for every pair)
        candidates = [(s, vector, _weighted_norm(vector, self._idf)) for s, vector in vectors]
        centroid, norm = story.profile.text, _weighted_norm(story.profile.text, self._idf)
        candidates.sort(key=lambda c: -self._cosine(c[1], centroid, self._idf, c[2], norm))
        picked: list[tuple[str, dict, float]] = []
        for sentence, vector, vector_norm in candidates:
            if any(self._cosine(vector, v, self._idf, vector_norm, n) > 0.5 for _, v, n in picked):
                continue
            if picked and sum(len(s) for s, _, _ in picked) + len(sentence) > cfg.summary_chars:
                break
            picked.append((sentence, vector, vector_norm))
            if len(picked) == cfg.summary_sentences:
                break
        return " ".join(s for s, _, _ in picked) or None


def _running_days(profile: Profile) -> float:
    """Days between a story's first and last dated report (0 when undated)."""
    return 0.0 if profile.start is None else float((profile.end - profile.start).days)


def _gap_days(a: Profile, b: Profile) -> float | None:
    """Days between two profiles' date ranges, each reaching to the day it looks ahead to (0 when
    they overlap), or between a date one of them names and the other's range when that is closer;
    None when either is undated (a named date alone does not date an article)."""
    if a.start is None or b.start is None:
        return None
    end_a, end_b = _reach(a), _reach(b)
    gaps = [_range_gap(a.start, end_a, b.start, end_b)]
    gaps += [_range_gap(day, day, b.start, end_b) for day in a.named]
    gaps += [_range_gap(day, day, a.start, end_a) for day in b.named]
    return min(gaps)


def _reach(profile: Profile) -> dt.date:
    """The last day a dated profile covers: its last report, or the later day one looks ahead to."""
    return profile.end if profile.ahead is None else max(profile.end, profile.ahead)


def _range_gap(start_a: dt.date, end_a: dt.date, start_b: dt.date, end_b: dt.date) -> float:
    if end_a < start_b:
        return float((start_b - end_a).days)
    if end_b < start_a:
        return float((start_a - end_b).days)
    return 0.0


# ----------------------------------------------------------------------------- pipeline helpers

def order_for_clustering(articles: Iterable[Article]) -> list[Article]:
    """Publication day, then article id (so arrival order within a day does not matter);
    undated articles after the dated ones, in arrival order, so they can join any story."""
    articles = list(articles)
    dated = sorted((a for a in articles if own_date(a) is not None), key=lambda a: (own_date(a), a.id))
    return dated + [a for a in articles if own_date(a) is None]


def label_articles(articles: Iterable[Article], clusterer: StoryClusterer, stories: list[Story] | None = None) -> None:
    """Set ``story_id``; an undated article in a dated story gets the story's start date.
    (``stories``: ``clusterer.stories()`` when the caller already has it.)"""
    starts = {s.id: s.start for s in (clusterer.stories() if stories is None else stories)}
    for article in articles:
        article.story_id = clusterer.story_of(article.id)
        start = starts.get(article.story_id)
        if start and (not article.published or article.published_from == "story"):
            article.published, article.published_from = start, "story"


def cluster_articles(articles: Iterable[Article], entity_keys: Mapping[str, Iterable[str]] | None = None,
                     clusterer: StoryClusterer | None = None) -> StoryClusterer:
    """Place a batch in publication order (into ``clusterer`` to extend earlier runs), then label it."""
    articles = list(articles)
    clusterer = StoryClusterer() if clusterer is None else clusterer
    entity_keys = entity_keys or {}
    for article in order_for_clustering(articles):
        clusterer.add(article, entity_keys.get(article.id, ()))
    label_articles(articles, clusterer)
    return clusterer
