"""Candidates and features for the learned attribution model (``learned``).

PolNeAR annotates far more than speech verbs (stance and perception verbs, nouns such as
"criticism of", "according to", headline colons) and its span conventions are specific, so the
model does not write spans itself: it scores a cue's head token, then chooses the content among
parse-derived candidates (complements, objects, the host clause, nearby quotations, the rules'
answer), the source among subject-like relatives and the cue span among a few extents. Training
(``benchmarks/train_quotes.py``) and inference share these functions, so features cannot drift.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Token

from storyline.annotate.quotes.lexicon import OBJECT_VERBS, SPEECH_VERBS, THOUGHT_VERBS
from storyline.annotate.quotes.marks import QuotedSpan
from storyline.annotate.quotes.rules import (
    SUBJECT_DEPS, Range, _split_around, attribution_for, content_range, cue_range, find_source, source_range,
    token_range, trim)

Fragments = tuple[Range, ...]
CUE_POS = frozenset("VERB AUX NOUN ADJ ADP PROPN".split())
OBJECT_DEPS = ("ccomp", "xcomp", "dobj", "attr", "acomp", "advcl", "parataxis", "csubj", "oprd", "conj")
INHERIT = ("conj", "advcl", "xcomp", "relcl", "acl", "ccomp", "pcomp", "prep", "pobj", "dobj")


class QuoteIndex:
    """Quotations of one article with fast "is this offset quoted" look-ups."""

    def __init__(self, quotes: list[QuotedSpan]) -> None:
        self.quotes = quotes
        self._starts = [q.start for q in quotes]

    def containing(self, offset: int) -> QuotedSpan | None:
        i = bisect_right(self._starts, offset) - 1
        return self.quotes[i] if i >= 0 and offset < self.quotes[i].end else None


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-7" if n < 8 else "8-15" if n < 16 else "16-31" if n < 32 else "32+"


def _lexicon(lemma: str) -> str:
    return "speech" if lemma in SPEECH_VERBS else "thought" if lemma in THOUGHT_VERBS else \
        "object" if lemma in OBJECT_VERBS else "other"


# ------------------------------------------------------------------ cue


def is_cue_candidate(token: Token) -> bool:
    return token.pos_ in CUE_POS or token.text == ":"


def cue_features(token: Token, index: QuoteIndex) -> list[str]:
    """Why a token heads an attribution: its word, role in the parse, complements and quotes."""
    lemma, doc = token.lemma_.lower(), token.doc
    quoted = index.containing(token.idx) is not None
    f = [f"l={lemma}", f"p={token.pos_}", f"t={token.tag_}", f"d={token.dep_}", f"ld={lemma}|{token.dep_}",
         f"lt={lemma}|{token.tag_}", f"hl={token.head.lemma_.lower()}", f"dhp={token.dep_}|{token.head.pos_}",
         f"q={quoted}", f"lq={lemma}|{quoted}", f"lex={_lexicon(lemma)}|{token.pos_}|{token.dep_}",
         f"pv={doc[token.i - 1].lower_ if token.i else '^'}",
         f"nx={doc[token.i + 1].lower_ if token.i + 1 < len(doc) else '$'}"]
    for child in token.children:
        f += [f"c={child.dep_}", f"lc={lemma}|{child.dep_}"]
        if child.dep_ == "prep":
            f += [f"prep={child.lower_}", f"lprep={lemma}|{child.lower_}"]
        elif child.dep_ in SUBJECT_DEPS or child.dep_ == "nsubjpass":
            f.append(f"subj={child.pos_}|{child.ent_type_}")
        elif child.dep_ in ("ccomp", "xcomp", "dobj"):
            f.append(f"comp={child.dep_}|{child.pos_}|{child.tag_}")
    if token.text == ":":
        f.append(f"colon_at={_bucket(token.i - token.sent.start)}")
    return f


# ------------------------------------------------------------------ content


def content_candidates(token: Token, text: str, quotes: list[QuotedSpan]) -> dict[Fragments, set[str]]:
    """Possible contents of the cue at ``token`` with the kinds of candidate that proposed each."""
    out: dict[Fragments, set[str]] = {}

    def add(kind: str, ranges: list[Range]) -> None:
        frags = tuple(sorted(r for rng in ranges for r in paragraph_pieces(text, rng)))
        if frags:
            out.setdefault(frags, set()).add(kind)
            lead = _leading_conjunction(text, frags[0])
            if lead is not None:
                out.setdefault((lead, *frags[1:]), set()).add(kind + "-cc")

    rule = attribution_for(token, text, quotes)
    if rule is not None:
        add("rule", rule.contents)
        add("rule0", rule.contents[:1])
    for kind, node in _complements(token):
        add(kind, [content_range(text, list(node.subtree))])
        if node.dep_ in ("xcomp", "pcomp", "ccomp") and node.pos_ in ("VERB", "AUX"):
            for deep_kind, deep in _complements(node):
                add("deep:" + deep_kind, [content_range(text, list(deep.subtree))])
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    xcomp = next((c for c in token.children if c.dep_ == "xcomp"), None)
    if subject is not None and xcomp is not None:  # "X is expected || to win"
        add("raising", [content_range(text, list(subject.subtree)), content_range(text, list(xcomp.subtree))])
    sent = token.sent
    add("head_split", [content_range(text, r) for r in _split_around(list(token.head.subtree), set(token.subtree))])
    add("sent_split", [content_range(text, r) for r in _split_around(list(sent), set(token.subtree))])
    after = [t for t in sent if t.i > token.i]
    if after:
        add("rest", [content_range(text, after)])
    before = [t for t in sent if t.i < token.left_edge.i]
    if before:
        add("before", [content_range(text, before)])
    for q in _near_quotes(token, quotes):
        add("quote", [(q.start, q.end)])
        nxt = _continuation(text, token, q, quotes)
        if nxt is not None:
            add("quote+next", [(q.start, q.end), (nxt.start, nxt.end)])
    return out


SOURCE_NOUNS = frozenset("official source spokesman spokeswoman spokesperson aide diplomat person people expert "
                         "analyst report media officer minister ministry agency government".split())


def names_a_source(token: Token, content: Fragments) -> bool:
    """"..., citing U.S. officials": the cited people or bodies are a source, not a content."""
    if token.lemma_.lower() != "cite" or len(content) != 1:
        return False
    span = token.doc.char_span(*content[0], alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.pos_ in ("NOUN", "PROPN") and (root.lemma_.lower() in SOURCE_NOUNS or root.ent_type_ in (
        "PERSON", "ORG", "NORP", "GPE"))


def _continuation(text: str, token: Token, q: QuotedSpan, quotes: list[QuotedSpan]) -> QuotedSpan | None:
    """The quotation that resumes right after the cue's sentence ("...," he said. "And ...")."""
    if q.outer_end > token.idx:
        return None
    end = token.sent.end_char
    nxt = next((n for n in quotes if n.outer_start >= end - 1), None)
    if nxt is None:
        return None
    gap = text[end:nxt.outer_start]
    return nxt if not gap.strip() and gap.count("\n") <= 2 else None


def _complements(token: Token) -> list[tuple[str, Token]]:
    """Complement-like children of ``token`` and objects of its prepositions, with their kind."""
    out = []
    for child in token.children:
        if child.dep_ in OBJECT_DEPS:
            out.append((child.dep_, child))
        elif child.dep_ in ("prep", "agent"):
            out += [("prep:" + obj.dep_, obj) for obj in child.children if obj.dep_ in ("pobj", "pcomp")]
    return out


_CONJUNCTION = re.compile(r"(?:and|but|so|or|still|yet|also|then)\b[\s,]*", re.IGNORECASE)


def _leading_conjunction(text: str, rng: Range) -> Range | None:
    """The range without a leading "And" / "But, " (PolNeAR leaves connectives out of contents)."""
    m = _CONJUNCTION.match(text, rng[0], rng[1])
    return (m.end(), rng[1]) if m and m.end() < rng[1] else None


def paragraph_pieces(text: str, rng: Range) -> list[Range]:
    """A content never crosses a line break (PolNeAR splits such spans into fragments, and one
    fragment per paragraph keeps each Quote inside one paragraph)."""
    pieces, start = [], rng[0]
    while start < rng[1]:
        cut = text.find("\n", start, rng[1])
        end = rng[1] if cut < 0 else cut
        piece = trim(text, (start, end))
        if piece[1] > piece[0]:
            pieces.append(piece)
        start = end + 1
    return pieces


def _near_quotes(token: Token, quotes: list[QuotedSpan]) -> list[QuotedSpan]:
    """Quotations in or touching the cue's sentence."""
    sent = token.sent
    lo, hi = sent.start_char - 3, sent.end_char + 3
    return [q for q in quotes if q.outer_end >= lo and q.outer_start <= hi and not q.start <= token.idx < q.end]


def content_features(token: Token, frags: Fragments, kinds: set[str], text: str, index: QuoteIndex) -> list[str]:
    lemma = token.lemma_.lower()
    start, end = frags[0][0], frags[-1][1]
    n_chars = sum(e - s for s, e in frags)
    quote = index.containing(start)
    whole_quote = quote is not None and len(frags) == 1 and (quote.start, quote.end) == trim(text, frags[0])
    side = "after" if start > token.idx else "before" if end <= token.idx else "around"
    f = [f"n={len(kinds)}", f"frags={_bucket(len(frags))}", f"len={_bucket(n_chars // 10)}", f"side={side}",
         f"wq={whole_quote}", f"sq={quote is not None}", f"that={text.startswith('that ', start)}",
         f"cdep={token.dep_}|{side}", f"cpos={token.pos_}|{side}"]
    for kind in kinds:
        f += [f"k={kind}", f"kl={kind}|{lemma}", f"kd={kind}|{token.dep_}", f"ks={kind}|{side}",
              f"kw={kind}|{whole_quote}", f"kn={kind}|{len(kinds)}"]
    return f


# ------------------------------------------------------------------ source


SourceCandidates = dict["Range | None", tuple["Token | None", set[str]]]


def source_candidates(token: Token, text: str) -> SourceCandidates:
    """Possible sources (range -> head token, kinds): subject-like relatives of the cue and of the
    words it hangs from, or none."""
    out: SourceCandidates = {None: (None, {"none"})}

    def add(kind: str, tok: Token | None) -> None:
        if tok is None:
            return
        for variant, rng in source_variants(text, tok).items():
            out.setdefault(rng, (tok, set()))[1].update((kind, f"{kind}|{variant}", variant))

    add("rule", find_source(token))
    node, depth = token, 0
    while depth < 4:
        for child in node.children:
            if child.dep_ in SUBJECT_DEPS or child.dep_ in ("nsubjpass", "poss"):
                add(f"{child.dep_}@{depth}", child)
            elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in ("to", "by", "from")):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        add(f"{child.lower_}@{depth}", obj)
        if node.dep_ not in INHERIT or node.head.i == node.i:
            break
        if node.dep_ in ("relcl", "acl") and depth == 0:
            add("relhead", node.head)
        node, depth = node.head, depth + 1
    if token.text == ":" and token.i > token.sent.start:
        rng = trim(text, (token.sent.start_char, token.idx))
        if rng[1] > rng[0]:
            out.setdefault(rng, (token.doc[token.i - 1], set()))[1].add("colon")
    return out


def source_variants(text: str, tok: Token) -> dict[str, Range]:
    """The source's noun phrase, and the same cut at the first comma after its head (appositions,
    "Clinton, clearly frustrated,") or after a leading dash or parenthesis (a dateline)."""
    full = source_range(text, tok)
    out = {"full": full}
    doc = tok.doc
    comma = next((t for t in doc[tok.i + 1:] if t.idx >= full[1] or t.text in ",("), None)  # stops early
    if comma is not None and comma.idx < full[1]:
        out.setdefault("to_comma", trim(text, (full[0], comma.idx)))
    dash = max((t.idx + 1 for t in doc[max(0, tok.i - 12):tok.i] if t.text in "–—)" and t.idx >= full[0]), default=None)
    if dash is not None:
        out.setdefault("from_dash", trim(text, (dash, full[1])))
    return {k: r for k, r in out.items() if r[1] > r[0]}


def source_features(token: Token, text: str, rng: Range | None, head: Token | None, kinds: set[str]) -> list[str]:
    lemma = token.lemma_.lower()
    if rng is None or head is None:
        return ["none", f"none|{lemma}", f"none|{token.pos_}|{token.dep_}"]
    side = "left" if head.i < token.i else "right"
    f = [f"hp={head.pos_}|{head.ent_type_}", f"side={side}", f"dist={_bucket(abs(head.i - token.i))}",
         f"pron={head.pos_ == 'PRON'}", f"hl={head.lower_ if head.pos_ == 'PRON' else head.pos_}",
         f"comma={',' in text[rng[0]:rng[1]]}", f"n={len(kinds)}"]
    for kind in kinds:
        f += [f"k={kind}", f"kl={kind}|{lemma}", f"kp={kind}|{token.pos_}", f"ks={kind}|{side}"]
    return f


# ------------------------------------------------------------------ cue span


def cue_span_candidates(token: Token, text: str, content: Fragments | None) -> dict[Range, set[str]]:
    """Extents of the cue: the word, the word with its auxiliaries (PolNeAR's "has said"), with
    a particle or preposition ("pointed to"), or everything up to the content."""
    out: dict[Range, set[str]] = {}

    def add(kind: str, rng: Range) -> None:
        rng = trim(text, rng)
        if rng[1] > rng[0]:
            out.setdefault(rng, set()).add(kind)

    base = cue_range(token)
    add("base", base)
    out.setdefault((token.idx, token.idx + len(token.text)), set()).add("word")  # untrimmed: a colon
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].head.i == token.i and doc[token.i + 1].pos_ in ("ADP", "PART"):
        add("prep", (base[0], doc[token.i + 1].idx + len(doc[token.i + 1].text)))
    if content and content[0][0] > base[1]:
        gap = [t for t in doc[token.i + 1:token.i + 10] if t.idx < content[0][0]]
        if 0 < len(gap) <= 8 and not any(t.text in ".;\n" for t in gap):
            add("upto", token_range([*_prefix(token, base), *gap]))
    return out


def _prefix(token: Token, base: Range) -> list[Token]:
    return [t for t in token.doc[max(0, token.i - 4):token.i + 1] if t.idx >= base[0]]


def cue_span_features(token: Token, text: str, rng: Range, kinds: set[str]) -> list[str]:
    lemma = token.lemma_.lower()
    words = text[rng[0]:rng[1]].count(" ") + 1
    f = [f"w={_bucket(words)}", f"n={len(kinds)}"]
    for kind in kinds:
        f += [f"k={kind}", f"kl={kind}|{lemma}", f"kp={kind}|{token.pos_}", f"kw={kind}|{_bucket(words)}"]
    return f
