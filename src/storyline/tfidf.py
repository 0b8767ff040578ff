"""scikit-learn's ``TfidfVectorizer`` with cheaper counting, giving the same matrices bit for bit.

``CountVectorizer._count_vocab`` counts features one at a time in Python, its ``char_wb`` analyzer
cuts every word of every document into n-grams anew, and sorting the vocabulary renumbers it one
numpy scalar at a time: most of the cost of the small per-story fits of claim alignment and quote
variant groups. Here ``char_wb`` cuts each distinct word of a fit into n-grams with array
operations (``_WordGrams``: n-grams as exact integers, strings made only to name them) and counts
all documents' n-gram ids at once, other analyzers count a document's features with
``collections.Counter``, and the vocabulary is renumbered with arrays. Features get their ids in
the order they are first seen and each row is in id order, as scikit-learn makes them, and the
weighting (idf, sublinear tf, norms) is scikit-learn's own code: data, indices and index pointers
are identical (tests/test_tfidf.py compares them), so similarities built on them are too.
``cosines`` gives the row products without naming the features at all.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import chain, compress

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.feature_extraction.text import TfidfVectorizer as _SklearnTfidf
from sklearn.feature_extraction.text import _document_frequency

try:
    from sklearn.utils._sparse import _align_api_if_sparse
except ImportError:  # older scikit-learn makes csr_matrix counts
    def _align_api_if_sparse(X):
        return sp.csr_matrix(X)

# ``_limit_features``'s return value has changed across scikit-learn versions: it is replaced
# only on the versions checked (1.9 on), elsewhere scikit-learn's own method runs
_LIMIT_RETURNS_MATRIX = tuple(map(int, re.match(r"(\d+)\.(\d+)", sklearn.__version__).groups())) >= (1, 9)


class TfidfVectorizer(_SklearnTfidf):
    """Drop-in ``sklearn.feature_extraction.text.TfidfVectorizer`` (same parameters, same output)."""

    def _count_vocab(self, raw_documents: Iterable, fixed_vocab: bool):
        if fixed_vocab:
            vocabulary = self.vocabulary_
        else:
            vocabulary = defaultdict()
            vocabulary.default_factory = vocabulary.__len__
        if self.analyzer == "char_wb" and not fixed_vocab:
            values, j_indices, indptr = self._count_char_wb(raw_documents, vocabulary)
        else:
            values, j_indices, indptr = self._count_features(raw_documents, vocabulary, fixed_vocab)
        if not fixed_vocab:
            vocabulary = dict(vocabulary)
            _refuse_empty(len(vocabulary))
        return vocabulary, self._counts_matrix(values, j_indices, indptr, len(vocabulary))

    def _counts_matrix(self, values, j_indices, indptr, n_features: int):
        """The documents' counts as scikit-learn's ``_count_vocab`` makes them (each row in id order)."""
        indices_dtype = np.int64 if indptr[-1] > np.iinfo(np.int32).max else np.int32
        X = sp.csr_array((np.asarray(values, dtype=np.intc), np.asarray(j_indices, dtype=indices_dtype),
                          np.asarray(indptr, dtype=indices_dtype)),
                         shape=(len(indptr) - 1, n_features), dtype=self.dtype)
        X.sort_indices()
        return _align_api_if_sparse(X)

    def unnamed_counts(self, raw_documents: Iterable):
        """The counts ``fit_transform`` weighs, with each feature's id of first sight as its column
        instead of its rank in name order: no feature string is kept (``char_wb``) and none is
        sorted. Each row holds the same counts in the same order as scikit-learn's (its entries
        are in first-seen order either way; only the column labels differ)."""
        if self.analyzer == "char_wb":
            values, j_indices, indptr, grams = self._char_wb_counts(raw_documents)
            n_features = grams.size
        else:
            vocabulary: defaultdict = defaultdict()
            vocabulary.default_factory = vocabulary.__len__
            values, j_indices, indptr = self._count_features(raw_documents, vocabulary, False)
            n_features = len(vocabulary)
        _refuse_empty(n_features)
        return self._counts_matrix(values, j_indices, indptr, n_features)

    def _count_features(self, raw_documents: Iterable, vocabulary: dict, fixed_vocab: bool):
        """Each document's features counted by ``Counter`` (first-seen order, as scikit-learn's)."""
        analyze = self.build_analyzer()
        j_indices: list[int] = []
        values: list[int] = []
        indptr = [0]
        for doc in raw_documents:
            counts = Counter(analyze(doc))
            if fixed_vocab:
                known = [(vocabulary[f], n) for f, n in counts.items() if f in vocabulary]
                j_indices.extend(j for j, _ in known)
                values.extend(n for _, n in known)
            else:
                j_indices.extend(map(vocabulary.__getitem__, counts))
                values.extend(counts.values())
            indptr.append(len(j_indices))
        return values, j_indices, indptr

    def _count_char_wb(self, raw_documents: Iterable, vocabulary: dict):
        """``char_wb`` counts with array operations (``_char_wb_counts``), the n-grams named in
        ``vocabulary`` by their ids."""
        values, indices, indptr, grams = self._char_wb_counts(raw_documents)
        vocabulary.update(zip(grams.names(), range(grams.size)))
        return values, indices, indptr

    def _char_wb_counts(self, raw_documents: Iterable):
        """The distinct words' n-grams (``_WordGrams``) laid end to end in the order the words are
        first seen, which is the order the n-grams are first seen in (an n-gram is first seen in
        the first occurrence of a word holding it): that order gives the vocabulary ids
        scikit-learn gives. Then every document's n-gram ids are counted at once, in id order per
        document (what ``sort_indices`` makes of scikit-learn's counts). Returns the counts, their
        ids, the documents' index pointers and the n-grams."""
        preprocess, decode = self.build_preprocessor(), self.decode
        tokens = [preprocess(decode(doc)).split() for doc in raw_documents]
        index = dict.fromkeys(chain.from_iterable(tokens))  # the distinct words, first seen first
        distinct = list(index)
        index.update(zip(distinct, range(len(distinct))))
        grams = _WordGrams(distinct, *self.ngram_range)
        n_docs = len(tokens)
        starts = np.zeros(len(distinct) + 1, dtype=np.int64)  # where each word's n-grams start
        np.cumsum(grams.per_word, out=starts[1:])
        seq = np.fromiter(map(index.__getitem__, chain.from_iterable(tokens)), dtype=np.int64)
        doc_of_word = np.repeat(np.arange(n_docs, dtype=np.int64),
                                np.fromiter(map(len, tokens), dtype=np.int64, count=n_docs))
        lengths = starts[seq + 1] - starts[seq]
        offset = np.cumsum(lengths) - lengths
        at = np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(starts[seq] - offset, lengths)
        width = max(grams.size, 1)
        keys, counts = np.unique(np.repeat(doc_of_word, lengths) * width + grams.ids[at], return_counts=True)
        indptr = np.zeros(n_docs + 1, dtype=np.int64)
        np.cumsum(np.bincount(keys // width, minlength=n_docs), out=indptr[1:])
        return counts, keys % width, indptr, grams

    def _sort_features(self, X, vocabulary: dict):
        """scikit-learn's, without a Python loop over numpy scalars: ids in name order."""
        terms = sorted(vocabulary)
        old = np.fromiter(map(vocabulary.__getitem__, terms), dtype=np.int64, count=len(terms))
        map_index = np.empty(len(terms), dtype=X.indices.dtype)
        map_index[old] = np.arange(len(terms), dtype=X.indices.dtype)
        vocabulary.update(zip(terms, range(len(terms))))
        X.indices = map_index.take(X.indices, mode="clip")
        return X

    def _limit_features(self, X, vocabulary: dict, high=None, low=None, limit=None):
        """scikit-learn's (features kept by document frequency and ``max_features``), with the
        vocabulary renumbered by array operations instead of one term at a time."""
        if not _LIMIT_RETURNS_MATRIX:
            return super()._limit_features(X, vocabulary, high, low, limit)
        if high is None and low is None and limit is None:
            return X, set()
        dfs = _document_frequency(X)
        mask = np.ones(len(dfs), dtype=bool)
        if high is not None:
            mask &= dfs <= high
        if low is not None:
            mask &= dfs >= low
        if limit is not None and mask.sum() > limit:
            tfs = np.asarray(X.sum(axis=0)).ravel()
            mask_inds = (-tfs[mask]).argsort()[:limit]
            new_mask = np.zeros(len(dfs), dtype=bool)
            new_mask[np.where(mask)[0][mask_inds]] = True
            mask = new_mask
        if mask.all() and self.max_features is None:
            return X  # nothing dropped; the ids are renumbered by _sort_features, which comes next
        new_indices = np.cumsum(mask) - 1  # maps old indices to new
        terms = list(vocabulary)
        old = np.fromiter(vocabulary.values(), dtype=np.int64, count=len(terms))
        kept = mask[old]
        for term in compress(terms, ~kept):
            del vocabulary[term]
        vocabulary.update(zip(compress(terms, kept), new_indices[old[kept]]))
        kept_indices = np.where(mask)[0]
        if len(kept_indices) == 0:
            raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
        return X[:, kept_indices]


def _refuse_empty(n_features: int) -> None:
    if not n_features:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")


def cosines(texts: list[str], **options) -> np.ndarray:
    """``(X @ X.T).toarray()`` for ``X = TfidfVectorizer(**options).fit_transform(texts)``, the same
    floats bit for bit, without naming the features (``unnamed_counts``: claim similarity never
    asks which n-gram is which, and building and sorting the vocabulary's strings was a third of
    its fits). The weights are scikit-learn's ``TfidfTransformer``, as ``fit_transform`` applies
    them: a column's idf does not depend on its label, and a row product sums its row's entries in
    their stored order, which is the same. Only for fits that drop no feature (the default
    ``min_df``, ``max_df`` and ``max_features``)."""
    vectorizer = TfidfVectorizer(**options)
    if (vectorizer.min_df, vectorizer.max_df, vectorizer.max_features) != (1, 1.0, None):
        raise ValueError("cosines() is for fits that keep every feature")
    vectorizer._validate_ngram_range()
    counts = vectorizer.unnamed_counts(texts)
    weights = TfidfTransformer(norm=vectorizer.norm, use_idf=vectorizer.use_idf, smooth_idf=vectorizer.smooth_idf,
                               sublinear_tf=vectorizer.sublinear_tf)
    X = weights.fit(counts).transform(counts, copy=False)
    return (X @ X.T).toarray()


class _WordGrams:
    """The ``char_wb`` n-grams of distinct words, cut with array operations: each word padded
    with a space on either side, its n-grams for each n in ``ngram_range`` in scikit-learn's
    ``_char_wb_ngrams`` order (by n, then by position), a word shorter than the least n counted
    once, whole. ``ids``: each n-gram's id, the order of first sight over all words' n-grams end to
    end; ``per_word``: how many n-grams each word has. An n-gram is known by an exact integer: its
    characters' ranks in the fit's alphabet as the digits of a number (a shorter n-gram ends in
    zero digits, which no character has), so no string is cut unless ``names`` asks for them."""

    def __init__(self, words: list[str], min_n: int, max_n: int):
        self.text = " " + "  ".join(words) + " "  # word i at [start, start + padded)
        padded = np.fromiter(map(len, words), dtype=np.int64, count=len(words)) + 2
        counts = [np.maximum(padded - n + 1, 1 if n == min_n else 0) for n in range(min_n, max_n + 1)]
        self.per_word = np.sum(counts, axis=0, dtype=np.int64) if counts else np.zeros(len(words), np.int64)
        self._place(padded, counts, min_n)
        kept, first, inverse = np.unique(self._keys(max_n), return_index=True, return_inverse=True)
        by_sight = np.argsort(first)
        rank = np.empty(len(kept), dtype=np.int64)
        rank[by_sight] = np.arange(len(kept), dtype=np.int64)
        self.ids = rank[inverse.ravel()]
        self.first = first[by_sight]  # the first occurrence of each id
        self.size = len(kept)

    def _place(self, padded: np.ndarray, counts: list[np.ndarray], min_n: int) -> None:
        """Start and length in ``text`` of every n-gram, by word, then n, then position: n-grams of
        each n for every word at least n long (and every word shorter than ``min_n``, whole),
        each put straight at its place in that order (a scatter, not a sort)."""
        word_start = np.cumsum(padded) - padded
        first_gram = np.cumsum(self.per_word) - self.per_word
        before = np.zeros(len(padded), dtype=np.int64)  # the word's n-grams of smaller n
        self.pos = np.empty(int(self.per_word.sum()), dtype=np.int64)
        self.len = np.empty(len(self.pos), dtype=np.int64)
        for n, count in enumerate(counts, start=min_n):
            word = np.repeat(np.arange(len(padded), dtype=np.int64), count)
            k = np.arange(len(word), dtype=np.int64) - np.repeat(np.cumsum(count) - count, count)
            at = first_gram[word] + before[word] + k
            self.pos[at] = word_start[word] + k
            self.len[at] = np.minimum(padded[word], n)
            before += count

    def _keys(self, max_n: int) -> np.ndarray:
        """The exact integer of each n-gram; with an alphabet too large for ``max_n`` digits in 63
        bits, the number so far is replaced by its rank after each digit (still exact)."""
        # one code point each, lone surrogates too (JSON may carry them; scikit-learn cuts them as characters)
        codes = np.frombuffer(self.text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        alphabet, digits = np.unique(codes, return_inverse=True)
        digits = digits.astype(np.int64) + 1
        base = len(alphabet) + 1
        ranked = base ** max_n >= 2 ** 63
        keys = np.zeros(len(self.pos), dtype=np.int64)
        for t in range(max_n):
            inside = t < self.len
            keys = keys * base + np.where(inside, digits[np.where(inside, self.pos + t, 0)], 0)
            if ranked:
                keys = np.unique(keys, return_inverse=True)[1].ravel().astype(np.int64)
        return keys

    def names(self) -> list[str]:
        """The n-grams as strings, in id order."""
        text = self.text
        return [text[p:p + n] for p, n in zip(self.pos[self.first].tolist(), self.len[self.first].tolist())]
