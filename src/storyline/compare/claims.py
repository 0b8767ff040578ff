"""Claims: the statements of one story's articles aligned across outlets.

Statements are sentences (long ones cut into clauses). They are compared with TF-IDF vectors
fitted on the story itself (words and character n-grams, so the story's own vocabulary weighs
what is shared), plus shared named entities and a small bonus for shared figures (a count restated
in other words); statements that are each other's best match across two articles above a
similarity threshold are joined, strongest first, and an article joins a claim with one
statement (a constrained single linkage: scikit-learn's agglomerative clustering has no
cannot-link constraint, and average linkage split most paraphrases). Statements that name days
more than a week apart are never joined (other events: ``far_apart_in_time``). Statements of two
outlets that count what one action did ("killed six" / "eight were killed", "posted four photos" /
"posted three photos") are joined too, after those, though their figures (the very words that
conflict) make them look less alike (``count_edges``). Last, a statement left alone joins the claim
of its best match in another article when alike enough (``restatements``): an article that says a
thing twice (a caption and the body, a tweet and the sentence reporting it) supports the claim with
both statements. Each claim then gets a status from how
many outlets support it and the conflicts between its supporters (``compare.conflicts``).
Conflicts are also sought between statements of different outlets anywhere in the story, apart
from the claims (``story_conflicts``): a claim holds one statement per article (but for
restatements), so the sentence that contradicts another outlet often sits in a claim of its own. Such a conflict marks every claim
holding one of its statements, and its values say which sentence states each (article id, span).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import numpy as np

from storyline.compare import conflicts as conflicts_mod
from storyline.compare.facts import Fact, Named, extract, named_from_doc, named_from_mentions, same_reading
from storyline.compare.frames import Frame, frame_of, same_fact_sign
from storyline.model import Article, Mention, Span, Timex, stable_id

SIMILARITY_THRESHOLD = 0.2  # least similarity of mutual best matches (chosen on the fit half of the labelled pairs)
ENTITY_WEIGHT = 0.15  # share of the similarity that named entities in common make (counts and conflicts)
ALIGN_ENTITY_WEIGHT = 0.1  # the same for aligning statements into claims: two sentences of one story name the
# same few actors whatever they state ("the Croydon trams have a top speed of 50mph" / "50 people were injured in
# the Croydon area"), so on the claims a reader is shown, names in common misled more than they helped (session 19:
# pairs shown, fit half, P 0.533 at 0.15 -> 0.742 at 0.05); counts and conflicts keep 0.15, the weight their floors
# were chosen with
# links weaker than this join two statements only when they show a sign of stating one fact (a predicate
# in common, ``frames``, or a count of one action): below it, words and names in common are mostly the
# story's topic (chosen on the fit half: 0.25 / 0.3 / 0.35 / 0.4 gave pairs shown P 0.75 / 0.84 / 0.88 / 0.89
# at labelled R 0.643 / 0.639 / 0.627 / 0.608, without the test 0.69 at 0.643; from 0.35 a conflict told
# end to end is lost)
FACT_SIGN_BELOW = 0.3
COHESION_FLOOR = 0.1  # least mean similarity of the other cross-article pairs of two claims a link would merge
NUMBER_WEIGHT = 0.1  # bonus for the share of figures two statements have in common (fit half: recall +0.02)
MIN_WORDS = 4
LONG_SENTENCE = 300  # characters; longer sentences are cut into clauses
MAX_ARTICLES = 60  # a larger story is aligned on its first articles only (cost is quadratic)
MAX_UNITS_PER_ARTICLE = 150
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?=(?:but|while|whereas|although|though|and)\s)|\s+[—–]\s+")
_WORDS = re.compile(r"[A-Za-z]+")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBER_WORD = re.compile(r"(?<![a-z])(?:" + "|".join(_NUMBER_WORDS) + r")(?![a-z])")  # a whole run of letters
_HAS_NUMBER = re.compile(r"\d|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.I)
# least similarity of a statement no claim took to its best match elsewhere, for it to join that
# match's claim (``restatements``; chosen on the fit half: recall +0.04, precision kept)
RESTATEMENT_THRESHOLD = 0.3
NEAR_DAYS = 7  # statements naming days further apart are not alike (far_apart_in_time)
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
COUNT_EDGE_FLOOR = 0.08  # least similarity of two statements joined for counting the same thing (count_edges)
STORY_CONFLICT_FLOOR = 0.08  # least similarity of two statements whose counts are compared story-wide (story_conflicts)


@dataclass(slots=True)
class Unit:
    """One statement: a sentence or clause of one article."""

    article_id: str
    outlet: str  # outlet_key: the article id when it has no outlet
    outlet_name: str | None
    span: Span


def align_claims(story_id: str, articles: list[Article], sentences: dict[str, list[Span]],
                 mentions: dict[str, list[Mention]] | None = None, timexes: dict[str, list[Timex]] | None = None,
                 docs: dict | None = None, *, threshold: float = SIMILARITY_THRESHOLD) -> list[dict]:
    """claims.jsonl records of one story (pure: same inputs, same claims and ids). ``docs``
    (article id -> spaCy Doc of the article text) saves re-parsing the statements compared."""
    articles = articles[:MAX_ARTICLES]
    outlet_of = {a.id: outlet_key(a) for a in articles}
    units = statement_units(articles, sentences)
    if not units:
        return []
    sim, align_sim = similarities(units, mentions, (ENTITY_WEIGHT, ALIGN_ENTITY_WEIGHT))
    named = {a.id: named_from_mentions(mentions[a.id]) for a in articles if mentions and a.id in mentions}
    facts = unit_facts(units, _with_figures(units), named, timexes or {}, docs)
    edges = count_edges(units, facts, same_time_similarity(units, sim, timexes or {}))
    align_sim = same_time_similarity(units, align_sim, timexes or {})
    clusters = cluster(units, same_fact_similarity(units, align_sim, facts, docs, threshold), threshold, edges)
    facts |= unit_facts(units, sorted(_in_shared_claims(units, clusters) - set(facts)), named, timexes or {}, docs)
    n_outlets = len(set(outlet_of.values()))
    published = {a.id: a.published for a in articles}
    story_groups = story_conflicts(units, facts, sim, outlet_of, published)
    return [claim_record(story_id, units, members, sim, facts, outlet_of, n_outlets, story_groups, published)
            for members in sorted(clusters, key=lambda m: (-len({units[i].outlet for i in m}), min(m)))]


def pair_conflicts(units: list[Unit], articles: list[Article], mentions: dict[str, list[Mention]] | None = None,
                   timexes: dict[str, list[Timex]] | None = None, docs: dict | None = None) -> list[dict]:
    """Conflict records between given statements taken as one claim: the conflict rules apart from
    alignment (the benchmark scores them this way too)."""
    named = {a.id: named_from_mentions(mentions[a.id]) for a in articles if mentions and a.id in mentions}
    members = list(range(len(units)))
    facts = unit_facts(units, members, named, timexes or {}, docs)
    published = {a.id: a.published for a in articles}
    outlet_of = {a.id: outlet_key(a) for a in articles}
    groups = conflicts_mod.find_conflicts(_facts_by_article(facts, members, units), outlet_of, published=published)
    return conflicts_mod.as_records(groups, published)


def outlet_key(article: Article) -> str:
    """Articles without an outlet count as their own outlet."""
    return (article.outlet or "").casefold() or article.id


# ----------------------------------------------------------------------------- statements

def statement_units(articles: list[Article], sentences: dict[str, list[Span]]) -> list[Unit]:
    units = []
    for article in articles:
        spans = [c for s in sentences.get(article.id, []) for c in clauses(article.text, s)]
        units += [Unit(article.id, outlet_key(article), article.outlet, s) for s in spans if len(_WORDS.findall(s.text)) >= MIN_WORDS]
    return _cap_units(units)


def _cap_units(units: list[Unit]) -> list[Unit]:
    count: dict[str, int] = defaultdict(int)
    kept = []
    for u in units:
        count[u.article_id] += 1
        if count[u.article_id] <= MAX_UNITS_PER_ARTICLE:
            kept.append(u)
    return kept


def clauses(text: str, sentence: Span | tuple[int, int]) -> list[Span]:
    """A sentence, or for a long one its clauses (cut at ';', ', but', ', while', dashes), each
    long enough to state something; spans are trimmed of surrounding whitespace."""
    start, end = (sentence.start, sentence.end) if isinstance(sentence, Span) else sentence
    cuts = [start]
    if end - start > LONG_SENTENCE:
        for m in _CLAUSE_BREAK.finditer(text, start, end):
            if m.start() - cuts[-1] >= 80 and end - m.end() >= 80:
                cuts.append(m.end())
    bounds = list(zip(cuts, [*cuts[1:], end]))
    return [s for s in (_trimmed(text, a, b) for a, b in bounds) if s is not None]


def _trimmed(text: str, start: int, end: int) -> Span | None:
    piece = text[start:end]
    left = len(piece) - len(piece.lstrip())
    right = len(piece.rstrip())
    if right <= left:
        return None
    return Span.of(text, start + left, start + right)


# ----------------------------------------------------------------------------- similarity

def _normalise(text: str) -> str:
    """Lower-cased, spelled-out small numbers as digits ("six" ~ "6")."""
    return _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group(0)], text.lower())


def similarity(units: list[Unit], mentions: dict[str, list[Mention]] | None,
               entity_weight: float = ENTITY_WEIGHT) -> np.ndarray:
    """Statement-by-statement similarity in [0, 1]: word and character TF-IDF cosines fitted on
    this story, raised by the share of named entities two statements have in common."""
    return similarities(units, mentions, (entity_weight,))[0]


def similarities(units: list[Unit], mentions: dict[str, list[Mention]] | None,
                 entity_weights: tuple[float, ...]) -> list[np.ndarray]:
    """``similarity`` at several entity weights, its parts computed once."""
    from storyline.tfidf import cosines

    texts = [_normalise(u.span.text) for u in units]
    words = cosines(texts, ngram_range=(1, 2), sublinear_tf=True, stop_words="english")
    chars = cosines(texts, analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    alike = 0.5 * words + 0.5 * chars
    overlap = _entity_overlap(units, mentions) if mentions else None
    figures = NUMBER_WEIGHT * _jaccard([set(_FIGURE.findall(t)) for t in texts]) if NUMBER_WEIGHT else 0.0
    return [np.clip((alike if overlap is None else (1 - w) * alike + w * overlap) + figures, 0.0, 1.0)
            for w in entity_weights]


def same_time_similarity(units: list[Unit], sim: np.ndarray, timexes: dict[str, list[Timex]]) -> np.ndarray:
    """The similarity claims are aligned on: 0 for statements that name days more than a week
    apart (``far_apart_in_time``). Conflicts keep the plain similarity: ``find_conflicts`` has its
    own test of time, on the dates of the events the statements tell."""
    return np.where(far_apart_in_time(units, timexes), 0.0, sim) if timexes else sim


def same_fact_similarity(units: list[Unit], sim: np.ndarray, facts: dict[int, list[Fact]], docs: dict | None,
                         threshold: float = SIMILARITY_THRESHOLD, below: float = FACT_SIGN_BELOW) -> np.ndarray:
    """The similarity claims are aligned on: 0 for cross-article pairs alike enough to be linked
    (from ``threshold``) but less than ``below`` that show no sign of stating one fact (a
    predicate in common, ``frames.same_fact_sign``, or a count of one action,
    ``_count_pair``): such pairs share the story's topic, not a fact. Only the statements of such
    pairs are parsed."""
    article = np.array([u.article_id for u in units])
    weak = (sim >= threshold) & (sim < below) & (article[:, None] != article[None, :])
    rows, cols = np.nonzero(np.triu(weak))
    if not len(rows):
        return sim
    frames = statement_frames(units, sorted(set(rows.tolist()) | set(cols.tolist())), docs)
    out = sim.copy()
    for i, j in zip(rows.tolist(), cols.tolist()):
        if not (same_fact_sign(frames[i], frames[j]) or _count_pair(facts.get(i, []), facts.get(j, []))):
            out[i, j] = out[j, i] = 0.0
    return out


def statement_frames(units: list[Unit], order: list[int], docs: dict | None) -> dict[int, Frame]:
    """Frames (``frames.frame_of``) of the given statements, from their parses."""
    return {i: frame_of(sent) for i, (sent, _) in zip(order, _parse(units, order, docs))}


def far_apart_in_time(units: list[Unit], timexes: dict[str, list[Timex]]) -> np.ndarray:
    """Pairs of statements that both name days and no day of one is within a week of a day of the
    other: reports of different events ("fired a missile over Hokkaido on Tuesday" and "... on
    Friday" of a launch two weeks later), however alike their words. The week is the span within
    which ``conflicts`` takes two dates for reports of one event."""
    import scipy.sparse as sp

    named = {a: _days_named(ts) for a, ts in timexes.items()}
    days = [_days_within(u, *named[u.article_id]) if u.article_id in named else set() for u in units]
    dated = [i for i, d in enumerate(days) if d]
    far = np.zeros((len(units), len(units)), dtype=bool)
    if len(dated) < 2:
        return far
    ordinal: dict[int, int] = {}
    rows, cols, near_rows, near_cols = [], [], [], []
    for r, i in enumerate(dated):
        for d in days[i]:
            rows.append(r)
            cols.append(ordinal.setdefault(d, len(ordinal)))
    every = sorted(ordinal)
    for r, i in enumerate(dated):  # the days named anywhere that are within a week of one it names
        for d in days[i]:
            lo, hi = bisect_left(every, d - NEAR_DAYS), bisect_right(every, d + NEAR_DAYS)
            near_rows += [r] * (hi - lo)
            near_cols += [ordinal[x] for x in every[lo:hi]]
    shape = (len(dated), len(ordinal))
    stated = sp.csr_array((np.ones(len(rows)), (rows, cols)), shape=shape)
    around = sp.csr_array((np.ones(len(near_rows)), (near_rows, near_cols)), shape=shape)
    far[np.ix_(dated, dated)] = (around @ stated.T).toarray() == 0  # no day of one near a day of the other
    return far


def _days_named(timexes: list[Timex]) -> tuple[list[int], list[tuple[int, int]]]:
    """An article's dates named to the day, in text order: (starts, [(end, day ordinal)])."""
    found = []
    for t in timexes:
        m = _DAY.match(t.value) if t.type == "DATE" else None
        if m:
            try:
                found.append((t.span.start, t.span.end, date(*map(int, m.groups())).toordinal()))
            except ValueError:  # "2017-02-30"
                continue
    found.sort()
    return [f[0] for f in found], [f[1:] for f in found]


def _days_within(unit: Unit, starts: list[int], ends_days: list[tuple[int, int]]) -> set[int]:
    """The days named inside a statement."""
    lo, hi = bisect_left(starts, unit.span.start), bisect_right(starts, unit.span.end)
    return {day for end, day in ends_days[lo:hi] if end <= unit.span.end}


def _jaccard(sets: list[set]) -> np.ndarray:
    """|a & b| / |a | b| of every two different sets (0 where either is empty, and on the
    diagonal), from the counts of shared items (a sparse product of exact integer counts)."""
    import scipy.sparse as sp

    out = np.zeros((len(sets), len(sets)))
    rows = [i for i, s in enumerate(sets) if s]
    if len(rows) < 2:
        return out
    item: dict = {}
    cols = [item.setdefault(x, len(item)) for i in rows for x in sets[i]]
    sizes = np.array([len(sets[i]) for i in rows], dtype=np.int64)
    member = sp.csr_array((np.ones(len(cols), dtype=np.int64), cols, np.concatenate([[0], np.cumsum(sizes)])),
                          shape=(len(rows), len(item)))
    shared = (member @ member.T).toarray()
    block = shared / (sizes[:, None] + sizes[None, :] - shared)
    np.fill_diagonal(block, 0.0)
    out[np.ix_(rows, rows)] = block
    return out


def _entity_overlap(units: list[Unit], mentions: dict[str, list[Mention]]) -> np.ndarray:
    """Jaccard overlap of the entities (``entity_key``) each statement names."""
    return _jaccard([{entity_key(m) for m in mentions.get(u.article_id, [])
                      if u.span.start <= m.span.start and m.span.end <= u.span.end} for u in units])


def entity_key(mention: Mention) -> str:
    """What a mention names, for comparing statements: a state, whether by its name or by its
    capital ("Washington and Tehran held talks" / "the United States and Iran held talks": news
    uses a capital for its government, as actor coding does), else the canonical entity, else the name."""
    from storyline.annotate.actors import country_of_state_name, is_capital

    if mention.type == "GPE" and mention.country and (country_of_state_name(mention.name) or is_capital(mention.name)):
        return "state:" + mention.country
    return mention.entity_id or mention.name.casefold()


# ----------------------------------------------------------------------------- clustering

def cluster(units: list[Unit], sim: np.ndarray, threshold: float = SIMILARITY_THRESHOLD,
            extra: list[tuple[float, int, int]] = (), cohesion: float = COHESION_FLOOR) -> list[list[int]]:
    """Groups of statements, one per article but for restatements (indices into ``units``).

    Edges join a statement to its best match in another article when that is mutual and the
    similarity reaches the threshold; strongest edges first, a join is refused when it would put
    two statements of one article in a claim, or when the two claims' other cross pairs read unlike
    (``cohesive``). Mutual best matches keep paraphrases that share few words; the one-per-article
    rule and the cohesion test stop chains that single linkage would build (a statement joined to
    one that joins a third it shares nothing with).
    ``extra`` edges (``count_edges``) are tried after all of those; then a statement left alone
    joins the claim of its best match elsewhere, when alike enough (``restatements``).
    """
    article = np.array([u.article_id for u in units])
    parent = list(range(len(units)))
    members = {i: {article[i]} for i in range(len(units))}
    held = {i: [i] for i in range(len(units))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in [*_edges(article, sim, threshold), *extra]:
        ri, rj = find(i), find(j)
        if ri != rj and not members[ri] & members[rj] and cohesive(sim, held[ri], held[rj], i, j, cohesion):
            parent[rj] = ri
            members[ri] |= members.pop(rj)
            held[ri] += held.pop(rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(units)):
        groups[find(i)].append(i)
    for i, j in restatements(article, sim, [len(groups[find(k)]) > 1 for k in range(len(units))]):
        groups[find(j)].append(i)
        del groups[i]
    return list(groups.values())


def cohesive(sim: np.ndarray, a: list[int], b: list[int], i: int, j: int,
             floor: float = COHESION_FLOOR) -> bool:
    """May claims ``a`` and ``b`` (statements of distinct articles) merge through the link i-j?
    Only if their other pairs read alike on average: one strong link between two claims that
    otherwise state different things is how chaining joins unrelated statements."""
    block = sim[np.ix_(a, b)]
    others = block.size - 1
    if others == 0:
        return True
    return (block.sum() - sim[i, j]) / others >= floor


def restatements(article: np.ndarray, sim: np.ndarray, grouped: list[bool],
                 threshold: float = RESTATEMENT_THRESHOLD) -> list[tuple[int, int]]:
    """(statement left alone, statement of another article it joins): a statement no claim took
    whose best match in any other article sits in a claim and is alike enough. Such a statement
    most often restates in its article what another of its statements already says in that claim
    (a photo caption repeating the body, a quote in the lead and again in full, a tweet and the
    sentence that reports it), and a claim takes one statement per article in the clustering."""
    grouped = np.asarray(grouped, dtype=bool)
    out = []
    for name in np.unique(article):  # one article at a time: a block of rows, not the whole matrix
        alone, others = np.flatnonzero((article == name) & ~grouped), np.flatnonzero(article != name)
        if len(alone) and len(others):
            block = sim[np.ix_(alone, others)]
            best = block.argmax(axis=1)
            j = others[best]
            keep = (block[np.arange(len(alone)), best] >= threshold) & grouped[j]
            out += zip(alone[keep].tolist(), j[keep].tolist())
    return sorted(out)


def _edges(article: np.ndarray, sim: np.ndarray, threshold: float) -> list[tuple[float, int, int]]:
    """Cross-article pairs above the threshold that are each other's best match in the other
    article, strongest first."""
    names, of = np.unique(article, return_inverse=True)
    best = np.empty((len(article), len(names)), dtype=np.int64)  # statement x article -> its best match there
    for k in range(len(names)):
        cols = np.flatnonzero(of == k)
        best[:, k] = cols[sim[:, cols].argmax(axis=1)]
    i = np.repeat(np.arange(len(article)), len(names))
    k = np.tile(np.arange(len(names)), len(article))
    j = best[i, k]
    keep = (of[i] != k) & (i < j) & (best[j, of[i]] == i) & (sim[i, j] >= threshold)
    i, j = i[keep], j[keep]
    return sorted(zip(sim[i, j].tolist(), i.tolist(), j.tolist()), key=lambda e: (-e[0], e[1], e[2]))


def count_edges(units: list[Unit], facts: dict[int, list[Fact]], sim: np.ndarray,
                floor: float = COUNT_EDGE_FLOOR) -> list[tuple[float, int, int]]:
    """Edges between statements of two outlets that count the same thing done ("posted four
    photos" / "posted three photos", "injuring 40" / "more than 50 injured"), whatever their
    figures, when each is the other's likeliest such statement in the other article. Such
    statements differ in the very words similarity weighs (the figures, often the actors), so
    reports that contradict each other would otherwise never meet in one claim."""
    by_key: dict[tuple, set[int]] = defaultdict(set)
    for i, fs in facts.items():
        for f in fs:
            if conflicts_mod.counts_an_action(f):
                by_key[(f.key[0], f.key[2])].add(i)
    pairs: set[tuple[int, int]] = set()
    for members in by_key.values():
        for i in members:
            for j in members:
                if i < j and units[i].outlet != units[j].outlet and sim[i, j] >= floor and _count_pair(facts[i], facts[j]):
                    pairs.add((i, j))
    best: dict[tuple[int, str], int] = {}
    for i, j in pairs:
        for a, b in ((i, j), (j, i)):
            k = (a, units[b].article_id)
            if k not in best or sim[a, b] > sim[a, best[k]]:
                best[k] = b
    edges = [(float(sim[i, j]), i, j) for i, j in pairs
             if best[(i, units[j].article_id)] == j and best[(j, units[i].article_id)] == i]
    return sorted(edges, key=lambda e: (-e[0], e[1], e[2]))


def _count_pair(a: list[Fact], b: list[Fact]) -> bool:
    return any(conflicts_mod.counts_an_action(fa) and conflicts_mod.comparable(fa, fb) for fa in a for fb in b)


# ----------------------------------------------------------------------------- facts

def _with_figures(units: list[Unit]) -> list[int]:
    """Statements with a number: their counts are compared across the whole story."""
    return [i for i, u in enumerate(units) if _HAS_NUMBER.search(u.span.text)]


def _in_shared_claims(units: list[Unit], clusters: list[list[int]]) -> set[int]:
    """Statements of claims that more than one outlet supports: only these can conflict as a claim."""
    return {i for m in clusters if len({units[j].outlet for j in m}) > 1 for i in m}


def unit_facts(units: list[Unit], order: list[int], named: dict[str, list[Named]],
               timexes: dict[str, list[Timex]], docs: dict | None) -> dict[int, list[Fact]]:
    """Facts of the given statements (indices into ``units``); only these are parsed."""
    if not order:
        return {}
    parsed = _parse(units, order, docs)
    out = {}
    for i, (sent, base) in zip(order, parsed):
        u = units[i]
        ents = named.get(u.article_id) or named_from_doc(sent, base)
        out[i] = extract(sent, base, ents, timexes.get(u.article_id, []))
    return out


def _parse(units: list[Unit], order: list[int], docs: dict | None) -> list[tuple]:
    """(spaCy span, offset of its text in the article) per statement: from the article's Doc when
    given, else a parse of the statement alone."""
    if docs:
        spans = []
        for i in order:
            u = units[i]
            doc = docs.get(u.article_id)
            span = doc.char_span(u.span.start, u.span.end, alignment_mode="expand") if doc is not None else None
            spans.append((span, 0) if span is not None else None)
        missing = [i for i, s in zip(order, spans) if s is None]
        fresh = iter(_parse(units, missing, None)) if missing else iter(())
        return [s if s is not None else next(fresh) for s in spans]
    from storyline.annotate import nlp

    texts = [units[i].span.text for i in order]
    return [(doc[:], units[i].span.start) for i, doc in zip(order, nlp.parse(texts))]


def _facts_by_article(facts: dict[int, list[Fact]], members, units: list[Unit]) -> dict[str, list[Fact]]:
    out: dict[str, list[Fact]] = defaultdict(list)
    for i in members:
        out[units[i].article_id] += facts.get(i, [])
    return dict(out)


def story_conflicts(units: list[Unit], facts: dict[int, list[Fact]], sim: np.ndarray, outlet_of: dict[str, str],
                    published: dict[str, str | None], floor: float = STORY_CONFLICT_FLOOR) -> list:
    """Conflicts between statements of different outlets anywhere in the story, whatever claims
    hold them: a claim takes one statement per article, so the sentence of an article that
    contradicts another outlet often sits in a claim of its own. Two counts are set against each
    other when they count the same thing done (same verb, same or generic noun: ``counts_an_action``)
    or name it fully (``strict_key``), and, for the looser match, their statements are alike
    (``floor``). An article that counts one thing with figures that disagree among themselves (outs
    in a game, a partial and a cumulative toll) counts several things: those are left out
    (``one_figure_each``), and ``find_conflicts`` leaves out an outlet that states the other's
    figure anywhere. A count of what was threatened or planned is left out too."""
    unit_of = {id(f): i for i, fs in facts.items() for f in fs}
    by_article = {a: [f for f in fs if counts_story_wide(f)]
                  for a, fs in _facts_by_article(one_figure_each(facts, units), range(len(units)), units).items()}

    def match(a: Fact, b: Fact) -> bool:
        if a.key == b.key and conflicts_mod.strict_key(a) and same_reading(a, b):
            return True
        i, j = unit_of.get(id(a)), unit_of.get(id(b))
        return (conflicts_mod.comparable(a, b) and i is not None and j is not None and sim[i, j] >= floor)

    return conflicts_mod.find_conflicts(by_article, outlet_of, match, published)


def counts_story_wide(fact: Fact) -> bool:
    """A count that can be set against another outlet's anywhere in the story: of something done
    (not threatened or planned), named by its verb and noun or by its action."""
    return fact.asserted and (conflicts_mod.strict_key(fact) or conflicts_mod.counts_an_action(fact))


def one_figure_each(facts: dict[int, list[Fact]], units: list[Unit]) -> dict[int, list[Fact]]:
    """The facts, less the counts of things an article counts with figures that disagree among
    themselves: outs and runs of several innings, a partial and a cumulative toll, an early and a
    later figure. Such an article counts several things (or tells an update), so none of its
    figures can be set against another outlet's as the one it gives."""
    by_article = _facts_by_article(facts, range(len(units)), units)

    def one_value(fact: Fact, article_facts: list[Fact]) -> bool:
        same = [f for f in article_facts if f.field == "number" and conflicts_mod.comparable(fact, f)]
        return all(conflicts_mod.compatible(fact, f) for f in same)

    return {i: [f for f in fs if f.field != "number" or one_value(f, by_article[units[i].article_id])]
            for i, fs in facts.items()}


# ----------------------------------------------------------------------------- records

def claim_record(story_id: str, units: list[Unit], members: list[int], sim: np.ndarray,
                 facts: dict[int, list[Fact]], outlet_of: dict[str, str], n_outlets: int,
                 story_groups: list, published: dict[str, str | None]) -> dict:
    rep = max(members, key=lambda i: (sim[i, members].sum(), -i))  # the most central statement
    groups = conflicts_mod.find_conflicts(_facts_by_article(facts, members, units), outlet_of, published=published)
    mine = {(units[i].article_id, f) for i in members for f in facts.get(i, [])}
    groups += [_own_first(g, mine) for g in story_groups if any(m in mine for m in g[1]) and g not in groups]
    conflicts = conflicts_mod.as_records(groups, published)
    outlets = {units[i].outlet for i in members}
    return {"id": stable_id(story_id, units[rep].article_id, str(units[rep].span.start), prefix="cl_"),
            "story_id": story_id,
            "statement": units[rep].span.text,
            "support": [{"article_id": units[i].article_id, "outlet": units[i].outlet_name,
                         "span": units[i].span.to_dict()} for i in sorted(members)],
            "status": status(len(outlets), n_outlets, any(c.get("kind") != "update" for c in conflicts)),
            "conflicts": conflicts}


def _own_first(group: tuple, mine: set) -> tuple:
    """A story-wide conflict as a claim shows it: each article's value from the claim's own
    statements when it has one there (a record shows one value per article)."""
    rep, members = group
    return rep, sorted(members, key=lambda m: m not in mine)


def status(outlets: int, story_outlets: int, conflict: bool) -> str:
    """conflict > single (one outlet) > consensus (most of the story's outlets) > partial."""
    if conflict:
        return "conflict"
    if outlets <= 1:
        return "single"
    return "consensus" if outlets * 2 > story_outlets else "partial"
