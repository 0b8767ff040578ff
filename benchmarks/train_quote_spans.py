"""Train the accurate mode's neural span scorers (``storyline.annotate.quotes.spans``), content or source.

For every gold cue of PolNeAR train, the candidates the tagger-aware content ranker chooses from
(``train_quotes.tagged_content_examples``: parse candidates plus the boundary tagger's spans, the
tagger fitted without the article's fold) are represented over the frozen encoder's cached states
(``train_quote_encoder.cached_states``) and the head's out-of-fold role probabilities; the scorer
is trained with a softmax over each cue's candidates (cues whose gold content is not among them
are skipped). At inference its score times a weight is added to the linear ranker's; the weight
is chosen here by grouped cross-validation (folds by article, as ``train_quotes.py --cv``):

    python benchmarks/train_quote_spans.py --cv 5 --limit 300 --weights 0 0.5 1 2   # choose the weight
    python benchmarks/train_quote_spans.py --weight 1                                # the package artifact

The cross-validation reports, per weight, how often the mixed score picks the gold candidate on
held-out cues (the linear ranker fitted without their fold) and the end-to-end exact F1 of the
accurate model with the scorer (``train_quotes.cross_validate``'s scoring). Torch on one thread,
seeded.

``--role source`` trains the source scorer the same way: every gold cue's source candidates
(``candidates.source_candidates``, as the linear source ranker sees them), mixed with the linear
source ranker's score:

    python benchmarks/train_quote_spans.py --role source --cv 5 --limit 300 --weights 0 0.5 1 2
    python benchmarks/train_quote_spans.py --role source --weight 1

``--role cue`` trains the cue scorer: a logistic model over every gated word (``CueRecorder``: out-of-fold
first-stage cue score, best content and best source), mixed with the stacked cue model's logit; the CV
chooses the weight and the mixed threshold, ``--rates-only`` compares word-level cue F1 quickly from a cache of
the recorded words (``CUE_CACHE``), ``--gate-report`` counts the gold cue words the gates drop:

    python benchmarks/train_quote_spans.py --role cue --cv 5 --limit 300 --epochs 4 --dropout 0.3 --weights 0 0.5 1 --thresholds 0.3 0.35 0.4 0.45
    python benchmarks/train_quote_spans.py --role cue --epochs 4 --dropout 0.3 --weight 0.5 --threshold 0.4
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

import benchmarks.train_quotes as TQ  # noqa: E402
from benchmarks._report import report  # noqa: E402
from benchmarks.quotes_polnear import ROLES, Scores  # noqa: E402
from benchmarks.train_quote_encoder import CACHE  # noqa: E402

ARTIFACT_DIR = ROOT / "src" / "storyline" / "data" / "quotes"
RANKER = {"content": "content2", "source": "source"}  # the linear ranker each scorer is mixed with
FIELD = {"content": "spans", "source": "source_spans"}  # where QuoteModel holds each scorer
EPOCHS = 4
BATCH = 16  # cues per step
LR = 1e-3
SEED = 0
DROPOUT = 0.1  # of the scorer's projection and MLP (``--dropout``)


def attach_states(articles, docs) -> None:
    """The cached frozen-encoder states of the train articles on their Docs, where
    ``spans.span_inputs`` reads them (as ``encoder.attach`` leaves them at run time)."""
    from storyline.annotate.quotes.parsed import STATES_KEY

    for (name, _, _), doc in zip(articles, docs, strict=True):
        data = np.load(CACHE / "train" / f"{name}.npz")
        doc.user_data[STATES_KEY] = (data["states"], data["offsets"])


def source_records(articles, docs) -> list[tuple]:
    """(article, cue word, source candidates, linear source rows, labels) per gold cue, as
    ``train_quotes.article_examples`` gives them to the linear source ranker."""
    from storyline.annotate.quotes import candidates as C
    from storyline.annotate.quotes.parsed import Parsed

    out = []
    for group, ((_, text, gold), doc) in enumerate(zip(articles, docs, strict=True)):
        p = Parsed(doc)
        for i, att in sorted(TQ.gold_heads(doc, p, gold).items()):
            sources = C.source_candidates(p, i, text)
            rows = [C.source_features(p, i, text, o, *sources[o]) for o in sources]
            out.append((group, i, sources, rows, list(TQ.source_labels(text, att, sources).values())))
    return out


def span_queries(records, articles, docs, role: str = "content", extra=None) -> list[tuple]:
    """(article, vectors float16, scalars, gold mask, linear rows) per recorded gold cue; several
    candidates may equal the gold content after the scorer's trimming (with or without "that").
    ``extra(p, i, candidates)``, when given, adds a sixth element (``train_quote_cueaware``'s window)."""
    from storyline.annotate.quotes import spans
    from storyline.annotate.quotes.marks import scan_quotes
    from storyline.annotate.quotes.parsed import Parsed

    parsed: dict[int, tuple] = {}
    out = []
    for group, i, contents, rows, labels in records:
        if group not in parsed:
            parsed = {group: (Parsed(docs[group]), scan_quotes(articles[group][1]))}
        p, quotes = parsed[group]
        inputs = spans.inputs(role, p, i, contents, quotes)
        if inputs is None:
            continue
        query = (group, inputs[0].astype(np.float16), inputs[1], np.asarray(labels, dtype=bool), rows)
        out.append(query if extra is None else (*query, extra(p, i, contents)))
    return out


def train(queries: list[tuple], epochs: int = EPOCHS, log: str = "", after_epoch=None, binary: bool = False):
    """The scorer fitted on ``queries`` with a gold candidate (softmax over each cue's list);
    ``binary``: one candidate per query, a logistic loss on its label (the cue role).
    ``after_epoch(epoch, scorer)`` is called after each epoch (cross-validation by epochs)."""
    import torch

    from storyline.annotate.quotes import spans

    torch.manual_seed(SEED)
    usable = queries if binary else [q for q in queries if q[3].any() and not q[3].all()]  # all gold: nothing to learn
    scorer = spans.make_scorer(usable[0][1].shape[2], dropout=DROPOUT, scalars=usable[0][2].shape[1],
                               vectors=usable[0][1].shape[1])
    opt = torch.optim.AdamW(scorer.parameters(), lr=LR, weight_decay=0.01)
    rng = np.random.default_rng(SEED)
    size = BATCH * 4 if binary else BATCH
    for epoch in range(epochs):
        scorer.train()
        order, total, t0 = rng.permutation(len(usable)), 0.0, time.time()
        for b in range(0, len(order), size):
            batch = [usable[k] for k in order[b:b + size]]
            logits = scorer(torch.from_numpy(np.concatenate([q[1] for q in batch]).astype(np.float32)),
                            torch.from_numpy(np.concatenate([q[2] for q in batch])))
            if binary:
                labels = torch.from_numpy(np.concatenate([q[3] for q in batch]).astype(np.float32))
                loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, labels)
            else:
                loss = gold_set_loss(logits, [q[3] for q in batch])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(batch)
        end_epoch(scorer, epoch + 1, total / len(usable), t0, log, after_epoch)
    return scorer.eval()


def end_epoch(scorer, epoch: int, loss: float, t0: float, log: str, after_epoch) -> None:
    """Log an epoch's mean loss and time, and hand the scorer (in eval mode) to ``after_epoch``."""
    print(f"  {log}epoch {epoch}: loss {loss:.3f} ({time.time() - t0:.0f} s)", file=sys.stderr)
    if after_epoch is not None:
        after_epoch(epoch, scorer.eval())


def gold_set_loss(logits, golds: list[np.ndarray]):
    """Minus the log probability of each cue's gold set (several candidates may be gold): the
    log-sum-exp over all its candidates minus over the gold ones, averaged over the cues;
    ``logits`` holds the cues' candidates one after the other."""
    import torch

    parts = torch.split(logits, [len(g) for g in golds])
    return sum(torch.logsumexp(part, 0) - torch.logsumexp(part[torch.from_numpy(g)], 0)
               for part, g in zip(parts, golds)) / len(golds)


def neural_scores(scorer, queries) -> list[np.ndarray]:
    from storyline.annotate.quotes import spans

    return [np.asarray(spans.scores(scorer, (q[1].astype(np.float32), q[2]))) for q in queries]


def add_counts(total: Scores, fold: Scores) -> None:
    """Add a held-out fold's match counts to the cross-validation's."""
    for role in ROLES:
        total.counts[role] = [a + b for a, b in zip(total.counts[role], fold.counts[role])]


def pick_rates(queries, linear, neural, weights: list[float]) -> dict[str, float]:
    """How often the top candidate is the gold one, over held-out cues whose gold is listed."""
    hits = {w: 0 for w in weights}
    hits["neural only"] = 0
    listed = [k for k, q in enumerate(queries) if q[3].any()]
    for k in listed:
        lin, net, gold = np.asarray(linear.scores(queries[k][4])), neural[k], queries[k][3]
        for w in weights:
            hits[w] += int(gold[np.argmax(lin + w * net)])
        hits["neural only"] += int(gold[np.argmax(net)])
    return {str(w): h / max(1, len(listed)) for w, h in hits.items()}


def rates_by_epoch(ex, articles, queries, folds: int, weights: list[float], epochs: int, role: str) -> None:
    """Only the gold pick rates on held-out cues, after every epoch (no end-to-end run): a quick
    comparison of training lengths and mixing weights."""
    listed = sum(q[3].any() for q in queries)
    hits: dict[tuple, float] = {}
    for k in range(folds):
        train_groups = {g for g in range(len(articles)) if g % folds != k}
        ranker = TQ.fit_linear(ex.rows[RANKER[role]], RANKER[role], train_groups)
        held = [q for q in queries if q[0] % folds == k]
        n = sum(q[3].any() for q in held)

        def measure(epoch, scorer, held=held, ranker=ranker, n=n):
            for name, rate in pick_rates(held, ranker, neural_scores(scorer, held), weights).items():
                hits[(epoch, name)] = hits.get((epoch, name), 0.0) + rate * n

        train([q for q in queries if q[0] in train_groups], epochs, log=f"fold {k}: ", after_epoch=measure)
    for epoch in range(1, epochs + 1):
        print(f"epoch {epoch}:", {name: round(h / listed, 4) for (e, name), h in hits.items() if e == epoch})


def cross_validate(ex, articles, docs, queries, folds: int, weights: list[float], epochs: int, write: bool,
                   role: str = "content") -> None:
    stacked = TQ.stacked_cue_rows(ex, articles, docs, folds, list(range(folds))) if TQ.STACK else {}
    totals = {w: Scores() for w in weights}
    rates: dict[str, list[float]] = {}
    for k in range(folds):
        train_groups = {g for g in range(len(articles)) if g % folds != k}
        scorer = train([q for q in queries if q[0] in train_groups], epochs, log=f"fold {k}: ")
        model = TQ.fit(ex, train_groups, stacked.get(k))
        held_queries = [q for q in queries if q[0] % folds == k]
        ranker = getattr(model, RANKER[role])
        for name, rate in pick_rates(held_queries, ranker, neural_scores(scorer, held_queries), weights).items():
            rates.setdefault(name, []).append(rate * sum(q[3].any() for q in held_queries))
        held = [g for g in range(len(articles)) if g % folds == k]
        for w in weights:
            add_counts(totals[w], TQ.evaluate(replace(model, **{FIELD[role]: (scorer, w) if w else None}), articles,
                                          docs, held))
        print(f"fold {k} done", file=sys.stderr)
    listed = sum(q[3].any() for q in queries)
    print("gold pick rate on held-out listed cues:", {n: round(sum(v) / listed, 4) for n, v in rates.items()})
    rows = [row for w, total in totals.items() for row in total.rows(f"span weight {w}")]
    header = ["subset", "role", "gold", "pred", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1"]
    notes = (f"PolNeAR train, {len(articles)} articles, {folds}-fold cross-validation grouped by article; accurate "
             f"model with the neural {role} scorer's score times the weight added to the {RANKER[role]} ranker's "
             f"(weight 0: without it). Gold pick rate on held-out cues whose gold {role} is a candidate: "
             + ", ".join(f"{n}: {sum(v) / listed:.3f}" for n, v in rates.items()) + ".")
    report(f"Quotes: neural {role}-span scorer, cross-validation on PolNeAR train", header, rows, notes, write=write)


# ------------------------------------------------------------------ the cue role

CUE_MIN_FIRST = 0.02  # out-of-fold first-stage probability below which a gated word is not kept (inference gate 0.2)
CUE_CACHE = Path("/tmp/storyline_quote_cue_queries")  # the recorded words per --limit (a rerun skips the parses)


class CueRecorder:
    """The neural cue scorer's training words, recorded by ``train_quotes.stacked_cue_rows``: for
    every gated word of an article, out-of-fold linear models (fitted without the article's fold)
    give its first-stage cue score, its best content and its best source, as the accurate model
    does at run time. A query is (article, vectors, scalars, [label], cue2 features, first-stage
    score); ``gold`` counts every gold cue word per article (recorded or not)."""

    def __init__(self, ex, articles: int, folds: int) -> None:
        self.folds = folds
        self.models = {j: [TQ.fit_linear(ex.rows[m], m, {g for g in range(articles) if g % folds != j})
                           for m in ("cue", "content", "source")] for j in range(folds)}
        self.queries: list[tuple] = []
        self.gold = [0] * articles

    def __call__(self, group, p, i, text, quotes, index, cue, contents, rows, label) -> None:
        from storyline.annotate.quotes import candidates as C
        from storyline.annotate.quotes import spans
        from storyline.annotate.quotes.learned import pick_content, stacked_features

        self.gold[group] += label
        cue_model, content_model, source_model = self.models[group % self.folds]
        score = cue_model.scores([cue])[0]
        if 1.0 / (1.0 + np.exp(-score)) < CUE_MIN_FIRST:
            return
        content, content_score, kinds = pick_content(contents, rows, content_model)
        sources = C.source_candidates(p, i, text)
        source = source_model.best(sources, lambda o: C.source_features(p, i, text, o, *sources[o]))
        inputs = spans.cue_inputs(p, i, index, score, content, content_score, kinds, source)
        if inputs is not None:
            self.queries.append((group, inputs[0].astype(np.float16), inputs[1], np.asarray([label]),
                                 cue + stacked_features(p, i, content_score, kinds), score))


def cue_queries(limit: int | None, folds: int, cv: bool):
    """(articles, docs, examples, recorder, stacked cue2 rows per outer fold); articles and docs
    are None when the recorded words come from ``CUE_CACHE`` (only for ``--rates-only``)."""
    import pickle

    cache = CUE_CACHE / f"limit{limit}_folds{folds}.pkl"
    if cv == "rates" and cache.exists():
        with cache.open("rb") as f:
            recorder, stacked = pickle.load(f)
        return None, None, None, recorder, stacked
    articles, docs, ex = TQ.train_examples(limit)
    attach_states(articles, docs)
    if cv is True:  # the end-to-end CV fits content2 too
        TQ.tagged_content_examples(ex, articles, docs, folds)
    recorder = CueRecorder(ex, len(articles), folds)
    stacked = TQ.stacked_cue_rows(ex, articles, docs, folds, list(range(folds)) if cv else [], record=recorder)
    print(f"{len(recorder.queries)} words recorded, {sum(q[3][0] for q in recorder.queries)} gold cue words among them, "
          f"{sum(recorder.gold)} gated gold cue words", file=sys.stderr)
    if cv:
        CUE_CACHE.mkdir(exist_ok=True)
        recorder.models = None
        with cache.open("wb") as f:
            pickle.dump((recorder, stacked), f, protocol=pickle.HIGHEST_PROTOCOL)
    return articles, docs, ex, recorder, stacked


def gate_report(articles, docs, ex, gate: float) -> None:
    """Where the gold cue words are lost before the cue models decide: no head token, not a
    cue candidate (part of speech), outside ``cue_gate``, under the first-stage ``gate``."""
    from storyline.annotate.quotes import candidates as C
    from storyline.annotate.quotes.learned import cue_gate
    from storyline.annotate.quotes.parsed import Parsed

    lemmas = {r[0][0][2:] for r in ex.rows["cue"] if r[1]}
    counts = {"gold cues": 0, "no head": 0, "not candidate": 0, "not gated": 0}
    missed: dict[str, int] = {}
    for (_, _, gold), doc in zip(articles, docs, strict=True):
        p = Parsed(doc)
        for att in gold:
            if "Cue" not in att.roles:
                continue
            counts["gold cues"] += 1
            head = TQ.gold_head(doc, att.roles["Cue"])
            if head is None:
                counts["no head"] += 1
            elif not C.is_cue_candidate(p, head.i):
                counts["not candidate"] += 1
                missed[f"{p.pos[head.i]}"] = missed.get(p.pos[head.i], 0) + 1
            elif not cue_gate(p, head.i, lemmas):
                counts["not gated"] += 1
                missed[f"gate:{p.pos[head.i]}"] = missed.get(f"gate:{p.pos[head.i]}", 0) + 1
    print("gold cue words lost before the cue models:", counts, "by part of speech:",
          dict(sorted(missed.items(), key=lambda x: -x[1])[:12]))


def cue_rates(recorder, stacked, folds: int, weights: list[float], thresholds: list[float], epochs: int,
              gates: list[float]) -> None:
    """Word-level cue decisions on held-out articles: gold cue words found / predicted, exact F1
    against every gated gold cue word, for cue2 alone (weight 0) and mixed with the scorer, per
    threshold, after every epoch. Words under the first-stage gate (each of ``gates``) are negatives, as at run time."""
    totals: dict[tuple, np.ndarray] = {}
    queries = recorder.queries
    first = np.asarray([q[5] for q in queries if q[3][0]])
    gate = TQ.GATE_ACCURATE
    print(f"gated gold cue words {sum(recorder.gold)}: first-stage out-of-fold probability under {CUE_MIN_FIRST}: "
          f"{sum(recorder.gold) - len(first)}, under the gate {gate}: {int((first < np.log(gate / (1 - gate))).sum())}")
    for k in range(folds):
        train_groups = {g for g in range(len(recorder.gold)) if g % folds != k}
        cue2 = TQ.fit_linear(stacked[k], "cue", train_groups)
        held = [q for q in queries if q[0] % folds == k and q[5] >= _logit(min(gates))]
        base = _logit(np.asarray(cue2.probs([q[4] for q in held])))
        labels = np.asarray([q[3][0] for q in held], dtype=bool)
        firsts = np.asarray([q[5] for q in held])
        gold = sum(recorder.gold[g] for g in range(len(recorder.gold)) if g % folds == k)

        def measure(epoch, scorer, held=held, base=base, labels=labels, firsts=firsts, gold=gold):
            net = np.asarray([s[0] for s in neural_scores(scorer, held)])
            for gate in gates:
                for w in weights:
                    z = np.where(firsts >= _logit(gate), base + w * net, -np.inf)
                    for t in thresholds:
                        pred = z >= _logit(t)
                        got = np.asarray([int((pred & labels).sum()), int(pred.sum()), gold])
                        totals[(epoch, gate, w, t)] = totals.get((epoch, gate, w, t), 0) + got

        train([q for q in queries if q[0] in train_groups], epochs, log=f"fold {k}: ", after_epoch=measure,
              binary=True)
    for (epoch, gate, w, t), (hit, pred, gold) in sorted(totals.items()):
        prec, rec = hit / max(1, pred), hit / max(1, gold)
        print(f"epoch {epoch} gate {gate} weight {w} threshold {t}: P {prec:.3f} R {rec:.3f} "
              f"F1 {2 * prec * rec / max(1e-9, prec + rec):.4f}")


def _logit(pr):
    pr = np.clip(pr, 1e-9, 1 - 1e-9)
    return np.log(pr / (1 - pr))


def cue_cross_validate(articles, docs, ex, recorder, stacked, folds: int, variants: list[tuple[float, float]],
                       epochs: int, write: bool) -> None:
    """End-to-end exact F1 of the accurate model with the cue scorer mixed at (weight, threshold)
    (weight 0: cue2 alone at that threshold), folds by article."""
    totals = {v: Scores() for v in variants}
    for k in range(folds):
        train_groups = {g for g in range(len(articles)) if g % folds != k}
        scorer = train([q for q in recorder.queries if q[0] in train_groups], epochs, log=f"fold {k}: ", binary=True)
        model = TQ.fit(ex, train_groups, stacked.get(k))
        held = [g for g in range(len(articles)) if g % folds == k]
        for w, t in variants:
            variant = replace(model, cue_spans=(scorer, w, t)) if w else replace(model, threshold=t)
            add_counts(totals[(w, t)], TQ.evaluate(variant, articles, docs, held))
        print(f"fold {k} done", file=sys.stderr)
    rows = [row for (w, t), total in totals.items() for row in total.rows(f"cue weight {w} threshold {t}")]
    header = ["subset", "role", "gold", "pred", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1"]
    notes = (f"PolNeAR train, {len(articles)} articles, {folds}-fold cross-validation grouped by article; accurate "
             "model with the neural cue scorer's score times the weight added to the stacked cue model's logit, the "
             "attribution kept when the mixed probability reaches the threshold (weight 0: cue2 alone).")
    report("Quotes: neural cue scorer, cross-validation on PolNeAR train", header, rows, notes, write=write)


def save(scorer, weight: float, role: str = "content", threshold: float | None = None) -> None:
    import torch
    from safetensors.torch import save_file

    from storyline.annotate.quotes.spans import ARTIFACTS, MIX_KEY

    path = ARTIFACT_DIR / ARTIFACTS[role]
    tensors = {k: v.detach().to(torch.float16).contiguous() for k, v in scorer.state_dict().items()}
    tensors[MIX_KEY] = torch.tensor([weight] if threshold is None else [weight, threshold], dtype=torch.float32)
    save_file(tensors, str(path))
    print(f"wrote {path} ({path.stat().st_size} bytes)")


def main(argv: list[str] | None = None) -> None:
    global DROPOUT
    import torch

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--role", choices=(*RANKER, "cue"), default="content")
    ap.add_argument("--cv", type=int, default=0)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--weights", type=float, nargs="*", default=[0.0, 0.5, 1.0, 2.0])
    ap.add_argument("--weight", type=float, default=1.0, help="the artifact's mixing weight")
    ap.add_argument("--threshold", type=float, default=0.45, help="the cue role's mixed decision threshold")
    ap.add_argument("--thresholds", type=float, nargs="*", default=[0.4, 0.45, 0.5],
                    help="cue role CV: thresholds (each weight is tried with each)")
    ap.add_argument("--gates", type=float, nargs="*", default=[TQ.GATE_ACCURATE],
                    help="cue role rates: first-stage gates")
    ap.add_argument("--train-gate", type=float, default=CUE_MIN_FIRST,
                    help="cue role: train on the words whose out-of-fold first-stage probability reaches this")
    ap.add_argument("--gate-report", action="store_true", help="cue role: where gold cue words are lost before the models")
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--dropout", type=float, default=DROPOUT)
    ap.add_argument("--rates-only", action="store_true", help="CV: gold pick rates after every epoch, no end-to-end run")
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    DROPOUT = args.dropout
    torch.set_num_threads(1)
    TQ.ENCODER = True
    if args.role == "cue":
        return cue_main(args)
    articles, docs, ex = TQ.train_examples(args.limit)
    attach_states(articles, docs)
    records: list = []
    TQ.tagged_content_examples(ex, articles, docs, args.cv or TQ.STACK_FOLDS, records)
    if args.role == "source":
        records = source_records(articles, docs)
    queries = span_queries(records, articles, docs, args.role)
    print(f"{len(queries)} gold cues, {sum(q[3].any() for q in queries)} with the gold {args.role} listed, "
          f"{sum(len(q[2]) for q in queries)} candidates", file=sys.stderr)
    if args.cv and args.rates_only:
        rates_by_epoch(ex, articles, queries, args.cv, args.weights, args.epochs, args.role)
    elif args.cv:
        cross_validate(ex, articles, docs, queries, args.cv, args.weights, args.epochs, not args.no_write, args.role)
    if not args.no_save:
        save(train(queries, args.epochs), args.weight, args.role)


def cue_main(args) -> None:
    folds = args.cv or TQ.STACK_FOLDS
    mode = "rates" if args.rates_only else bool(args.cv)
    articles, docs, ex, recorder, stacked = cue_queries(args.limit, folds, mode)
    recorder.queries = [q for q in recorder.queries if q[5] >= _logit(args.train_gate)]
    if args.gate_report and articles is not None:
        gate_report(articles, docs, ex, TQ.GATE_ACCURATE)
    if args.cv and args.rates_only:
        cue_rates(recorder, stacked, folds, args.weights, args.thresholds, args.epochs, args.gates)
    elif args.cv:
        variants = [(w, t) for w in args.weights for t in args.thresholds]
        cue_cross_validate(articles, docs, ex, recorder, stacked, folds, variants, args.epochs, not args.no_write)
    if not args.no_save:
        save(train(recorder.queries, args.epochs, binary=True), args.weight, "cue", args.threshold)


if __name__ == "__main__":
    main()
