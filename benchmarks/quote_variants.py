"""Quote variant matching across outlets, measured on quote pairs labelled by hand.

The labelled pairs (benchmarks/data/quote_pairs.jsonl) come from the multi-outlet stories of
../shared/data/clustering/news_cluster.jsonl (the gold ``story`` label stands in for story
clustering). Each row names two articles by dataset id and the content span of a quote in each by
character offsets into the dataset text (no text is stored here), with our reading: ``same`` (one
statement: verbatim, a fragment, a paraphrase or a translation of it) or not. Candidates were
drawn with ``--sample`` from the quotes the extractor finds, per story across outlets: pairs with
the same speaker entity, pairs of high TF-IDF similarity, and random pairs; each was labelled by
reading it with its paragraph, before tuning ``assign_variant_groups``. Stratum ``grouped``
(session 19, ``--sample-grouped``): 80 cross-outlet pairs drawn at random from the groups the
system made then (fast mode), labelled by reading before any change: scored in rows of their own,
as the precision of what a reader is shown (drawn from predictions, they would raise recall in
the other rows). Stratum ``grouped-after``: 80 more (``--seed 23``, pairs not yet labelled) drawn
from the groups once the cohesion test was in (session 19), labelled the same way: the first
draw over-represents what that test removed, this one estimates the precision readers see now.

Scoring runs ``assign_variant_groups`` over every quote of those stories (so distractors are
real), maps each labelled span to the extracted quote overlapping it most, and counts a pair as
matched when both quotes got one variant group. Stories are split by a hash of their label into
"fit" (the only half looked at while tuning) and "held-out".

    python benchmarks/quote_variants.py [--no-write]
    python benchmarks/quote_variants.py --sample 150 > /tmp/candidates.txt   # draw pairs to label
    python benchmarks/quote_variants.py --copies 1,4,16   # cost when every article has copies

``--copies`` times the grouping where a story holds many copies of the same reports (a wire story
printed by many outlets, or an archive holding an article several times): every article of those
stories is repeated N times under new ids in its story, and the groups are checked to repeat the
originals' (each copy's quote in the group of the copies of its original's group).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _news_cluster import half_of, linked_quotes  # noqa: E402
from _report import report, require_shared  # noqa: E402

from storyline.model import Article  # noqa: E402

PAIRS = Path(__file__).resolve().parent / "data" / "quote_pairs.jsonl"


# ----------------------------------------------------------------------------- data

def load_articles() -> list[Article]:
    """Articles of the stories reported by at least two outlets (story id = gold label)."""
    path = require_shared("data", "clustering", "news_cluster.jsonl")
    by_story: dict[str, list[Article]] = defaultdict(list)
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        by_story[r["story"]].append(Article(id=r["id"], text=r["text"], outlet=r.get("outlet"), story_id=r["story"]))
    return [a for _, arts in sorted(by_story.items()) if len({a.outlet for a in arts}) > 1 for a in arts]


def extract(articles: list[Article]) -> list[dict]:
    """Quotes as the pipeline stores them, speakers linked to corpus-wide entities."""
    return linked_quotes(articles)[0]


# ----------------------------------------------------------------------------- sampling

def sample(articles: list[Article], quotes: list[dict], n: int, seed: int = 7) -> None:
    """Print candidate pairs (texts with their paragraph) for labelling; a third each from same
    speaker entity, high lexical similarity and random cross-outlet pairs."""
    from storyline.compare.variants import _Scorer, _stored_entity, _view

    by_id = {a.id: a for a in articles}
    views = {q["id"]: _view(q, by_id[q["article_id"]].story_id, by_id[q["article_id"]].text, _stored_entity)
             for q in quotes}
    by_story = defaultdict(list)
    for q in quotes:
        by_story[by_id[q["article_id"]].story_id].append(q)
    strata: dict[str, list] = {"speaker": [], "high": [], "similar": [], "random": []}
    for story, qs in sorted(by_story.items()):
        scorer = _Scorer([views[q["id"]] for q in qs])
        for a, b in combinations(qs, 2):
            if by_id[a["article_id"]].outlet == by_id[b["article_id"]].outlet:
                continue
            va, vb = views[a["id"]], views[b["id"]]
            f = scorer.features(va, vb, scorer.char(va, vb))
            lexical = max(f["char"], f["words"])
            key = ("high" if lexical >= 0.5 else "speaker" if f["speaker"] > 0 and views[a["id"]].entity else
                   "similar" if lexical >= 0.35 else "random")
            strata[key].append((a, b))
    rng = random.Random(seed)
    for name, pairs in strata.items():
        for a, b in rng.sample(pairs, min(n // 4, len(pairs))):
            print(json.dumps({"stratum": name, "a": _side(a), "b": _side(b)}))
            for q in (a, b):
                print(f"  [{q['speaker']['text']}] {q['content']['text']!r}")
                print(f"      ctx: {views[q['id']].context!r}")


def sample_grouped(articles: list[Article], quotes: list[dict], n: int, seed: int = 11,
                   stratum: str = "grouped", labelled: frozenset = frozenset()) -> None:
    """Print N pairs drawn at random from the cross-outlet pairs the grouping puts in one group
    (stratum ``grouped``): labelled, they measure the precision of what a reader is shown, which
    the strata above (drawn before grouping) do not."""
    from storyline.compare.variants import assign_variant_groups

    by_id = {a.id: a for a in articles}
    groups = assign_variant_groups(quotes, {a.id: a.text for a in articles}, {a.id: a.story_id for a in articles})
    members: dict[str, list[dict]] = defaultdict(list)
    for q in quotes:
        if q["id"] in groups:
            members[groups[q["id"]]].append(q)
    pairs = [(a, b) for qs in members.values() for a, b in combinations(qs, 2)
             if by_id[a["article_id"]].outlet != by_id[b["article_id"]].outlet and _key(a, b) not in labelled]
    for a, b in random.Random(seed).sample(pairs, min(n, len(pairs))):
        print(json.dumps({"stratum": stratum, "a": _side(a), "b": _side(b)}))
        for q in (a, b):
            print(f"  [{q['speaker']['text']}] {q['content']['text']!r}")
            print(f"      ctx: {_paragraph(by_id[q['article_id']].text, q['content']['start'], q['content']['end'])!r}")


def _key(a: dict, b: dict) -> frozenset:
    return frozenset(json.dumps(_side(q), sort_keys=True) for q in (a, b))


def _paragraph(text: str, start: int, end: int) -> str:
    return text[text.rfind("\n", 0, start) + 1:(text.find("\n", end) + 1 or len(text) + 1) - 1]


def _side(q: dict) -> dict:
    return {"article": q["article_id"], "start": q["content"]["start"], "end": q["content"]["end"]}


# ----------------------------------------------------------------------------- scoring

def evaluate(articles: list[Article], quotes: list[dict], pairs: list[dict]) -> list[list[object]]:
    from storyline.compare.variants import assign_variant_groups

    groups = assign_variant_groups(quotes, {a.id: a.text for a in articles}, {a.id: a.story_id for a in articles})
    by_article = defaultdict(list)
    for q in quotes:
        by_article[q["article_id"]].append(q)
    story_of = {a.id: a.story_id for a in articles}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp fp fn tn
    unmapped: dict[str, list[bool]] = defaultdict(list)  # labels of pairs the extractor lost
    for p in pairs:
        qa, qb = _find(by_article, p["a"]), _find(by_article, p["b"])
        names = _rows_of(p, half_of(story_of[p["a"]["article"]]))
        if not (qa and qb):
            for name in names:
                unmapped[name].append(p["same"])
            continue
        predicted = bool(groups.get(qa["id"]) and groups.get(qa["id"]) == groups.get(qb["id"]))
        for name in names:
            counts[name][0 if predicted and p["same"] else 1 if predicted else 2 if p["same"] else 3] += 1
    drawn = [f"{GROUPED} ({draw})" for draw in DRAWS.values()]
    rows = [[name, *_prf(*counts[name]), len(unmapped[name])]
            for name in ("all", "fit", "held-out", *(f"{d}{part}" for d in drawn for part in ("", ", fit", ", held-out")))]
    tp, fp, fn, tn = counts["all"]
    rows.append(["all, lost spans counted as misses", *_prf(tp, fp, fn + sum(unmapped["all"]), tn), ""])
    rows.append(["(all stories: quotes / grouped / groups)", len(quotes), len(groups), len(set(groups.values())),
                 "", "", ""])
    return rows


def copies_cost(articles: list[Article], quotes: list[dict], counts: list[int]) -> list[list[object]]:
    """Seconds of ``assign_variant_groups`` (process time) with every article repeated N times."""
    from storyline.compare.variants import assign_variant_groups

    texts, stories = {a.id: a.text for a in articles}, {a.id: a.story_id for a in articles}
    original = assign_variant_groups(quotes, texts, stories)
    rows = []
    for n in counts:
        copied = [{**q, "id": f"{q['id']}#{k}", "article_id": f"{q['article_id']}#{k}"} for k in range(n) for q in quotes]
        start = time.process_time()
        groups = assign_variant_groups(copied, {f"{a}#{k}": t for a, t in texts.items() for k in range(n)},
                                       {f"{a}#{k}": s for a, s in stories.items() for k in range(n)})
        seconds = time.process_time() - start
        largest = max(sum(s == story for s in stories.values()) for story in set(stories.values())) * n
        rows.append([n, len(copied), largest, len(groups), len(set(groups.values())),
                     _copies_agree(quotes, original, groups, n), round(seconds, 2),
                     round(1000 * seconds / len(copied), 3)])
    return rows


def _copies_agree(quotes: list[dict], original: dict[str, str], groups: dict[str, str], n: int) -> str:
    """Share of the original groups whose copies form one group holding exactly their members' copies."""
    members: dict[str, set[str]] = defaultdict(set)
    for q in quotes:
        if q["id"] in original:
            members[original[q["id"]]].add(q["id"])
    same = sum(len({groups.get(f"{m}#{k}") for m in ms for k in range(n)}) == 1 and None not in
               {groups.get(f"{m}#{k}") for m in ms for k in range(n)} for ms in members.values())
    return f"{same}/{len(members)}"


GROUPED = "drawn from the groups"
DRAWS = {"grouped": "session 19, main before the cohesion test", "grouped-after": "session 19, after it"}


def _rows_of(pair: dict, split: str) -> tuple[str, ...]:
    """Pairs drawn from the system's own groups (``--sample-grouped``) are scored apart, per draw:
    their precision is that of what a reader is shown; in the other rows they would raise recall."""
    if pair.get("stratum") in DRAWS:
        name = f"{GROUPED} ({DRAWS[pair['stratum']]})"
        return name, f"{name}, {split}"
    return "all", split


def _prf(tp: int, fp: int, fn: int, tn: int) -> list[object]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return [tp + fp + fn + tn, tp + fn, precision, recall, f1]


def _find(by_article: dict[str, list[dict]], side: dict) -> dict | None:
    """The extracted quote overlapping a labelled span most (at least half of the shorter one)."""
    best, best_overlap = None, 0
    for q in by_article.get(side["article"], []):
        start, end = q["content"]["start"], q["content"]["end"]
        overlap = min(end, side["end"]) - max(start, side["start"])
        if overlap > best_overlap and overlap * 2 >= min(end - start, side["end"] - side["start"]):
            best, best_overlap = q, overlap
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print only, do not append to docs/benchmarks.md")
    parser.add_argument("--sample", type=int, default=0, help="print N candidate pairs to label instead")
    parser.add_argument("--sample-grouped", type=int, default=0,
                        help="print N pairs drawn from the system's own groups to label instead")
    parser.add_argument("--seed", type=int, default=11, help="with --sample-grouped")
    parser.add_argument("--stratum", default="grouped", choices=sorted(DRAWS), help="with --sample-grouped")
    parser.add_argument("--copies", help="comma-separated copy counts: time the grouping of N copies of each article")
    args = parser.parse_args()
    articles = load_articles()
    quotes = extract(articles)
    if args.sample:
        sample(articles, quotes, args.sample)
        return
    if args.sample_grouped:
        labelled = frozenset(frozenset(json.dumps(p[k], sort_keys=True) for k in "ab")
                             for p in map(json.loads, PAIRS.open(encoding="utf-8")))
        sample_grouped(articles, quotes, args.sample_grouped, args.seed, args.stratum, labelled)
        return
    if args.copies:
        counts = [int(n) for n in args.copies.split(",")]
        report("Quotes: variant grouping cost with copies of every article (news_cluster)",
               ["copies", "quotes", "largest story (articles)", "grouped", "groups", "original groups kept",
                "CPU s", "CPU ms / quote"], copies_cost(articles, quotes, counts),
               notes="The multi-outlet stories of news_cluster with every article repeated N times under new ids "
                     "in its story (a wire story printed by many outlets); CPU s: process time of "
                     "`assign_variant_groups` over all of them. Original groups kept: groups of the uncopied run "
                     "whose members' copies all land in one group.", write=not args.no_write)
        return
    pairs = [json.loads(line) for line in PAIRS.open(encoding="utf-8") if line.strip()]
    rows = evaluate(articles, quotes, pairs)
    report("Quotes: cross-outlet variant groups (news_cluster, hand-labelled pairs)",
           ["pairs", "n", "same", "precision", "recall", "F1", "lost spans"], rows,
           notes="Pairs of quotes from different outlets of one story (gold story labels), labelled by reading: "
                 "same statement (verbatim, fragment, paraphrase) or not. A pair is predicted same when both "
                 "quotes are in one variant group after `assign_variant_groups` over all quotes of the "
                 "multi-outlet stories. Rows score the pairs whose two spans the current extractor still finds "
                 "(a labelled span maps to the extracted quote overlapping at least half of it); lost spans: pairs "
                 "whose span it no longer finds (labels were drawn from an earlier, rule-based extractor). "
                 "Split: sha1(story) odd = held-out (never looked at while tuning). Rows 'drawn from the groups': "
                 "pairs drawn at random from the system's own groups (fast mode; two draws of session 19, before "
                 "and after the cohesion test), labelled by reading: precision = share of the still-grouped ones "
                 "that are one statement; recall = share of their same pairs still grouped.",
           write=not args.no_write)


if __name__ == "__main__":
    main()
