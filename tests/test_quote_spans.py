"""The accurate mode's neural content-span scorer: span inputs, mixing, training, artifact."""
from __future__ import annotations

import numpy as np
import pytest

from storyline.annotate.quotes import encoder as E
from storyline.annotate.quotes import learned
from storyline.annotate.quotes import spans as S
from storyline.annotate.quotes.marks import scan_quotes
from storyline.annotate.quotes.parsed import STATES_KEY, Parsed

TEXT = "The mayor said the bridge would close in May. \u201cIt is old,\u201d she added.\n"

needs_torch = pytest.mark.skipif(not E.available(), reason="torch, transformers or the MiniLM package not installed")


def _with_token_states(doc):
    """One "word piece" per token whose state is its index (width 2), so vectors are checkable."""
    offsets = np.array([(t.idx, t.idx + len(t)) for t in doc], dtype=np.int64)
    states = np.stack([np.arange(len(doc)), -np.arange(len(doc))], axis=1).astype(np.float16)
    doc.user_data[STATES_KEY] = (states, offsets)
    return doc


def _chars(doc, first: int, last: int) -> tuple[tuple[int, int], ...]:
    return ((doc[first].idx, doc[last].idx + len(doc[last])),)


def test_span_inputs_read_edges_mean_and_cue_states(nlp):
    doc = _with_token_states(nlp(TEXT))
    p = Parsed(doc)
    said, may, it, old = (next(t.i for t in doc if t.text == w) for w in ("said", "May", "It", "old"))
    bridge_clause = _chars(doc, said + 1, may)  # "the bridge would close in May"
    quotation = _chars(doc, it, old)  # "It is old"
    vectors, scalars = S.span_inputs(p, said, {bridge_clause: {"ccomp"}, quotation: {"quote"}}, scan_quotes(TEXT))
    assert vectors.shape == (2, S.VECTORS, 2) and scalars.shape == (2, S.SCALARS)
    first, last, mean, cue = vectors[0]
    assert (first[0], last[0], cue[0]) == (said + 1, may, said)
    assert mean[0] == pytest.approx((said + 1 + may) / 2)
    kinds = scalars[:, 14:14 + len(S.KINDS)]
    assert kinds[0, S.KINDS.index("clause")] == 1 and kinds[1, S.KINDS.index("quote")] == 1
    after, contains, cue_sentence, in_quote = scalars[:, 1], scalars[:, 3], scalars[:, 8], scalars[:, 9]
    assert after[0] > 0 and contains[0] == 0 and in_quote.tolist() == [0, 1]
    assert cue_sentence.tolist() == [1, 0]  # the quotation is in the next sentence


def test_without_encoder_states_the_scorer_is_not_used(nlp):
    doc = nlp(TEXT)
    p = Parsed(doc)
    said = next(t.i for t in doc if t.text == "said")
    contents = {_chars(doc, said + 1, said + 7): {"ccomp"}}
    assert S.span_inputs(p, said, contents, []) is None
    assert learned.span_scores(p, said, contents, [], scorer=("any scorer", 1.0)) is None
    assert learned.span_scores(p, said, contents, [], scorer=None) is None


def test_extra_scores_move_the_content_pick():
    ranker = learned.Linear({"clause": 1.0, "quote": 0.5})
    contents = {((10, 20),): {"ccomp"}, ((30, 40),): {"quote"}}
    rows = [["clause"], ["quote"]]
    assert learned.pick_content(contents, rows, ranker)[0] == ((10, 20),)
    assert learned.pick_content(contents, rows, ranker, [0.0, 0.4])[0] == ((10, 20),)
    assert learned.pick_content(contents, rows, ranker, [0.0, 0.6])[0] == ((30, 40),)
    # the source filter keeps the extra scores aligned with the candidates it keeps
    assert learned._pick_apart_from(contents, ranker.scores(rows), (12, 15), [5.0, 0.6]) == ((30, 40),)


def _synthetic_queries(n: int, rng) -> list[tuple]:
    """Cues of 4 candidates whose gold one has a high first scalar; states are noise."""
    out = []
    for k in range(n):
        vectors = rng.normal(size=(4, S.VECTORS, 8)).astype(np.float16)
        scalars = rng.normal(size=(4, S.SCALARS)).astype(np.float32)
        gold = np.zeros(4, dtype=bool)
        gold[rng.integers(4)] = True
        scalars[:, 0] = 3.0 * gold
        out.append((k, vectors, scalars, gold, [[] for _ in range(4)]))
    return out


@needs_torch
def test_training_learns_which_candidate_is_gold():
    from benchmarks.train_quote_spans import neural_scores, train

    rng = np.random.default_rng(1)
    scorer = train(_synthetic_queries(400, rng), epochs=4)
    held = _synthetic_queries(100, rng)
    picks = [int(np.argmax(s)) for s in neural_scores(scorer, held)]
    assert np.mean([q[3][p] for p, q in zip(picks, held)]) > 0.9


@needs_torch
def test_artifact_round_trip_keeps_scores_and_weight(tmp_path, monkeypatch):
    import benchmarks.train_quote_spans as T

    scorer = S.make_scorer(8, hidden=16).eval()
    monkeypatch.setattr(T, "ARTIFACT_DIR", tmp_path)
    T.save(scorer, 0.75)
    monkeypatch.setattr(S, "packaged", lambda name: (tmp_path / name).read_bytes())
    loaded, weight = S.load_scorer.__wrapped__()
    assert weight == 0.75
    inputs = (np.random.default_rng(0).normal(size=(3, S.VECTORS, 8)).astype(np.float32),
              np.zeros((3, S.SCALARS), dtype=np.float32))
    assert S.scores(loaded, inputs) == pytest.approx(S.scores(scorer, inputs), abs=0.05)  # float16 weights


@needs_torch
def test_packaged_source_scorer_loads_with_its_mixing_weight():
    loaded = S.load_scorer.__wrapped__("source")
    assert loaded is not None, "source_scorer.safetensors ships with the package (session 14)"
    scorer, weight = loaded
    assert weight == 0.5
    inputs = (np.zeros((2, S.VECTORS, scorer.project[1].in_features), dtype=np.float32),
              np.zeros((2, scorer.mlp[0].in_features - (S.VECTORS + 1) * scorer.project[1].out_features),
                       dtype=np.float32))
    assert len(S.scores(scorer, inputs)) == 2


@needs_torch
def test_accurate_mode_leaves_the_encoder_states_for_the_scorer(nlp):
    if E.load_head() is None:
        pytest.skip("no encoder head artifact")
    doc = nlp(TEXT)
    assert E.attach(doc, TEXT)
    states, offsets = doc.user_data[STATES_KEY]
    assert states.shape == (len(offsets), E.load_base().width) and states.dtype == np.float16


def test_source_inputs_read_the_source_span_and_flag_no_source(nlp):
    doc = _with_token_states(nlp(TEXT))
    p = Parsed(doc)
    said, mayor = (next(t.i for t in doc if t.text == w) for w in ("said", "mayor"))
    the_mayor = (doc[mayor - 1].idx, doc[mayor].idx + len(doc[mayor]))
    sources = {None: (None, {"none"}), the_mayor: (mayor, {"rule", "nsubj@0"})}
    vectors, scalars = S.inputs("source", p, said, sources, [])
    assert vectors.shape == (2, S.VECTORS, 2) and scalars.shape == (2, S.SOURCE_SCALARS)
    assert not vectors[0, :3].any() and vectors[0, 3, 0] == said  # no source: only the cue's state
    first, last, mean, cue = vectors[1]
    assert (first[0], last[0], cue[0]) == (mayor - 1, mayor, said) and mean[0] == pytest.approx(mayor - 0.5)
    none, head_side, same_sentence = scalars[:, 0], scalars[:, 2], scalars[:, 5]
    assert none.tolist() == [1, 0] and head_side[1] < 0 and same_sentence[1] == 1
    families = dict(zip(S.SOURCE_FAMILIES, scalars[1, 16:16 + len(S.SOURCE_FAMILIES)]))
    assert families["rule"] == 1 and families["nsubj@"] == 1 and families["colon"] == 0
    assert learned.span_scores(Parsed(nlp(TEXT)), said, sources, [], ("any scorer", 1.0), "source") is None


def test_fast_model_without_source_scorer_keeps_the_linear_source_choice(nlp):
    doc = nlp(TEXT)
    p = Parsed(doc)
    said, mayor = (next(t.i for t in doc if t.text == w) for w in ("said", "mayor"))
    the_mayor = (doc[mayor - 1].idx, doc[mayor].idx + len(doc[mayor]))
    sources = {None: (None, {"none"}), the_mayor: (mayor, {"rule"})}
    ranker = learned.Linear({"none": 1.0})
    model = learned.QuoteModel(cue=ranker, content=ranker, source=ranker, span=ranker)
    assert learned.pick_source(p, said, TEXT, sources, model) is None
    # the scorer's extra scores are added to the ranker's, as for contents
    rows = [["none"], ["k=rule"]]
    assert learned.pick_content(sources, rows, ranker, [0.0, 1.5])[0] == the_mayor


def test_source_scorer_weighted_scores_move_the_source_pick(nlp, monkeypatch):
    doc = _with_token_states(nlp(TEXT))
    p = Parsed(doc)
    said, mayor = (next(t.i for t in doc if t.text == w) for w in ("said", "mayor"))
    the_mayor = (doc[mayor - 1].idx, doc[mayor].idx + len(doc[mayor]))
    sources = {None: (None, {"none"}), the_mayor: (mayor, {"rule"})}
    ranker = learned.Linear({"none": 1.0})
    monkeypatch.setattr(S, "scores", lambda net, inputs: [0.0, net])  # the "net" is the mayor's score
    for net, weight, expected in ((1.5, 0.5, None), (1.5, 1.0, the_mayor)):
        model = learned.QuoteModel(cue=ranker, content=ranker, source=ranker, span=ranker, source_spans=(net, weight))
        assert learned.pick_source(p, said, TEXT, sources, model) == expected


# ------------------------------------------------------------------ the cue role

CUE_TEXT = "The minister said the plan was dead. \u201cWe are done,\u201d the aide added.\n"


def _cue_inputs(nlp, word: str, content, source):
    doc = _with_token_states(nlp(CUE_TEXT))
    p = Parsed(doc)
    i = next(t.i for t in doc if t.text == word)
    index = learned.C.QuoteIndex(scan_quotes(CUE_TEXT))
    return doc, i, S.cue_inputs(p, i, index, 1.5, content, 2.0, {"ccomp"}, source)


def test_cue_inputs_read_the_word_its_neighbours_content_and_source(nlp):
    doc = _with_token_states(nlp(CUE_TEXT))
    said, minister, dead = (next(t.i for t in doc if t.text == w) for w in ("said", "minister", "dead"))
    content = _chars(doc, said + 1, dead)  # "the plan was dead"
    source = _chars(doc, minister - 1, minister)[0]  # "The minister"
    _, i, (vectors, scalars) = _cue_inputs(nlp, "said", content, source)
    assert vectors.shape == (1, S.CUE_VECTORS, 2) and scalars.shape == (1, S.CUE_SCALARS)
    c_first, c_last, c_mean, cue, before, after, s_first, s_last, s_mean = vectors[0, :, 0]
    assert (c_first, c_last, cue, before, after) == (said + 1, dead, said, said - 1, said + 1)
    assert c_mean == pytest.approx((said + 1 + dead) / 2)
    assert (s_first, s_last, s_mean) == (minister - 1, minister, pytest.approx(minister - 0.5))
    first_score, in_quote, quote_after, has_content, has_source = (scalars[0, k] for k in (0, 1, 3, 10, 12))
    assert first_score == pytest.approx(1.5 / 4) and in_quote == 0 and has_content == 1 and has_source == 1
    assert quote_after == 1  # the quotation opening the next sentence counts, as in the linear features' ``nq``
    lexicon = scalars[0, 14:14 + len(S.LEXICON)]
    assert lexicon[S.LEXICON.index("speech")] == 1 and lexicon.sum() == 1


def test_cue_inputs_without_content_or_source_leave_their_vectors_empty(nlp):
    _, _, (vectors, scalars) = _cue_inputs(nlp, "added", None, None)
    assert not vectors[0, :3].any() and not vectors[0, 6:].any() and vectors[0, 3, 0] != 0
    assert scalars[0, 10] == 0 and scalars[0, 12] == 0
    assert scalars[0, 2] == 1 and scalars[0, 3] == 0  # the quotation stands before "added"
    doc = nlp(CUE_TEXT)
    assert S.cue_inputs(Parsed(doc), 2, learned.C.QuoteIndex([]), 0.0, None, None, set(), None) is None


def test_neural_cue_probs_mix_the_scorer_with_the_stacked_logit(nlp, monkeypatch):
    doc = _with_token_states(nlp(CUE_TEXT))
    p = Parsed(doc)
    said, added = (next(t.i for t in doc if t.text == w) for w in ("said", "added"))
    ranker = learned.Linear({})
    index = learned.C.QuoteIndex(scan_quotes(CUE_TEXT))
    kept = [([], said), ([], added)]
    chosen = {said: learned.Chosen({}, [], None, None, set(), None), added: learned.Chosen({}, [], None, None, set(), None)}
    model = learned.QuoteModel(cue=ranker, content=ranker, source=ranker, span=ranker)
    assert learned.neural_cue_probs(p, CUE_TEXT, index, model, kept, [0.0, 0.0], [0.5, 0.5], chosen) is None  # no scorer
    monkeypatch.setattr(S, "scores", lambda net, inputs: [net, -net][:len(inputs[1])])
    model.cue_spans = (2.0, 0.5, 0.4)  # the "net" scores +2 and -2, weight 0.5
    mixed = learned.neural_cue_probs(p, CUE_TEXT, index, model, kept, [0.0, 0.0], [0.5, 0.5], chosen)
    assert mixed == pytest.approx([1 / (1 + np.exp(-1.0)), 1 / (1 + np.exp(1.0))])
    plain = Parsed(nlp(CUE_TEXT))  # no encoder states: the stacked probabilities stay
    assert learned.neural_cue_probs(plain, CUE_TEXT, index, model, kept, [0.0, 0.0], [0.5, 0.5], chosen) is None


@needs_torch
def test_binary_training_learns_the_cue_label():
    from benchmarks.train_quote_spans import neural_scores, train

    rng = np.random.default_rng(2)

    def words(n):
        out = []
        for k in range(n):
            label = bool(rng.integers(2))
            scalars = rng.normal(size=(1, S.CUE_SCALARS)).astype(np.float32)
            scalars[0, 0] = 2.0 if label else -2.0
            out.append((k, rng.normal(size=(1, S.CUE_VECTORS, 8)).astype(np.float16), scalars, np.asarray([label])))
        return out

    scorer = train(words(2000), epochs=4, binary=True)
    held = words(100)
    assert np.mean([(s[0] > 0) == q[3][0] for s, q in zip(neural_scores(scorer, held), held)]) > 0.9


@needs_torch
def test_cue_artifact_round_trip_keeps_weight_and_threshold(tmp_path, monkeypatch):
    import benchmarks.train_quote_spans as T

    scorer = S.make_scorer(8, hidden=16, scalars=S.CUE_SCALARS, vectors=S.CUE_VECTORS).eval()
    monkeypatch.setattr(T, "ARTIFACT_DIR", tmp_path)
    T.save(scorer, 0.5, "cue", 0.4)
    monkeypatch.setattr(S, "packaged", lambda name: (tmp_path / name).read_bytes())
    loaded, weight, threshold = S.load_scorer.__wrapped__("cue")
    assert (weight, threshold) == (0.5, pytest.approx(0.4))
    inputs = (np.random.default_rng(0).normal(size=(2, S.CUE_VECTORS, 8)).astype(np.float32),
              np.zeros((2, S.CUE_SCALARS), dtype=np.float32))
    assert S.scores(loaded, inputs) == pytest.approx(S.scores(scorer, inputs), abs=0.05)
