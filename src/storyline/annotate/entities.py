"""Entity mentions of one article: spaCy's named entities, repaired, with titles, countries,
sectors and article-local clusters (``Mention.key``).

spaCy's small model makes a few systematic errors on news that later stages cannot absorb
(a sentence-initial "Beyond Iran" tagged PERSON, a surname split off as GPE, "Trump" tagged ORG),
and it has no notion of titles, countries or of which mentions are the same person. The repairs
and the clustering here are rules over the parse; the knowledge lives in ``actors``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.attrs import LOWER
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from storyline.annotate import actors
from storyline.annotate.given_names import is_given_name
from storyline.annotate.nlp import is_parse_of
from storyline.model import Mention, Span

ENTITY_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                           "WORK_OF_ART", "LAW", "LANGUAGE"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Mentions that name only a country: the sector, if any, is in the noun they modify.
COUNTRY_ONLY_LABELS = frozenset({"NORP", "GPE", "LOC"})
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
MAX_TITLE_TOKENS = 8
MAX_NAME_AFTER_TITLE = 3  # given name(s) and surname of an untagged name after a title
_SPACES = re.compile(r"\s+")
# Dashes that, set off by spaces, break a sentence or end a dateline ("SAN JOSE, Costa Rica - ...").
SPACED_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
# A romanized Korean given name: two syllables joined by a hyphen, the second in lower case ("Min-jun",
# "Ha-eun"); a double-barrelled Western surname capitalizes both parts ("Hale-Berry").
_KOREAN_GIVEN_NAME = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,5}")
_HYPHEN_SYLLABLE = re.compile(r"-[a-z]{1,5}(?![A-Za-z])")
# A Korean name written without its hyphen ("Kim Jong Un", "Moon Jae In") is three words, family name
# first: a common Korean family name (a closed set, as honorifics are), then two words each one
# romanized syllable (an initial of at most two consonants, a vowel group, a final n/ng/m/l/k/p/r or
# none). English given names rarely take that shape ("Ann", "Smith", "Roy" do not).
_KOREAN_FAMILY_NAMES = frozenset("""
kim lee yi rhee ri park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im han oh seo suh
shin sin kwon hwang ahn an song ryu yoo yu hong jeon jun chun ko moon mun yang son sohn bae baek paik heo huh
nam noh roh kwak sung seong cha joo ju woo min
""".split())
_KOREAN_SYLLABLE = re.compile(r"[bcdghjkmnprstwy]{0,2}[aeiou]{1,3}(?:ng|n|m|l|k|p|r)?")
# A Chinese name is written family name first in English news ("Hua Chunying", then "Hua"; "Xi
# Jinping", then "Xi"): two words, a Chinese family name (a closed set, as honorifics are) and a given
# name of one or two pinyin syllables written as one word ("Chunying" is chun-ying; "Smith", "Ann" are
# no pinyin). When the given name is itself one of the commonest family names ("Tong Zhao", a scholar
# writing his name given name first), the order cannot be told from the words and is left as written.
_CHINESE_FAMILY_NAMES = frozenset("""
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang
han feng deng cao peng zeng xiao tian dong yuan pan cai jiang yu du ye cheng wei su lu ding ren shen yao cui
zhong tan fan jin shi liao jia xia fu fang bai zou meng xiong qin qiu hou yin xue yan duan lei long tao gu mao
hao gong shao wan qian geng hua xi zhai kong bao kang lai niu qu rao shang tong wen xing zhan zhuang
""".split())
_COMMONEST_CHINESE_FAMILY_NAMES = frozenset("""
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo
""".split())
_PINYIN_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
                    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo"
                    r"|ue|ui|er|a|e|i|o|u)")
_PINYIN_GIVEN_NAME = re.compile(f"(?:{_PINYIN_SYLLABLE}){{1,2}}")


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A repaired entity: token range, label, the title found for it and, with no title, the
    description that says its nationality ("an Afghan boy, ..."; PERSON only)."""

    start: int
    end: int
    label: str
    title: str | None = None
    description: str | None = None
    name: str | None = None  # the name to show when the words are written otherwise ("foreign ministry")


def extract_mentions(doc: Doc, text: str, headline: str | None = None, published: str | None = None) -> list[Mention]:
    """Entity mentions of an article, in text order, clustered within the article.

    ``doc`` must have been parsed from exactly ``text``: spans are offsets into it. ``headline``:
    the article's title, which may name in full a person the text calls by surname only.
    ``published``: the article's day, on which a leader named without a title holds office or not.
    """
    if not is_parse_of(doc, text):
        raise ValueError("doc was not parsed from this text")
    candidates = [_with_title(doc, c) for c in _repaired_candidates(doc)]
    return _clustered_mentions(doc, text, candidates, headline, published)


# ------------------------------------------------------------------------------ repairs


def _repaired_candidates(doc: Doc) -> list[_Candidate]:
    """doc.ents of the kept labels after merging split names, trimming and re-typing."""
    raw = [_without_leading_network(doc, _before_spaced_dash(doc, piece)) for e in doc.ents if e.label_ in ENTITY_LABELS
           for piece in _split_at_line_breaks(doc, _Candidate(e.start, e.end, e.label_))]
    merged = _extend_hyphenated_given_names(doc, _extend_person_heads(doc, _merge_split_persons(doc, raw)))
    merged = _halves_as_states(doc, merged)
    trimmed = [t for t in (_trimmed(doc, c) for c in _persons_by_title(doc, merged)) if t is not None]
    found = _persons_by_apposition(doc, [_retyped(doc, c) for c in trimmed])
    found = _with_known_acronyms(doc, found + _persons_after_titles(doc, found))
    return sorted(_with_lower_case_ministries(doc, found), key=lambda c: c.start)


def _split_at_line_breaks(doc: Doc, cand: _Candidate) -> list[_Candidate]:
    """A name never runs across a line break ("Elon Musk\nMusk says"): cut it there."""
    pieces, start = [], cand.start
    for i in range(cand.start, cand.end):
        if "\n" in doc[i].whitespace_ or (doc[i].is_space and "\n" in doc[i].text):
            pieces.append(replace(cand, start=start, end=i + 1))
            start = i + 1
    pieces.append(replace(cand, start=start, end=cand.end))
    return [p for p in pieces if p.start < p.end]


def _before_spaced_dash(doc: Doc, cand: _Candidate) -> _Candidate:
    """A name never runs across a spaced dash ("SAN JOSE, Costa Rica - Investigators are ..."): a
    dash set off by spaces ends a dateline or opens a parenthetical break, and no name is written
    with one (a hyphenated name's hyphen is unspaced). The tagger reads on past it from the name it
    found, so the name is the part before the dash."""
    for i in range(cand.start + 1, cand.end - 1):
        if doc[i].text in SPACED_DASHES and doc[i - 1].whitespace_ and doc[i].whitespace_:
            return replace(cand, end=i)
    return cand


def _without_leading_network(doc: Doc, cand: _Candidate) -> _Candidate:
    """A social network's name is no part of a person's name after it ("wrote on Twitter Christian
    Estrosi, mayor of Nice": an inverted reporting clause puts the medium right before the speaker).
    A network's name is never a given name; cut only when a census given name follows and a surname
    after it, so a network's own products ("Facebook Messenger", "Telegram X") keep their names."""
    if cand.end - cand.start >= 3 and _is_network_name(doc[cand.start]) and is_given_name(doc[cand.start + 1].text):
        return replace(cand, start=cand.start + 1)
    return cand


def _is_network_name(token: Token) -> bool:
    """A capitalized social network's name ("Twitter"; not the letter "X")."""
    return token.lower_ in actors.NETWORK_NAMES and len(token.text) > 1 and token.text[:1].isupper()


def _halves_as_states(doc: Doc, cands: list[_Candidate]) -> list[_Candidate]:
    """"the North" / "the South" (and "the North's") as the state it stands for: news on a divided
    country calls each half so once it has named it ("curb the North's nuclear programs" is North
    Korea's), and the tagger types the word a region (LOC) or leaves it untagged. ``_half_state``
    gives the one state of the article whose name opens with the word (none when it names several,
    "South Korea" and "South Sudan"); the mention is that state's GPE, named as the state, so every
    stage (events' parties, quote speakers) sees the state. Only the bare word after "the": "the
    North Atlantic" is another name, and "north" in lower case a direction."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    out = []
    for cand in cands:
        state = _bare_half_state(doc, cand.start) if cand.end - cand.start == 1 and cand.label != "PERSON" else None
        out.append(replace(cand, label="GPE", name=actors.country_name(state)) if state else cand)
    for token in doc:
        if token.i not in taken and token.text in _HALVES and (state := _bare_half_state(doc, token.i)):
            out.append(_Candidate(token.i, token.i + 1, "GPE", name=actors.country_name(state)))
    return sorted(out, key=lambda c: c.start)


def _bare_half_state(doc: Doc, i: int) -> str | None:
    """The state a bare "North" / "South" at ``i`` stands for: after "the", with no capitalized word
    after it that would make it part of a longer name."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    if i == 0 or doc[i - 1].lower_ != "the" or doc[i].text not in _HALVES or \
            after is not None and after.text[:1].isupper() and after.pos_ == "PROPN":
        return None
    return _half_state(doc, [doc[i - 1], doc[i]])


def _span_text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text


def _is_bare_name(doc: Doc, start: int, end: int) -> bool:
    """Proper nouns that name no place, people, social network or known organisation: a split-off surname."""
    tokens = doc[start:end]
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() and not _is_network_name(t) for t in tokens) and \
        actors.country_of_name(tokens.text) is None and not actors.is_region_name(tokens.text) and \
        not any(actors.is_title_word(t.text) for t in tokens)


def _adjacent(doc: Doc, left: _Candidate, right: _Candidate) -> bool:
    """Token-adjacent on one line ("Seyed Abbas" + "Araghchi")."""
    return left.end == right.start and "\n" not in doc[left.end - 1].whitespace_ and doc[left.end - 1].whitespace_ != ""


def _merge_split_persons(doc: Doc, cands: list[_Candidate]) -> list[_Candidate]:
    """Join a PERSON with an adjacent entity that is only bare proper nouns into one PERSON."""
    out: list[_Candidate] = []
    for cand in cands:
        prev = out[-1] if out else None
        if prev and _adjacent(doc, prev, cand) and "PERSON" in (prev.label, cand.label):
            other = cand if prev.label == "PERSON" else prev
            if _is_bare_name(doc, other.start, other.end):
                out[-1] = _Candidate(prev.start, cand.end, "PERSON")
                continue
        out.append(cand)
    return out


def _extend_person_heads(doc: Doc, cands: list[_Candidate]) -> list[_Candidate]:
    """Extend a PERSON over the untagged proper noun its last token is a compound of
    ("Seyed Abbas" + untagged "Araghchi"), and a lone tagged word back over an untagged given name
    (``_given_name_start``)."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    out = []
    for cand in cands:
        end = cand.end
        while cand.label == "PERSON" and end < len(doc) and end not in taken and \
                doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end and \
                _is_bare_name(doc, end, end + 1) and doc[end - 1].whitespace_ == " ":
            end += 1
        lone = cand.label == "PERSON" and cand.end - cand.start == 1  # a tagged full name has its given name
        out.append(replace(cand, start=_given_name_start(doc, cand.start, taken) if lone else cand.start, end=end))
    return out


def _given_name_start(doc: Doc, start: int, taken: set[int]) -> int:
    """Where a name starts when the tagger left its given name out ("Ahed" + PERSON "Tamimi"): the
    one untagged proper noun on its line right before it that is a compound of it (a given name
    modifies the surname in the parse) and names no place, people or title. A longer run of capitals
    ("VideoNext Video SpaceX") is a headline, page furniture or a title, not a cut name. A capital at
    a sentence's start proves nothing ("Analyst Jack Jun"): there the word must be a given name of the
    census lists or one the article capitalizes inside a sentence too; and no word the article
    writes in lower case is one (``_capital_tells_a_name``)."""
    i = start - 1
    if i < 0 or i in taken or doc[i].dep_ != "compound" or doc[i].head.i < start or doc[i].whitespace_ != " " \
            or not _is_bare_name(doc, i, start) or not _capital_tells_a_name(doc[i]):
        return start
    if i > 0 and doc[i - 1].is_alpha and doc[i - 1].text[:1].isupper() and "\n" not in doc[i - 1].whitespace_:
        return start  # a run of three or more capitalized words
    return i


def _capital_tells_a_name(token: Token) -> bool:
    if token.text.isupper():
        return False  # an acronym ("MSP Richard Leonard") is a title or a body, no given name
    same = _tokens_with_lower(token.doc, {token.lower_})
    if any(t.text[:1].islower() for t in same):
        return False  # a word the article writes in lower case is a common noun ("Singer Rihanna")
    if not token.is_sent_start or is_given_name(token.text):
        return True
    return any(not t.is_sent_start and t.text[:1].isupper() for t in same)


def _extend_hyphenated_given_names(doc: Doc, cands: list[_Candidate]) -> list[_Candidate]:
    """Extend a PERSON cut at the hyphen of a Korean given name ("Seo Min" + "-jun"): the tokenizer
    splits "Min-jun" in three and the tagger often stops at the first syllable."""
    out = []
    for cand in cands:
        end = cand.end
        if cand.label == "PERSON" and end + 1 < len(doc) and doc[end].text == "-" \
                and hyphenated_given_name_end(doc.text, doc[end].idx) == doc[end + 1].idx + len(doc[end + 1]) \
                and not any(c.start <= end + 1 < c.end for c in cands if c is not cand):
            end += 2
        out.append(replace(cand, end=end))
    return out


def hyphenated_given_name_end(text: str, end: int) -> int:
    """Where a name cut at the hyphen of a Korean given name ends ("Moon Jae" + "-in" at ``end``): after
    the given name's second syllable, else ``end``. Shared by entities and quote speakers, so that a
    name's span is whole wherever it is shown."""
    tail = _HYPHEN_SYLLABLE.match(text, end)
    if tail is None:
        return end
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return tail.end() if _KOREAN_GIVEN_NAME.fullmatch(text[start:tail.end()]) else end


def _trimmed(doc: Doc, cand: _Candidate) -> _Candidate | None:
    """Drop leading prepositions, determiners, punctuation (and titles inside a PERSON) and a
    trailing possessive or punctuation; None when nothing is left."""
    start, end = cand.start, cand.end
    while start < end and _is_leading_junk(doc[start]):
        start += 1
    while end > start and _is_trailing_junk(doc[end - 1]):
        end -= 1
    if cand.label == "PERSON":
        start = _after_title_prefix(doc, start, end)
    if start >= end or not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[start:end]):
        return None  # nothing left, or no name at all ("navy" tagged ORG)
    if cand.label == "PERSON" and any(c.isdigit() for c in doc[start:end].text):
        return None  # people's names have no digits ("Buzz60")
    return replace(cand, start=start, end=end)


def _is_leading_junk(token: Token) -> bool:
    if token.is_punct or token.is_space or token.pos_ in ("ADP", "CCONJ", "SCONJ"):
        return True
    return token.tag_ == "DT" and (token.is_lower or token.is_sent_start)


def _is_trailing_junk(token: Token) -> bool:
    return token.is_punct or token.is_space or token.tag_ == "POS" or token.text in ("'s", "\u2019s", "'", "\u2019")


def _after_title_prefix(doc: Doc, start: int, end: int) -> int:
    """First token after a title spaCy put inside a PERSON ("President Trump" -> "Trump"):
    a run of title words, honorifics and nationality words that ends in a title word."""
    cut = start
    for i in range(start, end - 1):
        token = doc[i]
        if actors.is_title_word(token.text) or actors.is_honorific(token.text):
            cut = i + 1
        elif not (actors.country_of_demonym(token.text) or token.tag_ == "POS"):
            break
    return cut


def _modifies_name(word: Token, name: Token) -> bool:
    """``word`` modifies the name ending at ``name``, or the noun that name is a compound of ("the German
    | foreign ministry spokesman": the parse hangs "German" on "spokesman")."""
    return _modifies(word, name) or name.dep_ == "compound" and word.dep_ in ("amod", "compound") \
        and word.head.i == name.head.i


def _persons_by_title(doc: Doc, cands: list[_Candidate]) -> list[_Candidate]:
    """A name the tagger took with the title before it into a body or place ("PM Theresa May" as an
    ORG) is a person: news writes a person's title, never a body's, right before a name. The words
    cut off must hold a title head, with the title words before the entity ("Minister of | Defence
    Itsunori Onodera"), and what follows must be a person's name by evidence: a census given name
    first, or a surname the article tags as a person's elsewhere. Names of bodies open with title
    words too ("Major League Baseball", "National League", "Secretary of State for International
    Development"), and a body's name has neither; nor may it hold an organisation word ("President
    Lena Marsh Holdings") or be a known body. ``_trimmed`` then cuts the title off the PERSON."""
    surnames = {doc[c.end - 1].lower_ for c in cands if c.label == "PERSON"}
    return [replace(c, label="PERSON") if c.label in ("ORG", "GPE", "LOC", "FAC", "NORP")
            and _titled_name(doc, c, surnames) else c for c in cands]


def _titled_name(doc: Doc, cand: _Candidate, surnames: set[str]) -> bool:
    cut = _after_title_prefix(doc, cand.start, cand.end)
    if cut == cand.start or not doc[cand.start].text[:1].isupper() or _premodifier_title(doc, cut) is None:
        return False
    rest = doc[cut:cand.end].text
    evidence = is_given_name(doc[cut].text) or cand.end - cut >= 2 and doc[cand.end - 1].lower_ in surnames
    return evidence and _is_bare_name(doc, cut, cand.end) and not _names_an_organization(rest) \
        and actors.known_organization(rest) is None and actors.known_organization(doc[cand.start:cand.end].text) is None


def _with_known_acronyms(doc: Doc, cands: list[_Candidate]) -> list[_Candidate]:
    """Add the untagged all-capitals acronyms that are exactly a known organisation's ("the North's
    KCNA news agency": the small tagger often leaves an acronym inside a longer phrase untagged). An
    acronym of three letters or more written so is one name wherever it stands; the table knows
    what it names. Not on a line written all in capitals (a shouted headline), nor inside another entity."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    found = [_Candidate(t.i, t.i + 1, org.type) for t in doc
             if t.i not in taken and len(t.text) >= 3 and t.text.isalpha() and t.text.isupper()
             and (org := actors.known_organization(t.text)) is not None and not _on_capitals_line(t)]
    return cands + found


def _on_capitals_line(token: Token) -> bool:
    text = token.doc.text
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    line = text[start:end if end >= 0 else len(text)]
    return line.upper() == line


# The word of a ministry, which only a state has: a city or a region has departments, not ministries.
MINISTRY = "ministry"
# Nouns of a state's armed forces and police ("the Israeli army", "South Korea's military", "the British
# police"; "force" of "air force"): with a state in its phrase such a noun names that state's one body of
# the kind (sector MIL or COP), written in lower case as often as capitalised, as a ministry is.
ARMED_FORCES = frozenset({"army", "military", "navy", "police", "force"})
# Words of a ministry's portfolio after "of" ("ministry of foreign affairs"): a minister's title words and
# "affairs", which closes a portfolio's name ("foreign affairs", "home affairs").
_PORTFOLIO_TAIL = frozenset({"affairs"})


def _with_lower_case_ministries(doc: Doc, cands: list[_Candidate]) -> list[_Candidate]:
    """Add a state's ministry, army or police written in lower case ("the German foreign ministry",
    "Seoul's defence ministry", "Algeria's ministry of foreign affairs", "the Israeli army"), which the
    tagger leaves untagged or ``_trimmed`` drops as no name: news writes such a body so as often as
    capitalised, and it is the same body. The name is shown capitalised ("German Foreign Ministry",
    "Foreign Ministry", "Ministry of Foreign Affairs", "Israeli Army"), so it is the entity the
    capitalised words get; added only when its phrase names its state (a nationality word in it, or
    ``_phrase_state``), since "the foreign ministry" or "the army" alone names no one state's."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    lone_words = {c.start for c in cands if c.end - c.start == 1}
    out = list(cands)
    for token in _tokens_with_lower(doc, {MINISTRY} | ARMED_FORCES):
        span = _ministry_words(token, taken, lone_words) if token.lower_ == MINISTRY \
            else _armed_force_words(token, taken, lone_words)
        if span is None:
            continue
        start, end = span
        name = " ".join(t.text if t.lower_ == "of" else t.text[:1].upper() + t.text[1:] for t in doc[start:end])
        cand = _Candidate(start, end, "ORG", name=name)
        if actors.country_in_phrase(name) is None and _phrase_state(doc, cand) is None:
            continue
        out = [c for c in out if not (start <= c.start and c.end <= end)]
        out.append(cand)
        taken.update(range(start, end))
    return out


def _ministry_words(token: Token, taken: set[int], lone_words: set[int]) -> tuple[int, int] | None:
    """The token range of a lower-case ministry's name ending at ``token``: its portfolio words
    right before it ("foreign", "defence": words of a minister's title, as "Foreign Minister" names
    the same portfolio) or in its "of" phrase ("ministry of foreign affairs", as "Minister of Foreign
    Affairs"), and a nationality word before them (``_with_nationality``)."""
    if token.text != MINISTRY or token.i in taken:
        return None
    start = token.i
    while start > 0 and _modifies(token.doc[start - 1], token) and token.doc[start - 1].is_lower \
            and token.doc[start - 1].is_alpha and actors.is_title_word(token.doc[start - 1].text) \
            and start - 1 not in taken:
        start -= 1
    end = token.i + 1 if start < token.i else _portfolio_end(token, taken)
    if end == token.i + 1 and start == token.i:
        return None
    return _with_nationality(token, start, taken, lone_words), end


def _portfolio_end(token: Token, taken: set[int]) -> int:
    """End of a lower-case "of" phrase naming a ministry's portfolio right after it ("of foreign
    affairs", "of defence"): lower-case title words, none inside another entity; else right after the noun."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text != "of" or doc[token.i + 1].head.i != token.i:
        return token.i + 1
    end = token.i + 2
    while end < len(doc) and end not in taken and doc[end].is_lower and doc[end].is_alpha \
            and (actors.is_title_word(doc[end].text) or doc[end].text in _PORTFOLIO_TAIL):
        end += 1
    return end if end > token.i + 2 and doc[end - 1].dep_ == "pobj" else token.i + 1


def _armed_force_words(token: Token, taken: set[int], lone_words: set[int]) -> tuple[int, int] | None:
    """The token range of a state's army, military, navy, air force or police in lower case ("the
    Israeli army", "South Korea's military"): the noun heading its phrase, not a modifier ("an Israeli
    military court", "military sources" name a court and people), with "air" before "force" (a "force"
    alone is any group), and a nationality word before it (``_with_nationality``)."""
    if token.i in taken or not token.is_lower or token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "amod":
        return None
    if token.dep_ == "compound" and token.head.pos_ == "NOUN":  # "the army chief": the noun names another thing
        return None
    if any(c.dep_ == "conj" for c in token.children) or token.dep_ == "conj":
        return None  # "the British police and emergency services": bodies acting together, not one body
    before = token.doc[token.i - 1] if token.i else None
    if before is not None and before.text[:1].isupper() and actors.country_in_phrase(before.text) is None:
        return None  # "British Transport police": a proper name with its head in lower case, not the state's force
    start = token.i
    if token.lower_ == "force":
        if start == 0 or token.doc[start - 1].lower_ != "air" or start - 1 in taken:
            return None
        start -= 1
    return _with_nationality(token, start, taken, lone_words), token.i + 1


def _with_nationality(token: Token, start: int, taken: set[int], lone_words: set[int]) -> int:
    """Start of a body's name with the nationality word right before it ("German" of "the German
    foreign ministry"; ``lone_words``: where an entity of one word stands, which it may take in), which
    the tagger puts inside the name when it is capitalised ("the German Foreign Ministry")."""
    before = token.doc[start - 1] if start > 0 else None
    if before is not None and _modifies_name(before, token) and before.text[:1].isupper() \
            and actors.country_of_demonym(before.text) and (before.i not in taken or before.i in lone_words):
        return start - 1
    return start


def _retyped(doc: Doc, cand: _Candidate) -> _Candidate:
    """Fix labels from knowledge: known organisations take their table type, a PERSON or ORG
    that is a state or capital (a NORP a state: "Mozambique government") becomes GPE, a
    nationality word becomes NORP."""
    text = _span_text(doc, cand.start, cand.end)
    org = actors.known_organization(text)
    if org and cand.label in ("ORG", "FAC", "NORP", "GPE", "PERSON", "LOC"):
        return replace(cand, label=org.type)
    if cand.label in ("PERSON", "ORG", "LOC", "NORP") and actors.country_of_place(text, cities=False) and \
            not (cand.label == "NORP" and actors.demonym_name(text)):
        if cand.label == "ORG" or actors.country_of_state_name(text) or \
                (cand.label == "PERSON" and actors.is_capital(text)):
            return replace(cand, label="GPE")  # a region name is also a given name ("Mary", "Nelson")
    if cand.label in ("PERSON", "ORG", "GPE", "LOC") and actors.demonym_name(text):
        return replace(cand, label="NORP")
    return cand


def _persons_by_apposition(doc: Doc, cands: list[_Candidate]) -> list[_Candidate]:
    """A bare proper name with a person's title in apposition is a person, whatever spaCy guessed
    ("Kenzo Oshima, the UN relief coordinator": "Oshima" tagged GPE would be coded by a town);
    the untagged given name before it joins it."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    out = []
    for cand in cands:
        if cand.label in ("GPE", "LOC", "ORG", "FAC") and _is_bare_name(doc, cand.start, cand.end) and \
                actors.known_organization(doc[cand.start:cand.end].text) is None and \
                _appositive_title(doc, cand.start, cand.end) is not None:
            start = cand.start
            while start > doc[cand.start].sent.start and start - 1 not in taken and \
                    doc[start - 1].whitespace_ == " " and _is_bare_name(doc, start - 1, start):
                start -= 1
            cand = replace(cand, start=start, label="PERSON")
        out.append(cand)
    return out


def _persons_after_titles(doc: Doc, cands: list[_Candidate]) -> list[_Candidate]:
    """Untagged names right after a capitalized title head ("Deputy Chief Constable Adrian Hanstock
    added"): news writes a title before a person's name, so two or three capitalized proper nouns on
    its line that name no place, people, title or organisation ("President Lena Marsh Group" is a
    firm's) are that person's given name and surname."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    found = []
    for token in doc:
        if not (token.text[:1].isupper() and actors.is_title_head(token.text)) or "\n" in token.whitespace_:
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= MAX_NAME_AFTER_TITLE and end not in taken and \
                doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and not actors.is_title_word(doc[end].text):
            end += 1
            if "\n" in doc[end - 1].whitespace_:
                break
        if 2 <= end - token.i - 1 <= MAX_NAME_AFTER_TITLE and _is_bare_name(doc, token.i + 1, end) and \
                actors.organization_sector(doc[token.i + 1:end].text) is None and \
                (end == len(doc) or not (doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper())):
            found.append(_Candidate(token.i + 1, end, "PERSON"))
            taken.update(range(token.i + 1, end))
    return found


# ------------------------------------------------------------------------------ titles


def _with_title(doc: Doc, cand: _Candidate) -> _Candidate:
    if cand.label != "PERSON":
        return cand
    found = _premodifier_title(doc, cand.start) or _appositive_title(doc, cand.start, cand.end)
    if found is None:
        return replace(cand, description=_description(doc, cand.start, cand.end))
    return replace(cand, title=_SPACES.sub(" ", doc[found[0]:found[1]].text))


def _description(doc: Doc, start: int, end: int) -> str | None:
    """A description of a person that is no title, the first one naming the state they belong to
    if any does: the modifiers the parse joins before the name ("Palestinian teenager Ahed Tamimi",
    "US Army Sargeant Jay Kenney"), a noun in apposition ("an Afghan boy, Attiullah") or the
    predicate of "be" ("Jarrar is a member of the Popular Front for the Liberation of Palestine").
    Like a title, it describes the person wherever the article names them, so it gives all their
    mentions its country (``own_country``). A name whose own words are an organisation's has none:
    descriptions are of persons (``_names_an_organization``)."""
    if _names_an_organization(doc[start:end].text):
        return None
    root = doc[start:end].root
    phrases = [_premodifier_description(doc, start)]
    phrases += [_noun_description(child) for child in root.children
                if child.dep_ == "appos" and child.i >= end and _comma_between(doc, end, child.left_edge.i)]
    if root.dep_ == "appos" and root.head.i < start and _comma_between(doc, root.head.i + 1, start):
        phrases.append(_noun_description(root.head))
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        phrases += [_noun_description(child) for child in root.head.children if child.dep_ == "attr"]
    phrases = [p for p in phrases if p]
    return next((p for p in phrases if own_country(p)), phrases[0] if phrases else None)


def _names_an_organization(name: str) -> bool:
    """A name the tagger calls a person whose words are an organisation's: an organisation word
    ("Channel News") or a capitalized "Media" at its end ("Aswarti Media", a channel; "Barcroft
    Media", a photo agency). "media" is left out of the organisation words themselves, since the
    common noun ("on social media") is no party."""
    return actors.organization_sector(name) is not None or name.split()[-1] == "Media"


def has_description(doc: Doc, start: int, end: int) -> bool:
    """Whether the person named by tokens [start, end) has a description with no title, in words
    the parse joins to the name (``_description``): the events stage then leaves their country to
    it, since a description says the person's nationality where the article knows it."""
    return _premodifier_title(doc, start) is None and _appositive_title(doc, start, end) is None \
        and _description(doc, start, end) is not None


# Nouns of people who study, watch or report on a subject: a state or place named before them or in
# their complement is that subject ("a North Korea expert", "a Moscow correspondent", "professor of
# North Korean studies"), not the state they belong to (CAMEO / PLOVER code an actor by the state it
# belongs to); a nationality or an employer before them still says it ("a Chinese scholar", "BBC
# correspondent").
SUBJECT_NOUNS = frozenset("""expert experts analyst analysts specialist specialists watcher watchers observer
observers commentator commentators historian historians correspondent correspondents scholar scholars researcher
researchers professor professors""".split())


def own_country(phrase: str) -> str | None:
    """The state a title or description says the person belongs to: ``actors.country_in_phrase``,
    less the subject of a noun of study (``SUBJECT_NOUNS``)."""
    words = phrase.split()
    subject_noun = next((i for i, w in enumerate(words) if w.casefold().strip(",.") in SUBJECT_NOUNS), None)
    if subject_noun is None:
        return actors.country_in_phrase(phrase)
    kept = _without_place_names(words[:subject_noun])
    return actors.country_in_phrase(" ".join(kept)) if kept else None


def _without_place_names(words: list[str]) -> list[str]:
    """The words left when every state or place name in them is taken out ("North Korea", "Moscow");
    nationalities ("Chinese") and organisations ("BBC") stay."""
    covered: set[int] = set()
    for start in range(len(words)):
        for end in range(min(len(words), start + 4), start, -1):
            gram = " ".join(words[start:end])
            if not covered.intersection(range(start, end)) and actors.country_of_demonym(gram) is None and \
                    actors.country_of_place(gram) is not None:
                covered.update(range(start, end))
                break
    return [w for i, w in enumerate(words) if i not in covered]


def _premodifier_description(doc: Doc, start: int) -> str | None:
    """The modifiers the parse attaches before a name, on its line, with no possessive (whose
    country would be the possessor's: "Israel's critic"). The word right before the name must
    describe the person (a noun or a nationality): a named organisation or place there is a photo
    credit or page furniture ("PA Martin Bamford"), not the person's own; so is an acronym that
    names no state anywhere in the run ("Image copyright PA Image caption Martin Bamford": PA,
    AP, AFP are photo agencies as often as bodies), while "US Army Sargeant" keeps its "US"."""
    if start == 0 or doc[start - 1].ent_type_ in ("ORG", "GPE", "LOC", "FAC", "PRODUCT"):
        return None
    first = start
    while first > doc[start].sent.start and _describes_name_at(doc[first - 1], first):
        first -= 1
    return _SPACES.sub(" ", doc[first:start].text) if first < start else None


def _describes_name_at(token: Token, first: int) -> bool:
    """A modifier of the run that starts at ``first``, on its line, no possessive, honorific or
    acronym other than a state's, and no plural name: "Indians Manager Terry Francona", "Cubs fan"
    name a team, where a nationality is the adjective ("Indian")."""
    return token.dep_ in MODIFIER_DEPS and first <= token.head.i and "\n" not in token.whitespace_ and \
        token.tag_ not in ("POS", "NNPS") and not actors.is_honorific(token.text) and \
        not (token.text.isupper() and actors.country_of_state_name(token.text) is None)


def _noun_description(head: Token) -> str | None:
    """A common noun with its modifiers ("a senior Palestinian activist") and a known organisation
    it belongs to ("member of the PFLP"); no possessive, and no other complement: "a critic of
    Israel" is no Israeli, and an organisation the table does not know may name the state it
    studies ("a board member of the North Korean Policy Institute")."""
    if head.tag_ not in ("NN", "NNS"):
        return None
    tokens = [t for t in head.lefts for t in t.subtree] + [head]
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            tokens += [t for obj in prep.children if obj.dep_ == "pobj" for t in _organization_tokens(obj)]
    if any(t.tag_ == "POS" for t in tokens):
        return None
    return " ".join(t.text for t in sorted(tokens, key=lambda t: t.i))


def _organization_tokens(token: Token) -> list[Token]:
    """The known organisation a token heads, whole even where the parse cut it ("the Popular
    Front | for the Liberation of Palestine"); none for another complement."""
    if token.ent_type_ != "ORG":
        return []
    doc, start = token.doc, token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return list(doc[start:end]) if actors.known_organization(doc[start:end].text) else []


def _may_be_in_title(token: Token) -> bool:
    """A word that can sit in a title before a name: title words, places, peoples, organisations."""
    if "\n" in token.whitespace_ or token.is_space:
        return False
    if actors.is_title_word(token.text) or token.tag_ == "POS" or token.text == "-":
        return True
    return token.ent_type_ in ("GPE", "NORP", "ORG") or actors.country_of_name(token.text) is not None


def _premodifier_title(doc: Doc, start: int) -> tuple[int, int] | None:
    """The title right before a name ("Iranian Foreign Minister" Seyed Abbas Araghchi)."""
    first = start
    floor = max(doc[start].sent.start, start - MAX_TITLE_TOKENS)
    while first > floor and _may_be_in_title(doc[first - 1]) and not actors.is_honorific(doc[first - 1].text):
        first -= 1
    if first < start and (actors.is_honorific(doc[start - 1].text) or _is_connector(doc[start - 1])):
        return None  # "Mr. Trump" has no title; "CEO of SpaceX": SpaceX is not the CEO
    return _valid_title_range(doc, first, start)


def _valid_title_range(doc: Doc, first: int, end: int) -> tuple[int, int] | None:
    """Strip connectors at the left edge; keep the range only when it holds a title head."""
    while first < end and (_is_connector(doc[first]) or doc[first].tag_ == "DT"):
        first += 1
    if first >= end or not _has_title_head(doc[first:end].text):
        return None
    return first, end


def _is_connector(token: Token) -> bool:
    return token.lower_ in ("of", "for", "on", "-") or token.tag_ == "POS"


def _has_title_head(phrase: str) -> bool:
    words = phrase.casefold().split()
    table = actors.title_words()
    return any(table.get(" ".join(words[i:j])) and table[" ".join(words[i:j])].role == "head"
               for i in range(len(words)) for j in range(i + 1, min(i + 4, len(words)) + 1))


def _appositive_title(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """A title in apposition, set off by a comma: "Netanyahu, Israel's prime minister," or
    "Israel's prime minister, Benjamin Netanyahu"."""
    root = doc[start:end].root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= end and _comma_between(doc, end, child.left_edge.i):
            return _title_phrase(doc, child)
    head = root.head
    if root.dep_ == "appos" and head.i < start and _comma_between(doc, _phrase_end(head), start):
        return _title_phrase(doc, head)
    return None


def _compound_start(head: Token) -> int:
    """First token of the compound/modifier run that ends at ``head``."""
    start = head.i
    while start > 0 and _modifies(head.doc[start - 1], head):
        start -= 1
    return start


def _modifies(token: Token, head: Token) -> bool:
    return token.dep_ in ("compound", "amod") and token.head.i >= token.i and token.head.i <= head.i


def _comma_between(doc: Doc, left: int, right: int) -> bool:
    """Only a comma (at most one token) between two positions."""
    return right - left == 1 and doc[left].text == ","


def _phrase_end(head: Token) -> int:
    """End of a title noun with its "of"/"for" complement ("secretary of state")."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for") and child.i == head.i + 1:
            return min(child.right_edge.i + 1, head.i + MAX_TITLE_TOKENS)
    return head.i + 1


def _title_phrase(doc: Doc, head: Token) -> tuple[int, int] | None:
    """The title an apposition head starts; the head may close a compound ("director general")."""
    if not _has_title_head(doc[_compound_start(head):head.i + 1].text):
        return None
    end = _phrase_end(head)
    stop = next((t.i for t in doc[head.i:end] if t.is_punct), end)
    return _valid_title_range(doc, head.left_edge.i, stop)


# ------------------------------------------------------------------------------ clustering


@dataclass(slots=True)
class _Cluster:
    label: str
    name_words: list[str]
    name: str
    members: list[int]


def name_words(name: str) -> list[str]:
    """Case- and dot-insensitive words of a person's name, for comparing names, given name first:
    a Korean or Chinese name is written family name first ("Seo Min-jun" is "Mr. Seo", "Hua
    Chunying" is "Hua"), so its given name is moved before it and the family name compares as the
    surname."""
    words = [w.strip(".,") for w in name.split() if w.strip(".,")]
    if len(words) == 2 and (_KOREAN_GIVEN_NAME.fullmatch(words[1]) or _is_chinese_name(words)
                            or _is_capitalized_korean_name(words)):
        words = words[::-1]
    elif _is_unhyphenated_korean_name(words):  # compares as the hyphenated spelling: "Kim Jong Un" is "Kim Jong-un"
        words = [f"{words[1]}-{words[2]}", words[0]]
    return [w.casefold() for w in words]


def _is_unhyphenated_korean_name(words: list[str]) -> bool:
    """"Kim Jong Un": a Korean family name, then a given name of two capitalized syllables written
    apart; its family name is the surname ("Kim" alone is him, not a "Jack Un")."""
    return len(words) == 3 and words[0].casefold() in _KOREAN_FAMILY_NAMES and \
        all(w[:1].isupper() and w[1:].islower() and _KOREAN_SYLLABLE.fullmatch(w.casefold()) for w in words[1:])


def cut_korean_name(words: list[str]) -> tuple[str, str] | None:
    """(family name, first syllable) of a Korean name cut at its given name's hyphen ("Moon Jae" for
    "Moon Jae-in", from ``name_words``): a Korean family name, then one romanized syllable. Some copy
    drops the syllable after the hyphen (the tokenizer and feeds cut there), so such a name may be
    the full name of someone whose given name opens with that syllable; None for any other shape."""
    if len(words) != 2 or words[0].casefold() not in _KOREAN_FAMILY_NAMES or "-" in words[1] \
            or not _KOREAN_SYLLABLE.fullmatch(words[1].casefold()):
        return None
    return words[0].casefold(), words[1].casefold()


def hyphenated_korean_name(words: list[str]) -> tuple[str, str] | None:
    """(family name, first syllable of the given name) of a hyphenated Korean name as ``name_words``
    gives it, given name first (["jae-in", "moon"]); None for any other shape."""
    if len(words) != 2 or words[0].count("-") != 1 or words[1] not in _KOREAN_FAMILY_NAMES:
        return None
    first = words[0].split("-")[0]
    return (words[1], first) if _KOREAN_SYLLABLE.fullmatch(first) else None


def _is_capitalized_korean_name(words: list[str]) -> bool:
    """"Moon Jae-In": some outlets capitalize both syllables of a Korean given name, the shape of a
    double-barrelled Western surname ("Hale-Berry"); a Korean family name before it and two romanized
    syllables ("Hale", "Berry" are none) tell the Korean name, whose family name is the surname."""
    parts = words[1].split("-")
    return words[0].casefold() in _KOREAN_FAMILY_NAMES and len(parts) == 2 and \
        all(p[:1].isupper() and p[1:].islower() and _KOREAN_SYLLABLE.fullmatch(p.casefold()) for p in parts)


def _is_chinese_name(words: list[str]) -> bool:
    """"Hua Chunying": a Chinese family name, then a capitalized pinyin given name that is not one of
    the commonest family names; its family name is the surname ("Hua" alone is her)."""
    family, given = words[0].casefold(), words[1]
    return family in _CHINESE_FAMILY_NAMES and given[:1].isupper() and given[1:].islower() and \
        given.casefold() not in _COMMONEST_CHINESE_FAMILY_NAMES and bool(_PINYIN_GIVEN_NAME.fullmatch(given.casefold()))


def surname(words: list[str]) -> tuple[str, str]:
    """(surname, suffix): "donald trump jr." -> ("trump", "jr")."""
    if len(words) > 1 and words[-1] in NAME_SUFFIXES:
        return words[-2], words[-1]
    return (words[-1] if words else ""), ""


def is_subname(short: list[str], long: list[str]) -> bool:
    """``short`` is ``long`` with words left out, same surname and suffix ("Trump" in
    "Donald J. Trump", "Abbas Araghchi" in "Seyed Abbas Araghchi")."""
    if not short or surname(short) != surname(long):
        return False
    it = iter(long)
    return all(word in it for word in short)


def _clustered_mentions(doc: Doc, text: str, cands: list[_Candidate], headline: str | None = None,
                        published: str | None = None) -> list[Mention]:
    """Cluster persons by name containment, others by their canonical name; build Mentions."""
    spans = _char_spans(doc, text, cands)
    seeds = _headline_persons(doc, headline, cands, spans)
    persons = _person_clusters(cands, spans, seeds)
    cands = sorted(_persons_from_surnames(doc, cands, spans, persons) +
                   _untagged_names(doc, cands, persons + seeds), key=lambda c: c.start)
    spans = _char_spans(doc, text, cands)
    persons = _person_clusters(cands, spans, seeds)
    clusters = persons + _other_clusters(doc, cands, spans)
    mentions: list[Mention | None] = [None] * len(cands)
    for cluster in clusters:
        country, sector = _cluster_actor(cluster, cands, spans, published)
        key = f"{cluster.label}:{actors.lookup_key(cluster.name)}"
        for i in cluster.members:
            mentions[i] = Mention(span=spans[i], type=cluster.label, key=key, name=cluster.name,
                                  title=cands[i].title, country=country,
                                  sector=_phrase_sector(doc, cands[i]) or sector)
    return [m for m in mentions if m is not None]


def _clean_name(span: Span) -> str:
    return _SPACES.sub(" ", span.text).strip()


def _person_clusters(cands: list[_Candidate], spans: list[Span], seeds: list[_Cluster] = ()) -> list[_Cluster]:
    """Longest names first; a shorter name joins the nearest earlier cluster that contains it.
    A person the headline names in full (``seeds``) is the article's subject: a name it contains
    joins it before any other (news style names a relative sharing the subject's surname by
    first name or in full: "her father, Robert Kessel" leaves a bare "Kessel" to the subject)."""
    order = sorted((i for i, c in enumerate(cands) if c.label == "PERSON"),
                   key=lambda i: (-len(name_words(spans[i].text)), i))
    seeded = [_Cluster("PERSON", s.name_words, s.name, []) for s in seeds]
    clusters: list[_Cluster] = []
    for i in order:
        words = name_words(spans[i].text)
        fits = [c for c in seeded if is_subname(words, c.name_words)] or \
            [c for c in clusters if is_subname(words, c.name_words)]
        if fits:
            min(fits, key=lambda c: _distance(c, i)).members.append(i)
        else:
            clusters.append(_Cluster("PERSON", words, _clean_name(spans[i]), [i]))
    clusters = [c for c in seeded if c.members] + clusters
    for cluster in clusters:
        cluster.members.sort()
    return clusters


def _headline_persons(doc: Doc, headline: str | None, cands: list[_Candidate], spans: list[Span]) -> list[_Cluster]:
    """Persons the headline names in full whose surname the text uses alone: the surname of a
    lone-word PERSON mention, with the capitalized words right before it in the headline that
    could be given names: no word the article writes in lower case (``_lower_case_words``) and
    no word of its organisations' names ("Nordair"; a place tag is no proof: the tagger takes a
    given name for a place now and then)."""
    if not headline:
        return []
    lone = {name_words(spans[i].text)[0] for i, c in enumerate(cands)
            if c.label == "PERSON" and len(name_words(spans[i].text)) == 1}
    lower = _lower_case_words(doc)
    common = lower | {w for i, c in enumerate(cands) if c.label == "ORG" for w in name_words(spans[i].text)}
    raw = headline.split()
    words = [w.strip(".,:;!?\"'\u2018\u2019\u201c\u201d()") for w in raw]
    seeds = []
    for k, word in enumerate(words):
        base = re.sub(r"['\u2019]s$", "", word)
        if k == 0 or base.casefold() not in lone or _is_common(base, lower):
            continue
        first = k
        while first > 0 and _may_be_given_name(words[first - 1], raw[first - 1], common):
            first -= 1
        if first < k:
            name = " ".join(words[first:k] + [base])
            seeds.append(_Cluster("PERSON", name_words(name), name, []))
    return seeds


def _may_be_given_name(word: str, raw: str, common: set[str]) -> bool:
    """A headline word that may be a given name: capitalized, not shouted in capitals, no
    possessive ("Brazil's" closes a phrase of its own) or punctuation, no title and no common word."""
    return word == raw and word[:1].isupper() and not word.isupper() and not re.search(r"['\u2019]s$", word) \
        and not actors.is_title_word(word) and not _is_common(word, common)


def _lower_case_words(doc: Doc) -> set[str]:
    """Words that are no name in this article: function words and the words (and lemmas) it
    writes in lower case. Headlines capitalize every word ("Why ... Is Angry", "Nordair
    Raises ..."); the body text does not."""
    return {form for t in doc if t.text[:1].islower() for form in (t.lower_, t.lemma_.lower())} | set(STOP_WORDS)


def _is_common(word: str, common: set[str]) -> bool:
    """``word`` or its stem without an inflection ending ("raises", "named") is a common word."""
    folded = word.casefold()
    return folded in common or any(folded.endswith(e) and folded[:-len(e)] in common for e in ("s", "es", "ed", "d", "ing"))


def _distance(cluster: _Cluster, index: int) -> tuple[int, int]:
    """Prefer the cluster mentioned most recently before ``index``, then the earliest one."""
    before = [m for m in cluster.members if m < index]
    return (0, index - max(before)) if before else (1, min(cluster.members, default=-1))


def _char_spans(doc: Doc, text: str, cands: list[_Candidate]) -> list[Span]:
    return [Span.of(text, doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1])) for c in cands]


def _untagged_names(doc: Doc, cands: list[_Candidate], persons: list[_Cluster]) -> list[_Candidate]:
    """Names spaCy tagged somewhere in this article and left untagged elsewhere ("Campos described
    the talks", "Broadcom didn't specify"): a run of capitalized proper nouns equal to a surname of
    a fully named person, or to a person's or organisation's whole tagged name. A name means one
    thing within one article, so the tagger's miss is the same name. The run must be whole (no
    proper noun next to it continues another name). A name the article tags only as one word
    PERSON counts only with an untagged given name before it ("Israel has held Ahed Tamimi", the
    article tagging "Tamimi" alone): the tagger calls firms persons too ("SpaceX", "Twitter"), and a
    lone word would spread that error."""
    targets = _tagged_names(doc, cands, persons)
    taken = {i for c in cands for i in range(c.start, c.end)}
    found = []
    for token in _tokens_with_lower(doc, {words[0] for words in targets}):
        for words in sorted((w for w in targets if w[0] == token.lower_), key=len, reverse=True):
            end = token.i + len(words)
            if end > len(doc) or any(j in taken or not _is_untagged_name_word(doc[j], words[j - token.i])
                                     for j in range(token.i, end)):
                continue
            label, lone = targets[words]
            start = _given_name_start(doc, token.i, taken) if lone else token.i
            if lone and start == token.i:
                continue  # a lone word the tagger called a person is often a firm ("SpaceX"): only with a given name
            if any(_is_name_part(n) for n in (doc[start - 1] if start else None, doc[end] if end < len(doc) else None) if n):
                continue
            cand = _Candidate(start, end, label)
            found.append(_with_title(doc, cand) if label == "PERSON" else cand)
            taken.update(range(start, end))
            break
    return found


def _tagged_names(doc: Doc, cands: list[_Candidate], persons: list[_Cluster]) -> dict[tuple[str, ...], tuple[str, bool]]:
    """Lower-cased words of the names ``_untagged_names`` looks for -> (label, whether a lone-word
    person's): surnames of fully named persons, the whole names of tagged persons and organisations."""
    targets = {(surname(c.name_words)[0],): ("PERSON", False) for c in persons if len(c.name_words) > 1}
    for cand in cands:
        tokens = doc[cand.start:cand.end]
        if cand.label in ("PERSON", "ORG") and all(t.text[:1].isupper() for t in tokens):
            words = tuple(t.lower_ for t in tokens)
            targets.setdefault(words, (cand.label, cand.label == "PERSON" and len(words) == 1))
    return targets


def _is_untagged_name_word(token: Token, word: str) -> bool:
    return token.lower_ == word and token.pos_ == "PROPN" and token.text[:1].isupper()


def _tokens_with_lower(doc: Doc, words: set[str]) -> list[Token]:
    """The tokens whose lower-cased form is one of ``words``, in order: found on the LOWER column
    so the many other tokens are never made into ``Token`` objects."""
    if not words:
        return []
    wanted = {get_string_id(w) for w in words}
    hits = (doc[i] for i, lower in enumerate(doc.to_array(LOWER).tolist()) if lower in wanted)
    return [token for token in hits if token.lower_ in words]  # a hash is no proof of equality


def _neighbours(doc: Doc, i: int) -> list[Token]:
    return [doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc)]


def _is_name_part(token: Token) -> bool:
    """A capitalized proper noun next to a surname makes it part of another name."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not actors.is_title_word(token.text)


def _persons_from_surnames(doc: Doc, cands: list[_Candidate], spans: list[Span],
                           persons: list[_Cluster]) -> list[_Candidate]:
    """Re-type as PERSON a non-person entity whose text is a person's name or surname in this
    article (spaCy tags "Trump" ORG or GPE now and then), or a full name whose surname the
    article uses alone after an honorific (``_is_full_name_of``)."""
    full_names = [c for c in persons if len(c.name_words) > 1]  # a lone "Twitter" PERSON proves nothing
    names = {" ".join(c.name_words) for c in full_names} | {surname(c.name_words)[0] for c in full_names}
    lone = {c.name_words[0]: min(spans[i].start for i in c.members) for c in persons if len(c.name_words) == 1
            and any(cands[i].start > 0 and actors.is_honorific(doc[cands[i].start - 1].text) for i in c.members)}
    out = []
    for cand, span in zip(cands, spans):
        if cand.label not in ("PERSON", "NORP") and actors.country_of_name(span.text) is None and \
                (" ".join(name_words(span.text)) in names or _is_full_name_of(span, lone)):
            cand = replace(cand, label="PERSON")
        out.append(cand)
    return out


def _is_full_name_of(span: Span, lone_surnames: dict[str, int]) -> bool:
    """A two-word name ("Ada Lund", tagged ORG) whose last word the article goes on to use
    alone with an honorific, which only persons take ("Ms Lund said"; ``lone_surnames``: surname
    -> where first used alone): news names a person in full first, then by surname. Not a known
    organisation, nor one with an organisation's or a title's word ("Tarn Bank", "Harbour Master")."""
    words = span.text.split()
    first_alone = lone_surnames.get(name_words(span.text)[-1]) if len(words) == 2 else None
    return first_alone is not None and span.start < first_alone \
        and all(w[:1].isupper() and not actors.is_title_word(w) for w in words) \
        and actors.known_organization(span.text) is None and actors.organization_sector(span.text) is None


def _other_clusters(doc: Doc, cands: list[_Candidate], spans: list[Span]) -> list[_Cluster]:
    """Non-person mentions of one canonical name (same type) form one cluster; a generic state
    body's name carries the state its phrase names (``_state_body_names``)."""
    names = _state_body_names(doc, cands, [_canonical_name(c.label, c.name or _clean_name(s))
                                           for c, s in zip(cands, spans)])
    by_key: dict[tuple[str, str], _Cluster] = {}
    for i, cand in enumerate(cands):
        if cand.label == "PERSON":
            continue
        name = names[i]
        key = (cand.label, actors.lookup_key(name))
        cluster = by_key.setdefault(key, _Cluster(cand.label, [], name, []))
        cluster.members.append(i)
        if len(name) > len(cluster.name):
            cluster.name = name
    return list(by_key.values())


# Sectors of a state's own bodies: ministries, armed forces, courts, parliaments, police, intelligence.
STATE_BODY_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "SPY"})


def _state_body_names(doc: Doc, cands: list[_Candidate], names: list[str]) -> list[str]:
    """Names with a generic state body's state put in: "Defense Ministry" after "South Korea's" is
    "South Korea's Defense Ministry". CAMEO / PLOVER code a ministry, army or court as its state's
    government (KOR GOV, CHN GOV), so South Korea's and China's Defense Ministry are two actors, while
    the name alone ("Defense Ministry", "Parliament", "the Supreme Court") names neither; the state is
    in the mention's own phrase (``_phrase_state``). A later mention with no state word in the same
    article ("The ministry ..." written "the Defense Ministry") takes up the state of the nearest
    earlier mention of that name that has one (a definite description repeats its antecedent), else
    the first one after it; a name no mention of the article gives a state stays as written."""
    states = [_phrase_state(doc, c) if _is_generic_state_body(c.label, n) else None for c, n in zip(cands, names)]
    out = list(names)
    for i, name in enumerate(names):
        if not _is_generic_state_body(cands[i].label, name):
            continue
        same = [j for j in range(len(names)) if names[j] == name and cands[j].label == cands[i].label and states[j]]
        state = states[i] or next((states[j] for j in reversed(same) if j < i), None) or \
            next((states[j] for j in same), None)
        if state:
            out[i] = f"{_possessive(actors.country_name(state))} {name}"
    return out


def _possessive(name: str) -> str:
    """English possessive of a state's name: a name in a plural "-s" takes the apostrophe alone
    ("the United States' Supreme Court", "the Philippines' Senate"), other names "'s"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _is_generic_state_body(label: str, name: str) -> bool:
    """An organisation named by a state body's generic name, no state in it: "Foreign Ministry",
    "Parliament", "Joint Chiefs of Staff" (not "Pentagon", a known body, nor "Japanese Defense Ministry")."""
    return label == "ORG" and actors.known_organization(name) is None and actors.country_in_phrase(name) is None \
        and actors.organization_sector(name) in STATE_BODY_SECTORS


def _phrase_state(doc: Doc, cand: _Candidate) -> str | None:
    """The state a mention's own noun phrase names outside the entity: a possessor ("South
    Korea's Defense Ministry"), a nationality or state before it ("the Japanese | Defense Ministry")
    or an "of" complement ("the Foreign Ministry of Japan"). Only states: a city there is a seat
    ("the Seoul court") whose state the events stage reads elsewhere; but "the North" or "the South"
    as possessor is a state the article names (``_half_state``), and a ministry's capital is its
    state's (``_ministry_seat_state``)."""
    root = doc[cand.start:cand.end].root
    words = [t for child in root.children if child.i < cand.start and child.dep_ in MODIFIER_DEPS
             for t in child.subtree if t.tag_ != "POS"]
    words += [t for prep in root.children if prep.i >= cand.end and prep.dep_ == "prep" and prep.lower_ == "of"
              for obj in prep.children if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "NORP") for t in obj.subtree]
    phrase = " ".join(t.text for t in words)
    code = actors.country_in_phrase(phrase) if phrase else None
    if code and _names_state(phrase):
        return code
    return _half_state(doc, words) or _ministry_seat_state(doc, cand, root)


# Words that, as "the North" / "the South", stand for a state whose name opens with them ("North Korea").
_HALVES = frozenset({"North", "South"})


def _half_state(doc: Doc, words: list[Token]) -> str | None:
    """The state "the North" or "the South" stands for ("the South's foreign ministry"): news on a
    divided country, once it has named both halves, calls each so (the Koreas, the Sudans). The one
    state the article names whose name opens with that word; none when it names no such state or
    several ("South Korea" and "South Sudan"), and none unless the article names the other half too
    (``_names_other_half``): "the South" of a report naming South Africa is no state. A state's name
    counts tagged GPE or LOC (the tagger calls "South Sudan" a region at times; only states' names
    give a code)."""
    names = [t.text for t in words if t.tag_ != "DT"]
    if len(names) != 1 or names[0] not in _HALVES:
        return None
    states = {code: e.text[len(names[0]) + 1:] for e in doc.ents if e.label_ in ("GPE", "LOC")
              and e.text.startswith(names[0] + " ") for code in [actors.country_of_state_name(e.text)] if code}
    if len(states) != 1:
        return None
    code, rest = states.popitem()
    return code if _names_other_half(doc, code, rest) else None


def _names_other_half(doc: Doc, code: str, rest: str) -> bool:
    """Whether the article names another state (or its people) whose name holds the divided country's
    name ``rest`` ("Korea" for North Korea: "South Korea", "South Korean"; "Sudan" for South Sudan)."""
    return any(rest in e.text and (actors.country_of_state_name(e.text) or actors.country_of_demonym(e.text))
               not in (None, code) for e in doc.ents if e.label_ in ("GPE", "LOC", "NORP"))


def _ministry_seat_state(doc: Doc, cand: _Candidate, root: Token) -> str | None:
    """The state of a ministry named with its capital: as possessor ("Seoul's defence ministry") or
    after "in" ("the foreign ministry in Berlin"). A ministry is a national government's, seated in
    the capital, and news writes the capital for that government ("Seoul said"); a city has no
    ministries, so the capital is no city body's seat here (unlike "Moscow's City Council")."""
    if MINISTRY not in (cand.name or doc[cand.start:cand.end].text).lower():
        return None
    places = [c for c in root.children if c.i < cand.start and c.dep_ == "poss"]
    places += [obj for prep in root.children if prep.i >= cand.end and prep.dep_ == "prep" and prep.lower_ == "in"
               for obj in prep.children if obj.dep_ == "pobj"]
    codes = {actors.country_of_place(p.text, cities=False) for p in places
             if p.pos_ == "PROPN" and actors.is_capital(p.text)}  # the tagger types "Oslo" ORG too
    return codes.pop() if len(codes) == 1 else None


def _names_state(phrase: str) -> bool:
    """Whether a phrase names a state by its name or nationality, not by a city in it."""
    words = phrase.split()
    return any(actors.country_of_state_name(" ".join(words[a:b])) or actors.country_of_demonym(" ".join(words[a:b]))
               for a in range(len(words)) for b in range(a + 1, min(len(words), a + 4) + 1))


def _canonical_name(label: str, name: str) -> str:
    """The name all surface forms of one thing share: table names for known organisations,
    the usual country name for a state ("U.S." -> "United States"), singular demonyms."""
    org = actors.known_organization(name)
    if org:
        return org.name
    if label == "GPE":
        code = actors.country_of_state_name(name)
        return actors.country_name(code) if code else name
    if label == "NORP":
        return actors.demonym_name(name) or name
    return name


def _cluster_actor(cluster: _Cluster, cands: list[_Candidate], spans: list[Span],
                   published: str | None = None) -> tuple[str | None, str | None]:
    """(country, sector) of a cluster: persons from their titles, else, for a leader in office on
    the article's day, his state's government (CAMEO's actor dictionaries); the rest from their name."""
    if cluster.label == "PERSON":
        titles = [cands[i].title for i in cluster.members if cands[i].title]
        described = [cands[i].description for i in cluster.members if cands[i].description]
        countries = [c for c in (own_country(t) for t in titles) if c] or \
            [c for c in (own_country(d) for d in described) if c]
        sectors = [s for s in (actors.title_sector(t) for t in titles) if s]
        term = actors.leader_term(cluster.name, published)
        if term is None:
            return _most_common(countries), _most_common(sectors)
        return _most_common(countries) or term.country, _most_common(sectors) or term.sector
    return name_actor(cluster.label, cluster.name)


def name_actor(label: str, name: str) -> tuple[str | None, str | None]:
    """(country, sector) that a non-person entity's name implies."""
    org = actors.known_organization(name)
    if org:
        return org.country, org.sector
    if label in PLACE_LABELS:
        return actors.country_of_place(name), None
    if label == "NORP":
        return actors.country_of_demonym(name), None
    if label == "ORG":
        return actors.country_in_phrase(name), actors.organization_sector(name)
    return None, None


def _phrase_sector(doc: Doc, cand: _Candidate) -> str | None:
    """Sector a nationality or place takes from its phrase, which differs mention by mention
    ("Sudanese government" GOV, "Israel's army" MIL, "Rwandan rebels" REB); a plural people
    standing alone are civilians ("Palestinians fled"); a capital or a federal state that acts is
    its government ("Tehran rejected the offer", "Massachusetts sued the company")."""
    if cand.label not in COUNTRY_ONLY_LABELS:
        return None
    head = _modified_noun(doc, cand)
    if head is not None:
        return actors.phrase_sector([t.text for t in doc[cand.end:head.i + 1] if not t.is_punct])
    last = doc[cand.end - 1]
    if cand.label == "NORP" and last.tag_ in ("NNS", "NNPS") and actors.country_of_demonym(last.text):
        return "CVL"
    name = doc[cand.start:cand.end].text
    if cand.label == "GPE" and last.dep_ == "nsubj" and (actors.is_capital(name) or actors.is_federal_unit(name)):
        return "GOV"
    return None


def _modified_noun(doc: Doc, cand: _Candidate) -> Token | None:
    """The common noun a mention modifies, through coordination ("Hungarian and Romanian
    officials"); None for a head, a modifier of a name, or one before it."""
    token = doc[cand.start:cand.end].root
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    head = token.head
    if token.dep_ not in MODIFIER_DEPS or head.i < cand.end or head.ent_type_ == "PERSON" or \
            head.pos_ not in ("NOUN", "PROPN"):
        return None
    return head


def _most_common(values: list[str]) -> str | None:
    """Most frequent value; ties go to the first seen (deterministic for a given article)."""
    if not values:
        return None
    return max(dict.fromkeys(values), key=values.count)
