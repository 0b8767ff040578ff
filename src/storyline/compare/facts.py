"""Comparable facts in one statement: numbers, dates, actors and places, each keyed by what it
is attached to in the dependency parse, so two outlets' statements are compared like with like
("killed six guards" vs "eight guards were killed": both key (guard, kill)). Words of one
counted event share a key (dead / died / deaths / killed / "left N dead"; wounded / hurt /
injured), and a list of figures for one thing in one statement (a box score, a payload table) is
not compared.

Only figures that count or measure are facts: a range ("eight to ten minutes") is one fact, while
scores ("8-7"), labels ("Flight 175", "a 737 aircraft"), parts ("four of whom") and ordinals in
compounds ("first-class") are none, and an age belongs to the person it describes. A rate ("$82 a
share") is not an amount, a measure in a compound measures its noun ("a 10-yard run"), a death toll
counts the killed, and bodies brought to a hospital are a part of the toll, not a report of it. Only dates
that name a day, month or year of the event are facts (not "last week", "since 1908" or the
day something was said), nor are dates of one action done to different objects compared; an actor
is the named doer of an action on one definite thing ("opened the bridge", not "hit a home run"). These
rules come from the false alarms on the fit half of the labelled pairs (docs/benchmarks.md, claims).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from storyline.annotate import actors
from storyline.annotate.syntax import nearest_ancestor
from storyline.compare.numbers import (ABOUT, LOWER, MULTIPLIERS, SCALE_WORDS, UPPER, is_ordinal, is_scaled_figure,
                                       parse_number, value_range)
from storyline.model import Mention, Span, Timex

# nouns that only say "people": a count of them may be compared with a count of any noun
GENERIC_NOUNS = frozenset("people person man woman child civilian victim other one individual".split())
# words of one counted event: a count of the dead is a count of the killed
EVENT_VERBS = {"die": "kill", "dead": "kill", "wound": "injure", "hurt": "injure", "injured": "injure", "wounded": "injure"}
EVENT_NOUNS = {"death": "kill", "dead": "kill", "fatality": "kill", "body": "kill", "life": "kill",
               "injury": "injure", "wounded": "injure", "injured": "injure"}
# "four bodies were brought in", "the bodies of six were recovered": what one hospital or one
# search has counted so far, a part of the toll and no report of it
PARTIAL_COUNT_VERBS = frozenset("bring take carry admit receive transport recover identify pull find".split())
LIST_VALUES = 3  # distinct values for one key in one statement make it a list
DURATION_UNITS = frozenset("second minute hour day week month year decade century".split())
# units of measure: "2,100 miles" says nothing of what is measured, so only the verb can tell
# two measures apart ("flew 2,300 miles" / "is 2,100 miles from"); see comparable_numbers
MEASURE_UNITS = DURATION_UNITS | frozenset(
    "mile kilometer kilometre km meter metre foot feet inch yard pound lb ton tonne kilogram kg gram mph "
    "degree acre hectare litre liter gallon barrel".split())
# parts of a game that a count can be of ("in the first inning", "in Game 6"): _part_of_play
PLAY_PARTS = frozenset("inning quarter half period round set lap game leg stage frame heat match".split())
# "20 others were slightly hurt", "five critically injured": a degree of harm names those harmed to that
# degree, a part of all harmed (_degree)
DEGREE_WORDS = frozenset("slightly lightly mildly moderately seriously critically severely badly gravely".split())
# "21 of the 276 girls", "three of them": the figure before "of" counts a part of a group named after it
# (_partitive_group); words that make that group a definite one
PARTITIVE_PRONOUNS = frozenset({"them", "us", "these", "those"})
# "five outs away", "two seats short of", "a vote shy of": what is left to a goal (_remaining)
REMAINING_WORDS = frozenset({"away", "short", "shy"})
# verbs whose object predicate names the event: "left 32 villagers dead" counts the dead
RESULT_VERBS = frozenset({"leave"})
# "eight to ten", "two or three", "between eight and 10": one range, not two figures
RANGE_WORDS = frozenset({"to", "or", "-", "–"})
NAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# words that only say a figure is a share or an amount of money: units, not what is counted
PERCENT_UNITS = frozenset({"%", "percent", "cent", "pct"})
# verbs of which a figure "to" is a new value given for one given before ("raised its estimate to
# 145 million", "the toll rose to 32"), and adverbs that say a figure holds from now on: _revised
REVISION_VERBS = frozenset("raise revise update increase lower reduce rise climb grow jump mount swell".split())
REVISION_ADVERBS = frozenset({"now"})
# "2.5 million more than first disclosed", "40 fewer", "an additional 300": a comparative or an
# adjective of addition makes the figure a difference from another figure, not a total (_increment);
# "another" is no sign: "killing seven and injuring another 40" gives the whole count of the injured
INCREMENT_AFTER = frozenset({"more", "fewer", "less", "additional", "extra"})
INCREMENT_BEFORE = frozenset({"additional", "extra"})
# "two-thirds of voters", "three quarters of the vote": a share, said in rounder words than a percentage
FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "tenth": 10}
SCALE_SUFFIXES = frozenset({"m", "bn", "k"})
CURRENCY_SIGNS = frozenset("$€£¥")
FRACTION_TOLERANCE = 0.05  # "two-thirds" covers 63%..70%
CURRENCIES = {"$": "dollar", "dollar": "dollar", "usd": "dollar", "€": "euro", "euro": "euro", "eur": "euro",
              "£": "pound", "pound": "pound", "sterling": "pound", "gbp": "pound", "¥": "yen", "yen": "yen"}
DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})
# "$82 a share", "30,000 pounds each", "15 per cent per year": a rate, not an amount
RATE_WORDS = frozenset({"a", "an", "per", "each", "every"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
LIGHT_VERBS = frozenset("be have do get".split())  # "X had a strong relationship": no action to dispute
# who said it is attribution, not the fact: loosely aligned statements often quote different people
REPORTING_VERBS = frozenset("say tell add write state report note describe recall claim insist".split())
# stances, meetings and sights many can share on one thing: "Japan condemned the launch" and
# "South Korea condemned the launch", "Merkel met the Pope" and "Macron met the Pope", are all true
SHARED_ACTS = frozenset(
    "condemn denounce criticise criticize slam decry welcome praise hail applaud thank congratulate mourn "
    "meet visit attend join watch see hold host call phone urge warn support back oppose reject accept "
    "sign celebrate honour honor remember mark discuss".split())
# "claimed responsibility for the attack", "took credit for the bombing": the one doer of that act
CLAIM_VERBS, CLAIMED = frozenset({"claim", "take", "accept"}), frozenset({"responsibility", "credit"})
# unnamed forces that act ("police shot the gunman", "soldiers shot the gunman"): one name per force
FORCES = {"police": "police", "policeman": "police", "officer": "police", "cop": "police",
          "army": "army", "soldier": "army", "troop": "army", "military": "army"}
# "since 1908", "until May": a date that bounds a period is not the date of an event
BOUND_PREPS = frozenset({"since", "until", "till", "between", "before", "after", "by", "from", "through"})
# the verb a word belongs to is its nearest verb head within a few steps
_VERB, _VERB_REACH = ("VERB",), 5
_MODIFIERS = sorted(LOWER | UPPER | ABOUT, key=len, reverse=True)
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]*)?$")  # a time of day keeps its date
_CALENDAR_WORDS = frozenset("mon tue wed thu fri sat sun jan feb mar apr may jun jul aug sep oct nov dec".split())
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
    span: Span | None = None  # where the article states it
    asserted: bool = True  # False for what was threatened, planned or may happen ("threatened to fire four")
    moment: str | None = None  # a number's time of day, when its verb names one ("fell 4% at 9:34 a.m.": "09:34")
    part: str | None = None  # the part of a whole a count is of: of a game ("three runs in the first inning":
    # "first inning"), of the harmed ("20 were slightly hurt": "slightly")
    subject: str | None = None  # for a share of nothing named, the subject of its verb ("unemployment rose 4%")
    revised: bool = False  # given as the new value of a figure given before ("raised its estimate to 145 million")


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
    return [*timed(number_facts(sent, base), sent, base, timexes), *date_facts(sent, base, timexes),
            *actor_facts(sent, base, named), *place_facts(sent, base, named)]


def timed(facts: list[Fact], sent: SpacySpan, base: int, timexes: list[Timex]) -> list[Fact]:
    """Numbers with the time of day their verb names ("shares fell 4.3 percent at mid-afternoon",
    "... 1.5 percent at 9:34 a.m."): figures read at two moments of a day are two readings of a
    moving figure, not two outlets contradicting each other (``comparable_numbers``)."""
    moments = {}
    for t in timexes:
        if t.type == "TIME" and "T" in t.value and _inside(t.span.start, t.span.end, sent, base):
            span = sent.doc.char_span(t.span.start - base, t.span.end - base, alignment_mode="expand")
            verb = nearest_ancestor(span.root, _VERB, _VERB_REACH) if span is not None else None
            if verb is not None:
                moments.setdefault(verb.i, t.value.split("T", 1)[1])
    if not moments:
        return facts
    return [replace(f, moment=moments.get(_verb_at(f, sent, base))) for f in facts]


def _verb_at(fact: Fact, sent: SpacySpan, base: int) -> int | None:
    """The index of the verb governing a fact's words."""
    span = sent.doc.char_span(fact.span.start - base, fact.span.end - base, alignment_mode="expand")
    verb = nearest_ancestor(span[-1], _VERB, _VERB_REACH) if span is not None else None
    return verb.i if verb is not None else None


# ----------------------------------------------------------------------------- numbers

def number_facts(sent: SpacySpan, base: int = 0) -> list[Fact]:
    """Numbers with what they count; a list (one key, LIST_VALUES or more values: a box score, a
    payload table) is left out, since another outlet's figure cannot be matched to one item of it."""
    facts = _all_number_facts(sent, base)
    item = lambda f: f.key[:2] if f.key[1] else f.key  # noqa: E731  (list parses attach items to odd verbs)
    values: dict[tuple, set[str]] = {}
    for f in facts:
        values.setdefault(item(f), set()).add(f.value)
    return [f for f in facts if len(values[item(f)]) < LIST_VALUES]


def _all_number_facts(sent: SpacySpan, base: int) -> list[Fact]:
    facts = []
    for parts in _number_phrases(sent):
        first, last = parts[0], parts[-1]
        values = [parse_number(_number_text(sent, p)) for p in parts]
        if None in values:
            continue
        noun, verb = same_event(*anchor(first[-1]))  # "two or three years": the first figure attaches to the noun
        if _is_toll(first[-1]):  # "the death toll rose to 84" counts the killed
            noun, verb = None, "kill"
        group = _partitive_group(last[-1])
        if group is not None:  # "freed 21 of the 276 girls" counts girls freed, as "freed 21 girls" does
            noun = same_event(group.lemma_.lower(), verb)[0] if group.pos_ in ("NOUN", "PROPN") else noun
        whole = _whole_of_part(first[-1])
        if whole is not None:  # "21 of the 276 girls were freed": 276 counts the girls, not the freed ones
            verb = _own_verb(whole)
            if verb is None:
                continue
        if _is_date_part(last, noun) or not _is_quantity(last, values[-1]) or _remaining(last[-1]):
            continue
        kind = _number_kind(last)
        if kind == "ordinal" and noun is not None:
            continue  # "the first stage", "the sixth nuclear test": which one is meant, a name, no count
        person = _aged(last[-1])
        if person:  # "the 29-year-old singer" and "21-year-old Ida Marr" are ages of different people
            kind, noun, verb = "age", person, None
        elif _per(last):
            kind = f"{kind} per {_per(last)}"
        elif _measured(last[-1]):  # "a 10-yard run", "a 36-yard field goal", "a two-run homer"
            noun = f"{noun} {_measured(last[-1])}"
        share = _share(first[-1], noun, values[0]) if len(parts) == 1 else None
        if share is not None:
            kind, values = "percent", [share]
        kind, noun = _unit_free(kind, noun, first)
        if _increment(first, last):  # compared only with other increments of the same thing
            kind = f"{kind} increment"
        if first[0].lower_ == "one" and len(first) == 1 and len(parts) == 1 and first[0].dep_ != "nummod":
            continue  # "one of them", "the one who": a pronoun more often than a count
        low, high = value_range(values[0], _modifier(sent, first[0]))
        if len(parts) > 1:  # a range asserts from its first to its last figure
            low, high = min(low, *values), max(value_range(values[-1])[1], *values)
        if share is not None:
            low, high = min(low, share * (1 - FRACTION_TOLERANCE)), max(high, share * (1 + FRACTION_TOLERANCE))
        words = sent.doc[first[0].i:(first[-1].head.i if share is not None else last[-1].i) + 1]  # "Two-thirds"
        span = Span(base + words.start_char, base + words.end_char, words.text)
        subject = _subject_of(first[-1]) if kind == "percent" and noun is None else None
        facts.append(Fact("number", (kind, noun, verb), f"{values[0]:g}", words.text, low, high, span,
                          asserted=not _unrealised(first[-1]), part=_part_of_play(first[-1]) or _degree(first[-1]),
                          subject=subject,
                          revised=_revised(last[-1])))
    return facts


def _unit_free(kind: str, noun: str | None, first: list[Token]) -> tuple[str, str | None]:
    """(kind, noun) with the unit taken out of the noun: "6.6%", "4.3 percent" and "6.6 per cent"
    are shares of what follows "of" ("45 percent of voters": voter), else of nothing named;
    "$1.2 billion", "1.2bn dollars" and "1,200 million dollars" are amounts in one currency, kept
    in the kind (dollars are never compared with euros)."""
    if kind == "percent" and (noun is None or noun in PERCENT_UNITS or noun in FRACTIONS):
        head = first[-1].head
        unit = head if head.lower_ in PERCENT_UNITS or head.lemma_.lower() in FRACTIONS else first[-1]
        of = [g for c in unit.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return kind, (same_event(of[0].lemma_.lower(), None)[0] if of else None)
    if kind == "count" and noun in CURRENCIES and noun != "pound":  # "1.2 billion euros" the tagger missed
        kind = "money"  # (pounds may weigh)
    if kind == "money":
        before = first[0].nbor(-1).text if first[0].i > 0 else ""
        currency = CURRENCIES.get(noun or "") or CURRENCIES.get(before.lower()) or CURRENCIES.get(before[-1:])
        if currency:
            return f"money {currency}", (None if noun in CURRENCIES else noun)
    return kind, noun


def _share(token: Token, noun: str | None, value: float) -> float | None:
    """The percentage a fraction of something says ("two-thirds of voters": 66.7), or None."""
    parts = FRACTIONS.get(noun or "")
    of_something = any(c.dep_ == "prep" and c.lower_ == "of" for c in token.head.children)
    if parts is None or token.dep_ != "nummod" or not of_something or value >= parts:
        return None
    return value * 100 / parts


def _subject_of(token: Token) -> str | None:
    """The named or common noun subject of the verb governing a figure ("unemployment" in
    "unemployment rose 4.3 percent"); a pronoun says nothing of what the figure is of."""
    verb = nearest_ancestor(token, _VERB, _VERB_REACH)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
    return subj.lemma_.lower() if subj is not None and subj.pos_ in ("NOUN", "PROPN") else None


def _part_of_play(token: Token) -> str | None:
    """The part of a game a figure counts in ("three runs in the first inning", "two touchdowns
    during the fourth quarter", "in Game 6"): such a count is of that part only, and no report of
    the whole game's, or of another part's, contradicts it."""
    noun = token.head if token.dep_ in _NOUN_HEAD_DEPS and token.head.pos_ in ("NOUN", "PROPN") else token
    verb = nearest_ancestor(token, _VERB, _VERB_REACH)
    for prep in [c for h in (noun, verb) if h is not None for c in h.children if c.dep_ == "prep"]:
        if prep.lower_ not in ("in", "during"):
            continue
        for part in (c for c in prep.children if c.dep_ == "pobj"):
            numbered = is_ordinal(part.text) or any(is_ordinal(c.text) or c.like_num for c in part.children)
            if numbered and (part.lemma_.lower() in PLAY_PARTS or is_ordinal(part.text)):
                return " ".join(t.lower_ for t in part.subtree if t.dep_ not in ("det", "punct"))
    return None


def _degree(token: Token) -> str | None:
    """The degree of harm a figure counts ("20 others were slightly hurt", "five critically injured
    people"): those harmed to that degree are a part of all the harmed, so a count of all of them
    ("25 injured") or of another degree does not contradict it, while another count of the same
    degree may. Only harm: "rose slightly" says how much a figure moved, not which part it counts."""
    noun = token.head if token.dep_ in _NOUN_HEAD_DEPS and token.head.pos_ in ("NOUN", "PROPN") else token
    verb = nearest_ancestor(token, _VERB, _VERB_REACH)
    participles = [c for c in noun.children if c.dep_ in ("amod", "acl") and c.tag_ == "VBN"]
    for word in (*participles, *([verb] if verb is not None else [])):
        if EVENT_VERBS.get(word.lemma_.lower(), word.lemma_.lower()) != "injure":
            continue
        degree = next((c.lower_ for c in word.children if c.dep_ == "advmod" and c.lower_ in DEGREE_WORDS), None)
        if degree:
            return degree
    return None


def _partitive_group(token: Token) -> Token | None:
    """The group a figure takes a part of: "21 of the 276 girls", "three of them", "two of his
    brothers" (a definite group, or one with its own figure); "four of whom" is left to
    ``_is_quantity``. None when the figure is no part of a named group."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for group in (c for c in prep.children if c.dep_ == "pobj"):
            if group.lower_ in PARTITIVE_PRONOUNS or any(
                    (c.dep_ == "det" and c.lower_ in DEFINITE_DETS) or c.dep_ == "poss" or c.like_num
                    for c in group.children):
                return group
    return None


def _whole_of_part(token: Token) -> Token | None:
    """The noun a figure counts when that noun is the group a part is taken from ("21 of the 276
    girls": 276 counts "girls"): what the sentence's verb did, it did to the part only."""
    noun = token.head if token.dep_ in _NOUN_HEAD_DEPS and token.head.pos_ in ("NOUN", "PROPN") else None
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    part = noun.head.head  # a figure, not a year ("growth in 2006 of 2.3 percent")
    return noun if part.like_num and part.ent_type_ not in ("DATE", "TIME") and part.i < noun.i else None


def _own_verb(noun: Token) -> str | None:
    """The verb of a noun's own clause ("the 276 girls they seized", "the 276 girls kidnapped in
    April"), which says what was done to the group as a whole."""
    verb = next((c for c in noun.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"), None)
    return same_event(None, verb.lemma_.lower())[1] if verb is not None else None


def _remaining(token: Token) -> bool:
    """Whether a figure counts what is left to a goal ("within four outs of the title", "five
    seats short of a majority", "three wins away"): a distance that shrinks as events unfold,
    so another outlet's figure of another moment, or a count of what was done, is no contradiction."""
    noun = token.head if token.dep_ in _NOUN_HEAD_DEPS and token.head.pos_ in ("NOUN", "PROPN") else token
    after = noun.doc[noun.i + 1].lower_ if noun.i + 1 < len(noun.doc) else ""
    return (noun.dep_ == "pobj" and noun.head.lower_ == "within") or after in REMAINING_WORDS


def _unrealised(token: Token) -> bool:
    """Whether the verb governing a figure tells of what has not happened: under a modal ("could
    cost 500 jobs") or an infinitive of intent ("threatened to fire four missiles", "plans to cut
    500 jobs"). Such a count says nothing of the counts of what did happen elsewhere in a story."""
    verb = nearest_ancestor(token, _VERB, _VERB_REACH)
    if verb is None:
        return False
    return any(c.tag_ == "MD" for c in verb.children) or (
        verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


def _increment(first: list[Token], last: list[Token]) -> bool:
    """Whether a figure counts a difference from another figure, not a whole: the number followed by
    a comparative or an adjective of addition ("2.5 million more than", "40 fewer", "300 additional
    troops") or preceded by one ("an additional 300"). Grammar makes it relative to an earlier or
    other figure, so another report's total is no disagreement with it."""
    doc = last[-1].doc
    after = doc[last[-1].i + 1].lower_ if last[-1].i + 1 < len(doc) else ""
    before = doc[first[0].i - 1].lower_ if first[0].i > 0 else ""
    return after in INCREMENT_AFTER or before in INCREMENT_BEFORE


def _revised(token: Token) -> bool:
    """Whether a statement gives a figure as the new value of one given before: the figure a
    verb of revision takes "to" ("raised its estimate to 145 million", "the toll rose to 32",
    "lowered the count to 140"), or a figure whose verb, or a reporting verb above it, holds "now"
    ("now says 146 million were affected", "seven are now confirmed dead"). A later report that revises a figure so updates the earlier one
    (``conflicts.is_update``)."""
    ancestors = list(token.ancestors)
    to_value = any(t.dep_ == "pobj" and t.head.lower_ == "to" for t in (token, *ancestors[:2]))
    if to_value and any(t.pos_ == "VERB" and t.lemma_.lower() in REVISION_VERBS for t in ancestors):
        return True
    verb = nearest_ancestor(token, _VERB, _VERB_REACH)
    holders = [t for t in ancestors if t == verb or (t.pos_ == "VERB" and t.lemma_.lower() in REPORTING_VERBS)]
    return any(_now(c) for t in holders for c in t.children)


def _now(token: Token) -> bool:
    """A "now" that says a state holds from now on ("are now confirmed", "now says"), not the
    discourse marker that opens a sentence ("Now, if I ...")."""
    marker = token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ","
    return token.dep_ == "advmod" and token.lower_ in REVISION_ADVERBS and not marker


def _per(run: list[Token]) -> str | None:
    """The unit of a rate ("$82 a share", "up to $50,000 per year", "5 percent a year"): what
    the figure is per; a rate is no amount ("$121 billion" and "$82 a share" are one offer)."""
    doc, i = run[-1].doc, run[-1].i + 1
    if i < len(doc) and doc[i].lower_ in ("%", "percent"):
        i += 1
    elif i + 1 < len(doc) and doc[i].lower_ == "per" and doc[i + 1].lower_ == "cent":
        i += 2
    if i + 1 < len(doc) and doc[i].lower_ in RATE_WORDS and doc[i + 1].pos_ == "NOUN":
        after = doc[i + 2].lower_ if i + 2 < len(doc) else ""
        return doc[i + 1].lemma_.lower() if after != "ago" else None
    return None


def _measured(token: Token) -> str | None:
    """What a figure in a compound describes: "a 10-yard run" measures a run, "an 8.5-tonne
    laboratory" a laboratory, "a two-run homer" is a kind of homer, no count of runs (reports of
    different runs or homers differ without contradicting)."""
    doc = token.doc
    if token.i + 3 >= len(doc) or doc[token.i + 1].text != "-":
        return None
    described = doc[token.i + 2]  # the unit; its head, through compounds and modifiers, is what it measures
    while described.head.i > described.i and described.dep_ in _NOUN_HEAD_DEPS:
        described = described.head
    return described.lemma_.lower() if described.i > token.i + 2 and described.pos_ == "NOUN" else None


def _is_toll(token: Token) -> bool:
    """Whether a figure is the value of a death toll ("the death toll rose to at least six", "the
    toll stands at 84"): the subject of the verb that governs it is a toll."""
    heads = [token, *list(token.ancestors)[:3]]
    return any(c.dep_ == "nsubj" and c.lemma_.lower() == "toll" for h in heads for c in h.children)


def _aged(token: Token) -> str | None:
    """For an age ("29-year-old singer"), the lemma of the person it describes."""
    words = [t.lower_ for t in token.doc[token.i + 1:token.i + 5]]
    if words[:4] != ["-", "year", "-", "old"]:
        return None
    old = token.doc[token.i + 4]
    return old.head.lemma_.lower() if old.head != old else "old"


def _number_text(sent: SpacySpan, run: list[Token]) -> str:
    text = sent.doc[run[0].i:run[-1].i + 1].text
    return text.replace("$", "").replace("€", "").replace("£", "")


def _number_runs(sent: SpacySpan) -> list[list[Token]]:
    """Maximal runs of tokens that spell one number ("2.5 million", "twenty - one"); a digit
    never joins a number word ("game five 3-2") and an ordinal never joins a cardinal ("two
    first-class passengers")."""
    runs, current = [], []
    for tok in sent:
        if current and _joins(current[-1], tok, sent):
            current.append(tok)
            continue
        if current:
            runs.append(current)
        current = [tok] if _opens_number(tok) else []
    if current:
        runs.append(current)
    return [r for r in runs if r[-1].text != "-"]


def _opens_number(tok: Token) -> bool:
    """Whether a number starts at ``tok``: a number-like word, a figure with its scale ("1.2bn"),
    "dozen" ("a dozen", not the vague "dozens") or "half" of a scale ("half a million")."""
    if tok.like_num or is_scaled_figure(tok.text) or tok.lower_ in MULTIPLIERS:
        return True
    after = [t.lower_ for t in tok.doc[tok.i + 1:tok.i + 3]]
    return tok.lower_ == "half" and len(after) == 2 and after[0] in ("a", "an") and after[1] in SCALE_WORDS


def _joins(prev: Token, tok: Token, sent: SpacySpan) -> bool:
    """Whether ``tok`` continues the number ``prev`` ends."""
    if tok.lower_ in SCALE_WORDS or tok.lower_ in MULTIPLIERS:
        return True
    if prev.lower_ == "half" and tok.lower_ in ("a", "an"):  # "half a million"
        return True
    if tok.lower_ in SCALE_SUFFIXES and not prev.whitespace_ and prev.like_num:  # "£300m" split as "300" "m";
        return prev.i > 0 and prev.nbor(-1).text[-1:] in CURRENCY_SIGNS  # "the 300m sprint" is metres
    if tok.text == "-":
        return prev.like_num and tok.i + 1 < sent.end and sent.doc[tok.i + 1].like_num
    if not tok.like_num:
        return False
    if prev.text == "-":
        return True
    return prev.is_alpha and tok.is_alpha and not is_ordinal(tok.text)


def _number_phrases(sent: SpacySpan) -> list[list[list[Token]]]:
    """Number runs, with a range ("eight to ten", "between 8 and 10", "30-50") as one phrase of
    two runs; a score ("8-7", "34-6") is no phrase at all."""
    phrases: list[list[list[Token]]] = []
    for run in _number_runs(sent):
        hyphen = next((i for i, t in enumerate(run) if t.text == "-" and not (run[i - 1].is_alpha or run[i + 1].is_alpha)),
                      None)
        if hyphen is not None:
            low, high = (parse_number(_number_text(sent, part)) for part in (run[:hyphen], run[hyphen + 1:]))
            if low is not None and high is not None and low < high:
                phrases.append([run[:hyphen], run[hyphen + 1:]])
            continue  # else a score or a result ("8-7", "34-6"), not a quantity
        if phrases and _ranges_to(phrases[-1][-1], run, sent):
            phrases[-1].append(run)
        else:
            phrases.append([run])
    return phrases


def _ranges_to(prev: list[Token], run: list[Token], sent: SpacySpan) -> bool:
    """Whether ``run`` closes a range ``prev`` opens: "eight to ten", "two or three", "between 8 and 10"."""
    between = sent.doc[prev[-1].i + 1:run[0].i]
    if len(between) != 1:
        return False
    word = between[0].lower_
    before = sent.doc[prev[0].i - 1].lower_ if prev[0].i > sent.start else ""
    if before == "from":  # "rose from 50 to 60": a change, two figures
        return False
    return word in RANGE_WORDS or (word == "and" and before == "between")


def _is_quantity(run: list[Token], value: float) -> bool:
    """Figures that count or measure something, not: a label ("Flight 175", "Game 7", "Tamimi,
    16," "a 737 aircraft"), part of a whole ("four of whom"), or an ordinal in a compound
    ("first-class")."""
    last = run[-1]
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in ("whom", "which") for g in c.children)
           for c in last.children):
        return False  # "20 people, four of whom were hurt": a part of a figure the statement gives
    if is_ordinal(last.text) and nxt is not None and nxt.text == "-":
        return False
    return not _is_label(run, value, nxt)


def _is_label(run: list[Token], value: float, nxt: Token | None) -> bool:
    """A number that names rather than counts: after a proper noun or the noun it follows ("Flight
    175", "Tamimi, 16,"), or a model number in "a 737 aircraft" (counts take plural nouns)."""
    first, last = run[0], run[-1]
    before = first.nbor(-1) if first.i > 0 else None
    if before is not None and before.tag_ in ("NNP", "NNPS") and before.ent_type_ not in ("DATE", "TIME"):
        return True
    if last.dep_ in ("nummod", "appos", "npadvmod") and last.head.i < first.i and last.head.pos_ in ("NOUN", "PROPN"):
        return True
    head = last.head
    singular = last.dep_ == "nummod" and head.tag_ == "NN" and (nxt is None or nxt.text != "-")
    return singular and value > 1 and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)


def _is_date_part(run: list[Token], noun: str | None) -> bool:
    """Years, days of month and clock times belong to dates, compared as dates; a duration
    ("for 10 minutes", "two or three years") stays a number, and so does a figure counting a
    plural noun that the tagger read as a date ("between 40 and 50 people")."""
    last = figure = run[-1]
    while figure.dep_ == "conj" and figure.head.i < figure.i:  # "40 and 50 people": the first figure counts
        figure = figure.head
    counts_plural = figure.dep_ == "nummod" and figure.head.tag_ == "NNS" and figure.head.i > figure.i
    return noun not in DURATION_UNITS and last.ent_type_ in ("DATE", "TIME") and not counts_plural


def _modifier(sent: SpacySpan, first: Token) -> str:
    before = sent.doc[max(sent.start, first.i - 3):first.i].text.lower()
    before = re.sub(r"\s+an?$", "", before.replace("$", "").strip())  # "about a dozen", "nearly half a million"
    return next((m for m in _MODIFIERS if before.endswith(m)), "")


def _number_kind(run: list[Token]) -> str:
    text = " ".join(t.text for t in run)
    if is_ordinal(text):
        return "ordinal"
    last = run[-1]
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    per_cent = nxt is not None and nxt.lower_ == "per" and nxt.i + 1 < len(nxt.doc) and nxt.nbor(1).lower_ == "cent"
    if last.ent_type_ == "PERCENT" or (nxt is not None and nxt.lower_ in ("%", "percent")) or per_cent:
        return "percent"
    if last.ent_type_ == "MONEY" or any(t.i > 0 and t.nbor(-1).text in "$€£" for t in run[:1]):
        return "money"
    return "count"


def anchor(token: Token) -> tuple[str | None, str | None]:
    """(noun the token quantifies, verb that governs it), as lemmas; either may be None."""
    if token.dep_ in _NOUN_HEAD_DEPS and token.head.pos_ in ("NOUN", "PROPN") and token.head != token:
        noun = token.head
        return noun.lemma_.lower(), _reduced_clause_verb(noun) or _event_verb(noun)
    return None, _event_verb(token)


def _reduced_clause_verb(noun: Token) -> str | None:
    """The verb of a gapped clause: in "60 were killed and 250 others wounded" the second clause's
    auxiliary is left out, the parse joins "others" to "killed" and hangs "wounded" on it, but the
    250 were wounded. A noun joined to a verb as its conjunct, with a past participle right after
    it, is the subject of that participle."""
    if noun.dep_ != "conj" or noun.head.pos_ != "VERB":
        return None
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if nxt is not None and nxt.head == noun and nxt.dep_ in ("acl", "amod") and nxt.tag_ == "VBN":
        return nxt.lemma_.lower()
    return None


def _event_verb(token: Token) -> str | None:
    """The governing verb, or for "left 32 villagers dead" the predicate that names the event
    (same_event then counts them as killed)."""
    head = nearest_ancestor(token, _VERB, _VERB_REACH)
    if head is None:
        return None
    if head.lemma_.lower() in RESULT_VERBS:  # "left seven dead", "were left trapped"
        result = next((c for c in head.children if c.dep_ in ("oprd", "acomp", "xcomp")), None)
        if result is not None:
            return result.lemma_.lower()
    return head.lemma_.lower()


def same_event(noun: str | None, verb: str | None) -> tuple[str | None, str | None]:
    """One name per counted event: "six dead", "six deaths", "six people died" and "killed six"
    all count (None, kill); "wounded", "hurt" and "injuries" count (.., injure)."""
    if noun in EVENT_NOUNS and verb not in PARTIAL_COUNT_VERBS:
        return None, EVENT_NOUNS[noun]
    return noun, EVENT_VERBS.get(verb, verb)


def comparable_numbers(a: Fact, b: Fact) -> bool:
    """Same kind, and the same thing counted: same noun, or same verb with a generic/absent noun;
    what was done is not compared with what was threatened or planned, nor a figure read at one
    time of day with one read at another, nor a count in one part of a game with another's."""
    (kind_a, noun_a, verb_a), (kind_b, noun_b, verb_b) = a.key, b.key
    if kind_a != kind_b or not same_reading(a, b):
        return False
    if kind_a == "percent" and not (noun_a or noun_b):  # shares of what their verb's subject names
        return verb_a is not None and verb_a == verb_b and a.subject is not None and a.subject == b.subject
    if noun_a and noun_a == noun_b:  # "eight hours in the air" vs "four hours into the flight": verbs differ
        if noun_a in MEASURE_UNITS:  # a measure is named by its verb: "flew 2,300 miles" / "is 2,100 miles from"
            return verb_a is not None and verb_a == verb_b
        return verb_a == verb_b or None in (verb_a, verb_b)
    generic = lambda n: n is None or n in GENERIC_NOUNS  # noqa: E731
    return verb_a is not None and verb_a == verb_b and generic(noun_a) and generic(noun_b)


def same_reading(a: Fact, b: Fact) -> bool:
    """Whether two figures can be one reading of one thing: both done (or both only threatened),
    of the same part of a game (``_part_of_play``), not read at two different times of day (``timed``).
    A share or a price read at a named time ("fell 4.3 percent at mid-afternoon") is a reading of a
    moving figure that one without a time ("shares fell 6.6%", the day's move) does not contradict;
    a count's time ("killed 50 at 10 p.m.") tells when the event happened, so only two times differ."""
    if a.key[0] != "count" and a.moment != b.moment:
        return False
    other_moments = a.moment is not None and b.moment is not None and a.moment != b.moment
    return a.asserted == b.asserted and a.part == b.part and not other_moments


# ----------------------------------------------------------------------------- dates

def date_facts(sent: SpacySpan, base: int, timexes: list[Timex]) -> list[Fact]:
    """Dates that name a day, month or year ("on Friday", "in 2015"), keyed by the noun or verb
    they date (a date attached to neither still tells when the statement's events happened).
    Vague ones ("last week", "two years ago", "that year") and dates of saying ("China on Friday
    said") are left out: they cannot contradict a precise date of the event."""
    facts = []
    for t in timexes:
        if t.type != "DATE" or not t.value[:1].isdigit() or not _inside(t.span.start, t.span.end, sent, base):
            continue
        span = sent.doc.char_span(t.span.start - base, t.span.end - base, alignment_mode="expand")
        if span is None or not _names_a_date(span) or _bounds(span):
            continue
        root = span.root
        noun = root.head.lemma_.lower() if root.dep_ in _NOUN_HEAD_DEPS | {"poss"} and root.head.pos_ == "NOUN" else None
        verb_token = nearest_ancestor(root.head if noun else root, _VERB, _VERB_REACH)
        verb = verb_token.lemma_.lower() if verb_token is not None else None
        if verb not in REPORTING_VERBS:
            obj = _object(verb_token) if verb_token is not None and noun is None else None
            facts.append(Fact("date", (noun, verb, obj.lemma_.lower() if obj is not None else None), t.value, t.span.text,
                              span=t.span))
    return facts


def _bounds(span: SpacySpan) -> bool:
    """"since 1908", "between 1910 and 1945", "until May": a limit of a period, not the event's date."""
    root = span.root
    while root.dep_ == "conj" and root.head != root:  # "between 1910 and 1945"
        root = root.head
    head = root.head
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return (head.dep_ == "prep" and head.lower_ in BOUND_PREPS) or before in BOUND_PREPS


def _names_a_date(span: SpacySpan) -> bool:
    return not any(t.lower_ == "ago" for t in span) and any(
        t.like_num or t.lower_[:3] in _CALENDAR_WORDS and t.is_title for t in span)


def same_dated_thing(a: Fact, b: Fact) -> bool:
    """Dates of one thing: same noun or verb, and the same object when both name one ("posted a
    clip on Wednesday" and "posted photos on Tuesday" date two posts)."""
    (noun_a, verb_a, obj_a), (noun_b, verb_b, obj_b) = a.key, b.key
    return (noun_a, verb_a) == (noun_b, verb_b) and (noun_a or verb_a) is not None and (
        obj_a is None or obj_b is None or obj_a == obj_b)


def dates_compatible(a: str, b: str) -> bool:
    """Different precision is no conflict: "2026-02" agrees with "2026-02-11"."""
    return a.startswith(b) or b.startswith(a)


def dates_near(a: str, b: str) -> bool:
    """Whether two dates can be reports of one event's date: within a week (day precision), a
    month or a year of each other at the precision both give. Reports of one event disagree by a
    day or two; dates further apart in like-worded statements are other events (an earlier launch,
    a title won in 1948 and one in 1908)."""
    pa, pb = _date_parts(a), _date_parts(b)
    if pa is None or pb is None:
        return True
    n = min(len(pa), len(pb))
    if n == 3:
        return abs((date(*pa) - date(*pb)).days) <= 7
    if n == 2:
        return abs((pa[0] * 12 + pa[1]) - (pb[0] * 12 + pb[1])) <= 1
    return abs(pa[0] - pb[0]) <= 1


def _date_parts(value: str) -> tuple[int, ...] | None:
    """(year[, month[, day]]) of an ISO-like date value, or None (weeks, seasons, ...)."""
    m = _ISO_DATE.match(value)
    if not m:
        return None
    parts = tuple(int(g) for g in m.groups() if g)
    try:
        date(*(parts + (1, 1)[len(parts) - 1:]))
    except ValueError:
        return None
    return parts


def same_words(a: Fact, b: Fact) -> bool:
    """The same date words ("on Friday" / "Friday") say the same date, whatever each article's
    publication day made of them."""
    words = lambda f: [w for w in f.text.casefold().split() if w not in ("on", "early", "late", "the")]  # noqa: E731
    return words(a) == words(b)


# ----------------------------------------------------------------------------- actors, places

def actor_facts(sent: SpacySpan, base: int, named: list[Named]) -> list[Fact]:
    """Doers of an action on one definite thing, keyed by (verb, object): "Mara Quist opened the
    bridge", "police shot the gunman", "Hamas claimed responsibility for the bombing". An action
    without an object ("the Cubs celebrate"), a light verb (have, be), a pronoun object, one of many
    ("hit a home run", "fired missiles") and a stance or meeting many take ("Japan condemned the
    launch" and "South Korea condemned the launch" are both true) say too little to make two
    different doers a contradiction."""
    facts = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() in LIGHT_VERBS | SHARED_ACTS:
            continue
        verb, obj = _act(tok)
        if obj is None or not _one_thing(obj):
            continue
        for subj in _subjects(tok):
            ent = _named_at(subj, base, named, NAMED_TYPES)
            if ent:
                facts.append(Fact("actor", (verb, obj.lemma_.lower(), ent.type), ent.identity, ent.name,
                                  span=_span_of(ent, sent, base)))
            elif subj.lemma_.lower() in FORCES and not subj.conjuncts:
                facts.append(Fact("actor", (verb, obj.lemma_.lower(), "FORCE"), FORCES[subj.lemma_.lower()], subj.text,
                                  span=Span(base + subj.idx, base + subj.idx + len(subj.text), subj.text)))
    return facts


def _act(verb: Token) -> tuple[str, Token | None]:
    """(what was done, to what): the verb and its object; "claimed responsibility for the bombing"
    is the bombing's claim (one group did it), while other reporting verbs only attribute."""
    lemma = verb.lemma_.lower()
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if lemma in CLAIM_VERBS and obj is not None and obj.lemma_.lower() in CLAIMED:
        done = [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
        return "claim", (done[0] if done and done[0].pos_ != "PRON" else None)
    return lemma, (_object(verb) if lemma not in REPORTING_VERBS else None)


def _object(verb: Token) -> Token | None:
    """What the action is done to: the direct object, the passive subject, or the noun a
    participle describes ("a post shared by ...")."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        obj = verb.head
    return obj if obj is not None and obj.pos_ != "PRON" else None


def _one_thing(noun: Token) -> bool:
    """A definite thing ("the new bridge", "Qualcomm", "its offer"), that one doer did: "a home
    run", "a post", "missiles" are one of many, each with a doer of its own."""
    if noun.pos_ == "PROPN":
        return True
    det = next((c for c in noun.children if c.dep_ in ("det", "poss")), None)
    if det is None:
        return noun.tag_ not in ("NNS", "NN")  # a bare noun: "fired missiles", "took control"
    return det.dep_ == "poss" or det.lower_ in DEFINITE_DETS


def _subjects(verb: Token) -> list[Token]:
    """Subjects and passive agents, with their conjuncts ("Both Abe and Tillerson called")."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    subj += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return subj + [c for s in subj for c in s.conjuncts]


def place_facts(sent: SpacySpan, base: int, named: list[Named]) -> list[Fact]:
    """Countries where an action happened, keyed by its verb. Where something was said is
    attribution, what may happen ("could face scrutiny in China") no event yet, and what bare
    plurals did ("protesters marched in London" / "... in Paris", "vigils were held") happens in
    many places at once: none of them makes two countries a contradiction."""
    facts = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() in REPORTING_VERBS or any(c.tag_ == "MD" for c in tok.children):
            continue
        if _done_by_many(tok):
            continue
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                ent = _named_at(obj, base, named, PLACE_TYPES)
                if ent and prep.lower_ == "at" and actors.country_of_state_name(ent.name):
                    continue  # "fired rockets at Israel", "angry at Japan": "at" a state names a target
                country = ent and (ent.country or actors.country_of_place(ent.name))
                if country:
                    facts.append(Fact("place", (tok.lemma_.lower(),), country, ent.name, span=_span_of(ent, sent, base)))
    return facts


def _done_by_many(verb: Token) -> bool:
    """Whether the verb's subject is a bare plural ("protesters", "rallies", "thousands"): many
    doers, each somewhere else."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.tag_ == "NNS" and not any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE_DETS) for c in subj.children)


def _span_of(ent: Named, sent: SpacySpan, base: int) -> Span:
    """Read from the sentence's text when the name is inside it (``doc.text`` rebuilds the whole
    document's string on every call)."""
    start, end = ent.start - base - sent.start_char, ent.end - base - sent.start_char
    if 0 <= start and end <= sent.end_char - sent.start_char:
        return Span(ent.start, ent.end, sent.text[start:end])
    return Span(ent.start, ent.end, sent.doc.text[ent.start - base:ent.end - base])


def _named_at(token: Token, base: int, named: list[Named], types: frozenset[str]) -> Named | None:
    pos = base + token.idx
    return next((n for n in named if n.start <= pos < n.end and n.type in types), None)


def _inside(start: int, end: int, sent: SpacySpan, base: int) -> bool:
    return base + sent.start_char <= start and end <= base + sent.end_char


def actors_compatible(a: Fact, b: Fact) -> bool:
    """One entity named differently ("Trump" / "Donald Trump") is the same actor, and so is a
    country and its capital ("Beijing" / "China")."""
    if a.value == b.value:
        return True
    if a.key[-1] == b.key[-1] == "GPE" and actors.country_of_place(a.text) is not None:
        return actors.country_of_place(a.text) == actors.country_of_place(b.text)
    wa, wb = set(a.text.casefold().split()), set(b.text.casefold().split())
    return bool(wa & wb)
