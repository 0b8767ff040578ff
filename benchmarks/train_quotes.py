"""Train the attribution model (``storyline.annotate.quotes.learned``) on PolNeAR train.

Four linear models over string features (``quotes.candidates``): a logistic regression for cue
head tokens, and rankers choosing the content, the source and the cue span among candidates
(conditional logits, a softmax over one gold cue's candidates; a candidate is positive when it
equals the gold span after the scorer's normalisation), and a second-stage cue model that also sees
the best content the content ranker finds for the word (``stacked_cue_rows``; its content scores are
out-of-fold, so it learns how the ranker behaves on articles it was not fitted on). Deterministic:
sorted inputs, liblinear and L-BFGS from zero weights.

    python benchmarks/train_quotes.py --lean boundary  # fit on train, write the fast model's artifact
    python benchmarks/train_quotes.py --encoder       # the accurate model's (with the encoder's features)
    python benchmarks/train_quotes.py --cv 5 --no-save  # grouped cross-validation on train only
    python benchmarks/train_quotes.py --cv 5 --no-save --thresholds 0.4 0.45 0.5  # choose THRESHOLD
    python benchmarks/train_quotes.py --cv 5 --no-save --kept-mass 1 0.95 0.9  # choose learned.KEPT_MASS
    python benchmarks/train_quotes.py --cv 5 --no-save --drop content:lx  # a feature template's worth

Parsed documents come from the benchmark's cache (``quotes_polnear.parsed_docs``).
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks._report import report  # noqa: E402
from benchmarks.quotes_polnear import (  # noqa: E402
    ROLES, Scores, load_split, normalise, parsed_docs, predicted_attributions, score_article)

ARTIFACTS = {False: ROOT / "src" / "storyline" / "data" / "quotes" / "attribution.json.gz",
             True: ROOT / "src" / "storyline" / "data" / "quotes" / "attribution_accurate.json.gz"}
# with the quote encoder's role probabilities as features (``--encoder``: the accurate model); the
# train articles get out-of-fold probabilities from benchmarks/train_quote_encoder.py
ENCODER = False
MODELS = ("cue", "content", "source", "span")
# the content boundary tagger (``quotes.boundary``: token start and end models) and the content
# ranker that sees its output (trained on out-of-fold tagger outputs, ``tagged_content_examples``)
TAG_MODELS = ("start", "end", "content2")
TAG = True
# inverse L2 strengths. Content 1.0 scored a little higher in 5-fold CV on 300 train articles (Content exact
# F1 0.529 vs 0.527; 3.0: 0.525) but chose the bare quotation over the clause holding it in the seed mixed
# quote (tests/test_quotes.py::test_seed_mixed_quote), so it stays 0.3
C_VALUES = {"cue": 0.3, "content": 0.3, "source": 0.3, "span": 0.3, "start": 0.3, "end": 0.3, "content2": 0.3}
# rankers trained as a softmax over each cue's candidates (value: L2 penalty); the content ranker
# stays a pointwise logistic regression (C_VALUES): its softmax version, a little better at picking
# the gold candidate, chose a bare quotation over the complement clause that holds it (the mixed
# quote of tests/test_quotes.py)
RANKERS = {"source": 1.0, "span": 1.0}
# cue probability for an attribution: 0.45 and 0.5 tie on Content F1 in cross-validation; the
# lower one finds more Sources and Cues
THRESHOLD = 0.45
# first-stage cue probability below which a word is not sent to the second stage (inference only:
# the second stage is trained on every candidate). Each word sent costs its content candidates and
# their features, most of the quote extraction's time: on PolNeAR dev 0.05, 0.15 and 0.2 give the
# same exact F1 (Source 0.767, Cue 0.708, Content 0.576; 0.3 loses 0.001 of Cue) while quote
# extraction on corpus articles drops by about a sixth from 0.05 to 0.2 (docs/benchmarks.md, "session 8, quotes cost").
# 0.45 (session 15): 23% fewer words past the gate on 300 corpus articles (3,330 -> 2,559 from 0.2; 2,774 at 0.35),
# about -14% of quotes CPU; 5-fold CV on 300 train articles with the lean fast model, exact F1 Source / Cue /
# Content 0.713 / 0.658 / 0.541 at 0.35, 0.713 / 0.659 / 0.540 at 0.45, 0.705 / 0.654 / 0.535 at 0.55 (and with
# the content rankers' lx dropped too, 0.2 / 0.3 / 0.35 alike); docs/benchmarks.md, "session 15, scale"
GATE = 0.45
# the accurate model keeps 0.2, at which its CV, dev and neural cue scorer were measured (sessions 10-14): its
# cost is the encoder's, which the gate does not change
GATE_ACCURATE = 0.2
# inference-only economies of the fast model (``learned.QuoteModel.keep`` and ``sure_margin``, 0: off): the
# content candidates the pre-ranker keeps (of ~12.5 a gated word on corpus articles), and the content
# ranker's margin from which the boundary tagger is skipped (~38% of the cues). 5-fold CV on 300 train
# articles (``--keeps``, ``--sure-margins``), exact F1 Source / Cue / Content: full 0.713 / 0.659 / 0.540; keep 6
# 0.713 / 0.659 / 0.539 (5: 0.538, 8: 0.540); margin 2.0 0.713 / 0.659 / 0.541 (1.0: 0.713 / 0.658 / 0.539);
# both 0.713 / 0.659 / 0.539; quotes CPU about -25% (docs/benchmarks.md, "session 16, scale")
KEEP = 6
SURE_MARGIN = 2.0
# second-stage cue model (``stacked_cue_rows``) and the folds of its out-of-fold content scores
STACK = True
STACK_FOLDS = 5
# feature templates left out of training (``--drop``), by the feature code that builds them:
# "content:lx" drops ``lx=...`` from the content rankers (content, content2), "cue:ld" from both cue
# models, "boundary:cw" from the start and end taggers. A dropped template gets no weight, so the
# fold models score as if the feature code never built it (how a template is chosen for removal)
DROP: dict[str, set[str]] = {}
# the feature families of a lean model (``--lean``): trained without their ``learned.LEAN_TEMPLATES``,
# and marked so, so that inference does not build them (the fast model)
LEAN: tuple[str, ...] = ()
FAMILIES = {"cue": ("cue",), "content": ("content", "content2"), "boundary": ("start", "end"),
            "source": ("source",), "span": ("span",)}


@dataclass
class Examples:
    """Feature lists and labels per model; ``groups`` is the article index (for CV)."""

    rows: dict[str, list[tuple[list[str], int, int, int]]] = field(
        default_factory=lambda: {m: [] for m in (*MODELS, *TAG_MODELS)})
    queries: int = 0

    def add(self, model: str, features: list[str], label: bool, group: int, query: int = -1) -> None:
        """``query`` numbers one cue's candidates (the rankers' softmax runs over them)."""
        self.rows[model].append((features, int(label), group, query))


def gold_head(doc, frags):
    """The token of a gold cue whose syntactic head lies outside the cue (its head word)."""
    toks = [t for s, e in frags for t in (doc.char_span(s, e, alignment_mode="expand") or [])]
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    return heads[0] if heads else None


def gold_heads(doc, p, gold) -> dict:
    """Gold attributions by the token heading their cue (cue candidates only)."""
    from storyline.annotate.quotes import candidates as C

    by_head = {}
    for att in gold:
        head = gold_head(doc, att.roles["Cue"]) if "Cue" in att.roles else None
        if head is not None and C.is_cue_candidate(p, head.i):
            by_head.setdefault(head.i, att)
    return by_head


def article_examples(ex: Examples, group: int, doc, text: str, gold) -> None:
    from storyline.annotate.quotes import boundary as B
    from storyline.annotate.quotes import candidates as C
    from storyline.annotate.quotes.marks import scan_quotes
    from storyline.annotate.quotes.parsed import Parsed

    quotes = scan_quotes(text)
    index = C.QuoteIndex(quotes)
    p = Parsed(doc)
    by_head = gold_heads(doc, p, gold)
    for i in range(p.n):
        if C.is_cue_candidate(p, i):
            ex.add("cue", C.cue_features(p, i, index), i in by_head, group)
    for i, att in sorted(by_head.items()):
        gold_content = normalise(text, att.roles.get("Content", ()))
        if gold_content:
            _add_boundaries(ex, group, B, p, i, text, gold_content)
        contents = C.content_candidates(p, i, text, quotes)
        nest = C.nesting(contents)
        _add_ranked(ex, "content", group, {o: normalise(text, o) == gold_content for o in contents},
                    lambda o: C.content_features(p, i, o, contents[o], text, index, nest.get(o)))
        sources = C.source_candidates(p, i, text)
        _add_ranked(ex, "source", group, source_labels(text, att, sources),
                    lambda o: C.source_features(p, i, text, o, *sources[o]))
        spans = C.cue_span_candidates(p, i, text, gold_content or None)
        gold_cue = normalise(text, att.roles["Cue"])
        _add_ranked(ex, "span", group, {o: normalise(text, (o,)) == gold_cue for o in spans},
                    lambda o: C.cue_span_features(p, i, text, o, spans[o]))


def source_labels(text: str, att, sources: dict) -> dict:
    """Source candidate -> whether it is the gold source (None: the gold has no source)."""
    gold_source = normalise(text, att.roles["Source"]) if "Source" in att.roles else ()
    return {o: (normalise(text, (o,)) if o else ()) == gold_source for o in sources}


def _add_boundaries(ex: Examples, group: int, B, p, i: int, text: str, gold_content) -> None:
    """Token rows of the boundary tagger: is this token the first (last) of the gold content?"""
    first, last = p.token_at(gold_content[0][0]), p.token_at(gold_content[-1][1] - 1)
    starts, ends = B.window(p, i)
    rows = dict(zip(ends, B.token_features(p, i, text, ends)))
    if first in rows and first in starts:
        for t in starts:
            ex.add("start", rows[t], t == first, group)
    if last in rows:
        for t in ends:
            ex.add("end", rows[t], t == last, group)


def tagged_content_examples(ex: Examples, articles, docs, folds: int, record: list | None = None) -> None:
    """Rows of the content ranker that sees the boundary tagger (``content2``), each article's
    tagger output from start/end models fitted without its fold (article i in fold i mod
    ``folds``), so the ranker learns how the tagger does on articles it has not seen. ``record``
    collects (article, cue word, candidates, rows, labels) per gold cue (the span scorer's
    training, ``train_quote_spans.py``)."""
    from storyline.annotate.quotes import boundary as B
    from storyline.annotate.quotes import candidates as C
    from storyline.annotate.quotes.learned import content_rows
    from storyline.annotate.quotes.marks import scan_quotes
    from storyline.annotate.quotes.parsed import Parsed

    taggers = {j: [fit_linear(ex.rows[m], m, {g for g in range(len(articles)) if g % folds != j})
                   for m in ("start", "end")] for j in range(folds)}
    for group, ((_, text, gold), doc) in enumerate(zip(articles, docs, strict=True)):
        p, quotes = Parsed(doc), scan_quotes(text)
        index = C.QuoteIndex(quotes)
        for i, att in sorted(gold_heads(doc, p, gold).items()):
            gold_content = normalise(text, att.roles.get("Content", ()))
            contents, rows = content_rows(p, i, text, quotes, index, B.tag(p, i, text, *taggers[group % folds]))
            row_of = dict(zip(contents, rows))
            labels = {o: normalise(text, o) == gold_content for o in contents}
            _add_ranked(ex, "content2", group, labels, row_of.__getitem__)
            if record is not None:
                record.append((group, i, contents, rows, list(labels.values())))


def _add_ranked(ex: Examples, model: str, group: int, labels: dict, featurize) -> None:
    """Rankers learn only from cues whose gold span is among the candidates."""
    if any(labels.values()):
        ex.queries += 1
        for option, label in labels.items():
            ex.add(model, featurize(option), label, group, ex.queries)


def fit(ex: Examples, groups: set[int] | None = None, stacked: list | None = None):
    """The four models on the articles in ``groups`` (all when None); with ``stacked`` rows
    (``stacked_cue_rows``), also the second-stage cue model."""
    from storyline.annotate.quotes.learned import QuoteModel

    linears = {name: fit_linear(ex.rows[name], name, groups) for name in MODELS}
    if TAG and ex.rows["content2"]:
        linears.update({name: fit_linear(ex.rows[name], name, groups) for name in TAG_MODELS})
    cue2 = fit_linear(stacked, "cue", groups) if stacked is not None else None
    keep, sure_margin = default_economy()
    return QuoteModel(**linears, threshold=THRESHOLD, cue2=cue2, gate=default_gate(), encoder=ENCODER, lean=LEAN,
                      keep=keep, sure_margin=sure_margin)


def fit_linear(rows, name: str, groups: set[int] | None = None):
    """One linear model over (features, label, group, query) rows of the articles in ``groups``."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from storyline.annotate.quotes.learned import Linear

    rows = [r for r in rows if groups is None or r[2] in groups]
    dropped = DROP.get(name, set())
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys((f for f in r[0] if f.split("=", 1)[0] not in dropped), 1)
                           for r in rows]).tocsr()
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")  # liblinear wants 32-bit
    y = [r[1] for r in rows]
    if name in RANKERS:
        coef, bias = fit_softmax(x, y, [r[3] for r in rows], RANKERS[name]), 0.0
    else:
        clf = LogisticRegression(C=C_VALUES[name], solver="liblinear", random_state=0, max_iter=1000)
        clf.fit(x, y)
        coef, bias = clf.coef_[0], float(clf.intercept_[0])
    weights = {f: round(float(w), 4) for f, w in zip(vec.get_feature_names_out(), coef) if abs(w) >= 1e-3}
    return Linear(weights, round(bias, 4))


def stacked_cue_rows(ex: Examples, articles, docs, folds: int, outer: list[int | None], record=None) -> dict:
    """Second-stage cue rows without leakage: each article's content scores come from content
    rankers fitted without its fold (and, inside cross-validation, without the outer held-out
    fold too). Returns outer fold (None: the final model) -> rows over all candidate words of the
    other articles (cue features + ``learned.stacked_features``, label, article). ``record(group,
    p, i, text, quotes, index, cue features, contents, content rows, label)`` is called for every
    gated word (the neural cue scorer's training, ``train_quote_spans.py --role cue``)."""
    from storyline.annotate.quotes import candidates as C
    from storyline.annotate.quotes.learned import content_rows, cue_gate, pick_content, stacked_features
    from storyline.annotate.quotes.marks import scan_quotes
    from storyline.annotate.quotes.parsed import Parsed

    rankers = {}
    for k in outer:
        for j in range(folds):
            if j != k:
                held = {j, k}
                rankers[(j, k)] = fit_linear(ex.rows["content"], "content",
                                             {g for g in range(len(articles)) if g % folds not in held})
    lemmas = {r[0][0][2:] for r in ex.rows["cue"] if r[1]}  # "l=<lemma>" of gold cue words
    rows: dict = {k: [] for k in outer}
    for group, ((_, text, gold), doc) in enumerate(zip(articles, docs, strict=True)):
        j, p, quotes = group % folds, Parsed(doc), scan_quotes(text)
        index, heads = C.QuoteIndex(quotes), gold_heads(doc, p, gold)
        for i in range(p.n):
            if not (C.is_cue_candidate(p, i) and cue_gate(p, i, lemmas)):
                continue
            cue = C.cue_features(p, i, index)
            contents, features = content_rows(p, i, text, quotes, index)
            if record is not None:
                record(group, p, i, text, quotes, index, cue, contents, features, i in heads)
            for k in outer:
                if k != j:
                    _, score, kinds = pick_content(contents, features, rankers[(j, k)])
                    rows[k].append((cue + stacked_features(p, i, score, kinds), int(i in heads), group, -1))
    return rows


def fit_softmax(x, y, queries, l2: float):
    """Weights of a conditional logit over each cue's candidates: maximise the probability of the
    gold candidates (softmax within one query) with an L2 penalty. A ranker trained on the
    choice it makes, where a pointwise logistic regression scores each candidate alone."""
    import numpy as np
    from scipy.optimize import minimize

    y = np.asarray(y, dtype=float)
    q = np.asarray(queries)
    starts = np.flatnonzero(np.r_[True, q[1:] != q[:-1]])
    owner = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(q)]))
    xt = x.T.tocsr()

    def loss(w):
        s = x @ w
        m = np.maximum.reduceat(s, starts)
        e = np.exp(s - m[owner])
        z, g = np.add.reduceat(e, starts), np.add.reduceat(e * y, starts)
        value = float(np.sum(np.log(z) - np.log(g))) + 0.5 * l2 * float(w @ w)
        grad = xt @ (e / z[owner] - e * y / g[owner]) + l2 * w
        return value, grad

    res = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return res.x


def evaluate(model, articles, docs, indices) -> Scores:
    from storyline.annotate.quotes import extract_quotes

    scores = {"all": Scores(), "speech verbs": Scores()}
    for i in indices:
        name, text, gold = articles[i]
        quotes = extract_quotes(docs[i], text, name, None, model=model)
        score_article(scores, docs[i], text, gold, predicted_attributions(quotes))
    return scores["all"]


def build(articles, docs) -> Examples:
    ex = Examples()
    for group, ((_, text, gold), doc) in enumerate(zip(articles, docs, strict=True)):
        article_examples(ex, group, doc, text, gold)
    return ex


def train_examples(limit: int | None = None):
    """PolNeAR train articles, their (cached) parses and the training examples built from them."""
    articles = load_split("train", limit)
    docs = parsed_docs("train", articles)
    if ENCODER:
        from benchmarks.train_quote_encoder import attach_cached

        attach_cached("train", articles, docs, "oof")
    return articles, docs, build(articles, docs)


def cross_validate(ex: Examples, articles, docs, folds: int, thresholds: list[float] | None = None,
                   write: bool = True, masses: list[float] | None = None, gates: list[float] | None = None,
                   economies: list[tuple[int, float]] | None = None) -> None:
    """Grouped k-fold scores on train; with several ``thresholds``, one row per cue threshold
    (the fold models are fitted once), which is how THRESHOLD is chosen without touching dev;
    likewise ``masses``: the fold models pruned at load as the packaged one is
    (``QuoteModel.from_dict``'s ``kept_mass``, how ``learned.KEPT_MASS`` is chosen), and ``gates``
    (the first-stage cue probability that sends a word to the second stage, ``GATE``) and ``economies``
    ((``KEEP``, ``SURE_MARGIN``) pairs)."""
    from dataclasses import replace

    from storyline.annotate.quotes.learned import QuoteModel

    variants = [(t, m, g, e) for t in thresholds or [THRESHOLD] for m in masses or [1.0]
                for g in gates or [default_gate()] for e in economies or [default_economy()]]
    totals = {v: Scores() for v in variants}
    stacked = stacked_cue_rows(ex, articles, docs, folds, list(range(folds))) if STACK else {}
    for k in range(folds):
        held = [i for i in range(len(articles)) if i % folds == k]
        model = fit(ex, {i for i in range(len(articles)) if i % folds != k}, stacked.get(k))
        for t, m, g, (keep, sure) in variants:
            pruned = model if m >= 1.0 else QuoteModel.from_dict(model.to_dict(), kept_mass=m)
            s = evaluate(replace(pruned, threshold=t, gate=g, keep=keep, sure_margin=sure), articles, docs, held)
            total = totals[t, m, g, (keep, sure)]
            for role in ROLES:
                total.counts[role] = [a + b for a, b in zip(total.counts[role], s.counts[role])]
    rows = [row for (t, m, g, (keep, sure)), total in totals.items()
            for row in total.rows(f"cue threshold {t}" + (f", kept mass {m}" if masses else "") +
                                  (f", gate {g}" if gates else "") +
                                  (f", keep {keep or 'all'}, sure margin {sure or 'off'}" if economies else ""))]
    header = ["subset", "role", "gold", "pred", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1"]
    notes = (f"PolNeAR train, {len(articles)} articles, {folds}-fold cross-validation grouped by article "
             "(article i in fold i mod k); scoring as benchmarks/quotes_polnear.py.")
    report("Quotes: attribution model, cross-validation on PolNeAR train", header, rows, notes, write=write)


def default_gate() -> float:
    """``GATE`` of the model being trained (``GATE_ACCURATE`` for the accurate one)."""
    return GATE_ACCURATE if ENCODER else GATE


def default_economy() -> tuple[int, float]:
    """(``KEEP``, ``SURE_MARGIN``) of the model being trained: none for the accurate one."""
    return (0, 0.0) if ENCODER else (KEEP, SURE_MARGIN)


def economy_grid(keeps: list[int], margins: list[float]) -> list[tuple[int, float]] | None:
    """(``KEEP``, ``SURE_MARGIN``) pairs to compare in CV: none (the full run), the default, each
    asked one alone and every pair of them together; None when neither is asked."""
    if not keeps and not margins:
        return None
    alone = [(k, 0.0) for k in keeps] + [(0, m) for m in margins]
    both = [(k, m) for k in keeps for m in margins]
    return list(dict.fromkeys([(0, 0.0), default_economy(), *alone, *both]))


def lean_specs(families: tuple[str, ...]) -> list[str]:
    """The ``learned.LEAN_TEMPLATES`` of ``families`` as ``--drop`` specs."""
    from storyline.annotate.quotes.learned import LEAN_TEMPLATES

    return [f"{family}:{template}" for family in families for template in LEAN_TEMPLATES[family]]


def drop_templates(specs: list[str]) -> None:
    """Fill ``DROP`` (model -> templates) from "family:template" specs."""
    DROP.clear()
    for spec in specs:
        family, template = spec.split(":", 1)
        for name in FAMILIES[family]:
            DROP.setdefault(name, set()).add(template)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cv", type=int, default=0, help="grouped k-fold cross-validation on train")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--no-write", action="store_true", help="do not append the CV table to docs/benchmarks.md")
    ap.add_argument("--thresholds", type=float, nargs="*", help="cue thresholds to compare in CV")
    ap.add_argument("--kept-mass", type=float, nargs="*", help="shares of |weight| kept at load to compare in CV")
    ap.add_argument("--gates", type=float, nargs="*", help="second-stage cue gates (GATE) to compare in CV")
    ap.add_argument("--keeps", type=int, nargs="*", default=[],
                    help="content candidates the pre-ranker keeps (KEEP, 0: all) to compare in CV")
    ap.add_argument("--sure-margins", type=float, nargs="*", default=[],
                    help="content ranker margins from which the tagger is skipped (SURE_MARGIN, 0: never) to compare in CV")
    ap.add_argument("--no-stack", action="store_true", help="first-stage cue model only")
    ap.add_argument("--no-tag", action="store_true", help="no content boundary tagger")
    ap.add_argument("--encoder", action="store_true", help="the accurate model: with the quote encoder's features")
    ap.add_argument("--drop", nargs="*", default=[], metavar="FAMILY:TEMPLATE",
                    help="feature templates to leave out (e.g. content:lx cue:ld), see DROP")
    ap.add_argument("--lean", nargs="*", default=[], metavar="FAMILY",
                    help="a lean model: these families without learned.LEAN_TEMPLATES (the fast one)")
    args = ap.parse_args(argv)
    global LEAN
    LEAN = tuple(args.lean)
    drop_templates(args.drop + lean_specs(LEAN))
    global STACK, TAG, ENCODER
    ENCODER = args.encoder
    STACK = STACK and not args.no_stack
    TAG = TAG and not args.no_tag
    articles, docs, ex = train_examples(args.limit)
    if TAG:
        tagged_content_examples(ex, articles, docs, args.cv or STACK_FOLDS)
    print({m: len(r) for m, r in ex.rows.items()})
    if args.cv:
        cross_validate(ex, articles, docs, args.cv, args.thresholds, write=not args.no_write,
                       masses=args.kept_mass, gates=args.gates, economies=economy_grid(args.keeps, args.sure_margins))
    if not args.no_save:
        model = fit(ex, None, stacked_cue_rows(ex, articles, docs, STACK_FOLDS, [None])[None] if STACK else None)
        artifact = ARTIFACTS[ENCODER]
        artifact.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(model.to_dict(), sort_keys=True, separators=(",", ":")).encode()
        artifact.write_bytes(gzip.compress(data, mtime=0))
        print(f"wrote {artifact} ({artifact.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
