"""Trained sentence classifiers (scikit-learn): the CAMEO 5-way category of a sentence (statement,
verbal/material cooperation, verbal/material conflict) and, as a fallback for sentences where the
rules find no trigger, the PLOVER type.

Features are TF-IDF word and character n-grams of the sentence plus the rule extractor's output
(the PLOVER types and quads its triggers give), so the classifier learns when to trust the rules.
A linear SVM keeps the artifact small and CPU-fast; training is deterministic.
"""
from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_pipeline, make_union
from sklearn.svm import LinearSVC

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "plover"
QUAD5_PATH = DATA_DIR / "cameo_quad5.joblib"
QUAD5_LABELS = ("statement", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
SEP = "\x1f"


def sentence_part(sample: str) -> str:
    return sample.split(SEP, 1)[0]


def rules_part(sample: str) -> str:
    return sample.split(SEP, 1)[1] if SEP in sample else ""


def rule_tokens(events) -> str:
    """The rule extractor's opinion as pseudo-words ("rule_assault quad_material_conflict")."""
    words = []
    for e in events:
        words += [f"rule_{e.type.lower()}", f"quad_{e.quad}"] + [f"aux_{a}" for a in e.aux_modes]
    return " ".join(words) or "rule_none"


def sample(text: str, events) -> str:
    return f"{text}{SEP}{rule_tokens(events)}"


def build_model(C: float = 0.5):
    """TF-IDF (words 1-2, characters 2-5 of the sentence; rule pseudo-words) + linear SVM."""
    features = make_union(
        TfidfVectorizer(preprocessor=_lower_sentence, ngram_range=(1, 2), sublinear_tf=True, min_df=1),
        TfidfVectorizer(preprocessor=_lower_sentence, analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True,
                        min_df=2),
        TfidfVectorizer(preprocessor=rules_part, token_pattern=r"\S+", sublinear_tf=False),
    )
    return make_pipeline(features, LinearSVC(C=C, random_state=0))


def _lower_sentence(sample_text: str) -> str:
    return sentence_part(sample_text).lower()


def samples_for(docs, texts: Sequence[str]) -> list[str]:
    """Run the rules on each parsed sentence and pair text with their output (every trigger with
    a participant: whether its actors can be coded decides what is shown, not what a sentence says)."""
    from .extract import extract_events
    return [sample(text, extract_events(doc, text, f"s{i}", coded_only=False))
            for i, (doc, text) in enumerate(zip(docs, texts))]


@functools.lru_cache(maxsize=1)
def load_quad5():
    """The trained CAMEO 5-way model, or None when the artifact is missing or unreadable."""
    import joblib
    try:
        return joblib.load(QUAD5_PATH)
    except Exception:  # noqa: BLE001 - a missing/incompatible artifact disables the classifier only
        return None


def predict_quad5(doc, text: str) -> str | None:
    """CAMEO 5-way category of one sentence ("statement", "verbal_conflict", ...)."""
    model = load_quad5()
    if model is None:
        return None
    return QUAD5_LABELS[int(model.predict(samples_for([doc], [text]))[0])]


def cross_validated_fallback(docs, texts: Sequence[str], labels: Sequence[str], predicted: list[list],
                             folds: int = 5) -> list[list]:
    """For records where the rules found nothing, add one event typed by a classifier trained on the
    other folds only (benchmark use: an honest estimate of what the fallback adds)."""
    from sklearn.model_selection import StratifiedKFold

    from storyline.model import Event, Span

    from .ontology import QUAD_OF_TYPE

    samples = [sample(t, evs) for t, evs in zip(texts, predicted)]
    out = [list(evs) for evs in predicted]
    counts = {lab: labels.count(lab) for lab in labels}
    strat = [lab if counts[lab] >= folds else "rare" for lab in labels]
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=0).split(samples, strat):
        model = build_model().fit([samples[i] for i in train], [labels[i] for i in train])
        for i in test:
            if out[i]:
                continue
            etype = model.predict([samples[i]])[0]
            span = Span.of(texts[i], 0, len(texts[i]))
            out[i] = [Event(id=f"fallback{i}", article_id=f"r{i}", type=etype, trigger=span, sentence=span,
                            quad=QUAD_OF_TYPE[etype])]
    return out
