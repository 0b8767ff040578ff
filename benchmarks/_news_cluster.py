"""The multi-outlet stories of ../shared/data/clustering/news_cluster.jsonl, read the one way the
cross-outlet benchmarks (claims, event corroboration) need them: the gold ``story`` label stands in
for story clustering."""
from __future__ import annotations

import json
from collections import defaultdict

from _report import require_shared

from storyline.model import Article


def multi_outlet_stories() -> dict[str, list[Article]]:
    """Story label -> its articles in file order, for the stories reported by two outlets or more."""
    path = require_shared("data", "clustering", "news_cluster.jsonl")
    by_story: dict[str, list[Article]] = defaultdict(list)
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        by_story[r["story"]].append(Article(id=r["id"], text=r["text"], outlet=r.get("outlet"), title=r.get("title"),
                                            published=r.get("published"), story_id=r["story"]))
    return {s: arts for s, arts in sorted(by_story.items()) if len({a.outlet for a in arts}) > 1}
