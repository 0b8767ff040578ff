"""Reports on stored items (``storyline show ID --format md|html|json``).

The same detail dicts feed the web pages, the JSON API and these reports (``web/data.py``), so a
story looks the same in a terminal, in a saved HTML file and in the browser.
"""
from __future__ import annotations

from typing import Any

from storyline.store import Store

FORMATS = ("md", "html", "json")


def headline(item: Any, words: int = 12) -> str:
    """What to call an article or story: its title, else the opening words of its text or
    summary (a display fallback; the stored title stays null rather than invented)."""
    get = item.get if isinstance(item, dict) else lambda k, d=None: getattr(item, k, d)
    if get("title") or get("headline"):
        return get("title") or get("headline")
    lead = (get("text") or get("summary") or "").split()
    return " ".join(lead[:words]) + (" …" if len(lead) > words else "") if lead else get("id")


def lookup(store: Store, item_id: str) -> tuple[str, dict[str, Any]] | None:
    """(kind, detail) of an article, story or entity by id; merged story ids resolve."""
    from storyline.web import data

    for kind, detail_of in (("article", data.article_detail), ("story", data.story_detail),
                            ("entity", data.entity_detail)):
        detail = detail_of(store, item_id)
        if detail is not None:
            return kind, detail
    return None


def render(kind: str, detail: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        import json

        return json.dumps({"kind": kind, **detail}, indent=2, ensure_ascii=False)
    if fmt == "html":
        from storyline.web.app import render_standalone

        return render_standalone(kind, detail)
    return {"article": article_markdown, "story": story_markdown, "entity": entity_markdown}[kind](detail)


def article_markdown(d: dict[str, Any]) -> str:
    a = d["article"]
    lines = [f"# {headline(a)}", "",
             f"- id: {a['id']}", f"- outlet: {a['outlet'] or '-'}",
             f"- published: {a['published'] or '-'} ({a['published_from'] or 'unknown'})",
             f"- language: {a['language'] or '-'}", f"- source: {a['path'] or a['url'] or '-'}",
             f"- duplicate of: {a['duplicate_of'] or '-'}", f"- story: {a['story_id'] or '-'}", "",
             "## Entities", ""]
    lines += [f"- {e['name']} ({e['type']}{', ' + e['country'] if e['country'] else ''}): {e['mentions']} mention(s)"
              for e in d["entities"]]
    if d["quotes"]:
        lines += ["", "## Quotes", ""]
        lines += [f"- {_speaker(q)}: “{q['content']['text']}”" for q in d["quotes"]]
    if d["events"]:
        lines += ["", "## Events", ""]
        lines += [f"- {_event_line(e)}" for e in d["events"]]
    lines += ["", "## Text", "", a["text"]]
    return "\n".join(lines)


def story_markdown(d: dict[str, Any]) -> str:
    s = d["story"]
    lines = [f"# {headline(s)}", "", f"- id: {s['id']}", f"- dates: {s.get('start') or '?'} .. {s.get('end') or '?'}",
             f"- outlets: {', '.join(d['outlets'])}", "", s.get("summary") or "", "", "## Articles", ""]
    lines += [f"- {a['published'] or '?'} {a['outlet'] or '?'}: {headline(a)} ({a['id']})" for a in d["articles"]]
    events = sorted(d["events"], key=lambda e: ((e.get("date") or {}).get("value") or "", e["id"]))
    if events:
        lines += ["", "## Timeline of events", ""]
        for e in events:
            seen_by = [c["outlet"] for c in e.get("corroborated_by") or []]
            lines.append(f"- {(e.get('date') or {}).get('value') or '?'} {_event_line(e)} — {e['outlet']}"
                         + (f" (also reported by {', '.join(seen_by)})" if seen_by else ""))
    if d["claims"]:
        single = [c for c in d["claims"] if c.get("status") == "single"]
        lines += ["", "## Claims across outlets", ""]
        if single and d["outlet_only"]:
            lines += [f"{len(single)} claim(s) stated by one outlet only are under 'What each outlet alone adds'.", ""]
        elif single:  # a one-outlet story has no such section: its claims are listed here
            lines += [f"- one outlet: {_cell(c['statement'])}" for c in single] + [""]
    if d["claims_matrix"]:
        lines += ["| statement | status | " + " | ".join(d["outlets"]) + " |", "|---|---|" + "---|" * len(d["outlets"])]
        for row in d["claims_matrix"]:
            cells = [("✓" if c["supported"] else "") + "".join(f" {v}" for v in c["values"]) for c in row["cells"]]
            status = f"{row['claim']['status']} ({row['outlets']}/{len(d['outlets'])})"
            lines.append(f"| {_cell(row['claim']['statement'])} | {status} | " + " | ".join(cells) + " |")
    if d["quote_groups"]:
        lines += ["", "## Quotes side by side", ""]
        for g in d["quote_groups"]:
            lines.append(f"- reported by {', '.join(g['outlets'])}:")
            lines += [f"  - {q['outlet']}: {_speaker(q)}: “{q['content']['text']}”" for q in g["quotes"]]
    if d["outlet_only"]:
        lines += ["", "## What each outlet alone adds", ""]
        for o in d["outlet_only"]:  # one line per item: a long outlet stays readable in a terminal
            items = ([f"claim: {c['statement']}" for c in o["claims"]] + [f"quote: “{q['content']['text']}”" for q in o["quotes"]]
                     + [f"event: {_event_line(e)}" for e in o["events"]])
            if o["entities"]:
                items.append("entities: " + ", ".join(e["name"] for e in o["entities"]))
            lines.append(f"- {o['outlet']}:" + ("" if items else " nothing only here"))
            lines += [f"  - {' '.join(item.split())}" for item in items]
    if d["key_actors"]:
        lines += ["", "## Key actors", "", "| actor | country | acts | acted on | quoted |", "|---|---|---|---|---|"]
        lines += [f"| {r['name']} | {r['country'] or ''} | {r['actor']} | {r['recipient']} | {r['speaker']} |"
                  for r in d["key_actors"]]
    return "\n".join(lines)


def entity_markdown(d: dict[str, Any]) -> str:
    e = d["entity"]
    lines = [f"# {e['name']}", "", f"- id: {e['id']}", f"- type: {e['type']}", f"- country: {e['country'] or '-'}",
             f"- sector: {e['sector'] or '-'}", f"- aliases: {', '.join(e['aliases'])}",
             f"- titles: {', '.join(e['titles']) or '-'}",
             f"- mentions: {e['mention_count']} in {len(d['articles'])} article(s), {len(d['stories'])} story(ies)"]
    if d["quotes"]:
        lines += ["", "## Quotes", ""] + [f"- “{q['content']['text']}” ({q['outlet']})" for q in d["quotes"]]
    if d["events"]:
        lines += ["", "## Events", ""] + [f"- {_event_line(ev)} as {'/'.join(ev['roles'])}" for ev in d["events"]]
    return "\n".join(lines)


def _speaker(q: dict[str, Any]) -> str:
    return (q.get("speaker") or {}).get("text") or "?"


def _event_line(e: dict[str, Any]) -> str:
    def names(people: list[dict[str, Any]]) -> str:
        return ", ".join(f"{p['text']}{' (' + p['country'] + ')' if p.get('country') else ''}" for p in people) or "?"

    aux = f" [{', '.join(e['aux_modes'])}]" if e.get("aux_modes") else ""
    return f"{e['type']}{'/' + e['mode'] if e.get('mode') else ''}{aux}: {names(e.get('actors') or [])} -> " \
           f"{names(e.get('recipients') or [])} “{e['trigger']['text']}”"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
