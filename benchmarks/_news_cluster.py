"""The articles of ../shared/data/clustering/news_cluster.jsonl, read the one way the news_cluster
benchmarks need them: the gold ``story`` label stands in for story clustering, and stories are split
into the "fit" half (studied while tuning) and the "held-out" half (read once) by a hash of that label."""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable

from _report import require_shared

from storyline.model import Article


def all_articles() -> list[Article]:
    """Every article of the file, in file order, its story label as ``story_id``."""
    path = require_shared("data", "clustering", "news_cluster.jsonl")
    return [Article(id=r["id"], text=r["text"], outlet=r.get("outlet"), title=r.get("title"),
                    published=r.get("published"), story_id=r["story"])
            for r in map(json.loads, path.open(encoding="utf-8"))]


def cleaned_articles() -> list[Article]:
    """Every article as ``storyline analyze`` reads the file: the JSON reader (encoding repair) and
    the clean stage (page furniture, photo captions dropped), keeping the file's id and story
    label; ``raw_segments`` map the kept text back onto the file's ``text``."""
    from storyline.clean import clean_document
    from storyline.sources.jsonrecords import record_document

    path = require_shared("data", "clustering", "news_cluster.jsonl")
    articles = []
    for number, record in enumerate(map(json.loads, path.open(encoding="utf-8")), start=1):
        article = clean_document(record_document(record, f"line {number}", fallback_id=str(number), path=None))
        article.id, article.story_id = record["id"], record["story"]
        if not _maps_back(article, record["text"]):
            raise ValueError(f"{record['id']}: the kept text does not map back onto the file's text")
        articles.append(article)
    return articles


def _maps_back(article: Article, raw: str) -> bool:
    return all(article.text[t:t + n] == raw[r:r + n] for t, r, n in article.raw_segments or [])


def raw_offset(article: Article, offset: int, end: bool = False) -> int:
    """An offset into a cleaned article's text as an offset into the file's text (a span's
    ``end`` maps into the segment it closes, a start into the segment it opens)."""
    segments = article.raw_segments or [[0, 0, len(article.text)]]
    for t, r, n in segments:
        if (t < offset <= t + n) if end else (t <= offset < t + n):
            return r + offset - t
    # An offset in the line break joining two kept segments (a sentence's end running past its
    # line): an end closes the segment before it, a start opens the segment after it.
    if end and (before := [(r, n) for t, r, n in segments if t + n < offset]):
        return before[-1][0] + before[-1][1]
    if not end and (after := [r for t, r, n in segments if t > offset]):
        return after[0]
    raise ValueError(f"offset {offset} lies outside the kept text of {article.id}")


def span_on_file_text(article: Article, span: dict) -> None:
    """Move a span (``start``/``end``) of a cleaned article's text onto the file's text, in place:
    the labels' offsets are in the file's text."""
    span["start"], span["end"] = raw_offset(article, span["start"]), raw_offset(article, span["end"], end=True)


def items_on_file_text(items: list[dict], articles: list[Article],
                       spans_of: Callable[[dict], list[dict | None]]) -> list[dict]:
    """The items (quotes, events) of cleaned articles with their spans (``spans_of``) moved onto the
    file's text, in place, each span once: the labels' offsets are in the file's text."""
    by_id = {a.id: a for a in articles}
    for item in items:
        for span in {id(s): s for s in spans_of(item) if s}.values():
            span_on_file_text(by_id[item["article_id"]], span)
    return items


def kept_span(article: Article, start: int, end: int) -> tuple[int, int] | None:
    """A span of the file's text as a span of the cleaned article's text (``raw_offset`` the other
    way): the kept part of it, edge whitespace trimmed, or None when the clean stage dropped most of
    its characters (a caption, page furniture). A statement that lost only a line joined to it (a
    photo credit before it) is still there."""
    segments = article.raw_segments or [[0, 0, len(article.text)]]
    pieces = [(max(start, r) + t - r, min(end, r + n) + t - r) for t, r, n in segments if r < end and start < r + n]
    if 2 * sum(b - a for a, b in pieces) < end - start:
        return None
    first, last = pieces[0][0], pieces[-1][1]
    piece = article.text[first:last]
    first, last = first + len(piece) - len(piece.lstrip()), first + len(piece.rstrip())
    return (first, last) if last > first else None


def multi_outlet_stories(articles: list[Article] | None = None) -> dict[str, list[Article]]:
    """Story label -> its articles in file order, for the stories reported by two outlets or more
    (of ``articles``, by default every article of the file as it is)."""
    by_story: dict[str, list[Article]] = defaultdict(list)
    for article in all_articles() if articles is None else articles:
        by_story[article.story_id].append(article)
    return {s: arts for s, arts in sorted(by_story.items()) if len({a.outlet for a in arts}) > 1}


def half_of(label: str) -> str:
    """The half of a story: sha1 of its label even = "fit", odd = "held-out"."""
    return "fit" if int(hashlib.sha1(label.encode()).hexdigest(), 16) % 2 == 0 else "held-out"


def linked_quotes(articles: list[Article], mode: str = "fast") -> tuple[list[dict], dict[str, str]]:
    """Quotes as the pipeline stores them (the per-article path, then speakers linked to
    corpus-wide entities, a lone surname within its story: ``story_links``) and the canonical
    name of each entity id."""
    from storyline import annotate
    from storyline.annotate import canonical

    anns = annotate.annotate_batch(articles, ["sentences", "entities", "quotes"], mode=mode)
    entities = canonical.resolve_entities([(a.id, ann.mentions) for a, ann in zip(articles, anns)])
    links = story_links(articles, anns)
    quotes = []
    for ann in anns:
        for q in ann.quotes:
            q.speaker.entity_id = links.get((ann.article_id, q.speaker.key)) if q.speaker.key else None
            quotes.append(q.to_dict())
    return quotes, {e.id: e.name for e in entities}


def story_links(articles: list[Article], anns: list) -> dict[tuple[str, str], str]:
    """(article id, mention key) -> entity id as the pipeline's link step makes them within a story
    (``canonical.story_surname_links``), the labelled stories standing for the clusterer's."""
    from storyline.annotate import canonical

    links = {(ann.article_id, m.key): m.entity_id for ann in anns for m in ann.mentions}
    return canonical.story_surname_links(links, {a.id: a.story_id for a in articles})


def linked_events(articles: list[Article]) -> tuple[list[dict], dict[str, str]]:
    """Events as the pipeline stores them (the per-article path in batches of 16, then actors and
    recipients linked to corpus-wide entities), and the canonical name of each entity id."""
    from storyline import annotate
    from storyline.annotate import canonical

    anns = []
    for i in range(0, len(articles), 16):
        # quotes before events, as the product runs them: a quotation's "I" is its speaker
        anns += annotate.annotate_batch(articles[i:i + 16], ["sentences", "entities", "time", "quotes", "events"])
    entities = canonical.resolve_entities([(a.id, ann.mentions) for a, ann in zip(articles, anns)])
    links = story_links(articles, anns)
    events = []
    for ann in anns:
        for ev in ann.events:
            for person in ev.actors + ev.recipients:
                person.entity_id = links.get((ann.article_id, person.key)) if person.key else None
            events.append(ev.to_dict())
    return events, {e.id: e.name for e in entities}
