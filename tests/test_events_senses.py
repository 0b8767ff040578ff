"""Senses of event words that name no PLOVER event, and doers that are no party (``annotate.events.triggers``,
``annotate.events.unreal``): sentences written for these tests."""
from __future__ import annotations

import pytest
from test_events_unreal import shown


# A thing as the doer of a verb of cooperation or threat; sympathy offered; readiness to defend oneself; the
# senses of moving fast ("shot to fame") and of a sports fan ("supports the team").
NO_EVENT = [
    pytest.param("The new pipeline offers Hungary a cheaper source of gas.", id="thing-offers"),
    pytest.param("A corruption inquiry threatened to topple the coalition government.", id="thing-threatens"),
    pytest.param("Grain exports bring a steady income, which in turn helps the farmers of Ukraine.",
                 id="thing-helps-relative"),
    pytest.param("The rise in grain prices helps the farmers of Ukraine.", id="thing-helps"),
    pytest.param("The minister offered his condolences to the families of the victims.", id="condolences"),
    pytest.param("The president offered her thoughts and prayers for the victims.", id="prayers"),
    pytest.param("Poland said it was ready to defend itself against any attack.", id="defend-itself"),
    pytest.param("The ministry said it was prepared to take all necessary measures to protect its citizens.",
                 id="measures-to-protect"),
    pytest.param("The government is ready to take all measures to protect the lives of its people.", id="lives"),
    pytest.param("Estonia said it was willing to protect its territory.", id="its-territory"),
    pytest.param("The Ukrainian singer Olena shot to fame with her song about the war.", id="shot-to-fame"),
    pytest.param("The Ukrainian president, who supports the national football team, watched the game.", id="fan"),
]


@pytest.mark.parametrize("sentence", NO_EVENT)
def test_no_event_is_shown(nlp, sentence):
    assert shown(nlp, sentence) == set()


@pytest.mark.parametrize("sentence, event", [
    ("Hungary offered to help the flood victims.", ("AGREE", "offered")),
    ("The delegation offered to mediate between the two sides.", ("AGREE", "offered")),
    ("The commission offered to help the flood victims.", ("AGREE", "offered")),
    ("The Serbian statement threatened to expel the Croatian diplomats.", ("THREATEN", "threatened")),
    ("It threatened to expel the diplomats.", ("THREATEN", "threatened")),
    ("Serbia's security chief has warned that police will no longer tolerate rallies.", ("THREATEN", "warned")),
    ("Qatar's ruler offered to help the flood victims.", ("AGREE", "offered")),
    ("NATO said it was ready to defend its allies.", ("AGREE", "ready")),
    # agent nouns in -yst and words for a person the lists leave out are parties, not things
    ("Serbian officers have warned that the army will strike the border towns.", ("THREATEN", "warned")),
    ("The Brazilian team's star offered to help the flood victims.", ("AGREE", "offered")),
])
def test_a_party_a_body_or_its_statement_still_acts(nlp, sentence, event):
    assert event in shown(nlp, sentence)


# ----------------------------------------------------------------------------- warnings

@pytest.mark.parametrize("sentence", [
    "Western analysts have warned that the Serbian army will strike the border towns.",
    "Experts warned that Serbia would close the border.",
])
def test_a_commentators_warning_is_a_forecast(nlp, sentence):
    """Those who study a subject forecast what others may do; a THREATEN is a party's warning of its own act."""
    assert not {e for e in shown(nlp, sentence) if e[0] == "THREATEN"}


@pytest.mark.parametrize("sentence", [
    "The army has warned of its plans to hold a parade.",
    "North Korea launched a rocket after warning of its plans.",
])
def test_a_warning_of_what_names_no_harm_is_a_notice(nlp, sentence):
    assert not {e for e in shown(nlp, sentence) if e[0] == "THREATEN"}


@pytest.mark.parametrize("sentence", [
    "The army warned of retaliation.",
    "Serbia warned of serious consequences if the border stays closed.",
    "Serbia warned of military action against the rebels.",
    "Russia warned of a new war in Europe.",
    "Russia warned Ukraine about its plans to attack Crimea.",
    "Iran warned Israel of a strong response.",
])
def test_a_warning_of_harm_stays_a_threat(nlp, sentence):
    assert ("THREATEN", "warned") in shown(nlp, sentence)


# ----------------------------------------------------------------------------- other senses

def test_a_search_operation_is_no_attack(nlp):
    found = shown(nlp, "Serbian special forces were conducting search operations in the village.")
    assert not {e for e in found if e[0] == "ASSAULT"}


def test_military_operations_stay_an_attack(nlp):
    assert ("ASSAULT", "launched military operations") in shown(nlp, "The army launched military operations against "
                                                                     "the rebels.")


def test_attacking_a_policy_criticizes_it(nlp):
    assert shown(nlp, "The senator attacked the government's trade policy.") == {("ACCUSE", "attacked")}


@pytest.mark.parametrize("sentence", [
    "Rebels attacked the army's positions near the town.",
    "Rebels attacked the convoy near the town.",
])
def test_attacking_a_place_or_a_thing_stays_an_assault(nlp, sentence):
    assert ("ASSAULT", "attacked") in shown(nlp, sentence)


def test_shooting_someone_is_still_a_shooting(nlp):
    assert ("ASSAULT", "shot") in shown(nlp, "Police shot the gunman dead.")


def test_supporting_a_government_stays_support(nlp):
    assert ("SUPPORT", "supports") in shown(nlp, "Poland supports the government of Ukraine.")



def parties_of(nlp, sentence):
    """(type, mode, actors, recipients) of each event shown for a sentence after the war news."""
    from test_events_unreal import WAR_NEWS

    from storyline.annotate.events import extract_events
    text = WAR_NEWS + sentence
    return [(e.type, e.mode, [p.text for p in e.actors], [p.text for p in e.recipients])
            for e in extract_events(nlp(text), text, "a_test", published="2026-02-12") if e.sentence.start >= len(WAR_NEWS)]


@pytest.mark.parametrize("sentence, actors, recipients", [
    ("Russia, although cut off from trade and hit with several rounds of European Union sanctions, kept its "
     "army in Belarus, the Ukrainian minister said.", ["European Union"], ["Russia"]),
    ("Russia was slapped with new sanctions by the European Union on Monday.", ["European Union"], ["Russia"]),
    ("The United States hit Russia with tariffs on steel.", ["United States"], ["Russia"]),
])
def test_hit_with_sanctions_is_a_sanction(nlp, sentence, actors, recipients):
    """A measure a verb of striking inflicts ("hit with sanctions") is the manual's SANCTION: its target the
    one hit, its doer the body that imposes it; no blow."""
    assert parties_of(nlp, sentence) == [("SANCTION", "discontinue", actors, recipients)]


def test_hit_with_a_fine_is_no_blow(nlp):
    assert not any(t == "ASSAULT" for t, *_ in parties_of(nlp, "The Russian bank was hit with a fine by Ukraine."))
