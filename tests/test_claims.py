"""Claims alignment across outlets, on short fictional articles written for these tests."""
from __future__ import annotations

import re

import numpy as np
import pytest

from storyline.compare.claims import Unit, align_claims, clauses, status
from storyline.compare.facts import dates_compatible
from storyline.compare.numbers import overlaps, parse_number, value_range
from storyline.model import Article, Mention, Span, Timex

HARBOUR = ("A storm flooded the harbour of Pellmouth on Sunday night. "
           "Mayor Ines Kolb said the drone strike on the ferry pier killed six dock workers. "
           "The council met for a three-hour meeting on Monday. "
           "Rail services to the coast were suspended until further notice.")
BULLETIN = ("Eight dock workers were killed when a drone hit the ferry pier, officials said. "
            "Sunday night's storm flooded the Pellmouth harbour. "
            "Councillors held a meeting that lasted around three hours on Monday. "
            "Schools in the old town will stay closed on Tuesday.")


def _split(text: str) -> list[Span]:
    """Sentences of the fixtures (plain prose, so punctuation is enough)."""
    return [Span.of(text, m.start(), m.end()) for m in re.finditer(r"\S[^.!?]*[.!?]", text)]


def run(*articles: Article, **kwargs) -> list[dict]:
    return align_claims("s1", list(articles), {a.id: _split(a.text) for a in articles}, **kwargs)


def run_pair(a: str, b: str) -> list[dict]:
    """Claims of two fictional articles from two outlets."""
    return run(Article("a1", a, outlet="X"), Article("a2", b, outlet="Y"))


def claim_with(claims: list[dict], words: str) -> dict:
    return next(c for c in claims if any(words in s["span"]["text"] for s in c["support"]))


@pytest.fixture(scope="module")
def harbour_claims():
    return run(Article("a1", HARBOUR, outlet="Pellmouth Post"), Article("a2", BULLETIN, outlet="Coast Bulletin"))


def test_paraphrases_are_aligned_and_unique_statements_stay_single(harbour_claims):
    storm = claim_with(harbour_claims, "storm flooded")
    assert {s["article_id"] for s in storm["support"]} == {"a1", "a2"}
    assert storm["status"] == "consensus"
    rail = claim_with(harbour_claims, "Rail services")
    assert rail["status"] == "single" and len(rail["support"]) == 1


def test_spans_are_offsets_into_the_article_text(harbour_claims):
    texts = {"a1": HARBOUR, "a2": BULLETIN}
    for claim in harbour_claims:
        for s in claim["support"]:
            span = s["span"]
            assert texts[s["article_id"]][span["start"]:span["end"]] == span["text"]
        assert claim["statement"] in {s["span"]["text"] for s in claim["support"]}


def test_killed_six_against_eight_is_a_number_conflict(harbour_claims):
    claim = claim_with(harbour_claims, "killed six")
    assert claim["status"] == "conflict"
    (conflict,) = [c for c in claim["conflicts"] if c["field"] == "number"]
    assert {(v["article_id"], v["value"]) for v in conflict["values"]} == {("a1", "6"), ("a2", "8")}


def test_three_hour_meeting_and_around_three_hours_agree(harbour_claims):
    meeting = claim_with(harbour_claims, "three-hour meeting")
    assert {s["article_id"] for s in meeting["support"]} == {"a1", "a2"}
    assert meeting["conflicts"] == []


def test_ids_are_stable_and_unique(harbour_claims):
    again = run(Article("a1", HARBOUR, outlet="Pellmouth Post"), Article("a2", BULLETIN, outlet="Coast Bulletin"))
    assert [c["id"] for c in again] == [c["id"] for c in harbour_claims]
    assert len({c["id"] for c in again}) == len(again)


def test_one_article_supports_a_claim_with_one_statement_and_its_restatements_only():
    text = ("The bridge over the Vell reopened on Friday. The bridge over the Vell reopened to traffic on Friday. "
            "Dredgers cleared the harbour mouth near Orrin.")
    claims = run(Article("a1", text, outlet="X"), Article("a2", "The Vell bridge reopened on Friday.", outlet="Y"))
    bridge = claim_with(claims, "Vell bridge")
    assert sorted(s["article_id"] for s in bridge["support"]) == ["a1", "a1", "a2"]
    assert len(claims) == 2 and claim_with(claims, "Dredgers")["status"] == "single"


def test_articles_without_outlet_count_as_their_own_outlet():
    text = "The museum in Dorrin will reopen its west wing in May after repairs."
    claims = run(Article("a1", text), Article("a2", text.replace("will reopen", "reopens")))
    assert claims[0]["status"] == "consensus" and len(claims[0]["support"]) == 2
    assert all(s["outlet"] is None for s in claims[0]["support"])


def test_dates_of_the_same_event_conflict_unless_one_refines_the_other():
    a_text, b_text = "The summit in Dorrin opened on Tuesday.", "The summit in Dorrin opened on Wednesday."
    a, b = Article("a1", a_text, outlet="X"), Article("a2", b_text, outlet="Y")

    def tx(article_id: str, text: str, word: str, value: str) -> Timex:
        start = text.index(word)
        return Timex(article_id, Span.of(text, start, start + len(word)), "DATE", value)

    claims = run(a, b, timexes={"a1": [tx("a1", a_text, "Tuesday", "2026-02-10")],
                                "a2": [tx("a2", b_text, "Wednesday", "2026-02-11")]})
    assert [c["field"] for c in claims[0]["conflicts"]] == ["date"]
    claims = run(a, b, timexes={"a1": [tx("a1", a_text, "Tuesday", "2026-02")],
                                "a2": [tx("a2", b_text, "Wednesday", "2026-02-11")]})
    assert claims[0]["conflicts"] == []


def _person(text: str, name: str, kind: str = "PERSON") -> Mention:
    start = text.index(name)
    return Mention(Span.of(text, start, start + len(name)), kind, name.lower(), name)


def test_different_named_subjects_of_one_predicate_are_an_actor_conflict():
    a_text, b_text = "Mara Quist opened the new bridge over the Vell.", "Jonah Pell opened the new bridge over the Vell."
    claims = run(Article("a1", a_text, outlet="X"), Article("a2", b_text, outlet="Y"),
                 mentions={"a1": [_person(a_text, "Mara Quist")], "a2": [_person(b_text, "Jonah Pell")]})
    assert [c["field"] for c in claims[0]["conflicts"]] == ["actor"]


def test_number_words_and_ranges():
    assert parse_number("six") == 6
    assert parse_number("twenty-one") == 21
    assert parse_number("2.5 million") == 2_500_000
    assert parse_number("1,200") == 1200
    assert parse_number("hello") is None
    assert overlaps(value_range(50, "at least"), value_range(59))
    assert overlaps(value_range(3, "around"), value_range(3))
    assert not overlaps(value_range(6), value_range(8))


def test_precision_differences_are_compatible_dates():
    assert dates_compatible("2026-02", "2026-02-11")
    assert not dates_compatible("2026-02-10", "2026-02-11")


def test_status_from_outlet_counts():
    assert status(1, 4, False) == "single"
    assert status(3, 4, False) == "consensus"
    assert status(2, 4, False) == "partial"
    assert status(2, 2, True) == "conflict"


def test_long_sentences_are_cut_into_clauses():
    text = ("The ministry said the new water plant in the northern district would be finished by the end of the "
            "summer and would serve some forty thousand households; the opposition said the tender had been rushed "
            "through the council without a proper debate and that the costs had doubled since the first estimate.")
    pieces = clauses(text, Span.of(text, 0, len(text)))
    assert len(pieces) == 2 and all(text[p.start:p.end] == p.text for p in pieces)


QUAY = "A gas blast at the Tessel quay on Monday killed five dock workers, the port authority said."
QUAY_DEAD = "Nine dock workers died in Monday's gas blast at the Tessel quay, according to the port authority."


def test_died_and_killed_count_the_same_event():
    claims = run(Article("a1", QUAY, outlet="X"), Article("a2", QUAY_DEAD, outlet="Y"))
    conflicts = [c for claim in claims for c in claim["conflicts"] if c["field"] == "number"]
    assert {v["value"] for c in conflicts for v in c["values"]} == {"5", "9"}


def test_a_higher_count_on_a_later_day_is_an_update_not_a_conflict():
    early = Article("a1", QUAY, outlet="X", published="2031-05-05T09:00:00")
    later = Article("a2", QUAY.replace("five", "nine"), outlet="Y", published="2031-05-06T09:00:00")
    (claim,) = [c for c in run(early, later) if len(c["support"]) == 2]
    assert [(c["field"], c.get("kind")) for c in claim["conflicts"]] == [("number", "update")]
    assert claim["status"] != "conflict"
    same_day = Article("a2", later.text, outlet="Y", published="2031-05-05T18:00:00")
    (claim,) = [c for c in run(early, same_day) if len(c["support"]) == 2]
    assert claim["status"] == "conflict" and "kind" not in claim["conflicts"][0]
    lower_later = Article("a2", QUAY.replace("five", "three"), outlet="Y", published="2031-05-06T09:00:00")
    (claim,) = [c for c in run(early, lower_later) if len(c["support"]) == 2]
    assert claim["status"] == "conflict"


BREACH = "Hackers stole the personal data of 143 million customers of Vellbank, the lender said."


def _kinds(records: list[dict]) -> list[tuple[str, str | None]]:
    return [(r["field"], r.get("kind")) for r in records]


def test_a_figure_the_later_report_revises_is_an_update_even_the_same_day():
    morning, evening = "2031-09-08T09:00:00", "2031-09-08T18:00:00"
    raised = "Vellbank raised the number of customers whose data hackers stole to 146 million customers."
    assert _kinds(pair(BREACH, raised, published=(morning, evening))) == [("number", "update")]
    now = "Vellbank now says hackers stole the personal data of 146 million customers."
    assert _kinds(pair(BREACH, now, published=(morning, evening))) == [("number", "update")]
    # the revision published before the other figure revises nothing the other said
    assert _kinds(pair(BREACH, raised, published=(evening, morning))) == [("number", None)]
    plain = "Hackers stole the personal data of 146 million customers of Vellbank, the lender said."
    assert _kinds(pair(BREACH, plain, published=(morning, evening))) == [("number", None)]


def test_a_figure_revised_down_in_a_later_report_is_an_update():
    lowered = "Vellbank lowered the number of customers whose data hackers stole to 140 million customers."
    assert _kinds(pair(BREACH, lowered, published=("2031-09-08T09:00:00", "2031-09-20T09:00:00"))) == [
        ("number", "update")]
    plain = "Hackers stole the personal data of 140 million customers of Vellbank, the lender said."
    assert _kinds(pair(BREACH, plain, published=("2031-09-08T09:00:00", "2031-09-12T09:00:00"))) == [
        ("number", None)]


def test_undated_figures_of_reports_more_than_a_week_apart_tell_of_two_occurrences():
    # a report tells the news of its days: two days' market moves, the tolls of two raids
    monday = "A rocket strike on Tarnow killed nine villagers, medics said."
    later = "A rocket strike on Tarnow killed six villagers, medics said."  # fewer later: no update
    assert _kinds(pair(monday, later, published=("2031-03-03", "2031-03-08"))) == [("number", None)]
    assert pair(monday, later, published=("2031-03-03", "2031-03-24")) == []
    # and a figure given as revised refers back to the earlier one, however long before
    revised = "Medics now say the rocket strike on Tarnow killed six villagers."
    assert _kinds(pair(monday, revised, published=("2031-03-03", "2031-03-24"))) == [("number", "update")]


def test_revised_figures_are_told_by_verbs_of_revision_and_now():
    from storyline.annotate import nlp
    from storyline.compare.facts import number_facts

    def revised(text: str) -> list[tuple[str, bool]]:
        return [(f.text, f.revised) for f in number_facts(next(iter(nlp.parse([text])))[:])]

    assert revised("The death toll rose to 32 on Friday, officials said.") == [("32", True)]
    assert revised("At least seven people are now confirmed dead, the police said.") == [("seven", True)]
    assert revised("The raid killed 32 villagers, officials said.") == [("32", False)]
    assert revised("Now, if the ferry sinks, 40 sailors will swim ashore.") == [("40", False)]


def test_an_increment_is_a_difference_not_a_total():
    from storyline.annotate import nlp
    from storyline.compare.facts import number_facts

    def kinds(text: str) -> list[tuple[str, str]]:
        return [(f.text, f.key[0]) for f in number_facts(next(iter(nlp.parse([text])))[:])]

    assert kinds("Hackers reached 2.5 million more customers than Vellbank first disclosed.") == [
        ("2.5 million", "count increment")]
    assert kinds("Ardo has 40 fewer teachers than it had last year.") == [("40", "count increment")]
    assert kinds("The army sent an additional 300 troops to Ardo.") == [("300", "count increment")]
    # "another" gives the whole count: "injured another 40" counts every one injured
    assert kinds("The blast killed seven people and injured another 40, police said.") == [
        ("seven", "count"), ("40", "count")]
    assert kinds("More than 100 people were injured in the blast.") == [("100", "count")]


def test_an_increment_is_not_set_against_a_total():
    more = "Vellbank said hackers stole the data of an additional 2.5 million customers."
    assert fields(pair(BREACH, more)) == []
    other_total = "Hackers stole the personal data of 2.5 million customers of Vellbank, the lender said."
    assert fields(pair(BREACH, other_total)) == ["number"]
    assert fields(pair("The army sent an additional 300 troops to Ardo.",
                       "The army sent an additional 500 troops to Ardo.")) == ["number"]


def test_a_part_of_a_group_is_not_set_against_the_group():
    # "21 of the 276 girls": the figure before "of" counts girls freed; the group's own figure counts
    # what its own clause says was done to them, not the freeing
    part = "Militants freed 21 of the more than 200 girls they seized in April."
    assert fields(pair(part, "Militants freed 21 girls on Thursday.")) == []
    assert fields(pair(part, "Militants freed 24 girls on Thursday.")) == ["number"]
    assert fields(pair("Twenty-one of the 276 girls were freed on Thursday.",
                       "Militants freed 21 girls on Thursday.")) == []


def test_a_degree_of_harm_names_a_part_of_the_harmed():
    slightly = "Twenty others were slightly hurt in the blast."
    assert fields(pair(slightly, "The blast injured 25 people.")) == []
    assert fields(pair("Twelve people were slightly hurt in the blast.",
                       "Twenty people were slightly hurt in the blast.")) == ["number"]
    # "others" alone is no sign: "killed 45 and injured two others" counts every one injured
    assert fields(pair("The bus crash killed 45 people and injured two others.",
                       "The bus crash injured five people.")) == ["number"]


def test_the_verb_of_a_gapped_clause_says_what_its_figure_counts():
    from storyline.annotate import nlp
    from storyline.compare.facts import number_facts

    def keys(text: str) -> list[tuple]:
        return [f.key for f in number_facts(next(iter(nlp.parse([text])))[:])]

    # "and 250 others [were] wounded": the 250 were wounded, not killed
    assert keys("Some 40 Tamils were killed and about 120 others wounded during the army offensive.") == [
        ("count", "tamil", "kill"), ("count", "other", "injure")]
    assert fields(pair("Some 40 Tamils were killed and about 120 others wounded during the army offensive.",
                       "About 120 Tamils were wounded in the army offensive.")) == []
    assert keys("Police arrested 12 people injured in the clash.") == [("count", "people", "arrest")]


def test_at_a_state_names_a_target_not_a_place():
    assert fields(pair("The militia fired rockets at Israel on Monday.",
                       "The militia fired rockets in Lebanon on Monday.")) == []
    assert fields(pair("The militia fired rockets in Syria on Monday.",
                       "The militia fired rockets in Lebanon on Monday.")) == ["place"]


def test_an_article_giving_the_earlier_and_the_revised_figure_is_no_disagreement_of_one_day():
    from storyline.compare.conflicts import is_update
    from storyline.compare.facts import Fact

    def count(value: float) -> Fact:
        return Fact("number", ("count", "customer", "steal"), f"{value:g}", f"{value:g}", value, value)

    published = {"a1": "2031-09-08T09:00:00", "a2": "2031-09-20T09:00:00"}
    assert is_update([("a1", count(140)), ("a2", count(143)), ("a2", count(146))], published)
    assert not is_update([("a1", count(140)), ("a2", count(143)), ("a2", count(130))], published)


def test_lists_of_figures_are_not_compared_item_by_item():
    a = "The freighter can carry 900 tonnes to Port Vell, 400 tonnes to Ardo and 150 tonnes to the islands."
    b = "The freighter can carry 700 tonnes to Port Vell when the sea is calm."
    claims = run(Article("a1", a, outlet="X"), Article("a2", b, outlet="Y"))
    assert all(c["conflicts"] == [] for c in claims)


def test_lower_bounds_do_not_contradict_each_other():
    a = "The landslide near Orrin killed at least four hikers, rescuers said."
    b = "At least seven hikers were killed by the landslide near Orrin, rescuers said."
    claims = run(Article("a1", a, outlet="X"), Article("a2", b, outlet="Y"))
    assert all(c["conflicts"] == [] for c in claims)


# ----------------------------------------------------------------------------- conflict rules, pair by pair

def pair(a_text: str, b_text: str, *, published: tuple[str | None, str | None] = (None, None), **kwargs) -> list[dict]:
    """Conflict records of two one-statement articles compared as one claim (the rules apart
    from alignment, as the benchmark measures them)."""
    from storyline.compare.claims import Unit, pair_conflicts

    a = Article("a1", a_text, outlet="X", published=published[0])
    b = Article("a2", b_text, outlet="Y", published=published[1])
    units = [Unit(x.id, x.outlet.casefold(), x.outlet, Span.of(x.text, 0, len(x.text))) for x in (a, b)]
    return pair_conflicts(units, [a, b], **kwargs)


def fields(records: list[dict]) -> list[str]:
    return [r["field"] for r in records if r.get("kind") != "update"]


def test_a_range_agrees_with_the_same_range_written_otherwise():
    assert fields(pair("The ferry drifted for between eight and 10 minutes before it stopped.",
                       "The ferry drifted for eight to ten minutes before it stopped.")) == []
    assert fields(pair("The repairs will close the quay for the next two or three years.",
                       "The repairs will close the quay for the next two to three years.")) == []


def test_parts_agree_with_their_sum():
    assert fields(pair("In all, 51 passengers were taken to hospital after the crash.",
                       "After the crash, 20 passengers were taken to hospital in Orrin and 31 passengers were "
                       "taken to hospital in Vell.")) == []


def test_left_dead_counts_the_killed():
    assert fields(pair("Air raids on the valley on Monday left 32 villagers dead, the governor said.",
                       "Air raids on the valley on Monday killed 30 villagers, the governor said.")) == ["number"]


def test_scores_labels_ages_and_parts_are_not_counts():
    from storyline.annotate import nlp
    from storyline.compare.facts import number_facts

    def counts(text: str) -> list[str]:
        return [f.text for f in number_facts(next(iter(nlp.parse([text])))[:])]

    assert counts("The Rovers won game five 3-2 at home.") == []
    assert counts("The pilots boarded Flight 175, a fully laden 737 aircraft.") == []
    assert counts("The clinic treated 20 sailors, four of whom were badly hurt.") == ["20"]
    assert counts("Two first-class passengers gave the sailors their seats.") == ["Two"]
    assert fields(pair("The 29-year-old skipper posted three photos with Ida Marr.",
                       "The skipper posted three photos with 21-year-old Ida Marr.")) == []


def test_a_measure_is_compared_only_with_the_same_measure():
    assert fields(pair("The ferry sailed 300 miles to the Vell islands, which are 120 miles from the coast.",
                       "The Vell islands are 120 miles from the coast of Orrin.")) == []


def test_tolls_of_events_dated_differently_are_not_compared():
    earlier = "A gunman killed 13 people at a town hall in Vell in April 2009."
    assert fields(pair("A gunman killed 59 people at a concert in Orrin on Sunday night.", earlier,
                       published=("2031-10-02T09:00:00", "2031-10-03T09:00:00"),
                       timexes={"a2": [_timex("a2", earlier, "April 2009", "2009-04")]})) == []
    sunday = "A gunman killed 59 people at a concert in Orrin on Sunday."
    assert fields(pair(sunday, "A gunman killed 13 people at a concert in Orrin.",  # reported the next day, a new year
                       published=("2031-12-31T09:00:00", "2032-01-01T09:00:00"),
                       timexes={"a1": [_timex("a1", sunday, "Sunday", "2031-12-31")]})) == ["number"]


def _timex(article_id: str, text: str, words: str, value: str) -> Timex:
    start = text.index(words)
    return Timex(article_id, Span.of(text, start, start + len(words)), "DATE", value)


def _dated(a_text: str, a_words: str, a_value: str, b_text: str, b_words: str, b_value: str) -> list[str]:
    return fields(pair(a_text, b_text, timexes={"a1": [_timex("a1", a_text, a_words, a_value)],
                                                "a2": [_timex("a2", b_text, b_words, b_value)]}))


def test_only_precise_dates_of_one_event_conflict():
    opened = "The summit in Dorrin opened on Tuesday."
    assert _dated(opened, "Tuesday", "2031-02-10", "The summit in Dorrin opened last week.", "last week",
                  "2031-W06") == []
    assert _dated(opened, "Tuesday", "2031-02-10", "The summit in Dorrin opened on Tuesday.", "Tuesday",
                  "2031-02-17") == []  # the same words, read from different publication days
    assert _dated(opened, "Tuesday", "2031-02-10", "The summit in Dorrin opened on Friday.", "Friday",
                  "2031-01-24") == []  # weeks apart: an earlier summit, not a disagreement
    assert _dated("The Rovers have not won the cup since 2003.", "2003", "2003",
                  "The Rovers won the cup in 2004.", "2004", "2004") == []
    assert _dated(opened, "Tuesday", "2031-02-10", "The summit in Dorrin opened on Wednesday.", "Wednesday",
                  "2031-02-11") == ["date"]


def test_different_doers_conflict_only_over_one_action_on_one_thing():
    assert fields(pair("Both Mara Quist and Jonah Pell opened the new bridge over the Vell.",
                       "Jonah Pell opened the new bridge over the Vell.")) == []
    assert fields(pair("Mara Quist celebrated after the race in Vell.",
                       "Jonah Pell celebrated after the race in Vell.")) == []
    assert fields(pair("Beijing condemned the missile launch on Friday.",
                       "China condemned the missile launch on Friday.")) == []


def test_statements_counting_one_thing_stay_alike_when_their_figures_differ():
    from storyline.compare.claims import Unit, similarity

    texts = ["The mayor posted four photos of the flooded quay on Tuesday.",
             "The mayor posted three photos of the flooded quay on Tuesday.",
             "The mayor posted three videos of the flooded quay on Tuesday."]
    units = [Unit(f"a{i}", f"o{i}", None, Span.of(t, 0, len(t))) for i, t in enumerate(texts)]
    sim = similarity(units, None)
    assert sim[0, 1] > sim[0, 2] + 0.05


def test_statements_counting_one_action_are_aligned_and_conflict_when_figures_differ():
    a = ("Storm winds tore through the Vell valley overnight. "
         "Harbour master Ida Marr posted four photos of the broken quay wall at Orrin on her channel.")
    b = ("The mayor toured the flooded square with engineers. "
         "Three photos of a quay wall torn open were posted by the harbour master, Ida Marr.")
    claims = run_pair(a, b)
    photos = claim_with(claims, "photos")
    assert {s["article_id"] for s in photos["support"]} == {"a1", "a2"}
    assert [c["field"] for c in photos["conflicts"]] == ["number"]


def test_a_rate_is_not_an_amount():
    assert fields(pair("Lorn Holdings raised its bid for Vell Mining to about $121 billion on Monday.",
                       "Lorn Holdings raised its offer to $82 a share on Monday.")) == []
    assert fields(pair("Some traders spent $30,000 to $50,000 a year on the scheme.",
                       "Some traders spent up to $50,000 per year on the scheme.")) == []


def test_a_measure_in_a_compound_measures_its_noun():
    assert fields(pair("Pell added a 10-yard scoring run late in the third quarter.",
                       "Orrin added a 36-yard field goal on the next drive.")) == []
    assert fields(pair("The council met for a three-hour meeting on Monday.",
                       "The council met for a two-hour meeting on Monday.")) == ["number"]


def test_one_of_many_things_has_no_single_doer():
    a, b = "Mara Quist hit a home run in the sixth inning.", "Jonah Pell hit a home run in the sixth inning."
    assert fields(pair(a, b, mentions={"a1": [_person(a, "Mara Quist")], "a2": [_person(b, "Jonah Pell")]})) == []


def test_dates_of_things_done_to_different_objects_do_not_conflict():
    a_text, b_text = "On Wednesday, the mayor posted a clip of the flood.", "The mayor posted photos of the flood on Tuesday."
    timexes = {"a1": [_timex("a1", a_text, "Wednesday", "2031-02-12")], "a2": [_timex("a2", b_text, "Tuesday", "2031-02-11")]}
    assert fields(pair(a_text, b_text, timexes=timexes)) == []


def test_a_death_toll_counts_the_killed_and_values_carry_their_range():
    records = pair("The death toll from the blast in Orrin rose to at least six on Friday.",
                   "The blast in Orrin on Friday killed four people.")
    assert fields(records) == ["number"]
    assert {v["value"]: v["range"] for v in records[0]["values"]} == {"6": [6.0, None], "4": [3.98, 4.02]}


def test_bodies_brought_to_one_hospital_are_no_report_of_the_toll():
    assert fields(pair("A doctor at the Orrin hospital said four dead bodies had been brought in.",
                       "The bombing in Orrin killed at least six civilians, officials said.")) == []
    assert fields(pair("Officials said six bodies were found in the rubble in Orrin.",
                       "Six people died in the collapse in Orrin.")) == []


# ----------------------------------------------------------------------------- story-wide conflicts

def _conflicts_between(claims: list[dict], texts: dict[str, str]) -> list[tuple[str, str, dict]]:
    """(claim statement, field, values) of every conflict, checking each value's span is its article's text."""
    out = []
    for claim in claims:
        for c in claim["conflicts"]:
            for v in c["values"]:
                span = v["span"]
                assert texts[v["article_id"]][span["start"]:span["end"]] == span["text"] == v["text"]
            out.append((claim["statement"], c["field"], {v["article_id"]: v["value"] for v in c["values"]}))
    return out


def test_counts_of_one_action_conflict_though_their_statements_sit_in_different_claims():
    a = ("Mayor Ines Kolb said the drone strike on the Pellmouth ferry pier was the worst attack the port has seen. "
         "The strike killed six dock workers, according to the harbour office.")
    b = ("Mayor Ines Kolb said the drone strike on the Pellmouth ferry pier, which killed eight dock workers, "
         "was the worst attack the port has seen.")
    texts = {"a1": a, "a2": b}
    claims = run(Article("a1", a, outlet="Pellmouth Post"), Article("a2", b, outlet="Coast Bulletin"))
    six = claim_with(claims, "killed six")
    assert all(s["article_id"] == "a1" for s in six["support"])  # the claim slot went to the mayor's sentence
    assert six["status"] == "conflict"
    found = _conflicts_between(claims, texts)
    assert ("number", {"a1": "6", "a2": "8"}) in [(f, v) for _, f, v in found]
    # the claim holding the other outlet's sentence shows the conflict too, with a1's own figure
    mayor = claim_with(claims, "which killed eight")
    assert mayor["status"] == "conflict"


def test_a_threatened_count_is_not_set_against_what_happened():
    a = ("Rebels fired two rockets at the Orrin port on Monday, officials said. "
         "The harbour was closed to ferries for the day.")
    b = ("Officials said the rebels had threatened to fire four rockets at the Orrin port. "
         "Ferry crews were told to stay ashore.")
    assert [c for claim in run_pair(a, b) for c in claim["conflicts"]] == []


def test_an_article_counting_one_thing_with_several_figures_is_not_set_against_others():
    from storyline.compare.claims import Unit, one_figure_each, similarity, story_conflicts, unit_facts

    a = "The Harriers scored two runs at Vell Park. The Harriers scored three runs after the rain delay."
    b = "The Harriers scored four runs at Vell Park."
    arts = [Article("a1", a, outlet="X"), Article("a2", b, outlet="Y")]
    units = [Unit(art.id, art.outlet.lower(), art.outlet, s) for art in arts for s in _split(art.text)]
    facts = unit_facts(units, list(range(len(units))), {}, {}, None)
    sim = similarity(units, None)
    outlets = {"a1": "x", "a2": "y"}
    assert story_conflicts(units, facts, sim, outlets, {}) == []
    kept = one_figure_each(facts, units)
    runs = lambda i: [f.value for f in kept[i] if f.field == "number" and f.key[1] == "run"]  # noqa: E731
    assert (runs(0), runs(1), runs(2)) == ([], [], ["4"])
    # the same two outlets, each giving the runs one figure, do conflict
    one = [units[0], units[2]]
    facts_one = {0: facts[0], 1: facts[2]}
    assert len(story_conflicts(one, facts_one, similarity(one, None), outlets, {})) == 1


def test_a_figure_in_a_compound_names_a_kind_not_a_count():
    from storyline.annotate import nlp
    from storyline.compare.facts import number_facts

    doc = next(iter(nlp.parse(["Pell hit a two-run homer in the eighth inning."])))
    assert [f.key for f in number_facts(doc[:]) if f.value == "2"] == [("count", "run homer", "hit")]


def test_jaccard_of_every_two_sets():
    from storyline.compare.claims import _jaccard

    sets = [{"6", "2024"}, set(), {"6"}, {"8", "2024", "6"}, {"x"}, {"6", "2024"}]
    got = _jaccard(sets)
    for i, a in enumerate(sets):
        for j, b in enumerate(sets):
            want = len(a & b) / len(a | b) if i != j and a and b else 0.0
            assert got[i, j] == want  # the same float as the division of the two counts
    assert _jaccard([set(), {"a"}]).tolist() == [[0.0, 0.0], [0.0, 0.0]]


def test_normalise_spells_out_whole_number_words_only():
    from storyline.compare.claims import _normalise

    assert _normalise("Six killed, TWELVE hurt; someone's tenth attempt, one-on-one, zeroed 2 ninefold") == \
        "6 killed, 12 hurt; someone's tenth attempt, 1-on-1, zeroed 2 ninefold"


def test_a_statement_left_alone_joins_the_claim_of_its_best_match_elsewhere():
    import numpy as np

    from storyline.compare.claims import cluster, restatements

    # a1 states the fact twice (statements 0 and 1), a2 once (2); 3 is unrelated
    sim = np.array([[1.0, 0.7, 0.6, 0.0],
                    [0.7, 1.0, 0.45, 0.0],
                    [0.6, 0.45, 1.0, 0.1],
                    [0.0, 0.0, 0.1, 1.0]])
    article = np.array(["a1", "a1", "a2", "a3"])
    assert restatements(article, sim, [True, False, True, False], threshold=0.3) == [(1, 2)]
    units = [Unit(a, a, None, Span(0, 1, "x")) for a in article]
    groups = sorted(sorted(g) for g in cluster(units, sim, threshold=0.2))
    assert groups == [[0, 1, 2], [3]]  # 3's best match (0.1) is too unlike to join


def test_a_fact_restated_in_one_article_supports_the_claim_with_both_sentences():
    a = ("Rangers closed the Skell ridge trail after a rockfall on Thursday. "
         "The council voted to repaint the pier. "
         "The Skell ridge trail was closed by rangers after a rockfall on Thursday, a notice said.")
    b = ("A rockfall on Thursday led rangers to close the Skell ridge trail. "
         "Fishing boats stayed in port all week.")
    trail = claim_with(run_pair(a, b), "rockfall")
    assert sorted(s["article_id"] for s in trail["support"]) == ["a1", "a1", "a2"]


def test_statements_naming_days_weeks_apart_tell_of_different_events():
    from storyline.compare.claims import far_apart_in_time, same_time_similarity, similarity

    texts = ["The navy tested a missile over the Orra strait on Tuesday.",
             "The navy tested a missile over the Orra strait on Friday.",
             "The navy tested a missile over the Orra strait on Saturday.",
             "The navy tested a missile over the Orra strait."]
    days = ["2027-03-02", "2027-03-19", "2027-03-06", None]
    units = [Unit(f"a{i}", f"o{i}", None, Span.of(t, 0, len(t))) for i, t in enumerate(texts)]
    timexes = {f"a{i}": [Timex(f"a{i}", Span.of(t, t.index(" on ") + 4, len(t) - 1), "DATE", d)]
               for i, (t, d) in enumerate(zip(texts, days)) if d}
    far = far_apart_in_time(units, timexes)
    assert far[0, 1] and far[1, 0]  # 17 days apart: another launch
    assert not far[0, 2] and far[1, 2]  # within a week: reports of one event may disagree on the day
    assert not far[0, 3]  # an undated statement can be of either
    sim = similarity(units, None)
    alike = same_time_similarity(units, sim, timexes)
    assert alike[0, 1] == 0.0 < sim[0, 1] and alike[0, 2] == sim[0, 2] > 0.5


def test_what_is_left_to_a_goal_is_no_count_of_what_happened():
    from storyline.annotate import nlp
    from storyline.compare.facts import number_facts

    def counts(text: str) -> list[str]:
        return [f.text for f in number_facts(next(iter(nlp.parse([text])))[:])]

    assert counts("The Rovers were within four outs of the cup on Sunday night.") == []
    assert counts("The Greens finished five seats short of a majority in Dorrin.") == []
    assert counts("The Rovers were just two wins away from the cup.") == []
    assert counts("Tam Ross got two outs for the Rovers.") == ["two"]
    assert fields(pair("The Rovers were within four outs of the cup when Tam Ross came in.",
                       "Tam Ross got two outs for the Rovers.")) == []


def test_figures_read_at_two_times_of_day_are_two_readings_not_a_conflict():
    a = "Orrin Bank shares fell 4.3 percent at mid-afternoon."
    b = "Orrin Bank shares fell 1.5 percent at 9:34 a.m."
    c = "Orrin Bank shares fell 1.5 percent."
    timexes = {"a1": [Timex("a1", Span.of(a, a.index("mid"), len(a) - 1), "TIME", "2027-03-02TAF")],
               "a2": [Timex("a2", Span.of(b, b.index("9:34"), len(b) - 1), "TIME", "2027-03-02T09:34")]}
    assert fields(pair(a, b, timexes=timexes)) == []
    # a share read at a named time is no report of the day's move (labelled an update on the fit half)
    assert fields(pair(a, c, timexes={"a1": timexes["a1"]})) == []
    d = "A gunman killed 50 people at 10 p.m. in Orrin."  # a count's time says when the event happened
    assert fields(pair(d, "A gunman killed 59 people in Orrin.",
                       timexes={"a1": [Timex("a1", Span.of(d, d.index("10"), d.index(" in")), "TIME", "2027-03-02T22:00")]})) == ["number"]


def test_a_count_in_one_part_of_a_game_is_not_the_count_of_another_part_or_the_whole():
    from storyline.annotate import nlp
    from storyline.compare.facts import number_facts

    def parts(text: str) -> list[str | None]:
        return [f.part for f in number_facts(next(iter(nlp.parse([text])))[:]) if f.key[0] == "count"]

    assert parts("The Rovers scored three runs in the first inning.") == ["first inning"]
    assert parts("Tam Ross added two goals during the second half.") == ["second half"]
    assert parts("The Rovers scored two runs on Sunday.") == [None]
    assert fields(pair("The Rovers scored two runs on three hits.",
                       "The Rovers scored three runs in the first inning.")) == []
    assert fields(pair("The Rovers scored two runs in the first inning.",
                       "The Rovers scored three runs in the first inning.")) == ["number"]


def test_an_ordinal_naming_which_one_is_meant_is_no_figure_to_compare():
    from storyline.annotate import nlp
    from storyline.compare.facts import number_facts

    def kinds(text: str) -> list[tuple]:
        return [f.key for f in number_facts(next(iter(nlp.parse([text])))[:])]

    assert kinds("The first stage of the Orrin rocket fell into the sea.") == []
    assert fields(pair("The first stage of the Orrin rocket landed on the barge.",
                       "The second stage of the Orrin rocket landed on the barge.")) == []


def test_one_figure_written_in_other_words_is_compared_as_one():
    assert fields(pair("Orrin Bank shares fell 6.6% on Monday.", "Orrin Bank shares fell 6.6 per cent on Monday.")) == []
    assert fields(pair("Orrin Bank shares fell 6.6% on Monday.", "Orrin Bank shares fell 4.3 percent on Monday.")) == ["number"]
    assert fields(pair("About 45 percent of voters backed Tam Ross.", "Some 41% of voters backed Tam Ross.")) == []
    assert fields(pair("Two-thirds of voters in Orrin backed the plan.", "67% of voters in Orrin backed the plan.")) == []
    assert fields(pair("Two-thirds of voters in Orrin backed the plan.", "51% of voters in Orrin backed the plan.")) == ["number"]
    assert fields(pair("Exactly 45 percent of voters backed Tam Ross.", "Exactly 31% of voters backed Tam Ross.")) == ["number"]
    paid = "Vell Mining paid $1.2 billion for the Orrin mine."
    assert fields(pair(paid, "Vell Mining paid 1.2bn dollars for the Orrin mine.")) == []
    assert fields(pair(paid, "Vell Mining paid 1,200 million dollars for the Orrin mine.")) == []
    assert fields(pair(paid, "Vell Mining paid $1.5 billion for the Orrin mine.")) == ["number"]
    assert fields(pair("Vell Mining paid €1bn for the Orrin mine.", paid)) == []  # other currencies: not compared
    assert fields(pair("Vell Mining paid €1.2 billion for the Orrin mine.",
                       "Vell Mining paid 1.5 billion euros for the Orrin mine.")) == ["number"]
    assert fields(pair("Orrin Rovers paid £30m for the striker.", "Orrin Rovers paid 30 million pounds for the striker.")) == []
    assert fields(pair("Half a million people marched in Orrin on Sunday.", "500,000 people marched in Orrin on Sunday.")) == []
    assert fields(pair("A dozen people were hurt in the blast in Orrin.", "Twelve people were hurt in the blast in Orrin.")) == []
    assert fields(pair("A dozen people were hurt in the blast in Orrin.", "Twenty people were hurt in the blast in Orrin.")) == ["number"]


def test_shares_of_different_things_are_not_compared_by_their_verb_alone():
    assert fields(pair("Unemployment in Orrin rose 4.3 percent in March.", "Prices in Orrin rose 6.6% in March.")) == []
    assert fields(pair("It rose 4.3 percent in March.", "It rose 6.6% in March.")) == []  # a pronoun names nothing


def test_ranges_and_bounds_agree_with_the_figures_they_allow():
    assert fields(pair("Between 40 and 50 people were hurt in the blast.", "45 people were hurt in the blast.")) == []
    assert fields(pair("Between 40 and 50 people were hurt in the blast.", "60 people were hurt in the blast.")) == ["number"]
    assert fields(pair("Nearly 60 people were hurt in the blast.", "58 people were hurt in the blast.")) == []
    assert fields(pair("More than 50 people were hurt in the blast.", "59 people were hurt in the blast.")) == []
    assert fields(pair("At least 50 people were hurt in the blast.", "40 people were hurt in the blast.")) == ["number"]
    assert fields(pair("Nearly half a million people marched in Orrin.", "450,000 people marched in Orrin.")) == []


def test_number_words_of_scale_dozen_and_half():
    assert parse_number("half a million") == 500_000
    assert parse_number("a dozen") == 12
    assert parse_number("two dozen") == 24
    assert parse_number("1.2bn") == 1_200_000_000
    assert parse_number("dozens") is None


def _story_timexes(article_id: str, text: str, published: str) -> list[Timex]:
    """Dates as the pipeline reads them, against the article's publication day."""
    from storyline.annotate.time import find_timexes

    return find_timexes(text, published, article_id=article_id)


def _told(a_text: str, b_text: str, a_published: str, b_published: str) -> list[str]:
    return fields(pair(a_text, b_text, published=(a_published, b_published),
                       timexes={"a1": _story_timexes("a1", a_text, a_published),
                                "a2": _story_timexes("a2", b_text, b_published)}))


def test_two_days_for_one_event_conflict_but_a_day_named_from_another_day_does_not():
    wednesday, thursday = "2031-03-12T09:00:00", "2031-03-13T09:00:00"
    assert _told("A bomb exploded at the Orrin market on Tuesday, killing six people.",
                 "A bomb exploded at the Orrin market on Wednesday, killing six people.", wednesday, wednesday) == ["date"]
    assert _told("A bomb exploded at the Orrin market yesterday, killing six people.",
                 "A bomb exploded at the Orrin market on Tuesday, killing six people.", wednesday, thursday) == []
    tuesday = "2031-03-11T09:00:00"  # a later day's paper tells of a later day: another occurrence, no conflict
    assert _told("The death toll rose to 50 on Tuesday, officials said.",
                 "The death toll rose to 60 on Wednesday, officials said.", tuesday, wednesday) == []
    assert _told("Protesters marched through Orrin on Tuesday.", "Protesters marched through Orrin on Wednesday.",
                 tuesday, wednesday) == []
    assert _told("A bomb exploded at the Orrin market on Tuesday.",
                 "A bomb exploded at the Orrin market on Tuesday. Police arrested a suspect on Wednesday.",
                 tuesday, wednesday) == []
    assert _told("A bomb exploded at the Orrin market on Tuesday.",  # the later paper dates it earlier: a conflict
                 "A bomb exploded at the Orrin market on Monday.", tuesday, wednesday) == ["date"]
    assert _told("Police said on Wednesday that a bomb exploded at the Orrin market.",  # days of saying: no event's
                 "Police said on Thursday that a bomb exploded at the Orrin market.", wednesday, wednesday) == []


def test_stances_and_meetings_many_share_are_no_actor_conflict():
    a, b = "Dorrin condemned the missile launch on Friday.", "Vell condemned the missile launch on Friday."
    assert fields(pair(a, b, mentions={"a1": [_person(a, "Dorrin", "GPE")], "a2": [_person(b, "Vell", "GPE")]})) == []
    a, b = "Mara Quist met the Pope at the Vatican.", "Jonah Pell met the Pope at the Vatican."
    assert fields(pair(a, b, mentions={"a1": [_person(a, "Mara Quist")], "a2": [_person(b, "Jonah Pell")]})) == []
    assert fields(pair("Police said the gunman was shot dead at the Orrin station.",  # attribution, not the act
                       "The army said the gunman was shot dead at the Orrin station.")) == []


def test_a_claim_of_responsibility_and_an_act_of_force_have_one_doer():
    a, b = "The Vell Front claimed responsibility for the bombing.", "The Orrin Brigade claimed responsibility for the bombing."
    assert fields(pair(a, b, mentions={"a1": [_person(a, "Vell Front", "ORG")],
                                       "a2": [_person(b, "Orrin Brigade", "ORG")]})) == ["actor"]
    assert fields(pair("Police shot the gunman at the Orrin station.", "Soldiers shot the gunman at the Orrin station.")) == ["actor"]
    assert fields(pair("Police shot the gunman at the Orrin station.", "Officers shot the gunman at the Orrin station.")) == []
    assert fields(pair("Police and soldiers shot the gunman at the Orrin station.",
                       "Soldiers shot the gunman at the Orrin station.")) == []


def test_places_conflict_only_for_one_happening_not_for_saying_or_many_doers():
    assert fields(pair("The plane crashed in Kenya on Monday, killing 40.", "The plane crashed in Uganda on Monday, killing 40.")) == ["place"]
    assert fields(pair("The plane crashed in Nairobi on Monday, killing 40.", "The plane crashed in Kenya on Monday, killing 40.")) == []
    assert fields(pair("Protesters marched in London on Saturday against the war.",
                       "Protesters marched in Paris on Saturday against the war.")) == []
    assert fields(pair("The minister said in Washington that talks would resume.",
                       "The minister said in London that talks would resume.")) == []


def test_two_claims_merge_only_when_their_other_statements_read_alike():
    from storyline.compare.claims import Unit, cluster

    texts = ["The ferry left Orrin at dawn.", "The ferry left Orrin at dawn with forty cars.",
             "Forty cars were stuck at the quay.", "The ferry left Orrin at dawn, officials said."]
    units = [Unit(f"a{i}", f"o{i}", None, Span.of(t, 0, len(t))) for i, t in enumerate(texts)]
    sim = np.array([[1.0, 0.8, 0.02, 0.7],
                    [0.8, 1.0, 0.25, 0.75],
                    [0.02, 0.25, 1.0, 0.03],
                    [0.7, 0.75, 0.03, 1.0]])
    groups = sorted(sorted(g) for g in cluster(units, sim, threshold=0.2, cohesion=0.1))
    # a0-a1 join first; a1-a2 would chain the stuck cars in through one shared phrase, while a0 and a3
    # (the claim's other statements) read nothing like a2: refused. a3 reads like both a0 and a1: joins.
    assert groups == [[0, 1, 3], [2]]
    chained = sorted(sorted(g) for g in cluster(units, sim, threshold=0.2, cohesion=0.0))
    assert chained == [[0, 1, 2, 3]]


def test_a_capital_standing_for_its_state_names_the_same_actor_as_the_state():
    from storyline.compare.claims import entity_key

    def gpe(name: str, country: str | None) -> Mention:
        return Mention(span=Span(0, len(name), name), type="GPE", key=name, name=name, country=country)

    assert entity_key(gpe("Washington", "USA")) == entity_key(gpe("United States", "USA"))
    assert entity_key(gpe("Tehran", "IRN")) == entity_key(gpe("Iran", "IRN"))
    assert entity_key(gpe("Croydon", "GBR")) != entity_key(gpe("London", "GBR"))  # a town is no state
    assert entity_key(gpe("Croydon", "GBR")) == "croydon"


def _frames(*texts: str) -> list:
    """Frames of self-written statements, each parsed alone."""
    from storyline.annotate import nlp
    from storyline.compare.frames import frame_of

    return [frame_of(doc[:]) for doc in nlp.parse(list(texts))]


def test_one_predicate_said_with_a_verb_or_its_noun_is_a_sign_of_one_fact():
    from storyline.compare.frames import same_fact_sign

    removed, removal = _frames("The council removed the old statue from the square on Monday.",
                               "Residents protested against the removal of the old statue.")
    assert same_fact_sign(removed, removal)
    assert _frames("The council removed the old statue.")[0].predicates == {"remov"}
    died, killed = _frames("Six dock workers died at the ferry pier.", "The blast killed six dock workers at the pier.")
    assert same_fact_sign(died, killed)  # words of one counted event


def test_one_topic_without_a_predicate_in_common_is_no_sign_of_one_fact():
    from storyline.compare.frames import same_fact_sign

    carry, film = _frames("The ferry will carry the mayor's vintage car to Orrin.",
                          "The harbour office released a film showing the mayor's vintage car on deck.")
    assert not same_fact_sign(carry, film)
    # saying is attribution, not the fact: two things one speaker said are two facts
    resume, close = _frames("Mayor Ines Kolb said the ferry service would resume on Friday.",
                            "Mayor Ines Kolb told reporters that the harbour office had hired two divers.")
    assert not same_fact_sign(resume, close)


def test_the_event_of_a_support_verb_or_a_verb_of_occurrence_is_its_noun():
    from storyline.compare.frames import same_fact_sign

    held, resumed = _frames("The two governments held talks on Friday in Pellmouth.",
                            "Talks between the two governments resumed on Friday.")
    assert same_fact_sign(held, resumed)  # "held talks": the event is the talks, as "talks resumed"


def test_a_participle_used_as_an_adjective_is_a_predicate():
    from storyline.compare.frames import same_fact_sign

    preferred, preference = _frames("I made it clear to the mayor that this would be the preferred route.",
                                    "I let the mayor know that this will be a preference.")
    assert same_fact_sign(preferred, preference)


def test_a_statement_without_a_verb_of_its_own_predicates_with_its_nouns():
    from storyline.compare.frames import same_fact_sign

    headline, report = _frames("Storm damage at Pellmouth harbour", "The storm damaged the harbour wall overnight.")
    assert same_fact_sign(headline, report)


def test_a_weak_link_between_statements_of_different_facts_is_not_proposed():
    from storyline.compare.claims import cluster, same_fact_similarity

    texts = ["The ferry will carry the mayor's vintage car to Orrin.",
             "The harbour office released a film showing the mayor's vintage car on deck.",
             "The ferry is due to carry the vintage car of the mayor to Orrin."]
    units = [Unit(f"a{i}", f"o{i}", None, Span.of(t, 0, len(t))) for i, t in enumerate(texts)]
    sim = np.array([[1.0, 0.25, 0.5],
                    [0.25, 1.0, 0.22],
                    [0.5, 0.22, 1.0]])
    gated = same_fact_similarity(units, sim, {}, None, threshold=0.2, below=0.3)
    assert gated[0, 1] == gated[1, 0] == 0.0 and gated[1, 2] == 0.0  # one topic (the car), two facts
    assert gated[0, 2] == 0.5  # alike enough: left as it was
    assert sorted(sorted(g) for g in cluster(units, gated, threshold=0.2)) == [[0, 2], [1]]
    assert sorted(sorted(g) for g in cluster(units, sim, threshold=0.2)) == [[0, 1, 2]]  # ungated: chained


def test_a_figure_in_common_does_not_lift_a_weak_link_over_the_sign_test():
    from storyline.compare.claims import figure_bonus, same_fact_similarity

    texts = ["The old ferry was kept out of service for 15 years by the council.",
             "The ferry was handed back to the harbour trust 15 years after its last crossing.",
             "The council kept the old ferry out of service for 15 years."]
    units = [Unit(f"a{i}", f"o{i}", None, Span.of(t, 0, len(t))) for i, t in enumerate(texts)]
    figures = figure_bonus(units)
    assert figures[0, 1] == pytest.approx(0.1)  # one figure each, the same: the whole bonus
    sim = np.array([[1.0, 0.32, 0.5],
                    [0.32, 1.0, 0.25],
                    [0.5, 0.25, 1.0]])
    gated = same_fact_similarity(units, sim, {}, None, threshold=0.2, below=0.3, figures=figures)
    assert gated[0, 1] == 0.0  # 0.22 without the shared "15": two facts (kept out / handed back)
    assert gated[0, 2] == 0.5
    assert same_fact_similarity(units, sim, {}, None, threshold=0.2, below=0.3)[0, 1] == 0.32  # no figures given


def test_a_count_of_what_may_happen_is_no_count_of_a_deed():
    from storyline.compare.claims import counts_a_deed, unit_facts

    texts = ["Rebels fired four rockets at the Orrin port on Monday.",
             "Rebels would fire four rockets at the Orrin port, the leaflet said."]
    units = [Unit(f"a{i}", f"o{i}", None, Span.of(t, 0, len(t))) for i, t in enumerate(texts)]
    facts = unit_facts(units, [0, 1], {}, {}, None)
    counted = [[f for f in facts[i] if f.field == "number"] for i in (0, 1)]
    assert counted[0] and counted[1]
    assert all(counts_a_deed(f) for f in counted[0])  # fired: done
    assert not any(counts_a_deed(f) for f in counted[1])  # would fire: may happen
