"""Neural span scorers for the accurate mode (content and source): read the frozen encoder's states.

The linear content rankers (``learned``) see a candidate span through string features, the
encoder's role probabilities among them only as buckets; given a found cue they pick a wrong
candidate while the right one is in their list for about a tenth of gold contents
(docs/benchmarks.md, session 12). This scorer is the standard span-representation design of
span-based coreference and SRL: a candidate is represented by the encoder's states at its first
and last word piece, the mean state inside it and the cue's state (one shared projection), plus a
few scalars (length, distance and side from the cue, candidate kind, sentence and quotation
crossings, the encoder head's Content probabilities at its edges); an MLP gives one score.
Trained with a softmax over each cue's candidates on PolNeAR train
(``benchmarks/train_quote_spans.py``); at inference its score, times ``weight`` (chosen by
cross-validation), is added to the tagger-aware content ranker's (``learned.attribution_at``).

The same design, with the role ``"source"``, scores the cue's source candidates
(``candidates.source_candidates``, "no source" among them) with source-shaped scalars (head's side
and distance, part of speech, entity type, candidate kind, the head's Source probabilities); its
weighted score is added to the linear source ranker's. One artifact per role (``ARTIFACTS``).

Runs only in the accurate mode, when the encoder has left its states on the Doc (``encoder.attach``)
and the artifact is present; loaded once per process.
"""
from __future__ import annotations

import functools
import math

import numpy as np

from storyline.annotate.quotes import candidates as C
from storyline.annotate.quotes.artifacts import packaged
from storyline.annotate.quotes.encoder import OUTPUTS, ROLES, pieces_in
from storyline.annotate.quotes.parsed import STATES_KEY  # (piece states float16 (n, width), offsets (n, 2))

ARTIFACTS = {"content": "span_scorer.safetensors", "source": "source_scorer.safetensors"}
MIX_KEY = "mix_weight"  # the artifact's one-element tensor: the weight of the scorer's output
KINDS = ("quote", "clause", "prep", "object", "other")
VECTORS = 4  # first piece, last piece, mean inside, cue
HIDDEN = 128
DROPOUT = 0.1
_COL = {name: k for k, name in enumerate(OUTPUTS)}
SCALARS = 14 + len(KINDS) + 9
# source candidate kinds (``candidates.source_candidates``) by family: a substring of the kind
SOURCE_FAMILIES = ("rule", "nsubj@", "nsubjpass@", "poss@", "by@", "by+@", "to@", "from@", "@cue", "relhead",
                   "near_subj", "colon")
SOURCE_SCALARS = 16 + len(SOURCE_FAMILIES) + 9


def inputs(role: str, p, i: int, candidates: dict, quotes) -> tuple[np.ndarray, np.ndarray] | None:
    """The scorer inputs of the cue ``i``'s candidates of ``role`` (``span_inputs`` or
    ``source_inputs``)."""
    return span_inputs(p, i, candidates, quotes) if role == "content" else source_inputs(p, i, candidates)


def span_inputs(p, i: int, contents: dict, quotes) -> tuple[np.ndarray, np.ndarray] | None:
    """(vectors (m, VECTORS, width) float32, scalars (m, SCALARS) float32) of the cue ``i``'s
    candidate spans (``contents``, in order), or None when the Doc has no encoder states."""
    return _stacked(p, i, [(frags, _scalars(p, i, frags, kinds, quotes)) for frags, kinds in contents.items()])


def source_inputs(p, i: int, sources: dict) -> tuple[np.ndarray, np.ndarray] | None:
    """As ``span_inputs`` for the cue's source candidates (range or None -> (head, kinds)); "no
    source" has zero span vectors and its own flag."""
    return _stacked(p, i, [(() if rng is None else (rng,), _source_scalars(p, i, rng, head, kinds))
                           for rng, (head, kinds) in sources.items()])


def _stacked(p, i: int, candidates: list[tuple]) -> tuple[np.ndarray, np.ndarray] | None:
    """Vectors (edges, mean inside, cue) and scalars of (fragments, scalars) candidates, or None
    when the Doc has no encoder states."""
    stored = p.doc.user_data.get(STATES_KEY) if p.doc.user_data else None
    if stored is None or not candidates:
        return None
    states, offsets = stored
    lo, hi = pieces_in(offsets, p.idx[i], p.end[i])
    cue = _mean(states, [(lo, hi)])
    vectors = np.zeros((len(candidates), VECTORS, states.shape[1]), dtype=np.float32)
    for row, (frags, _) in enumerate(candidates):
        ranges = [r for r in (pieces_in(offsets, s, e) for s, e in frags) if r[1] > r[0]]
        if ranges:
            vectors[row, 0] = states[ranges[0][0]]
            vectors[row, 1] = states[ranges[-1][1] - 1]
            vectors[row, 2] = _mean(states, ranges)
        vectors[row, 3] = cue
    return vectors, np.asarray([s for _, s in candidates], dtype=np.float32)


def _mean(states: np.ndarray, ranges: list[tuple[int, int]]) -> np.ndarray:
    parts = [states[lo:hi] for lo, hi in ranges if hi > lo]
    if not parts:
        return np.zeros(states.shape[1], dtype=np.float32)
    return np.concatenate(parts).astype(np.float32).mean(axis=0)


def _scalars(p, i: int, frags, kinds: set[str], quotes) -> list[float]:
    """Shape of the candidate relative to its cue, its sentences and quotation marks, and the
    encoder head's Content probabilities at and just outside its edges."""
    tokens = [t for rng in frags for t in p.tokens_in(rng) if not p.is_punct[t]] or [p.token_at(frags[0][0])]
    first, last = tokens[0], tokens[-1]
    sent_first, sent_last = p.sent(first), p.sent(last)
    cue_sent = p.sent(i)
    start, end = frags[0][0], frags[-1][1]
    inside_quote = any(q.start <= start and end <= q.end for q in quotes)
    crosses_quote = any((start < q.start < end) != (start < q.end < end) for q in quotes)
    kind = C.content_kind(kinds)
    out = [math.log1p(len(tokens)) / 5, _signed_log(first - i), _signed_log(last - i), float(first <= i <= last),
           float(len(frags) - 1), float(sent_first != sent_last), float(first == sent_first[0]),
           float(last == sent_last[1] - 1), float(sent_first == cue_sent or sent_last == cue_sent),
           float(inside_quote), float(crosses_quote), float(any(k.startswith("tag") for k in kinds)),
           float(len(kinds)) / 5, 1.0]
    out += [float(kind == k) for k in KINDS]
    out += _role_scalars(p, tokens, "Content")
    return out


def _source_scalars(p, i: int, rng, head: int | None, kinds: set[str]) -> list[float]:
    """Where the candidate source is (side and distance of its head and edges from the cue, same
    sentence), what it is (pronoun, proper noun, entity type, candidate kinds) and what the
    encoder head says of it (Source probabilities at its edges, inside and just outside)."""
    if rng is None or head is None:
        return [1.0] + [0.0] * (SOURCE_SCALARS - 2) + [1.0]
    tokens = [t for t in p.tokens_in(rng) if not p.is_punct[t]] or [head]
    first, last, ent = tokens[0], tokens[-1], p.ent_type[head]
    out = [0.0, math.log1p(len(tokens)) / 5, _signed_log(head - i), _signed_log(first - i), _signed_log(last - i),
           float(p.sent(head) == p.sent(i)), float(p.pos[head] == "PRON"), float(p.pos[head] == "PROPN"),
           float(p.pos[head] == "NOUN"), float(ent == "PERSON"), float(ent == "ORG"), float(ent in ("GPE", "NORP")),
           float(ent not in ("", "PERSON", "ORG", "GPE", "NORP")), float(len(tokens) > 1 and any(
               p.lower[t] == "," for t in range(first, last))), float(len(kinds)) / 10, 1.0]
    out += [float(any(family in k for k in kinds)) for family in SOURCE_FAMILIES]
    return out + _role_scalars(p, tokens, "Source")


def _signed_log(d: int) -> float:
    return math.copysign(math.log1p(abs(d)), d) / 5


def _role_scalars(p, tokens: list[int], role: str) -> list[float]:
    """The encoder head on the candidate of ``role``: its start / end probabilities at the edges,
    ``role`` inside (mean, min), the two other roles inside, ``role`` just outside."""
    r = p.roles
    if r is None:
        return [0.0] * 9
    first, last = tokens[0], tokens[-1]
    before = next((k for k in range(first - 1, -1, -1) if not p.is_punct[k]), None)
    after = next((k for k in range(last + 1, p.n) if not p.is_punct[k]), None)
    inside = r[tokens, _COL[f"{role}:in"]]
    others = [float(r[tokens, _COL[f"{o}:in"]].mean()) for o in ROLES if o != role]
    return [float(r[first, _COL[f"{role}:start"]]), float(r[last, _COL[f"{role}:end"]]), float(inside.mean()),
            float(inside.min()), *others,
            float(r[before, _COL[f"{role}:in"]]) if before is not None else 0.0,
            float(r[after, _COL[f"{role}:in"]]) if after is not None else 0.0, 1.0]


def make_scorer(width: int, hidden: int = HIDDEN, dropout: float = DROPOUT, scalars: int = SCALARS):
    """A projection shared by the four state vectors, then an MLP over them, the span-cue
    product and the ``scalars``: about 0.2 M parameters."""
    import torch
    from torch import nn

    class Scorer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.project = nn.Sequential(nn.Dropout(dropout), nn.Linear(width, hidden), nn.GELU())
            self.mlp = nn.Sequential(nn.Linear((VECTORS + 1) * hidden + scalars, hidden), nn.GELU(), nn.Dropout(dropout),
                                     nn.Linear(hidden, 1))

        def forward(self, vectors: torch.Tensor, scalars: torch.Tensor) -> torch.Tensor:
            h = self.project(vectors)  # (m, VECTORS, hidden)
            joined = torch.cat([h.flatten(1), h[:, 2] * h[:, 3], scalars], dim=1)
            return self.mlp(joined)[:, 0]

    return Scorer()


def scores(scorer, inputs: tuple[np.ndarray, np.ndarray]) -> list[float]:
    import torch

    with torch.no_grad():
        return scorer(torch.from_numpy(inputs[0]), torch.from_numpy(inputs[1])).tolist()


@functools.lru_cache(maxsize=2)
def load_scorer(role: str = "content"):
    """(scorer, weight) of ``role`` from its packaged artifact, or None when it is absent.
    ``weight`` (the artifact's ``MIX_KEY``) multiplies the scorer's output before it is added to
    the linear ranker's score."""
    from safetensors.torch import load

    raw = packaged(ARTIFACTS[role])
    if raw is None:
        return None
    weights = load(raw)
    weight = float(weights.pop(MIX_KEY)[0])
    projection = weights["project.1.weight"]
    hidden = projection.shape[0]
    scalars = weights["mlp.0.weight"].shape[1] - (VECTORS + 1) * hidden
    scorer = make_scorer(projection.shape[1], hidden, scalars=scalars)
    scorer.load_state_dict({k: v.float() for k, v in weights.items()})
    return scorer.eval(), weight
