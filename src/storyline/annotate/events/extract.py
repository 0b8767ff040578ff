"""Per-article event extraction: triggers -> PLOVER events with actors, recipients, modes, aux
modes, contexts, location and date (the public entry point is ``extract_events``)."""
from __future__ import annotations

import datetime as _dt
import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from storyline.model import Event, EventDate, Location, Mention, Participant, Span, Timex, stable_id

from . import lexicon, lookup
from .contexts import contexts_of, refine_mode
from .modality import apply_plover_rules, aux_modes, predicate
from .ontology import QUAD_OF_TYPE, cameo_root
from .participants import (NOT_ACTOR_ENTS, RECIPIENT_PREPS, ArticleContext, agent_of, children, content_owner, is_actor_like,
                           mentions_from_doc, modifier_participants, participants, prep_objects, subject_of)
from .triggers import Trigger, find_triggers, nest, object_of

HISTORICAL_DAYS = 60
PLACE_PREPS = {"in", "at", "near", "inside", "outside"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CIVIL_SECTORS = {"CVL", "EDU", "LAB", "OPP", "REF", "REL", "SOC"}


def extract_events(doc: Doc, text: str, article_id: str, mentions: list[Mention] | None = None,
                   timexes: list[Timex] | None = None, published: str | None = None) -> list[Event]:
    """PLOVER events of one article; ``doc`` must be the parse of ``text`` (offsets are shared)."""
    if doc.text != text:
        raise ValueError("doc is not the parse of text: event offsets would not point into text")
    ctx = ArticleContext(text, sorted(mentions if mentions is not None else mentions_from_doc(doc, text),
                                      key=lambda m: m.span.start))
    events: list[Event] = []
    for sent in doc.sents:
        for trig in sentence_events(sent):
            event = build_event(trig, sent, ctx, article_id, timexes, published)
            if event.actors or event.recipients:  # an event nobody takes part in is not coded
                events.append(event)
    return events


def sentence_events(sent: SpacySpan) -> list[Trigger]:
    """The top-level triggers of a sentence after aux modes and the PLOVER type rules."""
    top = nest(find_triggers(sent))
    top = wrap_obligations(sent, top)
    out = []
    for trig in top:
        if trig.content is not None:
            trig.content.aux = aux_modes(trig.content)
        trig.aux = aux_modes(trig)
        out.append(apply_plover_rules(trig))
    return out


def wrap_obligations(sent: SpacySpan, top: list[Trigger]) -> list[Trigger]:
    """"X said Y must do Z" is X's REQUEST to Y (the clause with Z is its content)."""
    by_token = {t.token.i: t for t in top}
    out = [t for t in top]
    for tok in sent:
        if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in lexicon.REPORTING:
            continue
        if not any(c.dep_ == "aux" and c.lower_ in lexicon.OBLIGATION_MODALS for c in tok.children):
            continue
        subj = children(tok, {"nsubj"})
        if not subj or subj[0].pos_ == "PRON":
            continue
        request = Trigger(tok, "REQUEST", None, tok.i, tok.i, content=by_token.get(tok.i), obligation=True)
        out = [t for t in out if t.token.i != tok.i] + [request]
    return sorted(out, key=lambda t: t.token.i)


def build_event(trig: Trigger, sent: SpacySpan, ctx: ArticleContext, article_id: str,
                timexes: list[Timex] | None, published: str | None) -> Event:
    text = ctx.text
    doc = sent.doc
    first, last = doc[trig.first], doc[trig.last]
    trigger = Span.of(text, first.idx, last.idx + len(last))
    actors, recipients = roles(trig, ctx)
    location = location_of(trig, ctx)
    date, date_aux = date_of(trig, sent, timexes, published)
    aux = set(trig.aux) | date_aux
    mode = refine_mode(trig.type, trig.mode, sent.text)
    if trig.type == "COERCE" and trig.mode == "restrict" and any(p.sector in CIVIL_SECTORS for p in actors):
        trig.type, mode = "PROTEST", "obstruct"  # civilians blocking roads protest; they do not coerce
    if trig.type == "CONSULT":
        mode, actors, recipients = consult_mode(mode, actors, recipients, location, sent)
    return Event(
        id=stable_id(article_id, str(trigger.start), trig.type, prefix="v_"),
        article_id=article_id, type=trig.type, trigger=trigger,
        sentence=Span.of(text, sent.start_char, sent.end_char), mode=mode,
        aux_modes=[a for a in ("negation", "hypothetical", "future", "historical") if a in aux],
        context=contexts_of(sent.text, trig.type), actors=actors, recipients=recipients,
        location=location, date=date, quad=QUAD_OF_TYPE[trig.type], cameo=cameo_root(trig.type, mode))


# ------------------------------------------------------------------------------------ roles

def roles(trig: Trigger, ctx: ArticleContext) -> tuple[list[Participant], list[Participant]]:
    if trig.obligation:
        speaker, _ = subject_of(trig.token.head)
        return participants(speaker, ctx), participants(children(trig.token, {"nsubj"}), ctx)
    if trig.verbal:
        actor_heads, recipient_heads = verbal_roles(trig)
    else:
        actor_heads, recipient_heads = noun_roles(trig.token)
    if trig.verbal:
        actors = participants(actor_heads, ctx)
    else:
        modifiers = [t for t in actor_heads if t.head.i == trig.token.i and t.dep_ != "prep"]
        others = [t for t in actor_heads if t not in modifiers]
        actors = modifier_participants(modifiers, ctx) + participants(others, ctx)
    spans = {p.span.start for p in actors if p.span}
    recipients = [p for p in participants(recipient_heads, ctx) if not p.span or p.span.start not in spans]
    return actors, recipients


def verbal_roles(trig: Trigger) -> tuple[list[Token], list[Token]]:
    verb = trig.token
    anchor = verb.head if verb.dep_ == "acomp" else verb
    subj, passive = subject_of(anchor)
    if passive:
        return agent_of(verb), subj
    objects = objects_of(trig)
    if not objects and trig.content is not None and trig.content.verbal:  # "threatened to shell [towns]"
        objects = objects_of(trig.content)
    if trig.type == "MOBILIZE":  # "send troops to the region": a destination, not a recipient
        objects = prep_objects(verb, {"against"})
    return subj, objects


def objects_of(trig: Trigger) -> list[Token]:
    """Recipient heads: dative, actor-like direct object (or the owner of a content object), the
    subject of a "that" clause, and prepositional objects ("with X", "on X", "against X")."""
    verb = trig.token
    dative = children(verb, {"dative", "iobj"})
    if dative:
        return [d for d in dative if d.pos_ != "ADP"] or prep_objects(verb, {"to"})
    obj = object_of(verb)
    if obj is not None and obj.dep_ != "nsubjpass":
        if is_actor_like(obj) and obj.pos_ != "PRON":
            return [obj]
        owner = content_owner(obj)
        if owner:
            return owner
        found = prep_objects(obj, RECIPIENT_PREPS | {"of"})
        if found:
            return [t for t in found if is_actor_like(t)]
    for clause in children(verb, {"ccomp"}):
        subj = children(clause, {"nsubj", "nsubjpass"})
        if subj and subj[0].pos_ != "PRON":
            return subj
    return [t for t in prep_objects(verb, RECIPIENT_PREPS) if is_actor_like(t)]


def noun_roles(noun: Token) -> tuple[list[Token], list[Token]]:
    actors = [c for c in noun.children if c.dep_ in {"poss", "compound", "nmod", "amod"} and is_actor_like(c)
              and c.pos_ != "PRON" and c.ent_type_ not in NOT_ACTOR_ENTS]
    actors += agent_of(noun) + prep_objects(noun, {"between", "among"})
    recipients = [t for t in prep_objects(noun, RECIPIENT_PREPS) if is_actor_like(t)]
    return actors, recipients


def consult_mode(mode: str | None, actors: list[Participant], recipients: list[Participant],
                 location: Location | None, sent: SpacySpan) -> tuple[str | None, list[Participant], list[Participant]]:
    """Meetings are reciprocal (all sides are actors) unless someone visits a host; a meeting in a
    country none of the sides belongs to is 'third-party'."""
    sides = actors + recipients
    countries = {p.country for p in sides if p.country}
    if location and location.country and len(countries) >= 2 and location.country not in countries:
        return "third-party", sides, []
    hosts = [p for p in sides if location and location.country and p.country == location.country]
    guests = [p for p in sides if p.country and p not in hosts]
    if mode is None and hosts and guests:
        return "visit", guests, hosts
    if mode == "visit":
        return mode, actors, recipients
    return mode, sides, []


# ------------------------------------------------------------------------------ where, when

def location_of(trig: Trigger, ctx: ArticleContext) -> Location | None:
    """The place the event happened: "in/at/near X" on the trigger, its predicate or object."""
    anchors = [trig.token, predicate(trig.token)]
    if trig.obj is not None:
        anchors.append(trig.obj)
    for anchor in anchors:
        for place in prep_objects(anchor, PLACE_PREPS):
            place = _named_place(place)
            if place is not None:
                return _location(place, ctx)
    return None


def _named_place(token: Token) -> Token | None:
    """"Oman's capital, Muscat" -> Muscat; skip non-places."""
    for child in token.children:
        if child.dep_ == "appos" and child.ent_type_ in PLACE_LABELS:
            return child
    if token.ent_type_ in PLACE_LABELS or lookup.country_of_name(token.text):
        return token
    for child in token.children:
        if child.dep_ in {"poss", "compound"} and child.ent_type_ in PLACE_LABELS:
            return token
    return None


def _location(token: Token, ctx: ArticleContext) -> Location:
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is not None and ent.label_ in PLACE_LABELS:
        start, end = ent.start_char, ent.end_char
        if token.doc[ent.start].lower_ == "the":
            start = token.doc[ent.start + 1].idx
    else:
        start, end = token.idx, token.idx + len(token)
    span = Span.of(ctx.text, start, end)
    mention = ctx.mention_at(token)
    country = mention.country if mention and mention.country else None
    if country is None:
        words = [t.text for t in token.subtree if not t.is_punct]
        country = lookup.code_phrase([t.text for t in token.doc[ent.start:ent.end]] if ent is not None else words).country \
            or lookup.code_phrase(words).country
    return Location(text=span.text, span=span, country=country)


def date_of(trig: Trigger, sent: SpacySpan, timexes: list[Timex] | None,
            published: str | None) -> tuple[EventDate | None, set[str]]:
    """The sentence's time expression nearest the trigger (else the publication date), and the aux
    mode it implies: well before publication is historical, after it is future."""
    pub = _parse_date(published) if published else None
    timex = _nearest_timex(trig, sent, timexes or [])
    if timex is not None:
        return EventDate(timex.value, timex.span), _aux_from_value(timex.value, pub)
    aux = _aux_from_date_words(trig, sent, pub)
    return (EventDate(published[:10], None) if published else None), aux


def _nearest_timex(trig: Trigger, sent: SpacySpan, timexes: list[Timex]) -> Timex | None:
    at = sent.doc[trig.first].idx
    inside = [t for t in timexes if sent.start_char <= t.span.start and t.span.end <= sent.end_char
              and t.type in {"DATE", "TIME"} and re.match(r"\d{4}", t.value or "")]
    return min(inside, key=lambda t: abs(t.span.start - at)) if inside else None


def _parse_date(value: str) -> _dt.date | None:
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not m:
        return None
    return _dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def _period_end(value: str) -> _dt.date | None:
    start = _parse_date(value)
    if start is None:
        return None
    parts = value.split("-")
    if len(parts) == 1 or not parts[1][:2].isdigit():
        return _dt.date(start.year, 12, 31)
    if len(parts) == 2:
        nxt = _dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return nxt - _dt.timedelta(days=1)
    return start


def _aux_from_value(value: str, pub: _dt.date | None) -> set[str]:
    start, end = _parse_date(value), _period_end(value)
    if pub is None or start is None or end is None:
        return set()
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
