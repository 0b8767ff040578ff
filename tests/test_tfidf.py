"""storyline.tfidf.TfidfVectorizer gives scikit-learn's matrices bit for bit (texts written for these tests)."""
from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer as SklearnTfidf

from storyline.tfidf import TfidfVectorizer, cosines

TEXTS = [
    "The council of Pellmouth met on Monday; the mayor said six dock workers were killed.",
    "Eight dock workers were killed when a drone hit the ferry pier, officials said.",
    "A  storm\tflooded\nthe harbour\u00a0of Pellmouth — on Sunday night, at 11 p.m.",
    "I a an to of it is",  # short words: each counted once, whole
    "",
    "Café Zoë's résumé: the the the harbour harbour, Harbour!",
    "the mayor said six dock workers were killed",  # repeats earlier n-grams in another order
]
OPTIONS = [
    {"analyzer": "char_wb", "ngram_range": (3, 5), "sublinear_tf": True},
    {"analyzer": "char_wb", "ngram_range": (2, 5), "sublinear_tf": True, "preprocessor": lambda t: t.upper()},
    {"analyzer": "char_wb", "ngram_range": (1, 1)},
    {"ngram_range": (1, 2), "sublinear_tf": True, "stop_words": "english"},
    {"token_pattern": r"\S+", "sublinear_tf": False},
    {"analyzer": "char", "ngram_range": (2, 3)},
    {"analyzer": "char_wb", "ngram_range": (2, 4), "min_df": 2, "max_df": 0.7},  # features dropped
    {"ngram_range": (1, 2), "max_features": 12},
]


def same(a, b) -> None:
    assert a.shape == b.shape and a.dtype == b.dtype
    for field in ("data", "indices", "indptr"):
        got, want = getattr(a, field), getattr(b, field)
        assert got.dtype == want.dtype and np.array_equal(got, want), field


@pytest.mark.parametrize("options", OPTIONS)
def test_fit_transform_is_sklearns_bit_for_bit(options):
    ours, theirs = TfidfVectorizer(**options), SklearnTfidf(**options)
    same(ours.fit_transform(TEXTS), theirs.fit_transform(TEXTS))
    assert ours.vocabulary_ == theirs.vocabulary_ and list(ours.vocabulary_) == list(theirs.vocabulary_)
    assert [type(v) for v in ours.vocabulary_.values()] == [type(v) for v in theirs.vocabulary_.values()]
    assert np.array_equal(ours.idf_, theirs.idf_)
    product = ours.fit_transform(TEXTS) @ ours.fit_transform(TEXTS).T
    assert np.array_equal(product.toarray(), (theirs.fit_transform(TEXTS) @ theirs.fit_transform(TEXTS).T).toarray())


@pytest.mark.parametrize("options", OPTIONS)
def test_transform_with_a_fitted_vocabulary(options):
    ours, theirs = TfidfVectorizer(**options).fit(TEXTS[:3]), SklearnTfidf(**options).fit(TEXTS[:3])
    same(ours.transform(TEXTS[3:]), theirs.transform(TEXTS[3:]))


def test_empty_vocabulary_is_refused_as_sklearn_does():
    with pytest.raises(ValueError, match="empty vocabulary"):
        TfidfVectorizer(stop_words="english").fit_transform(["the of and", ""])


def test_many_documents_in_scikit_learns_order():
    """Shuffled fixture words over many documents: n-gram ids, counts and their order per row as scikit-learn's."""
    rng = np.random.default_rng(8)
    words = " ".join(TEXTS).split()
    docs = [" ".join(rng.choice(words, size=rng.integers(0, 40))) for _ in range(300)]
    for options in OPTIONS[:4]:
        same(TfidfVectorizer(**options).fit_transform(docs), SklearnTfidf(**options).fit_transform(docs))


def test_no_words_at_all_is_refused_as_sklearn_does():
    with pytest.raises(ValueError, match="empty vocabulary"):
        TfidfVectorizer(analyzer="char_wb").fit_transform(["", " \n "])


def test_cosines_are_the_products_of_scikit_learns_rows_bit_for_bit():
    """Claim similarity's shortcut (features counted, never named) gives the very floats of the
    row products of scikit-learn's matrices, on the fixture texts and on many shuffled ones."""
    rng = np.random.default_rng(12)
    words = " ".join(TEXTS).split()
    many = [" ".join(rng.choice(words, size=rng.integers(1, 30))) for _ in range(200)]
    for options in [o for o in OPTIONS if not {"min_df", "max_df", "max_features"} & set(o)]:
        for docs in (TEXTS, many):
            X = SklearnTfidf(**options).fit_transform(docs)
            got = cosines(docs, **options)
            assert got.dtype == np.float64 and np.array_equal(got, (X @ X.T).toarray())


def test_a_large_alphabet_still_counts_exactly():
    """More distinct characters than five-character n-grams can number in 63 bits (here 7,000
    ideographs): the n-grams are still told apart exactly, as scikit-learn tells them."""
    rng = np.random.default_rng(5)
    alphabet = [chr(0x4E00 + i) for i in range(7000)]
    docs = [" ".join("".join(rng.choice(alphabet, size=rng.integers(1, 7))) for _ in range(40)) for _ in range(150)]
    docs += [docs[0].split()[0] + " " + docs[1].split()[0]]  # words seen before, in a new document
    assert len(set("".join(docs))) + 2 > (2 ** 63) ** (1 / 5)  # the alphabet (with space) needs ranking
    options = {"analyzer": "char_wb", "ngram_range": (3, 5), "sublinear_tf": True}
    same(TfidfVectorizer(**options).fit_transform(docs), SklearnTfidf(**options).fit_transform(docs))
    X = SklearnTfidf(**options).fit_transform(docs)
    assert np.array_equal(cosines(docs, **options), (X @ X.T).toarray())


def test_lone_surrogates_and_astral_characters_are_characters_as_in_scikit_learn():
    docs = ["a broken \ud800 pair here", "and \udfff another one", "a smile \U0001F600 too \ud800x"]
    for options in OPTIONS[:3]:
        same(TfidfVectorizer(**options).fit_transform(docs), SklearnTfidf(**options).fit_transform(docs))
    X = SklearnTfidf(**OPTIONS[0]).fit_transform(docs)
    assert np.array_equal(cosines(docs, **OPTIONS[0]), (X @ X.T).toarray())


def test_cosines_refuse_fits_that_drop_features():
    with pytest.raises(ValueError, match="keep every feature"):
        cosines(TEXTS, analyzer="char_wb", min_df=2)
    with pytest.raises(ValueError, match="empty vocabulary"):
        cosines(["the of and", ""], stop_words="english")
