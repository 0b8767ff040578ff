"""Token-level content boundaries for a given cue: where its content starts and where it ends.

The content ranker (``learned``) chooses among parse-derived candidates (``candidates``); about a
fifth of PolNeAR's contents are none of them (a leading "to" or "are" left to the cue, a span
ending mid-constituent), and the ranker often picks a candidate that ends too late or starts too
early. Here two per-token logistic models score, for one cue, each token of the cue's sentence as
the content's first token (``start``) and each token of that sentence and of the next
``END_SENTENCES`` sentences as its last token (``end``), from features relative to the cue: side
and distance, the word and its neighbours, quote marks and punctuation around it, sentence edges,
and where the token stands in the cue's parse (first or last word of a complement of the cue, of
the cue's head, of a clause). Their output is used twice (``learned.content_step``): the best
start/end pairs become extra content candidates (``proposals``), and every candidate gets the
probabilities at its edges as ranker features (``features``). Trained on PolNeAR train gold
(``benchmarks/train_quotes.py``); the ranker learns from out-of-fold tagger outputs.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import repeat

from storyline.annotate.quotes import encoder
from storyline.annotate.quotes.parsed import Parsed

# sentences after the cue's own where the content may end (5% of PolNeAR's contents end in the
# next sentence, 2% in the one after)
END_SENTENCES = 2
# tokens at the end of each of those sentences that may end the content
TAIL = 3
# longest proposed span, in tokens
MAX_TOKENS = 90
# start/end pairs proposed as candidates, best first
PROPOSALS = 3
OPEN_MARKS = frozenset("\"'“‘«‹„‚(")
CLOSE_MARKS = frozenset("\"'”’»›)")
FUNCTION_POS = frozenset("ADP DET SCONJ CCONJ PART PRON ADV AUX".split())
COMPLEMENT_DEPS = frozenset("ccomp xcomp dobj attr acomp advcl parataxis csubj oprd conj prep pobj pcomp agent "
                            "nsubj nsubjpass acl relcl dative npadvmod".split())


@dataclass(slots=True)
class Tags:
    """One cue's boundary probabilities: token -> P(first token of the content), P(last token)."""

    start: dict[int, float]
    end: dict[int, float]
    pairs: list[tuple[float, int, int]]  # best (log-probability, start, end) pairs, best first
    rank_start: dict[int, int]  # token -> rank of its start probability (0: the best)
    rank_end: dict[int, int]


def window(p: Parsed, i: int) -> tuple[list[int], list[int]]:
    """Tokens that may start the cue's content (its sentence) and that may end it (its sentence
    and the last ``TAIL`` tokens of each of the next ``END_SENTENCES``: a content running on
    ends with a sentence), without the cue word itself."""
    first, last = p.sent(i)
    starts = [t for t in range(first, last) if t != i]
    ends = list(starts)
    stop = last
    for _ in range(END_SENTENCES):
        if stop >= p.n:
            break
        begin, stop = stop, p.sent(stop)[1]
        ends += range(max(begin, stop - TAIL), stop)
    return starts, ends


def _word(p: Parsed, k: int) -> str:
    return p.lower[k] if p.pos[k] in FUNCTION_POS or p.is_punct[k] else p.pos[k]


def _independent(p: Parsed, text: str, t: int, side: str, memo: dict) -> tuple[str, ...]:
    """The cue-independent features of token ``t`` on one side of a cue (memoised per article in
    ``memo``: the windows of a sentence's cues overlap)."""
    got = memo.get((t, side))
    if got is None:
        first, last = p.sent(t)
        before = text[max(0, p.idx[t] - 2):p.idx[t]].strip()[-1:] or "_"
        after = text[p.end[t]:p.end[t] + 2].strip()[:1] or "_"
        word = _word(p, t)
        prev = _word(p, t - 1) if t > first else "^"
        nxt = _word(p, t + 1) if t + 1 < last else "$"
        edge = "f" if t == first else "l" if t >= last - 2 else "m"
        qb = "Q" if before in OPEN_MARKS else before if not before.isalnum() else "a"
        qa = "Q" if after in CLOSE_MARKS else after if not after.isalnum() else "a"
        lex = p.lemma[t] if p.pos[t] in ("VERB", "AUX", "SCONJ", "ADP") else word
        got = memo[(t, side)] = (
            f"w={side}{word}", f"pd={side}{p.pos[t]}|{p.dep[t]}", f"pv={side}{prev}", f"nx={side}{nxt}",
            f"pw={side}{prev}|{word}", f"wn={side}{word}|{nxt}", f"qb={side}{qb}", f"qa={side}{qa}",
            f"qq={side}{qb}|{qa}", f"x={side}{lex}", f"ed={side}{edge}|{word}",
            *(encoder.boundary_features(p, t, side) if p.roles is not None else ()), word, edge)
    return got


def _dist(n: int) -> str:
    return str(n) if n < 4 else "4-7" if n < 8 else "8-15" if n < 16 else "16-31" if n < 32 else "32+"


def _structure(p: Parsed, i: int) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """Tokens that begin or end a constituent related to the cue: a complement of the cue (or
    of its complement), the cue's head's subtree, the cue's own subtree."""
    lefts: dict[int, list[str]] = {}
    rights: dict[int, list[str]] = {}

    def mark(node: int, tag: str) -> None:
        sub = p.subtree(node)
        lefts.setdefault(sub[0], []).append(tag)
        rights.setdefault(sub[-1], []).append(tag)
        k = sub[-1]
        while k > sub[0] and p.is_punct[k]:  # the last word before closing punctuation
            k -= 1
        if k != sub[-1]:
            rights.setdefault(k, []).append(tag + "-p")

    for c in p.children[i]:
        if p.dep[c] in COMPLEMENT_DEPS:
            mark(c, "c:" + p.dep[c])
            for g in p.children[c]:
                if p.dep[g] in COMPLEMENT_DEPS:
                    mark(g, "g:" + p.dep[g])
    h = p.head[i]
    if h != i:
        mark(h, "h:" + p.dep[i])
        for c in p.children[h]:
            if c != i and p.dep[c] in COMPLEMENT_DEPS:
                mark(c, "s:" + p.dep[c])
    mark(i, "self")
    return lefts, rights


def token_features(p: Parsed, i: int, text: str, tokens: list[int]) -> list[list[str]]:
    """Features of ``tokens`` as boundaries of the content of the cue at ``i``."""
    return [list(independent) + dependent for independent, dependent in _split_features(p, i, text, tokens)]


def _split_features(p: Parsed, i: int, text: str, tokens: list[int]) -> list[tuple[tuple[str, ...], list[str]]]:
    """``token_features`` as (cue-independent part, part that depends on the cue) per token."""
    lefts, rights = _structure(p, i)
    sub = p.subtree(i)
    lo, hi = sub[0], sub[-1]
    first, last = p.sent(i)
    cue = p.pos[i]
    lemma = p.lemma[i]
    rows, memo = [], p.__dict__.setdefault("_boundary_memo", {})
    lean = "boundary" in p.lean  # without the templates crossed with the cue's lemma (cl, cw)
    for t in tokens:
        side = "R" if t > i else "L"
        independent = memo.get((t, side)) or _independent(p, text, t, side, memo)
        word, edge = independent[-2:]
        where = f"{side}{'0' if first <= t < last else '1'}{'in' if lo <= t <= hi else 'out'}"
        d = _dist(abs(t - i))
        f = [f"d={side}{d}", f"e={where}{edge}", f"wh={where}"]
        if not lean:
            f += [f"cl={lemma}|{side}{d}", f"cw={lemma}|{side}{word}"]
        f.append(f"cp={cue}|{side}{d}|{word}")
        tags = lefts.get(t, ())
        f += [f"L={side}{tag}" for tag in tags]
        f += [f"R={side}{tag}" for tag in rights.get(t, ())]
        f += [f"Lw={side}{tag}|{word}" for tag in tags[:2]]
        rows.append((independent[:-2], f))
    return rows


_PAIRED: dict[tuple[int, int], tuple[tuple, dict[str, complex]]] = {}


def paired_weights(start_model, end_model) -> dict[str, complex]:
    """feature -> complex(start weight, end weight), made once per pair of models (kept with
    them, so their ids stay theirs; training makes one pair per fold; the content rankers use it too,
    ``learned.content_scores``). Both models score the same rows: one look-up gives both weights,
    and ``sum`` adds the real and the imaginary parts apart, each exactly as the sum of one model's
    floats (the same scores to the bit)."""
    key = (id(start_model), id(end_model))
    got = _PAIRED.get(key)
    if got is None:
        if len(_PAIRED) >= 8:  # two pairs per packaged model
            _PAIRED.clear()
        weights = {f: complex(w, 0.0) for f, w in start_model.weights.items()}
        for f, w in end_model.weights.items():
            weights[f] = complex(weights[f].real if f in weights else 0.0, w)
        got = _PAIRED[key] = ((start_model, end_model), weights)
    return got[1]


def _probs(p: Parsed, start_model, end_model, side_rows: list[tuple[tuple[str, ...], list[str]]],
           tokens: list[int], i: int) -> tuple[list[float], list[float]]:
    """The start and end models' ``probs`` of the tokens' full feature lists; the cue-independent
    part of each score is summed once per article, token and side."""
    weights = paired_weights(start_model, end_model)
    memo = p.__dict__.setdefault("_boundary_sums", {})
    _, sums = memo.setdefault(id(weights), (weights, {}))  # the weights are kept, so their id stays theirs
    get, zero, exp = weights.get, repeat(0j), math.exp
    start_bias, end_bias = start_model.bias, end_model.bias
    starts, ends = [], []
    for t, (independent, dependent) in zip(tokens, side_rows):
        key = (t, t > i)
        base = sums.get(key)
        if base is None:
            base = sums[key] = sum(map(get, independent, zero))
        rest = sum(map(get, dependent, zero))
        # the logistic function (no overflow) written out: two calls a token cost more than it
        s = -(start_bias + base.real + rest.real)
        starts.append(1.0 / (1.0 + exp(s if s < 700.0 else 700.0)))
        s = -(end_bias + base.imag + rest.imag)
        ends.append(1.0 / (1.0 + exp(s if s < 700.0 else 700.0)))
    return starts, ends


def tag(p: Parsed, i: int, text: str, start_model, end_model) -> Tags:
    """The boundary probabilities of the cue at ``i`` and its best start/end pairs. A pair is one
    span on one side of the cue (not holding it), at most ``MAX_TOKENS`` long."""
    starts, ends = window(p, i)
    start_probs, end_probs = _probs(p, start_model, end_model, _split_features(p, i, text, ends), ends, i)
    ps = dict(zip(starts, start_probs))  # ``ends`` begins with ``starts``
    pe = dict(zip(ends, end_probs))
    order_s = _by_probability(ps)
    order_e = _by_probability(pe)
    pairs = sorted(((math.log(ps[s] * pe[e] + 1e-12), s, e) for s in order_s[:6] for e in order_e[:6]
                    if s <= e < s + MAX_TOKENS and (e < i or s > i)), key=lambda x: (-x[0], x[1], x[2]))
    return Tags(ps, pe, pairs[:PROPOSALS], {t: k for k, t in enumerate(order_s)},
                {t: k for k, t in enumerate(order_e)})


def _by_probability(probs: dict[int, float]) -> list[int]:
    """Tokens by decreasing probability, ties by position (sorted as tuples: no key function
    called per token)."""
    return [t for _, t in sorted(zip([-x for x in probs.values()], probs))]


def proposals(p: Parsed, tags: Tags) -> list[tuple[str, list[list[int]]]]:
    """Candidate kinds and token groups from the best start/end pairs; a span over a sentence
    break also split there (annotators do either)."""
    out = []
    for n, (_, s, e) in enumerate(tags.pairs):
        out.append((f"tag{n}", [list(range(s, e + 1))]))
        groups, k = [], s
        while k <= e:
            stop = min(e + 1, p.sent(k)[1])
            groups.append(list(range(k, stop)))
            k = stop
        if len(groups) > 1:
            out.append((f"tag{n}ss", groups))
    return out


def _level(prob: float | None) -> str:
    if prob is None:
        return "out"
    return str(max(-5, min(0, math.floor(math.log(prob + 1e-9)))))


def features(p: Parsed, tags: Tags, frags, kind: str) -> list[str]:
    """Ranker features of a content candidate (character fragments; ``kind``: its
    ``candidates.content_kind``): the probabilities at its first and last token, their rank, and
    whether it is the tagger's best span."""
    s, e = p.token_at(frags[0][0]), p.token_at(frags[-1][1] - 1)
    ps, pe = tags.start.get(s), tags.end.get(e)
    ls, le = _level(ps), _level(pe)
    best = tags.pairs[0] if tags.pairs else None
    rank_s = "-" if ps is None else str(min(3, tags.rank_start[s]))
    rank_e = "-" if pe is None else str(min(3, tags.rank_end[e]))
    joint = "out" if ps is None or pe is None else str(max(-8, math.floor(math.log(ps * pe + 1e-9))))
    f = [f"bs={ls}", f"be={le}", f"bse={ls}|{le}", f"bj={joint}", f"brs={rank_s}", f"bre={rank_e}",
         f"brr={rank_s}|{rank_e}", f"bkj={kind}|{joint}", f"bkr={kind}|{rank_s}|{rank_e}"]
    if best is not None:
        same = f"{'s' if s == best[1] else '-'}{'e' if e == best[2] else '-'}"
        f += [f"bsame={same}", f"bksame={kind}|{same}|{len(frags)}"]
    return f
