"""Country and PLOVER sector of an actor phrase that no entity ``Mention`` codes on its own
("Hungarian and Romanian officials", "government troops", "the Pentagon chief").

All the knowledge is the entity module's (``storyline.annotate.actors``: states, capitals, regions,
demonyms, organisations, titles, organisation keywords and the collective nouns that head actor
phrases, "troops", "protesters"); this module only combines it for phrases.
"""
from __future__ import annotations

from dataclasses import dataclass

from storyline.annotate import actors

from . import geo


# Common nouns for states: each names a party as a state's name does (PLOVER's actors are states),
# but no one state ("called on both countries", "urged all states"); the lowercase plural "states" is
# not the United States.
STATE_NOUNS = frozenset({"country", "countries", "nation", "nations", "states"})


def is_state_noun(word: str) -> bool:
    return word in STATE_NOUNS


@dataclass(frozen=True, slots=True)
class ActorCode:
    country: str | None
    sector: str | None


def word_sector(word: str) -> str | None:
    """Sector one word names; the noun table is the entity module's, shared with mentions."""
    return actors.noun_sector(word)


def is_sector_word(word: str) -> bool:
    return word_sector(word) is not None


def sector_of_words(words: list[str]) -> str | None:
    """The PLOVER sector a phrase's words name, the most specific first."""
    return actors.phrase_sector(words)


def is_demonym(word: str) -> bool:
    return actors.country_of_demonym(word) is not None


def country_of_name(name: str) -> str | None:
    """State, capital, region, demonym or known organisation -> its country code."""
    return actors.country_of_name(name)


def seat_sector(name: str) -> str | None:
    """A capital or seat of government stands for the government ("Washington", "Tehran",
    "the White House" GOV; "the Pentagon" MIL)."""
    org = actors.known_organization(name)
    if org is not None and org.sector in ("GOV", "MIL"):
        return org.sector
    return "GOV" if geo.is_capital(name) else None


def code_phrase(words: list[str]) -> ActorCode:
    """Country and sector of an actor phrase, longest name first ("South Korea" before "Korea");
    a known organisation gives both; a capital alone means its government."""
    sector = sector_of_words(words)
    for n in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            gram = " ".join(words[i:i + n])
            if gram in STATE_NOUNS:  # "all states", "both countries": a common noun names no one state
                continue
            org = actors.known_organization(gram)
            if org is not None and org.country:
                return ActorCode(org.country, sector or org.sector)
            country = country_of_name(gram)
            if country:
                alone = len(words) <= n + 1
                return ActorCode(country, sector or (seat_sector(gram) if alone else None))
    return ActorCode(None, sector)
