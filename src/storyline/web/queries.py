"""Indexed read-only lookups the web needs per request that ``Store`` does not expose yet.

The Store API scans whole tables for entities and stories (fine for export, too slow per page
view); these are single-row / single-index reads. They only ever read, and every value from a
request goes in as a bound parameter. Candidates to move into ``Store`` later.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from storyline.store import Store

CHUNK = 500  # bound parameters per IN (...) list, well under SQLite's limit


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` literally anywhere (``%``/``_`` escaped with ``\\``)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def count_articles(store: Store, where: str, params: Sequence[Any]) -> int:
    sql = f"SELECT COUNT(*) FROM articles {('WHERE ' + where) if where else ''}"
    return int(store.db.execute(sql, params).fetchone()[0])


def story_ids_of_articles(store: Store, where: str, params: Sequence[Any]) -> set[str]:
    sql = f"SELECT DISTINCT story_id FROM articles WHERE story_id IS NOT NULL {('AND ' + where) if where else ''}"
    return {row[0] for row in store.db.execute(sql, params)}


def outlets(store: Store) -> list[str]:
    sql = "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet"
    return [row[0] for row in store.db.execute(sql)]


def top_entities(store: Store, limit: int = 300) -> list[dict[str, Any]]:
    """Entities by number of articles mentioning them (for the entity filter)."""
    sql = ("SELECT e.id, e.name, e.type, COUNT(DISTINCT l.article_id) AS n FROM entities e "
           "JOIN entity_links l ON l.entity_id = e.id GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?")
    return [{"id": r[0], "name": r[1], "type": r[2], "articles": r[3]} for r in store.db.execute(sql, (limit,))]


def get_story(store: Store, story_id: str) -> dict[str, Any] | None:
    """A story by id; ids of stories merged away resolve to the surviving story."""
    row = store.db.execute("SELECT data FROM stories WHERE id = ?", (store.resolve_story_id(story_id),)).fetchone()
    return json.loads(row[0]) if row else None


def get_entity(store: Store, entity_id: str) -> dict[str, Any] | None:
    """An entity in the spec's shape (as ``Store.iter_entities`` gives it), mentions included."""
    row = store.db.execute("SELECT id, name, type, country, sector, data FROM entities WHERE id = ?",
                           (entity_id,)).fetchone()
    if row is None:
        return None
    sql = ("SELECT m.article_id, m.data FROM entity_links l JOIN mentions m ON m.article_id = l.article_id "
           "AND m.key = l.key JOIN articles a ON a.id = m.article_id WHERE l.entity_id = ? ORDER BY a.seq, m.start")
    mentions = [{"article_id": a, "span": json.loads(d)["span"]} for a, d in store.db.execute(sql, (entity_id,))]
    data = json.loads(row[5])
    return {"id": row[0], "name": row[1], "type": row[2], "aliases": data.get("aliases", []),
            "titles": data.get("titles", []), "country": row[3], "sector": row[4], "mentions": mentions}


def find_entities(store: Store, text: str, limit: int = 50) -> list[dict[str, Any]]:
    """Entities whose name or an alias contains ``text`` (case-insensitive for ASCII)."""
    pattern = like_pattern(text)
    sql = ("SELECT id, name, type, country FROM entities WHERE name LIKE ? ESCAPE '\\' "
           "OR data LIKE ? ESCAPE '\\' ORDER BY name LIMIT ?")
    return [{"id": r[0], "name": r[1], "type": r[2], "country": r[3]}
            for r in store.db.execute(sql, (pattern, pattern, limit))]


def links_for(store: Store, article_ids: Sequence[str]) -> dict[tuple[str, str], str]:
    """(article_id, mention key) -> entity id, for these articles only."""
    out: dict[tuple[str, str], str] = {}
    ids = list(article_ids)
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        sql = f"SELECT article_id, key, entity_id FROM entity_links WHERE article_id IN ({','.join('?' * len(chunk))})"
        out.update({(a, k): e for a, k, e in store.db.execute(sql, chunk)})
    return out


def rows_for(store: Store, table: str, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    """``Store.iter_rows`` for a set of articles, chunked."""
    ids = list(article_ids)
    out: list[dict[str, Any]] = []
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        out.extend(store.iter_rows(table, f"t.article_id IN ({','.join('?' * len(chunk))})", chunk))
    return out


def claims_for(store: Store, story_id: str) -> list[dict[str, Any]]:
    """Claims of a story (statements aligned across its outlets)."""
    return list(store.iter_claims(story_id))

def events_by_id(store: Store, event_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Events by their ids (the ones another event's ``corroboration`` names), chunked."""
    ids = list(event_ids)
    out: list[dict[str, Any]] = []
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        out.extend(store.iter_rows("events", f"t.id IN ({','.join('?' * len(chunk))})", chunk))
    return out
