"""Modes of events by the PLOVER manual's mode tables: what a threat threatens, what a demand asks,
how an attack was done (told in its clause or, for the same attack, in the sentence before).
Sentences written for these tests."""
from __future__ import annotations

import pytest

from storyline.annotate.events import extract_events


def events_of(nlp, text):
    return extract_events(nlp(text), text, "a_test", published="2026-02-12")


def mode_of(nlp, text, event_type, trigger=None):
    found = [e for e in events_of(nlp, text) if e.type == event_type and (trigger is None or e.trigger.text == trigger)]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in events_of(nlp, text)]
    return found[0].mode


@pytest.mark.parametrize("text", [
    "Iran threatened to use chemical weapons against Iraq.",
    "The test was of the same missile that Peru had threatened to use on Chile.",
    "Peru tested the same Condor-2 rocket General Ortega had threatened to use on Chile.",
])
def test_a_threat_to_use_a_weapon_threatens_violence(nlp, text):
    """THREATEN's mode is the content of the threat (manual): using a weapon is violence, whether the
    weapon is the object of "use" or the noun a relative clause with the gap modifies."""
    assert mode_of(nlp, text, "THREATEN") == "violence"


def test_a_threat_to_use_no_weapon_has_no_mode_of_violence(nlp):
    assert mode_of(nlp, "Peru threatened to use its new trade policy against Chile.", "THREATEN") != "violence"


def test_a_threat_to_take_a_place_is_of_territory(nlp):
    """The manual's 'territory': "threaten to occupy, seize control of the whole or part of a territory"."""
    assert mode_of(nlp, "The rebels have threatened to overrun the town of Goma.", "THREATEN") == "territory"


@pytest.mark.parametrize("text", [
    "The Spanish foreign minister called on Brazil to increase pressure on the Venezuelan government.",
    "Peru urged its neighbours to change their policy on the border.",
    "The minister said Brazil must take steps against the smuggling networks.",
    "Argentina urged Brazil to agree to tougher penalties on Venezuelan officials.",
])
def test_a_demand_of_an_act_asks_for_a_change(nlp, text):
    """REQUEST 'change' ("any changes in policy, government, or institutions that are not
    concessions") is what a demand of an act asks when it asks for no meeting, aid or release;
    agreeing to sanctions is no meeting."""
    assert mode_of(nlp, text, "REQUEST") == "change"


def test_a_call_for_talks_is_still_a_meeting(nlp):
    assert mode_of(nlp, "The Chilean foreign ministry called for peace talks with Peru.", "REQUEST") == "meet"


def test_refusing_to_accept_a_state_of_things_is_no_meeting(nlp):
    assert mode_of(nlp, "Peru said it would never accept a Chilean naval base on the island.", "REJECT") != "meet"


@pytest.mark.parametrize("text, mode", [
    ("A gunman opened fire on a crowd in the Chilean city of Arica on Sunday. Twelve people were killed.",
     "firearms"),
    ("Chilean jets hit a camp near the border on Monday. Eleven civilians were killed in the raid.",
     "aerial"),
])
def test_an_attack_with_no_doer_takes_the_weapon_of_the_sentence_before(nlp, text, mode):
    """The deaths the second sentence tells, with no doer of their own, are the attack the first one
    tells with its weapon."""
    assert mode_of(nlp, text, "ASSAULT", "killed") == mode


@pytest.mark.parametrize("text", [
    "Peruvian officials conceded that their air strikes killed civilians near Tacna. "
    "Unrest grew after a rebel assault on a Peruvian army patrol near Tacna.",
    "Peruvian officials conceded that their air strikes killed civilians. "
    "The protests began after a rebel assault on an army patrol.",
])
def test_another_doers_attack_keeps_no_weapon_of_the_sentence_before(nlp, text):
    """"after a rebel assault": a doer the sentence before does not name may be another attack's,
    even at the same place."""
    assert mode_of(nlp, text, "ASSAULT", "assault") is None


@pytest.mark.parametrize("text, mode", [
    ("The boy was hit by a bullet fired by soldiers in Hebron.", "firearms"),
    ("Protesters were hit by rubber bullets in Lima.", "crowd-control"),
])
def test_bullets_are_firearms_rubber_bullets_crowd_control(nlp, text, mode):
    assert mode in {e.mode for e in events_of(nlp, text) if e.type == "ASSAULT"}


def test_a_tank_exercise_mobilizes_weapons(nlp):
    """The manual: mobilizing weapons, ships or vehicles is 'weapons' unless troops are named apart."""
    text = "The Chilean military carried out a live tank fire exercise along the border on Monday."
    assert mode_of(nlp, text, "MOBILIZE") == "weapons"


def test_a_persons_assault_with_no_weapon_named_is_beat(nlp):
    """The manual: "general or ambiguous mentions of beatings/assaults without any mention of specific
    tools or methods only receive the ASSAULT 'beat' mode"."""
    text = "The Chilean soldier did not strike back at the teenager, witnesses said."
    assert mode_of(nlp, text, "ASSAULT") == "beat"


@pytest.mark.parametrize("text", [
    "Rebels struck at a police station in Cusco on Friday, killing two people.",
    "A gunman fled the scene in Arica. Witnesses said the man attacked a guard.",
])
def test_a_bands_attack_or_one_with_a_weapon_named_before_is_no_beating(nlp, text):
    assert "beat" not in {e.mode for e in events_of(nlp, text) if e.type == "ASSAULT"}
