"""Offline language identification (py3langid) and ISO 639-1 codes for what sources report."""
from __future__ import annotations

import functools
import itertools
import re

import pycountry
from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Too little text gives a guess, not an identification.
MIN_LETTERS = 20
MIN_CONFIDENCE = 0.5
# The model only needs a sample: a thousand characters of prose identify the language reliably,
# and the cost of identification grows with the sample (it is most of clean_document's time).
SAMPLE_CHARS = 1000
_LETTER = re.compile(r"[^\W\d_]")
# py3langid labels without an ISO 639-1 code that belong to a macrolanguage that has one.
_MACROLANGUAGE = {"wuu": "zh", "yue": "zh", "arz": "ar", "ary": "ar", "uzs": "uz", "gug": "gn", "sdh": "ku", "hbo": "he"}
_NO_LANGUAGE = {"zxx", "und"}


@functools.lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """Load the model once per process (about a second); normalised probabilities give a confidence."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short or unclear."""
    sample = text[:SAMPLE_CHARS]
    if not _has_letters(sample, MIN_LETTERS):
        return None
    label, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE:
        return None
    return normalize_language_code(label)


def _has_letters(text: str, count: int) -> bool:
    """At least ``count`` letters (stops counting once there are enough)."""
    return next(itertools.islice(_LETTER.finditer(text), count - 1, None), None) is not None


@functools.lru_cache(maxsize=256)
def normalize_language_code(code: str | None) -> str | None:
    """'en-GB' -> 'en', 'eng' -> 'en', 'English' -> 'en'; None when it names no ISO 639-1 language."""
    if not code:
        return None
    primary = code.strip().replace("_", "-").split("-")[0].casefold()
    if primary in _NO_LANGUAGE:
        return None
    if primary in _MACROLANGUAGE:
        return _MACROLANGUAGE[primary]
    language = _lookup(primary)
    return getattr(language, "alpha_2", None)


def _lookup(primary: str):
    """pycountry record for a 2- or 3-letter code or an English language name."""
    if len(primary) == 2:
        return pycountry.languages.get(alpha_2=primary)
    if len(primary) == 3:
        return pycountry.languages.get(alpha_3=primary) or pycountry.languages.get(bibliographic=primary)
    try:
        return pycountry.languages.lookup(primary)
    except LookupError:
        return None
