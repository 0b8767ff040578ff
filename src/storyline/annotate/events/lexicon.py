"""Trigger lexicon: which words (with which objects) express which PLOVER event.

Written from the PLOVER manual's category definitions and CAMEO verb knowledge. A sense is
``(type, mode)``. Verbs have a default sense; some verbs get their sense from the class of their
object ("send troops" MOBILIZE, "send aid" AID); light verbs ("hold", "launch", "impose") only have
the sense of their object noun ("hold talks" CONSULT, "launch an attack" ASSAULT).
"""
from __future__ import annotations

Sense = tuple[str, "str | None"]


def _senses(spec: str, event_type: str, mode: str | None = None) -> dict[str, Sense]:
    return {w.replace("_", " "): (event_type, mode) for w in spec.split()}


VERBS: dict[str, Sense] = {
    **_senses("agree promise pledge offer commit undertake volunteer propose accept", "AGREE"),
    **_senses("meet talk discuss negotiate consult confer mediate", "CONSULT"),
    **_senses("visit", "CONSULT", "visit"),
    **_senses("host", "CONSULT", "visit"),
    **_senses("phone telephone", "CONSULT", "phone"),
    **_senses("praise welcome endorse support back commend hail applaud congratulate thank recognize "
              "recognise defend forgive ratify", "SUPPORT"),
    **_senses("concede yield relent pardon acquit apologize apologise regret compromise accede", "CONCEDE"),
    **_senses("cooperate collaborate coordinate extradite", "COOPERATE"),
    **_senses("aid assist help donate fund finance supply provide rescue shelter", "AID"),
    **_senses("withdraw retreat evacuate", "RETREAT", "withdraw"),
    **_senses("deescalate", "RETREAT", "disarm"),
    **_senses("release free", "RETREAT", "release"),
    **_senses("surrender demobilize demobilise disarm", "RETREAT", "disarm"),
    **_senses("resign", "RETREAT", "resign"),
    **_senses("ask urge appeal request plead implore press", "REQUEST"),
    **_senses("demand", "REQUEST", "change"),
    **_senses("seek", "REQUEST", "assist"),
    **_senses("invite", "AGREE"),
    **_senses("accuse blame allege indict sue charge", "ACCUSE", "allege"),
    **_senses("condemn criticize criticise denounce decry deplore slam lambaste censure rebuke "
              "complain protest object summon disapprove", "ACCUSE", "disapprove"),
    **_senses("investigate probe", "ACCUSE", "investigate"),
    **_senses("reject refuse deny oppose veto rebuff dismiss decline renege defy spurn resist "
              "disagree", "REJECT"),
    **_senses("threaten warn", "THREATEN"),
    **_senses("demonstrate rally march picket", "PROTEST", "demo"),
    **_senses("riot", "PROTEST", "riot"),
    **_senses("boycott", "PROTEST", "boycott"),
    **_senses("sanction embargo", "SANCTION", "discontinue"),
    **_senses("expel", "SANCTION", "expel"),
    **_senses("sever", "SANCTION", "discontinue"),
    **_senses("convict", "SANCTION", "convict"),
    **_senses("deploy mobilize mobilise dispatch station mass amass reinforce", "MOBILIZE", "troops"),
    **_senses("allow permit", "RETREAT", "access"),
    **_senses("arrest detain jail imprison", "COERCE", "arrest"),
    # a court's sentence finds the accused guilty: the manual's SANCTION 'convict' ("found guilty and sentenced
    # [...] via court-order"; a prison term also gives a COERCE 'arrest', one event here, as for "convict")
    **_senses("sentence", "SANCTION", "convict"),
    **_senses("deport", "COERCE", "deport"),
    **_senses("seize confiscate raid search occupy annex", "COERCE", "seize"),
    **_senses("ban outlaw restrict curb prevent block blockade disperse", "COERCE", "restrict"),
    **_senses("censor", "COERCE", "censor"),
    **_senses("demolish", "COERCE", "seize"),
    **_senses("attack strike hit fight clash invade storm ambush wound injure kill murder capture "
              "pound target overrun", "ASSAULT"),
    # shelling and bombardment are artillery's; "bomb" names no means of its own (dropped from aircraft is
    # 'aerial', set off on the ground 'explosives'): its mode comes from the words near it (contexts.refine_mode)
    **_senses("shell bombard", "ASSAULT", "heavy-weapons"),
    **_senses("bomb", "ASSAULT"),
    **_senses("shoot gun", "ASSAULT", "firearms"),
    **_senses("assassinate execute behead", "ASSAULT", "targeted"),
    **_senses("massacre slaughter", "ASSAULT", "targeted"),
    **_senses("beat", "ASSAULT", "beat"),
    **_senses("torture", "ASSAULT", "torture"),
    **_senses("rape", "ASSAULT", "sexual"),
    **_senses("kidnap abduct hijack", "ASSAULT", "abduct"),
    **_senses("destroy burn torch", "ASSAULT", "destroy"),
    **_senses("stab", "ASSAULT", "primitive"),
}

# Verbs that end or undo what their object names ("ended the fighting", "lifted the boycott"): never
# the object's own sense, only their (verb, class) senses in VERB_CLASS below.
TERMINATIVE = set("lift ease relax end halt suspend stop cease cut freeze cancel postpone break call_off".split())
# Light verbs: the event is their object's ("hold talks", "launch a strike", "impose a curfew").
LIGHT_VERBS = set("hold conduct carry stage launch mount begin start resume open convene organize organise "
                  "impose declare announce order initiate make take continue step intensify escalate "
                  "extend tighten sign ratify conclude finalize reach establish restore give grant send "
                  "deliver accept return hand call receive fire close issue file bring lodge".split()) - TERMINATIVE

# Classes of object nouns.
NOUN_CLASS: dict[str, str] = {}
for _cls, _words in {
    "troops": "troops soldiers forces army marines units battalion battalions brigade personnel "
              "reinforcements reservists paratroopers contingent men commandos militia militias militiamen "
              # the plural head "fighters" names combatants; the aircraft are "fighter jets", "fighter planes"
              # (the singular as a modifier, which stays a weapon's word above)
              "guards fighters",
    # Sent to keep a peace or watch over one: PLOVER counts sending them as AID (military
    # protection) and taking them back as SANCTION 'withdraw' (one's non-military resources).
    "mission": "peacekeepers peacekeeping observers monitors inspectors",
    "weapons": "carrier carriers warship warships ship ships destroyer destroyers submarine submarines fleet "
               "missile missiles rocket rockets jet jets aircraft bomber bombers warplane warplanes fighter "
               "tank tanks artillery battery batteries group",
    "police": "police policemen",
    "arms": "arms weapon weapons ammunition equipment munitions",
    "aid": "aid assistance food medicine medicines supplies relief money dollars funds fund grant loan loans "
           "credit credits donation donations help vaccines",
    "asylum": "asylum refuge",
    "refugees": "refugees migrants asylum-seekers evacuees",
    "victims": "victims survivors",
    "knowledge": "intelligence information expertise evidence data experience know-how technology",
    "concession": "concession concessions",
    "threat": "warning warnings ultimatum ultimatums threat threats",
    "alert": "alert",
    "arrest": "arrest custody detention",
    "envoy": "envoy envoys delegation delegations ambassador ambassadors diplomat diplomats emissary mission",
    "sanction": "sanction sanctions embargo embargoes tariff tariffs",
    "boycott": "boycott",
    "restriction": "restriction restrictions ban bans curfew emergency blockade siege lockdown closure",
    "martial": "law",
    "talks": "talks negotiation negotiations meeting meetings summit discussion discussions consultation "
             "consultations dialogue conference contact contacts",
    "visit": "visit visits trip",
    "call": "call phone",
    "attack": "attack attacks strike strikes airstrike airstrikes raid raids offensive assault assaults "
              "bombing bombings bombardment shelling fire barrage invasion incursion ambush massacre "
              "operation operations hostilities fighting war cleansing genocide killings",
    "protest": "protest protests demonstration demonstrations rally rallies march marches riot riots sit-in "
               "walkout",
    "investigation": "investigation investigations probe probes inquiry inquiries hearing hearings trial "
                     "lawsuit suit complaint charges",
    "agreement": "agreement agreements deal deals accord accords treaty treaties pact pacts memorandum "
                 "settlement",
    "ceasefire": "ceasefire cease-fire truce armistice",
    "relations": "relations ties",
    "prisoners": "prisoners prisoner hostages hostage detainees captives",
    "demand": "demand demands request requests call calls appeal appeals proposal proposals offer offers "
              "plan resolution reminder",
    "mediation": "mediation mediations",
    "withdrawal": "withdrawal pullout pull-out retreat",
    "exercise": "exercise exercises drills drill maneuvers manoeuvres games",
    "buildup": "buildup build-up deployment deployments mobilization mobilisation",
    "debt": "debt debts obligations",
}.items():
    for _w in _words.split():
        NOUN_CLASS[_w] = _cls

# Event nouns: what a class of noun means on its own ("Israel's strike on Iran", "talks between ...").
CLASS_SENSE: dict[str, Sense] = {
    "talks": ("CONSULT", None), "visit": ("CONSULT", "visit"), "call": ("CONSULT", "phone"),
    "attack": ("ASSAULT", None), "protest": ("PROTEST", "demo"), "investigation": ("ACCUSE", "investigate"),
    "sanction": ("SANCTION", "discontinue"), "boycott": ("PROTEST", "boycott"),
    "restriction": ("COERCE", "restrict"), "ceasefire": ("RETREAT", "ceasefire"),
    "exercise": ("MOBILIZE", "troops"), "buildup": ("MOBILIZE", "troops"), "aid": ("AID", None),
    "mediation": ("CONSULT", None), "withdrawal": ("RETREAT", "withdraw"), "concession": ("CONCEDE", None),
    "threat": ("THREATEN", None), "alert": ("MOBILIZE", "troops"), "arrest": ("COERCE", "arrest"),
}
# Nouns that are events by themselves but only as heads with an actor ("Israel's strike").
EVENT_NOUNS = {w for w, c in NOUN_CLASS.items() if c in CLASS_SENSE
               and c not in {"aid", "restriction", "concession", "threat", "alert", "arrest"}}

# (verb, object class) -> sense; overrides the verb's default.
VERB_CLASS: dict[tuple[str, str], Sense] = {}


def _vc(verbs: str, classes: str, sense: Sense) -> None:
    for v in verbs.split():
        for c in classes.split():
            VERB_CLASS[(v, c)] = sense


_vc("hold conduct stage begin start resume open convene organize organise continue host attend", "talks",
    ("CONSULT", None))
_vc("make pay", "visit", ("CONSULT", "visit"))
_vc("carry launch mount conduct begin start resume continue intensify escalate stage make open", "attack",
    ("ASSAULT", None))
_vc("fire launch", "weapons", ("ASSAULT", "heavy-weapons"))
_vc("hold stage organize organise begin start launch continue", "protest", ("PROTEST", "demo"))
_vc("launch open begin start conduct order complete conclude finish", "investigation", ("ACCUSE", "investigate"))
_vc("file bring lodge", "investigation", ("ACCUSE", "allege"))
_vc("hold conduct stage begin start launch", "exercise", ("MOBILIZE", "troops"))
_vc("send deploy dispatch move station mass amass", "troops", ("MOBILIZE", "troops"))
_vc("send deploy dispatch move station", "weapons", ("MOBILIZE", "weapons"))
_vc("send deploy dispatch", "police", ("MOBILIZE", "police"))
_vc("send deliver give supply provide sell ship", "arms", ("AID", None))
_vc("send deliver give supply provide donate grant pledge hand", "aid", ("AID", None))
_vc("grant give offer", "asylum", ("AID", None))
_vc("send dispatch", "envoy", ("CONSULT", None))
_vc("receive", "envoy", ("CONSULT", "visit"))
_vc("withdraw recall", "envoy", ("SANCTION", "withdraw"))
_vc("expel", "envoy", ("SANCTION", "expel"))
_vc("withdraw pull", "troops weapons", ("RETREAT", "withdraw"))
_vc("withdraw suspend halt cut stop freeze end reduce", "aid arms", ("SANCTION", "discontinue"))
_vc("withdraw suspend halt stop end break", "talks mediation", ("SANCTION", "withdraw"))
_vc("cancel postpone call_off", "talks visit", ("SANCTION", "withdraw"))
_vc("launch begin start resume continue", "mediation", ("CONSULT", None))
_vc("complete begin start speed announce order", "withdrawal", ("RETREAT", "withdraw"))
_vc("strengthen increase boost bolster", "troops weapons police", ("MOBILIZE", "troops"))
_vc("cut sever break suspend freeze downgrade", "relations", ("SANCTION", "discontinue"))
_vc("establish restore resume normalize normalise", "relations", ("SUPPORT", None))
_vc("impose slap announce tighten extend", "sanction", ("SANCTION", "discontinue"))
_vc("lift ease relax end", "sanction", ("RETREAT", None))
_vc("impose declare tighten extend enforce", "restriction", ("COERCE", "restrict"))
_vc("impose declare", "martial", ("COERCE", "martial-law"))
_vc("lift ease relax end", "restriction martial", ("CONCEDE", None))
_vc("sign ratify conclude finalize finalise", "agreement", ("SUPPORT", None))
_vc("reach strike", "agreement", ("AGREE", None))
_vc("accept", "demand", ("CONCEDE", None))
_vc("accept welcome", "agreement", ("AGREE", None))
_vc("reject refuse", "demand agreement", ("REJECT", None))
_vc("declare announce observe", "ceasefire", ("RETREAT", "ceasefire"))
_vc("violate break", "ceasefire", ("ASSAULT", None))
_vc("release free return exchange hand swap", "prisoners", ("RETREAT", "release"))
_vc("take", "prisoners", ("ASSAULT", "abduct"))
_vc("return", "arms weapons", ("RETREAT", None))  # returning property (CAMEO 0842)
_vc("share exchange", "investigation", ("COOPERATE", None))
_vc("call issue make reiterate repeat renew voice", "demand", ("REQUEST", None))
_vc("issue give deliver send make repeat", "threat", ("THREATEN", None))
_vc("give make offer grant", "concession", ("CONCEDE", None))
_vc("send deploy dispatch contribute provide station", "mission", ("AID", None))
_vc("withdraw pull recall", "mission", ("SANCTION", "withdraw"))
_vc("expel", "mission", ("SANCTION", "expel"))
_vc("accept admit receive resettle take host welcome shelter", "refugees", ("AID", None))
_vc("free release rescue liberate evacuate", "victims", ("AID", None))
_vc("share exchange swap", "knowledge", ("COOPERATE", None))
_vc("raise heighten increase put place", "alert", ("MOBILIZE", "troops"))
# An alert issued or sent ("issued an alert", "sent a text alert to citizens") is a notice of danger to its
# readers, CAMEO's public statement; only forces put on alert are mobilized (the manual's MOBILIZE).
NOTICE_VERBS = frozenset({"issue", "send"})
_vc("end halt stop cease suspend call_off", "attack", ("RETREAT", "ceasefire"))
_vc("end lift suspend call_off", "protest boycott", ("CONCEDE", None))  # easing popular dissent (CAMEO 083)
_vc("forgive cancel write", "debt", ("AID", None))  # the manual: debt forgiveness is AID
_vc("issue", "restriction", ("COERCE", "restrict"))
_vc("close", "restriction", ("COERCE", "restrict"))
_vc("receive", "aid arms", ("AID", None))

# Modifiers that change what an event noun is ("hunger strike" is a protest, not an attack; a
# "rescue operation" helps; a "peacekeeping force" protects): head lemma -> modifier -> class.
# Class "other" has no sense: the noun is then no event at all ("evacuation operation").
# A search operation looks for people or things and does no violence: a search of premises (COERCE) or for
# survivors (AID), which the noun alone does not tell, so no sense ("conducting search operations").
_NOT_VIOLENT = {"rescue": "aid", "relief": "aid", "humanitarian": "aid", "medical": "aid", "surgical": "aid",
                "peacekeeping": "mission", "evacuation": "other", "salvage": "other", "search": "other",
                "recovery": "other"}
_LABOUR = {"hunger": "protest", "general": "protest", "labor": "protest", "labour": "protest",
           "nationwide": "protest", "indefinite": "protest", "day": "protest", "week": "protest",
           "hour": "protest", "workers": "protest", "union": "protest"}
# A probe sent into space is a spacecraft, not an inquiry (PLOVER ACCUSE investigate): "a lunar probe".
_SPACECRAFT = dict.fromkeys(("space", "lunar", "moon", "mars", "solar", "planetary", "interplanetary", "robotic",
                             "unmanned", "uncrewed", "orbiter", "landing"), "other")
COMPOUND_CLASS: dict[str, dict[str, str]] = {
    "probe": _SPACECRAFT, "probes": _SPACECRAFT,
    "strike": _LABOUR, "games": {"war": "exercise"}, "game": {"war": "exercise"}, "talks": {"peace": "talks"},
    "process": {"peace": "talks"}, "operation": _NOT_VIOLENT, "mission": {"peacekeeping": "mission"},
    **{w: {"peacekeeping": "mission"} for w in ("force", "troops", "soldiers", "contingent", "personnel")},
}
# Modifiers that make an exercise joint: PLOVER codes joint manoeuvres COOPERATE, one army's MOBILIZE.
JOINT_WORDS = {"joint", "combined", "bilateral", "multinational", "trilateral"}
# Nouns that name another party by its relation to the doer ("drills with allies"): a partner in an exercise.
PARTNER_NOUNS = {"ally", "partner", "counterpart", "neighbour", "neighbor"}
# Verbs that are a phone call when their object is a named party ("called the Chilean president").
CALL_VERBS = {"call", "ring"}
# Verbs that only count as force against someone ("fight the rebels", not "fight the flu").
CONTEST_VERBS = {"fight", "combat", "battle"}
# "Release" in its sense of making public takes a publication as object ("released a statement",
# "released images"); PLOVER's RETREAT release is of captives (PLOVER_MANUAL.tex: "Release captives").
PUBLISHING_VERBS = {"release"}
# "target" aims force at a party or a place ("targeted a convoy"), but a measure at what a country trades and
# earns ("the sanctions target its coal exports"): with such an object (its head noun, not a modifier: "the
# trade minister" is a person) it tells the sanction (the manual's SANCTION 'discontinue': curtail commercial
# exchanges), not an assault.
MEASURE_VERBS: dict[str, Sense] = {"target": ("SANCTION", "discontinue")}
# "hit with several rounds of UN sanctions", "slapped with tariffs", "hit with charges": a verb of striking
# whose instrument ("with") is a measure inflicts that measure, not a blow (the dictionaries give "hit
# someone with" a penalty as a sense of its own). Its sense is the measure's: sanctions, embargoes, tariffs
# the manual's SANCTION 'discontinue' (curtailed exchanges, sanctions), charges, a lawsuit, a complaint
# ACCUSE 'allege' (as filing them); a fine, a tax or a bill is a penalty of no PLOVER type: no event.
INFLICTING_VERBS = frozenset({"hit", "slap", "strike", "punish", "penalize", "penalise", "target"})
INFLICTED_SENSES: dict[str, Sense] = {"sanction": ("SANCTION", "discontinue"), "investigation": ("ACCUSE", "allege")}
PENALTY_NOUNS = frozenset("fine fines penalty penalties tax taxes levy levies bill bills".split())
ECONOMIC_HOLDINGS = set("economy economies exports export imports import trade revenue revenues assets industry "
                        "industries".split())
# RETREAT 'release' is of captives (the manual: "Release captives"), people someone holds: "freed two aid
# workers". "Free" also extricates people a crash or a collapse holds ("to free five people trapped in the
# wreckage"), whom no party holds: no release, and no PLOVER event (the manual's AID rescue is of hostages
# and victims of a party). The participles that tell that hold.
RELEASE_VERBS = {"release", "free"}
ENTRAPMENT = {"trap", "pin", "bury", "strand", "stick", "wedge"}
# RETREAT 'access' is letting a third party in (the manual: "Allow third party (e.g., observers,
# peacekeepers, humanitarian workers) access"): "allow"/"permit" is that event only when its complement
# tells an entry of a party or of aid ("allowed inspectors to enter the site", "allowed aid trucks into
# Gaza", "allowed journalists access"); with any other complement it only licenses an act ("allowing oil to
# go into the lake", "the law allows police to hold suspects"): no event of its own, nor a report that the act
# it permits took place.
ACCESS_VERBS = {"allow", "permit"}
ACCESS_NOUNS = {"access", "entry", "passage", "entrance", "admission", "admittance"}
ENTRY_VERBS = set("enter access visit cross return pass land dock reach inspect monitor observe deliver come go "
                  "travel leave evacuate".split())
ENTRY_PREPS = {"into", "in", "through", "inside"}
# Letting a person or an organization do what a legal or administrative restriction bars ("the court allowed
# the candidate to participate in the elections", "allowed the party to register") is the manual's CONCEDE:
# "easing of administrative or legal restrictions on persons and organizations". The acts such restrictions bar.
RESTRICTED_ACTS = set("participate run stand contest vote campaign register reopen operate resume".split())
PUBLICATIONS = set("statement statements report reports image images photo photos photograph photographs picture "
                   "pictures video videos footage animation recording recordings figures data details results "
                   "list findings transcript album song single film trailer book version update edition "
                   "advisory guidance guidelines".split())
# Types whose verbs have, besides their sense of a party acting, a sense with a thing as subject that
# the dictionaries give apart (Merriam-Webster, Oxford: "the influx helps the unit build", "the pipeline
# offers a cheaper source", "the debt threatens stability", "the data support the claim"): to contribute
# to, to present, to be likely to cause, to bear out. PLOVER codes these types only as a party's act
# (the manual: an actor who aids, agrees, supports, cooperates or threatens), so a thing as their
# subject tells no event.
PARTY_ONLY_TYPES = frozenset({"AID", "AGREE", "SUPPORT", "COOPERATE", "THREATEN"})
# Documents that speak for the party that issued them ("the resolution offers", "the letter threatens"):
# their words are their issuer's act, as PUBLICATIONS are.
DOCUMENTS = frozenset("resolution resolutions letter letters declaration declarations communique communiques "
                      "communiqué decree decrees message messages note notes memo memorandum ultimatum".split())
# What is offered in sympathy ("offered his condolences", "offered her thoughts and prayers"): CAMEO's
# empathetic comment (018), a public statement; PLOVER's AGREE is a commitment to act with or for another.
SYMPATHY_NOUNS = frozenset("condolence condolences sympathy sympathies thought thoughts prayer prayers "
                           "commiseration commiserations".split())
OFFER_VERBS = frozenset({"offer", "extend", "send", "express"})
# "shoot" with no object and "to" a state or place moves fast (the dictionaries' intransitive sense: "shot
# to fame", "shot to the top of the charts"); "to death" is still the shooting's outcome.
MOTION_SENSE_VERBS = frozenset({"shoot"})
SHOOTING_OUTCOMES = frozenset({"death"})
# "attack" with a policy, a practice or words as its object criticizes (the dictionaries' sense "to criticize
# strongly": "attacked the government's trade policy", "attacking patent licensing practices"): ACCUSE
# 'disapprove', the manual's criticism; force is done to parties, places and things, not to ideas.
CRITICISM_SENSE_VERBS = frozenset({"attack"})
POLICY_NOUNS = frozenset("policy policies practice practices plan plans decision decisions proposal proposals "
                         "remark remarks comment comments record stance handling law laws bill "
                         "bills rule rules reform reforms idea ideas claim claims approach strategy budget "
                         "move moves view views".split())
# "support" / "back" a sports team is to be its fan (the dictionaries' sense "be actively interested in the
# success of a sports team": "who supports Chicago's other team"), no political support.
FAN_VERBS = frozenset({"support", "back"})
TEAM_NOUNS = frozenset({"team", "teams", "club", "clubs", "franchise", "squad"})
# PROTEST is "civilian demonstrations" (the manual): the verbs of demonstrating, and the sectors of a state's
# own leaders and forces, who do not demonstrate when they rally or march (triggers._done_by_the_state).
DEMONSTRATION_VERBS = {"demonstrate", "rally", "march", "picket"}
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY"}
# COERCE 'censor' is to "censor, ban or restrict access to publications or other information" (the manual): a
# restriction whose object is a medium of information ("blocked the app", "banned the newspaper") is that mode.
INFORMATION_MEDIA = set("app apps website websites site sites newspaper newspapers publication publications book books "
                        "broadcaster broadcasters channel channels network networks platform platforms magazine "
                        "magazines blog blogs film films broadcast broadcasts telegram twitter facebook youtube "
                        "whatsapp wikipedia".split())
CENSORING_MODE = "censor"
# Object classes that MOBILIZE's default verbs need ("deployed troops", not "deployed monitors").
ARMED_CLASSES = {"troops", "weapons", "police"}
# "put under investigation", "remained on alert", "held in custody": a state named by a preposition.
STATE_CLASSES = {"under": {"investigation", "arrest"}, "in": {"arrest"}, "on": {"alert"}}
# Verbs whose "in" object is the event they take part in ("engaged in shelling").
PARTAKE_VERBS = {"engage", "participate", "join"}
# Passive forms that state the subject's own stance or activity ("X is opposed to", "X were engaged in").
STATIVE_PASSIVES = {"oppose", "commit", "determine", "prepare", "resolve", "engage", "involve"}

# The parser's lemmatizer cuts some verbs short ("staged" -> "stag"): the lemmas they stand for.
LEMMA_FIXES = {"stag": "stage", "lambast": "lambaste", "rap": "rape"}

# Phrasal verbs that have senses only as a whole ("call off" a strike), spelt "verb_particle".
PHRASAL_VERBS = {v for v, _ in VERB_CLASS if "_" in v}

# Verb + particle / preposition phrases.
PARTICLE_VERBS: dict[tuple[str, str], Sense] = {
    ("pull", "out"): ("RETREAT", "withdraw"), ("pull", "back"): ("RETREAT", "withdraw"),
    ("step", "down"): ("RETREAT", "resign"), ("rule", "out"): ("REJECT", None),
    ("call", "for"): ("REQUEST", None), ("call", "on"): ("REQUEST", None), ("call", "upon"): ("REQUEST", None),
    ("turn", "down"): ("REJECT", None), ("back", "down"): ("CONCEDE", None), ("give", "up"): ("CONCEDE", None),
    ("crack", "down"): ("COERCE", "restrict"), ("break", "off"): ("SANCTION", "withdraw"),
    ("hand", "over"): ("RETREAT", "release"), ("open", "fire"): ("ASSAULT", "firearms"),
    ("set", "fire"): ("ASSAULT", "destroy"), ("blow", "up"): ("ASSAULT", "explosives"),
    ("shut", "down"): ("COERCE", "restrict"), ("lock", "up"): ("COERCE", "arrest"),
    ("force", "out"): ("SANCTION", "expel"), ("walk", "out"): ("PROTEST", "boycott"),
    ("take", "over"): ("ASSAULT", None), ("fire", "on"): ("ASSAULT", "firearms"),
    ("fire", "at"): ("ASSAULT", "firearms"), ("talk", "with"): ("CONSULT", None),
    ("meet", "with"): ("CONSULT", None), ("speak", "with"): ("CONSULT", None),
    ("go", "on"): ("PROTEST", "strike"), ("push", "back"): ("COERCE", "restrict"),
    ("cordon", "off"): ("COERCE", "restrict"), ("seal", "off"): ("COERCE", "restrict"),
    ("bow", "to"): ("CONCEDE", None),
}
# Particle verbs whose sense lies in what the preposition takes: one "goes on" a strike, but also on
# holiday, on air, on the rampage; the sense holds only when its object is one of these nouns.
PARTICLE_OBJECTS: dict[tuple[str, str], frozenset[str]] = {("go", "on"): frozenset({"strike", "walkout", "stoppage"})}

# Verbs whose complement is the event: the content is announced as intended or offered.
INTENT_WORDS = set("agree promise pledge offer vow commit undertake volunteer ready prepared willing eager "
                   "determined".split())
# Verbs whose complement is the event but which are not events: the complement gets an aux mode.
TRANSPARENT: dict[str, str | None] = {
    "consider": "hypothetical", "weigh": "hypothetical", "mull": "hypothetical", "contemplate": "hypothetical",
    "plan": "future", "intend": "future", "expect": "future", "hope": "future", "want": "future",
    # "tried to arrest", like "attempted to assassinate", tells the act was attempted: coded as the act
    # (PLOVER's gold: "attempted to assassinate" ASSAULT); "will try to" takes its future from the modal
    "aim": "future", "prepare": "future", "try": None, "attempt": None, "seek": "future",
    "decide": "future", "continue": None, "begin": None, "start": None, "resume": None,
    "manage": None, "move": "future", "set": "future", "schedule": "future", "go": "future",
}
# Verbs that say their complement did not happen ("failed to reach agreement").
NEGATING = {"fail", "refuse", "decline"}
# An event placed before the one a sentence reports ("after a Taliban assault", "since the attacks") or
# brought back ("recalled the Paris attacks") is, in TimeML's terms, anchored only by a time its own
# phrase or clause gives; the report's publication day dates the report, not it. So is an event noun
# referred back to with a definite determiner ("the Paris attacks"): the thing is known, not new.
ANTERIOR_WORDS = {"after", "since", "following"}
# Adverbs that place a verb's event before the time the text speaks of ("has previously denied"):
# not "earlier", which often dates within the report's day ("earlier on Monday").
ANTERIOR_ADVERBS = {"previously", "formerly"}
RECALL_VERBS = {"recall", "remember", "commemorate", "mourn", "evoke"}
DEFINITE_DETERMINERS = {"the", "this", "that", "these", "those"}
# Munitions: what is fired, dropped or launched is the doer's instrument, no party (PLOVER codes the
# actors and recipients of an event, never its weapon): "launched a ballistic missile" has no
# recipient in the missile. An owner named on it ("a North Korean missile") still names a party.
MUNITIONS = set("missile missiles rocket rockets bomb bombs shell shells projectile projectiles warhead warheads "
                "torpedo torpedoes grenade grenades munition munitions ammunition icbm icbms irbm irbms".split())
# Proper names of weapon systems (missile defences, missiles, launchers), which the tagger reads as an organisation
# or a person ("the deployment of Thaad"): a weapon all the same, no party, standing for the owner its phrase names
# ("the US Patriot batteries") or for none. Lower case, matched on the head of a name (``participants.is_weapon``).
WEAPON_SYSTEMS = frozenset({"thaad", "patriot", "aegis", "tomahawk", "iskander", "scud", "musudan", "nodong",
                            "taepodong", "hwasong", "pukguksong", "hyunmoo", "minuteman", "trident", "s-300",
                            "s-400", "javelin", "stinger", "himars", "sm-3"})
# Verbs that take people as their object (only the living are killed, wounded or hurt): a bare count as their
# object or passive subject ("killing six and wounding 120", "hundreds were injured") counts people, a noun phrase
# whose noun English leaves out, and names the victims as "59 people" does (participants.is_victim_count).
VICTIM_VERBS = frozenset({"kill", "wound", "injure", "hurt", "maim", "murder", "massacre", "slaughter", "shoot"})
NUMBER_NOUNS = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores"})
# Accidents: deaths and injuries a sentence tells as the toll of a crash are no one's use of force
# (PLOVER_MANUAL.tex: "ASSAULT events are deliberate actions"; accidents are a context, `disasters`),
# unless it names an attack as well ("a suicide bomber crashed a truck loaded with explosives"): the
# words that tell each.
# "flip" is what a vehicle does when it overturns ("the tram flipped on its side").
ACCIDENT_LEMMAS = {"crash", "derail", "derailment", "accident", "collision", "collide", "overturn", "flip", "capsize",
                   "pileup"}
ATTACK_STEMS = ("attack", "assault", "bomb", "explosi", "gunm", "gunfire", "shoot", "shot", "stab", "terror",
                "militant", "suicide", "arson")
# COERCE 'seize' is to "execute search, confiscate property, raid" (the manual): the police storming or raiding
# a place search it (to arrest, to seize), law enforcement short of war; an army or armed men storming one attack.
RAID_WORDS = {"storm", "raid", "raids"}
POLICE_SECTOR = "COP"
# A strike is a labour action (PLOVER PROTEST mode strike, CAMEO 143) when its owner is a workforce,
# not an armed force: these sectors strike with force, the others by leaving work.
ARMED_SECTORS = {"MIL", "REB", "UAF", "INS", "COP", "SPY", "CRM", "GOV"}
STRIKE_NOUNS = {"strike", "strikes"}
LAUNCH_VERBS = {"launch", "fire", "test", "test-fire"}  # what a munition is launched with (extract.is_weapons_launch)
# Prepositions of a route, which a thing passes (over, across), and of a goal, which it is aimed at (at,
# on, against, into, toward): a munition fired over a country is not fired at it (triggers.flies_over).
PATH_PREPS = {"over", "across", "above", "past"}
AIMING_PREPS = {"at", "on", "upon", "against", "into", "toward", "towards"}
# A launch over a state or toward it is a show of force to that state (extract.shown_to): MOBILIZE's recipient.
SHOWN_TO_PREPS = PATH_PREPS | {"toward", "towards"}
# "Shoot down" brings a flying thing down: missile defence or anti-aircraft fire, which the manual's
# ASSAULT modes name 'heavy-weapons' (artillery, rocket launchers "and similar weapons"), not the firearms
# of shooting a person (triggers.brings_down_from_the_air).
DOWNING_VERBS = {"shoot"}
AIRBORNE = MUNITIONS | set("weapon weapons aircraft plane planes airplane airplanes jet jets drone drones helicopter "
                           "helicopters warplane warplanes bomber bombers satellite satellites".split())
INTERCEPTION_MODE = "heavy-weapons"

# Reporting verbs: never events; their clausal complement carries the event.
REPORTING = set("say tell state add note insist reiterate stress emphasize emphasise declare announce claim "
                "report confirm believe think write explain argue acknowledge admit suggest indicate told "
                "quote recall".split())
# Speaking to the press: "declined to comment", "refused to elaborate" refuse no one's proposal.
PRESS_VERBS = REPORTING | set("comment speak talk discuss elaborate answer respond disclose identify name "
                              "specify detail".split())
# What a refusal to speak is about when it refuses only to answer what was asked ("would not comment on
# the matter", "would not discuss details"), and the prepositions of that topic ("talk on that").
ASKED_MATTERS = frozenset("matter matters details specifics speculation question questions subject timing "
                          "reports rumours rumors".split())
TOPIC_PREPS = frozenset({"on", "about"})
# Those a statement is made to ("would not discuss it with reporters"): speaking to them is no meeting.
PRESS_NOUNS = frozenset("reporter reporters journalist journalists press media newsmen correspondents".split())
# Modals that turn a reported clause into a demand on its subject ("X said Y must ...").
OBLIGATION_MODALS = {"must", "should", "ought"}
FUTURE_MODALS = {"will", "shall", "'ll", "wo", "would", "could", "may", "might", "can", "ca"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
# Words that relate an event to another one: its cause ("in retaliation for air strikes") and what came
# before or after it; the means they name are the other event's (triggers.mode_window).
CAUSE_NOUNS = {"retaliation", "response", "revenge", "reprisal", "reaction"}
SEQUENCE_WORDS = {"after", "before", "since", "following", "until"}

# Words that name one kind of happening within a PLOVER type, for telling whether two outlets' reports
# of one deed are of one event though their triggers differ ("airstrikes" / "killed", "met" / "talks").
# Grouped by the CAMEO codes the CAMEO to PLOVER table maps into each type and by the PLOVER modes, not by
# type alone: a story's attack and the police shooting its driver are both ASSAULT (CAMEO 18 / 19
# "use force" and 1823 "kill" vs 193 "small arms"), its talks and the visit before them both CONSULT
# (040 / 046 vs 042 / 043). Deeds only (the material quads, and meetings): statements (ACCUSE,
# REQUEST, THREATEN, AGREE ...) are many in a story, between the same sides on the same days, and two
# worded differently were two statements in a sample read on the fit half (0 of 11 the same). Entries
# are word beginnings ("kill" covers killed, killing); a trigger word names the class whose entry it
# starts with.
HAPPENINGS: dict[str, dict[str, str]] = {
    "ASSAULT": {
        # force and its toll (CAMEO 18, 190, 195, 1823): "airstrikes", "the attack", "killing 84"
        "attack": "attack assault strike struck airstrike hit bomb shell raid ambush storm kill murder "
                  "wound injur massacre slaughter pound",
        "firearms": "shoot shot gunfire gunned",  # CAMEO 193, PLOVER mode firearms
        "launch": "launch fire firing missile rocket",  # heavy weapons fired (CAMEO 194 / 195)
        "fight": "fight fought clash battl war",  # two-sided fighting (CAMEO 19)
        "abduct": "abduct kidnap hijack captur hostage",  # CAMEO 181, mode abduct
        "beat": "beat punch slap kick",  # CAMEO 182, mode beat
        "destroy": "destroy burn torch demolish blow",  # mode destroy
    },
    "CONSULT": {
        "meet": "meet met talk discuss negotiat confer summit dialogue consult",  # CAMEO 040, 044, 046
        "visit": "visit trip host",  # CAMEO 042 / 043, mode visit
        "phone": "phone telephon",  # CAMEO 041, mode phone ("call" also calls a meeting, or for something)
    },
    "COERCE": {"arrest": "arrest detain jail imprison custody",  # mode arrest
               "restrict": "ban block restrict curb prevent",  # mode restrict
               "seize": "seiz confiscat raid search"},  # mode seize
    "RETREAT": {"release": "releas free hand", "allow": "allow permit", "withdraw": "withdr evacuat"},
    "MOBILIZE": {"deploy": "deploy station send sent dispatch", "exercise": "exercis drill maneuv manoeuv game",
                 "launch": "launch fire firing missile rocket test"},  # a launch aimed at nobody (extract.py)
    "PROTEST": {"protest": "protest demonstrat rall march"},
    "SANCTION": {"sanction": "sanction embargo", "expel": "expel forc", "convict": "convict sentenc"},
    # the kinds of aid the PLOVER manual names (money, arms and personnel, humanitarian relief, asylum,
    # rescue); "help", "assist", "provide", "supply" name none of them: two reports of help may be two
    # deeds of help (money to one side, shelter to another), so they link only by a word in common
    "AID": {"money": "fund financ grant loan donat credit", "military": "arms weapon troop",
            "relief": "relief humanitarian food medic shelter", "asylum": "asylum", "rescue": "rescu"},
}
