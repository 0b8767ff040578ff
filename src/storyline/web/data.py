"""What the pages and the JSON API show, built once from the store as plain JSON-able dicts.

The HTML templates and ``/api/`` render the same dicts, so both always agree. Only rows that
exist are shown: quotes, events, stories and claims sections are empty until the pipeline stores
them. Quotes and events come with entity and story ids filled by the pipeline.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any
from urllib.parse import quote as _urlquote

from storyline.model import Article
from storyline.report import headline
from storyline.store import Store
from storyline.web import queries
from storyline.web.highlight import Mark
from storyline.web.timeline import Point, to_date, to_day

UNKNOWN_OUTLET = "(unknown outlet)"
CONTEXT_CHARS = 240


class BadRequest(ValueError):
    """A query parameter that cannot be used (reported as 422)."""


@dataclass(frozen=True)
class Filters:
    """List filters shared by stories and articles; empty strings from forms mean 'no filter'."""

    q: str | None = None
    outlet: str | None = None
    entity: str | None = None
    start: str | None = None  # YYYY-MM-DD, inclusive
    end: str | None = None

    @classmethod
    def parse(cls, q: str | None = None, outlet: str | None = None, entity: str | None = None,
              start: str | None = None, end: str | None = None) -> "Filters":
        clean = {k: (v.strip() or None) if isinstance(v, str) else None
                 for k, v in dict(q=q, outlet=outlet, entity=entity, start=start, end=end).items()}
        for key, param in (("start", "from"), ("end", "to")):  # named as the user typed them
            if clean[key] is not None:
                try:
                    clean[key] = _dt.date.fromisoformat(clean[key]).isoformat()
                except ValueError:
                    raise BadRequest(f"{param}: expected a date YYYY-MM-DD") from None
        return cls(**clean)

    def terms(self) -> list[str]:
        """The words of ``q``, a "quoted phrase" kept whole: an item matches when it has every one
        (as a search box is read), wherever they stand."""
        return [phrase or word for phrase, word in re.findall(r'"([^"]+)"|(\S+)', self.q or "")]

    def active(self) -> bool:
        return any((self.q, self.outlet, self.entity, self.start, self.end))

    def article_where(self, with_text: bool = True) -> tuple[str, list[Any]]:
        """SQL condition on ``articles`` (all values bound as parameters)."""
        parts: list[str] = []
        params: list[Any] = []
        for term in self.terms() if with_text else []:
            parts.append("(title LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\')")
            params += [queries.like_pattern(term)] * 2
        if self.outlet:
            parts.append("outlet = ?")
            params.append(self.outlet)
        if self.entity:
            parts.append("id IN (SELECT article_id FROM entity_links WHERE entity_id = ?)")
            params.append(self.entity)
        if self.start:
            parts.append("substr(published, 1, 10) >= ?")
            params.append(self.start)
        if self.end:
            parts.append("substr(published, 1, 10) <= ?")
            params.append(self.end)
        return " AND ".join(parts), params


# ------------------------------------------------------------------ small shapes

def article_summary(article: Article) -> dict[str, Any]:
    """An article without its text (lists, stories), with the headline to show for it."""
    d = {**article.to_dict(), "headline": headline(article)}
    for key in ("text", "raw_segments", "path"):
        d.pop(key)
    return d


def story_summary(story: dict[str, Any]) -> dict[str, Any]:
    return {**story, "size": len(story.get("article_ids") or [])}


def entity_href(entity_id: str) -> str:
    return "/entities/" + _urlquote(entity_id, safe="")


def _outlet(article: Article | None) -> str:
    """The outlet, or for an article that names none, a label of its own: two unattributed
    reports are two sources (as in claims), not one "unknown" outlet."""
    if article is None:
        return UNKNOWN_OUTLET
    return article.outlet or f"{UNKNOWN_OUTLET[:-1]}: {article.external_id or article.id})"


def _linked(store: Store, table: str, articles: list[Article]) -> list[dict[str, Any]]:
    """Quotes or events of these articles (the store keeps their entity and story ids filled)."""
    return queries.rows_for(store, table, [a.id for a in articles])


def _mentions(store: Store, articles: list[Article], links: dict[tuple[str, str], str]) -> list[dict[str, Any]]:
    rows = queries.rows_for(store, "mentions", [a.id for a in articles])
    for row in rows:
        row["entity_id"] = row.get("entity_id") or links.get((row["article_id"], row["key"]))
    return rows


def _annotate(rows: list[dict[str, Any]], by_id: dict[str, Article]) -> list[dict[str, Any]]:
    """Add the outlet and title of each row's article (for display next to quotes/events)."""
    for row in rows:
        article = by_id.get(row["article_id"])
        row["outlet"] = _outlet(article)
        row["article_title"] = article.title if article else None
    return rows


# ------------------------------------------------------------------ lists

def list_articles(store: Store, f: Filters, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    where, params = f.article_where()
    items = islice(store.iter_articles(where, params, order="COALESCE(published, '') DESC, seq"),
                   offset, offset + limit)
    return {"total": queries.count_articles(store, where, params), "offset": offset, "limit": limit,
            "items": [article_summary(a) for a in items]}


def list_stories(store: Store, f: Filters, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    """Stories with an article matching every filter (``q`` may also match the title/summary)."""
    stories = list(store.iter_stories())
    if f.active():
        keep = queries.story_ids_of_articles(store, *f.article_where())
        if f.q:
            needles = [t.casefold() for t in f.terms()]
            others = queries.story_ids_of_articles(store, *f.article_where(with_text=False))
            keep |= {s["id"] for s in stories if s["id"] in others
                     and _has_all(f"{s.get('title') or ''} {s.get('summary') or ''}".casefold(), needles)}
        stories = [s for s in stories if s["id"] in keep]
    stories.sort(key=lambda s: (-len(s.get("article_ids") or []), s.get("start") or "", s["id"]))
    return {"total": len(stories), "offset": offset, "limit": limit,
            "items": [story_summary(s) for s in stories[offset:offset + limit]]}


def _has_all(text: str, needles: list[str]) -> bool:
    return all(n in text for n in needles)


def search(store: Store, q: str, limit: int = 50) -> dict[str, Any]:
    """Stories, articles and entities matching ``q``; each article with where its text says it."""
    f = Filters.parse(q=q)
    articles = list_articles(store, f, limit)["items"]
    for item in articles:
        article = store.get_article(item["id"])
        item["match"] = text_match(article.text, f.terms()) if article and f.q else None
    return {"query": f.q, "stories": list_stories(store, f, limit)["items"], "articles": articles,
            "entities": queries.find_entities(store, f.q or "", limit) if f.q else []}


def text_match(text: str, terms: list[str], around: int = 90) -> dict[str, Any] | None:
    """The first place ``text`` contains one of ``terms`` (any case) with the words around it: a
    result list shows why each article matched and links to the very place."""
    if not terms:
        return None
    found = re.search("|".join(re.escape(t) for t in terms), text, re.IGNORECASE)
    if not found:
        return None
    start, end = found.span()
    before, after = text[max(0, start - around):start], text[end:end + around]
    if start > around:  # cut at a word boundary, not inside a word
        before = "…" + before.split(" ", 1)[-1]
    if end + around < len(text):
        after = after.rsplit(" ", 1)[0] + "…"
    return {"start": start, "end": end, "text": text[start:end], "before": re.sub(r"\s+", " ", before),
            "after": re.sub(r"\s+", " ", after)}


def filter_options(store: Store) -> dict[str, Any]:
    return {"outlets": queries.outlets(store), "entities": queries.top_entities(store)}


# ------------------------------------------------------------------ detail pages

def _bounds(span: dict[str, Any] | None) -> dict[str, int] | None:
    """Where a stated thing sits in its article (start, end): what a link to the passage needs."""
    return {"start": span["start"], "end": span["end"]} if span and "start" in span and "end" in span else None


def _context(article: Article, sentences: list[tuple[int, int]], start: int) -> str:
    """The sentence around ``start`` (trimmed), to show a date or event where it is stated."""
    i = bisect.bisect_right([s for s, _ in sentences], start) - 1
    lo, hi = sentences[i] if 0 <= i < len(sentences) else (max(0, start - 120), start + 120)
    text = " ".join(article.text[lo:hi].split())
    return text if len(text) <= CONTEXT_CHARS else text[:CONTEXT_CHARS - 1] + "…"


def timeline(store: Store, articles: list[Article], timexes: list[dict[str, Any]],
             events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Publication dates, event dates and calendar time expressions, in date order."""
    by_id = {a.id: a for a in articles}
    sentences = {a.id: store.sentences(a.id) for a in articles}
    items = [{"date": a.published[:10], "kind": "published", "text": headline(a), "context": None,
              "article_id": a.id, "outlet": _outlet(a), "span": None} for a in articles if to_date(a.published)]
    for e in events:
        value = (e.get("date") or {}).get("value")
        if to_date(value) and e["article_id"] in by_id:
            items.append({"date": value, "kind": "event", "text": e.get("type"),
                          "context": (e.get("sentence") or {}).get("text"), "article_id": e["article_id"],
                          "outlet": _outlet(by_id[e["article_id"]]), "span": _bounds(e.get("sentence") or e["trigger"])})
    for t in timexes:
        article = by_id.get(t["article_id"])
        if article and t.get("type") in ("DATE", "TIME") and to_date(t.get("value")):
            items.append({"date": t["value"], "kind": "timex", "text": t["span"]["text"],
                          "context": _context(article, sentences[article.id], t["span"]["start"]),
                          "article_id": article.id, "outlet": _outlet(article), "span": _bounds(t["span"])})
    items.sort(key=lambda i: (i["date"], i["kind"] != "published", i["outlet"]))
    return items


def timeline_points(items: list[dict[str, Any]]) -> tuple[list[Point], list[_dt.date]]:
    """Chart points (one lane per outlet's articles, one for events, one for mentioned dates)."""
    lane = {"published": None, "event": "events", "timex": "dates mentioned"}
    points = [Point(lane[i["kind"]] or i["outlet"], to_day(i["date"]), f"{i['date'][:10]} {i['outlet']}: {i['text']}",
                    "/articles/" + _urlquote(i["article_id"], safe=""))
              for i in items if to_day(i["date"])]
    points.sort(key=lambda p: (p.lane in ("events", "dates mentioned"), p.lane == "dates mentioned"))
    anchors = [p.date for p in points if p.lane not in ("events", "dates mentioned")]
    return points, anchors


def quote_groups(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same quotation as reported by several articles, side by side (most outlets first)."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in quotes:
        if q.get("variant_group"):
            groups[q["variant_group"]].append(q)
    out = [{"variant_group": g, "outlets": sorted({q["outlet"] for q in qs}), "quotes": qs}
           for g, qs in groups.items()]
    out.sort(key=lambda g: (-len(g["outlets"]), g["variant_group"]))
    return out


def claims_matrix(claims: list[dict[str, Any]], outlets: list[str],
                  outlet_of: dict[str, str]) -> list[dict[str, Any]]:
    """One row per claim stated by several outlets (conflicts first), one cell per outlet: the
    sentences that state it there and the values it gives where outlets differ.

    A claim only one outlet states has a row of one tick: those are listed under what each outlet
    alone adds (``outlet_only``), and a table of them buries the claims that compare outlets.
    """
    rows = []
    for claim in claims:
        if claim.get("status") == "single":
            continue
        cells = []
        for outlet in outlets:
            support = [{"article_id": s.get("article_id"), "span": s.get("span")}
                       for s in claim.get("support") or []
                       if (s.get("outlet") or outlet_of.get(s.get("article_id"))) == outlet]
            differing = [{"label": f"{c.get('field')}: {v.get('value')}", "article_id": v.get("article_id"),
                          "span": v.get("span"), "update": c.get("kind") == "update"}
                         for c in claim.get("conflicts") or [] for v in c.get("values") or []
                         if outlet_of.get(v.get("article_id")) == outlet]
            cells.append({"outlet": outlet, "supported": bool(support), "support": support,
                          "values": [d["label"] for d in differing], "differing": differing})
        stating = sum(c["supported"] for c in cells)
        rows.append({"claim": claim, "outlets": stating, "cells": cells})
    rows.sort(key=lambda r: (r["claim"].get("status") != "conflict", -r["outlets"]))
    return rows


def key_actors(events: list[dict[str, Any]], quotes: list[dict[str, Any]], limit: int = 12) -> list[dict[str, Any]]:
    """Who acts, who is acted on and who speaks in a story, most involved first."""
    roles: dict[str, dict[str, Any]] = {}

    def count(person: dict[str, Any] | None, role: str) -> None:
        if not person or not (person.get("entity_id") or person.get("text")):
            return
        key = person.get("entity_id") or person["text"].casefold()
        entry = roles.setdefault(key, {"entity_id": person.get("entity_id"), "name": person.get("text"),
                                       "country": person.get("country"), "actor": 0, "recipient": 0, "speaker": 0})
        entry[role] += 1

    for e in events:
        for p in e.get("actors") or []:
            count(p, "actor")
        for p in e.get("recipients") or []:
            count(p, "recipient")
    for q in quotes:
        count(q.get("speaker"), "speaker")
    ranked = sorted(roles.values(), key=lambda r: (-(r["actor"] + r["recipient"] + r["speaker"]), r["name"] or ""))
    return ranked[:limit]


def outlet_only(articles: list[Article], mentions: list[dict[str, Any]], quotes: list[dict[str, Any]],
                events: list[dict[str, Any]], claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per outlet, what no other outlet of the story reports: entities, quotes, events, claims."""
    outlet_of = {a.id: _outlet(a) for a in articles}
    outlets = sorted(set(outlet_of.values()))
    if len(outlets) < 2:
        return []
    seen: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for m in mentions:
        if m.get("entity_id"):
            seen[m["entity_id"]].add(outlet_of[m["article_id"]])
            names.setdefault(m["entity_id"], m.get("name") or m["span"]["text"])
    group_outlets: dict[str, set[str]] = defaultdict(set)
    for q in quotes:
        if q.get("variant_group"):
            group_outlets[q["variant_group"]].add(q["outlet"])
    # until quotes are grouped / events corroborated for this story, nothing says they are unique
    quotes = quotes if group_outlets else []
    events = events if any(e.get("corroboration") for e in events) else []
    out = []
    for outlet in outlets:
        entities = sorted(({"id": e, "name": names[e]} for e, o in seen.items() if o == {outlet}),
                          key=lambda e: e["name"])
        only_quotes = [q for q in quotes if q["outlet"] == outlet
                       and group_outlets.get(q.get("variant_group") or "", {outlet}) == {outlet}]
        only_events = [e for e in events if e["outlet"] == outlet and not e.get("corroboration")]
        only_claims = [c for c in claims if c.get("status") == "single"
                       and {s.get("outlet") or outlet_of.get(s.get("article_id")) for s in c.get("support") or []} == {outlet}]
        out.append({"outlet": outlet, "entities": entities, "quotes": only_quotes, "events": only_events,
                    "claims": only_claims})
    return out


def add_corroborators(store: Store, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each event with ``corroborated_by``: the other articles' reports of the same event (outlet,
    and the sentence to link to), so a reader checks a corroboration instead of trusting a count."""
    known = {e["id"]: e for e in events if "outlet" in e}
    missing = {i for e in events for i in e.get("corroboration") or []} - known.keys()
    if missing:
        rows = queries.events_by_id(store, sorted(missing))
        ids = sorted({r["article_id"] for r in rows})
        by_id = {a.id: a for a in store.iter_articles(f"id IN ({','.join('?' * len(ids))})", ids)} if ids else {}
        known.update({r["id"]: r for r in _annotate(rows, by_id)})
    for e in events:
        e["corroborated_by"] = [{"event_id": i, "article_id": known[i]["article_id"], "outlet": known[i]["outlet"],
                                 "span": _bounds(known[i].get("sentence") or known[i]["trigger"])}
                                for i in e.get("corroboration") or [] if i in known]
    return events


def story_detail(store: Store, story_id: str) -> dict[str, Any] | None:
    story = queries.get_story(store, story_id)
    if story is None:
        return None
    articles = list(store.iter_articles("story_id = ?", (story["id"],), order="published, seq"))
    by_id = {a.id: a for a in articles}
    links = queries.links_for(store, list(by_id))
    quotes = _annotate(_linked(store, "quotes", articles), by_id)
    events = add_corroborators(store, _annotate(_linked(store, "events", articles), by_id))
    timexes = queries.rows_for(store, "timexes", list(by_id))
    claims = queries.claims_for(store, story["id"])
    outlets = sorted({_outlet(a) for a in articles})
    return {"story": story_summary(story), "articles": [article_summary(a) for a in articles],
            "outlets": outlets, "timeline": timeline(store, articles, timexes, events),
            "events": events, "quotes": quotes, "quote_groups": quote_groups(quotes), "claims": claims,
            "claims_matrix": claims_matrix(claims, outlets, {a.id: _outlet(a) for a in articles}),
            "outlet_only": outlet_only(articles, _mentions(store, articles, links), quotes, events, claims),
            "key_actors": key_actors(events, quotes)}


def article_detail(store: Store, article_id: str) -> dict[str, Any] | None:
    article = store.get_article(article_id)
    if article is None:
        return None
    links = queries.links_for(store, [article.id])
    mentions = _mentions(store, [article], links)
    entities: dict[str, dict[str, Any]] = {}
    for m in mentions:
        key = m["entity_id"] or m["key"]
        entities.setdefault(key, {"entity_id": m["entity_id"], "name": m["name"], "type": m["type"],
                                  "country": m.get("country"), "mentions": 0})["mentions"] += 1
    story = queries.get_story(store, article.story_id) if article.story_id else None
    return {"article": article.to_dict(), "story": story_summary(story) if story else None,
            "entities": sorted(entities.values(), key=lambda e: (-e["mentions"], e["name"])),
            "mentions": mentions, "timexes": queries.rows_for(store, "timexes", [article.id]),
            "quotes": _linked(store, "quotes", [article]),
            "events": add_corroborators(store, _linked(store, "events", [article]))}


def passage(text: str, at: str | None) -> dict[str, Any] | None:
    """The passage a link points at (``at`` is ``START-END`` in characters), when it lies in ``text``:
    claims, quotes, events and dates elsewhere link to the very words that state them."""
    if not at:
        return None
    start, _, end = at.partition("-")
    if not (start.isdigit() and end.isdigit()) or not 0 <= int(start) < int(end) <= len(text):
        return None
    return {"start": int(start), "end": int(end), "text": text[int(start):int(end)]}


def article_marks(detail: dict[str, Any], focus: dict[str, Any] | None = None) -> list[Mark]:
    """Highlights for the article page from the detail's spans (and the linked passage, if any)."""
    marks = [Mark(focus["start"], focus["end"], "focus", "the passage linked to", anchor="at")] if focus else []
    for m in detail["mentions"]:
        s = m["span"]
        marks.append(Mark(s["start"], s["end"], "entity", f"{m['type']}: {m['name']}",
                          entity_href(m["entity_id"]) if m.get("entity_id") else None, (("type", m["type"]),)))
    for t in detail["timexes"]:
        s = t["span"]
        marks.append(Mark(s["start"], s["end"], "timex", f"{t.get('type')} {t.get('value')}"))
    for q in detail["quotes"]:
        speaker = q.get("speaker") or {}
        c = q["content"]
        marks.append(Mark(c["start"], c["end"], "quote", f"{q.get('kind')} quote, speaker: {speaker.get('text') or '?'}"))
        for part, kind in ((speaker.get("span"), "speaker"), (q.get("cue"), "cue")):
            if part:
                marks.append(Mark(part["start"], part["end"], kind, kind))
    for e in detail["events"]:
        t = e["trigger"]
        label = " ".join(x for x in (e.get("type"), e.get("mode") or "", *(e.get("aux_modes") or [])) if x)
        marks.append(Mark(t["start"], t["end"], "event", label))
    return marks


def entity_detail(store: Store, entity_id: str) -> dict[str, Any] | None:
    entity = queries.get_entity(store, entity_id)
    if entity is None:
        return None
    counts: dict[str, int] = defaultdict(int)
    first: dict[str, dict[str, Any]] = {}  # the first mention in each article: where the page links to
    for m in entity["mentions"]:
        counts[m["article_id"]] += 1
        first.setdefault(m["article_id"], _bounds(m["span"]))
    articles = list(store.iter_articles("id IN (SELECT article_id FROM entity_links WHERE entity_id = ?)",
                                        (entity_id,), order="published, seq"))
    by_id = {a.id: a for a in articles}
    links = queries.links_for(store, list(by_id))
    quotes = [q for q in _annotate(_linked(store, "quotes", articles), by_id)
              if (q.get("speaker") or {}).get("entity_id") == entity_id]
    events = []
    for e in _annotate(_linked(store, "events", articles), by_id):
        roles = [role for role in ("actors", "recipients") if any(p.get("entity_id") == entity_id for p in e.get(role) or [])]
        if roles:
            events.append({**e, "roles": roles})
    story_ids = dict.fromkeys(a.story_id for a in articles if a.story_id)
    stories = [story_summary(s) for s in (queries.get_story(store, sid) for sid in story_ids) if s]
    summary = {k: v for k, v in entity.items() if k != "mentions"}
    return {"entity": {**summary, "mention_count": len(entity["mentions"])},
            "articles": [{**article_summary(a), "mentions": counts[a.id], "first_mention": first.get(a.id)}
                         for a in articles],
            "stories": stories, "quotes": quotes, "events": events}
