"""Events: who did what to whom, when and where, coded to PLOVER.

Rules over the dependency parse find triggers (a lexicon written from the PLOVER manual and CAMEO
verb knowledge), actors and recipients, aux modes and the PLOVER type rules; a small trained
sentence classifier scores the CAMEO quad (see ``classifier``). Entry point: ``extract_events``.
"""
from __future__ import annotations

from .extract import extract_events
from .ontology import AUX_MODES, CONTEXTS, PLOVER_TYPES, QUAD_OF_TYPE, cameo_root, quad_of

__all__ = ["extract_events", "PLOVER_TYPES", "QUAD_OF_TYPE", "AUX_MODES", "CONTEXTS", "cameo_root", "quad_of"]
