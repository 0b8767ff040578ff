"""What the "as shown" benchmarks (quotes_shown.py, events_shown.py) share: items drawn at random
from the product's output, half from each half of the stories, and the counts of wrong labels."""
from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable
from pathlib import Path

from _news_cluster import half_of

from storyline.model import Article


def draw_arguments(parser: argparse.ArgumentParser, strata: dict[str, str]) -> None:
    """The options both scripts take: a draw to label (--sample, --seed, --stratum), the output cache,
    and whether the table is appended to docs/benchmarks.md."""
    parser.add_argument("--sample", type=int, default=0, help="print N items drawn from the output to label")
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--stratum", default="shown", choices=sorted(strata))
    parser.add_argument("--cache", help="JSON file to read the extraction from / write it to")
    parser.add_argument("--no-write", action="store_true", help="print only, do not append to docs/benchmarks.md")


def reading_of_cache(doc: str, labels: Path) -> tuple[argparse.Namespace, list[dict], list[dict]]:
    """The options of a script that scores a reading of quotes_shown.py's cached output (--cache,
    --no-write), the cache's quotes and the reading's label rows."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--cache", required=True, help="quotes_shown.py's cache of the current output (JSON)")
    parser.add_argument("--no-write", action="store_true", help="print only, do not append to docs/benchmarks.md")
    args = parser.parse_args()
    quotes = json.loads(Path(args.cache).read_text(encoding="utf-8"))["quotes"]
    return args, quotes, label_rows(labels)


def print_wrong_labels(classes: list[list[object]], field_width: int) -> None:
    """The counts of ``wrong_labels``, one line per draw, half, field and value."""
    print("wrong labels per draw, half, field, value:")
    for stratum, part, field, value, count in classes:
        print(f"  {stratum:12} {part:9} {field:{field_width}} {value:11} {count}")


def cached_json(cache: str | None, make: Callable[[], dict]) -> dict:
    """``make()``, read from / written to the JSON file ``cache`` when given (a run takes minutes)."""
    if cache and Path(cache).exists():
        return json.loads(Path(cache).read_text(encoding="utf-8"))
    data = make()
    if cache:
        Path(cache).write_text(json.dumps(data), encoding="utf-8")
    return data


def label_rows(path: Path) -> list[dict]:
    """The rows of a label file (JSONL), none when it does not exist yet (before the first draw)."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def draw_by_half(articles: list[Article], items: list[dict], n: int, seed: int, labelled: set,
                 key: Callable[[dict], Hashable]) -> list[dict]:
    """N items at random, N/2 from the stories of each half, less those already labelled."""
    story_of = {a.id: a.story_id for a in articles}
    rng, drawn = random.Random(seed), []
    for part in ("fit", "held-out"):
        mine = [x for x in items if half_of(story_of[x["article_id"]]) == part and key(x) not in labelled]
        drawn += rng.sample(mine, min(n // 2, len(mine)))
    return drawn


def groups_by_draw(rows: list[dict], strata: dict[str, str]) -> list[tuple[str, list[dict]]]:
    """The labelled rows per draw (as drawn, then re-scored on the current output) and half, "all"
    last, the draws in the order of ``strata`` (name -> what the output was when drawn)."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        stratum = r["stratum"].removesuffix(", re-scored")
        name = f"{stratum} ({strata[stratum]}{', re-scored on the current output' if stratum != r['stratum'] else ''})"
        groups[f"{name}, {half_of(r['story'])}"].append(r)
        groups[f"{name}, all"].append(r)

    def order(name: str) -> tuple[int, bool, int]:
        stratum = next(i for i, s in enumerate(strata) if name.startswith(f"{s} ("))
        return stratum, "re-scored" in name, ("fit", "held-out", "all").index(name.rsplit(", ", 1)[1])
    return sorted(groups.items(), key=lambda kv: order(kv[0]))


def marked(text: str, marks: list[tuple[int, str]], start: int, end: int) -> str:
    """``text[start:end]`` with each mark (offset, string) written in at its offset, for reading a
    drawn item with what it shows bracketed."""
    out, pos = [], start
    for p, m in sorted(marks, key=lambda x: x[0]):
        out += [text[pos:p], m]
        pos = p
    return "".join(out + [text[pos:end]])


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


def rescored(rows: list[dict], relabelled: list[dict], current: dict, strata: tuple[str, ...],
             row_key: Callable[[dict], tuple], shown_of: Callable[[dict], dict]) -> tuple[list[dict], Counter]:
    """The rows of ``strata`` as the current output (``current``: key -> what is shown) shows them:
    a row shown unchanged keeps its labels, a changed one takes its labels read again
    (``relabelled``), an item no longer shown is left out and counted per stratum and half
    ("gone"). An item may be labelled again more than once (each output it was shown as): the
    label of the output shown now is used."""
    again = {(*row_key(r), json.dumps(shown_of(r), sort_keys=True)): r for r in relabelled}
    out, gone = [], Counter()
    for row in rows:
        if row["stratum"] not in strata:
            continue
        now = current.get(row_key(row))
        if now is None:
            gone[(row["stratum"], half_of(row["story"]))] += 1
        elif now == shown_of(row):
            out.append({**row, "stratum": f"{row['stratum']}, re-scored"})
        else:
            other = again.get((*row_key(row), json.dumps(now, sort_keys=True)))
            if other is None:
                raise ValueError(f"{row['stratum']} {row_key(row)}: changed, not labelled again")
            out.append({**other, "stratum": f"{row['stratum']}, re-scored"})
    return out, gone
