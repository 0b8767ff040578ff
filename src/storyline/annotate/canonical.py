"""Corpus-wide canonical entities from the per-article mentions.

Mentions are grouped by (type, normalized cluster name); a shorter person name then joins the
one longer name that contains it ("Trump" -> "Donald Trump", "Abbas Araghchi" -> "Seyed Abbas
Araghchi"), a non-person entity whose name is such a person's name ("Trump" tagged ORG)
joins that person when the person is more often written in full, and a lone one-word "person"
that is more often something else ("Twitter") becomes that. Everything is dict work over groups, never over pairs of mentions, and the
result depends only on the set of mentions (not their order), so re-runs give the same ids.
No entity-linking library fits offline use without a knowledge base, hence this module.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from storyline.annotate import actors
from storyline.annotate.entities import is_subname, name_words, surname
from storyline.model import Entity, Mention, stable_id

# A short name joins the most-mentioned of several candidate persons only when that one has
# at least this many times the mentions of the next ("Trump": Donald 5,000 vs Melania 50).
DOMINANCE = 4
MAX_ALIASES = 50
# Types whose mistagged person names ("Trump" as ORG) may join a person entity.
PERSON_LOOKALIKE_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP"})
_SPACES = re.compile(r"\s+")

GroupKey = tuple[str, str]


@dataclass(slots=True)
class _Group:
    """All mentions sharing one type and normalized name."""

    type: str
    key: str
    words: tuple[str, ...]
    mentions: list[tuple[str, Mention]] = field(default_factory=list)


def resolve_entities(mentions_by_article: Iterable[tuple[str, list[Mention]]]) -> list[Entity]:
    """Canonical entities across the corpus; sets ``entity_id`` on every mention in place
    (and ``type``, where a mistagged name joined an entity of another type)."""
    groups = _groups(mentions_by_article)
    roots = _person_roots(groups)
    members: dict[GroupKey, list[_Group]] = defaultdict(list)
    for gkey, group in groups.items():
        members[roots.get(gkey, gkey)].append(group)
    entities = [_entity(root, sorted(parts, key=lambda g: (g.type, g.key))) for root, parts in members.items()]
    return sorted(entities, key=lambda e: (-len(e.mentions), e.id))


def _group_key(mention: Mention) -> GroupKey:
    if mention.type == "PERSON":
        return mention.type, " ".join(name_words(mention.name))
    return mention.type, actors.lookup_key(mention.name)


def _groups(mentions_by_article: Iterable[tuple[str, list[Mention]]]) -> dict[GroupKey, _Group]:
    groups: dict[GroupKey, _Group] = {}
    keys: dict[tuple[str, str], GroupKey] = {}  # names repeat: normalize each once
    for article_id, mentions in mentions_by_article:
        for mention in mentions:
            gkey = keys.get((mention.type, mention.name))
            if gkey is None:
                gkey = keys[(mention.type, mention.name)] = _group_key(mention)
            group = groups.get(gkey)
            if group is None:
                group = groups[gkey] = _Group(gkey[0], gkey[1], tuple(name_words(mention.name)))
            group.mentions.append((article_id, mention))
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
        weight[root] += len(group.mentions)
        full_name_weight[root] += sum(len(m.span.text.split()) > 1 for _, m in group.mentions)
    lookalikes = {gk: g for gk, g in groups.items() if _is_person_lookalike(g)}
    for gkey, group in lookalikes.items():
        same_name = ("PERSON", " ".join(group.words))
        root = roots[same_name] if same_name in roots else _joined_root(group, by_surname, roots, weight)
        if full_name_weight[root] > len(group.mentions):
            roots[gkey] = root
            _retype(group, "PERSON")
    roots.update(_lone_names_by_majority(groups, roots, full_name_weight))
    return {gk: root for gk, root in roots.items() if gk != root}


def _lone_names_by_majority(groups: dict[GroupKey, _Group], roots: dict[GroupKey, GroupKey],
                            full_name_weight: Counter[GroupKey]) -> dict[GroupKey, GroupKey]:
    """A person name never written in full ("Twitter", "SpaceX") that also appears under another
    type goes to the type it has most mentions under: spaCy's small model tags such names
    PERSON some of the time."""
    by_name: dict[str, list[_Group]] = defaultdict(list)
    for group in groups.values():
        if _is_person_lookalike(group) and roots.get((group.type, group.key)) is None:
            by_name[" ".join(group.words)].append(group)
    moved: dict[GroupKey, GroupKey] = {}
    for gkey, group in groups.items():
        others = by_name.get(group.key, []) if group.type == "PERSON" else []
        if not others or roots.get(gkey) != gkey or full_name_weight[gkey]:
            continue
        winner = min(others, key=lambda g: (-len(g.mentions), g.type))
        if len(winner.mentions) > len(group.mentions):
            moved[gkey] = (winner.type, winner.key)
            _retype(group, winner.type)
    return moved


def _joined_root(group: _Group, by_surname: dict[tuple[str, str], list[_Group]],
                 roots: dict[GroupKey, GroupKey], weight: Counter[GroupKey]) -> GroupKey:
    """The root of the unique (or clearly dominant) longer person name containing this one."""
    words = list(group.words)
    candidates = {roots[("PERSON", other.key)] for other in by_surname.get(surname(words), ())
                  if len(other.words) > len(words) and ("PERSON", other.key) in roots
                  and is_subname(words, list(other.words))}
    if len(candidates) == 1:
        return candidates.pop()
    ranked = sorted(candidates, key=lambda r: (-weight[r], r))
    if len(ranked) > 1 and weight[ranked[0]] >= DOMINANCE * weight[ranked[1]]:
        return ranked[0]
    return "PERSON", group.key


def _is_person_lookalike(group: _Group) -> bool:
    """A non-person name that names no place (regions of no one state included: "the Gulf"),
    people or known organisation."""
    if group.type not in PERSON_LOOKALIKE_TYPES or not group.words:
        return False
    name = group.mentions[0][1].name
    return actors.country_of_name(name) is None and actors.demonym_name(name) is None and \
        not actors.is_region_name(name)


def _retype(group: _Group, entity_type: str) -> None:
    group.type = entity_type
    for _, mention in group.mentions:
        mention.type = entity_type


# ------------------------------------------------------------------------------ entities


def _entity(root: GroupKey, parts: list[_Group]) -> Entity:
    mentions = sorted((pair for g in parts for pair in g.mentions), key=lambda p: (p[0], p[1].span.start, p[1].span.end))
    root_group = next((g for g in parts if (g.type, g.key) == root), parts[0])
    entity_id = stable_id(root[0], root[1], prefix="e_")
    for _, mention in mentions:
        mention.entity_id = entity_id
    only = [m for _, m in mentions]
    return Entity(
        id=entity_id,
        name=_most_frequent([m.name for _, m in root_group.mentions]) or root[1],
        type=root[0],
        aliases=_ranked(alias for m in only for alias in _aliases(m))[:MAX_ALIASES],
        titles=_ranked(m.title for m in only if m.title),
        country=_most_frequent([m.country for m in only if m.country]),
        sector=_most_frequent([m.sector for m in only if m.sector]),
        mentions=[{"article_id": article_id, "span": m.span} for article_id, m in mentions],
    )


def _aliases(mention: Mention) -> list[str]:
    """Surface forms: the text, and with its title when the title reads as a pre-modifier
    ("US President Donald Trump"): capitalized titles are the ones written before names."""
    surface = _SPACES.sub(" ", mention.span.text).strip()
    forms = [surface]
    if mention.title and mention.title.split()[-1][:1].isupper():
        forms.append(f"{mention.title} {surface}")
    return forms


def _ranked(values: Iterable[str]) -> list[str]:
    """Distinct values, most frequent first, ties in alphabetical order."""
    counts = Counter(values)
    return sorted(counts, key=lambda v: (-counts[v], v))


def _most_frequent(values: list[str]) -> str | None:
    """Majority value; ties go to the longer, then alphabetically first (order-independent)."""
    if not values:
        return None
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], -len(v), v))
