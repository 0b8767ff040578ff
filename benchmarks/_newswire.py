"""The newswire of ../shared/data/corpus/te3_silver.jsonl (AFP and Xinhua reports of 1997, 2005 and
2006), read the one way the claims benchmark needs it: as the product reads it. The file is ingested
into a store by the pipeline (clean, annotate, and the stories stage, which groups the articles into
stories: there is no gold story label), each article's outlet being the agency its id names (LDC's
newswire ids begin with it: "AFP_ENG_19970401.0006"); the store is made once and reused. Stories are
split into the "fit" half and the "held-out" half by sha1 of the story id, as news_cluster's by their
label (``_news_cluster.half_of``)."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from _news_cluster import span_on_file_text
from _report import require_shared

from storyline.model import Article

# the agency a newswire id begins with, as its outlet
AGENCIES = {"AFP": "AFP", "XIN": "Xinhua", "APW": "AP", "NYT": "The New York Times", "CNA": "CNA", "LTW": "LA Times"}


def agency(article_id: str) -> str | None:
    """The outlet a newswire id names ("XIN_ENG_20050103.0001": Xinhua), None for another id."""
    return AGENCIES.get(article_id.split("_", 1)[0])


def newswire_store(path: str | Path):
    """The store of the newswire as ``storyline ingest`` makes it (one worker: the machine is shared),
    made when ``path`` does not exist yet."""
    from storyline.store import Store

    path = Path(path)
    if not path.exists():
        _ingest(path)
    return Store(path, readonly=True)


def _ingest(path: Path) -> None:
    """Ingest the file with each record's outlet set from its id, the one field the file lacks."""
    from storyline.pipeline import RunOptions, ingest
    from storyline.store import Store

    source = require_shared("data", "corpus", "te3_silver.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / source.name
        with source.open(encoding="utf-8") as lines, jsonl.open("w", encoding="utf-8") as out:
            for record in map(json.loads, lines):
                out.write(json.dumps({**record, "outlet": agency(record["id"])}, ensure_ascii=False) + "\n")
        with Store(path) as store:
            ingest([str(jsonl)], store, RunOptions(workers=1, progress=False))


def multi_outlet_claims(store) -> tuple[dict[str, list[Article]], dict[str, list[dict]]]:
    """(story id -> its articles, story id -> its claims) for the stories two outlets or more report,
    the claims made now by the pipeline's own claims step from the stored annotations (so a change
    to the compare code is measured without ingesting again). Articles and claims name articles by
    the file's id, and every span is on the file's text, which the labels' offsets are in."""
    from storyline.pipeline import WorkerPool, _claims_job, story_claims

    workers = WorkerPool(1)
    stories, claims = {}, {}
    for story_id in sorted({a.story_id for a in store.iter_articles() if a.story_id}):
        job = _claims_job(store, story_id, workers)
        if job is None or len({a.outlet for a in job.articles}) < 2:
            continue
        by_id = {a.id: a for a in job.articles}
        claims[story_id] = [_on_file_text(claim, by_id) for claim in story_claims(job)]
        stories[story_id] = [_with_file_id(a) for a in job.articles]
    return stories, claims


def _on_file_text(claim: dict, by_id: dict[str, Article]) -> dict:
    """A claim whose statements and values have their spans on the file's text (each span moved
    once) and name their article by the file's id."""
    places = claim["support"] + [v for c in claim["conflicts"] for v in c["values"]]
    for place in {id(p["span"]): p for p in places if p.get("span")}.values():
        span_on_file_text(by_id[place["article_id"]], place["span"])
    for place in places:
        article = by_id[place["article_id"]]
        place["article_id"] = article.external_id or article.id
    return claim


def _with_file_id(article: Article) -> Article:
    article.id = article.external_id or article.id
    return article
