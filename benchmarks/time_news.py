"""TempEval-3 measures of ``find_timexes`` on blind-labelled news: yardsticks beside TBAQ (1989-2000).

``--set news`` (the default) scores modern news; ``--set silver`` scores newswire of TempEval-3's own kind. Each set
is its label files over one shared text file, with the halves whose errors may be looked at (``Yardstick`` below).

news: the labels (benchmarks/data/time_news.jsonl) cover 78 articles of ../shared/data/clustering/news_cluster.jsonl
(2016-2018, many outlets), chosen by a rule that does not look at the system: articles sorted by sha1(id), the
first ones with a ``published`` date, at most 2 per story. The first 32 alternate between half A and half B; the
next 26 (until about 200 expressions) are half C, the 20 after them half D, the 20 after those half M
(benchmarks/data/time_news_m.jsonl, session 26; ``news_selection`` gives the order). Each half was annotated blind
(text and publication date only, TimeML / TempEval-3 conventions) and committed before Storyline ran on it. The file keeps offsets, labels and the
sha1 of each span's text, never the text: one line per article (with its count of expressions, so articles
without any still count for precision) and one per expression.

Errors are printed for halves A, D and M only (``--half`` picks some), the halves the method is fixed on: half B was
read as its aggregate row once the method was fixed on A, and half C is the untouched measure (its row read once,
no change of the method on its basis).

silver: the labels (benchmarks/data/time_silver_[e-j].jsonl) cover 120 Xinhua/AFP articles of
../shared/data/corpus/te3_silver.jsonl (1997, 2005, 2006), chosen by a rule that does not look at the system:
articles with a published date and 300-3000 characters of text, sorted by sha1(id), the first 40 alternating
between half E (method work: its errors are printed) and half F (an untouched measure, read only as its row),
the next 40 between half G (method work from session 17's second round) and half H (untouched), the next 40
between halves I and J (both untouched). Each half was annotated blind in the same format, by six annotators who
agreed on conventions counted on the TBAQ dev folds.

``--agreement`` scores a second annotator's blind labels (news: half-A articles, time_news_second.jsonl; silver:
the first five half-E articles, time_silver_second.jsonl) against the first annotator's with the same measures,
the first taken as gold: how much of the score is annotator choice.

business: a method set for the business-news classes TBAQ's held-out fold 0 (62% 1989 WSJ) loses on (bare years,
quarters, fiscal years, periods of a report), which the dev folds barely show. The labels
(benchmarks/data/time_business_k.jsonl and time_business_l.jsonl) cover te3_silver articles chosen by a rule that
does not look at the system (``business_selection``): not in halves E-J, with a published date, 300-3000 characters
of text, holding at least two distinct words of BUSINESS_WORDS (whole words, any case, a plural "s" allowed; the
list was written before any article was read), sorted by sha1(id); the first 40 alternate between half K (method
work: its errors are printed) and half L (untouched: read only as its row, once, at the end). Both halves were
annotated blind in the same format and conventions, and committed before Storyline ran on them.

    .venv/bin/python benchmarks/time_news.py [--set news|silver|business] [--no-write] [--no-parse] [--errors N]
                                             [--half A|D|M|E|G|K] [--categories] [--agreement] [--selection]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._report import report, require_shared  # noqa: E402
from benchmarks.time_tbaq import Categories, Score, _errors, _parses  # noqa: E402
from storyline.annotate.time import find_timexes  # noqa: E402

LABELS = Path(__file__).resolve().parent / "data" / "time_news.jsonl"
LABELS_M = LABELS.with_name("time_news_m.jsonl")  # half M, labelled in session 26 after the 78 articles of A-D
SECOND_LABELS = LABELS.with_name("time_news_second.jsonl")
AGREEMENT_ARTICLES = 6  # the second annotator's first articles, the sample the task asked for
HEADER = ["part", "docs", "gold", "system", "strict P", "strict R", "strict F1", "relaxed P", "relaxed R",
          "relaxed F1", "type acc", "value F1"]
HALVES_SHOWN = ("A", "D", "M")  # the halves the method is fixed on; B and C are read only as their rows
NEWS_PER_STORY = 2  # the modern-news selection takes at most two articles of a story
# The business set's selection words, fixed before any article was read: the vocabulary of company results and
# markets reports (the register of 1989 WSJ), not of time
BUSINESS_WORDS = ("profit", "earnings", "quarter", "shares", "revenue", "fiscal", "dividend", "sales", "stock",
                  "percent", "turnover", "net income", "investor", "exports")
BUSINESS_ARTICLES = 40  # the first 40 of the selection, alternating between halves K and L
SILVER_HALVES = "efghij"


@dataclass(frozen=True)
class Yardstick:
    """One blind-labelled set: its label files, the shared file holding their texts, and the halves whose errors
    may be printed (the others are read only as their aggregate rows)."""

    labels: tuple[Path, ...]
    texts: tuple[str, ...]  # the path of the texts under ../shared
    shown: tuple[str, ...]
    title: str
    notes: str
    second: Path | None  # a second annotator's blind labels of some of the set's articles (or None)
    agreement_first: int | None  # the second annotator's first articles, the sample first asked for (or None)
    agreement_notes: str


YARDSTICKS = {
    "news": Yardstick(
        (LABELS, LABELS_M), ("data", "clustering", "news_cluster.jsonl"), HALVES_SHOWN,
        "Time expressions: TempEval-3 measures on modern news (blind labels)",
        "Blind TIMEX3 labels on 98 modern news articles (benchmarks/data/time_news.jsonl and time_news_m.jsonl; "
        "chosen by sha1(id), at most 2 per story; halves A/B alternate over the first 32, half C is the next 26, the "
        "untouched measure, half D the next 20 and half M the 20 after them, both for method work).",
        SECOND_LABELS, AGREEMENT_ARTICLES,
        "A second annotator's blind labels (benchmarks/data/time_news_second.jsonl) of half-A articles (its 2nd to "
        "7th, then 2nd to 16th) scored against the first annotator's as gold, with the TempEval-3 measures of the "
        "modern-news table: gold = first annotator, system = second."),
    "silver": Yardstick(
        tuple(LABELS.with_name(f"time_silver_{half}.jsonl") for half in SILVER_HALVES),
        ("data", "corpus", "te3_silver.jsonl"), ("E", "G"),
        "Time expressions: TempEval-3 measures on newswire (te3_silver, blind labels)",
        "Blind TIMEX3 labels on Xinhua/AFP newswire of 1997/2005/2006 (benchmarks/data/time_silver_e.jsonl and "
        "time_silver_f-j.jsonl over ../shared/data/corpus/te3_silver.jsonl; 120 articles with a published date and "
        "300-3000 characters, chosen by sha1(id), alternating E/F over the first 40, G/H over the next 40, I/J over "
        "the next 40): halves E and G for method work (G from its first reading on), halves F, H, I and J untouched "
        "measures.",
        LABELS.with_name("time_silver_second.jsonl"), None,
        "A second annotator's blind labels (benchmarks/data/time_silver_second.jsonl) of the first five half-E "
        "articles scored against the first annotator's as gold (the second had read the first's notes on "
        "conventions, not the labels), with the TempEval-3 measures: gold = first annotator, system = second."),
    "business": Yardstick(
        tuple(LABELS.with_name(f"time_business_{half}.jsonl") for half in "kl"),
        ("data", "corpus", "te3_silver.jsonl"), ("K",),
        "Time expressions: TempEval-3 measures on business newswire (te3_silver, blind labels)",
        "Blind TIMEX3 labels on Xinhua/AFP business newswire (benchmarks/data/time_business_k.jsonl and "
        "time_business_l.jsonl over ../shared/data/corpus/te3_silver.jsonl; articles not in halves E-J, with a "
        "published date, 300-3000 characters and at least two distinct business words, chosen by sha1(id), "
        "alternating K/L over the first 40): half K for method work, half L the untouched measure.",
        None, None, ""),
}


def silver_labelled_ids() -> set[str]:
    """The te3_silver articles halves E-J label (the business set leaves them out)."""
    return {article_id for path in YARDSTICKS["silver"].labels for article_id in load_labels(path)}


def print_business_selection() -> None:
    """The business set's articles in selection order, for the annotators (ids and sizes only, no text)."""
    path = require_shared(*YARDSTICKS["business"].texts)
    rows = {row["id"]: row for row in map(json.loads, path.open(encoding="utf-8"))}
    for article_id, half in business_selection(list(rows.values()), silver_labelled_ids()):
        row = rows[article_id]
        print(article_id, half, row["published"], len(row["text"]), ",".join(sorted(business_words(row["text"]))))


def business_words(text: str) -> set[str]:
    """The distinct BUSINESS_WORDS a text holds (whole words, any case, a plural "s" allowed)."""
    return {word for word in BUSINESS_WORDS if re.search(rf"\b{re.escape(word)}s?\b", text, re.IGNORECASE)}


def business_selection(rows: list[dict], taken: set[str]) -> list[tuple[str, str]]:
    """(article id, half) of the business set, by a rule that does not look at the system: articles not taken by
    another set, with a published date, 300-3000 characters and two or more distinct business words, sorted by
    sha1(id), the first BUSINESS_ARTICLES alternating between half K and half L."""
    chosen = [row["id"] for row in rows if row["id"] not in taken and row.get("published")
              and 300 <= len(row["text"]) <= 3000 and len(business_words(row["text"])) >= 2]
    chosen.sort(key=lambda article_id: hashlib.sha1(article_id.encode("utf-8")).hexdigest())
    return [(article_id, "KL"[i % 2]) for i, article_id in enumerate(chosen[:BUSINESS_ARTICLES])]


def news_selection(rows: list[dict]) -> list[str]:
    """Article ids of the modern-news set in selection order, by a rule that does not look at the system: articles
    with a published date sorted by sha1(id), at most NEWS_PER_STORY of a story (A/B alternate over the first 32,
    then C 26, D 20, M 20)."""
    dated = sorted((row for row in rows if row.get("published")),
                   key=lambda row: hashlib.sha1(row["id"].encode("utf-8")).hexdigest())
    taken: dict[str, int] = {}
    chosen = []
    for row in dated:
        if taken.get(row["story"], 0) < NEWS_PER_STORY:
            taken[row["story"]] = taken.get(row["story"], 0) + 1
            chosen.append(row["id"])
    return chosen


def load_set_labels(yardstick: Yardstick) -> dict[str, dict]:
    """The labels of every file of the set that exists (a half still being annotated is left out, with a word)."""
    present = [path for path in yardstick.labels if path.exists()]
    for path in sorted(set(yardstick.labels) - set(present)):
        print(f"(no {path.name} yet: its half is left out)", file=sys.stderr)
    if not present:
        sys.exit(f"no label file of this set: {', '.join(p.name for p in yardstick.labels)}")
    return {article_id: label for path in present for article_id, label in load_labels(path).items()}


def load_labels(path: Path = LABELS) -> dict[str, dict]:
    """Article id -> {"half", "published", "expressions", "timexes"} from the label file."""
    articles: dict[str, dict] = {}
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        if "start" in row:
            articles[row["article"]]["timexes"].append(row)
        else:
            articles[row["article"]] = {**row, "timexes": []}
    return articles


def span_sha1(text: str, start: int, end: int) -> str:
    return hashlib.sha1(text[start:end].encode("utf-8")).hexdigest()


def labelled_documents(labels: dict[str, dict], texts: dict[str, str]) -> list[dict]:
    """The labelled articles with their text and gold spans (text added here, in memory only); exits when
    a span's text no longer has the sha1 it had when annotated (the shared file changed)."""
    documents = []
    for article_id, label in labels.items():
        text = texts[article_id]
        stale = [t for t in label["timexes"] if span_sha1(text, t["start"], t["end"]) != t["sha1"]]
        if stale:
            sys.exit(f"{article_id}: {len(stale)} labelled spans no longer match the shared text (sha1)")
        gold = [{**t, "text": text[t["start"]:t["end"]]} for t in label["timexes"]]
        documents.append({"id": article_id, "text": text, "published": label["published"],
                          "half": label["half"], "timexes": gold})
    return documents


def _span_errors(document: dict, pairs: list[tuple[dict, dict]]) -> list[str]:
    """Relaxed matches whose extent differs from the gold one (what strict F1 counts)."""
    text = document["text"]
    return [f"SPAN  gold={g['text']!r} sys={text[s['start']:s['end']]!r}" for g, s in pairs
            if (g["start"], g["end"]) != (s["start"], s["end"])]


def shared_texts(yardstick: Yardstick = YARDSTICKS["news"]) -> dict[str, str]:
    path = require_shared(*yardstick.texts)
    return {row["id"]: row["text"] for row in map(json.loads, path.open(encoding="utf-8"))}


def score_halves(documents: list[dict], shown: tuple[str, ...], docs: list) -> tuple[list[list[object]], list[str],
                                                                                     Categories]:
    """Storyline against the labels: a row for all and one per half, and the errors (one line each, and by kind)
    of the halves shown only; the other halves are read only as their aggregate rows."""
    parts = ["all"] + [f"half {half}" for half in sorted({d["half"] for d in documents})]
    scores = {name: Score() for name in parts}
    counts = {name: 0 for name in parts}
    errors: list[str] = []
    categories = Categories()
    for document, doc in zip(documents, docs):
        found = [t.to_dict() for t in find_timexes(document["text"], document["published"], doc, document["id"])]
        system = [{**t["span"], "type": t["type"], "value": t["value"]} for t in found]
        for name in ("all", f"half {document['half']}"):
            pairs = scores[name].add(document["timexes"], system)
            counts[name] += 1
        if document["half"] in shown:
            categories.add(document, system, pairs)
            errors += [f"{document['half']} {line}"
                       for line in _errors(document, system, pairs) + _span_errors(document, pairs)]
    return [scores[name].row(name, counts[name]) for name in parts], errors, categories


def score_system(documents: list[dict], yardstick: Yardstick, args: argparse.Namespace) -> None:
    """Storyline against the set's labels, per half, as a table; errors of the halves asked for and shown."""
    docs = [None] * len(documents) if args.no_parse else _parses(documents, None)
    rows, errors, categories = score_halves(documents, tuple(args.half), docs)
    for line in errors[: args.errors]:
        print(line)
    if args.categories:
        categories.print()
    notes = (yardstick.notes + " TempEval-3 definitions as in the TBAQ table: value F1 counts relaxed matches with "
             f"the gold value. Errors are looked at in half{'s' * (len(yardstick.shown) > 1)} "
             f"{'/'.join(yardstick.shown)} only." + (" Run without spaCy parse." if args.no_parse else ""))
    report(yardstick.title, HEADER, rows, notes, write=not args.no_write)


def score_agreement(yardstick: Yardstick, texts: dict[str, str], args: argparse.Namespace) -> None:
    """The second annotator's labels scored against the first's (as gold): the sample first asked for, if
    any, then all the second annotator labelled."""
    second = labelled_documents(load_labels(yardstick.second), texts)
    first = {d["id"]: d for d in labelled_documents(load_set_labels(yardstick), texts)}
    samples = [("all", second)]
    if yardstick.agreement_first:
        samples.insert(0, (f"first {yardstick.agreement_first}", second[: yardstick.agreement_first]))
    rows, disagreements = [], []
    for name, documents in samples:
        score = Score()
        for document in documents:
            gold = first[document["id"]]
            pairs = score.add(gold["timexes"], document["timexes"])
            if name == "all":
                disagreements += _errors(gold, document["timexes"], pairs) + _span_errors(gold, pairs)
        rows.append(score.row(name, len(documents)))
    for line in disagreements[: args.errors]:
        print(line.replace("sys=", "second="))
    report(yardstick.title.replace("TempEval-3 measures", "agreement of two annotators"), HEADER, rows,
           yardstick.agreement_notes, write=not args.no_write)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", choices=sorted(YARDSTICKS), default="news", help="the labelled set to score")
    parser.add_argument("--no-write", action="store_true", help="print only; do not append to docs/benchmarks.md")
    parser.add_argument("--no-parse", action="store_true", help="no spaCy parse (tense from cue words only)")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors of the halves shown "
                        "(with --agreement: disagreements of the two annotators)")
    parser.add_argument("--half", nargs="+", help="the halves whose errors are printed, among the set's halves "
                        "shown (news: A D M, silver: E G, business: K; the others never are); all of them by default")
    parser.add_argument("--categories", action="store_true", help="print errors of the halves shown by kind")
    parser.add_argument("--agreement", action="store_true", help="score the second annotator against the first "
                        "instead of Storyline against the labels")
    parser.add_argument("--selection", action="store_true", help="print the business set's selection (article "
                        "id, half, published, characters), the articles to label; nothing is scored")
    args = parser.parse_args()
    if args.selection:
        print_business_selection()
        return
    yardstick = YARDSTICKS[args.set]
    args.half = args.half or list(yardstick.shown)
    if not set(args.half) <= set(yardstick.shown):
        parser.error(f"--half: the errors of set {args.set} are shown for half {'/'.join(yardstick.shown)} only")

    texts = shared_texts(yardstick)
    if args.agreement and yardstick.second is None:
        parser.error(f"--agreement: set {args.set} has no second annotator")
    if args.agreement:
        score_agreement(yardstick, texts, args)
    else:
        score_system(labelled_documents(load_set_labels(yardstick), texts), yardstick, args)


if __name__ == "__main__":
    main()
