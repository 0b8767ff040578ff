"""Who did it when the sentence says "I" or "we" inside a quotation (its speaker), when a participle
adjunct hangs off a reported clause, and when the object is someone's thing: sentences written for
these tests, run through the per-article path (quotes before events), as the product runs it."""
from __future__ import annotations

from storyline.annotate import annotate_docs
from storyline.model import Article

PUBLISHED = "2026-02-12"


def events_of(nlp, text):
    article = Article(id="a_test", text=text, published=PUBLISHED)
    ann = annotate_docs([article], [nlp(text)], ["sentences", "entities", "time", "quotes", "events"])[0]
    return ann.events


def at(events, word):
    found = [e for e in events if e.trigger.text.split()[0] == word]
    assert found, f"no event at {word!r} in {[e.trigger.text for e in events]}"
    return found[0]


def names(people):
    return [(p.text, p.country) for p in people]


def test_a_quoted_i_is_the_speaker(nlp):
    text = ('Brazilian President Luiz Lula met Argentina\'s president on Monday. "I condemned the attack on '
            'the embassy in Caracas," Lula wrote on Tuesday.')
    ev = at(events_of(nlp, text), "condemned")
    assert [p.text for p in ev.actors] == ["Luiz Lula"]
    span = ev.actors[0].span
    assert text[span.start:span.end] == "I"


def test_a_quoted_we_of_an_official_is_the_state(nlp):
    text = ('Japanese Prime Minister Fumio Kishida spoke after the launch. "We have lodged a firm protest with '
            'North Korea," Kishida told reporters.')
    ev = at(events_of(nlp, text), "lodged")
    assert ("Japan", "JPN") in names(ev.actors)
    assert ("North Korea", "PRK") in names(ev.recipients)


def test_the_narrators_i_names_nobody(nlp):
    text = "I condemned the attack on the embassy in Caracas, the Venezuelan government said nothing."
    events = [e for e in events_of(nlp, text) if e.trigger.text.startswith("condemned")]
    assert all(p.span is None or p.span.text != "I" for e in events for p in e.actors)


def test_a_participle_adjunct_after_a_comma_takes_the_main_subject(nlp):
    text = ("French President Emmanuel Macron said Paris would keep its embassy open in Kyiv, shortly after "
            "holding talks with Ukrainian President Volodymyr Zelensky.")
    ev = at(events_of(nlp, text), "holding")
    sides = [p.text for p in ev.actors + ev.recipients]
    assert "Emmanuel Macron" in sides and "Volodymyr Zelensky" in sides
    assert "Paris" not in sides


def test_a_thing_owned_by_a_state_makes_the_state_the_recipient(nlp):
    text = "The European Union imposed new sanctions on Monday, targeting Belarus's potash exports."
    ev = at(events_of(nlp, text), "targeting")
    assert names(ev.recipients) == [("Belarus", "BLR")]


def test_a_body_owned_by_a_state_stays_the_recipient(nlp):
    text = "Rebels attacked Mali's army near the border on Monday."
    ev = at(events_of(nlp, text), "attacked")
    assert [p.text for p in ev.recipients] == ["Mali's army"]


def test_re_dating_reads_the_stored_quotes(nlp):
    """Re-dating runs events again from stored rows: the stored quotes give the speaker as before."""
    import json

    from storyline.pipeline import quotes_from_rows
    text = ('Japanese Prime Minister Fumio Kishida spoke after the launch. "We have lodged a firm protest with '
            'North Korea," Kishida told reporters.')
    article = Article(id="a_test", text=text, published=PUBLISHED)
    first = annotate_docs([article], [nlp(text)], ["sentences", "entities", "time", "quotes", "events"])[0]
    stored = quotes_from_rows([(q.article_id, json.dumps(q.to_dict())) for q in first.quotes])
    again = annotate_docs([article], [nlp(text)], ["time", "events"],
                          given=[type(first)(article_id="a_test", mentions=first.mentions, quotes=stored["a_test"])])[0]
    assert [names(e.actors) for e in again.events] == [names(e.actors) for e in first.events]
    assert ("Japan", "JPN") in names(at(again.events, "lodged").actors)
