"""Learned attribution finder: linear models trained on PolNeAR (``benchmarks/train_quotes.py``).

The artifact is plain JSON (feature -> weight per model), so inference is a few dictionary
look-ups per candidate (summed in C by ``map``/``sum``; the parse is read once into ``Parsed``), needs no scikit-learn pickle (no version lock) and stays deterministic.
When the artifact is missing, ``load_model`` returns None and the rules are used instead.
"""
from __future__ import annotations

import functools
import gzip
import json
import math
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from typing import NamedTuple

import numpy as np
from spacy.tokens import Doc

from storyline.annotate.quotes import boundary as B
from storyline.annotate.quotes import candidates as C
from storyline.annotate.quotes import cueaware, encoder, spans
from storyline.annotate.quotes.artifacts import packaged
from storyline.annotate.quotes.lexicon import CUE_NOUNS
from storyline.annotate.quotes.marks import QuotedSpan
from storyline.annotate.quotes.parsed import Parsed
from storyline.annotate.quotes.rules import Attribution, Range, find_medium, frame_range, inside_quote, overlaps

# the fast model reads the parse only; the accurate one also the quote encoder's role
# probabilities (``encoder``), trained with them as features
ARTIFACTS = {"fast": "attribution.json.gz", "accurate": "attribution_accurate.json.gz"}
BOUNDARY_MODELS = ("start", "end", "content2")
# Share of each linear model's |weight| the packaged models keep at load (``heaviest``): 0.9 keeps
# ~330k of the fast model's 878k features, the quotes' CPU about 4% lower (paired A/B) and a worker
# ~40 MB smaller. 5-fold CV on 300 PolNeAR train articles, exact F1 Source / Cue / Content 0.711 /
# 0.658 / 0.540 -> 0.711 / 0.656 / 0.538 (0.95: 0.711 / 0.657 / 0.540; 0.8: 0.710 / 0.654 / 0.536);
# dev fast 0.767 / 0.708 / 0.576 -> 0.768 / 0.708 / 0.575. docs/benchmarks.md, "session 14, scale".
KEPT_MASS = 0.9
# Templates crossed with the cue's lemma, by the feature code (family) that builds them: a lean model
# is trained without those of the families its artifact names under "lean" (``benchmarks/train_quotes.py
# --lean FAMILY``), and ``Parsed.lean`` tells that code to skip them (the fast model is lean). 5-fold CV on
# 300 train articles, exact F1 Source / Cue / Content: 0.713 / 0.656 / 0.539 with all; without the boundary
# tagger's cl, cw 0.713 / 0.657 / 0.541. Not kept: also without the content rankers' lx, 0.713 / 0.654 / 0.537
# in CV but dev Cue -0.007; also without their kl, rtl, fwl 0.713 / 0.654 / 0.525. docs/benchmarks.md,
# "session 15, scale".
LEAN_TEMPLATES = {"boundary": ("cl", "cw")}


@dataclass(slots=True)
class Linear:
    """A logistic-regression scorer over string features."""

    weights: dict[str, float]
    bias: float = 0.0

    def scores(self, rows: list[list[str]]) -> list[float]:
        """One score per feature list. ``map``/``sum`` run the look-ups in C; measured faster than
        a numpy gather-and-sum at these sizes (tens of features, a few to a few hundred rows)."""
        get, zero, bias = self.weights.get, repeat(0.0), self.bias
        return [bias + sum(map(get, row, zero)) for row in rows]

    def probs(self, rows: list[list[str]]) -> list[float]:
        return [_sigmoid(s) for s in self.scores(rows)]

    def best(self, options: dict, featurize) -> object:
        """The option whose features score highest (ties: first in sorted order, deterministic)."""
        keys = list(options)
        scores = self.scores([featurize(o) for o in keys])
        return max(zip(scores, keys), key=lambda x: (x[0], _order(x[1])))[1]

    def to_dict(self) -> dict:
        return {"bias": self.bias, "weights": self.weights}


def heaviest(weights: dict[str, float], kept_mass: float) -> dict[str, float]:
    """The features of largest |weight| that together carry ``kept_mass`` of the model's total
    |weight| (with any tied with the lightest of them; all at 1.0). A relative cut, so it fits
    whatever artifact is packaged; most features are rare word-crossed ones with small weights."""
    if kept_mass >= 1.0 or not weights:
        return weights
    sizes = sorted(map(abs, weights.values()), reverse=True)
    carried = list(accumulate(sizes))
    cut = sizes[min(bisect_left(carried, kept_mass * carried[-1]), len(sizes) - 1)]
    return {f: w for f, w in weights.items() if abs(w) >= cut}


def _order(option) -> tuple:
    """A deterministic tie-break that prefers earlier, shorter options."""
    if option is None:
        return (0,)
    flat = option if isinstance(option[0], int) else option[0]
    return (1, -flat[0], -flat[1])


def cue_gate(p: Parsed, i: int, cue_lemmas: frozenset[str] | set[str]) -> bool:
    """Whether word ``i`` goes to the cue models at all (``QuoteModel.may_be_cue``; training applies the same gate
    with the lemmas it has seen as cues)."""
    lemma = p.lemma[i]
    return (p.pos[i] in ("VERB", "AUX") or p.lower[i] == ":" or lemma in cue_lemmas or lemma in CUE_NOUNS
            or encoder.likely_cue(p, i))


@dataclass(slots=True)
class QuoteModel:
    cue: Linear
    content: Linear
    source: Linear
    span: Linear
    threshold: float = 0.5
    # stacked cue decision: words whose first-stage cue probability reaches ``gate`` are decided by
    # ``cue2``, which also sees the best content the content ranker finds for them
    cue2: Linear | None = None
    gate: float = 0.05
    # content boundary tagger (``boundary``: token start/end models) and the content ranker that
    # also sees its output, used for the final content of an accepted cue
    start: Linear | None = None
    end: Linear | None = None
    content2: Linear | None = None
    encoder: bool = False  # trained with the encoder's features: needs them at inference
    lean: tuple[str, ...] = ()  # families trained without ``LEAN_TEMPLATES``: not built (``Parsed.lean``)
    # inference-only economies (0: off; see ``choose_content``): the content candidates the pre-ranker
    # keeps a would-be cue, and the content ranker's margin (best score less the second) from which
    # the boundary tagger is not run and the ranker's pick stands
    keep: int = 0
    sure_margin: float = 0.0
    # the accurate mode's neural span scorer and the weight of its score beside content2's
    # (``spans.load_scorer``); not part of the JSON artifact
    spans: tuple | None = field(default=None, repr=False, compare=False)
    source_spans: tuple | None = field(default=None, repr=False, compare=False)  # the same for the source ranker
    # the neural cue scorer, its weight beside cue2's logit and the mixed decision's threshold
    # (``spans``, role "cue"; ``neural_cue_probs``)
    cue_spans: tuple | None = field(default=None, repr=False, compare=False)
    _cue_lemmas: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._cue_lemmas = frozenset(f[2:] for f, w in self.cue.weights.items() if f.startswith("l=") and w > 0.0)

    def may_be_cue(self, p: Parsed, i: int) -> bool:
        """A cheap gate: verbs and colons are scored; other words only when their lemma was seen
        as a cue in training (a positive lemma weight) or is a reporting noun, which skips most
        nouns quickly."""
        return cue_gate(p, i, self._cue_lemmas)

    def to_dict(self) -> dict:
        stacked = {"cue2": self.cue2.to_dict(), "gate": self.gate} if self.cue2 is not None else {}
        stacked |= {k: getattr(self, k) for k in ("keep", "sure_margin") if getattr(self, k)}
        optional = {k: getattr(self, k).to_dict() for k in BOUNDARY_MODELS if getattr(self, k) is not None}
        return {"threshold": self.threshold, "encoder": self.encoder, "lean": list(self.lean), **stacked, **optional,
                **{k: getattr(self, k).to_dict() for k in ("cue", "content", "source", "span")}}

    @classmethod
    def from_dict(cls, d: dict, kept_mass: float = 1.0) -> "QuoteModel":
        """``kept_mass`` below 1: each linear model keeps only its heaviest weights (``heaviest``)."""
        def linear(part: dict) -> Linear:
            return Linear(heaviest(part["weights"], kept_mass), part["bias"])

        cue2 = linear(d["cue2"]) if "cue2" in d else None
        optional = {k: linear(d[k]) for k in BOUNDARY_MODELS if k in d}
        return cls(**{k: linear(d[k]) for k in ("cue", "content", "source", "span")},
                   threshold=d.get("threshold", 0.5), cue2=cue2, gate=d.get("gate", 0.05),
                   encoder=d.get("encoder", False), lean=tuple(d.get("lean", ())), keep=d.get("keep", 0),
                   sure_margin=d.get("sure_margin", 0.0), **optional)

    @property
    def tagged(self) -> bool:
        return self.start is not None and self.end is not None and self.content2 is not None


@functools.lru_cache(maxsize=2)
def load_model(mode: str = "fast") -> QuoteModel | None:
    """The packaged model of ``mode`` (``ARTIFACTS``), or None when its artifact is absent."""
    raw = packaged(ARTIFACTS[mode])
    if raw is None:
        return None
    model = QuoteModel.from_dict(json.loads(gzip.decompress(raw)), kept_mass=KEPT_MASS)
    if model.encoder and encoder.available():
        model.spans = cueaware.load_scorer() or spans.load_scorer("content")  # the cue-aware one when packaged
        model.source_spans = spans.load_scorer("source")
        model.cue_spans = spans.load_scorer("cue")
    return model


def find_attributions(doc: Doc, text: str, quotes: list[QuotedSpan], model: QuoteModel,
                      parsed: Parsed | None = None) -> list[Attribution]:
    """Attributions whose cue the model accepts, with the best content, source and cue span."""
    p = parsed or Parsed(doc)
    p.lean = frozenset(model.lean)
    index = C.QuoteIndex(quotes)
    candidates = [i for i in range(p.n) if C.is_cue_candidate(p, i) and model.may_be_cue(p, i)]
    features = [C.cue_features(p, i, index) for i in candidates]
    first = model.cue.scores(features)
    probs = [_sigmoid(s) for s in first]
    chosen: dict[int, tuple] = {}
    picked: dict[int, tuple] = {}  # word -> its sources and pick, when the neural cue scorer made them
    threshold = model.threshold
    if model.cue2 is not None:
        kept = [(f, i) for f, i, pr in zip(features, candidates, probs) if pr >= model.gate]
        kept_first = [s for s, pr in zip(first, probs) if pr >= model.gate]
        for _, i in kept:
            chosen[i] = choose_content(p, i, text, quotes, index, model)
        candidates = [i for _, i in kept]
        probs = model.cue2.probs([f + stacked_features(p, i, chosen[i].score, chosen[i].kinds) for f, i in kept])
        mixed = neural_cue_probs(p, text, index, model, kept, kept_first, probs, chosen, picked)
        if mixed is not None:
            probs, threshold = mixed, model.cue_spans[2]
    scored = sorted(((pr, i) for pr, i in zip(probs, candidates) if pr >= threshold), key=lambda x: -x[0])
    steps = {i: content_step(p, i, text, quotes, index, model, chosen.get(i), picked.get(i)) for _, i in scored}
    extras = article_span_scores(p, steps, quotes, model.spans)
    result: list[Attribution] = []
    for _, i in scored:
        if any(a.cue[0] <= p.idx[i] < a.cue[1] for a in result):
            continue  # a word inside a stronger cue's span ("went on to name")
        att = finish_attribution(p, i, text, quotes, steps[i], extras.get(i), model)
        if att is not None:
            result.append(att)
    return sorted(result, key=lambda a: a.cue[0])


class Chosen(NamedTuple):
    """A would-be cue's content candidates, their rows (``content_rows``) and the content ranker's
    pick with its score and kinds; ``tagged_sums``: the tagger-aware ranker's (``content2``) sums over
    the same rows, found by the same look-ups (``content_scores``), or None without that ranker;
    ``dropped``: the candidates the pre-ranker left out, with their kinds; ``margin``: the pick's
    score less the second best (None with one candidate)."""

    contents: dict
    rows: list[list[str]]
    content: object
    score: float | None
    kinds: set[str]
    tagged_sums: list[float] | None
    dropped: dict | None = None
    margin: float | None = None


def choose_content(p: Parsed, i: int, text: str, quotes: list[QuotedSpan], index: C.QuoteIndex,
                   model: QuoteModel) -> Chosen:
    """The content ranker's choice among the cue's candidates (``Chosen``). With ``model.keep``, a
    pre-ranker (the ranker's own weights over the cheap ``C.content_kind_features``) keeps the
    ``keep`` best candidates before their costly ``C.content_edge_features``: the kept candidates'
    scores are those of their full rows to the bit (the sums go on from the partial ones)."""
    contents = C.content_candidates(p, i, text, quotes)
    nest = C.nesting(contents)
    options = list(contents)
    kinds = [C.content_kind_features(p, i, o, contents[o], text, index, nest.get(o)) for o in options]
    get, zero = _content_lookup(model)
    partial = [sum(map(get, row, zero)) for row in kinds]
    kept = prerank(options, partial, model.keep)
    rows = [kinds[k] + C.content_edge_features(p, i, options[k], text) for k in kept]
    sums = [sum(map(get, row[len(kinds[k]):], zero), partial[k]) for k, row in zip(kept, rows)]
    scores, tagged_sums = _split_sums(model, sums)
    chosen = {options[k]: contents[options[k]] for k in kept}
    dropped = {o: contents[o] for o in options if o not in chosen}
    return Chosen(chosen, rows, *pick_scored(chosen, scores), tagged_sums, dropped, _margin(scores))


def prerank(options: list, partial: list, keep: int) -> list[int]:
    """Positions of the ``keep`` options of highest partial score (the content ranker's part; ties:
    ``_order``), in candidate order; all of them when ``keep`` is 0 or not fewer."""
    if not keep or len(options) <= keep:
        return list(range(len(options)))
    best = sorted(range(len(options)), key=lambda k: (-partial[k].real, _order(options[k])))
    return sorted(best[:keep])


def _margin(scores: list[float]) -> float | None:
    """The best score less the second best, or None with fewer than two."""
    if len(scores) < 2:
        return None
    first, second = sorted(scores, reverse=True)[:2]
    return first - second


def _content_lookup(model: QuoteModel):
    """The look-up of the content ranker's weights (with the tagger-aware ranker's as the
    imaginary part when there is one, ``B.paired_weights``) and its zero."""
    if model.content2 is None:
        return model.content.weights.get, repeat(0.0)
    return B.paired_weights(model.content, model.content2).get, repeat(0j)


def _split_sums(model: QuoteModel, sums: list) -> tuple[list[float], list[float] | None]:
    """The content ranker's scores and the tagger-aware ranker's sums (``_content_lookup``)."""
    bias = model.content.bias
    if model.content2 is None:
        return [bias + s for s in sums], None
    return [bias + s.real for s in sums], [s.imag for s in sums]


def content_scores(model: QuoteModel, rows: list[list[str]]) -> tuple[list[float], list[float] | None]:
    """The content ranker's scores of ``rows`` and the tagger-aware ranker's sums (no bias) over
    the same features: the accepted cues' candidates are scored by both, and one look-up in the
    paired weights (``B.paired_weights``) gives both, to the bit as two look-ups would."""
    get, zero = _content_lookup(model)
    return _split_sums(model, [sum(map(get, row, zero)) for row in rows])


def neural_cue_probs(p: Parsed, text: str, index: C.QuoteIndex, model: QuoteModel, kept: list[tuple],
                     first: list[float], probs: list[float], chosen: dict[int, Chosen],
                     picked: dict[int, tuple] | None = None) -> list[float] | None:
    """The stacked cue probabilities ``probs`` of the ``kept`` (features, word) mixed with the
    neural cue scorer's (``spans.cue_inputs``: the encoder's states at the word, its first-stage
    score ``first``, its best content and best source): sigmoid(logit(cue2) + weight * scorer), or
    None without the scorer or states. ``picked`` receives each word's ``source_pick``, which
    ``content_step`` then need not make again."""
    if model.cue_spans is None or not kept:
        return None
    net, weight = model.cue_spans[:2]
    picked = {} if picked is None else picked
    rows = []
    for (_, i), score in zip(kept, first):
        picked[i] = source_pick(p, i, text, model)
        pick = chosen[i]
        inputs = spans.cue_inputs(p, i, index, score, pick.content, pick.score, pick.kinds, picked[i][1])
        if inputs is None:
            return None
        rows.append(inputs)
    vectors, scalars = (np.concatenate(part) for part in zip(*rows))
    return [_sigmoid(_logit(pr) + weight * s) for pr, s in zip(probs, spans.scores(net, (vectors, scalars)))]


def _logit(pr: float) -> float:
    pr = min(max(pr, 1e-9), 1.0 - 1e-9)
    return math.log(pr / (1.0 - pr))


def _sigmoid(s: float) -> float:
    """The logistic function, without overflow."""
    return 1.0 / (1.0 + math.exp(min(-s, 700.0)))


class ContentStep(NamedTuple):
    """What ``find_attributions`` knows of a cue before the content span scorer: the content
    ranker's pick (``Chosen``), the source candidates and pick, and, when the boundary tagger ran,
    the tagger-aware candidates with their ranker scores (``tagged``; None when the pick is sure)."""

    chosen: Chosen
    sources: dict
    source: Range | None
    tagged: tuple[dict, list[float]] | None


def content_step(p: Parsed, i: int, text: str, quotes: list[QuotedSpan], index: C.QuoteIndex, model: QuoteModel,
                 chosen: Chosen | None = None, picked: tuple | None = None) -> ContentStep:
    """The cue's ``ContentStep``. ``chosen``: the content ranker's pick, when the stacked cue model
    has made it already; ``picked``: the word's ``source_pick``, when the neural cue scorer has."""
    if chosen is None:
        chosen = choose_content(p, i, text, quotes, index, model)
    sources, source = picked or source_pick(p, i, text, model)
    tagged = None
    if model.tagged and not _sure(model, chosen):
        tags = B.tag(p, i, text, model.start, model.end)
        contents, rows, tag_rows, fresh = tagger_candidates(p, i, text, index, chosen.contents, chosen.rows, tags,
                                                            chosen.dropped)
        tagged = (contents, tagged_scores(model.content2, rows, tag_rows, chosen.tagged_sums, fresh))
    return ContentStep(chosen, sources, source, tagged)


def article_span_scores(p: Parsed, steps: dict[int, ContentStep], quotes: list[QuotedSpan], scorer: tuple | None
                        ) -> dict[int, list[float] | None]:
    """The content span scorer's weighted scores of each tagged step's candidates, by cue word:
    the cue-aware scorer reads all of the article's windows in one call, the span scorer per cue."""
    asked = {i: step.tagged[0] for i, step in steps.items() if step.tagged is not None and step.tagged[0]}
    if scorer is None or not asked:
        return {}
    net, weight = scorer
    if not getattr(net, "reads_windows", False):
        return {i: span_scores(p, i, contents, quotes, scorer) for i, contents in asked.items()}
    raw = cueaware.article_candidate_scores(net, p, list(asked.items()), quotes)
    return {} if raw is None else {i: [weight * s for s in r] for i, r in zip(asked, raw)}


def finish_attribution(p: Parsed, i: int, text: str, quotes: list[QuotedSpan], step: ContentStep,
                       extra: list[float] | None, model: QuoteModel) -> Attribution | None:
    """The attribution of a cue from its ``ContentStep`` and the span scorer's weighted scores of
    its tagged candidates (``extra``), or None without a content or when the content names a source."""
    content, contents = step.chosen.content, step.chosen.contents
    source = step.source
    if step.tagged is not None:
        contents, scores = step.tagged
        content = _keep_clause(contents, content, _pick_apart_from(contents, scores, source, extra))
    if content is None:
        return None
    if C.names_a_source(p, i, content):
        return None
    spans = C.cue_span_candidates(p, i, text, content)
    cue = model.span.best(spans, lambda o: C.cue_span_features(p, i, text, o, spans[o]))
    head = step.sources[source][0]
    weak = {r for r in content if "quote" in contents[content] and len(contents[content]) == 1}
    token = p.token(i)
    att = Attribution(cue=cue, cue_token=token, contents=list(content), frame=frame_range(p, i, head),
                      nested=False, weak=weak, source=source, source_token=None if head is None else p.token(head))
    att.medium = None if p.lower[i] == "according" or p.pos[i] != "VERB" else find_medium(token)
    att.nested = inside_quote(att.frame, quotes)
    return att


def _sure(model: QuoteModel, chosen: Chosen) -> bool:
    """Whether the content ranker's pick stands without the boundary tagger: its margin over the
    second best reaches ``model.sure_margin`` (a lone candidate counts as sure)."""
    return model.sure_margin > 0.0 and (chosen.margin is None or chosen.margin >= model.sure_margin)


def source_pick(p: Parsed, i: int, text: str, model: QuoteModel) -> tuple[dict, Range | None]:
    """The word's source candidates and the source ranker's choice among them."""
    sources = C.source_candidates(p, i, text)
    return sources, pick_source(p, i, text, sources, model)


def pick_source(p: Parsed, i: int, text: str, sources: dict, model: QuoteModel) -> Range | None:
    """The source ranker's choice, with the neural source scorer's scores added when the
    accurate mode has it (``spans``, role "source")."""
    extra = span_scores(p, i, sources, [], model.source_spans, "source")
    if extra is None:
        return model.source.best(sources, lambda o: C.source_features(p, i, text, o, *sources[o]))
    rows = [C.source_features(p, i, text, o, *sources[o]) for o in sources]
    return pick_content(sources, rows, model.source, extra)[0]


def span_scores(p: Parsed, i: int, candidates: dict, quotes: list[QuotedSpan], scorer: tuple | None,
                role: str = "content") -> list[float] | None:
    """The neural span scorer's weighted scores of the candidates of ``role`` (``spans``), or
    None without the scorer or the encoder's states. (A cue-aware scorer is asked once per article
    by ``article_span_scores``.)"""
    if scorer is None:
        return None
    net, weight = scorer
    inputs = spans.inputs(role, p, i, candidates, quotes)
    raw = None if inputs is None else spans.scores(net, inputs)
    return None if raw is None else [weight * s for s in raw]


def _pick_apart_from(contents: dict, scores: list[float], source: Range | None, extra: list[float] | None = None):
    """The best-scoring candidate among those that do not overlap the source: a tagger span may
    be the speaker's own name ("but Netanyahu has long been skeptical of ..."). ``extra``: scores
    added to the ranker's ``scores`` (the span scorer's)."""
    if source is not None:
        keep = [k for k, o in enumerate(contents) if not any(overlaps(r, source) for r in o)]
        options = list(contents)
        contents, scores = {options[k]: contents[options[k]] for k in keep}, [scores[k] for k in keep]
        extra = None if extra is None else [extra[k] for k in keep]
    return pick_scored(contents, scores, extra)[0]


def _keep_clause(contents: dict, clause, choice):
    """The tagger-aware ranker's ``choice``, unless it is a quotation inside the complement clause
    the content ranker chose: in a mixed quote ("wrote that "nothing was agreed," aside from ...")
    PolNeAR takes the clause, and the tagger, which has learned that contents often end at a
    closing quote mark, pulls towards the bare quotation."""
    if clause is None or choice is None or clause == choice:
        return choice
    nest = C.nesting({clause: contents[clause], choice: contents[choice]})
    return clause if nest.get(choice) == "in_clause" else choice


def content_rows(p: Parsed, i: int, text: str, quotes: list[QuotedSpan], index: C.QuoteIndex,
                 tags: B.Tags | None = None) -> tuple[dict, list[list[str]]]:
    """The cue's content candidates and their features, in candidate order; with the boundary
    tagger's output (``tags``, see ``with_tags``)."""
    contents = C.content_candidates(p, i, text, quotes)
    nest = C.nesting(contents)
    rows = [C.content_features(p, i, o, contents[o], text, index, nest.get(o)) for o in contents]
    return (contents, rows) if tags is None else with_tags(p, i, text, index, contents, rows, tags)


def with_tags(p: Parsed, i: int, text: str, index: C.QuoteIndex, contents: dict, rows: list[list[str]],
              tags: B.Tags) -> tuple[dict, list[list[str]]]:
    """The tagger's spans as extra candidates (a candidate also proposed by the parse gets the
    tagger's kinds too) and its probabilities at every candidate's edges as extra features."""
    contents, rows, tag_rows, _ = tagger_candidates(p, i, text, index, contents, rows, tags)
    return contents, [row + tagged for row, tagged in zip(rows, tag_rows)]


def tagger_candidates(p: Parsed, i: int, text: str, index: C.QuoteIndex, contents: dict, rows: list[list[str]],
                      tags: B.Tags, dropped: dict | None = None
                      ) -> tuple[dict, list[list[str]], list[list[str]], set[int]]:
    """``with_tags`` in parts: the candidates, their parse rows, their tagger rows and the
    positions of the parse rows made here (the others are ``rows``' own). A tagger span is never a
    quotation or a clause (``C.content_kind``), so ``nesting`` of the parse's candidates is
    unchanged and their rows are reused. ``dropped``: parse candidates the pre-ranker left out; a
    tagger span equal to one gets its parse kinds back."""
    extra = C.proposal_candidates(p, i, text, B.proposals(p, tags))
    contents, rows, dropped = dict(contents), list(rows), dropped or {}
    position = {o: k for k, o in enumerate(contents)}
    for o, kinds in extra.items():
        if o in position:
            contents[o] = contents[o] | kinds
        else:
            position[o] = len(rows)
            contents[o] = dropped.get(o, set()) | kinds
            rows.append([])
    nest = C.nesting(contents) if extra else {}
    for o in extra:
        rows[position[o]] = C.content_features(p, i, o, contents[o], text, index, nest.get(o))
    tag_rows = [B.features(p, tags, o, C.content_kind(contents[o])) for o in contents]
    return contents, rows, tag_rows, {position[o] for o in extra}


def tagged_scores(ranker: Linear, rows: list[list[str]], tag_rows: list[list[str]], sums: list[float] | None,
                  fresh: set[int]) -> list[float]:
    """The tagger-aware ranker's scores of ``rows`` + ``tag_rows`` (as ``ranker.scores`` of the
    joined rows, to the bit: ``sum`` goes on adding in the same order), with its ``sums`` over the
    rows it has from ``content_scores``; the ``fresh`` rows and all without ``sums`` are summed here."""
    get, zero, bias = ranker.weights.get, repeat(0.0), ranker.bias
    known = len(sums) if sums is not None else 0
    parts = [sums[k] if k < known and k not in fresh else sum(map(get, row, zero)) for k, row in enumerate(rows)]
    return [bias + sum(map(get, tagged, zero), part) for part, tagged in zip(parts, tag_rows)]


def pick_content(contents: dict, rows: list[list[str]], ranker: Linear, extra: list[float] | None = None
                 ) -> tuple[object, float | None, set[str]]:
    """The best-scoring candidate (ties: ``_order``), its score and kinds; (None, None, {}) without
    any. ``extra``: scores added to the ranker's, one per candidate."""
    return pick_scored(contents, ranker.scores(rows) if contents else [], extra)


def pick_scored(contents: dict, scores: list[float], extra: list[float] | None = None
                ) -> tuple[object, float | None, set[str]]:
    """``pick_content`` with the ranker's ``scores`` given."""
    if not contents:
        return None, None, set()
    if extra is not None:
        scores = [a + b for a, b in zip(scores, extra, strict=True)]
    score, content = max(zip(scores, contents), key=lambda x: (x[0], _order(x[1])))
    return content, score, contents[content]


def stacked_features(p: Parsed, i: int, score: float | None, kinds: set[str]) -> list[str]:
    """What the content ranker found for a would-be cue: how sure it is of its best content and
    what kind of candidate that is (a complement clause, a quotation, an "according to" object).
    A verb with a clear clause or quotation to report is a cue more often than one without."""
    if score is None:
        return ["s2=none", f"s2l={p.lemma[i]}|none"]
    kind = C.content_kind(kinds)
    level = str(max(-6, min(6, math.floor(score * 2))))
    lex = C.lexicon_class(p.lemma[i])
    return [f"s2k={kind}", f"s2s={level}", f"s2ks={kind}|{level}", f"s2xs={lex}|{level}",
            f"s2xk={lex}|{kind}", f"s2l={p.lemma[i]}|{kind}", f"s2p={p.pos[i]}|{kind}|{level}"]
