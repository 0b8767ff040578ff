"""A place is where an event happens, not who takes part in it.

PLOVER codes an event's actor and recipient as parties, each with a country (PLOVER_MANUAL.tex,
"Country names": a state, a few territories, or an international non-state body), and where it
happened in its own location field (``event_loc``). A town, province, island or venue named as a
participant ("airstrikes near Kunduz", "opened fire in Orlando", "the Las Vegas attack") stands
for the state it belongs to: that state is the participant, the place the event's location. A sea
belongs to no state (UNCLOS: the high seas), so a drill or a launch into it has no recipient
there. A place that is a state ("Lebanon"), or a capital or seat of government standing for its
government ("Pyongyang said", "the White House"), is a party as it is.
"""
from __future__ import annotations

from spacy.tokens import Token

from storyline.annotate import actors
from storyline.model import Location, Mention, Participant, Span

from . import coding, geo
from .participants import ArticleContext

# Entity types of places (the events code reads a location or a place party by them).
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Words naming a body of water: no state's territory, so no party of what happens there.
WATER_WORDS = frozenset({"sea", "ocean", "gulf", "strait", "straits", "bay", "channel", "pacific", "atlantic",
                         "mediterranean", "waters"})


def is_open_water(name: str) -> bool:
    """"the Sea of Japan", "the Pacific Ocean", "the Gulf of Aden": a name of a water body, which
    the caller knows is a place (a location, or a mention typed LOC: not "Gulf states")."""
    return any(w.strip(".,").lower() in WATER_WORDS for w in name.split())


def is_water_party(p: Participant, ctx: ArticleContext) -> bool:
    """A participant that is a sea or an ocean (a mention typed LOC with a water word)."""
    mention = mention_of(ctx, p.span) if p.span is not None else None
    return mention is not None and mention.type == "LOC" and is_open_water(mention.name)


def state_for_location(location: Location, actor_list: list[Participant], sentence: Span,
                       ctx: ArticleContext) -> Participant | None:
    """The recipient an event aimed at a place has ("the army imposed a curfew in Cizre" -> Turkey):
    the state the place is in, or the place itself when it is a state; none for a sea, nor a state
    as a whole for itself ("Turkey imposed a curfew in Cizre", a missile launched near Pyongyang):
    PLOVER events are between parties, and a domestic target is a part of the state (its people,
    its opposition) that the place does not name."""
    if is_open_water(location.text) or not location.country:
        return None
    if actors.country_of_state_name(location.text) == location.country:
        target = Participant(text=location.text, span=location.span, country=location.country)
    else:
        target = state_participant(location.country, location.span, sentence, ctx, actor_list)
    return None if any(_same_state(target, a) for a in actor_list) else target


def is_subnational_place(p: Participant, ctx: ArticleContext) -> bool:
    """A participant that names a place inside a state (a town, province, island or venue), not the
    state itself nor a capital or seat standing for its government: a mention of a place type, or,
    with no mention, a name the gazetteer places in the participant's country."""
    if not p.country or p.sector or p.span is None or actors.country_of_state_name(p.text):
        return False
    if coding.seat_sector(p.text):
        return False
    mention = mention_of(ctx, p.span)
    if mention is not None:
        return mention.type in PLACE_TYPES and not coding.seat_sector(mention.name) \
            and actors.country_of_state_name(mention.name) is None
    return p.span.text == p.text and actors.country_of_place(p.text) == p.country


def mention_of(ctx: ArticleContext, span: Span) -> Mention | None:
    """The mention that covers the whole of a participant's words ("Cleveland" is no mention of
    "Cleveland Indians pitcher Andrew Miller")."""
    return next((m for m in ctx.mentions if m.span.start <= span.start and span.end <= m.span.end), None)


def state_participant(country: str, near: Span | None, sentence: Span, ctx: ArticleContext,
                      taken: list[Participant] = ()) -> Participant:
    """The state ``country`` as a participant: named where the sentence names it (the mention
    nearest ``near``, not one inside the words of another participant, ``taken``: "a US army
    psychiatrist"), else by its name with no span, linked to the article's mention of it if any."""
    named = [m for m in ctx.mentions if m.country == country and actors.country_of_state_name(m.name) == country]
    inside = [p.span for p in taken if p.span is not None]
    here = [m for m in named if sentence.start <= m.span.start < sentence.end
            and not any(s.start <= m.span.start < s.end for s in inside)]
    if here:
        at = near.start if near is not None else sentence.start
        m = min(here, key=lambda m: abs(m.span.start - at))
        return Participant(text=m.span.text, span=m.span, country=country, key=m.key)
    return Participant(text=actors.country_name(country), country=country, key=named[0].key if named else None)


def states_for_places(parties: list[Participant], sentence: Span, ctx: ArticleContext, acting: bool = False,
                      others: list[Participant] = ()) -> tuple[list[Participant], list[Participant]]:
    """(the parties with each place replaced by its state, the places replaced): a sea is dropped
    (no state's); a state already among the parties is not added twice. ``acting``: the parties
    are actors, and a province or federal state that acts is its own government (PLOVER: "USA GOV
    = ... the attorney general of Oklahoma"), a party as it is."""
    out: list[Participant] = []
    places: list[Participant] = []
    for p in parties:
        if is_water_party(p, ctx):
            places.append(p)
            continue
        if not is_subnational_place(p, ctx) or (acting and actors.is_federal_unit(p.text)):
            out.append(p)
            continue
        places.append(p)
        if not any(q.country == p.country and not is_subnational_place(q, ctx) for q in parties + out):
            out.append(state_participant(p.country, p.span, sentence, ctx, list(others)))
    return out, places


def place_location(place: Participant) -> Location:
    """The event's location where the parse named the place as a participant."""
    found = geo.locate(place.text, place.country)
    if found is None:
        return Location(text=place.text, span=place.span, country=place.country)
    return Location(text=place.text, span=place.span, country=found.country, lat=found.lat, lon=found.lon)


def parties_not_places(actor_list: list[Participant], recipients: list[Participant], location: Location | None,
                       sentence: Span, ctx: ArticleContext) -> tuple[list[Participant], list[Participant], Location | None]:
    """Actors and recipients with every place replaced by its state, and the event's location, the
    first place replaced where the event had none."""
    actor_list, from_actors = states_for_places(actor_list, sentence, ctx, acting=True, others=recipients)
    recipients, from_recipients = states_for_places(recipients, sentence, ctx, others=actor_list)
    if from_recipients:  # "launched from Sunan, near Pyongyang": a state is not its own target
        recipients = [r for r in recipients if not any(_same_state(r, a) for a in actor_list)]
    places = from_recipients + from_actors
    if location is None and places:
        location = place_location(places[0])
    return actor_list, recipients, location


def is_place_modifier(token: Token) -> bool:
    """A place name in a noun compound before an event noun ("the Guam missile attack", "the Las
    Vegas massacre", "the Kunduz incident"): the compound tells where it happened (English noun
    compounds: a place-name modifier locates the head), not who did it. A state's name may name the
    doer ("a US strike") and a capital its government; those stay parties."""
    if token.dep_ != "compound" or token.ent_type_ not in PLACE_TYPES:
        return False
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    name = ent.text.removeprefix("the ").removeprefix("The ") if ent is not None else token.text
    return actors.country_of_state_name(name) is None and not coding.seat_sector(name) \
        and actors.country_of_place(name) is not None


def _same_state(one: Participant, other: Participant) -> bool:
    """Both name the same state as a whole (no sector: not its army, not its people)."""
    return one.country == other.country and one.sector is None and other.sector is None \
        and actors.country_of_state_name(one.text) is not None and actors.country_of_state_name(other.text) is not None
