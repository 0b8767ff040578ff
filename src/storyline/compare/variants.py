"""Quote variant groups: one statement as reported by different articles of a story.

Outlets quote one statement verbatim, cut to a fragment, paraphrased or translated differently
("nothing definitive reached" / "nothing final was achieved"). Pairs of quotes from different
articles of one story are scored on what survives such rewording: character n-gram TF-IDF
(morphology, spelling), IDF-weighted overlap of content words cut to a short prefix (fragments,
inflection), and the same for the quote's neighbourhood in its article (who, where, when, the
sentence around a short quote). The four similarities weigh the same, plus small bonuses for a
shared speaker, quotation marks and length: a logistic regression on the hand-labelled pairs of
``benchmarks/quote_variants.py`` ("fit" half) gave near-equal weights, and equal ones generalise.
Speakers must be compatible: two different resolved entities veto a pair unless the wording is
near-verbatim (attribution differs across outlets); quotes of fewer than MIN_WORDS content words
never match ("the launch"). Pairs above ``THRESHOLD`` are joined greedily, best first, into
groups in which each article contributes one statement: one quote, pieces of one quote, or the
same statement quoted twice (a lead, then the body), but never two different statements; two
groups merge only when they read alike as wholes (``GROUP_FLOOR``), so a fragment matching two
different statements does not chain them into one group.
A statement one sentence tells in several contents of one speaker (an interrupted quotation, a
report continued by a participle or a coordinated verb: "said ..., adding that ...") is scored
also as one whole, its parts' contents joined: another outlet quotes it whole, and its parts alone
may read too little like that. Parts without a group of their own take the whole's; quotes stay as
extracted.
No library matches quotations across documents; the vectors are scikit-learn's.
"""
from __future__ import annotations

import functools
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyline.tfidf import TfidfVectorizer

THRESHOLD = 0.6
GROUP_FLOOR = 0.3        # least mean likeness of two groups' other cross-article pairs for them to merge (fit half)
NEIGHBOUR_BONUS = 0.05    # added when the neighbouring quotes of both articles match too
CANDIDATE = 0.2           # char cosine below which a pair is not scored at all
NEAR_VERBATIM = 0.8       # char cosine above which attribution may differ
CANDIDATE_BLOCK = 256     # quotes whose candidate pairs are computed together
MAX_PARTNERS = 30         # most similar texts of other articles each quote is scored against
COPIES_LINKED = 3         # quotes of one such text it is scored against (copies join through each other)
MIN_WORDS = 2             # content words below which a quote never matches
CONTEXT_CHARS = 240       # neighbourhood taken on each side of a quote, within its paragraph
PREFIX = 6                # content words compared on their first letters ("insisted"/"insistence")
GRAM = 4                  # character n-grams of the containment score

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_STOP = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "say", "told", "added", "according"}

SpeakerOf = Callable[[dict], "str | None"]


@dataclass(slots=True)
class _View:
    """What scoring needs of one quote."""

    id: str
    article_id: str
    story: str
    start: int
    end: int
    quoted: bool
    cue: int | None
    entity: str | None
    speaker_words: frozenset[str]
    content: str
    context: str
    words: frozenset[str]
    context_words: frozenset[str]
    grams: frozenset[str]
    statement: str | None = None  # the whole's id, for the parts of one statement and the whole itself
    parts: tuple[str, ...] = ()   # a whole's parts (``_whole``); empty for a quote

    def signature(self) -> tuple:
        """What a pair's score depends on: views with one signature (copies of an article, a
        statement repeated word for word) score alike against anything."""
        return self.content, self.context, self.entity, self.speaker_words, self.quoted


def assign_variant_groups(quotes: list[dict], article_texts: dict[str, str], story_of: dict[str, str],
                          speaker_entity: SpeakerOf | None = None) -> dict[str, str]:
    """Quote id -> variant group id, for quotes whose statement is also quoted by another article
    of their story. ``quotes`` are quotes.jsonl dicts; ``speaker_entity`` maps a quote to its
    speaker's corpus entity id (default: ``speaker.entity_id``)."""
    entity_of = speaker_entity or _stored_entity
    by_story: dict[str, list[dict]] = defaultdict(list)
    for q in quotes:
        story = story_of.get(q["article_id"])
        if story is not None:
            by_story[story].append(q)
    groups: dict[str, str] = {}
    for story, story_quotes in by_story.items():
        if len({q["article_id"] for q in story_quotes}) > 1:  # a one-article story has no variants
            story_views = _story_views(story_quotes, story, article_texts, entity_of)
            scorer = _Scorer(story_views)
            joined = _join(story_views, _edges(scorer), scorer.repeats, scorer.cohesive)
            for members in _parts_for_wholes(joined, story_views):
                gid = group_id(members)
                groups.update((m, gid) for m in members)
    return groups


def _story_views(quotes: list[dict], story: str, texts: dict[str, str], entity_of: SpeakerOf) -> list[_View]:
    """The story's quotes, then one whole per statement a sentence tells in several contents
    (``statements``): other outlets quote such a statement as one, and its parts alone may be too
    short to match them."""
    views = {q["id"]: _view(q, story, texts.get(q["article_id"], ""), entity_of) for q in quotes}
    wholes = []
    for parts in statements(quotes, texts):
        whole = _whole([views[q["id"]] for q in parts], texts.get(parts[0]["article_id"], ""))
        for q in parts:
            views[q["id"]].statement = whole.id
        wholes.append(whole)
    return [*views.values(), *wholes]


def _parts_for_wholes(joined: list[list[str]], views: list[_View]) -> list[list[str]]:
    """The groups with each whole replaced by its parts: a part grouped on its own keeps its group
    (the whole's group did not pass the cohesion test with it, so they stay apart); a part without
    one takes the whole's."""
    by_id = {v.id: v for v in views}
    grouped = {m for members in joined for m in members if not by_id[m].parts}
    out = []
    for members in joined:
        ids = {m for m in members if not by_id[m].parts}
        for m in members:
            ids.update(p for p in by_id[m].parts if p not in grouped)
        out.append(sorted(ids))
    return out


def _edges(scorer: "_Scorer") -> list[tuple[float, str, str]]:
    """Cross-article pairs scoring at least THRESHOLD. Only pairs sharing some wording are
    scored (CANDIDATE char cosine, one sparse product per story); a pair whose previous or next
    quotes in both articles also match gets NEIGHBOUR_BONUS: outlets quoting one passage of a
    statement keep its order, so a loosely paraphrased sentence is carried by its neighbour."""
    scores: dict[tuple[str, str], float] = {}
    for a, b, char in scorer.candidates():
        scores[a.id, b.id] = scores[b.id, a.id] = scorer.score(a, b, char)
    neighbours = _neighbours(scorer.views)
    edges = []
    for (x, y), score in scores.items():
        if x < y:
            near = any(scores.get((nx, ny), 0.0) >= THRESHOLD
                       for nx, ny in zip(neighbours[x], neighbours[y]) if nx and ny)
            if score + NEIGHBOUR_BONUS * near >= THRESHOLD:
                edges.append((score, x, y))
    return edges


def _neighbours(views: list[_View]) -> dict[str, tuple[str | None, str | None]]:
    """Quote id -> ids of the previous and next quote of its article; a whole's are those before
    its first part and after its last."""
    by_article: dict[str, list[_View]] = defaultdict(list)
    for v in views:
        if not v.parts:
            by_article[v.article_id].append(v)
    out = {}
    for vs in by_article.values():
        ids = [None, *(v.id for v in sorted(vs, key=lambda v: (v.start, v.end))), None]
        out.update((ids[k], (ids[k - 1], ids[k + 1])) for k in range(1, len(ids) - 1))
    for v in views:
        if v.parts:
            out[v.id] = (out[v.parts[0]][0], out[v.parts[-1]][1])
    return out


def group_id(member_ids: Iterable[str]) -> str:
    """Stable across runs: a hash of the group's earliest member id."""
    return "g_" + hashlib.sha1(min(member_ids).encode("utf-8")).hexdigest()[:16]


def _stored_entity(quote: dict) -> str | None:
    return (quote.get("speaker") or {}).get("entity_id")


# ----------------------------------------------------------------------------- views

def _view(q: dict, story: str, text: str, entity_of: SpeakerOf) -> _View:
    start, end = q["content"]["start"], q["content"]["end"]
    content = text[start:end] if text else q["content"]["text"]
    context = _neighbourhood(text, start, end) if text else content
    speaker = q.get("speaker") or {}
    cue = q.get("cue")
    names = frozenset(w.lower() for w in _WORD.findall(speaker.get("text") or "") if w[:1].isupper())
    return _View(id=q["id"], article_id=q["article_id"], story=story, start=start, end=end,
                 quoted=q.get("kind") != "indirect", cue=cue["start"] if cue else None, entity=entity_of(q),
                 speaker_words=names, content=content, context=context, words=_stem_set(content),
                 context_words=_stem_set(context), grams=_grams(content, GRAM))


def _whole(parts: list[_View], text: str) -> _View:
    """One statement told in several contents of a sentence, as one view: its parts' contents
    joined (without the reporting words between them) and the neighbourhood of all of them."""
    first, last = parts[0], parts[-1]
    content = " ".join(p.content for p in parts)
    context = _neighbourhood(text, first.start, last.end) if text else content
    return _View(id=f"{first.id}+{last.id}", article_id=first.article_id, story=first.story, start=first.start,
                 end=last.end, quoted=any(p.quoted for p in parts), cue=None, entity=first.entity,
                 speaker_words=first.speaker_words, content=content, context=context, words=_stem_set(content),
                 context_words=_stem_set(context), grams=_grams(content, GRAM),
                 statement=f"{first.id}+{last.id}", parts=tuple(p.id for p in parts))


def _neighbourhood(text: str, start: int, end: int) -> str:
    """The quote with up to CONTEXT_CHARS around it, inside its paragraph: the attribution
    frame (speaker, medium, occasion) that outlets keep when they reword the quote itself."""
    lo = max(text.rfind("\n", 0, start) + 1, start - CONTEXT_CHARS)
    hi = text.find("\n", end)
    hi = min(len(text) if hi < 0 else hi, end + CONTEXT_CHARS)
    return text[lo:hi]


@functools.lru_cache(maxsize=8192)
def _stem_set(text: str) -> frozenset[str]:
    """Cached: copies of an article repeat every quote and neighbourhood."""
    return frozenset(stems(text))


def stems(text: str) -> list[str]:
    """Lower-cased content words cut to PREFIX letters, without a plural s: a cheap stemmer that
    joins inflections and derivations ("negotiations" / "negotiate", "preferred" / "preference")."""
    out = []
    for w in _WORD.findall(text.lower().replace("’", "'")):
        if w in _STOP or len(w) < 2:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w[:PREFIX])
    return out


# ----------------------------------------------------------------------------- statements told in parts

# A sentence break: end punctuation, closing quotes, space, and a capital or an opening quote.
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+[\"'“‘(]*[A-Z]|\n")
# What stands right before the verb of a report continued with the same subject: a conjunction
# ("... and said that", "... but warned") or, for a participle, a comma (", adding that",
# ", while reiterating that", a quotation's closing mark after it); an adverb may come between
# ("and also said").
_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:(?:also|then|later|even)\s+)?$", re.IGNORECASE)
_PARTICIPLE = re.compile(r",[\"'”’]*\s+(?:while\s+)?$", re.IGNORECASE)


def statements(quotes: list[dict], texts: dict[str, str]) -> list[list[dict]]:
    """Runs of two or more quotes, each run from one article, that tell one statement: consecutive
    contents of one sentence whose reports are one (``_continues``). Outlets that quote the
    statement as a whole cannot match its parts one by one."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for q in quotes:
        by_article[q["article_id"]].append(q)
    runs = []
    for article_id, qs in by_article.items():
        text = texts.get(article_id, "")
        run: list[dict] = []
        for q in sorted(qs, key=lambda q: (q["content"]["start"], q["content"]["end"])):
            if run and not (text and _continues(run[-1], q, text)):
                runs.append(run)
                run = []
            run.append(q)
        runs.append(run)
    return [r for r in runs if len(r) > 1]


def _continues(a: dict, b: dict, text: str) -> bool:
    """Whether quote ``b`` goes on with ``a``'s statement: in the same sentence, after it, with the
    same speaker, either a piece of one interrupted quotation (one cue) or a report continued by
    its subject (the cue between them, a participle or a verb coordinated with the first report's:
    "said ..., adding that ...", "confirmed ... but said ..."). A clause with a subject of its own
    ("..., and he said") or a relative clause ("X, who vowed ..., said ...") is another report."""
    end, start = a["content"]["end"], b["content"]["start"]
    if end > start or not _same_speaker(a, b) or _SENTENCE_BREAK.search(text, max(end - 1, 0), start + 1):
        return False
    cue_a, cue_b = a.get("cue"), b.get("cue")
    if cue_a and cue_b and cue_a["start"] == cue_b["start"]:
        return True
    if not cue_b or not end <= cue_b["start"] < start:
        return False
    before = text[end:cue_b["start"]]
    if _COORDINATED.search(before):
        return True
    return bool(_PARTICIPLE.search(before)) and cue_b["text"].lower().endswith("ing")


def _same_speaker(a: dict, b: dict) -> bool:
    """One source: the same speaker span (a continued report takes its subject's) or mention."""
    sa, sb = a.get("speaker") or {}, b.get("speaker") or {}
    span_a, span_b = sa.get("span"), sb.get("span")
    if span_a and span_b and (span_a["start"], span_a["end"]) == (span_b["start"], span_b["end"]):
        return True
    return bool(sa.get("key")) and sa.get("key") == sb.get("key")


# ----------------------------------------------------------------------------- scoring

class _Scorer:
    """Pair scores within one story. Character TF-IDF and word IDF are fitted on the story's
    quotes alone (how rare a word is among them, so words every outlet uses for the story,
    "drone", "missile", weigh less than the words of one statement); a story's groups therefore
    do not change when other stories do, which lets the pipeline regroup only changed stories."""

    def __init__(self, views: list[_View]):
        self.views = views
        self.index = {v.id: i for i, v in enumerate(views)}
        # fitted on the quotes alone: a whole (its parts' words again) weighs no word, so the other
        # quotes' scores do not change with it; wholes come after the quotes (``_story_views``)
        quotes = [v for v in views if not v.parts]
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=True)
        self.chars = chars.fit_transform([v.content for v in quotes])
        if len(quotes) < len(views):
            self.chars = sp.vstack([self.chars, chars.transform([v.content for v in views[len(quotes):]])]).tocsr()
        self.idf = _idf(quotes)
        for whole in views[len(quotes):]:  # a word only a whole's wider neighbourhood holds: as if one quote held it
            for w in whole.words | whole.context_words:
                self.idf.setdefault(w, math.log((1 + len(quotes)) / 2) + 1.0)
        signatures: dict[tuple, int] = {}
        self.signature_of = [signatures.setdefault(v.signature(), len(signatures)) for v in views]
        self.scores: dict[tuple[int, int], float] = {}
        self.alike: dict[tuple[int, int], float] = {}

    def candidates(self) -> Iterable[tuple[_View, _View, float]]:
        """Pairs of quotes from different articles whose character cosine reaches CANDIDATE,
        with that cosine. Each quote is paired with quotes of its ``MAX_PARTNERS`` most similar
        texts (a pair counts when either side keeps it; ties go to the earlier quote), at most
        ``COPIES_LINKED`` quotes of each text: copies of one text (wire copies, a statement every
        outlet quotes verbatim) score alike and join through each other, so they neither crowd out
        the other texts nor multiply the pairs. A story of thousands of quotes costs in proportion
        to them, and the similarity product runs over its distinct texts."""
        views = self.views
        numbers: dict[str, int] = {}
        article = [numbers.setdefault(v.article_id, len(numbers)) for v in views]
        quotes_of: dict[str, list[int]] = defaultdict(list)  # distinct texts in order of first quote
        for i, v in enumerate(views):
            quotes_of[v.content.lower()].append(i)
        members = list(quotes_of.values())
        first_member = np.array([m[0] for m in members])
        # a quote skips only texts quoted in its own article: texts ranked beyond this are never reached
        reach = MAX_PARTNERS + max(Counter(article).values())
        rows = self.chars[first_member]
        pairs: dict[tuple[int, int], float] = {}
        for first in range(0, len(members), CANDIDATE_BLOCK):
            # one block of rows at a time: nearly every pair of texts shares some character
            # n-gram, so the whole product of a big story would not fit in memory
            sims = (rows[first:first + CANDIDATE_BLOCK] @ rows.T).tocoo()
            keep = sims.data >= CANDIDATE
            t, u, data = sims.row[keep] + first, sims.col[keep], sims.data[keep]
            order = np.lexsort((first_member[u], -data, t))  # per text, most similar first (ties: earlier quote)
            t, u, data = t[order], u[order], data[order]
            near = np.arange(len(t)) - np.searchsorted(t, t, side="left") < reach
            similar: dict[int, list[tuple[int, float]]] = defaultdict(list)
            for text, other, sim in zip(t[near].tolist(), u[near].tolist(), data[near].tolist()):
                similar[text].append((other, sim))
            for text, others in similar.items():
                for i in members[text]:
                    for j, sim in _partners(i, others, members, article):
                        pairs[min(i, j), max(i, j)] = sim
        for (i, j), sim in sorted(pairs.items()):
            yield views[i], views[j], sim

    def repeats(self, a: _View, b: _View) -> bool:
        """Whether two quotes of one article are the same statement told twice (a lead that
        quotes it, then the body): scored as a cross-article pair would be."""
        return self.score(a, b, self.char(a, b)) >= THRESHOLD

    def cohesive(self, gx: frozenset[str], gy: frozenset[str], by_id: dict[str, "_View"], link: tuple[str, str]) -> bool:
        """Whether two groups read alike as wholes: the mean ``likeness`` of their cross-article
        pairs other than the ``link`` that proposes the merge reaches GROUP_FLOOR. Single links
        alone chain different statements on one topic through a fragment that matches both ("the
        dredging of the north channel" inside two different statements about it). Summed over
        distinct signatures (copies of a report score alike), less the pairs within an article."""
        sx, sy = self._by_signature(gx, by_id), self._by_signature(gy, by_id)
        total = sum(len(xs) * len(ys) * self.likeness(xs[0], ys[0]) for xs in sx.values() for ys in sy.values())
        pairs = len(gx) * len(gy)
        articles = defaultdict(list)
        for y in gy:
            articles[by_id[y].article_id].append(by_id[y])
        for x in gx:
            for b in articles.get(by_id[x].article_id, ()):
                total -= self.likeness(by_id[x], b)
                pairs -= 1
        total -= self.likeness(by_id[link[0]], by_id[link[1]])
        pairs -= 1
        return pairs <= 0 or total / pairs >= GROUP_FLOOR

    def _by_signature(self, group: frozenset[str], by_id: dict[str, "_View"]) -> dict[int, list["_View"]]:
        out: dict[int, list[_View]] = defaultdict(list)
        for m in group:
            out[self.signature_of[self.index[m]]].append(by_id[m])
        return out

    def likeness(self, a: _View, b: _View) -> float:
        """How alike two quotes read (the mean of the score's four similarities), whoever the
        speakers: the link that merges two groups has passed the speaker test, and a speaker
        misread elsewhere in a group ("Valmora" for the minister) must not split a statement."""
        key = self._signatures(a, b)
        if key not in self.alike:
            f = self.features(a, b, self.char(a, b))
            self.alike[key] = (f["char"] + f["contain"] + f["words"] + f["context"]) / 4
        return self.alike[key]

    def _signatures(self, a: _View, b: _View) -> tuple[int, int]:
        return self.signature_of[self.index[a.id]], self.signature_of[self.index[b.id]]

    def char(self, a: _View, b: _View) -> float:
        """Character cosine of one pair (``candidates`` gives it for all pairs at once)."""
        return float(self.chars[self.index[a.id]].multiply(self.chars[self.index[b.id]]).sum())

    def features(self, a: _View, b: _View, char: float) -> dict[str, float]:
        small, large = (a, b) if len(a.words) <= len(b.words) else (b, a)
        return {"char": char,
                "contain": _containment(small.grams, large.grams),
                "words": self._overlap(a.words, b.words, self.idf),
                "context": self._overlap(a.context_words, b.context_words, self.idf, symmetric=True),
                "speaker": _speaker_match(a, b),
                "quoted": (a.quoted + b.quoted) / 2,
                "n": float(min(len(a.words), len(b.words)))}

    def score(self, a: _View, b: _View, char: float) -> float:
        """The pair's score, computed once per pair of signatures."""
        key = self._signatures(a, b)
        if key not in self.scores:
            self.scores[key] = self._score(a, b, char)
        return self.scores[key]

    def _score(self, a: _View, b: _View, char: float) -> float:
        f = self.features(a, b, char)
        if f["n"] < MIN_WORDS:
            return 0.0
        if f["speaker"] < 0:
            return 1.0 if f["char"] >= NEAR_VERBATIM and f["n"] >= 4 else 0.0
        return ((f["char"] + f["contain"] + f["words"] + f["context"]) / 4 + 0.05 * f["speaker"]
                + 0.08 * f["quoted"] + 0.15 * min(f["n"], 8) / 8)

    @staticmethod
    def _overlap(a: frozenset[str], b: frozenset[str], idf: dict[str, float], symmetric: bool = False) -> float:
        """IDF mass of shared words over that of the smaller side (a fragment quoted by one outlet
        is contained in the full quote of another), or of the union when ``symmetric``."""
        shared = sum(idf[w] for w in a & b)
        if symmetric:
            total = sum(idf[w] for w in a | b)
        else:
            total = min(sum(idf[w] for w in a), sum(idf[w] for w in b))
        return shared / total if total else 0.0


def _partners(i: int, similar: list[tuple[int, float]], members: list[list[int]],
              article: list[int]) -> Iterable[tuple[int, float]]:
    """Quote ``i``'s partners in other articles: up to ``COPIES_LINKED`` quotes of each of its
    ``MAX_PARTNERS`` most similar texts (``similar``: ``(text, cosine)``, most similar first)."""
    texts = 0
    for u, sim in similar:
        linked = 0
        for j in members[u]:
            if article[j] != article[i]:
                yield j, sim
                linked += 1
                if linked == COPIES_LINKED:
                    break
        texts += linked > 0
        if texts == MAX_PARTNERS:
            return


def _idf(views: list[_View]) -> dict[str, float]:
    df: dict[str, int] = defaultdict(int)
    for v in views:
        for w in v.words | v.context_words:
            df[w] += 1
    n = len(views)
    return {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}


def _speaker_match(a: _View, b: _View) -> float:
    """1 same entity, 0.5 a shared name word ("Okesola" / "Kudirat Okesola": entity resolution
    may have split them), 0 unknown, -1 two different entities."""
    if a.entity and a.entity == b.entity:
        return 1.0
    if a.speaker_words & b.speaker_words:
        return 0.5
    return -1.0 if a.entity and b.entity else 0.0


def _containment(small: frozenset[str], large: frozenset[str]) -> float:
    """Share of the shorter quote's character n-grams found in the longer one: near 1 for a
    verbatim fragment, low for a paraphrase."""
    return len(small & large) / len(small) if small else 0.0


@functools.lru_cache(maxsize=8192)
def _grams(text: str, n: int) -> frozenset[str]:
    t = " ".join(_WORD.findall(text.lower().replace("’", "'")))
    return frozenset(t[k:k + n] for k in range(len(t) - n + 1))


# ----------------------------------------------------------------------------- grouping

def _join(views: list[_View], edges: list[tuple[float, str, str]],
          repeats: Callable[[_View, _View], bool],
          cohesive: Callable[[frozenset[str], frozenset[str], dict[str, _View], tuple[str, str]], bool]
          ) -> list[list[str]]:
    """Greedy constrained single link: best pairs first; two groups merge only when no article
    would then contribute two different statements (pieces of one interrupted quote, and one
    statement an article quotes twice, are one)."""
    by_id = {v.id: v for v in views}
    group_of = {v.id: frozenset([v.id]) for v in views}
    for _, x, y in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        gx, gy = group_of[x], group_of[y]
        if gx is gy or not _compatible(gx, gy, by_id, repeats):
            continue
        if len(gx) + len(gy) > 2 and not cohesive(gx, gy, by_id, (x, y)):  # two quotes: the link alone
            continue
        merged = gx | gy
        for m in merged:
            group_of[m] = merged
    unique = {id(g): g for g in group_of.values() if len(g) > 1}
    return [sorted(g) for g in unique.values() if len({by_id[m].article_id for m in g}) > 1]


def _compatible(gx: frozenset[str], gy: frozenset[str], by_id: dict[str, _View],
                repeats: Callable[[_View, _View], bool]) -> bool:
    return all(_pieces(by_id[x], by_id[y]) or repeats(by_id[x], by_id[y]) for x in gx for y in gy
               if by_id[x].article_id == by_id[y].article_id)


def _pieces(a: _View, b: _View) -> bool:
    """Two quotes of one article that are one statement: fragments of an interrupted quote
    (one cue), overlapping spans, or parts of one statement a sentence tells (and its whole)."""
    return (a.cue is not None and a.cue == b.cue) or (a.start < b.end and b.start < a.end) \
        or (a.statement is not None and a.statement == b.statement)
