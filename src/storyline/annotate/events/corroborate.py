"""Corroboration: which events in other articles of the same story report the same event.

Two reports are of one event when they say the same thing happened (same PLOVER type, or the same
quad with types that one outlet may word as the other: "held talks" CONSULT vs "agreed to keep
talking" AGREE), as fact in both or as possibility in both, between the same sides (shared actor
or recipient countries, else entities), at a compatible time (same day or within
``DATE_SLACK_DAYS`` for dates of a week or less; a missing or month-only date does not contradict)
and, when both say where, in the same country; and, since a story's events mostly share its countries
and days, the two reports must word the happening alike: a trigger word in common ("arrested" /
"arresting"), two words for one kind of deed on one day by doers that do not differ ("airstrikes" /
"killing", ``lexicon.HAPPENINGS``; meetings also share a named party) or sentences alike by TF-IDF
within the story; a report with no day of its own (an event noun referred back to, "after the UN
sanctions", or a deed dated by its month, "earlier this month") needs both a word in common and
sentences alike. A state's police and armed men outside the state are never one doer, and force
aimed at those armed men (the police shooting the attacker) is not the attack. Pure functions over event dicts
(``Event.to_dict()`` shape), so they run after stories are built, in-process or in Spark.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import scipy.sparse as sp

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyline.tfidf import TfidfVectorizer

from .dates import day_range
from .lexicon import HAPPENINGS

DATE_SLACK_DAYS = 2
WEEK_DAYS = 6  # a date range longer than a week (a month, a year) gets no slack
# The side of force a doer's PLOVER sector is on (``_doer_sides``): the police, who answer an attack
# at home, against armed men outside the state. Army and government are left out: their codes mix
# with insurgents' on the fit half (the Taliban coded GOV, a suicide "bomber" MIL as the aircraft),
# and links between a Taliban bombing and "Taliban insurgents struck" were lost with them.
FORCE_SIDE = {"COP": "state", **dict.fromkeys(("REB", "INS", "UAF", "CRM"), "irregular")}
# TF-IDF cosine (words, within the story) at which two event sentences tell one happening even
# with no trigger word in common ("launches missile" / "fired a missile"); chosen on the fit half
# of benchmarks/events_corroboration.py
SIMILAR_SENTENCES = 0.15
STEM = 4  # a word's first letters compared: "fired" / "fires", "arrested" / "arresting"
POSSIBLE_MODES = {"hypothetical", "future"}
# Types one outlet may report as the other (same quad, same underlying happening); a missile
# launch is MOBILIZE where no outlet names a target and ASSAULT where one does ("over Japan").
COMPATIBLE_TYPES = [{"CONSULT", "AGREE"}, {"ACCUSE", "REJECT"}, {"THREATEN", "REJECT"},
                    {"COERCE", "ASSAULT"}, {"RETREAT", "CONCEDE"}, {"AID", "COOPERATE"}, {"MOBILIZE", "ASSAULT"}]


def corroborate(events: list[dict], story_of: dict[str, str]) -> dict[str, list[str]]:
    """Event id -> ids of same-story events in other articles that report the same event.

    ``story_of`` maps article id -> story id; events of articles without a story are left out.
    """
    by_story: dict[str, list[dict]] = defaultdict(list)
    for ev in events:
        story = story_of.get(ev["article_id"])
        if story is not None:
            by_story[story].append(ev)
    found: dict[str, list[str]] = {}
    for group in by_story.values():
        of_type: dict[str, list[int]] = defaultdict(list)  # only events of compatible types are compared
        for i, ev in enumerate(group):
            of_type[ev["type"]].append(i)
        reports: dict[int, _Report] = {}  # what comparing reads of an event, read once
        alike = SentenceLikeness([ev["sentence"]["text"] for ev in group])

        def report(i: int) -> _Report:
            got = reports.get(i)
            if got is None:
                got = reports[i] = _report(group[i])
            return got

        for k, ev in enumerate(group):
            near = sorted(i for t in _types_like(ev["type"]) for i in of_type.get(t, ()))
            same = [group[i]["id"] for i in near
                    if group[i]["article_id"] != ev["article_id"] and _same(report(k), report(i), lambda: alike(k, i))]
            if same:
                found[ev["id"]] = same
    return found


def _types_like(event_type: str) -> set[str]:
    """The type and those ``_types_compatible`` may accept beside it."""
    return {event_type}.union(*(pair for pair in COMPATIBLE_TYPES if event_type in pair))


@dataclass(slots=True)
class _Report:
    """What ``same_event`` compares of one event."""

    type: str
    quad: object
    reality: tuple[bool, bool]
    countries: set[str]
    entities: set[str]
    doers: tuple[set[str], set[str]]
    doer_sides: set[str]
    target_sides: set[str]
    days: tuple[_dt.date, _dt.date] | None
    country: str | None
    stems: frozenset[str]
    happenings: frozenset[str]


def _report(ev: dict) -> _Report:
    date, location = ev.get("date"), ev.get("location")
    trigger = (ev.get("trigger") or {}).get("text", "")
    return _Report(ev["type"], ev.get("quad"), _reality(ev), *_sides(ev), _doers(ev), _doer_sides(ev),
                   _target_sides(ev),
                   day_range(date.get("value") if date else None), location.get("country") if location else None,
                   _stems(trigger), happenings(ev["type"], trigger))


def same_event(a: dict, b: dict) -> bool:
    """Do two event reports describe one happening (see module doc)? Sentence likeness is weighed
    against each other alone here; ``corroborate`` weighs it within the whole story."""
    alike = SentenceLikeness([a["sentence"]["text"], b["sentence"]["text"]])
    return _same(_report(a), _report(b), lambda: alike(0, 1))


class SentenceLikeness:
    """TF-IDF cosines of a story's event sentences (words, idf over these sentences: the words
    every report of the story repeats weigh little). The vectors are made at the first question and
    each cosine on demand: a matrix of every pair would grow with the square of a large story."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self._rows: sp.csr_matrix | None = None

    def __call__(self, i: int, j: int) -> float:
        if self._rows is None:
            try:
                self._rows = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(self.texts)
            except ValueError:  # only stop words (or no words) in every sentence: nothing is alike
                self._rows = sp.csr_matrix((len(self.texts), 1))
        return float(self._rows[i].multiply(self._rows[j]).sum())


def _stems(trigger: str) -> frozenset[str]:
    """The trigger's content words cut to their first letters: a crude stemmer, enough to tell
    "fired" and "fires" or "arrested" and "arresting" apart from other words (no lemma is stored
    with an event, and the link step has no parse)."""
    words = (w for w in re.findall(r"[a-z]+", trigger.lower()) if len(w) >= STEM and w not in ENGLISH_STOP_WORDS)
    return frozenset(w[:STEM] for w in words)


def happenings(event_type: str, trigger: str) -> frozenset[str]:
    """The kinds of happening (``lexicon.HAPPENINGS``) the trigger's words name within its type."""
    classes = HAPPENINGS.get(event_type, {})
    words = re.findall(r"[a-z]+", trigger.lower())
    return frozenset(name for name, starts in classes.items()
                     if any(w.startswith(start) for w in words for start in starts.split()))


def _worded_alike(a: _Report, b: _Report, likeness: Callable[[], float]) -> bool:
    """The happening itself, not only its sides and day: within a story most events share the
    story's countries and dates (an attack, the arrest after it and the minister's condolences),
    so two reports must share a trigger word, or, of one type, name one kind of happening
    ("airstrikes" / "killing", "met" / "talks") or read alike. Reports coded to two different
    (compatible) types must share a trigger word ("held talks" / "agreed to keep talking"): alike
    sentences there were mostly two reactions to one launch ("opposes" / "blame"). A report with no
    day of its own ("after the UN sanctions") passed the day check unasked: it needs a word in common
    and sentences alike (the sanctions of last month are not this week's)."""
    if not (_dated_to_days(a.days) and _dated_to_days(b.days)):
        return bool(a.stems & b.stems) and likeness() >= SIMILAR_SENTENCES
    if a.stems & b.stems:
        return True
    # one kind of deed across types only where two types share one (a missile launch, MOBILIZE / ASSAULT)
    return _one_deed(a, b) or (a.type == b.type and likeness() >= SIMILAR_SENTENCES)


def _dated_to_days(days: tuple[_dt.date, _dt.date] | None) -> bool:
    """A day or a few of its own ("on Friday", "this week"); a month or year ("earlier this month")
    passes the day check against any deed of that month, as no date does."""
    return days is not None and days[1] - days[0] <= _dt.timedelta(days=WEEK_DAYS)


def _one_deed(a: _Report, b: _Report) -> bool:
    """Two words for one kind of deed ("airstrikes" / "killing") are weaker evidence than one word:
    a story often tells several attacks in one country in a few days (the attack, the airstrikes
    it avenged), so both reports must also be of one day (not a week or month, "earlier this month"
    fits any of them, nor ``DATE_SLACK_DAYS`` apart) and not name different doers."""
    return (bool(a.happenings & b.happenings) and a.days is not None and a.days == b.days
            and a.days[0] == a.days[1] and _doers_agree(a.doers, b.doers) and _meeting_parties_shared(a, b))


def _meeting_parties_shared(a: _Report, b: _Report) -> bool:
    """A meeting is who meets (PLOVER CONSULT codes every participant as actor): one story tells
    several meetings of one day between people of one country (the negotiators with the group, the
    freed captives with the vice president), and "met" / "talks" cannot tell them apart, so two
    words for a meeting link only reports that share a named party."""
    return a.type != "CONSULT" or bool(a.entities & b.entities)


def _doers_agree(doers_a: tuple[set[str], set[str]], doers_b: tuple[set[str], set[str]]) -> bool:
    """Compared by entity when both name one, else by country: in a civil war both sides are of one
    country (the Taliban and the Afghan army), so only entities tell them apart. Unnamed agrees."""
    for a, b in zip(doers_a, doers_b):
        if a and b:
            return bool(a & b)
    return True


def _doers_opposed(sides_a: set[str], sides_b: set[str]) -> bool:
    """The police and armed men outside the state are two doers whatever their country and wording:
    the police shooting an attacker dead ("killed the gunman") is not the attack ("the gunman killed")."""
    return bool(sides_a and sides_b and not sides_a & sides_b)


def _answer_and_deed(a: _Report, b: _Report) -> bool:
    """One report's deed aimed at armed men outside the state (the police shooting the attacker)
    and the other's deed done by them or aimed at others (the attack on the crowd, "France was
    hit"): the answer to an attack is not the attack, even when the attack's report names no doer;
    the recipient is part of what happened (PLOVER), so this holds for any type (fighters released
    are not captives freed). Fighting is two-sided (PLOVER codes both sides as actors), so it is left out."""
    if "fight" in a.happenings | b.happenings:
        return False
    return any("irregular" in x.target_sides and ("irregular" in y.doer_sides or bool(y.target_sides - {"irregular"}))
               for x, y in ((a, b), (b, a)))


def _target_sides(ev: dict) -> set[str]:
    """Who a deed is aimed at: "irregular" for armed men outside the state (``FORCE_SIDE``), "other"
    for any other recipient named (people, a place, a state)."""
    return {"irregular" if FORCE_SIDE.get(p.get("sector")) == "irregular" else "other"
            for p in ev.get("recipients", [])}


def _doer_sides(ev: dict) -> set[str]:
    """Which side of force the doers are on, by their PLOVER sector (``FORCE_SIDE``): "state" (the
    police) or "irregular" (rebels, insurgents, unaffiliated armed men, criminals); other sectors
    are on neither."""
    return {FORCE_SIDE[p["sector"]] for p in ev.get("actors", []) if p.get("sector") in FORCE_SIDE}


def _reality(ev: dict) -> tuple[bool, bool]:
    """(denied, only possible): a deployment that happened and one that is only considered are
    different events, and so are one considered ("did not rule out deploying a carrier") and one
    denied ("has not issued a deployment order"); a possible one told as hypothetical by one
    outlet ("if the talks fail") and as future by another ("could deploy within two weeks") is one."""
    aux = set(ev.get("aux_modes") or [])
    return "negation" in aux, bool(aux & POSSIBLE_MODES)


def _types_compatible(type_a: str, quad_a: object, type_b: str, quad_b: object) -> bool:
    if type_a == type_b:
        return True
    return quad_a == quad_b and any({type_a, type_b} <= pair for pair in COMPATIBLE_TYPES)


def _sides(ev: dict) -> tuple[set[str], set[str]]:
    people = ev.get("actors", []) + ev.get("recipients", [])
    return ({p["country"] for p in people if p.get("country")}, {p["entity_id"] for p in people if p.get("entity_id")})


def _doers(ev: dict) -> tuple[set[str], set[str]]:
    """Who did it: the actors' entity ids and countries."""
    actors = ev.get("actors", [])
    return {p["entity_id"] for p in actors if p.get("entity_id")}, {p["country"] for p in actors if p.get("country")}


def _sides_shared(countries_a: set[str], entities_a: set[str], countries_b: set[str], entities_b: set[str]) -> bool:
    """The same sides: two shared countries when both name two or more (a US-Israel meeting is
    not a US-Iran meeting), else one; entity ids decide when no country is known."""
    need = min(2, len(countries_a), len(countries_b))
    if need:
        return len(countries_a & countries_b) >= need
    return bool(entities_a & entities_b)


def _days_compatible(range_a: tuple[_dt.date, _dt.date] | None, range_b: tuple[_dt.date, _dt.date] | None) -> bool:
    """Same day or within ``DATE_SLACK_DAYS``; an unknown date on either side is compatible. The slack
    absorbs two outlets' days for one deed (time zones, "late Thursday" / "Friday"); a month or year
    is the reporter's own bound, so a date that wide is not stretched into the next one (a launch
    "last month" is not this month's)."""
    if range_a is None or range_b is None:
        return True
    wide = max(range_a[1] - range_a[0], range_b[1] - range_b[0]) > _dt.timedelta(days=WEEK_DAYS)
    slack = _dt.timedelta(days=0 if wide else DATE_SLACK_DAYS)
    return range_a[0] - slack <= range_b[1] and range_b[0] - slack <= range_a[1]


def _same_place(country_a: str | None, country_b: str | None) -> bool:
    """Only two known countries can disagree."""
    return country_a is None or country_b is None or country_a == country_b


Check = Callable[[_Report, _Report, Callable[[], float]], bool]
# What two reports of one event agree on, in the order asked (the wording, which may need the
# sentences' likeness, last).
CHECKS: tuple[tuple[str, Check], ...] = (
    ("types", lambda a, b, _: _types_compatible(a.type, a.quad, b.type, b.quad)),
    ("reality", lambda a, b, _: a.reality == b.reality),
    ("sides", lambda a, b, _: _sides_shared(a.countries, a.entities, b.countries, b.entities)
     and not _doers_opposed(a.doer_sides, b.doer_sides) and not _answer_and_deed(a, b)),
    ("days", lambda a, b, _: _days_compatible(a.days, b.days)),
    ("place", lambda a, b, _: _same_place(a.country, b.country)),
    ("worded", _worded_alike),
)


def _same(a: _Report, b: _Report, likeness: Callable[[], float]) -> bool:
    """``likeness`` is asked last, and only when the trigger words do not settle it."""
    return all(check(a, b, likeness) for _, check in CHECKS)


def failed_checks(a: dict, b: dict, likeness: Callable[[], float]) -> list[str]:
    """The names of the ``CHECKS`` two reports fail: what each check costs, for measuring it."""
    ra, rb = _report(a), _report(b)
    return [name for name, check in CHECKS if not check(ra, rb, likeness)]


def apply(events: Iterable[dict], story_of: dict[str, str]) -> list[dict]:
    """The events with ``corroboration`` and ``story_id`` filled (new dicts, inputs untouched)."""
    events = list(events)
    found = corroborate(events, story_of)
    return [{**ev, "story_id": story_of.get(ev["article_id"], ev.get("story_id")),
             "corroboration": found.get(ev["id"], [])} for ev in events]
