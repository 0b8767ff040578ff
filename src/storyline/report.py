"""Human-readable views of stored items (``storyline show``); the web UI builds on the same lookups."""
from __future__ import annotations

from typing import Any

from storyline.store import Store


def headline(item: Any, words: int = 12) -> str:
    """What to call an article or story: its title, else the opening words of its text or
    summary (a display fallback; the stored title stays null rather than invented)."""
    get = item.get if isinstance(item, dict) else lambda k, d=None: getattr(item, k, d)
    if get("title"):
        return get("title")
    lead = (get("text") or get("summary") or "").split()
    return " ".join(lead[:words]) + (" …" if len(lead) > words else "") if lead else get("id")


def lookup(store: Store, item_id: str) -> dict[str, Any] | None:
    """An article, story or entity by id (merged story ids resolve to the surviving story)."""
    article = store.get_article(item_id)
    if article is not None:
        entities = {}
        links = {k: e for (a, k), e in store.entity_links().items() if a == item_id}
        for row in store.iter_rows("mentions", "t.article_id = ?", (item_id,)):
            entity_id = links.get(row["key"])
            entities.setdefault(entity_id or row["key"], {"entity_id": entity_id, "name": row["name"],
                                                          "type": row["type"], "country": row.get("country"),
                                                          "mentions": 0})["mentions"] += 1
        return {"kind": "article", "article": article.to_dict(), "entities": list(entities.values())}
    story_id = store.resolve_story_id(item_id)
    for story in store.iter_stories():
        if story["id"] == story_id:
            articles = [a.to_dict() for a in store.iter_articles("story_id = ?", (story_id,), order="published, seq")]
            return {"kind": "story", "story": story, "articles": articles}
    for entity in store.iter_entities():
        if entity["id"] == item_id:
            return {"kind": "entity", "entity": entity}
    return None


def render_markdown(found: dict[str, Any]) -> str:
    kind = found["kind"]
    if kind == "article":
        a = found["article"]
        lines = [f"# {headline(a)}", "",
                 f"- id: {a['id']}", f"- outlet: {a['outlet'] or '-'}",
                 f"- published: {a['published'] or '-'} ({a['published_from'] or 'unknown'})",
                 f"- language: {a['language'] or '-'}", f"- source: {a['path'] or a['url'] or '-'}",
                 f"- duplicate of: {a['duplicate_of'] or '-'}", f"- story: {a['story_id'] or '-'}", "",
                 "## Entities", ""]
        lines += [f"- {e['name']} ({e['type']}{', ' + e['country'] if e['country'] else ''}): {e['mentions']} mention(s)"
                  for e in sorted(found["entities"], key=lambda e: -e["mentions"])]
        lines += ["", "## Text", "", a["text"]]
        return "\n".join(lines)
    if kind == "story":
        s = found["story"]
        lines = [f"# {s.get('title') or s['id']}", "", f"- id: {s['id']}",
                 f"- dates: {s.get('start') or '?'} .. {s.get('end') or '?'}",
                 f"- outlets: {', '.join(s.get('outlets') or []) or '-'}", "", s.get("summary") or "", "",
                 "## Articles", ""]
        lines += [f"- {a['published'] or '?'} {a['outlet'] or '?'}: {headline(a)} ({a['id']})"
                  for a in found["articles"]]
        return "\n".join(lines)
    e = found["entity"]
    lines = [f"# {e['name']}", "", f"- id: {e['id']}", f"- type: {e['type']}", f"- country: {e['country'] or '-'}",
             f"- sector: {e['sector'] or '-'}", f"- aliases: {', '.join(e['aliases'])}",
             f"- titles: {', '.join(e['titles']) or '-'}", f"- mentions: {len(e['mentions'])} in "
             f"{len({m['article_id'] for m in e['mentions']})} article(s)"]
    return "\n".join(lines)
