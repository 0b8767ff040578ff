"""Senses of event words that name no PLOVER event, and doers that are no party (``annotate.events.triggers``,
``annotate.events.unreal``): sentences written for these tests."""
from __future__ import annotations

import pytest

from storyline.annotate.events import extract_events

WAR_NEWS = ("Russian troops attacked the city of Kharkiv on Saturday, and Ukraine's president asked NATO for air "
            "defence systems. The Kremlin rejected talks with Kyiv. ")


def shown(nlp, sentence):
    """(type, trigger) of the events shown for a sentence after a paragraph of war news (so the
    article is political news and only the sentence's own grammar decides)."""
    text = WAR_NEWS + sentence
    return {(e.type, e.trigger.text) for e in extract_events(nlp(text), text, "a_test", published="2026-02-12")
            if e.sentence.start >= len(WAR_NEWS)}


# ----------------------------------------------------------------------------- a thing as the doer

@pytest.mark.parametrize("sentence", [
    "The new pipeline offers Hungary a cheaper source of gas.",
    "A corruption inquiry threatened to topple the coalition government.",
    "Grain exports bring a steady income, which in turn helps the farmers of Ukraine.",
    "The rise in grain prices helps the farmers of Ukraine.",
])
def test_a_thing_as_subject_of_a_verb_of_cooperation_or_threat_is_no_event(nlp, sentence):
    assert shown(nlp, sentence) == set()


@pytest.mark.parametrize("sentence, event", [
    ("Hungary offered to help the flood victims.", ("AGREE", "offered")),
    ("The delegation offered to mediate between the two sides.", ("AGREE", "offered")),
    ("The commission offered to help the flood victims.", ("AGREE", "offered")),
    ("The Serbian statement threatened to expel the Croatian diplomats.", ("THREATEN", "threatened")),
    ("It threatened to expel the diplomats.", ("THREATEN", "threatened")),
])
def test_a_party_a_body_or_its_statement_still_acts(nlp, sentence, event):
    assert event in shown(nlp, sentence)


# ----------------------------------------------------------------------------- sympathy, self-defence

@pytest.mark.parametrize("sentence", [
    "The minister offered his condolences to the families of the victims.",
    "The president offered her thoughts and prayers for the victims.",
])
def test_sympathy_offered_is_no_agreement(nlp, sentence):
    assert shown(nlp, sentence) == set()


@pytest.mark.parametrize("sentence", [
    "Poland said it was ready to defend itself against any attack.",
    "The ministry said it was prepared to take all necessary measures to protect its citizens.",
    "The government is ready to take all measures to protect the lives of its people.",
    "Estonia said it was willing to protect its territory.",
])
def test_readiness_to_defend_oneself_offers_no_cooperation(nlp, sentence):
    assert shown(nlp, sentence) == set()


def test_readiness_to_defend_another_party_stays(nlp):
    assert ("AGREE", "ready") in shown(nlp, "NATO said it was ready to defend its allies.")


# ----------------------------------------------------------------------------- warnings

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


def test_shooting_to_fame_is_no_shooting(nlp):
    assert shown(nlp, "The Ukrainian singer Olena shot to fame with her song about the war.") == set()


def test_shooting_someone_is_still_a_shooting(nlp):
    assert ("ASSAULT", "shot") in shown(nlp, "Police shot the gunman dead.")


def test_supporting_a_sports_team_is_a_fans_support(nlp):
    assert shown(nlp, "The Ukrainian president, who supports the national football team, watched the game.") == set()


def test_supporting_a_government_stays_support(nlp):
    assert ("SUPPORT", "supports") in shown(nlp, "Poland supports the government of Ukraine.")


@pytest.mark.parametrize("sentence, event", [
    ("Serbia's security chief has warned that police will no longer tolerate rallies.", ("THREATEN", "warned")),
    ("Qatar's ruler offered to help the flood victims.", ("AGREE", "offered")),
])
def test_a_person_word_the_lists_leave_out_still_acts(nlp, sentence, event):
    assert event in shown(nlp, sentence)
