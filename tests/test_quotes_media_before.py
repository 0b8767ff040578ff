"""Quotes: the medium told before a report (the act of communication the text goes on telling) and
media named inside the reporting sentence by a participle, a channel of one's own or an account."""
from __future__ import annotations

import re

import pytest

from storyline.annotate.quotes import extract_quotes
from storyline.model import Mention, Span

PERSONS = (("Ola Berg", "p_berg"), ("Berg", "p_berg"), ("Ines Varn", "p_varn"), ("Varn", "p_varn"))


def _mentions(text: str) -> list[Mention]:
    """Every occurrence of the persons' names, longest first, as one article's mentions."""
    found, taken = [], set()
    for name, key in PERSONS:
        for m in re.finditer(re.escape(name), text):
            if not taken & set(range(m.start(), m.end())):
                taken |= set(range(m.start(), m.end()))
                found.append(Mention(Span.of(text, m.start(), m.end()), "PERSON", key, name))
    return found


def _media(nlp, text: str) -> dict[str, str | None]:
    """The medium of each quote, by the first words of its content."""
    quotes = extract_quotes(nlp(text), text, "a_mb", _mentions(text), statements_only=True)
    return {q.content.text[:12]: q.medium for q in quotes}


@pytest.mark.parametrize("text, expected", [
    # a medium named in the sentence before, by a verb that is no reporting cue
    ("Ola Berg took to Twitter on Friday. \u201cThe ferry will sail again,\u201d he wrote.",
     {"The ferry wi": "Twitter"}),
    # the next paragraph goes on with a quotation of the same speaker
    ("Ola Berg told CNN that the ferry was late.\n\u201cIt will sail on Monday,\u201d Berg said.",
     {"the ferry wa": "CNN", "It will sail": "CNN"}),
    # an added remark goes on with a posting
    ("Ola Berg wrote on Facebook that the ferry was late. He added: \u201cIt will sail.\u201d",
     {"the ferry wa": "Facebook", "It will sail": "Facebook"}),
])
def test_a_report_goes_on_with_the_medium_told_before(nlp, text, expected):
    assert _media(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a new paragraph that opens with its own sentence starts another act
    ("Ola Berg told CNN that the ferry was late.\nBerg said the boat was safe.",
     {"the ferry wa": "CNN", "the boat was": None}),
    # an occasion of its own: another act
    ("Ola Berg told CNN that the ferry was late. \u201cIt will sail on Monday,\u201d Berg said in a conference call.",
     {"the ferry wa": "CNN", "It will sail": None}),
    # a "said" after a tweet may be words spoken anywhere: the kinds of act do not mix
    ("Ola Berg tweeted that the ferry was late. \u201cIt will sail,\u201d Berg said.",
     {"the ferry wa": "Twitter", "It will sail": None}),
    # another speaker in between ends the act
    ("Ola Berg told CNN that the ferry was late. Ines Varn said it was not. \u201cIt will sail,\u201d Berg said.",
     {"the ferry wa": "CNN", "it was not": None, "It will sail": None}),
    # an event is no medium: a verb that reports nothing tells an act only through a known medium
    ("Ines Varn went to the Tarnby Film Festival in 2001. She says the crew was kind.",
     {"the crew was": None}),
    # another act of the same speaker ends the one told before
    ("Ola Berg tweeted that the ferry was late. Berg also confirmed that it had sunk, adding that the crew was safe.",
     {"the ferry wa": "Twitter", "it had sunk": None, "the crew was": None}),
    # a report inside another's content recounts an earlier act, not the one told now
    ("Ola Berg said he had told the Sentinel that the ferry was late. Berg added that it would sail.",
     {"he had told ": None, "it would sai": None}),
])
def test_the_medium_told_before_stops_at_another_act(nlp, text, expected):
    media = _media(nlp, text)
    assert {start: media.get(start) for start in expected} == expected, media


@pytest.mark.parametrize("text, medium", [
    # a participle that only goes on describing the act shares its verb's medium
    ("Writing on Instagram, Ola Berg said she was proud of the crew.", "Instagram"),
    ("Speaking to Radio Tarn on Thursday, Ola Berg said the ferry was late.", "Radio Tarn"),
    # one responds to an article, one does not speak in it
    ("Responding to the Tarnby Times article, Ola Berg said the ferry was late.", None),
    ("Ola Berg posted photos on Instagram on Tuesday, writing that she missed the island.", "Instagram"),
    # a channel of one's own: its name in apposition, else its kind
    ("In a post for his blog Tarnlog, Ola Berg slammed the design, arguing that it fails.", "Tarnlog"),
    ("\u201cThe ferry is late,\u201d Berg wrote in his blog post.", "blog"),
    # an account of a network is on the network
    ("In a post on Ola Berg's Twitter account, the ministry confirmed that the ferry had sunk.", "Twitter"),
])
def test_medium_named_by_a_participle_a_channel_or_an_account(nlp, text, medium):
    quotes = extract_quotes(nlp(text), text, "a_mc", _mentions(text), statements_only=True)
    assert quotes and all(q.medium == medium for q in quotes), [(q.content.text, q.medium) for q in quotes]
