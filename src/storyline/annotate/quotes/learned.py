"""Learned attribution finder: linear models trained on PolNeAR (``benchmarks/train_quotes.py``).

The artifact is plain JSON (feature -> weight per model), so inference is a few dictionary
look-ups per candidate, needs no scikit-learn pickle (no version lock) and stays deterministic.
When the artifact is missing, ``load_model`` returns None and the rules are used instead.
"""
from __future__ import annotations

import functools
import gzip
import json
import math
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Token

from storyline.annotate.quotes import candidates as C
from storyline.annotate.quotes.marks import QuotedSpan
from storyline.annotate.quotes.rules import Attribution, find_medium, frame_range, inside_quote

ARTIFACT = "attribution.json.gz"


@dataclass(slots=True)
class Linear:
    """A logistic-regression scorer over string features."""

    weights: dict[str, float]
    bias: float = 0.0

    def score(self, features: list[str]) -> float:
        w = self.weights
        return self.bias + sum(w.get(f, 0.0) for f in features)

    def prob(self, features: list[str]) -> float:
        return 1.0 / (1.0 + math.exp(-self.score(features)))

    def best(self, options: dict, featurize) -> object:
        """The option whose features score highest (ties: first in sorted order, deterministic)."""
        return max(options, key=lambda o: (self.score(featurize(o)), _order(o)))

    def to_dict(self) -> dict:
        return {"bias": self.bias, "weights": self.weights}


def _order(option) -> tuple:
    """A deterministic tie-break that prefers earlier, shorter options."""
    if option is None:
        return (0,)
    flat = option if isinstance(option[0], int) else option[0]
    return (1, -flat[0], -flat[1])


@dataclass(slots=True)
class QuoteModel:
    cue: Linear
    content: Linear
    source: Linear
    span: Linear
    threshold: float = 0.5

    def may_be_cue(self, token: Token) -> bool:
        """A cheap gate: verbs and colons are scored; other words only when their lemma was seen
        as a cue in training (a positive lemma weight), which skips most nouns quickly."""
        return token.pos_ in ("VERB", "AUX") or token.text == ":" or \
            self.cue.weights.get("l=" + token.lemma_.lower(), 0.0) > 0.0

    def to_dict(self) -> dict:
        return {"threshold": self.threshold, **{k: getattr(self, k).to_dict() for k in ("cue", "content", "source", "span")}}

    @classmethod
    def from_dict(cls, d: dict) -> "QuoteModel":
        return cls(**{k: Linear(d[k]["weights"], d[k]["bias"]) for k in ("cue", "content", "source", "span")},
                   threshold=d.get("threshold", 0.5))


@functools.lru_cache(maxsize=1)
def load_model() -> QuoteModel | None:
    """The packaged model, or None when the artifact is absent (the rules then apply)."""
    try:
        raw = resources.files("storyline").joinpath("data/quotes/" + ARTIFACT).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return None
    return QuoteModel.from_dict(json.loads(gzip.decompress(raw)))


def find_attributions(doc: Doc, text: str, quotes: list[QuotedSpan], model: QuoteModel) -> list[Attribution]:
    """Attributions whose cue the model accepts, with the best content, source and cue span."""
    index = C.QuoteIndex(quotes)
    scored = [(p, t) for t in doc if C.is_cue_candidate(t) and model.may_be_cue(t)
              for p in [model.cue.prob(C.cue_features(t, index))] if p >= model.threshold]
    result: list[Attribution] = []
    for _, token in sorted(scored, key=lambda x: -x[0]):
        if any(a.cue[0] <= token.idx < a.cue[1] for a in result):
            continue  # a word inside a stronger cue's span ("went on to name")
        att = attribution_at(token, text, quotes, index, model)
        if att is not None:
            result.append(att)
    return sorted(result, key=lambda a: a.cue[0])


def attribution_at(token: Token, text: str, quotes: list[QuotedSpan], index: C.QuoteIndex,
                   model: QuoteModel) -> Attribution | None:
    contents = C.content_candidates(token, text, quotes)
    if not contents:
        return None
    content = model.content.best(contents, lambda o: C.content_features(token, o, contents[o], text, index))
    if C.names_a_source(token, content):
        return None
    sources = C.source_candidates(token, text)
    source = model.source.best(sources, lambda o: C.source_features(token, text, o, *sources[o]))
    spans = C.cue_span_candidates(token, text, content)
    cue = model.span.best(spans, lambda o: C.cue_span_features(token, text, o, spans[o]))
    source_token = sources[source][0]
    weak = {r for r in content if "quote" in contents[content] and len(contents[content]) == 1}
    att = Attribution(cue=cue, cue_token=token, contents=list(content), frame=frame_range(token, source_token),
                      nested=False, weak=weak, source=source, source_token=source_token)
    att.medium = None if token.lower_ == "according" or token.pos_ != "VERB" else find_medium(token)
    att.nested = inside_quote(att.frame, quotes)
    return att
