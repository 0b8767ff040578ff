"""Who an act is done to when the sentence names them by a pronoun ("arrested her", "stormed his
house"), and names that are no doers (an event's proper name, a relative "whose" phrase)."""
from __future__ import annotations

from test_events_places import events_of, only


def at(events, word):
    found = [e for e in events if e.trigger.text.split()[0] == word]  # a trigger may hold its object
    assert found, f"no event at {word!r} in {[e.trigger.text for e in events]}"
    return found[0]


def recipient_names(event):
    return [(p.text, p.span.text if p.span else None) for p in event.recipients]


def test_object_her_is_the_person_named_just_before(nlp):
    text = "Maria Lopez, 17, was detained in Texas on Monday. The army arrested her two days later."
    ev = at(events_of(nlp, text), "arrested")
    assert recipient_names(ev) == [("Maria Lopez", "her")]
    assert text[ev.recipients[0].span.start:ev.recipients[0].span.end] == "her"


def test_object_pronoun_with_no_name_nearby_gives_no_recipient(nlp):
    text = ("Maria Lopez, 17, was detained in Texas on Monday. The court set no date. The lawyers said "
            "nothing more. The army arrested her two days later.")
    ev = at(events_of(nlp, text), "arrested")
    assert ev.recipients == []


def test_owner_of_a_stormed_house_is_the_recipient(nlp):
    text = ("Ahmed Khan, a Pakistani opposition leader, refused to surrender. "
            "Pakistani commandos stormed his house on Monday.")
    ev = only(events_of(nlp, text), "ASSAULT")
    assert recipient_names(ev) == [("Ahmed Khan", "his")]


def test_sanctions_targeting_a_states_exports_target_the_state(nlp):
    text = "The Security Council approved new sanctions against Iran, targeting its oil exports."
    ev = at(events_of(nlp, text), "targeting")
    assert [p.country for p in ev.recipients] == ["IRN"]


def test_the_actors_own_thing_names_no_target(nlp):
    events = events_of(nlp, "North Korea fired its newest missile on Monday.")
    assert events and all(p.country != "PRK" for e in events for p in e.recipients)


def test_name_of_a_war_names_no_doer(nlp):
    text = "Relations between the two states have been cold since the 1950-53 Korean War ended with an armistice."
    assert all(p.text != "Korean" for e in events_of(nlp, text) for p in e.actors)


def test_a_headlines_capitals_keep_the_modifier_as_doer(nlp):
    text = "Israeli Air Strike Kills Five In Gaza City"
    actors = [p.country for e in events_of(nlp, text) for p in e.actors]
    assert "ISR" in actors


def test_whose_phrase_is_not_part_of_the_subject(nlp):
    text = "Texas lawyers said the men have been frequenting brothels whose computers authorities have seized."
    ev = only(events_of(nlp, text), "COERCE")
    assert [p.span.text for p in ev.actors] == ["authorities"]


ARTICLE_BEFORE = ("Stephen Paddock checked into the hotel on Thursday. The concert began on Sunday. "
                  "The shooting lasted ten minutes. ")


def test_owner_pronoun_in_a_fronted_clause_takes_the_name_after_it(nlp):
    ev = at(events_of(nlp, ARTICLE_BEFORE + "When police stormed his room shortly before midnight, "
                                            "Mr. Paddock lay dead."), "stormed")
    assert [p.text for p in ev.recipients] == ["Stephen Paddock"]


def test_owner_pronoun_of_a_main_clause_takes_no_name_after_it(nlp):
    ev = at(events_of(nlp, ARTICLE_BEFORE + "Police stormed his room shortly before midnight, and "
                                            "Mr. Paddock lay dead."), "stormed")
    assert ev.recipients == []
