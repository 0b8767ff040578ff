"""The quote models' packaged artifacts (src/storyline/data/quotes/), read from the installed package."""

from __future__ import annotations

from importlib import resources


def packaged(name: str) -> bytes | None:
    """The bytes of artifact ``name``, or None when it is absent: every quote model is optional,
    the annotators fall back to what they can do without it."""
    try:
        return resources.files("storyline").joinpath("data/quotes/" + name).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return None
