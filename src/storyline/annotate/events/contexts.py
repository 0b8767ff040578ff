"""PLOVER contexts (the "why" of an event) and mode refinement (the "how") from the words of the
sentence: contexts are topical, so keyword evidence in the sentence plus a per-type default is a
reasonable first coder; modes such as ASSAULT 'aerial' come from the weapon words, of the event's
clause or of the sentence before for the same attack, and else from the manual's defaults (a threat
to use a weapon is violence, a demand of an act asks for a change, a person's assault is 'beat')."""
from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from storyline.annotate.agreement import is_person_role
from storyline.model import Event

from . import lexicon
from .ontology import cameo_root
from .participants import is_person_noun
from .triggers import Trigger, has_other_sense

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
    # the manual's 'sexual': sexual violence
    ("sexual", r"\bsexual(ly)? (assault|abuse|violence|attack)|\bsexually assault|\brap(e|es|ed|ing)\b"),
    ("suicide-attack", r"\bsuicide\b"), ("drone", r"\bdrones?\b|\bunmanned\b|\bpredator\b"),
    # "air support" is aircraft called in to strike for troops on the ground (close air support)
    ("aerial", r"\bair ?strikes?\b|\bair raids?\b|\bair support\b|\bwarplanes?\b|\bjets?\b|\baircraft\b|"
               r"\bhelicopters?\b|\bbombers?\b"),
    ("explosives", r"\bcar bomb|\bbomb(s|ing|ings)?\b|\bexplosi|\bied\b|\bmines?\b|\bgrenades?\b"),
    ("heavy-weapons", r"\bshell|\bartillery\b|\bmortars?\b|\brockets?\b|\btanks?\b|\bmissiles?\b"),
    # "open fire" is to start shooting (firearms unless a heavier weapon is named, which comes first above)
    # a bullet is a firearm's round (rubber bullets are crowd control, below)
    ("firearms", r"\bshot\b|\bshoot|\bgun|\brifles?\b|\bsniper|\bopen(s|ed|ing)? fire\b|(?<!rubber )\bbullets?\b"),
    # the manual's unconventional: chemical, biological, radiation and nuclear weapons as the means
    ("unconventional", r"\bchemical weapons?\b|\bnerve agent|\bnuclear attack|\bnuclear[- ]tipped\b"),
    ("crowd-control", r"\btear gas\b|\bwater cannons?\b|\brubber bullets?\b"),
    ("abduct", r"\bkidnap|\babduct|\bhijack"),
    ("targeted", r"\bassassinat|\bexecut"),
]
# The manual: mobilizing weapons, ships or vehicles is 'weapons' unless troops are named apart; tanks
# and artillery are such weapons ("a live tank fire exercise"), a "think tank" is none.
MOBILIZE_MODE_WORDS = [("police", r"\bpolice\b"), ("weapons", r"\bcarriers?\b|\bwarships?\b|\bmissiles?\b|"
                       r"\bships?\b|\bdestroyers?\b|\bsubmarines?\b|\bjets?\b|\bbombers?\b|\bbatter(y|ies)\b|"
                       r"(?<!think )\btanks?\b|\bartillery\b"),
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


def refine_mode(trig: Trigger, window: str) -> str | None:
    """The mode of the event ``trig`` starts: a more specific one from weapon / means words near the
    trigger (``window``, ``triggers.mode_window``) when the lexicon gave none, else the manual's
    default for the type where it gives one (``default_mode``)."""
    return _mode_from_words(trig.type, trig.mode, window) or default_mode(trig)


def _mode_from_words(event_type: str, mode: str | None, window: str) -> str | None:
    table = {"ASSAULT": ASSAULT_MODE_WORDS, "MOBILIZE": MOBILIZE_MODE_WORDS, "PROTEST": PROTEST_MODE_WORDS,
             "THREATEN": THREATEN_MODE_WORDS, "REQUEST": REQUEST_MODE_WORDS, "REJECT": REQUEST_MODE_WORDS,
             "CONSULT": CONSULT_MODE_WORDS}.get(event_type)
    if not table or (mode and event_type != "MOBILIZE"):
        return mode
    return _first_named(table, window) or mode


def _first_named(table: list[tuple[str, str]], text: str) -> str | None:
    lowered = text.casefold()
    return next((name for name, pattern in table if re.search(pattern, lowered)), None)


# Verbs of putting to use: a threat to use a weapon is a threat of its use ("threatened to use nuclear
# weapons", "the missile Kim had threatened to use on Guam").
USE_VERBS = frozenset({"use", "employ", "deploy", "unleash"})
WEAPON_WORDS = r"\bweapons?\b|\bnukes?\b|\bforce\b|\barms\b|" + "|".join(
    pattern for name, pattern in ASSAULT_MODE_WORDS
    if name in {"drone", "aerial", "explosives", "heavy-weapons", "firearms", "unconventional"})


def default_mode(trig: Trigger) -> str | None:
    """The mode the manual gives where the words name none of the type's means:
    - THREATEN: the mode is the threat's content (manual, THREATEN modes); a threat to use a weapon
      threatens violence;
    - REQUEST: 'change' is "any changes in policy, government, or institutions that are not
      concessions", what is left of the modes once meetings ('meet'), assistance ('assist') and
      releases or ceasefires ('yield') are told apart: a demand that someone do something
      ("called on all nations to take new measures", "China must show ...") asks for a change."""
    if trig.type == "THREATEN" and threatens_weapon_use(trig.token):
        return "violence"
    if trig.type == "REQUEST" and asks_for_an_act(trig):
        return "change"
    return None


def threatens_weapon_use(verb: Token) -> bool:
    """"threatened to use nuclear weapons": the threat verb's infinitive is a verb of use whose object
    names a weapon. A verb of use with no object has it gapped, its filler before the clause: the noun
    a relative clause modifies ("the missile (that) Kim had threatened to use"), which the parser may
    also fold into the clause's subject ("the same missile Kim"): the words before the verb."""
    for use in (c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in USE_VERBS):
        objects = [c for c in use.children if c.dep_ == "dobj" and c.tag_ not in {"WDT", "WP"}]
        used = [w for o in objects for w in o.subtree]
        if not objects:
            used = [w for w in verb.subtree if w.i < verb.i] + ([verb.head] if verb.dep_ == "relcl" else [])
        if re.search(WEAPON_WORDS, " ".join(w.text for w in used).casefold()):
            return True
    return False


def asks_for_an_act(trig: Trigger) -> bool:
    """A demand whose content is an act of the one asked: "X must [show]" (``Trigger.obligation``, the
    trigger is the act), an event it wraps, or the verb of its complement in the bare form ("called
    on X to take", "calls to halt", "pressing X to bring"). A trigger word in its sense that is no
    event ("asked the military to demonstrate capabilities": a showing, ``triggers.has_other_sense``)
    asks for nothing the modes name (``extract.without_statements``)."""
    if trig.obligation or trig.content is not None:
        return True
    bare = [t for t in trig.token.subtree if t.tag_ == "VB" and t.i != trig.token.i]
    if not bare:
        return False
    act = min(bare, key=lambda t: len(list(t.ancestors)))
    lemma = act.lemma_.lower()
    return not (lemma in lexicon.VERBS and has_other_sense(act, lemma))


def carry_told_means(built: list[tuple[Trigger, Event]], sents: list[SpacySpan]) -> None:
    """An attack its sentence tells with no weapon ("Twelve people and 70 wounded", "some 30
    civilians were killed in the incident") takes the weapon the sentence before names, when that
    sentence tells the same attack: the event names no doer of its own (the doer and means are then
    the context's, as a reader takes them), or a participant of it is named there too (same actor or
    same target). The manual's ASSAULT mode is the weapon used, wherever the article names it; a doer
    of its own that the sentence before does not name may be another attack's ("after a Taliban
    assault ..." beside US air strikes). Where neither sentence names a weapon, a person's assault
    on a person is the manual's 'beat' (``is_assault_by_blows``). ``built``: the article's (trigger,
    event) pairs, changed in place."""
    index = {s.start_char: i for i, s in enumerate(sents)}
    for trig, event in built:
        i = index.get(event.sentence.start)
        if event.type != "ASSAULT" or event.mode or i is None:
            continue
        before = sents[i - 1].text if i > 0 else ""
        mode = _first_named(ASSAULT_MODE_WORDS, before) if _same_attack(event, before) else None
        if mode is None and is_assault_by_blows(trig, event, event.sentence.text + " " + before):
            mode = "beat"
        if mode:
            event.mode, event.cameo = mode, cameo_root(event.type, mode)


def _same_attack(event: Event, before: str) -> bool:
    """No doer of its own, or a named participant named in the sentence before. The place alone is
    not enough: another doer's attack may be told at the same place ("after a rebel assault near
    Tacna" beside air strikes near Tacna)."""
    named = [p.text for p in event.actors + event.recipients if p.key or p.entity_id]
    return not event.actors or any(name in before for name in named)


# Verbs and nouns of a physical assault in general ("attacking the soldiers", "strike back").
ASSAULT_WORDS = frozenset({"attack", "assault", "strike"})


def is_assault_by_blows(trig: Trigger, event: Event, told: str) -> bool:
    """The manual: "general or ambiguous mentions of beatings/assaults without any mention of
    specific tools or methods only receive the ASSAULT 'beat' mode" ('beat': striking individuals
    with blows). An assault is one between people: a person's on a person, every participant a
    person (a name of one, or a word for one: "the soldier", "a girl"); a state's, an armed group's
    or one on a place is an attack whose means are unknown, not blows. ``told``: the sentence and the
    one before, which name no weapon."""
    people = event.actors + event.recipients
    if trig.token.lemma_.lower() not in ASSAULT_WORDS or not people or _first_named(ASSAULT_MODE_WORDS, told):
        return False
    heads = [_head_of(trig.token.doc, p.span) for p in people]
    if not all(h is not None and _names_a_person(h) for h in heads):
        return False
    # blows land on people: a target named, or else a doer who is one person ("the soldier did not
    # strike back"), not a band ("insurgents struck")
    return bool(event.recipients) or all(h.tag_ in {"NN", "NNP"} for h in heads)


def _head_of(doc, span) -> Token | None:
    words = doc.char_span(span.start, span.end, alignment_mode="expand") if span is not None else None
    return words.root if words is not None else None


def _names_a_person(head: Token) -> bool:
    return head.ent_type_ == "PERSON" or is_person_noun(head) or is_person_role(head.lemma_.lower())
