"""The date an event is shown with: the publication day only for what the text tells as the day's
news; background told apart from the report's day gets a date only from a time of its own clause."""
from __future__ import annotations

from storyline.annotate.events import extract_events
from storyline.model import Span, Timex

PUBLISHED = "2026-02-12"


def events_of(nlp, text, timexes=None):
    return extract_events(nlp(text), text, "a_dating", timexes=timexes or [], published=PUBLISHED)


def timex(text, words, value):
    start = text.index(words)
    return Timex("a_test", Span.of(text, start, start + len(words)), "DATE", value)


def events_dated(nlp, text, words, value):
    """The events of ``text`` with one time expression, ``words`` resolved to ``value``."""
    return events_of(nlp, text, [timex(text, words, value)])


def date_of_trigger(events, word):
    found = [e for e in events if e.trigger.text.split()[0] == word]
    assert found, [e.trigger.text for e in events]
    return found[0].date.value if found[0].date else None


def test_habitual_and_ongoing_events_get_no_day(nlp):
    """A frequency adverb or phrase, a count of occasions, a perfect progressive or a habitual saying tells
    no single day (TimeML: a SET or a stretch), so the publication day does not date it; a single act in
    the present perfect, and what a single saying reports, keep it."""
    for text, word in (("The Chilean president has repeatedly criticized the Peruvian government.", "criticized"),
                       ("The Chilean army regularly attacks rebel camps in the north.", "attacks"),
                       ("The Chilean minister has criticized the Peruvian government on numerous occasions.",
                        "criticized"),
                       ("The Chilean government has been pressing Peru to return the prisoners.", "pressing"),
                       ("Lima has long denied arming the Chilean rebels.", "denied"),
                       # "every year": a quantified unit of time, a frequency like "annually"
                       ("Chile attacks the rebel camps every year.", "attacks"),
                       ("Chile typically attacks the rebel camps in the spring.", "attacks"),
                       # a saying repeated over many occasions says its content on each of them
                       ("Peru routinely says it will never give up its claim to the islands.", "give")):
        assert date_of_trigger(events_of(nlp, text), word) is None, text
    text = "The Chilean army has attacked a rebel camp in the north."
    assert date_of_trigger(events_of(nlp, text), "attacked") == PUBLISHED
    # a single saying adds no frequency to what it reports
    text = "Peru says it will never give up its claim to the islands."
    assert date_of_trigger(events_of(nlp, text), "give") == PUBLISHED
    # a title-case headline: the tagger reads the capitalised verb as a name ("Briefed" PROPN), which
    # describes nothing, so the attack keeps the report's day
    text = "Mayor Lee Briefed On Bus Attack In Lyon, France"
    assert date_of_trigger(events_of(nlp, text), "Attack") == PUBLISHED


def test_an_event_since_which_a_state_lasts_gets_no_publication_day(nlp):
    """"since arresting her": the start of a stretch lasting up to the report, tied to it (TimeML),
    not the report's day; a time of the sentence still bounds it."""
    text = "Peru has held the Chilean student since arresting her near the border."
    assert date_of_trigger(events_of(nlp, text), "arresting") is None
    text = "Peru has held the Chilean student since arresting her in 2024."
    assert date_of_trigger(events_dated(nlp, text, "2024", "2024"), "arresting") == "2024"


def test_an_after_clause_keeps_the_report_day(nlp):
    """In a report of reactions the "after" clause is the day's news itself ("declared ... after
    Peru launched a missile"), so it keeps the publication day like the main clause."""
    text = "The Chilean president declared an emergency after Peru launched a missile toward the coast."
    assert date_of_trigger(events_of(nlp, text), "launched") == PUBLISHED
    text = "Warnings sound in Chile after Peru launches missile from its capital"
    assert date_of_trigger(events_of(nlp, text), "launches") == PUBLISHED


def test_an_event_noun_describing_another_noun_gets_no_publication_day(nlp):
    """"in retaliation for airstrikes": a noun hung on another noun has no verb telling it happening;
    a noun a verb tells happening ("killed in airstrikes") keeps the verb's day."""
    text = "Chilean rebels attacked the consulate in retaliation for Peruvian airstrikes near the border."
    assert date_of_trigger(events_of(nlp, text), "airstrikes") is None
    assert date_of_trigger(events_of(nlp, text), "attacked") == PUBLISHED


def test_a_non_finite_verb_takes_the_past_perfect_of_its_clause(nlp):
    """A non-finite clause has no tense of its own: "had appeared weak by opting not to strike back" is
    told before a reference time, as its past perfect verb is."""
    text = ("Chilean officials have debated whether the Chilean army had appeared weak by opting not to "
            "strike back at Peruvian rebels.")
    assert date_of_trigger(events_of(nlp, text), "strike") is None


def test_a_time_of_another_clause_does_not_date_the_event(nlp):
    """A time expression dates the clause of its own verb: one of an adverbial clause with its own
    subject ("after rebels attacked on Monday") does not date the main event; a clause of the same time
    ("while walking home on Tuesday") does, by a time of its own verb."""
    text = "The Chilean army shelled the village after Peruvian rebels attacked a base on Monday."
    events = events_dated(nlp, text, "Monday", "2026-02-09")
    assert date_of_trigger(events, "shelled") == PUBLISHED
    assert date_of_trigger(events, "attacked") == "2026-02-09"
    text = "The Chilean journalist was shot by Peruvian soldiers while walking home on Tuesday."
    assert date_of_trigger(events_dated(nlp, text, "Tuesday", "2026-02-10"), "shot") == "2026-02-10"


def test_a_habitual_event_is_not_dated_by_a_coordinated_clause(nlp):
    """Only a time of its own clause dates an event told off the report's day: "has been conducting
    drills, and Japan was hit by Tuesday's launch" gives the drills no Tuesday."""
    text = "The Chilean navy has been conducting joint exercises with Peru, and Chile was shaken by Tuesday's attack."
    events = events_dated(nlp, text, "Tuesday", "2026-02-10")
    assert date_of_trigger(events, "conducting") is None


def test_a_historic_present_narrative_keeps_its_time_in_focus(nlp):
    """A timeline told in the historic present: the entry's lead places its present-tense verb in a
    past year, so the present tense of the sentences that go on (in the paragraph or the next one)
    is that time, not the report's day; a participle coordinated with a present ("are shot and wounded") is
    told in its tense."""
    text = ("Lima cinema: 12 dead\n"
            "A Peruvian gunman storms a cinema in Lima in July 2012, opening fire on the audience. "
            "The gunman attacks the police at the exit.\n"
            "The gunman is arrested by Peruvian police at the scene. "
            "Two Peruvian police officers are shot and wounded at the exit.")
    events = events_dated(nlp, text, "July 2012", "2012-07")
    assert date_of_trigger(events, "attacks") == "2012-07"
    assert date_of_trigger(events, "arrested") == "2012-07"
    assert date_of_trigger(events, "wounded") == "2012-07"


def test_a_return_to_the_past_tense_or_a_lead_in_the_past_is_no_historic_present(nlp):
    """A lead told in the past ("attacked ... in 2012") sets no historic present: a present tense after it
    is the report's own present; a recent date (not well before the report) is no narrative of the past."""
    text = "Peru attacked a Chilean camp in July 2012. Chile accuses Peru of new raids on its border."
    events = events_dated(nlp, text, "July 2012", "2012-07")
    assert date_of_trigger(events, "accuses") == PUBLISHED
    text = "Peru attacks a Chilean camp on Monday. Chile accuses Peru of new raids on its border."
    events = events_dated(nlp, text, "Monday", "2026-02-09")
    assert date_of_trigger(events, "accuses") == PUBLISHED


def test_a_noun_conjoined_to_one_after_since_is_placed_before_too(nlp):
    """"the first since the test and new sanctions": conjoined nouns share the role of the first, so
    the sanctions, like the test, lie before the report's day and get none of it."""
    text = "The launch is the first since Peru's nuclear test and new Chilean sanctions on Peru."
    assert date_of_trigger(events_of(nlp, text), "sanctions") is None


def test_a_time_of_a_clause_of_its_own_sets_no_historic_present(nlp):
    """"remains at war because talks failed in 1953": the year dates the "because" clause, the lead's
    present is the report's own, so a present tense after it keeps the report's day; so does a year
    naming a thing ("the 1953 war"), and a sentence told in the past between the lead and the event."""
    for lead in ("Peru remains in a state of war with Chile because the talks failed in 1953.",
                 "Peru remains in a state of war with Chile since the 1953 war.",
                 "A Peruvian gunman storms a cinema in Lima in 1953. The police arrived late."):
        text = lead + " Chilean troops are stationed on the Peruvian border."
        events = events_dated(nlp, text, "1953", "1953")
        assert date_of_trigger(events, "stationed") == PUBLISHED, lead


def test_a_time_set_off_by_dashes_dates_the_aside_only(nlp):
    """A clause between a pair of dashes is a parenthetical aside: its time ("last month") dates its own
    event, not the sentence's verb outside the dashes, whatever the parse hangs it on."""
    text = ("President Lopez has condemned Chile's escalating threats -- it also conducted a nuclear test "
            "last month -- as a national crisis.")
    events = events_dated(nlp, text, "last month", "2026-01")
    assert date_of_trigger(events, "condemned") == PUBLISHED
    text = "President Lopez condemned Chile's escalating threats last month -- a national crisis, he said."
    events = events_dated(nlp, text, "last month", "2026-01")
    assert date_of_trigger(events, "condemned") == "2026-01"


def test_a_present_perfect_below_another_clause_gets_no_publication_day(nlp):
    """A present perfect in a relative clause or a clause of reason tells what lies behind another
    clause's state, with no definite time (no "*has seized yesterday"): not the report's day. The main
    clause's present perfect keeps it, and so does one in a clause of time, dated by the clause above."""
    text = "Chilean workers frequent the brothels whose computers Peruvian authorities have seized."
    assert date_of_trigger(events_of(nlp, text), "seized") is None
    text = "Lima's rhetoric has grown harsher as Chile has threatened to attack Peru."
    assert date_of_trigger(events_of(nlp, text), "threatened") is None
    text = "The Peruvian police have seized the weapons of the Chilean camps."
    assert date_of_trigger(events_of(nlp, text), "seized") == PUBLISHED
    text = "Chilean officers left the camp after the Peruvian police have seized its weapons."
    assert date_of_trigger(events_of(nlp, text), "seized") == PUBLISHED


def test_a_next_morning_report_dates_its_main_happening_by_the_lead(nlp):
    """The lead tells the main happening with its day, the day before publication; the same happening told
    later in the simple past takes that day (the lead sets the reference time), not the report's day. Another
    happening (a condemnation), a perfect, and a report whose lead names no earlier day keep theirs."""
    text = ("A Chilean gunman killed five Peruvian soldiers near the border on Wednesday, the army said.\n"
            "Officials in Lima gave no motive.\n"
            "The gunman shot two more Peruvian soldiers at a checkpoint. "
            "The Peruvian president condemned the Chilean government. "
            "Chile has attacked Peruvian troops before.")
    events = events_dated(nlp, text, "Wednesday", "2026-02-11")
    assert date_of_trigger(events, "killed") == "2026-02-11"
    assert date_of_trigger(events, "shot") == "2026-02-11"
    assert date_of_trigger(events, "condemned") == PUBLISHED
    assert date_of_trigger(events, "attacked") == PUBLISHED
    text = ("A Chilean gunman killed five Peruvian soldiers near the border, the army said.\n"
            "Officials in Lima gave no motive.\n"
            "The gunman shot two more Peruvian soldiers at a checkpoint on Wednesday.")
    events = events_dated(nlp, text, "Wednesday", "2026-02-11")
    assert date_of_trigger(events, "killed") == PUBLISHED  # a day told after the lead is no lead's


def test_the_lead_ends_after_its_second_full_sentence(nlp):
    """A headline and a dateline line end with no full stop and belong to the lead; the lead's second
    sentence still dates the happening ("A Nato spokesman said the explosion late on Thursday")."""
    text = ("Chilean gunman kills five soldiers in Peru\n"
            "A Chilean gunman killed five Peruvian soldiers near the border, the army said.\n"
            "The Peruvian army said the gunman attacked the checkpoint on Wednesday.\n"
            "The gunman shot two more Peruvian soldiers at a second checkpoint.")
    events = events_dated(nlp, text, "Wednesday", "2026-02-11")
    found = [e for e in events if e.trigger.text == "shot"]
    assert found and found[0].date.value == "2026-02-11"
    assert text[found[0].date.span.start:found[0].date.span.end] == "Wednesday"


def test_the_lead_s_day_goes_to_the_simple_past_only(nlp):
    """A progressive frames a stretch around another time ("were searching the houses by morning"), not the
    narrative's next event: it keeps its date, as an event in the present does."""
    text = ("A Chilean gunman killed five Peruvian soldiers near the border on Wednesday, the army said.\n"
            "Officials in Lima gave no motive.\n"
            "Peruvian troops were attacking the rebel camps near the border. "
            "Peruvian troops attack the rebel camps near the border.")
    events = events_dated(nlp, text, "Wednesday", "2026-02-11")
    assert date_of_trigger(events, "attacking") == PUBLISHED
    assert date_of_trigger(events, "attack") == PUBLISHED


def test_an_event_noun_takes_the_day_the_article_tells_for_it(nlp):
    """"in retaliation for Peruvian airstrikes" is background with no day of its own phrase; the article
    tells the same airstrikes by the same doer elsewhere with their day, which it takes (one event, one
    time). Another doer's airstrikes lend it nothing."""
    text = ("Chilean rebels attacked a Peruvian base in retaliation for Peruvian airstrikes.\n"
            "Peruvian airstrikes hit a rebel camp near the border last week.")
    events = events_dated(nlp, text, "last week", "2026-W06")
    first = [e for e in events if e.trigger.text == "airstrikes"]
    assert first and first[0].date is not None and first[0].date.value == "2026-W06"
    assert text[first[0].date.span.start:first[0].date.span.end] == "last week"
    text = ("Chilean rebels attacked a Peruvian base in retaliation for Peruvian airstrikes.\n"
            "Bolivian airstrikes hit a rebel camp near the border last week.")
    events = events_dated(nlp, text, "last week", "2026-W06")
    assert date_of_trigger(events, "airstrikes") is None


def test_a_state_named_two_ways_is_one_doer_but_two_places_of_a_state_are_not(nlp):
    """The state's name and its nationality name one doer ("Peru's airstrikes" / "Peruvian airstrikes"), so the
    background mention takes the day told for the other; two attacks named by two cities of one state are two
    events whatever country both places give (and a thing located in a state is not that state)."""
    text = ("Chilean rebels attacked a Peruvian base in retaliation for Peruvian airstrikes.\n"
            "Peru's airstrikes hit a rebel camp near the border last week.")
    events = events_dated(nlp, text, "last week", "2026-W06")
    assert date_of_trigger(events, "airstrikes") == "2026-W06"
    from types import SimpleNamespace
    from storyline.annotate.events.dating import _share_a_doer
    from storyline.model import Participant

    def doing(*actors):
        return SimpleNamespace(actors=list(actors))
    peru, peruvian = Participant("Peru", country="PER", key="GPE:peru"), Participant("Peruvian", country="PER")
    lima = Participant("Lima", country="PER", key="GPE:lima")
    cusco = Participant("Cusco", country="PER", key="GPE:cusco")
    truck = Participant("truck", country="PER")
    assert _share_a_doer(doing(peruvian), doing(peru))
    assert not _share_a_doer(doing(lima), doing(cusco))
    assert not _share_a_doer(doing(truck), doing(lima))


def test_an_event_told_as_an_example_gets_no_publication_day(nlp):
    """"for instance" calls up an event to illustrate a general statement, background rather than the
    day's news: the report's day does not date it, a time of its own clause does."""
    text = "Chilean rebels often cross the border. Peru, for instance, shelled a rebel camp near Tacna."
    assert date_of_trigger(events_of(nlp, text), "shelled") is None
    text = "Chilean rebels often cross the border. For example, Peru shelled a rebel camp near Tacna in 2024."
    assert date_of_trigger(events_dated(nlp, text, "2024", "2024"), "shelled") == "2024"
    text = "Peru shelled a rebel camp near Tacna."
    assert date_of_trigger(events_of(nlp, text), "shelled") == PUBLISHED


def test_a_coordinated_participle_shares_the_first_one_s_auxiliary(nlp):
    """Coordination leaves out the repeated auxiliary: "were shot or wounded", "shooting two and wounding
    three" tell the second participle in the first one's tense, so it takes the lead's day as the first does,
    and "had stormed ... and wounded" places both before the reference time (no publication day)."""
    lead = ("A Chilean gunman killed five Peruvian soldiers near the border on Wednesday, the army said.\n"
            "Officials in Lima gave no motive.\n")
    for later, word in (("Two more Peruvian soldiers were shot or wounded at a checkpoint.", "wounded"),
                        ("The gunman then stormed a Peruvian base, shooting two guards and wounding three officers.",
                         "wounding")):
        assert date_of_trigger(events_dated(nlp, lead + later, "Wednesday", "2026-02-11"), word) == "2026-02-11", later
    text = "Chilean rebels had stormed the border post and wounded two Peruvian guards."
    assert date_of_trigger(events_of(nlp, text), "wounded") is None



def test_an_event_told_in_the_past_gets_no_day(nlp):
    """"in the past" places the event before the report's day without a day of its own (TimeML's PAST_REF),
    as "previously" does; a conjunct under the same "has" shares it, though the tagger reads the participle
    after "has in the past" as a simple past. "In the past week" is a stretch up to now, not the past."""
    text = ("Peru has in the past vowed to shoot down Chilean rockets that threaten its territory, and deployed "
            "its Patriot missile batteries in response to the Lima threat, officials said.")
    events = events_of(nlp, text)
    assert date_of_trigger(events, "shoot") is None and date_of_trigger(events, "deployed") is None
    assert date_of_trigger(events_of(nlp, "Chile has attacked Peru in the past."), "attacked") is None
    text = "In the past week, Chile attacked Peru twice."
    assert date_of_trigger(events_dated(nlp, text, "the past week", "2026-W07"), "attacked") == "2026-W07"
    assert date_of_trigger(events_of(nlp, "Chile has attacked Peru."), "attacked") == PUBLISHED
    # "since" alone as an adverb: after a time told before, up to now, with no day of its own
    text = "Chileans have since hailed the Peruvian soldier as an icon in their fight against Lima."
    assert date_of_trigger(events_of(nlp, text), "hailed") is None
    text = "Chileans have since hailed the Peruvian soldier as an icon on Friday."
    assert date_of_trigger(events_dated(nlp, text, "Friday", "2026-02-06"), "hailed") == "2026-02-06"


def test_a_time_of_the_first_conjunct_dates_the_later_ones_of_one_subject_and_tense(nlp):
    """Verbs coordinated with no subject of their own and in one tense ("broke up ... in 2015 but did not
    arrest", "opens fire ... on June 12 and kills") are told in one adverbial frame: the first one's time dates
    the later ones that name none. A later conjunct with a subject of its own, in another tense, or with a time
    of its own keeps its own day."""
    text = "Chilean police broke up the rebel camps in 2015 but did not arrest the Peruvian soldiers living in them."
    assert date_of_trigger(events_dated(nlp, text, "in 2015", "2015"), "arrest") == "2015"
    text = "A Peruvian gunman opens fire inside a Chilean consulate on June 12 last year and kills 49 people."
    assert date_of_trigger(events_dated(nlp, text, "June 12 last year", "2025-06-12"), "kills") == "2025-06-12"
    text = "The Chilean police said they interviewed Peruvian suspects Tuesday night but made no arrest."
    assert date_of_trigger(events_dated(nlp, text, "Tuesday night", "2026-02-10TNI"), "made") == "2026-02-10TNI"
    for text, word in (("Chilean police raided the camp on Monday and the army arrested two Peruvian soldiers.",
                        "arrested"),
                       ("Chilean police raided the camp on Monday and will arrest two Peruvian soldiers.", "arrest")):
        assert date_of_trigger(events_dated(nlp, text, "Monday", "2026-02-09"), word) == PUBLISHED, text
    text = "Chilean police raided the camp on Monday and arrested two Peruvian soldiers on Tuesday."
    events = events_of(nlp, text, [timex(text, "Monday", "2026-02-09"), timex(text, "Tuesday", "2026-02-10")])
    assert date_of_trigger(events, "arrested") == "2026-02-10"


def test_rounds_of_a_happening_tell_many_occasions(nlp):
    """"hit with several rounds of sanctions": a plural of rounds of a happening is iterated (TimeML: no single
    day), so a time of another clause ("the test on Friday night") does not date it; rounds of ammunition count
    shots, and the event keeps the time of its own clause."""
    text = ("The test on Friday night showed that Peru, although cut off from the economy and hit with several "
            "rounds of Chilean sanctions, was getting closer to its goal.")
    assert date_of_trigger(events_dated(nlp, text, "Friday night", "2026-02-06TNI"), "hit") is None
    text = "A Chilean soldier was hit with two rounds of ammunition on Friday night."
    assert date_of_trigger(events_dated(nlp, text, "Friday night", "2026-02-06TNI"), "hit") == "2026-02-06TNI"
