"""Events: who did what to whom, when and where, coded to PLOVER.

Rules over the dependency parse find triggers (a lexicon written from the PLOVER manual and CAMEO
verb knowledge), actors and recipients, aux modes and the PLOVER type rules; a small trained
sentence classifier scores the CAMEO quad (see ``classifier``). Entry point: ``extract_events``;
across articles, ``corroborate`` links reports of one event and ``gdelt_rows`` gives GDELT-style rows.
"""
from __future__ import annotations

from .corroborate import corroborate
from .extract import extract_events
from .gdelt import gdelt_rows
from .ontology import AUX_MODES, CONTEXTS, PLOVER_TYPES, QUAD_OF_TYPE, cameo_root, quad_of

__all__ = ["extract_events", "corroborate", "gdelt_rows", "PLOVER_TYPES", "QUAD_OF_TYPE", "AUX_MODES", "CONTEXTS",
           "cameo_root", "quad_of"]
