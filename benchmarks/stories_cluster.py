"""Story clustering quality on the labelled news_cluster set, and the cost of placing one article.

Quality: B-cubed precision/recall/F1, pairwise F1 and adjusted Rand index against the `story`
labels, on all stories and on each half of a split of the stories by a hash of their label
("fit" half: the one the ClusterConfig defaults were fitted on with --fit; "held-out" half: never
used for fitting). Entity keys are what the pipeline passes: canonical entity ids from the entity
stage (``--entities spacy`` for the earlier doc.ents stand-in); parses are cached in the temp dir.

Cost: mean time to place one article once 1k, 10k and 50k articles are stored; the corpus is
../shared/data/corpus/*.jsonl plus copies with dates shifted by N years (BBC articles, undated
in the source, get a day of 2005 from their position). Entity keys there are capitalised phrases
(parsing 50k articles would measure spaCy, not placement); URLs are made up in the usual news
form (day in the path, headline slug), as the sources have none.

    python benchmarks/stories_cluster.py [--fit] [--entities canonical|spacy|none] [--no-cost | --cost-only]
                                         [--sizes 1000,10000,50000] [--no-write]
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from sklearn.metrics import adjusted_rand_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import report, require_shared  # noqa: E402

from storyline.annotate import canonical  # noqa: E402
from storyline.annotate.entities import extract_mentions  # noqa: E402
from storyline.model import Article, Mention, Span  # noqa: E402
from storyline.stories import ClusterConfig, StoryClusterer, cluster_articles, provisional_entity_keys  # noqa: E402


# ----------------------------------------------------------------------------- data

def load_labelled() -> tuple[list[Article], dict[str, str]]:
    path = require_shared("data", "clustering", "news_cluster.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    articles = [Article(id=r["id"], text=r["text"], url=r.get("url"), outlet=r.get("outlet"), title=r.get("title"),
                        published=r.get("published"), published_from="metadata" if r.get("published") else None)
                for r in rows]
    return articles, {r["id"]: r["story"] for r in rows}


def entity_keys(articles: list[Article], source: str) -> dict[str, list[str]]:
    """Per-article entity keys: "canonical" (the entity stage: ``extract_mentions`` on the article
    text, then corpus-wide ``canonical.resolve_entities``, the ids the pipeline passes), "spacy"
    (label + lower-cased text of doc.ents on title + text, the earlier stand-in) or "none"."""
    if source == "none":
        return {}
    parsed = parsed_entities(articles)
    if source == "spacy":
        return {a.id: parsed[a.id]["spacy"] for a in articles}
    mentions = [(a.id, [_mention(m) for m in parsed[a.id]["mentions"]]) for a in articles]
    canonical.resolve_entities(mentions)
    return {article_id: sorted({m.entity_id for m in ms if m.entity_id}) for article_id, ms in mentions}


def parsed_entities(articles: list[Article]) -> dict[str, dict]:
    """Mentions and doc.ents keys per article, cached under the temp dir (keyed by the texts and
    the model) so re-running the benchmark does not re-parse."""
    from storyline.annotate import nlp

    info = nlp.model_info()
    digest = hashlib.sha1(json.dumps([info, [(a.id, a.title, a.text) for a in articles]]).encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"storyline-stories-entities-{digest}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    out = {}
    docs = nlp.parse(a.text for a in articles)
    titled = nlp.parse(f"{a.title or ''}\n{a.text}" for a in articles)
    for article, doc, titled_doc in zip(articles, docs, titled):
        out[article.id] = {"mentions": [dataclasses.asdict(m) for m in extract_mentions(doc, article.text)],
                           "spacy": provisional_entity_keys(titled_doc.ents)}
    path.write_text(json.dumps(out), encoding="utf-8")
    return out


def _mention(d: dict) -> Mention:
    return Mention(**{**d, "span": Span(**d["span"])})


def half_of(label: str) -> str:
    """Stories split by a hash of their label, so the split does not depend on file order."""
    return "fit" if int(hashlib.sha1(label.encode()).hexdigest(), 16) % 2 == 0 else "held-out"


# ----------------------------------------------------------------------------- metrics

def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    pred_groups, gold_groups = _groups(pred), _groups(gold)
    precision = recall = 0.0
    for item in gold:
        p, g = pred_groups[pred[item]], gold_groups[gold[item]]
        common = len(p & g)
        precision += common / len(p)
        recall += common / len(g)
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, _f1(precision, recall)


def pairwise_f1(pred: dict[str, str], gold: dict[str, str]) -> float:
    items = sorted(gold)
    same_pred = {(a, b) for a, b in itertools.combinations(items, 2) if pred[a] == pred[b]}
    same_gold = {(a, b) for a, b in itertools.combinations(items, 2) if gold[a] == gold[b]}
    both = len(same_pred & same_gold)
    return _f1(both / len(same_pred) if same_pred else 0.0, both / len(same_gold) if same_gold else 0.0)


def _groups(labels: dict[str, str]) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for item, label in labels.items():
        groups[label].add(item)
    return groups


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(articles: list[Article], gold: dict[str, str], keys: dict[str, list[str]],
             config: ClusterConfig) -> dict[str, float]:
    copies = [dataclasses.replace(a) for a in articles]
    cluster_articles(copies, keys, StoryClusterer(config))
    pred = {a.id: a.story_id for a in copies}
    gold = {a.id: gold[a.id] for a in copies}
    p, r, f = bcubed(pred, gold)
    ids = sorted(gold)
    return {"P": p, "R": r, "F1": f, "pairF1": pairwise_f1(pred, gold),
            "ARI": adjusted_rand_score([gold[i] for i in ids], [pred[i] for i in ids]),
            "stories": len(set(pred.values())), "gold": len(set(gold.values())), "n": len(ids)}


def time_split_ceiling(articles: list[Article], gold: dict[str, str], days: int) -> float:
    """B3 F1 of the gold stories cut wherever a story goes quiet for more than ``days``: the best a
    method can score that keeps two reports of one topic that far apart in separate stories."""
    pred, last, part = {}, {}, Counter()
    for article in sorted(articles, key=lambda a: a.published or ""):
        label, day = gold[article.id], dt.date.fromisoformat(article.published[:10])
        if label in last and (day - last[label]).days > days:
            part[label] += 1
        last[label] = day
        pred[article.id] = f"{label}#{part[label]}"
    return bcubed(pred, {a.id: gold[a.id] for a in articles})[2]


def subsets(articles: list[Article], gold: dict[str, str]) -> dict[str, list[Article]]:
    return {"all": articles, **{h: [a for a in articles if half_of(gold[a.id]) == h] for h in ("fit", "held-out")}}


# ----------------------------------------------------------------------------- fitting

# The time window is a design choice (a story is an event), not fitted: the labels join
# repeated events of one topic months apart, which fitting would learn.
GRID = {"join_threshold": [0.08, 0.1, 0.12, 0.15, 0.18, 0.2],
        "merge_threshold": [0.15, 0.2, 0.25, 0.3, 0.4]}


def fit(articles: list[Article], gold: dict[str, str], keys: dict[str, list[str]]) -> ClusterConfig:
    """Grid search on the fit half only; prints the best settings and their held-out score.
    Ties go to the stricter (later) setting: a wrong merge costs more than a missed one."""
    halves = subsets(articles, gold)
    best = None
    for values in itertools.product(*GRID.values()):
        config = ClusterConfig(**dict(zip(GRID, values)))
        f1 = evaluate(halves["fit"], gold, keys, config)["F1"]
        if best is None or f1 >= best[0]:
            best = (f1, config)
    f1, config = best
    held = evaluate(halves["held-out"], gold, keys, config)["F1"]
    print(f"best on fit half: {dict(zip(GRID, (getattr(config, k) for k in GRID)))} F1={f1:.3f}; held-out F1={held:.3f}")
    return config


# ----------------------------------------------------------------------------- cost

_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def cheap_entity_keys(text: str) -> list[str]:
    return sorted({f"X:{m.group().lower()}" for m in _CAPITALISED.finditer(text) if len(m.group()) > 3})


def volume_corpus() -> list[Article]:
    base = []
    for name in ("te3_silver", "bbc"):
        path = require_shared("data", "corpus", f"{name}.jsonl")
        for i, line in enumerate(path.open(encoding="utf-8")):
            r = json.loads(line)
            published = r.get("published") or (dt.date(2005, 1, 1) + dt.timedelta(days=i % 365)).isoformat()
            base.append(Article(id=r["id"], text=r["text"], title=r.get("title"), outlet=r.get("outlet") or name,
                                published=published[:10], published_from="metadata",
                                url=news_url(name, published[:10], r.get("title"))))
    base.sort(key=lambda a: a.published)
    return base


def news_url(site: str, day: str, title: str | None) -> str:
    """A URL of the usual news form (day in the path, headline slug), as the sources lack one."""
    slug = "-".join(re.findall(r"[a-z0-9]+", (title or "").lower())[:12])
    return f"https://{site}.example/{day.replace('-', '/')}/{slug}"


def shifted(article: Article, years: int) -> Article:
    day = dt.date.fromisoformat(article.published)
    day = day.replace(year=day.year + years) if not (day.month == 2 and day.day == 29) else day.replace(
        year=day.year + years, day=28)
    return dataclasses.replace(article, id=f"{article.id}+{years}y", published=day.isoformat(),
                               url=article.url.replace(article.published.replace("-", "/"), day.strftime("%Y/%m/%d")))


def stream(base: list[Article]):
    for years in itertools.count():
        for article in base:
            yield shifted(article, years * 10)


def placement_cost(checkpoints: tuple[int, ...], probe: int = 200) -> list[list[object]]:
    clusterer = StoryClusterer()
    articles = stream(volume_corpus())
    rows, stored = [], 0
    for checkpoint in checkpoints:
        for article in itertools.islice(articles, checkpoint - stored):
            clusterer.add(article, cheap_entity_keys(article.text))
        stored = checkpoint
        sample = list(itertools.islice(articles, probe))
        keys = [cheap_entity_keys(a.text) for a in sample]
        start, start_cpu = time.perf_counter(), time.process_time()
        for article, k in zip(sample, keys):
            clusterer.add(article, k)
        elapsed = (time.perf_counter() - start) / probe
        cpu = (time.process_time() - start_cpu) / probe
        stored += probe
        rows.append([f"{checkpoint:,}", f"{elapsed * 1000:.1f}", f"{cpu * 1000:.1f}", len(clusterer)])
        print(rows[-1], flush=True)
    return rows


# ----------------------------------------------------------------------------- main

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="grid-search thresholds on the fit half first")
    parser.add_argument("--no-cost", action="store_true")
    parser.add_argument("--cost-only", action="store_true")
    parser.add_argument("--sizes", default="1000,10000,50000", help="stored-article checkpoints for the cost")
    parser.add_argument("--entities", choices=("canonical", "spacy", "none"), default="canonical",
                        help="entity keys passed to the clusterer (see entity_keys)")
    parser.add_argument("--no-write", action="store_true", help="print only; do not append to docs/benchmarks.md")
    args = parser.parse_args()

    if not args.cost_only:
        quality(args)
    if not args.no_cost:
        report("Stories: cost of placing one article", ["stored articles", "ms / article", "CPU ms / article", "live stories"],
               placement_cost(tuple(int(n) for n in args.sizes.split(","))), notes="Mean over 200 articles placed "
               "after each checkpoint; te3_silver + bbc plus copies shifted by 10, 20, ... years. CPU ms: process "
               "time, which a loaded machine disturbs less than the wall-clock ms.",
               write=not args.no_write)


def quality(args: argparse.Namespace) -> None:
    articles, gold = load_labelled()
    keys = entity_keys(articles, args.entities)
    config = fit(articles, gold, keys) if args.fit else ClusterConfig()
    rows = []
    for name, subset in subsets(articles, gold).items():
        m = evaluate(subset, gold, keys, config)
        rows.append([name, m["n"], m["gold"], m["stories"], m["P"], m["R"], m["F1"], m["pairF1"], m["ARI"]])
    sizes = Counter(half_of(g) for g in set(gold.values()))
    report("Stories: clustering news_cluster", ["stories", "articles", "gold stories", "predicted", "B3 P", "B3 R",
                                                "B3 F1", "pair F1", "ARI"], rows,
           notes=f"Split of the {len(set(gold.values()))} labelled stories by label hash: {dict(sizes)}. "
                 f"Config: {dataclasses.asdict(config)}. Entity keys: {args.entities}. Ceiling for a method "
                 f"that splits a story after a quiet spell (all): 21 days {time_split_ceiling(articles, gold, 21):.3f}, "
                 f"30 days {time_split_ceiling(articles, gold, 30):.3f}, 60 days {time_split_ceiling(articles, gold, 60):.3f}.",
           write=not args.no_write)


if __name__ == "__main__":
    main()
