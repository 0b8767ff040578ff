"""Train the head of the quote encoder (``storyline.annotate.quotes.encoder``) on PolNeAR train.

The frozen MiniLM encoder reads every article once (its states are cached under /tmp); the
head (projection, convolutions, one logit per role part) learns, for every word piece,
whether it is inside / starts / ends a Source, Cue and Content of the gold attributions
(normalised as the scorer normalises them: quote marks, edge punctuation and a leading "that"
trimmed). Out-of-fold probabilities for the train articles (article i in fold i mod k, the folds
of ``train_quotes.py``) are cached for the attribution model's training, so that its linear
models learn how the head does on articles it was not fitted on.

    python benchmarks/train_quote_encoder.py               # OOF probabilities + the package artifact
    python benchmarks/train_quote_encoder.py --dev-report  # also piece-level F1 per output on dev

Deterministic up to torch's CPU arithmetic (seeded, one ordering of the articles).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks._report import report  # noqa: E402
from benchmarks.quotes_polnear import ROLES, load_split, normalise  # noqa: E402

ARTIFACT = ROOT / "src" / "storyline" / "data" / "quotes" / "encoder_head.safetensors"
CACHE = Path("/tmp/storyline_polnear_encoder")
FOLDS = 5
EPOCHS = 5
BATCH = 8
SEED = 0


def cached_states(split: str, articles) -> list[tuple[np.ndarray, np.ndarray]]:
    """(states float16 (n, width), piece offsets (n, 2)) per article, computed once."""
    from storyline.annotate.quotes import encoder as E

    folder = CACHE / split
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    base = None
    for k, (name, text, _) in enumerate(articles):
        path = folder / f"{name}.npz"
        if not path.exists():
            base = base or E.load_base()
            ids, offsets = E.pieces(text, base)
            np.savez(path, states=E.states(ids, base).astype(np.float16), offsets=offsets)
            if k % 50 == 0:
                print(f"  encoded {k}/{len(articles)} {split} articles", file=sys.stderr)
        data = np.load(path)
        out.append((data["states"], data["offsets"]))
    return out


def piece_labels(text: str, gold, offsets: np.ndarray) -> np.ndarray:
    """(n, len(OUTPUTS)) 0/1 targets per piece from the gold attributions."""
    from storyline.annotate.quotes.encoder import OUTPUTS, pieces_in

    y = np.zeros((len(offsets), len(OUTPUTS)), dtype=np.float32)
    for att in gold:
        for role in ROLES:
            for s, e in normalise(text, att.roles.get(role, ())):
                lo, hi = pieces_in(offsets, s, e)
                if hi <= lo:
                    continue
                y[lo:hi, OUTPUTS.index(f"{role}:in")] = 1
                y[lo, OUTPUTS.index(f"{role}:start")] = 1
                y[hi - 1, OUTPUTS.index(f"{role}:end")] = 1
    return y


def fit_head(xs: list[np.ndarray], ys: list[np.ndarray], epochs: int = EPOCHS, log: str = ""):
    import torch

    from storyline.annotate.quotes.encoder import make_head

    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    head = make_head(xs[0].shape[1])
    opt = torch.optim.AdamW(head.parameters(), lr=2e-3, weight_decay=1e-4)
    total = epochs * -(-len(xs) // BATCH)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=2e-3, total_steps=total, pct_start=0.1)
    loss_fn = torch.nn.BCEWithLogitsLoss(reduction="none")
    head.train()
    for epoch in range(epochs):
        order, started, running = rng.permutation(len(xs)), time.perf_counter(), 0.0
        for b in range(0, len(order), BATCH):
            idx = order[b:b + BATCH]
            lengths = torch.tensor([len(xs[i]) for i in idx])
            width = int(lengths.max())
            x = torch.zeros((len(idx), width, xs[0].shape[1]))
            y = torch.zeros((len(idx), width, ys[0].shape[1]))
            for row, i in enumerate(idx):
                x[row, :len(xs[i])] = torch.from_numpy(xs[i].astype(np.float32))
                y[row, :len(ys[i])] = torch.from_numpy(ys[i])
            mask = (torch.arange(width)[None] < lengths[:, None]).float()[..., None]
            loss = (loss_fn(head(x, lengths.tolist()), y) * mask).sum() / mask.sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            running += loss.item() * len(idx)
        print(f"  {log} epoch {epoch + 1}/{epochs} loss {running / len(xs):.4f} "
              f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return head.eval()


def predict(head, xs: list[np.ndarray]) -> list[np.ndarray]:
    from storyline.annotate.quotes.encoder import piece_probs

    return [piece_probs(head, x.astype(np.float32)) for x in xs]


def oof_probs(xs, ys, folds: int) -> list[np.ndarray]:
    """Each train article's piece probabilities from a head fitted without its fold."""
    out: list[np.ndarray | None] = [None] * len(xs)
    for k in range(folds):
        train = [i for i in range(len(xs)) if i % folds != k]
        head = fit_head([xs[i] for i in train], [ys[i] for i in train], log=f"fold {k}")
        held = [i for i in range(len(xs)) if i % folds == k]
        for i, probs in zip(held, predict(head, [xs[i] for i in held])):
            out[i] = probs
    return out  # type: ignore[return-value]


def save_probs(split: str, articles, probs: list[np.ndarray], tag: str) -> None:
    folder = CACHE / split
    for (name, _, _), pr in zip(articles, probs, strict=True):
        np.save(folder / f"{name}.{tag}.npy", pr.astype(np.float16))


def attach_cached(split: str, articles, docs, tag: str) -> None:
    """Put the cached piece probabilities (``tag``: "oof" or "final") on the Docs as token
    probabilities, where the attribution model's features read them (``encoder.attach``)."""
    from storyline.annotate.quotes.encoder import token_probs, token_spans
    from storyline.annotate.quotes.parsed import ROLE_KEY

    folder = CACHE / split
    for (name, _, _), doc in zip(articles, docs, strict=True):
        offsets = np.load(folder / f"{name}.npz")["offsets"]
        probs = np.load(folder / f"{name}.{tag}.npy").astype(np.float32)
        doc.user_data[ROLE_KEY] = token_probs(token_spans(doc), offsets, probs)


def piece_f1(probs: list[np.ndarray], ys: list[np.ndarray]) -> list[list[object]]:
    from storyline.annotate.quotes.encoder import OUTPUTS

    p, y = np.concatenate(probs) >= 0.5, np.concatenate(ys) >= 0.5
    rows = []
    for k, name in enumerate(OUTPUTS):
        tp, fp, fn = int((p[:, k] & y[:, k]).sum()), int((p[:, k] & ~y[:, k]).sum()), int((~p[:, k] & y[:, k]).sum())
        prec, rec = tp / max(1, tp + fp), tp / max(1, tp + fn)
        rows.append([name, int(y[:, k].sum()), f"{prec:.3f}", f"{rec:.3f}", f"{2 * prec * rec / max(1e-9, prec + rec):.3f}"])
    return rows


def save_head(head) -> None:
    from safetensors.torch import save_file

    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    save_file({k: v.half().contiguous() for k, v in head.state_dict().items()}, str(ARTIFACT))
    print(f"wrote {ARTIFACT} ({ARTIFACT.stat().st_size} bytes)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--folds", type=int, default=FOLDS)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--cache-only", action="store_true", help="only encode the articles")
    ap.add_argument("--dev-report", action="store_true", help="piece-level F1 on dev (appends a table)")
    ap.add_argument("--no-oof", action="store_true", help="no out-of-fold probabilities for train")
    ap.add_argument("--no-final", action="store_true", help="no head on all of train (out-of-fold only)")
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--threads", type=int, default=1, help="torch threads (2 only on an otherwise idle machine)")
    args = ap.parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)
    train = load_split("train", args.limit)
    dev = load_split("dev", None)
    train_states = cached_states("train", train)
    dev_states = cached_states("dev", dev)
    if args.cache_only:
        return
    xs = [s for s, _ in train_states]
    ys = [piece_labels(text, gold, off) for (_, text, gold), (_, off) in zip(train, train_states)]
    if not args.no_oof:
        save_probs("train", train, oof_probs(xs, ys, args.folds), "oof")
    if args.no_final:
        return
    head = fit_head(xs, ys, args.epochs, log="all train")
    dev_probs = predict(head, [s for s, _ in dev_states])
    save_probs("dev", dev, dev_probs, "final")
    if args.dev_report:
        dev_ys = [piece_labels(text, gold, off) for (_, text, gold), (_, off) in zip(dev, dev_states)]
        report("Quotes: encoder head, piece-level F1 on PolNeAR dev", ["output", "gold pieces", "P", "R", "F1"],
               piece_f1(dev_probs, dev_ys), f"Head trained on {len(train)} train articles, {args.epochs} epochs; "
               "threshold 0.5 per piece.")
    if not args.no_save:
        save_head(head)


if __name__ == "__main__":
    main()
