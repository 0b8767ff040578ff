"""What kind of event a sentence tells (PLOVER type and mode): sentences written for these tests."""
from __future__ import annotations

import pytest

from storyline.annotate.events import extract_events


def events_of(nlp, text):
    return extract_events(nlp(text), text, "a_test", published="2026-02-12")


def kinds(nlp, text):
    return {(e.type, e.mode) for e in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "The exercise came as Brazilian and Argentine forces conducted annual military drills along the river.",
    "The launch came during joint naval drills that Chile and Peru started on Monday.",
    "The test was held during a military drill by Chile and Peru.",
    "Chile said its navy reserves the right to conduct naval drills with allies wherever they please.",
    "The launch was meant to counter Chilean and Peruvian military drills, the ministry said.",
])
def test_joint_exercises_are_cooperation(nlp, text):
    """The manual: "Joint military operations are coded as COOPERATE but single-country exercises
    should be coded as MOBILIZE"; two coordinated sides, or a partner with "with", make it joint."""
    assert ("COOPERATE", None) in kinds(nlp, text)
    assert not any(t == "MOBILIZE" for t, _ in kinds(nlp, text))


@pytest.mark.parametrize("text", [
    "Chile's army and navy began military and naval exercises near the border.",  # two services of one side
    "The Chilean army held military exercises near the border.",
])
def test_one_sides_exercises_stay_mobilization(nlp, text):
    assert ("MOBILIZE", "troops") in kinds(nlp, text)


@pytest.mark.parametrize("text", [
    "Iran fired a ballistic missile over Iraq's northern island and into the sea on Friday.",
    "Iran Fires Another Missile Over Iraq",
    "Iran launched a missile across Iraq at dawn.",
])
def test_a_missile_fired_over_a_country_shows_force(nlp, text):
    """A munition launched over a place and at no party: MOBILIZE 'weapons' (a demonstration of
    military capabilities), not an ASSAULT on the place passed."""
    found = events_of(nlp, text)
    assert [(e.type, e.mode) for e in found] == [("MOBILIZE", "weapons")]


def test_a_missile_fired_at_a_country_is_an_attack(nlp):
    found = events_of(nlp, "Iranian forces fired rockets at Iraq on Friday.")
    assert [(e.type, e.mode) for e in found] == [("ASSAULT", "heavy-weapons")]


def test_a_route_after_an_object_is_no_take_over(nlp):
    """"took it another direction, over X": a particle takes no object of its own, so "over X" after the
    verb's object is a preposition of the route, not the "take over" of seizing."""
    text = "The missile was of the same type, but the flight took it another direction, over Iraq's northern island."
    assert not any(t == "ASSAULT" for t, _ in kinds(nlp, text))


@pytest.mark.parametrize("text", [
    "The Iraqi military did not attempt to shoot down the missile, the minister said.",
    "Iraq has vowed to shoot down Iranian missiles that threaten its territory.",
    "Air defences shot down two drones near the border, the Iraqi army said.",
])
def test_shooting_down_a_flying_thing_is_no_firearms(nlp, text):
    """Missile defence and anti-aircraft fire bring a flying thing down: the manual's 'heavy-weapons'
    (rocket launchers "and similar weapons"), not the 'firearms' of shooting a person."""
    found = [e for e in events_of(nlp, text) if e.type == "ASSAULT"]
    assert found and all(e.mode == "heavy-weapons" for e in found)


def test_shooting_a_person_stays_firearms(nlp):
    found = [e for e in events_of(nlp, "A Iraqi soldier shot a protester in the capital.") if e.type == "ASSAULT"]
    assert found and found[0].mode == "firearms"


def test_opening_fire_is_firearms(nlp):
    """"open fire" is to start shooting: its own sense ('firearms'), not the bare attack of "fire" as an
    object noun; the killing it tells in the same sentence is done with the same weapons."""
    text = "In 2009 a Iraqi soldier opens fire at his base in the capital, killing 13 people."
    found = {e.trigger.text: e.mode for e in events_of(nlp, text) if e.type == "ASSAULT"}
    assert found == {"opens fire": "firearms", "killing": "firearms"}


@pytest.mark.parametrize("text, trigger", [
    ("If Iran were to start a war against Iraq, it would be signing a suicide note.", "start a war"),
    ("An Iraqi student kills 27 students and five teachers before committing suicide.", "kills"),
    ("The Taliban said it carried out the attack in Kabul in retaliation for air strikes last week.",
     "carried out the attack"),
])
def test_a_mode_is_told_by_the_events_own_clause(nlp, text, trigger):
    """The means words of another event (its cause, what came before or after it, the main clause of
    a condition) tell nothing of how this one was done: no 'suicide-attack' from a suicide after the
    killing, no 'aerial' from the air strikes an attack avenges. (A condition is no event of its own:
    its mode is read on every trigger, ``coded_only=False``.)"""
    every = extract_events(nlp(text), text, "a_test", published="2026-02-12", coded_only=False)
    found = {e.trigger.text: e.mode for e in every if e.type == "ASSAULT"}
    assert trigger in found and found[trigger] is None


def test_an_event_with_no_doer_takes_its_means_from_the_sentence(nlp):
    text = "Two Afghans have been killed after a suicide bomber crashed a truck into the Iraqi consulate in Kabul."
    found = {e.trigger.text: e.mode for e in events_of(nlp, text) if e.type == "ASSAULT"}
    assert found.get("killed") == "suicide-attack"


def test_threats_to_destroy_a_party_are_of_violence(nlp):
    """THREATEN's mode is what is threatened: "sink", "annihilate", "wipe out" a party is violence."""
    text = "Iran warned that it was time to annihilate Iraq and to sink its navy, in response to the sanctions."
    found = [e.mode for e in events_of(nlp, text) if e.type == "THREATEN"]
    assert found == ["violence"]


def test_leaders_rallying_to_condemn_condemn(nlp):
    """PLOVER's PROTEST is civilian demonstration: leaders who "rally to condemn" condemn (ACCUSE)."""
    found = kinds(nlp, "Iran tested new missiles as world leaders rallied to condemn the Iraqi regime.")
    assert ("ACCUSE", "disapprove") in found and not any(t == "PROTEST" for t, _ in found)


def test_an_army_marching_is_no_protest(nlp):
    assert not any(t == "PROTEST" for t, _ in kinds(nlp, "An Iraqi army battalion marches back to its barracks in Baghdad."))


@pytest.mark.parametrize("text", [
    "Thousands of Iraqi students rallied in Baghdad to demand the minister's resignation.",
    "Opposition leaders marched to the Iraqi parliament.",
])
def test_civilians_and_the_opposition_still_protest(nlp, text):
    assert ("PROTEST", "demo") in kinds(nlp, text)
