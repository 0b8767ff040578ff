"""Find event triggers in a parsed sentence and decide which are events and which are only the
content of another event ("threatened to shell" is one THREATEN, "blamed Israel for the bombing"
one ACCUSE): an embedded trigger reached through an object/complement path is content."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from . import coding, lexicon
from storyline.annotate.syntax import relative_antecedent

from .participants import agent_of, is_act_noun, is_actor_like, is_owned_thing, prep_objects, subject_of

# Dependencies through which a trigger is the content of another ("blamed X for [the bombing]",
# "threatened to [shell]"); any other link (conj, advcl, advmod, relcl, ...) starts a separate event.
CONTENT_DEPS = {"dobj", "xcomp", "ccomp", "pcomp", "pobj", "prep", "acl", "nsubjpass", "attr", "oprd",
                "compound", "amod", "aux", "acomp"}
CONTENT_PREPS = {"for", "of", "to", "on", "over", "about", "against", "into", "with"}
ADJ_INTENT_DEPS = {"acomp", "ROOT", "ccomp", "conj", "xcomp", "advcl"}
OCCURRENCE_VERBS = {"resume", "begin", "start", "continue", "end", "open", "take", "follow", "come",
                    "break", "erupt", "conclude", "go"}
PARTITIVES = {"part", "parts", "days", "weeks", "months", "series", "round", "rounds", "wave", "waves", "number",
              "kind", "type", "form", "set", "package", "batch", "shipment", "shipments", "state", "kg",
              "kilograms", "tons", "tonnes", "ton", "tonne", "pounds", "truckloads", "loads", "doses", "crates",
              "sacks", "bags"}
MEETING_CLASSES = {"talks", "visit", "call"}
TIME_PREPS = {"after", "before", "during", "following", "since", "ahead", "at", "in"}
WRAPPER_TYPES = {"REQUEST", "REJECT", "THREATEN", "ACCUSE", "AGREE", "SUPPORT", "CONCEDE"}


@dataclass(slots=True)
class Trigger:
    token: Token
    type: str
    mode: str | None
    first: int  # token index range of the trigger words
    last: int
    verbal: bool = True
    obj: Token | None = None  # the object noun that chose the sense
    content: "Trigger | None" = None  # the event this one wraps ("threatened to [shell]")
    aux: set[str] = field(default_factory=set)
    intent: bool = False
    via_particle: str | None = None
    obligation: bool = False  # "X said Y must ...": a REQUEST from the reporting verb's subject
    # the verb in its sense that is no event ("demonstrated that it could strike", "called the attack a
    # reprisal"): it still holds its complement, which is what is claimed, not a happening; dropped
    # with it once nested
    statement: bool = False
    # a REQUEST made of a verb of wish or demand that is no trigger itself ("wants Tehran to cut ties"):
    # its recipients are the doers of the act it asks for (``extract.wrap_wishes``)
    wish: bool = False


def object_of(verb: Token) -> Token | None:
    """The object noun that can choose a verb's sense: direct object, passive subject, or attr
    (the first child of the first of these relations; children are listed once, not per relation)."""
    nouns = [c for c in verb.children if c.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}]
    for dep in ("dobj", "nsubjpass", "attr", "oprd"):
        for child in nouns:
            if child.dep_ == dep:
                return child
    return None


def noun_class(noun: Token | None) -> str | None:
    if noun is None:
        return None
    modified = lexicon.COMPOUND_CLASS.get(noun.lower_) or lexicon.COMPOUND_CLASS.get(noun.lemma_.lower()) or {}
    for child in noun.children:
        if child.dep_ in {"compound", "amod", "nmod"}:
            cls = modified.get(child.lower_) or modified.get(child.lemma_.lower())
            if cls:
                return cls
    cls = lexicon.NOUN_CLASS.get(noun.lower_) or lexicon.NOUN_CLASS.get(noun.lemma_.lower())
    if cls:
        return cls
    for child in noun.children:
        if child.dep_ in {"compound", "amod"}:
            cls = lexicon.NOUN_CLASS.get(child.lower_)
            if cls:
                return cls
    if noun.lower_ in PARTITIVES:  # "part of an aid program", "ten days of war games"
        return next((noun_class(o) for o in prep_objects(noun, {"of"})), None)
    return None


def is_joint(noun: Token | None, verb: Token | None = None) -> bool:
    """A joint exercise (PLOVER: "Joint military operations are coded as COOPERATE but single-country
    exercises should be coded as MOBILIZE"): "joint"/"combined" on the noun, a partner with "with"
    ("drills with allies"), or two coordinated sides as its doers: the verb's subject ("Chile and Peru
    held ...", "U.S. and South Korean forces conduct ..."), the noun's own modifier ("U.S. and South
    Korean military drills"), its "by" agent or the subject of a relative clause on it ("drills that
    the United States and South Korea started")."""
    if noun is not None and any(c.lower_ in lexicon.JOINT_WORDS for c in noun.children):
        return True
    words = [w for w in (noun, verb) if w is not None]
    if any(_has_partner(w) for w in words):
        return True
    doers = [c for w in words for c in w.children if c.dep_ == "nsubj"] + [d for w in words for d in agent_of(w)]
    if noun is not None:
        doers += [s for c in noun.children if c.dep_ == "relcl" for s in c.children if s.dep_ == "nsubj"]
    modifiers = [m for d in doers + [noun] if d is not None for m in d.children if m.dep_ in {"amod", "compound", "nmod"}]
    return any(map(_coordinated, doers + modifiers))


def _coordinated(word: Token) -> bool:
    """Two sides joined by a conjunction: a name of a state or people with a conjunct, or with a
    conjunction the parser left without one ("U.S. and South Korean drills", where the second side
    hangs on the noun); "military and naval exercises" joins two kinds of one side's forces."""
    return _names_a_side(word) and any(c.dep_ == "conj" or (c.dep_ == "cc" and c.lower_ in {"and", "&"})
                                       for c in word.children)


def _names_a_side(word: Token) -> bool:
    return word.pos_ == "PROPN" or coding.is_demonym(word.text) or coding.country_of_name(word.text) is not None


def _has_partner(word: Token) -> bool:
    """"drills with allies", "exercises with Japanese forces": a party trains with the doer (a name, or a
    noun that names a party by its relation to the doer, ``lexicon.PARTNER_NOUNS``)."""
    return any(is_actor_like(p) or p.lemma_.lower() in lexicon.PARTNER_NOUNS for p in prep_objects(word, {"with"}))


def lemma_of(verb: Token) -> str:
    lemma = verb.lemma_.lower()
    return lexicon.LEMMA_FIXES.get(lemma, lemma) if verb.pos_ == "VERB" else lemma


def phrasal_lemma(verb: Token) -> str:
    """"call off" -> "call_off" when the lexicon has senses for the phrasal verb as a whole."""
    lemma = lemma_of(verb)
    for child in verb.children:
        if child.dep_ == "prt" and f"{lemma}_{child.lower_}" in lexicon.PHRASAL_VERBS:
            return f"{lemma}_{child.lower_}"
    return lemma


def state_sense(verb: Token) -> tuple[lexicon.Sense, Token] | None:
    """"put under investigation", "remained on alert", "held in custody" (a state named by a
    preposition), "engaged in shelling" (an event taken part in): that noun's sense."""
    partake = verb.lemma_.lower() in lexicon.PARTAKE_VERBS
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for noun in prep_objects(verb, {prep.lower_}):
            cls = noun_class(noun)
            if cls in lexicon.STATE_CLASSES.get(prep.lower_, ()) or \
                    (partake and prep.lower_ == "in" and cls in lexicon.CLASS_SENSE):
                return lexicon.CLASS_SENSE[cls], noun
    return None


def is_phone_call(verb: Token, obj: Token | None) -> bool:
    """"called the Chilean president (to thank him)": a named party as the only complement; "called him
    a liar", "called the move illegal" name or judge instead."""
    return obj is not None and obj.dep_ == "dobj" and obj.pos_ != "PRON" and is_actor_like(obj) \
        and not any(c.dep_ in {"oprd", "acomp", "attr", "ccomp"} for c in verb.children)


def _targets_only_things(verb: Token, obj: Token | None) -> bool:
    """"fight the flu", "combat corruption": a contest verb whose targets are not actors."""
    targets = [obj] if obj is not None and obj.dep_ == "dobj" else prep_objects(verb, {"against"})
    return bool(targets) and not any(is_actor_like(t) for t in targets)


# Classes of nouns that name parties sent or acting ("the mission offered", "troops helped").
PARTY_CLASSES = frozenset({"envoy", "mission", "troops", "police"})


# English suffixes of agent nouns, which name who does something ("investigator", "ruler", "hackers",
# "activist", "analyst", "participant"), and words for a person with none ("Cairo's security chief", "the
# football star", "experts"): never a thing, though the lists of person nouns leave them out.
AGENT_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "yst", "ysts", "ian", "ians", "ant", "ants", "ee", "ees")
PERSON_WORDS = frozenset({"chief", "chiefs", "boss", "bosses", "star", "stars", "expert", "experts"})


def has_thing_subject(verb: Token) -> bool:
    """"The influx helps the unit", "the pipeline offers Hungary gas", "a corruption inquiry threatened to
    topple the government": every active subject of the verb is a thing or a happening, a common noun that
    names no party (``participants.is_owned_thing``), no agent and no person, and that the text names no
    owner of unless it is an act ("North Korea's launch" is its owner's act, "Cairo's security chief" its
    officer); not a document or publication, whose words are its issuer's ("the statement threatened"). A
    relative pronoun stands for the noun its clause modifies."""
    subjects, passive = subject_of(verb)
    return bool(subjects) and not passive and all(_is_thing(relative_antecedent(s, ("nsubj",)) or s)
                                                  for s in subjects)


def _is_thing(noun: Token) -> bool:
    word, form = noun.lemma_.lower(), noun.lower_
    if not is_owned_thing(noun) or form.endswith(AGENT_SUFFIXES) or form in PERSON_WORDS:
        return False
    if word in lexicon.PUBLICATIONS or word in lexicon.DOCUMENTS or form in lexicon.PUBLICATIONS \
            or noun_class(noun) in PARTY_CLASSES:
        return False
    return is_act_noun(noun) or not is_actor_like(noun)


def _expresses_sympathy(obj: Token | None) -> bool:
    """"offered his condolences", "offered her thoughts and prayers": sympathy, no commitment to act."""
    return obj is not None and obj.dep_ == "dobj" and obj.lemma_.lower() in lexicon.SYMPATHY_NOUNS


def moves_to(verb: Token, obj: Token | None) -> bool:
    """"She shot to fame", "the song shot to the top of the charts": "shoot" with no object and a "to" of
    where it arrives (``lexicon.MOTION_SENSE_VERBS``) moves fast; "shot to death" still shoots."""
    if obj is not None or any(c.dep_ in {"dobj", "nsubjpass", "auxpass"} for c in verb.children):
        return False
    ends = prep_objects(verb, {"to"})
    return bool(ends) and not any(e.lemma_.lower() in lexicon.SHOOTING_OUTCOMES for e in ends)


def _publishes(obj: Token | None) -> bool:
    """"released a statement", "released stunning images": the object is a publication."""
    return obj is not None and obj.dep_ == "dobj" and (obj.lower_ in lexicon.PUBLICATIONS
                                                       or obj.lemma_.lower() in lexicon.PUBLICATIONS)


def _aims_at_an_economy(obj: Token | None) -> bool:
    """"targeting its textile exports": the object's head is what a country trades or earns."""
    return obj is not None and obj.dep_ == "dobj" and obj.lemma_.lower() in lexicon.ECONOMIC_HOLDINGS


def _frees_captives(obj: Token | None) -> bool:
    """"freed two aid workers", "were released": people someone held (or no object to tell); not "released
    the names" (a thing) nor "free five people trapped in the wreckage" (held by no one)."""
    if obj is None:
        return True
    if obj.pos_ == "NUM" or obj.lower_ in PARTITIVES:  # "freed 21 of the schoolgirls": the people are the "of" object
        obj = next(iter(prep_objects(obj, {"of"})), obj)
    if not (is_actor_like(obj) or noun_class(obj) in {"prisoners", "victims", "refugees"}):
        return False
    return not any(c.dep_ in {"acl", "relcl", "amod"} and c.lemma_.lower() in lexicon.ENTRAPMENT for c in obj.children)


def _lets_in(verb: Token, obj: Token | None) -> bool:
    """"allowed inspectors to enter", "allowed aid trucks into Gaza", "allowed journalists access": the
    complement of "allow" tells a party's (or aid's) entry (``lexicon.ACCESS_VERBS``)."""
    if any(c.lower_ in lexicon.ACCESS_NOUNS for c in verb.children):
        return True
    acts = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}]
    parties = [obj] if obj is not None else []
    parties += [s for a in acts for s in a.children if s.dep_ in {"nsubj", "nsubjpass"}]
    if not any(_enters(p) for p in parties):
        return False
    return any(a.lemma_.lower() in lexicon.ENTRY_VERBS for a in acts) or \
        any(c.dep_ == "prep" and c.lower_ in lexicon.ENTRY_PREPS for c in verb.children)


def _eases_a_restriction(verb: Token, obj: Token | None) -> bool:
    """"allowed the candidate to participate": a party let do what a restriction bars (``lexicon.RESTRICTED_ACTS``)."""
    acts = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.lemma_.lower() in lexicon.RESTRICTED_ACTS]
    parties = ([obj] if obj is not None else []) + [s for a in acts for s in a.children if s.dep_ == "nsubj"]
    return bool(acts) and any(is_actor_like(p) for p in parties)


def _enters(party: Token) -> bool:
    """A party that can be let in: people, a group, a state, or aid ("aid trucks"), not a thing ("oil")."""
    return is_actor_like(party) or noun_class(party) in {"aid", "mission", "refugees", "envoy", "troops", "police"}


def _done_by_the_state(verb: Token) -> bool:
    """"World leaders rallied to condemn ...", "an army battalion marches back to barracks": PLOVER's
    PROTEST is "civilian demonstrations"; a state's leaders or forces that rally or march do not
    demonstrate (leaders rally to a cause in words, which their clause tells: "condemn" is the event)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(_state_sector(s) for s in subjects)


def _state_sector(noun: Token) -> bool:
    words = [c.lower_ for c in noun.children if c.dep_ in {"compound", "amod"}] + [noun.lower_]
    return coding.sector_of_words(words) in lexicon.STATE_SECTORS


def _unarmed_object(obj: Token | None, cls: str | None) -> bool:
    """A mobilizing verb with a direct object that is no armed force ("deployed monitors",
    "mobilised donors", "dispatched a team"): not a show of force."""
    return obj is not None and obj.dep_ == "dobj" and obj.pos_ != "PRON" and cls not in lexicon.ARMED_CLASSES


def exercise_sense(sense: lexicon.Sense, cls: str | None, noun: Token | None, verb: Token | None = None) -> lexicon.Sense:
    """A joint exercise is COOPERATE (the manual's "military exchanges such as joint military games and
    maneuvers"), one army's MOBILIZE."""
    if sense[0] == "MOBILIZE" and cls == "exercise" and is_joint(noun, verb):
        return "COOPERATE", None
    return sense


def flies_over(verb: Token, obj: Token | None) -> bool:
    """"fired a missile over Japan's northern island": a munition launched over a place (a preposition of
    the route, ``lexicon.PATH_PREPS``) and at no party is a show of force (the manual's MOBILIZE, "a
    demonstration of military capabilities"), not its use: the place is passed, not aimed at."""
    if lemma_of(verb) not in lexicon.LAUNCH_VERBS or obj is None or obj.lower_ not in lexicon.MUNITIONS:
        return False
    preps = [c for w in (verb, obj) for c in w.children if c.dep_ == "prep"]  # "[a missile] [over Japan]" too
    aimed = [o for c in preps if c.lower_ in lexicon.AIMING_PREPS for o in c.children if o.dep_ == "pobj"]
    return any(c.lower_ in lexicon.PATH_PREPS for c in preps) and not any(map(is_actor_like, aimed))


def brings_down_from_the_air(verb: Token, obj: Token | None) -> bool:
    """"shoot down the missile", "shot down a drone": "shoot down" a flying thing is an interception
    (``lexicon.AIRBORNE``), done with missiles or anti-aircraft guns, not the firearms of "shoot"."""
    return lemma_of(verb) in lexicon.DOWNING_VERBS and obj is not None and obj.lower_ in lexicon.AIRBORNE \
        and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)


def restricts_information(verb: Token, obj: Token | None) -> bool:
    """"Indonesia blocked the app", "Iran blocks messaging app Telegram": what is blocked or banned is a
    medium of information (``lexicon.INFORMATION_MEDIA``): the object, a name set beside it, or what access
    is blocked to ("blocked access to the website"); not an owner ("banned the film's director"). With no
    object found (a headline's parse may hang the name elsewhere), the nouns after the verb."""
    if obj is None:
        words = [t for c in verb.rights for t in c.subtree]
    else:
        words = [obj, *(c for c in obj.children if c.dep_ in {"compound", "appos"}), *prep_objects(obj, {"to"})]
    return any(t.lower_ in lexicon.INFORMATION_MEDIA for t in words if t.pos_ in {"NOUN", "PROPN"})


def criticizes(verb: Token, obj: Token | None) -> bool:
    """"attacked the government's trade policy": ``lexicon.CRITICISM_SENSE_VERBS`` whose direct object is
    a policy, a practice or words (``lexicon.POLICY_NOUNS``, ``lexicon.PUBLICATIONS``)."""
    word = obj.lemma_.lower() if obj is not None else ""
    return lemma_of(verb) in lexicon.CRITICISM_SENSE_VERBS and obj is not None and obj.dep_ == "dobj" \
        and (word in lexicon.POLICY_NOUNS or word in lexicon.PUBLICATIONS or obj.lower_ in lexicon.POLICY_NOUNS)


def _refine(verb: Token, sense: lexicon.Sense, obj: Token | None, cls: str | None) -> lexicon.Sense:
    """Senses the object's wider phrase decides: a joint exercise is COOPERATE; a missile fired over a
    place is MOBILIZE, one shot down an interception; troops sent to a peacekeeping mission, or
    peacekeepers deploying, are AID."""
    etype, mode = exercise_sense(sense, cls, obj, verb)
    if etype == "ASSAULT" and flies_over(verb, obj):
        return "MOBILIZE", "weapons"
    if etype == "ASSAULT" and brings_down_from_the_air(verb, obj):
        return "ASSAULT", lexicon.INTERCEPTION_MODE
    if (etype, mode) == ("COERCE", "restrict") and restricts_information(verb, obj):
        return "COERCE", lexicon.CENSORING_MODE
    if etype == "ASSAULT" and criticizes(verb, obj):
        return "ACCUSE", "disapprove"
    who_or_where = prep_objects(verb, {"to", "for", "as", "into"}) + [c for c in verb.children if c.dep_ == "nsubj"]
    if etype == "MOBILIZE" and any(noun_class(t) == "mission" for t in who_or_where):
        return "AID", None
    return etype, mode


def particle_sense(verb: Token) -> tuple[lexicon.Sense, Token] | None:
    lemma = lemma_of(verb)
    words = [c for c in verb.children if c.dep_ in {"prt", "prep", "dobj", "advmod"}] + clause_for(verb)
    for child in words:
        pair = (lemma, child.lower_)
        if pair in lexicon.PARTICLE_VERBS and not _is_adjunct(verb, child) and _takes_its_object(pair, child):
            return lexicon.PARTICLE_VERBS[pair], child
    return None


def _takes_its_object(pair: tuple[str, str], particle: Token) -> bool:
    """Does the preposition take the object the particle verb's sense needs ("went on strike", not
    "went on the rampage")? Pairs with no such need take any."""
    needed = lexicon.PARTICLE_OBJECTS.get(pair)
    return needed is None or any(o.dep_ == "pobj" and o.lemma_.lower() in needed for o in particle.children)


def clause_for(verb: Token) -> list[Token]:
    """"called for the North to abandon its weapons": in the for-to infinitive (a clause with a subject
    of its own) the parser makes "for" the clause's mark, yet it is still the verb's preposition
    ("call for" X to do Y)."""
    return [m for c in verb.children if c.dep_ in {"advcl", "ccomp", "xcomp"} and c.i > verb.i
            for m in c.children if m.dep_ == "mark" and m.lower_ == "for" and m.i == verb.i + 1]


def _is_adjunct(verb: Token, word: Token) -> bool:
    """A particle follows its verb and takes no date: "On Monday X called ..." and "called Y on
    Monday" are no "call on"; a preposition of the route after the verb's object ("took it another
    direction, over Hokkaido") is no "take over", whose particle takes no object of its own."""
    if word.dep_ == "prep" and word.lower_ in lexicon.PATH_PREPS and any(c.dep_ == "dobj" for c in verb.children):
        return True
    return word.i < verb.i or any(o.ent_type_ in {"DATE", "TIME"} for o in word.children)


def inflicted_measure(verb: Token) -> Token | None:
    """"hit with several rounds of United Nations sanctions", "slapped Iran with tariffs": the measure a
    verb of striking (``lexicon.INFLICTING_VERBS``) names as its instrument, a noun of a class with an
    inflicted sense or a penalty (``lexicon.INFLICTED_SENSES``, ``lexicon.PENALTY_NOUNS``); None for a
    weapon or a blow ("hit the convoy with missiles")."""
    if lemma_of(verb) not in lexicon.INFLICTING_VERBS:
        return None
    return next((o for o in prep_objects(verb, {"with"}) if noun_class(o) in lexicon.INFLICTED_SENSES
                 or o.lemma_.lower() in lexicon.PENALTY_NOUNS or o.lower_ in lexicon.PENALTY_NOUNS), None)


def verb_trigger(verb: Token) -> Trigger | None:
    trig = _verb_sense(verb)
    if trig is not None:
        trig.type, trig.mode = _refine(verb, (trig.type, trig.mode), trig.obj, noun_class(trig.obj))
    return trig


def _verb_sense(verb: Token) -> Trigger | None:
    lemma = phrasal_lemma(verb)
    obj = object_of(verb)
    if names_its_object(verb):  # what it names may hold events of its own ("a reprisal for US airstrikes")
        return None
    cls = noun_class(obj)
    if lemma in lexicon.REPORTING and not particle_sense(verb) and (lemma, cls) not in lexicon.VERB_CLASS:
        return None  # "said", but "declared a ceasefire", "announced sanctions" are events
    measure = inflicted_measure(verb)
    if measure is not None:  # "hit with sanctions": the measure's sense, or none for a fine
        sense = lexicon.INFLICTED_SENSES.get(noun_class(measure) or "")
        return Trigger(verb, *sense, verb.i, verb.i, obj=measure) if sense else None  # "with" names no object
    found = particle_sense(verb)
    if found:
        (etype, mode), part = found
        if (lemma, cls) in lexicon.VERB_CLASS and lemma != "call":
            etype, mode = lexicon.VERB_CLASS[(lemma, cls)]
        return Trigger(verb, etype, mode, verb.i, max(verb.i, part.i), obj=obj, via_particle=part.lower_)
    if (lemma, cls) in lexicon.VERB_CLASS:
        etype, mode = lexicon.VERB_CLASS[(lemma, cls)]
        return Trigger(verb, etype, mode, verb.i, _span_to(verb, obj), obj=obj)
    if lemma in lexicon.MEASURE_VERBS and _aims_at_an_economy(obj):
        etype, mode = lexicon.MEASURE_VERBS[lemma]
        return Trigger(verb, etype, mode, verb.i, _span_to(verb, obj), obj=obj)
    if lemma in lexicon.VERBS and not _is_transparent_use(verb, lemma):
        etype, mode = lexicon.VERBS[lemma]
        if (etype == "MOBILIZE" and _unarmed_object(obj, cls)) or \
                (lemma in lexicon.CONTEST_VERBS and _targets_only_things(verb, obj)) or \
                (lemma in lexicon.PUBLISHING_VERBS and _publishes(obj)) or \
                (lemma in lexicon.RELEASE_VERBS and not _frees_captives(obj)) or \
                (etype == "PROTEST" and lemma in lexicon.DEMONSTRATION_VERBS and _done_by_the_state(verb)) or \
                (lemma in lexicon.MOTION_SENSE_VERBS and moves_to(verb, obj)):
            return None
        if lemma in lexicon.ACCESS_VERBS and not _lets_in(verb, obj) and _eases_a_restriction(verb, obj):
            return Trigger(verb, "CONCEDE", None, verb.i, verb.i, obj=obj)
        # a permission that lets no one in still holds the act it permits, which is no report of that act
        # ("the law allows police to hold suspects"): dropped with it, like a statement's clause
        # so is sympathy offered ("offered his condolences")
        if has_other_sense(verb, lemma) or (lemma in lexicon.ACCESS_VERBS and not _lets_in(verb, obj)) or \
                (lemma in lexicon.OFFER_VERBS and _expresses_sympathy(obj)):
            return Trigger(verb, etype, mode, verb.i, verb.i, obj=obj, statement=True)
        return Trigger(verb, etype, mode, verb.i, verb.i, obj=obj, intent=lemma in lexicon.INTENT_WORDS)
    if lemma in lexicon.NOTICE_VERBS and cls == "alert":
        return None
    if lemma in lexicon.LIGHT_VERBS and cls in lexicon.CLASS_SENSE:
        etype, mode = lexicon.CLASS_SENSE[cls]
        return Trigger(verb, etype, mode, verb.i, _span_to(verb, obj), obj=obj)
    if lemma in lexicon.CALL_VERBS and is_phone_call(verb, obj):
        return Trigger(verb, "CONSULT", "phone", verb.i, verb.i, obj=obj)
    state = state_sense(verb)
    if state is not None:
        (etype, mode), noun = state
        return Trigger(verb, etype, mode, verb.i, noun.i, obj=noun)
    return None


# Verbs whose event sense and other sense differ by valency (dictionaries give the senses so):
# "demonstrate" protests intransitively ("thousands demonstrated against the law") and shows with an
# object or a clause ("demonstrated that it could reach Guam", "did not demonstrate its range");
# "commit" and "undertake" promise with "to" ("committed to talks", "undertook to withdraw") and
# carry out with a direct object ("commits suicide", "undertakes provocations").
OBJECT_SENSE_DEPS = {"demonstrate": {"dobj", "ccomp"}, "commit": {"dobj"}, "undertake": {"dobj"}}


# "ask" requests with an infinitive or "for" ("asked the military to respond", "asked for help") and
# inquires with "about" or an indirect question ("Asked about her comments, she said", "asked whether
# talks would resume"): a question is no PLOVER request for action.
QUESTION_VERBS = frozenset({"ask", "inquire", "enquire"})
QUESTION_MARKS = {"whether", "if"}


# "agree" is an agreement between parties with an infinitive or a clause of what they will do ("agreed to
# meet", "agreed that talks would resume"), and only shares a view with a clause of what is ("agreed that
# North Korea poses a threat", "agreed that she could have said it"): holding a view is no PLOVER AGREE (the
# manual: agree to future action or to a settlement). The modals that make the clause a future act.
VIEW_VERBS = frozenset({"agree"})
AGREEMENT_MODALS = {"will", "would", "shall", "should", "must", "'ll", "wo"}


def has_other_sense(verb: Token, lemma: str) -> bool:
    """The verb takes the object or clause of its other sense (``OBJECT_SENSE_DEPS``, a reflexive
    object keeps the promise: "committed itself to"), asks a question (``QUESTION_VERBS``), shares
    a view (``VIEW_VERBS``) or is a sports fan's (``lexicon.FAN_VERBS``)."""
    deps = OBJECT_SENSE_DEPS.get(lemma, set())
    if any(c.dep_ in deps and not c.lower_.endswith(("self", "selves")) for c in verb.children):
        return True
    if lemma in VIEW_VERBS and shares_a_view(verb):
        return True
    if lemma in lexicon.FAN_VERBS and is_fan_of_a_team(verb):
        return True
    return lemma in QUESTION_VERBS and asks_a_question(verb)


def is_fan_of_a_team(verb: Token) -> bool:
    """"Obama, who supports the White Sox team", "fans backing their club": the object is a sports team."""
    obj = object_of(verb)
    return obj is not None and obj.dep_ == "dobj" and obj.lemma_.lower() in lexicon.TEAM_NOUNS


def shares_a_view(verb: Token) -> bool:
    """"agreed that X poses a threat": a finite clause (with its own subject) and no modal of a future act."""
    return any(c.dep_ == "ccomp" and any(s.dep_ in {"nsubj", "nsubjpass", "expl"} for s in c.children)
               and not any(a.dep_ == "aux" and a.lower_ in AGREEMENT_MODALS for a in c.children)
               for c in verb.children)


def asks_a_question(verb: Token) -> bool:
    """"asked about X", "asked whether ...", with no infinitive or "for" that would make it a request."""
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children):
        return False
    about = any(c.dep_ == "prep" and c.lower_ == "about" for c in verb.children)
    question = any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for m in c.children)
                   for c in verb.children)
    return about or question


def names_its_object(verb: Token) -> bool:
    """"called the attack a reprisal", "called the threats a national crisis": "call" with an object
    and an object complement names or describes the object (a complex-transitive verb of naming);
    the speaker makes a statement about the attack or the threat, neither attacks nor threatens."""
    return verb.lemma_.lower() == "call" and any(c.dep_ == "oprd" for c in verb.children) \
        and any(c.dep_ == "dobj" for c in verb.children)


def _is_transparent_use(verb: Token, lemma: str) -> bool:
    """"seek to", "continue to": the verb only frames its complement."""
    return lemma in lexicon.TRANSPARENT and any(c.dep_ == "xcomp" for c in verb.children)


def _span_to(verb: Token, obj: Token | None) -> int:
    """Trigger words run from the verb to its object noun when that is close ("held indirect talks")."""
    if obj is not None and 0 < obj.i - verb.i <= 4:
        return obj.i
    return verb.i


def mode_window(trig: Trigger, sent: SpacySpan) -> str:
    """The words that may tell how this event was done (``contexts.refine_mode`` reads its weapon and
    means words). An event told inside a phrase of cause, condition or sequence is told by that phrase
    alone ("if Kim were to start a war, he would be signing a suicide note"); an event whose clause
    names its own doer is told by the sentence less such phrases, which tell another event ("carried
    out the attack in retaliation for air strikes", "fought the attackers after the initial bombing",
    "kills five before committing suicide"); one with no doer named takes its doer and means from the
    whole sentence ("two were killed after a suicide bomber crashed a truck")."""
    phrases = [t for t in sent if _relates_another_event(t)]
    inside = [p for p in phrases if p.i == trig.token.i or p.is_ancestor(trig.token)]
    if inside:
        return "".join(t.text_with_ws for t in max(inside, key=lambda p: p.i).subtree)
    if not _names_its_doer(trig.token):
        return sent.text
    left_out = {t.i for p in phrases for t in p.subtree}
    return "".join(t.text_with_ws for t in sent if t.i not in left_out)


def _relates_another_event(word: Token) -> bool:
    """The head of a phrase of cause ("in retaliation for ..."), condition ("if ...") or of time before
    or after ("after the bombing", "before committing suicide")."""
    if word.dep_ == "prep" and word.lower_ == "in" and any(o.lemma_.lower() in lexicon.CAUSE_NOUNS
                                                          for o in word.children if o.dep_ == "pobj"):
        return True
    if word.dep_ == "prep" and word.lower_ in lexicon.SEQUENCE_WORDS:
        return True
    marks = {c.lower_ for c in word.children if c.dep_ == "mark"} if word.dep_ == "advcl" else set()
    return bool(marks & (lexicon.CONDITIONAL_MARKS | lexicon.SEQUENCE_WORDS))


def _names_its_doer(verb: Token) -> bool:
    """An active clause with a subject (its own or a conjunct's: "responded and fought")."""
    subjects, passive = subject_of(verb)
    return bool(subjects) and not passive


def adjective_intent(adj: Token) -> Trigger | None:
    """"ready/prepared/willing to ..." announce an intended event."""
    if adj.lower_ in lexicon.INTENT_WORDS and adj.pos_ in {"ADJ", "VERB"} and adj.dep_ in ADJ_INTENT_DEPS \
            and any(c.dep_ == "xcomp" for c in adj.children):
        return Trigger(adj, "AGREE", None, adj.i, adj.i, intent=True)
    return None


def class_trigger(noun: Token) -> Trigger | None:
    """The event a noun's class means on its own ("fire" an attack, "sanctions" a sanction), whoever does
    it: the content of a warning or a demand that names it."""
    sense = lexicon.CLASS_SENSE.get(noun_class(noun) or "")
    return Trigger(noun, *sense, noun.i, noun.i, verbal=False) if sense else None


def noun_trigger(noun: Token) -> Trigger | None:
    """An event noun with its own actor ("Israel's June strike on Iran", "talks between A and B")."""
    cls = noun_class(noun) if noun.lower_ in lexicon.EVENT_NOUNS or noun.lemma_.lower() in lexicon.EVENT_NOUNS \
        else None
    if cls not in lexicon.CLASS_SENSE or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    if not (_has_noun_actor(noun) or (noun.dep_ == "nsubj" and noun.head.lemma_.lower() in OCCURRENCE_VERBS)
            or clause_meeting(noun)):
        return None
    etype, mode = exercise_sense(lexicon.CLASS_SENSE[cls], cls, noun)
    first = min([noun.i] + [c.i for c in noun.children if c.dep_ == "compound" and lexicon.NOUN_CLASS.get(c.lower_)])
    return Trigger(noun, etype, mode, first, noun.i, verbal=False)


def clause_meeting(noun: Token) -> bool:
    """"After a meeting with X, Y said ...": a meeting noun in a time adjunct, with a partner,
    whose other side is the subject of the clause it modifies."""
    return lexicon.NOUN_CLASS.get(noun.lower_) in MEETING_CLASSES and noun.dep_ == "pobj" \
        and noun.head.lower_ in TIME_PREPS and any(is_actor_like(t) for t in prep_objects(noun, {"with"}))


def _has_noun_actor(noun: Token) -> bool:
    for child in noun.children:
        if child.dep_ in {"poss", "compound", "nmod", "amod"} and is_actor_like(child) and child.pos_ != "PRON":
            return True
        if child.dep_ == "prep" and child.lower_ == "between":
            return True
    return bool(agent_of(noun))


def find_triggers(sent: SpacySpan) -> list[Trigger]:
    """All candidate triggers of a sentence, object nouns of verb triggers not repeated."""
    found: list[Trigger] = []
    for tok in sent:
        trig = None
        if tok.pos_ in {"VERB", "AUX"} or (tok.pos_ == "NOUN" and tok.tag_.startswith("VB")):
            trig = verb_trigger(tok) if tok.pos_ == "VERB" or tok.lemma_ in lexicon.VERBS else None
        if trig is None and tok.pos_ in {"ADJ", "VERB"}:
            trig = adjective_intent(tok)
        if trig is None and tok.pos_ in {"NOUN", "PROPN"}:
            trig = noun_trigger(tok)
        if trig is not None:
            found.append(trig)
    consumed = {t.obj.i for t in found if t.obj is not None}
    return [t for t in found if t.verbal or t.token.i not in consumed]


def nest(triggers: list[Trigger]) -> list[Trigger]:
    """Attach each trigger reached from another through a complement path as that one's content."""
    by_token = {t.token.i: t for t in triggers}
    top: list[Trigger] = []
    for trig in triggers:
        owner = _owner(trig.token, by_token)
        if owner is None or owner is trig:
            top.append(trig)
        elif owner.content is None:
            owner.content = trig
    return top


def _content_link(node: Token) -> bool:
    """Does ``node`` attach to its head as content: an object/complement, a purpose infinitive
    ("rallied to demand"), or a condition ("will boycott unless the president agrees")?"""
    if node.dep_ == "advcl":
        return any((c.dep_ == "aux" and c.lower_ == "to") or (c.dep_ == "mark" and c.lower_ in lexicon.CONDITIONAL_MARKS)
                   for c in node.children)
    if node.dep_ == "prep":  # a noun's modifier describes it ("mediation [in the dispute]")
        return node.lower_ in CONTENT_PREPS or node.head.pos_ in {"NOUN", "PROPN"}
    return node.dep_ in CONTENT_DEPS


def _owner(token: Token, by_token: dict[int, Trigger]) -> Trigger | None:
    node = token
    while node.head.i != node.i:
        if node.dep_ == "conj" and node.head.i not in by_token:
            node = node.head  # "refused to let planes land and [evacuate]": shares its first conjunct's link
            continue
        if not _content_link(node):
            return None
        parent = node.head
        if parent.i in by_token:  # including a reporting verb made an event by its object ("renewed its demand")
            return by_token[parent.i]
        if parent.lemma_.lower() in lexicon.REPORTING:
            return None
        node = parent
    return None
