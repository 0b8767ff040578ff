"""Actors and recipients from the dependency parse, coded with country and PLOVER sector.

Country and sector come from the entity stage's ``Mention`` when one covers the actor's words
(the canonical source); otherwise from the phrase's words (``coding``, over the same tables). Compound actors
("Hungarian and Romanian officials", "Washington and Tehran") become one participant per member.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from storyline.annotate import actors
from storyline.annotate.agreement import (ORGANISATION_NOUNS, PERSON_NOUNS, PRONOUN_SEX, SEX_WORDS, ArticlePersons,
                                          is_body_noun, is_person_role, person_noun_agrees, resolve_description)
from storyline.annotate.centering import PRONOUN_CHAIN, centering_subjects, in_quotation
from storyline.annotate.quotes.marks import scan_quotes
from storyline.annotate.syntax import relative_antecedent
from storyline.model import Mention, Participant, Quote, Span

from . import coding, descriptions, lexicon

NP_DEPS = {"compound", "amod", "nmod", "poss", "case", "flat", "det", "nummod", "quantmod", "npadvmod"}
PARTITIVE_HEADS = {"member", "members", "some", "part", "one", "most", "many", "all", "dozens", "hundreds",
                   "thousands", "group", "delegation", "team", "units", "unit", "troops", "forces", "army",
                   "office", "spokesman", "spokeswoman", "spokesperson",
                   # quantifiers: "each of the armies" ("none of" negates: it is not the group acting)
                   "each", "both", "either", "several", "any"}
PRONOUN_TYPES = {"he": ("PERSON",), "she": ("PERSON",), "him": ("PERSON",), "her": ("PERSON",),
                 "his": ("PERSON",), "it": ("GPE", "ORG", "NORP"), "its": ("GPE", "ORG", "NORP"),
                 "they": ("GPE", "ORG", "NORP"), "their": ("GPE", "ORG", "NORP")}
# "they" is plural: one person's name is no antecedent of it (a body, a people or a country may be).
# First persons: inside a quotation they are its speaker's (English deixis: "I" is whoever speaks), the
# singular the speaker, the plural the speaker's side. The narrator's own "I" names no party.
FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my", "myself"})
FIRST_PERSON_PLURAL = frozenset({"we", "us", "our", "ourselves"})
FIRST_PERSON = FIRST_PERSON_SINGULAR | FIRST_PERSON_PLURAL
# Sectors of people who speak for their state: an official's "we" is the state's government.
STATE_OFFICE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


@dataclass(slots=True)
class ArticleContext:
    """What participant coding needs from the article: its text, doc and entity mentions."""

    text: str
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    _quotations: list[tuple[int, int]] | None = None
    _agreement: ArticlePersons | None = None

    def quotations(self) -> list[tuple[int, int]]:
        """The article's quotations (start, end), from its quotation marks, scanned once."""
        if self._quotations is None:
            self._quotations = [(q.start, q.end) for q in scan_quotes(self.text)]
        return self._quotations

    def narrator_quotations(self, token: Token) -> list[tuple[int, int]]:
        """The quotations a pronoun's antecedent is not looked for in: all of them for a pronoun of
        the narrator (a quotation is its speaker's discourse), none for one inside a quotation,
        whose antecedent its speaker may have named in it."""
        quoted = self.quotations()
        return [] if in_quotation(token.idx, quoted) else quoted

    def quote_of(self, token: Token) -> Quote | None:
        """The quote whose speaker's own words hold the word: a direct quote's content, or the words
        of a mixed quote inside quotation marks (its other words are the narrator's)."""
        for quote in self.quotes:
            if quote.content.start <= token.idx < quote.content.end and quote.kind != "indirect" \
                    and (quote.kind == "direct" or in_quotation(token.idx, self.quotations())):
                return quote
        return None

    def mention_of_key(self, key: str | None) -> Mention | None:
        return next((m for m in self.mentions if m.key == key), None) if key else None

    def mention_at(self, token: Token) -> Mention | None:
        for m in self.mentions:
            if m.span.start <= token.idx < m.span.end:
                return m
        return None

    def antecedent(self, token: Token) -> Mention | None:
        """Nearest preceding mention of a type the pronoun can refer to, not of the other sex, a
        person only where the article shows one (``persons_by_evidence``; no coreference model)."""
        wanted = PRONOUN_TYPES.get(token.lower_)
        if not wanted:
            return None
        other_sex = self.other_sex(token.lower_)
        before = [m for m in self.mentions if m.span.end <= token.idx and m.type in wanted
                  and (m.country or (m.type == "PERSON" and m.key in self.persons())) and m.key not in other_sex]
        return before[-1] if before else None

    def agreement(self) -> ArticlePersons:
        """The article's persons as pronouns agree with them, each answer found once per article."""
        if self._agreement is None:
            self._agreement = ArticlePersons(self.text, self.mentions)
        return self._agreement

    def persons(self) -> frozenset[str]:
        """Keys of the mentions typed PERSON that the article shows are persons (``persons_by_evidence``)."""
        return self.agreement().by_evidence()

    def other_sex(self, pronoun: str) -> frozenset[str]:
        """Keys of the persons a "he" or "she" cannot stand for (``keys_of_other_sex``)."""
        return self.agreement().other_sex(pronoun)


def np_tokens(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without clauses and prepositional attachments."""
    found = [head]
    relative = next((c.i for c in head.children if opens_relative(c)), None)
    outside = weapon_before_name(head)
    for child in head.children:
        if relative is not None and relative <= child.i < head.i or outside is not None and child.i <= outside:
            continue
        if child.dep_ in NP_DEPS or (child.dep_ in {"cc", "conj"} and head.dep_ in {"amod", "compound"}):
            found.extend(np_tokens(child))
    return sorted(found, key=lambda t: t.i)


def opens_relative(token: Token) -> bool:
    """"brothels whose computers authorities have seized": the relative "whose" opens a relative clause,
    and the words from it on (the fronted object, "whose computers") are never part of the noun phrase
    the parser may hang them on, the clause's subject ("authorities")."""
    return any(t.tag_ == "WP$" for t in token.subtree)


def weapon_before_name(head: Token) -> int | None:
    """"the same missile Kim had threatened to use": a weapon, parsed as a compound of a person's name, is the
    object of a contact relative clause (English drops "that" before a clause's subject), not part of the
    name: a noun set before a person's name describes that person ("US Army psychiatrist Nidal Hasan",
    "spokeswoman Hua"), and a weapon never does. (Other things are left: the person-noun lists leave out
    many occupations, "psychiatrist", which would be cut as things.) The index of the last word of the
    weapon's phrase (the words up to it are outside the name's phrase), else None."""
    if head.ent_type_ != "PERSON" or head.pos_ != "PROPN":
        return None
    things = [c for c in head.children if c.dep_ == "compound" and c.i < head.i and is_weapon(c)]
    return max((t.right_edge.i for t in things), default=None)


def conjuncts(token: Token) -> list[Token]:
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def unwrap_partitive(token: Token) -> Token:
    """"members of the Association" -> "Association" (the partitive word is not the actor)."""
    if token.lower_ in PARTITIVE_HEADS and token.pos_ in {"NOUN", "PRON", "NUM", "DET"}:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if objs and is_actor_like(objs[0]):
                    return objs[0]
    return token


def is_victim_count(token: Token) -> bool:
    """"wounding 120", "injured hundreds more", "hundreds were injured": a count heading its own noun phrase
    as the object (or passive subject) of a verb of harming people (``lexicon.VICTIM_VERBS``) counts the
    people harmed; "scores of other people" names them itself (a partitive)."""
    return token.dep_ in {"dobj", "nsubjpass"} and token.head.lemma_.lower() in lexicon.VICTIM_VERBS \
        and (token.pos_ == "NUM" or token.lower_ in lexicon.NUMBER_NOUNS) and not prep_objects(token, {"of"})


def actor_like(tokens: list[Token]) -> list[Token]:
    """The words that could head an actor phrase, a partitive by what it is part of ("each of the
    two countries' air forces")."""
    return [t for t in tokens if is_actor_like(unwrap_partitive(t))]


def is_actor_like(token: Token) -> bool:
    """Could this word head an actor phrase (a name, a pronoun, a sector noun, a nationality)?"""
    if is_age_noun(token):  # "a 20-year-old", which the tagger calls a date
        return True
    if token.ent_type_ in NOT_ACTOR_ENTS:  # "on Monday", "in the Gulf"
        return False
    if token.lower_ in lexicon.MUNITIONS:  # a weapon is no party; "a North Korean missile" names its owner
        return _named_by_owner(token)
    if token.pos_ == "PROPN" or token.lower_ in PRONOUN_TYPES or is_first_person(token):
        return True
    if token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return True
    if coding.is_sector_word(token.text) or coding.is_demonym(token.text) \
            or coding.country_of_name(token.text) is not None or coding.is_state_noun(token.text) \
            or descriptions.description_kind(token) is not None:  # "the hermit state", "the despot"
        return True
    return _named_by_owner(token) or (token.pos_ == "NOUN" and is_person_noun(token))


AGE_UNITS = frozenset({"year", "month", "week", "day"})


def is_age_noun(token: Token) -> bool:
    """"a disturbed 20-year-old", "police arrested a 42-year-old": an age compound standing as a noun names a
    person of that age (the newswire's way of naming someone it gives no name), a doer or a target like "a
    man"; modifying a noun ("a 42-year-old man") it is that noun's adjective, and the noun heads the phrase
    (the parser may hang a subject age noun on the verb as its adjective: ``misparsed_subjects``)."""
    if token.lower_ != "old" or not any(c.dep_ == "npadvmod" and c.lemma_.lower() in AGE_UNITS
                                        for c in token.children):
        return False
    return token.dep_ != "amod" or token.head.pos_ in {"VERB", "AUX"}


def is_first_person(token: Token) -> bool:
    """"I", "we", "us", "my": a first-person pronoun ("US" in capitals is the country)."""
    return token.pos_ == "PRON" and token.lower_ in FIRST_PERSON and token.text != "US"


def is_person_noun(token: Token) -> bool:
    """"her younger brother", "a woman", "the victim": a word for a person takes part as that person,
    named as the article names them, like a role ("the minister")."""
    word = token.lemma_.lower()
    return word in PERSON_NOUNS or word in SEX_WORDS


def _named_by_owner(token: Token) -> bool:
    """"the UNITA militarist wing", "Swiss doctors": a common noun named by a proper/national modifier,
    also through a named party's noun before it ("a US army psychiatrist": one of the US army's)."""
    return token.pos_ == "NOUN" and any(c.dep_ in {"compound", "amod", "nmod", "poss"} and
                                        (c.pos_ == "PROPN" or c.ent_type_ in {"NORP", "GPE", "ORG"}
                                         or _named_party_compound(c))
                                        for c in token.children)


def _named_party_compound(modifier: Token) -> bool:
    """A compound noun of a party (a sector word) itself named by its owner: "US army" in "a US
    army psychiatrist"."""
    return modifier.dep_ == "compound" and coding.is_sector_word(modifier.text) and _named_by_owner(modifier)


def participants(heads: Iterable[Token], ctx: ArticleContext) -> list[Participant]:
    out: list[Participant] = []
    for head in heads:
        head = relative_antecedent(head, RELATIVE_ROLES) or head  # "the group, which claims ...": the group
        for conj in conjuncts(past_dateline(head)):
            conj = unwrap_partitive(conj)
            for party in act_owners(conj) or [conj]:
                if is_actor_like(party) and (party.ent_type_ not in NOT_ACTOR_ENTS or is_age_noun(party)) \
                        and not in_dateline(party):
                    out.extend(participants_of(party, ctx))
    return _dedupe(out)


# Nouns of bodies that end like nominalisations ("coalition", "movement"): parties, not acts.
COLLECTIVE_NOUNS = frozenset("""coalition federation association foundation nation movement alliance congregation
    management audience convention establishment organization organisation station generation""".split())
NOMINAL_SUFFIXES = ("tion", "sion", "ment", "ance", "ence")
# Classes of object nouns that name a happening ("an attack", "a demand"), not a party or a thing moved.
ACT_CLASSES = frozenset(lexicon.CLASS_SENSE) | {"demand", "agreement", "talks"}


def act_owners(token: Token) -> list[Token]:
    """"condemned North Korea's actions", "denounced Pyongyang's test launch": an act is no party;
    what is done to an act (condemned, opposed, targeted) is done to the one whose act it is
    (PLOVER codes actors and targets as parties, never as events), named by its possessor or its
    modifier. Empty when the word is not an act named by its owner."""
    if token.pos_ != "NOUN" or not _named_by_owner(token) or not is_act_noun(token):
        return []
    return owner_modifiers(token)


def named_possessors(token: Token) -> list[Token]:
    """"North Korea's textile exports", "Washington's diplomatic efforts": the named owners of a thing
    (a possessor that is a name, not a pronoun), when the word is a thing, not a party (a person, a
    body, a sector, a people, a state or a part of one: "Abe's government", "Morsi's lawyer" take part
    themselves). PLOVER's actors and targets are parties: what is done to or about someone's thing
    (their exports, their missile, their efforts, their island) is done to its owner."""
    if not is_owned_thing(token):
        return []
    return [c for c in token.children if c.dep_ == "poss" and c.pos_ != "PRON" and is_actor_like(c)]


# Collective nouns of a body of people acting as one ("Qualcomm's board", "the family's lawyer", "the Russian
# side", "Trump's camp", "a mob"), which the
# organisation and person lists leave out: a party, never a thing owned.
BODY_NOUNS = frozenset({"board", "committee", "council", "panel", "club", "family", "staff", "crew", "jury",
                        "side", "sides", "camp", "camps", "institution", "institutions", "mob", "mobs", "gang",
                        "gangs", "crowd", "crowds"})


def is_owned_thing(token: Token) -> bool:
    """A common noun that names no party of its own (``named_possessors``)."""
    word = token.lemma_.lower()
    return token.pos_ == "NOUN" and token.ent_type_ not in {"PERSON", "ORG", "GPE", "NORP"} \
        and not (is_party_noun(token) or is_person_noun(token) or coding.is_sector_word(token.text)
                 or coding.is_demonym(token.text) or coding.is_state_noun(token.text)
                 or word in PARTITIVE_HEADS or word in COLLECTIVE_NOUNS or word in BODY_NOUNS)


def owner_modifiers(token: Token) -> list[Token]:
    """The modifiers that name whose the thing is: "North Korea's" / "North Korean" / "DPRK" in
    "North Korea's test", "a North Korean missile", "the DPRK missile launches"; a possessor, or a
    name of a people, place, body or person (not the thing's own name, "Hyunmoo II missile")."""
    return [c for c in token.children if (c.dep_ == "poss" and c.pos_ != "PRON")
            or (c.dep_ in {"compound", "amod", "nmod"} and c.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"})]


def is_act_noun(token: Token) -> bool:
    """A noun naming an act ("launch", "test", "actions", "threats", "sanctions"), no party: a trigger
    verb used as a noun (conversion), an event noun of the lexicon, or a nominalisation; never a
    word of a party (a sector, a body, a person, a group) nor a weapon (``lexicon.MUNITIONS``)."""
    word = token.lemma_.lower()
    if (coding.is_sector_word(token.text) or coding.is_demonym(token.text) or word in COLLECTIVE_NOUNS
            or word in PARTITIVE_HEADS or token.lower_ in lexicon.MUNITIONS or is_party_noun(token)):
        return False
    return (word in lexicon.VERBS or word in lexicon.LAUNCH_VERBS
            or lexicon.NOUN_CLASS.get(word) in ACT_CLASSES or word.endswith(NOMINAL_SUFFIXES))


def is_party_noun(token: Token) -> bool:
    """A word for a person ("father", "girl", "minister") or a body ("board", "airline")."""
    word = token.lemma_.lower()
    return word in PERSON_NOUNS or word in SEX_WORDS or is_person_role(word) or word in ORGANISATION_NOUNS \
        or actors.organization_sector(word) is not None


RELATIVE_ROLES = ("nsubj", "nsubjpass", "dobj")
DATELINE_DASHES = {"—", "–", "--", "-"}
DATELINE_WORDS = 8


def in_dateline(token: Token) -> bool:
    """Is the word in the dateline that opens a report ("KUNDUZ, Afghanistan — ...", "UNITED
    NATIONS -- ...", "RAMALLAH, West Bank (AP) - ...")? A dateline says where the report was
    filed from, it takes no part in what the sentence tells."""
    dash = dateline_dash(token.sent)
    return dash is not None and token.i < dash.i


def dateline_dash(sent: SpacySpan) -> Token | None:
    """The dash that closes a sentence's dateline: capitalized names (an agency in brackets) before a
    spaced dash within the sentence's first words; None when the sentence opens with none."""
    for tok in sent[:DATELINE_WORDS + 1]:
        if tok.text in DATELINE_DASHES and tok.i > sent.start and tok.doc[tok.i - 1].whitespace_:
            before = sent.doc[sent.start:tok.i]
            return tok if all(t.is_punct or t.text[:1].isupper() for t in before) else None
    return None


def past_dateline(token: Token) -> Token:
    """"RAMALLAH, West Bank — An Israeli military court on Monday indicted ...": the parser may read the
    dateline's name as the sentence's subject and the real subject, the phrase after the dash, as its
    appositive; a dateline is no part of the sentence (``in_dateline``), so that appositive is the
    subject. Any other word is returned as it is."""
    dash = dateline_dash(token.sent)
    if dash is None or token.i >= dash.i:
        return token
    return next((t for t in token.subtree if t.dep_ == "appos" and t.i > dash.i), token)


def is_dateline_lead(verb: Token) -> bool:
    """"LAS VEGAS - A gunman killed at least 50 people": a dateline opens the lead, a full sentence, but
    the parser may read the dateline's names and the subject after the dash as one noun phrase, the
    sentence's root, with the main verb as that noun's reduced relative. Such a verb with a direct object
    is the main verb and the noun its subject (a passive participle, "a gunman killed in a shootout",
    takes no object)."""
    head = verb.head
    dash = dateline_dash(verb.sent)
    return verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in {"NOUN", "PROPN"} \
        and dash is not None and dash.i < head.i < verb.i and any(c.dep_ == "dobj" for c in verb.children)


def modifier_participants(modifiers: list[Token], ctx: ArticleContext) -> list[Participant]:
    """Actors named by an event noun's modifiers ("a U.S. military buildup", "Israeli air strikes"):
    one participant per country, the sector from the other modifier words."""
    if not modifiers or all(is_classifying_adjective(tok) for tok in modifiers):
        return []
    per_token = [p for tok in modifiers for p in participants_of(tok, ctx)]
    countries = {p.country for p in per_token if p.country}
    sector = coding.sector_of_words([t.text for t in modifiers])
    if len(countries) != 1:
        return _dedupe(per_token)
    first = min(modifiers, key=lambda t: t.i)
    last = max(modifiers, key=lambda t: t.i)
    # each modifier's own phrase ("United" of "United Nations") is part of the span: a name is one unit
    spans = [p.span for p in per_token if p.span] + [Span.of(ctx.text, first.idx, last.idx + len(last))]
    span = Span.of(ctx.text, min(s.start for s in spans), max(s.end for s in spans))
    owner = next(p for p in per_token if p.country)
    return [Participant(text=span.text.removesuffix("'s").removesuffix("’s"), span=span, country=owner.country,
                        sector=owner.sector or sector, key=owner.key)]


def is_classifying_adjective(token: Token) -> bool:
    """"military exercises of its own", "some kind of military operations": an adjective that names no
    people, place or body says what kind of act it is (a classifying adjective), not who does it; alone
    before an event noun it names no doer ("US military exercises" names one by "US"). An armed group's
    kind ("a rebel assault", "militant attacks") does name its doers, as CAMEO's generic rebel agents code."""
    return token.pos_ == "ADJ" and token.dep_ == "amod" and not token.ent_type_ \
        and not coding.is_demonym(token.text) and coding.country_of_name(token.text) is None \
        and coding.word_sector(token.text) != "REB"


def relative_clause_doers(noun: Token) -> list[Token]:
    """"joint drills that Chile and Peru started": an event noun that is the object of a relative clause of
    carrying out ("start", "conduct", "hold": ``lexicon.LIGHT_VERBS``, the verbs that report an event
    noun's happening) is done by that clause's subject, as in "Chile and Peru started joint drills"."""
    doers = []
    for clause in noun.children:
        if clause.dep_ != "relcl" or clause.lemma_.lower() not in lexicon.LIGHT_VERBS:
            continue
        objects = [c for c in clause.children if c.dep_ == "dobj"]
        if all(o.tag_ in {"WDT", "WP"} for o in objects):  # the noun is the clause's object (the gap)
            doers += [s for s in clause.children if s.dep_ == "nsubj" and s.tag_ not in {"WDT", "WP"}]
    return doers


def things_as_parties(heads: list[Token]) -> list[Token]:
    """Recipient heads with each thing replaced by its owner: PLOVER's target is a party (an actor), never
    a thing, so an act done to a thing ("shoot down North Korean missiles", "protested against Israeli
    policies", "targeting the Korean economy") is done to the owner the phrase names, and a thing that names
    none ("fired a Hwasong-12 missile", "condemned the deployment of Thaad") leaves no recipient. A thing is
    known by a positive test (a weapon, ``is_weapon``; a noun of what a party has or runs, ``is_abstract_thing``):
    nouns merely outside the party lists are often people or bodies the lists leave out ("tourists",
    "security services", "nationals"), whose own words name the party better than their nationality. A region
    of several states is no party either (``is_regional_construct``)."""
    parties = []
    for head in heads:
        if is_weapon(head) or is_abstract_thing(head):
            parties.extend(thing_owners(head))
        elif not is_regional_construct(head):
            parties.append(head)
    return parties


def is_regional_construct(head: Token) -> bool:
    """"exercises on the Korean peninsula", "the Middle East": a region that spans several states is no party.
    The PLOVER manual: actors and recipients that a report only implies to be a regional or global construct
    receive no country name; the region is where, not whom (a region of one state is mapped to its state)."""
    words = " ".join(t.text for t in np_tokens(head) if t.dep_ != "det")
    return actors.is_region_name(words) and actors.country_of_place(words, cities=False) is None


def is_weapon(token: Token) -> bool:
    """A common noun naming a weapon ("missile" also codes a sector, of the forces that fire it:
    ``is_actor_like``; as a noun it is the thing fired), or the proper name of a weapon system
    (``lexicon.WEAPON_SYSTEMS``: "Thaad", which the tagger calls an organisation or a person)."""
    return (token.pos_ == "NOUN" and token.lower_ in lexicon.MUNITIONS) or is_weapon_system(token)


def is_weapon_system(token: Token) -> bool:
    """The head of a weapon system's name ("Thaad", "the Patriot"); a name part of a longer name of
    another kind ("Patriot Act") has another head."""
    return token.pos_ in {"PROPN", "NOUN"} and token.lower_ in lexicon.WEAPON_SYSTEMS


# Abstract nouns of what a party has, runs or does business in: its policies, economy, trade and
# programmes, its systems, budget and interests (written from these classes and checked on the fit half's
# recipients, where "policies", "imports" and "economy" stood as targets). None names a party of its own:
# sanctions "targeting the Korean economy" target Korea, protests "against Israeli policies" are
# against Israel (PLOVER's target is a party). Lemmas; left out are nouns that also name a body acting as one
# ("regime", "administration", "industry", "business", "sector", "market", "fund").
ABSTRACT_THING_NOUNS = frozenset({
    "policy", "economy", "trade", "import", "export", "programme", "program", "system", "budget", "currency",
    "infrastructure", "interest", "asset", "property", "investment", "stockpile", "arsenal", "capability",
    "technology"})


def is_abstract_thing(token: Token) -> bool:
    """A common noun of ``ABSTRACT_THING_NOUNS`` heading its phrase, not part of a name ("the Bank of
    England", a tagged organisation, is a party)."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in ABSTRACT_THING_NOUNS \
        and token.ent_type_ not in {"PERSON", "ORG", "GPE", "NORP"}


def thing_owners(token: Token) -> list[Token]:
    """Who a thing belongs to, as its phrase names them: a possessor, or a people, state or body named
    before it ("North Korean missiles", also further in the compound: "the US Navy cruise missile"); a
    person's name before a thing says whom it is named after or shows ("a Kim statue"), not whose it is,
    and a weapon system's name ("the Thaad system") names the thing, not its owner."""
    direct = [c for c in owner_modifiers(token) if (c.dep_ == "poss" or c.ent_type_ != "PERSON")
              and not is_weapon_system(c)]
    if direct:
        return direct
    return [t for t in np_tokens(token) if t.i < token.i and t.dep_ in {"compound", "amod", "nmod"}
            and t.ent_type_ in {"NORP", "GPE", "ORG"} and not is_weapon_system(t)][:1]


def participants_of(head: Token, ctx: ArticleContext) -> list[Participant]:
    """One participant per country named in the phrase (compound actors), else one."""
    if head.lower_ in PRONOUN_TYPES and head.pos_ == "PRON":
        return _pronoun(head, ctx)
    if is_first_person(head):
        return _first_person(head, ctx)
    tokens = [t for t in np_tokens(head) if not in_dateline(t)] or [head]  # the dateline is no one's name
    tokens = _trim(tokens, ctx.text)
    mention = ctx.mention_at(head)
    sector = coding.sector_of_words([t.text for t in tokens])
    principal = principal_of(head)
    if principal is not None:  # the words' sector is the office's; the agent's is the principal's
        return [_as_agent(p, principal, ctx) for p in _phrase_participants(head, tokens, mention, sector, ctx)]
    return _phrase_participants(head, tokens, mention, sector, ctx)


def _as_agent(party: Participant, principal: Token, ctx: ArticleContext) -> Participant:
    party.sector = principal_sector(principal, ctx)
    return party


def _phrase_participants(head: Token, tokens: list[Token], mention: Mention | None, sector: str | None,
                         ctx: ArticleContext) -> list[Participant]:
    span = _whole_names(Span.of(ctx.text, tokens[0].idx, tokens[-1].idx + len(tokens[-1])), mention, ctx)
    text = span.text
    if mention and mention.country:
        return [Participant(text=mention.name if mention.type == "PERSON" else text, span=span,
                            country=mention.country, sector=mention.sector or sector or coding.seat_sector(text),
                            key=mention.key)]
    members = _member_countries(head, tokens, ctx)
    if len(members) > 1 and is_coordinated(tokens):
        return [Participant(text=(name := name_span(tok, ctx)).text, span=name, country=c, sector=sector)
                for tok, c in members]
    code = coding.code_phrase([t.text for t in tokens])
    country = code.country or (members[0][1] if members else None)
    if not country:
        country = _country_of_mentions(tokens, ctx) or _country_of_origin(head, ctx) or _possessor_country(head, ctx)
    return [Participant(text=text, span=span, country=country, sector=code.sector or sector,
                        key=mention.key if mention else None)]


def _whole_names(span: Span, mention: Mention | None, ctx: ArticleContext) -> Span:
    """The phrase's span widened to the whole of the name its head is part of: a name is one unit,
    and a span that cuts it ("Jae" of "Moon Jae-in", a hyphen splitting the tokens) names someone
    else or no one."""
    if mention is None or (mention.span.start >= span.start and mention.span.end <= span.end):
        return span
    return Span.of(ctx.text, min(span.start, mention.span.start), max(span.end, mention.span.end))


def name_span(token: Token, ctx: ArticleContext) -> Span:
    """The whole name a word is part of: the entity mention or the named entity covering it ("South"
    -> "South Korean", "Nations" -> "United Nations"; a name's words are one unit, not each a
    party), else the word itself."""
    mention = ctx.mention_at(token)
    if mention is not None:
        return mention.span
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is None:
        return Span.of(ctx.text, token.idx, token.idx + len(token))
    first = ent[1] if len(ent) > 1 and ent[0].lower_ == "the" else ent[0]
    return Span.of(ctx.text, first.idx, ent.end_char)


# Nouns of people who act for someone else: their sector is their principal's, not the office the
# word names as a title ("Representative Smith" sits in a legislature; "his representative" is an agent).
AGENT_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen",
                         "representative", "representatives"})


def principal_of(head: Token) -> Token | None:
    """Whom an agent noun acts for, named by a possessor or "for X" ("a spokesman for Microsoft",
    "his representative"); "a spokesman of X" is unwrapped as a partitive before it gets here."""
    if head.lower_ not in AGENT_NOUNS:
        return None
    owners = children(head, {"poss"}) or prep_objects(head, {"for"})
    return owners[0] if owners else None


def principal_sector(principal: Token, ctx: ArticleContext) -> str | None:
    """The sector of whom an agent speaks or acts for: a company's spokesman is no government's, a
    ministry's is (the noun alone is read as a state's spokesman, the commonest sense in news)."""
    if principal.pos_ == "PRON":
        parties = _pronoun(principal, ctx) if principal.lower_ in PRONOUN_TYPES else []
        return parties[0].sector if parties else None
    mention = ctx.mention_at(principal)
    if mention is not None and mention.type == "PERSON":
        return mention.sector
    words = [t.text for t in _trim(np_tokens(principal), ctx.text)]
    return (mention.sector if mention is not None else None) or coding.code_phrase(words).sector


def _trim(tokens: list[Token], text: str) -> list[Token]:
    """Drop leading determiners/punctuation and a trailing possessive marker (``text``: the Doc's)."""
    while len(tokens) > 1 and (tokens[0].dep_ in {"det", "punct", "case"} or tokens[0].is_punct
                               or is_date_word(tokens[0], text)):
        tokens = tokens[1:]
    while len(tokens) > 1 and (tokens[-1].dep_ in {"case", "punct"} or tokens[-1].is_punct):
        tokens = tokens[:-1]
    # keep the phrase contiguous
    first, last = tokens[0], tokens[-1]
    return list(first.doc[first.i:last.i + 1])


GALLERY_COUNTER = re.compile(r"\d{1,3}/\d{1,3}\s+")


def gallery_counter(text: str, offset: int) -> re.Match | None:
    """The picture's number opening the line of ``offset`` in a photo gallery ("9/16 2009 ...")."""
    return GALLERY_COUNTER.match(text, text.rfind("\n", 0, offset) + 1)


def is_date_word(token: Token, text: str) -> bool:
    """A word of a gallery caption's date line, the picture's number and the date that follows it
    ("9/16 2009 Attiullah ..."): it says when the picture was taken, it names no one who takes part.
    ``text``: the Doc's, passed in (``Doc.text`` joins every token's text on each call)."""
    counter = gallery_counter(text, token.idx)
    if counter is None:
        return False
    if token.idx < counter.end():
        return True
    date = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return date is not None and date.label_ in ("DATE", "TIME") and date.start_char == counter.end()


def is_coordinated(tokens: list[Token]) -> bool:
    """Does the phrase join several names ("Hungarian and Romanian officials", "Israeli-Palestinian
    talks")? A chain of nested modifiers names one actor ("Cleveland Indians pitcher Andrew Miller":
    a team of a city, a player of the team), however many places its words also name."""
    return any(t.dep_ in {"cc", "conj"} or t.text in {"-", "–", "/"} for t in tokens)


def _member_countries(head: Token, tokens: list[Token], ctx: ArticleContext) -> list[tuple[Token, str]]:
    """Countries of the nationality/country modifiers of a phrase ("Hungarian and Romanian")."""
    found: list[tuple[Token, str]] = []
    for tok in tokens:
        if tok.i == head.i or tok.dep_ not in {"amod", "compound", "nmod", "conj", "poss"}:
            continue
        mention = ctx.mention_at(tok)
        country = mention.country if mention and mention.country else coding.country_of_name(tok.text)
        if country and country not in {c for _, c in found}:
            found.append((tok, country))
    return found


def _country_of_mentions(tokens: list[Token], ctx: ArticleContext) -> str | None:
    for tok in tokens:
        mention = ctx.mention_at(tok)
        if mention and mention.country:
            return mention.country
    return None


def _country_of_origin(head: Token, ctx: ArticleContext) -> str | None:
    """"demonstrators in Baghdad", "refugees from Syria", "the Red Cross operating in Iraq":
    people named by where they are or come from belong to that country."""
    anchors = [head] + [c for c in head.children if c.dep_ == "acl"]
    for place in (o for a in anchors for o in prep_objects(a, {"in", "from"})):
        mention = ctx.mention_at(place)
        country = mention.country if mention and mention.country else coding.country_of_name(place.text)
        if country:
            return country
    return None


def _possessor_country(head: Token, ctx: ArticleContext) -> str | None:
    """"Bosnian Serbs said their forces withdrew": the forces are the possessor's."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if owner is None:
        return None
    reporter = _reporting_subject(head) if head.dep_ == "nsubj" else None
    if reporter is not None:  # named directly (no recursion: the reporter may own pronouns too)
        mention = ctx.mention_at(reporter)
        return mention.country if mention and mention.country else \
            coding.code_phrase([t.text for t in np_tokens(reporter)]).country
    ante = ctx.antecedent(owner)
    return ante.country if ante else None


def is_own(token: Token) -> bool:
    """"its troops", "their forces": what an actor offers or moves is its own, not a recipient; a
    person of one's own ("her brother") is a party of their own."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children) and not is_person_noun(token)


def _reporting_subject(token: Token) -> Token | None:
    """"Trump said he ...": the pronoun subject of a reported clause is the reporter."""
    from .lexicon import REPORTING
    node = token.head
    for _ in range(4):
        if node.lemma_.lower() in REPORTING:
            subj = [c for c in node.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            return subj[0] if subj else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _pronoun(token: Token, ctx: ArticleContext, depth: int = 0) -> list[Participant]:
    if is_expletive_it(token):
        return []
    reporter = _reporting_subject(token) if token.dep_ == "nsubj" else None
    if reporter is not None:
        return participants_of(reporter, ctx)
    if token.lower_ in CENTERED_PRONOUNS and token.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
        centered = centered_antecedent(token, ctx, depth)
        if centered is not None:
            return [_at_pronoun(p, token, ctx) for p in centered]
        if token.lower_ in NO_NAME_FALLBACK:
            return []
    ante = ctx.antecedent(token)
    if ante is None:
        return []
    return [Participant(text=ante.name, span=_pronoun_span(token, ctx), country=ante.country, sector=ante.sector,
                        key=ante.key)]


def _first_person(token: Token, ctx: ArticleContext) -> list[Participant]:
    """"'... I insisted that negotiations continue,' Trump wrote": a first person in a quotation is
    its speaker ("I", "me"), or the speaker's side ("we", "us": ``_speaker_side``); none outside one."""
    quote = ctx.quote_of(token)
    if quote is None:
        return []
    mention = ctx.mention_of_key(quote.speaker.key)
    if mention is not None:
        speaker = Participant(text=mention.name, country=mention.country, sector=mention.sector, key=mention.key)
    else:  # an unnamed speaker ("Netanyahu's office", "the ministry"), coded by its words
        code = coding.code_phrase(quote.speaker.text.split())
        speaker = Participant(text=quote.speaker.text, country=code.country, sector=code.sector)
    if token.lower_ in FIRST_PERSON_PLURAL:
        speaker = _speaker_side(speaker, mention, token, ctx)
    return [_at_pronoun(speaker, token, ctx)]


def _speaker_side(speaker: Participant, mention: Mention | None, token: Token, ctx: ArticleContext) -> Participant:
    """Whom a speaker's "we" stands for: an official's state (its government: "we will continue
    talks", said by a president), else the speaker (a body, or a person the article gives no
    office of)."""
    if mention is None or mention.type != "PERSON" or not mention.country or mention.sector not in STATE_OFFICE_SECTORS:
        return speaker
    from .places import state_participant  # places codes parties with this module's context
    sent = token.sent
    state = state_participant(mention.country, None, Span.of(ctx.text, sent.start_char, sent.end_char), ctx)
    return Participant(text=state.text, country=state.country, sector=mention.sector, key=state.key)


CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "csubj"}
CAPABLE = {"able", "unable", "due", "determined", "keen", "reluctant", "quick", "slow", "free", "happy"}


def is_expletive_it(token: Token) -> bool:
    """"it was necessary to undertake", "made it difficult to destroy", "it could not be ruled out
    that": a subject "it" whose predicate (a copula with its complement, an adjective, a passive)
    takes a clause after it is extraposition's dummy subject, standing for that clause, not for
    anyone (English grammar: anticipatory "it")."""
    if token.lower_ != "it" or token.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
        return False
    head = token.head
    clauses = [c for c in head.children if c.dep_ in CLAUSE_DEPS and c.i > token.i]
    if not clauses:
        return False
    if token.dep_ == "nsubjpass":  # "it could not be ruled out that ...", not "it was forced to withdraw"
        return any(c.dep_ != "xcomp" and any(m.lower_ == "that" for m in c.children) for c in clauses)
    complements = [c for c in head.children if c.dep_ in {"acomp", "attr"}] if head.lemma_ == "be" else \
        [head] if head.pos_ == "ADJ" else []
    # "it was ready / willing to talk": an adjective of intent has a subject of its own (control)
    return bool(complements) and not any(c.lemma_.lower() in lexicon.INTENT_WORDS | CAPABLE
                                         for c in complements)


def _pronoun_span(token: Token, ctx: ArticleContext) -> Span:
    return Span.of(ctx.text, token.idx, token.idx + len(token))


def _at_pronoun(p: Participant, token: Token, ctx: ArticleContext) -> Participant:
    """The antecedent as the pronoun's participant: its name, country and sector, the pronoun's span
    (the words of the sentence that name it)."""
    return Participant(text=p.text, span=_pronoun_span(token, ctx), country=p.country, sector=p.sector, key=p.key)


# ------------------------------------------------------------------ subject pronouns: centering

_SKIP: list[Participant] = []  # the subject cannot be the pronoun's antecedent: look further
CENTERED_PRONOUNS = frozenset({*PRONOUN_SEX, "it", "they"})
# Subject pronouns that take no earlier name when no subject agrees by centering: "they" is plural,
# no single name is its antecedent; "it" stands as readily for a thing, an event or a situation
# ("the tram ... as it was negotiating", "It frees everybody up") as for a named body (fit half of
# news_cluster: the nearest place or body was right for 2 of 13 subject "it"s).
NO_NAME_FALLBACK = frozenset({"it", "they"})


def centered_antecedent(token: Token, ctx: ArticleContext, depth: int = 0) -> list[Participant] | None:
    """Who a subject "he", "she", "it" or "they" stands for, by centering: the subject of a clause that holds
    the pronoun's and comes before it ("Portnow walked back his comments, saying he regretted"), else
    of another clause before it in its sentence, else the subject of the previous sentence's main
    clause ("Teigen shared a video. She tells her husband"), the first of them that agrees with the
    pronoun in number, sex and kind (a person, a body, a plural); an unnamed person ("The attacker is
    killed; he pledges") is the antecedent as the article names it. None: no subject agrees, the
    nearest earlier name decides (``ArticleContext.antecedent``), never for "it" or "they"."""
    for subject in centering_subjects(token, speech=ctx.narrator_quotations(token)):
        found = _subject_antecedent(subject, token, ctx, depth)
        if found is not _SKIP:
            return found
    return None


def _subject_antecedent(subject: Token, pronoun: Token, ctx: ArticleContext, depth: int) -> list[Participant] | None:
    """The participants ``subject`` gives as the pronoun's antecedent, ``_SKIP`` when it disagrees:
    the same pronoun continues its chain; another pronoun ("she" for a "he", "they", "I"), a plural,
    or what the pronoun cannot stand for is something else. A relative pronoun on a name counts as
    that name ("the United States, which says it", ``centering_subjects``)."""
    if subject.pos_ == "PRON":
        if subject.lower_ == pronoun.lower_ and depth < PRONOUN_CHAIN:
            return _pronoun(subject, ctx, depth + 1) or _SKIP
        return _SKIP
    if pronoun.lower_ == "it":
        return _it_antecedent(subject, ctx)
    if pronoun.lower_ == "they":
        return _they_antecedent(subject, ctx)
    return _person_antecedent(subject, pronoun, ctx)


def _they_antecedent(subject: Token, ctx: ArticleContext) -> list[Participant]:
    """What a subject "they" takes up: a plural ("Investors ... they"), a coordination ("China and
    Russia ... they"), or a body or country, which British usage takes up as "they" ("China has to
    act. They have condemned"); never one person. A plural that names no party ("the missiles") is
    what "they" stands for too: it gives no participant."""
    mention = ctx.mention_at(subject)
    plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    body = mention is not None and mention.type in PRONOUN_TYPES["they"]
    if not (plural or body or is_body_noun(subject)):
        return _SKIP
    return participants([subject], ctx)


def _it_antecedent(subject: Token, ctx: ArticleContext) -> list[Participant]:
    """What a subject "it" takes up: a body or a place, named ("Amazon said it is investigating") or
    described ("the airline said it would apologize"); never a person or a plural. A thing may be
    its antecedent too, but a thing is no party: it is passed over (a parse that hangs the clause on
    the wrong verb would otherwise leave the event without its actor)."""
    mention = ctx.mention_at(subject)
    if subject.tag_ in ("NNS", "NNPS") or (mention is not None and mention.type == "PERSON"):
        return _SKIP
    if subject.pos_ == "PROPN":
        if mention is None or mention.type not in PRONOUN_TYPES["it"]:
            return _SKIP
        return [Participant(text=mention.name, country=mention.country, sector=mention.sector, key=mention.key)]
    if subject.pos_ != "NOUN" or person_noun_agrees(subject, "he") or person_noun_agrees(subject, "she"):
        return _SKIP
    return participants_of(subject, ctx) if is_body_noun(subject) else _SKIP


def _person_antecedent(subject: Token, pronoun: Token, ctx: ArticleContext) -> list[Participant]:
    """What a subject "he"/"she" takes up: a person named, of no other sex, or described."""
    mention = ctx.mention_at(subject)
    if mention is not None and mention.type == "PERSON" and subject.pos_ == "PROPN":
        if mention.key in ctx.other_sex(pronoun.lower_) or subject.tag_ == "NNPS":
            return _SKIP
        return [Participant(text=mention.name, country=mention.country, sector=mention.sector, key=mention.key)]
    if not person_noun_agrees(subject, pronoun.lower_):  # a thing, an organisation, a crowd, a plural
        return _SKIP
    described = resolve_description(subject, ctx.mentions) if is_person_role(subject.lemma_.lower()) else None
    if described is not None:  # "the minister": the person titled so; "a woman" names nobody known
        mention = next(m for m in ctx.mentions if m.key == described[1])
        return [Participant(text=mention.name, country=mention.country, sector=mention.sector, key=mention.key)]
    return participants_of(subject, ctx)


def _dedupe(items: list[Participant]) -> list[Participant]:
    seen, out = set(), []
    for p in items:
        key = (p.span.start if p.span else None, p.country, p.text)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


# ------------------------------------------------------------------ who is actor, who recipient

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
# Verbs of finding out: their subject learns of a happening, he does not do it ("looking into", "investigating").
FINDING_VERBS = frozenset("look investigate probe examine study review search find discover determine establish "
                          "learn".split())
ADJUNCT_PREPS = {"after", "before", "while", "since", "by", "upon", "following", "during"}
INHERIT_DEPS = {"xcomp", "conj", "advcl", "acl", "pcomp"}
RECIPIENT_PREPS = {"with", "on", "against", "to", "from", "into", "toward", "towards", "upon", "over"}
NOT_ACTOR_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LOC"}


def children(token: Token, deps: set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def agent_of(token: Token) -> list[Token]:
    """The "by X" of a passive verb or an event noun."""
    for child in token.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            objs = children(child, {"pobj"})
            if objs:
                return objs
    return []


def subject_of(verb: Token) -> tuple[list[Token], bool]:
    """(subject heads, passive?) climbing xcomp/conj/advcl chains when the verb has none."""
    token, controlled = verb, False
    for _ in range(6):
        # the parser sometimes hangs the subject on the auxiliary ("Chile [is] opposed")
        subj = children(token, SUBJECT_DEPS) or [s for a in children(token, {"aux", "auxpass"})
                                                 for s in children(a, SUBJECT_DEPS)] or misparsed_subjects(token)
        if subj:
            return subj, False
        passive = children(token, PASSIVE_SUBJECT_DEPS)
        if passive:
            return passive, not controlled
        controlled = controlled or is_active_complement(token)
        if token.dep_ == "xcomp":
            controller = [c for c in token.head.children if c.dep_ in {"dobj", "dative"} and is_actor_like(c)]
            if controller:
                return controller, False
        if is_dateline_lead(token):  # "LAS VEGAS - A gunman killed ...": the gunman
            return [token.head], False
        if is_finders_participle(token):  # "Investigators are looking into what caused ..., killing 10"
            break
        if token.dep_ == "pcomp" and token.head.lower_ in ADJUNCT_PREPS:  # "after holding talks, X ..."
            return adjunct_subject(token.head), is_passive_form(token)
        if token.dep_ in INHERIT_DEPS and token.head.i != token.i:
            token = token.head
            if token.dep_ == "dobj" and token.pos_ == "NOUN":  # "X issued a statement demanding ...": X
                token = token.head
            continue
        if token.dep_ == "relcl":
            return [token.head], False
        break
    return [], False


def is_finders_participle(verb: Token) -> bool:
    """"Investigators are looking into what caused a plane to crash, killing 10": a participle clause takes the
    main clause's subject only if that subject can do its act. Who says or looks into a happening may go on to
    say more ("said ..., accusing"), but does not do the harm the happening did: a toll's participle ("killing",
    "wounding") hung on a verb of saying or of finding out is the result of the happening reported (the crash),
    and the reporter is not its doer."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_.lower() in lexicon.VICTIM_VERBS and \
        verb.head.lemma_.lower() in lexicon.REPORTING | FINDING_VERBS


def verb_subjects(verb: Token) -> list[Token]:
    """A verb's own active subjects, those the parser hung elsewhere included (``misparsed_subjects``)."""
    return children(verb, SUBJECT_DEPS) or misparsed_subjects(verb)


def misparsed_subjects(verb: Token) -> list[Token]:
    """Subjects the parser hung elsewhere: an age noun read as the verb's adjective ("A disturbed
    20-year-old kills", ``is_age_noun``), or the subject of a parenthetical participle read as the main
    verb ("Mr. Moon, considered a dovish leader, also ordered": ``set_off_participle_subject``)."""
    ages = [c for c in verb.children if c.dep_ == "amod" and c.i < verb.i and is_age_noun(c)]
    return ages or set_off_participle_subject(verb)


def set_off_participle_subject(verb: Token) -> list[Token]:
    """"Mr. Moon, considered a dovish leader, also ordered his government": the parser may take the
    participle ("considered", a past tense in form) for the main verb and hang the real one on it as an
    unlabelled dependent. English sets no single comma between a subject and its verb: a verb right after
    "Subject," opens a participle phrase set off by commas (a non-restrictive modifier of the subject), and
    the verb after its closing comma is the clause's own, with the same subject."""
    head = verb.head
    if verb.dep_ != "dep" or head.pos_ != "VERB" or head.i > verb.i or head.i < 2:
        return []
    subjects = [s for s in children(head, SUBJECT_DEPS) if s.i < head.i]
    doc = verb.doc
    set_off = doc[head.i - 1].text == "," and any(last_word(s).i == head.i - 2 for s in subjects)
    closed = any(t.text == "," for t in doc[head.i + 1:verb.i])
    return subjects if set_off and closed else []


def last_word(head: Token) -> Token:
    """The last word of a phrase, less the punctuation the parser may hang on it ("Mr. Moon,")."""
    return max((t for t in head.subtree if not t.is_punct), key=lambda t: t.i, default=head)


def age_object(verb: Token) -> Token | None:
    """"Police arrested a 42-year-old": a direct object that is an age noun (``is_age_noun``), which the
    tagger calls an adjective, so no noun object is found."""
    return next((c for c in verb.children if c.dep_ == "dobj" and is_age_noun(c)), None)


def is_active_complement(verb: Token) -> bool:
    """"X was seen moving launchers", "X was ordered to withdraw": the passive of a verb of perception
    or control keeps its object as the understood subject of the complement (object control), so
    the passive subject does the complement's action."""
    return verb.dep_ == "xcomp" and not is_passive_form(verb)


def is_passive_form(verb: Token) -> bool:
    """"(after) being shot": the adjunct's understood subject, the main clause's (subject control),
    is then what the verb is done to, its patient ("X died after being shot": X the target)."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def adjunct_subject(prep: Token) -> list[Token]:
    """The understood subject of a participle adjunct ("after holding a meeting"): the first actor-like
    active subject above it; for one set off by a comma ("Trump said Washington will continue talks
    ..., shortly after holding a meeting"), the main clause's (English grammar: a participle phrase
    set off at the end of the sentence modifies the main clause, whose subject it takes, wherever the
    parser hangs it)."""
    if is_set_off(prep):
        main = [c for c in verb_subjects(prep.sent.root) if is_actor_like(c)]
        if main:
            return main
    node = prep.head
    for _ in range(6):
        subj = [c for c in verb_subjects(node) if is_actor_like(c)]
        if subj:
            return subj
        if node.head.i == node.i:
            break
        node = node.head
    return []


def is_set_off(prep: Token) -> bool:
    """Does a comma open the adjunct ("..., shortly after holding")? Its first word follows one."""
    first = min(prep.subtree, key=lambda t: t.i)
    first = min([first, *(c for c in prep.head.children if c.dep_ == "advmod" and c.i == prep.i - 1)],
                key=lambda t: t.i)
    return first.i > prep.sent.start and first.doc[first.i - 1].text == ","


def prep_objects(token: Token, preps: set[str]) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            out.extend(children(child, {"pobj"}))
    return out


def content_owner(noun: Token) -> list[Token]:
    """Whose demand/appeal/plan: "North Korea's demand", "a United Nations appeal", "calls by Annan"."""
    owners = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod", "nmod"} and is_actor_like(c)
              and c.pos_ != "PRON" and not (c.pos_ == "ADJ" and not coding.is_demonym(c.text))]
    return owners or agent_of(noun) or prep_objects(noun, {"from", "of"})
