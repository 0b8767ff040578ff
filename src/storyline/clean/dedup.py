"""Exact and near-duplicate detection (datasketch MinHash + MinHashLSH).

Choices:
* exact copies: SHA-1 of ``model.normalize_for_id(text)``, so copies that differ only in case,
  whitespace or Unicode form are exact duplicates (the outlet is left out on purpose: the same
  wire story published by two outlets is a duplicate);
* near copies: word 5-gram shingles of the same normalised text. Five words are long enough that
  unrelated articles share almost none, short enough that one edited sentence only changes the
  shingles that overlap it (about its length + 4), so a long article with a rewritten last
  sentence keeps a Jaccard similarity well above 0.9;
* threshold 0.8 (estimated Jaccard) with 128 permutations: syndicated copies with a changed
  byline, headline or closing line stay above it, follow-up stories on the same event (new
  paragraphs, different wording) fall far below it. LSH candidates are verified with the
  MinHash estimate before they count, so LSH's false positives never become duplicates.

"First" is insertion order: ``duplicate_of`` always names the earliest article of its group
(chains are followed to their root), and replaying persisted signatures in the original order
with ``add_signature`` rebuilds exactly the same answers without re-reading any text.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from storyline.model import normalize_for_id

SHINGLE_WORDS = 5
SEED = 1
# datasketch >= 2.0 hashing scheme; pinned so persisted signatures stay comparable across versions.
SCHEME = "affine32"
_SIGNATURE_DTYPE = np.dtype("<u4")  # affine32 hash values fit 32 bits: 4 bytes per permutation
_WORD = re.compile(r"\w+")


def exact_hash(text: str) -> str:
    """Hash of the normalised text: equal for copies that differ only in case or whitespace."""
    return _digest(normalize_for_id(text))


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Word n-grams of the normalised text (the whole text as one shingle when it is shorter)."""
    return _shingles_of_normalized(normalize_for_id(text), size)


def _short_key(band: bytes) -> bytes:
    return hashlib.blake2b(band, digest_size=8).digest()


def _digest(normalized: str) -> str:
    return hashlib.sha1(normalized.encode("utf-8")).hexdigest()


def _shingles_of_normalized(normalized: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = _WORD.findall(normalized)
    if not words:
        return set()
    if len(words) < size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


class DuplicateIndex:
    """Order-aware index of exact hashes and MinHash signatures; answers "is this a copy of an earlier one?"."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 128):
        self.threshold = threshold
        self.num_perm = num_perm
        self._permutations = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations
        # band keys shortened to 8 bytes and signatures kept as their 4-byte values: the index
        # is held in memory for the whole store, so its size per article matters (a shortened key
        # can only add LSH candidates, and every candidate is verified)
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, hashfunc=_short_key)
        self._by_exact: dict[str, str] = {}        # exact hash -> first article id with it
        self._signatures: dict[str, bytes] = {}
        self._order: dict[str, int] = {}           # article id -> insertion position
        self._original: dict[str, str | None] = {}  # article id -> the first copy it duplicates

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._order

    def keys(self, text: str) -> tuple[str, bytes]:
        """What the store persists of ``text``: its exact hash (the module's ``exact_hash``) and its
        MinHash as bytes (little-endian uint32 hash values; empty for text without words), from one
        normalisation of the text."""
        normalized = normalize_for_id(text)
        return _digest(normalized), self._signature_of_normalized(normalized)

    def check_and_add(self, article_id: str, text: str) -> str | None:
        """Id of the first article this text copies (exactly or nearly), or None; then remember it."""
        exact, sig = self.keys(text)
        return self.add_signature(article_id, sig, exact)

    def add_signature(self, article_id: str, sig: bytes, exact_hash: str) -> str | None:
        """Add a persisted signature (in original order to rebuild an index); returns as check_and_add.

        An id already in the index is not added again: re-running the same input gives the same
        answer instead of making an article a duplicate of itself.
        """
        if article_id in self._order:
            return self._original[article_id]
        minhash = self._from_bytes(sig)
        original = self._find_original(exact_hash, minhash, sig)
        self._remember(article_id, exact_hash, minhash, sig, original)
        return original

    def _find_original(self, exact: str, minhash: LeanMinHash | None, sig: bytes) -> str | None:
        first = self._by_exact.get(exact)
        if first is None and minhash is not None:
            first = self._earliest_near(minhash, sig)
        if first is None:
            return None
        return self._original[first] or first

    def _earliest_near(self, minhash: LeanMinHash, sig: bytes) -> str | None:
        """The earliest indexed article whose estimated Jaccard similarity reaches the threshold."""
        values = np.frombuffer(sig, dtype=_SIGNATURE_DTYPE)
        candidates = [c for c in self._lsh.query(minhash)
                      if np.mean(np.frombuffer(self._signatures[c], dtype=_SIGNATURE_DTYPE) == values) >= self.threshold]
        return min(candidates, key=self._order.__getitem__, default=None)

    def _remember(self, article_id: str, exact: str, minhash: LeanMinHash | None, sig: bytes,
                  original: str | None) -> None:
        self._order[article_id] = len(self._order)
        self._original[article_id] = original
        self._by_exact.setdefault(exact, article_id)
        if minhash is not None:
            self._signatures[article_id] = sig
            self._lsh.insert(article_id, minhash)

    def _signature_of_normalized(self, normalized: str) -> bytes:
        words = _shingles_of_normalized(normalized)
        if not words:
            return b""
        minhash = MinHash(num_perm=self.num_perm, seed=SEED, permutations=self._permutations, scheme=SCHEME)
        minhash.update_batch(list(words))
        return minhash.hashvalues.astype(_SIGNATURE_DTYPE).tobytes()

    def _from_bytes(self, sig: bytes) -> LeanMinHash | None:
        if not sig:
            return None
        hashvalues = np.frombuffer(sig, dtype=_SIGNATURE_DTYPE)
        if len(hashvalues) != self.num_perm:
            raise ValueError(f"signature has {len(hashvalues)} values, index uses num_perm={self.num_perm}")
        return LeanMinHash(seed=SEED, hashvalues=hashvalues, scheme=SCHEME)
