"""SQLite is the centre: the embedded store that every command reads and writes."""
from storyline.store.sqlite import Store

__all__ = ["Store"]
