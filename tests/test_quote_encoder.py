"""The quote encoder (accurate mode): windows over word pieces, pieces to tokens, features."""
from __future__ import annotations

import numpy as np
import pytest

from storyline.annotate.quotes import encoder as E
from storyline.annotate.quotes import learned
from storyline.annotate.quotes import candidates as C
from storyline.annotate.quotes.parsed import ROLE_KEY, Parsed

TEXT = ("The minister said on Tuesday that the border would reopen in spring. "
        "\u201cWe are ready,\u201d she told reporters.\n")


@pytest.mark.parametrize("n", [0, 1, 100, 254, 255, 400, 1000, 2017])
def test_windows_keep_every_piece_once_and_fit_the_model(n):
    spans = E.windows(n)
    kept = [k for _, _, keep_from, keep_to in spans for k in range(keep_from, keep_to)]
    assert kept == list(range(n))
    for start, end, keep_from, keep_to in spans:
        assert 0 <= start <= keep_from <= keep_to <= end <= n and end - start <= E.WINDOW - 2


def test_token_probs_average_inside_and_take_edges_from_first_and_last_piece():
    offsets = np.array([[0, 3], [3, 6], [7, 9]])  # "unbelievable" as two pieces, then "is"
    probs = np.zeros((3, len(E.OUTPUTS)), dtype=np.float32)
    inside, start, end = (E.OUTPUTS.index(f"Content:{p}") for p in E.PARTS)
    probs[:, inside] = [0.2, 0.6, 0.9]
    probs[:, start] = [0.7, 0.1, 0.0]
    probs[:, end] = [0.0, 0.8, 0.3]
    out = E.token_probs([(0, 6), (7, 9), (10, 12)], offsets, probs)
    assert out[0, inside] == pytest.approx(0.4) and out[0, start] == pytest.approx(0.7)
    assert out[0, end] == pytest.approx(0.8)
    assert out[1, inside] == pytest.approx(0.9)
    assert not out[2].any()  # no piece: zeros


def test_features_read_the_probabilities_attached_to_the_doc(nlp):
    doc = nlp(TEXT)
    assert Parsed(doc).roles is None  # the fast mode: no encoder features
    roles = np.zeros((len(doc), len(E.OUTPUTS)), dtype=np.float32)
    said = next(t.i for t in doc if t.text == "said")
    roles[said, E.OUTPUTS.index("Cue:in")] = 0.93
    content = [t.i for t in doc if t.i > said + 3 and t.sent.start == 0 and not t.is_punct]
    roles[content, E.OUTPUTS.index("Content:in")] = 0.8
    roles[content[0], E.OUTPUTS.index("Content:start")] = 0.75
    doc.user_data[ROLE_KEY] = roles
    p = Parsed(doc)
    cue = C.cue_features(p, said, C.QuoteIndex([]))
    assert "ec=9" in cue and "eC=8" in cue
    frags = ((doc[content[0]].idx, doc[content[-1]].idx + len(doc[content[-1]])),)
    span = E.span_features(p, "Content", frags)
    assert {"Cos=7", "Com=8", "Colo=8", "Cob=0"} <= set(span)


needs_encoder = pytest.mark.skipif(
    not E.available() or E.load_head() is None or learned.load_model("accurate") is None,
    reason="torch, transformers or the MiniLM package not installed")


@needs_encoder
def test_accurate_mode_finds_the_reported_speech(nlp):
    from storyline.annotate.quotes import extract_quotes

    doc = nlp(TEXT)
    quotes = extract_quotes(doc, TEXT, "a_enc", None, mode="accurate")
    contents = {q.content.text for q in quotes}
    assert "the border would reopen in spring" in contents
    assert "We are ready," in contents or "We are ready" in contents
    for q in quotes:
        assert TEXT[q.content.start:q.content.end] == q.content.text
    probs = doc.user_data[ROLE_KEY]
    said = next(t.i for t in doc if t.text == "said")
    border = next(t.i for t in doc if t.text == "border")
    assert probs[said, E.OUTPUTS.index("Cue:in")] > 0.5
    assert probs[border, E.OUTPUTS.index("Content:in")] > 0.5


def test_fast_mode_is_the_default_and_the_manifest_says_so(tmp_path):
    import json

    from conftest import EXAMPLES
    from storyline.cli import main

    out = tmp_path / "out"
    assert main(["analyze", str(EXAMPLES / "corpus" / "coastline_wire_drone_talks.txt"), "--out", str(out),
                 "--quiet", "--workers", "1"]) == 0
    assert json.loads((out / "manifest.json").read_text())["modes"] == ["fast"]


@needs_encoder
def test_accurate_mode_through_the_cli(tmp_path):
    import json

    from conftest import EXAMPLES
    from storyline.cli import main

    article = EXAMPLES / "corpus" / "coastline_wire_drone_talks.txt"
    fast, accurate = tmp_path / "fast", tmp_path / "accurate"
    assert main(["analyze", str(article), "--out", str(fast), "--quiet", "--workers", "1"]) == 0
    assert main(["analyze", str(article), "--out", str(accurate), "--quiet", "--workers", "1", "--accurate"]) == 0
    assert json.loads((accurate / "manifest.json").read_text())["modes"] == ["accurate"]
    text = json.loads((accurate / "articles.jsonl").read_text().splitlines()[0])["text"]
    quotes = [json.loads(line) for line in (accurate / "quotes.jsonl").read_text().splitlines()]
    assert quotes, "the accurate mode finds the article's quotes"
    for q in quotes:
        for role in ("content", "cue"):
            span = q[role]
            assert text[span["start"]:span["end"]] == span["text"]


@needs_encoder
def test_top_layers_run_alone_give_the_models_own_states():
    """Fine-tuning runs the top layers over cached lower states (``run_layers``): the same
    arithmetic as the model's forward, window by window, so training and run time agree."""
    import torch

    base = E.load_base()
    ids, _ = E.pieces(TEXT * 40, base)
    spans = E.windows(len(ids))
    assert len(spans) > 1
    input_ids, mask = E.window_inputs(ids, spans, base)
    with torch.no_grad():
        hidden = base.model(input_ids=input_ids, attention_mask=mask, output_hidden_states=True).hidden_states
        top = E.run_layers(base.model.encoder.layer[4:], hidden[4], mask)
    real = mask.bool()
    assert torch.allclose(top[real], hidden[6][real], atol=1e-4)
    merged = np.zeros((len(ids), top.shape[-1]), dtype=np.float32)
    E.merge_windows(merged, top.numpy(), spans)
    assert np.allclose(merged, E.states(ids, base)[:, -top.shape[-1]:], atol=1e-4)


@needs_encoder
def test_artifact_with_tuned_layers_loads_them_into_the_encoder_and_the_rest_into_the_head(monkeypatch):
    head = E.make_head(2 * 384)
    layer_bias = "encoder.layer.5.output.dense.bias"
    weights = {**head.state_dict(), layer_bias: torch_full(384, 0.25)}
    monkeypatch.setattr(E, "_artifact", lambda: weights)
    loaded = E.load_head.__wrapped__()
    assert set(loaded.state_dict()) == set(head.state_dict())
    tuned = E.load_encoder.__wrapped__().model.state_dict()[layer_bias]
    assert bool((tuned == 0.25).all())
    assert not bool((E.load_base().model.state_dict()[layer_bias] == 0.25).all())  # the package's is untouched
    monkeypatch.setattr(E, "_artifact", lambda: dict(head.state_dict()))  # the head-only format: a frozen encoder
    frozen = E.load_encoder.__wrapped__().model.state_dict()[layer_bias]
    assert bool((frozen == E.load_base().model.state_dict()[layer_bias]).all())


def torch_full(n: int, value: float):
    import torch

    return torch.full((n,), value)


@needs_encoder
def test_fine_tuning_composes_the_states_as_the_run_time_encoder(monkeypatch):
    """Before any step, training's composition (the frozen states below the tuned layers, cached
    per window; the tuned copies over them; merged; beside the middle layer) is the run-time
    encoder's states, and the tuned layers' names are the model's own."""
    import torch

    from conftest import ROOT

    monkeypatch.syspath_prepend(str(ROOT))
    from benchmarks.train_quote_encoder import Tuned, states_below

    base = E.load_base()
    ids, _ = E.pieces(TEXT * 40, base)
    run_time = E.states(ids, base)
    tuned = Tuned(2).train(False)
    middle = run_time[:, :base.model.config.hidden_size]
    with torch.no_grad():
        composed = tuned.features(middle, states_below(ids, base, tuned.depth), len(ids)).numpy()
    assert np.allclose(composed, run_time, atol=1e-2)  # the cache is float16
    weights = tuned.weights()
    assert set(E.tuned_layers(weights)) == {k for k in base.model.state_dict() if k.startswith(("encoder.layer.4.", "encoder.layer.5."))}
