"""The article's topic as evidence for events (``annotate.events.topic``): articles written for these tests."""
from __future__ import annotations

import pytest

from storyline.annotate.events import extract_events, topic
from storyline.model import Event, Participant, Span

MATCH = ("The Harbour City Hawks beat the Texas Americans 3-1 on Saturday to reach the cup final. "
         "The Hawks attacked from the first whistle and their striker shot twice before half-time. "
         "Americans coach Tom Baxter conceded that his players were beaten by a better team in Dallas. "
         "The Hawks will meet the Lakeside Wanderers in the final at the national stadium next month, "
         "and the club's supporters celebrated in the streets until midnight. "
         "Baxter praised the goalkeeper and said the season was not over for his squad.")
WAR = ("Russian troops attacked the city of Kharkiv on Saturday, and Ukraine's president asked NATO "
       "for air defence systems. The Kremlin rejected talks with Kyiv. The United Nations Security Council "
       "met in New York and condemned the strikes on civilians, while China called for a ceasefire.")


def events_of(nlp, text, **kwargs):
    return extract_events(nlp(text), text, "a_test", published="2026-02-12", **kwargs)


def test_the_model_tells_a_match_report_from_war_news():
    assert topic.political_share(MATCH) < topic.POLITICAL_SHARE_MIN
    assert topic.political_share(WAR) > 0.5
    assert topic.is_off_politics(MATCH) and not topic.is_off_politics(WAR)


def test_a_match_reports_no_political_events(nlp):
    # "beat" and "conceded" have participants coded by country ("Texas Americans", the coach in
    # Dallas), which alone kept them before; a sport article's verbs are its game's.
    assert events_of(nlp, MATCH) == []


def test_the_evidence_a_sentence_classifier_reads_is_kept(nlp):
    # coded_only=False is every trigger with a participant, whatever the topic (classifier features)
    assert {"ASSAULT", "CONCEDE"} <= {e.type for e in events_of(nlp, MATCH, coded_only=False)}


def test_war_news_keeps_its_events(nlp):
    types = [e.type for e in events_of(nlp, WAR)]
    assert {"ASSAULT", "REQUEST", "REJECT", "ACCUSE"} <= set(types)


def test_a_government_in_a_sport_article_is_a_political_party(nlp):
    text = MATCH + " The French government condemned the fans who threw flares onto the pitch."
    events = events_of(nlp, text)
    assert [(e.type, e.actors[0].sector) for e in events] == [("ACCUSE", "GOV")]


def test_people_shot_at_a_match_are_harmed_whatever_the_topic(nlp):
    text = MATCH + " After the match a man shot two people outside the stadium."
    events = events_of(nlp, text)
    assert [(e.type, e.trigger.text) for e in events] == [("ASSAULT", "shot")]
    assert events[0].recipients[0].sector == "CVL"


def _event(kind: str, actors: list[Participant], recipients: list[Participant]) -> Event:
    span = Span.of("x", 0, 1)
    return Event(id="v", article_id="a", type=kind, trigger=span, sentence=span, actors=actors, recipients=recipients)


def test_political_parties():
    assert topic.is_political_party(Participant("the police", sector="COP"))
    assert topic.is_political_party(Participant("the UN", country="UNO"))
    assert topic.is_political_party(Participant("Japan", Span(0, 5, "Japan"), country="JPN"))  # a state itself
    # a state the sentence does not name stands for a place it names ("beat San Francisco"): no sign of politics
    assert not topic.is_political_party(Participant("United States", country="USA"))
    assert not topic.is_political_party(Participant("Dallas", country="USA"))  # a city of it
    assert not topic.is_political_party(Participant("American Airlines", country="USA", sector="BUS"))


def test_harm_needs_a_person_hurt():
    people = [Participant("two fans", sector="CVL")]
    assert topic.harms_people(_event("ASSAULT", [], people), "shoot")
    assert not topic.harms_people(_event("ASSAULT", [], people), "beat")  # a game's sense
    assert not topic.harms_people(_event("ASSAULT", [], [Participant("the film")]), "shoot")
    assert topic.harms_people(_event("ASSAULT", [], [Participant("Lee", key="PERSON:lee")]), "kill")


def test_without_the_model_nothing_changes(nlp, monkeypatch):
    monkeypatch.setattr(topic, "load_model", lambda: None)
    assert topic.political_share(MATCH) is None and not topic.is_off_politics(MATCH)
    assert [e.type for e in events_of(nlp, MATCH)] == ["ASSAULT", "CONCEDE"]


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_text_has_no_topic(text):
    assert topic.political_share(text) is None


def test_the_toll_of_a_crash_is_no_assault(nlp):
    text = "At least six people were killed and 30 were injured when a train derailed near Leeds on Monday."
    assert "ASSAULT" not in {e.type for e in events_of(nlp, text)}
    text = "The collision killed six people near Leeds on Monday."  # the accident as subject is no doer
    assert "ASSAULT" not in {e.type for e in events_of(nlp, text)}


def test_the_toll_of_a_vehicle_that_flipped_is_no_assault(nlp):
    text = "Five people were killed on Monday when a bus left the road near Leeds and flipped onto its roof."
    assert "ASSAULT" not in {e.type for e in events_of(nlp, text)}


def test_a_crash_told_as_an_attack_stays_an_assault(nlp):
    text = "Four people were killed when a suicide bomber crashed a car full of explosives into the police station."
    assert "ASSAULT" in {e.type for e in events_of(nlp, text)}


def test_a_killing_with_a_doer_is_no_accident(nlp):
    text = "A man killed two people after the crash, police said."
    assert "ASSAULT" in {e.type for e in events_of(nlp, text)}


def test_a_forecast_is_no_threat(nlp):
    text = "The French foreign minister warned that the fighting will cause a refugee crisis in the region."
    assert "THREATEN" not in {e.type for e in events_of(nlp, text)}


def test_a_forecast_whose_subject_the_parser_makes_an_object_is_no_threat(nlp):
    # the parser reads "warned the death toll" as verb + object and the quoted rest as a clause
    text = 'The French interior minister, who visited the scene, warned the death toll "may well increase".'
    assert "THREATEN" not in {e.type for e in events_of(nlp, text)}


def test_a_warning_of_what_a_party_will_do_is_a_threat(nlp):
    text = "The French foreign minister warned that France would expel the ambassador if the attacks continued."
    assert "THREATEN" in {e.type for e in events_of(nlp, text)}


def test_an_advocacy_body_is_a_political_party():
    # PLOVER SOC (civil society) and NGO: bodies that act on public policy, in any article
    naacp = Participant(text="NAACP", span=None, country="USA", sector="SOC")
    amnesty = Participant(text="Amnesty International", span=None, country="NGO", sector=None)
    club = Participant(text="Harbour City Hawks", span=None, country=None, sector="BUS")
    assert topic.is_political_party(naacp) and topic.is_political_party(amnesty)
    assert not topic.is_political_party(club)
