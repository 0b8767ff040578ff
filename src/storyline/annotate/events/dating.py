"""The date an event is shown with, and the aux modes its date implies (historical, future).

TimeML anchors a tensed verb to the document's creation time (the publication day) only where the
text ties it there; an event with a time expression of its own clause takes that value, and one the
text places before or apart from the report's day gets none rather than the publication day."""
from __future__ import annotations

import datetime as _dt
import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from storyline.annotate import actors
from storyline.model import Event, EventDate, Timex

from . import lexicon
from .dates import day_range
from .modality import predicate
from .participants import gallery_counter
from .triggers import Trigger

HISTORICAL_DAYS = 60
# Adverbs of frequency and iteration ("has repeatedly backed", "regularly holding drills"): TimeML
# gives a habitual event a SET, no single day, so the report's day does not date it.
ITERATIVE_ADVERBS = {"repeatedly", "regularly", "routinely", "often", "frequently", "constantly", "continually",
                     "habitually", "usually", "always", "daily", "weekly", "monthly", "yearly", "annually",
                     "sometimes", "occasionally", "typically", "normally", "periodically", "traditionally",
                     # a stand held over a stretch up to now ("has long denied", "has consistently rejected"):
                     # TimeML gives it a duration, not the report's day
                     "long", "consistently"}
# "every year", "each week": a quantified unit of time tells a frequency as "annually" does (TimeML: a SET).
FREQUENCY_DETERMINERS = {"every", "each"}
FREQUENCY_UNITS = {"day", "week", "month", "year", "summer", "winter", "spring", "autumn", "fall", "morning",
                   "night", "weekend"}
# "for instance", "for example": the event illustrates a general statement.
EXAMPLE_NOUNS = {"instance", "example"}
# "on numerous occasions", "several times": a count of occasions tells an iterated event.
OCCASION_NOUNS = {"occasions", "times"}
# "since" opens the start of a state lasting up to the reference time ("held since arresting her"):
# what it names lies before that stretch, not on the report's day. "after" / "before" are left out:
# in a report of reactions the clause is the day's news itself ("declared ... after Kim launched a
# missile"), and on the fit half they undated that news more often than background.
TEMPORAL_SUBORDINATORS = {"since"}
# "since" standing alone as an adverb ("Palestinians have since hailed her", "has since been released"): from a
# time told before up to now, an event after that time and before the report's, with no day of its own (TimeML's
# PAST_REF, as "previously"); as a subordinator or preposition ("since arresting her") it is TEMPORAL_SUBORDINATORS'.
SINCE_ADVERB = "since"
# Subordinators of a clause of time, whose present perfect is complete by the time of the clause above
# ("after they have been rescued"); "as" with a perfect gives a reason ("as Peru has threatened").
TIME_CLAUSE_SUBORDINATORS = {"after", "once", "when", "whenever", "until", "till", "before", "while"}
# Subordinators of a clause that happens at the time of the one it modifies.
SIMULTANEOUS_SUBORDINATORS = {"when", "while", "as", "whenever"}
# Links of a clause below the trigger that tells an event of its own.
CLAUSE_LINKS = {"advcl", "relcl", "acl", "parataxis"}
# Links by which a non-finite verb takes the tense of the clause it depends on.
NON_FINITE_LINKS = {"xcomp", "pcomp", "prep", "advcl"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# Dashes that set off a parenthetical aside in pairs ("-- it also conducted a test last month --").
DASHES = {"--", "\u2014", "\u2013"}


def date_of(trig: Trigger, sent: SpacySpan, text: str, timexes: list[Timex] | None, published: str | None,
            relative: Token | None = None) -> tuple[EventDate | None, set[str]]:
    """The sentence's time expression nearest the trigger (else the publication date), and the aux
    mode it implies: well before publication is historical, after it is future. An event told in
    a relative clause ("Farkhunda, who was killed by a mob") describes a participant of the
    sentence, as background, not the day's news: like an event noun referred back to and a verb
    told off the reference time (``told_off_reference_time``), only a time expression of its own
    clause dates it (TimeML anchors it by its clause, not the report's day). Without one, such an
    event and one ``placed_by_another_event`` get a null date, as the interchange spec allows,
    rather than a day the text does not give. ``text``: the Doc's."""
    covered = day_range(published)
    pub = covered[0] if covered else None
    earlier = refers_back(trig) or relative is not None or told_off_reference_time(trig)
    timex = _own_timex(trig, sent, timexes or [], relative) if earlier else _nearest_timex(trig, sent, timexes or [])
    if timex is not None:
        aux = _aux_from_value(timex.value, pub)
        return EventDate(timex.value, timex.span), aux - {"future"} if told_as_past(trig) else aux
    aux = _aux_from_date_words(trig, sent, pub)
    undated = earlier or placed_by_another_event(trig)
    caption = None if undated else caption_date(sent, text, timexes or [])
    if caption is not None:
        pictured = _aux_from_value(caption.value, pub) - {"future"}  # a photograph shows what has happened
        return EventDate(caption.value, caption.span), pictured
    focus = None if undated else historic_present_time(trig, sent, text, timexes or [], pub)
    if focus is not None:
        return EventDate(focus.value, focus.span), _aux_from_value(focus.value, pub)
    return (EventDate(published[:10], None) if published and not undated else None), aux


def told_off_reference_time(trig: Trigger) -> bool:
    """A verb the text places before a reference time (past perfect, "previously") or tells as
    habitual or ongoing ("has repeatedly backed", "has been pressing"): TimeML ties it to the
    document's time only through a time expression of its own clause; neither the publication day
    nor the time of the clause above (the reference time it lies before, or one occasion of many)
    dates it. The report's day stays for what the text tells as the day's news: the simple tenses
    and the present perfect of a single act ("has fired a missile")."""
    return told_as_anterior(trig) or told_as_iterated(trig) or perfect_in_a_subordinate_clause(trig) \
        or told_as_an_example(trig)


def told_as_an_example(trig: Trigger) -> bool:
    """"Iran, for instance, blocked the app": an event told to illustrate a general statement ("its
    chats are used to organise protests") is background the writer calls up, not the day's news; like
    any background, only a time expression of its own clause dates it (TimeML does not anchor it to the
    document's time)."""
    if not trig.verbal:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(o.dep_ == "pobj" and o.lower_ in EXAMPLE_NOUNS
                                                              for o in c.children)
               for node in _tense_chain(trig.token) for c in node.children)


def perfect_in_a_subordinate_clause(trig: Trigger) -> bool:
    """A present perfect in a relative or adverbial clause ("brothels whose computers the police have
    seized", "has grown harsher as Peru has threatened Chile"): the present perfect takes no definite
    past time (English grammar: no "*has seized yesterday") and, below another clause, tells what
    lies behind that clause's state, not the report's news; the report's day stays for a present
    perfect of the main clause (the lead's "has fired a missile") and of reported speech. In a clause
    of time ("helps soldiers exit after they have been rescued") the perfect only tells the event is
    complete by the time of the clause above, which dates it."""
    if not trig.verbal:
        return False
    token = _tense_chain(trig.token)[-1]
    perfect = token.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in token.children)
    of_time = any(c.dep_ == "mark" and c.lower_ in TIME_CLAUSE_SUBORDINATORS for c in token.children)
    return perfect and token.dep_ in {"relcl", "advcl"} and not of_time and not _reported(token)


def caption_date(sent: SpacySpan, text: str, timexes: list[Timex]) -> Timex | None:
    """The date line of a photo caption in a gallery, which opens its line with the picture's
    number and the day it was taken ("9/16 2009 ...", "1/34 30 November 2017 ..."): it dates what
    the picture shows, as a dateline dates a report (a caption gives the date of the photograph),
    also where the parse hangs the date on another clause of the caption, and in the caption's
    later sentences, which go on describing the same picture (the caption is one line). ``text``:
    the Doc's, passed in (``Doc.text`` joins every token's text on each call, and this runs per event)."""
    counter = gallery_counter(text, sent.start_char)
    if counter is None:
        return None
    return next((t for t in timexes if t.span.start == counter.end() and t.type in {"DATE", "TIME"}
                 and re.match(r"\d{4}", t.value or "")), None)


def historic_present_time(trig: Trigger, sent: SpacySpan, text: str, timexes: list[Timex],
                          pub: _dt.date | None) -> Timex | None:
    """The time in focus of a narrative told in the historic present ("A gunman opens fire inside a
    nightclub on June 12 last year and kills 49 people. The attacker is killed in a shootout"): a
    present tense after a sentence that places its own present-tense verb well before the report
    (``HISTORICAL_DAYS``) cannot be the report's day; the narrative convention (Kamp & Reyle's
    reference time, TimeML's anchoring to the time in focus) carries the last time set over to the
    sentences that go on in that tense, within the paragraph or from the one just before (a timeline's
    entry often opens a paragraph of its own). A past or perfect tense, or a lead told in the past
    ("In 2015 Peru attacked Chile. Chile says ..."), returns to the report's time, so it does not, nor
    does any sentence between them told in another tense; nor does a time of a clause of its own in
    the lead ("remains at war because talks failed in 1953"), which dates that clause, nor one naming
    a thing ("the 1950-53 war"), not the lead's present."""
    if not trig.verbal or not _told_in_present(trig.token):
        return None
    focus = _last_time_set(sent, text, timexes)
    if focus is None or _aux_from_value(focus.value, pub) != {"historical"}:
        return None
    span = sent.doc.char_span(focus.span.start, focus.span.end, alignment_mode="expand")
    if span is None or _modifies_a_noun(span):
        return None
    lead = span.root.sent.root  # the lead's main verb tells the narrative's tense
    if _in_own_clause(_governing_verb(span.root, lead), lead):
        return None
    told = [s.root for s in sent.doc.sents if lead.sent.start <= s.start < sent.start]
    return focus if all(map(_told_in_present, told)) else None  # the narrative goes on in its tense


def _last_time_set(sent: SpacySpan, text: str, timexes: list[Timex]) -> Timex | None:
    """The last calendar time expression before the sentence, in its paragraph or the one before."""
    line_start = text.rfind("\n", 0, sent.start_char)
    window_start = text.rfind("\n", 0, max(line_start, 0)) + 1 if line_start > 0 else 0
    before = [t for t in timexes if window_start <= t.span.start and t.span.end <= sent.start_char
              and t.type in {"DATE", "TIME"} and re.match(r"\d{4}", t.value or "")]
    return max(before, key=lambda t: t.span.start) if before else None


def _told_in_present(token: Token) -> bool:
    """A verb in the simple present, active or passive ("opens fire", "is killed"), or a participle
    with no auxiliary as headlines and lists write them ("70 wounded": no tense of its own); not a
    perfect ("has attacked"), which speaks from the report's present. A coordinated participle is told
    in the tense of the first ("is killed or wounded": ``shared_auxiliary_head``)."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    token = shared_auxiliary_head(token)
    auxes = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in {"has", "have", "had"} or a.tag_ in {"VBD", "MD"} for a in auxes):
        return False
    if auxes:
        return any(a.tag_ in {"VBZ", "VBP"} for a in auxes)
    return token.tag_ in {"VBZ", "VBP"} or (token.tag_ == "VBN" and token.dep_ == "ROOT")


def refers_back(trig: Trigger) -> bool:
    """An event noun that names a known or earlier event: referred back to by a definite determiner
    ("the Paris attacks"), placed before the reported one ("after a Taliban assault left ...", "since
    the attacks") or brought back ("recalled the Paris attacks"). A noun has no tense to anchor it
    to the report's day (TimeML dates a tensed verb from the document's time, a noun only by its own
    phrase), so neither the publication day nor the time of the clause it sits in dates it."""
    token = trig.token
    if trig.verbal:
        return False
    if any(c.dep_ == "det" and c.lower_ in lexicon.DEFINITE_DETERMINERS for c in token.children):
        return True
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # conjoined nouns share the first one's place ("since the test and new sanctions")
    if token.head.lower_ in lexicon.ANTERIOR_WORDS and token.dep_ in {"pobj", "dobj", "pcomp"}:
        return True
    if token.dep_ == "dobj" and token.head.lemma_.lower() in lexicon.RECALL_VERBS:
        return True
    clause = token.head if token.dep_ in {"nsubj", "nsubjpass"} else None  # "after an assault left two dead"
    return clause is not None and any(c.dep_ == "mark" and c.lower_ in lexicon.ANTERIOR_WORDS for c in clause.children)


def told_as_anterior(trig: Trigger) -> bool:
    """A verb in the past perfect ("had attacked") or with an anterior adverbial ("has previously denied",
    "has in the past vowed"): TimeML dates a tensed verb from the document's time only in the simple tenses; the past perfect
    and an anterior adverb place the event before a reference time the text gives, so the
    publication day does not date it (a time expression of its clause still does). Reported
    speech is the exception: "officials said the army had shelled" is the sequence of tenses
    shifting a simple past back, dated as the simple past is."""
    if not trig.verbal:
        return False
    token = _tense_chain(trig.token)[-1]
    perfect = token.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children)
    if perfect and not _reported(token):
        return True
    return any(_is_anterior_adverbial(c) for c in token.children)


def _is_anterior_adverbial(token: Token) -> bool:
    """"previously", "formerly", "since", "in the past": an adverbial of a time before the present that names no
    day (TimeML's PAST_REF), so it places the event before the report's day without dating it. "The past"
    as a noun only: "in the past week" names a stretch up to now, which its time expression dates."""
    if token.dep_ == "advmod":
        return token.lower_ in lexicon.ANTERIOR_ADVERBS or token.lower_ == SINCE_ADVERB
    return token.dep_ == "prep" and token.lower_ == "in" \
        and any(o.dep_ == "pobj" and o.lower_ == "past" and o.pos_ == "NOUN" for o in token.children)


def told_as_iterated(trig: Trigger) -> bool:
    """A habitual or iterated event ("has repeatedly backed", "regularly holding drills", "on
    numerous occasions", "every year", a reported "routinely says") or an activity running up to now
    ("has been pressing"): TimeML gives it a SET or a stretch, not one day, so the publication day
    does not date it."""
    if not trig.verbal:
        return False
    words = [c for node in _habit_chain(trig.token) for c in node.children]
    if any(c.dep_ == "advmod" and c.lower_ in ITERATIVE_ADVERBS for c in words):
        return True
    if any(_names_a_frequency(c) for c in words):
        return True
    if any(c.dep_ == "prep" and any(o.dep_ == "pobj" and _counts_occasions(o) for o in c.children) for c in words):
        return True
    auxes = {c.lower_ for c in trig.token.children if c.dep_ == "aux"}
    return trig.token.tag_ == "VBG" and "been" in auxes and bool(auxes & {"has", "have", "had"})


def _counts_occasions(noun: Token) -> bool:
    """"on numerous occasions", "several times", and "rounds of" a happening ("hit with several rounds of
    sanctions"): a round of something is one of a series of its occasions, so a plural of rounds tells the
    event over many of them (TimeML: iterated, no single day). Rounds of ammunition count shots, not occasions."""
    if noun.lower_ in OCCASION_NOUNS:
        return True
    return noun.lower_ == "rounds" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.lower_ not in lexicon.MUNITIONS
                                                     for o in c.children) for c in noun.children)


def _habit_chain(token: Token) -> list[Token]:
    """The verbs whose frequency the event shares: its tense chain and, for a reported clause, the
    reporting verb ("routinely says it will never give up"): a saying repeated over many occasions says
    its content on each of them, so the content is as habitual as the saying (TimeML: a SET). A single
    saying ("says it will never give up") adds no frequency, so the report's day stays."""
    chain = _tense_chain(token)
    return chain + [chain[-1].head] if _reported(chain[-1]) else chain


def _names_a_frequency(token: Token) -> bool:
    """"every year", "each week" hung on the verb: a quantified unit of time (a SET in TimeML)."""
    return token.dep_ in {"npadvmod", "advmod", "obl"} and token.lemma_.lower() in FREQUENCY_UNITS \
        and any(c.dep_ == "det" and c.lower_ in FREQUENCY_DETERMINERS for c in token.children)


def placed_by_another_event(trig: Trigger) -> bool:
    """An event the sentence places at the start of a stretch up to another one ("held her since
    arresting her"), or an event noun that only describes another noun ("in retaliation for
    airstrikes", "in defiance of sanctions"): the text anchors it to that other event (TimeML links
    it to the event, not to the document's time): a time expression of the sentence bounds it, the
    publication day does not."""
    if not trig.verbal:
        return _describes_a_noun(trig.token)
    return any(_subordinated_in_time(node) for node in _tense_chain(trig.token))


def _subordinated_in_time(node: Token) -> bool:
    """A clause opened by "since", or a gerund object of it ("since arresting her")."""
    if any(c.dep_ == "mark" and c.lower_ in TEMPORAL_SUBORDINATORS for c in node.children):
        return True
    return node.dep_ == "pcomp" and node.head.lower_ in TEMPORAL_SUBORDINATORS


def _describes_a_noun(token: Token) -> bool:
    """An event noun that is the object of a preposition hung on another noun ("retaliation for
    airstrikes"; the first of conjoined nouns stands for the rest): no verb tells it happening. Only a
    common noun: a "name" it hangs on is, in a title-case headline, the tagger's reading of a capitalised
    verb ("Briefed On Bus Attack")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    prep = token.head
    return token.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ == "NOUN"


def _tense_chain(token: Token) -> list[Token]:
    """The verb and those above it up to the first finite one, through non-finite links ("opting
    not to strike back" depends on "had appeared weak by opting"): a non-finite clause has no
    tense of its own and is told in the tense of the clause it depends on; a participle coordinated with
    another shares its auxiliaries ("had bombed and destroyed": ``shared_auxiliary_head``)."""
    chain = [token]
    while True:
        node = chain[-1]
        shared = shared_auxiliary_head(node)
        if shared.i != node.i:
            chain.append(shared)
        elif not _is_finite(node) and node.dep_ in NON_FINITE_LINKS and node.head.i != node.i:
            chain.append(node.head)
        else:
            return chain


def _is_finite(token: Token) -> bool:
    return token.tag_ in FINITE_TAGS or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS
                                            for c in token.children)


def told_as_past(trig: Trigger) -> bool:
    """A verb in the simple past ("asked", "bombed"): the tense tells the event has happened, which
    a date after the publication day cannot overturn. Such a date is the report's own day where the
    stamp is in UTC and the report's place is ahead of it (a Tuesday morning in Seoul is Monday
    evening in UTC), so it is no sign of a future event."""
    return trig.verbal and trig.token.tag_ == "VBD"


def _reported(token: Token) -> bool:
    """The verb heads the clause a reporting verb reports ("said the army had shelled")."""
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in lexicon.REPORTING


def _own_timex(trig: Trigger, sent: SpacySpan, timexes: list[Timex], clause: Token | None = None) -> Timex | None:
    """The time expression of the event's own phrase or clause: inside the trigger's subtree
    ("after Thursday's attack", "after he attacked on Thursday"), of the verb an event noun is
    the subject of ("after an assault on the base left two dead on Thursday"), or of the relative
    ``clause`` the event is told in ("a man who carried out an attack in 2015"); not one of a clause
    of its own below the trigger (``_in_own_clause``)."""
    token = trig.token
    below = {t.i for t in token.subtree}
    own = below | {t.i for t in (clause.subtree if clause is not None else ())}
    if token.dep_ == "nsubj":
        own.add(token.head.i)
    for timex in _calendar_timexes(sent, timexes):
        span = sent.doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
        if span is None:
            continue
        governor = _governing_verb(span.root, token)
        if governor.i in below and _in_own_clause(governor, token, CLAUSE_LINKS | {"conj"}):
            continue  # "has been conducting drills, and it was Japan ... by Tuesday's launch"
        if span.root.i in own or governor.i in own:
            return timex
    return None


def _nearest_timex(trig: Trigger, sent: SpacySpan, timexes: list[Timex]) -> Timex | None:
    """The sentence's time expression nearest the trigger among those of its clause; one it only shares
    with an earlier conjunct (``_shared_by_conjuncts``) dates it only where its own clause names none
    ("raided the camp on Monday and arrested two soldiers on Tuesday": Tuesday)."""
    at = sent.doc[trig.first].idx
    inside = [t for t in _calendar_timexes(sent, timexes) if not _names_a_thing(t, sent, trig)
              and not _dates_another_clause(t, sent, trig)]
    own = [t for t in inside if not _shared_from_a_conjunct(t, sent, trig)]
    pool = own or inside
    return min(pool, key=lambda t: abs(t.span.start - at)) if pool else None


def _calendar_timexes(sent: SpacySpan, timexes: list[Timex]) -> list[Timex]:
    """The sentence's dates and times resolved to the calendar (a value starting with a year)."""
    return [t for t in timexes if sent.start_char <= t.span.start and t.span.end <= sent.end_char
            and t.type in {"DATE", "TIME"} and re.match(r"\d{4}", t.value or "")]


def _dates_another_clause(timex: Timex, sent: SpacySpan, trig: Trigger) -> bool:
    """"He expects talks as early as next week, but did not rule out deploying a carrier": the
    week dates the talks, not the deployment. A time expression dates the clause of the verb it
    hangs from; that verb must be the trigger's own, one above it (the reporting verb: "said
    Tuesday he is considering sending") or one below it ("threatened to strike on Monday"). A
    coordinated clause ("..., but did not rule out") does not share the time of the one it joins."""
    span = sent.doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if span is None:
        return False
    governor = _governing_verb(span.root, trig.token)
    if _set_off_by_dashes(governor, trig.token, sent):
        return True
    below = any(t.i == governor.i for t in trig.token.subtree) and not _in_own_clause(governor, trig.token)
    fronted = _fronted_over_conjuncts(span.root, governor, trig.token)
    shared = _shared_by_conjuncts(governor, trig.token)
    return not (below or fronted or shared or governor.i in _clause_path(trig.token))


def _shared_from_a_conjunct(timex: Timex, sent: SpacySpan, trig: Trigger) -> bool:
    """The time expression dates the trigger only as a time of an earlier conjunct (``_shared_by_conjuncts``)."""
    span = sent.doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if span is None:
        return False
    governor = _governing_verb(span.root, trig.token)
    return governor.i != trig.token.i and _shared_by_conjuncts(governor, trig.token)


def _shared_by_conjuncts(governor: Token, trigger: Token) -> bool:
    """"Police broke up the boards in 2015 but did not arrest the women", "opens fire on June 12 and kills 49":
    verbs coordinated with no subject of their own and in one tense are one predicate of one subject told in
    one stretch of the narrative, so a time adverbial of the first conjunct, with no time of the later one,
    is the time of the whole (the conjunction, "but" included, joins the verb phrases under one tense and
    one adverbial frame). A conjunct with a subject of its own is another clause, and one in another tense
    ("expects talks next week, but did not rule out") tells another time: neither shares it."""
    node = trigger
    while node.dep_ == "conj" and node.head.i != node.i and node.i > node.head.i:
        if _has_own_subject(node) or _tense_of(node) != _tense_of(node.head):
            return False
        node = node.head
        if node.i == governor.i:
            return True
    return False


def _has_own_subject(verb: Token) -> bool:
    """The verb has a subject of its own: a clause, not a verb phrase sharing the first conjunct's subject."""
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children)


def _tense_of(verb: Token) -> tuple[str, bool]:
    """The finite form a verb is told in ("VBD" past, "PRES" present, or the modal's word) and whether it is a
    perfect; a participle coordinated with no auxiliary of its own takes the first one's
    (``shared_auxiliary_head``)."""
    head = shared_auxiliary_head(verb)
    auxes = [c for c in head.children if c.dep_ in {"aux", "auxpass"}]
    finite = next((a for a in auxes if a.tag_ in FINITE_TAGS), head)
    form = finite.lower_ if finite.tag_ == "MD" else ("VBD" if finite.tag_ == "VBD" else
                                                      "PRES" if finite.tag_ in {"VBZ", "VBP"} else finite.tag_)
    return form, any(a.lemma_.lower() == "have" for a in auxes)


def _set_off_by_dashes(governor: Token, trigger: Token, sent: SpacySpan) -> bool:
    """"has called the threats -- it also conducted a test last month -- a crisis": a clause between a
    pair of dashes the trigger is outside of is a parenthetical, an aside of its own, whatever the parse
    hangs it on (the dashes often make it the root), so its time is not the trigger's."""
    dashes = [t.i for t in sent if t.text in DASHES]
    return any(a < governor.i < b and not a < trigger.i < b for a, b in zip(dashes[::2], dashes[1::2]))


def _in_own_clause(governor: Token, trigger: Token, links: set[str] = CLAUSE_LINKS) -> bool:
    """The verb lies in a clause of its own below the trigger: an adverbial, relative or parenthetical
    clause with a subject or a subordinator ("shelled the town after rebels attacked on Monday"; "has
    called the threats -- it conducted a test last month -- a crisis"), which tells another event
    with its own time, unlike a complement ("threatened to strike on Monday"). A clause of the same
    time ("when", "while", "as") dates the trigger by a time of its own verb ("was shot while walking
    home around 7 p.m. Tuesday"), not by one of a verb below it ("as Japan prepares to vote on Sunday").
    A coordinated clause with a subject of its own often shares the time ("were killed and hundreds
    were injured Sunday"); ``links`` adds "conj" where only the trigger's own clause may date it."""
    node = governor
    while node.i != trigger.i and node.head.i != node.i:
        if node.dep_ == "relcl" and node.head.i == trigger.i:
            return False  # a clause on the event noun tells the event ("the attack, in which a man drove ... on July 14")
        if node.dep_ in links and any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in node.children):
            same_time = any(c.dep_ == "mark" and c.lower_ in SIMULTANEOUS_SUBORDINATORS for c in node.children)
            if not (same_time and node.i == governor.i):
                return True
        node = node.head
    return False


def _fronted_over_conjuncts(root: Token, governor: Token, trigger: Token) -> bool:
    """"In 2012 she was presented with an award and met its president": a time adverbial fronted
    before the first of coordinated verbs modifies the whole coordination, so it dates each
    conjunct (one placed after the first verb, "talks next week, but did not rule out", does not)."""
    node = trigger
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
        if node.i == governor.i:
            return root.i < governor.i
    return False


def _governing_verb(token: Token, trigger: Token) -> Token:
    """The verb a time expression hangs from (through its prepositions and modifiers), or the
    trigger itself when the expression modifies it ("Israel's June strike", "talks on Friday")."""
    node = token
    while node.head.i != node.i and node.i != trigger.i and (node is token or node.pos_ not in {"VERB", "AUX"}):
        node = node.head
    return node


def _clause_path(token: Token) -> set[int]:
    """The token and the verbs above it up to the sentence root, less the head of a coordinated
    clause (its own time expressions are its own) but not that head's ancestors."""
    path, node = {token.i}, token
    while node.head.i != node.i:
        crossing_conj = node.dep_ == "conj"
        node = node.head
        if not crossing_conj:
            path.add(node.i)
    return path


def _names_a_thing(timex: Timex, sent: SpacySpan, trig: Trigger) -> bool:
    """"the 2015 nuclear deal", "the 1979 Revolution": a date modifying another noun dates that
    thing, not the event ("Israel's June strike" does date the strike)."""
    span = sent.doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    return span is not None and _modifies_a_noun(span) and span.root.head.i != trig.token.i


def _modifies_a_noun(span: SpacySpan) -> bool:
    """The time expression modifies a noun outside it ("the 2015 deal", "the 1950-53 war")."""
    root = span.root
    return root.dep_ in {"compound", "nummod", "amod"} and root.head.pos_ in {"NOUN", "PROPN"} \
        and not (span.start <= root.head.i < span.end)


def _aux_from_value(value: str, pub: _dt.date | None) -> set[str]:
    covered = day_range(value)
    if pub is None or covered is None:
        return set()
    start, end = covered
    if (pub - end).days > HISTORICAL_DAYS:
        return {"historical"}
    if start > pub:
        return {"future"}
    return set()


def _aux_from_date_words(trig: Trigger, sent: SpacySpan, pub: _dt.date | None) -> set[str]:
    """Without resolved timexes: "last year", "years ago" or an earlier year near the trigger."""
    if not any(t.ent_type_ == "DATE" for t in sent):
        return set()  # no date named (``Span.ents`` makes a Span of every entity of the Doc on each call)
    anchors = {trig.token.i, predicate(trig.token).i}
    for ent in sent.ents:
        head = ent.root.head
        if head.dep_ == "prep":
            head = head.head
        if ent.label_ != "DATE" or (head.i not in anchors and ent.root.i not in anchors):
            continue
        lowered = ent.text.casefold()
        if "last year" in lowered or re.search(r"\byears? ago\b", lowered):
            return {"historical"}
        years = [int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", lowered)]
        if years and pub is not None and max(years) < pub.year:
            return {"historical"}
    return set()


# ----------------------------------------------------------------------------- a day told elsewhere

def carry_told_day(built: list[tuple[Trigger, Event]], published: str | None) -> None:
    """An event noun left undated as background ("in retaliation for Nato airstrikes", "since the new
    sanctions") that the article tells elsewhere with its day ("Nato airstrikes near Kunduz last week"):
    the same noun with the same doer (the same entity of the article, or the same words) names the same event
    (within-document event coreference: the lemma match with a shared argument, ECB+'s baseline; a state
    named by its name or nationality is one argument, but a shared country of two places is none: two attacks
    in one country are two events), and TimeML gives coreferent
    events one time, so it takes the day that mention's own time expression gives. Where the mentions
    give different days (two rounds of strikes), none is taken."""
    for trig, event in built:
        if event.date is not None or trig.verbal:
            continue
        told = {other.date.value: other.date for other_trig, other in built
                if other is not event and other.date is not None and other.date.span is not None
                and other_trig.token.lemma_.lower() == trig.token.lemma_.lower() and other.type == event.type
                and _share_a_doer(event, other)}
        if len(told) == 1:
            event.date = next(iter(told.values()))
            covered = day_range(published)
            historical = "historical" in _aux_from_value(event.date.value, covered[0] if covered else None)
            if historical and "historical" not in event.aux_modes:
                event.aux_modes = [*event.aux_modes, "historical"]  # the last of the aux modes' order


def _share_a_doer(event: Event, other: Event) -> bool:
    """Both events name the same actor: one entity of the article (its mention key), the same words, or one
    state named by its name or its nationality ("US airstrikes" / "American airstrikes"); a place or a thing
    merely located in a state ("the Paris attacks", "the Nice lorry attack") is not that state."""
    def doers(e: Event) -> set[str]:
        named = {p.key or p.text.lower() for p in e.actors}
        return named | {code for p in e.actors if (code := _state_named(p.text))}
    return bool(doers(event) & doers(other))


def _state_named(words: str) -> str | None:
    """The state a participant's words name, by its name or its nationality ("US", "American"), or None."""
    return actors.country_of_state_name(words) or actors.country_of_demonym(words)


# ----------------------------------------------------------------------------- the lead's day

# The lead: the article's first sentences up to the second that ends a sentence (a headline, a standfirst or
# a dateline line above it ends with none and belongs to it), at most this many sentences in all. News
# writing's inverted pyramid puts the main happening and its day there.
LEAD_SENTENCES = 2
LEAD_MAX_SENTENCES = 5
# A next-morning report: its lead dates the main happening the day before publication, or two days before
# where the stamp is a day late (a UTC stamp, a print edition dated the morning after the evening report).
LEAD_DAYS_BEFORE = (1, 2)
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")


def carry_lead_day(built: list[tuple[Trigger, Event]], sents: list[SpacySpan], text: str,
                   timexes: list[Timex] | None, published: str | None) -> None:
    """A next-morning report tells its main happening in the lead with its day ("A gunman killed 50
    people on Sunday"), and goes on telling the same happening without repeating the day ("the gunman
    opened fire from the 32nd floor"). The lead sets the narrative's reference time (Reichenbach;
    TimeML anchors an undated event to the time in focus, which news writing's lead sets), so an event of
    the same happening told in the simple past, which the publication day would otherwise date, takes
    the lead's day. ``built``: (trigger, event) pairs of the article, events changed in place."""
    lead = lead_happening(built, sents, text, timexes or [], published)
    if lead is None:
        return
    day, types, lemmas = lead
    for trig, event in built:
        if event.date is not None and event.date.span is None and _same_happening(trig, types, lemmas) \
                and told_in_simple_past(trig):
            event.date = day


def lead_happening(built: list[tuple[Trigger, Event]], sents: list[SpacySpan], text: str,
                   timexes: list[Timex], published: str | None) -> tuple[EventDate, set[str], set[str]] | None:
    """The day the lead names a day or two before publication (a next-morning report), with the types
    and trigger lemmas of the lead's main happening: the lead's events in a main clause told in the
    simple past or dated that day (the inverted pyramid's who did what; the day may hang on a word that
    is no event, "the explosion late on Thursday"). A lead that names two such days, or dates a main
    event by another day, tells more than one day's news; one with no event in a main clause ("seemed
    premature when they launched missiles on Saturday": a text cut from the middle) is no lead: neither
    sets a happening."""
    covered = day_range(published)
    end = lead_end(sents, text)
    if covered is None or end is None:
        return None
    named = [t for t in timexes if t.span.end <= end and t.type in {"DATE", "TIME"}
             and _days_before(t.value or "", covered[0]) in LEAD_DAYS_BEFORE]
    if not named or len({t.value for t in named}) > 1:
        return None
    day = EventDate(named[0].value, named[0].span)
    main = [(trig, event) for trig, event in built if event.sentence.start < end and _in_main_clause(trig.token)]
    if any(e.date is not None and e.date.span is not None and e.date.value != day.value for _, e in main):
        return None
    told = [trig for trig, event in main if told_in_simple_past(trig) or (event.date and event.date.value == day.value)]
    if not told:
        return None
    return day, {trig.type for trig in told}, {trig.token.lemma_.lower() for trig in told}


def _in_main_clause(token: Token) -> bool:
    """The word is told by the sentence's main clause: the root, a verb coordinated with it, a clause a
    reporting verb reports ("officials said a bomber rammed"), a participle clause with no subordinator
    ("killing four"), or a noun that is an argument of one of these."""
    node = token
    while node.head.i != node.i:
        if node.pos_ in {"VERB", "AUX"} and not (
                node.dep_ == "conj" or (node.dep_ == "ccomp" and node.head.lemma_.lower() in lexicon.REPORTING)
                or (node.dep_ == "advcl" and node.tag_ in {"VBG", "VBN"}
                    and not any(c.dep_ == "mark" for c in node.children))):
            return False
        node = node.head
    return True


def lead_end(sents: list[SpacySpan], text: str) -> int | None:
    """Where the lead ends: after its second sentence that ends as a sentence does (a headline or a
    dateline line above it ends with no full stop), within ``LEAD_MAX_SENTENCES``."""
    ended = 0
    for sent in sents[:LEAD_MAX_SENTENCES]:
        if SENTENCE_END.search(text[sent.start_char:sent.end_char]):
            ended += 1
            if ended == LEAD_SENTENCES:
                return sent.end_char
    return sents[min(len(sents), LEAD_MAX_SENTENCES) - 1].end_char if sents else None


def _days_before(value: str, pub: _dt.date) -> int | None:
    """Days from a single-day value to the publication day (None for a longer or non-calendar value)."""
    covered = day_range(value)
    if covered is None or covered[0] != covered[1] or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    return (pub - covered[0]).days


def _same_happening(trig: Trigger, types: set[str], lemmas: set[str]) -> bool:
    """An event of the lead's happening: of its PLOVER type or told by the same word."""
    return trig.type in types or trig.token.lemma_.lower() in lemmas


def told_in_simple_past(trig: Trigger) -> bool:
    """A verb in the simple past, active or passive ("opened fire", "were killed"), or a participle
    clause of one ("killing four"): the tense of a narrative of a past day; a perfect or a past perfect
    speaks from another reference time, the present from the report's, a progressive ("were conducting
    searches") frames a stretch around another time rather than telling the narrative's next event, and
    an infinitive ("meant to fire") tells no happening of its own."""
    if not trig.verbal:
        return False
    finite = shared_auxiliary_head(trig.token)
    if _progressive(finite):
        return False
    if finite.tag_ in {"VBG", "VBN"} and finite.dep_ == "advcl" and not any(c.dep_ in {"aux", "auxpass", "mark"}
                                                                           for c in finite.children):
        finite = finite.head
    auxes = [c for c in finite.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in {"has", "have", "had"} or a.tag_ in {"MD", "VBZ", "VBP"} for a in auxes):
        return False
    return finite.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def shared_auxiliary_head(token: Token) -> Token:
    """The verb whose auxiliaries a coordinated participle shares: "were killed or wounded", "killing four and
    wounding scores", "were attacking and looting" (coordination leaves out the repeated auxiliary, so the
    second participle is told in the first one's tense). A conjunct with an auxiliary or a tense of its own
    ("killed four and has wounded", "rammed ... and killed") is its own head."""
    while token.dep_ == "conj" and token.head.i != token.i and _same_participle(token, token.head) \
            and not any(c.dep_ in {"aux", "auxpass"} for c in token.children):
        token = token.head
    return token


def _same_participle(conjunct: Token, first: Token) -> bool:
    """The conjunct is a participle of the first one's kind: both tagged so, or a regular "-ed" form with no
    subject of its own after a participle with an auxiliary ("had stormed the post and wounded two"), which
    the tagger may read as a simple past (the two forms are one), though it is a verb phrase under "had"."""
    if conjunct.tag_ == "VBG":
        return first.tag_ == "VBG"
    if conjunct.tag_ == "VBN":
        return _is_participle(first)
    return conjunct.tag_ == "VBD" and _is_participle(first) and conjunct.lower_.endswith("ed") \
        and any(c.dep_ in {"aux", "auxpass"} for c in first.children) \
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in conjunct.children)


def _is_participle(token: Token) -> bool:
    """A past participle, also where the tagger reads it as a simple past because words stand between it
    and its "have" ("has in the past vowed"): after the perfect's auxiliary English has only the participle."""
    return token.tag_ == "VBN" or (token.tag_ == "VBD" and any(c.dep_ == "aux" and c.lemma_.lower() == "have"
                                                               for c in token.children))


def _progressive(token: Token) -> bool:
    """A verb in the progressive: a present participle with a form of "be" ("were conducting")."""
    return token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children)
