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

from storyline.annotate.quotes.lexicon import CUE_VERBS, MEDIUM_HEADS, MEDIUM_NOUNS, NEEDS_CLAUSE, OBJECT_VERBS
from storyline.annotate.quotes.marks import QuotedSpan

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
_QUOTE_CHARS = "\"'“”‘’«»‹›„‚‛‟"


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


def token_range(tokens) -> Range:
    tokens = list(tokens)
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def trim(text: str, rng: Range) -> Range:
    """Trim whitespace, edge punctuation and edge quote marks."""
    start, end = rng
    while start < end and (text[start] in _EDGE_PUNCT or text[start] in _QUOTE_CHARS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _EDGE_PUNCT or text[end - 1] in _QUOTE_CHARS or text[end - 1].isspace()):
        end -= 1
    return start, end


def content_range(text: str, tokens: list[Token]) -> Range:
    """The content's characters without a leading complementizer ("said that ...")."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].is_punct or (tokens[0].dep_ == "mark" and tokens[0].lower_ == "that")):
        tokens = tokens[1:]
    return trim(text, token_range(tokens)) if tokens else (0, 0)


# ------------------------------------------------------------------ cues


def is_cue(token: Token) -> bool:
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return True
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in CUE_VERBS:
        return False
    return token.dep_ not in ("amod", "compound") and token.tag_ != "VBN" or _has_aux(token)


def _has_aux(token: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in token.children)


def cue_range(token: Token) -> Range:
    if token.lower_ == "according":
        to = next(c for c in token.children if c.lower_ == "to")
        return token.idx, to.idx + len(to.text)
    prt = [c for c in token.children if c.dep_ == "prt"]
    return token_range([*_auxiliaries_before(token), token, *prt])


def _auxiliaries_before(token: Token) -> list[Token]:
    """"has said", "also said": auxiliaries and adverbs right before the verb belong to the cue
    (PolNeAR's convention), when they start with an auxiliary or an adverb of the cue itself."""
    doc, run = token.doc, []
    i = token.i - 1
    while i >= 0 and doc[i].head.i == token.i and doc[i].dep_ in CUE_PREFIX_DEPS:
        run.insert(0, doc[i])
        i -= 1
    return run


# ------------------------------------------------------------------ source


def find_source(token: Token, depth: int = 0) -> Token | None:
    """The subject of the cue, or of the verb it hangs from (conjunct, participle, xcomp)."""
    if token.lower_ == "according":
        to = next(c for c in token.children if c.lower_ == "to")
        return next((c for c in to.children if c.dep_ == "pobj"), None)
    for child in token.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
                return token.head
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if token.dep_ in INHERIT_DEPS and token.head.i != token.i and depth < 3:
        return find_source(token.head, depth + 1)
    return None


def source_range(text: str, source: Token) -> Range:
    """The subject's noun phrase, without relative clauses that hold the cue itself."""
    tokens = [t for t in source.subtree if not _inside_relcl_of(t, source)]
    return trim(text, _clip_to_line(text, token_range(tokens), source.idx))


def _clip_to_line(text: str, rng: Range, anchor: int) -> Range:
    """Keep the part of ``rng`` on the anchor's line (a parse may run across a caption)."""
    start = max(rng[0], text.rfind("\n", 0, anchor) + 1)
    newline = text.find("\n", anchor)
    end = rng[1] if newline < 0 else min(rng[1], newline)
    return start, end


def _inside_relcl_of(token: Token, head: Token) -> bool:
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "relcl" and token.head.i == head.i:
            return True
        token = token.head
    return False


# ------------------------------------------------------------------ content


def dependency_contents(token: Token) -> list[list[Token]]:
    """Token groups of the content according to the parse."""
    if token.lower_ == "according":
        host = token.head
        phrase = set(token.subtree)
        clause = list(host.subtree) if host.pos_ in ("VERB", "AUX") else list(token.sent)
        return _split_around(clause, phrase)
    comps = [c for c in token.children if c.dep_ == "ccomp"]
    if len(comps) > 1:  # "X said A, and Y said B" parsed as two complements of the first cue
        comps = [c for c in comps if not _has_own_attribution(c)] or comps[:1]
    if comps:
        return [_without_reported_conjuncts(list(c.subtree)) for c in comps]
    if token.lemma_.lower() in OBJECT_VERBS:
        objects = [c for c in token.children if c.dep_ in ("xcomp", "dobj")]
        objects += [p for p in token.children if p.dep_ == "prep" and p.lower_ in ("for", "on") and token.lemma_ == "call"]
        if objects:
            return [list(objects[0].subtree)]
    if token.dep_ == "parataxis" or (token.dep_ == "advcl" and _is_parenthetical(token)):
        return _split_around(list(token.head.subtree), set(token.subtree))
    return []


def _has_own_attribution(token: Token) -> bool:
    return is_cue(token) and any(c.dep_ in SUBJECT_DEPS for c in token.children)


def _without_reported_conjuncts(tokens: list[Token]) -> list[Token]:
    """Cut "..., and a senior official said ..." off the content: a coordinated clause with a cue
    and a subject of its own is another attribution."""
    for t in tokens:
        if t.dep_ == "conj" and _has_own_attribution(t):
            return [x for x in tokens if x.i < t.left_edge.i and not (x.dep_ == "cc" and x.head.i == t.head.i
                                                                      and x.i > t.head.i)]
    return tokens


def _is_parenthetical(token: Token) -> bool:
    """"..., he said, ..." hanging as an adverbial clause inside its host sentence."""
    left, right = token.left_edge, token.right_edge
    doc = token.doc
    before = doc[left.i - 1] if left.i > 0 else None
    after = doc[right.i + 1] if right.i + 1 < len(doc) else None
    return before is not None and before.text == "," and (after is None or after.text in (",", ".", ";"))


def _split_around(tokens: list[Token], hole: set[Token]) -> list[list[Token]]:
    """The runs of ``tokens`` outside ``hole`` (content interrupted by the cue)."""
    runs, run = [], []
    for t in sorted(tokens, key=lambda t: t.i):
        if t in hole:
            if run:
                runs.append(run)
            run = []
        else:
            run.append(t)
    if run:
        runs.append(run)
    return [r for r in runs if any(not t.is_punct for t in r)]


def frame_range(token: Token, source: Token | None) -> Range:
    """Characters of the cue's own clause (source, cue, auxiliaries, medium), not its content."""
    tokens = [token]
    if token.lower_ == "according":
        tokens = list(token.subtree)
    else:
        for child in token.children:
            if child.dep_ in FRAME_DEPS:
                tokens.extend(child.subtree)
    if source is not None and source.i < token.i:
        tokens.extend(source.subtree)
    tokens = [t for t in tokens if not t.is_punct or t.i == token.i]
    return token_range(tokens)


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
        if not any(_overlaps((q.start, q.end), r) for r in widened) and not _inside(frame, (q.start, q.end)):
            widened.append((q.start, q.end))
            if q in after:
                weak.add((q.start, q.end))
    return sorted(widened)


def inside_quote(rng: Range, quotes: list[QuotedSpan]) -> bool:
    return any(q.start <= rng[0] and rng[1] <= q.end for q in quotes)


def _ends_sentence_before(text: str, q: QuotedSpan, frame: Range) -> bool:
    """"... end." It has also said: the quotation closed a sentence before the cue's clause."""
    return text[q.end - 1:q.end] == "." and text[frame[0]].isupper()


def _overlaps(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(outer: Range, inner: Range) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


# ------------------------------------------------------------------ medium


def find_medium(token: Token) -> str | None:
    """Where it was said: "in a post on Truth Social", "on Twitter", "told Fox Business Network"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "on", "during", "via", "to"):
            name = _medium_of_prep(child)
            if name:
                return name
        if child.dep_ in ("dobj", "dative") and token.lemma_ == "tell" and _is_media_name(child):
            return _name_text(child)
    return None


def _medium_of_prep(prep: Token) -> str | None:
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    if obj.pos_ == "PROPN" and obj.ent_type_ not in NOT_MEDIA:
        return _name_text(obj)
    if obj.lemma_.lower() in MEDIUM_NOUNS:
        for sub in obj.children:
            if sub.dep_ == "prep" and sub.lower_ in ("on", "with", "to", "in"):
                inner = next((c for c in sub.children if c.dep_ == "pobj"), None)
                if inner is not None and inner.pos_ == "PROPN":
                    return _name_text(inner)
    return None


def _is_media_name(token: Token) -> bool:
    if token.pos_ != "PROPN":
        return False
    words = {t.lower_ for t in token.subtree}
    return token.ent_type_ == "ORG" or bool(words & MEDIUM_HEADS)


def _name_text(token: Token) -> str:
    parts = [t for t in token.subtree if t.i <= token.i and t.dep_ in ("compound", "amod", "nmod", "poss", "case")
             or t.i == token.i]
    start, end = token_range(parts)
    return token.doc.text[start:end]


# ------------------------------------------------------------------ attributions


def find_attributions(doc: Doc, text: str, quotes: list[QuotedSpan]) -> list[Attribution]:
    attributions = []
    for token in doc:
        if not is_cue(token):
            continue
        att = attribution_for(token, text, quotes)
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


def attribution_for(token: Token, text: str, quotes: list[QuotedSpan]) -> Attribution | None:
    source = find_source(token)
    groups = dependency_contents(token)
    if not groups and token.lemma_.lower() in NEEDS_CLAUSE | OBJECT_VERBS and token.lower_ != "according":
        return None
    contents = [content_range(text, g) for g in groups]
    frame = frame_range(token, source)
    weak: set[Range] = set()
    contents = [r for r in attach_quotes(text, contents, frame, quotes, weak) if r[1] > r[0]]
    trimmed = [trim(text, r) for r in contents]
    weak = {t for r, t in zip(contents, trimmed) if r in weak}
    contents = [r for r in trimmed if r[1] > r[0]]
    if not contents:
        return None
    att = Attribution(cue=cue_range(token), cue_token=token, contents=contents, frame=frame,
                      nested=inside_quote(frame, quotes), weak=weak)
    if source is not None:
        att.source, att.source_token = source_range(text, source), source
    att.medium = None if token.lower_ == "according" else find_medium(token)
    return att


def attach_continuations(text: str, attributions: list[Attribution], quotes: list[QuotedSpan]) -> None:
    """A quotation right after an attributed one (same or next paragraph, nothing but the cue's
    clause and punctuation between) continues it: "...," Trump said. "If it can, ..."."""
    outer = [a for a in attributions if not a.nested]
    covered = [r for a in outer for r in a.contents]
    for q in quotes:
        rng = (q.start, q.end)
        if any(_overlaps(rng, r) for r in covered):
            continue
        owner = _preceding_owner(text, q, outer)
        if owner is not None:
            owner.contents.append(rng)
            owner.weak.add(rng)
            covered.append(rng)


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
