"""Agreement of he/she with nouns and names (shared by quote speakers and event participants)."""
from __future__ import annotations

import pytest

from storyline.annotate.agreement import (ArticlePersons, is_person_by_evidence, keys_of_other_sex, named_as_person,
                                          person_noun_agrees,
                                          persons_by_evidence)
from storyline.model import Mention, Span


@pytest.mark.parametrize("text, noun, pronoun, agrees", [
    ("A student left.", "student", "he", True),          # a role: either sex
    ("The woman left.", "woman", "she", True),
    ("The woman left.", "woman", "he", False),           # the word gives the other sex
    ("The students left.", "students", "he", False),     # plural
    ("The crowd left.", "crowd", "he", False),           # a collective is no person
    ("The army left.", "army", "she", False),            # an organisation
    ("The launch failed.", "launch", "he", False),       # a thing
])
def test_person_noun_agrees(nlp, text, noun, pronoun, agrees):
    token = next(t for t in nlp(text) if t.text == noun)
    assert person_noun_agrees(token, pronoun) is agrees


def _person(text: str, name: str, key: str, nth: int = 0, kind: str = "PERSON") -> Mention:
    """A mention of ``name`` at its ``nth`` occurrence in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention(Span.of(text, start, start + len(name)), kind, key, name)


@pytest.mark.parametrize("text, name, others, person", [
    ("Haruto Visek spoke on Monday.", "Haruto Visek", [], True),            # a name of capitalized words
    ("Eve arrived late.", "Eve", [], True),                                 # a given name of the census lists
    ("Mr. Corvex arrived late.", "Corvex", [], True),                        # an honorific
    ("A neighbour, Corvex, arrived late.", "Corvex", [], True),              # a word for a person in apposition
    ("The teenager Ahed Varnik was arrested.", "Varnik", [], True),          # a given name the tagger left out
    ("Corvex said the chips were late.", "Corvex", [], False),              # a lone word, no given name
    ("Tarnwell Dynamics, the aerospace company, hired him.", "Tarnwell Dynamics", [], False),  # described so
    ("A gunman entered Ridgefield Park Elementary School. Ridgefield Park mourned.", "Ridgefield Park",
     [("Ridgefield Park Elementary School", 0)], False),               # a longer name typed otherwise
    ("They were about to film \u201cNight Harbor.\u201d", "Night Harbor", [], False),  # a work's title
    ("A man opened fire in Port Avery.", "Port Avery", [], False),          # a place
    ("Her hall holds a large golden Idol.", "golden Idol", [], False),      # a lower-case word
    ("Brightline Rail cut fares. Brightline Rail said so. Brightline Rail grew.", "Brightline Rail",
     [("Brightline Rail", 1), ("Brightline Rail", 2)], False),             # typed otherwise as often
])
def test_a_person_by_the_articles_evidence(text, name, others, person):
    """The tagger types companies, places and titles PERSON now and then: a he/she fallback takes
    only a name the article shows is a person's."""
    mentions = [_person(text, name, "p_x")]  # ``others``: (name, occurrence) typed ORG
    mentions += [_person(text, other, f"o_{i}", nth=nth, kind="ORG") for i, (other, nth) in enumerate(others)]
    assert is_person_by_evidence("p_x", text, mentions) is person


def test_a_wife_in_apposition_is_no_he():
    """"his first wife, Eve": the noun the name is set off after gives its sex, like a title."""
    text = "Tom Reed and his first wife, Eve, moved to Oslo."
    mentions = [_person(text, "Tom Reed", "p_reed"), _person(text, "Eve", "p_eve")]
    assert keys_of_other_sex("he", text, mentions) == {"p_eve"}
    assert keys_of_other_sex("she", text, mentions) == {"p_reed"}


@pytest.mark.parametrize("title, person", [
    ("president of Tarn Bank", True),                # the title's head is "president", not "Bank"
    ("the region's largest advocacy organization", False),  # a title the tagger took in names a body
])
def test_a_title_names_a_person_by_its_head(title, person):
    text = "Corvex spoke on Monday."
    mention = Mention(Span.of(text, 0, 6), "PERSON", "p_x", "Corvex", title=title)
    assert is_person_by_evidence("p_x", text, [mention]) is person


def test_article_persons_keeps_each_answer_per_sex():
    """``ArticlePersons`` answers once per article what every pronoun asks: "he" and "him" ask one
    question, "she" and "her" another, "it" a third (no sex); the persons by evidence a pronoun
    may take up leave out those of the other sex, as the functions found them per pronoun."""
    text = "Mr. Tom Reed and his wife, Eve Reed, met Corvex. Ms. Ada Kern left."
    mentions = [_person(text, "Tom Reed", "p_tom"), _person(text, "Eve Reed", "p_eve"),
                _person(text, "Corvex", "p_corvex"), _person(text, "Ada Kern", "p_ada")]
    persons = ArticlePersons(text, mentions)
    assert persons.other_sex("he") == {"p_eve", "p_ada"} and persons.other_sex("her") == {"p_tom"}
    for pronoun in ("he", "him", "she", "her", "it", "they"):
        other = keys_of_other_sex(pronoun, text, mentions)
        assert persons.other_sex(pronoun) == other
        assert persons.by_evidence(pronoun) == persons_by_evidence(text, [m for m in mentions if m.key not in other])
    assert persons.by_evidence() == persons_by_evidence(text, mentions) == {"p_tom", "p_eve", "p_ada"}


@pytest.mark.parametrize("text, name, pronoun, named", [
    ("Seaweed farmer Ines Varn said the boats were gone.", "Ines Varn", "she", True),   # a word for a person before
    ("Ola Berg, a security guard at the town hall, said it.", "Ola Berg", "he", True),  # an appositive after
    ("Ola Berg, professor emeritus at Tarn University, said it.", "Ola Berg", "he", True),  # a title in it
    ("Ms Varn said the boats were gone.", "Varn", "he", False),                       # a person of the other sex
    ("Nordair, the airline, said the flights were late.", "Nordair", "it", False),      # an organisation
    ("Nordair said the flights were late.", "Nordair", "he", False),                    # no evidence at all
])
def test_a_name_typed_otherwise_named_as_a_person(text, name, pronoun, named):
    """The tagger types a person's name ORG or GPE now and then: the words around it still name a person."""
    assert named_as_person(text, _person(text, name, "o_x", kind="ORG"), pronoun) is named
