"""Candidates and features for the learned attribution model (``learned``).

PolNeAR annotates far more than speech verbs (stance and perception verbs, nouns such as
"criticism of", "according to", headline colons) and its span conventions are specific, so the
model does not write spans itself: it scores a cue's head token, then chooses the content among
parse-derived candidates (complements and their complements, an object with its predicate, the
host clause, nearby quotations, the rules' answer, each also cut at its edges: a leading
connective or preposition, a trailing modifier), the source among subject-like relatives and the
cue span among a few extents. Rankers see the candidates' edges (first and last word, what
surrounds them, how their head relates to the cue), where PolNeAR's span conventions show. Training
(``benchmarks/train_quotes.py``) and inference share these functions, so features cannot drift.
They read the parse through ``Parsed`` (token index -> attribute lists, built once per article),
not through spaCy ``Token`` objects, which made featurising cost several times the rules.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from storyline.annotate.quotes import encoder
from storyline.annotate.quotes.lexicon import CUE_NOUNS, OBJECT_VERBS, SPEECH_VERBS, THOUGHT_VERBS
from storyline.annotate.quotes.marks import QuotedSpan
from storyline.annotate.quotes.parsed import Parsed
from storyline.annotate.quotes.rules import (
    SUBJECT_DEPS, Range, clip_to_line, content_range, cue_range, find_source, has_own_attribution, is_condition,
    rule_contents, source_range, split_around, trim)

Fragments = tuple[Range, ...]
CUE_POS = frozenset("VERB AUX NOUN ADJ ADP PROPN".split())
OBJECT_DEPS = ("ccomp", "xcomp", "dobj", "attr", "acomp", "advcl", "parataxis", "csubj", "oprd", "conj")
INHERIT = ("conj", "advcl", "xcomp", "relcl", "acl", "ccomp", "pcomp", "prep", "pobj", "dobj")


class QuoteIndex:
    """Quotations of one article with fast "is this offset quoted" look-ups."""

    def __init__(self, quotes: list[QuotedSpan]) -> None:
        self.quotes = quotes
        self._starts = [q.start for q in quotes]
        self._outer_starts = [q.outer_start for q in quotes]
        self._near: dict[Range, list[QuotedSpan]] = {}

    def near(self, start: int, end: int) -> list[QuotedSpan]:
        """Quotations touching the characters ``start:end`` (within 3), memoised per sentence."""
        got = self._near.get((start, end))
        if got is None:
            k = bisect_right(self._outer_starts, end + 3)
            got = []
            while k > 0 and self.quotes[k - 1].outer_end >= start - 3:
                k -= 1
                got.append(self.quotes[k])
            self._near[(start, end)] = got = got[::-1]
        return got

    def containing(self, offset: int) -> QuotedSpan | None:
        i = bisect_right(self._starts, offset) - 1
        return self.quotes[i] if i >= 0 and offset < self.quotes[i].end else None


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-7" if n < 8 else "8-15" if n < 16 else "16-31" if n < 32 else "32+"


def lexicon_class(lemma: str) -> str:
    return "speech" if lemma in SPEECH_VERBS else "thought" if lemma in THOUGHT_VERBS else \
        "object" if lemma in OBJECT_VERBS else "noun" if lemma in CUE_NOUNS else "other"


# ------------------------------------------------------------------ cue


def is_cue_candidate(p: Parsed, i: int) -> bool:
    return p.pos[i] in CUE_POS or p.lower[i] == ":"


def cue_features(p: Parsed, i: int, index: QuoteIndex) -> list[str]:
    """Why a token heads an attribution: its word, role in the parse, complements and quotes."""
    lemma, pos, dep, head = p.lemma[i], p.pos[i], p.dep[i], p.head[i]
    quoted = index.containing(p.idx[i]) is not None
    f = [f"l={lemma}", f"p={pos}", f"t={p.tag[i]}", f"d={dep}", f"ld={lemma}|{dep}",
         f"lt={lemma}|{p.tag[i]}", f"hl={p.lemma[head]}", f"dhp={dep}|{p.pos[head]}",
         f"q={quoted}", f"lq={lemma}|{quoted}", f"lex={lexicon_class(lemma)}|{pos}|{dep}",
         f"pv={p.lower[i - 1] if i else '^'}", f"nx={p.lower[i + 1] if i + 1 < p.n else '$'}"]
    for c in p.children[i]:
        cdep = p.dep[c]
        f += [f"c={cdep}", f"lc={lemma}|{cdep}"]
        if cdep == "prep":
            f += [f"prep={p.lower[c]}", f"lprep={lemma}|{p.lower[c]}"]
        elif cdep in SUBJECT_DEPS or cdep == "nsubjpass":  # "[a poll] showed", "[officials] fear"
            f += [f"subj={p.pos[c]}|{p.ent_type[c]}", f"subjl={p.lemma[c] if p.pos[c] in ('NOUN', 'PRON') else p.pos[c]}"]
        elif cdep == "pobj":  # "in [a statement]", "according to", "for [Trump]"
            f += [f"lpobj={lemma}|{p.lemma[c]}", f"lpobjp={lemma}|{p.pos[c]}|{p.ent_type[c]}"]
        elif cdep in ("ccomp", "xcomp", "dobj"):
            f.append(f"comp={cdep}|{p.pos[c]}|{p.tag[c]}")
        if cdep in ("dobj", "attr", "acomp", "xcomp", "oprd"):  # "expressed concern", "is critical of"
            f += [f"cw={cdep}|{p.lemma[c]}", f"lcw={lemma}|{p.lemma[c]}"]
            f += [f"cwp={p.lemma[c]}|{p.lower[g]}" for g in p.children[c] if p.dep[g] == "prep"]
    if p.lower[i] == ":":
        f.append(f"colon_at={_bucket(i - p.sent(i)[0])}")
    if p.roles is not None:
        f += encoder.cue_features(p, i, lexicon_class(lemma))
    return f + _cue_context(p, i, index)


def _cue_context(p: Parsed, i: int, index: QuoteIndex) -> list[str]:
    """Where the word stands in its sentence and whether a quotation sits before or after it:
    reporting clauses cluster at sentence edges next to quotations ("...," she said)."""
    first, last = p.sent(i)
    start, end = p.idx[first], p.end[last - 1]
    at = p.idx[i]
    near = str(sorted({"before" if q.outer_end <= at else "after" for q in index.near(start, end)
                       if not q.start <= at < q.end}))
    lemma = p.lemma[i]
    where = f"{_bucket(i - first)}|{_bucket(last - 1 - i)}"
    return [f"pos={where}", f"nq={near}", f"lnq={lemma}|{near}", f"pnq={p.pos[i]}|{near}"] + \
        [f"mark={p.lemma[i]}|{p.lower[m]}" for c in p.children[i] if p.dep[c] == "ccomp"
         for m in p.children[c] if p.dep[m] == "mark"]


# ------------------------------------------------------------------ content


class _Collector:
    """Content candidates (fragments -> kinds) with their boundary variants."""

    def __init__(self, p: Parsed, text: str, variants: bool = True) -> None:
        self.p, self.text, self.variants = p, text, variants
        self.out: dict[Fragments, set[str]] = {}
        self._variants: dict[Fragments, list[tuple[str, Fragments]]] = {}

    def add(self, kind: str, ranges: list[Range]) -> None:
        frags = tuple(sorted(r for rng in ranges for r in paragraph_pieces(self.text, rng)))
        if frags:
            out = self.out
            out.setdefault(frags, set()).add(kind)
            if frags not in self._variants:
                self._variants[frags] = boundary_variants(self.p, self.text, frags) if self.variants else []
            for suffix, variant in self._variants[frags]:
                out.setdefault(variant, set()).add(kind + suffix)

    def add_tokens(self, kind: str, groups: list[list[int]]) -> None:
        self.add(kind, [content_range(self.p, self.text, g) for g in groups])


def proposal_candidates(p: Parsed, i: int, text: str, proposals: list[tuple[str, list[list[int]]]]
                        ) -> dict[Fragments, set[str]]:
    """Content candidates from (kind, token groups) proposals (``boundary.proposals``), with the
    filters of ``content_candidates`` but no boundary variants (the tagger chose the edges)."""
    got = _Collector(p, text, variants=False)
    for kind, groups in proposals:
        got.add_tokens(kind, groups)
    return _without_other_attributions(p, i, got.out)


def content_candidates(p: Parsed, i: int, text: str, quotes: list[QuotedSpan]) -> dict[Fragments, set[str]]:
    """Possible contents of the cue at token ``i`` with the kinds of candidate that proposed each."""
    got = _Collector(p, text)
    add, add_tokens, out = got.add, got.add_tokens, got.out

    rule = rule_contents(p, i, text, quotes, find_source(p, i))
    if rule is not None:
        add("rule", rule[0])
        add("rule0", rule[0][:1])
    for kind, node in _nested_complements(p, i):
        add_tokens(kind, [p.subtree(node)])
    for kind, groups in _object_and_predicate(p, i):
        add_tokens(kind, groups)
    subject = next((c for c in p.children[i] if p.dep[c] in ("nsubj", "nsubjpass")), None)
    if subject is not None and p.pos[subject] != "PRON":  # "[the remark] angered voters"
        add_tokens("subject", [_without_relative(p, subject)])
    xcomp = next((c for c in p.children[i] if p.dep[c] == "xcomp"), None)
    if subject is not None and xcomp is not None:  # "X is expected || to win"
        add_tokens("raising", [p.subtree(subject), p.subtree(xcomp)])
    hole = set(p.subtree(i))
    first, last = p.sent(i)
    add_tokens("head_split", split_around(p, p.subtree(p.head[i]), hole))
    add_tokens("sent_split", split_around(p, list(range(first, last)), hole))
    if i + 1 < last:
        add_tokens("rest", [list(range(i + 1, last))])
    left = p.left_edge(i)
    if first < left:
        add_tokens("before", [list(range(first, left))])
    near = _near_quotes(p, i, quotes)
    for q in near:
        add("quote", [(q.start, q.end)])
        nxt = _continuation(p, i, text, q, quotes)
        if nxt is not None:
            add("quote+next", [(q.start, q.end), (nxt.start, nxt.end)])
    before = [q for q in near if q.outer_end <= p.idx[i]]
    after = [q for q in near if q.outer_start >= p.end[i]]
    if before and after:  # "A," she said, "B." interrupted by the cue
        add("quote+pair", [(before[-1].start, before[-1].end), (after[0].start, after[0].end)])
    return _without_other_attributions(p, i, out)


_KIND_OF: dict[frozenset[str], str] = {}  # kinds -> content_kind: a few hundred sets recur in every article


def content_kind(kinds: set[str]) -> str:
    """A coarse class of a content candidate from the kinds that proposed it."""
    key = frozenset(kinds)
    got = _KIND_OF.get(key)
    if got is None:
        if len(_KIND_OF) > 100_000:
            _KIND_OF.clear()
        got = _KIND_OF[key] = _kind_of(key)
    return got


def _kind_of(kinds: frozenset[str]) -> str:
    base = {k.split(":")[-1].split("-")[0].split("+")[0] for k in kinds}
    if "quote" in base:
        return "quote"
    if base & {"ccomp", "csubj", "parataxis", "rule", "rule0"}:
        return "clause"
    if "pobj" in base or "pcomp" in base:
        return "prep"
    if base & {"dobj", "xcomp", "attr", "acomp", "oprd", "right", "objpred", "objprep", "objpobj"}:
        return "object"
    return "other"


def nesting(contents: dict[Fragments, set[str]]) -> dict[Fragments, str]:
    """Quotation candidates that sit inside a complement-clause candidate of the same cue
    ("in_clause") and the clauses that hold one ("holds_quote"): in a mixed quote ("wrote that
    "nothing was agreed"") PolNeAR takes the clause, and a ranker seeing the bare quotation alone
    cannot know a larger clause competes with it."""
    kinds = {f: content_kind(k) for f, k in contents.items()}
    quotes = [f for f, k in kinds.items() if k == "quote"]
    clauses = [f for f, k in kinds.items() if k == "clause"]
    out: dict[Fragments, str] = {}
    for q in quotes:
        for c in clauses:
            if c[0][0] <= q[0][0] and q[-1][1] <= c[-1][1] and c != q:
                out[q], out[c] = "in_clause", "holds_quote"
    return out


def _without_other_attributions(p: Parsed, i: int, out: dict[Fragments, set[str]]) -> dict[Fragments, set[str]]:
    """Drop candidates that hold a clause coordinated with the cue that has its own cue and
    subject ("X said A, and an official said B", parsed as a conjunct or as a second complement
    of the cue): that clause is another attribution, not part of this content (a subordinate one,
    "said that officials said B", may be)."""
    comps = [c for c in p.children[i] if p.dep[c] == "ccomp"]
    others = [p.idx[c] for c in p.children[i] if (p.dep[c] == "conj" or c in comps[1:]) and has_own_attribution(p, c)]
    if not others:
        return out
    return {frags: kinds for frags, kinds in out.items()
            if not any(s <= at < e for at in others for s, e in frags)}


SOURCE_NOUNS = frozenset("official source spokesman spokeswoman spokesperson aide diplomat person people expert "
                         "analyst report media officer minister ministry agency government".split())


def names_a_source(p: Parsed, i: int, content: Fragments) -> bool:
    """"..., citing U.S. officials": the cited people or bodies are a source, not a content."""
    if p.lemma[i] != "cite" or len(content) != 1:
        return False
    span = p.doc.char_span(*content[0], alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.pos_ in ("NOUN", "PROPN") and (root.lemma_.lower() in SOURCE_NOUNS or root.ent_type_ in (
        "PERSON", "ORG", "NORP", "GPE"))


def _sent_chars(p: Parsed, i: int) -> Range:
    first, last = p.sent(i)
    return p.idx[first], p.end[last - 1]


def _continuation(p: Parsed, i: int, text: str, q: QuotedSpan, quotes: list[QuotedSpan]) -> QuotedSpan | None:
    """The quotation that resumes right after the cue's sentence ("...," he said. "And ...")."""
    if q.outer_end > p.idx[i]:
        return None
    end = _sent_chars(p, i)[1]
    nxt = next((n for n in quotes if n.outer_start >= end - 1), None)
    if nxt is None:
        return None
    gap = text[end:nxt.outer_start]
    return nxt if not gap.strip() and gap.count("\n") <= 2 else None


def _nested_complements(p: Parsed, i: int, levels: int = 3) -> list[tuple[str, int]]:
    """Complements of the cue and, through verbs and the nouns of multi-word cues, their own
    complements ("took time [to address [what he considers unfair]]"), with their depth: "deep:"
    one level down, "deep2:" two levels."""
    out, frontier = [], [("", i)]
    for level in range(levels):
        prefix = ("", "deep:", "deep2:")[level]
        found = [(prefix + kind, c) for _, node in frontier for kind, c in _complements(p, node)]
        out += found
        frontier = [(k, c) for k, c in found if _has_inner_content(p, c)]
    return out


def _has_inner_content(p: Parsed, node: int) -> bool:
    """A complement whose own complement may be the content: a verb ("wants to ban [imports]") or
    the noun or adjective of a multi-word cue ("expressed concern [that ...]", "is critical of
    [Trump]", "declared war on [the United States]")."""
    dep = p.dep[node]
    return (dep in ("xcomp", "pcomp", "ccomp") and p.pos[node] in ("VERB", "AUX")) or \
        dep in ("dobj", "attr", "acomp", "oprd")


def _complements(p: Parsed, i: int) -> list[tuple[str, int]]:
    """Complement-like children of token ``i`` and objects of its prepositions, with their kind
    (conditions, "... if talks collapse", are none)."""
    out = []
    for c in p.children[i]:
        if p.dep[c] in OBJECT_DEPS and not is_condition(p, c, i):
            out.append((p.dep[c], c))
        elif p.dep[c] == "acl" and p.pos[i] in ("NOUN", "PROPN"):  # "the claim [that ...]"
            out.append(("acl", c))
        elif p.dep[c] in ("prep", "agent"):
            objects = [("prep:" + p.dep[o], o) for o in p.children[c] if p.dep[o] in ("pobj", "pcomp")]
            out += objects + [("prep", c)] if objects else []  # "criticism [of X]" or "of [X]"
    return out


RIGHT_DEPS = frozenset((*OBJECT_DEPS, "prep", "dative", "agent", "npadvmod")) - {"conj", "advcl", "parataxis"}
PREDICATE_PREPS = frozenset("as of for with to about".split())


def _object_and_predicate(p: Parsed, i: int) -> list[tuple[str, list[list[int]]]]:
    """"attacked her opponent as a fraud", "he was charged with assault", "what she called a
    crime": PolNeAR takes the object (or passive subject) with its predicate, as one span
    ("right": every complement right of the cue) or as two fragments around the cue ("objpred",
    with or without the preposition)."""
    out = []
    right = [c for c in p.children[i] if c > i and p.dep[c] in RIGHT_DEPS]
    if len(right) >= 2:
        out.append(("right", [[t for c in right for t in p.subtree(c)]]))
    objects = [c for c in p.children[i] if p.dep[c] in ("dobj", "nsubjpass")]
    for obj in objects[:1]:
        for kind, pred in _predicates(p, i, obj):
            out.append((kind, [_without_relative(p, obj), p.subtree(pred)]))
    return out


def _predicates(p: Parsed, i: int, obj: int) -> list[tuple[str, int]]:
    """What the cue says of its object: a predicative complement, or a preposition ("as", "of",
    "with", ...) with and without its object."""
    out = []
    for c in p.children[i]:
        if c == obj:
            continue
        if p.dep[c] in ("oprd", "xcomp", "acomp", "ccomp"):
            out.append(("objpred", c))
        elif p.dep[c] == "prep" and p.lower[c] in PREDICATE_PREPS:
            out.append(("objprep", c))
            out += [("objpobj", o) for o in p.children[c] if p.dep[o] in ("pobj", "pcomp")]
    return out


def _without_relative(p: Parsed, tok: int) -> list[int]:
    """The token's subtree without a relative clause that holds the cue ("the plan, which she
    called a mistake" -> "the plan")."""
    cut = {t for c in p.children[tok] if p.dep[c] == "relcl" for t in p.subtree(c)}
    return [t for t in p.subtree(tok) if t not in cut]


TAIL_DEPS = frozenset("relcl acl advcl prep npadvmod appos conj".split())
LEAD_DEPS = frozenset("advmod prep npadvmod advcl".split())
DATELINE_DASHES = frozenset(("―", "—", "–", "--"))


def boundary_variants(p: Parsed, text: str, frags: Fragments) -> list[tuple[str, Fragments]]:
    """Nearby cuts of a candidate that PolNeAR's span conventions often prefer: without a leading
    connective ("And", "But,"), preposition ("against [the bill]") or sentence adverbial ("For
    instance,"), and without a trailing modifier on the right spine of the parse (", which ...",
    "... in July", ", sending ...")."""
    out = []
    lead = _leading_conjunction(text, frags[0])
    if lead is not None:
        out.append(("-cc", (lead, *frags[1:])))
    for cut in _lead_cuts(p, p.tokens_in(frags[0])):
        rng = trim(text, (p.idx[cut], frags[0][1]))
        if rng[1] > rng[0]:
            out.append(("-lead", (rng, *frags[1:])))
    last = p.tokens_in(frags[-1])
    for cut in _tail_cuts(p, last)[-3:]:
        rng = trim(text, (frags[-1][0], p.idx[cut]))
        if rng[1] > rng[0]:
            out.append(("-tail", (*frags[:-1], rng)))
    return out


def _root(p: Parsed, tokens: range) -> int:
    """The first token of ``tokens`` whose head lies outside them (the span's syntactic head);
    memoised per article (candidates of every cue share their edges)."""
    key = (tokens.start, tokens.stop)
    got = p.roots.get(key)
    if got is None:
        head = p.head
        got = p.roots[key] = next((t for t in tokens if head[t] not in tokens or head[t] == t), tokens[0])
    return got


def _lead_cuts(p: Parsed, tokens: range) -> list[int]:
    """Tokens where the span may start instead: after a dateline dash, after a leading
    preposition whose object follows, after a leading adverbial closed by a comma."""
    if not tokens:
        return []
    t0, cuts = tokens[0], []
    dash = next((k for k in tokens[:5] if p.lower[k] in DATELINE_DASHES), None)
    if dash is not None and dash + 1 in tokens:  # "WASHINGTON ― ..."
        cuts.append(dash + 1)
    if p.dep[t0] == "prep" and t0 + 1 in tokens:
        obj = next((o for o in p.children[t0] if p.dep[o] in ("pobj", "pcomp")), None)
        if obj is not None and p.left_edge(obj) == t0 + 1:
            cuts.append(t0 + 1)
    top = t0 if p.dep[t0] in LEAD_DEPS else p.head[t0]
    if p.dep[top] in LEAD_DEPS and p.left_edge(top) == t0:
        end = p.subtree(top)[-1] + 1
        if end + 1 in tokens and p.lower[end] == ",":
            cuts.append(end + 1)
    return cuts


def _tail_cuts(p: Parsed, tokens: range) -> list[int]:
    """Token indices where a trailing modifier on the span's right spine starts (before its comma
    or conjunction), in text order."""
    if not tokens:
        return []
    cuts, node = [], _root(p, tokens)
    for _ in range(6):
        right = [c for c in p.children[node] if c > node and c in tokens and not p.is_punct[c]]
        for c in right:
            if p.dep[c] in TAIL_DEPS:
                cut = p.left_edge(c)
                while cut - 1 > tokens[0] and (p.is_punct[cut - 1] or p.dep[cut - 1] == "cc"):
                    cut -= 1
                if cut > tokens[0]:
                    cuts.append(cut)
        if not right:
            break
        node = right[-1]
    return sorted(set(cuts))


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


def _near_quotes(p: Parsed, i: int, quotes: list[QuotedSpan]) -> list[QuotedSpan]:
    """Quotations in or touching the cue's sentence."""
    start, end = _sent_chars(p, i)
    lo, hi, at = start - 3, end + 3, p.idx[i]
    return [q for q in quotes if q.outer_end >= lo and q.outer_start <= hi and not q.start <= at < q.end]


def content_features(p: Parsed, i: int, frags: Fragments, kinds: set[str], text: str, index: QuoteIndex,
                     nest: str | None = None) -> list[str]:
    """``nest``: the candidate's tag from ``nesting`` (None: neither)."""
    return content_kind_features(p, i, frags, kinds, text, index, nest) + content_edge_features(p, i, frags, text)


def content_kind_features(p: Parsed, i: int, frags: Fragments, kinds: set[str], text: str, index: QuoteIndex,
                          nest: str | None = None) -> list[str]:
    """The first part of ``content_features``: what proposed the candidate, its side, size and
    quotation status. Cheap (no walk over the parse), so the content pre-ranker
    (``learned.choose_content``) scores every candidate on these alone."""
    lemma, dep, pos, at = p.lemma[i], p.dep[i], p.pos[i], p.idx[i]
    start, end = frags[0][0], frags[-1][1]
    n_chars = sum(e - s for s, e in frags)
    quote = index.containing(start)
    whole_quote = quote is not None and len(frags) == 1 and (quote.start, quote.end) == trim(text, frags[0])
    side = "after" if start > at else "before" if end <= at else "around"
    f = [f"n={len(kinds)}", f"frags={_bucket(len(frags))}", f"len={_bucket(n_chars // 10)}", f"side={side}",
         f"wq={whole_quote}", f"sq={quote is not None}", f"that={text.startswith('that ', start)}",
         f"cdep={dep}|{side}", f"cpos={pos}|{side}"]
    for kind in kinds:
        f += [f"k={kind}", f"kl={kind}|{lemma}", f"kd={kind}|{dep}", f"ks={kind}|{side}",
              f"kw={kind}|{whole_quote}", f"kn={kind}|{len(kinds)}"]
    if nest is not None:
        f += [f"nest={nest}", f"nests={nest}|{side}"]
    return f


def content_edge_features(p: Parsed, i: int, frags: Fragments, text: str) -> list[str]:
    """The rest of ``content_features``: the span's edges and shape (and the encoder's roles over
    it), which walk the parse: most of a candidate's cost."""
    edges = edge_features(p, i, frags, text)
    f = [] if p.roles is None else encoder.span_features(p, "Content", frags)
    return f + edges + [f"lx={p.lemma[i]}|{e}" for e in edges[:4]] + shape_features(p, i, frags, text)


INNER_MARKS = frozenset(";:—–―(")


def shape_features(p: Parsed, i: int, frags: Fragments, text: str) -> list[str]:
    """Whether the span is one constituent or runs on past it: how many of its tokens hang from
    outside it (a clause, a clause and its trailing conjunct, or the pieces of "the rest of the
    sentence"), a coordinated verb or a second reporting verb inside it (", and considers him",
    "but went on to say"), a semicolon or dash inside it. Rankers otherwise often end too late."""
    tokens = [t for rng in frags for t in p.tokens_in(rng)]
    inside = set(tokens)
    roots = [t for t in tokens if (p.head[t] not in inside or p.head[t] == t) and not p.is_punct[t]]
    f = [f"roots={_bucket(len(roots))}", *{f"rd={p.dep[r]}" for r in roots[:4]}]
    for t in tokens:
        if p.dep[t] == "conj" and p.pos[t] in ("VERB", "AUX") and p.head[t] in inside:
            f.append("vconj")
        if t != i and p.pos[t] == "VERB" and p.lemma[t] in SPEECH_VERBS and t not in roots:
            f.append("speech_in")
    for ch in INNER_MARKS & set(text[frags[0][0]:frags[-1][1]]):
        f.append(f"im={ch}")
    return sorted(set(f))


FUNCTION_POS = frozenset("ADP DET SCONJ CCONJ PART PRON ADV AUX".split())


def edge_features(p: Parsed, i: int, frags: Fragments, text: str) -> list[str]:
    """How the span starts and ends (first/last word, the characters around it, the parse
    relation of its head to the cue): where PolNeAR's boundaries fall is mostly a matter of edges,
    which the candidate kinds alone do not tell."""
    first, last = p.token_at(frags[0][0]), p.token_at(frags[-1][1] - 1)
    root = _root(p, p.tokens_in(frags[0]))
    sent_first, sent_last = p.sent(i)
    before = text[max(0, frags[0][0] - 2):frags[0][0]].strip()[-1:] or "_"
    after = text[frags[-1][1]:frags[-1][1] + 2].strip()[:1] or "_"
    rel = ("child" if p.head[root] == i else "self" if root == i else "head" if p.head[i] == root else
           "grandchild" if p.head[p.head[root]] == i else "sibling" if p.head[root] == p.head[i] else "other")
    nxt = next((k for k in range(last + 1, sent_last) if not p.is_punct[k]), None)
    prev = next((k for k in range(first - 1, sent_first - 1, -1) if not p.is_punct[k]), None)
    around = [f"nw={_word(p, nxt)}|{p.dep[nxt]}" if nxt is not None else "nw=$",
              f"pw={_word(p, prev)}|{p.dep[prev]}" if prev is not None else "pw=^",
              f"nc={_constituent_from(p, nxt)}|{after}" if nxt is not None else "nc=$",
              f"lc={_constituent_to(p, last, first)}|{text[p.idx[last] - 2:p.idx[last]].strip()[-1:]}"]
    return around + [f"fw={_word(p, first)}", f"fd={p.pos[first]}|{p.dep[first]}", f"lw={_word(p, last)}",
            f"ld={p.pos[last]}|{p.dep[last]}", f"bc={before}", f"ac={after}", f"ba={before}|{after}",
            f"ss={first == sent_first}", f"se={last >= sent_last - 2}",
            f"rt={p.dep[root]}|{rel}", f"rtp={p.pos[root]}|{rel}", f"rtl={p.lemma[i]}|{p.dep[root]}|{rel}",
            f"fwl={p.lemma[i]}|{_word(p, first)}", f"tok={_bucket(last - first + 1)}"]


def _constituent_from(p: Parsed, k: int) -> str:
    """The relation of the largest constituent starting at token ``k`` (what follows a span: a
    relative clause, a prepositional phrase, a conjunct)."""
    r = k
    while p.head[r] != r and p.left_edge(p.head[r]) == k:
        r = p.head[r]
    return p.dep[r]


def _constituent_to(p: Parsed, k: int, start: int) -> str:
    """The relation of the largest constituent ending at token ``k`` inside a span starting at
    ``start`` (what a span ends with)."""
    r = k
    while p.head[r] != r and p.subtree(p.head[r])[-1] == k and p.left_edge(p.head[r]) > start:
        r = p.head[r]
    return p.dep[r]


def _word(p: Parsed, k: int) -> str:
    """A function word as itself, other words by part of speech."""
    return p.lower[k] if p.pos[k] in FUNCTION_POS or p.is_punct[k] else p.pos[k]


# ------------------------------------------------------------------ source


SourceCandidates = dict["Range | None", tuple["int | None", set[str]]]


def source_candidates(p: Parsed, i: int, text: str) -> SourceCandidates:
    """Possible sources (range -> head token index, kinds): subject-like relatives of the cue and
    of the words it hangs from, or none."""
    out: SourceCandidates = {None: (None, {"none"})}

    def add(kind: str, tok: int | None) -> None:
        if tok is None:
            return
        for variant, rng in source_variants(p, text, tok, i).items():
            out.setdefault(rng, (tok, set()))[1].update((kind, f"{kind}|{variant}", variant))

    add("rule", find_source(p, i))
    for c in p.children[i]:  # "in [the poll]", "the [Trump] prediction", "the remark angered [voters]"
        if (p.dep[c] == "pobj" and p.pos[i] == "ADP") or (p.dep[c] == "compound" and p.pos[c] == "PROPN") or \
                (p.dep[c] == "dobj" and p.pos[i] == "VERB"):
            add(f"{p.dep[c]}@cue", c)
    node, depth = i, 0
    while depth < 4:
        for c in p.children[node]:
            if p.dep[c] in SUBJECT_DEPS or p.dep[c] in ("nsubjpass", "poss"):
                add(f"{p.dep[c]}@{depth}", c)
            elif p.dep[c] == "agent" or (p.dep[c] == "prep" and p.lower[c] in ("to", "by", "from")):
                for o in p.children[c]:
                    if p.dep[o] == "pobj":
                        add(f"{p.lower[c]}@{depth}", o)
                        if p.lower[c] == "by":  # PolNeAR often keeps the "by" of a passive's agent
                            _add_range(out, text, (p.idx[c], source_range(p, text, o)[1]), o, f"by+@{depth}")
        if p.dep[node] not in INHERIT or p.head[node] == node:
            break
        if p.dep[node] in ("relcl", "acl") and depth == 0:
            add("relhead", p.head[node])
        node, depth = p.head[node], depth + 1
    first = p.sent(i)[0]
    if len(out) == 1:  # the parse gives the cue no subject: the nearest subject before it
        near = next((k for k in range(i - 1, first - 1, -1) if p.dep[k] in ("nsubj", "nsubjpass")), None)
        add("near_subj", near)
    if p.lower[i] == ":" and i > first:
        rng = trim(text, (p.idx[first], p.idx[i]))
        if rng[1] > rng[0]:
            out.setdefault(rng, (i - 1, set()))[1].add("colon")
            byline = _after_last_dash(text, rng)
            if byline is not None:  # "POLLS WERE EARLY - Mark Blumenthal: ..." (a live blog's byline)
                _add_range(out, text, byline, i - 1, "colon_byline")
    return out


def _after_last_dash(text: str, rng: Range) -> Range | None:
    """The part of ``rng`` after its last spaced dash, or None without one."""
    cut = max(text.rfind(d, rng[0], rng[1]) for d in (" - ", " – ", " — "))
    return None if cut < 0 else (cut + 3, rng[1])


def _add_range(out: SourceCandidates, text: str, rng: Range, tok: int, kind: str) -> None:
    rng = trim(text, rng)
    if rng[1] > rng[0]:
        out.setdefault(rng, (tok, set()))[1].add(kind)


LEAD_WORDS = frozenset("even only also just both all from".split())
# words that continue a name or title next to a source's phrase when the parse split it:
# "[Fox News’] Bret Baier", "Former Secretary of State and frontrunner [Hillary Clinton]"
NAME_POS = frozenset("PROPN NOUN ADJ NUM DET".split())


def source_variants(p: Parsed, text: str, tok: int, cue: int) -> dict[str, Range]:
    """The source's noun phrase, and the same cut at the first comma after its head (appositions,
    "Clinton, clearly frustrated,") or after a leading dash or parenthesis (a dateline); with a
    relative clause that does not hold the cue ("Ms. Lee, who runs a bakery, said") and without
    trailing modifiers (", referring to ...")."""
    full = source_range(p, text, tok)
    out = {"full": full}
    tokens = p.subtree(tok)
    whole = full if cue in tokens else trim(text, clip_to_line(text, p.span(tokens), p.idx[tok]))
    if whole != full:
        out["relcl"] = whole
    for n, cut in enumerate(reversed(_tail_cuts(p, p.tokens_in(whole))[-2:])):
        out.setdefault(f"tail{n}", trim(text, (whole[0], p.idx[cut])))
    comma = next((k for k in range(tok + 1, p.n) if p.idx[k] >= full[1] or text[p.idx[k]:p.end[k]] in ",("), None)
    if comma is not None and p.idx[comma] < full[1]:
        out.setdefault("to_comma", trim(text, (full[0], p.idx[comma])))
    dash = max((p.idx[k] + 1 for k in range(max(0, tok - 12), tok)
                if text[p.idx[k]:p.end[k]] in "–—―)" and p.idx[k] >= full[0]), default=None)
    if dash is not None:
        out.setdefault("from_dash", trim(text, (dash, full[1])))
    prep = next((c for c in p.children[tok] if c > tok and p.dep[c] == "prep" and p.idx[c] < full[1]), None)
    if prep is not None:  # "Stacey Plaskett [of the Virgin Islands]"
        out.setdefault("to_prep", trim(text, (full[0], p.idx[prep])))
    if tok + 1 < p.n and p.tag[tok + 1] == "POS" and full[1] == p.end[tok + 1]:
        out.setdefault("no_poss", trim(text, (full[0], p.idx[tok + 1])))  # "Trump['s] effort"
    lead = p.token_at(full[0])
    if lead < tok and p.lower[lead] in LEAD_WORDS:  # "[Even] those who ...", "[From] the report"
        out.setdefault("no_lead", trim(text, (p.idx[lead + 1], full[1])))
    owner = next((c for c in p.children[tok] if c < tok and p.dep[c] == "poss"), None)
    if owner is not None:  # "[Sanders’] fundraising email notes": the owner speaks
        out.setdefault("owner", trim(text, p.span(p.subtree(owner))))
    for kind, rng in _extent_variants(p, text, tok, cue, full):
        out.setdefault(kind, trim(text, rng))
    return {k: r for k, r in out.items() if r[1] > r[0]}


def _extent_variants(p: Parsed, text: str, tok: int, cue: int, full: Range) -> list[tuple[str, Range]]:
    """Further extents of a source phrase where PolNeAR's span and the parse's subtree differ (read
    from train's gold sources that no candidate equaled): cut before the cue when the phrase holds
    it ("[pastors] supporting Mr. Cruz", an acl or a misparse), and widened over name-like words the
    parse attached elsewhere ("[Fox News’] Bret Baier", "Former Secretary of State [Hillary
    Clinton]"). Tried on 300 train articles and not kept, for listing a few more gold sources that
    the ranker does not pick (held-out picks equal or lower): the named appositive alone ("The head
    of the PAC, [Mike Murphy]"), the part after the last comma, the phrase without leading adverbs
    and conjunctions ("[Virtually] all the drivers"), the named entity alone ("New York Times
    reporter [Matt Flegenheimer]", 11 gold in 1,102 candidates), a clitic glued to the last word
    ("We[’ve]"), and the objects of "for", "among" and a nominal cue's "of"."""
    out = []
    first, last = p.token_at(full[0]), p.token_at(full[1] - 1)
    branch = _branch_towards(p, tok, cue)
    if branch is not None and branch > tok and p.idx[p.left_edge(branch)] < full[1]:
        out.append(("before_cue", (full[0], p.idx[p.left_edge(branch)])))
    wider = _name_run(p, text, first, last, cue)
    if wider != (first, last):
        out.append(("name_run", (p.idx[wider[0]], p.end[wider[1]])))
    return out


def _branch_towards(p: Parsed, tok: int, cue: int) -> int | None:
    """The child of ``tok`` whose subtree holds the cue, or None when the cue is not below it."""
    node, seen = cue, 0
    while p.head[node] != node and seen < 50:
        if p.head[node] == tok:
            return node
        node, seen = p.head[node], seen + 1
    return None


def _name_run(p: Parsed, text: str, first: int, last: int, cue: int) -> tuple[int, int]:
    """``first``..``last`` widened over adjacent name-like words the parse attached elsewhere (a
    possessive "’s" and a hyphen inside a name count), never over the cue nor a line break; also
    across a sentence boundary the splitter put inside a name ("Texas | Lt. Gov. Dan Patrick says",
    "Pres. | Obama claimed")."""
    start, end = first, last
    while start > 0 and start - 1 != cue and _name_like(p, start - 1) and _same_line(p, text, start - 1):
        start -= 1
    while end + 1 < p.n and end + 1 != cue and p.pos[end + 1] in ("PROPN", "NOUN") and _same_line(p, text, end):
        end += 1
    return start, end


def _same_line(p: Parsed, text: str, k: int) -> bool:
    """No line break between token ``k`` and the next."""
    return "\n" not in text[p.end[k]:p.idx[k + 1]]


def _name_like(p: Parsed, k: int) -> bool:
    return p.pos[k] in NAME_POS or p.tag[k] == "POS" or p.dep[k] == "case" or \
        (p.dep[k] == "poss" and p.pos[k] == "PRON") or (p.lower[k] == "-" and k > 0 and p.end[k - 1] == p.idx[k])


def source_features(p: Parsed, i: int, text: str, rng: Range | None, head: int | None, kinds: set[str]) -> list[str]:
    lemma = p.lemma[i]
    if rng is None or head is None:
        f = ["none", f"none|{lemma}", f"none|{p.pos[i]}|{p.dep[i]}"]
        return f if p.roles is None else f + encoder.absent_features(p, i, "Source")
    side = "left" if head < i else "right"
    hpos = p.pos[head]
    f = [f"hp={hpos}|{p.ent_type[head]}", f"side={side}", f"dist={_bucket(abs(head - i))}",
         f"pron={hpos == 'PRON'}", f"hl={p.lower[head] if hpos == 'PRON' else hpos}",
         f"comma={',' in text[rng[0]:rng[1]]}", f"n={len(kinds)}"]
    for kind in kinds:
        f += [f"k={kind}", f"kl={kind}|{lemma}", f"kp={kind}|{p.pos[i]}", f"ks={kind}|{side}"]
    first, last = p.token_at(rng[0]), p.token_at(rng[1] - 1)
    if p.roles is not None:
        f += encoder.span_features(p, "Source", (rng,))
    return f + [f"fw={_word(p, first)}", f"lw={_word(p, last)}|{p.tag[last]}", f"tok={_bucket(last - first + 1)}"]


# ------------------------------------------------------------------ cue span


def cue_span_candidates(p: Parsed, i: int, text: str, content: Fragments | None) -> dict[Range, set[str]]:
    """Extents of the cue: the word, the word with its auxiliaries (PolNeAR's "has said"), with
    a particle or preposition ("pointed to"), or everything up to the content."""
    out: dict[Range, set[str]] = {}

    def add(kind: str, rng: Range) -> None:
        rng = trim(text, rng)
        if rng[1] > rng[0]:
            out.setdefault(rng, set()).add(kind)

    base = cue_range(p, i)
    add("base", base)
    out.setdefault((p.idx[i], p.end[i]), set()).add("word")  # untrimmed: a colon
    if i + 1 < p.n and p.head[i + 1] == i and p.pos[i + 1] in ("ADP", "PART"):
        add("prep", (base[0], p.end[i + 1]))
    if content and content[0][0] > base[1]:
        gap = [k for k in range(i + 1, min(i + 10, p.n)) if p.idx[k] < content[0][0]]
        if 0 < len(gap) <= 8 and not any(text[p.idx[k]:p.end[k]] in ".;\n" for k in gap):
            prefix = [k for k in range(max(0, i - 4), i + 1) if p.idx[k] >= base[0]]
            add("upto", p.span([*prefix, *gap]))
    k = i
    while k > 0 and p.head[k - 1] == i and p.dep[k - 1] in SPAN_PREFIX_DEPS:
        k -= 1
    if p.idx[k] < base[0]:  # "was seen", "had been expected": passive auxiliaries too
        add("aux", (p.idx[k], base[1]))
    end = base[1]
    for c in _trailing_modifiers(p, i, base[1], content):
        end = p.end[p.subtree(c)[-1]]
        add("mods", (base[0], end))  # "said in a statement", "wrote recently"
    return out


SPAN_PREFIX_DEPS = frozenset("aux auxpass neg advmod".split())


def _trailing_modifiers(p: Parsed, i: int, after: int, content: Fragments | None) -> list[int]:
    """The cue's adverbial children that directly follow it, in order, up to two, none inside
    the content."""
    out, at = [], after
    for c in p.children[i]:
        if c <= i or p.dep[c] not in ("prep", "npadvmod", "advmod") or len(out) == 2:
            continue
        sub = p.subtree(c)
        if p.idx[sub[0]] - at > 1:  # not adjacent
            break
        if content and any(s < p.end[sub[-1]] and p.idx[sub[0]] < e for s, e in content):
            break
        out.append(c)
        at = p.end[sub[-1]]
    return out


def cue_span_features(p: Parsed, i: int, text: str, rng: Range, kinds: set[str]) -> list[str]:
    lemma, pos = p.lemma[i], p.pos[i]
    words = _bucket(text[rng[0]:rng[1]].count(" ") + 1)
    f = [f"w={words}", f"n={len(kinds)}"]
    for kind in kinds:
        f += [f"k={kind}", f"kl={kind}|{lemma}", f"kp={kind}|{pos}", f"kw={kind}|{words}"]
    first, last = p.token_at(rng[0]), p.token_at(rng[1] - 1)
    after = text[rng[1]:rng[1] + 2].strip()[:1] or "_"
    if p.roles is not None:
        f += encoder.span_features(p, "Cue", (rng,))
    return f + [f"fw={_word(p, first)}|{p.dep[first]}", f"lw={_word(p, last)}|{p.dep[last]}", f"ac={after}",
                f"llw={lemma}|{_word(p, last)}"]
