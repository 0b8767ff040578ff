"""Walks over a spaCy dependency parse shared by the annotators and the comparison of facts."""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Token


def nearest_ancestor(token: Token, pos: Container[str], steps: int) -> Token | None:
    """The token itself or the closest head above it whose part of speech is in ``pos``, looking at ``steps``
    tokens at most: a bounded walk, because a long chain of heads leads to another clause's word."""
    for _ in range(steps):
        if token.pos_ in pos:
            return token
        if token.head == token:
            return None
        token = token.head
    return None


RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})


def relative_antecedent(word: Token, deps: Container[str] = ("nsubj", "nsubjpass")) -> Token | None:
    """The noun a relative pronoun stands for: the head its relative clause modifies ("Ines Varn,
    who said ..." -> Varn; "the village, which forces bombed" -> village, with ``deps`` holding
    "dobj"); None for any other word, or a relative pronoun in another role than ``deps``."""
    clause = word.head
    if word.lower_ in RELATIVE_PRONOUNS and word.dep_ in deps and clause.dep_ == "relcl" \
            and clause.head.pos_ in ("NOUN", "PROPN") and not _disagrees(word, clause, clause.head):
        return clause.head
    return None


# The number a finite verb form shows (English agreement); other forms ("said", "will") show none.
SINGULAR_FORMS = frozenset({"is", "was", "has", "does"})
PLURAL_FORMS = frozenset({"are", "were", "have", "do"})


def _disagrees(pronoun: Token, clause: Token, noun: Token) -> bool:
    """A relative pronoun subject takes the number of the noun it stands for, and its verb agrees
    with it ("antiquities ... that were seized"): a clause whose finite verb has the other number
    than the noun it is hung on ("the government of Iraq that were seized") belongs to another noun,
    misattached by the parse. Only a subject agrees with its verb; only marked forms tell. A group
    of people may take a plural verb by its sense ("the family, who were"; British "the team who
    are"), so a singular noun is told apart from a plural verb only through "which" / "that"."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or noun.tag_ not in ("NN", "NNP", "NNS", "NNPS"):
        return False
    shown, own = verb_number(clause), noun_number(noun)
    if shown is None or shown == own:
        return False
    return own == "plural" or pronoun.lower_ != "who"


def verb_number(verb: Token) -> str | None:
    """"singular" / "plural" as the clause's first finite form shows it (an auxiliary or the verb)."""
    for word in sorted([c for c in verb.children if c.dep_ in ("aux", "auxpass")] + [verb], key=lambda t: t.i):
        if word.tag_ == "VBZ" or word.lower_ in SINGULAR_FORMS:
            return "singular"
        if word.tag_ == "VBP" or word.lower_ in PLURAL_FORMS:
            return "plural"
        if word.tag_ in ("MD", "VBD"):
            return None
    return None


def noun_number(noun: Token) -> str:
    return "plural" if noun.tag_ in ("NNS", "NNPS") else "singular"
