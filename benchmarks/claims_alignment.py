"""Claims alignment across outlets, measured on sentence pairs labelled by hand.

The labelled pairs (benchmarks/data/claims_pairs.jsonl) come from multi-outlet stories of
../shared/data/clustering/news_cluster.jsonl; each row names two articles by dataset id and a
sentence of each by its character offsets (no article text is stored here), with our reading:
``same`` (both state the same claim) and ``conflict`` (null or the field that differs).
Candidates were drawn with ``--sample``: per story, cross-outlet sentence pairs at high, medium and
low TF-IDF similarity, plus similar pairs that carry different numbers (where conflicts live).
Every pair was labelled by reading it, before running ``align_claims`` on it. A second round
(bands ``counts``, ``conflict-hunt``, ``same-count``) drew candidate conflicts: cross-outlet pairs that
both carry figures counting the same word (killed, injured, people, percent...), with look-alikes
kept; optional keys say why a pair looks like a conflict (``look``: approximate, different things,
update, precision, units, sum of parts...) and mark time-ordered updates (``update``: true).
All 14 conflicts of those rounds fell in the held-out half, so a third round drew pairs from
fit-half stories only (bands ``numbers``, ``counts``; ``conflict-hunt`` here: cross-outlet pairs
whose number, date or actor facts share a key and disagree, most of them look-alikes), each
labelled by reading; the conflict rules were then developed on the fit half alone. A fourth round
(141 pairs, both halves, drawn before any change of that session; bands ``rule-fires``: cross-outlet
pairs on which the conflict rules fire, ``figures-differ``: pairs whose figures differ while sharing
the counted noun or the verb) was labelled by reading to measure conflicts on more examples; the
session then tuned on the fit half only (look values added: cumulative vs daily, different referents,
different names). Band ``e2e-conflict``: pairs that ``align_claims`` put in one claim with a
conflict between them, labelled by reading (fit: 4, while tuning; held-out: 14, after tuning, to
measure the precision of what the system flags); being drawn from predictions they would raise
recall, so the row "held-out, not drawn from predictions" leaves them out. Band ``aligned``
(session 19, ``--sample-aligned 90 --seed 19``): cross-outlet statement pairs (sentences or clauses,
as claims hold them) drawn at random from the pairs ``align_claims`` put in one claim on main, 45
from the stories of each half, labelled by reading before any change: the bands above were drawn
by TF-IDF similarity before alignment, so their precision is not that of the claims a reader is
shown. Band ``aligned-after`` (``--sample-aligned 50 --seed 23 --aligned-band aligned-after``): 50
more drawn the same way once the session's change was in (labelled pairs skipped), labelled by
reading before scoring: the first draw over-represents what that change removed, this one
estimates the precision readers see now (of that session's branch, which was not merged). Band
``aligned-s20`` (``--sample-aligned 40 --seed 37 --aligned-band aligned-s20``): 40 more drawn the same
way from the claims of session 20's change (the one merged), labelled by reading before scoring. Band
``aligned-s21`` (``--sample-aligned 40 --seed 41 --aligned-band aligned-s21``): 40 more drawn the same way
from the claims of session 21's change (weak links need a predicate in common, ``compare.frames``),
labelled by reading before scoring. Band ``aligned-s22`` (``--sample-aligned 40 --seed 43 --aligned-band
aligned-s22``): 40 more drawn the same way from the claims of the second session-21 change (helper claims22: a
figure in common does not lift a weak link over that test; count links only between counts of what was done),
labelled by reading before scoring. Each counts only in rows of its own ("aligned: ...", "aligned-after: ...", "aligned-s20: ...",
"aligned-s21: ...", "aligned-s22: ..."): there, recall is the share of their same pairs still aligned.

Conflicts a reader is shown (session 21, helper claims24; ``--sample-conflicts 20 --seed 47``,
benchmarks/data/claims_conflicts_shown.jsonl): the labelled pairs hold few gold conflicts (7 fit, 21 held-out), so
the precision of what the story report flags is poorly measured by them. This draw takes the output itself: every
conflict record (not an update) of a claim with status ``conflict``, over every multi-outlet news_cluster story, split
into its pairs of values from two outlets that disagree (ranges that do not meet, for numbers); all of the fit half's,
and up to 20 of the held-out half's at random (it showed 12), drawn from main's output before any change. Each row holds the story, the
field, the two articles, the offsets (file text) of the words stating each value, the values, and the label, no
article text. Labels, one per pair, by reading both sentences (scheme written before reading any): ``real``: the
two outlets give different values for one fact (the same thing counted or dated, at the same time), what a reader
should be shown; ``update``: one fact at two times (a later report with a risen or revised figure), no
disagreement; ``increment``: one figure is a difference ("N more than", "an additional N") set against a total;
``different-things``: the figures are of different things (another event, a part vs the whole, another group,
another measure or period); ``misread``: a value the text does not state as read (a number from a name, a score, an
ordinal, a date read as a count, a wrong unit or scale); ``same``: the values agree once read right (rounding,
approximation, one value stated two ways). Scored in rows "shown conflicts: fit / held-out": of the labelled pairs
the output still shows as a conflict, the share labelled ``real`` (the precision a reader sees), with the labelled
pairs no longer shown per label and the shown pairs no label covers (drawn after a change, they would need labels).

Conflicts a reader is shown on a larger multi-outlet set (session 22, helper claims25; ``--newswire-store FILE
--sample-conflicts 40 --seed 53``, benchmarks/data/claims_conflicts_shown_newswire.jsonl): news_cluster's multi-outlet
stories show only 16 conflicts. This draw takes ../shared/data/corpus/te3_silver.jsonl (2,452 AFP and Xinhua reports of
1997, 2005 and 2006) through the product's own path (``_newswire``: ingested into a store, each article's outlet the
agency its id names, stories made by the stories stage, claims by the pipeline's claims step, re-made from the stored
annotations on every run), keeps the stories of two outlets (57), and splits them into halves by sha1 of the story id
(stated before reading). Main, before any change, showed 63 pairs of disagreeing values (fit 29, held-out 34): up to 40
of each half were drawn, so all were taken. Labels: the scheme above, unchanged; rows hold the story id, the field, the
two articles by the file's id, the offsets (file text) of each value's words, the values and the label, no text. An
optional key ``why`` on a label other than ``real`` says which different things: ``other-event`` (another event,
day or incident of the story's topic) or ``other-thing`` (another group or measure at one event); it was added after
reading the fit half and before reading the held-out half, which was labelled once, after the session's rules were
final. Scored in the table "conflicts a reader is shown (te3_silver newswire, ...)", as the news_cluster draw.

The articles are read as ``storyline analyze`` reads the file (since session 21, helper claims23): the JSON
reader and the clean stage (``_news_cluster.cleaned_articles``), so photo captions and page furniture
("Copyright 2017 The Associated Press") take no part in alignment, as in the product; the claims' spans are
mapped back onto the file's text (``raw_offset``), which the labels' offsets are in. A labelled pair one of whose
statements the clean stage drops (most of its characters; ``kept_span``) is no longer a question alignment faces: it
is left out of every row, counted in the column "dropped" and listed on stderr.

Alignment is scored as pair decisions: a pair is aligned when both sentences support one claim.
Conflict detection is scored end to end (a conflict, not an update, between the two articles in
the claim holding both sentences; and "stmt": a conflict record in any claim whose values for the two
articles are stated in the two labelled sentences, since conflicts are also sought apart from the claims) and alone (the two sentences compared as one claim, so the rules
are measured apart from alignment); gold conflicts exist only on pairs labelled ``same``. Stories are split by a hash of their label; the similarity
threshold was chosen looking at the "fit" half only.

    python benchmarks/claims_alignment.py [--no-write]
    python benchmarks/claims_alignment.py --sample 4 > /tmp/candidates.jsonl   # draw pairs to label
    python benchmarks/claims_alignment.py --sample 1 --bands numbers,counts --seed 29 > /tmp/numbers.jsonl
    python benchmarks/claims_alignment.py --sample-aligned 90 --seed 19 > /tmp/aligned.jsonl
    python benchmarks/claims_alignment.py --sample-aligned 50 --seed 23 --aligned-band aligned-after > /tmp/after.jsonl
    python benchmarks/claims_alignment.py --sample-aligned 40 --seed 37 --aligned-band aligned-s20 > /tmp/s20.jsonl
    python benchmarks/claims_alignment.py --sample-aligned 40 --seed 41 --aligned-band aligned-s21 > /tmp/s21.jsonl
    python benchmarks/claims_alignment.py --sample-aligned 40 --seed 43 --aligned-band aligned-s22 > /tmp/s22.jsonl
    python benchmarks/claims_alignment.py --sample-conflicts 20 --seed 47 > /tmp/conflicts.jsonl
    python benchmarks/claims_alignment.py --newswire-store /tmp/te3.db --sample-conflicts 40 --seed 53 > /tmp/wire.jsonl
    python benchmarks/claims_alignment.py --cache /tmp/ann.pkl --newswire-store /tmp/te3.db   # every table
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _newswire import multi_outlet_claims, newswire_store  # noqa: E402
from _news_cluster import all_articles, cleaned_articles, kept_span, multi_outlet_stories, span_on_file_text  # noqa: E402
from _report import report  # noqa: E402

from storyline.model import Article, Mention, Span, Timex  # noqa: E402

PAIRS = Path(__file__).resolve().parent / "data" / "claims_pairs.jsonl"
SHOWN_CONFLICTS = Path(__file__).resolve().parent / "data" / "claims_conflicts_shown.jsonl"
SHOWN_CONFLICTS_NEWSWIRE = Path(__file__).resolve().parent / "data" / "claims_conflicts_shown_newswire.jsonl"
CONFLICT_LABELS = ("real", "update", "increment", "different-things", "misread", "same")  # the docstring's scheme
MAX_ARTICLES = 8  # per story: keeps the parse cheap; one article per outlet first


# ----------------------------------------------------------------------------- data

def load_stories() -> dict[str, list[Article]]:
    """Stories with at least two outlets, at most MAX_ARTICLES articles each (distinct outlets first),
    their articles read as ``storyline analyze`` reads the file (``cleaned_articles``: captions and
    page furniture dropped), so that alignment weighs only what the product aligns."""
    stories = {}
    for story, articles in multi_outlet_stories(cleaned_articles()).items():
        seen: set[str | None] = set()
        first = [a for a in articles if not (a.outlet in seen or seen.add(a.outlet))]
        rest = [a for a in articles if a not in first]
        stories[story] = (first + rest)[:MAX_ARTICLES]
    return stories


def annotate(stories: dict[str, list[Article]]) -> dict[str, tuple[list[Span], list[Mention], list[Timex], bytes]]:
    """Sentences, mentions, timexes and the stored parse of every article, as the pipeline makes them."""
    from storyline.annotate import annotate_batch

    articles = [a for arts in stories.values() for a in arts]
    out = {}
    for i in range(0, len(articles), 16):
        batch = articles[i:i + 16]
        for article, ann in zip(batch, annotate_batch(batch, ["sentences", "entities", "time"])):
            out[article.id] = (ann.sentences, ann.mentions, ann.timexes, ann.parse)
    return out


def cached_annotations(stories: dict[str, list[Article]], cache: str | None) -> dict:
    """Annotations from the cache, completed with (and saved for) any article it lacks."""
    import pickle

    ann = pickle.loads(Path(cache).read_bytes()) if cache and Path(cache).exists() else {}
    missing = {s: [a for a in arts if not _annotated(a, ann)] for s, arts in stories.items()}
    missing = {s: arts for s, arts in missing.items() if arts}
    if missing:  # a cache made for the labelled stories lacks the others --sample draws from
        ann.update(annotate(missing))
        if cache:
            Path(cache).write_bytes(pickle.dumps(ann))
    return ann


def _annotated(article: Article, ann: dict) -> bool:
    """Whether the cache holds this article's annotations of this very text (a cache made on the
    file's raw text does not serve the cleaned articles)."""
    sentences = ann[article.id][0] if article.id in ann else None
    return sentences is not None and all(article.text[s.start:s.end] == s.text for s in sentences)


HELD_OUT_BLIND = "held-out, not drawn from predictions"
DRAWN_FROM_PREDICTIONS = {"e2e-conflict", "aligned", "aligned-after"}  # bands drawn from what align_claims did: not for recall
# bands drawn at random from the pairs the system put in one claim (--sample-aligned): before the
# session 19 change to alignment, and after it
ALIGNED_BANDS = ("aligned", "aligned-after", "aligned-s20", "aligned-s21", "aligned-s22")
SHOWN_ROWS = tuple(f"{band}: {split}" for band in ALIGNED_BANDS for split in ("fit", "held-out", "all"))


def splits_of(pair: dict) -> list[str]:
    """The rows a pair counts in: all, its half, and for a held-out pair not drawn from the
    system's own conflicts, the held-out row whose recall is not raised by how pairs were drawn.
    Pairs of band ``aligned`` count only in rows of their own: drawn from the claims shown, their
    precision is that of what a reader sees, and in the other rows they would raise recall."""
    half = half_of(pair["story"])
    if pair["band"] in ALIGNED_BANDS:
        return [f"{pair['band']}: {half}", f"{pair['band']}: all"]
    blind = [HELD_OUT_BLIND] if half == "held-out" and pair["band"] not in DRAWN_FROM_PREDICTIONS else []
    return ["all", half, *blind]


def half_of(label: str) -> str:
    return "fit" if int(hashlib.sha1(label.encode()).hexdigest(), 16) % 2 == 0 else "held-out"


# ----------------------------------------------------------------------------- sampling

_NUM = re.compile(r"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                  r"twenty|thirty|forty|fifty|hundred|thousand|million|billion)\b", re.I)


_COUNTED = re.compile(r"(?:\b\d[\d,.]*%?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                      r"thirty|forty|fifty|hundred|thousand|million|billion))\s+(?:[a-z]+\s+){0,2}?([a-z]{3,})", re.I)
_SAME_THING = {"dead": "killed", "deaths": "killed", "died": "killed", "wounded": "injured", "injuries": "injured",
               "hurt": "injured", "percent": "%", "per": "%"}


def _counted(text: str) -> set[str]:
    """Words right after a number ("six people", "12 killed"): candidate conflicts count the same thing."""
    return {_SAME_THING.get(w.lower(), w.lower()) for w in _COUNTED.findall(text)} - {"the", "and", "of", "in"}


def sample(stories: dict[str, list[Article]], ann: dict, per_band: int, seed: int = 13) -> list[dict]:
    """Candidate pairs per story: high / medium / low TF-IDF similarity, 'different numbers' (similar
    pairs) and 'counts' (less similar pairs counting the same word: where conflicts and look-alikes live)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    rng = random.Random(seed)
    rows = []
    file_text = {a.id: a.text for a in all_articles()}
    for story, articles in stories.items():
        units = [(a, s) for a in articles for s in ann[a.id][0] if len(s.text.split()) >= 5]
        if len({a.outlet for a, _ in units}) < 2:
            continue
        m = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([s.text for _, s in units])
        sim = (m @ m.T).toarray()
        bands: dict[str, list] = defaultdict(list)
        for i, (a, s) in enumerate(units):
            for j in range(i + 1, len(units)):
                b, t = units[j]
                if a.outlet == b.outlet:
                    continue
                v = sim[i, j]
                band = "high" if v >= 0.45 else "medium" if v >= 0.25 else "low" if v >= 0.1 else None
                if band:
                    bands[band].append((i, j, v))
                nums_a, nums_b = set(_NUM.findall(s.text.lower())), set(_NUM.findall(t.text.lower()))
                if v >= 0.3 and nums_a and nums_b and nums_a != nums_b:
                    bands["numbers"].append((i, j, v))
                elif v >= 0.12 and nums_a and nums_b and _counted(s.text) & _counted(t.text):
                    bands["counts"].append((i, j, v))
        for band, cands in sorted(bands.items()):
            for i, j, v in rng.sample(cands, min(per_band, len(cands))):
                (a, s), (b, t) = units[i], units[j]
                rows.append({"story": story, "band": band, "sim": round(float(v), 3),
                             **_side("a", a, s.to_dict(), file_text), **_side("b", b, t.to_dict(), file_text)})
    return rows


def _side(key: str, article: Article, span: dict, file_text: dict[str, str]) -> dict:
    """One side of a pair to label: the article, the statement's offsets in the file's text and its words."""
    span = dict(span)
    span_on_file_text(article, span)
    return {key: article.id, f"{key}_span": [span["start"], span["end"]],
            f"{key}_text": file_text[article.id][span["start"]:span["end"]]}


def sample_aligned(claims: dict[str, list[dict]], stories: dict[str, list[Article]], labelled: list[dict],
                   n: int, seed: int = 13, band: str = ALIGNED_BANDS[0]) -> list[dict]:
    """N cross-outlet statement pairs drawn at random from the pairs the system puts in one claim
    (band ``aligned``; N/2 from the stories of each half), less those a labelled pair covers:
    labelled by reading, they measure the precision of the claims a reader is shown, which the
    bands drawn by TF-IDF similarity do not."""
    text = {a.id: a.text for a in all_articles()}  # the claims' spans are on the file's text
    drawn = []
    for story, story_claims in sorted(claims.items()):
        for claim in story_claims:
            sup = claim["support"]
            drawn += [(story, x, y) for k, x in enumerate(sup) for y in sup[k + 1:]
                      if _outlet(x) != _outlet(y) and not _labelled(labelled, x, y)]
    rng, rows = random.Random(seed), []
    for half in ("fit", "held-out"):  # as many from each half: the fit half is studied, held-out read once
        mine = [d for d in drawn if half_of(d[0]) == half]
        rows += [_pair_row(story, x, y, text, band) for story, x, y in rng.sample(mine, min(n // 2, len(mine)))]
    return rows


def _pair_row(story: str, x: dict, y: dict, text: dict[str, str], band: str) -> dict:
    """A pair to label: the fields of the labelled bands, with both statements' texts to read."""
    return {"story": story, "band": band, "a": x["article_id"], "a_span": [x["span"]["start"], x["span"]["end"]],
            "b": y["article_id"], "b_span": [y["span"]["start"], y["span"]["end"]],
            "a_text": text[x["article_id"]][x["span"]["start"]:x["span"]["end"]],
            "b_text": text[y["article_id"]][y["span"]["start"]:y["span"]["end"]]}


def _outlet(support: dict) -> str:
    """As ``outlet_key``: an article without an outlet counts as its own."""
    return (support["outlet"] or "").casefold() or support["article_id"]


def _labelled(labelled: list[dict], x: dict, y: dict) -> bool:
    """Whether a labelled pair covers the two statements (in either order)."""
    return any((_covers(x, p["a"], p["a_span"]) and _covers(y, p["b"], p["b_span"]))
               or (_covers(y, p["a"], p["a_span"]) and _covers(x, p["b"], p["b_span"])) for p in labelled)


def shown_conflicts(claims: dict[str, list[dict]], stories: dict[str, list[Article]]) -> dict[tuple, dict]:
    """Every pair of values from two outlets that a conflict record (not an update) of a claim with
    status conflict sets against each other, as the story report shows it; keyed by where the
    two values are stated (``conflict_key``)."""
    outlet = {a.id: (a.outlet or "").casefold() or a.id for arts in stories.values() for a in arts}
    shown = {}
    for story, story_claims in sorted(claims.items()):
        for claim in story_claims:
            records = [c for c in claim["conflicts"] if claim["status"] == "conflict" and c.get("kind") != "update"]
            for record in records:
                for x, y in combinations(record["values"], 2):
                    if outlet[x["article_id"]] != outlet[y["article_id"]] and x.get("span") and y.get("span") \
                            and _values_differ(x, y):
                        row = _conflict_row(story, record["field"], x, y)
                        shown.setdefault(conflict_key(row), row)
    return shown


def _values_differ(x: dict, y: dict) -> bool:
    """Two values of a conflict record that disagree (numbers: the ranges their wordings assert do
    not meet): a record may hold agreeing values besides."""
    if "range" in x and "range" in y:
        (lx, hx), (ly, hy) = x["range"], y["range"]
        return not (lx <= (hy if hy is not None else math.inf) and ly <= (hx if hx is not None else math.inf))
    return x["value"] != y["value"]


def _conflict_row(story: str, field: str, x: dict, y: dict) -> dict:
    """A shown conflict to label: the story, field, both articles, where each states its value, the values."""
    return {"story": story, "band": "shown-conflict", "field": field,
            "a": x["article_id"], "a_span": [x["span"]["start"], x["span"]["end"]], "a_value": x["value"],
            "b": y["article_id"], "b_span": [y["span"]["start"], y["span"]["end"]], "b_value": y["value"]}


def conflict_key(row: dict) -> tuple:
    """The two stated values, in either order."""
    return (row["story"], row["field"], *sorted([(row["a"], *row["a_span"]), (row["b"], *row["b_span"])]))


def sample_conflicts(shown: dict[tuple, dict], n: int, seed: int, every_fit: bool = True) -> list[dict]:
    """Every shown conflict of the fit half (studied), or N of them at random when ``every_fit`` is
    False (a larger set), and N of the held-out half at random (read once)."""
    rng = random.Random(seed)
    fit = [r for r in shown.values() if half_of(r["story"]) == "fit"]
    held_out = [r for r in shown.values() if half_of(r["story"]) == "held-out"]
    fit = fit if every_fit else rng.sample(fit, min(n, len(fit)))
    return fit + rng.sample(held_out, min(n, len(held_out)))


def score_shown_conflicts(labelled: list[dict], shown: dict[tuple, dict]) -> list[list]:
    """Per half: labelled pairs still shown, the real ones among them (precision), the labelled pairs
    no longer shown by label, and shown pairs no label covers."""
    rows = []
    for half in ("fit", "held-out"):
        mine = [r for r in labelled if half_of(r["story"]) == half]
        still = [r for r in mine if conflict_key(r) in shown]
        gone = Counter(r["label"] for r in mine if conflict_key(r) not in shown)
        known = {conflict_key(r) for r in labelled}
        new = sum(1 for k, r in shown.items() if half_of(r["story"]) == half and k not in known)
        real = sum(r["label"] == "real" for r in still)
        rows.append([f"shown conflicts: {half}", len(mine), len(still), real, real / len(still) if still else 0.0,
                     ", ".join(f"{label} {gone[label]}" for label in CONFLICT_LABELS if gone[label]) or "-", new])
    return rows


# ----------------------------------------------------------------------------- evaluation

def predictions(stories: dict[str, list[Article]], ann: dict, threshold: float | None = None) -> dict[str, list[dict]]:
    """The claims of each story, their spans on the file's text."""
    from storyline.compare.claims import SIMILARITY_THRESHOLD, align_claims

    return {story: on_file_text(align_claims(story, arts, {a.id: ann[a.id][0] for a in arts},
                                             {a.id: ann[a.id][1] for a in arts}, {a.id: ann[a.id][2] for a in arts},
                                             docs_of(arts, ann), threshold=threshold or SIMILARITY_THRESHOLD), arts)
            for story, arts in stories.items()}


def on_file_text(claims: list[dict], articles: list[Article]) -> list[dict]:
    """The claims of cleaned articles with their spans (supporting statements, values of
    conflicts) moved onto the file's text, which the labels' offsets are in."""
    by_id = {a.id: a for a in articles}
    spans = [(sup["article_id"], sup["span"]) for claim in claims for sup in claim["support"]]
    spans += [(v["article_id"], v["span"]) for claim in claims for c in claim["conflicts"] for v in c["values"]
              if v.get("span")]
    for article_id, span in {id(span): (a, span) for a, span in spans}.values():  # each mapped once
        span_on_file_text(by_id[article_id], span)
    return claims


def docs_of(articles: list[Article], ann: dict) -> dict:
    """The articles' stored parses as Docs (what the pipeline hands to claim alignment)."""
    from storyline.annotate import nlp

    return {a.id: nlp.doc_from_bytes(ann[a.id][3]) for a in articles}


def sweep(pairs: list[dict], stories: dict[str, list[Article]], ann: dict) -> None:
    """Alignment F1 on the fit half per threshold (how SIMILARITY_THRESHOLD was chosen)."""
    fit = {s: a for s, a in stories.items() if half_of(s) == "fit"}
    for threshold in (0.12, 0.16, 0.2, 0.24, 0.28, 0.32, 0.36, 0.4):
        c = score([p for p in pairs if p["story"] in fit], predictions(fit, ann, threshold))["fit"]
        print(f"threshold {threshold:.2f}: P={prf(*c[:3])[0]:.3f} R={prf(*c[:3])[1]:.3f} F1={prf(*c[:3])[2]:.3f}")


def _covers(support: dict, article_id: str, span: list[int]) -> bool:
    """A claim unit is a sentence or a clause of it: it belongs to the labelled sentence."""
    s = support["span"]
    return support["article_id"] == article_id and span[0] <= s["start"] and s["end"] <= span[1]


def decide(claims: list[dict], pair: dict) -> tuple[bool, set[str], bool]:
    """(aligned, conflict fields between the two articles, an update between them) for one pair."""
    for claim in claims:
        sup = claim["support"]
        if any(_covers(s, pair["a"], pair["a_span"]) for s in sup) and any(_covers(s, pair["b"], pair["b_span"]) for s in sup):
            between = [c for c in claim["conflicts"] if _disagree(c, pair)]
            return (True, {c["field"] for c in between if c.get("kind") != "update"},
                    any(c.get("kind") == "update" for c in between))
    return False, set(), False


def articles_conflict(claims: list[dict], pair: dict) -> set[str]:
    """Fields in which the story's claims set the pair's two articles against each other, in any
    claim and whatever sentences state the values: what a reader of the story report is told."""
    loose = {**pair, "a_span": [0, math.inf], "b_span": [0, math.inf]}
    return {c["field"] for claim in claims for c in claim["conflicts"] if c.get("kind") != "update" and _disagree(c, loose)}


def statements_conflict(claims: list[dict], pair: dict) -> set[str]:
    """Fields in which some claim of the story sets the two labelled statements against each other
    (each value stated in its labelled sentence), whether or not one claim holds both sentences:
    what the story report shows a reader about these two sentences."""
    return {c["field"] for claim in claims for c in claim["conflicts"] if c.get("kind") != "update" and _disagree(c, pair)}


def statements_update(claims: list[dict], pair: dict) -> bool:
    """Whether some claim of the story shows the two labelled statements' figures as an update (a
    figure revised over time, ``kind`` update), each value stated in its labelled sentence."""
    return any(c.get("kind") == "update" and _disagree(c, pair) for claim in claims for c in claim["conflicts"])


def _disagree(conflict: dict, pair: dict) -> bool:
    """Whether a conflict record sets the two labelled statements against each other: each states
    a value (in the labelled sentence, when values say where they are stated) and the values
    differ (a conflict attached to a claim may hold agreeing supporters, or values stated in other
    sentences of the two articles)."""
    values = {v["article_id"]: v for v in conflict["values"]}
    a, b = pair["a"], pair["b"]
    if a not in values or b not in values:
        return False
    va, vb = values[a], values[b]
    if not all(_stated_in(v, span) for v, span in ((va, pair["a_span"]), (vb, pair["b_span"]))):
        return False
    return _values_differ(va, vb)


def _stated_in(value: dict, span: list[int]) -> bool:
    where = value.get("span")
    return where is None or (span[0] <= where["start"] and where["end"] <= span[1])


def pair_decisions(pairs: list[dict], stories: dict[str, list[Article]], ann: dict) -> list[tuple[set[str], bool]]:
    """(conflict fields, update) of each labelled pair compared on its own, as if aligned: the
    conflict rules measured apart from alignment."""
    from storyline.compare.claims import Unit, outlet_key, pair_conflicts

    arts = {a.id: a for arts in stories.values() for a in arts}
    out = []
    for p in pairs:
        a, b = arts[p["a"]], arts[p["b"]]
        units = [Unit(a.id, outlet_key(a), a.outlet, Span.of(a.text, *kept_span(a, *p["a_span"]))),
                 Unit(b.id, outlet_key(b), b.outlet, Span.of(b.text, *kept_span(b, *p["b_span"])))]
        records = pair_conflicts(units, [a, b], {a.id: ann[a.id][1], b.id: ann[b.id][1]},
                                 {a.id: ann[a.id][2], b.id: ann[b.id][2]}, docs_of([a, b], ann))
        out.append(({c["field"] for c in records if c.get("kind") != "update"},
                    any(c.get("kind") == "update" for c in records)))
    return out


def statements_kept(pair: dict, stories: dict[str, list[Article]]) -> bool:
    """Whether both labelled statements are in the articles as the product reads them (the clean
    stage drops captions and page furniture: a pair stating one of those is no longer a question
    alignment faces)."""
    arts = {a.id: a for a in stories[pair["story"]]}
    return all(pair[k] in arts and kept_span(arts[pair[k]], *pair[f"{k}_span"]) for k in ("a", "b"))


def report_dropped(dropped: list[dict], stories: dict[str, list[Article]]) -> None:
    """The labelled pairs left out, on stderr with the statement(s) the clean stage dropped:
    reported, not silently dropped (their count per row is in the table)."""
    for p in dropped:
        arts = {a.id: a for a in stories[p["story"]]}
        gone = [f"{p[k]}{p[k + '_span']}" for k in ("a", "b") if not kept_span(arts[p[k]], *p[f"{k}_span"])]
        print(f"statement dropped by the clean stage: {p['story']} ({half_of(p['story'])}, band {p['band']}, "
              f"same {p['same']}, conflict {p.get('conflict')}): {'; '.join(gone)}", file=sys.stderr)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(pairs: list[dict], claims: dict[str, list[dict]],
          alone: list[tuple[set[str], bool]] | None = None) -> dict[str, list]:
    """Counts per split: align tp fp fn, conflict tp fp fn (end to end: the pair must be aligned),
    conflict tp fp fn of the pairs compared alone, updates called conflicts / updates found.
    A conflict is gold only on pairs labelled same; one predicted on any other pair is a false alarm."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * 17)
    for k, pair in enumerate(pairs):
        aligned, fields, _ = decide(claims[pair["story"]], pair)
        gold = pair.get("conflict") if pair["same"] else None
        told = bool(gold) and gold in articles_conflict(claims[pair["story"]], pair)
        stated = statements_conflict(claims[pair["story"]], pair)
        update = bool(pair.get("update"))
        for key in splits_of(pair):
            c = counts[key]
            c[0] += aligned and pair["same"]
            c[1] += aligned and not pair["same"]
            c[2] += pair["same"] and not aligned
            _conflict_counts(c, 3, gold, fields)
            c[11] += told
            _conflict_counts(c, 12, gold, stated)
            c[15] += update and bool(stated)
            c[16] += update and statements_update(claims[pair["story"]], pair)
            if alone is not None:
                _conflict_counts(c, 6, gold, alone[k][0])
                c[9] += bool(pair.get("update")) and bool(alone[k][0])
                c[10] += bool(pair.get("update")) and alone[k][1]
    return counts


def _conflict_counts(c: list[int], at: int, gold: str | None, fields: set[str]) -> None:
    c[at] += bool(gold) and gold in fields
    c[at + 1] += bool(fields) and gold not in fields
    c[at + 2] += bool(gold) and gold not in fields


def per_field(pairs: list[dict], alone: list[tuple[set[str], bool]]) -> list[list]:
    """Conflict P/R per field, pairs compared alone."""
    rows = []
    for field in sorted({p["conflict"] for p in pairs if p.get("conflict")} | {f for fs, _ in alone for f in fs}):
        tp = sum(1 for p, (fs, _) in zip(pairs, alone) if p["same"] and p.get("conflict") == field and field in fs)
        fp = sum(1 for p, (fs, _) in zip(pairs, alone) if field in fs and not (p["same"] and p.get("conflict") == field))
        fn = sum(1 for p, (fs, _) in zip(pairs, alone) if p["same"] and p.get("conflict") == field and field not in fs)
        rows.append([f"field {field} (alone)", tp + fn, *prf(tp, fp, fn)])
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=0, help="draw N candidate pairs per band and story (JSONL on stdout)")
    ap.add_argument("--bands", default="high,medium,low,numbers,counts", help="with --sample: bands to draw")
    ap.add_argument("--seed", type=int, default=13, help="with --sample")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--sweep", action="store_true", help="print fit-half F1 per similarity threshold")
    ap.add_argument("--cache", help="pickle of the annotations (made when missing), to iterate quickly")
    ap.add_argument("--sample-aligned", type=int, default=0,
                    help="draw N cross-outlet pairs from the system's own claims (JSONL on stdout)")
    ap.add_argument("--aligned-band", default=ALIGNED_BANDS[0], choices=ALIGNED_BANDS, help="with --sample-aligned")
    ap.add_argument("--sample-conflicts", type=int, default=0,
                    help="draw every shown conflict of the fit half and N of the held-out half (JSONL on stdout)")
    ap.add_argument("--newswire-store", help="store of te3_silver's newswire (made when missing): score, or with "
                    "--sample-conflicts draw, the conflicts shown on its multi-outlet stories too")
    args = ap.parse_args()
    if args.newswire_store and args.sample_conflicts:
        for row in sample_conflicts(newswire_shown_conflicts(args.newswire_store), args.sample_conflicts, args.seed,
                                    every_fit=False):
            print(json.dumps(row, ensure_ascii=False))
        return
    stories = load_stories()
    pairs = [json.loads(line) for line in PAIRS.open(encoding="utf-8")]
    if args.sample:
        labelled = {(p["a"], tuple(p["a_span"]), p["b"], tuple(p["b_span"])) for p in pairs}
        for row in sample(stories, cached_annotations(stories, args.cache), args.sample, args.seed):
            if row["band"] in args.bands.split(",") and (row["a"], tuple(row["a_span"]), row["b"], tuple(row["b_span"])) not in labelled:
                print(json.dumps(row, ensure_ascii=False))
        return
    every_story = stories  # shown conflicts are drawn from (and scored on) every multi-outlet story
    stories = {s: arts for s, arts in stories.items() if s in {p["story"] for p in pairs}}
    labelled = pairs
    pairs = [p for p in labelled if statements_kept(p, stories)]
    dropped = [p for p in labelled if not statements_kept(p, stories)]
    report_dropped(dropped, stories)
    ann = cached_annotations(every_story, args.cache)
    if args.sweep:
        sweep(pairs, stories, ann)
        return
    every_claim = predictions(every_story, ann)
    shown = shown_conflicts(every_claim, every_story)
    if args.sample_conflicts:
        for row in sample_conflicts(shown, args.sample_conflicts, args.seed):
            print(json.dumps(row, ensure_ascii=False))
        return
    claims = {s: cs for s, cs in every_claim.items() if s in stories}
    if args.sample_aligned:
        for row in sample_aligned(claims, stories, labelled, args.sample_aligned, args.seed, args.aligned_band):
            print(json.dumps(row, ensure_ascii=False))
        return
    alone = pair_decisions(pairs, stories, ann)
    counts = score(pairs, claims, alone)
    rows = []
    for key in ("fit", "held-out", HELD_OUT_BLIND, "all", *SHOWN_ROWS):
        c = counts[key]
        mine = [p for p in pairs if key in splits_of(p)]
        rows.append([key, len(mine), sum(key in splits_of(p) for p in dropped), sum(p["same"] for p in mine), *prf(*c[:3]),
                     sum(bool(p.get("conflict")) for p in mine if p["same"]), *prf(*c[3:6])[:2],
                     *prf(*c[12:15])[:2],
                     c[11] / max(1, sum(bool(p.get("conflict")) for p in mine if p["same"])), *prf(*c[6:9]),
                     f"{c[9]}/{c[10]}/{sum(bool(p.get('update')) for p in mine)}",
                     f"{c[15]}/{c[16]}/{sum(bool(p.get('update')) for p in mine)}"])
    blind = [k for k, p in enumerate(pairs) if p["band"] not in ALIGNED_BANDS]  # per field: as before the aligned band
    fields = "; ".join(f"{name}: {n} gold, P {p:.2f} R {r:.2f}"
                       for name, n, p, r, _ in per_field([pairs[k] for k in blind], [alone[k] for k in blind]))
    n_claims = sum(len(c) for c in claims.values())
    multi = sum(1 for cs in claims.values() for c in cs if len({s["article_id"] for s in c["support"]}) > 1)
    flagged = {h: sum(c["status"] == "conflict" for s, cs in claims.items() if half_of(s) == h for c in cs)
               for h in ("fit", "held-out")}
    notes = (f"{len(labelled)} hand-labelled cross-outlet sentence pairs from {len({p['story'] for p in labelled})} "
             f"news_cluster stories (<= {MAX_ARTICLES} articles each), the articles read as `storyline analyze` reads "
             f"the file (JSON reader and clean stage), the claims' spans mapped back onto the file's text; "
             f"{len(dropped)} pairs state a statement the clean stage drops (a caption, page furniture), left out of "
             f"every row ('dropped', listed on stderr), {len(pairs)} scored; {n_claims} claims predicted, {multi} with "
             f"support from more than one article, status conflict: {flagged['fit']} in fit stories, "
             f"{flagged['held-out']} in held-out ones. Alignment: P/R of pairs put in one claim vs labelled 'same'. "
             "Conflict e2e: P/R of a conflict (not an update) between the two articles, with the labelled field, in "
             "the claim holding both sentences (gold only on same pairs; a conflict on any other pair is a false "
             "alarm). Stmt conflict: P/R of a conflict record, in any claim of the story, whose values for the two "
             "articles are stated in the two labelled sentences and disagree (the sentences need not share a claim; "
             "false alarms as for e2e). Articles conflict R: share of gold conflicts for which some claim of the story sets the two articles "
             "against each other in that field, whatever sentences state the values (recall only: other pairs of the "
             "two articles may disagree for real). Conflict alone: the two sentences compared as one claim (the rules apart from alignment). "
             "Updates: labelled time-ordered updates called a conflict / called an update / total (alone); stmt "
             "updates: the same for the claims' records setting the two labelled statements apart (as stmt conflict). "
             f"Per field (alone): {fields}.")
    report("Claims: cross-outlet alignment (news_cluster, hand-labelled pairs)",
           ["split", "pairs", "dropped", "same", "align P", "align R", "align F1", "conflicts", "e2e conflict P", "e2e conflict R",
            "stmt conflict P", "stmt conflict R", "articles conflict R",
            "alone conflict P", "alone conflict R", "alone conflict F1", "updates conf/upd/n",
            "stmt updates conf/upd/n"], rows, notes,
           write=not args.no_write)
    if SHOWN_CONFLICTS.exists():
        report_shown_conflicts(read_labels(SHOWN_CONFLICTS), shown, write=not args.no_write)
    if args.newswire_store:
        report_shown_conflicts(read_labels(SHOWN_CONFLICTS_NEWSWIRE), newswire_shown_conflicts(args.newswire_store),
                               write=not args.no_write, draw=NEWSWIRE_DRAW)


NEWS_CLUSTER_DRAW = ("news_cluster", "every multi-outlet news_cluster story: every fit pair, up to 20 held-out ones at "
                     "random (the held-out half showed 12: all taken), drawn from main's output before the session's "
                     "change")
NEWSWIRE_DRAW = ("te3_silver newswire, stories of the product's stories stage",
                 "every story of te3_silver's AFP and Xinhua newswire that the product's stories stage gave two outlets "
                 "(claims made by the pipeline's claims step): up to 40 pairs of each half at random (--seed 53), drawn "
                 "from main's output before the session's change")


def report_shown_conflicts(labelled: list[dict], shown: dict[tuple, dict], write: bool,
                           draw: tuple[str, str] = NEWS_CLUSTER_DRAW) -> None:
    """The table of the conflicts a reader is shown (the docstring's labelled draws); ``draw`` names
    the set and says how its pairs were drawn."""
    counts = Counter((half_of(r["story"]), r["label"]) for r in labelled)
    notes = (f"{len(labelled)} pairs of disagreeing values drawn from the conflicts the output shows (claims with "
             f"status conflict, {draw[1]}) and labelled by reading: "
             + "; ".join(f"{h}: " + ", ".join(f"{lab} {counts[h, lab]}" for lab in CONFLICT_LABELS if counts[h, lab])
                         for h in ("fit", "held-out"))
             + ". Shown: labelled pairs the output still shows as a conflict; P: the share of them labelled real "
             "(one fact, different values); gone: labelled pairs no longer shown, by label; unlabelled: shown pairs "
             "no label covers.")
    report(f"Claims: conflicts a reader is shown ({draw[0]}, drawn from the output and labelled)",
           ["split", "labelled", "shown", "real", "P", "gone", "unlabelled"], score_shown_conflicts(labelled, shown),
           notes, write=write)


def newswire_shown_conflicts(store_path: str) -> dict[tuple, dict]:
    """The conflicts the output shows on the newswire's multi-outlet stories (the store made when missing)."""
    stories, claims = multi_outlet_claims(newswire_store(store_path))
    return shown_conflicts(claims, stories)


def read_labels(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")] if path.exists() else []


if __name__ == "__main__":
    main()
