"""Time expressions: recognition, spans and TimeML values against a publication date.

The anchor 2026-02-11 is a Wednesday; every text here was written for these tests.
"""
from __future__ import annotations

import json

import pytest

from storyline.annotate.time import find_timexes
from conftest import shared_path

ANCHOR = "2026-02-11"


def values(text: str, anchor: str | None = ANCHOR, doc=None) -> dict[str, tuple[str, str]]:
    """span text -> (type, value) for every expression found."""
    return {t.span.text: (t.type, t.value) for t in find_timexes(text, anchor, doc)}


ISSUE_EXAMPLES = [
    ("The ministers met last Friday in Geneva.", "last Friday", "DATE", "2026-02-06", "XXXX-WXX-5"),
    ("The talks began in June last year.", "June last year", "DATE", "2025-06", "XXXX-06"),
    ("The envoys will meet again next week.", "next week", "DATE", "2026-W08", "XXXX-WXX"),
    ("A decision is due within two weeks.", "two weeks", "DURATION", "P2W", "P2W"),
    ("Memories of the twelve-day war linger.", "twelve-day", "DURATION", "P12D", "P12D"),
    ("Crowds marked the 47th anniversary of the 1979 Islamic Revolution.", "1979", "DATE", "1979", "1979"),
    ("They held a three-hour meeting at the White House.", "three-hour", "DURATION", "PT3H", "PT3H"),
]


@pytest.mark.parametrize("text, span, kind, anchored, unanchored", ISSUE_EXAMPLES)
def test_issue_examples_with_and_without_anchor(text, span, kind, anchored, unanchored):
    assert values(text)[span] == (kind, anchored)
    assert values(text, None)[span] == (kind, unanchored)


def test_weekday_follows_tense_without_parse():
    assert values("The president spoke on Monday about the deal.")["Monday"] == ("DATE", "2026-02-09")
    assert values("The president will speak on Monday about the deal.")["Monday"] == ("DATE", "2026-02-16")
    # the publication day itself in a past-tense report
    assert values("Protesters gathered on Wednesday outside parliament.")["Wednesday"] == ("DATE", "2026-02-11")


def test_weekday_follows_tense_with_parse(nlp):
    past = "The committee approved the budget on Thursday after a long debate."
    future = "The committee is expected to vote on Thursday, officials said."
    assert values(past, doc=nlp(past))["Thursday"] == ("DATE", "2026-02-05")
    assert values(future, doc=nlp(future))["Thursday"] == ("DATE", "2026-02-12")


def test_deictic_days_and_references():
    found = values("Yesterday the minister resigned; today his deputy took over, and tomorrow a vote "
                   "follows. Prices are now falling and recently hit a low.")
    assert found["Yesterday"] == ("DATE", "2026-02-10")
    assert found["today"] == ("DATE", "2026-02-11")
    assert found["tomorrow"] == ("DATE", "2026-02-12")
    assert found["now"] == ("DATE", "PRESENT_REF")
    assert found["recently"] == ("DATE", "PAST_REF")


def test_relative_units_and_ago():
    found = values("Sales rose last month and this year, and fell two weeks ago; three years ago they peaked.")
    assert found["last month"] == ("DATE", "2026-01")
    assert found["this year"] == ("DATE", "2026")
    assert found["two weeks ago"] == ("DATE", "2026-W05")
    assert found["three years ago"] == ("DATE", "2023")


def test_absolute_dates_and_month_names():
    found = values("The accord signed on March 26, 1996 expired in December. Talks resume on 3 March 2026.")
    assert found["March 26, 1996"] == ("DATE", "1996-03-26")
    assert found["December"] == ("DATE", "2025-12")  # nearest December to a February anchor
    assert found["3 March 2026"] == ("DATE", "2026-03-03")
    assert values("The accord expired in December.", None)["December"] == ("DATE", "XXXX-12")


def test_quarters_and_modifiers():
    found = values("Profit fell in the fourth quarter. Earlier this month the firm said early next year "
                   "would be hard, and the first quarter of 2025 was weak.")
    assert found["the fourth quarter"] == ("DATE", "2025-Q4")
    assert found["the first quarter of 2025"] == ("DATE", "2025-Q1")
    timexes = {t.span.text: t for t in find_timexes("Earlier this month the firm said early next year would be hard.",
                                                    ANCHOR)}
    assert (timexes["Earlier this month"].value, timexes["Earlier this month"].mod) == ("2026-02", "START")
    assert (timexes["early next year"].value, timexes["early next year"].mod) == ("2027", "START")


def test_year_ago_in_an_earnings_report_is_the_reported_quarter():
    found = values("Net income rose in the fourth quarter, the company said. Sales climbed 8% to $2 billion "
                   "and revenue from services rose 12%. Profit was $1.1 million a year earlier.")
    assert found["a year earlier"] == ("DATE", "2024-Q4")
    assert values("Prices are higher than a year ago.")["a year ago"] == ("DATE", "2025")


def test_year_ago_after_the_whole_previous_year_is_named_is_that_year():
    told_in_november = "2026-11-05"
    found = values("Net income rose in the third quarter, the company said. For the nine months, profit was $9 "
                   "million, against a loss in the 2025 period. The year-ago results included a charge in the 2025 "
                   "second quarter.", told_in_november)
    assert found["year-ago"] == ("DATE", "2025")
    found = values("Net income rose in the third quarter, the company said. Last year storm losses were $5 "
                   "million. The year-earlier results were restated.", told_in_november)
    assert found["year-earlier"] == ("DATE", "2025")
    found = values("Net income rose in the third quarter. In 2023 it had a loss. Profit was $1.1 million a year "
                   "earlier.", told_in_november)  # a year further back is no comparison: the reported quarter stays
    assert found["a year earlier"] == ("DATE", "2025-Q3")


def test_a_year_earlier_after_a_quarter_forecast_is_that_quarter_a_year_back(nlp):
    """A sentence that forecasts a quarter still ahead puts it in focus: "the year-earlier quarter", "a year earlier"
    set against that forecast are that quarter a year back, not the quarter the article reports; a comparison in a
    sentence of the reported quarter, or after a quarter already over, keeps the reported one."""
    told_in_november = "2026-11-05"
    forecast = ("Net income rose in the third quarter, the company said. Analysts expect fourth-quarter earnings of "
                "$1 a share, against $1.20 in the year-earlier quarter.")
    assert values(forecast, told_in_november, nlp(forecast))["the year-earlier quarter"] == ("DATE", "2025-Q4")
    ahead = "For the fourth quarter, analysts see a profit of $2 million, compared with $3 million a year earlier."
    assert values(ahead, told_in_november, nlp(ahead))["a year earlier"] == ("DATE", "2025-Q4")
    report = ("Net income rose in the third quarter, the company said. Sales rose 8% in the third quarter from the "
              "year-earlier quarter.")
    assert values(report, told_in_november, nlp(report))["the year-earlier quarter"] == ("DATE", "2025-Q3")
    over = "In the latest quarter, sales rose 8% from the year-earlier quarter."
    assert values(over, told_in_november, nlp(over))["the year-earlier quarter"] == ("DATE", "2025-Q3")


def test_last_year_figure_in_a_quarterly_report_is_that_quarter_a_year_back():
    told_in_november = "2026-11-05"
    text = ("Net income rose in the third quarter, the company said. The bank unit earned $24 million, compared "
            "with a loss of $3 million last year. Sales rose 13% from last year's $1.5 billion.")
    assert [t.value for t in find_timexes(text, told_in_november) if t.span.text == "last year"] == \
        ["2025-Q3", "2025-Q3"]
    assert values("Net income rose in the third quarter. In the nine months, net was $9 million, against $7 million "
                  "last year.", told_in_november)["last year"] == ("DATE", "2025")
    assert values("Net income rose in the third quarter. It expects less than the 16 cents a share it reported "
                  "last year.", told_in_november)["last year"] == ("DATE", "2025")
    assert values("The firm's 2026 profit is likely to be $4 billion, up from $600 million last year.",
                  told_in_november)["last year"] == ("DATE", "2025")


def test_timestamp_clock_is_on_the_date_written_before_it():
    found = values("Posted: Dec 22, 2017 at 2:57PM EST", "2017-12-23")
    assert found["Dec 22, 2017"] == ("DATE", "2017-12-22")
    assert found["2:57PM EST"] == ("TIME", "2017-12-22T14:57")
    assert values("Updated Dec 22, 2017 at 2:57pm", "2017-12-23")["2:57pm"] == ("TIME", "2017-12-22T14:57")


def test_times_of_day():
    found = values("The blast came at 10:35 a.m. Friday and a second one at 7 p.m. Officials met this morning.")
    assert found["10:35 a.m. Friday"] == ("TIME", "2026-02-06T10:35")
    assert found["this morning"] == ("TIME", "2026-02-11TMO")
    assert values("They met at noon Thursday.")["noon Thursday"] == ("TIME", "2026-02-05T12:00")


def test_durations_with_modifiers():
    timexes = {t.span.text: t for t in find_timexes(
        "The siege lasted more than four hours and talks went on for nearly two years, over several months.", ANCHOR)}
    assert (timexes["more than four hours"].value, timexes["more than four hours"].mod) == ("PT4H", "MORE_THAN")
    assert timexes["nearly two years"].value == "P2Y"
    assert timexes["several months"].value == "PXM"


def test_sets():
    found = values("Inspectors report daily, the council meets every week, rallies are held each Thursday "
                   "and the firm pays $5 million a year.")
    assert found["daily"] == ("SET", "P1D")
    assert found["every week"] == ("SET", "P1W")
    assert found["each Thursday"] == ("SET", "XXXX-WXX-4")
    assert found["a year"] == ("SET", "P1Y")


def test_not_time_expressions():
    found = values("The 6-year-old boy and 2000 people may march to the square; he was a former minister.")
    assert found == {}


def test_spans_are_exact_and_carry_anchor():
    text = "Officials said on Tuesday that the 2025 talks, held last fall, failed. They meet again next month."
    for timex in find_timexes(text, "2026-02-11T09:30:00Z", article_id="a1"):
        assert text[timex.span.start:timex.span.end] == timex.span.text
        assert timex.anchor == ANCHOR and timex.article_id == "a1"
    assert values(text)["last fall"] == ("DATE", "2025-FA")


def test_gold_spans_align_with_shared_data():
    """A smoke check on TBAQ (skipped without ../shared): most gold expressions are found."""
    path = shared_path("data", "time", "tbaq.jsonl")
    documents = [json.loads(line) for line in path.open(encoding="utf-8")][:20]
    gold = found = 0
    for document in documents:
        spans = [(t.span.start, t.span.end) for t in find_timexes(document["text"], document["published"])]
        for timex in document["timexes"]:
            gold += 1
            found += any(s < timex["end"] and timex["start"] < e for s, e in spans)
    assert found / gold > 0.85


# ---------------------------------------------------------------- news cases (texts written for these tests)

@pytest.mark.parametrize("text", [
    "The navy is sending a second aircraft carrier strike group to the Gulf.",
    "Both sides agreed to hold a second round of talks in Muscat.",
    "It was a second blow for the coalition.",
])
def test_ordinal_second_is_not_a_duration(text):
    assert values(text) == {}


def test_second_as_a_unit_of_time():
    found = values("She hesitated for a second before signing. It was over in a split second, at 300 metres per second.")
    assert found["a second"] == ("DURATION", "PT1S")
    assert found["a split second"] == ("DURATION", "PT1S")
    assert "per second" not in found  # a speed: TimeML marks no expression of speed (see test_a_speed_is_no_set...)


REPORTED_MEETING = ("The president said the government will continue negotiations, shortly after holding a "
                    "closed-door meeting with the prime minister at the palace on Wednesday, even as officials "
                    "weigh new sanctions.")


def test_weekday_takes_tense_of_its_own_verb_with_parse(nlp):
    """"holding ... on Wednesday" is an adjunct of the reporting verb: past, so the publication day."""
    assert values(REPORTED_MEETING, doc=nlp(REPORTED_MEETING))["Wednesday"] == ("DATE", "2026-02-11")
    future = "The minister will fly to Oman on Friday, his office said."
    assert values(future, doc=nlp(future))["Friday"] == ("DATE", "2026-02-13")
    planned = "Negotiators plan to meet again on Monday."
    assert values(planned, doc=nlp(planned))["Monday"] == ("DATE", "2026-02-16")


def test_weekday_an_event_is_set_for_lies_ahead_of_a_past_report(nlp):
    """"A strike for Friday was called", "a motion to be debated Thursday": the day of a planned event, ahead of the
    report that tells of the planning (anchor Wednesday 2026-02-11)."""
    called = "A nationwide strike for Friday was called by the unions."
    assert values(called, doc=nlp(called))["Friday"] == ("DATE", "2026-02-13")
    debated = "The bill was prompted by an opposition motion to be debated Thursday."
    assert values(debated, doc=nlp(debated))["Thursday"] == ("DATE", "2026-02-12")
    held = "The strike on Monday was called by the unions."
    assert values(held, doc=nlp(held))["Monday"] == ("DATE", "2026-02-09")


@pytest.mark.parametrize("text", ["The envoy spoke ahead of the election Friday.",
                                  "The envoy spoke to reporters ahead of Friday's election.",
                                  "Crowds gathered in the capital on the eve of Friday's vote.",
                                  "Talks were adjourned to allow for a two-day meeting of the chiefs beginning Friday.",
                                  "The team replaced Chile in the event starting on Friday.",
                                  "The meeting comes ahead of a summit between the two leaders in Seoul on Friday."])
def test_weekday_of_an_event_waited_for_lies_ahead(nlp, text):
    """"ahead of the election Friday", "on the eve of Friday's vote", "a meeting beginning Friday": after the
    clause's time, the report's day."""
    assert values(text, doc=nlp(text))["Friday"] == ("DATE", "2026-02-13")
    assert values(text)["Friday"] == ("DATE", "2026-02-13")


def test_a_weekday_named_again_is_the_same_day_the_one_ahead_where_readings_differ(nlp):
    """A story names one day by one weekday: "will present it on Thursday ... the deadline is 1600 GMT Thursday",
    "a strike for Friday was called ... support for Friday's strike" are one day, the later of the two readings (a
    past one is what a weekday gets without a cue); "last Thursday" and feasts are no bare weekday."""
    deadline = "The envoys will present the text on Thursday. The deadline is 1600 GMT Thursday."
    found = values(deadline, doc=nlp(deadline))
    assert found["Thursday"] == ("DATE", "2026-02-12") and found["1600 GMT Thursday"] == ("TIME", "2026-02-12T16:00")
    strike = "A nationwide strike for Friday was called by the unions. Parties pledged support to Friday's strike."
    assert [t.value for t in find_timexes(strike, ANCHOR, nlp(strike))] == ["2026-02-13", "2026-02-13"]
    apart = "Talks ended last Thursday. Shops opened on Good Friday 2025 and the envoys will return Friday."
    found = values(apart, doc=nlp(apart))
    assert found["last Thursday"] == ("DATE", "2026-02-05") and found["Good Friday 2025"] == ("DATE", "2025-04-18")


def test_a_weekday_its_verb_tells_in_the_past_keeps_its_day_unless_the_other_is_the_day_after_the_stamp(nlp):
    """Wire copy dates a past event with a bare weekday ("the team lost 2-1 Saturday"): that simple past fixes the day
    before the report, though the story names the next Saturday too; but where the later reading is the day after
    the publication date, a stamp a day before the story's own day, the later day is the one told."""
    games = "The team lost 2-1 Saturday. The coach said his players will be ready when they face Leeds Saturday."
    assert [t.value for t in find_timexes(games, ANCHOR, nlp(games))] == ["2026-02-07", "2026-02-14"]
    stamped = "The North fired a missile Thursday. The council will meet Thursday to discuss the launch."
    assert [t.value for t in find_timexes(stamped, ANCHOR, nlp(stamped))] == ["2026-02-12", "2026-02-12"]


def test_a_day_owning_an_event_told_in_the_simple_past_keeps_its_past_day(nlp):
    """"Sunday's race was the first", "the team won Sunday's race": the event the day owns is the subject or object of
    a simple past, so it is over and its day the one just past, though another mention of the weekday reads the next
    one (a tie that would give the later day); an event put off ("Sunday's vote was postponed") is still a plan's."""
    read = lambda text: [t.value for t in find_timexes(text, ANCHOR, nlp(text))]
    assert read("Sunday's race was the first of the season. The team will race again Sunday.") == \
        ["2026-02-08", "2026-02-15"]
    assert read("The team won Sunday's race. It will race again Sunday.") == ["2026-02-08", "2026-02-15"]
    assert read("The commission said Sunday's vote was postponed. Voters will decide Sunday.") == \
        ["2026-02-15", "2026-02-15"]
    assert read("Sunday's vote will decide the seat. Voters will queue from dawn Sunday.") == \
        ["2026-02-15", "2026-02-15"]


def test_the_day_after_the_stamp_is_the_day_told_only_when_the_stamp_is_late_in_the_utc_day(nlp):
    """A stamp late in the UTC day (Wednesday 22:20 UTC is Thursday morning in East Asia) may be a day before the
    story's own day, so a weekday told in the past, "on" it or bare, is the Thursday ahead when another mention reads
    that day; a stamp early in the day (06:10 UTC) cannot be, and the past day stays; a date alone, or a naive
    midnight, leaves a day told "on" as before. A stamp with its offset is read in UTC."""
    told_on = "The North fired a missile on Thursday. The council will meet Thursday to discuss the launch."
    bare = "The North fired a missile Thursday. The council will meet Thursday to discuss the launch."
    read = lambda text, stamp: [t.value for t in find_timexes(text, stamp, nlp(text))]
    for late in ("2026-02-11T22:20:00", "2026-02-11T22:20:00+00:00", "2026-02-11T17:30:00-05:00"):
        assert read(told_on, late) == read(bare, late) == ["2026-02-12", "2026-02-12"]
    for early in ("2026-02-11T06:10:00", "2026-02-11T08:30:00+09:00"):
        assert read(told_on, early) == read(bare, early) == ["2026-02-05", "2026-02-12"]
    for undated in (ANCHOR, "2026-02-11T00:00:00"):
        assert read(told_on, undated) == ["2026-02-05", "2026-02-12"]
        assert read(bare, undated) == ["2026-02-12", "2026-02-12"]


def test_that_before_a_weekday_after_a_reporting_verb_opens_the_clause():
    """"told reporters that Friday's rally was peaceful", "said that Monday the talks failed": "that" is the
    conjunction, the expression is the weekday; "met again that Friday", "said late that Friday" point back."""
    found = values("An aide told reporters that Friday's rally was peaceful. He said that Monday the talks failed. "
                   "They met again that Friday. He said late that Friday the talks had failed.")
    assert list(found) == ["Friday", "Monday", "that Friday", "late that Friday"]


def test_a_range_of_weekdays_runs_forward(nlp):
    """"from Wednesday through Friday" told on the Wednesday: the range ends on the Friday after, whatever tense
    the Friday alone would take; so do the days a forecast lists after a first one ahead."""
    found = values("The feast was marked from Wednesday through Friday.")
    assert found == {"Wednesday": ("DATE", "2026-02-11"), "Friday": ("DATE", "2026-02-13")}
    assert values("The fair ran from Friday to Monday.")["Monday"] == ("DATE", "2026-02-09")
    forecast = ("The storm was expected to be off the coast by Friday morning; 300 km east of it Saturday morning; "
                "and over the island by Sunday morning, the bureau said on Wednesday.")
    found = values(forecast, doc=nlp(forecast))
    assert [found[f"{day} morning"][1] for day in ("Friday", "Saturday", "Sunday")] == \
        ["2026-02-13TMO", "2026-02-14TMO", "2026-02-15TMO"]
    assert found["Wednesday"] == ("DATE", "2026-02-11")  # the report's own day stays
    # a day the simple past of its own verb dates (as the parse tells) is the report's, no day of the list ahead
    report = "The board will meet on Friday to weigh the offer, the company said Tuesday."
    found = values(report, doc=nlp(report))
    assert (found["Friday"], found["Tuesday"]) == (("DATE", "2026-02-13"), ("DATE", "2026-02-10"))
    # items of a list are coordinated: a day after a day ahead with no comma or conjunction between is no item
    unlisted = "Officials will decide on Friday whether to extend the ban imposed Monday."
    assert values(unlisted, doc=nlp(unlisted))["Monday"] == ("DATE", "2026-02-09")


def test_a_day_owning_what_an_event_left_is_past_an_occasion_of_it_may_lie_ahead(nlp):
    """"of" joins a day's event to a noun: to a part of the event ("the start of Saturday's race") it is an occasion
    the clause may look ahead to; to what the event left ("the victims of Tuesday's crash") it names an event done."""
    for text, span, value in [("A service will be held on Saturday for the victims of Tuesday's crash.", "Tuesday",
                               "2026-02-10"),
                              ("Investigators will study the cause of Monday's blast.", "Monday", "2026-02-09"),
                              ("Fans will watch the start of Saturday's race.", "Saturday", "2026-02-14")]:
        assert values(text, doc=nlp(text))[span] == ("DATE", value), text


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Russia blocked a visit to Moscow by Finnish Trade Minister Jan Berg scheduled for June 7.", "June 7",
     "2026-06-07"),
    ("The ministry said the vote slated for Friday would go ahead.", "Friday", "2026-02-13"),
    ("The vote, which had been scheduled for Friday, was postponed.", "Friday", "2026-02-06"),
])
def test_the_day_a_plan_is_scheduled_for_lies_ahead_unless_overtaken(nlp, text, span, value):
    """"a visit ... scheduled for June 7" (a participle the tagger may read as a past) is a plan ahead; "had been
    scheduled for" tells a plan overtaken."""
    assert values(text, doc=nlp(text))[span] == ("DATE", value)


def test_weekday_between_a_reporting_verb_and_the_reported_subject_dates_the_report(nlp):
    """"said on Friday the talks will resume": the day of the saying (the parser may hang it on "resume"); after
    the reported subject it dates the reported event."""
    report = "The minister said on Friday the talks will resume."
    assert values(report, doc=nlp(report))["Friday"] == ("DATE", "2026-02-06")
    reported = "The minister said the talks will resume on Friday."
    assert values(reported, doc=nlp(reported))["Friday"] == ("DATE", "2026-02-13")


def test_a_with_clause_takes_the_time_of_the_clause_it_hangs_from(nlp):
    """"would leave on Monday, with the third departing from August 6": an absolute "with" clause tells a circumstance
    of the clause it hangs from (here a future in the past), not of the report; "after holding" stays the report's."""
    planned = "The airline said two flights would leave on Monday, with the third departing from August 6."
    assert values(planned, doc=nlp(planned))["August 6"] == ("DATE", "2026-08-06")
    done = "The airline said two flights left on Monday, with the third departing on Tuesday."
    assert values(done, doc=nlp(done))["Tuesday"] == ("DATE", "2026-02-10")
    assert values(REPORTED_MEETING, doc=nlp(REPORTED_MEETING))["Wednesday"] == ("DATE", "2026-02-11")


def test_weekday_in_a_present_progressive_is_an_arrangement_ahead(nlp):
    """"are meeting on Thursday": the present progressive with another day than today tells an arrangement ahead;
    with today's weekday it is today, and a simple past beside it keeps its past."""
    ahead = "The ministers are meeting in Brussels on Thursday and Friday."
    found = values(ahead, doc=nlp(ahead))
    assert (found["Thursday"], found["Friday"]) == (("DATE", "2026-02-12"), ("DATE", "2026-02-13"))
    today = "Delegates are gathering in Geneva on Wednesday."
    assert values(today, doc=nlp(today))["Wednesday"] == ("DATE", "2026-02-11")
    past = "Police are investigating a fire that broke out on Monday."
    assert values(past, doc=nlp(past))["Monday"] == ("DATE", "2026-02-09")
    state = "We are hoping for a calm transition following the death Monday of the president."
    assert values(state, doc=nlp(state))["Monday"] == ("DATE", "2026-02-09")


def test_a_weekday_after_a_is_one_of_its_kind_with_week_and_year_unknown(nlp):
    """"born on a Tuesday", "driving in on a Friday afternoon in 1995": nothing fixes which one, so the week and year
    stay X (TIDES' "a Tuesday" XXXX-WXX-2); where "a" is a following noun's ("a Sunday night vigil") the day is
    the story's."""
    born = "He was born on a Tuesday."
    assert values(born, doc=nlp(born))["a Tuesday"] == ("DATE", "XXXX-WXX-2")
    drive = "In those years he was driving in on a Friday afternoon, and the sky was blue."
    assert values(drive, doc=nlp(drive))["a Friday afternoon"] == ("TIME", "XXXX-WXX-5TAF")
    assert values("The club met on a Sunday, then moved.")["a Sunday"] == ("DATE", "XXXX-WXX-7")
    vigil = "About 500 people attended a Sunday night vigil for the victims."
    assert values(vigil, doc=nlp(vigil))["Sunday night"] == ("TIME", "2026-02-08TNI")


# "The president, meantime, glossed over warnings on Tuesday that a strike could hurt trade." as the parser misreads
# it: "glossed" an adjective, the day hung on it and the whole under the reported clause's "could hurt"
MISPARSED_WARNING = [("The", "DT", "DET", "det", 1), ("president", "NN", "NOUN", "nsubj", 14),
                     (",", ",", "PUNCT", "punct", 14), ("meantime", "RB", "ADV", "advmod", 4),
                     (",", ",", "PUNCT", "punct", 4), ("glossed", "JJ", "ADJ", "advmod", 14),
                     ("over", "IN", "ADP", "prep", 5), ("warnings", "NNS", "NOUN", "pobj", 6),
                     ("on", "IN", "ADP", "prep", 5), ("Tuesday", "NNP", "PROPN", "pobj", 8),
                     ("that", "IN", "SCONJ", "mark", 14), ("a", "DT", "DET", "det", 12),
                     ("strike", "NN", "NOUN", "nsubj", 14), ("could", "MD", "AUX", "aux", 14),
                     ("hurt", "VB", "VERB", "ROOT", 14), ("trade", "NN", "NOUN", "dobj", 14), (".", ".", "PUNCT", "punct", 14)]


def test_weekday_before_the_that_of_a_clause_is_not_dated_by_it(nlp):
    """A time before the "that" opening a clause is not part of that clause, so its modal ("could hurt") does not move
    the day ahead even where the parser hangs the day there; the text's past "glossed" decides. After "that" the
    reported clause dates it as before."""
    from spacy.tokens import Doc

    words = [row[0] for row in MISPARSED_WARNING]
    doc = Doc(nlp.vocab, words=words, spaces=[i + 1 < len(words) and words[i + 1] not in ",." for i in range(len(words))],
              tags=[row[1] for row in MISPARSED_WARNING], pos=[row[2] for row in MISPARSED_WARNING],
              deps=[row[3] for row in MISPARSED_WARNING], heads=[row[4] for row in MISPARSED_WARNING],
              lemmas=[word.lower() for word in words])
    assert values(doc.text, doc=doc)["Tuesday"] == ("DATE", "2026-02-10")
    reported = "The union warned that a strike could start on Tuesday."
    assert values(reported, doc=nlp(reported))["Tuesday"] == ("DATE", "2026-02-17")


def test_weekday_takes_nearest_tense_cue_without_parse():
    assert values(REPORTED_MEETING)["Wednesday"] == ("DATE", "2026-02-11")
    assert values("The minister will fly to Oman on Friday, his office said.")["Friday"] == ("DATE", "2026-02-13")
    assert values("Officials said on Friday that the envoy will return.")["Friday"] == ("DATE", "2026-02-06")


def test_publication_weekday_is_the_publication_day_in_either_tense(nlp):
    """Wire copy names the publication day by its weekday, also for what happens later that day;
    only "next Wednesday" skips a week."""
    past = "Lawmakers voted on Wednesday to extend the mandate."
    assert values(past, doc=nlp(past))["Wednesday"] == ("DATE", "2026-02-11")
    assert values("Lawmakers will vote next Wednesday.")["next Wednesday"] == ("DATE", "2026-02-18")
    future = "Lawmakers will vote on Wednesday evening, the speaker's office said."
    assert values(future, doc=nlp(future))["Wednesday evening"] == ("TIME", "2026-02-11TEV")
    assert values("The envoy will arrive on Thursday.")["Thursday"] == ("DATE", "2026-02-12")


def test_month_without_year_follows_tense(nlp):
    past = "The ceasefire collapsed in October."
    future = "Elections will be held in October."
    assert values(past, doc=nlp(past))["October"] == ("DATE", "2025-10")
    assert values(future, doc=nlp(future))["October"] == ("DATE", "2026-10")


MARKED_TENSE_MONTHS = [
    # a past verb of the month's own: the latest such month (or day) on or before the anchor, even one just ahead
    ("Sales rose in March.", "2026-02-11", "March", "2025-03"),
    ("The store opened in December.", "2026-01-10", "December", "2025-12"),
    ("Output fell sharply on Feb. 20, the agency said.", "2026-02-11", "Feb. 20", "2025-02-20"),
    ("Imports have fallen since March.", "2026-02-11", "March", "2025-03"),
    # "will" on the month's own verb: the first one on or after the anchor, even one just gone
    ("The store will open in November.", "2026-12-03", "November", "2027-11"),
    ("The bridge will reopen on Dec. 1.", "2026-12-03", "Dec. 1", "2027-12-01"),
    # a day one day off the anchor is that day, whatever the tense: the story was written the evening before its stamp
    ("The full moon will peak on January 1.", "2018-01-02", "January 1", "2018-01-01"),
    ("Shares fell on Jan. 3.", "2018-01-02", "Jan. 3", "2018-01-03"),
    # the anchor's own month stays, either way
    ("The store opened in December.", "2026-12-03", "December", "2026-12"),
    ("The store will open in December.", "2026-12-20", "December", "2026-12"),
]


@pytest.mark.parametrize("text, anchor, span, value", MARKED_TENSE_MONTHS)
def test_month_dated_by_its_own_verb_takes_that_verbs_side_of_the_anchor(nlp, text, anchor, span, value):
    """A month the verb it dates tells as past lies on or before the anchor, one told with "will" on or after it."""
    assert values(text, anchor, nlp(text))[span] == ("DATE", value)
    assert values(text, anchor)[span] == ("DATE", value)  # without a parse, from the verb right before


def test_month_in_a_borrowed_tense_keeps_the_nearest_month(nlp):
    """A past only borrowed from the reporting or framing verb often tells a plan ahead ("asked it to respond by
    March 31"), so a month within two of the anchor stays in its year; one further ahead is last year's."""
    soon = "The regulator asked the bank to respond by March 31."
    assert values(soon, doc=nlp(soon))["March 31"] == ("DATE", "2026-03-31")
    later = "The regulator asked the bank to respond by June 30."
    assert values(later, doc=nlp(later))["June 30"] == ("DATE", "2025-06-30")


def test_a_past_condition_of_reported_speech_is_still_open_ahead(nlp):
    """"could be cut if the city did not agree by January 1": the past of an open condition is the speaker's present
    shifted back, so its day lies ahead (told in December, next January); "if they had not signed" is past, and
    so is a month in a borrowed past that tells a done event ("referring to the January 28 poll")."""
    condition = "The supplier said supplies could be cut if the city did not agree to its terms by January 1."
    assert values(condition, "2025-12-16", nlp(condition))["January 1"] == ("DATE", "2026-01-01")
    friday = "The rebels said they would attack if the army did not withdraw by Friday."
    assert values(friday, doc=nlp(friday))["Friday"] == ("DATE", "2026-02-13")
    counterfactual = "He said the deal would have collapsed if they had not signed it on Friday."
    assert values(counterfactual, doc=nlp(counterfactual))["Friday"] == ("DATE", "2026-02-06")
    done = "Turnout was higher than in the last vote, he said, referring to the January 28 poll."
    assert values(done, "2025-12-13", nlp(done))["January 28"] == ("DATE", "2025-01-28")


def test_season_told_past_or_ahead_is_one_begun_or_not_yet_over(nlp):
    """Seasons keep their rule: past, one already begun; ahead, one not yet over (the one in progress included)."""
    spring = "The plant opened in the spring."
    assert values(spring, doc=nlp(spring))["the spring"] == ("DATE", "2025-SP")
    fall = "The plant will open in the fall."
    assert values(fall, "2026-11-20", nlp(fall))["the fall"] == ("DATE", "2026-FA")
    assert values("The plant will open in the summer.", "2026-11-20")["the summer"] == ("DATE", "2027-SU")


def test_durations_in_timeml_units():
    found = values("The case dragged on for two and a half years, then a minute and a half of silence, "
                   "about 5 1/2 hours of debate, nearly two decades of war and the next three quarters.")
    assert found["two and a half years"] == ("DURATION", "P2Y6M")
    assert found["a minute and a half"] == ("DURATION", "PT1M30S")
    assert found["5 1/2 hours"] == ("DURATION", "PT5H30M")  # "about" stays outside (TBAQ convention)
    assert found["nearly two decades"] == ("DURATION", "P20Y")
    assert found["the next three quarters"] == ("DURATION", "P9M")


def test_amount_before_later_is_the_duration():
    found = values("Three days later, the rebels withdrew.")
    assert found == {"Three days": ("DURATION", "P3D")}


def test_decades_and_spelled_years():
    found = values("Inflation was high in the 1990s and the seventies; the plant opened in nineteen ninety-six "
                   "and was to close by the year two thousand. Two thousand workers lost their jobs.")
    assert found["the 1990s"] == ("DATE", "199")
    assert found["the seventies"] == ("DATE", "197")
    assert found["nineteen ninety-six"] == ("DATE", "1996")
    assert found["the year two thousand"] == ("DATE", "2000")
    assert "Two thousand" not in found


def test_decades_in_two_figures_only_with_their_article_and_not_as_a_measure():
    found = values("The label grew fast in the 90s and the late 70s.")
    assert found["the 90s"] == ("DATE", "199")
    assert found["the late 70s"] == ("DATE", "197")
    assert "the 90s" not in values("Temperatures stayed in the 90s all week.")
    assert "the 40s" not in values("The shares traded in the 40s before the offer.")
    assert not values("Most of the patients are in their 80s.")


def test_hundreds_are_a_century_but_the_2000s_a_decade():
    found = values("The mill opened in the mid-1800s, closed in the early 1900s and reopened in the 2000s.")
    assert found["the mid-1800s"] == ("DATE", "18")
    assert found["the early 1900s"] == ("DATE", "19")
    assert found["the 2000s"] == ("DATE", "200")


def test_clock_on_a_dated_day_keeps_its_year():
    """The preposition stays out inside the expression too: the clock time and the day are two (as the
    modern-news labels mark them), the clock dated by the day."""
    found = values("The offer lapses at 5 p.m. on March 29, 2024, the bank said.")
    assert found == {"5 p.m.": ("TIME", "2024-03-29T17:00"), "March 29, 2024": ("DATE", "2024-03-29")}


def test_clock_on_a_weekday_is_two_expressions_the_clock_on_that_day():
    found = values("The flight took off at 11:36am local time on Tuesday but turned back.", "2017-12-27")
    assert found == {"11:36am local time": ("TIME", "2017-12-26T11:36"), "Tuesday": ("DATE", "2017-12-26")}
    assert values("The tram derailed at 6.10am on Wednesday.", "2016-11-09") == {
        "6.10am": ("TIME", "2016-11-09T06:10"), "Wednesday": ("DATE", "2016-11-09")}
    assert values("Talks broke off at noon Thursday.") == {"noon Thursday": ("TIME", "2026-02-05T12:00")}


def test_clock_with_its_weekday_and_part_of_day_is_one_time():
    """"at 7:30 Tuesday morning" is one TIME, the clock on that day (TimeML: the clock and what dates it are one
    expression), its part of the day telling the hour of a clock without a.m./p.m.; "2:30 this afternoon" is a clock
    even after a word that does not introduce one, the part of the day saying so as a zone does; a race time of
    hours, minutes and seconds is no clock."""
    assert values("He was arrested at 7:30 Tuesday morning.") == {"7:30 Tuesday morning": ("TIME", "2026-02-10T07:30")}
    assert values("The rally began at 7:30 Tuesday evening.")["7:30 Tuesday evening"] == ("TIME", "2026-02-10T19:30")
    assert values("Troops left at 10 p.m. Monday night.") == {"10 p.m. Monday night": ("TIME", "2026-02-09T22:00")}
    assert values("The vote is set for 2:30 this afternoon.") == {"2:30 this afternoon": ("TIME", "2026-02-11T14:30")}
    assert values("She ran 2:21:39 this morning in Berlin.") == {"this morning": ("TIME", "2026-02-11TMO")}


def test_clock_whose_clause_ends_with_its_place_and_day_is_on_that_day():
    """"occurred at 6:40 p.m. at the mine in the north on Sunday": the day that closes the clause dates the clock."""
    found = values("The blast occurred at around 6:40 p.m. at a coal mine in the north on Sunday.", "2026-02-10")
    assert found["around 6:40 p.m."] == ("TIME", "2026-02-08T18:40")


def test_clock_after_a_weekday_that_owns_it_is_on_that_day():
    """"compared with Monday's 5 p.m. quotes": the day that owns the clock dates it, not the publication day."""
    found = values("The dollar traded at 152 yen, compared with Monday's 5 p.m. quotes of 151 yen.")
    assert found["5 p.m."] == ("TIME", "2026-02-09T17:00")


def test_three_months_of_a_calendar_quarter_named_as_a_period_are_that_quarter():
    found = values("Output fell in the October-December period of 2025 and rose in the April to June period.")
    assert found["the October-December period of 2025"] == ("DATE", "2025-Q4")
    assert found["the April to June period"] == ("DATE", "2025-Q2")
    assert "the November-January period" not in values("Sales held up in the November-January period.")


def test_hours_without_a_number_are_a_stretch_of_hours():
    assert values("The siege went on for hours.")["hours"] == ("DURATION", "PTXH")
    assert not values("Banks cut their opening hours.")
    assert "hours" not in values("The quake struck in the early hours of Monday.")


def test_fiscal_year_across_two_calendar_years_is_the_year_it_ends_in():
    found = values("Revenue for fiscal 2024-25 rose, and FY2025/26 looks weaker.")
    assert found["fiscal 2024-25"] == ("DATE", "2025")
    assert found["FY2025/26"] == ("DATE", "2026")
    assert values("Exports grew in 2024-25.")["2024"] == ("DATE", "2024")  # a range of calendar years: two points


def test_anaphoric_units_follow_the_last_date_mentioned():
    found = values("The dam was finished in June 2019. The following month it flooded, and later that year "
                   "the engineers resigned. The inquiry opened on March 3, 2020; the next day the minister quit.")
    assert found["The following month"] == ("DATE", "2019-07")
    assert found["later that year"] == ("DATE", "2019")
    assert found["the next day"] == ("DATE", "2020-03-04")
    assert values("That year the harvest failed.", None)["That year"] == ("DATE", "XXXX")
    # a reference coarser than the unit fixes what it can
    assert values("The levee broke in October 2019. That same day the town was evacuated.")["That same day"] == \
        ("DATE", "2019-10-XX")


def test_past_and_recent_periods():
    found = values("Prices doubled over the past three years, more than four months after the vote, "
                   "and rose again earlier this year.")
    assert found["the past three years"] == ("DURATION", "P3Y")
    assert found["more than four months"] == ("DURATION", "P4M")
    assert found["earlier this year"] == ("DATE", "2026")


def test_reanchor_resolves_again_against_a_new_date():
    from storyline.annotate.time import reanchor

    text = "The envoys met last Friday and will meet again next week."
    undated = find_timexes(text, None, article_id="a7")
    assert [t.value for t in undated] == ["XXXX-WXX-5", "XXXX-WXX"]
    dated = reanchor(undated, text, ANCHOR)
    assert [(t.value, t.anchor, t.article_id) for t in dated] == [("2026-02-06", ANCHOR, "a7"),
                                                                 ("2026-W08", ANCHOR, "a7")]
    assert reanchor([], text, ANCHOR) == []


def test_infinitive_after_be_or_a_noun_looks_ahead(nlp):
    scheduled = "The exchange is to reopen on Monday, officials said."
    assert values(scheduled, doc=nlp(scheduled))["Monday"] == ("DATE", "2026-02-16")
    deal = "The insurer announced an agreement to buy the rival in March."
    assert values(deal, doc=nlp(deal))["March"] == ("DATE", "2026-03")
    ranked = "Norway was the first country to ratify the treaty on Monday."
    assert values(ranked, doc=nlp(ranked))["Monday"] == ("DATE", "2026-02-09")


def test_weekday_owning_an_event_is_past(nlp):
    text = "Lawyers will try to overturn Tuesday's verdict."
    assert values(text, doc=nlp(text))["Tuesday"] == ("DATE", "2026-02-10")
    inquiry = "Police will open an inquiry into Monday's attack."
    assert values(inquiry, doc=nlp(inquiry))["Monday"] == ("DATE", "2026-02-09")


@pytest.mark.parametrize("text", ["The champions head into Friday's group G match against Porto.",
                                  "Iraq await them in Friday's final."])
def test_weekday_owning_an_event_a_team_heads_into_or_awaits_lies_ahead(nlp, text):
    """The present of heading into or awaiting an event tells it ahead, as "face" and "host" do; the owned noun
    is the head of its compound ("Friday's group G match")."""
    assert values(text, doc=nlp(text))["Friday"] == ("DATE", "2026-02-13")


def test_quarter_and_season_follow_tense(nlp):
    ahead = "The carmaker expects sales to recover in the third quarter."
    behind = "The carmaker lost money in the third quarter."
    assert values(ahead, doc=nlp(ahead))["the third quarter"] == ("DATE", "2026-Q3")
    assert values(behind, doc=nlp(behind))["the third quarter"] == ("DATE", "2025-Q3")
    spring = "The bridge was closed in the spring."
    assert values(spring, doc=nlp(spring))["the spring"] == ("DATE", "2025-SP")


def test_quarter_just_ended_across_the_year_turn_is_last_years_when_looking_ahead(nlp):
    """In February the quarter just ended is last year's fourth, whose results are still to come ("expects a loss in
    the fourth quarter"), as the third is in October; a quarter ahead stays this year's."""
    ahead = "The carmaker expects to report a loss in the fourth quarter."
    assert values(ahead, doc=nlp(ahead))["the fourth quarter"] == ("DATE", "2025-Q4")
    later = "The carmaker expects sales to recover in the second quarter."
    assert values(later, doc=nlp(later))["the second quarter"] == ("DATE", "2026-Q2")


def test_fiscal_quarter_told_ahead_is_of_the_anchors_year(nlp):
    """A fiscal quarter's number is no calendar quarter: one whose results are told ahead ends within months of the
    report, so it carries the anchor's year (the year its end date falls in), where a calendar first quarter looked
    ahead to in October is next year's (anchor 2026-10-20)."""
    fiscal = "The retailer expects to report a loss for its fiscal first quarter."
    assert values(fiscal, "2026-10-20", doc=nlp(fiscal))["fiscal first quarter"] == ("DATE", "2026-Q1")
    calendar = "The retailer expects sales to recover in the first quarter."
    assert values(calendar, "2026-10-20", doc=nlp(calendar))["the first quarter"] == ("DATE", "2027-Q1")


def test_the_year_is_a_date_unless_a_fiscal_period_ending():
    found = values("Output for the full year rose, and the fund hit a high for the year.")
    assert found["the full year"] == ("DATE", "2026")
    assert found["the year"] == ("DATE", "2026")
    assert values("In the year ended June 30, losses narrowed.")["the year"] == ("DURATION", "P1Y")
    assert "the year" not in values("Profit was below the year-earlier level.")


def test_business_period_codes():
    found = values("Revenue fell in Q3 but rose in H1 2025; the FY2027 budget is larger.")
    assert found["Q3"] == ("DATE", "2025-Q3")
    assert found["H1 2025"] == ("DATE", "2025-H1")
    assert found["the FY2027"] == ("DATE", "2027")
    assert "q3" not in values("the q3 model")


def test_new_deadline_of_a_postponement_lies_ahead(nlp):
    """"postponed until Tuesday" in a past-tense report still names a day after the act."""
    postponed = "The electoral board postponed the recount until Tuesday morning."
    assert values(postponed, doc=nlp(postponed))["Tuesday morning"] == ("TIME", "2026-02-17TMO")
    assert values(postponed)["Tuesday morning"] == ("TIME", "2026-02-17TMO")
    extended = "The regulator extended its deadline until 9 a.m. Friday."
    assert values(extended, doc=nlp(extended))["9 a.m. Friday"] == ("TIME", "2026-02-13T09:00")
    held = "The strike lasted until Tuesday."
    assert values(held, doc=nlp(held))["Tuesday"] == ("DATE", "2026-02-10")


def test_since_points_back(nlp):
    text = "Ferries will not run as they have not since Monday."
    assert values(text, doc=nlp(text))["Monday"] == ("DATE", "2026-02-09")
    assert values(text)["Monday"] == ("DATE", "2026-02-09")


def test_possessive_is_not_part_of_the_expression():
    text = "Critics said last month's vote and this year's budget were rushed."
    found = {t.span.text: t.value for t in find_timexes(text, ANCHOR)}
    assert found == {"last month": "2026-01", "this year": "2026"}


def test_this_past_and_this_coming():
    found = values("Rallies held this past weekend will resume this coming Sunday; turnout fell this past spring.")
    assert found["this past weekend"] == ("DATE", "2026-W06-WE")
    assert found["this coming Sunday"] == ("DATE", "2026-02-15")
    assert found["this past spring"] == ("DATE", "2025-SP")


def test_quarter_or_half_of_the_year_is_the_current_one():
    found = values("The miner expects output to rise in the second half of the year.")
    assert found["the second half of the year"] == ("DATE", "2026-H2")
    assert values("Output rose in the third quarter of the year.", None)["the third quarter of the year"] == \
        ("DATE", "XXXX-Q3")


def test_part_of_day_before_its_day():
    found = values("Shares slid at mid-afternoon yesterday and again late evening Monday.")
    assert found["mid-afternoon yesterday"] == ("TIME", "2026-02-10TAF")
    timex = {t.span.text: t for t in find_timexes("Shares slid late evening Monday.", ANCHOR)}["late evening Monday"]
    assert (timex.type, timex.value, timex.mod) == ("TIME", "2026-02-09TEV", "END")


def test_undotted_month_abbreviations_next_to_a_number():
    found = values("The pact signed on Jan 15, 2026 takes effect on Feb 3; talks end on Sept 30 and resume in "
                   "Oct 2026.")
    assert found["Jan 15, 2026"] == ("DATE", "2026-01-15")
    assert found["Feb 3"] == ("DATE", "2026-02-03")
    assert found["Oct 2026"] == ("DATE", "2026-10")
    assert values("a jan 5 memo") == {}


def test_month_without_tense_cue_leans_to_the_past():
    """No verb to go by: a month up to four months ahead is this year's, one further ahead last year's."""
    assert values("Highlights: the October ceasefire and the June summit.", "2026-05-20") == {
        "October": ("DATE", "2025-10"), "June": ("DATE", "2026-06")}


def test_plan_told_in_the_past_perfect_lies_behind(nlp):
    """"had been scheduled to" tells of a plan overtaken by events: its day is before the report."""
    for text in ("The offer had been scheduled to expire on Friday.", "The offer had been due to expire Friday."):
        assert values(text, doc=nlp(text))["Friday"] == ("DATE", "2026-02-06")
        assert values(text)["Friday"] == ("DATE", "2026-02-06")
    planned = "The offer is scheduled to expire on Friday."
    assert values(planned, doc=nlp(planned))["Friday"] == ("DATE", "2026-02-13")


@pytest.mark.parametrize("text, span, value", [
    ("The ferry was scheduled to leave on Friday but left two hours late.", "Friday", "2026-02-06"),
    ("The vote was scheduled for Friday but took place on Saturday.", "Friday", "2026-02-06"),
    ("The plane was due to land at 11:55 p.m. Friday, but landed ten minutes late.", "11:55 p.m. Friday",
     "2026-02-06T23:55"),
    # left open by the outcome: called off, another plan, a plan in the present, reported speech shifted back
    ("The vote was scheduled for Friday, but it was postponed.", "Friday", "2026-02-13"),
    ("Protesters planned a rally on Friday and were planning to march on Monday.", "Friday", "2026-02-13"),
    ("The ferry is scheduled to leave on Friday but may leave late.", "Friday", "2026-02-13"),
    ("The talks were scheduled to resume Friday, officials said.", "Friday", "2026-02-13"),
    ("He was scheduled to fly to Paris on Friday but said he would stay.", "Friday", "2026-02-13"),
])
def test_a_plan_told_in_the_past_against_what_happened_lies_behind(nlp, text, span, value):
    """"was scheduled to leave on Friday but left two hours late": the contrast with an outcome told as done says the
    plan's time has come, so its day is before the report (TimeML values a day by the time its clause refers to)."""
    assert values(text, doc=nlp(text))[span][1] == value


def test_hour_with_a_part_of_day_instead_of_pm():
    found = values("The convoy will leave at 4 in the morning; the curfew starts at 10 tonight and ends at 6 o'clock.")
    assert found["4 in the morning"] == ("TIME", "2026-02-11T04:00")
    assert found["10 tonight"] == ("TIME", "2026-02-11T22:00")
    assert found["6 o'clock"] == ("TIME", "2026-02-11T06:00")
    assert values("The striker scored 2 in the afternoon session.") == {}


def test_plural_part_of_day_after_a_weekday_is_a_set():
    found = values("The ferry sails on Tuesday nights and Sunday mornings.")
    assert found["Tuesday nights"] == ("SET", "XXXX-WXX-2TNI")
    assert found["Sunday mornings"] == ("SET", "XXXX-WXX-7TMO")


def test_weekday_coordinated_with_a_plural_part_of_day_shares_it():
    """"Monday and Tuesday nights" is every Monday night and every Tuesday night (an ellipsis of the head);
    with a singular head ("Friday and Saturday night") the first day keeps its own date."""
    found = values("Two extra ferries will sail on Monday and Tuesday nights from March 30.")
    assert found["Monday"] == ("SET", "XXXX-WXX-1TNI")
    assert found["Tuesday nights"] == ("SET", "XXXX-WXX-2TNI")
    assert values("The gallery stays open late on Thursday or Friday evenings.")["Thursday"] == ("SET", "XXXX-WXX-4TEV")
    found = values("The ferry sailed on Friday and Saturday night.")
    assert found["Friday"] == ("DATE", "2026-02-06")
    assert found["Saturday night"] == ("TIME", "2026-02-07TNI")


def test_one_day_between_subject_or_modal_and_verb_is_indefinite():
    assert values("Analysts say the port will one day rival Rotterdam.")["one day"] == ("DATE", "FUTURE_REF")
    assert values("The union hopes it one day wins back the contract.")["one day"] == ("DATE", "FUTURE_REF")
    assert values("The strike lasted one day.")["one day"] == ("DURATION", "P1D")


def test_one_day_in_a_clause_still_to_come_is_indefinite():
    """"one day" as an adverbial of a clause not yet realised is a time left open (FUTURE_REF), not a day long:
    after a verb's object or before an infinitive when a modal, "to" or a verb of wishing opens the clause, and
    right before a modal; "someday" is never an amount."""
    future = ("DATE", "FUTURE_REF")
    assert values("The agency plans rockets to carry crews and to bring them one day to the outer planets.")[
        "one day"] == future
    assert values("The mayor hopes one day to open a second line.")["one day"] == future
    assert values("Officials said the tunnel could be used, one day, to carry freight.")["one day"] == future
    assert values("Investors fear the board one day may sell the brand.")["one day"] == future
    assert values("Fans want him one day to coach the club.")["one day"] == future
    assert values("Someday the bridge will be rebuilt.")["Someday"] == future
    # closing an unrealised clause; closing a told one it stays the amount it was read as
    assert values("The city hopes to host the games one day.")["one day"] == future
    assert values("The city hosted the games one day.")["one day"] == ("DURATION", "P1D")
    # opening its sentence (or a "that" clause) with a modal ahead in the clause
    assert values("The plan was approved. One day the old port could become a park.")["One day"] == future
    assert values("He said that one day the mines will close.")["one day"] == future
    assert values("He recalled the one day the mines closed.").get("one day") != future  # a day of the story


def test_one_day_as_an_amount_stays_a_duration():
    """A word that takes a length of time before it (a verb of taking, giving or having, a preposition of extent)
    or a clause already told makes "one day" the amount (P1D)."""
    day = ("DURATION", "P1D")
    assert values("The repair took one day to finish.")["one day"] == day
    assert values("The court gave the company one day to answer.")["one day"] == day
    assert values("With one day to go, the vote is close.")["one day"] == day
    assert values("Prices moved sharply from one day to the next.")["one day"] == day
    assert values("The envoy met them one day in Vienna.")["one day"] == day
    assert values("The driver stopped one day to rest.")["one day"] == day


def test_a_price_per_night_is_a_set():
    """"$90 a night" is a rate like "$3 million a year": a set (TimeML's "twice a week"), a night counting as a
    day as "nightly" does; a night spent is still an amount."""
    assert values("Rooms at the new inn cost $90 a night.")["a night"] == ("SET", "P1D")
    assert values("Crews worked six hours a night.")["a night"] == ("SET", "P1D")
    assert values("The guide charges 40 euros per night.")["per night"] == ("SET", "P1D")
    assert values("The suspect spent a night in custody.")["a night"] == ("DURATION", "P1D")


def test_month_and_season_with_a_year_in_words():
    found = values("Prices last fell this far in the winter of nineteen ninety-four, and again in March two "
                   "thousand and one.")
    assert found["the winter of nineteen ninety-four"] == ("DATE", "1994-WI")
    assert found["March two thousand and one"] == ("DATE", "2001-03")


def test_last_quarter_or_half_of_a_year_is_its_final_one():
    found = values("Growth slowed in the last half of 2024 and in the last quarter of this year.")
    assert found["the last half of 2024"] == ("DATE", "2024-H2")
    assert found["the last quarter of this year"] == ("DATE", "2026-Q4")
    assert values("Sales fell last quarter.")["last quarter"] == ("DATE", "2025-Q4")


def test_day_of_month_said_as_an_ordinal():
    found = values("The march is on Sunday, March eighth; the summit opens on the twenty-first of June.")
    assert found["Sunday, March eighth"] == ("DATE", "2026-03-08")
    assert found["the twenty-first of June"] == ("DATE", "2026-06-21")
    assert list(values("The team came second in May.")) == ["May"]


def test_the_week_of_a_date_is_that_week():
    assert values("A hearing is set for the week of March 6.")["the week of March 6"] == ("DATE", "2026-W10")
    assert values("A hearing is set for the week of March 6.", None)["the week of March 6"] == ("DATE", "XXXX-WXX")


def test_fiscal_year_codes():
    found = values("Guidance for FY25 was cut, FY2027 looks better and fiscal 2024 was worse.")
    assert found["FY25"] == ("DATE", "2025")
    assert found["FY2027"] == ("DATE", "2027")
    assert found["fiscal 2024"] == ("DATE", "2024")
    assert values("Net fell in fiscal '89 and fiscal ’91 will be better.") == {
        "fiscal '89": ("DATE", "1989"), "fiscal ’91": ("DATE", "1991")}


def test_fiscal_between_a_quarters_modifier_and_its_noun():
    """"the year-earlier fiscal quarter" is the reported quarter a year back, "the latest fiscal quarter" the reported one."""
    found = values("Third-quarter net rose. In the year-earlier fiscal quarter, net fell.", "1989-10-26")
    assert found["the year-earlier fiscal quarter"] == ("DATE", "1988-Q3")
    assert values("Net fell in the latest fiscal quarter.", "1989-10-26") == {
        "the latest fiscal quarter": ("DATE", "1989-Q3")}


def test_clock_time_takes_the_day_of_its_sentence():
    found = values("On Feb. 9, the polls closed at 10 p.m. The count began at 6 a.m.")
    assert found["10 p.m."] == ("TIME", "2026-02-09T22:00")
    # no day in its sentence: the story's day, here the morning after the night told
    assert found["6 a.m."] == ("TIME", "2026-02-10T06:00")
    found = values("The quake struck at about 3:40 a.m. (0140 GMT) Monday.")
    assert found["3:40 a.m."] == ("TIME", "2026-02-09T03:40")
    assert found["0140 GMT"] == ("TIME", "2026-02-09T01:40")
    # a 24-hour clock told in local time, as wire reports write it
    assert values("The blast happened at 0730 local time on Sunday.")["0730 local time"] == \
        ("TIME", "2026-02-08T07:30")
    timex = {t.span.text: t for t in find_timexes("It struck Monday at about 3:40 a.m.", ANCHOR)}
    assert (timex["Monday at about 3:40 a.m."].value, timex["Monday at about 3:40 a.m."].mod) == \
        ("2026-02-09T03:40", "APPROX")
    assert values("Polls closed at 8 p.m. ET on Nov. 3.")["8 p.m. ET"] == ("TIME", "2025-11-03T20:00")
    # a day elsewhere in the sentence may belong to another event
    found = values("The index rose 2% from Monday's close to stand at 1,200 at 10 a.m.")
    assert found["10 a.m."] == ("TIME", "2026-02-11T10:00")


def test_season_and_quarter_words_that_are_no_time():
    assert values("Banks led the fall in share prices after the fall of the government.") == {}
    assert values("The vote was put off until the fall.")["the fall"][0] == "DATE"
    assert values("The central bank raised rates by a quarter percentage point; a quarter of the staff left.") == {}
    assert values("Profit doubled in a quarter when sales fell.")["a quarter"] == ("DURATION", "P3M")


def test_the_previous_unit_counts_back_from_the_last_date():
    found = values("Exports in 2024 rose 5% from the previous year.")
    assert found["the previous year"] == ("DATE", "2023")
    assert values("Exports rose 5% from the previous year.")["the previous year"] == ("DATE", "2025")


def test_vague_stretch_of_recent_or_coming_units_is_a_duration():
    found = values("Kidnappings rose in recent years and may rise again in the coming months.")
    assert found["recent years"] == ("DURATION", "PXY")
    assert found["coming months"] == ("DURATION", "PXM")


def test_day_owning_an_event_the_clause_takes_place_at_lies_ahead(nlp):
    text = "Voters will head to the polls in Sunday's runoff."
    assert values(text, doc=nlp(text))["Sunday"] == ("DATE", "2026-02-15")


def test_time_words_capitalised_mid_sentence_are_names():
    found = values('Follow the USA TODAY reporter, who told ABC\'s "This Week" and CBS\'s "60 Minutes" '
                   "about the Communist Party daily Granma. Today he left; he writes daily.")
    assert set(found) == {"Today", "daily"}


def test_holiday_with_its_year():
    found = values("They married on Valentine's Day 2015 and split at Christmas, 2019; Easter 2016 fell early.")
    assert found["Valentine's Day 2015"] == ("DATE", "2015-02-14")
    assert found["Christmas, 2019"] == ("DATE", "2019-12-25")
    assert found["Easter 2016"] == ("DATE", "2016-03-27")


def test_feasts_that_move_with_the_calendar_are_their_day_not_a_weekday():
    found = values("The accord was signed on Good Friday 1998. Shops opened on Black Friday 2025 and on Cyber "
                   "Monday 2025; the parade was held on Memorial Day 2024 and the strike ended on Labor Day 2024.")
    assert found["Good Friday 1998"] == ("DATE", "1998-04-10")
    assert found["Black Friday 2025"] == ("DATE", "2025-11-28")
    assert found["Cyber Monday 2025"] == ("DATE", "2025-12-01")
    assert found["Memorial Day 2024"] == ("DATE", "2024-05-27")
    assert found["Labor Day 2024"] == ("DATE", "2024-09-02")


def test_feast_without_a_year_follows_the_tense(nlp):
    past = "Shoppers crowded the stores on Black Friday."
    ahead = "Pilgrims will gather in the square on Good Friday."
    assert values(past, "2026-11-20", nlp(past))["Black Friday"] == ("DATE", "2025-11-28")
    assert values(ahead, ANCHOR, nlp(ahead))["Good Friday"] == ("DATE", "2026-04-03")
    assert values("Prices rose on Ash Wednesday.", None)["Ash Wednesday"] == ("DATE", "XXXX-XX-XX")


def test_things_named_for_a_feast_are_no_day():
    found = values("She put up the Christmas lights; flights to Christmas Island resumed after the Christmas Market "
                   "attack. The Christmas party is on Christmas Eve.")
    assert found == {"Christmas": ("DATE", "2025-12-25"), "Christmas Eve": ("DATE", "2025-12-24")}


def test_fixed_feasts_written_with_capitals():
    found = values("Workers marched on May Day 2025 and planted trees on Earth Day 2025; it was April Fool's Day "
                   "2024. He had an epiphany about flag day rules.")
    assert found == {"May Day 2025": ("DATE", "2025-05-01"), "Earth Day 2025": ("DATE", "2025-04-22"),
                     "April Fool's Day 2024": ("DATE", "2024-04-01")}


def test_colour_midnight_and_each_quarter_of_a_game_are_no_time():
    assert values("Payload will be my midnight cherry Tesla Roadster in a midnight-blue fairing.") == {}
    assert values("The Steelers scored a touchdown in each quarter.") == {}
    assert values("Prices are reviewed each quarter.") == {"each quarter": ("SET", "P3M")}


def test_light_years_are_a_distance():
    assert values("The galaxy is 3.8 billion light years away; the star lies 40 light-years from Earth.") == {}
    assert values("The probe travelled for 40 years.") == {"40 years": ("DURATION", "P40Y")}


def test_first_clock_of_a_range_takes_the_meridiem_written_after_the_second():
    found = values("The launch window is between 1:30 and 4:00 p.m.; the market opens from 11 to 2 p.m.")
    assert found["1:30"] == ("TIME", "2026-02-11T13:30")
    assert found["4:00 p.m."] == ("TIME", "2026-02-11T16:00")
    assert values("The talks ran between 10:30 and 11:45 a.m.")["10:30"] == ("TIME", "2026-02-11T10:30")


def test_may_paired_with_another_month_is_the_month():
    text = "Prices fell between March and May 2024, rose from April to May and then dropped in June or May."
    found = [(t.span.text, t.value[4:]) for t in find_timexes(text, ANCHOR)]
    assert found == [("March", "-03"), ("May 2024", "-05"), ("April", "-04"), ("May", "-05"), ("June", "-06"),
                     ("May", "-05")]
    assert "may" not in values("Prices fell in March and may fall again in April.")


def test_weekday_and_date_without_year_some_years_back():
    assert values("He said on Tuesday, August 3, that the couple had split.")["Tuesday, August 3"] == \
        ("DATE", "2021-08-03")


def test_clock_keeps_no_sentence_final_dot():
    assert "6pm" in values("The meteor was seen just before 6pm. Witnesses called it bright.")
    assert "6 p.m." in values("The meeting starts at 6 p.m. Friday.") or \
        "6 p.m. Friday" in values("The meeting starts at 6 p.m. Friday.")


def test_age_is_no_duration():
    assert values("His 14-year old daughter was hurt.") == {}


def test_colon_figures_need_a_time_context():
    found = values("Tesla posts a loss | 1:37 Tesla has reported it. The vote began at 14:30 and Spain won 2:1.")
    assert set(found) == {"14:30"}


def test_quarter_or_half_of_a_game_is_no_calendar_period():
    assert values("He scored a touchdown in the fourth quarter.") == {}
    assert values("Profit rose in the fourth quarter.")["the fourth quarter"] == ("DATE", "2025-Q4")


def test_denied_could_tells_the_past(nlp):
    text = "The family could not be reached on Sunday."
    assert values(text, doc=nlp(text))["Sunday"] == ("DATE", "2026-02-08")
    assert values(text)["Sunday"] == ("DATE", "2026-02-08")


def test_day_owning_a_planned_event_lies_ahead(nlp):
    text = "Crowds gathered for Friday's planned launch."
    assert values(text, doc=nlp(text))["Friday"] == ("DATE", "2026-02-13")


def test_event_planned_in_the_past_tense_lies_ahead(nlp):
    """"planned a rally on Saturday": the planning is told, the rally is still to come."""
    text = "Farmers planned a tractor convoy through the capital on Saturday."
    assert values(text, doc=nlp(text))["Saturday"] == ("DATE", "2026-02-14")


def test_a_rule_that_takes_effect_on_a_day_takes_it_ahead(nlp):
    text = "The new speed limits take effect on Monday, the ministry said."
    assert values(text, doc=nlp(text))["Monday"] == ("DATE", "2026-02-16")
    past = "The new speed limits took effect on Monday."
    assert values(past, doc=nlp(past))["Monday"] == ("DATE", "2026-02-09")


def test_this_weekend_is_the_one_of_the_publication_week():
    assert values("Talks this weekend were dismissed as pointless.", "2026-02-13")["this weekend"] == \
        ("DATE", "2026-W07-WE")  # a Friday: the weekend ahead, whatever the tense
    assert values("Storms battered the coast this weekend.", "2026-02-16")["this weekend"] == ("DATE", "2026-W07-WE")


def test_the_past_before_a_count_of_things_is_no_reference():
    assert values("Golkar has won the past five elections.") == {}
    assert values("In the past, Russia claimed it.")["the past"] == ("DATE", "PAST_REF")


def test_relative_quarters():
    found = values("Profit fell last quarter, will fall this quarter and recover next quarter.")
    assert found["last quarter"] == ("DATE", "2025-Q4")
    assert found["this quarter"] == ("DATE", "2026-Q1")
    assert found["next quarter"] == ("DATE", "2026-Q2")


def test_last_month_name_just_gone_is_a_year_back():
    # the month just gone would be "last month", so "last January" in February is the year before
    assert values("Two helicopters crashed last January.")["last January"] == ("DATE", "2025-01")
    assert values("The treaty was signed last November.")["last November"] == ("DATE", "2025-11")


def test_dates_a_decision_takes_effect_or_runs_through_lie_ahead(nlp):
    for text, span, value in [("The bank extended the loans through June.", "June", "2026-06"),
                              ("The board named a new chairman, effective June 5.", "June 5", "2026-06-05"),
                              ("The dividend is payable Dec. 7.", "Dec. 7", "2026-12-07"),
                              ("The rule change was made effective Feb. 1.", "Feb. 1", "2026-02-01"),
                              ("The company sold notes due Nov. 15 at par.", "Nov. 15", "2026-11-15"),
                              ("Investors await the figures due on Aug. 5.", "Aug. 5", "2026-08-05")]:
        assert values(text)[span] == ("DATE", value)
        assert values(text, doc=nlp(text))[span] == ("DATE", value)


def test_a_deadline_told_as_past_stays_behind(nlp):
    """"due" points ahead only when the clause does not say the deadline has passed."""
    for text, span, value in [("The payment was due on Jan. 30.", "Jan. 30", "2026-01-30"),
                              ("The rent had been due on Feb. 1.", "Feb. 1", "2026-02-01")]:
        assert values(text)[span] == ("DATE", value)
        assert values(text, doc=nlp(text))[span] == ("DATE", value)


def test_british_weekday_dates_and_numeric_dates():
    assert values("The vote is on Tuesday 3 March.")["Tuesday 3 March"] == ("DATE", "2026-03-03")
    assert values("It happened on Monday, 3 March 2025.")["Monday, 3 March 2025"] == ("DATE", "2025-03-03")
    assert values("The deal closed on 03/04/2025.")["03/04/2025"] == ("DATE", "2025-03-04")


def test_weekday_of_a_named_week():
    assert values("They meet Tuesday next week.")["Tuesday next week"] == ("DATE", "2026-02-17")
    assert values("He left on Friday last week.")["Friday last week"] == ("DATE", "2026-02-06")


def test_coordinated_day_numbers_are_dates_of_their_own():
    found = values("The summit will be held on April 24 and 25, after talks on 4-5 March.")
    assert found["April 24"] == ("DATE", "2026-04-24") and found["25"] == ("DATE", "2026-04-25")
    assert found["4"] == ("DATE", "2026-03-04") and found["5 March"] == ("DATE", "2026-03-05")
    assert "4" not in values("It fell on March 3, 2025 and 4 people died.")
    for timex in find_timexes("Talks on Dec. 4-5 in Paris.", ANCHOR):
        assert "Talks on Dec. 4-5 in Paris."[timex.span.start:timex.span.end] == timex.span.text


def test_headline_capitals_are_no_name():
    found = values("Couple Split After 4 Years Of Marriage\nThe couple split after four years.")
    assert found["4 Years"] == ("DURATION", "P4Y")


def test_counted_units_keep_their_meaning_inside_names(nlp):
    assert values("The debate has gone on since the Six-Day War.")["Six-Day"] == ("DURATION", "P6D")
    text = "He may miss two weeks with an ankle sprained during Tuesday's loss."
    assert values(text, doc=nlp(text))["Tuesday"] == ("DATE", "2026-02-10")


def test_capital_after_a_lower_case_word_may_open_an_unpunctuated_sentence():
    assert values("From scrap metal to high tech These days, jobs are scarce.")["These days"] == \
        ("DATE", "PRESENT_REF")
    assert values("He told Florida Today.") == {}


def test_capitalised_ordinal_days_are_no_names():
    assert values("They left over the July Fourth weekend.")["July Fourth"] == ("DATE", "2025-07-04")


@pytest.mark.parametrize("text, span, value", [
    # after "to" or a modal "last" is the verb, outside the expression; "the last three years" keeps it
    ("Officials warned that the closure could last several weeks.", "several weeks", "PXW"),
    ("The inquiry is expected to last six months.", "six months", "P6M"),
    ("The truce didn't last a day.", "a day", "P1D"),
    ("Prices climbed over the last three years.", "the last three years", "P3Y"),
    # "<unit>-long" adjectives: one unit, or an unknown number of them
    ("A week-long strike shut the harbour.", "week-long", "P1W"),
    ("The board met after a day-long hearing.", "day-long", "P1D"),
    ("The decades-long border dispute was settled.", "decades-long", "PXY"),
    ("Residents endured a months-long blockade.", "months-long", "PXM"),
    # halves: "half a century", "half an hour", "three-and-a-half years"
    ("The feud went on for half a century.", "half a century", "P50Y"),
    ("Rescuers arrived within half an hour.", "half an hour", "PT30M"),
    ("The reporter was held for three-and-a-half years.", "three-and-a-half years", "P3Y6M"),
])
def test_verb_last_unit_long_and_half_durations(text, span, value):
    assert values(text)[span] == ("DURATION", value)


@pytest.mark.parametrize("text, span, value", [
    ("Final results are due on Thursday.", "Thursday", "2026-02-12"),
    ("The runoff is set for October.", "October", "2026-10"),
    # a record "set on" a day is a past event, not a plan
    ("The index is far below the record high set on Aug. 6.", "Aug. 6", "2025-08-06"),
    # a day's event as the subject of a clause that looks ahead, or reports
    ("Saturday's march is expected to draw thousands.", "Saturday", "2026-02-14"),
    ("Friday's deadline passed without a deal.", "Friday", "2026-02-06"),
])
def test_present_tense_plan_frames_point_ahead(nlp, text, span, value):
    """"are due on", "is set for": a present-tense "be" with a plan word looks ahead; so does a day's
    event that is the subject of a future clause."""
    assert values(text, doc=nlp(text))[span] == ("DATE", value)


@pytest.mark.parametrize("text, span, kind, value, mod", [
    # "about" is left outside the extent, its meaning kept in the mod
    ("Negotiators talked for about three hours.", "three hours", "DURATION", "PT3H", "APPROX"),
    # "earlier"/"later" before a weekday order events of that day; "early"/"late" name a part of it
    ("Later Tuesday, the cabinet met again.", "Tuesday", "DATE", "2026-02-10", None),
    ("Earlier Monday, police closed the road.", "Monday", "DATE", "2026-02-09", None),
    ("The storm hit late Monday.", "late Monday", "DATE", "2026-02-09", "END"),
    # a hyphenated quarter is an adjective: its "the" belongs to the noun
    ("Analysts studied the third-quarter figures.", "third-quarter", "DATE", "2025-Q3", None),
    # a preposition is no part of the expression
    ("The merger should be completed by year-end.", "year-end", "DATE", "2026", "END"),
    # a quarter named by a month is that calendar quarter
    ("The phone maker posted record sales for the December quarter.", "the December quarter", "DATE", "2025-Q4",
     None),
    ("Output in the September quarter of 2024 fell.", "the September quarter of 2024", "DATE", "2024-Q3", None),
    ("Analysts liked the June-quarter figures.", "June-quarter", "DATE", "2025-Q2", None),
    # British clocks ("11.30pm", only with am/pm) and time zones in words
    ("Firefighters were called at 11.30pm on Saturday.", "11.30pm", "TIME", "2026-02-07T23:30", None),
    ("Polls close at 8 p.m. Pacific Standard Time.", "8 p.m. Pacific Standard Time", "TIME", "2026-02-11T20:00",
     None),
    ("The court sits at 9:30 a.m. Eastern time on Monday.", "9:30 a.m. Eastern time", "TIME", "2026-02-09T09:30",
     None),
    # a clock with "last night" / "yesterday morning" is on the day before the anchor
    ("The suspect was detained at 11.45pm last night.", "11.45pm last night", "TIME", "2026-02-10T23:45", None),
    ("The power failed at 6 a.m. yesterday morning.", "6 a.m. yesterday morning", "TIME", "2026-02-10T06:00", None),
])
def test_spans_types_values_and_mods(text, span, kind, value, mod):
    timex = {t.span.text: t for t in find_timexes(text, ANCHOR)}[span]
    assert (timex.type, timex.value, timex.mod) == (kind, value, mod)


def test_year_ago_in_a_sentence_about_nine_months_is_a_year():
    """An earnings report names its quarter, but a comparison in a sentence about the nine months
    (or the year) is with the same months a year back, not with the quarter."""
    text = ("Net income rose 12% in the third quarter. For the nine months, profit was $40 million, "
            "against $31 million a year earlier.")
    found = values(text, "2025-10-20")
    assert found["the third quarter"] == ("DATE", "2025-Q3")
    assert found["a year earlier"] == ("DATE", "2024")
    quarter = "Net income rose 12% in the third quarter, against $9 million a year earlier."
    assert values(quarter, "2025-10-20")["a year earlier"] == ("DATE", "2024-Q3")


def test_units_ahead_and_the_unit_before_or_after():
    found = values("Aid will arrive in the days ahead. Exports reached $9 billion in 2024, up from $7 billion "
                   "the year before. The army withdrew on March 3, 2025, and the rebels moved in the day after.")
    expected = {"the days ahead": ("DURATION", "PXD"), "the year before": ("DATE", "2023"),
                "the day after": ("DATE", "2025-03-04")}
    assert {span: found.get(span) for span in expected} == expected
    # "the day before the vote": the day is named by the event that follows, not a step from a date
    assert "the day before" not in values("Polls closed the day before the vote.")


@pytest.mark.parametrize("text, anchor, value", [
    ("The accord was signed on the 9th.", ANCHOR, "2026-02-09"),
    ("The accord was signed on the 20th.", ANCHOR, "2026-01-20"),
    ("The accord will be signed on the 20th.", ANCHOR, "2026-02-20"),
    ("The accord will be signed on the 5th.", ANCHOR, "2026-03-05"),
    ("The accord was signed on the 31st.", "2026-03-10", "2026-01-31"),  # February has no 31st
    ("The accord was signed on the 9th.", None, "XXXX-XX-09"),
])
def test_day_of_month_alone(nlp, text, anchor, value):
    found = values(text, anchor, nlp(text))
    assert found[next(span for span in found if span.startswith("the "))] == ("DATE", value)


def test_ordinal_before_a_noun_and_a_dot_figure_are_no_time():
    assert values("Her office is on the 12th floor.") == {}
    assert "the 11th" not in values("The chapel dates back to the 11th to 13th century.")
    assert values("The index gained 11.30 points.") == {}


@pytest.mark.parametrize("text, span, kind, value", [
    # "that <month>", "that <season>", "later that year": of the year the article last named
    ("The plant opened in March 1998. That December it closed.", "That December", "DATE", "1998-12"),
    ("The plant opened in March 1998. That December it closed, and later that year it reopened.", "later that year",
     "DATE", "1998"),
    ("The strike began in 2019. That summer the mines stood still.", "That summer", "DATE", "2019-SU"),
    ("The strike began in 2019. That spring, the mines stood still.", "That spring", "DATE", "2019-SP"),
    # a part of the day last dated, or of the publication day when none was
    ("The accord was signed on March 3, 1998. The next morning the troops left.", "The next morning", "TIME",
     "1998-03-04TMO"),
    ("The accord was signed on March 3, 1998, and later that night the troops left.", "later that night", "TIME",
     "1998-03-03TNI"),
    ("Nobody came to the hearing. That evening the police arrived.", "That evening", "TIME", "2026-02-11TEV"),
    ("The army withdrew in 1998. That night the rebels moved in.", "That night", "TIME", "1998-XX-XXTNI"),
    # "post-1959", "pre-1990": the year, its side in the mod
    ("The post-1959 politics split many families.", "post-1959", "DATE", "1959"),
    ("Pre-1990 contracts stay valid.", "Pre-1990", "DATE", "1990"),
    # a rate after an amount of time is a set ("24 hours a day")
    ("Guards watch the house 24 hours a day.", "a day", "SET", "P1D"),
    ("The clinic is open seven days a week.", "a week", "SET", "P1W"),
    # "dozen" counts
    ("The feud has lasted two dozen years.", "two dozen years", "DURATION", "P24Y"),
])
def test_back_references_sides_rates_and_dozens(text, span, kind, value):
    assert values(text)[span] == (kind, value)


def test_season_after_that_as_a_verb_is_no_time():
    assert "that fall" not in {s.lower() for s in values("Stocks that fall sharply are sold first.")}


def test_a_march_by_name_is_no_month():
    assert values("Agents watched the crowd at the annual March for Life in Washington.") == {}
    assert values("Thousands joined the March of the Mothers.") == {}
    assert values("The vote was held in March on Tuesday.")["March"] == ("DATE", "2026-03")
    # a quoted name, an event owned by a named group, a rocket's model name; a person's trip in March stays a month
    assert values("She walked at the head of the ``March of the Mothers,'' a rally.") == {}
    assert values("Thousands joined the Women's March in London.") == {}
    assert values("A Long March 4C rocket and a Long March-5 will fly.") == {}
    assert values("Trump's March visit was short.")["March"] == ("DATE", "2026-03")


@pytest.mark.parametrize("text, span, value", [
    # "the quarter ended July 31": the calendar quarter holding most of its months (May-July: Q2)
    ("In the quarter ended July 31, sales rose 4%.", "the quarter", "1989-Q2"),
    # a numbered fiscal quarter is of the year its end date falls in
    ("Profit fell in the fiscal second quarter ended Jan. 31.", "the fiscal second quarter", "1989-Q2"),
    # "the latest period" is the quarter reported, a fiscal one ending later than the last calendar quarter
    ("Ralston reported a decline in fourth-quarter earnings. Sales in the latest period rose.", "the latest period",
     "1989-Q4"),
    ("Profit for its fourth quarter ended Sept. 30 fell, and sales in the latest period rose.", "the latest period",
     "1989-Q4"),
    # a quarter still ahead ("will mean a fourth-quarter charge") is no report: "a year ago" compares the reported one
    ("Net income rose in the third quarter. The quake will mean a fourth-quarter charge. Earnings were $6 million "
     "a year ago.", "a year ago", "1988-Q3"),
])
def test_reported_quarters(nlp, text, span, value):
    assert values(text, "1989-11-02", nlp(text))[span] == ("DATE", value)


def test_a_quarter_that_ended_lies_before_the_anchor():
    """"ended March 31" said in February is last year's March (an ended period, whatever the tense tolerance)."""
    assert values("In the quarter ended March 31, sales rose.", ANCHOR)["the quarter"] == ("DATE", "2025-Q1")


QUARTERS_TO_A_MONTH = [
    # "the quarter to September" (British and financial usage) ends in September: Q3 of the year the tense picks
    ("Profit fell in the quarter to September.", "2025-Q3"),
    ("Profit will rise in the quarter to September.", "2026-Q3"),
    ("Profit in the quarter to end-September rose 4%.", "2025-Q3"),
    ("Net income for the quarter to the end of December was flat.", "2025-Q4"),
    ("Sales in the quarter to Sept. 30 rose.", "2025-Q3"),
    # a year after the month is the end's year, not a day ("September 20...")
    ("The quarter to September 2024 was weak.", "2024-Q3"),
    ("The quarter ended September 2024 was weak.", "2024-Q3"),
]


@pytest.mark.parametrize("text, value", QUARTERS_TO_A_MONTH)
def test_a_quarter_to_a_month_is_the_quarter_ending_in_it(nlp, text, value):
    for doc in (nlp(text), None):
        found = {span.lower(): found for span, found in values(text, doc=doc).items()}
        assert found["the quarter"] == ("DATE", value)


def test_side_of_a_year_is_its_mod():
    found = {t.span.text: t.mod for t in find_timexes("Post-1959 exiles and pre-1990 contracts differ.", ANCHOR)}
    assert found == {"Post-1959": "AFTER", "pre-1990": "BEFORE"}


@pytest.mark.parametrize("text, span, value", [
    # a day of the month with "last/next year", or after "last"/"next"
    ("Police were called on June 21 last year.", "June 21 last year", "2025-06-21"),
    ("He will be freed on March 3 next year.", "March 3 next year", "2027-03-03"),
    ("The siege began last December 17 at dawn.", "last December 17", "2025-12-17"),
    # a quarter named by its months
    ("Growth in the July-September quarter was revised down.", "the July-September quarter", "2025-Q3"),
    ("In the April to June quarter exports fell.", "the April to June quarter", "2025-Q2"),
])
def test_month_days_with_a_relative_year_and_quarters_by_months(text, span, value):
    assert values(text)[span] == ("DATE", value)


@pytest.mark.parametrize("text, span, value", [
    # "the same period last year": the reported quarter a year back, else the year before the anchor
    ("Net income rose in the third quarter, compared with the same period last year.", "the same period last year",
     "2024-Q3"),
    ("From January to October, revenue rose 19% from the same period last year.", "the same period last year", "2024"),
    ("Births fell to 142,000, fewer than in the same period of 2023.", "the same period of 2023", "2023"),
    ("Prices are higher than at the same time last year.", "the same time last year", "2024"),
])
def test_the_same_period_a_year_back(text, span, value):
    assert values(text, "2025-11-16")[span] == ("DATE", value)


def test_the_same_period_without_a_quarter_is_no_date():
    assert values("Shelling killed three civilians during the same period.", "2025-11-16") == {}


@pytest.mark.parametrize("text, span, value", [
    # a timetable told in the present tense lies ahead
    ("The tournament starts on Sunday in Doha.", "Sunday", "2026-02-15"),
    ("The president opens the conference on Friday.", "Friday", "2026-02-13"),
    ("Australia play Brazil in Nuremberg on Saturday.", "Saturday", "2026-02-14"),
    # a limit with "until" in a present-tense clause lies ahead; in a past one it lies behind
    ("Expatriates have until Thursday to cast their ballots.", "Thursday", "2026-02-12"),
    ("The rebels held the town until Monday.", "Monday", "2026-02-09"),
])
def test_timetables_and_limits_in_the_present_look_ahead(nlp, text, span, value):
    assert values(text, doc=nlp(text))[span] == ("DATE", value)


@pytest.mark.parametrize("text, span, kind", [
    # things counted per unit of time: a set; an amount of time before "a week ago" stays a duration
    ("The agency plans to fly home more than 1,000 refugees a day.", "a day", "SET"),
    ("The airline runs four flights a week to Perth.", "a week", "SET"),
    ("The talks lasted two days a week ago.", "two days", "DURATION"),
])
def test_counted_things_per_unit_are_sets(text, span, kind):
    assert values(text)[span][0] == kind


@pytest.mark.parametrize("text, span, kind, value", [
    # without a count, "the past/next <unit>" is the calendar unit holding most of that stretch ...
    ("Hate groups grew over the past year.", "the past year", "DATE", "2025"),
    ("The plants will close over the next year.", "the next year", "DATE", "2026"),
    ("He has stayed in Paris for the last week.", "the last week", "DATE", "2026-W06"),
    # ... but the past decade is the ten years up to now, not a calendar decade
    ("Wages lost ground to inflation in the last decade.", "the last decade", "DURATION", "P10Y"),
])
def test_the_past_or_next_unit_without_a_count(text, span, kind, value):
    assert values(text)[span] == (kind, value)


def test_the_last_unit_of_something_is_the_final_one():
    assert values("It was the last year of the war.") == {}
    assert "the last year" not in values("Talks go on after 2030, the last year covered by the rules.")


def test_more_fixed_holidays():
    found = values("The match was played on Boxing Day, and crowds marched on Veterans Day 2025.")
    assert found["Boxing Day"] == ("DATE", "2025-12-26")
    assert found["Veterans Day 2025"] == ("DATE", "2025-11-11")


@pytest.mark.parametrize("text, span, value", [
    # a unit counted in another, and fractions in the next smaller unit
    ("The envoy left a fortnight ago.", "a fortnight ago", "2026-W05"),
    ("The mill closed half a century ago.", "half a century ago", "1976"),
    ("The firm was sold two and a half years ago.", "two and a half years ago", "2023-08"),
    # "the end of the quarter": the quarter ahead when told ahead
    ("The report is due at the end of the quarter.", "the end of the quarter", "2026-Q1"),
])
def test_fortnights_fractions_and_the_end_of_the_quarter(text, span, value):
    assert values(text)[span] == ("DATE", value)


def test_last_year_before_a_verb_ended_stays_a_date():
    assert values("Most of the children who left last year ended up abroad.")["last year"] == ("DATE", "2025")


def test_current_account_is_no_time():
    assert values("The current account deficit widened, and swimmers fought the current.") == {}
    assert values("Its current owner is a bank.")["current"] == ("DATE", "PRESENT_REF")


@pytest.mark.parametrize("text, span, value", [
    ("The feud lasted a hundred years.", "a hundred years", "P100Y"),
    # "one hundred and twenty" is one number, not a range
    ("He was jailed for one hundred and twenty days.", "one hundred and twenty days", "P120D"),
    ("Profit rose in the first three quarters of the year.", "the first three quarters", "P9M"),
])
def test_spelled_hundreds_and_quarters_counted(text, span, value):
    assert values(text)[span] == ("DURATION", value)


def test_three_quarters_of_an_hour_is_no_nine_months():
    assert "three quarters" not in values("They waited three quarters of an hour.")


@pytest.mark.parametrize("text, span, value", [
    ("The market opens every morning.", "every morning", "XXXX-XX-XXTMO"),
    ("Inspectors call every other week.", "every other week", "P2W"),
    ("The shop closes every weekend.", "every weekend", "XXXX-WXX-WE"),
    ("The shop closes on weekends.", "weekends", "XXXX-WXX-WE"),
    ("The board meets semiannually.", "semiannually", "P6M"),
])
def test_more_sets(text, span, value):
    assert values(text)[span] == ("SET", value)


def test_the_same_month_last_year_is_the_month_named_a_year_back():
    text = "Retail sales in October rose 0.6 percent, and 7.8 percent from the same month last year."
    assert values(text, "2025-11-16")["the same month last year"] == ("DATE", "2024-10")


@pytest.mark.parametrize("text, expected", [
    # each end of a range of years is a date of its own, a two-digit end in the century of the start
    ("Veterans of the 1950-53 war gathered.", {"1950": ("DATE", "1950"), "53": ("DATE", "1953")}),
    ("The club won the league in the 1997-98 season.", {"1997": ("DATE", "1997"), "98": ("DATE", "1998")}),
    ("Fares rose in the 1999-00 season.", {"1999": ("DATE", "1999"), "00": ("DATE", "2000")}),
    ("Profit may grow in the 2006/07 financial year.", {"2006": ("DATE", "2006"), "07": ("DATE", "2007")}),
    ("The painter (1879-1968) is honoured.", {"1879": ("DATE", "1879"), "1968": ("DATE", "1968")}),
    ("The board agreed the 2021-2027 budget.", {"2021": ("DATE", "2021"), "2027": ("DATE", "2027")}),
])
def test_a_range_of_years_is_two_dates(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "The army sent 1500-2000 troops to the border.",  # counted things
    "Call extension 1997-45 for tickets.",  # no range of years
])
def test_figures_joined_by_a_dash_that_are_no_range_of_years(text):
    assert values(text) == {}


@pytest.mark.parametrize("text, span, value", [
    # the future, near or far, told without a date
    ("One day in the not too distant future the bridge will open.", "the not too distant future", "FUTURE_REF"),
    ("Robots may rule in the distant future.", "the distant future", "FUTURE_REF"),
    ("No talks are planned for the immediate future.", "the immediate future", "FUTURE_REF"),
    # the present as the end of a stretch of time
    ("The family has farmed here from 1990 to the present.", "the present", "PRESENT_REF"),
    ("The custom survives until the present day, villagers say.", "the present day", "PRESENT_REF"),
    # a time ago without an amount
    ("The plan was drawn up a long time ago.", "a long time ago", "PAST_REF"),
    ("Some time ago, the archive was moved.", "Some time ago", "PAST_REF"),
    ("Not long ago he was a judge.", "Not long ago", "PAST_REF"),
])
def test_references_to_the_past_present_and_future(text, span, value):
    assert values(text)[span] == ("DATE", value)


def test_the_present_as_an_adjective_is_no_time():
    assert values("Under the present system, small states have two votes.") == {}
    assert values("He believed the present, majority system was fair.") == {}


@pytest.mark.parametrize("text, span, value", [
    # a "could" denied by its subject tells what failed, in the past
    ("Neither he nor his wife could be located Monday in their hometown.", "Monday", "2026-02-09"),
    ("Nobody could be found on Monday.", "Monday", "2026-02-09"),
    # a possibility still lies ahead
    ("The talks could resume on Friday.", "Friday", "2026-02-13"),
])
def test_a_denied_could_is_past(nlp, text, span, value):
    assert values(text, ANCHOR, nlp(text))[span] == ("DATE", value)


@pytest.mark.parametrize("text, span, value", [
    # "the year 2000" is the year named, one expression, not "the year" of the publication date
    ("The bank hopes to double its branches by the year 2030.", "the year 2030", "2030"),
    ("Wages fell in the year of 2002, the report said.", "the year of 2002", "2002"),
    ("Turkey may join around the year 2015, officials said.", "around the year 2015", "2015"),
])
def test_the_year_before_a_year_is_that_year(text, span, value):
    assert values(text) == {span: ("DATE", value)}


@pytest.mark.parametrize("text, span, value", [
    # an earlier quarter named after the reported one is a comparison: "a year ago" still compares the reported one
    ("Profit rose in the third quarter, after a flat second quarter. Net was $5 million a year ago.", "a year ago",
     "1988-Q3"),
    # a quarter given with its end date is a report of its own, and anchors "a year earlier"
    ("Net income for the quarter ended Sept. 30 rose 8%. A year earlier, net was $3 million.", "A year earlier",
     "1988-Q3"),
    # "ending in March": a month alone ends the period on its last day
    ("Net income for the quarter ending in March rose 5%.", "the quarter", "1989-Q1"),
    ("Sales for the quarter ended in June fell.", "the quarter", "1989-Q2"),
    ("Net income for the quarter ending in March 1990 should rise.", "the quarter", "1990-Q1"),
    # a period "ending" on a day is the nearest such period, or the one ahead when the clause looks ahead
    ("The company will report results for the quarter ending Dec. 31.", "the quarter", "1989-Q4"),
    ("For the quarter ending Dec. 31, sales should rise.", "the quarter", "1989-Q4"),
    ("Net rose 4% in the quarter ending Sept. 30.", "the quarter", "1989-Q3"),
    # a numbered quarter that "ends" on a date is of the year of that date
    ("Its fiscal fourth quarter, which ends Dec. 31, will be weak.", "fiscal fourth quarter", "1989-Q4"),
])
def test_reported_quarters_against_comparisons_and_end_dates(nlp, text, span, value):
    assert values(text, "1989-11-02", nlp(text))[span] == ("DATE", value)


@pytest.mark.parametrize("text, value", [
    # the half the anchor is in is this year's whatever the tense; one long over, told ahead, is next year's
    ("Results for the second half will be weaker.", "1989-H2"),
    ("Sales will recover in the first half.", "1990-H1"),
    ("Sales rose 4% in the first half.", "1989-H1"),
])
def test_halves_follow_tense_from_the_half_the_anchor_is_in(nlp, text, value):
    assert [(t.span.text, t.value) for t in find_timexes(text, "1989-11-02", nlp(text))] == [
        (text[text.index("the "):text.index("half") + 4], value)]


@pytest.mark.parametrize("text, span, value", [
    # "the latest fiscal year" is the last one over, as "the latest quarter" is
    ("The grocer had sales of $6 billion in the latest fiscal year.", "the latest fiscal year", "1988"),
    # "fiscal" may stand after the ordinal as well as before it
    ("Profit in the second fiscal quarter rose 3%.", "the second fiscal quarter", "1989-Q2"),
    ("Its first fiscal quarter ends Dec. 31.", "first fiscal quarter", "1989-Q1"),
])
def test_latest_fiscal_year_and_ordinal_before_fiscal(nlp, text, span, value):
    assert values(text, "1989-10-26", nlp(text))[span] == ("DATE", value)


def test_units_later_or_earlier_count_from_another_event():
    """"Days later" is the stretch after the event told (a duration, as "three days later" is), not a future
    time; "months ago" still points back from now."""
    found = values("The embassy was bombed on Friday. Days later, the suspect fled. Years earlier he had trained "
                   "there. Months ago, police were warned.")
    assert found["Days"] == ("DURATION", "PXD")
    assert found["Years"] == ("DURATION", "PXY")
    assert found["Months ago"] == ("DATE", "PAST_REF")


def test_quarter_followed_by_in_a_year_is_of_that_year():
    found = values("Growth was the slowest since the final quarter in 2005.", "2006-12-21")
    assert found["the final quarter"] == ("DATE", "2005-Q4")
    assert found["2005"] == ("DATE", "2005")
    found = values("Earnings should recover in the first quarter of fiscal 1991.", "1989-11-02")
    assert found["the first quarter"] == ("DATE", "1991-Q1")
    assert found["fiscal 1991"] == ("DATE", "1991")


@pytest.mark.parametrize("text, span, value", [
    # "the 1988 period" beside a reported quarter is that quarter of 1988; beside "the nine months" the year
    ("Profit rose in the third quarter. In the 1988 period, the company lost $2 million.", "the 1988 period",
     "1988-Q3"),
    ("In the first nine months, net was $30 million, against $19 million in the 1988 period.", "the 1988 period",
     "1988"),
    # without a reported quarter a period named by a year is that year
    ("Troops will stay through the 2011 period, the plan says.", "the 2011 period", "2011"),
])
def test_a_period_named_by_its_year(nlp, text, span, value):
    assert values(text, "1989-11-02", nlp(text))[span] == ("DATE", value)


def test_quarter_finals_and_quarter_to_quarter_are_no_quarters():
    assert values("The team reached the quarter-finals on Sunday.") == {"Sunday": ("DATE", "2026-02-08")}
    assert values("The quarter-to-quarter comparison was hurt by charges.") == {}
    assert "the past" not in values("About 10,000 arrived in the past half-century.")


@pytest.mark.parametrize("text", [
    "Dallas led by as many as 43 points in the fourth quarter over the Clippers.",
    "The visitors went on a 19-9 run in the first quarter.",
    "Nancy took the lead early in the second half through a header.",
    "Second-half tries from the centre sealed it.",
])
def test_more_periods_of_play(text):
    assert not any(t.value[:4].isdigit() for t in find_timexes(text, ANCHOR))


def test_a_fiscal_quarter_after_the_reported_one_is_a_report_of_its_own(nlp):
    text = ("Acme's third-quarter profit rose 5%. Separately, Beta said net fell in its fiscal second quarter. "
            "Beta earned $3 million a year earlier.")
    assert values(text, "1989-11-02", nlp(text))["a year earlier"] == ("DATE", "1988-Q2")


@pytest.mark.parametrize("text, span, value", [
    # "prior-year" and "year-before" periods are the year-ago quarter, as "year-earlier" ones are
    ("Net in the third quarter rose from $5 million in the prior-year quarter.", "the prior-year quarter", "1988-Q3"),
    ("Net in the third quarter rose from $5 million in the year-before period.", "the year-before period", "1988-Q3"),
    # "the corresponding (comparable, like) period last year" as "the same period last year"
    ("Third-quarter sales rose from the corresponding period last year.", "the corresponding period last year",
     "1988-Q3"),
    # "a year before" ending its clause is "a year earlier"; before an event the amount is the expression
    ("Net income in the third quarter rose 10% from a year before.", "a year before", "1988-Q3"),
    # "the previous quarter" beside a reported quarter is the one before it
    ("Net income rose 4% in the third quarter from the previous quarter.", "the previous quarter", "1989-Q2"),
])
def test_more_ways_to_name_the_comparison_quarter(nlp, text, span, value):
    assert values(text, "1989-11-02", nlp(text))[span] == ("DATE", value)


def test_amount_before_an_event_is_a_duration():
    assert values("Two days before the vote, police arrested him.") == {"Two days": ("DURATION", "P2D")}


def test_month_beside_a_yearly_repetition_is_any_years():
    """TimeML writes a month or day that recurs every year without its year ("every year in August" is
    XXXX-08); one told apart from the repetition, or with a year or relative word of its own, keeps its year."""
    assert values("The festival is held every year in August.")["August"] == ("DATE", "XXXX-08")
    assert values("Prices rise in December every year.")["December"] == ("DATE", "XXXX-12")
    assert values("The fair opens annually on July 4.")["July 4"] == ("DATE", "XXXX-07-04")
    assert values("Each year in the spring, the river floods.")["the spring"] == ("DATE", "XXXX-SP")
    assert values("The festival, held every year, took place in August.")["August"] == ("DATE", "2025-08")
    assert values("The river floods every year, and last August it reached the town.")["last August"] \
        == ("DATE", "2025-08")


def test_a_unit_up_to_a_named_end_is_a_stretch():
    """"the year to January", "the week to Friday" (British and financial usage) last a year or a week up to
    that end, as "the year ended June 30" does; "the year to date" is no such end."""
    found = values("Inflation in the year to January was 3%, and the index fell 2% in the week to Friday.")
    assert found["the year"] == ("DURATION", "P1Y")
    assert found["the week"] == ("DURATION", "P1W")
    assert values("Sales rose in the year to the end of March.")["the year"] == ("DURATION", "P1Y")
    assert values("Prices rose 4% in the year to date.")["the year"] == ("DATE", "2026")


def test_coordinated_quarters_share_their_head():
    """"the second and fourth quarters": the first ordinal is a quarter too, of the year the second names; in a
    clause that tells what happens as a rule, plural quarters are every such quarter (TimeML SET XXXX-Q2)."""
    found = values("Most of the orders usually arrive in the second and fourth quarters, the firm said.")
    assert found["second"] == ("SET", "XXXX-Q2")
    assert found["fourth quarters"] == ("SET", "XXXX-Q4")
    found = values("Exports fell in the second and third quarters of 2024.")
    assert found["second"] == ("DATE", "2024-Q2")
    assert found["third quarters of 2024"] == ("DATE", "2024-Q3")
    found = values("Margins narrowed in the third and fourth quarters.")
    assert found["third"] == ("DATE", "2025-Q3")
    assert found["fourth quarters"] == ("DATE", "2025-Q4")
    assert values("The visitors scored in the first and second quarters of the game.") == {}


def test_coordinated_bare_plural_units_are_one_vague_stretch():
    """"within weeks or months", "in recent weeks and months": one stretch of unknown length said two ways."""
    assert values("The envoy said a deal could come within weeks or months.") == {"weeks or months": ("DURATION", "PXW")}
    assert values("Several banks in recent weeks and months have cut rates.") == {
        "recent weeks and months": ("DURATION", "PXW")}


def test_a_list_of_years_keeps_its_first_year():
    """"in 1994, 1995 and 1997": a year before a comma and another year near it is listed, not "1990, 5"
    (figures) nor "1500, 2000 and 2500 troops" (counts far apart)."""
    found = values("Cars crossed the border in 1994, 1995 and 1997.")
    assert found == {"1994": ("DATE", "1994"), "1995": ("DATE", "1995"), "1997": ("DATE", "1997")}
    assert "1500" not in values("They sent 1500, 2000 and 2500 troops.")
    assert values("Output was 1990, 5 more than planned.") == {}


def test_a_day_earlier_after_a_month_counts_from_the_anchor():
    """"a day earlier" after a date that places no day ("in February") is a day before the anchor, as market
    reports mean it; after a day ("on March 3, 1998") it is the day before that one."""
    found = values("Sales fell in February. Turnover rose from 1.2 billion a day earlier.")
    assert found["a day earlier"] == ("DATE", "2026-02-10")
    found = values("The deal was signed on March 3, 1998. A day earlier the talks nearly failed.")
    assert found["A day earlier"] == ("DATE", "1998-03-02")


def test_a_numbered_resolution_and_an_ordinal_second_are_no_time():
    """"Security Council Resolution 1718", "Flight 1549": a number after the noun it numbers is no year; "a second or
    third test" is an ordinal, "for a second or two" still a second."""
    found = values("Council Resolution 1718 was passed; Flight 1549 landed in 2009. They fear a second or third test.")
    assert found == {"2009": ("DATE", "2009")}
    assert values("He paused for a second or two.")["a second"] == ("DURATION", "PT1S")


def test_a_year_inside_the_name_of_a_firm_or_a_car_model_is_no_date():
    """TimeML leaves a year that is part of a name unmarked: a name a naming verb introduces ("a venture called Orion
    1980") and a car's model year ("his 1987 Chevrolet"); a name for an event keeps the year as the event's date."""
    found = values("In 1990 they set up a venture called Orion 1980. Police found his 1987 Chevrolet Cavalier and "
                   "a 2015 Toyota near the 1998 Ford Mustang show.")
    assert found == {"1990": ("DATE", "1990")}
    found = values("The 2000 Olympics opened; troops joined an exercise dubbed Friendship 2006. The 1976 Ford "
                   "campaign and the 1997 Mercury Prize followed.")
    assert found == {"2000": ("DATE", "2000"), "2006": ("DATE", "2006"), "1976": ("DATE", "1976"),
                     "1997": ("DATE", "1997")}


def test_an_adjective_amount_split_by_a_line_break_hyphen_is_one_duration():
    """Wire copy keeps the hyphen of a broken line with a space after it: "a two- day meeting" is "two-day"."""
    assert values("Talks paused for a two- day meeting of the chiefs and a three- month review.") == {
        "two- day": ("DURATION", "P2D"), "three- month": ("DURATION", "P3M")}


def test_the_year_before_a_plural_names_that_years_events_not_a_count():
    """"since the 1987 coups", "after the 1992 protests": the events of a year; "the 2000 troops", "sent 1987
    letters" count things."""
    found = values("It was the first concession since the 1987 coups, and the 1992 protests followed.")
    assert found == {"1987": ("DATE", "1987"), "1992": ("DATE", "1992")}
    assert values("The 2000 troops left, and he sent 1987 letters.") == {}


def test_month_or_season_in_a_habitual_clause_is_of_any_year():
    """"Prices usually rise in December": what happens as a rule names no particular December (TimeML XXXX-12);
    another clause of the sentence, or a weekday, keeps its date."""
    assert values("Prices usually rise in December, analysts said.")["December"] == ("DATE", "XXXX-12")
    assert values("Farmers traditionally harvest the grapes in the fall.")["the fall"] == ("DATE", "XXXX-FA")
    found = values("The firm, which usually reports in July, will report on Aug. 5.")
    assert found["July"] == ("DATE", "XXXX-07")
    assert found["Aug. 5"] == ("DATE", "2026-08-05")
    assert values("The market is usually quiet on Monday.")["Monday"] == ("DATE", "2026-02-09")
    assert values("Prices rose in December.")["December"] == ("DATE", "2025-12")


def test_habit_word_covers_its_own_clause_for_months_and_quarters_alike():
    """One scope for "usually" whatever it dates: the clause that holds it, so plural quarters in another clause of
    the sentence are dated quarters, as a month there keeps its date."""
    found = values("Sales, which usually peak in the third quarters, fell in the second and fourth quarters.")
    assert found["the third quarters"] == ("SET", "XXXX-Q3")
    assert found["second"] == ("DATE", "2025-Q2")
    assert found["fourth quarters"] == ("DATE", "2025-Q4")
    found = values("Sales, which usually peak in December, fell in July.")
    assert found["December"] == ("DATE", "XXXX-12")
    assert found["July"] == ("DATE", "2025-07")


def test_clock_time_restated_in_brackets_with_its_day_takes_that_day():
    """"at 4 in the morning (4 a.m. EDT Thursday)": the bracket names the same time with its day; a bracket
    without a day ("(2200 GMT)") leaves the clock on the publication day, and one before a day keeps that day."""
    found = values("The convoy will leave at 4 in the morning (4 a.m. EDT Thursday), the minister said.")
    assert found["4 in the morning"] == ("TIME", "2026-02-12T04:00")
    assert values("The polls closed at 10 p.m. (2200 GMT) and counting began.")["10 p.m."] == (
        "TIME", "2026-02-11T22:00")
    assert values("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.")["10:35 a.m."] == (
        "TIME", "2026-02-06T10:35")


def test_today_and_tomorrow_said_of_an_era_are_no_day():
    """"today's youth", "in today's world", "the leaders of tomorrow" speak of an era; "today's meeting",
    "tomorrow's vote" and "as of today" are days."""
    assert values("The song speaks to today's youth, she said.") == {}
    assert values("Parents in today's world have less time.") == {}
    assert values("The school trains the leaders of tomorrow.") == {}
    assert values("Today's meeting was cancelled.")["Today"] == ("DATE", "2026-02-11")
    assert values("Tomorrow's vote is close.")["Tomorrow"] == ("DATE", "2026-02-12")
    assert values("As of today, the law applies.")["today"] == ("DATE", "2026-02-11")


def test_then_current_is_not_now():
    """"the then current price": current at a time the text tells of, so no PRESENT_REF."""
    assert values("Holders may buy shares at half the then current market price.") == {
        "then current": ("DATE", "PAST_REF")}
    assert values("The then-current minister resigned.")["then-current"] == ("DATE", "PAST_REF")
    assert values("The current minister resigned.")["current"] == ("DATE", "PRESENT_REF")


def test_a_speed_is_no_set_nor_duration():
    # TimeML does not mark expressions of speed; a rate of money or things per unit of time stays a set
    found = values("The car hit 40 miles per hour, the boat 30 km an hour, and the firm earns £120m a day.")
    assert "per hour" not in found and "an hour" not in found
    # a speed told in two measures, the second in brackets ("160 kilometers (100 miles) per hour")
    assert "per hour" not in values("Trains run at up to 160 kilometers (100 miles) per hour.")
    assert found["a day"] == ("SET", "P1D")


def test_a_difference_of_ages_is_no_duration():
    found = values("She met an actor nearly 20 years older and a rival two years younger, after 20 years abroad.")
    assert list(found) == ["20 years"]


def test_a_screen_size_is_no_year():
    found = values("The site suggests browsers with 1024*768 or higher resolution, or a 1280 x 1024 screen, "
                   "since 2015.")
    assert list(found) == ["2015"]


def test_an_embedded_tweet_counts_from_the_day_it_was_posted():
    text = ("The zoo will reopen today.\n"
            "Sad news from the zoo today: https://t.co/abc — City Zoo (@CityZoo) February 7, 2026\n"
            "The launch is set for next month. — A Founder (@founder) December 2, 2025\n"
            "The zoo said it expects visitors next month.")
    found = [(t.span.text, t.value) for t in find_timexes(text, ANCHOR)]
    assert found == [("today", "2026-02-11"), ("today", "2026-02-07"), ("February 7, 2026", "2026-02-07"),
                     ("next month", "2026-01"), ("December 2, 2025", "2025-12-02"), ("next month", "2026-03")]


@pytest.mark.parametrize("text, span, value", [
    ("Two years ago, crowds were attacked while out celebrating New Year's Eve in the city.", "New Year's Eve",
     "2024-12-31"),
    ("In 2019, exports fell sharply in March after the floods.", "March", "2019-03"),
    ("Last year, the council met in December to set the budget.", "December", "2025-12"),
    # a year further in dates its own clause only: the month keeps the reading of the publication date
    ("A plan approved in 2019 let the firm buy back shares through Jan. 29.", "Jan. 29", "2026-01-29"),
    # a year written right after the day or month is its own
    ("Bombers struck churches on Christmas Eve in 2000.", "Christmas Eve", "2000-12-24"),
    ("The envoy arrived on May 3 in 1998, aides said.", "May 3", "1998-05-03"),
])
def test_a_year_opening_the_sentence_dates_its_months_and_holidays(text, span, value):
    assert values(text)[span] == ("DATE", value)


@pytest.mark.parametrize("text, anchor, span, value", [
    ("Thousands will see in the New Year at the gate.", "2025-12-30", "the New Year", "2026"),
    ("Talks will resume in the new year, officials said.", "2025-11-20", "the new year", "2026"),
    ("Crowds celebrated the New Year in the square.", "2026-01-02", "the New Year", "2026"),
    ("Cities Ring In New Year With Fireworks", "2025-12-31", "New Year", "2026"),
])
def test_the_new_year_is_the_year_beginning_nearest_the_anchor(text, anchor, span, value):
    assert values(text, anchor)[span] == ("DATE", value)


def test_new_year_festivals_days_and_a_generic_new_year_are_not_the_new_year():
    found = values("The Lunar New Year falls in February. A new year brings hope; New Year's Day was quiet.")
    assert found == {"February": ("DATE", "2026-02"), "New Year's Day": ("DATE", "2026-01-01")}


def test_units_ago_today_is_that_day_back():
    found = values("\"My father died 20 years ago today,\" he said. The plant opened 50 years ago yesterday, "
                   "and the war ended three years ago.")
    assert found == {"20 years ago today": ("DATE", "2006-02-11"), "50 years ago yesterday": ("DATE", "1976-02-10"),
                     "three years ago": ("DATE", "2023")}


def test_units_ago_this_month_or_week_is_that_month_or_week_back():
    found = values("The company was founded 20 years ago this month; the wall fell 28 years ago this week.")
    assert found == {"20 years ago this month": ("DATE", "2006-02"), "28 years ago this week": ("DATE", "1998-W07")}


def test_an_amount_told_in_two_units_is_one_duration():
    found = values("The flight lasted 8 hours and 20 minutes; he served two years, three months in jail.")
    assert found == {"8 hours and 20 minutes": ("DURATION", "PT8H20M"),
                     "two years, three months": ("DURATION", "P2Y3M")}
    assert values("The stand-off lasted an hour and 20 minutes.") == {"an hour and 20 minutes": ("DURATION", "PT1H20M")}
    # the second unit must be the smaller, and both amounts counted
    assert values("It took a day and a night.") == {"a day": ("DURATION", "P1D"), "a night": ("DURATION", "P1D")}
    assert "several hours and 20 minutes" not in values("Wait several hours and 20 minutes.")


def test_millions_and_billions_of_years_are_amounts_with_their_unit():
    found = values("The car may orbit for a billion years; the light left thousands of years ago, and the planets "
                   "formed over millions of years, some two million years apart.")
    assert found["a billion years"] == ("DURATION", "P1000000000Y")
    assert found["millions of years"] == ("DURATION", "PXY")
    assert "thousands of years ago" in found
    assert values("Stars like it burn for 4.5 billion years.")["4.5 billion years"] == ("DURATION", "P4500000000Y")
    assert values("It paid $4 billion a year.") == {"a year": ("SET", "P1Y")}


def test_the_most_recent_n_units_is_one_duration():
    found = values("Profit for the most recent two quarters fell.")
    assert found == {"the most recent two quarters": ("DURATION", "P6M")}


def test_bare_plurals_of_a_life_or_a_gap_are_no_durations_minutes_are():
    assert values("In its early days the firm grew; he was wise beyond his years.") == {}
    assert values("The two blasts came only minutes apart.") == {}
    assert values("Minutes later, a shot rang out.") == {"Minutes": ("DURATION", "PTXM")}
    assert values("The strike lasted hours.") == {"hours": ("DURATION", "PTXH")}


def test_a_month_modifying_a_noun_is_the_month_of_the_event_told_before(nlp):
    """"the December ruling" names the ruling told earlier: its month, not the December the present tense of its
    own clause would pick; a month with a verb of its own keeps its tense."""
    told = "A judge dismissed the claims in December. Lawyers note that the December ruling does not bar others."
    assert [t.value for t in find_timexes(told, "2017-11-14", nlp(told))] == ["2016-12", "2016-12"]
    alone = "The December ruling does not bar other claims."
    assert values(alone, "2017-11-14", nlp(alone))["December"] == ("DATE", "2017-12")
    planned = "A judge dismissed the claims in December. The trial will start in December."
    assert [t.value for t in find_timexes(planned, "2017-11-14", nlp(planned))] == ["2016-12", "2017-12"]


def test_around_as_a_verb_particle_is_no_approximation(nlp):
    """"turn around", "swung around", "turned things around": the particle of a phrasal verb says nothing of the amount
    after it; so does one the parse marks as a particle ("came around last week"); after other verbs it is APPROX."""
    for text, span in [("The plane had to turn around four hours into its journey.", "four hours"),
                       ("The jet swung around an hour into the flight.", "an hour"),
                       ("She turned things around two years ago.", "two years ago")]:
        timex = find_timexes(text, ANCHOR)[0]
        assert (timex.span.text, timex.mod) == (span, None)
    parsed = "He finally came around last week."
    timex = find_timexes(parsed, ANCHOR, nlp(parsed))[0]
    assert (timex.span.text, timex.value, timex.mod) == ("last week", "2026-W06", None)
    timex = find_timexes("The talks lasted around four hours.", ANCHOR)[0]
    assert (timex.span.text, timex.value, timex.mod) == ("around four hours", "PT4H", "APPROX")
    arrived = "She arrived around 10 p.m."
    assert find_timexes(arrived, ANCHOR, nlp(arrived))[0].mod == "APPROX"


def test_this_day_and_age_is_the_present():
    found = values("Such a model is not sustainable in this day and age.")
    assert found == {"this day and age": ("DATE", "PRESENT_REF")}


def test_a_fall_that_hurts_is_a_tumble_not_autumn():
    assert values("The boy was not seriously hurt in the fall, the zoo director said.") == {}
    assert values("The firm will report in the fall.") == {"the fall": ("DATE", "2026-FA")}


def test_todays_music_is_an_era_todays_meeting_a_day():
    assert values("Critics called the academy out of touch with today's music.") == {}
    assert values("Critics will speak at today's meeting.") == {"today": ("DATE", "2026-02-11")}


def test_how_often_is_part_of_a_set():
    """TimeML marks "twice a week" whole (the frequency in its freq attribute)."""
    found = values("The comet returns once every 108 years; the board meets twice a week and three times a month.")
    assert found == {"once every 108 years": ("SET", "P108Y"), "twice a week": ("SET", "P1W"),
                     "three times a month": ("SET", "P1M")}


def test_a_vague_count_of_times_is_part_of_a_set():
    """"a few times a week" is a frequency like "twice a week" (TimeML freq "X"), marked whole; "many times" with no
    unit is no set."""
    found = values("Storms hit the coast a few times a week and close the pass several times a year.")
    assert found == {"a few times a week": ("SET", "P1W"), "several times a year": ("SET", "P1Y")}
    assert values("The band has played there many times.") == {}


def test_the_aughts_and_the_noughties_are_the_2000s():
    assert values("She sang in clubs throughout the aughts and in the early noughties.") == {
        "the aughts": ("DATE", "200"), "the early noughties": ("DATE", "200")}


def test_a_clock_in_the_part_of_a_day_its_sentence_named_is_on_that_day():
    """"on Sunday night ... from 9pm": a clock after a part of a day named in its sentence, with an hour that part
    holds, narrows it, so it is on that day (a Wednesday story); an hour the part does not hold, or a part named
    in another sentence, leaves the clock as before."""
    found = values("A crowd gathered at the beach on Sunday night for the fireworks from 9pm, police said.")
    assert found["9pm"] == ("TIME", "2026-02-08T21:00")
    found = values("Like many towns last night, our camera caught the meteor just before 6pm.")
    assert found["6pm"] == ("TIME", "2026-02-10T18:00")
    assert values("Shares fell on Monday morning and the index closes at 4pm.")["4pm"] == ("TIME", "2026-02-11T16:00")
    assert values("A crowd gathered on Sunday night. The show starts at 9pm.")["9pm"] == ("TIME", "2026-02-11T21:00")


def test_a_day_dating_the_saying_leaves_the_reported_clock_to_the_story():
    """"said in a statement on Monday that the show between 5pm and 9pm was a success": Monday dates the saying;
    the clocks of the reported clause, told in the past, take the story's day (its lead's Sunday, in a Wednesday
    story), and the second clock of the range the first's day. A day that is no saying's is not passed over."""
    text = ("Fireworks lit the bay on Sunday night. The organiser said in a statement on Monday that the show "
            "between 5pm and 9pm was a success.")
    found = values(text)
    assert found["5pm"] == ("TIME", "2026-02-08T17:00") and found["9pm"] == ("TIME", "2026-02-08T21:00")
    text = "Fireworks lit the bay on Sunday night. The barge left on Monday and sank at 5pm."
    assert values(text)["5pm"] != ("TIME", "2026-02-08T17:00")  # Monday may be the sinking's day: not the lead's


def test_earlier_or_later_in_the_unit_is_the_unit_in_focus():
    """"later in the year" is anaphoric: the year of the last date named ("will launch in June" told in a December
    story is next June, and the launch after it that year's); with no date before it, or only a coarser one, the
    anchor's unit as before."""
    anchor = "2025-12-30"
    found = values("The probe will launch in June. A second launch later in the year will carry a rover.", anchor)
    assert found["later in the year"] == ("DATE", "2026")
    found = values("Analysts expect a launch in late February, after an announcement earlier in the month.", anchor)
    assert found["earlier in the month"] == ("DATE", "2026-02")
    assert values("Talks ended later in the year.", anchor)["later in the year"] == ("DATE", "2025")
    assert values("In 2019 the firm grew. It was sold earlier in the month.", anchor)["earlier in the month"] == \
        ("DATE", "2025-12")


def test_couple_of_counts_two_after_any_determiner():
    """"the past couple of years" is "the past two years" (P2Y, one expression), as "a couple of days" is P2D."""
    found = values("Prices rose in the past couple of years; we heard more in the couple of hours since.")
    assert found == {"the past couple of years": ("DURATION", "P2Y"), "the couple of hours": ("DURATION", "PT2H")}
    assert values("It will be a tough couple of days.") == {"couple of days": ("DURATION", "P2D")}


def test_mid_afternoon_alone_is_a_time_of_the_day():
    assert values("Shares fell 4 percent at mid-afternoon.") == {"mid-afternoon": ("TIME", "2026-02-11TAF")}
    found = values("In London at mid-afternoon yesterday, shares were up; at midday they fell.")
    assert found == {"mid-afternoon yesterday": ("TIME", "2026-02-10TAF"), "midday": ("TIME", "2026-02-11T12:00")}


def test_a_unit_placed_only_by_an_event_is_left_unspecified():
    """"the week following the crash", "the month before the vote": which week or month is not said (TimeML
    unspecified, of the article's year as TBAQ writes "1989-WXX"), and it is not the current one; "the week before
    last", "the year before" at a clause end and "a high for the year of $42" keep their readings."""
    assert values("Shares fell in the week following the crash.") == {"the week": ("DATE", "2026-WXX")}
    assert values("He resigned the month before the vote.") == {"the month": ("DATE", "2026-XX")}
    assert values("Talks stalled in the year after the war.") == {"the year": ("DATE", "XXXX")}
    found = values("Outflows doubled the level of the week following last month's squeeze.")
    assert found["the week"] == ("DATE", "2026-WXX")
    assert values("Net rose 5% from the year before.")["the year before"] == ("DATE", "2025")
    assert values("The stock hit a high for the year of $42.")["the year"] == ("DATE", "2026")
    assert values("The index fell 3.8% for the week.")["the week"] == ("DATE", "2026-W07")


def test_a_unit_placed_by_a_date_is_the_unit_next_to_it():
    """"the week before Christmas" said in February is the week before last Christmas's (2025-W51), "the year after
    the 2008 crash" 2009, "the month of May" May (one expression, the month named in apposition); a coarser date
    gives its year only."""
    assert values("Bitcoin peaked in the week before Christmas.")["the week"] == ("DATE", "2025-W51")
    assert values("Talks stalled in the year after the 2008 crash.")["the year"] == ("DATE", "2009")
    assert values("Prices rose in the week after Jan. 5.")["the week"] == ("DATE", "2026-W03")
    assert values("The rally came in the month of May.")["the month of May"] == ("DATE", "2025-05")
    assert values("Outflows rose in the week following last month's squeeze.")["the week"] == ("DATE", "2026-WXX")


def test_a_day_counted_from_a_date_is_one_expression():
    """"the day before Monday's vote" is one day, the Sunday (as "the day before yesterday" is one); "the day after
    Christmas" the 26th; the day before an event that no date names stays unmarked, and an anaphoric "the day
    before" closing its clause stays a step from the last date."""
    found = values("The day before Monday's vote, the minister resigned.")
    assert found["The day before Monday"] == ("DATE", "2026-02-08")
    assert "Monday" not in found
    assert values("Shops reopened the day after Christmas.")["the day after Christmas"] == ("DATE", "2025-12-26")
    assert values("Talks resumed the day following Jan. 5.")["the day following Jan. 5"] == ("DATE", "2026-01-06")
    assert values("They met the day after the election.") == {}
    assert values("The vote was on Jan. 5. He resigned the day before.")["the day before"] == ("DATE", "2026-01-04")


def test_a_day_dating_a_done_participle_is_past(nlp):
    """"the plan approved on Thursday will cut taxes": a participle modifying a noun tells an event already done, so
    its day is the last one, though the clause looks ahead; so is a "VBN" with an active subject ("the shares he
    received on Thursday"), a simple past the tagger misread; a plan ("called for Friday", "slated for") looks ahead."""
    anchor = "2018-01-02"
    for text, span, value in [("The plan approved on Thursday will cut taxes.", "Thursday", "2017-12-28"),
                              ("The man arrested Monday will appear in court.", "Monday", "2018-01-01"),
                              ("The shares Mr. Blankfein and others received on Thursday cannot be sold for five years.",
                               "Thursday", "2017-12-28"),
                              ("A meeting called for Friday will discuss the plan.", "Friday", "2018-01-05"),
                              ("The summit slated for Friday will discuss the plan.", "Friday", "2018-01-05")]:
        assert values(text, anchor, nlp(text))[span] == ("DATE", value), text


def test_a_past_clock_without_a_day_is_on_the_day_of_the_story():
    """"A boy fell into the enclosure on Saturday afternoon. The incident was reported around 4pm.": a clock time told
    in the past with no day in its sentence is on the first day the article names (the story's day, before the
    publication day); the small hours after a night told are the next day's; a future clock, a sentence naming a day
    of its own, or a story that names no earlier day keep the publication day."""
    anchor = "2016-05-29"
    found = values("A gorilla dragged a boy who fell into its enclosure on Saturday afternoon. "
                   "The incident was reported around 4pm.", anchor)
    assert found["around 4pm"] == ("TIME", "2016-05-28T16:00")
    found = values("The Cubs won the game on Wednesday night. Montgomery closed it out at 12:47 a.m.", "2016-11-03")
    assert found["12:47 a.m."] == ("TIME", "2016-11-03T00:47")
    assert values("Shares rose on Friday. The market will close at 4 p.m.", anchor)["4 p.m."] == (
        "TIME", "2016-05-29T16:00")
    found = values("Rain fell on May 2. The flight left at 11:36 a.m. Friday and returned at 7:33 p.m.", anchor)
    assert found["7:33 p.m."] == ("TIME", "2016-05-29T19:33")
    assert values("The fire was put out at 4 p.m.", anchor)["4 p.m."] == ("TIME", "2016-05-29T16:00")


def test_over_before_an_amount_is_more_than_after_a_preposition_or_a_verb_of_lasting():
    """"in over a century", "to last over a week": "over" there means "more than" and belongs to the expression
    (mod MORE_THAN); after a verb of spreading it is the preposition "across" ("repaid over five years"), after
    "took" a particle ("took over a year ago")."""
    found = {t.span.text: (t.value, t.mod) for t in find_timexes(
        "The club won its first title in over a century. The audit is likely to last over a week. "
        "The loan will be repaid over five years. She took over a year ago.", ANCHOR)}
    assert found["over a century"] == ("P100Y", "MORE_THAN")
    assert found["over a week"] == ("P1W", "MORE_THAN")
    assert found["five years"] == ("P5Y", None)
    assert found["a year ago"] == ("2025", None)  # "took over": took charge


def test_a_noun_naming_a_stretch_is_the_head_of_an_adjective_amount():
    """"over a three-year period", "one 24-hour-period": "period" (or "span", "stretch", "spell") right after its
    article, or hyphenated, is the expression's head; a noun of another kind is not ("a three-hour meeting"), nor a
    period with a word of its own before the amount ("the extra seven-day period" is a thing granted)."""
    found = values("Thefts rose over a three-year period. In one 24-hour-period, 600 people slept outside. "
                   "They held a three-hour meeting. The court may waive the extra seven-day period.")
    assert found["a three-year period"] == ("DURATION", "P3Y")
    assert found["24-hour-period"] == ("DURATION", "PT24H")
    assert found["three-hour"] == ("DURATION", "PT3H")
    assert found["seven-day"] == ("DURATION", "P7D")


def test_the_article_of_a_bare_plural_that_ends_its_phrase():
    """"over the years,": the article is part of the expression, as in "the past two years"; a plural placed by
    the words after it ("in the weeks before the vote") is marked alone, as the TBAQ gold marks it."""
    found = values("Over the years, the club grew. In the weeks before the vote, polls moved.")
    assert found["the years"] == ("DURATION", "PXY")
    assert found["weeks"] == ("DURATION", "PXW")


def test_a_clock_keeps_a_place_zone():
    """"11:57am Hawaii time", "noon New York time": a zone named by its place is part of the clock, as "local time"
    is; a capital after the clock that opens a sentence is no zone ("at 4 p.m. The time ...")."""
    anchor = "2017-11-26"
    assert values("The missile flew at 11:57am Hawaii time on Sunday.", anchor)["11:57am Hawaii time"] == (
        "TIME", "2017-11-26T11:57")
    assert values("Trading opened at noon New York time.", anchor)["noon New York time"] == ("TIME", "2017-11-26T12:00")
    assert "4 p.m." in values("Markets shut at 4 p.m. The time was right.", anchor)


def test_a_count_per_second_or_minute_is_a_speed_not_a_set():
    """"3 trillion operations per second", "120 words per minute": a speed of work, as "miles per hour" is; TimeML
    marks no expression of speed. "every minute" stays a set."""
    found = values("The chip runs 3 trillion operations per second. She types 120 words per minute. "
                   "The pump checks the pressure every minute.")
    assert "per second" not in found and "per minute" not in found
    assert found["every minute"] == ("SET", "PT1M")


def test_years_and_centuries_before_the_era():
    """"the Qin Dynasty (3rd Century B.C -- 206 B.C.)", "founded in 753 BC": TimeML writes years before the era as
    "BC" and four digits, centuries as "BC" and two; "2,600 years ago" counted back past the first year is one too.
    A capital "B" or "C" elsewhere is no era ("Plan B")."""
    found = values("The walls date from the Qin Dynasty (3rd Century B.C -- 206 B.C.), a guide said. "
                   "The town was founded in 753 BC. The bowl was made 2,600 years ago. Plan B. C-Span said.",
                   "2010-05-04")
    assert found["3rd Century B.C"] == ("DATE", "BC02")
    assert found["206 B.C."] == ("DATE", "BC0206")
    assert found["753 BC"] == ("DATE", "BC0753")
    assert found["2,600 years ago"] == ("DATE", "BC0590")
    assert set(found) == {"3rd Century B.C", "206 B.C.", "753 BC", "2,600 years ago"}


def test_the_decades_of_a_list_share_the_first_ones_century():
    """"in the 1950s, 60s and 70s": two-digit decades listed after a four-digit one are decades too, though a bare
    "60s" alone is more often an age or a temperature."""
    found = values("She painted landscapes in the 1950s, 60s and 70s before moving abroad. Prices rose in the 1980s "
                   "and 90s. Highs will be in the 60s.")
    assert found["60s"] == ("DATE", "196") and found["70s"] == ("DATE", "197")
    assert found["90s"] == ("DATE", "199")
    assert "the 60s" not in found


def test_a_second_goal_or_a_second_and_final_day_is_no_second_long():
    """"Moreno scored a second, curling the ball in": the object of a verb of scoring is the next goal; "a second and
    final round" joins two ordinals. "He paused for a second" stays a duration."""
    found = values("Moreno scored a second, curling the ball in. Leaders met for a second and final round of talks. "
                   "He paused for a second before answering.")
    assert list(found.values()) == [("DURATION", "PT1S")]


def test_year_end_before_a_noun_is_an_adjective():
    """"the year-end rally", "his No. 2 year-end ranking": "year-end" before a noun with no preposition before it
    modifies the noun (the TBAQ dev gold leaves "when year-end net was below" unmarked); "by year-end" is a date."""
    found = values("Traders hoped for a year-end rally. She kept her No. 2 year-end ranking. The sale should close "
                   "by year-end bonus season.", "2005-12-06")
    assert list(found) == ["year-end"]
    assert found["year-end"] == ("DATE", "2005")


def test_a_stage_a_player_reaches_lies_ahead_and_a_day_told_on_in_the_past_keeps_its_reading(nlp):
    """"sailed through to Sunday's final" told on a Saturday: a player reaches a stage of a contest before it is
    played, so the day lies ahead; the same weekday told "on" by a past verb in the same story ("had beaten Lopez on
    Sunday") is the week before: a story may name two days by one weekday when a past verb marks one of them."""
    anchor = "2009-11-28"  # a Saturday
    for text, span, value in [("The top seed advanced to Sunday's final with a win.", "Sunday", "2009-11-29"),
                              ("The champion reached Sunday's final after beating the second seed.", "Sunday",
                               "2009-11-29"),
                              ("She was hurt in Sunday's final.", "Sunday", "2009-11-22")]:
        assert values(text, anchor, nlp(text))[span] == ("DATE", value), text
    text = ("The top seed sailed through to Sunday's final as she beat Smith here on Saturday. She was taken to three "
            "sets in her opener against Lopez on Sunday.")
    sundays = [t.value for t in find_timexes(text, anchor, nlp(text)) if t.span.text == "Sunday"]
    assert sundays == ["2009-11-29", "2009-11-22"]


def test_a_year_between_a_name_and_the_events_it_dates():
    """"in the Sydney 2000 semifinals": a year after "the" and a place or event name, before a plural, names the
    events of that year, as "the 1992 protests" does; "the 2000 troops" stays a count."""
    found = values("She lost only once, in the Sydney 2000 semifinals. The 2000 troops left.", "2005-11-19")
    assert found == {"2000": ("DATE", "2000")}


def test_a_period_compared_with_a_stretch_of_months_is_that_stretch():
    """"For the nine months, net rose ... In the year-earlier period, it earned ...": the period compared is as long as
    the one just named, a duration as TimeML writes the stretch (the end date of "the six months ended June 30" belongs
    to the stretch); after a quarter it stays the quarter a year before."""
    anchor = "1989-10-26"
    found = values("For the nine months, Acme earned $80 million. In the year-earlier period, it earned $70 million.",
                   anchor)
    assert found["the year-earlier period"] == ("DURATION", "P9M")
    found = values("Sales for the six months ended June 30 rose 4%. In the year-ago period, they fell 2%.", anchor)
    assert found["the year-ago period"] == ("DURATION", "P6M")
    found = values("Third-quarter profit rose 12%. In the year-earlier period, it lost $3 million.", anchor)
    assert found["the year-earlier period"] == ("DATE", "1988-Q3")


def test_the_year_earlier_stretch_of_months_is_one_duration():
    """"in the year-earlier nine months", as "the latest nine months" (marked whole in the TBAQ dev gold): the
    comparing adjective is part of the expression, a stretch as long as the one compared."""
    found = values("Acme earned $2 a share in the year-earlier nine months. Sales in the year-ago six months fell.",
                   "1989-10-26")
    assert found == {"the year-earlier nine months": ("DURATION", "P9M"), "the year-ago six months": ("DURATION", "P6M")}


def test_one_part_of_a_day_left_undated_and_the_days_counted_from_it():
    """"went to a club one winter night ... The next day": a night the story does not date is one of its kind
    (XXXX-XX-XXTNI), and the days told after it are counted from a day of no known date, not from the last date
    named before it nor the publication date; amounts ("spent one night") stay durations."""
    text = ("The festival ended on Sunday. Years ago, the singer walked into a bar one winter night and met her "
            "manager. The next day they signed a contract. That evening they celebrated.")
    found = values(text)
    assert found["one winter night"] == ("TIME", "XXXX-XX-XXTNI")
    assert found["The next day"] == ("DATE", "XXXX-XX-XX")
    assert found["That evening"] == ("TIME", "XXXX-XX-XXTEV")
    assert values("One Sunday morning the bells rang out.")["One Sunday morning"] == ("TIME", "XXXX-WXX-7TMO")
    assert values("She told me one recent night that she was tired.")["one recent night"] == ("TIME", "PAST_REF")
    assert values("He spent one night in a cell.")["one night"] == ("DURATION", "P1D")
    assert values("The band played One Night at the gala.").get("One Night", ("", ""))[0] != "TIME"


def test_a_day_named_after_an_undated_one_keeps_its_own_date():
    """A date named after the undated night is the reference again: "The next day" after "On March 3" is March 4."""
    found = values("They met one summer evening. On March 3 the deal was signed. The next day shares rose.")
    assert found["The next day"] == ("DATE", "2026-03-04")


def test_current_set_against_former_is_a_status():
    """"current and former ministers": "current" paired with "former" names a status, as "former" does, no time."""
    assert values("A dozen current and former ministers were named.") == {}
    assert values("Former or current staff may apply.") == {}
    assert values("The current crisis deepened.")["current"] == ("DATE", "PRESENT_REF")


def test_a_later_date_is_a_time_ahead():
    """"postponed to a later date": a time after the one told of, never named (FUTURE_REF)."""
    assert values("The visit was postponed to a later date.")["a later date"] == ("DATE", "FUTURE_REF")
    assert values("The shares may be sold at a future date.")["a future date"] == ("DATE", "FUTURE_REF")


def test_the_delivery_month_of_a_futures_contract_lies_ahead():
    """"crude for January delivery" traded in December is next January's, "the December contract" traded in November
    this December's: a futures contract trades before its delivery month; a month told otherwise keeps its tense."""
    assert values("Crude for January delivery slid 52 cents.", "2006-12-04")["January"] == ("DATE", "2007-01")
    assert values("The December wheat contract fell 2 cents.", "2006-11-20")["December"] == ("DATE", "2006-12")
    assert values("The March futures contract rose.", None)["March"] == ("DATE", "XXXX-03")
    assert values("Sales in March rose.", "2006-12-04")["March"] == ("DATE", "2006-03")


def test_a_weekday_named_more_often_in_the_past_is_that_past_day(nlp):
    """A story names one day by one weekday; where more mentions read the day just past than the one ahead, the day
    just past is the one told ("collapsed on Tuesday ... Tuesday's losses ... late Tuesday ... eased from Tuesday"),
    unless the day ahead is the day after the publication date (a stamp a day early), which then wins."""
    story = ("Stocks collapsed on Tuesday after the controls were announced. Tuesday's losses were the worst in years. "
             "The minister backtracked late Tuesday, saying the rules would be eased from Tuesday.")
    assert {t.value for t in find_timexes(story, ANCHOR, nlp(story)) if "Tuesday" in t.span.text} == {"2026-02-10"}
    stamped = "The North fired a missile Thursday. Thursday's launch alarmed Japan. The council will meet Thursday."
    assert {t.value for t in find_timexes(stamped, ANCHOR, nlp(stamped))} == {"2026-02-12"}


def test_a_stretch_of_months_named_by_its_ends():
    """"the July-to-September quarter" is "the July-September quarter" hyphenated as one modifier; "the
    January-September period", months that are no calendar quarter, is as long as "the first nine months" (a
    duration, as the TBAQ gold writes those); three months that are a quarter stay that quarter."""
    anchor = "2006-11-29"
    found = values("The economy grew 2.2 percent in the July-to-September period.", anchor)
    assert found == {"the July-to-September period": ("DATE", "2006-Q3")}
    found = values("Acme lost $91 million in the July-to-September quarter.", anchor)
    assert found == {"the July-to-September quarter": ("DATE", "2006-Q3")}
    found = values("Farm income rose 10 percent in the January-September period.", anchor)
    assert found == {"the January-September period": ("DURATION", "P9M")}
    assert values("Exports rose in the October-December period.", anchor)["the October-December period"] == \
        ("DATE", "2006-Q4")


def test_a_month_abbreviation_and_its_day_without_a_space():
    """Wire copy drops the space after the abbreviation's dot ("on Nov.1"): the figure is still the day; "No.1"
    is no month."""
    assert values("Stamps went on sale at the post offices on Nov.1.", "2006-11-23") == \
        {"Nov.1": ("DATE", "2006-11-01")}
    assert values("He is ranked No.1 in the world.", "2006-11-23") == {}


def test_a_year_after_a_preposition_of_time_before_a_figure():
    """"exports were $762 billion in 2005, 57.3 percent of which ...": a figure is not "in" another figure, so the
    number after "in" is the year; "the figures were 1990, 5 and 7" stays a list of figures."""
    found = values("Exports were 762 billion dollars in 2005, 57.3 percent of which came from foreign firms.",
                   "2006-11-09")
    assert found == {"2005": ("DATE", "2005")}
    assert values("Since 2001, 111 banks have opened branches.", "2006-11-09") == {"2001": ("DATE", "2001")}
    assert values("The figures were 1990, 5 and 7.", "2006-11-09") == {}


def test_the_month_of_a_named_month_is_one_expression():
    """"the month of March": the "of" phrase names the month, one expression (also for "May", which after "the
    month of" is no modal)."""
    found = values("A fall in factory prices in the month of March may mask pressures, economists said on Monday.",
                   "1997-04-14")
    assert found == {"the month of March": ("DATE", "1997-03"), "Monday": ("DATE", "1997-04-14")}
    assert values("Sales rose in the month of May.", "1997-06-14") == {"the month of May": ("DATE", "1997-05")}


def test_a_fiscal_year_named_before_its_noun_and_the_days_it_frames():
    """"the 1990 fiscal year" is one expression, as "fiscal 1990" is. A fiscal year is named by the calendar year it
    ends in, so it gives its year only to January-June ("In fiscal 1988, sales fell in March"); "In fiscal 1990,
    which began July 1" is the July before, which the tense gives."""
    anchor = "1989-10-27"
    found = values("The 1990 fiscal year began Oct. 1.", anchor)
    assert found == {"The 1990 fiscal year": ("DATE", "1990"), "Oct. 1": ("DATE", "1989-10-01")}
    found = values("In fiscal 1990, which began July 1, sales are expected to rise.", anchor)
    assert found == {"fiscal 1990": ("DATE", "1990"), "July 1": ("DATE", "1989-07-01")}
    assert values("In fiscal 1988, sales fell in March.", anchor)["March"] == ("DATE", "1988-03")
    assert values("In 1988, sales fell in October.", anchor)["October"] == ("DATE", "1988-10")


def test_a_year_before_the_figures_it_totals_and_before_a_currency():
    """"1988 sales", "reported 2005 sales of": a year before the figures a period totals (sales, earnings, profits
    ...) is that period, as "1988 levels" is; "1989 yen" counts yen (currencies whose plural is the singular), and
    "in 1992 won 64,000 votes" keeps its year ("won" is a verb there)."""
    anchor = "1989-10-27"
    assert values("1988 sales were $4 billion.", anchor) == {"1988": ("DATE", "1988")}
    assert values("Analysts cut their 1990 earnings estimates.", anchor) == {"1990": ("DATE", "1990")}
    assert values("The shares traded at 1989 yen in Tokyo.", anchor) == {}
    assert values("The party, which in 1992 won 64,000 votes, has no seats.", anchor) == {"1992": ("DATE", "1992")}
    assert values("The firm employs 2000 workers.", anchor) == {}


def test_the_month_alone_is_the_month_in_focus():
    """"the month" is anaphoric (TimeML values it by the month in focus): set in apposition after a month it is that
    month; in an article that has named a month already over, the first such month, the one a report is about;
    "the end of the month" and "the month after the holidays" keep their readings."""
    anchor = "2006-12-19"
    found = values("Producer prices rose 0.5 percent in November, after a fall in October. Energy prices rose 6.1 "
                   "percent in the month.", anchor)
    assert found["the month"] == ("DATE", "2006-11")
    found = values("The satellite was launched in December 2012, the month that the country marked an anniversary.",
                   anchor)
    assert found["the month"] == ("DATE", "2012-12")
    assert values("Sales fell in October. Results will come at the end of the month.", anchor)[
        "the end of the month"] == ("DATE", "2006-12")
    assert values("Sales fell in October. They will rise in the month after the holidays.", anchor)["the month"] == \
        ("DATE", "2006-XX")
    assert values("Sales fell during the month.", anchor)["the month"] == ("DATE", "2006-12")


def test_a_unit_in_apposition_after_a_date_is_that_date():
    """"in 1990, the year the city hosted the games": "the year" (or "the month") set in apposition after a date
    of that unit names the same time, whatever clause places it ("the year before the war", "the month after")."""
    assert values("She was born in 1990, the year the city hosted the games.")["the year"] == ("DATE", "1990")
    assert values("They were held in 1981, the year before the massacre.")["the year"] == ("DATE", "1981")
    assert values("In October, the month after the coup, sales fell.", "2006-12-19")["the month"] == \
        ("DATE", "2006-10")
