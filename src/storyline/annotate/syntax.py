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
