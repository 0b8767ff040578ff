"""PLOVER contexts (the "why" of an event) and mode refinement (the "how") from the words of the
sentence: contexts are topical, so keyword evidence in the sentence plus a per-type default is a
reasonable first coder; modes such as ASSAULT 'aerial' come from the weapon words."""
from __future__ import annotations

import re

CONTEXT_WORDS = {
    "military": "military army troops soldiers forces navy naval marines air-force armed-forces warplanes warships carrier missile "
                "missiles artillery tanks offensive ceasefire cease-fire truce weapons arms defence defense "
                "airstrike airstrikes shelling war invasion peacekeeping battle fighting",
    "diplomatic": "talks negotiations negotiation diplomatic diplomacy ambassador ambassadors embassy embassies "
                  "consulates foreign-ministry foreign-secretary envoy mediation "
                  "mediator summit foreign-minister relations treaty consulate diplomats recognition",
    "cbrn": "nuclear chemical biological uranium enrichment radiological inspectors iaea "
            "weapons-of-mass-destruction",
    "economic": "trade economic economy tariffs tariff investment grant loan dollars finance financial "
                "exports imports budget debt market oil-prices",
    "legal": "court courts law legal judge trial lawsuit prosecutor charges convicted verdict constitution "
             "illegal judiciary judicial lawyer lawyers tribunal international-law extradition",
    "election": "election elections vote voting ballot campaign polls electoral referendum",
    "terrorism": "terror terrorist terrorists terrorism al-qaeda isis suicide militants jihadist hijack hijacking "
                 "hijacked hostage hostages car-bomb bomber bombers",
    "migration": "refugees refugee migrants migration asylum displaced",
    "human_rights": "human-rights rights abuses torture",
    "natural_resource": "oil gas water land mining minerals settlements",
    "political_institutions": "party parties parliament reform reforms regime constitution",
    "peacekeeping": "peacekeeping peacekeepers peace-keeping",
    "health": "health disease epidemic hospital vaccine outbreak",
    "crime": "crime criminal police smuggling murder theft",
    "corruption": "corruption bribery embezzlement",
    "religion_ethnicity": "ethnic religious muslim christian sectarian",
    "rights_freedoms": "press-freedom freedom censorship civil-liberties free-speech",
    "executive": "presidency cabinet resignation resign ouster impeachment coup head-of-state",
    "legislative": "parliamentary legislature lawmakers legislators senate congress legislation",
    "territory": "territory territorial border borders independence autonomy secession annexation",
    "repression": "crackdown repression",
}
_CONTEXT_OF_WORD = {w.replace("-", " "): c for c, ws in CONTEXT_WORDS.items() for w in ws.split()}
# Participant sectors that name a context by themselves (manual, chapter "Contexts").
SECTOR_CONTEXT = {"MIL": "military", "JUD": "legal", "REF": "migration", "LEG": "legislative", "SPY": "intelligence"}
TYPE_CONTEXT = {"CONSULT": "diplomatic", "SUPPORT": "diplomatic", "ASSAULT": "military", "MOBILIZE": "military",
                "SANCTION": "diplomatic", "COERCE": "legal", "ACCUSE": "legal"}

ASSAULT_MODE_WORDS = [
    ("suicide-attack", r"\bsuicide\b"), ("drone", r"\bdrones?\b|\bunmanned\b|\bpredator\b"),
    ("aerial", r"\bair ?strikes?\b|\bair raids?\b|\bwarplanes?\b|\bjets?\b|\baircraft\b|\bhelicopters?\b|\bbombers?\b"),
    ("explosives", r"\bcar bomb|\bbomb(s|ing|ings)?\b|\bexplosi|\bied\b|\bmines?\b|\bgrenades?\b"),
    ("heavy-weapons", r"\bshell|\bartillery\b|\bmortars?\b|\brockets?\b|\btanks?\b|\bmissiles?\b"),
    # "open fire" is to start shooting (firearms unless a heavier weapon is named, which comes first above)
    ("firearms", r"\bshot\b|\bshoot|\bgun|\brifles?\b|\bsniper|\bopen(s|ed|ing)? fire\b"),
    ("unconventional", r"\bchemical weapons?\b|\bnerve agent|\bnuclear attack"),
    ("crowd-control", r"\btear gas\b|\bwater cannons?\b|\brubber bullets?\b"),
    ("abduct", r"\bkidnap|\babduct|\bhijack"),
    ("targeted", r"\bassassinat|\bexecut"),
]
MOBILIZE_MODE_WORDS = [("police", r"\bpolice\b"), ("weapons", r"\bcarriers?\b|\bwarships?\b|\bmissiles?\b|"
                       r"\bships?\b|\bdestroyers?\b|\bsubmarines?\b|\bjets?\b|\bbombers?\b|\bbatter(y|ies)\b"),
                       ("troops", r"\btroops\b|\bsoldiers\b|\bforces\b")]
# THREATEN, REQUEST / REJECT and CONSULT modes from what the manual's mode tables name: what is
# threatened (violence, arrest, territory, ...), what is asked or refused (meetings and
# negotiations, releases and ceasefires, aid), where a meeting happens (an IGO's body, the phone).
THREATEN_MODE_WORDS = [("territory", r"\binva(de|sion)|\boccup(y|ation)|\bannex|\bseize (the )?(territory|land|region)"),
                       ("arrest", r"\barrest|\bdetain|\bimprison|\bjail"),
                       ("relations", r"\b(cut|sever|suspend|break off) (diplomatic )?(ties|relations|talks)"),
                       ("expel", r"\bexpel"),
                       ("restrict", r"\bblockade|\bcurfew|\bembargo"),
                       # verbs of destroying a party name violence too ("threatened to sink Japan")
                       ("violence", r"\bwar\b|\bfire\b|\battack|\bstrikes?\b|\bdestroy|\bkill|\bnuclear|"
                                    r"\bmilitary (action|force)|\bforce\b|\bretaliat|\bbomb|\bannihilat|"
                                    r"\bexterminat|\bobliterat|\bwipe (\w+ )?out\b|\bsink\b|\bsunk(en)?\b")]
REQUEST_MODE_WORDS = [("meet", r"\btalks\b|\bnegotiat|\bdialogue\b|\bmeetings?\b|\bsummit\b"),
                      ("yield", r"\brelease|\bceasefire|\bcease-fire|\btruce\b|\blift(ing)? (the )?sanctions"),
                      ("assist", r"\baid\b|\bassistance\b|\bhelp\b")]
CONSULT_MODE_WORDS = [("multilateral", r"\bsecurity council\b|\bgeneral assembly\b|\bnato\b|\basean\b|"
                                       r"\bafrican union\b|\bg-?(7|8|20)\b"),
                      ("phone", r"\bphone\b|\btelephone\b|\bvideo ?call\b|\bvideo ?conference\b")]
PROTEST_MODE_WORDS = [("hunger", r"\bhunger strike"), ("riot", r"\briot"), ("strike", r"\bstrike|\bwalkout"),
                      ("boycott", r"\bboycott"), ("obstruct", r"\bblock(ed|ade|ing)?\b")]


def contexts_of(sentence: str, event_type: str, sectors: tuple[str | None, ...] = ()) -> list[str]:
    """Contexts whose words (up to four-word names, hyphens read as spaces) the sentence uses,
    plus those its participants' sectors imply (the manual: the military context covers any
    discussion of state armed forces); else the event type's usual context."""
    words = re.findall(r"[a-z][a-z']*", sentence.casefold().replace("-", " "))
    grams = [" ".join(words[i:i + n]) for n in range(1, 5) for i in range(len(words) - n + 1)]
    found: list[str] = []
    for gram in grams + [SECTOR_CONTEXT.get(s or "", "") for s in sectors]:
        ctx = _CONTEXT_OF_WORD.get(gram) or (gram if gram in CONTEXT_WORDS else None)
        if ctx and ctx not in found:
            found.append(ctx)
    default = TYPE_CONTEXT.get(event_type)
    if not found and default:
        found.append(default)
    return found


def refine_mode(event_type: str, mode: str | None, window: str) -> str | None:
    """A more specific mode from weapon/means words near the trigger, when the lexicon gave none."""
    table = {"ASSAULT": ASSAULT_MODE_WORDS, "MOBILIZE": MOBILIZE_MODE_WORDS, "PROTEST": PROTEST_MODE_WORDS,
             "THREATEN": THREATEN_MODE_WORDS, "REQUEST": REQUEST_MODE_WORDS, "REJECT": REQUEST_MODE_WORDS,
             "CONSULT": CONSULT_MODE_WORDS}.get(event_type)
    if not table or (mode and event_type != "MOBILIZE"):
        return mode
    lowered = window.casefold()
    for name, pattern in table:
        if re.search(pattern, lowered):
            return name
    return mode
