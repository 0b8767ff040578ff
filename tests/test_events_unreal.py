"""Clauses that tell no happening (``annotate.events.unreal``): sentences written for these tests."""
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


@pytest.mark.parametrize("sentence", [
    "Had Germany bombed the bridge, it would have faced a response from Austria.",
    "If the Serbian army had attacked the town, thousands would have died.",
])
def test_a_counterfactual_condition_is_no_event(nlp, sentence):
    assert shown(nlp, sentence) == set()


@pytest.mark.parametrize("sentence", [
    "If Iran attacks Israel, the United States will respond.",
    "Should Iran attack Israel, the United States will respond.",
    "Were Iran to invade Iraq, the United States would respond.",
    "If Iran were to start a war against Iraq, it would be signing a suicide note.",
    "Unless Peru withdraws its troops, the dispute will go on, the analyst said.",
    "The firm said it would pay a fee if the deal is blocked by regulators in Brussels.",
])
def test_an_open_condition_is_no_event(nlp, sentence):
    """The condition of a conditional sentence states what the rest depends on; PLOVER's gold codes
    the statement and never its condition."""
    assert shown(nlp, sentence) == set()


def test_a_warning_is_coded_and_not_its_condition(nlp):
    """The warning is the event, real, by the warner and to whom the main clause names; the act of the
    condition is none ("if it threatened the United States")."""
    text = WAR_NEWS + "Earlier this month Biden warned Iran would face fire and fury if it threatened Israel."
    found = [e for e in extract_events(nlp(text), text, "a_test", published="2026-02-12")
             if e.sentence.start >= len(WAR_NEWS)]
    assert [(e.type, e.trigger.text, e.aux_modes) for e in found] == [("THREATEN", "warned", [])]
    assert [p.text for p in found[0].actors] == ["Biden"] and [p.text for p in found[0].recipients] == ["Iran"]


def test_a_threat_with_a_condition_keeps_whom_the_condition_names(nlp):
    assert ("THREATEN", "threatened") in shown(nlp, "Peru threatened to close its border unless Chile withdrew.")


def test_a_clause_describing_a_noun_inside_a_condition_still_happened(nlp):
    sentence = "If the Iranian ministers who were arrested by Turkey in May go home, trade will grow."
    assert shown(nlp, sentence) == {("COERCE", "arrested")}


@pytest.mark.parametrize("sentence", [
    "The more the United States pushes, the more the Iranians are going to push back, the analyst said.",
    "The longer the talks drag on, the more Russia will attack Ukraine's cities, the professor said.",
])
def test_a_comparative_correlative_states_a_tendency(nlp, sentence):
    """"The more ..., the more ...": how one thing varies with another, no one's act or threat."""
    assert shown(nlp, sentence) == set()


def test_an_earlier_event_in_the_past_perfect_is_still_shown(nlp):
    assert ("ASSAULT", "attacked") in shown(nlp, "The Serbian army had attacked the town before the talks.")


def test_the_modal_of_ability_tells_a_capability(nlp):
    assert shown(nlp, "Iran has built rockets that can hit Israel.") == set()


def test_a_refusal_with_cannot_is_kept(nlp):
    assert ("REJECT", "accept the proposal") in shown(nlp, "Iran cannot accept the proposal from France.")


def test_an_imperative_asks_the_reader(nlp):
    assert shown(nlp, "Please stay away from the border and call the police.") == set()


@pytest.mark.parametrize("sentence", [
    "Residents are asked to avoid the square.",
    "Police asked members of the public to avoid the area.",
    "The French ministry warned citizens to take shelter.",
    "A public announcement warns residents they could be hit by a missile.",
    "We are asking people to please visit the website.",
    "We are asking people to please visit the Metro Transit website for the latest information.",
    "The alert says residents of the northern islands should stay inside.",
    "When the French government detected the launch, it warned citizens in its path to take cover.",
])
def test_public_advice_is_no_request_or_threat(nlp, sentence):
    assert shown(nlp, sentence) == set()


@pytest.mark.parametrize("sentence", [
    # the warned clause tells what something brings about, whoever its subject
    "The Polish president warned that the new border rules could lead to a shortage of workers.",
    "The Polish president rejected the plan, warning it could lead to a rise in prices.",
    "The minister warned it could cause delays for travellers.",
    # a warning or request given in a notice of advice
    "The Canadian government issued a travel advisory in May warning students they could face delays at the border.",
    "The ministry issued a travel advisory urging citizens to avoid the region.",
    # an alert issued or sent is a notice to its readers, no forces put on alert
    "The Polish embassy issued an alert on Monday about the floods.",
    "The Japanese government sent a text alert to citizens about the storm.",
])
def test_a_warning_no_party_brings_is_no_threat(nlp, sentence):
    assert not {etype for etype, _ in shown(nlp, sentence)} & {"THREATEN", "REQUEST", "MOBILIZE"}


@pytest.mark.parametrize("sentence, event", [
    ("The president warned that it would lead to war with the alliance.", ("THREATEN", "warned")),
    ("Russia warned Ukraine that it would retaliate against any attack.", ("THREATEN", "warned")),
    ("The French government issued a statement warning Iran to stop its attacks.", ("THREATEN", "warning")),
    ("The Russian army put its troops on high alert.", ("MOBILIZE", "put its troops on high alert")),
])
def test_threats_and_forces_on_alert_stay(nlp, sentence, event):
    assert event in shown(nlp, sentence)


@pytest.mark.parametrize("sentence, event", [
    ("Russia urged Ukraine to withdraw its troops.", ("REQUEST", "urged")),
    ("The French government urged people to protest against the law.", ("REQUEST", "urged")),
    ("The French ministry warned Iran to stop its attacks.", ("THREATEN", "warned")),
    ("The people of Japan have been directly threatened by North Korea.", ("THREATEN", "threatened")),
    ("The minister said Iran should stop its attacks.", ("REQUEST", "stop")),
])
def test_demands_on_parties_and_threats_to_people_stay(nlp, sentence, event):
    assert event in shown(nlp, sentence)


def test_releasing_a_publication_is_no_release_of_captives(nlp):
    # PLOVER's RETREAT release is of captives; "release" also means to make public
    assert shown(nlp, "The French government released a statement on the talks.") == set()
    assert ("RETREAT", "released 40 prisoners") in shown(nlp, "The Syrian army released 40 prisoners on Monday.")


def aux_of(nlp, sentence, trigger):
    """The aux modes of the event shown on ``trigger`` (None when no such event is shown)."""
    text = WAR_NEWS + sentence
    found = [sorted(e.aux_modes) for e in extract_events(nlp(text), text, "a_test", published="2026-02-12")
             if e.sentence.start >= len(WAR_NEWS) and e.trigger.text == trigger]
    return found[0] if found else None


@pytest.mark.parametrize("sentence, trigger", [
    # an act hoped of another party (a wanted or demanded one is the wanter's REQUEST: test_events_demands)
    ("Paris hopes Berlin will meet the Polish envoy.", "meet"),
    # a possibility doubted, and the aim of another act
    ("Diplomats in Vienna are doubtful about the chances of reaching an agreement with Serbia.", "reaching an agreement"),
    ("Spain is unlikely to attack Morocco.", "attack"),
])
def test_a_wanted_or_possible_act_is_hypothetical(nlp, sentence, trigger):
    assert "hypothetical" in aux_of(nlp, sentence, trigger)


@pytest.mark.parametrize("sentence, trigger, aux", [
    ("Paris hopes to meet the Polish envoy.", "meet", []),  # one's own intention: AGREE, as before
    ("The Chilean president insisted that negotiations with Peru continued.", "negotiations", []),  # a report
    ("Madrid called for talks with Rabat but warned Morocco of a response.", "warned", []),  # a clause of its own
])
def test_own_intentions_reports_and_coordinated_clauses_stay_real(nlp, sentence, trigger, aux):
    assert aux_of(nlp, sentence, trigger) == aux


def test_a_negated_attempt_did_not_take_place(nlp):
    assert aux_of(nlp, "The Japanese navy did not attempt to shoot down the drone.", "shoot") == ["negation"]
    assert aux_of(nlp, "The Dutch navy did not try to destroy the drone.", "destroy") == ["negation"]


def test_an_attempted_act_is_coded_as_the_act(nlp):
    # the manual's gold codes "attempted to assassinate" ASSAULT; "tried to arrest" is no threat
    assert ("COERCE", "arrest") in shown(nlp, "Serbian police officers tried to arrest the opposition leader.")


def test_the_act_a_shown_demand_asks_for_is_its_content(nlp):
    sentence = ("The Secretary-General called on the Serbian leadership to end the shelling, comply with the "
                "resolutions, and allow monitors into the country.")
    events = shown(nlp, sentence)
    assert ("REQUEST", "called on") in events
    assert not any(trigger == "allow" for _, trigger in events)


def test_a_demand_told_with_must_is_a_real_request(nlp):
    # "X insists Y must ..." is X's REQUEST: the demand took place, though what it asks has not
    assert aux_of(nlp, "The Spanish government insists Morocco must withdraw its troops.", "withdraw") == []


@pytest.mark.parametrize("sentence, event", [
    ("Poland would be the first target of a Russian attack should war break out, analysts said.", None),
    ("Russia will attack Kyiv again, analysts said.", None),
    ("Analysts said Russia threatened to attack Kyiv again.", ("THREATEN", "threatened")),
    ("Russia will attack Kyiv again, the Ukrainian president said.", ("THREATEN", "attack")),
])
def test_an_act_commentators_foresee_is_no_threat(nlp, sentence, event):
    """PLOVER's THREATEN is a party's warning of what it will do: an analyst's forecast of another's act is
    none, a threat the analyst reports is the doer's own, and a party's official may speak for it."""
    assert shown(nlp, sentence) == ({event} if event else set())


@pytest.mark.parametrize("sentence, mode", [
    ("The Iranian foreign minister said Israel would face fire and fury if it attacked Iran.", "violence"),
    ("The Iranian foreign minister said Israel will face serious consequences.", None),
])
def test_saying_a_party_will_face_harm_is_a_warning(nlp, sentence, mode):
    """"X said Y would face fire and fury": X's warning to Y (PLOVER's THREATEN), made, not future; the
    condition ("if it attacked Iran") is no event of its own."""
    text = WAR_NEWS + sentence
    found = [e for e in extract_events(nlp(text), text, "a_test", published="2026-02-12")
             if e.sentence.start >= len(WAR_NEWS)]
    assert [(e.type, e.mode, e.aux_modes) for e in found] == [("THREATEN", mode, [])]
    assert [p.text for p in found[0].actors] == ["Iranian foreign minister"]
    assert [p.text for p in found[0].recipients] == ["Israel"]


def test_a_harm_commentators_foresee_is_no_warning(nlp):
    assert shown(nlp, "Analysts said Russia would face more sanctions.") == set()
