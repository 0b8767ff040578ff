"""Train the head of the quote encoder (``storyline.annotate.quotes.encoder``) on PolNeAR train.

The frozen MiniLM encoder reads every article once (its states are cached under /tmp); the
head (projection, convolutions, one logit per role part) learns, for every word piece,
whether it is inside / starts / ends a Source, Cue and Content of the gold attributions
(normalised as the scorer normalises them: quote marks, edge punctuation and a leading "that"
trimmed). Out-of-fold probabilities for the train articles (article i in fold i mod k, the folds
of ``train_quotes.py``) are cached for the attribution model's training, so that its linear
models learn how the head does on articles it was not fitted on.

With ``--tune K`` the encoder's top K layers are fine-tuned with the head: the frozen states
entering them are cached per window (as ``encoder.states`` reads the article), the layers run
over them, their windows are merged and put beside the cached middle layer, and the artifact
carries the tuned layers (float16, ~3.5 MB a layer). ``--two-stage`` first fits the head on the
frozen encoder, then both together (``--head-from``: start from a head already fitted so).

    python benchmarks/train_quote_encoder.py               # OOF probabilities + the package artifact
    python benchmarks/train_quote_encoder.py --dev-report  # also piece-level F1 per output on dev
    python benchmarks/train_quote_encoder.py --tune 2 --epochs 2 --folds 2 --two-stage  # fine-tuned

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
HEAD_LR = 2e-3
ENCODER_LR = 1e-4  # the pretrained layers move slowly: a twentieth of the head's rate
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


def cached_windows(split: str, articles, tuned: int) -> list[np.ndarray]:
    """Per article, the frozen encoder's states entering the ``tuned`` top layers, window by
    window with [CLS] and [SEP] ((windows, pieces + 2, hidden) float16, memory-mapped): what the
    fine-tuned layers read, as at run time, computed once."""
    from storyline.annotate.quotes import encoder as E

    folder = CACHE / split
    out = []
    for k, (name, text, _) in enumerate(articles):
        path = folder / f"{name}.top{tuned}.npy"
        if not path.exists():
            base = E.load_base()
            ids, _ = E.pieces(text, base)
            np.save(path, states_below(ids, base, base.model.config.num_hidden_layers - tuned))
            if k % 100 == 0:
                print(f"  encoded {k}/{len(articles)} {split} articles below the top {tuned} layers", file=sys.stderr)
        out.append(np.load(path, mmap_mode="r"))
    return out


def states_below(ids: list[int], base, depth: int, batch: int = 8) -> np.ndarray:
    """The output of the encoder's first ``depth`` layers per window (``encoder.windows``)."""
    import torch

    from storyline.annotate.quotes import encoder as E

    spans = E.windows(len(ids))
    out = []
    for b in range(0, len(spans), batch):
        input_ids, mask = E.window_inputs(ids, spans[b:b + batch], base)
        with torch.no_grad():
            hidden = base.model.embeddings(input_ids=input_ids)
            out.append(E.run_layers(base.model.encoder.layer[:depth], hidden, mask).numpy().astype(np.float16))
    return np.concatenate(out)


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


def fit(groups: list[dict], batch_logits, ys: list[np.ndarray], epochs: int, log: str) -> None:
    """AdamW with a one-cycle schedule per parameter group; ``batch_logits(indices)`` gives the
    (batch, pieces, outputs) logits of a batch of articles; the loss is masked to their lengths."""
    import torch

    rng = np.random.default_rng(SEED)
    opt = torch.optim.AdamW(groups)
    total = epochs * -(-len(ys) // BATCH)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=[g["lr"] for g in groups], total_steps=total, pct_start=0.1)
    loss_fn = torch.nn.BCEWithLogitsLoss(reduction="none")
    for epoch in range(epochs):
        order, started, running = rng.permutation(len(ys)), time.perf_counter(), 0.0
        for b in range(0, len(order), BATCH):
            idx = order[b:b + BATCH]
            lengths = torch.tensor([len(ys[i]) for i in idx])
            y = torch.zeros((len(idx), int(lengths.max()), ys[0].shape[1]))
            for row, i in enumerate(idx):
                y[row, :len(ys[i])] = torch.from_numpy(ys[i])
            mask = (torch.arange(y.shape[1])[None] < lengths[:, None]).float()[..., None]
            loss = (loss_fn(batch_logits(idx), y) * mask).sum() / mask.sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            running += loss.item() * len(idx)
        print(f"  {log} epoch {epoch + 1}/{epochs} loss {running / len(ys):.4f} "
              f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)


def padded(rows: list) -> tuple[object, list[int]]:
    """(batch, longest, width) float tensor of per-article (n, width) rows, and their lengths."""
    import torch

    lengths = [len(r) for r in rows]
    x = torch.zeros((len(rows), max(lengths), rows[0].shape[1]))
    for k, r in enumerate(rows):
        x[k, :len(r)] = torch.as_tensor(r, dtype=torch.float32)
    return x, lengths


def fit_head(xs: list[np.ndarray], ys: list[np.ndarray], epochs: int = EPOCHS, log: str = ""):
    """The head on the frozen encoder's cached states."""
    import torch

    from storyline.annotate.quotes.encoder import make_head

    torch.manual_seed(SEED)
    head = make_head(xs[0].shape[1]).train()

    def batch_logits(idx):
        x, lengths = padded([xs[i].astype(np.float32) for i in idx])
        return head(x, lengths)

    fit([{"params": head.parameters(), "lr": HEAD_LR, "weight_decay": 1e-4}], batch_logits, ys, epochs, log)
    return head.eval()


def predict(head, xs: list[np.ndarray]) -> list[np.ndarray]:
    from storyline.annotate.quotes.encoder import piece_probs

    return [piece_probs(head, x.astype(np.float32)) for x in xs]


class Tuned:
    """The encoder's top layers (a copy of the package's, fine-tuned) and the head on
    [the frozen middle layer | the tuned last layer], as ``encoder.states`` composes them."""

    def __init__(self, tuned: int) -> None:
        import copy

        import torch

        from storyline.annotate.quotes import encoder as E

        torch.manual_seed(SEED)
        model = E.load_base().model
        self.depth = model.config.num_hidden_layers - tuned
        if E.LAYERS != (E.LAYERS[0], model.config.num_hidden_layers) or E.LAYERS[0] > self.depth:
            raise ValueError(f"the head reads layers {E.LAYERS}: tune only layers above {E.LAYERS[0]}")
        self.layers = copy.deepcopy(model.encoder.layer[self.depth:])
        for layer in self.layers:
            # no dropout on the attention weights: drawing a random mask over every window's
            # 12 x 256 x 256 weights doubled the layers' forward time (1.09 s against 0.46 s per
            # 12 windows, one core); the hidden-state dropout stays
            layer.attention.self.dropout.p = 0.0
        self.head = E.make_head(model.config.hidden_size * len(E.LAYERS))

    def train(self, on: bool):
        self.layers.train(on)
        self.head.train(on)
        return self

    def features(self, low: np.ndarray, windows: np.ndarray, n: int):
        """One article's head input (n, 2 * hidden): its cached middle layer ``low`` (n, hidden)
        and the tuned last layer over its windows' states below the tuned layers, merged."""
        import torch

        from storyline.annotate.quotes import encoder as E

        spans = E.windows(n)
        mask = torch.zeros(windows.shape[:2], dtype=torch.long)
        for row, (s, e, _, _) in enumerate(spans):
            mask[row, :e - s + 2] = 1
        top = E.run_layers(self.layers, torch.from_numpy(windows.astype(np.float32)), mask)
        kept = torch.cat([top[row, 1 + kf - s:1 + kt - s] for row, (s, _, kf, kt) in enumerate(spans)])
        return torch.cat([torch.from_numpy(low.astype(np.float32)), kept], dim=1)

    def batch_logits(self, lows, windows, idx):
        from torch.nn.utils.rnn import pad_sequence

        rows = [self.features(lows[i], windows[i], len(lows[i])) for i in idx]
        return self.head(pad_sequence(rows, batch_first=True), [len(r) for r in rows])

    def weights(self) -> dict:
        """The artifact's tensors: the head's, and the tuned layers' under the model's names."""
        from storyline.annotate.quotes.encoder import TUNED_PREFIX

        out = dict(self.head.state_dict())
        for k, layer in enumerate(self.layers):
            out.update({f"{TUNED_PREFIX}{self.depth + k}.{name}": v for name, v in layer.state_dict().items()})
        return out


def fit_tuned(lows, windows, ys, tuned: int, epochs: int, log: str = "", head_from: dict | None = None,
              head_lr: float = HEAD_LR, encoder_lr: float = ENCODER_LR) -> Tuned:
    """The top ``tuned`` layers and a head fitted together; ``head_from``: a head trained on the
    frozen encoder to start from (the second stage of a two-stage fit), else a new head."""
    model = Tuned(tuned)
    if head_from is not None:
        model.head.load_state_dict({k: v.float() for k, v in head_from.items()})
    model.train(True)
    groups = [{"params": model.head.parameters(), "lr": head_lr, "weight_decay": 1e-4},
              {"params": model.layers.parameters(), "lr": encoder_lr, "weight_decay": 1e-2}]
    fit(groups, lambda idx: model.batch_logits(lows, windows, idx), ys, epochs, log)
    return model.train(False)


def predict_tuned(model: Tuned, lows, windows) -> list[np.ndarray]:
    import torch

    with torch.no_grad():
        return [torch.sigmoid(model.batch_logits(lows, windows, [i])[0]).numpy() for i in range(len(lows))]


def oof_probs(fit_on, predict_on, n: int, folds: int) -> list[np.ndarray]:
    """Each train article's piece probabilities from a model fitted without its fold (article i
    in fold i mod ``folds``): ``fit_on(indices, log)`` fits, ``predict_on(model, indices)`` predicts."""
    out: list[np.ndarray | None] = [None] * n
    for k in range(folds):
        model = fit_on([i for i in range(n) if i % folds != k], f"fold {k}")
        held = [i for i in range(n) if i % folds == k]
        for i, probs in zip(held, predict_on(model, held)):
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


def save_weights(weights: dict) -> None:
    """The artifact, float16 (the head's, and the tuned layers' when fine-tuned)."""
    from safetensors.torch import save_file

    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    save_file({k: v.half().contiguous() for k, v in weights.items()}, str(ARTIFACT))
    print(f"wrote {ARTIFACT} ({ARTIFACT.stat().st_size} bytes)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--folds", type=int, default=FOLDS)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--tune", type=int, default=0, metavar="K",
                    help="fine-tune the encoder's top K layers with the head (0: the encoder stays frozen)")
    ap.add_argument("--head-from", type=Path, help="with --tune: start from this head artifact (trained frozen)")
    ap.add_argument("--two-stage", action="store_true",
                    help="with --tune: each fit first trains a head on the frozen encoder and starts from it")
    ap.add_argument("--head-lr", type=float, default=HEAD_LR)
    ap.add_argument("--encoder-lr", type=float, default=ENCODER_LR)
    ap.add_argument("--cache-only", action="store_true", help="only encode the articles")
    ap.add_argument("--dev-report", action="store_true", help="piece-level F1 on dev (appends a table)")
    ap.add_argument("--no-oof", action="store_true", help="no out-of-fold probabilities for train")
    ap.add_argument("--no-final", action="store_true", help="no head on all of train (out-of-fold only)")
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--threads", type=int, default=1, help="torch threads (2 only on an otherwise idle machine)")
    args = ap.parse_args(argv)
    import torch
    from safetensors.torch import load_file

    torch.set_num_threads(args.threads)
    train = load_split("train", args.limit)
    dev = load_split("dev", None)
    train_states = cached_states("train", train)
    dev_states = cached_states("dev", dev)
    if args.tune:
        train_windows, dev_windows = cached_windows("train", train, args.tune), cached_windows("dev", dev, args.tune)
    if args.cache_only:
        return
    xs = [s for s, _ in train_states]
    ys = [piece_labels(text, gold, off) for (_, text, gold), (_, off) in zip(train, train_states)]
    dev_xs = [s for s, _ in dev_states]
    if args.tune:
        hidden = xs[0].shape[1] // 2
        lows, dev_lows = [x[:, :hidden] for x in xs], [x[:, :hidden] for x in dev_xs]
        head_from = load_file(str(args.head_from)) if args.head_from else None

        def fit_on(idx, log):
            start = head_from
            if args.two_stage:  # first the head on the frozen encoder, over the same articles
                start = fit_head([xs[i] for i in idx], [ys[i] for i in idx], EPOCHS, log + " frozen").state_dict()
            return fit_tuned([lows[i] for i in idx], [train_windows[i] for i in idx], [ys[i] for i in idx],
                             args.tune, args.epochs, log, start, args.head_lr, args.encoder_lr)

        def predict_on(model, idx):
            return predict_tuned(model, [lows[i] for i in idx], [train_windows[i] for i in idx])
    else:
        def fit_on(idx, log):
            return fit_head([xs[i] for i in idx], [ys[i] for i in idx], args.epochs, log)

        def predict_on(model, idx):
            return predict(model, [xs[i] for i in idx])
    if not args.no_oof:
        save_probs("train", train, oof_probs(fit_on, predict_on, len(xs), args.folds), "oof")
    if args.no_final:
        return
    model = fit_on(range(len(xs)), "all train")
    if args.tune:
        dev_probs, weights = predict_tuned(model, dev_lows, dev_windows), model.weights()
    else:
        dev_probs, weights = predict(model, dev_xs), model.state_dict()
    save_probs("dev", dev, dev_probs, "final")
    if args.dev_report:
        dev_ys = [piece_labels(text, gold, off) for (_, text, gold), (_, off) in zip(dev, dev_states)]
        tuned = f", top {args.tune} encoder layers fine-tuned (lr {args.encoder_lr:g}, head {args.head_lr:g}" \
            f"{', from ' + args.head_from.name if args.head_from else ''})" if args.tune else ""
        report("Quotes: encoder head, piece-level F1 on PolNeAR dev", ["output", "gold pieces", "P", "R", "F1"],
               piece_f1(dev_probs, dev_ys), f"Head trained on {len(train)} train articles, {args.epochs} epochs{tuned}; "
               "threshold 0.5 per piece.")
    if not args.no_save:
        save_weights(weights)

if __name__ == "__main__":
    main()
