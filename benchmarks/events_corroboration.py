"""Event corroboration across outlets, measured on event pairs labelled by hand.

Issue #5: "within a story, the same event reported by several articles is linked". The labelled
pairs (benchmarks/data/event_pairs.jsonl) come from the multi-outlet stories of
../shared/data/clustering/news_cluster.jsonl (the gold ``story`` label stands in for story
clustering). Events are the pipeline's own (fast mode, participants linked to corpus-wide
entities). Each row names two articles by dataset id and one event of each by its trigger and
sentence character offsets (no article text is stored here), with our reading: ``same`` (both
report one real-world happening) or not. Candidates were drawn with ``--sample`` before any change
to ``corroborate``, cross-outlet pairs in four strata: ``linked`` (drawn from the pairs the system
links: the precision of what a reader sees), ``same-type`` (same PLOVER type, not linked),
``similar`` (different types, sentences alike by TF-IDF) and ``random``; each was labelled by
reading both sentences. Stratum ``linked-after`` (``--sample-linked``, fit half, seed 23): 40 pairs
drawn from the links once session 19's changes were in, labelled by reading: the precision a
reader sees now (stratum ``linked`` only tells which of the old links survive). Session 20 (links by
the kind of deed, ``lexicon.HAPPENINGS``), fit half, drawn from the links the change adds over main's
(``--sample-added``) and labelled by reading: ``deed-tried`` (30 pairs, seed 20, drawn from a first, looser
version, read while choosing the rule) and ``deed-after`` (every one of the 12 not yet labelled, seed 21,
drawn once the rule was chosen: the precision of what the change adds); held-out ``deed-after`` (24 pairs,
seed 24) was drawn and labelled after the held-out half had been scored once, for reporting only. Stratum
``fixes-added`` (session 20, extraction errors that broke corroboration): drawn from the links the branch adds
over main's (main's extraction in ``--base-cache``, no kinds of deed), labelled by reading before scoring. Strata ``fails-worded`` /
``fails-days`` / ``fails-sides`` (``--sample-fails``, fit, seed 22, 20 each): pairs of compatible types
that main kept apart by that one check alone, labelled by reading: how many same-event pairs each check
loses (they are not drawn from predictions). Stratum ``kept-22`` (session 21, ``--sample-linked --stratum
kept-22``): drawn from the links once corr22's checks were in (they only remove links), fit seed 27 and
held-out seed 28, labelled by reading before scoring: the precision a reader sees now.

Scoring runs ``corroborate.apply`` over every event of those stories, finds each labelled event by
its offsets, and counts a pair as linked when either event lists the other. Stories are split by a
hash of their label into "fit" (the only half looked at while tuning) and "held-out". Stratum
``linked`` is drawn from predictions, so it raises recall: the row "not drawn from predictions"
leaves it out.

    python benchmarks/events_corroboration.py [--no-write] [--cache /tmp/corr_events.pkl] [--without-kinds]
    python benchmarks/events_corroboration.py --sample 60 --cache /tmp/corr_events.pkl > /tmp/cands.jsonl
    python benchmarks/events_corroboration.py --sample-linked 40 --halves fit --seed 23 > /tmp/after.jsonl
    python benchmarks/events_corroboration.py --sample-added 30 --halves fit --seed 21 > /tmp/added.jsonl
    python benchmarks/events_corroboration.py --sample-added 20 --stratum fixes-added --base-cache /tmp/main_events.pkl
    python benchmarks/events_corroboration.py --sample-fails 20 --halves fit --seed 22 > /tmp/fails.jsonl
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _news_cluster import linked_events, multi_outlet_stories  # noqa: E402
from _report import report  # noqa: E402

from storyline.model import Article  # noqa: E402

PAIRS = Path(__file__).resolve().parent / "data" / "event_pairs.jsonl"
STRATA = ("linked", "same-type", "similar", "random", "linked-after", "deed-tried", "deed-after", "fixes-added",
          "fails-worded", "fails-days", "fails-sides", "kept-22")
FROM_PREDICTIONS = {"linked", "linked-after", "deed-tried", "deed-after", "fixes-added", "kept-22"}
BOTH_SHOWN = "both shown"  # split of the pairs whose two events the extraction still finds
DRAWN_FROM_ALL_LINKS = {"linked-after", "kept-22"}  # the others: from the links added over main's
BLIND = "all, not drawn from predictions"
SIMILAR = 0.2  # TF-IDF cosine of the two sentences for stratum "similar"


# ----------------------------------------------------------------------------- data

def extract(articles: list[Article]) -> list[dict]:
    """Events as the pipeline stores them, participants linked to corpus-wide entities."""
    return linked_events(articles)[0]


def cached_events(articles: list[Article], cache: str | None) -> list[dict]:
    """Extraction is the slow part (a parse of every article): kept in a pickle to iterate."""
    if cache and Path(cache).exists():
        return pickle.loads(Path(cache).read_bytes())
    events = extract(articles)
    if cache:
        Path(cache).write_bytes(pickle.dumps(events))
    return events


def half(story: str) -> str:
    return "held-out" if int(hashlib.sha1(story.encode()).hexdigest(), 16) % 2 else "fit"


def event_key(ev: dict) -> tuple:
    """How a labelled row names an event: article, trigger and sentence offsets."""
    return ev["article_id"], ev["trigger"]["start"], ev["trigger"]["end"], ev["sentence"]["start"], ev["sentence"]["end"]


def row_keys(row: dict) -> tuple[tuple, tuple]:
    return tuple((row[s], *row[f"{s}_trigger"], *row[f"{s}_sentence"]) for s in ("a", "b"))


def linked_pairs(events: list[dict], stories: dict[str, list[Article]], kinds_of_deed: bool = True) -> set[frozenset]:
    """Pairs of event keys the system links (either side lists the other); without ``kinds_of_deed``,
    as if ``lexicon.HAPPENINGS`` were empty (main's links before session 20)."""
    import importlib

    corroborate = importlib.import_module("storyline.annotate.events.corroborate")
    story_of = {a.id: s for s, arts in stories.items() for a in arts}
    kinds = corroborate.HAPPENINGS
    corroborate.HAPPENINGS = kinds if kinds_of_deed else {}
    try:
        done = corroborate.apply(events, story_of)
    finally:
        corroborate.HAPPENINGS = kinds
    key_of = {ev["id"]: event_key(ev) for ev in done}
    return {frozenset((key_of[ev["id"]], key_of[other])) for ev in done for other in ev["corroboration"]}


# ----------------------------------------------------------------------------- sampling

def sample(stories: dict[str, list[Article]], events: list[dict], n: int, seed: int = 19,
           labelled: frozenset = frozenset()) -> list[dict]:
    """N candidate cross-outlet pairs per stratum (see module doc), with both sentences to read."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    outlet = {a.id: a.outlet for arts in stories.values() for a in arts}
    story_of = {a.id: s for s, arts in stories.items() for a in arts}
    linked = linked_pairs(events, stories)
    by_story: dict[str, list[dict]] = defaultdict(list)
    for ev in events:
        by_story[story_of[ev["article_id"]]].append(ev)
    strata: dict[str, list] = defaultdict(list)
    for story, evs in by_story.items():
        texts = [ev["sentence"]["text"] for ev in evs]
        m = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
        sim = (m @ m.T).toarray()
        for i, j in combinations(range(len(evs)), 2):
            a, b = evs[i], evs[j]
            pair = frozenset((event_key(a), event_key(b)))
            if outlet[a["article_id"]] == outlet[b["article_id"]] or pair in labelled:
                continue
            strata["random"].append((story, a, b, sim[i, j]))
            if pair in linked:
                strata["linked"].append((story, a, b, sim[i, j]))
            elif a["type"] == b["type"]:
                strata["same-type"].append((story, a, b, sim[i, j]))
            elif sim[i, j] >= SIMILAR:
                strata["similar"].append((story, a, b, sim[i, j]))
    rng = random.Random(seed)
    rows = []
    for name in STRATA:
        for story, a, b, v in rng.sample(strata[name], min(n, len(strata[name]))):
            rows.append({"story": story, "stratum": name, "sim": round(float(v), 3),
                         **_side("a", a), **_side("b", b), "linked": frozenset((event_key(a), event_key(b))) in linked,
                         "a_text": _show(a), "b_text": _show(b)})
    return rows


def sample_linked(stories: dict[str, list[Article]], events: list[dict], n: int, seed: int, labelled: frozenset,
                  halves: set[str], stratum: str = "linked-after", base_events: list[dict] | None = None) -> list[dict]:
    """N cross-outlet pairs drawn from what ``corroborate`` links now (stratum ``linked-after``):
    the precision a reader sees after a change, which stratum ``linked`` (drawn before) cannot tell.
    Any other stratum (``deed-after``, ``fixes-added``): only from the links the branch adds over
    main's, main's being those of ``base_events`` (main's extraction; default: these events) without
    the kinds of deed."""
    outlet = {a.id: a.outlet for arts in stories.values() for a in arts}
    story_of = {a.id: s for s, arts in stories.items() for a in arts}
    by_key = {event_key(ev): ev for ev in events}
    links = linked_pairs(events, stories)
    if stratum not in DRAWN_FROM_ALL_LINKS:
        links -= linked_pairs(base_events if base_events is not None else events, stories, kinds_of_deed=False)
    pool = sorted((sorted(pair) for pair in links if pair not in labelled), key=str)
    pool = [(by_key[ka], by_key[kb]) for ka, kb in pool if half(story_of[ka[0]]) in halves
            and outlet[ka[0]] != outlet[kb[0]]]
    return [{"story": story_of[a["article_id"]], "stratum": stratum, "sim": None, **_side("a", a),
             **_side("b", b), "linked": True, "a_text": _show(a), "b_text": _show(b)}
            for a, b in random.Random(seed).sample(pool, min(n, len(pool)))]


def sample_failing(stories: dict[str, list[Article]], events: list[dict], n: int, seed: int, labelled: frozenset,
                   halves: set[str]) -> list[dict]:
    """N cross-outlet pairs per check (types compatible) that fail that one check alone, as main linked
    before session 20 (strata ``fails-worded`` / ``fails-days`` / ``fails-sides``): how many reports of
    one event each check keeps apart."""
    import importlib

    corroborate = importlib.import_module("storyline.annotate.events.corroborate")
    outlet = {a.id: a.outlet for arts in stories.values() for a in arts}
    pools: dict[str, list] = defaultdict(list)
    kinds, corroborate.HAPPENINGS = corroborate.HAPPENINGS, {}
    try:
        for story, arts in stories.items():
            if half(story) not in halves:
                continue
            ids = {a.id for a in arts}
            evs = [ev for ev in events if ev["article_id"] in ids]
            alike = corroborate.SentenceLikeness([ev["sentence"]["text"] for ev in evs])
            for i, j in combinations(range(len(evs)), 2):
                a, b = evs[i], evs[j]
                if outlet[a["article_id"]] == outlet[b["article_id"]] or frozenset((event_key(a), event_key(b))) in labelled:
                    continue
                failed = corroborate.failed_checks(a, b, lambda: alike(i, j))
                if len(failed) == 1 and failed[0] != "types":
                    pools[failed[0]].append((story, a, b))
    finally:
        corroborate.HAPPENINGS = kinds
    rng = random.Random(seed)
    return [{"story": story, "stratum": f"fails-{check}", "sim": None, **_side("a", a), **_side("b", b), "linked": False,
             "a_text": _show(a), "b_text": _show(b)}
            for check in ("worded", "days", "sides") for story, a, b in rng.sample(pools[check], min(n, len(pools[check])))]


def _side(s: str, ev: dict) -> dict:
    return {s: ev["article_id"], f"{s}_trigger": [ev["trigger"]["start"], ev["trigger"]["end"]],
            f"{s}_sentence": [ev["sentence"]["start"], ev["sentence"]["end"]]}


def _show(ev: dict) -> str:
    """What a labeller reads: type, modes, sides, date, place and the sentence."""
    sides = "/".join(",".join(p["text"] for p in ev.get(k) or []) for k in ("actors", "recipients"))
    date = (ev.get("date") or {}).get("value")
    place = (ev.get("location") or {}).get("country")
    return (f"{ev['type']} [{ev['trigger']['text']}] {ev.get('aux_modes') or ''} {sides} date={date} at={place} || "
            f"{ev['sentence']['text']}")


# ----------------------------------------------------------------------------- evaluation

def splits_of(row: dict) -> list[str]:
    blind = [] if row["stratum"] in FROM_PREDICTIONS else [BLIND]
    return ["all", half(row["story"]), f"{half(row['story'])} / {row['stratum']}", *blind]


def score(rows: list[dict], linked: set[frozenset], found: set[tuple]) -> dict[str, list[int]]:
    """tp fp fn tn per split; a labelled event the extraction no longer finds counts as not linked,
    and split "HALF / both shown" counts only pairs whose two events are still extracted: a link the
    product cannot make because it no longer shows an event (a non-event it stopped coding) is no
    miss of the linking there."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for row in rows:
        said = frozenset(row_keys(row)) in linked
        shown = [f"{half(row['story'])} / {BOTH_SHOWN}"] if all(k in found for k in row_keys(row)) else []
        for key in splits_of(row) + shown:
            c = counts[key]
            c[0 if said and row["same"] else 1 if said else 2 if row["same"] else 3] += 1
    return counts


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def table(rows: list[dict], linked: set[frozenset], halves: tuple[str, ...], found: set[tuple]) -> list[list]:
    counts = score(rows, linked, found)
    keys = [*halves, *(f"{h} / {BOTH_SHOWN}" for h in halves), *(f"{h} / {s}" for h in halves for s in STRATA)]
    if len(halves) == 2:
        keys += ["all", BLIND]
    out = []
    for key in keys:
        tp, fp, fn, tn = counts[key]
        if tp + fp + fn + tn:
            out.append([key, tp + fp + fn + tn, tp + fn, tp + fp, *prf(tp, fp, fn)])
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=0, help="draw N candidate pairs per stratum (JSONL on stdout)")
    ap.add_argument("--seed", type=int, default=19, help="with --sample / --sample-linked")
    ap.add_argument("--sample-linked", type=int, default=0,
                    help="draw N pairs from the current links (stratum linked-after; JSONL on stdout)")
    ap.add_argument("--sample-added", type=int, default=0,
                    help="draw N pairs from the links the kinds of deed add (stratum deed-after; JSONL on stdout)")
    ap.add_argument("--sample-fails", type=int, default=0,
                    help="draw N pairs failing one check alone, per check (strata fails-*; JSONL on stdout)")
    ap.add_argument("--stratum", help="with --sample-linked / --sample-added: the new stratum's name "
                                      "(default linked-after / deed-after)")
    ap.add_argument("--base-cache", help="with --sample-added: pickle of main's extracted events (links added over them)")
    ap.add_argument("--halves", default="fit,held-out", help="with --sample-linked / -added / -fails: halves to draw from")
    ap.add_argument("--cache", help="pickle of the extracted events (made when missing), to iterate quickly")
    ap.add_argument("--fit-only", action="store_true", help="score the fit half alone (while tuning)")
    ap.add_argument("--without-kinds", action="store_true",
                    help="score the links as if lexicon.HAPPENINGS were empty (main before session 20)")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    stories = multi_outlet_stories()
    events = cached_events([a for arts in stories.values() for a in arts], args.cache)
    rows = [json.loads(line) for line in PAIRS.open(encoding="utf-8")] if PAIRS.exists() else []
    labelled = frozenset(frozenset(row_keys(r)) for r in rows)
    if args.sample or args.sample_linked or args.sample_added or args.sample_fails:
        halves = set(args.halves.split(","))
        drawn = (sample(stories, events, args.sample, args.seed, labelled) if args.sample else
                 sample_linked(stories, events, args.sample_linked, args.seed, labelled, halves,
                               args.stratum or "linked-after") if args.sample_linked
                 else sample_linked(stories, events, args.sample_added, args.seed, labelled, halves,
                                    args.stratum or "deed-after",
                                    pickle.loads(Path(args.base_cache).read_bytes()) if args.base_cache else None)
                 if args.sample_added else sample_failing(stories, events, args.sample_fails, args.seed, labelled, halves))
        for row in drawn:
            print(json.dumps(row, ensure_ascii=False))
        return
    linked = linked_pairs(events, stories, kinds_of_deed=not args.without_kinds)
    halves = ("fit",) if args.fit_only else ("fit", "held-out")
    found = {event_key(ev) for ev in events}
    missing = sum(k not in found for r in rows for k in row_keys(r))
    notes = (f"{len(rows)} hand-labelled cross-outlet event pairs from {len({r['story'] for r in rows})} news_cluster "
             f"stories (gold story labels); {len(events)} events extracted (fast mode), {len(linked)} pairs linked. "
             "P/R: pairs linked by `corroboration` vs labelled same event. Strata: linked (drawn from the pairs the "
             "system linked before session 19's changes), linked-after (drawn from the links after them, fit half: "
             "the precision a reader sees now), deed-tried / deed-after (drawn from the links session 20's "
             "kinds of deed add: fit while choosing / fit and held-out after), fixes-added (drawn from the links the "
             "branch fixing extraction errors adds over main's extraction and links), fails-worded / -days / -sides (fit, "
             "pairs main kept apart by that one check alone), same-type (same PLOVER type, "
             "not linked), similar (other types, TF-IDF >= 0.2), random. The row 'not drawn from predictions' leaves "
             f"out the strata drawn from links (they raise recall); 'both shown': the pairs whose two events are "
             f"still extracted. Labelled events no longer extracted: {missing}.")
    report("Events: cross-outlet corroboration (news_cluster, hand-labelled pairs)",
           ["split", "pairs", "same", "linked", "P", "R", "F1"], table(rows, linked, halves, found), notes,
           write=not args.no_write and not args.fit_only and not args.without_kinds)


if __name__ == "__main__":
    main()
