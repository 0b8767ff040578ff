"""One article's parse as plain lists, built once per document.

The learned attribution finder reads the same few attributes (lemma, tag, dependency, head,
offsets) of the same tokens many times: once per cue candidate, content candidate and source
candidate. Through spaCy's ``Token`` API every read creates a Python object and looks a hash up
in the string store, which made feature extraction cost more than the rules themselves. One
``Doc.to_array`` call gives every column as integers; strings are resolved through a process-wide
cache, and subtrees and sentences are computed on demand and memoised.
"""
from __future__ import annotations

from bisect import bisect_right

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_PUNCT, LEMMA, LENGTH, LOWER, POS, SENT_START, TAG
from spacy.tokens import Doc, Token

_COLUMNS = [LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD, IDX, LENGTH, SENT_START, IS_PUNCT]
ROLE_KEY = "storyline_quote_roles"  # Doc.user_data key of the encoder's token probabilities
STATES_KEY = "storyline_quote_states"  # and of its piece states with their offsets (``spans``)
_CACHE_LIMIT = 1 << 20  # entries; a long run over new vocabulary starts the caches afresh
_STRINGS: dict[int, str] = {}  # hash -> string: hashes are the same in every vocabulary
_LOWER: dict[str, str] = {}  # lemma -> lower-cased lemma


def _strings(doc: Doc, hashes: list[int]) -> list[str]:
    out = list(map(_STRINGS.get, hashes))
    if None in out:
        if len(_STRINGS) > _CACHE_LIMIT:
            _STRINGS.clear()
            _LOWER.clear()
        store = doc.vocab.strings
        out = [_STRINGS.get(h) or _STRINGS.setdefault(h, store[h]) for h in hashes]
    return out


class Parsed:
    """Token attributes of one Doc by token index (``lemma`` is lower-cased, ``end`` = idx + len)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = n = len(doc)
        a = doc.to_array(_COLUMNS) if n else np.zeros((0, len(_COLUMNS)), dtype=np.uint64)
        lower, lemma, pos, tag, dep, ent = (_strings(doc, c) for c in a[:, :6].T.tolist())
        self.lower, self.pos, self.tag, self.dep, self.ent_type = lower, pos, tag, dep, ent
        self.lemma = [_LOWER.get(x) or _LOWER.setdefault(x, x.lower()) for x in lemma]
        self.head: list[int] = (a[:, 6].astype(np.int64) + np.arange(n)).tolist()  # HEAD is a relative offset
        self.idx: list[int] = a[:, 7].tolist()
        self.end: list[int] = (a[:, 7] + a[:, 8]).tolist()
        self.is_punct: list[int] = a[:, 10].tolist()
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)
        self._sent_start = a[:, 9].tolist()
        self._sents: list[tuple[int, int]] | None = None
        self._subtrees: dict[int, list[int]] = {}
        self.roots: dict[tuple[int, int], int] = {}  # token range -> its syntactic head (``candidates._root``)
        # the quote encoder's role probabilities per token (``encoder.attach``), when computed
        self.roles: np.ndarray | None = doc.user_data.get(ROLE_KEY) if doc.user_data else None
        # feature families read for a model trained without their lemma-crossed templates
        # (``learned.LEAN_TEMPLATES``): their feature code does not build them
        self.lean: frozenset[str] = frozenset()

    def token(self, i: int) -> Token:
        return self.doc[i]

    def sent(self, i: int) -> tuple[int, int]:
        """(first, last + 1) token index of the sentence holding token ``i``."""
        if self._sents is None:
            self._sents = self._sentence_of_tokens()
        return self._sents[i]

    def _sentence_of_tokens(self) -> list[tuple[int, int]]:
        starts = [i for i, s in enumerate(self._sent_start) if s == 1 or i == 0]
        out: list[tuple[int, int]] = []
        for k, s in enumerate(starts):
            e = starts[k + 1] if k + 1 < len(starts) else self.n
            out.extend([(s, e)] * (e - s))
        return out

    def subtree(self, i: int) -> list[int]:
        """Indices of ``i`` and its descendants in order (spaCy's ``Token.subtree``; parses may be
        non-projective, so this is not always a range)."""
        got = self._subtrees.get(i)
        if got is None:
            got, stack, children = [i], [i], self.children
            while stack:  # no recursion: a deep chain never hits the recursion limit
                kids = children[stack.pop()]
                got += kids
                stack += kids
            got.sort()
            self._subtrees[i] = got
        return got

    def token_at(self, offset: int) -> int:
        """The token whose characters hold ``offset`` (or the last one starting before it)."""
        k = bisect_right(self.idx, offset) - 1
        return k if k > 0 else 0  # not max(): a builtin call costs more than the search (1.7k calls an article)

    def tokens_in(self, rng: tuple[int, int]) -> range:
        """The tokens holding the characters ``rng`` = (start, end) (empty for an empty range)."""
        first, last = self.token_at(rng[0]), self.token_at(rng[1] - 1)
        return range(first, last + 1) if last >= first else range(0)

    def left_edge(self, i: int) -> int:
        return self.subtree(i)[0]

    def span(self, indices: list[int]) -> tuple[int, int]:
        """Characters from the first token's start to the last token's end (offsets grow with
        the token index)."""
        return self.idx[min(indices)], self.end[max(indices)]
