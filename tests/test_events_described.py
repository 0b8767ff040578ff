"""Doers named by a description, not a name ("a gunman", "a 19-year-old", "a mob"), doers the parser hangs
elsewhere (after a dateline, beside a parenthetical participle), and regions that are no party: sentences
written for these tests."""
from __future__ import annotations

from storyline.annotate.events import extract_events

PUBLISHED = "2026-02-12"


def events_of(nlp, text, event_type):
    return [e for e in extract_events(nlp(text), text, "a_test", published=PUBLISHED) if e.type == event_type]


def actor_texts(events):
    return [p.text for e in events for p in e.actors]


def test_the_subject_after_a_dateline_is_the_doer_not_the_dateline(nlp):
    """The parser reads the dateline's name as the subject and the court as its appositive."""
    events = events_of(nlp, "HEBRON, West Bank — An Israeli military court on Tuesday charged a young man who "
                            "was filmed throwing stones at soldiers.", "ACCUSE")
    assert [(p.text, p.country) for e in events for p in e.actors] == [("Israeli military court", "ISR")]


def test_a_lead_verb_read_as_a_reduced_relative_after_a_dateline_keeps_its_doer(nlp):
    """"DENVER - A gunman killed ...": the parser makes "gunman" the root and "killed" its modifier."""
    events = events_of(nlp, "DENVER - A gunman killed at least 12 people and wounded 30 at a shopping mall on "
                            "Saturday.", "ASSAULT")
    assert len(events) == 2
    for event in events:
        assert [p.sector for p in event.actors] == ["UAF"]
        assert all("DENVER" not in p.text and "gunman" in p.text for p in event.actors)


def test_a_passive_participle_after_a_dateline_names_no_doer(nlp):
    text = "DENVER - A man killed in a shooting on Saturday was named by Colorado police."
    assert not any("man" in p.text for e in events_of(nlp, text, "ASSAULT") for p in e.actors)


def test_an_age_noun_is_a_doer(nlp):
    """"A troubled 19-year-old kills": the tagger calls the age a date and the parser hangs it on the verb."""
    events = events_of(nlp, "A troubled 19-year-old kills his father in Dayton, Ohio, in May 2010 before driving "
                            "to a mall and shooting dead eight shoppers.", "ASSAULT")
    assert events and all(any("19-year-old" in t for t in actor_texts([e])) for e in events)


def test_an_age_noun_is_a_target(nlp):
    events = events_of(nlp, "Police in Ohio arrested a 35-year-old on Friday.", "COERCE")
    assert [p.text for e in events for p in e.recipients] == ["35-year-old"]


def test_a_subject_before_a_parenthetical_participle_is_the_doer(nlp):
    """"Mr. Lee, considered a moderate, also ordered": "considered" is no main verb after "Subject,"."""
    events = events_of(nlp, "Mr. Lee, considered a moderate, also ordered his ministers on Friday to cooperate "
                            "with Japan.", "REQUEST")
    assert actor_texts(events) == ["Mr. Lee"]


def test_a_mob_is_a_doer(nlp):
    events = events_of(nlp, "A local judge was killed by a mob in the centre of Lahore.", "ASSAULT")
    assert [(p.text, p.sector) for e in events for p in e.actors] == [("mob", "CVL")]


def test_a_region_of_several_states_is_no_recipient(nlp):
    """The PLOVER manual: a regional construct receives no country; the peninsula is where, not whom."""
    events = events_of(nlp, "American and Japanese forces conducted joint naval exercises on the Korean peninsula "
                            "on Monday.", "COOPERATE")
    assert events and not any(e.recipients for e in events)
    assert {p.country for e in events for p in e.actors} == {"USA", "JPN"}


def test_going_on_is_a_strike_only_when_one_goes_on_strike(nlp):
    """"go on" takes its sense from its object: a strike (a hunger strike too), not the rampage or air."""
    for text, strike in [("Workers went on strike at the factory on Sunday.", True),
                         ("Workers went on a hunger strike at the factory on Sunday.", True),
                         ("A mob of workers went on the rampage in the town on Sunday.", False),
                         ("The union leader went on television on Sunday.", False)]:
        events = extract_events(nlp(text), text, "a_test", published="2016-07-15")
        assert any(e.type == "PROTEST" and e.mode == "strike" for e in events) == strike, text
