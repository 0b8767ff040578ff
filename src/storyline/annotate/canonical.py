"""Corpus-wide canonical entities from the per-article mentions.

Mentions are grouped by (type, normalized cluster name); a shorter person name then joins the
one longer name that contains it ("Trump" -> "Donald Trump", "Abbas Araghchi" -> "Seyed Abbas
Araghchi"), a non-person entity whose name is such a person's name ("Trump" tagged ORG)
joins that person when the person is more often written in full, and a name typed PERSON in some
articles and something else in others ("Nikki Haley" ORG, "Twitter" PERSON) is one entity of its
majority type. Everything is dict work over groups, never over pairs of mentions, and the
result depends only on the set of mentions (not their order), so re-runs give the same ids.
No entity-linking library fits offline use without a knowledge base, hence this module.
A lone surname several persons of the corpus share is settled later, within its story
(``story_surname_links``, at the link step: stories come after entities).

Resolution works on name forms (type, name, surface text, title, country, sector) with their
counts, not on mentions: the store aggregates them in SQL, so a corpus-wide refresh holds the
corpus's distinct forms in memory, not every mention.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from storyline.annotate import actors
from storyline.annotate.entities import cut_korean_name, hyphenated_korean_name, is_subname, name_words, surname
from storyline.model import Entity, Mention, stable_id

# A short name joins the most-mentioned of several candidate persons only when that one has
# at least this many times the mentions of the next ("Trump": Donald 5,000 vs Melania 50).
DOMINANCE = 4
MAX_ALIASES = 50
# Types whose mistagged person names ("Trump" as ORG) may join a person entity.
PERSON_LOOKALIKE_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP", "WORK_OF_ART"})
_SPACES = re.compile(r"\s+")

GroupKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class NameForm:
    """One distinct way mentions name something: what resolution reads of a mention."""

    type: str
    name: str        # the article-local cluster's best full name
    text: str        # the mention's surface text
    title: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(slots=True)
class _Group:
    """All name forms sharing one type and normalized name, with their counts."""

    type: str
    key: str
    words: tuple[str, ...]
    names: set[str] = field(default_factory=set)
    forms: Counter[NameForm] = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return sum(self.forms.values())


def resolve_entities(mentions_by_article: Iterable[tuple[str, list[Mention]]]) -> list[Entity]:
    """Canonical entities across the corpus, with their mentions; sets ``entity_id`` (and
    ``type``, where a mistagged name joined an entity of another type) on every mention in place."""
    mentions_by_article = list(mentions_by_article)
    forms = Counter(_form(m) for _, mentions in mentions_by_article for m in mentions)
    entities, entity_of = resolve_forms(forms.items())
    by_id = {e.id: e for e in entities}
    for article_id, mentions in mentions_by_article:
        for m in mentions:
            entity = by_id[entity_of[(m.type, m.name)]]
            m.entity_id, m.type = entity.id, entity.type
            entity.mentions.append({"article_id": article_id, "span": m.span})
    for entity in entities:
        entity.mentions.sort(key=lambda d: (d["article_id"], d["span"].start, d["span"].end))
    return entities


def _form(mention: Mention) -> NameForm:
    return NameForm(mention.type, mention.name, mention.span.text, mention.title, mention.country, mention.sector)


def resolve_forms(forms: Iterable[tuple[NameForm, int]]) -> tuple[list[Entity], dict[tuple[str, str], str]]:
    """Canonical entities (most mentioned first; ``mentions`` left empty) from counted name
    forms, and the entity id of every (type, name) the forms carry."""
    groups = _groups(forms)
    roots = _person_roots(groups)
    members: dict[GroupKey, list[_Group]] = defaultdict(list)
    for gkey, group in groups.items():
        members[roots.get(gkey, gkey)].append(group)
    ranked, entity_of = [], {}
    for root, parts in members.items():
        entity = _entity(root, sorted(parts, key=lambda g: (g.type, g.key)))
        ranked.append((-sum(g.count for g in parts), entity.id, entity))
        for group in parts:
            entity_of.update(((form.type, form.name), entity.id) for form in group.forms)
    return [entity for *_, entity in sorted(ranked, key=lambda r: r[:2])], entity_of


def _group_key(form: NameForm) -> GroupKey:
    if form.type == "PERSON":
        return form.type, " ".join(name_words(form.name))
    return form.type, actors.lookup_key(form.name)


def _groups(forms: Iterable[tuple[NameForm, int]]) -> dict[GroupKey, _Group]:
    groups: dict[GroupKey, _Group] = {}
    keys: dict[tuple[str, str], GroupKey] = {}  # names repeat: normalize each once
    for form, count in forms:
        gkey = keys.get((form.type, form.name))
        if gkey is None:
            gkey = keys[(form.type, form.name)] = _group_key(form)
        group = groups.get(gkey)
        if group is None:
            group = groups[gkey] = _Group(gkey[0], gkey[1], tuple(name_words(form.name)))
        group.names.add(form.name)
        group.forms[form] += count
    return groups


# ------------------------------------------------------------------------------ person merging


def _person_roots(groups: dict[GroupKey, _Group]) -> dict[GroupKey, GroupKey]:
    """Group -> the person group it joins. Longer names are settled first, so a short name
    sees every longer one it could belong to."""
    persons = [g for g in groups.values() if g.type == "PERSON" and g.words]
    by_surname: dict[tuple[str, str], list[_Group]] = defaultdict(list)
    for group in persons:
        by_surname[surname(list(group.words))].append(group)
    roots: dict[GroupKey, GroupKey] = {}
    weight: Counter[GroupKey] = Counter()
    full_name_weight: Counter[GroupKey] = Counter()  # mentions written with more than one word
    for group in sorted(persons, key=lambda g: (-len(g.words), g.key)):
        root = _joined_root(group, by_surname, roots, weight)
        roots[("PERSON", group.key)] = root
        weight[root] += group.count
        full_name_weight[root] += sum(c for form, c in group.forms.items() if len(form.text.split()) > 1)
    _join_cut_korean_names(persons, roots, weight)
    lookalikes = {gk: g for gk, g in groups.items() if _is_person_lookalike(g)}  # in the groups' order
    for gkey, group in lookalikes.items():
        same_name = ("PERSON", " ".join(group.words))
        root = roots[same_name] if same_name in roots else _joined_root(group, by_surname, roots, weight)
        if full_name_weight[root] > group.count:
            roots[gkey] = root
    return _one_entity_per_name(groups, lookalikes, roots, weight)


def _join_cut_korean_names(persons: list[_Group], roots: dict[GroupKey, GroupKey], weight: Counter[GroupKey]) -> None:
    """A Korean name cut at its given name's hyphen ("President Moon Jae", an outlet's copy that
    dropped "-in") joins, with the names already joined to it, the one person of the corpus whose
    hyphenated given name opens with that syllable under that family name ("Moon Jae-in"). The
    shortened form is no other spelling of a name (the family name stays, the given name is cut), so
    it is that person when exactly one such root exists; with none or several it stays apart."""
    full: dict[tuple[str, str], set[GroupKey]] = defaultdict(set)
    for group in persons:
        if (parts := hyphenated_korean_name(list(group.words))) is not None:
            full[parts].add(roots[("PERSON", group.key)])
    for group in persons:
        gkey = ("PERSON", group.key)
        parts = cut_korean_name(list(group.words))
        if parts is None or roots[gkey] != gkey or len(full.get(parts, ())) != 1:
            continue
        target = next(iter(full[parts]))
        for other, root in list(roots.items()):
            if root == gkey:
                roots[other] = target
        weight[target] += weight.pop(gkey, 0)


def _one_entity_per_name(groups: dict[GroupKey, _Group], lookalikes: dict[GroupKey, _Group],
                         roots: dict[GroupKey, GroupKey], weight: Counter[GroupKey]) -> dict[GroupKey, GroupKey]:
    """A person's name is one entity whatever type the tagger gave it in one article: a person
    root and the unjoined lookalike groups of exactly its name ("Nikki Haley" PERSON in some
    articles, ORG in others; "Twitter" ORG and PERSON) become one entity of the type with the most
    mentions over the corpus (the person's counting the names joined to it, "Haley"). A tie
    leaves them apart. Returns every group -> the root it joins (``roots`` less self-roots)."""
    by_words: dict[tuple[str, ...], list[_Group]] = defaultdict(list)
    for gkey, group in lookalikes.items():
        if gkey not in roots:
            by_words[group.words].append(group)
    moved: dict[GroupKey, GroupKey] = {}
    for gkey, group in groups.items():
        others = by_words.get(group.words, []) if roots.get(gkey) == gkey else []
        if not others:
            continue
        winner = min(others, key=lambda g: (-g.count, g.type))
        if weight[gkey] == winner.count:
            continue
        root = gkey if weight[gkey] > winner.count else (winner.type, winner.key)
        moved.update((gk, root) for gk in [gkey, *((g.type, g.key) for g in others)] if gk != root)
    joined = {gk: moved.get(root, root) for gk, root in roots.items()}
    joined.update(moved)
    return {gk: root for gk, root in joined.items() if gk != root}


def _joined_root(group: _Group, by_surname: dict[tuple[str, str], list[_Group]],
                 roots: dict[GroupKey, GroupKey], weight: Counter[GroupKey]) -> GroupKey:
    """The root of the unique (or clearly dominant) longer person name containing this one."""
    words = list(group.words)
    candidates = {roots[("PERSON", other.key)] for other in by_surname.get(surname(words), ())
                  if len(other.words) > len(words) and ("PERSON", other.key) in roots
                  and is_subname(words, list(other.words)) and _capitalized_surname(other)}
    if len(candidates) == 1:
        return candidates.pop()
    ranked = sorted(candidates, key=lambda r: (-weight[r], r))
    if len(ranked) > 1 and weight[ranked[0]] >= DOMINANCE * weight[ranked[1]]:
        return ranked[0]
    return "PERSON", group.key


def _capitalized_surname(group: _Group) -> bool:
    """Whether the name is ever written with a capitalized last word: a person's surname is
    ("Mr Rock" does not join a tagger's "Plymouth rock")."""
    return any(name.split()[-1][:1].isupper() for name in group.names if name.split())


def _is_person_lookalike(group: _Group) -> bool:
    """A non-person name that names no place (regions of no one state included: "the Gulf"),
    people or known organisation."""
    if group.type not in PERSON_LOOKALIKE_TYPES or not group.words:
        return False
    name = min(group.names)
    return actors.country_of_name(name) is None and actors.demonym_name(name) is None and \
        not actors.is_region_name(name)


# ------------------------------------------------------------------------------ within a story


def story_surname_links(links: dict[tuple[str, str], str], story_of: dict[str, str | None]
                        ) -> dict[tuple[str, str], str]:
    """``links`` ((article id, mention key) -> entity id) with each lone surname relinked to the
    one person of its story written in full with that surname. News gives a person's full name
    once and the surname after, and a later report may give only the surname ("Wallace" where
    another article of the story has "Sarah Wallace"); corpus-wide such a surname stays its own
    entity when several persons share it, but one story is about one of them. Only a surname left
    as its own entity moves (one already joined to a full name keeps it), and only to a person
    the story writes in full under exactly one entity."""
    full_names: dict[tuple[str | None, str], set[str]] = defaultdict(set)
    lone: list[tuple[str, str]] = []
    for (article_id, key), entity_id in links.items():
        words = _person_key_words(key)
        if len(words) > 1 and story_of.get(article_id):
            full_names[(story_of[article_id], surname(words)[0])].add(entity_id)
        elif len(words) == 1 and entity_id == stable_id("PERSON", words[0], prefix="e_"):
            lone.append((article_id, key))  # the id of its own root (``_entity``): joined to no one
    out = dict(links)
    for article_id, key in lone:
        found = full_names.get((story_of.get(article_id), _person_key_words(key)[0]), set())
        if len(found) == 1 and story_of.get(article_id):
            out[(article_id, key)] = next(iter(found))
    return out


def _person_key_words(key: str) -> list[str]:
    """The words of a person mention's key ("PERSON:sarah wallace"); none for other types."""
    label, _, name = key.partition(":")
    return name_words(name) if label == "PERSON" else []


# ------------------------------------------------------------------------------ entities


def _entity(root: GroupKey, parts: list[_Group]) -> Entity:
    """The entity of a root group and the groups joined to it; its type is the root's."""
    root_group = next((g for g in parts if (g.type, g.key) == root), parts[0])
    forms: Counter[NameForm] = Counter()
    for group in parts:
        forms.update(group.forms)
    names: Counter[str] = Counter()
    for form, count in root_group.forms.items():
        names[form.name] += count
    aliases: Counter[str] = Counter()
    for form, count in forms.items():
        for alias in _aliases(form):
            aliases[alias] += count
    return Entity(
        id=stable_id(root[0], root[1], prefix="e_"),
        name=_most_frequent(names) or root[1],
        type=root[0],
        aliases=_ranked(aliases)[:MAX_ALIASES],
        titles=_ranked(_counts(forms, "title")),
        country=_most_frequent(_counts(forms, "country")),
        sector=_most_frequent(_counts(forms, "sector")),
    )


def _counts(forms: Counter[NameForm], attribute: str) -> Counter[str]:
    """How many mentions carry each (non-empty) value of one form attribute."""
    out: Counter[str] = Counter()
    for form, count in forms.items():
        if value := getattr(form, attribute):
            out[value] += count
    return out


def _aliases(form: NameForm) -> list[str]:
    """Surface forms: the text, and with its title when the title reads as a pre-modifier
    ("US President Donald Trump"): capitalized titles are the ones written before names."""
    surface = _SPACES.sub(" ", form.text).strip()
    forms = [surface]
    if form.title and form.title.split()[-1][:1].isupper():
        forms.append(f"{form.title} {surface}")
    return forms


def _ranked(counts: Counter[str]) -> list[str]:
    """Distinct values, most frequent first, ties in alphabetical order."""
    return sorted(counts, key=lambda v: (-counts[v], v))


def _most_frequent(counts: Counter[str]) -> str | None:
    """Majority value; ties go to the longer, then alphabetically first (order-independent)."""
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], -len(v), v))
