"""Auxiliary modes (negation, hypothetical, future; historical is decided from the date) and the
PLOVER rules that turn some type + aux combinations into another type:

* negated cooperation is a rejection ("would not negotiate" REJECT, "failed to reach agreement");
* future/offered cooperation is AGREE, a future retreat is CONCEDE, future coercion is THREATEN
  (the manual: return the single category, not category + auxiliary mode);
* "did not rule out X" is not a rejection: X becomes hypothetical.
"""
from __future__ import annotations

from spacy.tokens import Token

from . import lexicon
from .ontology import COOPERATIVE, MATERIAL_CONFLICT
from .triggers import Trigger

PREDICATE_POS = {"VERB", "AUX", "ADJ"}
NEGATION_WORDS = {"not", "n't", "never", "no", "neither", "nor"}
CAPABILITY_MODALS = {"could", "can", "ca"}
POSSIBILITY_MODALS = {"could", "may", "might"}


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
    return pred.dep_ == "xcomp" and pred.head.lemma_.lower() in lexicon.NEGATING


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
    node = trig.token
    while node.head.i != node.i:
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lexicon.CONDITIONAL_MARKS
                                        for c in node.children):
            return True
        if node.dep_ in {"pcomp", "pobj"} and node.head.lower_ in {"case", "event"}:
            return True
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
    framed = transparent_aux(trig)
    if framed:
        aux.add(framed)
    if modals(trig) & (lexicon.FUTURE_MODALS | {"going"}):
        aux.add("future")
    return aux


def apply_plover_rules(trig: Trigger) -> Trigger:
    """Resolve wrappers and type + aux combinations into one PLOVER category (see module doc)."""
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
    """REQUEST/REJECT modes from what is asked or refused."""
    return {"CONSULT": "meet", "AGREE": "meet", "AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist",
            "RETREAT": "yield", "CONCEDE": "yield"}.get(content.type, "change" if content.type else None)


def _threat_mode(content: Trigger) -> str | None:
    if content.type in {"ASSAULT", "MOBILIZE"}:
        return "territory" if content.mode == "seize" else "violence"
    if content.type == "COERCE":
        return "arrest" if content.mode == "arrest" else "expel" if content.mode == "deport" else "restrict"
    if content.type == "SANCTION":
        return "expel" if content.mode == "expel" else "relations"
    if content.type == "PROTEST":
        return "restrict"
    return content.mode if content.type == "THREATEN" else None
