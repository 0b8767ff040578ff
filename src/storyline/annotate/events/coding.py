"""Country and PLOVER sector of an actor phrase that no entity ``Mention`` codes on its own
("Hungarian and Romanian officials", "government troops", "the Pentagon chief").

The knowledge is the entity module's (``storyline.annotate.actors``: states, capitals, regions,
demonyms, organisations, titles, organisation keywords). Only one thing is added here, because
entity names never need it: the sector of collective common nouns that head event actors
("troops", "protesters", "gunmen", "officials").
"""
from __future__ import annotations

from dataclasses import dataclass

from storyline.annotate import actors

from . import geo

# Collective nouns neither the title lexicon nor the organisation keywords cover (PLOVER sectors).
_GROUP_NOUNS = {
    "GOV": "government governments authorities authority official officials leader leaders leadership regime "
           "junta delegation delegations negotiator negotiators spokesman spokeswoman spokesperson diplomats "
           "counterpart counterparts",
    "MIL": "troops soldiers warplanes warplane jets jet aircraft bombers helicopters warships warship tanks tank "
           "artillery drones drone missiles missile generals officers battalion brigade units",
    "REB": "guerrillas guerillas fighters separatists jihadists insurgency",
    "UAF": "gunmen gunman attackers assailants",
    "CVL": "civilians civilian demonstrators protesters protestors residents villagers people citizens crowd "
           "crowds population detainees inhabitants",
    "REF": "refugees refugee displaced migrants asylum-seekers",
    "LAB": "workers employees",
    "CRM": "criminals gang gangs smugglers traffickers",
    "SPY": "spies spy agents",
}
_SECTOR_OF_GROUP = {w: s for s, words in _GROUP_NOUNS.items() for w in words.split()}
# When a phrase names several sectors the more specific wins ("police officers" COP, "army
# officers" MIL, "rebel leaders" REB).
_SECTOR_PRIORITY = ("REB", "UAF", "CRM", "COP", "MIL", "JUD", "LEG", "SPY", "REF", "JRN", "MED", "EDU", "LAB",
                    "REL", "BUS", "OPP", "PTY", "GOV", "CVL")


@dataclass(frozen=True, slots=True)
class ActorCode:
    country: str | None
    sector: str | None


def word_sector(word: str) -> str | None:
    """Sector one word names: a title ("minister", "soldiers"), an organisation keyword ("army",
    "police", "parliament") or a collective noun ("troops", "protesters")."""
    key = word.casefold()
    if key in _SECTOR_OF_GROUP:
        return _SECTOR_OF_GROUP[key]
    titles = actors.title_words()
    for form in (key, key[:-1] if key.endswith("s") else key):
        entry = titles.get(form)
        if entry is not None and entry.role in ("head", "override") and entry.sector:
            return entry.sector
    return actors.organization_sector(word) if word[:1].islower() else None


def is_sector_word(word: str) -> bool:
    return word_sector(word) is not None


def sector_of_words(words: list[str]) -> str | None:
    """The PLOVER sector a phrase's words name, the most specific first."""
    found = {s for s in map(word_sector, words) if s}
    found |= {s for s in (actors.title_sector(" ".join(words)),) if s in _SECTOR_PRIORITY}
    return next((s for s in _SECTOR_PRIORITY if s in found), None)


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
            org = actors.known_organization(gram)
            if org is not None and org.country:
                return ActorCode(org.country, sector or org.sector)
            country = country_of_name(gram)
            if country:
                alone = len(words) <= n + 1
                return ActorCode(country, sector or (seat_sector(gram) if alone else None))
    return ActorCode(None, sector)
