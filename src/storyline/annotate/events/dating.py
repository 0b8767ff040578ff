"""The date an event is shown with, and the aux modes its date implies (historical, future).

TimeML anchors a tensed verb to the document's creation time (the publication day) only where the
text ties it there; an event with a time expression of its own clause takes that value, and one the
text places before or apart from the report's day gets none rather than the publication day."""
from __future__ import annotations

import datetime as _dt
import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from storyline.model import EventDate, Timex

from . import lexicon
from .dates import day_range
from .modality import predicate
from .participants import gallery_counter
from .triggers import Trigger

HISTORICAL_DAYS = 60


def date_of(trig: Trigger, sent: SpacySpan, timexes: list[Timex] | None, published: str | None,
            relative: Token | None = None) -> tuple[EventDate | None, set[str]]:
    """The sentence's time expression nearest the trigger (else the publication date), and the aux
    mode it implies: well before publication is historical, after it is future. An event told in
    a relative clause ("Farkhunda, who was killed by a mob") describes a participant of the
    sentence, as background, not the day's news: like an event noun referred back to, only a time
    expression of its own clause dates it (TimeML anchors it by its clause, not the report's day)."""
    covered = day_range(published)
    pub = covered[0] if covered else None
    earlier = refers_back(trig) or relative is not None
    timex = _own_timex(trig, sent, timexes or [], relative) if earlier else _nearest_timex(trig, sent, timexes or [])
    if timex is not None:
        aux = _aux_from_value(timex.value, pub)
        return EventDate(timex.value, timex.span), aux - {"future"} if told_as_past(trig) else aux
    aux = _aux_from_date_words(trig, sent, pub)
    undated = earlier or told_as_anterior(trig)
    caption = None if undated else caption_date(sent, timexes or [])
    if caption is not None:
        pictured = _aux_from_value(caption.value, pub) - {"future"}  # a photograph shows what has happened
        return EventDate(caption.value, caption.span), pictured
    return (EventDate(published[:10], None) if published and not undated else None), aux


def caption_date(sent: SpacySpan, timexes: list[Timex]) -> Timex | None:
    """The date line of a photo caption in a gallery, which opens its line with the picture's
    number and the day it was taken ("9/16 2009 ...", "1/34 30 November 2017 ..."): it dates what
    the picture shows, as a dateline dates a report (a caption gives the date of the photograph),
    also where the parse hangs the date on another clause of the caption."""
    counter = gallery_counter(sent.doc.text, sent.start_char)
    if counter is None or sent.start_char > counter.end():
        return None
    return next((t for t in _calendar_timexes(sent, timexes) if t.span.start == counter.end()), None)


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
    if token.head.lower_ in lexicon.ANTERIOR_WORDS and token.dep_ in {"pobj", "dobj", "pcomp"}:
        return True
    if token.dep_ == "dobj" and token.head.lemma_.lower() in lexicon.RECALL_VERBS:
        return True
    clause = token.head if token.dep_ in {"nsubj", "nsubjpass"} else None  # "after an assault left two dead"
    return clause is not None and any(c.dep_ == "mark" and c.lower_ in lexicon.ANTERIOR_WORDS for c in clause.children)


def told_as_anterior(trig: Trigger) -> bool:
    """A verb in the past perfect ("had attacked") or with "previously" ("has previously denied"):
    TimeML dates a tensed verb from the document's time only in the simple tenses; the past perfect
    and an anterior adverb place the event before a reference time the text gives, so the
    publication day does not date it (a time expression of its clause still does). Reported
    speech is the exception: "officials said the army had shelled" is the sequence of tenses
    shifting a simple past back, dated as the simple past is."""
    token = trig.token
    if not trig.verbal:
        return False
    perfect = token.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children)
    if perfect and not _reported(token):
        return True
    return any(c.dep_ == "advmod" and c.lower_ in lexicon.ANTERIOR_ADVERBS for c in token.children)


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
    ``clause`` the event is told in ("a man who carried out an attack in 2015")."""
    token = trig.token
    own = {t.i for t in token.subtree} | {t.i for t in (clause.subtree if clause is not None else ())}
    if token.dep_ == "nsubj":
        own.add(token.head.i)
    for timex in _calendar_timexes(sent, timexes):
        span = sent.doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
        if span is not None and (span.root.i in own or _governing_verb(span.root, token).i in own):
            return timex
    return None


def _nearest_timex(trig: Trigger, sent: SpacySpan, timexes: list[Timex]) -> Timex | None:
    at = sent.doc[trig.first].idx
    inside = [t for t in _calendar_timexes(sent, timexes) if not _names_a_thing(t, sent, trig)
              and not _dates_another_clause(t, sent, trig)]
    return min(inside, key=lambda t: abs(t.span.start - at)) if inside else None


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
    below = any(t.i == governor.i for t in trig.token.subtree)
    fronted = _fronted_over_conjuncts(span.root, governor, trig.token)
    return not (below or fronted or governor.i in _clause_path(trig.token))


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
    if span is None:
        return False
    root = span.root
    return root.dep_ in {"compound", "nummod", "amod"} and root.head.pos_ in {"NOUN", "PROPN"} \
        and not (span.start <= root.head.i < span.end) and root.head.i != trig.token.i


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
