"""The cue-aware content scorer: windows around the cue, batches, scores, training."""
from __future__ import annotations

import numpy as np
import pytest

from storyline.annotate.quotes import cueaware as CA
from storyline.annotate.quotes import encoder as E
from storyline.annotate.quotes.parsed import STATES_KEY, Parsed

TEXT = "The mayor said the bridge would close in May. \u201cIt is old,\u201d she added.\n"

needs_torch = pytest.mark.skipif(not E.available(), reason="torch, transformers or the MiniLM package not installed")


def _piece_offsets(n: int) -> np.ndarray:
    """n one-character pieces at characters 0, 2, 4, ... (a space between)."""
    return np.array([(2 * k, 2 * k + 1) for k in range(n)], dtype=np.int64)


def test_window_is_clipped_to_the_article_and_relative_to_its_start():
    offsets = _piece_offsets(400)
    cue = (2 * 300, 2 * 301 + 1)  # pieces 300 and 301
    candidates = [((2 * 302, 2 * 310 + 1),), ((2 * 10, 2 * 20 + 1),), ((2 * 250, 2 * 255 + 1), (2 * 303, 2 * 399 + 1))]
    w = CA.cue_window(offsets, *cue, candidates)
    assert (w.lo, w.hi) == (300 - CA.WINDOW, 400)  # right edge: the article's end
    assert w.cue == (CA.WINDOW, CA.WINDOW + 2)
    assert w.candidates[0] == [(302 - w.lo, 311 - w.lo)]
    assert w.candidates[1] == []  # entirely left of the window
    assert w.candidates[2] == [(250 - w.lo, 256 - w.lo), (303 - w.lo, 400 - w.lo)]
    assert w.clipped.tolist() == [[0, 0], [1, 0], [0, 0]]


def test_relative_positions_count_pieces_from_the_cue():
    w = CA.cue_window(_piece_offsets(10), 2 * 4, 2 * 5 + 1, [((0, 1),)])
    rel = w.relative_positions() - CA.WINDOW
    assert rel.tolist() == [-4, -3, -2, -1, 0, 0, 1, 2, 3, 4]


def test_doc_window_reads_the_states_the_encoder_left(nlp):
    doc = nlp(TEXT)
    p = Parsed(doc)
    said = next(t.i for t in doc if t.text == "said")
    contents = {((doc[said + 1].idx, doc[said + 6].idx + len(doc[said + 6])),): {"ccomp"}}
    assert CA.doc_window(p, said, contents) is None
    offsets = np.array([(t.idx, t.idx + len(t)) for t in doc], dtype=np.int64)
    doc.user_data[STATES_KEY] = (np.zeros((len(doc), 4), dtype=np.float16), offsets)
    states, w = CA.doc_window(Parsed(doc), said, contents)
    assert states.shape == (len(doc), 4)
    assert w.cue == (said - w.lo, said + 1 - w.lo)
    assert w.candidates == [[(said + 1 - w.lo, said + 7 - w.lo)]]


@needs_torch
def test_batch_shapes_and_one_score_per_candidate():
    import torch

    rng = np.random.default_rng(0)
    items = []
    for n, m in ((30, 3), (12, 2)):
        article = rng.normal(size=(n, 8)).astype(np.float16)
        w = CA.cue_window(_piece_offsets(n), 2 * 5, 2 * 5 + 1, [((2 * k, 2 * (k + 3) + 1),) for k in range(m)])
        items.append((article, w, rng.normal(size=(m, 4)).astype(np.float32)))
    batch = CA.collate(items)
    assert batch["states"].shape == (2, 30, 8) and batch["pad"][1, 12:].all() and not batch["pad"][1, :12].any()
    assert batch["owner"].tolist() == [0, 0, 0, 1, 1]
    assert batch["slot"].tolist() == [0, 1, 2, 0, 1] and batch["inside"].shape == (2, 3, 30)
    assert batch["inside"][0, 1].sum() == 4 and not batch["inside"][1, 2].any()  # window 1 has 2 candidates
    assert batch["scalars"].shape == (5, 4 + CA.EDGE_SCALARS)
    torch.manual_seed(0)
    scorer = CA.make_scorer(8, 4, hidden=16, heads=2).eval()
    out = scorer(batch)
    assert out.shape == (5,)
    alone = CA.scores(scorer, *items[1])  # padding does not change a cue's scores
    assert alone == pytest.approx(out[3:].tolist(), abs=1e-5)


@needs_torch
@pytest.mark.parametrize("layers", [1, 2])
def test_one_call_for_an_articles_cues_gives_each_cues_own_scores(layers):
    """Overlapping windows, one clipped by the article's start, of different lengths and candidate
    counts: the article's batch (pieces projected once, the last layer only where the heads read)
    scores as the cue alone and as training's per-window batch (every position) do."""
    import torch

    rng = np.random.default_rng(2)
    n = 400
    article = rng.normal(size=(n, 8)).astype(np.float16)
    offsets = _piece_offsets(n)
    windows, scalars = [], []
    for cue, m in ((20, 3), (150, 1), (170, 5), (390, 2)):
        starts = rng.integers(0, n - 12, size=m)
        windows.append(CA.cue_window(offsets, 2 * cue, 2 * cue + 1, [((2 * s, 2 * (s + 10) + 1),) for s in starts]))
        scalars.append(rng.normal(size=(m, 4)).astype(np.float32))
    torch.manual_seed(0)
    scorer = CA.make_scorer(8, 4, hidden=16, heads=2, layers=layers).eval()
    batched = CA.article_scores(scorer, article, windows, scalars)
    assert [len(s) for s in batched] == [3, 1, 5, 2]
    for got, w, s in zip(batched, windows, scalars):
        assert got == pytest.approx(CA.scores(scorer, article, w, s), abs=1e-5)
    with torch.no_grad():
        per_window = scorer(CA.collate([(article, w, s) for w, s in zip(windows, scalars)])).tolist()
    assert sum(batched, []) == pytest.approx(per_window, abs=1e-5)


@needs_torch
def test_training_learns_to_pick_the_span_next_to_the_cue():
    """The gold candidate is the one starting right after the cue, the cue at a random place: only
    the cue-aware states (position and cue embeddings) can tell it."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks import train_quote_cueaware as T

    rng = np.random.default_rng(1)
    n = 40
    offsets = _piece_offsets(n)
    states = {"a": rng.normal(size=(n, 8)).astype(np.float16)}
    queries = []
    for _ in range(96):
        cue = int(rng.integers(5, 30))
        starts = [cue + 1, cue + 3, cue - 4]
        order = rng.permutation(3)
        w = CA.cue_window(offsets, 2 * cue, 2 * cue + 1, [((2 * starts[k], 2 * (starts[k] + 2) + 1),) for k in order])
        gold = order == 0
        queries.append(("a", 0, None, np.zeros((3, 1), dtype=np.float32), gold, np.zeros(3), w))
    scorer = T.train_cueaware(queries[:64], states, 6, hidden=16, heads=2)
    picks = [q[4][np.argmax(s)] for q, s in zip(queries[64:], T.cueaware_scores(scorer, queries[64:], states))]
    assert np.mean(picks) > 0.9


def _with_token_states(doc, width: int = 8):
    """One "word piece" per token, random states."""
    offsets = np.array([(t.idx, t.idx + len(t)) for t in doc], dtype=np.int64)
    doc.user_data[STATES_KEY] = (np.random.default_rng(0).normal(size=(len(doc), width)).astype(np.float16), offsets)
    return doc


def _contents(doc):
    said, may, it, old = (next(t.i for t in doc if t.text == w) for w in ("said", "May", "It", "old"))
    clause = ((doc[said + 1].idx, doc[may].idx + len(doc[may])),)  # "the bridge would close in May"
    quotation = ((doc[it].idx, doc[old].idx + len(doc[old])),)  # "It is old"
    return said, {clause: {"ccomp"}, quotation: {"quote"}}


@needs_torch
def test_accurate_pick_with_the_cue_aware_scorer_is_a_span_of_the_text(nlp):
    from storyline.annotate.quotes import learned
    from storyline.annotate.quotes import spans as S
    from storyline.annotate.quotes.marks import scan_quotes

    doc = _with_token_states(nlp(TEXT))
    p = Parsed(doc)
    said, contents = _contents(doc)
    scorer = CA.make_scorer(8, S.SCALARS, hidden=16, heads=2).eval()
    def article_scores(parsed, quotes, weight):  # the accurate mode's path: one call per article
        step = learned.ContentStep(None, {}, None, (contents, [0.0] * len(contents)))
        return learned.article_span_scores(parsed, {said: step}, quotes, (scorer, weight)).get(said)

    extra = article_scores(p, scan_quotes(TEXT), 3.0)
    raw = CA.candidate_scores(scorer, p, said, contents, scan_quotes(TEXT))
    assert extra == pytest.approx([3.0 * s for s in raw]) and len(extra) == 2
    ranker = learned.Linear({})
    picked = learned.pick_content(contents, [[], []], ranker, extra)[0]
    (start, end), = picked
    expected = ["the bridge would close in May", "It is old"][int(np.argmax(extra))]
    assert TEXT[start:end] == expected
    assert article_scores(Parsed(nlp(TEXT)), [], 1.0) is None  # no states


@needs_torch
def test_artifact_round_trip_keeps_shape_scores_and_weight(tmp_path, monkeypatch, nlp):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import benchmarks.train_quote_cueaware as T
    import benchmarks.train_quote_spans as TSP
    from storyline.annotate.quotes import spans as S

    scorer = CA.make_scorer(8, S.SCALARS, hidden=16, layers=2).eval()
    monkeypatch.setattr(TSP, "ARTIFACT_DIR", tmp_path)
    T.save(scorer, 0.5)
    monkeypatch.setattr(CA, "packaged", lambda name: (tmp_path / name).read_bytes())
    loaded, weight = CA.load_scorer.__wrapped__()
    assert weight == 0.5 and len(loaded.encoder.layers) == 2 and loaded.mlp[0].in_features == scorer.mlp[0].in_features
    doc = _with_token_states(nlp(TEXT))
    said, contents = _contents(doc)
    p = Parsed(doc)
    assert CA.candidate_scores(loaded, p, said, contents, []) == pytest.approx(
        CA.candidate_scores(scorer, p, said, contents, []), abs=0.05)  # float16 weights



ARTICLE = ("The mayor said the bridge would close in May. \u201cIt is old,\u201d she added. Officials told reporters "
           "that the repairs would cost four million dollars, and the council argued that the city could not pay. "
           "A spokesman said on Friday the timeline might change.\n")


@needs_torch
def test_accurate_mode_scores_an_articles_cues_in_one_call(nlp, monkeypatch):
    """The accurate model with a cue-aware scorer (random weights, a heavy mix so it decides):
    one batched call per article whose scores are each cue's own, and quotes whose spans are
    the text's."""
    from dataclasses import replace

    import torch

    from storyline.annotate.quotes import extract_quotes, learned
    from storyline.annotate.quotes import spans as S

    model = learned.load_model("accurate")
    if model is None or not model.encoder:
        pytest.skip("no packaged accurate model")
    doc = nlp(ARTICLE)
    E.attach(doc, ARTICLE)
    torch.manual_seed(0)
    scorer = CA.make_scorer(doc.user_data[STATES_KEY][0].shape[1], S.SCALARS, hidden=16, heads=2).eval()
    calls = []
    batched = CA.article_scores

    def spy(net, article, windows, scalars):
        out = batched(net, article, windows, scalars)
        with torch.no_grad():  # each cue on its own, as training batches it
            alone = [net(CA.collate([(article, w, s)])).tolist() for w, s in zip(windows, scalars)]
        calls.append(list(zip(out, alone)))
        return out

    monkeypatch.setattr(CA, "article_scores", spy)
    quotes = extract_quotes(doc, ARTICLE, "a", model=replace(model, spans=(scorer, 5.0), sure_margin=0.0))
    assert len(calls) == 1 and len(calls[0]) >= 3  # every tagged cue of the article in one call
    for got, alone in calls[0]:
        assert got == pytest.approx(alone, abs=1e-5)
    assert len(quotes) >= 3
    for q in quotes:
        for span in (q.content, q.cue, q.speaker.span):
            if span is not None:
                assert span.text == ARTICLE[span.start:span.end]
