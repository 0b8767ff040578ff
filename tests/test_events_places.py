"""Places are where events happen, not parties: PLOVER codes the state a town belongs to as the
participant and the town as the location; a sea belongs to no state. Names stay whole."""
from __future__ import annotations

import pytest

from storyline.annotate.events import extract_events

PUBLISHED = "2017-09-15"


def events_of(nlp, text):
    return extract_events(nlp(text), text, "a_test", published=PUBLISHED)


def only(events, event_type):
    found = [e for e in events if e.type == event_type]
    assert found, f"no {event_type} in {[e.type for e in events]}"
    return found[0]


def test_town_as_target_gives_its_state_and_stays_the_location(nlp):
    text = "Nato said it was investigating the air strikes in Kunduz."
    ev = only(events_of(nlp, text), "ACCUSE")
    assert [(p.text, p.country, p.span) for p in ev.recipients] == [("Afghanistan", "AFG", None)]
    assert ev.location is not None and ev.location.text == "Kunduz"


def test_state_named_in_the_sentence_keeps_its_words(nlp):
    text = "Rebels threatened to overrun Kunduz, the officials in Afghanistan said."
    ev = only(events_of(nlp, text), "THREATEN")
    assert [p.country for p in ev.recipients] == ["AFG"]
    assert all(p.span is None or text[p.span.start:p.span.end] == p.text for p in ev.recipients)


def test_city_of_a_shooting_is_no_recipient(nlp):
    ev = only(events_of(nlp, "A gunman opened fire inside a nightclub in the city of Orlando."), "ASSAULT")
    assert "Orlando" not in [p.text for p in ev.recipients]
    assert [p.country for p in ev.recipients] == ["USA"]


def test_sea_has_no_state_to_target(nlp):
    ev = only(events_of(nlp, "South Korea staged a missile drill in the Sea of Japan."), "MOBILIZE")
    assert ev.recipients == []


def test_launch_site_stands_for_its_state_not_its_own_target(nlp):
    ev = only(events_of(nlp, "The missile was launched from Sunan, near Pyongyang."), "MOBILIZE")
    assert [p.country for p in ev.actors] == ["PRK"] and ev.recipients == []


def test_capital_speaking_stays_its_government(nlp):
    ev = only(events_of(nlp, "Pyongyang condemned the new sanctions on Monday."), "ACCUSE")
    assert [(p.text, p.sector) for p in ev.actors] == [("Pyongyang", "GOV")]


def test_state_of_a_place_is_not_found_inside_the_actor(nlp):
    text = "A US army psychiatrist opened fire at his base in Killeen on Thursday."
    ev = only(events_of(nlp, text), "ASSAULT")
    assert all(p.span is None for p in ev.recipients)


@pytest.mark.parametrize("text, event_type, names", [
    # a compound name before an event noun, a headline's subject, coordinated nationalities
    ("The launch was the first since new United Nations sanctions on the country.", "SANCTION", ["United Nations"]),
    ("North Korea fires missile towards Japan", "MOBILIZE", ["North Korea"]),
    ("The U.S. and South Korean forces conducted annual military drills on Monday.", "COOPERATE",  # joint drills
     ["South Korean", "U.S."]),
])
def test_actor_spans_keep_whole_names(nlp, text, event_type, names):
    assert sorted(p.text for p in only(events_of(nlp, text), event_type).actors) == names


def test_demonstrating_a_capability_is_no_protest(nlp):
    assert not [e for e in events_of(nlp, "North Korea demonstrated that it could reach Guam, officials said.")
                if e.type == "PROTEST"]
    assert not [e for e in events_of(nlp, "The test did not demonstrate the missile's full range, Japan said.")
                if e.type == "PROTEST"]


def test_what_is_demonstrated_is_a_claim_not_an_event(nlp):
    """The clause of "demonstrated" in its showing sense goes with it: a capability shown, no strike;
    as another verb's content it gives that request no mode."""
    assert not events_of(nlp, "North Korea demonstrated it was able to strike American cities, analysts said.")
    text = "President Moon Jae-in asked the South Korean military to demonstrate capabilities to counter threats."
    assert only(events_of(nlp, text), "REQUEST").mode is None


def test_demonstrating_against_a_government_is_a_protest(nlp):
    ev = only(events_of(nlp, "Thousands of students demonstrated against the government in Seoul."), "PROTEST")
    assert ev.mode == "demo"


def test_carrying_out_is_no_promise(nlp):
    assert not [e for e in events_of(nlp, "The gunman commits suicide.") if e.type == "AGREE"]
    assert not [e for e in events_of(nlp, "If North Korea undertakes provocations, Seoul will respond.")
                if e.type == "AGREE"]
    ev = only(events_of(nlp, "Japan committed itself to the talks."), "AGREE")
    assert [p.text for p in ev.actors] == ["Japan"]


def test_a_question_is_no_request(nlp):
    text = "Asked about a possible military response, US Defense Secretary Jim Mattis declined to talk."
    assert not [e for e in events_of(nlp, text) if e.type == "REQUEST"]
    ev = only(events_of(nlp, "Japan asked the United States for help."), "REQUEST")
    assert [p.text for p in ev.recipients] == ["United States"]


def test_states_named_by_a_common_noun_are_recipients(nlp):
    text = "US Secretary of State Rex Tillerson spoke on Friday. He called on both countries to take direct action."
    ev = only(events_of(nlp, text), "REQUEST")
    assert [(p.text, p.country) for p in ev.recipients] == [("countries", None)]


def test_plural_states_are_not_the_united_states_nor_the_one_state_named(nlp):
    ev = only(events_of(nlp, "The UN Security Council called on all states to implement the sanctions."), "REQUEST")
    assert [(p.text, p.country) for p in ev.recipients] == [("states", None)]
    ev = only(events_of(nlp, "Japan's prime minister called on other countries to do more."), "REQUEST")
    assert [(p.text, p.country) for p in ev.recipients] == [("other countries", None)]


def test_calling_something_a_name_is_a_statement(nlp):
    assert not events_of(nlp, "Abe has called North Korea's escalating threats a national crisis.")
    assert not [e for e in events_of(nlp, "A Taliban spokesman called the attack a reprisal for the airstrikes.")
                if e.trigger.text.startswith("called")]
    # what the name says may hold an event of its own
    ev = only(events_of(nlp, "The Taliban called it a revenge attack for US airstrikes in Kunduz."), "ASSAULT")
    assert ev.trigger.text == "airstrikes" and [p.text for p in ev.actors] == ["US"]
    assert only(events_of(nlp, "The minister called for a ceasefire."), "REQUEST")
