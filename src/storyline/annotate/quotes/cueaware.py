"""A cue-aware content scorer: the frozen encoder's states re-read for one cue (early interaction).

The span scorer of ``spans`` represents a candidate content by the frozen encoder's states at its
edges, its mean and the cue's state, combined only in its final MLP (a late interaction): the
encoder never knows which cue it reads for, and among the candidates of a found cue the right one is
missed about a tenth of the time (docs/benchmarks.md, session 17). Here, per cue, the piece states
in a window around it (``WINDOW`` pieces either side, clipped to the article) are projected, a
learned "this is the cue" embedding is added to the cue's pieces and a learned relative-position
embedding (distance to the cue, in pieces) to every piece, and a small transformer encoder trained
from scratch reads the window; a candidate is then represented by these cue-aware states (first
piece, last piece, mean inside, the cue's mean) plus ``spans``' scalars, and scored by an MLP plus a
QA-style start / end pointer score. Trained like ``spans`` (softmax over each cue's candidates,
``benchmarks/train_quote_cueaware.py``). When its artifact (``ARTIFACT``) is packaged, the accurate
mode uses it in place of the content span scorer (``learned.load_model``): its score times the
artifact's weight is added to the tagger-aware content ranker's.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from storyline.annotate.quotes.artifacts import packaged
from storyline.annotate.quotes.encoder import pieces_in
from storyline.annotate.quotes.parsed import STATES_KEY

ARTIFACT = "cueaware_scorer.safetensors"
MIX_KEY = "mix_weight"  # the artifact's one-element tensor: the weight of the scorer's output
WINDOW = 128  # pieces read on each side of the cue
WIDTH = 128  # the small transformer's width
HEADS = 4
LAYERS = 1
DROPOUT = 0.1
EDGE_SCALARS = 2  # the candidate runs past the window's left / right edge


@dataclass(slots=True)
class CueWindow:
    """One cue's window (pieces [lo, hi) of the article) and its candidates' piece ranges,
    clipped to the window and relative to ``lo``."""

    lo: int
    hi: int
    cue: tuple[int, int]  # the cue's pieces, relative to lo
    candidates: list[list[tuple[int, int]]]  # per candidate, its fragments' non-empty piece ranges
    clipped: np.ndarray  # (m, EDGE_SCALARS) float32: runs past the left / right edge

    def relative_positions(self) -> np.ndarray:
        """Each window piece's distance to the cue in pieces (0 inside it), shifted to
        [0, 2 * WINDOW] for an embedding table."""
        pos = np.arange(self.hi - self.lo)
        lo, hi = self.cue
        rel = np.where(pos < lo, pos - lo, np.where(pos >= hi, pos - (hi - 1), 0))
        return np.clip(rel, -WINDOW, WINDOW) + WINDOW


def cue_window(offsets: np.ndarray, cue_start: int, cue_end: int, candidates) -> CueWindow:
    """The window of the cue at characters [cue_start, cue_end) and its candidates (fragments of
    character ranges, in order) over an article's piece ``offsets``."""
    n = len(offsets)
    cue_lo, cue_hi = pieces_in(offsets, cue_start, cue_end)
    cue_hi = max(cue_hi, cue_lo + 1)
    cue_lo, cue_hi = min(cue_lo, n - 1), min(cue_hi, n)
    lo, hi = max(0, cue_lo - WINDOW), min(n, cue_hi + WINDOW)
    ranges, clipped = [], np.zeros((len(candidates), EDGE_SCALARS), dtype=np.float32)
    for row, frags in enumerate(candidates):
        inside = []
        for s, e in frags:
            a, b = pieces_in(offsets, s, e)
            if b <= a:
                continue
            clipped[row, 0] = max(clipped[row, 0], float(a < lo))
            clipped[row, 1] = max(clipped[row, 1], float(b > hi))
            a, b = max(a, lo), min(b, hi)
            if b > a:
                inside.append((a - lo, b - lo))
        ranges.append(inside)
    return CueWindow(lo, hi, (cue_lo - lo, cue_hi - lo), ranges, clipped)


def doc_window(p, i: int, candidates) -> tuple[np.ndarray, CueWindow] | None:
    """(the article's piece states, the cue ``i``'s window) from the states the encoder left on
    the Doc, or None without them."""
    stored = p.doc.user_data.get(STATES_KEY) if p.doc.user_data else None
    if stored is None or not candidates:
        return None
    states, offsets = stored
    return states, cue_window(offsets, p.idx[i], p.end[i], list(candidates))


def make_scorer(width: int, scalars: int, hidden: int = WIDTH, heads: int = HEADS, layers: int = LAYERS,
                dropout: float = DROPOUT):
    """Projection of the frozen states, cue and relative-position embeddings, ``layers``
    transformer layers, then an MLP over (first, last, mean, cue, mean * cue, scalars) plus the
    start / end pointer logits at the candidate's edges."""
    import torch
    from torch import nn

    class CueAwareScorer(nn.Module):
        reads_windows = True  # ``learned.article_span_scores`` gives it windows, not ``spans``' vectors

        def __init__(self) -> None:
            super().__init__()
            self.project = nn.Sequential(nn.Dropout(dropout), nn.Linear(width, hidden))
            self.cue = nn.Parameter(torch.zeros(hidden))
            self.position = nn.Embedding(2 * WINDOW + 1, hidden)
            layer = nn.TransformerEncoderLayer(hidden, heads, 2 * hidden, dropout, batch_first=True, norm_first=True)
            self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
            self.norm = nn.LayerNorm(hidden)
            self.pointer = nn.Linear(hidden, 2)
            self.mlp = nn.Sequential(nn.Linear(5 * hidden + scalars + EDGE_SCALARS, hidden), nn.GELU(),
                                     nn.Dropout(dropout), nn.Linear(hidden, 1))

        def forward(self, batch: dict) -> torch.Tensor:
            cue = batch["cue"]  # (B, L) float: 1 on the cue's pieces
            h = self.embed(batch) + self.position(batch["rel"]) + cue.unsqueeze(-1) * self.cue
            h = self.norm(self.encoder(h, src_key_padding_mask=batch["pad"]) if "read" not in batch else
                          self.encode_read(h, batch["pad"], batch["read"]))
            cue_mean = (cue.unsqueeze(-1) * h).sum(1) / cue.sum(1, keepdim=True).clamp(min=1)
            owner, slot, first, last = batch["owner"], batch["slot"], batch["first"], batch["last"]
            inside = batch["inside"]  # (B, C, L): a window's candidates' pieces, one matrix product per window
            means = torch.bmm(inside, h) / inside.sum(2, keepdim=True).clamp(min=1)
            mean = means[owner, slot]
            f, l = h[owner, first], h[owner, last]
            c = cue_mean[owner]
            joined = torch.cat([f, l, mean, c, mean * c, batch["scalars"]], dim=1)
            ends = self.pointer(h)  # (B, L, 2)
            pointer = ends[owner, first, 0] + ends[owner, last, 1]
            return self.mlp(joined)[:, 0] + pointer * batch["has_span"]

        def encode_read(self, h: torch.Tensor, pad: torch.Tensor, read: torch.Tensor) -> torch.Tensor:
            """``self.encoder(h)`` at the pieces the heads read (``read``: (B, R) positions, the
            cue's and the candidates'; zeros elsewhere): the last layer's queries, attention output
            and feed-forward only there. Written out because torch's layer computes every position,
            and the heads read about a fifth of a window (the same arithmetic, to float rounding)."""
            import torch.nn.functional as F

            *earlier, last = self.encoder.layers
            for layer in earlier:
                h = layer(h, src_key_padding_mask=pad)
            attn, heads = last.self_attn, last.self_attn.num_heads
            size, length, width = h.shape
            at = read.unsqueeze(-1).expand(-1, -1, width)
            x = last.norm1(h)
            wq, wk, wv = attn.in_proj_weight.chunk(3)
            bq, bk, bv = attn.in_proj_bias.chunk(3)

            def split(t: torch.Tensor) -> torch.Tensor:  # (B, n, width) -> (B, heads, n, width / heads)
                return t.view(size, -1, heads, width // heads).transpose(1, 2)

            q = split(F.linear(torch.gather(x, 1, at), wq, bq))
            k, v = split(F.linear(x, wk, bk)), split(F.linear(x, wv, bv))
            o = F.scaled_dot_product_attention(q, k, v, attn_mask=~pad[:, None, None, :])
            y = torch.gather(h, 1, at) + attn.out_proj(o.transpose(1, 2).reshape(size, -1, width))
            y = y + last.linear2(last.activation(last.linear1(last.norm2(y))))
            return torch.zeros_like(h).scatter(1, at, y)  # a padded read repeats position 0, same value

        def embed(self, batch: dict) -> torch.Tensor:
            """The projected window states: from each window's own copy (``collate``), or from
            one article's pieces projected once and gathered per window (``collate_article``:
            cue windows overlap, so projecting each piece once is cheaper)."""
            if "states" in batch:
                return self.project(batch["states"])
            return self.project(batch["article"])[batch["index"]]

    return CueAwareScorer()


def collate(items: list[tuple[np.ndarray, CueWindow, np.ndarray]]) -> dict:
    """A batch of (article states, window, span scalars) per cue as the scorer's tensors (training:
    the cues come from many articles, each window gets its own copy of the states)."""
    import torch

    batch = _layout([w for _, w, _ in items], [s for _, _, s in items])
    size, length = batch["pad"].shape
    states = np.zeros((size, length, items[0][0].shape[1]), dtype=np.float32)
    for b, (article, w, _) in enumerate(items):
        states[b, :w.hi - w.lo] = article[w.lo:w.hi]
    batch["states"] = torch.from_numpy(states)
    return batch


def collate_article(article: np.ndarray, windows: list[CueWindow], scalars: list[np.ndarray]) -> dict:
    """One article's cue windows as one batch (run time): the pieces any window covers once
    (``article``) and, per window position, the piece it reads (``index``)."""
    import torch

    batch = _layout(windows, scalars)
    base, top = min(w.lo for w in windows), max(w.hi for w in windows)
    index = np.zeros(batch["pad"].shape, dtype=np.int64)  # padding reads piece 0: masked out
    for b, w in enumerate(windows):
        index[b, :w.hi - w.lo] = np.arange(w.lo - base, w.hi - base)
    batch["article"] = torch.from_numpy(np.asarray(article[base:top], dtype=np.float32))
    batch["index"] = torch.from_numpy(index)
    batch["read"] = torch.from_numpy(_read_positions(batch))
    return batch


def _read_positions(batch: dict) -> np.ndarray:
    """(B, R) per window the positions the scorer's heads read, ascending, padded with position 0:
    the cue's and candidates' pieces, their edges and position 0 (the edges of a candidate
    outside the window)."""
    inside, cue = batch["inside"].numpy(), batch["cue"].numpy()
    used = (inside.sum(1) > 0) | (cue > 0)
    owner, first, last = batch["owner"].numpy(), batch["first"].numpy(), batch["last"].numpy()
    used[owner, first] = used[owner, last] = True
    used[:, 0] = True
    rows = [np.flatnonzero(u) for u in used]
    read = np.zeros((len(rows), max(len(r) for r in rows)), dtype=np.int64)
    for b, r in enumerate(rows):
        read[b, :len(r)] = r
    return read


def _layout(windows: list[CueWindow], scalars: list[np.ndarray]) -> dict:
    """The batch's tensors but the states: windows padded to the longest (padding mask, relative
    positions, cue mask), one row per candidate (its window ``owner`` and ``slot`` among the
    window's candidates, edge pieces, scalars) and each window's candidates' inside masks."""
    import torch

    length = max(w.hi - w.lo for w in windows)
    size, most = len(windows), max(1, max(len(w.candidates) for w in windows))
    pad = np.ones((size, length), dtype=bool)
    rel = np.zeros((size, length), dtype=np.int64)
    cue = np.zeros((size, length), dtype=np.float32)
    m = sum(len(w.candidates) for w in windows)
    owner, slot, first, last = (np.zeros(m, dtype=np.int64) for _ in range(4))
    inside = np.zeros((size, most, length), dtype=np.float32)
    has_span = np.zeros(m, dtype=np.float32)
    row = 0
    for b, w in enumerate(windows):
        n = w.hi - w.lo
        pad[b, :n] = False
        rel[b, :n] = w.relative_positions()
        cue[b, w.cue[0]:w.cue[1]] = 1.0
        for k, ranges in enumerate(w.candidates):
            owner[row], slot[row] = b, k
            if ranges:
                first[row], last[row], has_span[row] = ranges[0][0], ranges[-1][1] - 1, 1.0
                for a, e in ranges:
                    inside[b, k, a:e] = 1.0
            row += 1
    joined = np.concatenate([np.concatenate([s, w.clipped], axis=1) for w, s in zip(windows, scalars)])
    t = torch.from_numpy
    return {"pad": t(pad), "rel": t(rel), "cue": t(cue), "owner": t(owner), "slot": t(slot), "first": t(first),
            "last": t(last), "inside": t(inside), "has_span": t(has_span), "scalars": t(joined.astype(np.float32))}


def scores(scorer, article: np.ndarray, window: CueWindow, scalars: np.ndarray) -> list[float]:
    """The scorer's score of every candidate of one cue."""
    return article_scores(scorer, article, [window], [scalars])[0]


def article_scores(scorer, article: np.ndarray, windows: list[CueWindow], scalars: list[np.ndarray]
                   ) -> list[list[float]]:
    """The scorer's scores of every candidate of each of an article's cue ``windows``, in one call:
    the pieces projected once and the last layer computed only where the heads read
    (``encode_read``); 24 synthetic windows of a 1,000-piece article, one thread: one call per cue
    ~4.6 ms a cue, batched ~4.0, batched and read-only ~1.6 (docs/benchmarks.md, session 19)."""
    import torch

    if not windows:
        return []
    with torch.inference_mode():
        flat = scorer(collate_article(article, windows, scalars)).tolist()
    out, at = [], 0
    for w in windows:
        out.append(flat[at:at + len(w.candidates)])
        at += len(w.candidates)
    return out


def candidate_scores(scorer, p, i: int, contents: dict, quotes) -> list[float] | None:
    """The scorer's scores of the cue ``i``'s content candidates (fragments -> kinds, in order), or
    None without the encoder's states on the Doc or without candidates."""
    found = article_candidate_scores(scorer, p, [(i, contents)], quotes) if contents else None
    return None if found is None else found[0]


def article_candidate_scores(scorer, p, cues: list[tuple[int, dict]], quotes) -> list[list[float]] | None:
    """``candidate_scores`` of each (cue word, its content candidates) of one article, in one
    batched call; None without the encoder's states on the Doc."""
    from storyline.annotate.quotes.spans import span_scalars

    stored = p.doc.user_data.get(STATES_KEY) if p.doc.user_data else None
    if stored is None:
        return None
    states, offsets = stored
    windows = [cue_window(offsets, p.idx[i], p.end[i], list(contents)) for i, contents in cues]
    return article_scores(scorer, states, windows, [span_scalars(p, i, contents, quotes) for i, contents in cues])


@functools.lru_cache(maxsize=1)
def load_scorer():
    """(scorer, weight) from the packaged artifact, or None when it is absent; the width, layer
    count and scalar count are read from the weights' shapes (``HEADS`` is fixed)."""
    from safetensors.torch import load

    raw = packaged(ARTIFACT)
    if raw is None:
        return None
    weights = load(raw)
    weight = float(weights.pop(MIX_KEY)[0])
    hidden, width = weights["project.1.weight"].shape
    layers = len({k.split(".")[2] for k in weights if k.startswith("encoder.layers.")})
    scalars = weights["mlp.0.weight"].shape[1] - 5 * hidden - EDGE_SCALARS
    scorer = make_scorer(width, scalars, hidden=hidden, layers=layers)
    scorer.load_state_dict({k: v.float() for k, v in weights.items()})
    return scorer.eval(), weight
