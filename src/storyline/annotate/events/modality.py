"""Auxiliary modes (negation, hypothetical, future; historical is decided from the date) and the
PLOVER rules that turn some type + aux combinations into another type:

* negated cooperation is a rejection ("would not negotiate" REJECT, "failed to reach agreement");
* future/offered cooperation is AGREE, a future retreat is CONCEDE, future coercion is THREATEN
  (the manual: return the single category, not category + auxiliary mode);
* "did not rule out X" is not a rejection: X becomes hypothetical;
* an act wanted or demanded of someone, or named as a possibility, is hypothetical, not done
  ("wants Tehran to cut ties", "the chances of reaching an agreement"; ``unreal_head``).
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from . import lexicon
from .ontology import COOPERATIVE, MATERIAL_CONFLICT
from .triggers import CONTENT_PREPS, Trigger

PREDICATE_POS = {"VERB", "AUX", "ADJ"}
NEGATION_WORDS = {"not", "n't", "never", "no", "neither", "nor"}
CAPABILITY_MODALS = {"could", "can", "ca"}
POSSIBILITY_MODALS = {"could", "may", "might"}
# Heads whose complement tells an act that is not (yet) done (grammars of English: the complements
# of verbs of volition and of demand, the "mandative" verbs, and of nouns and adjectives of
# possibility are irrealis). PLOVER codes what took place or is threatened, demanded, denied or
# planned: a wanted or demanded act is at most the demand, never the act done.
# Demand verbs direct an act at someone whatever the complement's form ("called on X to cease",
# "required Tehran to cut ties", "insisted that talks continue").
DEMAND_VERBS = frozenset({"demand", "require", "urge", "insist", "ask", "request", "call", "press", "push",
                          "order", "instruct", "recommend", "propose", "suggest"})
# Volition verbs: with a complement of another subject ("wants Iran to stop", "hopes Iran will
# agree") the act is wished of someone; with none ("wants to meet") the subject's own intention,
# which ``lexicon.TRANSPARENT`` reads as future (PLOVER: intent is AGREE / THREATEN). "Doubt" makes
# its complement unreal whatever its subject.
VOLITION_VERBS = frozenset({"want", "wish", "hope", "desire", "prefer", "doubt"})
# Nouns and adjectives of possibility ("the chances of reaching an agreement", "the prospect of
# talks", "hopes of a deal", "unlikely to attack") and nouns of an aim ("in a bid to end the war",
# "efforts to reach a deal": the aim of another act, not achieved by it; a finite "attempted to
# assassinate" asserts the doing, which PLOVER's gold codes as the act).
POSSIBILITY_NOUNS = frozenset({"chance", "chances", "prospect", "prospects", "possibility", "possibilities",
                               "likelihood", "odds", "probability", "hope", "hopes", "bid", "effort", "efforts",
                               "attempt", "attempts"})
POSSIBILITY_ADJECTIVES = frozenset({"possible", "likely", "unlikely", "probable", "improbable", "doubtful"})
# Links through which a word is part of the complement of the head above it; a coordinated word
# shares its first conjunct's link ("to cease testing, comply and [allow] ...").
# Nouns and adjectives of ability: their complement is what someone is able to do, not a deed ("the
# power to destroy", "a missile capable of striking"). The past "was able to" on one occasion
# entails the act (its actuality reading, as "managed to"): kept as the act (``_told_as_achieved``).
ABILITY_NOUNS = frozenset({"power", "ability", "abilities", "capability", "capabilities", "capacity", "means"})
ABILITY_ADJECTIVES = frozenset({"able", "capable", "unable", "incapable"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "acl", "conj", "nsubj", "nsubjpass"})


def predicate(token: Token) -> Token:
    """The verb (or predicative adjective) a trigger word belongs to."""
    node = token
    for _ in range(5):
        if node.pos_ in PREDICATE_POS or node.head.i == node.i:
            return node
        node = node.head
    return node


def is_negated(trig: Trigger) -> bool:
    pred = predicate(trig.token)
    words = [c for c in (*trig.token.children, *pred.children) if c.dep_ in {"neg", "det", "advmod"}]
    if any(w.lower_ in NEGATION_WORDS for w in words):
        return True
    if pred.dep_ == "xcomp" and pred.head.lemma_.lower() in lexicon.NEGATING:
        return True
    return any(map(_negated_frame, _framing_chain(pred)[1:]))


def _negated_frame(verb: Token) -> bool:
    """"did not attempt to shoot down the missile", "did not want to talk": a verb that only frames
    its complement (``lexicon.TRANSPARENT``) passes its negation on, so the act did not take place."""
    return verb.lemma_.lower() in lexicon.TRANSPARENT and any(
        c.dep_ == "neg" and c.lower_ in NEGATION_WORDS for c in verb.children)


def modals(trig: Trigger) -> set[str]:
    """Modal auxiliaries on the trigger's predicate, or on the verb that frames it."""
    found = set()
    for node in _framing_chain(predicate(trig.token)):
        found |= {c.lower_ for c in node.children if c.dep_ == "aux" and c.tag_ == "MD"}
        found |= {"going"} if any(c.lower_ == "going" for c in node.head.children if node.dep_ == "xcomp") else set()
    return found


def _framing_chain(pred: Token) -> list[Token]:
    chain = [pred]
    node = pred
    while node.dep_ == "xcomp" and node.head.i != node.i and len(chain) < 4:
        node = node.head
        chain.append(node)
    return chain


def is_conditional(trig: Trigger) -> bool:
    """Inside an "if/unless" clause, or "in case/in the event (that)"."""
    return in_adverbial_clause(trig.token, _marked_condition) or \
        _climb_until(trig.token, lambda n: n.dep_ in {"pcomp", "pobj"} and n.head.lower_ in {"case", "event"})


def _marked_condition(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in lexicon.CONDITIONAL_MARKS for c in clause.children)


def in_adverbial_clause(token: Token, test: Callable[[Token], bool]) -> bool:
    """Is the word inside an adverbial clause that passes ``test`` (``_climb_until``)?"""
    return _climb_until(token, lambda n: n.dep_ == "advcl" and test(n))


def _climb_until(token: Token, found: Callable[[Token], bool]) -> bool:
    """Does a word on the way from ``token`` up to its root pass ``found``? The climb stops at a clause
    that describes a noun ("if the sanctions [that were imposed in May] are lifted"): a relative
    clause is presupposed, true whatever the clause around it says, so it is no part of a condition."""
    node = token
    while node.head.i != node.i:
        if found(node):
            return True
        if node.dep_ in {"relcl", "acl"} and node.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return False
        node = node.head
    return False


def transparent_aux(trig: Trigger) -> str | None:
    """Aux mode from a framing verb ("considering sending" hypothetical, "plans to" future)."""
    for node in _framing_chain(predicate(trig.token))[1:]:
        aux = lexicon.TRANSPARENT.get(node.lemma_.lower())
        if aux:
            return aux
    if trig.token.dep_ in {"pcomp", "xcomp"}:
        aux = lexicon.TRANSPARENT.get(trig.token.head.lemma_.lower())
        if aux:
            return aux
    return None


def aux_modes(trig: Trigger) -> set[str]:
    aux = set(trig.aux)
    if is_negated(trig):
        aux.add("negation")
    if is_conditional(trig):
        aux.add("hypothetical")
    if unreal_head(trig) is not None:  # a modal inside a wished act times the wish: no future of its own
        return aux | {"hypothetical"}
    framed = transparent_aux(trig)
    if framed:
        aux.add(framed)
    # "X said Y would face fire": the modal of a reported demand or warning (``Trigger.obligation``) times
    # what is demanded or warned of; the statement itself is made
    if modals(trig) & (lexicon.FUTURE_MODALS | {"going"}) and not trig.obligation:
        aux.add("future")
    return aux


def unreal_head(trig: Trigger) -> Token | None:
    """The volition, demand or possibility word whose complement the trigger is part of ("wants any
    deal to ... require Tehran to [cut] ties", "skeptical about the chances of [reaching] an
    agreement", "called on X to cease, comply and [allow] ..."), None for an act told as done. The
    walk climbs complement links only (a coordinated clause, "called for X but warned", or an
    adverbial one is an act of its own) and stops at a reporting verb (what is said is reported) and
    at a noun that is no such head (``_names_a_thing``). A REQUEST made of "X insists Y must ..."
    (``Trigger.obligation``) is the demand itself, which took place."""
    if trig.obligation:
        return None
    node = trig.token
    while node.head.i != node.i:
        head = node.head
        if not _complement_link(node, trig):
            return None
        if node.dep_ not in {"conj", "nsubj", "nsubjpass"} and _irrealis_head(head, node):
            return head
        if head.lemma_.lower() in lexicon.REPORTING or _names_a_thing(head):
            return None
        node = _misplaced_conjunct(node) or head
    return None


def _complement_link(node: Token, trig: Trigger) -> bool:
    """Is ``node`` part of what its head is about? A subject only links a noun trigger to its verb
    ("insisted that [negotiations] continue"); a verb's preposition only when it tells the content
    (``triggers.CONTENT_PREPS``), not an adjunct ("evacuated ... as war loomed")."""
    if node.dep_ in {"nsubj", "nsubjpass"}:
        return not trig.verbal and node.i == trig.token.i
    if node.dep_ == "prep" and node.head.pos_ in {"VERB", "AUX"}:
        return node.lower_ in CONTENT_PREPS
    return node.dep_ in COMPLEMENT_DEPS


def _names_a_thing(word: Token) -> bool:
    """A noun between the trigger and the head: the event is then told of a thing the complement
    names, and presupposed ("called for an end to [the attacks]": the end is demanded, the attacks
    took place)."""
    return word.pos_ in {"NOUN", "PROPN"}


def _misplaced_conjunct(verb: Token) -> Token | None:
    """"called on X to cease testing, [comply] ... and allow ...": coordination joins like forms, so a
    bare verb with no subject or auxiliary of its own that the parser hung on a finite verb is a
    conjunct of that verb's infinitive before it, whose link it shares."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VB" or head.tag_ == "VB" or head.pos_ not in {"VERB", "AUX"}:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children):
        return None
    return next((c for c in head.children if c.dep_ in {"xcomp", "ccomp"} and c.tag_ == "VB" and c.i < verb.i), None)


def _irrealis_head(head: Token, child: Token) -> bool:
    """Does ``child`` fill the complement of a head that makes it irrealis (see DEMAND_VERBS)?"""
    lemma = head.lemma_.lower()
    if head.pos_ == "NOUN" or head.tag_.startswith("NN"):
        return head.lower_ in POSSIBILITY_NOUNS and (child.dep_ in {"acl", "ccomp"} or
                                                     (child.dep_ == "prep" and child.lower_ in {"of", "for", "at"}))
    if head.pos_ == "ADJ":
        return lemma in POSSIBILITY_ADJECTIVES and child.dep_ in {"xcomp", "ccomp"}
    if head.pos_ not in {"VERB", "AUX"}:
        return False
    clause = child.dep_ in {"xcomp", "ccomp"} or (child.dep_ == "prep" and child.lower_ == "for")
    if not clause:
        return False
    if lemma in VOLITION_VERBS:
        return lemma == "doubt" or _wished_of_another(head, child)
    if lemma not in DEMAND_VERBS or (lemma == "call" and not _calls_on_or_for(head)):
        return False
    return lemma not in lexicon.REPORTING or _mandative(child)


def _wished_of_another(verb: Token, clause: Token) -> bool:
    """"wants Iran to stop", "wants any deal to include", "hopes the talks will succeed": the
    complement has a subject of its own, or the verb an object that is its subject. A personal
    pronoun ("hopes he will meet") may be the wisher again: left to the intention reading."""
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    subjects += [c for c in verb.children if c.dep_ == "dobj" and clause.dep_ == "xcomp"]
    return any(s.pos_ != "PRON" for s in subjects)


def _calls_on_or_for(verb: Token) -> bool:
    """"called on X to ...", "called for talks": the demand senses of "call"."""
    return any(c.dep_ in {"prt", "prep"} and c.lower_ in {"on", "upon", "for"} for c in verb.children)


def _mandative(clause: Token) -> bool:
    """"insisted that negotiations continue", "suggested Iran should stop": the bare (subjunctive)
    form with its own subject, or "should", marks a demand; "insisted that Iran continues" reports.
    The tagger tells the bare form from the present plural only by context: after a verb in the past,
    the sequence of tenses would put a reported present in the past ("insisted that talks
    continued"), so a present plural form there is the subjunctive."""
    if any(c.dep_ == "aux" and c.lower_ in lexicon.OBLIGATION_MODALS for c in clause.children):
        return True
    has_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
    bare = clause.tag_ == "VB" or (clause.tag_ == "VBP" and clause.head.tag_ == "VBD")
    return bare and has_subject and not any(c.dep_ in {"aux", "auxpass"} for c in clause.children)


def ability_word(verb: Token) -> Token | None:
    """The noun or adjective of ability whose complement ``verb`` is: "power [to destroy]" (acl),
    "able [to threaten]" (xcomp), "capable of [striking]" (pcomp of "of"), else None."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "of":
        head = head.head
    elif verb.dep_ not in ("acl", "xcomp"):
        return None
    if head.lower_ in ABILITY_NOUNS and head.pos_ == "NOUN":
        return head
    if head.lemma_.lower() in ABILITY_ADJECTIVES and head.pos_ == "ADJ" and not _told_as_achieved(head):
        return head
    return None


def _told_as_achieved(adjective: Token) -> bool:
    """"Chile was able to shell the positions": the past finite copula of "able" on an occasion
    asserts the act done (implicative), unlike "is able to", "being able to", "capable of"."""
    copula = adjective.head
    return adjective.lower_ == "able" and adjective.dep_ == "acomp" and copula.tag_ == "VBD"


def is_declared_capability(trig: Trigger) -> bool:
    """"The president said the country possesses the power to destroy its neighbour": a party's power
    to use force, declared in a statement, is a forceful warning (PLOVER's THREATEN: "coercive or
    forceful warnings with serious potential repercussions"); a capability told of a thing ("a
    missile capable of striking") or with no holder ("being able to threaten") warns no one."""
    if trig.type not in MATERIAL_CONFLICT | {"THREATEN"}:
        return False
    word = ability_word(predicate(trig.token))
    if word is None:
        return False
    clause = word.head  # "possesses [the power]", "is [able]"
    holders = [c for c in clause.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")]
    return bool(holders) and clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lexicon.REPORTING


def apply_plover_rules(trig: Trigger) -> Trigger:
    """Resolve wrappers and type + aux combinations into one PLOVER category (see module doc)."""
    if is_declared_capability(trig):
        trig.type, trig.mode = "THREATEN", _threat_mode(trig)
    if trig.type == "REJECT" and trig.via_particle == "out" and "negation" in trig.aux and trig.content:
        content = trig.content
        content.aux |= {"hypothetical"} | (trig.aux - {"negation"})
        return apply_plover_rules(content)
    if trig.intent and trig.content is not None:
        trig.type, trig.mode = _intent_sense(trig.content)
    elif trig.content is not None and trig.type in {"REQUEST", "REJECT"}:
        trig.mode = trig.mode or _request_mode(trig.content)
    elif trig.content is not None and trig.type == "THREATEN":
        trig.mode = trig.mode or _threat_mode(trig.content)
    if "negation" in trig.aux and trig.type in COOPERATIVE and trig.type != "RETREAT":
        trig.mode = _request_mode(trig)
        trig.type = "REJECT"
        trig.aux -= {"negation", "future", "hypothetical"}
    if "future" in trig.aux and not (modals(trig) <= CAPABILITY_MODALS and modals(trig)):
        _future_rules(trig)
    if "future" in trig.aux and is_possibility(trig):
        trig.aux = (trig.aux - {"future"}) | {"hypothetical"}
    return trig


def is_possibility(trig: Trigger) -> bool:
    """"Kim could send special forces", "prosecutors may seek the maximum penalty": the modals of
    possibility, with no modal of prediction or intention beside them, say the event might take
    place, not that it will (epistemic "may/might/could", as in grammars of English): PLOVER's
    hypothetical auxiliary mode, not its future. Read after the type rules, which stay as they
    are ("may attack" is still a threat); "would", "will", "going to" keep the future."""
    found = modals(trig)
    return bool(found) and found <= POSSIBILITY_MODALS and "going" not in found and not transparent_aux(trig)


def _future_rules(trig: Trigger) -> None:
    if trig.type in {"CONSULT", "SUPPORT", "COOPERATE", "AID"}:
        trig.type, trig.mode = "AGREE", None
    elif trig.type == "RETREAT":
        trig.type, trig.mode = "CONCEDE", None
    elif trig.type in MATERIAL_CONFLICT - {"MOBILIZE"}:
        trig.type, trig.mode = "THREATEN", _threat_mode(trig)
    else:
        return
    trig.aux -= {"future", "hypothetical"}


def _intent_sense(content: Trigger) -> tuple[str, str | None]:
    """"ready to contribute troops" AGREE; "prepared to impose martial law" THREATEN."""
    if content.type in MATERIAL_CONFLICT or content.type == "THREATEN":
        return "THREATEN", _threat_mode(content)
    return "AGREE", None


def _request_mode(content: Trigger) -> str | None:
    """REQUEST/REJECT modes from what is asked or refused. An agreement asked or refused is 'meet'
    (the manual's "meetings and negotiations") only when a meeting is what is agreed to ("agree to
    talks"); agreeing to sanctions or accepting a state of things is none of them."""
    if content.type == "AGREE":
        return "meet" if _names_a_meeting(content.token) else None
    return {"CONSULT": "meet", "AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist",
            "RETREAT": "yield", "CONCEDE": "yield"}.get(content.type, "change" if content.type else None)


def _names_a_meeting(word: Token) -> bool:
    return any(t.lemma_.lower() in MEETING_WORDS for t in word.subtree)


# Nouns of meeting and negotiating (the manual's REQUEST / REJECT 'meet').
MEETING_WORDS = frozenset({"talk", "talks", "negotiation", "negotiations", "dialogue", "meeting", "summit",
                           "meet", "negotiate", "table"})
# Verbs of taking control of a place: a threat to do so is the manual's THREATEN 'territory' ("threaten
# to occupy, seize control of the whole or part of a territory"), not violence.
SEIZING_VERBS = frozenset({"occupy", "overrun", "capture", "seize", "invade", "annex", "conquer"})


def _threat_mode(content: Trigger) -> str | None:
    if content.type in {"ASSAULT", "MOBILIZE"}:
        seizes = content.mode == "seize" or content.token.lemma_.lower() in SEIZING_VERBS
        return "territory" if seizes else "violence"
    if content.type == "COERCE":
        return "arrest" if content.mode == "arrest" else "expel" if content.mode == "deport" else "restrict"
    if content.type == "SANCTION":
        return "expel" if content.mode == "expel" else "relations"
    if content.type == "PROTEST":
        return "restrict"
    return content.mode if content.type == "THREATEN" else None
