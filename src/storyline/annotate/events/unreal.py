"""Clauses that tell no happening: what did not take place, what someone is able to do, what a
reader is told to do, and what the public is advised to do.

PLOVER codes what took place, takes place, or is threatened, demanded, denied or planned by a party
(PLOVER_MANUAL.tex; an open condition, "if X attacks", stays a hypothetical event). English grammar
marks four kinds of clause that tell none of these:

* the condition of a counterfactual, the unreal past ("had Japan shot down the missile", "if the army
  had attacked"): it says the event did not happen;
* the modal of ability ("missiles that can hit Guam"), and a noun or adjective of ability whose
  complement the act is ("the power to destroy", "capable of striking", "being able to threaten"): a
  capability, no act and no threat (a threat needs a will, "will hit");
* the imperative ("call the police"): it asks the addressee, whom the text does not name, to act;
* public advice ("people are asked to avoid the area", "urged residents to stay indoors"): a request
  or warning to the population at large about its own safety, CAMEO's public statement, not a demand
  on a party (REQUEST) nor a coercive warning (THREATEN);
* a warning that forecasts an outcome ("warned the test could lead to an arms race") or that an advisory
  gives ("a travel advisory warning travellers they could face delays"): PLOVER's THREATEN is a party's
  coercive or forceful warning of what it will do; a danger no party brings is a comment or advice;
* a warning "of" something that names no harm ("warned of its plans"): a notice, no threat (THREATEN is
  a warning of an act the warner will do that harms the warned);
* a warning by those who study or watch a subject ("analysts warn that ...", "experts warned of war"): a
  commentator forecasts what others may do and has no act of its own to threaten with;
* a verb of cooperation or threat whose subject is a thing ("the influx helps the unit", "a probe threatened
  to topple the government"): the dictionaries' sense of a thing that contributes or endangers, no party's
  act (PLOVER's AID, AGREE, SUPPORT, COOPERATE and THREATEN are a party's); what it holds goes with it;
* a readiness or promise to defend oneself ("ready to defend itself", "prepared to take all measures to
  protect its citizens"): PLOVER's AGREE is a commitment to cooperate, to act with or for another party;
  guarding one's own offers nothing to anyone;
* the act a shown demand asks for ("called on X to cease testing ... and allow inspectors in"):
  PLOVER codes the demand (REQUEST by the demander), never the demanded act as an event of its own.
"""
from __future__ import annotations

from spacy.tokens import Token

from storyline.annotate.entities import SUBJECT_NOUNS
from storyline.annotate.syntax import RELATIVE_PRONOUNS
from storyline.model import Event

from . import coding, lexicon
from .modality import ability_word, is_declared_capability, is_negated, predicate, unreal_head
from .ontology import COOPERATIVE
from .participants import children, subject_of
from .triggers import Trigger, has_thing_subject, lemma_of, noun_class, object_of, verb_trigger

ABILITY_MODALS = frozenset({"can"})
# Nouns that name the population at large, no party: the addressees of public advice.
PUBLIC_NOUNS = frozenset({"people", "public", "residents", "citizens", "inhabitants", "locals", "population",
                          "travellers", "travelers", "passengers", "motorists", "commuters", "visitors",
                          "drivers", "pedestrians", "anyone", "everyone", "everybody", "anybody", "households"})
ADVICE_TYPES = frozenset({"REQUEST", "THREATEN"})
# Where advice names whom it addresses: its object ("asked people"), or its passive subject ("people are asked").
PUBLIC_ADDRESSEE_DEPS = frozenset({"dobj", "dative", "nsubjpass"})
PARTY_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Verbs whose frame "V someone of/about a danger" tells what to beware of.
WARNING_VERBS = frozenset({"warn", "alert", "caution", "advise"})
# Verbs that tell what a thing brings about ("could lead to an arms race", "would result in higher prices",
# "will cause tensions"): a warning whose clause is one forecasts an outcome.
CONSEQUENCE_VERBS = frozenset({"lead", "result", "cause", "spark", "fuel"})
# Nouns of a published notice of advice ("a travel advisory warning ...", "an alert urging ..."): the
# warning it gives is advice to its readers, CAMEO's public statement.
ADVISORY_NOUNS = frozenset({"advisory", "advisories", "alert", "alerts", "notice", "guidance", "bulletin"})


# Verbs of guarding ("defend itself", "protect its citizens") and nouns of what is one's own to guard
# besides what a possessive or reflexive pronoun marks ("the lives of its people").
GUARDING_VERBS = frozenset({"defend", "protect", "guard", "safeguard", "shield", "secure"})
LIFE_NOUNS = frozenset({"life", "lives"})
# "take all (necessary) measures to protect ...": the measures are the guarding the clause tells.
MEASURE_VERBS = frozenset({"take", "adopt"})
MEASURE_NOUNS = frozenset({"measure", "measures", "step", "steps", "action", "actions"})
# What a warning "of" names when it warns of harm the warner will do, besides an event noun ("war",
# "strikes", "sanctions") and a reprisal (``lexicon.CAUSE_NOUNS``): an action, a response, what it costs.
HARM_NOUNS = frozenset({"action", "actions", "response", "responses", "consequence", "consequences", "price",
                        "measures", "steps", "punishment"})


def tells_no_happening(trig: Trigger, event: Event) -> bool:
    """The event's clause is counterfactual, a capability, an imperative, public advice, what a
    shown demand asks for, a warned forecast or an advisory's warning, a warning that names no harm,
    a verb of cooperation or threat with a thing as subject, or a readiness to defend oneself."""
    return is_counterfactual(trig) or is_capability(trig) or is_imperative(trig) or \
        is_public_advice(trig, event) or is_demanded_act(trig) or forecasts_an_outcome(trig) or \
        is_advisory(trig) or warns_of_no_harm(trig) or done_by_a_thing(trig) or readies_self_defence(trig) \
        or warned_by_commentators(trig)


def done_by_a_thing(trig: Trigger) -> bool:
    """"That cash influx helps its chip unit", "the pipeline offers Hungary gas", "a probe threatened to
    topple the government": a verb whose sense is of a type PLOVER codes only as a party's act
    (``lexicon.PARTY_ONLY_TYPES``, by the verb's own sense, before an intention or a future retypes it)
    with things or happenings as its subjects (``triggers.has_thing_subject``)."""
    sense = lexicon.VERBS.get(lemma_of(trig.token)) if trig.verbal else None
    return sense is not None and sense[0] in lexicon.PARTY_ONLY_TYPES and has_thing_subject(trig.token)


def warns_of_no_harm(trig: Trigger) -> bool:
    """"warned of its plans", "after warning of its plans": a warning whose only complement is an "of" or
    "about" object that names no event (an event noun of the lexicon) and no reprisal or response
    (``HARM_NOUNS``) is a notice; "warned of retaliation", "warned of war", "warned of serious
    consequences" stay threats, and a warned act ("of plans to attack") is the trigger's content."""
    verb = trig.token
    if trig.type != "THREATEN" or verb.lemma_.lower() not in WARNING_VERBS or trig.content is not None \
            or children(verb, {"ccomp", "xcomp"}):
        return False
    named = [o for p in children(verb, {"prep"}) if p.lower_ in {"of", "about"} for o in children(p, {"pobj"})]
    return bool(named) and not any(_names_harm(o) for o in named)


def warned_by_commentators(trig: Trigger) -> bool:
    """"Analysts warn that Beijing will not push the North to collapse", "experts warned of war": a warning
    whose every subject is a noun of study (``entities.SUBJECT_NOUNS``) forecasts; PLOVER's THREATEN is a
    party's warning of what it will do, and an analyst has no act to threaten with."""
    if trig.type != "THREATEN" or trig.token.lemma_.lower() not in WARNING_VERBS or not trig.verbal:
        return False
    subjects, passive = subject_of(trig.token)
    return bool(subjects) and not passive and all(s.lower_ in SUBJECT_NOUNS for s in subjects)


def _names_harm(noun: Token) -> bool:
    return noun_class(noun) in lexicon.CLASS_SENSE or noun.lower_ in HARM_NOUNS \
        or noun.lemma_.lower() in lexicon.CAUSE_NOUNS


def readies_self_defence(trig: Trigger) -> bool:
    """"ready to defend itself against any attack", "prepared to take all necessary measures to protect its
    citizens": an intention (``lexicon.INTENT_WORDS``) whose act is guarding the party's own (``GUARDING_VERBS``
    with a reflexive object, one its possessive pronoun marks, or lives), straight or as the purpose of the
    measures it takes. "ready to defend its allies" guards another party and stays."""
    if not trig.intent:
        return False
    acts = children(trig.token, {"xcomp"})
    acts += [p for a in acts if a.lemma_.lower() in MEASURE_VERBS for o in children(a, {"dobj"})
             if o.lower_ in MEASURE_NOUNS for p in children(o, {"acl", "relcl"}) + children(a, {"advcl", "xcomp"})]
    return any(a.lemma_.lower() in GUARDING_VERBS and any(_is_own(o) for o in children(a, {"dobj"})) for a in acts)


def _is_own(noun: Token) -> bool:
    """Itself, its own ("its citizens", "our territory"), or lives ("the lives of its people"); never
    an ally or partner, another party by its relation to the doer."""
    if noun.lemma_.lower() in lexicon.PARTNER_NOUNS:
        return False
    return noun.lower_.endswith(("self", "selves")) or noun.lemma_.lower() in LIFE_NOUNS or \
        any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)


def forecasts_an_outcome(trig: Trigger) -> bool:
    """"Moon warned that the test could lead to a change in the security structure", "warning it could
    lead to an arms race": the warned clause tells what something brings about (``CONSEQUENCE_VERBS``),
    whoever its subject; PLOVER's THREATEN is a warning of an act the warner will do, this a forecast (a
    comment). An outcome that is itself an act of force or another event ("would lead to war") keeps
    the threat."""
    if trig.type != "THREATEN" or trig.token.lemma_.lower() not in WARNING_VERBS or trig.content is not None:
        return False
    clauses = [c for c in children(trig.token, {"ccomp"}) if c.lemma_.lower() in CONSEQUENCE_VERBS]
    preps = [p for c in clauses for p in children(c, {"prep"})]  # "lead [to] a change", "result [in] war"
    outcomes = [o for c in clauses for o in children(c, {"dobj"})] + [o for p in preps for o in children(p, {"pobj"})]
    return bool(clauses) and not any(noun_class(o) in lexicon.CLASS_SENSE for o in outcomes)


def is_advisory(trig: Trigger) -> bool:
    """"issued a travel advisory warning travellers they could face delays": a warning or request told
    as what a notice of advice says (the participle hangs on an ``ADVISORY_NOUNS`` noun, or on the verb
    whose object that noun is) advises its readers of a danger; no party threatens or demands anything
    of them."""
    verb = trig.token
    if trig.type not in ADVICE_TYPES or not trig.verbal or verb.dep_ not in ("acl", "relcl", "advcl"):
        return False
    notices = [verb.head] if verb.dep_ != "advcl" else children(verb.head, {"dobj"})
    return any(n.lower_ in ADVISORY_NOUNS for n in notices)


def is_demanded_act(trig: Trigger) -> bool:
    """The act is asked for by a demand the sentence shows as its own REQUEST event ("called on X to
    cease testing, comply and [allow] inspectors in", where the parse leaves the act outside the
    request's content): the request is the event, its content no event of its own."""
    head = unreal_head(trig)
    if head is None or head.pos_ not in ("VERB", "AUX"):
        return False
    demand = verb_trigger(head)
    return demand is not None and demand.type == "REQUEST"


def is_counterfactual(trig: Trigger) -> bool:
    """The trigger sits in a condition in the past perfect, the unreal past: "had X done" with the
    auxiliary before its subject, or "if X had done"."""
    node = trig.token
    while node.head.i != node.i:
        if node.dep_ == "advcl" and _unreal_past(node):
            return True
        node = node.head
    return False


def _unreal_past(verb: Token) -> bool:
    had = [c for c in verb.children if c.dep_ == "aux" and c.lower_ == "had"]
    if verb.tag_ not in ("VBN", "VBD") or not had:
        return False
    subjects = children(verb, {"nsubj", "nsubjpass"})
    inverted = bool(subjects) and had[0].i < subjects[0].i
    marked = any(c.dep_ == "mark" and c.lower_ in lexicon.CONDITIONAL_MARKS for c in verb.children)
    return inverted or marked


def is_capability(trig: Trigger) -> bool:
    """The trigger's own verb carries the modal of ability, not negated ("can hit"; "cannot accept"
    refuses, which the negation rules code), or fills the complement of a noun or adjective of
    ability ("the power to destroy", "capable of striking")."""
    pred = predicate(trig.token)
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in ABILITY_MODALS for c in pred.children)
    # a declared power to use force is a THREATEN (``modality.is_declared_capability``)
    return (modal and not is_negated(trig)) or (ability_word(pred) is not None and not is_declared_capability(trig))


def is_imperative(trig: Trigger) -> bool:
    """A verb in the base form heading its clause with no subject and no modal ("call police",
    "please don't go near them"), or coordinated with one: it asks the addressee to act."""
    if not trig.verbal:
        return False
    node = trig.token
    while node.dep_ == "conj" and node.head.i != node.i and node.head.pos_ in ("VERB", "AUX"):
        if _has_subject(node):
            return False
        node = node.head
    if node.tag_ != "VB" or node.dep_ not in ("ROOT", "ccomp", "parataxis") or _has_subject(node):
        return False
    return not any(c.dep_ in ("aux", "auxpass", "mark") and c.lower_ not in ("do", "don't") for c in node.children)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def is_public_advice(trig: Trigger, event: Event) -> bool:
    """A request or warning addressed to the population at large (the verb's object or passive
    subject, the subject of "X said people should ...", else its recipients) that asks of it nothing
    PLOVER codes ("asked people to avoid the area"; "urged people to protest" stays a request)."""
    if trig.type not in ADVICE_TYPES or asks_an_event(trig.content) or not trig.verbal:
        return False
    if trig.obligation:  # "the alert says residents should stay inside": the clause is the advice
        addressees = children(trig.token, {"nsubj"})
    elif _advises(trig.token):
        addressees = children(trig.token, PUBLIC_ADDRESSEE_DEPS)
    else:
        return False
    if addressees:
        return all(_group_of(a).lower_ in PUBLIC_NOUNS for a in addressees)
    return bool(event.recipients) and all(_is_public(p.text) for p in event.recipients)


def _advises(verb: Token) -> bool:
    """The verb says what to do or what to beware of ("asked to avoid", "warns residents they could
    be hit", "warns people of a missile"; the parser may hang the clause or the "of" on the
    addressee, or read "to take cover" as a purpose clause); "people have been threatened" tells a
    threat to them."""
    nouns = children(verb, PUBLIC_ADDRESSEE_DEPS)
    clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") or _is_infinitive(c)]
    clauses += [c for n in nouns for c in n.children if c.dep_ == "relcl" and not _relative_pronoun(c)]
    warned_of = verb.lemma_.lower() in WARNING_VERBS and any(
        c.dep_ == "prep" and c.lower_ in ("of", "about") for w in (verb, *nouns) for c in w.children)
    return bool(clauses) or warned_of


def _is_infinitive(child: Token) -> bool:
    """A to-infinitive the parser hung on the verb as an adverbial clause ("to take cover") or as
    the object of "to" ("to 'duck and cover'")."""
    if child.dep_ == "advcl":
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
    return child.dep_ == "prep" and child.lower_ == "to" and any(c.tag_ == "VB" for c in child.children)


def _relative_pronoun(clause: Token) -> bool:
    """A true relative clause opens with its pronoun ("people who ..."); a clause hung on the noun
    without one is the warning's content the parser misplaced ("warns residents they could ...")."""
    return any(c.lower_ in RELATIVE_PRONOUNS for c in clause.children)


def asks_an_event(content: Trigger | None) -> bool:
    """What is asked is an event of the public's own: a conflict ("protest", "strike") or a deal with
    a party ("meet the minister"); "visit the website" is no dealing with anyone."""
    if content is None:
        return False
    if content.type not in COOPERATIVE:
        return True
    obj = object_of(content.token) if content.verbal else None
    return obj is not None and is_party(obj)


def is_party(noun: Token) -> bool:
    """A noun that itself names a party: a name of a person, group or place, or a sector noun ("the
    minister"); "the TfL website" is a thing, however its modifier is named."""
    return noun.ent_type_ in PARTY_ENTS or noun.pos_ == "PROPN" or coding.is_sector_word(noun.text)


def _group_of(noun: Token) -> Token:
    """"members of the public" -> "public": the group a partitive noun takes its members from."""
    if noun.lower_ in ("members", "member"):
        return next((g for p in noun.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"), noun)
    return noun


def _is_public(text: str) -> bool:
    """"people", "its residents", "residents of Hokkaido"."""
    words = text.casefold().split()
    head = next((i for i, w in enumerate(words) if w in ("of", "in", "from", "near")), len(words))
    return head > 0 and words[head - 1] in PUBLIC_NOUNS
