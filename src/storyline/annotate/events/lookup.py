"""Fallback actor lookup: country (ISO-3 or PLOVER IGO/NGO/IMG code) and PLOVER sector of a
phrase, used only where no ``Mention`` from the entity stage covers an actor.

Kept separate on purpose: ``annotate/entities.py`` owns the real country/demonym/capital tables;
this module is a small stand-in (pycountry names plus hand-written demonyms, capitals and groups)
so the event stage and its benchmarks work on their own, and can be swapped out later.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pycountry

# Country names people actually write, beyond pycountry's names and common names.
_COUNTRY_ALIASES = {
    "us": "USA", "u.s.": "USA", "u.s": "USA", "usa": "USA", "u.s.a.": "USA", "america": "USA",
    "united states": "USA", "united states of america": "USA", "uk": "GBR", "u.k.": "GBR",
    "britain": "GBR", "great britain": "GBR", "england": "GBR", "russia": "RUS", "soviet union": "RUS",
    "ussr": "RUS", "iran": "IRN", "syria": "SYR", "south korea": "KOR", "north korea": "PRK",
    "palestine": "PSE", "gaza": "PSE", "gaza strip": "PSE", "west bank": "PSE", "vietnam": "VNM",
    "laos": "LAO", "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA", "moldova": "MDA",
    "taiwan": "TWN", "czech republic": "CZE", "czechia": "CZE", "ivory coast": "CIV",
    "cote d'ivoire": "CIV", "congo": "COD", "democratic republic of congo": "COD", "drc": "COD",
    "burma": "MMR", "myanmar": "MMR", "kampuchea": "KHM", "cambodia": "KHM", "holland": "NLD",
    "the netherlands": "NLD", "turkey": "TUR", "türkiye": "TUR", "kosovo": "KOS", "macedonia": "MKD",
    "yugoslavia": "SRB", "bosnia": "BIH", "bosnia-herzegovina": "BIH", "bosnia and herzegovina": "BIH",
    "uae": "ARE", "emirates": "ARE", "vatican": "VAT", "hong kong": "HKG", "darfur": "SDN",
    "chechnya": "RUS", "kashmir": "IND", "crimea": "UKR", "donbas": "UKR", "tibet": "CHN",
    "kurdistan": "IRQ", "abkhazia": "GEO", "south ossetia": "GEO", "transnistria": "MDA",
    "nagorno-karabakh": "AZE", "somaliland": "SOM", "western sahara": "MAR", "northern cyprus": "CYP",
    "europe": None, "middle east": None, "persian gulf": None, "gulf": None,
}

_DEMONYMS = {
    "afghan": "AFG", "albanian": "ALB", "algerian": "DZA", "american": "USA", "angolan": "AGO",
    "argentine": "ARG", "argentinian": "ARG", "armenian": "ARM", "australian": "AUS", "austrian": "AUT",
    "azerbaijani": "AZE", "azeri": "AZE", "bahraini": "BHR", "bangladeshi": "BGD", "belarusian": "BLR",
    "belgian": "BEL", "bolivian": "BOL", "bosnian": "BIH", "brazilian": "BRA", "british": "GBR",
    "bulgarian": "BGR", "burmese": "MMR", "burundian": "BDI", "cambodian": "KHM", "cameroonian": "CMR",
    "canadian": "CAN", "chadian": "TCD", "chilean": "CHL", "chinese": "CHN", "colombian": "COL",
    "congolese": "COD", "croatian": "HRV", "cuban": "CUB", "cypriot": "CYP", "czech": "CZE",
    "danish": "DNK", "dutch": "NLD", "egyptian": "EGY", "emirati": "ARE", "eritrean": "ERI",
    "estonian": "EST", "ethiopian": "ETH", "filipino": "PHL", "philippine": "PHL", "finnish": "FIN",
    "french": "FRA", "gambian": "GMB", "georgian": "GEO", "german": "DEU", "ghanaian": "GHA",
    "greek": "GRC", "guatemalan": "GTM", "guinean": "GIN", "haitian": "HTI", "honduran": "HND",
    "hungarian": "HUN", "icelandic": "ISL", "indian": "IND", "indonesian": "IDN", "iranian": "IRN",
    "iraqi": "IRQ", "irish": "IRL", "israeli": "ISR", "italian": "ITA", "ivorian": "CIV",
    "jamaican": "JAM", "japanese": "JPN", "jordanian": "JOR", "kazakh": "KAZ", "kenyan": "KEN",
    "korean": "KOR", "south korean": "KOR", "north korean": "PRK", "kosovar": "KOS", "kuwaiti": "KWT",
    "kyrgyz": "KGZ", "lao": "LAO", "latvian": "LVA", "lebanese": "LBN", "liberian": "LBR", "libyan": "LBY",
    "lithuanian": "LTU", "macedonian": "MKD", "malaysian": "MYS", "malian": "MLI", "mauritanian": "MRT",
    "mexican": "MEX", "moldovan": "MDA", "mongolian": "MNG", "montenegrin": "MNE", "moroccan": "MAR",
    "mozambican": "MOZ", "namibian": "NAM", "nepalese": "NPL", "nepali": "NPL", "nicaraguan": "NIC",
    "nigerian": "NGA", "nigerien": "NER", "norwegian": "NOR", "omani": "OMN", "pakistani": "PAK",
    "palestinian": "PSE", "panamanian": "PAN", "peruvian": "PER", "polish": "POL", "portuguese": "PRT",
    "qatari": "QAT", "romanian": "ROU", "russian": "RUS", "rwandan": "RWA", "saudi": "SAU",
    "senegalese": "SEN", "serb": "SRB", "serbian": "SRB", "sierra leonean": "SLE", "singaporean": "SGP",
    "slovak": "SVK", "slovenian": "SVN", "somali": "SOM", "south african": "ZAF", "soviet": "RUS",
    "spanish": "ESP", "sri lankan": "LKA", "sudanese": "SDN", "south sudanese": "SSD", "swedish": "SWE",
    "swiss": "CHE", "syrian": "SYR", "taiwanese": "TWN", "tajik": "TJK", "tanzanian": "TZA", "thai": "THA",
    "togolese": "TGO", "tunisian": "TUN", "turkish": "TUR", "turkmen": "TKM", "ugandan": "UGA",
    "ukrainian": "UKR", "uruguayan": "URY", "uzbek": "UZB", "venezuelan": "VEN", "vietnamese": "VNM",
    "yemeni": "YEM", "yugoslav": "SRB", "zambian": "ZMB", "zimbabwean": "ZWE", "kampuchean": "KHM",
    "kurdish": "IRQ", "chechen": "RUS", "tibetan": "CHN", "basque": "ESP", "catalan": "ESP",
    "scottish": "GBR", "welsh": "GBR", "english": "GBR", "pro-iranian": None,
}
# Plural nationality nouns ("Palestinians", "Israelis", "Iraqis") map through the demonym table.

# Seats of government and government buildings stand for the government (sector GOV).
_CAPITALS = {
    "washington": "USA", "white house": "USA", "tehran": "IRN", "moscow": "RUS", "kremlin": "RUS",
    "beijing": "CHN", "jerusalem": "ISR", "kyiv": "UKR", "kiev": "UKR", "baghdad": "IRQ",
    "damascus": "SYR", "beirut": "LBN", "cairo": "EGY", "ankara": "TUR", "london": "GBR",
    "downing street": "GBR", "whitehall": "GBR", "paris": "FRA", "elysee": "FRA", "berlin": "DEU",
    "tokyo": "JPN", "seoul": "KOR", "pyongyang": "PRK", "khartoum": "SDN", "kabul": "AFG",
    "islamabad": "PAK", "new delhi": "IND", "delhi": "IND", "riyadh": "SAU", "muscat": "OMN",
    "doha": "QAT", "amman": "JOR", "tripoli": "LBY", "jakarta": "IDN", "manila": "PHL", "hanoi": "VNM",
    "bangkok": "THA", "nairobi": "KEN", "addis ababa": "ETH", "abuja": "NGA", "pretoria": "ZAF",
    "rome": "ITA", "madrid": "ESP", "brussels": None, "ottawa": "CAN", "canberra": "AUS",
    "havana": "CUB", "caracas": "VEN", "mexico city": "MEX", "brasilia": "BRA", "buenos aires": "ARG",
    "belgrade": "SRB", "zagreb": "HRV", "sarajevo": "BIH", "pristina": "KOS", "tirana": "ALB",
    "skopje": "MKD", "athens": "GRC", "nicosia": "CYP", "sofia": "BGR", "bucharest": "ROU",
    "budapest": "HUN", "warsaw": "POL", "prague": "CZE", "vienna": "AUT", "minsk": "BLR",
    "tbilisi": "GEO", "yerevan": "ARM", "baku": "AZE", "tashkent": "UZB", "astana": "KAZ",
    "abu dhabi": "ARE", "sanaa": "YEM", "kuwait city": "KWT", "manama": "BHR", "rabat": "MAR",
    "algiers": "DZA", "tunis": "TUN", "dakar": "SEN", "accra": "GHA", "kampala": "UGA", "kigali": "RWA",
    "kinshasa": "COD", "harare": "ZWE", "lusaka": "ZMB", "maputo": "MOZ", "mogadishu": "SOM",
    "juba": "SSD", "asmara": "ERI", "dhaka": "BGD", "colombo": "LKA", "kathmandu": "NPL",
    "naypyidaw": "MMR", "rangoon": "MMR", "yangon": "MMR", "phnom penh": "KHM", "taipei": "TWN",
    "ramallah": "PSE", "pentagon": "USA", "state department": "USA", "capitol hill": "USA",
}
_MILITARY_SEATS = {"pentagon"}

# Armed groups, international organisations and NGOs (PLOVER non-state codes).
_GROUPS = {
    "hamas": ("PSE", "REB"), "hezbollah": ("LBN", "REB"), "hizbollah": ("LBN", "REB"),
    "islamic jihad": ("PSE", "REB"), "plo": ("PSE", "GOV"), "palestinian authority": ("PSE", "GOV"),
    "fatah": ("PSE", "PTY"), "taliban": ("AFG", "REB"), "houthis": ("YEM", "REB"), "houthi": ("YEM", "REB"),
    "isis": ("IMG", "REB"), "isil": ("IMG", "REB"), "islamic state": ("IMG", "REB"), "daesh": ("IMG", "REB"),
    "al-qaeda": ("IMG", "REB"), "al qaeda": ("IMG", "REB"), "al-qaida": ("IMG", "REB"),
    "boko haram": ("NGA", "REB"), "al-shabaab": ("SOM", "REB"), "pkk": ("TUR", "REB"),
    "farc": ("COL", "REB"), "eta": ("ESP", "REB"), "ira": ("GBR", "REB"), "kla": ("KOS", "REB"),
    "united nations": ("IGO", None), "un": ("IGO", None), "u.n.": ("IGO", None),
    "security council": ("IGO", None), "unhcr": ("IGO", None), "unicef": ("IGO", None),
    "iaea": ("IGO", None), "nato": ("IGO", "MIL"), "european union": ("IGO", None), "eu": ("IGO", None),
    "european community": ("IGO", None), "ec": ("IGO", None), "african union": ("IGO", None),
    "arab league": ("IGO", None), "opec": ("IGO", None), "imf": ("IGO", None), "world bank": ("IGO", None),
    "who": ("IGO", None), "wto": ("IGO", None), "osce": ("IGO", None), "asean": ("IGO", None),
    "ecowas": ("IGO", None), "g7": ("IGO", None), "g8": ("IGO", None), "g20": ("IGO", None),
    "amnesty international": ("NGO", None), "human rights watch": ("NGO", None),
    "red cross": ("NGO", "MED"), "red crescent": ("NGO", "MED"), "icrc": ("NGO", "MED"),
    "doctors without borders": ("NGO", "MED"), "msf": ("NGO", "MED"), "greenpeace": ("NGO", None),
}

# Head nouns and titles that fix the sector of an actor phrase (PLOVER sector codes).
_SECTOR_WORDS = {
    "GOV": "government governments administration cabinet ministry minister ministers president "
           "presidents premier chancellor king queen emir sultan prince leader leaders official officials "
           "authorities authority spokesman spokeswoman spokesperson secretary diplomat diplomats envoy "
           "ambassador embassy state-department regime junta mayor governor delegation negotiators "
           "negotiator foreign-ministry counterpart office",
    "MIL": "army armies military troops soldier soldiers forces force navy air-force airforce marines "
           "commander commanders general generals officers tanks tank aircraft jets warplanes warplane "
           "bombers helicopters warships warship artillery battalion brigade units drones drone missile "
           "missiles predator",
    "COP": "police policeman policemen officer officers security-forces gendarmes gendarmerie",
    "REB": "rebel rebels insurgent insurgents militant militants guerrilla guerrillas guerillas "
           "separatists fighters militia militias jihadists terrorists insurgency",
    "JUD": "court courts judge judges tribunal prosecutor prosecutors judiciary jurists",
    "LEG": "parliament parliamentary lawmakers legislators legislature senate senator senators congress "
           "congressman assembly mps deputies",
    "PTY": "party parties",
    "OPP": "opposition dissidents",
    "CVL": "civilians civilian protesters protestors demonstrators residents villagers people citizens "
           "crowd crowds activists population detainees inhabitants",
    "EDU": "students student university teachers school schools",
    "JRN": "journalist journalists reporter reporters newspaper media",
    "MED": "doctors doctor hospital hospitals nurses medics",
    "REF": "refugees refugee displaced migrants asylum-seekers",
    "BUS": "company companies firm firms businessmen business",
    "LAB": "workers union unions employees",
    "REL": "church clerics cleric bishop bishops priest priests imam mosque",
    "SPY": "intelligence spy spies agents",
    "UAF": "gunmen gunman attackers assailants",
    "CRM": "criminals gang gangs smugglers traffickers",
}
SECTOR_OF_WORD = {w.replace("-", " "): sector for sector, words in _SECTOR_WORDS.items() for w in words.split()}
# Heads that outrank title words when both occur ("police officers" is COP, "army officers" MIL).
_SECTOR_PRIORITY = ["REB", "UAF", "CRM", "COP", "MIL", "JUD", "LEG", "SPY", "REF", "JRN", "MED", "EDU",
                    "LAB", "REL", "BUS", "OPP", "PTY", "GOV", "CVL"]


@dataclass(frozen=True, slots=True)
class ActorCode:
    country: str | None
    sector: str | None


def _norm(text: str) -> str:
    text = text.casefold().replace("’", "'").strip()
    text = re.sub(r"^(the)\s+", "", text)
    return re.sub(r"\s+", " ", text)


@functools.lru_cache(maxsize=1)
def country_names() -> dict[str, str | None]:
    """Lower-cased country name -> ISO-3, from pycountry plus the aliases above."""
    names: dict[str, str | None] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                names[_norm(value)] = c.alpha_3
    names.update(_COUNTRY_ALIASES)
    return names


def country_of_name(text: str) -> str | None:
    """ISO-3 for a country name, capital, demonym (singular or plural) or known group, else None."""
    key = _norm(text)
    key = re.sub(r"'s$", "", key)
    for table in (country_names(), _CAPITALS, _DEMONYMS):
        if key in table:
            return table[key]
    if key in _GROUPS:
        return _GROUPS[key][0]
    if key.endswith("s") and key[:-1] in _DEMONYMS:  # Palestinians, Israelis, Iraqis
        return _DEMONYMS[key[:-1]]
    return None


def is_capital(text: str) -> bool:
    return _norm(text) in _CAPITALS


def is_demonym(text: str) -> bool:
    key = _norm(text)
    return key in _DEMONYMS or (key.endswith("s") and key[:-1] in _DEMONYMS)


def group_code(text: str) -> ActorCode | None:
    found = _GROUPS.get(_norm(text))
    return ActorCode(*found) if found else None


def sector_of_words(words: list[str]) -> str | None:
    """The PLOVER sector named by a phrase's words (head noun and titles), by priority."""
    lowered = [w.casefold() for w in words]
    bigrams = [" ".join(p) for p in zip(lowered, lowered[1:])]
    found = {SECTOR_OF_WORD[w] for w in lowered + bigrams if w in SECTOR_OF_WORD}
    for sector in _SECTOR_PRIORITY:
        if sector in found:
            return sector
    return None


def code_phrase(words: list[str]) -> ActorCode:
    """Country and sector of an actor phrase given as words ("Israeli", "Prime", "Minister", ...).

    Longest match first over word n-grams, so "South Korea" wins over "Korea"; a capital or seat of
    government alone means the government ("Washington" -> USA GOV).
    """
    country, sector = None, sector_of_words(words)
    for n in (4, 3, 2, 1):
        for i in range(len(words) - n + 1):
            gram = " ".join(words[i:i + n])
            group = group_code(gram)
            if group:
                return ActorCode(group.country, sector or group.sector)
            found = country_of_name(gram)
            if found:
                country = country or found
                if is_capital(gram) and len(words) <= n + 1:
                    sector = sector or ("MIL" if _norm(gram) in _MILITARY_SEATS else "GOV")
        if country:
            break
    return ActorCode(country, sector)
