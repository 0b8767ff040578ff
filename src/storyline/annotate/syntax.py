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
            and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    return None
