"""What the "as shown" benchmarks (quotes_shown.py, events_shown.py) share: items drawn at random
from the product's output, half from each half of the stories, and the counts of wrong labels."""
from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable, Hashable
from pathlib import Path

from _news_cluster import half_of


def cached_json(cache: str | None, make: Callable[[], dict]) -> dict:
    """``make()``, read from / written to the JSON file ``cache`` when given (a run takes minutes)."""
    if cache and Path(cache).exists():
        return json.loads(Path(cache).read_text(encoding="utf-8"))
    data = make()
    if cache:
        Path(cache).write_text(json.dumps(data), encoding="utf-8")
    return data


def draw_by_half(story_of: dict[str, str], items: list[dict], n: int, seed: int, labelled: set,
                 key: Callable[[dict], Hashable]) -> list[dict]:
    """N items at random, N/2 from the stories of each half, less those already labelled."""
    rng, drawn = random.Random(seed), []
    for part in ("fit", "held-out"):
        mine = [x for x in items if half_of(story_of[x["article_id"]]) == part and key(x) not in labelled]
        drawn += rng.sample(mine, min(n // 2, len(mine)))
    return drawn


def wrong_labels(rows: list[dict], fields: tuple[str, ...], fine: Callable[[str, str], bool]) -> list[list[object]]:
    """Counts of each label ``fine`` rejects, per draw, half and field (what the fit half's reading
    classifies)."""
    counts: Counter = Counter()
    for r in rows:
        for field in fields:
            value = r["labels"][field]
            if not fine(field, value):
                counts[(r["stratum"], half_of(r["story"]), field, value)] += 1
    return [[*k, v] for k, v in sorted(counts.items())]
