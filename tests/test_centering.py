"""Which subjects a subject pronoun may take up, in which order (shared by quote speakers and
event participants): the centering order of annotate/centering.py."""
from __future__ import annotations

from storyline.annotate.centering import centering_subjects, in_quotation


def _subjects(nlp, text: str, pronoun_at: int = -1) -> list[str]:
    """The candidate subjects of the ``pronoun_at``-th "he"/"she" of ``text``, as words."""
    doc = nlp(text)
    pronoun = [t for t in doc if t.lower_ in ("he", "she")][pronoun_at]
    return [t.text for t in centering_subjects(pronoun, _quotations(text))]


def _quotations(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each pair of straight double quotes, marks included."""
    marks = [i for i, c in enumerate(text) if c == '"']
    return [(marks[i], marks[i + 1] + 1) for i in range(0, len(marks) - 1, 2)]


def test_previous_sentence_main_subject(nlp):
    assert _subjects(nlp, "Ines Varn visited the harbour on Monday. Later she spoke to the crew.") == ["Varn"]


def test_own_sentence_before_previous_sentence(nlp):
    found = _subjects(nlp, "Ola Berg arrived late. Ines Varn was forced to resign, which she regretted.")
    assert found.index("Varn") < found.index("Berg")


def test_first_person_sentence_passed_over(nlp):
    text = "Ines Varn visited the harbour on Monday.\nI was there too.\nShe spoke to the crew."
    assert _subjects(nlp, text) == ["Varn"]


def test_heading_passed_over(nlp):
    text = "Ines Varn visited the harbour on Monday.\nHarbour visit ends early\nShe spoke to the crew."
    assert _subjects(nlp, text) == ["Varn"]


def test_quoted_subject_passed_over(nlp):
    text = 'Ines Varn visited the harbour on Monday. "Ola Berg is wrong," she said.'
    assert "Berg" not in _subjects(nlp, text)
    assert _subjects(nlp, text)[0] == "Varn"


def test_first_sentence_has_none(nlp):
    assert _subjects(nlp, "She spoke to the crew.") == []


def test_in_quotation():
    assert in_quotation(3, [(2, 8)]) and not in_quotation(8, [(2, 8)]) and not in_quotation(0, ())


def test_governing_clause_subject_before_a_nearer_one(nlp):
    """The subject of the clause holding the pronoun's comes before a nearer subject of a clause
    that does not hold it (grammatical parallelism)."""
    found = _subjects(nlp, "Ines Varn, whom Ola Berg had hired, said she was leaving.")
    assert found[:2] == ["Varn", "Berg"]


def test_imperative_passed_over(nlp):
    """An imperative is addressed to "you": a second-person sentence, passed over."""
    assert _subjects(nlp, "Ines Varn visited the harbour on Monday. Look at the boats. She spoke to the crew.") \
        == ["Varn"]


def test_fragment_without_subject_stops(nlp):
    """A sentence of running text with no subject (a fragment, a missed parse): its center is
    unknown, the sentences before it are not looked at."""
    assert _subjects(nlp, "Ines Varn visited the harbour on Monday. Great news for the town. She spoke.") == []


def test_the_sentences_of_a_quotation_are_passed_over(nlp):
    """A quotation of several sentences is what its speaker says, one utterance with the "he said"
    reporting it: the previous utterance is the sentence before the quotation, however many
    sentences the quotation has (before, the quotation's sentences used up the sentences looked at,
    and its subjectless "There is ..." stopped the search)."""
    text = ('Ola Berg thanked the crew. Ivo Lind wept at the harbour. "There is nothing left to say. '
            'The boats are gone. It is over. We will rebuild," he said.')
    assert _subjects(nlp, text)[0] == "Lind"


def test_a_sentence_only_partly_quoted_is_an_utterance(nlp):
    """A sentence that reports a quotation ("Lind said: ...") is running text: its subject counts."""
    text = 'Ola Berg thanked the crew. Ivo Lind said: "The boats are gone." Later he left.'
    assert _subjects(nlp, text)[0] == "Lind"


def test_a_quotation_of_pronoun_subjects_is_passed_over_for_a_narrator_pronoun(nlp):
    """``speech`` (event participants: quoted subjects stay candidates): a quotation whose sentences
    have only pronoun subjects is passed over whole, the narrator's "she said" stays within reach; a
    quoted sentence naming its subject is not passed over."""
    text = ('Ines Varn met Ola Berg in Oslo. "It was cold," she said. "He talked. He left. He came back. '
            'He shouted." Later, she wrote to the board.')
    doc = nlp(text)
    she = [t for t in doc if t.lower_ == "she"][-1]
    assert [t.text for t in centering_subjects(she, speech=_quotations(text))][:1] == ["she"]
    text = 'Ines Varn met Ola Berg in Oslo. "I was there," she said. "The minister left early." Later, she wrote.'
    doc = nlp(text)
    she = [t for t in doc if t.lower_ == "she"][-1]
    assert [t.text for t in centering_subjects(she, speech=_quotations(text))][:1] == ["minister"]
