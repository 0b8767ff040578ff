"""Court sentences, police raids, blocked media, victims given as counts and fighters sent (issue #5):
the PLOVER type, mode and participants the manual gives each, on sentences written for these tests."""
from __future__ import annotations

import pytest

from test_events_places import events_of, only


def at(events, word):
    found = [e for e in events if e.trigger.text.split()[0] == word]
    assert found, f"no event at {word!r} in {[e.trigger.text for e in events]}"
    return found[0]


def recipients(event):
    return [p.text for p in event.recipients]


# The type and mode the manual gives: a court's sentence is SANCTION 'convict' (an arrest stays COERCE); a raid by
# the police is COERCE 'seize' (soldiers storming a town attack it); blocking a medium of information is COERCE
# 'censor' (a road, or a person of a newspaper, is restricted).
KINDS = [
    ("A court in Ankara sentenced the journalist to five years in prison.", "sentenced", "SANCTION", "convict"),
    ("Police in Ankara arrested the journalist on Monday.", "arrested", "COERCE", "arrest"),
    ("Police stormed the apartment of the suspect in Lyon on Tuesday.", "stormed", "COERCE", "seize"),
    ("A police raid on the flat in Lyon found weapons.", "police", "COERCE", "seize"),
    ("Syrian soldiers stormed the town of Kita on Monday.", "stormed", "ASSAULT", None),
    ("Last year, Indonesia blocked the app, citing security concerns.", "blocked", "COERCE", "censor"),
    ("Egyptian authorities blocked access to the website on Monday.", "blocked", "COERCE", "censor"),
    ("Egyptian police blocked the road to the airport.", "blocked", "COERCE", "restrict"),
    ("The Egyptian government banned the newspaper's editor from leaving the country.", "banned", "COERCE", "restrict"),
]


@pytest.mark.parametrize("text, word, event_type, mode", KINDS)
def test_type_and_mode(nlp, text, word, event_type, mode):
    ev = at(events_of(nlp, text), word)
    assert (ev.type, ev.mode) == (event_type, mode)


def test_the_sentenced_is_the_recipient(nlp):
    ev = at(events_of(nlp, KINDS[0][0]), "sentenced")
    assert recipients(ev) == ["journalist"]


# ----------------------------------------------------------------------------- victims given as counts

def test_a_bare_count_of_wounded_is_the_recipient(nlp):
    text = ("A suicide bomber rammed a truck into a police station in Kandahar, killing at least six civilians "
            "and wounding 120, officials said.")
    ev = at(events_of(nlp, text), "wounding")
    assert recipients(ev) == ["120"]
    span = ev.recipients[0].span
    assert text[span.start:span.end] == "120"


def test_hundreds_injured_are_the_recipients(nlp):
    ev = at(events_of(nlp, "In Ohio a gunman killed 59 people and injured hundreds more."), "injured")
    assert recipients(ev) == ["hundreds"]


def test_a_passive_count_of_injured_is_the_recipient(nlp):
    text = "Dozens of people were killed and hundreds were injured when a gunman opened fire in Ohio."
    ev = at(events_of(nlp, text), "injured")
    assert recipients(ev) == ["hundreds"]


def test_a_count_of_things_destroyed_is_no_party(nlp):
    events = events_of(nlp, "The Syrian army destroyed 12 in the raid.")
    assert all(p.text != "12" for e in events for p in e.recipients)


# ----------------------------------------------------------------------------- fighters

def test_fighters_sent_are_troops_and_no_recipient(nlp):
    ev = at(events_of(nlp, "The Taliban said its fighters had been sent to destroy the base."), "sent")
    assert (ev.type, ev.mode) == ("MOBILIZE", "troops")
    assert ev.recipients == []
    assert [p.text for p in ev.actors] == ["Taliban"]


@pytest.mark.parametrize("aircraft", ["fighter jets", "fighter planes"])
def test_fighter_aircraft_stay_weapons(nlp, aircraft):
    ev = at(events_of(nlp, f"Japan sent {aircraft} to the islands."), "sent")
    assert (ev.type, ev.mode) == ("MOBILIZE", "weapons")


def test_troops_sent_against_a_party_target_it(nlp):
    ev = at(events_of(nlp, "Malian troops were sent against the rebels in Kidal."), "sent")
    assert recipients(ev) == ["rebels"]


# ----------------------------------------------------------------------------- launches shown to a state

@pytest.mark.parametrize("text", [
    "North Korea fires missile towards Japan which breaks up and lands in the Pacific Ocean",
    "North Korea fired a ballistic missile over Japan's northern Hokkaido island into the sea early on Tuesday.",
])
def test_a_launch_over_or_toward_a_state_is_shown_to_it(nlp, text):
    ev = only(events_of(nlp, text), "MOBILIZE")
    assert [p.country for p in ev.recipients] == ["JPN"]


@pytest.mark.parametrize("text", [
    "North Korea fired a missile over the Sea of Japan.",
    "North Korea launched a missile from its capital on Tuesday.",
])
def test_a_launch_over_the_sea_or_from_home_is_shown_to_no_one(nlp, text):
    assert only(events_of(nlp, text), "MOBILIZE").recipients == []
