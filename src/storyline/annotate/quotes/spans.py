"""Neural scorers for the accurate mode (content, source, cue): read the frozen encoder's states.

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
cross-validation), is added to the tagger-aware content ranker's (``learned.finish_attribution``).

The same design, with the role ``"source"``, scores the cue's source candidates
(``candidates.source_candidates``, "no source" among them) with source-shaped scalars (head's side
and distance, part of speech, entity type, candidate kind, the head's Source probabilities); its
weighted score is added to the linear source ranker's. One artifact per role (``ARTIFACTS``).

The role ``"cue"`` decides whether a word the stacked linear cue model has scored is a cue
(``cue_inputs``): the states at the word and its neighbours, its best content and best source
candidate as spans (the linear rankers' picks) and scalars (first-stage linear score, lexicon
class, part of speech, dependency, quotation marks around, content kind, the head's role
probabilities); trained as a logistic model on every gated PolNeAR train word with out-of-fold
linear inputs, its logit times a weight is added to the stacked cue model's logit and the sum is
compared with its own threshold (``learned.neural_cue_probs``).

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

ARTIFACTS = {"content": "span_scorer.safetensors", "source": "source_scorer.safetensors", "cue": "cue_scorer.safetensors"}
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
# the cue role: content first / last / mean, cue, word before, word after, source first / last / mean
# (the content mean and the cue at 2 and 3, where ``make_scorer`` takes their product)
CUE_VECTORS = 9
VECTOR_COUNTS = {"content": VECTORS, "source": VECTORS, "cue": CUE_VECTORS}
LEXICON = ("speech", "thought", "object", "noun", "other")
CUE_POS = ("VERB", "AUX", "NOUN", "ADJ", "ADP", "PROPN")
CUE_DEPS = ("ROOT", "ccomp", "conj", "advcl", "xcomp", "relcl", "acl", "pcomp", "prep", "punct")
CUE_SCALARS = 14 + len(LEXICON) + len(CUE_POS) + 1 + len(CUE_DEPS) + 1 + len(KINDS) + 4


def inputs(role: str, p, i: int, candidates: dict, quotes) -> tuple[np.ndarray, np.ndarray] | None:
    """The scorer inputs of the cue ``i``'s candidates of ``role`` (``span_inputs`` or
    ``source_inputs``)."""
    return span_inputs(p, i, candidates, quotes) if role == "content" else source_inputs(p, i, candidates)


def span_inputs(p, i: int, contents: dict, quotes) -> tuple[np.ndarray, np.ndarray] | None:
    """(vectors (m, VECTORS, width) float32, scalars (m, SCALARS) float32) of the cue ``i``'s
    candidate spans (``contents``, in order), or None when the Doc has no encoder states."""
    return _stacked(p, i, [(frags, _scalars(p, i, frags, kinds, quotes)) for frags, kinds in contents.items()])


def span_scalars(p, i: int, contents: dict, quotes) -> np.ndarray:
    """(m, SCALARS) float32: the scalars of the cue ``i``'s candidate spans (``span_inputs``'),
    also read by the cue-aware scorer (``cueaware``)."""
    return np.asarray([_scalars(p, i, frags, kinds, quotes) for frags, kinds in contents.items()], dtype=np.float32)


def source_inputs(p, i: int, sources: dict) -> tuple[np.ndarray, np.ndarray] | None:
    """As ``span_inputs`` for the cue's source candidates (range or None -> (head, kinds)); "no
    source" has zero span vectors and its own flag."""
    return _stacked(p, i, [(() if rng is None else (rng,), _source_scalars(p, i, rng, head, kinds))
                           for rng, (head, kinds) in sources.items()])


def cue_inputs(p, i: int, index, first_score: float, content, content_score: float | None, kinds: set[str],
               source) -> tuple[np.ndarray, np.ndarray] | None:
    """(vectors (1, CUE_VECTORS, width), scalars (1, CUE_SCALARS)) of the would-be cue ``i``: its
    own state and its neighbours', the best content candidate (``content``, fragments or None, with
    its ranker ``content_score`` and ``kinds``) and best source (range or None) as spans, and the
    first-stage linear cue score ``first_score`` (a logit) among the scalars; None without states."""
    stored = p.doc.user_data.get(STATES_KEY) if p.doc.user_data else None
    if stored is None:
        return None
    states, offsets = stored
    vectors = np.zeros((1, CUE_VECTORS, states.shape[1]), dtype=np.float32)
    if content:
        vectors[0, 0:3] = _span_vectors(states, offsets, content)
    vectors[0, 3] = _mean(states, [pieces_in(offsets, p.idx[i], p.end[i])])
    if i > 0:
        vectors[0, 4] = _mean(states, [pieces_in(offsets, p.idx[i - 1], p.end[i - 1])])
    if i + 1 < p.n:
        vectors[0, 5] = _mean(states, [pieces_in(offsets, p.idx[i + 1], p.end[i + 1])])
    if source is not None:
        vectors[0, 6:9] = _span_vectors(states, offsets, (source,))
    scalars = _cue_scalars(p, i, index, first_score, content, content_score, kinds, source)
    return vectors, np.asarray([scalars], dtype=np.float32)


def _span_vectors(states: np.ndarray, offsets: np.ndarray, frags) -> np.ndarray:
    """First piece, last piece and mean state of a span (fragments); zeros without a piece."""
    out = np.zeros((3, states.shape[1]), dtype=np.float32)
    ranges = [r for r in (pieces_in(offsets, s, e) for s, e in frags) if r[1] > r[0]]
    if ranges:
        out[0], out[1], out[2] = states[ranges[0][0]], states[ranges[-1][1] - 1], _mean(states, ranges)
    return out


def _cue_scalars(p, i: int, index, first_score: float, content, content_score, kinds, source) -> list[float]:
    """The word (lexicon class, part of speech, dependency, root of its sentence), its place
    (sentence edges, inside / next to a quotation), the linear models' view (first-stage score, the
    content ranker's score and kind) and the encoder head's Cue / Content / Source probabilities."""
    first, last = p.sent(i)
    at = p.idx[i]
    near = index.near(p.idx[first], p.end[last - 1])
    quote_before = any(q.outer_end <= at for q in near)
    quote_after = any(q.outer_start > at for q in near)
    inside = index.containing(at) is not None
    out = [max(-8.0, min(8.0, first_score)) / 4, float(inside), float(quote_before), float(quote_after),
           math.log1p(i - first) / 4, math.log1p(last - 1 - i) / 4, float(p.head[i] == i),
           float(p.lower[i] == ":"), float(any(p.dep[c] in ("nsubj", "nsubjpass") for c in p.children[i])),
           float(any(p.dep[c] == "ccomp" for c in p.children[i])), float(content is not None),
           0.0 if content_score is None else max(-8.0, min(8.0, content_score)) / 4, float(source is not None), 1.0]
    out += [float(C.lexicon_class(p.lemma[i]) == c) for c in LEXICON]
    out += [float(p.pos[i] == pos) for pos in CUE_POS] + [float(p.pos[i] not in CUE_POS)]
    out += [float(p.dep[i] == d) for d in CUE_DEPS] + [float(p.dep[i] not in CUE_DEPS)]
    kind = C.content_kind(kinds) if content is not None else None
    out += [float(kind == k) for k in KINDS]
    r = p.roles
    if r is None:
        return out + [0.0] * 4
    cue_in = float(r[i, _COL["Cue:in"]])
    content_in = float(r[[t for f in content for t in p.tokens_in(f)], _COL["Content:in"]].mean()) if content else 0.0
    source_in = float(r[list(p.tokens_in(source)), _COL["Source:in"]].mean()) if source is not None else 0.0
    return out + [cue_in, content_in, source_in, _signed_log(p.token_at(content[0][0]) - i) if content else 0.0]


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
        vectors[row, 0:3] = _span_vectors(states, offsets, frags)
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


def make_scorer(width: int, hidden: int = HIDDEN, dropout: float = DROPOUT, scalars: int = SCALARS,
                vectors: int = VECTORS):
    """A projection shared by the ``vectors`` state vectors, then an MLP over them, the product of
    the third and fourth (span mean and cue) and the ``scalars``: about 0.2 M parameters (four
    vectors)."""
    import torch
    from torch import nn

    class Scorer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.project = nn.Sequential(nn.Dropout(dropout), nn.Linear(width, hidden), nn.GELU())
            self.mlp = nn.Sequential(nn.Linear((vectors + 1) * hidden + scalars, hidden), nn.GELU(), nn.Dropout(dropout),
                                     nn.Linear(hidden, 1))

        def forward(self, vectors: torch.Tensor, scalars: torch.Tensor) -> torch.Tensor:
            h = self.project(vectors)  # (m, vectors, hidden)
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
    the linear ranker's score; the cue scorer's ``MIX_KEY`` also holds the mixed decision's
    threshold: (scorer, weight, threshold)."""
    from safetensors.torch import load

    raw = packaged(ARTIFACTS[role])
    if raw is None:
        return None
    weights = load(raw)
    mix = [float(x) for x in weights.pop(MIX_KEY)]
    projection = weights["project.1.weight"]
    hidden = projection.shape[0]
    vectors = VECTOR_COUNTS[role]
    scalars = weights["mlp.0.weight"].shape[1] - (vectors + 1) * hidden
    scorer = make_scorer(projection.shape[1], hidden, scalars=scalars, vectors=vectors)
    scorer.load_state_dict({k: v.float() for k, v in weights.items()})
    return (scorer.eval(), *mix)
