"""Source/target span tagging helpers (benchmark on the CAMEO NER sentences): token offsets,
BIO spans and constrained decoding, on sentences written for these tests."""
from __future__ import annotations

from storyline.annotate.events import extract_events
from storyline.annotate.events.spans import (TaggedSentence, bio_spans, decode, detokenize, rule_tags,
                                             token_features)


def test_detokenize_keeps_token_offsets():
    words = ["Kenya", "'s", "army", "shelled", "the", "camp", ",", "officials", "said", "."]
    text, offsets = detokenize(words)
    assert text == "Kenya's army shelled the camp, officials said."
    assert all(text[a:b] == w for w, (a, b) in zip(words, offsets))


def test_bio_spans_start_a_span_at_an_orphan_inside_tag():
    assert bio_spans(["B-S", "I-S", "O", "I-T", "I-T", "B-T"]) == {("S", 0, 2), ("T", 3, 5), ("T", 5, 6)}


def test_decode_gives_valid_bio_and_one_span_per_role():
    classes = ["B-S", "B-T", "I-S", "I-T", "O"]
    scores = [[2, 0, 0, 0, 0], [0, 0, 0, 3, 0], [0, 0, 0, 0, 1], [0, 2, 0, 0, 0], [0, 1.5, 0, 0, 0]]
    tags = decode(classes, scores)
    for prev, tag in zip(["O"] + tags, tags):  # an I- only continues its own role
        assert not tag.startswith("I-") or prev[2:] == tag[2:]
    assert tags == ["B-T", "I-T", "O", "O", "O"]  # of three T spans the best-scoring one is kept


def test_rule_tags_mark_actor_and_recipient(nlp):
    words = ["Chilean", "troops", "attacked", "Bolivian", "rebels", "on", "Sunday", "."]
    text, offsets = detokenize(words)
    doc = nlp(text)
    sent = TaggedSentence(words, offsets, doc, extract_events(doc, text, "t"))
    tags = rule_tags(sent)
    assert tags[1] in {"B-S", "I-S"} and tags[4] in {"B-T", "I-T"}
    assert len(token_features(sent, tags)) == len(words)
