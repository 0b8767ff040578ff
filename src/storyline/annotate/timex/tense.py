"""Which way a bare "Wednesday" or "June" points: the tense of the clause around the expression.

With a spaCy parse we read the verb that governs the expression (its tag and auxiliaries);
without one, cue words in the surrounding sentence. News defaults to the past.
"""
from __future__ import annotations

import re

from .normalise import Direction

FUTURE_AUXILIARIES = {"will", "wo", "'ll", "shall", "would", "'d"}
FUTURE_CUES = re.compile(r"\b(?:will|won't|'ll|shall|going\s+to|plans?\s+to|planned\s+for|scheduled|expected\s+to|"
                         r"is\s+to|are\s+to|set\s+to|intends?\s+to|upcoming)\b", re.I)
PAST_CUES = re.compile(r"\b(?:was|were|had|did|said|told|\w{3,}ed)\b", re.I)
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'“])|\n\s*\n")


def direction_from_doc(doc, start: int, end: int) -> Direction:
    """The tense of the verb governing the tokens in [start, end) of ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    return _verb_direction(verb)


def _governing_verb(token):
    seen = 0
    while token is not None and seen < 8:
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
        seen += 1
    return None


def _verb_direction(verb) -> Direction:
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxiliaries}
    if words & FUTURE_AUXILIARIES or verb.lower_ in FUTURE_AUXILIARIES:
        return "future"
    if any(child.lower_ == "going" for child in auxiliaries) or _is_planned(verb):
        return "future"
    if verb.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "had"}:
        return "past"
    if verb.tag_ in ("VB", "VBG", "VBN"):
        # infinitive or participle: take the tense of the verb it hangs from ("expected to meet on Monday")
        head = verb.head
        if head is not verb and head.pos_ in ("VERB", "AUX"):
            if head.lemma_ in {"expect", "plan", "schedule", "intend", "hope", "want", "set", "due", "aim"}:
                return "future"
            return _verb_direction(head) if head.tag_ != verb.tag_ else None
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def _is_planned(verb) -> bool:
    """"is to meet", "is expected to", "is scheduled for": present-tense frames that point ahead."""
    return verb.lemma_ in {"expect", "schedule", "plan", "due"} and verb.tag_ in ("VBN", "VBZ", "VBP")


def direction_from_text(text: str, start: int, end: int) -> Direction:
    """Fallback without a parse: future cue words win, then past-tense forms, in the sentence."""
    sentence = _sentence_around(text, start, end)
    if FUTURE_CUES.search(sentence):
        return "future"
    if PAST_CUES.search(sentence):
        return "past"
    return None


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    right_match = SENTENCE_END.search(text, end)
    right = right_match.start() + 1 if right_match else len(text)
    return text[left:start] + " " + text[end:right]
