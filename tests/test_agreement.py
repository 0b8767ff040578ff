"""Agreement of he/she with nouns and names (shared by quote speakers and event participants)."""
from __future__ import annotations

import pytest

from storyline.annotate.agreement import person_noun_agrees


@pytest.mark.parametrize("text, noun, pronoun, agrees", [
    ("A student left.", "student", "he", True),          # a role: either sex
    ("The woman left.", "woman", "she", True),
    ("The woman left.", "woman", "he", False),           # the word gives the other sex
    ("The students left.", "students", "he", False),     # plural
    ("The crowd left.", "crowd", "he", False),           # a collective is no person
    ("The army left.", "army", "she", False),            # an organisation
    ("The launch failed.", "launch", "he", False),       # a thing
])
def test_person_noun_agrees(nlp, text, noun, pronoun, agrees):
    token = next(t for t in nlp(text) if t.text == noun)
    assert person_noun_agrees(token, pronoun) is agrees
