"""Agreement of a pronoun or a description with the persons an article names, shared by quote
speakers and event participants: a "he" never stands for a person the article calls "Ms", a
"she" never for a "Mr." (agreement in gender), and "the president" stands for the latest person
whose title shares its words."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Token

from storyline.annotate import actors
from storyline.annotate.entities import name_words
from storyline.annotate.given_names import given_name_sex, is_given_name
from storyline.model import Mention

# Words that give a person's sex: honorifics before the name ("Mr. Vale", "Ms Kern") and nouns of a
# title that exist in a male and a female form ("the actress Ada Kern"). "he" never stands for a
# person the article calls "Ms", "she" never for a "Mr." (pronoun agreement in gender).
SEX_WORDS = {**dict.fromkeys("mr sir lord actor father husband son brother king prince widower".split(), "he"),
             **dict.fromkeys("""mrs ms miss lady dame madam actress mother wife daughter sister queen princess
                 widow""".split(), "she")}
# Determiners that introduce an entity new to the text ("a spokesman said"), where "the" takes one up.
INDEFINITE_DETERMINERS = frozenset("a an another".split())
PRONOUN_SEX = {"he": "he", "him": "he", "she": "she", "her": "she"}
# Nouns that name a kind of organisation: "the airline", "the space agency" stand for one the
# article has named ("Nordair", "Kestrel Space"), never for a person.
ORGANISATION_NOUNS = frozenset("""company firm airline carrier agency publication newspaper broadcaster network
    organization organisation startup start-up retailer carmaker automaker manufacturer chipmaker insurer
    bank""".split())
# Nouns of a group of people that acts as one ("the group", "the coalition", "the charity"): like an
# organisation noun, one describes a body, never a person, though the tagger may type its name PERSON
# ("the watchdog group Fair Screens").
COLLECTIVE_NOUNS = frozenset("""group coalition alliance charity foundation nonprofit watchdog association band
    team club""".split())
# Common nouns that name one person with no role or title (occupations the title list lacks among
# them: "singer", "farmer", "shopkeeper"), the sex of those that give one: a "he" or "she" takes up
# "a 23-year-old student", "a supporter of ..." as readily as a name, and a name after or before one
# ("seaweed farmer Mitsuyo Kawamura", "Ajmal Jan, a local shopkeeper") is a person's.
PERSON_NOUNS = {**dict.fromkeys("""person child teenager teen youth supporter fan driver passenger victim suspect
                    friend neighbour neighbor resident attacker gunman shooter assailant
                    singer rapper musician comedian model artist author writer journalist photographer farmer
                    fisherman shopkeeper guard witness analyst worker employee nurse pilot teacher owner survivor
                    protester tourist traveller traveler commuter villager shopper customer""".split()),
                **dict.fromkeys("man boy".split(), "he"), **dict.fromkeys("woman girl".split(), "she")}
# The word right before a name ("Mr. Vale"), or before the comma that sets the name off as an
# appositive ("his first wife, Eve", "A resident, Ines Varn,"): a word naming the same person.
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?,?\s+$")
# A capitalized word inside a sentence (after a lower-case word or a comma) right before a name.
_GIVEN_NAME_LEFT_OUT = re.compile(r"[a-z,]\s+([A-Z][a-z]+)\s+$")
OPENING_QUOTES = frozenset("\"“‘'")
CLOSING_QUOTES = frozenset("\"”’'")
# A lower-case noun right before a name, with no comma between: a premodifier describing it ("group Fair Screens").
_PREMODIFIER = re.compile(r"\b([a-z]+)\s+$")
# An appositive noun phrase right after a name, up to its head noun ("Lockheed Martin, the aerospace company").
_APPOSITIVE_AFTER = re.compile(r",\s+(?:the|a|an)\s+[^,.;:()]{0,60}?\b([a-z]+)"
                               r"(?=[,.;:)]|\s+(?:that|which|based|in|of)\b)")
# A title's head noun is the last word before its prepositional modifiers ("president of Capital Bank").
_TITLE_MODIFIERS = re.compile(r"\s(?:of|at|for|in|to|with|from)\s", re.IGNORECASE)
PLACE_PREPOSITIONS = frozenset("in near outside inside".split())
# Words a person's name may write in lower case (particles: "Ludwig van Beethoven", "bin Salman");
# any other lower-case word makes a phrase no person's name ("golden Buddha").
NAME_PARTICLES = frozenset("van von der den de del della da di du la le bin bint al el ibn ben y".split())


def keys_of_other_sex(pronoun: str, text: str, mentions: list[Mention]) -> set[str]:
    """Persons a "he" or "she" cannot stand for: those the article gives the other sex, by an
    honorific right before a mention, a sexed word of its title or its given name; a person given
    both is left open (a tagger's cluster may join two people)."""
    wanted = PRONOUN_SEX.get(pronoun)
    if wanted is None:
        return set()
    persons = [m for m in mentions if m.type == "PERSON" and m.key]
    given_names = _given_names(persons)
    sexes: dict[str, set[str]] = {}
    for m in persons:
        sexes.setdefault(m.key, set()).update(_sex_words(text, m, given_names))
    return {key for key, found in sexes.items() if found and wanted not in found}


def _given_names(persons: list[Mention]) -> set[str]:
    """The first words of the article's full person names ("uma" of "Uma Thurman"): a lone name
    the article also writes so is a given name ("Uma"), not a surname."""
    return {words[0] for m in persons for words in [name_words(m.name)] if len(words) > 1}


def _sex_words(text: str, mention: Mention, given_names: set[str] = frozenset()) -> set[str]:
    """Sexes the words around one mention give: the word before it ("Ms Kern") or its first
    word when the tagger took the honorific in, the words of its title ("actress"), and the
    given name of its full name ("Ada Kern")."""
    before = word_before(text, mention)
    words = [before] if before else []
    words += mention.span.text.split()[:1] + (mention.title or "").replace(".", " ").split()
    sexes = {SEX_WORDS[w.lower().rstrip(".")] for w in words if w.lower().rstrip(".") in SEX_WORDS}
    return sexes | _given_name_sexes(mention.name, given_names)


def word_before(text: str, mention: Mention) -> str:
    """The word right before a mention, or before the comma of an appositive ("wife, Eve"); "" if none."""
    before = _WORD_BEFORE.search(text[max(0, mention.span.start - 20):mention.span.start])
    return before.group(1) if before else ""


def _given_name_sexes(name: str, given_names: set[str]) -> set[str]:
    """The sex the given name of a full name tells ("Uma Thurman": she), given name first as
    ``name_words`` orders it (a Korean or Chinese name is written family name first). A lone word
    tells one only when the article uses it as a given name (``given_names``): else it may be a
    surname ("Martin" for Ms. Martin)."""
    words = name_words(name)
    sex = given_name_sex(words[0]) if len(words) > 1 or (words and words[0] in given_names) else None
    return {sex} if sex else set()


def persons_by_evidence(text: str, mentions: list[Mention]) -> set[str]:
    """Keys of the mentions typed PERSON that the article shows are persons (``is_person_by_evidence``):
    the only names a "he" or "she" falls back to when centering finds no agreeing subject. The
    mentions are grouped by entity and the names typed otherwise listed once, for all entities."""
    keys = {m.key for m in mentions if m.type == "PERSON" and m.key}
    own: dict[str, list[Mention]] = {}
    for m in mentions:
        own.setdefault(m.key, []).append(m)
    others = _typed_otherwise(mentions)
    return {key for key in keys if _shown_a_person(own[key], others, text)}


@dataclass(slots=True)
class ArticlePersons:
    """One article's persons as agreement reads them, each answer found once: every pronoun of an
    article asks the same questions (which persons a "he" or "she" cannot take up, which names the
    article shows are persons'), and each answer reads all of its mentions. Made per article, by
    whoever holds the article (nothing is kept across articles: the annotators run in process
    pools and Spark tasks)."""

    text: str
    mentions: list[Mention]
    _other_sex: dict[str | None, frozenset[str]] = field(default_factory=dict)
    _by_evidence: dict[str | None, frozenset[str]] = field(default_factory=dict)

    def other_sex(self, pronoun: str) -> frozenset[str]:
        """``keys_of_other_sex``, found once per sex a pronoun gives ("he", "him": one)."""
        sex = PRONOUN_SEX.get(pronoun)
        if sex not in self._other_sex:
            self._other_sex[sex] = frozenset(keys_of_other_sex(pronoun, self.text, self.mentions))
        return self._other_sex[sex]

    def by_evidence(self, pronoun: str | None = None) -> frozenset[str]:
        """``persons_by_evidence`` over the mentions ``pronoun`` may take up, those of the other
        sex left out (all of them for None or a pronoun of no sex), once per sex."""
        sex = PRONOUN_SEX.get(pronoun or "")
        if sex not in self._by_evidence:
            other = self.other_sex(pronoun or "")
            self._by_evidence[sex] = frozenset(persons_by_evidence(
                self.text, [m for m in self.mentions if m.key not in other] if other else self.mentions))
        return self._by_evidence[sex]


def is_person_by_evidence(key: str, text: str, mentions: list[Mention]) -> bool:
    """Is the entity the tagger typed PERSON a person by the article's own evidence? The tagger
    types companies ("Qualcomm"), places ("Savoy") and page words ("Invalid") PERSON now and then.
    None described as an organisation ("Lockheed Martin, the aerospace company"). A person: one
    named with a title, an honorific or a word for a person ("Mr. Vale", "a resident, Ines Varn");
    else not the opening of a longer name the article types otherwise ("Sandy Hook" of "Sandy Hook
    Elementary School"), nor mostly a work's title in quotation marks or a place after "in", and
    either a given name of the census lists, or, typed so no more often than otherwise, a name of
    several capitalized words (a lone word that is no given name may be anything: "Twitter")."""
    return _shown_a_person([m for m in mentions if m.key == key], _typed_otherwise(mentions), text)


def _typed_otherwise(mentions: list[Mention]) -> list[str]:
    """The names (case-folded) of the mentions not typed PERSON."""
    return [m.span.text.casefold() for m in mentions if m.type != "PERSON"]


def _shown_a_person(own: list[Mention], others: list[str], text: str) -> bool:
    """``is_person_by_evidence`` of the entity of the mentions ``own``, ``others`` the names
    typed otherwise (``_typed_otherwise``)."""
    if any(_described_as_organisation(text, m) for m in own):
        return False
    if any(_names_a_person(text, m) for m in own):
        return True
    forms = {m.span.text.casefold() for m in own}
    if any(o.startswith(f"{form} ") for o in others for form in forms) or _mostly(own, text, _is_quoted_title) \
            or _mostly(own, text, _is_place_object):
        return False
    words = own[0].name.split()
    if words and _given_name_first(own[0].name):
        return True
    typed_otherwise = sum(o in forms for o in others)
    several_words = len(words) > 1 or any(_follows_given_name(text, m) for m in own)
    return several_words and typed_otherwise < len(own) \
        and all(w[:1].isupper() or w.casefold() in NAME_PARTICLES for w in words)


def _mostly(own: list[Mention], text: str, test) -> bool:
    """Does ``test`` hold for most of an entity's mentions (a headline or a slip may differ)?"""
    return 2 * sum(test(text, m) for m in own) > len(own)


def _given_name_first(name: str) -> bool:
    """Does the name open with a capitalized given name of the census lists ("Eve", not "golden")?"""
    first = name_words(name)[0]
    written = next((w for w in name.split() if w.strip(".,").casefold() == first), "")
    return written[:1].isupper() and is_given_name(first)


def _describing_nouns(text: str, mention: Mention) -> list[str]:
    """The head of an appositive right after the name ("Lockheed Martin, the aerospace company") and
    a lower-case noun right before it ("the watchdog group Fair Screens"), those present."""
    after = _APPOSITIVE_AFTER.match(text, mention.span.end)
    before = _PREMODIFIER.search(text[max(0, mention.span.start - 20):mention.span.start])
    return [found.group(1) for found in (after, before) if found]


def _described_as_organisation(text: str, mention: Mention) -> bool:
    """A name the article describes as an organisation, by an appositive after it ("Lockheed Martin,
    the aerospace company"), a noun premodifying it ("the watchdog group Fair Screens") or a title
    the tagger took for one, is none of its persons."""
    heads = _describing_nouns(text, mention)
    heads += _TITLE_MODIFIERS.split(mention.title or "")[0].split()[-1:]  # "president of Capital Bank": president
    return any(is_organisation_noun(h.lower()) for h in heads)


# A business of any trade is a "company" or a "firm"; a state's agency and a group of people
# acting as one (``COLLECTIVE_NOUNS``) are neither.
_BUSINESS_NOUNS = ORGANISATION_NOUNS - {"agency", "organization", "organisation"}
_GENERIC_NOUNS = {"company": _BUSINESS_NOUNS, "firm": _BUSINESS_NOUNS,
                  "organization": ORGANISATION_NOUNS | COLLECTIVE_NOUNS,
                  "organisation": ORGANISATION_NOUNS | COLLECTIVE_NOUNS}


def organisation_kinds(text: str, mention: Mention) -> set[str]:
    """The organisation nouns the article gives a name: by an appositive after it ("Nordair, the
    airline,"), a noun before it ("the advocacy group Fair Screens") or a word of the name itself
    ("Kestrel Airlines", "National Association for ..."; a plural is its noun)."""
    words = _describing_nouns(text, mention)
    words += [_singular(w.lower()) for w in re.findall(r"[A-Za-z-]+", mention.name)
              if w.lower() not in _NAME_WORDS_OF_ANY_KIND]
    kinds = {w for w in words if is_organisation_noun(w)}
    return kinds | {"company"} if "agency" in kinds and _trade_agency(text, mention) else kinds


# Trades whose "agency" is a business selling a service to clients ("a credit reporting agency",
# "an advertising agency", "the news agency", "a travel agency"): such an agency is a company, which
# "the company" takes up; an agency with no trade named, or a state's ("the space agency", "a
# federal agency"), is a state body, which it does not.
_TRADE_AGENCY = re.compile(r"\b(?:credit[ -]reporting|credit[ -]rating|ratings?|advertising|ad|news|travel|talent|"
                           r"marketing|model(?:l)?ing|employment|recruitment|recruiting|staffing|insurance|"
                           r"real[ -]estate|public[ -]relations|PR|casting|literary|debt[ -]collection|collection|"
                           r"creative|design)"
                           r"\s+agency\b", re.IGNORECASE)


def _trade_agency(text: str, mention: Mention) -> bool:
    """Does the article call the name an agency of a trade (``_TRADE_AGENCY``): in its appositive
    ("Equifax, the credit reporting agency"), right before it ("the advertising agency Kestrel")
    or in the name ("Kestrel Travel Agency")?"""
    after = _APPOSITIVE_AFTER.match(text, mention.span.end)
    before = _TRADE_AGENCY_BEFORE.search(text[max(0, mention.span.start - 60):mention.span.start])
    return bool(after and _TRADE_AGENCY.search(after.group(0)) or before or _TRADE_AGENCY.search(mention.name))


_TRADE_AGENCY_BEFORE = re.compile(_TRADE_AGENCY.pattern + r"\s+$", re.IGNORECASE)


# "Group" ends the names of businesses as well ("Kestrel Group Inc."): in a name it gives no kind.
_NAME_WORDS_OF_ANY_KIND = frozenset({"group", "groups"})


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and is_organisation_noun(word[:-1]) else word


def may_describe_organisation(noun: str, kinds: set[str]) -> bool:
    """Can a description headed by ``noun`` ("the airline") take up an organisation the article
    gives these kinds? A definite description takes up an entity its head noun fits (Poesio and
    Vieira 1998): one given another kind only ("the advocacy group", "National Association") is
    not "the airline"; "the company" fits any business. With no kind given, any fits."""
    if not kinds or noun in kinds:
        return True
    return bool(kinds & _GENERIC_NOUNS.get(noun, set()))


def is_organisation_noun(word: str) -> bool:
    """A noun for an organisation or a group acting as one ("company", "group"): a body, no person."""
    return word in ORGANISATION_NOUNS or word in COLLECTIVE_NOUNS


def names_a_body(noun: Token) -> bool:
    """Does the noun name an organisation, a group or a state's body ("the group", "the
    government")? A description with it takes up no person (``resolve_description``,
    ``described_person``), whatever type the tagger gave a name it describes."""
    word = noun.lemma_.lower()
    return is_organisation_noun(word) or actors.organization_sector(word) is not None


def _persons_not_bodies(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions typed PERSON and keyed, less the entities the article describes as an
    organisation (``_described_as_organisation``): the tagger types groups PERSON now and then."""
    persons = [m for m in mentions if m.type == "PERSON" and m.key]
    bodies = {m.key for m in persons if _described_as_organisation(text, m)}
    return [m for m in persons if m.key not in bodies]


def _is_place_object(text: str, mention: Mention) -> bool:
    """A name after a preposition of place ("in Aurora", "near Erimo") names a place, not a person;
    a possessive after it ("in Trump's term") is someone's."""
    before = text[max(0, mention.span.start - 8):mention.span.start].split()
    return bool(before) and before[-1].lower() in PLACE_PREPOSITIONS \
        and not text.startswith(("'s", "’s"), mention.span.end)


def _is_quoted_title(text: str, mention: Mention) -> bool:
    """A name set in quotation marks of its own ("Kill Bill.") is the title of a work, not a person."""
    before = text[max(0, mention.span.start - 1):mention.span.start]
    after = text[mention.span.end:mention.span.end + 2].lstrip(".,")
    return before in OPENING_QUOTES and after[:1] in CLOSING_QUOTES


def _follows_given_name(text: str, mention: Mention) -> bool:
    """A lone name right after a capitalized word inside a sentence ("teenager Ahed Tamimi"): the
    tagger left out a given name, the name is written in full."""
    found = _GIVEN_NAME_LEFT_OUT.search(text[max(0, mention.span.start - 40):mention.span.start])
    return found is not None and found.group(1).lower() not in STOP_WORDS  # "All Nippon": no given name


def _names_a_person(text: str, mention: Mention) -> bool:
    """A title, or the word before the name (an honorific or an appositive noun) names a person."""
    if mention.title:
        return True
    word = word_before(text, mention).lower()
    return word in SEX_WORDS or word in PERSON_NOUNS or actors.is_honorific(word) or actors.is_title_head(word)


def named_as_person(text: str, mention: Mention, pronoun: str) -> bool:
    """Does the article name the mention a person's, whatever type the tagger gave it, and one the
    pronoun ("he", "she") agrees with? A title, an honorific or a word for a person right before it
    ("seaweed farmer Mitsuyo Kawamura", "Ms Okesola") or heading an appositive right after it
    ("Takaaki Uesugi, a security guard at the town hall", "Ines Varn, professor emeritus at ...")
    names a person (news style introduces a person so); a sexed word of the other sex rules it out.
    The tagger types such names ORG, GPE or a work's title now and then."""
    if not (_names_a_person(text, mention) or _person_appositive_after(text, mention)):
        return False
    sexes = _sex_words(text, mention)
    return not sexes or PRONOUN_SEX.get(pronoun) in sexes


# An appositive right after a name, up to its first preposition or punctuation: ", a security guard at".
_APPOSITIVE_WORDS = re.compile(r",\s+(?:(?:a|an|the)\s+)?((?:[A-Za-z'’-]+\s+){0,4}?[A-Za-z'’-]+)"
                               r"(?=\s*[,.;:()]|\s+(?:at|of|in|for|from|with|on|who|and)\b)")


def _person_appositive_after(text: str, mention: Mention) -> bool:
    """Is the appositive right after the name headed (or titled) by a word for a person: a lower-case
    word of ``PERSON_NOUNS``, ``SEX_WORDS`` or a title ("a local shopkeeper", "professor emeritus")?"""
    found = _APPOSITIVE_WORDS.match(text, mention.span.end)
    if found is None:
        return False
    words = [w for w in found.group(1).split() if w.islower()]
    return any(w in PERSON_NOUNS or w in SEX_WORDS or actors.is_title_head(w) for w in words)


def resolve_description(head: Token, mentions: list[Mention]) -> tuple[str, str] | None:
    """The latest earlier mention whose title names the description's role (its head noun) and
    shares the most of its words. The head noun is the role ("the spokesman", "the Israeli
    president"): a title sharing only a modifier ("Japanese Prime Minister" for "the Japanese
    military") names another role. A title restricted to another body than the description's
    ("Taliban spokesman" for "the Nato spokesman": each has a modifier the other lacks) names
    another holder of the role, and so does one named before an unnamed holder ("a spokesman said"
    after the named one, ``_unnamed_holder_since``)."""
    if names_a_body(head):
        return None
    words = {t.lower_ for t in head.subtree if t.pos_ in ("NOUN", "ADJ", "PROPN")}
    modifiers = words - {head.lower_}
    text = head.doc.text  # joined from every token on each call: once here
    persons = {m.key for m in _persons_not_bodies(mentions, text)}
    best, best_score = None, 0
    for m in mentions:
        if m.span.end > head.idx or not m.title or (m.type == "PERSON" and m.key not in persons):
            continue
        title_words = {w.strip(".,").lower() for w in m.title.split()} - STOP_WORDS
        if head.lower_ not in title_words or _restricted_otherwise(modifiers, title_words - {head.lower_}):
            continue
        shared = words & title_words
        if len(shared) >= best_score:
            best, best_score = m, len(shared)
    if best is None or _unnamed_holder_since(head, best, mentions, text):
        return None
    return best.name, best.key


def _restricted_otherwise(modifiers: set[str], title_modifiers: set[str]) -> bool:
    """Do the description and the title each restrict the role by a word the other lacks? A place
    and its demonym are one restriction ("Korea" / "Korean": a demonym is its place name with a
    suffix), so a word matches any word it opens or that opens it."""
    def unmatched(words: set[str], others: set[str]) -> bool:
        return any(not any(w.startswith(o) or o.startswith(w) for o in others) for w in words)
    return unmatched(modifiers, title_modifiers) and unmatched(title_modifiers, modifiers)


def _unnamed_holder_since(head: Token, named: Mention, mentions: list[Mention], text: str) -> bool:
    """Is someone the article does not name introduced with the description's noun after ``named``
    ("A foreign ministry spokesman in Berlin said ... the spokesman said")? A definite description
    takes up the latest entity introduced with its head noun; an indefinite one ("a", "another")
    introduces a new entity, and this one has no name."""
    persons = [m for m in mentions if m.type == "PERSON"]
    return any(t.lemma_.lower() == head.lemma_.lower() and t.pos_ == "NOUN" and named.span.end <= t.idx
               and any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in t.children)
               and not _described_by(t, persons, text) for t in head.doc[:head.i])


def _described_by(noun: Token, persons: list[Mention], text: str) -> list[Mention]:
    """The person mentions a noun describes (``_describes``; ``text``: the Doc's)."""
    return [m for m in persons if _describes(noun, m, text)]


def _describes(noun: Token, mention: Mention, text: str) -> bool:
    """Does the noun describe the name, by the parse's own edges and with its noun phrase right
    next to the name: its phrase in apposition after the name ("Ines Varn, a Danish student living
    in Oslo,": the parse heads the phrase by "student", which a text pattern would read at
    "living"), the name in apposition after it ("another brother, Ola Berg"), or it premodifying the
    name ("Singer Ines Varn")? Next to the name: an edge the parser hangs further off joins two
    phrases that do not rename each other. ``text``: the Doc's (``Doc.text`` joins every token's
    text on each call, and this runs for every word and name of an article)."""
    end = noun.idx + len(noun.text)

    def in_name(token: Token) -> bool:
        return mention.span.start <= token.idx < mention.span.end

    if noun.dep_ == "appos" and in_name(noun.head):
        return _only_a_comma(text, mention.span.end, noun.left_edge.idx)
    if noun.dep_ == "compound" and in_name(noun.head):
        return _only_a_comma(text, end, mention.span.start)
    return any(c.dep_ == "appos" and in_name(c) for c in noun.children) \
        and _only_a_comma(text, end, mention.span.start)


def _only_a_comma(text: str, start: int, end: int) -> bool:
    """Does the text from ``start`` to ``end`` hold only spaces and at most the one comma that sets
    an appositive off? Not when ``end`` comes first: a noun inside the name ("Billy Goat Tavern")
    describes nothing."""
    return start <= end and text[start:end].strip() in ("", ",")


def described_person(head: Token, mentions: list[Mention]) -> tuple[str, str] | None:
    """The person the article introduced with the description's noun, the latest mentioned before
    it: a definite description takes up the discourse entity introduced with the same head noun
    (Poesio and Vieira 1998, "direct anaphora"), here a name in apposition to that noun ("another
    brother, Ola Berg,", "Ines Varn, the singer,") or after it as a premodifier ("Singer Ines
    Varn"). Only a bare noun ("the brother"): a modifier restricts it to a holder the noun next
    to a name does not show it is ("the 87-year-old comedian", "the Nato spokesman"). A plural
    ("the brothers") names several, no one person; a capitalised head inside a sentence
    ("according to The Undefeated") is a name, not a description."""
    if head.tag_ in ("NNS", "NNPS") or not head.text.islower() or names_a_body(head) \
            or any(t.pos_ in ("NOUN", "ADJ", "PROPN", "NUM") for t in head.subtree if t.i != head.i):
        return None
    text = head.doc.text  # joined from every token on each call: once here
    persons = _persons_not_bodies(mentions, text)
    lemma = head.lemma_.lower()
    keys = {m.key for t in head.doc[:head.i] if t.lemma_.lower() == lemma for m in _described_by(t, persons, text)}
    latest = max((m for m in persons if m.key in keys and m.span.end <= head.idx), key=lambda m: m.span.start,
                 default=None)
    if latest is None or _unnamed_holder_since(head, latest, mentions, text):
        return None
    return latest.name, latest.key


def person_noun_agrees(noun: Token, pronoun: str) -> bool:
    """Can ``pronoun`` ("he", "she") take up this common noun? One person (singular), named by a
    word for a person (``PERSON_NOUNS``, a sexed word of ``SEX_WORDS``) or a role ("the official",
    "a student"), of the pronoun's sex where the word gives one."""
    word = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or noun.tag_ == "NNS":
        return False
    sex = SEX_WORDS.get(word) or PERSON_NOUNS.get(word)
    if sex is not None:
        return sex == PRONOUN_SEX.get(pronoun)
    return word in PERSON_NOUNS or is_person_role(word)


def is_person_role(word: str) -> bool:
    """A title noun ("minister", "student", "official"): one person by role. The other sector nouns
    name organisations ("army") or collectives ("crowd"), which a "he" or "she" does not take up."""
    entry = actors.title_words().get(word)
    return entry is not None and entry.role == "head"  # "override" words are modifiers ("Army Chief")


def is_body_noun(noun: Token) -> bool:
    """A singular common noun naming an organisation or a state's body, which "it" takes up ("the
    airline", "the government", "the army"), as persons take "he" or "she"."""
    word = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and noun.tag_ != "NNS" and (
        word in ORGANISATION_NOUNS or actors.organization_sector(word) is not None)
