"""Signs that two statements of a story state the same fact, not only the same topic.

Statements of one story share its names and nouns whatever they state ("the rocket will carry the
car" / "an animation shows the car"; "Abe said the launch was a threat" / "Abe issued
instructions"), so words and names in common (``claims.similarity``) cannot tell one fact from
another once a pair is only moderately alike. A fact is a predicate with its arguments: two reports
of it say what happened with the same verb, or its nominalisation ("removed" / "the removal",
"attended" / "in attendance"). Reporting verbs (say, tell) and light verbs (be, have) name no
fact of their own, and words of one counted event share a predicate ("died" / "were killed", as
``facts.same_event`` compares counts). A figure in common is no such sign on its own: it is an
argument ("in 2011", "three boosters") that statements of different facts share as often as their
names (fit half: shown pairs 0.80 with it, 0.84 without, labelled recall 0.639 -> 0.643); counts
of one action are compared as facts (``claims._count_pair``).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from storyline.compare.facts import EVENT_NOUNS, EVENT_VERBS, LIGHT_VERBS, REPORTING_VERBS

STEM = 6  # letters a predicate is compared on: joins inflections and nominalisations ("removal" / "remove")
# verbs that carry no fact of their own: being, having, saying, and auxiliaries parsed as verbs
NO_FACT_VERBS = LIGHT_VERBS | REPORTING_VERBS | frozenset({"will", "would", "can", "could", "may", "might"})


@dataclass(frozen=True, slots=True)
class Frame:
    """What a statement predicates, for comparing it with another: its verbs' stems, and the stems
    of its verbs and nouns (where another statement's verb may appear nominalised)."""

    predicates: frozenset[str]
    words: frozenset[str]


def frame_of(sent: SpacySpan) -> Frame:
    """The frame of one parsed statement. A statement with no verb of its own (a headline, "the
    test was a hydrogen bomb", "gunfire reported") predicates with its nouns: they are its predicates."""
    predicates = frozenset(_stem(EVENT_VERBS.get(t.lemma_.lower(), t.lemma_)) for t in sent if _is_predicate(t))
    nouns = frozenset(_stem(EVENT_NOUNS.get(t.lemma_.lower(), t.lemma_)) for t in sent if t.pos_ == "NOUN")
    return Frame(predicates or nouns, predicates | nouns)


def same_fact_sign(a: Frame, b: Frame) -> bool:
    """Whether two statements show a sign of stating one fact: a predicate of one is a verb or noun
    of the other."""
    return bool(a.predicates & b.words or b.predicates & a.words)


def _is_predicate(token: Token) -> bool:
    """A verb that says what happened (not be, have, say, or a modal parsed as a verb)."""
    return token.pos_ == "VERB" and token.lemma_.lower() not in NO_FACT_VERBS


def _stem(lemma: str) -> str:
    return lemma.lower()[:STEM]
