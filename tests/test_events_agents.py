"""Agent nouns (a spokesman, a representative) take their principal's sector: sentences written for
these tests."""
from __future__ import annotations

from storyline.annotate.events import extract_events

WAR_NEWS = ("Russian troops attacked the city of Kharkiv on Saturday, and Ukraine's president asked NATO for air "
            "defence systems. ")


def actors_of(nlp, sentence, event_type):
    """(text, sector) of the actors of the sentence's events of ``event_type``, after a paragraph of
    war news (political news: only the sentence's own words decide)."""
    text = WAR_NEWS + sentence
    events = [e for e in extract_events(nlp(text), text, "a_test", published="2026-02-12")
              if e.sentence.start >= len(WAR_NEWS) and e.type == event_type]
    return [(p.text, p.sector) for e in events for p in e.actors]


def test_a_company_spokesman_is_no_government(nlp):
    assert ("spokesman", "GOV") not in actors_of(nlp, "A spokesman for Nokia denied the report about Kharkiv.",
                                                 "REJECT")


def test_a_ministry_spokesman_is_the_government(nlp):
    assert ("spokesman", "GOV") in actors_of(nlp, "A spokesman for the Foreign Ministry denied the report.",
                                             "REJECT")


def test_a_spokesman_alone_is_still_read_as_a_state_spokesman(nlp):
    assert ("spokesman", "GOV") in actors_of(nlp, "A spokesman denied the report on Sunday.", "REJECT")


def test_a_person_s_representative_is_no_legislator(nlp):
    found = actors_of(nlp, "The singer Mia Lund was accused of fraud. Her representative denied the claims.",
                      "REJECT")
    assert all(sector != "LEG" for _, sector in found)


def test_a_representative_by_title_stays_a_legislator(nlp):
    assert any(sector == "LEG" for _, sector in
               actors_of(nlp, "Representative Nancy Pelosi rejected the plan.", "REJECT"))
