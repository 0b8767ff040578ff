"""Clauses that tell no happening: what did not take place, what someone is able to do, what a
reader is told to do, and what the public is advised to do.

PLOVER codes what took place, takes place, or is threatened, demanded, denied or planned by a party
(PLOVER_MANUAL.tex). English grammar marks these kinds of clause that tell none of these:

* the condition of a conditional sentence ("if it threatened the United States", "unless Baghdad
  accepted", "if Kim were to start a war") and the first half of a comparative correlative ("the more
  the US pushes, ..."): it states what another clause depends on, not a happening (TimeML and ACE
  mark it irrealis). PLOVER's gold records code the statement the sentence makes and never its
  condition ("will boycott the elections unless the president agrees to step down" is one THREATEN,
  no CONCEDE); the manual's example of its hypothetical mode ("If Russian forces were to cross the
  border, that would represent ...") is such a condition, which is left out here as in the gold;
  the condition of a counterfactual, the unreal past ("had Japan shot down the missile"), says as
  well that the event did not happen;
* the second half of a comparative correlative with no first person as its doer ("the more the US
  pushes, the more North Koreans are going to push back"): it states a tendency, how one thing varies
  with another, not anyone's act nor a party's warning of what it will do (a threat is the warner's
  own: "the more you push, the harder we will hit back" stays one);
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
  PLOVER codes the demand (REQUEST by the demander), never the demanded act as an event of its own;
* a refusal to speak ("declined to comment", "I don't want to talk on that"): PLOVER's REJECT (CAMEO
  012) refuses another party's request or proposal, and not answering a question refuses none (CAMEO's
  gold sentences label it a statement); a refusal to talk with a party ("refused to talk with Seoul")
  stays a REJECT of a meeting.
"""
from __future__ import annotations

from spacy.tokens import Token

from storyline.annotate.entities import SUBJECT_NOUNS
from storyline.annotate.syntax import RELATIVE_PRONOUNS
from storyline.model import Event

from . import coding, lexicon
from .modality import (ability_word, in_adverbial_clause, is_conditional, is_declared_capability, is_negated,
                       predicate, unreal_head)
from .ontology import COOPERATIVE
from .participants import children, prep_objects, subject_of
from .triggers import Trigger, has_thing_subject, lemma_of, noun_class, object_of, verb_trigger

ABILITY_MODALS = frozenset({"can"})
# Auxiliaries that come before their subject in a condition with no "if" ("had X done", "should X do").
INVERTING_AUXILIARIES = frozenset({"had", "should", "were"})
# The first person pronouns of a subject: a threat's doer is its warner.
FIRST_PERSONS = frozenset({"i", "we"})
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
# Verbs of undergoing what another does ("would face fire and fury", "will suffer the consequences") and the
# modals that make it a prediction: said of a party, a warning of harm.
UNDERGOING_VERBS = frozenset({"face", "suffer"})
PREDICTION_MODALS = frozenset({"will", "would", "'ll", "wo", "shall"})
# What a warning "of" names when it warns of harm the warner will do, besides an event noun ("war",
# "strikes", "sanctions") and a reprisal (``lexicon.CAUSE_NOUNS``): an action, a response, what it costs.
HARM_NOUNS = frozenset({"action", "actions", "response", "responses", "consequence", "consequences", "price",
                        "measures", "steps", "punishment"})


def tells_no_happening(trig: Trigger, event: Event) -> bool:
    """The event's clause is a condition, a capability, an imperative, public advice, what a
    shown demand asks for, a warned forecast or an advisory's warning, a warning that names no harm,
    a verb of cooperation or threat with a thing as subject, a readiness to defend oneself, a
    tendency a comparative correlative states, or a refusal to speak."""
    return states_a_condition(trig) or is_capability(trig) or is_imperative(trig) or \
        is_public_advice(trig, event) or is_demanded_act(trig) or forecasts_an_outcome(trig) or \
        is_advisory(trig) or warns_of_no_harm(trig) or done_by_a_thing(trig) or readies_self_defence(trig) \
        or warned_by_commentators(trig) or states_a_tendency(trig) or declines_to_speak(trig)


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


def declines_to_speak(trig: Trigger) -> bool:
    """"declined to comment", "refused to elaborate", "I don't want to talk on that", "would not discuss the
    matter": a REJECT whose refused act is speaking (``lexicon.PRESS_VERBS``) with no party spoken with.
    Refused with "decline", "refuse" or "fail" the act needs nothing more; negated ("did not talk"), a
    verb of talks stays a refusal to negotiate ("North Korea will not talk") unless what it is about is
    only what was asked, named by a pronoun or a noun of a question (``lexicon.ASKED_MATTERS``)."""
    if trig.type != "REJECT" or not trig.verbal:
        return False
    verb = trig.token
    if verb.lemma_.lower() in lexicon.NEGATING:
        acts = [c for c in children(verb, {"xcomp"}) if c.lemma_.lower() in lexicon.PRESS_VERBS]
        return bool(acts) and not any(map(_speaks_with_a_party, acts))
    if verb.lemma_.lower() not in lexicon.PRESS_VERBS or _speaks_with_a_party(verb):
        return False
    topics = children(verb, {"dobj"}) + [o for p in children(verb, {"prep"}) if p.lower_ in lexicon.TOPIC_PREPS
                                         for o in children(p, {"pobj"})]
    return bool(topics) and all(t.pos_ == "PRON" or t.lower_ in lexicon.ASKED_MATTERS for t in topics)


def _speaks_with_a_party(verb: Token) -> bool:
    """"talk with Seoul", "discuss it with the allies", "speak to Kim": a party to speak with, the object or
    the object of "with"/"to"; not the pronoun of the matter ("discuss it"), nor the press ("with reporters"),
    to whom a statement is made."""
    partners = prep_objects(verb, {"with", "to"}) + [o for o in children(verb, {"dobj", "dative"}) if o.pos_ != "PRON"]
    return any(is_party(p) and p.lower_ not in lexicon.PRESS_NOUNS for p in partners)


def warned_by_commentators(trig: Trigger) -> bool:
    """"Analysts warn that Beijing will not push the North to collapse", "experts warned of war", "Japan would be
    the first target of a North Korean attack should war break out, analysts said": a warning whose every
    subject is a noun of study (``entities.SUBJECT_NOUNS``), or an act told as a future or a possibility
    (a THREATEN by the PLOVER rules, not by the word's own sense) in what such commentators say, forecasts;
    PLOVER's THREATEN is a party's warning of what it will do, and an analyst has no act to threaten with,
    nor is an act they foresee the doer's threat. A threat they report ("analysts said Kim threatened to
    fire") is the doer's own and stays."""
    if trig.type != "THREATEN":
        return False
    if trig.verbal and trig.token.lemma_.lower() in WARNING_VERBS:
        speaker = trig.token
    elif not _threatens_by_its_sense(trig):
        speaker = _reporting_verb(trig.token)
    else:
        return False
    subjects, passive = subject_of(speaker) if speaker is not None else ([], False)
    return bool(subjects) and not passive and all(s.lower_ in SUBJECT_NOUNS for s in subjects)


def _threatens_by_its_sense(trig: Trigger) -> bool:
    """"threatened", "warned", "a threat": the word is a threat itself, not a future act made one."""
    if trig.verbal:
        return lexicon.VERBS.get(lemma_of(trig.token), ("",))[0] == "THREATEN"
    return noun_class(trig.token) == "threat"


def _reporting_verb(word: Token) -> Token | None:
    """The verb of saying or warning whose reported clause holds the word ("..., analysts [said]")."""
    node = word
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in lexicon.REPORTING | WARNING_VERBS:
            return node.head
        node = node.head
    return None


def warned_harm(clause: Token) -> Token | None:
    """"(Trump said) the North would face fire and fury", "(said) Iran will suffer serious consequences": a
    clause of undergoing (``UNDERGOING_VERBS``) in the future (a modal of prediction) whose object is force, a
    sanction or a reprisal (``_names_harm``) tells, when a party says it of another, what harm that other
    will meet: a warning (PLOVER's THREATEN, "coercive or forceful warnings"); the harm noun, else None."""
    if clause.lemma_.lower() not in UNDERGOING_VERBS or \
            not any(c.dep_ == "aux" and c.lower_ in PREDICTION_MODALS for c in clause.children):
        return None
    return next((o for o in children(clause, {"dobj"}) if _names_harm(o)), None)


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


def states_a_condition(trig: Trigger) -> bool:
    """The trigger's clause is (part of) the condition of a conditional sentence: an adverbial clause
    marked "if", "unless" or "whether", "in case" / "in the event (that)" (``modality.is_conditional``),
    one with its auxiliary before its subject ("had Japan shot down the missile", "should war break
    out"), or the
    first half of a comparative correlative ("the more the US pushes"). A relative clause inside the
    condition describes a noun and is presupposed, so it still tells a happening."""
    return is_conditional(trig) or in_adverbial_clause(trig.token, _inverted_condition) or \
        in_adverbial_clause(trig.token, _correlative_condition)


def _inverted_condition(verb: Token) -> bool:
    """"had Japan shot down the missile", "should war break out", "were Russia to invade": a clause whose
    auxiliary comes before its subject with no conjunction is a condition by inversion (grammars of
    English: "had", "should" and "were" so invert only in a condition)."""
    subjects = children(verb, {"nsubj", "nsubjpass"})
    inverted = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ in INVERTING_AUXILIARIES]
    inverted += [verb] if verb.lower_ in INVERTING_AUXILIARIES else []  # "were" as the clause's verb
    return bool(subjects and inverted) and inverted[0].i < subjects[0].i and not children(verb, {"mark"})


def states_a_tendency(trig: Trigger) -> bool:
    """"The more the US pushes, the more North Koreans are going to push back": the trigger is the main
    clause of a comparative correlative (its first half hangs on it, ``_correlative_condition``) with no
    first person among its doers: a covariation, told by whoever observes it, that no party threatens
    or does (a first person, "the harder we will hit back", is the speaker's own warning and stays)."""
    clause = predicate(trig.token)
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:  # "are going to [push back]"
        clause = clause.head
    if not any(c.dep_ == "advcl" and _correlative_condition(c) for c in clause.children):
        return False
    subjects, _ = subject_of(clause)
    return not any(s.lower_ in FIRST_PERSONS for s in subjects)


def _correlative_condition(clause: Token) -> bool:
    """The first half of a comparative correlative: a clause that opens with "the" and a comparative
    ("the more ...", "the longer ..."), hung on a main clause that opens so as well (English marks the
    construction by the two fronted comparatives, and its first half states the condition)."""
    return _opens_with_comparative(clause) and _opens_with_comparative(clause.head, after=clause)


def _opens_with_comparative(verb: Token, after: Token | None = None) -> bool:
    """The words of the verb's clause (less the clause ``after``, set before it) open with "the" and a
    comparative word."""
    skip = {t.i for t in after.subtree} if after is not None else set()
    words = [t for t in verb.subtree if t.i not in skip and not t.is_punct and t.tag_ not in ("``", "''")]
    return len(words) > 1 and words[0].lower_ == "the" and words[1].tag_ in ("JJR", "RBR")


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
