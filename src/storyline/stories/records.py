"""Clusterer state read and written record by record.

The story clusterer needs, to place one article, a few dozen posting lists, about thirty story
profiles and the document frequencies of their terms: a small, bounded part of its state. Loading
and saving the whole state at every refresh costs time and memory in proportion to the corpus, so
a persistent clusterer keeps each kind of record in a table (``RecordTable``, backed by the store)
and ``LazyMap`` reads records on first use and writes back only those that changed. Without a
table a ``LazyMap`` is a plain in-memory dict (tests, benchmarks, one-shot clustering).

``LazyMap`` subclasses ``dict`` so the clusterer's hot loops (cosines over term weights) run at
dict speed once their records are loaded; ``__missing__`` does the loading. Callers must not use
``dict.get``/``in``/``setdefault`` to ask about records that may not be loaded yet (those bypass
``__missing__``): use ``m[key]``, ``find`` and ``has``.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping
from typing import Any, Protocol
from itertools import filterfalse

_RAISE = object()


class RecordTable(Protocol):
    """Keyed JSON records (string keys)."""

    def load(self, keys: Collection[str]) -> dict[str, Any]: ...

    def save(self, rows: Mapping[str, Any], deleted: Collection[str]) -> None: ...

    def scan(self) -> Iterator[tuple[str, Any]]: ...


class LazyMap(dict):
    """A dict whose missing keys are looked up in ``table`` (when given), remembering misses;
    assignments, deletions and ``touch`` (a record changed in place) mark keys for ``flush``.
    ``default``: the value of a key that is nowhere (document frequencies default to 0)."""

    def __init__(self, table: RecordTable | None = None, *, decode: Callable[[Any], Any] = lambda v: v,
                 encode: Callable[[Any], Any] = lambda v: v, key: Callable[[str], Hashable] = str,
                 default: Any = _RAISE, items: Iterable[tuple[Hashable, Any]] = ()):
        super().__init__(items)
        self.table, self.decode, self.encode, self.key, self.default = table, decode, encode, key, default
        self._absent: set = set()
        self._dirty: set = set()
        self._deleted: set = set()

    def __missing__(self, key: Hashable) -> Any:
        if self.table is not None and key not in self._absent and key not in self._deleted:
            self._load([key])
            if dict.__contains__(self, key):
                return dict.__getitem__(self, key)
        if self.default is _RAISE:
            raise KeyError(key)
        return self.default

    def __setitem__(self, key: Hashable, value: Any) -> None:
        dict.__setitem__(self, key, value)
        if self.table is not None:
            self._dirty.add(key)
            self._absent.discard(key)
            self._deleted.discard(key)

    def set_many(self, keys: list, values: list) -> None:
        """``self[k] = v`` for each pair, in order, with the bookkeeping done per list in C
        (placing an article counts ~150 document frequencies)."""
        dict.update(self, zip(keys, values))
        if self.table is not None:
            self._dirty.update(keys)
            self._absent.difference_update(keys)
            self._deleted.difference_update(keys)

    def __delitem__(self, key: Hashable) -> None:
        self[key]  # noqa: B018  (load it, or raise KeyError)
        dict.__delitem__(self, key)
        if self.table is not None:
            self._dirty.discard(key)
            self._deleted.add(key)

    def find(self, key: Hashable) -> Any:
        """The record, or None when there is none."""
        try:
            return self[key]
        except KeyError:
            return None

    def has(self, key: Hashable) -> bool:
        return self.find(key) is not None

    def touch(self, key: Hashable) -> None:
        """The record under ``key`` was changed in place: write it at the next ``flush``."""
        if self.table is not None:
            self._dirty.add(key)

    def prefetch(self, keys: Iterable[Hashable]) -> None:
        """Load these keys' records in one query (what the next steps will read)."""
        if self.table is not None:
            # by look-up (a difference against ``dict.keys(self)`` would walk every loaded record), and
            # first: most keys are loaded, so the set to make distinct is small
            self._load(list(set(filterfalse(self.__contains__, keys)).difference(self._absent, self._deleted)))

    def _load(self, keys: list) -> None:
        if not keys:
            return
        found = self.table.load([str(k) for k in keys])
        for text_key, value in found.items():
            dict.__setitem__(self, self.key(text_key), self.decode(value))
        self._absent.update(k for k in keys if not dict.__contains__(self, k))

    def flush(self) -> None:
        """Write what changed since the last flush."""
        if self.table is None or not (self._dirty or self._deleted):
            return
        rows = {str(k): self.encode(dict.__getitem__(self, k)) for k in self._dirty if dict.__contains__(self, k)}
        self.table.save(rows, [str(k) for k in self._deleted])
        self._dirty.clear()
        self._deleted.clear()

    def evict(self) -> None:
        """Flush, then forget what was loaded (memory stays bounded by the work between evictions)."""
        if self.table is not None:
            self.flush()
            dict.clear(self)
            self._absent.clear()

    def load_all(self) -> "LazyMap":
        """Every record (reads the whole table: for full exports and tests, not for placement)."""
        if self.table is not None:
            for text_key, value in self.table.scan():
                key = self.key(text_key)
                if not dict.__contains__(self, key) and key not in self._deleted:
                    dict.__setitem__(self, key, self.decode(value))
        return self
