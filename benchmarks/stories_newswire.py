"""Do the stories stage's stories stay one event? Pairs of articles drawn from one predicted story on the
newswire of ../shared/data/corpus/te3_silver.jsonl (AFP and Xinhua, 1997 / 2005 / 2006; no gold story
labels), labelled by reading, and the spread in days of the predicted stories there and on news_cluster.

The articles, their dates and entity links are those of the store ``storyline ingest`` makes of the file
(``_newswire.newswire_store``, made once); the stories are made anew from them with the code being
measured (``cluster_articles`` in publication order, as the pipeline places them), so a change to the
stories stage is measured without ingesting again. With the code the store was made with, this gives
the stored stories article for article.

The draw (``--draw``, made once, on main before any change of session 22, seed 26): stories of two
articles or more split into the "fit" half and the "held-out" half by sha1 of the story id (as
``_newswire``); in each half, three bands by the story's spread (days from its first to its last dated
report): "short" (0-3 days), "medium" (4-14), "long" (15 or more), so long stories are represented
whatever their share; in each band of each half, pairs are drawn by drawing a story with a chance in
proportion to its number of article pairs, then two of its articles, without repeating a pair: 8 short,
8 medium and 16 long pairs a half. The file stores the article ids, the story id, half, band, the
story's spread and size at the draw, and the label; no text.

Labels (read from each article's title and lead paragraphs, the scheme fixed before reading):

* ``same-event``: the two report one real-world happening or its direct sequel within days (the same
  attack, vote, visit, match, trading day's market move, ...; a reaction to it or its aftermath counts);
* ``same-topic``: one subject or place but two different happenings (two strikes of one conflict on
  different days, two trading sessions of one market, two rounds of talks);
* ``unrelated``: nothing in common an analyst would group.

The fit half was labelled first and studied; the held-out half was labelled by the same scheme once the
change was final, and scored once, at the end. Scores: the share of the drawn pairs that are
``same-event`` (pair precision at the draw), and with the code being measured: the pairs still in one
story, the share of those that are ``same-event`` (pair precision now), and the ``same-event`` pairs
now split.

``--variants``: the variants of ``stories_variants.py`` on the fit half's pairs (the held-out half is
not read) and the stories spread over more than two weeks.

    python benchmarks/stories_newswire.py [--store PATH] [--draw] [--variants] [--no-write]
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import math
import random
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _newswire import newswire_store  # noqa: E402
from _report import ROOT, report  # noqa: E402
from stories_cluster import entity_keys, load_labelled  # noqa: E402

from storyline.model import Article  # noqa: E402
from storyline.stories import StoryClusterer, cluster_articles  # noqa: E402
from storyline.stories.features import parse_date  # noqa: E402

LABELS = ROOT / "benchmarks" / "data" / "stories_pairs_newswire.jsonl"
DEFAULT_STORE = Path("/tmp/storyline-newswire.db")
BANDS = (("short", 0, 3), ("medium", 4, 14), ("long", 15, None))
PAIRS_PER_BAND = {"short": 8, "medium": 8, "long": 16}
SEED = 26
# The fresh draw of session 24 (issue #3): held out before any change of that session, from main's stories
# of both sha1 halves, its pairs none of the first draw's; its "half" is this stratum's name.
FRESH = "fresh24"
FRESH_SEED = 28
FRESH_PAIRS_PER_BAND = {"short": 4, "medium": 8, "long": 16}
SPREAD_BINS = ((0, 0), (1, 3), (4, 7), (8, 14), (15, 30), (31, 60), (61, None))


def half_of(story_id: str) -> str:
    return "fit" if int(hashlib.sha1(story_id.encode()).hexdigest(), 16) % 2 == 0 else "held-out"


# ----------------------------------------------------------------------------- stories made anew

def stored_articles(store) -> tuple[list[Article], dict[str, list[str]], dict[str, str]]:
    """The stored articles with no story and no borrowed date (as before placing), their entity ids,
    and the file's id of each (the store's own ids are kept for placing: they order a day's reports)."""
    articles = [dataclasses.replace(a, story_id=None, **({} if a.published_from != "story" else
                                                         {"published": None, "published_from": None}))
                for a in store.iter_articles()]
    file_ids = {a.id: a.external_id or a.id for a in articles}
    return articles, store.entity_ids_of(file_ids), file_ids


def stories_of(articles: list[Article], keys: dict[str, list[str]], file_ids: dict[str, str] | None = None
               ) -> dict[str, str]:
    """article id (the file's, when ``file_ids`` maps them) -> story id, placed by the code being measured."""
    copies = [dataclasses.replace(a) for a in articles]
    cluster_articles(copies, keys, StoryClusterer())
    file_ids = file_ids or {}
    return {file_ids.get(a.id, a.id): a.story_id for a in copies}


def members(stories: dict[str, str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for article_id, story_id in sorted(stories.items()):
        groups[story_id].append(article_id)
    return groups


def spread_days(ids: list[str], days: dict[str, dt.date | None]) -> int:
    """Days from the story's first to its last dated report."""
    dated = [days[i] for i in ids if days.get(i)]
    return (max(dated) - min(dated)).days if dated else 0


def article_days(articles: list[Article], file_ids: dict[str, str] | None = None) -> dict[str, dt.date | None]:
    file_ids = file_ids or {}
    return {file_ids.get(a.id, a.id): parse_date(a.published) for a in articles}


# ----------------------------------------------------------------------------- the draw

def band_of(spread: int) -> str:
    return next(name for name, low, high in BANDS if spread >= low and (high is None or spread <= high))


def draw(stories: dict[str, str], days: dict[str, dt.date | None], *, fresh: bool = False,
         drawn: frozenset[tuple[str, str]] = frozenset()) -> list[dict]:
    """Pairs of one story, per half and band (see the module docstring); ``fresh``: session 24's draw, one
    stratum (``FRESH``) of both halves, leaving out the pairs ``drawn`` before."""
    rng = random.Random(FRESH_SEED if fresh else SEED)
    per_band = FRESH_PAIRS_PER_BAND if fresh else PAIRS_PER_BAND
    strata: dict[tuple[str, str], list[tuple[str, list[str]]]] = defaultdict(list)
    for story_id, ids in sorted(members(stories).items()):
        if len(ids) >= 2:
            strata[FRESH if fresh else half_of(story_id), band_of(spread_days(ids, days))].append((story_id, ids))
    rows = []
    for (half, band), group in sorted(strata.items()):
        weights = [len(ids) * (len(ids) - 1) // 2 for _, ids in group]
        seen: set[tuple[str, str]] = set()
        wanted = min(per_band[band], sum(weights))
        while len(seen) < wanted:
            story_id, ids = rng.choices(group, weights)[0]
            pair = tuple(sorted(rng.sample(ids, 2)))
            if pair in seen or pair in drawn:
                continue
            seen.add(pair)
            rows.append({"story": story_id, "half": half, "band": band, "spread_days": spread_days(ids, days),
                         "articles": len(ids), "a": pair[0], "b": pair[1], "label": None})
    return rows


# ----------------------------------------------------------------------------- scores

def pair_rows(labels: list[dict], stories: dict[str, str]) -> list[list[object]]:
    rows = []
    for half, band in itertools.product(("fit", "held-out"), ("short", "medium", "long", "all")):
        part = [r for r in labels if r["half"] == half and band in ("all", r["band"]) and r["label"]]
        if not part:
            continue
        together = [r for r in part if stories[r["a"]] == stories[r["b"]]]
        count = Counter(r["label"] for r in part)
        split_events = sum(r["label"] == "same-event" and stories[r["a"]] != stories[r["b"]] for r in part)
        rows.append([half, band, len(part), statistics.median(r["spread_days"] for r in part),
                     statistics.median(r["articles"] for r in part), count["same-event"], count["same-topic"],
                     count["unrelated"], count["same-event"] / len(part), len(together),
                     _share(sum(r["label"] == "same-event" for r in together), len(together)), split_events])
    return rows


def _share(n: int, d: int) -> float | str:
    return n / d if d else "-"


def spread_rows(name: str, stories: dict[str, str], days: dict[str, dt.date | None]) -> list[list[object]]:
    """How many stories (of two articles or more) and articles fall in each band of spread."""
    groups = [ids for ids in members(stories).values() if len(ids) >= 2]
    rows = []
    for low, high in SPREAD_BINS:
        inside = [ids for ids in groups if low <= spread_days(ids, days) <= (math.inf if high is None else high)]
        label = f"{low}" if low == high else f"{low}-{high}" if high else f"{low}+"
        rows.append([name, label, len(inside), sum(map(len, inside)), max(map(len, inside), default=0)])
    return rows


def variant_rows(articles: list[Article], keys: dict[str, list[str]], file_ids: dict[str, str],
                 labels: list[dict]) -> list[list[object]]:
    """Per variant of ``stories_variants``: the fit pairs still in one story by label, and the stories
    of two articles or more spread over more than 14 days."""
    from stories_variants import VARIANTS

    fit, days, rows = [r for r in labels if r["half"] == "fit"], article_days(articles, file_ids), []
    for name, patch in VARIANTS.items():
        with patch():
            stories = stories_of(articles, keys, file_ids)
        together = Counter(r["label"] for r in fit if stories[r["a"]] == stories[r["b"]])
        wide = [ids for ids in members(stories).values() if len(ids) >= 2 and spread_days(ids, days) > 14]
        rows.append([name, together["same-event"], together["same-topic"], together["unrelated"],
                     _share(together["same-event"], sum(together.values())), len(wide), sum(map(len, wide)),
                     max(map(len, members(stories).values()))])
        print(rows[-1], flush=True)
    return rows


def news_cluster_stories() -> tuple[dict[str, str], dict[str, dt.date | None]]:
    articles, _ = load_labelled()
    return stories_of(articles, entity_keys(articles, "canonical")), article_days(articles)


# ----------------------------------------------------------------------------- main

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=str(DEFAULT_STORE), help="the newswire store (made when missing)")
    parser.add_argument("--draw", action="store_true", help="draw the pairs (once) into the label file")
    parser.add_argument("--draw-fresh", action="store_true",
                        help=f"add session 24's fresh draw (once, stratum {FRESH}) to the label file")
    parser.add_argument("--variants", action="store_true", help="the variants of stories_variants.py, fit half")
    parser.add_argument("--no-write", action="store_true", help="print only; do not append to docs/benchmarks.md")
    args = parser.parse_args()
    articles, keys, file_ids = stored_articles(newswire_store(args.store))
    stories, days = stories_of(articles, keys, file_ids), article_days(articles, file_ids)
    if args.draw:
        if LABELS.exists():
            sys.exit(f"{LABELS} exists: the draw is made once")
        LABELS.write_text("".join(json.dumps(r) + "\n" for r in draw(stories, days)), encoding="utf-8")
        return
    labels = [json.loads(line) for line in LABELS.open(encoding="utf-8")]
    if args.draw_fresh:
        if any(r["half"] == FRESH for r in labels):
            sys.exit(f"{LABELS} holds {FRESH}: the draw is made once")
        drawn = frozenset((r["a"], r["b"]) for r in labels)
        with LABELS.open("a", encoding="utf-8") as out:
            out.writelines(json.dumps(r) + "\n" for r in draw(stories, days, fresh=True, drawn=drawn))
        return
    if args.variants:
        fit = Counter(r["label"] for r in labels if r["half"] == "fit")
        report("Stories: variants on te3_silver's newswire (fit pairs)", [
            "variant", "same-event pairs together", "same-topic together", "unrelated together",
            "same-event share together", "stories over 14 days", "their articles", "largest story"],
            variant_rows(articles, keys, file_ids, labels),
            notes=f"The fit half's labelled pairs ({dict(fit)}), drawn on main before session 22; each variant "
                  "as in stories_variants.py (only the first row is the product).", write=not args.no_write)
        return
    report("Stories: one event? Pairs of one story on te3_silver's newswire", [
        "half", "band", "pairs", "median spread (days)", "median articles", "same event", "same topic",
        "unrelated", "same-event share at the draw", "still one story", "same-event share now",
        "same-event pairs split"], pair_rows(labels, stories),
        notes="Pairs drawn on main before session 22's change (the band, spread and size are the story's at the "
              "draw); \"now\": the stories the code measured makes from the same store.", write=not args.no_write)
    nc_stories, nc_days = news_cluster_stories()
    report("Stories: spread of the predicted stories (days from first to last report)", [
        "corpus", "spread (days)", "stories (2+ articles)", "articles", "largest"],
        spread_rows("te3_silver", stories, days) + spread_rows("news_cluster", nc_stories, nc_days),
        write=not args.no_write)


if __name__ == "__main__":
    main()
