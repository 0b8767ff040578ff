"""Storyline: news event intelligence.

The Python API and the CLI are the same thing: ``storyline.analyze(["news/"], out="out/")`` does
what ``storyline analyze news/ --out out/`` does.
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["analyze", "ingest", "export", "Store", "RunOptions", "__version__"]


def __getattr__(name: str) -> Any:
    # lazy, so ``import storyline`` stays cheap (spaCy loads only when work starts)
    if name in ("analyze", "ingest"):
        from storyline import api

        return getattr(api, name)
    if name == "export":
        from storyline.export import export

        return export
    if name == "Store":
        from storyline.store import Store

        return Store
    if name == "RunOptions":
        from storyline.pipeline import RunOptions

        return RunOptions
    raise AttributeError(name)
