"""Resolve a quote's source span to the article's entity mentions.

A name resolves to the mention that contains the source's head word, its appositive ("a
neighbour, Ines Varn"), the name closing its title ("Mayor of Tarnby Ines Varn"), the organisation
named before the noun of its kind ("the North's KCNA news agency") or the author its document names
("a statement released by KCNA"), a relative
pronoun as the noun its clause modifies ("Ines Varn, who said"), or, where the entity
recogniser missed this occurrence, to the one entity of the article whose name holds all of the
source's name words ("Trump" -> "Donald Trump"); a surname typed NORP to the person named in
full with it, a bare demonym to the organisation named with it ("American" -> "American
Airlines"), a dateline opening the source ("NEW YORK —") left out; a pronoun ("he") to the first
person among the subjects centering offers (``annotate.centering``, shared with event
participants: its own sentence's before it, "Kerr was forced to resign, which she later said ...",
then the previous sentence's main clause), a name however the tagger typed it where the article
shows it is a person's, an earlier "he" by what that one took up, a described person by what the
description takes up (none when that person is unnamed: "an officer", "the director"), else
the previous resolved speaker (none when the latest agreeing one is unnamed), else the nearest
preceding person mention ("it" never a person; "he"/"she" never a person of the other sex by
honorific, title, appositive noun or given name, nor a name the article does not show is a
person's, ``agreement.persons_by_evidence``); a description ("the president", "the Israeli
prime minister") to the most recent mention whose title holds its head noun and no restriction
of another body, else a bare one ("the brother", "the singer") to the person last mentioned of
those the article names with that noun in apposition or before the name ("another brother, Ola
Berg,", "Singer Ines Varn"); none when an unnamed holder ("a spokesman said") came in since; an unnamed spokesperson or
official to the organisation the phrase names ("a Nordair spokesman", "a spokeswoman for the Tarn
police"); a government to the state it governs ("the Japanese government" -> Japan, a later "the
government" -> the government that spoke before); else a description of a body to the one organisation
named before whose name's head or kind fits it ("the airline" -> "Delta Air Lines", "the casino" -> "Atlantis
Casino", "the military" -> "Israeli Army"), never a body of another state than its phrase names ("Algeria's
ministry" is no Tunisian one). Other organisations and anonymous sources ("Netanyahu's office", "a senior U.S. official")
stay speakers without a key. This is deliberately light: a full coreference model is not available
offline with en_core_web_sm.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Token

from storyline.annotate import actors
from storyline.annotate.agreement import (CLOSING_QUOTES, INDEFINITE_DETERMINERS, ORGANISATION_NOUNS, PRONOUN_SEX,
                                          ArticlePersons, described_by_other_nouns,
                                          described_person, is_organisation_noun, may_describe_organisation,
                                          named_as_person, organisation_kinds, person_noun_agrees,
                                          resolve_description)
from storyline.annotate.centering import (CLAUSE_SUBJECT_DEPS, PRONOUN_CHAIN, centering_subjects, in_heading, in_quotation,
                                          most_salient)
from storyline.annotate.entities import hyphenated_given_name_end, is_subname, name_words
from storyline.annotate.syntax import relative_antecedent
from storyline.annotate.quotes.galleries import caption_start
from storyline.annotate.quotes.lexicon import NEWS_HEADS, PRONOUNS
from storyline.annotate.quotes.turns import label_words, turn_label
from storyline.model import Mention, Span, Speaker

PERSON_PRONOUNS = frozenset("he she him her i".split())
# ... of which these describe a news outlet, the only kind a name such as "Ostburg Times-Herald" can stand for
OUTLET_NOUNS = frozenset("publication newspaper broadcaster network".split())
# An organisation described so is named at most this many paragraphs before ("Nordair said ... the airline said").
DESCRIPTION_PARAGRAPHS = 3


def resolve_speaker(text: str, source: tuple[int, int] | None, head: Token | None, mentions: list[Mention],
                    previous: list[Speaker], quoted: list[tuple[int, int]] = (),
                    persons: ArticlePersons | None = None) -> Speaker:
    """``quoted``: the article's quotations (start, end), whose words are no antecedents; ``persons``:
    the article's ``ArticlePersons`` over ``mentions`` (made once per article by the caller: every
    pronoun of the article asks it the same questions)."""
    if source is None or head is None:
        return Speaker(text="")
    source, head = _without_dateline(text, source, head)
    span = _whole_name_span(text, source)
    head = relative_antecedent(head) or head
    mention = _mention_at(head, mentions) or _appositive_mention(head, mentions) or _titled_name(head, mentions) \
        or _name_before_kind(head, mentions) or _document_author(head, mentions)
    if mention is not None:
        mention = _person_named_so(mention, mentions) or _organisation_named_so(head, mention, mentions) or mention
        return Speaker(text=mention.name, span=span, key=mention.key)
    if head.lower_ in ("i", "we") and (label := turn_label(text, head.idx)) is not None:
        resolved = _labelled_speaker(text[label[0]:label[1]], mentions)
    elif head.lower_ in PRONOUNS:
        resolved = _resolve_pronoun(head, mentions, previous, quoted, persons or ArticlePersons(text, mentions))
    elif head.lower_ in STATE_GOVERNMENTS:
        resolved = _state_governed(head, mentions, previous)
    elif _is_description(head) and head.lower_ in ORGANISATION_NOUNS:
        resolved = _resolve_organisation(head, text, mentions, previous, quoted)
    elif _is_description(head):
        resolved = resolve_description(head, mentions) or described_person(head, mentions)
    elif head.pos_ == "PROPN" or (head.pos_ == "NOUN" and head.text[:1].isupper()):  # "Trump described" tagged NOUN
        resolved = _resolve_name(head, mentions)
    else:
        resolved = None
    if resolved is None and _is_description(head) and head.lower_ not in STATE_GOVERNMENTS:
        resolved = _one_body_of_kind(head, text, mentions)
    if resolved is None and head.lower_ not in PRONOUNS:
        resolved = _body_spoken_for(head, mentions, persons or ArticlePersons(text, mentions))
    if resolved is None:
        return Speaker(text=span.text, span=span)
    return Speaker(text=resolved[0], span=span, key=resolved[1])


# Nouns for a state's ruling body as a whole (singular: "the two governments" are two states). News and
# actor coding (PLOVER, CAMEO: a government is its state's actor, sector GOV) use "the Japanese government said"
# and "Japan said" alike, so such a phrase speaks for its state; ministries, armies and agencies are bodies of
# their own and are not taken for the state.
STATE_GOVERNMENTS = frozenset("government regime".split())


def _state_governed(head: Token, mentions: list[Mention], previous: list[Speaker]) -> tuple[str, str] | None:
    """The state a government phrase speaks for: the one state its own words name ("the Japanese
    government", "South Korea's government", "the government of Japan"), as the article names that
    state ("Japan"); with none named, a definite "the government" takes up the government that spoke
    last within a few paragraphs (a definite description repeating an earlier one's head noun takes up
    its referent: "The Japanese government said ... The government said ...")."""
    states = _states_named(head, mentions)
    if len(states) == 1:
        return _state_named(states.pop(), mentions)
    if states or not _is_description(head):
        return None
    floor = _paragraphs_back(head.doc.text, head.idx, DESCRIPTION_PARAGRAPHS)
    return next(((s.text, s.key) for s in reversed(previous) if s.key and s.span and floor <= s.span.start < head.idx
                 and s.span.text.split()[-1].lower() in STATE_GOVERNMENTS), None)


def _states_named(head: Token, mentions: list[Mention]) -> set[str]:
    """The states a noun's own phrase names, as possessor, nationality or "of" complement ("Algeria's
    ministry", "the Moroccan agency", "the government of Japan"): the countries of the places and
    peoples tagged there."""
    return {m.country for t in _modifier_tokens(head) for m in [_mention_at(t, mentions)]
            if m is not None and m.type in _PLACE_OR_PEOPLE_TYPES and m.country}


def _of_another_state(mention: Mention, states: set[str]) -> bool:
    """A body the article codes to a state other than every state the description names ("the
    Moroccan agency" is no Algerian ministry): a possessor or nationality is part of what a
    description says, and a definite description takes up only a referent that fits all it says
    (Vieira and Poesio 2000). A body of no known state, or a description naming none, is not ruled out."""
    return bool(states) and mention.country is not None and mention.country not in states


def _modifier_tokens(head: Token) -> list[Token]:
    """The words of a noun's pre-modifiers and of its "of" phrase: where a phrase names whose it is."""
    before = [t for c in head.children if c.i < head.i and c.dep_ in ("amod", "compound", "poss", "nmod")
              for t in c.subtree]
    return before + [t for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of" for t in prep.subtree]


def _state_named(country: str, mentions: list[Mention]) -> tuple[str, str] | None:
    """The article's one state (a GPE mention coded ``country``, its most mentioned name when several)."""
    keys = Counter((m.name, m.key) for m in mentions if m.type == "GPE" and m.key and m.country == country
                   and actors.country_of_state_name(m.name) == country)
    return keys.most_common(1)[0][0] if keys else None


# Words for the people who speak for a body by office: what a spokesperson or an official says is the
# body's statement. Not "source" (an unnamed source may be outside the body it knows about) nor
# "executive", "officer" (who speak for themselves as often as for the firm).
BODY_VOICES = frozenset("spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen official "
                        "representative".split())
# Prepositions that tie a spokesperson to the body spoken for ("a spokesman for Nordair", "an official
# of the ministry", "a spokesperson from the police", "an official at the agency").
_BODY_PREPOSITIONS = frozenset("for of from at with".split())


def _body_spoken_for(head: Token, mentions: list[Mention], persons: ArticlePersons) -> tuple[str, str] | None:
    """The organisation an unnamed spokesperson or official speaks for ("A Nordair spokesman", "Tarn
    Council officials", "a spokeswoman for the Tarn police"): news reports such a source's words as
    the body's position, and actor coding (PLOVER, CAMEO) codes "a spokesman for X" as X. Only a
    body the noun phrase itself names, before the noun or as the object of "for", "of", "from",
    "at", "with" on it, and only one; not when the phrase names a person the article shows is one
    (``persons``), whom the spokesperson serves ("a spokesman for Mayor Ines Varn") or who the
    official is ("an official named Ola Berg"); a nationality or a place ("Japanese officials", "Tarn
    officials") names no body. The name is the body's even where the tagger typed it otherwise or
    cut it (``_named_bodies``)."""
    if head.lemma_.lower() not in BODY_VOICES and head.lower_ not in BODY_VOICES:
        return None
    phrases = [c for c in head.children if c.i < head.i and c.dep_ in ("compound", "poss", "nmod", "amod")]
    phrases += [obj for prep in head.children if prep.dep_ == "prep" and prep.lower_ in _BODY_PREPOSITIONS
                for obj in prep.children if obj.dep_ == "pobj"]
    shown = persons.by_evidence()
    if any(m.type == "PERSON" and m.key in shown for t in head.subtree for m in [_mention_at(t, mentions)] if m):
        return None
    bodies = _named_bodies(phrases, mentions, shown)
    if len(bodies) != 1:
        return None
    body = next(iter(bodies.values()))
    return body.name, body.key


# Types a tagger gives a body's name by mistake that still name one thing, not a place or a people:
# "Transport for London" read as a work's title, "Kremlin" as a building.
_THING_TYPES = frozenset({"WORK_OF_ART", "PRODUCT", "FAC", "LAW"})
_PLACE_OR_PEOPLE_TYPES = frozenset({"GPE", "LOC", "NORP"})


def _named_bodies(phrases: list[Token], mentions: list[Mention], shown: frozenset[str]) -> dict[str, Mention]:
    """The bodies the phrases name, by key: organisations tagged so; else the one organisation of
    the article whose name opens with a proper name the phrase gives ("All Nippon" of "All Nippon
    Airways": news names a body in full once, then by a short form, which the tagger may type
    a person); else the name a phrase is, typed as a thing, or as a person the article never shows
    is one ("Kestrel officials"): what has spokespeople and officials is a body. A name inside a
    phrase headed by a common noun ("the Tarn police") is the body only when typed an organisation."""
    named = [m for phrase in phrases for t in phrase.subtree for m in [_mention_at(t, mentions)]
             if m is not None and m.key]
    bodies = {m.key: m for m in named if m.type == "ORG"}
    if not bodies:
        bodies = {m.key: m for phrase in phrases for m in _organisations_opening_with(phrase, mentions)}
    if not bodies:
        bodies = {m.key: m for phrase in phrases if phrase.pos_ == "PROPN" for m in [_mention_at(phrase, mentions)]
                  if m is not None and m.key and (m.type in _THING_TYPES or m.type == "PERSON" and m.key not in shown)}
    return bodies


def _organisations_opening_with(phrase: Token, mentions: list[Mention]) -> list[Mention]:
    """The article's one organisation whose name opens with the words of ``phrase``, when the phrase
    is a proper name whose words are all capitalized ("All Nippon"): none for a common noun with a
    name before it ("the Tarn police" is not "Tarn Council"), nor for several organisations, nor for
    the name of a place or a people ("U.S." of "U.S. Consulate"): it names itself, and "a U.S.
    official" speaks for no body of the article's."""
    words = [t.text.lower() for t in phrase.subtree if not t.is_punct]
    if phrase.pos_ != "PROPN" or not all(t.text[:1].isupper() for t in phrase.subtree if not t.is_punct):
        return []
    named = _mention_at(phrase, mentions)
    if named is not None and named.type in _PLACE_OR_PEOPLE_TYPES:
        return []
    found = {m.key: m for m in mentions if m.type == "ORG" and m.key
             and [w.lower() for w in m.name.split()][:len(words)] == words and len(m.name.split()) > len(words)}
    return list(found.values()) if len(found) == 1 else []


def _without_dateline(text: str, source: tuple[int, int], head: Token) -> tuple[tuple[int, int], Token]:
    """The source after a dateline the parse joined to it ("NEW YORK — Actress Ines Varn has
    accused ..."): news style opens a story's paragraph with its place in capitals and a dash,
    which says where it was filed, not who speaks; the speaker is the phrase after it, headed by
    its root."""
    end = dateline_end(text, source[0])
    if end is None or end >= source[1]:
        return source, head
    rest = head.doc.char_span(end, source[1], alignment_mode="contract")
    if rest is None or not len(rest):
        return source, head
    return (end, source[1]), rest.root


def dateline_end(text: str, start: int) -> int | None:
    """Where a dateline opening a paragraph at ``start`` ends (after its dash), None when there is none."""
    if start and text[start - 1] != "\n":
        return None
    match = _DATELINE.match(text, start)
    return match.end() if match else None


# A place in capitals ("NEW YORK", "RAMALLAH, West Bank", "CAPE CANAVERAL, Fla."; two joined by a
# slash, "SEOUL/WASHINGTON"), the wire that filed it in brackets ("(Reuters)"), and a dash.
_PLACE = r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*"
_DATELINE = re.compile(rf"{_PLACE}(?:/{_PLACE})*(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)*)?(?: \([A-Z][\w .]*\))?"
                       r" ?[—–-]{1,2} (?=\S)")


def _whole_name_span(text: str, source: tuple[int, int]) -> Span:
    """The source's span, over the rest of a Korean given name the parse cut at its hyphen
    ("President Moon Jae" + "-in"), as the entity's own span is."""
    return Span.of(text, source[0], hyphenated_given_name_end(text, source[1]))


def _mention_at(head: Token, mentions: list[Mention]) -> Mention | None:
    return next((m for m in mentions if m.span.start <= head.idx < m.span.end), None)


def _person_named_so(mention: Mention, mentions: list[Mention]) -> Mention | None:
    """The article's person a speaker's one-word name typed as a nationality or group (NORP)
    stands for: the one person the article names in full with that surname ("Mattis said" after
    "Jim Mattis"). One word naming a group that speaks is no surname of a person in the same
    article, and news names a person in full once, then by surname. Other types are left as
    typed: companies are named after people ("Ford", "Bloomberg"), and a name the article types
    both PERSON and ORG is one entity corpus-wide (``canonical``)."""
    words = name_words(mention.name)
    if mention.type != "NORP" or len(words) != 1:
        return None
    persons = {m.key: m for m in mentions if m.type == "PERSON" and len(name_words(m.name)) > 1
               and is_subname(words, name_words(m.name))}
    return next(iter(persons.values())) if len(persons) == 1 else None


def _organisation_named_so(head: Token, mention: Mention, mentions: list[Mention]) -> Mention | None:
    """The article's organisation a bare demonym speaks for ("American pledged to ..." in a story
    about American Airlines): a singular demonym with no article names no people ("an American",
    "Americans" do), so as a subject it is the short name of the one organisation the article
    names with it ("American Airlines")."""
    if mention.type != "NORP" or actors.demonym_name(head.text) != head.text \
            or any(c.dep_ == "det" for c in head.children):
        return None
    word = head.text.lower()
    named = {m.key: m for m in mentions if m.type == "ORG" and m.name.lower().startswith(word + " ")}
    return next(iter(named.values())) if len(named) == 1 else None


def _appositive_mention(head: Token, mentions: list[Mention]) -> Mention | None:
    """The person or organisation an apposition gives the source: an appositive renames its head
    ("A neighbour, Ines Varn, told ...", "his lawyer, Ola Berg, said ..."); a place
    after a comma ("OSLO, Norway — the ministry said") locates, it does not rename."""
    return next((m for child in head.children if child.dep_ == "appos"
                 for m in [_mention_at(child, mentions)] if m is not None and m.type in ("PERSON", "ORG")), None)


def _titled_name(head: Token, mentions: list[Mention]) -> Mention | None:
    """The name closing a title phrase the parser made the head ("Mayor of Tarnby Ines Varn", "Head
    of the Tarnby Harbour Board Ola Berg": the name parsed as the object of "of"/"to"). News
    style names an office holder by the title, its office, then the name, with no comma, and the
    name is who speaks. Not a name right after the preposition ("an aide to Trump") nor one with a
    title of its own ("a spokesman for Russian President Vladimir Putin"): that is whom the source
    serves, not the source."""
    if not actors.is_title_head(head.text):
        return None
    for prep in (c for c in head.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            mention = _mention_at(obj, mentions)
            if mention is not None and mention.type in ("PERSON", "ORG") \
                    and _closes_office_name(obj.doc, prep, mention):
                return mention
    return None


def _name_before_kind(head: Token, mentions: list[Mention]) -> Mention | None:
    """The organisation named right before the noun of its kind ("the North's KCNA news agency",
    "Tass news agency", "the Nordair airline"): a proper name premodifying an organisation noun
    names what the noun describes, as "the news agency KCNA" would (close apposition). Only a name
    typed an organisation and only one; a person's noun ("the Nordair spokesman") speaks for a body
    but is not it (``_body_spoken_for``), and a place or people before the noun ("the Japanese
    agency") names no body."""
    if not is_organisation_noun(head.lemma_.lower()):
        return None
    named = {m.key: m for child in head.children if child.dep_ == "compound" and child.i < head.i
             for t in child.subtree for m in [_mention_at(t, mentions)] if m is not None and m.key and m.type == "ORG"}
    return next(iter(named.values())) if len(named) == 1 else None


# Nouns of a written or spoken message with an author, and the participles that give it one ("a statement
# released by X"): PARC attributes what a document says to whoever wrote or issued it.
DOCUMENT_NOUNS = frozenset("statement report letter memo communique release announcement".split())
_AUTHORING_PARTICIPLES = frozenset("release issue publish send post carry write sign".split())


def _document_author(head: Token, mentions: list[Mention]) -> Mention | None:
    """The author a message's own phrase names ("a statement released by the Tarn Police", "a report
    by Radio Tarn", "a report from Nordair"): the document speaks for whoever issued it, as a
    spokesperson speaks for the body. Only a person or an organisation, and only one; "by" or "from"
    on the noun itself or the agent of a participle of issuing on it."""
    if head.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("by", "from")]
    preps += [a for part in head.children if part.dep_ == "acl" and part.lemma_.lower() in _AUTHORING_PARTICIPLES
              for a in part.children if a.dep_ == "agent"]
    authors = {m.key: m for prep in preps for obj in prep.children if obj.dep_ == "pobj"
               for m in [_mention_at(obj, mentions)] if m is not None and m.key and m.type in ("PERSON", "ORG")}
    return next(iter(authors.values())) if len(authors) == 1 else None


def _closes_office_name(doc, prep: Token, mention: Mention) -> bool:
    """The word before the name is a capitalized word of the office's name ("London", "Nations",
    "Committee"), not the preposition itself nor a title of the name's own ("President")."""
    first = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if first is None or first.start == 0:
        return False
    before = doc[first.start - 1]
    return before.i > prep.i and before.text[:1].isupper() and not actors.is_title_head(before.text) \
        and not actors.is_honorific(before.text)


def _resolve_name(head: Token, mentions: list[Mention]) -> tuple[str, str] | None:
    """The article's one entity whose name holds the source's name words (its head and the proper
    nouns compounded with it); None when no entity or several ("Smith" with two Smiths) do. One
    name the tagger typed two ways ("Nordair" as ORG and NORP) is one thing: the type most of its
    mentions carry."""
    words = {head.lower_} | {t.lower_ for t in head.children if t.pos_ == "PROPN" and t.dep_ == "compound"}
    states = _states_named(head, mentions) if head.is_lower else set()  # a common noun tagged a name
    found = [m for m in mentions if m.key and m.type in ("PERSON", "ORG", "GPE", "NORP")
             and words <= set(m.name.lower().split()) and not _of_another_state(m, states)]
    if len({m.name for m in found}) != 1:
        return None
    keys = Counter(m.key for m in found).most_common()
    if len(keys) > 1 and keys[0][1] == keys[1][1]:
        return None
    return found[0].name, keys[0][0]


def _resolve_pronoun(head: Token, mentions: list[Mention], previous: list[Speaker], quoted: list[tuple[int, int]],
                     persons: ArticlePersons, depth: int = 0) -> tuple[str, str] | None:
    person = head.lower_ in PERSON_PRONOUNS
    other_sex = persons.other_sex(head.lower_)
    floor = caption_start(head.doc.text, head.idx) or 0  # a gallery caption's pronoun: only whom it names
    text, sexed = head.doc.text, head.lower_ in PRONOUN_SEX  # a "he" or "she" of the body: no caption's person
    mentions = [m for m in mentions if m.key not in other_sex and m.span.start >= floor
                and not (sexed and _in_caption_line(text, m.span.start, head.idx))]
    previous = [s for s in previous if s.span and s.span.start >= floor
                and not (sexed and _in_caption_line(text, s.span.start, head.idx))]
    found = _Antecedents(mentions, previous, quoted, persons, floor)
    if person:
        centered = _centered(head, found, depth)
        if centered is not _NO_CENTER:
            return centered
    wanted = _antecedent_types(head.lower_)
    ruled_out = other_sex | (_not_shown_persons(mentions, persons.by_evidence(head.lower_)) if person else set())
    mentions = [m for m in mentions if m.key not in ruled_out]
    for speaker in reversed(previous):
        if head.lower_ in PRONOUN_SEX and speaker.span.start < head.idx and _continued_by(head, speaker):
            if not speaker.key:
                if _person_named_since(speaker.span.end, head.idx, mentions, quoted):
                    continue  # a person named after the unnamed one is the more recent
                return _described_speaker(head, speaker, found)
            if speaker.span.text.lower() == head.lower_:  # "she said ... she said": whatever type her name got
                return speaker.text, speaker.key
        if speaker.key and speaker.span and speaker.span.start < head.idx and speaker.key not in ruled_out \
                and not _other_pronoun(head.lower_, speaker) \
                and not _writer_and_third_person(head, speaker, quoted):
            m = next((m for m in mentions if m.key == speaker.key), None)
            if m is None or m.type in wanted:
                return speaker.text, speaker.key
    before = [m for m in mentions if m.span.end <= head.idx and m.type in wanted
              and not in_quotation(m.span.start, quoted)]
    if before:
        m = max(before, key=lambda m: m.span.start)
        return m.name, m.key
    return None


# Marks that close a sentence inside a quotation before its closing quote mark ("... training.'").
_CLOSING_INSIDE = frozenset(".!?…,")


def _in_caption_line(text: str, offset: int, at: int) -> bool:
    """Is ``offset`` in a line of its own before ``at`` that is no utterance of the text: a photo
    caption or a heading (``centering.in_heading``: it closes without a full stop), or one closing
    on a quote mark with no full stop inside it ("Coach Ola Berg said the airline needs 'training'")?
    News sets neither as a sentence; whom it names is no antecedent of a pronoun of the body text
    (centering reads only utterances)."""
    if in_heading(text, offset, at):
        return True
    end = text.find("\n", offset)
    line = text[text.rfind("\n", 0, offset) + 1:end].rstrip() if 0 <= end < at else ""
    return len(line) > 1 and line[-1] in CLOSING_QUOTES and line[-2] not in _CLOSING_INSIDE


def _continued_by(pronoun: Token, speaker: Speaker) -> bool:
    """Is an earlier speaker one the pronoun continues, with or without an entity: the same pronoun
    ("He said ... He added"), or a person described by a noun that agrees with it ("the director
    said")? The latest speaker who agrees is the one a later "he said" continues; one the article
    does not name leaves the pronoun without an entity, not an older speaker's."""
    source = pronoun.doc.char_span(speaker.span.start, speaker.span.end, alignment_mode="expand")
    if source is None:
        return False
    root = source.root
    return root.lower_ == pronoun.lower_ or (root.pos_ == "NOUN" and person_noun_agrees(root, pronoun.lower_))


def _described_speaker(pronoun: Token, speaker: Speaker, found: _Antecedents) -> tuple[str, str] | None:
    """Whom an earlier speaker given by a definite description that took up no one by its noun ("the
    director said") stands for, as a later "he" continuing it reads it: the person that description
    takes up by salience (``_salient_person``); None for any other unnamed speaker ("a spokesman")."""
    source = pronoun.doc.char_span(speaker.span.start, speaker.span.end, alignment_mode="expand")
    if source is None or source.root.pos_ != "NOUN" or not _is_description(source.root):
        return None
    taken = _salient_person(source.root, pronoun, found)
    return None if taken is _NO_CENTER else taken


def _person_named_since(start: int, end: int, mentions: list[Mention], quoted: list[tuple[int, int]]) -> bool:
    """Is a person (of those the pronoun may take up) named between ``start`` and ``end``, outside
    quotations?"""
    return any(m.type == "PERSON" and start <= m.span.start and m.span.end <= end
               and not in_quotation(m.span.start, quoted) for m in mentions)


def _not_shown_persons(mentions: list[Mention], shown: frozenset[str]) -> set[str]:
    """Keys typed PERSON that the article does not show are persons (``shown``: ``persons_by_evidence``
    of these mentions): no coreference model, so a he/she falls back only to a name the article
    shows is a person's."""
    return {m.key for m in mentions if m.type == "PERSON"} - shown


def _labelled_speaker(label: str, mentions: list[Mention]) -> tuple[str, str] | None:
    """The person a transcript turn's label names ("VARN:" -> Ines Varn, the one person of the
    article with that surname): the turn's "I" is its speaker, never an earlier one. A role ("HOST",
    "Q") or a surname of several persons names no entity."""
    words = label_words(label)
    if not words:
        return None
    surname = words[-1].lower()
    persons = {m.key: m.name for m in mentions
               if m.type == "PERSON" and m.name.split() and m.name.split()[-1].lower() == surname}
    return next(iter((name, key) for key, name in persons.items())) if len(persons) == 1 else None


def _other_pronoun(pronoun: str, speaker: Speaker) -> bool:
    """An earlier speaker given as a pronoun of the other sex ("he said" before "she said"):
    whoever it was resolved to, the "she" is someone else (agreement in gender)."""
    said = PRONOUN_SEX.get(speaker.span.text.lower()) if speaker.span else None
    return said is not None and PRONOUN_SEX.get(pronoun) not in (None, said)


def _writer_and_third_person(head: Token, speaker: Speaker, quoted: list[tuple[int, int]]) -> bool:
    """An "I" of the narration (outside quotation marks: the writer) and an earlier speaker given as
    "he" or "she": a first and a third person are two people (agreement in person)."""
    return head.lower_ == "i" and not in_quotation(head.idx, quoted) \
        and speaker.span is not None and speaker.span.text.lower() in PRONOUN_SEX


def _antecedent_types(pronoun: str) -> tuple[str, ...]:
    """Mention types a pronoun can take: "he"/"she" persons, "it" never a person, "they" any."""
    if pronoun in PERSON_PRONOUNS:
        return ("PERSON",)
    return ("ORG", "GPE", "NORP") if pronoun == "it" else ("PERSON", "ORG", "GPE", "NORP")


@dataclass(frozen=True, slots=True)
class _Antecedents:
    """What a "he" or "she" may take up: the article's mentions (those of the other sex left out),
    the speakers resolved before it, the quotations, the article's persons, and the start of the
    gallery caption holding the pronoun (0 outside one)."""

    mentions: list[Mention]
    previous: list[Speaker]
    quoted: list[tuple[int, int]]
    persons: ArticlePersons
    floor: int


_NO_CENTER = object()  # no subject agrees by centering: the earlier speakers and names decide


def _centered(head: Token, found: _Antecedents, depth: int = 0) -> tuple[str, str] | None | object:
    """Whom a "he" or "she" takes up by centering (``centering_subjects``): the first subject in that
    order that agrees, over an earlier speaker (grammatical parallelism: "Kerr was forced to resign,
    which she later said ...", "Ines Varn was not impressed. 'It is a poor plan,' she said."). None
    when that subject is a person the article does not name ("An officer at the port sounded the
    alarm. 'Stay back,' he said."): the pronoun continues him, though no entity names him;
    ``_NO_CENTER`` when no subject agrees."""
    for subject in centering_subjects(head, found.quoted):
        if subject.idx >= found.floor:
            taken = _subject_taken_up(subject, head, found, depth)
            if taken is not _NO_CENTER:
                return taken
    return _NO_CENTER


def _subject_taken_up(subject: Token, pronoun: Token, found: _Antecedents,
                      depth: int) -> tuple[str, str] | None | object:
    """What a centering subject gives a "he" or "she": a person named (``found.mentions`` hold no
    person of the other sex), the same pronoun's own antecedent (a chain, "He was supposed to fly
    ... he misheard ... 'They said Oakland,' he told": the center continued, Grosz, Joshi and
    Weinstein's CONTINUE), the name a noun is given ("a student named Ola Berg"), or a person
    described by a noun that agrees with the pronoun ("the director", "an officer", "the
    attacker"): the person that description takes up, None when it takes up no one the article
    names. ``_NO_CENTER``: the subject disagrees (a thing, a body, a plural, another pronoun)."""
    mention = _person_mention(subject, found.mentions)
    if mention is not None:
        return mention.name, mention.key
    if pronoun.lower_ not in PRONOUN_SEX:  # "I": the speaker or the writer, whom no description gives
        return None if _is_unnamed_person(subject, found.mentions) else _NO_CENTER
    if subject.lower_ == pronoun.lower_:
        return _chained(subject, found, depth)
    named = _named_so(subject, found.mentions) or _appositive_mention(subject, found.mentions)
    if named is not None and subject.pos_ == "NOUN":  # "A resident, Priscilla McBride": a person, however typed
        agrees = named.type == "PERSON" or person_noun_agrees(subject, pronoun.lower_)
        return (named.name, named.key) if agrees else _NO_CENTER
    if subject.pos_ == "PROPN" or subject.text[:1].isupper() and _mention_at(subject, found.mentions):
        return _person_typed_otherwise(subject, pronoun, found)  # a name ("Timberlake" may be tagged NOUN)
    if _is_unnamed_person(subject, found.mentions):
        return None
    if subject.pos_ == "NOUN" and person_noun_agrees(subject, pronoun.lower_) and _is_definite(subject):
        taken = resolve_description(subject, found.mentions) or described_person(subject, found.mentions)
        if taken is None and _is_description(subject):  # not a relation's possessive ("her cousin" is another)
            return _salient_person(subject, pronoun, found)
        return taken
    return _NO_CENTER


# Paragraphs back (the description's own and the one before) where a definite description of a person
# finds the person it takes up by salience: "named just before" it.
SALIENT_PERSON_PARAGRAPHS = 2


def _salient_person(description: Token, pronoun: Token, found: _Antecedents) -> tuple[str, str] | None | object:
    """The person a definite description that takes up no one by its noun stands for ("Ines Varn
    spoke to the paper, in which the actress said"): a definite description takes up a referent the
    text has given (Vieira and Poesio 2000: "coreferent, different head" descriptions are resolved by
    salience, as pronouns are), here the most salient person named before it, in its paragraph or the
    one before (``SALIENT_PERSON_PARAGRAPHS``), outside quotations, whom the article shows is a
    person, of the pronoun's sex (which the noun's agrees with: "the actress" is a "she"), not
    described by another word for a person or a relative ("Ola Berg, a friend," is not "the
    actress"). None when the text introduced an unnamed person by the same noun ("a Nato
    spokesperson said ... The Nato spokesperson said": direct anaphora, Poesio and Vieira 1998), or
    when an unnamed person introduced in the window is the more salient ("A gunman opens fire ... The
    attacker is killed").
    ``_NO_CENTER`` when no one is: the earlier speakers decide."""
    text = description.doc.text
    if _unnamed_persons(description, pronoun, 0, found, description.lemma_.lower()):
        return None  # "a local Nato spokesperson said ... The Nato spokesperson said": the same head, no name
    floor = _paragraphs_back(text, description.idx, SALIENT_PERSON_PARAGRAPHS)
    unnamed = next(iter(_unnamed_persons(description, pronoun, floor, found)), None)
    shown = found.persons.by_evidence(pronoun.lower_)
    described_otherwise = described_by_other_nouns(description, found.mentions)
    candidates: dict[str, list[Mention]] = {}
    if unnamed is not None:  # competes by salience with the persons named: "One man ... told CNN's Ines Varn"
        floor = unnamed.sent.start_char  # and the persons named before its sentence are no longer the latest
        candidates[_UNNAMED] = [Mention(Span.of(text, unnamed.idx, unnamed.idx + len(unnamed)), "PERSON", None,
                                        unnamed.text)]
    for m in found.mentions:
        if m.type == "PERSON" and m.key in shown and m.key not in described_otherwise \
                and floor <= m.span.start and m.span.end <= description.idx \
                and not in_quotation(m.span.start, found.quoted):
            candidates.setdefault(m.key, []).append(m)
    key = most_salient(candidates, description) if candidates else None
    if key == _UNNAMED:
        return None
    return (candidates[key][0].name, key) if key is not None else _NO_CENTER


_UNNAMED = "\0unnamed"  # the referent an indefinite person noun introduced, which no entity names


def _unnamed_persons(description: Token, pronoun: Token, floor: int, found: _Antecedents,
                     lemma: str | None = None) -> list[Token]:
    """The persons introduced by an indefinite noun that agrees with the pronoun ("a gunman", "one
    man") and given no name ("a student, Ola Berg," is named), between ``floor`` and the description,
    the latest first, outside quotations and captions; only those of the noun ``lemma`` when given."""
    text = description.doc.text
    return [t for t in reversed(description.doc[:description.i]) if t.idx >= floor and t.pos_ == "NOUN"
            and (lemma is None or t.lemma_.lower() == lemma) and person_noun_agrees(t, pronoun.lower_)
            and any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE_DETERMINERS | {"one"}
                    for c in t.children)  # "one man who was leaving": a new referent, as "a man"
            and not in_quotation(t.idx, found.quoted) and not _in_caption_line(text, t.idx, description.idx)
            and _mention_at(t, found.mentions) is None and _appositive_mention(t, found.mentions) is None
            and _named_so(t, found.mentions) is None]


def _person_typed_otherwise(subject: Token, pronoun: Token, found: _Antecedents) -> tuple[str, str] | None | object:
    """A name subject with no person mention (of the pronoun's sex: ``found.mentions`` hold no other)
    that is a person's all the same: the one person of the article whose name holds its words (news
    names a person in full, then by surname: "Justin Timberlake ... Timberlake", the tagger typing
    the surname a nationality), else a name the article names a person's (``named_as_person``) at it
    or at a mention holding its words ("seaweed farmer Mitsuyo Kawamura ... Kawamura has since
    stocked up", typed a place), as the fullest such name, or a name with a person noun in apposition
    ("Ajmal Jan, a local shopkeeper"), as its own mention's entity, else none. The center is that
    person, over an older antecedent (centering: the pronoun continues the previous utterance's
    subject, whatever type a tagger gives its name). ``_NO_CENTER`` when nothing shows the name is
    a person's ("Japan", "Nordair")."""
    text = subject.doc.text
    own = _mention_at(subject, found.mentions)
    words = name_words(own.name) if own is not None else [subject.lower_]
    shown = found.persons.by_evidence(pronoun.lower_)
    persons = {m.key: m for m in found.mentions if m.type == "PERSON" and m.key in shown
               and is_subname(words, name_words(m.name))}
    if own is not None and len(persons) == 1:  # "Timberlake" typed NORP where the article names Justin Timberlake
        person = next(iter(persons.values()))
        return person.name, person.key
    named = [m for m in found.mentions if m.type != "PERSON" and m.key and is_subname(words, name_words(m.name))
             and named_as_person(text, m, pronoun.lower_)]
    if named:  # the fullest name the article gives the person ("Mitsuyo Kawamura" for "Kawamura")
        fullest = max(named, key=lambda m: (len(name_words(m.name)), m.span.start))
        return fullest.name, fullest.key
    if any(c.dep_ == "appos" and person_noun_agrees(c, pronoun.lower_) for c in subject.children):
        return (own.name, own.key) if own is not None and own.key else None  # "Ajmal Jan, a local shopkeeper"
    return _NO_CENTER


def _chained(earlier: Token, found: _Antecedents, depth: int) -> tuple[str, str] | None | object:
    """The antecedent of an earlier subject "he" (or "she") that a later one continues: the speaker
    it was resolved to when it spoke, else its own resolution, a few pronouns back at most
    (``PRONOUN_CHAIN``, as event participants follow it)."""
    spoke = next((s for s in found.previous if s.span.start == earlier.idx), None)
    if spoke is not None:
        return (spoke.text, spoke.key) if spoke.key else None
    if depth >= PRONOUN_CHAIN:
        return _NO_CENTER
    return _resolve_pronoun(earlier, found.mentions, found.previous, found.quoted, found.persons, depth + 1)


def _named_so(noun: Token, mentions: list[Mention]) -> Mention | None:
    """The name a noun is given by a participle of naming ("a student named Ola Berg", "a man called
    Ivo Lind"): the noun introduces the person the name names."""
    return next((m for child in noun.children if child.dep_ == "acl" and child.lemma_.lower() in ("name", "call")
                 for t in child.subtree if t.i != child.i for m in [_mention_at(t, mentions)] if m is not None), None)


def _is_definite(noun: Token) -> bool:
    """A noun phrase that takes up someone given before: "the", "this", "that" or a possessive
    ("the director", "his brother")."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") or c.dep_ == "poss" for c in noun.children)


def _person_mention(token: Token, mentions: list[Mention]) -> Mention | None:
    mention = _mention_at(token, mentions)
    return mention if mention is not None and mention.type == "PERSON" else None


def _is_unnamed_person(subject: Token, mentions: list[Mention]) -> bool:
    """An indefinite title with no name ("an officer"): a person the article does not name."""
    return subject.pos_ == "NOUN" and actors.is_title_head(subject.lemma_) \
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children) \
        and _mention_at(subject, mentions) is None and _appositive_mention(subject, mentions) is None


def _is_description(head: Token) -> bool:
    """"the president", also when the tagger calls the noun a proper noun (it often does after a
    closing quote mark, and for "the President")."""
    return head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


def _resolve_organisation(head: Token, text: str, mentions: list[Mention], previous: list[Speaker],
                          quoted: list[tuple[int, int]]) -> tuple[str, str] | None:
    """The organisation a description such as "the airline" stands for: the last organisation
    that spoke before it, else the last organisation named as a subject before it (what the
    text is about, as for pronouns; a medium named as an object, "told Radio Tarn", is not), within a
    few paragraphs and outside quotations."""
    floor = _paragraphs_back(text, head.idx, DESCRIPTION_PARAGRAPHS)
    outlet = head.lower_ in OUTLET_NOUNS
    organisations = {m.key: m for m in mentions if m.type == "ORG" and m.key and _is_outlet(m) <= outlet}
    states = _states_named(head, mentions)
    organisations = {key: m for key, m in organisations.items() if _fits_kind(head, text, key, mentions)
                     and not _of_another_state(m, states)}
    for speaker in reversed(previous):
        if speaker.key in organisations and speaker.span and floor <= speaker.span.start < head.idx:
            return speaker.text, speaker.key
    subjects = [m for m in mentions if m.key in organisations and floor <= m.span.start and m.span.end <= head.idx
                and not in_quotation(m.span.start, quoted) and _is_subject(head.doc, m)]
    m = max(subjects, key=lambda m: m.span.start, default=None)
    return (m.name, m.key) if m else None


# Words that end an airline's name ("Delta Air Lines", "All Nippon Airways", "Kestrel Airlines"): the trade's
# own naming, so "the airline" takes up such a name as "the casino" takes up "Atlantis Casino".
_AIRLINE_NAME = re.compile(r"\b(?:air\s+lines|airlines|airways)\b", re.IGNORECASE)


def _one_body_of_kind(head: Token, text: str, mentions: list[Mention]) -> tuple[str, str] | None:
    """The one organisation named before a definite description of a body that it fits ("the airline"
    after "Delta Air Lines", "the casino" after "Atlantis Casino", "the transport police" after "British
    Transport Police"), when no speaker or subject nearby gave it one: a definite description takes up a
    referent the text has given, and one whose head noun is the head of an earlier name, or the kind the
    article gives it, with no modifier the name lacks, takes up that name (Vieira and Poesio 2000, same
    head). None when no organisation, or several, fit: an unnamed body stays without an entity."""
    modifiers = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i}
    noun = head.lemma_.lower()
    states = _states_named(head, mentions)
    fitting = {m.key: m for m in mentions if m.type == "ORG" and m.key and m.span.end <= head.idx
               and _is_outlet(m) <= (noun in OUTLET_NOUNS) and _described_by(head, modifiers, text, m)
               and not _of_another_state(m, states)}
    if len(fitting) != 1:
        return None
    body = next(iter(fitting.values()))
    return body.name, body.key


def _described_by(head: Token, modifiers: set[str], text: str, mention: Mention) -> bool:
    """Does a description with head noun ``head`` and lower-case ``modifiers`` fit the organisation: its
    name's head word is the noun, in the same number (an airline's name ends in "Airlines", "Airways" or
    "Air Lines"; "the Packers" takes up "Green Bay Packers", "the leak" not "Offshore Leaks", one of a
    plural), or the article gives it that kind (``organisation_kinds``), and every modifier is a word of
    its name ("the transport police" fits "British Transport Police", "the German police" no such name)."""
    name = _AIRLINE_NAME.sub("airline", mention.name.lower())
    words = re.findall(r"[a-z-]+", name)
    noun = head.lemma_.lower()
    kinds = organisation_kinds(text, mention)
    fits = _same_head(head.lower_, _name_head(words)) or bool(kinds) and may_describe_organisation(noun, kinds)
    return fits and modifiers <= set(words)


# Nouns news uses alike for one state's armed forces ("The Israeli army said ... the military said ..."):
# either takes up a name headed by the other.
_ARMED_FORCES_NOUNS = frozenset({"army", "military"})


def _same_head(noun: str, name_head: str) -> bool:
    """The description's noun is the name's head, or both are nouns of one state's armed forces."""
    return noun == name_head or {noun, name_head} <= _ARMED_FORCES_NOUNS


def _name_head(words: list[str]) -> str:
    """A name's head word: its last word before "of" or "for" ("Ministry of Defence" -> ministry)."""
    cut = next((i for i, w in enumerate(words) if w in ("of", "for") and i), len(words))
    return words[cut - 1] if cut else ""


def _fits_kind(head: Token, text: str, key: str, mentions: list[Mention]) -> bool:
    """Does the description's noun fit the kinds of organisation the article gives the entity in
    any of its mentions (``may_describe_organisation``)?"""
    kinds = set().union(*(organisation_kinds(text, m) for m in mentions if m.key == key))
    return may_describe_organisation(head.lemma_.lower(), kinds)


def _is_outlet(mention: Mention) -> bool:
    """A news outlet's name ("Ostburg Times-Herald", "Radio Tarn"): "the company" never stands for one."""
    return bool(set(mention.name.lower().replace("-", " ").split()) & NEWS_HEADS)


def _paragraphs_back(text: str, offset: int, count: int) -> int:
    """Start of the paragraph ``count - 1`` paragraphs before the one holding ``offset``."""
    start = offset
    for _ in range(count):
        start = text.rfind("\n", 0, max(start - 1, 0)) + 1
        if start == 0:
            break
    return start


def _is_subject(doc, mention: Mention) -> bool:
    """The mention is a clause's subject (as centering counts them), or the possessor of one
    ("Kestrel Space's mission captured")."""
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "poss":
        root = root.head
    return root.dep_ in CLAUSE_SUBJECT_DEPS
