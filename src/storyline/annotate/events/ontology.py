"""The PLOVER ontology as data: event types, their quad category and CAMEO root, modes, contexts
and auxiliary modes (PLOVER manual, CAMEO2PLOVER-2021 conversion table)."""
from __future__ import annotations

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
QUAD_OF_TYPE = {
    "AGREE": "verbal_cooperation", "CONSULT": "verbal_cooperation", "SUPPORT": "verbal_cooperation",
    "CONCEDE": "verbal_cooperation", "COOPERATE": "material_cooperation", "AID": "material_cooperation",
    "RETREAT": "material_cooperation", "REQUEST": "verbal_conflict", "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict", "THREATEN": "verbal_conflict", "PROTEST": "material_conflict",
    "SANCTION": "material_conflict", "MOBILIZE": "material_conflict", "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}

# CAMEO root code of each PLOVER type (the two-digit cue category it mostly comes from), and the
# roots that depend on the mode (investigations come from 09, conventional force from 19, ...).
CAMEO_ROOT = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07", "CONCEDE": "08",
    "RETREAT": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
    "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17", "ASSAULT": "18",
}
_CAMEO_ROOT_BY_MODE = {
    ("ACCUSE", "investigate"): "09", ("ASSAULT", "firearms"): "19", ("ASSAULT", "heavy-weapons"): "19",
    ("ASSAULT", "aerial"): "19", ("ASSAULT", "drone"): "19", ("ASSAULT", "unconventional"): "20",
    ("COERCE", "seize"): "17",
}

MODES = {
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"),
}

CONTEXTS = ("military", "intelligence", "executive", "legislative", "election", "political_institutions",
            "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
            "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
            "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
            "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
            "misinformation", "crime", "corruption", "illegal_drugs", "trafficking")

AUX_MODES = ("negation", "hypothetical", "future", "historical")

COOPERATIVE = {t for t, q in QUAD_OF_TYPE.items() if q.endswith("cooperation")}
MATERIAL_CONFLICT = {t for t, q in QUAD_OF_TYPE.items() if q == "material_conflict"}


def quad_of(event_type: str) -> str:
    return QUAD_OF_TYPE[event_type]


def cameo_root(event_type: str, mode: str | None = None) -> str:
    """CAMEO two-digit root for a PLOVER type (and mode where the root depends on it)."""
    return _CAMEO_ROOT_BY_MODE.get((event_type, mode or ""), CAMEO_ROOT[event_type])
