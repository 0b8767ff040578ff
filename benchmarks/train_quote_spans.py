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


def span_queries(records, articles, docs, role: str = "content") -> list[tuple]:
    """(article, vectors float16, scalars, gold mask, linear rows) per recorded gold cue; several
    candidates may equal the gold content after the scorer's trimming (with or without "that")."""
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
        out.append((group, inputs[0].astype(np.float16), inputs[1], np.asarray(labels, dtype=bool), rows))
    return out


def train(queries: list[tuple], epochs: int = EPOCHS, log: str = "", after_epoch=None):
    """The scorer fitted on ``queries`` with a gold candidate (softmax over each cue's list);
    ``after_epoch(epoch, scorer)`` is called after each epoch (cross-validation by epochs)."""
    import torch

    from storyline.annotate.quotes import spans

    torch.manual_seed(SEED)
    usable = [q for q in queries if q[3].any() and not q[3].all()]  # all gold: nothing to learn
    scorer = spans.make_scorer(usable[0][1].shape[2], dropout=DROPOUT, scalars=usable[0][2].shape[1])
    opt = torch.optim.AdamW(scorer.parameters(), lr=LR, weight_decay=0.01)
    rng = np.random.default_rng(SEED)
    for epoch in range(epochs):
        scorer.train()
        order, total, t0 = rng.permutation(len(usable)), 0.0, time.time()
        for b in range(0, len(order), BATCH):
            batch = [usable[k] for k in order[b:b + BATCH]]
            logits = scorer(torch.from_numpy(np.concatenate([q[1] for q in batch]).astype(np.float32)),
                            torch.from_numpy(np.concatenate([q[2] for q in batch])))
            # the probability of the gold set: log-sum-exp over all candidates minus over the gold ones
            loss = sum(torch.logsumexp(part, 0) - torch.logsumexp(part[torch.from_numpy(q[3])], 0) for part, q in
                       zip(torch.split(logits, [len(q[2]) for q in batch]), batch)) / len(batch)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(batch)
        print(f"  {log}epoch {epoch + 1}: loss {total / len(usable):.3f} ({time.time() - t0:.0f} s)", file=sys.stderr)
        if after_epoch is not None:
            after_epoch(epoch + 1, scorer.eval())
    return scorer.eval()


def neural_scores(scorer, queries) -> list[np.ndarray]:
    from storyline.annotate.quotes import spans

    return [np.asarray(spans.scores(scorer, (q[1].astype(np.float32), q[2]))) for q in queries]


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
            s = TQ.evaluate(replace(model, **{FIELD[role]: (scorer, w) if w else None}), articles, docs, held)
            for scored in ROLES:
                totals[w].counts[scored] = [a + b for a, b in zip(totals[w].counts[scored], s.counts[scored])]
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


def save(scorer, weight: float, role: str = "content") -> None:
    import torch
    from safetensors.torch import save_file

    from storyline.annotate.quotes.spans import ARTIFACTS, MIX_KEY

    path = ARTIFACT_DIR / ARTIFACTS[role]
    tensors = {k: v.detach().to(torch.float16).contiguous() for k, v in scorer.state_dict().items()}
    tensors[MIX_KEY] = torch.tensor([weight], dtype=torch.float32)
    save_file(tensors, str(path))
    print(f"wrote {path} ({path.stat().st_size} bytes)")


def main(argv: list[str] | None = None) -> None:
    global DROPOUT
    import torch

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--role", choices=tuple(RANKER), default="content")
    ap.add_argument("--cv", type=int, default=0)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--weights", type=float, nargs="*", default=[0.0, 0.5, 1.0, 2.0])
    ap.add_argument("--weight", type=float, default=1.0, help="the artifact's mixing weight")
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--dropout", type=float, default=DROPOUT)
    ap.add_argument("--rates-only", action="store_true", help="CV: gold pick rates after every epoch, no end-to-end run")
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    DROPOUT = args.dropout
    torch.set_num_threads(1)
    TQ.ENCODER = True
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


if __name__ == "__main__":
    main()
