"""Definite descriptions of a state or a leader taken up like pronouns: sentences written for these tests."""
from __future__ import annotations

from storyline.annotate.centering import commanding_subjects, realization_salience
from storyline.annotate.events import extract_events
from storyline.annotate.events.descriptions import description_kind

PUBLISHED = "2026-02-12"


def events_of(nlp, text):
    return extract_events(nlp(text), text, "a_test", published=PUBLISHED)


def event_at(events, trigger_word, text):
    found = [e for e in events if e.trigger.text.startswith(trigger_word) and e.trigger.start > text.find(". ")]
    assert found, f"no event at {trigger_word!r} in {[e.trigger.text for e in events]}"
    return found[0]


def test_a_description_takes_up_the_salient_state(nlp):
    text = "North Korea fired a missile over Japan on Friday. The hermit state had previously fired a rocket in May."
    ev = event_at(events_of(nlp, text), "fired", text)
    (actor,) = ev.actors
    assert actor.country == "PRK" and actor.text == "North Korea"
    assert text[actor.span.start:actor.span.end] == actor.span.text == "hermit state"  # its own words


def test_a_description_takes_up_a_state_of_the_clause_that_holds_it(nlp):
    """The clauses before it in its sentence come first: the country is the president's, not the
    subject of the sentence before; its northern neighbour is another state, north of it."""
    text = "North Korea fired a missile over Japan. South Korea's president said the country could destroy its northern neighbour."
    ev = event_at(events_of(nlp, text), "destroy", text)
    assert {p.country for p in ev.actors} == {"KOR"}
    assert {p.country for p in ev.recipients} == {"PRK"}


def test_an_indefinite_description_takes_up_nothing(nlp):
    """"a country of samurai warriors" introduces a state: not the one state the sentence names."""
    text = "President Donald Trump said he could not understand why a country of samurai warriors did not shoot down the missiles."
    for ev in events_of(nlp, text):
        assert all(p.country != "USA" for p in ev.actors if "country" in p.span.text)


def test_an_epithet_takes_up_the_leader(nlp):
    text = "North Korean leader Kim Jong-un watched the launch on Friday. World leaders rallied to condemn the tubby tyrant."
    ev = event_at(events_of(nlp, text), "condemn", text)
    (target,) = ev.recipients
    assert target.country == "PRK" and "Kim" in target.text and target.span.text == "tubby tyrant"


def test_a_heading_is_no_antecedent(nlp):
    """A line without a full stop is a heading: the parser may join it to the next sentence, but
    what it names is no center of the text."""
    text = ("North Korea fired a missile over Japan on Friday.\nAustralia condemns the latest launch\n"
            "Officials said the communist state has fired a midrange missile over Japan.")
    ev = event_at(events_of(nlp, text), "fired a midrange", text)
    assert {p.country for p in ev.actors} == {"PRK"}


def test_only_definite_singular_descriptions_are_taken_up(nlp):
    cases = {"The country left.": "state", "A country left.": None, "Countries left.": None,
             "The state of Washington voted.": None, "Its neighbour left.": "relation", "The dictator left.": "leader"}
    for sentence, kind in cases.items():
        head = next(t for t in nlp(sentence) if t.pos_ == "NOUN")
        assert description_kind(head) == kind, sentence


def test_a_subject_that_commands_the_description_is_barred(nlp):
    """Principle C: "Moon said sanctions fail to restrain the despot": the despot is not Moon."""
    doc = nlp("President Moon Jae-in said the sanctions fail to restrain the despot.")
    despot = next(t for t in doc if t.text == "despot")
    assert {t.text for t in doc if t.i in commanding_subjects(despot)} >= {"Moon"}


def test_salience_halves_per_sentence_and_ranks_subjects_first(nlp):
    doc = nlp("Japan met China in Beijing. They talked. The country left.")
    country = next(t for t in doc if t.text == "country")
    japan, china, beijing = (next(t for t in doc if t.text == w) for w in ("Japan", "China", "Beijing"))
    assert realization_salience(japan, country) > realization_salience(china, country) > realization_salience(beijing, country)
    assert realization_salience(japan, country) == (100 + 80 + 80 + 50) / 4


def test_an_official_speaks_for_his_state(nlp):
    """An official of a state's government named before the description in its sentence realizes his
    state, also as the subject of the reporting clause (he is not the state, so no Principle C bar);
    the state is named as news names it, not by the official's name."""
    text = ("The United States offered help after the attack, and Washington sent investigators. "
            "President Hollande said the country would strike back at the militants.")
    events = extract_events(nlp(text), text, "a_test", published="2016-07-15")
    ev = event_at(events, "strike", text)
    (actor,) = ev.actors
    assert actor.country == "FRA" and actor.text == "France"
    assert text[actor.span.start:actor.span.end] == actor.span.text == "country"
