"""Web UI and HTTP API (``storyline serve``); imported lazily so the CLI starts without FastAPI."""
from __future__ import annotations

from typing import Any

__all__ = ["create_app", "serve"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from storyline.web import app

        return getattr(app, name)
    raise AttributeError(name)
