"""Cross-article corroboration of events and GDELT-style rows, on a fictional three-outlet story."""
from __future__ import annotations

from storyline.annotate.events.corroborate import apply, corroborate
from storyline.annotate.events.gdelt import COLUMNS, gdelt_rows


def event(eid, article, etype, quad, actors, recipients=(), date=None, location=None, aux=()):
    def side(codes):
        return [{"text": c, "span": None, "entity_id": None, "country": c, "sector": "GOV"} for c in codes]
    return {"id": eid, "article_id": article, "type": etype, "quad": quad, "mode": None, "aux_modes": list(aux),
            "actors": side(actors), "recipients": side(recipients),
            "date": {"value": date, "span": None} if date else None,
            "location": location, "sentence": {"start": 0, "end": 40, "text": "x"}, "cameo": None, "corroboration": []}


MUSCAT = {"text": "Muscat", "span": None, "country": "OMN", "lat": 23.58, "lon": 58.41}
STORY = {"a1": "s1", "a2": "s1", "a3": "s1", "b1": "s2"}
EVENTS = [
    event("e1", "a1", "CONSULT", "verbal_cooperation", ["CHL", "PER"], date="2031-03-07", location=MUSCAT),
    event("e2", "a2", "CONSULT", "verbal_cooperation", ["PER"], ["CHL"], date="2031-03-08"),  # a day later, no place
    event("e3", "a3", "AGREE", "verbal_cooperation", ["CHL", "PER"], date="2031-03"),  # compatible type, month only
    event("e4", "a2", "CONSULT", "verbal_cooperation", ["CHL", "BOL"], date="2031-03-07"),  # other sides
    event("e5", "a3", "CONSULT", "verbal_cooperation", ["CHL", "PER"], date="2031-03-20"),  # two weeks later
    event("e6", "a3", "CONSULT", "verbal_cooperation", ["CHL", "PER"], date="2031-03-07",
          location={"text": "Lima", "span": None, "country": "PER", "lat": None, "lon": None}),  # elsewhere
    event("e7", "a2", "MOBILIZE", "material_conflict", ["CHL"], date="2031-03-07", aux=["hypothetical"]),
    event("e8", "a3", "MOBILIZE", "material_conflict", ["CHL"], date="2031-03-07"),  # happened: not the same
    event("e9", "b1", "CONSULT", "verbal_cooperation", ["CHL", "PER"], date="2031-03-07"),  # another story
    event("e10", "a1", "CONSULT", "verbal_cooperation", ["CHL", "PER"], date="2031-03-07"),  # same article
]


def test_corroboration_links_reports_of_one_event_in_other_articles():
    found = corroborate(EVENTS, STORY)
    assert sorted(found["e1"]) == ["e2", "e3"]
    assert sorted(found["e2"]) == ["e1", "e10", "e3", "e6"]  # e2 says no place: Lima does not contradict it
    assert "e4" not in found and "e7" not in found and "e8" not in found and "e9" not in found
    assert "e5" not in found.get("e1", []) and "e6" not in found.get("e1", [])


def test_apply_fills_story_and_corroboration_without_touching_inputs():
    out = apply(EVENTS, STORY)
    assert out[0]["story_id"] == "s1" and sorted(out[0]["corroboration"]) == ["e2", "e3"]
    assert EVENTS[0]["corroboration"] == []


def test_gdelt_rows():
    articles = {"a1": {"url": "https://news.example/x", "published": "2031-03-08", "text": "Lead line.\nMore."},
                "a2": {"path": "b.txt", "published": "2031-03-09", "text": "Only one paragraph."}}
    rows = list(gdelt_rows(apply(EVENTS[:3], STORY), articles))
    first = rows[0]
    assert set(COLUMNS) == set(first)
    assert first["SQLDATE"] == 20310307 and first["QuadClass"] == 1 and first["EventRootCode"] == "04"
    assert (first["Actor1CountryCode"], first["Actor2CountryCode"]) == ("CHL", "PER")  # reciprocal: both actors
    assert first["Actor1Type1Code"] == "GOV" and first["Actor1Code"] == "CHLGOV"
    assert first["ActionGeo_CountryCode"] == "MU" and first["ActionGeo_Lat"] == 23.58  # FIPS, as GDELT
    assert first["SOURCEURL"] == "https://news.example/x" and first["IsRootEvent"] == 1
    assert first["PloverType"] == "CONSULT" and first["NumArticles"] == 3
    assert isinstance(first["GLOBALEVENTID"], int) and first["GLOBALEVENTID"] != rows[1]["GLOBALEVENTID"]
    assert rows[1]["Actor2CountryCode"] == "CHL" and rows[1]["SOURCEURL"] == "b.txt"
    assert rows[2]["SQLDATE"] is None  # a month-only event date, and no article known
