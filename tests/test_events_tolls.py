"""Doers of death tolls: a passive toll takes the doer of the clause of time that tells how the deaths came
("were killed when a gunman opened fire"), and a toll's participle hung on a verb of saying or finding out takes
no doer from it ("Investigators are looking into ..., killing"): sentences written for these tests."""
from __future__ import annotations

from storyline.annotate.events import extract_events

PUBLISHED = "2026-03-02"


def tolls(nlp, text, trigger):
    """The ASSAULT events of ``text`` whose trigger is the word ``trigger``."""
    return [e for e in extract_events(nlp(text), text, "a_test", published=PUBLISHED)
            if e.type == "ASSAULT" and e.trigger.text == trigger]


def actor_texts(events):
    return [p.text for e in events for p in e.actors]


def test_a_passive_toll_takes_the_doer_of_its_when_clause(nlp):
    events = tolls(nlp, "Nine people were killed in the city on Friday when a gunman opened fire on a crowd.", "killed")
    assert len(events) == 1
    assert actor_texts(events) == ["gunman"]
    assert [p.text for p in events[0].recipients] == ["Nine people"]


def test_a_passive_toll_takes_an_attacker_named_in_its_after_clause(nlp):
    """"crashed a truck" is no assault verb, but the clause's subject is named as an attacker."""
    events = tolls(nlp, "At least 30 soldiers were killed after a suicide bomber crashed a truck into the base.",
                   "killed")
    assert actor_texts(events) == ["suicide bomber"]


def test_a_passive_toll_takes_the_doer_of_an_assault_in_its_as_clause(nlp):
    events = tolls(nlp, "Two workers were killed as rebels attacked the mine.", "killed")
    assert actor_texts(events) == ["rebels"]


def test_a_clause_that_tells_an_accident_names_no_doer(nlp):
    """The driver of a crash uses no force: the toll stays an accident's, which is not coded."""
    text = "Seven passengers were killed when a driver lost control of his bus on a mountain road."
    assert not tolls(nlp, text, "killed")


def test_a_toll_hung_on_a_verb_of_finding_out_takes_no_doer_from_it(nlp):
    """The investigators do not kill: the deaths are the crash's, an accident's toll (not coded)."""
    text = "PARIS - Investigators are looking into what caused a bus to crash on a mountain road, killing the 12 " \
           "tourists on board."
    assert not any("Investigators" in t for t in actor_texts(tolls(nlp, text, "killing")))


def test_a_toll_of_a_main_clause_of_force_keeps_its_subject(nlp):
    events = tolls(nlp, "The army stormed the town on Monday, killing 14 fighters.", "killing")
    assert actor_texts(events) == ["army"]


def test_a_clause_of_time_after_coordinated_tolls_gives_both_their_doer(nlp):
    """The parser hangs the final "when" clause on the nearest conjunct; it modifies the coordination."""
    text = "Dozens of people were killed and hundreds were injured on Sunday when a gunman opened fire on the crowd."
    assert actor_texts(tolls(nlp, text, "killed")) == ["gunman"]
    assert actor_texts(tolls(nlp, text, "injured")) == ["gunman"]
