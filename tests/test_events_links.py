"""Cross-article corroboration of events and GDELT-style rows, on a fictional three-outlet story."""
from __future__ import annotations

from storyline.annotate.events.corroborate import apply, corroborate, failed_checks, happenings
from storyline.annotate.events.gdelt import COLUMNS, gdelt_rows


def event(eid, article, etype, quad, actors, recipients=(), date=None, location=None, aux=(), trigger="held talks",
          sentence="The two governments held talks about the border."):
    def side(codes):
        return [{"text": c, "span": None, "entity_id": None, "country": c, "sector": "GOV"} for c in codes]
    return {"id": eid, "article_id": article, "type": etype, "quad": quad, "mode": None, "aux_modes": list(aux),
            "actors": side(actors), "recipients": side(recipients),
            "date": {"value": date, "span": None} if date else None, "location": location,
            "trigger": {"start": 0, "end": len(trigger), "text": trigger},
            "sentence": {"start": 0, "end": len(sentence), "text": sentence}, "cameo": None, "corroboration": []}


MUSCAT = {"text": "Muscat", "span": None, "country": "OMN", "lat": 23.58, "lon": 58.41}
STORY = {"a1": "s1", "a2": "s1", "a3": "s1", "b1": "s2"}
EVENTS = [
    event("e1", "a1", "CONSULT", "verbal_cooperation", ["CHL", "PER"], date="2031-03-07", location=MUSCAT),
    event("e2", "a2", "CONSULT", "verbal_cooperation", ["PER"], ["CHL"], date="2031-03-08"),  # a day later, no place
    event("e3", "a3", "AGREE", "verbal_cooperation", ["CHL", "PER"], date="2031-03",  # compatible type, month only
          trigger="agreed to keep talking", sentence="The two governments agreed to keep talking about the border."),
    event("e4", "a2", "CONSULT", "verbal_cooperation", ["CHL", "BOL"], date="2031-03-07"),  # other sides
    event("e5", "a3", "CONSULT", "verbal_cooperation", ["CHL", "PER"], date="2031-03-20"),  # two weeks later
    event("e6", "a3", "CONSULT", "verbal_cooperation", ["CHL", "PER"], date="2031-03-07",
          location={"text": "Lima", "span": None, "country": "PER", "lat": None, "lon": None}),  # elsewhere
    event("e7", "a2", "MOBILIZE", "material_conflict", ["CHL"], date="2031-03-07", aux=["hypothetical"],
          trigger="sending warships", sentence="Chile may be sending warships if the talks fail."),
    event("e8", "a3", "MOBILIZE", "material_conflict", ["CHL"], date="2031-03-07",  # happened: not the same
          trigger="sent warships", sentence="Chile sent warships to the coast."),
    event("e9", "b1", "CONSULT", "verbal_cooperation", ["CHL", "PER"], date="2031-03-07"),  # another story
    event("e10", "a1", "CONSULT", "verbal_cooperation", ["CHL", "PER"], date="2031-03-07"),  # same article
]


def test_corroboration_links_reports_of_one_event_in_other_articles():
    found = corroborate(EVENTS, STORY)
    assert sorted(found["e1"]) == ["e2", "e3"]
    assert sorted(found["e2"]) == ["e1", "e10", "e3", "e6"]  # e2 says no place: Lima does not contradict it
    assert "e4" not in found and "e7" not in found and "e8" not in found and "e9" not in found
    assert "e5" not in found.get("e1", []) and "e6" not in found.get("e1", [])


def pair(first, second, story="s1"):
    """Two reports in two articles of one story, and what corroborate links."""
    return corroborate([{**first, "id": "x1", "article_id": "p1"}, {**second, "id": "x2", "article_id": "p2"}],
                       {"p1": story, "p2": story})


def test_same_sides_and_day_are_not_enough_the_reports_must_tell_one_happening():
    """A story's events share its country and day: the attack and the police shooting the driver
    (both ASSAULT, France, the same evening) are two events; two wordings of the attack are one."""
    attack = event("", "", "ASSAULT", "material_conflict", ["FRA"], date="2031-07-14", trigger="killed",
                   sentence="A driver killed dozens of people on the seafront promenade.")
    shooting = event("", "", "ASSAULT", "material_conflict", ["FRA"], date="2031-07-14", trigger="shot",
                     sentence="Officers shot the driver dead near the harbour.")
    retold = event("", "", "ASSAULT", "material_conflict", ["FRA"], date="2031-07-14", trigger="killing",
                   sentence="The truck ploughed into the crowd, killing dozens.")
    assert pair(attack, shooting) == {}
    assert pair(attack, retold) == {"x1": ["x2"], "x2": ["x1"]}


def raid(trigger, sentence, date="2031-07-14", doers=(("CHL", None),)):
    """An ASSAULT whose actors are (country, entity id) pairs."""
    ev = event("", "", "ASSAULT", "material_conflict", [], date=date, trigger=trigger, sentence=sentence)
    ev["actors"] = [{"text": "x", "span": None, "entity_id": e, "country": c, "sector": "MIL"} for c, e in doers]
    return ev


def test_two_words_for_one_kind_of_deed_link_reports_of_one_day_whose_doers_agree():
    """"struck" and "killed" name one kind of deed (force and its toll) with no word or sentence
    alike: linked on one day; a day apart, or by two named doers of one country, they may be two
    raids of a war; a shooting is another kind of deed."""
    struck = raid("struck", "Warplanes struck the fuel depot at dawn.")
    killed = raid("killed", "Nine guards were killed in the raid, officials said.")
    assert happenings("ASSAULT", "struck") == happenings("ASSAULT", "killed") == {"attack"}
    assert pair(struck, killed) == {"x1": ["x2"], "x2": ["x1"]}
    assert pair(struck, {**killed, "date": {"value": "2031-07-15", "span": None}}) == {}
    assert pair(raid("struck", struck["sentence"]["text"], doers=[("CHL", "e_air_force")]),
                raid("killed", killed["sentence"]["text"], doers=[("CHL", "e_rebels")])) == {}
    assert pair(struck, raid("shot", "A sniper shot two guards near the gate.")) == {}


def test_statements_worded_differently_stay_apart():
    """Statements are many in a story, between the same sides on the same days: "urged" and
    "called on" of one day are not taken for one statement without a word or sentence alike."""
    urged = event("", "", "REQUEST", "verbal_conflict", ["CHL"], date="2031-07-14", trigger="urged",
                  sentence="The minister urged calm in the capital.")
    called = event("", "", "REQUEST", "verbal_conflict", ["CHL"], date="2031-07-14", trigger="called on",
                   sentence="Bishops called on farmers to end the blockade.")
    assert pair(urged, called) == {}


def test_failed_checks_names_what_keeps_two_reports_apart():
    struck = raid("struck", "Warplanes struck the fuel depot at dawn.")
    later = raid("struck", "Warplanes struck the fuel depot at dawn.", date="2031-08-30")
    assert failed_checks(struck, later, lambda: 1.0) == ["days"]
    assert failed_checks(struck, raid("shot", "A sniper shot two guards.", doers=[("PER", None)]), lambda: 0.0) == [
        "sides", "worded"]


def test_reports_coded_to_two_types_must_share_a_trigger_word():
    """Alike sentences suffice within one type; across two compatible types (ACCUSE / REJECT) two
    reactions to one launch read alike too, so only a shared trigger word links them."""
    said = "The ministry {} the missile launch by the north on Friday."
    condemned = event("", "", "ACCUSE", "verbal_conflict", ["CHN"], date="2031-09-15", trigger="condemned",
                      sentence=said.format("condemned"))
    opposed = event("", "", "REJECT", "verbal_conflict", ["CHN"], date="2031-09-15", trigger="opposed",
                    sentence=said.format("opposed"))
    criticised = event("", "", "ACCUSE", "verbal_conflict", ["CHN"], date="2031-09-15", trigger="criticised",
                       sentence=said.format("criticised"))
    assert pair(condemned, opposed) == {}
    assert pair(condemned, criticised) == {"x1": ["x2"], "x2": ["x1"]}


def test_possible_denied_and_real_events_are_told_apart():
    """Possible in both (hypothetical in one outlet, future in the other) is one event; a denied
    one ("has not ordered the deployment") is not the possible one."""
    def deployment(aux, trigger="deploy warships"):
        return event("", "", "MOBILIZE", "material_conflict", ["CHL"], date="2031-03-07", aux=aux, trigger=trigger,
                     sentence="Chile could deploy warships to the coast.")
    assert pair(deployment(["hypothetical"]), deployment(["future"]))
    assert pair(deployment(["hypothetical"]), deployment(["negation"])) == {}
    assert pair(deployment(["negation"]), deployment(["negation"]))


def test_a_possible_deployment_told_by_two_outlets_is_linked():
    """Shaped like the seeds' carrier case: "next week" dates the talks of the first clause, not the
    deployment of the coordinated one, so the two reports of the possible deployment agree on
    the day and are linked (they were not when the week dated the deployment)."""
    from storyline.annotate import annotate_batch
    from storyline.model import Article

    first = Article(id="a1", outlet="one", published="2031-03-12", text=(
        "Chile's president said he expects a new round of talks with Peru as early as next week, but did "
        "not rule out deploying more warships to the coast if the talks collapse."))
    second = Article(id="a2", outlet="two", published="2031-03-12", text=(
        "Chile's president said Tuesday he is considering sending more warships to the coast in case the "
        "talks with Peru collapse."))
    anns = annotate_batch([first, second], ["sentences", "entities", "time", "events"])
    deploy, send = (next(e.to_dict() for e in ann.events if e.type == "MOBILIZE") for ann in anns)
    assert "hypothetical" in deploy["aux_modes"] and "future" not in deploy["aux_modes"]
    assert deploy["date"]["value"] == "2031-03-12"  # the publication day, not next week
    assert send["date"]["value"] == "2031-03-11"  # "said Tuesday": the reporting verb's clause
    found = corroborate([deploy, send], {"a1": "s", "a2": "s"})
    assert found == {deploy["id"]: [send["id"]], send["id"]: [deploy["id"]]}


def test_apply_fills_story_and_corroboration_without_touching_inputs():
    out = apply(EVENTS, STORY)
    assert out[0]["story_id"] == "s1" and sorted(out[0]["corroboration"]) == ["e2", "e3"]
    assert EVENTS[0]["corroboration"] == []


def test_gdelt_rows():
    articles = {"a1": {"url": "https://news.example/x", "published": "2031-03-08", "text": "Lead line.\nMore."},
                "a2": {"path": "b.txt", "published": "2031-03-09", "text": "Only one paragraph."}}
    rows = list(gdelt_rows(apply(EVENTS[:3], STORY), articles))
    first = rows[0]
    assert set(COLUMNS) == set(first)
    assert first["SQLDATE"] == 20310307 and first["QuadClass"] == 1 and first["EventRootCode"] == "04"
    assert (first["Actor1CountryCode"], first["Actor2CountryCode"]) == ("CHL", "PER")  # reciprocal: both actors
    assert first["Actor1Type1Code"] == "GOV" and first["Actor1Code"] == "CHLGOV"
    assert first["ActionGeo_CountryCode"] == "MU" and first["ActionGeo_Lat"] == 23.58  # FIPS, as GDELT
    assert first["SOURCEURL"] == "https://news.example/x" and first["IsRootEvent"] == 1
    assert first["PloverType"] == "CONSULT" and first["NumArticles"] == 3
    assert isinstance(first["GLOBALEVENTID"], int) and first["GLOBALEVENTID"] != rows[1]["GLOBALEVENTID"]
    assert rows[1]["Actor2CountryCode"] == "CHL" and rows[1]["SOURCEURL"] == "b.txt"
    assert rows[2]["SQLDATE"] is None  # a month-only event date, and no article known


def test_state_forces_and_armed_men_are_two_doers_whatever_their_country():
    """The police killing the attacker and the attack itself: one country, one day, one word
    ("killed" / "killing"), but the doers' sectors are on two sides of force."""
    def assault(trigger, sentence, sector):
        ev = raid(trigger, sentence)
        ev["actors"][0]["sector"] = sector
        return ev
    attack = assault("killing", "The gunman opened fire in the square, killing nine.", "UAF")
    police = assault("killed", "Officers killed the gunman near the station.", "COP")
    retold = assault("killed", "Nine people were killed by a gunman in the square.", "UAF")
    assert pair(attack, police) == {}
    assert pair(attack, retold) == {"x1": ["x2"], "x2": ["x1"]}


def test_a_report_with_no_day_needs_a_word_and_sentences_alike():
    """An event noun referred back to has no day of its own ("after the sanctions"), so the day check
    tells nothing: a shared trigger word links it only when the sentences read alike too."""
    def sanction(sentence, trigger="sanctions", date="2031-05-02"):
        return event("", "", "SANCTION", "material_conflict", ["CHL"], date=date, trigger=trigger, sentence=sentence)
    undated = sanction("Chile reacted angrily after the regional sanctions on copper exports.", date=None)
    other = sanction("Bolivia has long ignored sanctions over its fishing fleet.")
    retold = sanction("The bloc imposed regional sanctions on Chile's copper exports on Monday.", "imposed sanctions")
    assert pair(undated, other) == {}
    assert pair(undated, retold) == {"x1": ["x2"], "x2": ["x1"]}


def test_a_launch_aimed_at_nobody_by_one_outlet_and_at_a_country_by_another_is_one_event():
    """One missile launch is MOBILIZE where no target is named and ASSAULT where one is ("over the
    coast of Peru"): one kind of deed, one day, one doer: linked, though the words differ."""
    shown = event("", "", "MOBILIZE", "material_conflict", ["CHL"], date="2031-08-29", trigger="launched",
                  sentence="Chile launched a ballistic missile on Friday.")
    aimed = event("", "", "ASSAULT", "material_conflict", ["CHL"], ["PER"], date="2031-08-29", trigger="fired",
                  sentence="A Chilean missile was fired over the coast of Peru.")
    assert happenings("MOBILIZE", "launched") == happenings("ASSAULT", "fired") == {"launch"}
    assert pair(shown, aimed) == {"x1": ["x2"], "x2": ["x1"]}


def _with_entities(ev, actors=(), recipients=()):
    """The event with named participants: (entity id, sector) pairs, no country (as a bare name is)."""
    def side(pairs):
        return [{"text": e or "x", "span": None, "entity_id": e, "country": None, "sector": s} for e, s in pairs]
    return {**ev, "actors": side(actors), "recipients": side(recipients)}


def test_two_words_for_a_meeting_link_only_reports_that_share_a_party():
    """"met" and "talks" name one kind of deed, but one day of a story holds several meetings (the
    negotiators with the group, the freed captives with the vice president): a shared party decides."""
    def meeting(trigger, sentence, parties):
        ev = event("", "", "CONSULT", "verbal_cooperation", [], date="2031-05-07", trigger=trigger, sentence=sentence)
        return _with_entities(ev, [(p, "GOV") for p in parties])
    met = meeting("met", "The envoy met the rebel commanders in the border town.", ["e_envoy", "e_rebels"])
    talks = meeting("talks", "Negotiations went on until late at night, aides said.", ["e_rebels"])
    other = meeting("talks", "The vice president held long conversations with the freed hostages.", ["e_vp"])
    assert happenings("CONSULT", "met") == happenings("CONSULT", "talks") == {"meet"}
    assert pair(met, talks) == {"x1": ["x2"], "x2": ["x1"]}
    assert pair(met, other) == {}


def test_help_names_no_kind_of_aid():
    """The PLOVER manual's kinds of aid (money, arms, relief, asylum, rescue) are kinds of deed;
    "helped" or "provided" say none, so two reports of help need a word in common."""
    assert happenings("AID", "donated") == happenings("AID", "grant") == {"money"}
    assert happenings("AID", "rescued") == {"rescue"}
    assert happenings("AID", "helped") == happenings("AID", "provided") == frozenset()
    helped = event("", "", "AID", "material_cooperation", ["CHL"], ["PER"], date="2031-05-07", trigger="helped",
                   sentence="Chile helped the flooded villages with tents.")
    provided = event("", "", "AID", "material_cooperation", ["CHL"], ["PER"], date="2031-05-07", trigger="provided",
                     sentence="Santiago provided loans to the port authority.")
    assert pair(helped, provided) == {}


def test_force_aimed_at_the_attackers_is_not_the_attack():
    """The police shooting the attacker answers the attack; when the attack's report names no doer
    ("the city was hit", its victims only), the doers' sides tell nothing, but the targets do: one is
    aimed at armed men outside the state, the other at the crowd. Two reports of the shooting agree."""
    def killing(sentence, doers, targets):
        ev = event("", "", "ASSAULT", "material_conflict", ["FRA"] * len(doers), ["FRA"] * len(targets),
                   date="2031-07-14", trigger="killed", sentence=sentence)
        for person, sector in zip(ev["actors"] + ev["recipients"], [*doers, *targets]):
            person["sector"] = sector
        return ev
    shot = killing("Officers killed the attacker near the harbour.", ["COP"], ["UAF"])
    hit = killing("Dozens were killed when the city was hit on the national holiday.", [], ["CVL"])
    retold = killing("The attacker was killed in an exchange of fire.", [], ["UAF"])
    assert pair(shot, hit) == {}
    assert pair(shot, retold) == {"x1": ["x2"], "x2": ["x1"]}


def test_a_month_is_no_day_of_its_own():
    """"earlier this month" dates a deed to the month: it passes the day check against every deed of
    the month, so it needs a word in common and sentences alike, and a month is not stretched by the
    slack into the next one (a launch last month is not this month's)."""
    def launch(date, sentence, trigger="fired"):
        return event("", "", "MOBILIZE", "material_conflict", ["CHL"], date=date, trigger=trigger, sentence=sentence)
    earlier = launch("2031-08", "Earlier this month the navy fired a cruise missile into the bay.")
    today = launch("2031-08-29", "The army fired a rocket from the northern desert on Friday.")
    retold = launch("2031-08-15", "The navy fired a cruise missile into the bay, the ministry said.")
    assert pair(earlier, today) == {}
    assert pair(earlier, retold) == {"x1": ["x2"], "x2": ["x1"]}
    july = launch("2031-07", "In July the navy fired a cruise missile into the bay.")
    assert pair(july, launch("2031-08", "In August the navy fired a cruise missile into the bay.")) == {}
