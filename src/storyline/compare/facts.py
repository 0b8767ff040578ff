"""Comparable facts in one statement: numbers, dates, actors and places, each keyed by what it
is attached to in the dependency parse, so two outlets' statements are compared like with like
("killed six guards" vs "eight guards were killed": both key (guard, kill)). Words of one
counted event share a key (dead / died / deaths / killed; wounded / hurt / injured), and a list
of figures for one thing in one statement (a box score, a payload table) is not compared.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from storyline.annotate import actors
from storyline.compare.numbers import LOWER, UPPER, ABOUT, is_ordinal, parse_number, value_range
from storyline.model import Mention, Timex

# nouns that only say "people": a count of them may be compared with a count of any noun
GENERIC_NOUNS = frozenset("people person man woman child civilian victim other one individual".split())
# words of one counted event: a count of the dead is a count of the killed
EVENT_VERBS = {"die": "kill", "dead": "kill", "wound": "injure", "hurt": "injure", "injured": "injure", "wounded": "injure"}
EVENT_NOUNS = {"death": "kill", "dead": "kill", "fatality": "kill", "body": "kill", "life": "kill",
               "injury": "injure", "wounded": "injure", "injured": "injure"}
LIST_VALUES = 3  # distinct values for one key in one statement make it a list
DURATION_UNITS = frozenset("second minute hour day week month year decade century".split())
NAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
# who said it is attribution, not the fact: loosely aligned statements often quote different people
REPORTING_VERBS = frozenset("say tell add write state report note describe recall claim insist".split())
_MODIFIERS = sorted(LOWER | UPPER | ABOUT, key=len, reverse=True)
_NOUN_HEAD_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "appos"})


@dataclass(frozen=True, slots=True)
class Fact:
    """``key`` says what the value is about; ``low``/``high`` bound numbers (else 0)."""

    field: str
    key: tuple
    value: str
    text: str
    low: float = 0.0
    high: float = 0.0


@dataclass(frozen=True, slots=True)
class Named:
    """A named entity occurrence (article offsets) with the identity to compare."""

    start: int
    end: int
    type: str
    identity: str
    name: str
    country: str | None = None


def named_from_mentions(mentions: list[Mention]) -> list[Named]:
    return [Named(m.span.start, m.span.end, m.type, m.entity_id or m.name.casefold(), m.name, m.country)
            for m in mentions]


def named_from_doc(sent: SpacySpan, base: int) -> list[Named]:
    """Fallback when the pipeline's mentions are not given: the parse's own entities."""
    return [Named(base + e.start_char, base + e.end_char, e.label_, e.text.casefold(), e.text)
            for e in sent.ents if e.label_ in NAMED_TYPES | PLACE_TYPES]


def extract(sent: SpacySpan, base: int, named: list[Named], timexes: list[Timex]) -> list[Fact]:
    """Every comparable fact of one parsed statement; ``base`` maps parse offsets to the article."""
    return [*number_facts(sent), *date_facts(sent, base, timexes), *actor_facts(sent, base, named),
            *place_facts(sent, base, named)]


# ----------------------------------------------------------------------------- numbers

def number_facts(sent: SpacySpan) -> list[Fact]:
    """Numbers with what they count; a list (one key, LIST_VALUES or more values: a box score, a
    payload table) is left out, since another outlet's figure cannot be matched to one item of it."""
    facts = _all_number_facts(sent)
    item = lambda f: f.key[:2] if f.key[1] else f.key  # noqa: E731  (list parses attach items to odd verbs)
    values: dict[tuple, set[str]] = {}
    for f in facts:
        values.setdefault(item(f), set()).add(f.value)
    return [f for f in facts if len(values[item(f)]) < LIST_VALUES]


def _all_number_facts(sent: SpacySpan) -> list[Fact]:
    facts = []
    for run in _number_runs(sent):
        text = sent.doc[run[0].i:run[-1].i + 1].text
        value = parse_number(text.replace("$", "").replace("€", "").replace("£", ""))
        if value is None or _is_date_number(run, value):
            continue
        noun, verb = same_event(*anchor(run[-1]))
        if run[-1].ent_type_ in ("DATE", "TIME") and noun not in DURATION_UNITS:
            continue
        if run[0].lower_ == "one" and len(run) == 1 and run[0].dep_ != "nummod":
            continue  # "one of them", "the one who": a pronoun more often than a count
        low, high = value_range(value, _modifier(sent, run[0]))
        kind = _number_kind(run)
        facts.append(Fact("number", (kind, noun, verb), f"{value:g}", text, low, high))
    return facts


def _number_runs(sent: SpacySpan) -> list[list[Token]]:
    runs, current = [], []
    for tok in sent:
        if tok.like_num or (current and (tok.lower_ in ("hundred", "thousand", "million", "billion", "trillion")
                                         or (tok.text == "-" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].like_num))):
            current.append(tok)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [r for r in runs if r[-1].text != "-"]


def _is_date_number(run: list[Token], value: float) -> bool:
    """Years and days of month belong to dates, compared as dates."""
    if len(run) == 1 and run[0].ent_type_ == "DATE" and run[0].text.isdigit():
        return 1800 <= value <= 2100 or value <= 31
    return False


def _modifier(sent: SpacySpan, first: Token) -> str:
    before = sent.doc[max(sent.start, first.i - 3):first.i].text.lower()
    before = before.replace("$", "").strip()
    return next((m for m in _MODIFIERS if before.endswith(m)), "")


def _number_kind(run: list[Token]) -> str:
    text = " ".join(t.text for t in run)
    if is_ordinal(text):
        return "ordinal"
    last = run[-1]
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    if last.ent_type_ == "PERCENT" or (nxt is not None and nxt.lower_ in ("%", "percent", "per")):
        return "percent"
    if last.ent_type_ == "MONEY" or any(t.i > 0 and t.nbor(-1).text in "$€£" for t in run[:1]):
        return "money"
    return "count"


def anchor(token: Token) -> tuple[str | None, str | None]:
    """(noun the token quantifies, verb that governs it), as lemmas; either may be None."""
    if token.dep_ in _NOUN_HEAD_DEPS and token.head.pos_ in ("NOUN", "PROPN") and token.head is not token:
        return token.head.lemma_.lower(), governing_verb(token.head)
    return None, governing_verb(token)


def same_event(noun: str | None, verb: str | None) -> tuple[str | None, str | None]:
    """One name per counted event: "six dead", "six deaths", "six people died" and "killed six"
    all count (None, kill); "wounded", "hurt" and "injuries" count (.., injure)."""
    if noun in EVENT_NOUNS:
        return None, EVENT_NOUNS[noun]
    return noun, EVENT_VERBS.get(verb, verb)


def governing_verb(token: Token, steps: int = 5) -> str | None:
    for _ in range(steps):
        if token.pos_ == "VERB":
            return token.lemma_.lower()
        if token.head is token:
            return None
        token = token.head
    return None


def comparable_numbers(a: Fact, b: Fact) -> bool:
    """Same kind, and the same thing counted: same noun, or same verb with a generic/absent noun."""
    (kind_a, noun_a, verb_a), (kind_b, noun_b, verb_b) = a.key, b.key
    if kind_a != kind_b:
        return False
    if noun_a and noun_a == noun_b:  # "eight hours in the air" vs "four hours into the flight": verbs differ
        return verb_a == verb_b or None in (verb_a, verb_b)
    generic = lambda n: n is None or n in GENERIC_NOUNS  # noqa: E731
    return verb_a is not None and verb_a == verb_b and generic(noun_a) and generic(noun_b)


# ----------------------------------------------------------------------------- dates

def date_facts(sent: SpacySpan, base: int, timexes: list[Timex]) -> list[Fact]:
    facts = []
    for t in timexes:
        if t.type != "DATE" or not t.value[:1].isdigit() or not _inside(t.span.start, t.span.end, sent, base):
            continue
        span = sent.doc.char_span(t.span.start - base, t.span.end - base, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        noun = root.head.lemma_.lower() if root.dep_ in _NOUN_HEAD_DEPS | {"poss"} and root.head.pos_ == "NOUN" else None
        facts.append(Fact("date", (noun, governing_verb(root.head if noun else root)), t.value, t.span.text))
    return facts


def dates_compatible(a: str, b: str) -> bool:
    """Different precision is no conflict: "2026-02" agrees with "2026-02-11"."""
    return a.startswith(b) or b.startswith(a)


# ----------------------------------------------------------------------------- actors, places

def actor_facts(sent: SpacySpan, base: int, named: list[Named]) -> list[Fact]:
    facts = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() in REPORTING_VERBS:
            continue
        for subj in _subjects(tok):
            ent = _named_at(subj, base, named, NAMED_TYPES)
            if ent:
                facts.append(Fact("actor", (tok.lemma_.lower(), ent.type), ent.identity, ent.name))
    return facts


def _subjects(verb: Token) -> list[Token]:
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return subj + agents


def place_facts(sent: SpacySpan, base: int, named: list[Named]) -> list[Fact]:
    facts = []
    for tok in sent:
        if tok.pos_ != "VERB":
            continue
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                ent = _named_at(obj, base, named, PLACE_TYPES)
                country = ent and (ent.country or actors.country_of_place(ent.name))
                if country:
                    facts.append(Fact("place", (tok.lemma_.lower(),), country, ent.name))
    return facts


def _named_at(token: Token, base: int, named: list[Named], types: frozenset[str]) -> Named | None:
    pos = base + token.idx
    return next((n for n in named if n.start <= pos < n.end and n.type in types), None)


def _inside(start: int, end: int, sent: SpacySpan, base: int) -> bool:
    return base + sent.start_char <= start and end <= base + sent.end_char


def actors_compatible(a: Fact, b: Fact) -> bool:
    """One entity named differently ("Trump" / "Donald Trump") is the same actor."""
    if a.value == b.value:
        return True
    wa, wb = set(a.text.casefold().split()), set(b.text.casefold().split())
    return bool(wa & wb)
