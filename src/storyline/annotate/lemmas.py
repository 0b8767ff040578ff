"""The model's rule lemmatizer, memoised on what its rules read.

spaCy's ``Lemmatizer`` caches its result only at the end of ``rule_lemmatize``; the early exits
(``is_base_form``: singular nouns, infinitives, positive adjectives - most tokens of news text) are
computed again for every token, in Python, and cost about a twentieth of the whole parse. Every exit
reads only the token's text, POS and morphology, so the lemma is a function of (ORTH, POS, MORPH)
and can be memoised for all of them. The lemmas come out identical (tests compare token by token);
tokens whose lemma an earlier component set are left alone, as spaCy does unless ``overwrite``.

What the memo has not seen still goes through ``rule_lemmatize``, which asks ``form in index`` of the
table of known words of the POS, a Python list (57,528 nouns): a linear scan for every suffix rule
that applies, about as long as the rest of the lemmatizer. The lists are given a set-backed
membership test (``WordIndex``), same answers.
"""
# no ``from __future__ import annotations``: the factory's signature is read at run time (confection < 0.2,
# which the pinned spaCy 3.8.7 resolves to, cannot resolve string annotations)

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

MEMO_SIZE = 200_000  # bounded: memory stays flat on any corpus


class WordIndex(list):
    """A lemma index (the words of one POS) whose ``in`` is a set look-up; still the same list for
    everything else spaCy does with it."""

    def __init__(self, words: list[str]):
        super().__init__(words)
        self._words = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self._words


def index_words(lemmatizer: Lemmatizer) -> None:
    """Give the rule lemmatizer's ``lemma_index`` lists a set-backed ``in`` (see the module docstring)."""
    table = lemmatizer.lookups.get_table("lemma_index", None)
    for pos, words in list((table or {}).items()):
        if isinstance(words, list) and not isinstance(words, WordIndex):
            table[pos] = WordIndex(words)


class MemoLemmatizer:
    """Drop-in for the model's rule ``lemmatizer`` (see the module docstring)."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}
        # the memo key holds what the rule lemmatizer reads; a lookup or custom one is left in place
        self.supported = isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule"
        if self.supported:
            index_words(lemmatizer)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        overwrite, memo, strings = self.lemmatizer.overwrite, self.memo, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = memo.get(key)
            if value is None:
                if len(memo) >= MEMO_SIZE:
                    memo.clear()
                value = memo[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory("storyline_lemmatizer")
def make_memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    return MemoLemmatizer(nlp.get_pipe("lemmatizer"))

