"""Train and compare the cue-aware content scorer (``storyline.annotate.quotes.cueaware``).

The same training queries as ``train_quote_spans.py`` (every gold cue of PolNeAR train, its
tagger-aware content candidates, the tagger fitted without the article's fold), the same softmax
over each cue's candidates; this script compares, on held-out folds grouped by article, how often
the current span scorer and the cue-aware one pick the gold candidate among listed cues, alone and
mixed with the linear ``content2`` ranker (fitted without the fold), after every epoch:

    python benchmarks/train_quote_cueaware.py --cv 5 --limit 300 --epochs 5
    python benchmarks/train_quote_cueaware.py --cv 5 --epochs 5 --save --weight 1   # the package artifact

``--save`` trains on every prepared query (all folds of ``--limit`` articles) and writes the
artifact that makes the accurate mode use this scorer in place of the span scorer (``cueaware``).
``--role source`` asks the same of a cue's source candidates (pick rates against the source span
scorer and the linear source ranker; no artifact):

    python benchmarks/train_quote_cueaware.py --role source --cv 5 --limit 300 --epochs 5

The prepared queries (candidate inputs, windows, out-of-fold linear scores) are cached under
``CACHE`` per ``--limit`` and ``--cv``, so a rerun goes straight to training. Torch on one thread,
seeded.
"""
from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

import benchmarks.train_quote_spans as TSP  # noqa: E402
import benchmarks.train_quotes as TQ  # noqa: E402
from benchmarks.train_quote_encoder import CACHE as STATES  # noqa: E402

CACHE = Path("/tmp/storyline_quote_cueaware")
BATCH = 16
LR = 1e-3
SEED = 0


def prepared(limit: int | None, folds: int, role: str = "content") -> list[tuple]:
    """(article name, vectors float16, scalars, gold mask, out-of-fold linear scores, window) per
    gold cue with encoder states, cached; ``role`` "source": its source candidates, the linear
    source ranker."""
    path = CACHE / f"limit{limit}_folds{folds}{'' if role == 'content' else '_' + role}.pkl"
    if path.exists():
        with path.open("rb") as f:
            return pickle.load(f)
    articles, _, ex, queries = _built(limit, folds, role)
    linear = {}
    for k in range(folds):
        ranker = TQ.fit_linear(ex.rows[TSP.RANKER[role]], TSP.RANKER[role],
                               {g for g in range(len(articles)) if g % folds != k})
        for n, (group, *_rest) in enumerate(queries):
            if group % folds == k:
                linear[n] = np.asarray(ranker.scores(records_rows(queries[n])), dtype=np.float32)
    out = [(articles[q[0]][0], q[0], q[1], q[2], q[3], linear[n], q[5]) for n, q in enumerate(queries)]
    CACHE.mkdir(exist_ok=True)
    with path.open("wb") as f:
        pickle.dump(out, f, protocol=pickle.HIGHEST_PROTOCOL)
    return out


def records_rows(query: tuple) -> list:
    return query[4]


def nested_linear(limit: int | None, folds: int) -> dict[int, dict[int, np.ndarray]]:
    """For each outer fold k, the linear ranker's scores of the other folds' queries from a
    ranker fitted without k and the query's own fold (the offsets of ``--residual`` training,
    out of fold without seeing the held-out articles), cached."""
    path = CACHE / f"limit{limit}_folds{folds}.nested.pkl"
    if path.exists():
        with path.open("rb") as f:
            return pickle.load(f)
    articles, _, ex, queries = _built(limit, folds)
    name = TSP.RANKER["content"]
    out: dict[int, dict[int, np.ndarray]] = {k: {} for k in range(folds)}
    for k in range(folds):
        for j in range(folds):
            if j == k:
                continue
            ranker = TQ.fit_linear(ex.rows[name], name, {g for g in range(len(articles)) if g % folds not in (j, k)})
            for n, q in enumerate(queries):
                if q[0] % folds == j:
                    out[k][n] = np.asarray(ranker.scores(records_rows(q)), dtype=np.float32)
    with path.open("wb") as f:
        pickle.dump(out, f, protocol=pickle.HIGHEST_PROTOCOL)
    return out


def _built(limit: int | None, folds: int, role: str = "content"):
    """(articles, docs, examples, queries) of the first ``limit`` train articles, the tagger's spans
    among the content candidates fitted without each article's fold; ``role`` "source": the
    source candidates as the linear source ranker sees them."""
    articles, docs, ex = TQ.train_examples(limit)
    TSP.attach_states(articles, docs)
    records: list = []
    if role == "content":
        TQ.tagged_content_examples(ex, articles, docs, folds, records)
    else:
        records = TSP.source_records(articles, docs)
    return articles, docs, ex, _queries(records, articles, docs, role)


def _queries(records, articles, docs, role: str = "content") -> list[tuple]:
    """(group, vectors, scalars, gold, linear rows, window) per recorded gold cue with states."""
    from storyline.annotate.quotes import cueaware

    def window(p, i, candidates):
        if role == "source":  # a range or None ("no source": no pieces)
            candidates = [() if rng is None else (rng,) for rng in candidates]
        return cueaware.doc_window(p, i, candidates)[1]

    return TSP.span_queries(records, articles, docs, role, extra=window)


class States:
    """The cached frozen-encoder states of the articles, loaded once each."""

    def __init__(self) -> None:
        self.loaded: dict[str, np.ndarray] = {}

    def __getitem__(self, name: str) -> np.ndarray:
        if name not in self.loaded:
            self.loaded[name] = np.load(STATES / "train" / f"{name}.npz")["states"]
        return self.loaded[name]


def train_cueaware(queries: list[tuple], states: States, epochs: int, log: str = "", after_epoch=None,
                   offsets: list[np.ndarray] | None = None, **shape):
    """The cue-aware scorer fitted with a softmax over each cue's candidates (cues with a gold
    candidate that is not their only kind); with ``offsets`` (per query, the linear ranker's
    out-of-fold scores) the softmax is over offset + score, so the scorer learns what the linear
    ranker it is mixed with misses."""
    import torch

    from storyline.annotate.quotes import cueaware

    torch.manual_seed(SEED)
    keep = [n for n, q in enumerate(queries) if q[4].any() and not q[4].all()]
    usable = [queries[n] for n in keep]
    shifts = [np.zeros(len(queries[n][4]), np.float32) if offsets is None else offsets[n] for n in keep]
    scorer = cueaware.make_scorer(states[usable[0][0]].shape[1], usable[0][3].shape[1], **shape)
    opt = torch.optim.AdamW(scorer.parameters(), lr=LR, weight_decay=0.01)
    steps = max(20, epochs * ((len(usable) + BATCH - 1) // BATCH))  # a one-cycle schedule needs a few steps
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=LR, total_steps=steps, pct_start=0.1)
    rng = np.random.default_rng(SEED)
    for epoch in range(epochs):
        scorer.train()
        order, total, t0 = rng.permutation(len(usable)), 0.0, time.time()
        for b in range(0, len(order), BATCH):
            batch = [usable[k] for k in order[b:b + BATCH]]
            logits = scorer(cueaware.collate([(states[q[0]], q[6], q[3]) for q in batch]))
            logits = logits + torch.from_numpy(np.concatenate([shifts[k] for k in order[b:b + BATCH]]))
            loss = TSP.gold_set_loss(logits, [q[4] for q in batch])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(scorer.parameters(), 1.0)
            opt.step()
            sched.step()
            total += loss.item() * len(batch)
        TSP.end_epoch(scorer, epoch + 1, total / len(usable), t0, log, after_epoch)
    return scorer.eval()


def cueaware_scores(scorer, queries, states: States) -> list[np.ndarray]:
    from storyline.annotate.quotes import cueaware

    return [np.asarray(cueaware.scores(scorer, states[q[0]], q[6], q[3])) for q in queries]


def span_scores(scorer, queries) -> list[np.ndarray]:
    from storyline.annotate.quotes import spans

    return [np.asarray(spans.scores(scorer, (q[2].astype(np.float32), q[3]))) for q in queries]


def rates(queries, scores: dict[str, list[np.ndarray]], weights: list[float]) -> dict[str, int]:
    """Gold picks among listed cues per scorer mix: a name alone, the linear ranker plus weight
    times it, and (with both scorers) the linear ranker plus weight times their sum."""
    hits: dict[str, int] = {}
    for k, q in enumerate(queries):
        gold, linear = q[4], q[5]
        if not gold.any():
            continue
        hits["linear"] = hits.get("linear", 0) + int(gold[np.argmax(linear)])
        for name, s in scores.items():
            hits[f"{name} only"] = hits.get(f"{name} only", 0) + int(gold[np.argmax(s[k])])
            for w in weights:
                key = f"{name} w{w}"
                hits[key] = hits.get(key, 0) + int(gold[np.argmax(linear + w * s[k])])
    return hits


def cross_validate(queries, states: States, folds: int, epochs: int, weights: list[float], shape: dict,
                   baseline: bool, nested: dict | None = None, only: list[int] | None = None,
                   write: bool = True, role: str = "content") -> None:
    """Gold pick rates on held-out listed cues per fold and epoch; ``nested``: residual training
    over the linear ranker's scores (``nested_linear``)."""
    totals: dict[tuple, int] = {}
    run = list(range(folds)) if only is None else only
    listed = sum(q[4].any() for q in queries if q[1] % folds in run)
    for k in run:
        fit_ids = [n for n, q in enumerate(queries) if q[1] % folds != k]
        fit = [queries[n] for n in fit_ids]
        offsets = None if nested is None else [nested[k][n] for n in fit_ids]
        held = [q for q in queries if q[1] % folds == k]
        current = None
        if baseline:
            current = span_scores(TSP.train([(q[1], q[2], q[3], q[4], None) for q in fit], TSP.EPOCHS), held)
            fold = rates(held, {"spans": current}, weights)
            for name, h in fold.items():
                totals[(0, name)] = totals.get((0, name), 0) + h
            n = sum(q[4].any() for q in held)
            print(f"  fold {k} current:", {name: round(h / n, 4) for name, h in fold.items()}, file=sys.stderr)

        def measure(epoch, scorer, held=held, current=current):
            aware = cueaware_scores(scorer, held, states)
            mixes = {"aware": aware}
            if current is not None:
                mixes["aware+spans"] = [a + c for a, c in zip(aware, current)]
            fold = rates(held, mixes, weights)
            for name, h in fold.items():
                totals[(epoch, name)] = totals.get((epoch, name), 0) + h
            n = sum(q[4].any() for q in held)
            print(f"  fold {k} epoch {epoch}:", {name: round(h / n, 4) for name, h in fold.items()}, file=sys.stderr)

        train_cueaware(fit, states, epochs, log=f"fold {k}: ", after_epoch=measure, offsets=offsets, **shape)
    for epoch in range(epochs + 1):
        row = {name: round(h / listed, 4) for (e, name), h in sorted(totals.items()) if e == epoch}
        if row:
            print(f"epoch {epoch}:" if epoch else "current scorer (epoch 0 = baseline):", row, flush=True)
    print(f"{listed} listed cues of {len(queries)}")
    table(totals, listed, len(run), weights, write, role)


def table(totals: dict[tuple, int], listed: int, folds: int, weights: list[float], write: bool,
          role: str = "content") -> None:
    """The pick rates as a docs/benchmarks.md table: one row per scorer (and epoch), alone and mixed."""
    from benchmarks._report import report

    rate = {key: h / listed for key, h in totals.items()}
    header = ["scorer", "epoch", "alone", *(f"linear + {w} x" for w in weights)]
    rows = [[f"linear {TSP.RANKER[role]} ranker", "", rate.get((1, "linear"), 0.0), *("" for _ in weights)]]
    for (epoch, name) in sorted(k for k in rate if k[1].endswith(" only")):
        scorer = name[:-len(" only")]
        rows.append([{"spans": "current span scorer"}.get(scorer, scorer), epoch or "4", rate[(epoch, name)],
                     *(rate[(epoch, f"{scorer} w{w}")] for w in weights)])
    notes = (f"PolNeAR train, held-out gold pick rate over {listed} cues whose gold {role} is a candidate, {folds} "
             "fold(s) grouped by article: the scorer alone, or its score times the weight added to the linear "
             f"{TSP.RANKER[role]} ranker's (fitted without the fold). aware: the cue-aware scorer (cueaware.py); "
             f"aware+spans: the sum of its score and the current {role} span scorer's.")
    report(f"Quotes: cue-aware {role} pick, cross-validation on PolNeAR train", header, rows, notes, write=write)


def end_to_end(limit: int | None, folds: int, epochs: int, shape: dict, weights: list[float], write: bool) -> None:
    """End-to-end exact F1 of the accurate model (``train_quotes.fit`` without the fold) on held-out
    articles: without a content scorer, with the current span scorer and with the cue-aware one,
    each at each weight, both scorers trained without the fold."""
    from dataclasses import replace

    from benchmarks._report import report
    from benchmarks.quotes_polnear import Scores

    articles, docs, ex, queries = _built(limit, folds)
    stacked = TQ.stacked_cue_rows(ex, articles, docs, folds, list(range(folds))) if TQ.STACK else {}
    names, states = [a[0] for a in articles], States()
    totals: dict[str, Scores] = {}
    for k in range(folds):
        groups = {g for g in range(len(articles)) if g % folds != k}
        fit = [q for q in queries if q[0] in groups]
        current = TSP.train([q[:5] for q in fit], TSP.EPOCHS, log=f"fold {k}: ")
        aware = train_cueaware([(names[q[0]], *q[:4], None, q[5]) for q in fit], states, epochs, log=f"fold {k}: ",
                               **shape)
        model = TQ.fit(ex, groups, stacked.get(k))
        variants = {"no content scorer": None, **{f"span scorer w{w}": (current, w) for w in weights},
                    **{f"cue-aware w{w}": (aware, w) for w in weights}}
        for name, scorer in variants.items():
            TSP.add_counts(totals.setdefault(name, Scores()),
                           TQ.evaluate(replace(model, spans=scorer), articles, docs, [g for g in range(len(articles))
                                                                                     if g % folds == k]))
        print(f"fold {k} done", file=sys.stderr)
    header = ["subset", "role", "gold", "pred", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1"]
    rows = [row for name, total in totals.items() for row in total.rows(name)]
    notes = (f"PolNeAR train, {len(articles)} articles, {folds}-fold cross-validation grouped by article; accurate "
             "model fitted without the fold, its content scorer (score times the weight added to content2's) "
             "absent, the current span scorer or the cue-aware scorer, both trained without the fold.")
    report("Quotes: cue-aware content scorer end to end, cross-validation on PolNeAR train", header, rows, notes,
           write=write)


def save(scorer, weight: float) -> None:
    import torch
    from safetensors.torch import save_file

    from storyline.annotate.quotes.cueaware import ARTIFACT, MIX_KEY

    path = TSP.ARTIFACT_DIR / ARTIFACT
    tensors = {k: v.detach().to(torch.float16).contiguous() for k, v in scorer.state_dict().items()}
    tensors[MIX_KEY] = torch.tensor([weight], dtype=torch.float32)
    save_file(tensors, str(path))
    print(f"wrote {path} ({path.stat().st_size} bytes)")


def main(argv: list[str] | None = None) -> None:
    import torch

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cv", type=int, default=5)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--weights", type=float, nargs="*", default=[0.5, 1.0, 2.0])
    ap.add_argument("--width", type=int, default=128)
    ap.add_argument("--layers", type=int, default=1)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--no-baseline", action="store_true", help="skip the current span scorer's rates")
    ap.add_argument("--residual", action="store_true", help="train over the linear ranker's out-of-fold scores (content only)")
    ap.add_argument("--folds-run", type=int, nargs="*", default=None, help="only these outer folds (quick variants)")
    ap.add_argument("--prepare-only", action="store_true")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--end-to-end", action="store_true", help="CV of the accurate model's exact F1 (--weights)")
    ap.add_argument("--save", action="store_true", help="train on all prepared queries and write the artifact")
    ap.add_argument("--weight", type=float, default=1.0, help="the artifact's mixing weight")
    ap.add_argument("--role", choices=("content", "source"), default="content",
                    help="source: the pick-rate CV only (the cue-aware scorer among a cue's source candidates)")
    args = ap.parse_args(argv)
    torch.set_num_threads(1)
    TQ.ENCODER = True
    shape = {"hidden": args.width, "layers": args.layers, "dropout": args.dropout}
    if args.end_to_end:
        return end_to_end(args.limit, args.cv, args.epochs, shape, args.weights, not args.no_write)
    queries = prepared(args.limit, args.cv, args.role)
    nested = nested_linear(args.limit, args.cv) if args.residual and args.role == "content" else None
    print(f"{len(queries)} gold cues, {sum(q[4].any() for q in queries)} with the gold {args.role} listed", file=sys.stderr)
    if args.prepare_only:
        return
    if args.save and args.role != "content":
        raise SystemExit("--save: the accurate mode reads a cue-aware scorer for contents only")
    if args.save:  # residual: over each query's out-of-fold linear scores
        offsets = [q[5] for q in queries] if args.residual else None
        save(train_cueaware(queries, States(), args.epochs, offsets=offsets, **shape), args.weight)
        return
    cross_validate(queries, States(), args.cv, args.epochs, args.weights, shape, not args.no_baseline, nested,
                   args.folds_run, not args.no_write, args.role)


if __name__ == "__main__":
    main()
