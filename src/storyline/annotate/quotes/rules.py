"""Dependency-parse rules that find attributions: a cue (reporting verb or "according to"), its
source (the subject, inherited through conjuncts and participles) and its content (the clausal
complement, the host clause of a parenthetical cue, or the quotation marks attached to the cue).

Character ranges are ``(start, end)`` tuples into the article text; ``extract_quotes`` turns them
into model objects.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from storyline.annotate.quotes.lexicon import (
    ACCOUNT_NOUNS, CHANNEL_NOUNS, CUE_VERBS, JOURNALIST_NOUNS, MEDIUM_HEADS, MEDIUM_NOUNS, MEDIUM_OF_VERB,
    NETWORK_NAMES, NEEDS_CLAUSE, OBJECT_VERBS, PUBLICATION_NOUNS, PUBLISHING_VERBS, QUESTION_VERBS)
from storyline.annotate.quotes.marks import QuotedSpan
from storyline.annotate.quotes.parsed import Parsed

Range = tuple[int, int]

SUBJECT_DEPS = ("nsubj", "csubj")
FRAME_DEPS = ("nsubj", "nsubjpass", "csubj", "aux", "auxpass", "neg", "advmod", "prep", "dative", "dobj", "npadvmod",
              "agent", "prt", "attr")
INHERIT_DEPS = ("conj", "advcl", "xcomp")
NOT_MEDIA = frozenset("DATE TIME GPE PERSON NORP LOC CARDINAL ORDINAL EVENT".split())
CUE_PREFIX_DEPS = ("aux", "neg", "advmod")
RELATIVE_PRONOUNS = frozenset("who which that whom".split())
_GAP = re.compile(r"[\s,:;—–\-]*")
_EDGE_PUNCT = " \t\r\n,;:—–-"
QUOTE_CHARS = "\"'“”‘’«»‹›„‚‛‟"
_NEEDS_CONTENT = NEEDS_CLAUSE | OBJECT_VERBS  # no content from the parse: no attribution


@dataclass(slots=True)
class Attribution:
    cue: Range
    cue_token: Token
    source: Range | None = None
    source_token: Token | None = None
    contents: list[Range] = field(default_factory=list)
    frame: Range = (0, 0)
    medium: str | None = None
    nested: bool = False  # the cue stands inside a quotation (a speaker quoting someone)
    weak: set[Range] = field(default_factory=set)  # contents attached by position only


# ------------------------------------------------------------------ spans of tokens


def trim(text: str, rng: Range) -> Range:
    """Trim whitespace, edge punctuation and edge quote marks."""
    start, end = rng
    while start < end and (text[start] in _EDGE_PUNCT or text[start] in QUOTE_CHARS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _EDGE_PUNCT or text[end - 1] in QUOTE_CHARS or text[end - 1].isspace()):
        end -= 1
    return start, end


def content_range(p: Parsed, text: str, tokens: list[int]) -> Range:
    """The content's characters without a leading complementizer ("said that ...") or a trailing
    conjunction left by a coordinated clause ("..., and [another clause]")."""
    tokens = sorted(tokens)
    k, end = 0, len(tokens)
    while k < end and (p.is_punct[tokens[k]] or (p.dep[tokens[k]] == "mark" and p.lower[tokens[k]] == "that")):
        k += 1
    cut = end
    while cut > k and (p.is_punct[tokens[cut - 1]] or p.dep[tokens[cut - 1]] == "cc"):
        cut -= 1
    if any(p.dep[t] == "cc" for t in tokens[cut:end]):
        end = cut
    return trim(text, p.span(tokens[k:end])) if k < end else (0, 0)


# ------------------------------------------------------------------ cues


def is_cue(p: Parsed, i: int) -> bool:
    if _is_according(p, i):
        return True
    if p.pos[i] not in ("VERB", "AUX") or p.lemma[i] not in CUE_VERBS:
        return False
    return p.dep[i] not in ("amod", "compound") and p.tag[i] != "VBN" or _has_aux(p, i)


def _to_of(p: Parsed, i: int) -> int | None:
    """The "to" of "according to"."""
    return next((c for c in p.children[i] if p.lower[c] == "to"), None)


def _is_according(p: Parsed, i: int) -> bool:
    return p.lower[i] == "according" and _to_of(p, i) is not None


def _has_aux(p: Parsed, i: int) -> bool:
    return any(p.dep[c] in ("aux", "auxpass") for c in p.children[i])


def cue_range(p: Parsed, i: int) -> Range:
    if _is_according(p, i):
        return p.idx[i], p.end[_to_of(p, i)]
    prt = [c for c in p.children[i] if p.dep[c] == "prt"]
    return p.span([*_auxiliaries_before(p, i), i, *prt])


def _auxiliaries_before(p: Parsed, i: int) -> list[int]:
    """"has said", "also said": auxiliaries and adverbs right before the verb belong to the cue
    (PolNeAR's convention), when they start with an auxiliary or an adverb of the cue itself."""
    k = i - 1
    while k >= 0 and p.head[k] == i and p.dep[k] in CUE_PREFIX_DEPS:
        k -= 1
    return list(range(k + 1, i))


# ------------------------------------------------------------------ source


def find_source(p: Parsed, i: int, depth: int = 0) -> int | None:
    """The subject of the cue, or of the verb it hangs from (conjunct, participle, xcomp)."""
    if _is_according(p, i):
        return next((c for c in p.children[_to_of(p, i)] if p.dep[c] == "pobj"), None)
    for c in p.children[i]:
        if p.dep[c] in SUBJECT_DEPS:
            if p.lower[c] in RELATIVE_PRONOUNS and p.dep[i] == "relcl":
                return p.head[i]
            return c
        if p.dep[c] == "agent":
            return next((o for o in p.children[c] if p.dep[o] == "pobj"), None)
    if p.dep[i] in INHERIT_DEPS and p.head[i] != i and depth < 3:
        return find_source(p, p.head[i], depth + 1)
    return None


def source_range(p: Parsed, text: str, source: int) -> Range:
    """The subject's noun phrase, without relative clauses that hold the cue itself."""
    tokens = p.subtree(source)
    relative = [t for c in p.children[source] if p.dep[c] == "relcl" for t in p.subtree(c)]
    if relative:
        relative = set(relative)
        tokens = [t for t in tokens if t not in relative]
    return trim(text, clip_to_line(text, p.span(tokens), p.idx[source]))


def clip_to_line(text: str, rng: Range, anchor: int) -> Range:
    """Keep the part of ``rng`` on the anchor's line (a parse may run across a caption)."""
    start = max(rng[0], text.rfind("\n", 0, anchor) + 1)
    newline = text.find("\n", anchor)
    end = rng[1] if newline < 0 else min(rng[1], newline)
    return start, end


# ------------------------------------------------------------------ content


def dependency_contents(p: Parsed, i: int) -> list[list[int]]:
    """Token groups of the content according to the parse."""
    if p.lower[i] == "according":
        host = p.head[i]
        clause = p.subtree(host) if p.pos[host] in ("VERB", "AUX") else list(range(*p.sent(i)))
        return split_around(p, clause, set(p.subtree(i)))
    comps = [c for c in p.children[i] if p.dep[c] == "ccomp" and not is_condition(p, c, i)]
    if len(comps) > 1:  # "X said A, and Y said B" parsed as two complements of the first cue
        comps = [c for c in comps if not has_own_attribution(p, c)] or comps[:1]
    if comps:
        return [_without_reported_conjuncts(p, p.subtree(c)) for c in comps]
    if p.lemma[i] in OBJECT_VERBS:
        objects = [c for c in p.children[i] if p.dep[c] in ("xcomp", "dobj")]
        objects += [c for c in p.children[i] if p.dep[c] == "prep" and p.lower[c] in ("for", "on")
                    and p.doc[i].lemma_ == "call"]
        if objects:
            return [p.subtree(objects[0])]
    if p.dep[i] == "parataxis" or (p.dep[i] == "advcl" and _is_parenthetical(p, i)):
        return split_around(p, p.subtree(p.head[i]), set(p.subtree(i)))
    return []


def is_condition(p: Parsed, clause: int, cue: int) -> bool:
    """"considers sanctions if talks collapse": a clause opened by "if", "unless" or "in case" is
    the condition of the cue, not what was said (the parser often labels it a complement). After
    a question verb ("asked if ...") it is the reported question and stays."""
    if p.lemma[cue] in QUESTION_VERBS:
        return False
    for c in p.children[clause]:
        if p.dep[c] == "mark" and (p.lower[c] in ("if", "unless") or
                                   (p.lower[c] == "in" and c + 1 < p.n and p.lower[c + 1] == "case")):
            return True
    return False


def has_own_attribution(p: Parsed, i: int) -> bool:
    return is_cue(p, i) and any(p.dep[c] in SUBJECT_DEPS for c in p.children[i])


def _without_reported_conjuncts(p: Parsed, tokens: list[int]) -> list[int]:
    """Cut "..., and a senior official said ..." off the content: a coordinated clause with a cue
    and a subject of its own is another attribution."""
    for t in tokens:
        if p.dep[t] == "conj" and has_own_attribution(p, t):
            left, head = p.left_edge(t), p.head[t]
            return [x for x in tokens if x < left and not (p.dep[x] == "cc" and p.head[x] == head and x > head)]
    return tokens


def _is_parenthetical(p: Parsed, i: int) -> bool:
    """"..., he said, ..." hanging as an adverbial clause inside its host sentence."""
    sub = p.subtree(i)
    left, right = sub[0], sub[-1]
    if left == 0 or p.lower[left - 1] != ",":
        return False
    return right + 1 >= p.n or p.lower[right + 1] in (",", ".", ";")


def split_around(p: Parsed, tokens: list[int], hole: set[int]) -> list[list[int]]:
    """The runs of ``tokens`` outside ``hole`` (content interrupted by the cue)."""
    runs, run = [], []
    for t in sorted(tokens):
        if t in hole:
            if run:
                runs.append(run)
            run = []
        else:
            run.append(t)
    if run:
        runs.append(run)
    punct = p.is_punct
    return [r for r in runs if not all(punct[t] for t in r)]


def frame_range(p: Parsed, i: int, source: int | None) -> Range:
    """Characters of the cue's own clause (source, cue, auxiliaries, medium), not its content."""
    tokens = [i]
    if p.lower[i] == "according":
        tokens = list(p.subtree(i))
    else:
        for c in p.children[i]:
            if p.dep[c] in FRAME_DEPS:
                tokens.extend(p.subtree(c))
    if source is not None and source < i:
        tokens.extend(p.subtree(source))
    return p.span([t for t in tokens if not p.is_punct[t] or t == i])


def attach_quotes(text: str, contents: list[Range], frame: Range, quotes: list[QuotedSpan],
                  weak: set[Range]) -> list[Range]:
    """Widen content inside a quotation to the whole quotation; add quotations that touch the
    cue's clause with only punctuation between (before: "...," he said; after: he said: "...").
    A cue inside a quotation (a speaker quoting someone) keeps its parse content."""
    if inside_quote(frame, quotes):
        return contents
    widened = []
    for rng in contents:
        quote = next((q for q in quotes if q.outer_start <= rng[0] < q.outer_end), None)
        if quote is not None and rng[1] <= quote.outer_end + 1:
            rng = (quote.start, quote.end)
        elif quote is not None:
            rng = (quote.start, rng[1])
        widened.append(rng)
    before = [q for q in quotes if q.outer_end <= frame[0] and _GAP.fullmatch(text, q.outer_end, frame[0])
              and not _ends_sentence_before(text, q, frame)]
    after = [q for q in quotes if q.outer_start >= frame[1] and _GAP.fullmatch(text, frame[1], q.outer_start)]
    for q in before[-1:] + after[:1]:
        if not any(overlaps((q.start, q.end), r) for r in widened) and not _inside(frame, (q.start, q.end)):
            widened.append((q.start, q.end))
            if q in after:
                weak.add((q.start, q.end))
    return sorted(widened)


def inside_quote(rng: Range, quotes: list[QuotedSpan]) -> bool:
    return any(q.start <= rng[0] and rng[1] <= q.end for q in quotes)


def _ends_sentence_before(text: str, q: QuotedSpan, frame: Range) -> bool:
    """"... end." It has also said: the quotation closed a sentence before the cue's clause."""
    return text[q.end - 1:q.end] == "." and text[frame[0]].isupper()


def overlaps(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(outer: Range, inner: Range) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


# ------------------------------------------------------------------ medium


def find_medium(token: Token) -> str | None:
    """Where it was said: "in a post on Truth Social", "on Twitter", "told Fox Business Network",
    "tweeted" (``MEDIUM_OF_VERB``);
    a verb coordinated with another shares its fronted adjuncts ("In an interview with X, she said
    ... but added: ..." was added in that interview too), and a participle or infinitive that only
    goes on describing the act shares its verb's ("posted photos on Instagram, writing that ...",
    "took to Instagram to say ...", "Writing on Instagram, she said ...": one act told twice)."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "on", "during", "via", "to"):
            name = _medium_of_prep(child)
            if name:
                return name
        if child.dep_ in ("dobj", "dative") and token.lemma_ == "tell":
            medium = addressed_medium(child)
            if medium:
                return medium
        if child.dep_ == "dobj" and token.lemma_.lower() in PUBLISHING_VERBS:
            medium = _medium_of_published(child)
            if medium:
                return medium
    participle = _medium_of_participle(token)
    if participle:
        return participle
    if token.dep_ == "conj" and token.head.pos_ == "VERB" and token.head.i < token.i:
        return find_medium(token.head)
    if _describes_its_head(token):
        return find_medium(token.head)
    return MEDIUM_OF_VERB.get(token.lemma_.lower())


def _medium_of_published(thing: Token) -> str | None:
    """Where a thing was posted, as the parser hangs it on the thing ("posted photos on Instagram")."""
    for prep in thing.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "to", "via"):
            name = _medium_of_prep(prep)
            if name:
                return name
    return None


def _describes_its_head(verb: Token) -> bool:
    """A bare participle ("..., writing that") or an infinitive of purpose ("took to X to say")
    with no subject of its own: the same act as its head verb, so the same medium."""
    if verb.head is verb or verb.head.pos_ != "VERB" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    return verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and verb.tag_ == "VBG"
                                    and not any(c.dep_ == "mark" for c in verb.children))


def _medium_of_participle(verb: Token) -> str | None:
    """The medium a subjectless participle of the cue names ("Writing on Instagram, she said",
    "Speaking to CNN, he said"); "to" names a medium only after a verb of speaking: one responds
    to an article, or goes to a festival, that is not where one speaks."""
    for child in verb.children:
        if child.dep_ == "advcl" and _describes_its_head(child):
            for prep in child.children:
                if prep.dep_ == "prep" and (prep.lower_ in ("in", "on", "via")
                                            or prep.lower_ == "to" and child.lemma_.lower() in ("speak", "talk")):
                    name = _medium_of_prep(prep)
                    if name:
                        return name
    return None


def is_known_medium(name: str) -> bool:
    """A medium by its words alone: a social network, a news outlet's word ("Sky News", "the
    Guardian"), or a channel of one's own ("blog"); what a verb that reports nothing is "on" or
    "to" (a festival, a stage) is a medium only so."""
    words = set(name.lower().split())
    return bool(words & (MEDIUM_HEADS | CHANNEL_NOUNS)) or name.lower() in NETWORK_NAMES


def _medium_of_prep(prep: Token) -> str | None:
    """The medium a phrase of the cue names: a name ("on Fox News", "on Twitter"), a medium noun with
    a name ("in an Instagram post", "in an interview with CNN"), or a noun that names its network
    as its verb does ("in a tweet": Twitter), or a channel of one's own (``_channel``)."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    if _is_medium_name(obj):
        return _name_text(obj)
    own = _channel(obj)
    if own:
        return own
    if obj.lemma_.lower() in MEDIUM_NOUNS:
        named = next((c for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        if named is not None:  # a noun compound names the medium: "in an Instagram post"
            return _name_text(named)
        kind = next((c for c in obj.children if c.dep_ == "compound" and c.lemma_.lower() in CHANNEL_NOUNS), None)
        if kind is not None:  # "in his blog post": a post on a blog
            return _channel(kind)
        for sub in obj.children:
            if sub.dep_ == "prep" and sub.lower_ in ("on", "with", "to", "in", "for"):
                inner = next((c for c in sub.children if c.dep_ == "pobj"), None)
                # what a post or interview is on or with: a date or a place says when or where, a
                # one-word platform the tagger often types a person ("a post on Bluesky")
                if inner is not None and inner.pos_ == "PROPN" and inner.ent_type_ not in NOT_MEDIA - {"PERSON"}:
                    return _name_text(inner)
                if inner is not None and _channel(inner):  # "a post for his blog", "on his Twitter account"
                    return _channel(inner)
        return MEDIUM_OF_VERB.get(obj.lemma_.lower())
    return None


def _channel(noun: Token) -> str | None:
    """A channel the speaker publishes through, named by its kind as a tweet names Twitter: a blog,
    podcast or newsletter (its name when given in apposition, "his blog Spundart", else its kind),
    or an account or page of a network ("his Twitter account", "its Facebook page": the network)."""
    word = noun.lemma_.lower()
    if word in CHANNEL_NOUNS:
        named = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        return _name_text(named) if named is not None else word
    if word in ACCOUNT_NOUNS:
        network = next((c for c in noun.children if c.dep_ == "compound" and c.lower_ in NETWORK_NAMES), None)
        return _name_text(network) if network is not None else None
    return None


def _is_medium_name(token: Token) -> bool:
    """A name that may be a medium: not a date, place, person or number by the tagger, except a
    social network's name, which the tagger often types a person ("on Twitter")."""
    return token.pos_ == "PROPN" and (token.ent_type_ not in NOT_MEDIA or token.lower_ in NETWORK_NAMES)


def addressed_medium(addressee: Token) -> str | None:
    """The medium an addressee of "told" names: a news outlet's name ("told CNN"), a publication
    noun with the name or demonym before it ("told Time magazine", "told Reuters news agency",
    "told Australian radio"), or the outlet a journalist works for ("told a reporter from The Daily
    Tarn"; the parser may hang "from X" on the verb): what a journalist hears is said to the outlet."""
    if _is_media_name(addressee):
        return _name_text(addressee)
    word = addressee.lower_
    if addressee.pos_ == "NOUN" and (word in PUBLICATION_NOUNS or word == "agency" and _has_compound(addressee, "news")) \
            and any(c.dep_ in ("compound", "amod") and c.text[:1].isupper() for c in addressee.children):
        return _name_text(addressee)
    if word in JOURNALIST_NOUNS:
        outlets = [o for prep in _preps_after(addressee) for o in prep.children
                   if o.dep_ == "pobj" and o.pos_ == "PROPN" and o.ent_type_ not in NOT_MEDIA]
        return _name_text(outlets[0]) if outlets else None
    return None


def _has_compound(noun: Token, word: str) -> bool:
    return any(c.dep_ == "compound" and c.lower_ == word for c in noun.children)


def _preps_after(noun: Token) -> list[Token]:
    """The "from", "for" or "with" phrases of a noun: its own, or the verb's right after it ("at"
    places a journalist, "reporters at the White House", it names no employer)."""
    own = [c for c in noun.children if c.dep_ == "prep"]
    after = [c for c in noun.head.children if c.dep_ == "prep" and c.i == noun.right_edge.i + 1]
    return [p for p in own + after if p.lower_ in ("from", "for", "with")]


def _is_media_name(token: Token) -> bool:
    if token.pos_ != "PROPN":
        return False
    words = {t.lower_ for t in token.subtree}
    return token.ent_type_ == "ORG" or bool(words & MEDIUM_HEADS) or _is_definite_name(token)


def _is_definite_name(token: Token) -> bool:
    """A proper name after "the" ("told the Sentinel", "told The Unbeaten"): English names of
    persons take no article, so one addressed so is a publication or body, whatever type the
    tagger gave it (it often calls a one-word title a PERSON); places ("the Netherlands") are not."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
        and token.ent_type_ not in NOT_MEDIA - {"PERSON"}


def _name_text(token: Token) -> str:
    parts = [t for t in token.subtree if t.i <= token.i and t.dep_ in ("compound", "amod", "nmod", "poss", "case")
             or t.i == token.i]
    first, last = min(t.i for t in parts), max(t.i for t in parts)
    return token.doc[first:last + 1].text  # not doc.text: that joins the whole document


# ------------------------------------------------------------------ attributions


def find_attributions(doc: Doc, text: str, quotes: list[QuotedSpan], parsed: Parsed | None = None) -> list[Attribution]:
    p = parsed or Parsed(doc)
    attributions = []
    for i in range(p.n):
        if not is_cue(p, i):
            continue
        att = attribution_for(p, i, text, quotes)
        if att is not None and not att.nested:
            attributions.append(att)
    resolve_conflicts(attributions)
    attach_continuations(text, attributions, quotes)
    return [a for a in attributions if a.contents]


def resolve_conflicts(attributions: list[Attribution]) -> None:
    """A quotation claimed by two cues goes to the one that governs it in the parse or that
    follows it ("...," he said) rather than one it merely comes after."""
    strong = {r for a in attributions for r in a.contents if r not in a.weak}
    for att in attributions:
        att.contents = [r for r in att.contents if r not in att.weak or r not in strong]


def attribution_for(p: Parsed, i: int, text: str, quotes: list[QuotedSpan]) -> Attribution | None:
    source = find_source(p, i)
    found = rule_contents(p, i, text, quotes, source)
    if found is None:
        return None
    contents, weak, frame = found
    token = p.token(i)
    att = Attribution(cue=cue_range(p, i), cue_token=token, contents=contents, frame=frame,
                      nested=inside_quote(frame, quotes), weak=weak)
    if source is not None:
        att.source, att.source_token = source_range(p, text, source), p.token(source)
    att.medium = None if p.lower[i] == "according" else find_medium(token)
    return att


def rule_contents(p: Parsed, i: int, text: str, quotes: list[QuotedSpan],
                  source: int | None) -> tuple[list[Range], set[Range], Range] | None:
    """The rules' contents of the cue at ``i`` (with the weak ones and the cue's frame); the
    learned model reads only these, so it skips the rest of ``attribution_for``."""
    groups = dependency_contents(p, i)
    if not groups and p.lemma[i] in _NEEDS_CONTENT and p.lower[i] != "according":
        return None
    contents = [content_range(p, text, g) for g in groups]
    frame = frame_range(p, i, source)
    weak: set[Range] = set()
    contents = [r for r in attach_quotes(text, contents, frame, quotes, weak) if r[1] > r[0]]
    trimmed = [trim(text, r) for r in contents]
    weak = {t for r, t in zip(contents, trimmed) if r in weak}
    contents = [r for r in trimmed if r[1] > r[0]]
    return (contents, weak, frame) if contents else None


def attach_continuations(text: str, attributions: list[Attribution], quotes: list[QuotedSpan]) -> None:
    """A quotation right after an attributed one (same or next paragraph, nothing but the cue's
    clause and punctuation between) continues it: "...," Trump said. "If it can, ..."."""
    outer = [a for a in attributions if not a.nested]
    covered = [r for a in outer for r in a.contents]
    for q in quotes:
        rng = (q.start, q.end)
        if any(overlaps(rng, r) for r in covered) or is_quoted_heading(text, q):
            continue
        owner = _preceding_owner(text, q, outer)
        if owner is not None:
            owner.contents.append(rng)
            owner.weak.add(rng)
            covered.append(rng)


# What ends a sentence of running prose, also one cut off by a dash or left open by a comma.
_SENTENCE_ENDS = ".!?…,;:—–-"


def is_quoted_heading(text: str, q: QuotedSpan) -> bool:
    """A quotation that fills its line and ends in no sentence mark ("'Massive damage'", "'I got on
    the wrong plane'" alone on a line) is a heading: news layout sets a crosshead quoting a phrase
    of the text below between paragraphs, while a paragraph of a quotation running over several
    paragraphs is edited prose, whose sentences end in a mark. So it continues no quotation before it."""
    if not q.closed or "\n" in text[q.start:q.end]:  # a crosshead is one line
        return False
    line_start = text.rfind("\n", 0, q.outer_start) + 1
    line_end = text.find("\n", q.outer_end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:q.outer_start].strip() or text[q.outer_end:line_end].strip():
        return False
    quoted = text[q.start:q.end].rstrip().rstrip(QUOTE_CHARS)  # "... called 'Blood Moons.'": a nested quotation's end
    return bool(quoted) and quoted[-1] not in _SENTENCE_ENDS


def _preceding_owner(text: str, q: QuotedSpan, attributions: list[Attribution]) -> Attribution | None:
    best, best_end = None, -1
    for att in attributions:
        end = max([att.frame[1], *(r[1] for r in att.contents)])
        if end <= q.outer_start and end > best_end:
            best, best_end = att, end
    if best is None:
        return None
    gap = text[best_end:q.outer_start]
    gap = re.sub(r"^[^\S\n]*[\"'”’»]?[.,;:!?]?[\"'”’»]?", "", gap)
    if gap.strip() == "" and gap.count("\n") <= 2:
        return best
    return None
