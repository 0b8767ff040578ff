"""scikit-learn's ``TfidfVectorizer`` with cheaper counting, giving the same matrices bit for bit.

``CountVectorizer._count_vocab`` counts features one at a time in Python, its ``char_wb`` analyzer
cuts every word of every document into n-grams anew, and sorting the vocabulary renumbers it one
numpy scalar at a time: most of the cost of the small per-story fits of claim alignment and quote
variant groups. Here ``char_wb`` cuts a word into n-grams once (kept across fits) and counts all
documents' n-gram ids with array operations, other analyzers count a document's features with
``collections.Counter``, and the vocabulary is renumbered with arrays. Features get their ids in
the order they are first seen and each row is in id order, as scikit-learn makes them, and the
weighting (idf, sublinear tf, norms) is scikit-learn's own code: data, indices and index pointers
are identical (tests/test_tfidf.py compares them), so similarities built on them are too.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import chain, compress

import numpy as np
import scipy.sparse as sp
import sklearn
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
            if not vocabulary:
                raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
        indices_dtype = np.int64 if indptr[-1] > np.iinfo(np.int32).max else np.int32
        X = sp.csr_array((np.asarray(values, dtype=np.intc), np.asarray(j_indices, dtype=indices_dtype),
                          np.asarray(indptr, dtype=indices_dtype)),
                         shape=(len(indptr) - 1, len(vocabulary)), dtype=self.dtype)
        X.sort_indices()
        return vocabulary, _align_api_if_sparse(X)

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
        """``char_wb`` counts with array operations. Each distinct word's n-grams (in scikit-learn's
        order, as numbers kept across fits: ``_GramCache``) are laid end to end in the order the
        words are first seen, which is the order the n-grams are first seen in (an n-gram is first
        seen in the first occurrence of a word holding it): that order gives the vocabulary ids
        scikit-learn gives. Then every document's n-gram ids are counted at once, in id order per
        document (what ``sort_indices`` makes of scikit-learn's counts)."""
        preprocess, decode = self.build_preprocessor(), self.decode
        cache = _GramCache.of(tuple(self.ngram_range))
        words = _FirstSeen(cache)
        sequence: list[int] = []  # every document's words, as indices into words.grams
        ends = []
        for doc in raw_documents:
            sequence.extend(map(words.__getitem__, preprocess(decode(doc)).split()))
            ends.append(len(sequence))
        n_docs = len(ends)
        sizes = np.fromiter(map(len, words.grams), dtype=np.int64, count=len(words.grams))
        numbers = np.fromiter(chain.from_iterable(words.grams), dtype=np.int64, count=int(sizes.sum()))
        kept, first = np.unique(numbers, return_index=True)
        order = np.argsort(first)  # the n-grams in the order first seen
        rank = np.empty(len(kept), dtype=np.int64)
        rank[order] = np.arange(len(kept), dtype=np.int64)
        grams = rank[np.searchsorted(kept, numbers)]
        vocabulary.update(zip(map(cache.grams.__getitem__, kept[order].tolist()), range(len(kept))))
        starts = np.zeros(len(words.grams) + 1, dtype=np.int64)  # where each word's n-grams start
        np.cumsum(sizes, out=starts[1:])
        seq = np.asarray(sequence, dtype=np.int64)
        doc_of_word = np.repeat(np.arange(n_docs, dtype=np.int64), np.diff(np.asarray([0, *ends])))
        lengths = starts[seq + 1] - starts[seq]
        offset = np.cumsum(lengths) - lengths
        at = np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(starts[seq] - offset, lengths)
        width = max(len(vocabulary), 1)
        keys, counts = np.unique(np.repeat(doc_of_word, lengths) * width + grams[at], return_counts=True)
        indptr = np.zeros(n_docs + 1, dtype=np.int64)
        np.cumsum(np.bincount(keys // width, minlength=n_docs), out=indptr[1:])
        return counts, keys % width, indptr

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


class _FirstSeen(dict):
    """word -> its index among the words of one fit, in the order first seen; ``grams`` holds
    each word's n-gram numbers."""

    def __init__(self, cache: "_GramCache"):
        super().__init__()
        self.cache = cache
        self.grams: list[tuple[int, ...]] = []

    def __missing__(self, word: str) -> int:
        self.grams.append(self.cache.word(word))
        index = self[word] = len(self.grams) - 1
        return index


class _GramCache:
    """``char_wb`` n-grams of words, kept across fits (one per n-gram range and process, about
    12 MB when full): each n-gram seen gets a lasting number, each word the numbers of its n-grams
    in scikit-learn's ``_char_wb_ngrams`` order. A story's words are mostly words of earlier
    stories, so a fit cuts few words anew. Emptied whole when it holds ``MAX_WORDS`` words or
    ``MAX_GRAMS`` n-grams (numbers given before are then void: it is only emptied between fits)."""

    MAX_WORDS = 20_000
    MAX_GRAMS = 150_000
    _caches: dict[tuple[int, int], "_GramCache"] = {}

    def __init__(self, ngram_range: tuple[int, int]):
        self.min_n, self.max_n = ngram_range
        self.number = _Numbers()
        self.grams = self.number.grams
        self.words: dict[str, tuple[int, ...]] = {}

    @classmethod
    def of(cls, ngram_range: tuple[int, int]) -> "_GramCache":
        cache = cls._caches.get(ngram_range)
        if cache is None or len(cache.words) >= cls.MAX_WORDS or len(cache.grams) >= cls.MAX_GRAMS:
            cache = cls._caches[ngram_range] = cls(ngram_range)
        return cache

    def word(self, word: str) -> tuple[int, ...]:
        got = self.words.get(word)
        if got is None:
            got = self.words[word] = tuple(map(self.number.__getitem__, self._cut(word)))
        return got

    def _cut(self, word: str) -> list[str]:
        w = " " + word + " "
        out = []
        for n in range(self.min_n, self.max_n + 1):
            if len(w) <= n:  # a short word is counted once, whole
                out.append(w)
                break
            out.extend([w[i:i + n] for i in range(len(w) - n + 1)])
        return out


class _Numbers(dict):
    """n-gram -> its number, given in the order first asked for; ``grams``: number -> n-gram."""

    def __init__(self):
        super().__init__()
        self.grams: list[str] = []

    def __missing__(self, gram: str) -> int:
        number = self[gram] = len(self.grams)
        self.grams.append(gram)
        return number
