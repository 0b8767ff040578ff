"""Definite descriptions of a state or a leader ("the hermit state", "the isolated country", "the
tubby tyrant") taken up like pronouns: the most salient earlier referent of the description's kind.

A definite description either takes up a referent the text has already introduced or names one the
reader knows without an antecedent; in news, a description whose head names a kind the article has
named ("the country" after "North Korea") takes up the entity of that kind the text is centered on
(Vieira and Poesio 2000: such "coreferent, different head" descriptions need the discourse's
salience, as pronouns do). News names several states in one article, so the one taken up is the most
salient by centering's ranking of earlier realizations (``centering.realization_salience``), among
those the description agrees with: of its kind, of the country its words name, not one that
c-commands it. An indefinite description ("a country of samurai warriors") introduces a new referent
and takes up nothing; a plural ("countries") names several.
"""
from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Span, Token

from storyline.annotate import actors
from storyline.annotate.centering import most_salient
from storyline.model import Mention, Participant

from . import coding, geo

# Head nouns of a description that names a state: as the state itself, or as its government
# ("the regime"), whose sector it is (PLOVER codes a government GOV).
STATE_NOUNS = {"country": None, "nation": None, "state": None, "kingdom": None, "republic": None,
               "regime": "GOV", "government": "GOV"}
# Head nouns of a description that names a state's leader (an epithet of the head of state).
LEADER_NOUNS = frozenset({"leader", "despot", "tyrant", "dictator", "strongman", "autocrat", "ruler"})
# Relational nouns: the state they name stands in a relation to their possessor ("its northern
# neighbour"), so it is another state than the possessor.
RELATION_NOUNS = frozenset({"neighbour", "neighbor"})
DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})
# Mention types that realize a state: its name, a place in it, its people's name.
STATE_TYPES = frozenset({"GPE", "NORP"})
# Codes of bodies that are no state (international and non-governmental organisations, armed groups, firms).
NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "MNC"})
# Direction adjectives of a relational noun: where the other state's capital lies from the possessor's.
DIRECTIONS = {"northern": (0, 1), "southern": (0, -1), "eastern": (1, 1), "western": (1, -1)}


def description_kind(head: Token) -> str | None:
    """"state", "leader", "relation" for the head of a definite singular description of that kind,
    else None: an indefinite ("a country") introduces a new referent, a plural names several, a
    proper name ("the Islamic State", "the Golden State") names its own referent, and "the state of
    X" names X (a state of the US, a condition)."""
    word = head.lemma_.lower()
    if head.pos_ != "NOUN" or head.tag_ == "NNS" or any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return None
    determiners = [c.lower_ for c in head.children if c.dep_ == "det"]
    possessors = [c for c in head.children if c.dep_ == "poss"]
    if word in RELATION_NOUNS:
        return "relation" if possessors and possessors[0].pos_ == "PRON" else None
    if possessors or not determiners or determiners[0] not in DEFINITE_DETERMINERS:
        return None
    if word in STATE_NOUNS:
        return "state"
    return "leader" if word in LEADER_NOUNS else None


def taken_up(party: Participant, head: Token, mentions: list[Mention]) -> Participant | None:
    """The participant a definite description of a state or leader stands for, at the description's
    own words, or None when it is no such description or no earlier referent agrees with it. A state
    description whose words already name its state ("the North Korean regime") is left as it is."""
    kind = description_kind(head)
    if kind is None or (kind == "state" and party.country):
        return None
    # a name inside a quotation is read by the reader too: it makes its referent salient (Lappin and
    # Leass count every realization), though a quoted pronoun sets no center of the narrator's
    earlier = [m for m in mentions if m.span.end <= head.idx]
    if kind == "leader":
        found = _leader(head, earlier, coding.code_phrase(party.text.split()).country)
        if found is None:
            return None
        return Participant(text=found.name, span=party.span, country=found.country, sector=found.sector, key=found.key)
    country = _relation_country(head, party, earlier) if kind == "relation" else _salient_state(head, earlier)
    if country is None:
        return None
    sector = STATE_NOUNS.get(head.lemma_.lower())  # the state itself ("the country"), its government ("the regime")
    named = _state_name_mention(country, earlier)
    # a state realized only by a place in it, its people or an official ("Nice", "French", "President
    # Hollande") is named as news names the state, and linked to no entity of those other things
    return Participant(text=named.name if named else actors.country_name(country), span=party.span,
                       country=country, sector=sector, key=named.key if named else None)


def _salient_state(head: Token, earlier: list[Mention]) -> str | None:
    """The most salient state realized before the description (by its name, a place in it, its people,
    or an official of its government earlier in the description's own sentence)."""
    states = _state_realizations(earlier)
    spoken_for: set[int] = set()
    for official, words in _officials_before(head, earlier):
        states[official.country].append(official)
        spoken_for.update(t.i for t in words)
    return most_salient(states, head, frozenset(spoken_for))


def _officials_before(head: Token, earlier: list[Mention]) -> list[tuple[Mention, Span]]:
    """Persons of a state's government named before the description in its own sentence: an official
    speaks for his state, so "President Hollande said the country ..." realizes France in the
    utterance the description follows. Not the binding a Principle C bar is about: the official is
    not the state, so one who is the subject of the reporting clause still realizes it. Only in the
    description's own sentence: further back an official is a person of the story, and counting
    every mention of a head of state would weigh his state against the one the text is about."""
    found = []
    for m in earlier:
        if m.type != "PERSON" or m.sector != "GOV" or not m.country or m.country in NON_STATE_CODES:
            continue
        words = head.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if words is not None and words.root.sent.start == head.sent.start:
            found.append((m, words))
    return found


def _relation_country(head: Token, party: Participant, earlier: list[Mention]) -> str | None:
    """"its northern neighbour": another state than the possessor's (a relation holds between two),
    the most salient one, and where a direction word says where it lies, one whose capital lies so
    from the possessor's; None when the possessor's state is unknown or no state lies so."""
    owner = party.country
    if owner is None:
        return None
    direction = next((DIRECTIONS[c.lower_] for c in head.children if c.lower_ in DIRECTIONS), None)
    states = _state_realizations(earlier, owner)
    if direction is not None:
        states = {c: ms for c, ms in states.items() if _lies(c, owner, direction)}
    return most_salient(states, head)


def _state_realizations(earlier: list[Mention], other_than: str | None = None) -> dict[str, list[Mention]]:
    """The mentions realizing each state (not an organisation), less those of ``other_than``."""
    states: dict[str, list[Mention]] = defaultdict(list)
    for m in earlier:
        if m.type in STATE_TYPES and m.country and m.country not in NON_STATE_CODES and m.country != other_than:
            states[m.country].append(m)
    return states


def _lies(country: str, owner: str, direction: tuple[int, int]) -> bool:
    """Does the country's capital lie in the direction (axis 0 latitude, 1 longitude; sign) from the owner's?"""
    here, there = geo.capital_place(owner), geo.capital_place(country)
    if here.lat is None or there.lat is None:
        return False
    axis, sign = direction
    delta = (there.lat - here.lat) if axis == 0 else (there.lon - here.lon)
    return delta * sign > 0


def _state_name_mention(country: str, earlier: list[Mention]) -> Mention | None:
    """The latest mention that names the state itself, if any."""
    named = [m for m in earlier if m.type == "GPE" and m.country == country and actors.country_of_state_name(m.name) == country]
    return named[-1] if named else None


def _leader(head: Token, earlier: list[Mention], country: str | None) -> Mention | None:
    """The leader the description takes up: of the most salient state among those whose leader the
    text names (a leader is realized with his state: "the despot" of an article centered on North
    Korea is its leader, not another state's leader the text has just quoted), that state's most
    salient leader; a leader is a person of a state's government (the leaders' table or a government
    title), of the country the description's words name if any ("the North Korean leader")."""
    leaders = [m for m in earlier if m.type == "PERSON" and m.country and m.key
               and (m.sector == "GOV" or actors.is_leader_name(m.name)) and (country is None or m.country == country)]
    led = {m.country for m in leaders}
    states: dict[str, list[Mention]] = defaultdict(list)
    for m in earlier:
        if m.country in led and (m.type in STATE_TYPES or m in leaders):
            states[m.country].append(m)
    state = most_salient(states, head)
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in leaders:
        if m.country == state:
            by_key[m.key].append(m)
    key = most_salient(by_key, head)
    return by_key[key][-1] if key else None


def head_word(party: Participant, doc: Doc) -> Token | None:
    """The head word of a participant's words, where the parse has them."""
    if party.span is None:
        return None
    span = doc.char_span(party.span.start, party.span.end, alignment_mode="expand")
    return span.root if span is not None else None


def described_parties(parties: list[Participant], doc: Doc, mentions: list[Mention]) -> list[Participant]:
    """The parties, each definite description of a state or leader among them as what it takes up."""
    out = []
    for party in parties:
        head = head_word(party, doc)
        found = taken_up(party, head, mentions) if head is not None else None
        out.append(found or party)
    return out
