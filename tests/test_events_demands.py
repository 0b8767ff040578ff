"""Demands, warnings and capabilities as PLOVER codes them: a demand is the demander's REQUEST with
the demanded party as recipient; "Y should know that ..." is a warning, not a demand; a power to use
force is no act done, and declared by a party it is a threat. Sentences written for these tests."""
from __future__ import annotations

import pytest

from storyline.annotate.events import extract_events

PUBLISHED = "2017-09-15"


def events_of(nlp, text):
    return extract_events(nlp(text), text, "a_test", published=PUBLISHED)


def names(participants):
    return [p.text for p in participants]


def test_call_for_a_party_to_act_is_a_request_to_that_party(nlp):
    text = "Peru called for Chile to withdraw its troops from the border."
    requests = [e for e in events_of(nlp, text) if e.type == "REQUEST"]
    assert len(requests) == 1
    assert requests[0].trigger.text == "called for"
    assert names(requests[0].actors) == ["Peru"] and names(requests[0].recipients) == ["Chile"]
    assert not [e for e in events_of(nlp, text) if e.type == "RETREAT"]  # the demanded act is no deed


def test_call_for_a_thing_keeps_its_request(nlp):
    events = events_of(nlp, "Peru called for talks with Chile.")
    assert [e.type for e in events] == ["REQUEST"]


@pytest.mark.parametrize("text", [
    "Peru has the ability to strike Chile within minutes.",
    "Peru has developed the capability to attack Chilean cities.",
    "Lima believes that only being able to threaten the Chilean mainland with a strike can stop an invasion.",
])
def test_a_capability_is_no_act(nlp, text):
    assert [e.type for e in events_of(nlp, text)] == []


def test_past_able_to_tells_the_act_done(nlp):
    events = events_of(nlp, "Chilean troops were able to shell the rebel positions on Monday.")
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].aux_modes == []


def test_a_declared_power_to_destroy_is_a_threat(nlp):
    text = "The president of Peru has said the country possesses the power to destroy its neighbour."
    events = events_of(nlp, text)
    assert [e.type for e in events] == ["THREATEN"]
    assert events[0].mode == "violence"


def test_should_know_from_one_party_to_another_is_a_warning(nlp):
    text = "The Peruvian government said the Chileans should know that they cannot intimidate Peru."
    events = events_of(nlp, text)
    assert [e.type for e in events] == ["THREATEN"]
    assert names(events[0].recipients) == ["Chileans"]


def test_should_know_to_the_public_is_advice(nlp):
    assert events_of(nlp, "The mayor said residents should know that the water is safe.") == []


def test_must_do_stays_a_request(nlp):
    events = events_of(nlp, "The Peruvian government said Chile must withdraw its troops from the border.")
    assert [e.type for e in events] == ["REQUEST"]


def test_call_for_someone_to_be_tried_asks_others(nlp):
    text = "The Peruvian ministry called for the attackers to be brought to justice."
    requests = [e for e in events_of(nlp, text) if e.type == "REQUEST"]
    assert len(requests) == 1 and names(requests[0].recipients) == []


def test_the_demand_of_a_protest_named_by_a_noun_is_its_topic(nlp):
    text = "Peru today released two dozen activists who had led protests last week calling for President Garcia to step down."
    assert [e.type for e in events_of(nlp, text)] == ["RETREAT"]


@pytest.mark.parametrize("text, actor, recipients, mode", [
    # the act wanted inside the deal the wanter wants: the one asked to act is the recipient
    ("The Greek prime minister wants any treaty to require Ankara to cut ties with the militias.",
     "Greek prime minister", ["Ankara"], "change"),
    # a mandative subjunctive after a verb of demand that is also a reporting verb
    ("The Chilean president insisted that negotiations with Peru continue.", "Chilean president", ["Peru"], "meet"),
])
def test_a_wish_or_demand_is_the_wanters_request(nlp, text, actor, recipients, mode):
    events = events_of(nlp, text)
    assert [e.type for e in events] == ["REQUEST"]
    assert names(events[0].actors) == [actor] and names(events[0].recipients) == recipients
    assert events[0].mode == mode and events[0].aux_modes == []


def test_an_order_with_no_one_giving_it_keeps_the_ordered_act(nlp):
    events = events_of(nlp, "The Syrian rebels were ordered to withdraw from the town.")
    assert [e.type for e in events] == ["RETREAT"]


def test_an_order_for_people_to_be_moved_asks_others(nlp):
    events = events_of(nlp, "The Chilean president ordered Peruvians to be evacuated from the border.")
    requests = [e for e in events if e.type == "REQUEST"]
    assert len(requests) == 1 and names(requests[0].actors) == ["Chilean president"] and not requests[0].recipients
