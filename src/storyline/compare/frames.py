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
names (fit half, first version of this test: pairs shown 0.80 with it, 0.84 without, labelled
recall 0.639 -> 0.643); counts of one action are compared as facts (``claims._count_pair``).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from storyline.annotate.events.lexicon import EVENT_NOUNS as POLITICAL_EVENT_NOUNS
from storyline.annotate.events.lexicon import LIGHT_VERBS as SUPPORT_VERBS
from storyline.annotate.events.triggers import OCCURRENCE_VERBS
from storyline.compare.facts import EVENT_NOUNS, EVENT_VERBS, LIGHT_VERBS, REPORTING_VERBS

STEM = 8  # letters a predicate is compared on, once stripped of its suffixes (``_stem``)
# endings that make a noun of a verb ("removal", "investigation", "attendance", "announcement", "failure",
# "shooting"), and a verb's silent e ("remove"): stripped, the noun and its verb share a stem
NOMINAL_SUFFIXES = ("ation", "ition", "ment", "ance", "ence", "ion", "ure", "ing", "al")
SUFFIXES = (*NOMINAL_SUFFIXES, "e")
MIN_STEM = 4  # letters left after stripping, else the word is kept whole ("take", "being")
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
    predicates = frozenset(_verb_stem(t) for t in sent if _is_predicate(t))
    nouns = frozenset(_noun_stem(t) for t in sent if t.pos_ == "NOUN")
    events = frozenset(_noun_stem(t) for t in sent if _names_the_event(t))
    return Frame((predicates | events) or nouns, predicates | nouns)


def _names_the_event(token: Token) -> bool:
    """An event noun that is the event of its verb: the object of a support verb ("held talks",
    "issued instructions": the event is the object's, as ``events.lexicon.LIGHT_VERBS`` says) or the
    subject of a verb of occurrence ("talks resumed", "fighting broke out"). Things ("carry the
    car", "sent a letter") are no events."""
    if token.pos_ != "NOUN" or token.head.pos_ != "VERB" or not _is_event_noun(token):
        return False
    verb = token.head.lemma_.lower()
    return ((token.dep_ == "dobj" and verb in SUPPORT_VERBS)
            or (token.dep_ in ("nsubj", "nsubjpass") and verb in OCCURRENCE_VERBS))


def _is_event_noun(token: Token) -> bool:
    """A noun naming an event: one the event coder knows ("talks", "strike") or a verb made noun
    ("instructions", "shooting", "removal")."""
    lemma = token.lemma_.lower()
    return (token.lower_ in POLITICAL_EVENT_NOUNS or lemma in POLITICAL_EVENT_NOUNS
            or any(lemma.endswith(s) and len(lemma) - len(s) >= MIN_STEM for s in NOMINAL_SUFFIXES))


def _verb_stem(token: Token) -> str:
    lemma = _participle(token.lower_) if token.pos_ == "ADJ" else token.lemma_.lower()
    return _stem(EVENT_VERBS.get(lemma, lemma))


def _noun_stem(token: Token) -> str:
    return _stem(EVENT_NOUNS.get(token.lemma_.lower(), token.lemma_))


def same_fact_sign(a: Frame, b: Frame) -> bool:
    """Whether two statements show a sign of stating one fact: a predicate of one is a verb or noun
    of the other."""
    return bool(a.predicates & b.words or b.predicates & a.words)


def _is_predicate(token: Token) -> bool:
    """A verb that says what happened (not be, have, say, or a modal parsed as a verb), or a
    participle used as an adjective ("the preferred outcome", "the damaged wall")."""
    if token.pos_ == "ADJ":
        return _participle(token.lower_) is not None
    return token.pos_ == "VERB" and token.lemma_.lower() not in NO_FACT_VERBS


def _participle(word: str) -> str | None:
    """The verb of an -ed or -ing adjective ("preferred" -> "prefer", "damaged" -> "damag"), else None."""
    for end in ("ed", "ing"):
        if word.endswith(end) and len(word) - len(end) >= MIN_STEM:
            verb = word[:-len(end)]
            return verb[:-1] if verb[-1] == verb[-2] and verb[-1] not in "aeiousl" else verb
    return None


def _stem(lemma: str) -> str:
    """A verb and its nominalisation to one stem: up to two endings stripped ("announcement" ->
    "announce" -> "announc"), then the first STEM letters ("investigat" / "investig")."""
    word = lemma.lower()
    for _ in range(2):
        end = next((s for s in SUFFIXES if word.endswith(s) and len(word) - len(s) >= MIN_STEM), None)
        if end is None:
            break
        word = word[:-len(end)]
    return word[:STEM]
