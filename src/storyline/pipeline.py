"""The main job, end to end: sources -> clean -> annotate -> dedup -> store -> corpus-wide steps.

Per-article work (cleaning, parsing, annotation) is pure and batched; what depends on the whole
corpus (duplicates, canonical entities, stories) runs sequentially in the parent process, in
arrival / publication order, so results are deterministic whatever the number of workers.
"""
from __future__ import annotations

import functools
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, TypeVar

from spacy.tokens import Doc

from storyline import annotate
from storyline.annotate import canonical, nlp
from storyline.clean import clean_document
from storyline.clean.dedup import DuplicateIndex
from storyline.model import Annotations, Article, Mention, Quote, RawDocument, SourceError, Span, Speaker, Timex
from storyline.sources import read_inputs
from storyline.store import Store
from storyline.store.sqlite import changed_rows, decode_row, sentence_bounds

ProgressFactory = Callable[..., object]
T = TypeVar("T")
R = TypeVar("R")


@dataclass
class RunOptions:
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    workers: int = 1
    batch_size: int = 32
    progress: bool = True
    mode: str = "fast"  # annotation mode (``annotate.MODES``)


@dataclass
class IngestReport:
    read: int = 0
    added: int = 0
    already_stored: int = 0
    duplicates: int = 0
    parsed: int = 0  # articles parsed and annotated in this run (a resumed run skips stored ones first)
    refresh_seconds: dict[str, float] = field(default_factory=dict)  # corpus-wide steps, by step
    errors: list[SourceError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def error_sink(self, on_error: Callable[[SourceError], None] | None) -> Callable[[SourceError], None]:
        """Record a skipped input here and pass it on (the CLI prints it as it happens)."""
        def record(err: SourceError) -> None:
            self.errors.append(err)
            if on_error:
                on_error(err)
        return record

    def summary(self) -> str:
        return (f"{self.read} articles read, {self.added} added, {self.already_stored} already stored, "
                f"{self.duplicates} duplicates, {len(self.errors)} inputs skipped")


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


# --------------------------------------------------------------------------- ingest

def ingest(inputs: Sequence[str], store: Store, options: RunOptions | None = None,
           on_error: Callable[[SourceError], None] | None = None) -> IngestReport:
    """Read, clean, annotate and store every new article of ``inputs``, then refresh the
    corpus-wide results. Idempotent: articles already in the store are skipped before parsing."""
    options = options or RunOptions()
    report = IngestReport()
    articles = _new_articles(inputs, store, options, report, report.error_sink(on_error))
    with WorkerPool(options.workers) as workers:
        annotated = workers.annotate(batched(articles, options.batch_size), options.mode)
        store_annotated(store, _counted(annotated, report), report, options)
        refresh_if_pending(store, report, workers)
    return report


def _counted(batches: Iterable[tuple[list[Article], list[Annotations]]],
             report: IngestReport) -> Iterator[tuple[list[Article], list[Annotations]]]:
    for batch, annotations in batches:
        report.parsed += len(batch)
        yield batch, annotations


def store_annotated(store: Store, batches: Iterable[tuple[list[Article], list[Annotations]]],
                    report: IngestReport, options: RunOptions) -> None:
    """The order-dependent half of ingest, shared by every engine: duplicates are decided
    against everything stored before (first copy wins), then each batch is written atomically."""
    dedup = DuplicateIndex()
    for article_id, exact_hash, minhash in store.iter_signatures():
        dedup.add_signature(article_id, minhash, exact_hash)
    progress = _progress(options, desc="ingest", unit="article")
    for batch, annotations in batches:
        signatures = []
        for article in batch:
            exact, minhash = dedup.keys(article.text)
            article.duplicate_of = dedup.add_signature(article.id, minhash, exact)
            report.duplicates += article.duplicate_of is not None
            signatures.append((exact, minhash))
        report.added += store.add_batch(batch, annotations, signatures)
        progress.update(len(batch))
    progress.close()
    if report.added:  # the export's manifest tells which annotation modes the stored articles saw
        store.set_meta("modes", sorted(set(store.get_meta("modes", [])) | {options.mode}))


def _new_articles(inputs: Sequence[str], store: Store, options: RunOptions, report: IngestReport,
                  report_error: Callable[[SourceError], None]) -> Iterator[Article]:
    """Clean articles not yet stored (nor seen earlier in this run)."""
    documents = read_inputs(inputs, outlet=options.outlet, published=options.published, language=options.language)
    cleaned = (d if isinstance(d, SourceError) else clean_or_error(d) for d in documents)
    yield from only_new(cleaned, lambda article: article, store, report, report_error)


def clean_or_error(document: RawDocument) -> Article | SourceError:
    """A cleaning bug must not end the run: it is reported like bad input."""
    try:
        return clean_document(document)
    except Exception as exc:  # noqa: BLE001
        return SourceError(document.path or document.url or "?", f"cleaning failed: {exc!r}")


def only_new(results: Iterable[T | SourceError], article_of: Callable[[T], Article], store: Store,
             report: IngestReport, report_error: Callable[[SourceError], None]) -> Iterator[T]:
    """Report errors, count reads, and skip articles already stored or seen earlier in the run
    (shared by every engine, so re-running is idempotent everywhere)."""
    seen: set[str] = set()
    for result in results:
        if isinstance(result, SourceError):
            report_error(result)
            continue
        article = article_of(result)
        report.read += 1
        if article.id in seen or store.known_article_ids([article.id]):
            report.already_stored += 1
            continue
        seen.add(article.id)
        yield result


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class WorkerPool:
    """Runs per-article (and per-story) work in-process (workers=1) or in a process pool, in
    order, with a bounded number of tasks in flight so memory stays flat on any corpus size."""

    def __init__(self, workers: int):
        self.workers = max(1, workers)
        self.pool: ProcessPoolExecutor | None = None
        self._parse_version: str | None = None

    def __enter__(self) -> "WorkerPool":
        if self.workers > 1:
            self.pool = ProcessPoolExecutor(self.workers, initializer=nlp.init_worker)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool:
            self.pool.shutdown(cancel_futures=True)

    def map(self, fn: Callable[[T], R], items: Iterable[T], ahead: int = 2) -> Iterator[tuple[T, R]]:
        """(item, fn(item)) for every item, in order, with up to ``ahead`` items per worker in
        flight (more keeps the workers busy past a long item; each holds its memory)."""
        if self.pool is None:
            for item in items:
                yield item, fn(item)
            return
        pending: list[tuple[T, Future]] = []
        for item in items:
            pending.append((item, self.pool.submit(fn, item)))
            if len(pending) >= ahead * self.workers:
                done, future = pending.pop(0)
                yield done, future.result()
        for done, future in pending:
            yield done, future.result()

    def annotate(self, batches: Iterable[list[Article]], mode: str = "fast"
                 ) -> Iterator[tuple[list[Article], list[Annotations]]]:
        return self.map(functools.partial(annotate.annotate_batch, mode=mode), batches)

    def submit(self, fn: Callable[[T], R], item: T) -> Future:
        """``fn(item)`` in a worker, collected later (in-process: done at once), so the caller
        goes on with its own work meanwhile."""
        if self.pool is not None:
            return self.pool.submit(fn, item)
        future: Future = Future()
        future.set_result(fn(item))
        return future

    def parse_version(self) -> str:
        """The version of the model that parses here (stored parses of another are not reused),
        asked of a worker, which has it loaded: the parent of a pool then never loads the model
        (a third of a CPU second and its memory) only to read its version."""
        if self._parse_version is None:
            self._parse_version = self.submit(nlp.parse_version, None).result()
        return self._parse_version


# --------------------------------------------------------------------------- corpus-wide

def refresh_if_pending(store: Store, report: IngestReport, workers: WorkerPool | None = None) -> None:
    """Refresh when articles were added, by this run or by one that stopped before its refresh."""
    if report.added or store.refresh_pending():
        report.refresh_seconds = refresh_corpus(store, workers)


def refresh_corpus(store: Store, workers: WorkerPool | None = None) -> dict[str, float]:
    """Bring what depends on the whole corpus up to date after new articles: canonical entities,
    stories, then the links from quotes and events to both (with variant groups and event
    corroboration within their story), then the claims of the stories that changed (one story
    per task in ``workers``). Only stories and articles that changed are redone. Returns the
    seconds each step took."""
    seconds: dict[str, float] = {}

    def timed(step: str, fn: Callable[..., R], *args: object) -> R:
        start = time.perf_counter()
        result = fn(*args)
        seconds[step] = time.perf_counter() - start
        return result

    relinked = timed("entities", resolve_entities, store)
    touched = timed("stories", assign_stories, store, workers)
    timed("links", link_annotations, store, touched, relinked, workers)
    timed("claims", align_story_claims, store, touched, workers)
    store.set_meta("refresh_pending", False)
    return seconds


LINK_JOB_ARTICLES = 100  # whole stories are linked together until a job holds this many articles


def link_annotations(store: Store, story_ids: Iterable[str] | None = None, article_ids: Iterable[str] = (),
                     workers: WorkerPool | None = None) -> None:
    """Fill entity ids (from article-local mention keys), story ids, quote variant groups and
    event corroboration into the stored quotes and events of the given stories and articles
    (default: all), rewriting only rows that changed. Variant groups and corroboration are
    decided within a story, so an article whose links changed brings its whole story along.
    Jobs of whole stories run in ``workers``; memory is bounded by the jobs in flight."""
    story_of = store.story_ids()
    members: dict[str, list[str]] = {}
    for article_id, story_id in story_of.items():
        if story_id:
            members.setdefault(story_id, []).append(article_id)
    loose = set(article_ids)
    stories = set(members) if story_ids is None else set(story_ids) & set(members)
    stories |= {story_of[a] for a in loose if story_of.get(a)}
    if story_ids is None:
        loose |= {a for a, s in story_of.items() if not s}
    groups = [members[s] for s in sorted(stories)] + [[a] for a in sorted(loose) if not story_of.get(a)]
    jobs = (_link_job(store, ids, story_of) for ids in _packed(groups, LINK_JOB_ARTICLES))
    for job, (quotes, events) in (workers or WorkerPool(1)).map(changed_links, jobs):
        store.rewrite_rows("quotes", quotes)
        store.rewrite_rows("events", events)


def _packed(groups: list[list[str]], size: int) -> Iterator[list[str]]:
    """Consecutive groups joined until a pack holds ``size`` items (a group is never split)."""
    pack: list[str] = []
    for group in groups:
        pack.extend(group)
        if len(pack) >= size:
            yield pack
            pack = []
    if pack:
        yield pack


@dataclass(slots=True)
class LinkJob:
    """What linking reads about a set of whole stories (picklable: it may run in a worker). The
    quotes and events stay stored JSON, (row id, article id, text), until the worker decodes them
    and sends back only the rows that changed, as JSON: decoded rows would be pickled both ways
    (twice the CPU of linking them, in the parent and the workers)."""

    quotes: list[tuple[str, str, str]]
    events: list[tuple[str, str, str]]
    links: dict[tuple[str, str], str]
    story_of: dict[str, str | None]
    texts: dict[str, str]


def _link_job(store: Store, article_ids: list[str], story_of: dict[str, str | None]) -> LinkJob:
    quotes, events = store.keyed_rows_of("quotes", article_ids), store.keyed_rows_of("events", article_ids)
    quoted = {article_id for _, article_id, _ in quotes if story_of.get(article_id)}
    return LinkJob(quotes=quotes, events=events, links=store.entity_links_of(article_ids),
                   story_of={a: story_of.get(a) for a in article_ids},
                   texts={a.id: a.text for a in store.articles_of(quoted)})


def changed_links(job: LinkJob) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(JSON, id) of the job's quotes and events whose links changed (``linked_rows``)."""
    quotes, events = linked_rows(job)
    return changed_rows(quotes, job.quotes), changed_rows(events, job.events)


def linked_rows(job: LinkJob) -> tuple[list[dict], list[dict]]:
    """The job's quotes and events with entity ids (a lone surname taking the person its story
    names in full, ``canonical.story_surname_links``), story ids, variant groups (the same quotation
    as rendered by different articles of a story) and event corroboration filled in."""
    from storyline.annotate.events.corroborate import apply as corroborate_events
    from storyline.compare.variants import assign_variant_groups

    quotes, events = ([decode_row(article_id, data) for _, article_id, data in rows] for rows in (job.quotes, job.events))
    links = canonical.story_surname_links(job.links, job.story_of)
    for row in quotes + events:
        fill_links(row, links, job.story_of)
    in_story = {a: s for a, s in job.story_of.items() if s}
    groups = assign_variant_groups(quotes, job.texts, in_story)
    for quote in quotes:
        quote["variant_group"] = groups.get(quote["id"])
    return quotes, corroborate_events(events, in_story)


def fill_links(row: dict, links: dict[tuple[str, str], str], story_of: dict[str, str | None]) -> dict:
    """Entity ids for a quote's speaker or an event's participants, and the row's story id."""
    article_id = row["article_id"]
    row["story_id"] = story_of.get(article_id)
    for person in [row.get("speaker"), *row.get("actors", []), *row.get("recipients", [])]:
        if isinstance(person, dict) and person.get("key"):
            person["entity_id"] = links.get((article_id, person["key"]), person.get("entity_id"))
    return row


def stored_clusterer(store: Store) -> "StoryClusterer":
    """The store's story clusterer (its records are read from the store as they are needed)."""
    from storyline.stories import TABLES, StoryClusterer

    return StoryClusterer(state=store.get_state("stories"), tables={n: store.records(n) for n in TABLES})


PLACE_CHUNK = 500   # articles read and placed together
DESCRIBE_CHUNK = 200  # changed stories described and relabelled together
# story records (with the postings and document frequencies read with them) kept loaded between
# chunks: the whole corpus benchmark (1.7k stories) never evicts, 25 MB more than evicting after
# every chunk and a fifth less placement CPU; a 50k-article run evicts every few thousand stories
LOADED_STORIES = 5000


def assign_stories(store: Store, workers: WorkerPool | None = None) -> set[str]:
    """Place articles without a story, in publication order, into the persisted online clusterer;
    then bring the stories that changed (new members, merges) and their articles' story ids and
    borrowed dates up to date, atomically. Articles, clusterer records and stories are handled
    in chunks, so memory follows the chunk, not the corpus or the size of the ingest. Returns
    the ids of the stories that changed."""
    from storyline.stories import label_articles, order_for_clustering

    with store.transaction():
        clusterer = stored_clusterer(store)
        merged_before = set(clusterer.meta()["merged"])
        order = [a.id for a in order_for_clustering(store.article_dates("story_id IS NULL"))]
        touched = set()
        chunks = (_PlaceChunk(chunk, list(store.articles_of(chunk)), store.entity_ids_of(chunk))
                  for chunk in batched(order, PLACE_CHUNK))
        prepare = functools.partial(_prepared, config=clusterer.config)
        for job, prepared in (workers or WorkerPool(1)).map(prepare, chunks):
            articles = {a.id: a for a in job.articles}
            touched.update(clusterer.add(articles[i], job.entity_ids.get(i, ()), prepared=prepared[i]) for i in job.ids)
            clusterer.trim(LOADED_STORIES)
        meta = clusterer.meta()
        merged_away = set(meta["merged"]) - merged_before
        touched = {clusterer.resolve(s) for s in touched | merged_away}
        redating: list[Future] = []
        for chunk in batched(sorted(touched), DESCRIBE_CHUNK):
            stories = clusterer.stories(chunk)
            relabel = list(store.articles_of([a for s in stories for a in s.article_ids]))
            before = {a.id: (a.story_id, a.published, a.published_from) for a in relabel}
            label_articles(relabel, clusterer, stories)
            changed = [a for a in relabel if (a.story_id, a.published, a.published_from) != before[a.id]]
            store.update_articles((a.id, {"story_id": a.story_id, "published": a.published,
                                          "published_from": a.published_from}) for a in changed)
            redating = _redate_meanwhile(store, [a for a in changed if a.published_from == "story"], workers, redating)
            store.update_stories((s.to_dict() for s in stories), (), {})
            clusterer.trim(LOADED_STORIES)
        store.update_stories((), merged_away, meta["merged"])
        clusterer.flush()  # while the workers end the last re-datings
        store.set_state("stories", meta)
        _store_redated(store, redating, in_flight=0)
    return touched


@dataclass(slots=True)
class _PlaceChunk:
    """Articles placed together, in placing order (picklable: their profiles are made in a worker)."""

    ids: list[str]
    articles: list[Article]
    entity_ids: dict[str, list[str]]


def _prepared(job: _PlaceChunk, config: "ClusterConfig") -> dict[str, "Prepared"]:
    """What placing each article computes from it alone, made in a worker while the parent places
    the chunks before (the workers are otherwise idle during placement)."""
    from storyline.stories.cluster import prepare_articles

    return prepare_articles(job.articles, job.entity_ids, config)


MIN_CLAIM_ARTICLES = 2  # claims compare sources: a one-article story has nothing to align
CLAIM_JOBS_AHEAD = 4  # stories in flight per worker: one large story (quadratic cost) does not idle the others


def align_story_claims(store: Store, story_ids: Iterable[str], workers: WorkerPool | None = None) -> int:
    """Recompute the claims (statements aligned across outlets) of the given stories."""
    story_ids, workers = sorted(story_ids), workers or WorkerPool(1)
    jobs = (job for story_id in story_ids if (job := _claims_job(store, story_id, workers)) is not None)
    found = 0
    with store.transaction():  # written as each story is done: memory follows the stories in flight
        store.replace_claims(story_ids, ())
        for _, claims in workers.map(story_claims, jobs, CLAIM_JOBS_AHEAD):
            store.add_claims(claims)
            found += len(claims)
    return found


@dataclass(slots=True)
class ClaimsJob:
    """Everything claim alignment reads about one story, as stored (picklable: it may run in a
    worker). Sentences, mentions and timexes stay JSON text until the worker decodes them: the
    parent, which reads every story's job in turn, then neither decodes them nor pickles objects."""

    story_id: str
    articles: list[Article]
    sentences: dict[str, str]  # article id -> stored sentence bounds
    mentions: list[tuple[str, str]]  # (article id, stored JSON)
    links: dict[tuple[str, str], str]  # (article id, mention key) -> entity id
    timexes: list[tuple[str, str]]
    parses: dict[str, bytes]


def _claims_job(store: Store, story_id: str, workers: WorkerPool) -> ClaimsJob | None:
    """Reads only the articles claim alignment uses (a story's first ``MAX_ARTICLES``), so a
    story of thousands of reports costs no more than one of sixty."""
    from storyline.compare.claims import MAX_ARTICLES

    articles = list(store.iter_articles("story_id = ?", (story_id,), order="published, seq", limit=MAX_ARTICLES))
    if len(articles) < MIN_CLAIM_ARTICLES:
        return None
    ids = [a.id for a in articles]
    return ClaimsJob(story_id, articles, store.stored_sentences_of(ids), store.stored_rows_of("mentions", ids),
                     store.entity_links_of(ids), store.stored_rows_of("timexes", ids),
                     store.parses(ids, workers.parse_version()))


def story_claims(job: ClaimsJob) -> list[dict]:
    from storyline.compare.claims import align_claims

    sentences = {a.id: [Span.of(a.text, s, e) for s, e in sentence_bounds(job.sentences.get(a.id))]
                 for a in job.articles}
    timexes: dict[str, list[Timex]] = {}
    for row in (decode_row(article_id, data) for article_id, data in job.timexes):
        timexes.setdefault(row["article_id"], []).append(_timex_from_row(row))
    return align_claims(job.story_id, job.articles, sentences, mentions_from_rows(job.mentions, job.links),
                        timexes, _docs(job.parses))


def stored_docs(store: Store, article_ids: Sequence[str]) -> dict[str, Doc]:
    """The articles' parses as stored at ingest (made by the model now loaded), as spaCy Docs."""
    return _docs(store.parses(article_ids, nlp.parse_version()))


def _docs(parses: dict[str, bytes]) -> dict[str, Doc]:
    model = nlp.load()
    return {article_id: nlp.doc_from_bytes(data, model) for article_id, data in parses.items()}


def _redate_meanwhile(store: Store, articles: list[Article], workers: WorkerPool | None,
                      pending: list[Future]) -> list[Future]:
    """Articles dated by their story: re-annotate what depends on the date (relative time
    expressions, event dates and historical marks) against the borrowed date, from the stored
    parse and the stored mentions (entity mentions do not depend on the date; events read them),
    in ``workers``, while the caller describes the next stories. At most ``REDATE_AHEAD`` jobs
    per worker stay in flight (each holds its parses), so memory does not follow the corpus;
    returns those still running (``_store_redated(..., in_flight=0)`` ends them)."""
    workers = workers or WorkerPool(1)
    for batch in batched(articles, 16):
        pending = _store_redated(store, pending, REDATE_AHEAD * workers.workers - 1)
        pending.append(workers.submit(redated, _redate_job(store, batch, workers.parse_version())))
    return _store_redated(store, pending, REDATE_AHEAD * workers.workers)


def _store_redated(store: Store, pending: list[Future], in_flight: int) -> list[Future]:
    """Store the re-datings that are done, and the oldest others (waiting for them) until at most
    ``in_flight`` remain; returns those."""
    tables = [t for t, component in annotate.COMPONENT_OF_TABLE.items() if component in REDATE_COMPONENTS]
    running = [f for f in pending if not f.done()]
    waited = max(0, len(running) - in_flight)  # the oldest of those still running
    for future in [f for f in pending if f.done()] + running[:waited]:
        for ann in future.result():
            store.replace_annotations(ann.article_id, ann, tables)
    return running[waited:]


REDATE_COMPONENTS = ("time", "events")  # what depends on the date (events read the mentions and timexes)
REDATE_AHEAD = 2  # re-dating jobs in flight per worker while the parent goes on describing stories


@dataclass(slots=True)
class RedateJob:
    """A batch of articles whose date changed, with their stored parses and mentions (picklable;
    the mentions as stored JSON, decoded in the worker as for ``ClaimsJob``)."""

    articles: list[Article]
    parses: dict[str, bytes]
    mentions: list[tuple[str, str]]
    quotes: list[tuple[str, str]] = field(default_factory=list)  # events read them: a quotation's "I"


def _redate_job(store: Store, articles: list[Article], parse_version: str) -> RedateJob:
    ids = [a.id for a in articles]
    return RedateJob(articles, store.parses(ids, parse_version), store.stored_rows_of("mentions", ids),
                     store.stored_rows_of("quotes", ids))


def redated(job: RedateJob) -> list[Annotations]:
    """Timexes and events of articles whose date changed, from their stored parses and mentions
    (parsed and annotated again, mentions too, when the stored parse is missing or from another
    model)."""
    docs, mentions = _docs(job.parses), mentions_from_rows(job.mentions)
    stored = [a for a in job.articles if a.id in docs]
    fresh = [a for a in job.articles if a.id not in docs]
    quotes = quotes_from_rows(job.quotes)
    given = [Annotations(article_id=a.id, mentions=mentions.get(a.id, []), quotes=quotes.get(a.id, []))
             for a in stored]
    return (annotate.annotate_docs(stored, [docs[a.id] for a in stored], REDATE_COMPONENTS, given=given)
            + (annotate.annotate_batch(fresh, ["entities", *REDATE_COMPONENTS]) if fresh else []))


def resolve_entities(store: Store) -> set[str]:
    """Resolve canonical entities over every stored mention (read as counted name forms, so
    memory follows the number of distinct names, not of mentions); returns the ids of the
    articles whose mention -> entity links changed."""
    entities, entity_of = canonical.resolve_forms(
        (canonical.NameForm(*form), count) for form, count in store.name_forms())
    return store.replace_entities_by_name(entities, entity_of)


def _timex_from_row(row: dict) -> Timex:
    fields = {k: v for k, v in row.items() if k in Timex.__slots__}
    fields["span"] = Span(**row["span"])
    return Timex(**fields)


def mentions_from_rows(rows: Iterable[tuple[str, str]], links: dict[tuple[str, str], str] | None = None
                       ) -> dict[str, list[Mention]]:
    """Stored entity mentions by article, in text order, from their rows as ``Store.stored_rows_of``
    reads them, with their canonical entity ids from ``links`` ((article id, mention key) ->
    entity id) when given."""
    mentions: dict[str, list[Mention]] = {}
    for row in (decode_row(article_id, data) for article_id, data in rows):
        mention = _mention_from_row(row)
        if links is not None:
            mention.entity_id = links.get((row["article_id"], mention.key))
        mentions.setdefault(row["article_id"], []).append(mention)
    return mentions


def quotes_from_rows(rows: Iterable[tuple[str, str]]) -> dict[str, list[Quote]]:
    """Stored quotes by article (what events read of them: kind, content, speaker)."""
    quotes: dict[str, list[Quote]] = {}
    for row in (decode_row(article_id, data) for article_id, data in rows):
        speaker = row["speaker"]
        quote = Quote(id=row["id"], article_id=row["article_id"], kind=row["kind"], content=Span(**row["content"]),
                      speaker=Speaker(text=speaker["text"], key=speaker.get("key")))
        quotes.setdefault(row["article_id"], []).append(quote)
    return quotes


def _mention_from_row(row: dict) -> Mention:
    fields = {k: v for k, v in row.items() if k in Mention.__slots__}
    fields["span"] = Span(**row["span"])
    return Mention(**fields)


def _progress(options: RunOptions, **kwargs: object):
    from tqdm import tqdm

    return tqdm(disable=not options.progress or not sys.stderr.isatty(), file=sys.stderr, **kwargs)
