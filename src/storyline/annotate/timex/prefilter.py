"""Which time rules can match a text at all, and where, found without running them.

The recogniser runs some fifty regular expressions over every article, and most of them match
nothing in most articles; each still costs a full scan (they open with a lookbehind, so ``re``
tries every position). A rule's expression, read as a tree, tells which literal words every match
must contain ("ago" or "earlier" or ...; a month name and "quarter"): a rule whose words are not
all in the text is skipped. The same reading tells which characters a match can start with, a
gate that stops a rule at once where it would otherwise try all its alternatives. And it tells how
far from its start a match can look (a bound that grows only with the text's longest runs of the
characters its repeats consume), so a rule is tried only at the starts near its words, not at every
position of the text. All are derived from the expression itself, so they never drop a match and
they follow rule edits.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

try:  # the stdlib's regex parser (private, stable across 3.11-3.13); without it every rule runs
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    sre = sre_parse = None

# A clause is satisfied when the folded text contains one of its strings; a rule runs when all of
# its clauses are satisfied (no clause: it always runs).
Clause = frozenset[str]

# The only non-ASCII characters that IGNORECASE matches to an ASCII character (found by trying
# every code point): fold them so a substring test on the folded text sees what ``re`` sees.
_ASCII_LOOKALIKES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"})


def required_clauses(pattern: re.Pattern) -> list[Clause]:
    """Clauses (lower-case literals) that every match of ``pattern`` satisfies in the text."""
    if sre_parse is None:
        return []
    try:
        return _clauses(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # an expression this reading does not follow: no test, the rule always runs
        return []


def _clauses(items: Iterable) -> list[Clause]:
    """A sequence needs what each of its obligatory parts needs; adjacent literals form one word.
    Anything that is not a literal (a class, an optional part, a negative lookaround) needs nothing."""
    clauses: list[Clause] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            clauses.append(frozenset({"".join(run)}))
            run = []
        if op is sre.SUBPATTERN:
            clauses += _clauses(av[3])
        elif op is sre.ATOMIC_GROUP:
            clauses += _clauses(av)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            clauses += _clauses(av[2])
        elif op is sre.ASSERT:  # a positive lookaround: what it looks at is in the text too
            clauses += _clauses(av[1])
        elif op is sre.BRANCH:
            alternatives = [_clauses(branch) for branch in av[1]]
            if all(alternatives):  # one alternative matches: one of their clauses holds
                clauses.append(frozenset().union(*(most_selective(a) for a in alternatives)))
    if run:
        clauses.append(frozenset({"".join(run)}))
    return clauses


def most_selective(clauses: Sequence[Clause]) -> Clause:
    """The clause least likely to hold by chance: longest shortest word, then fewest words."""
    return max(clauses, key=lambda c: (min(map(len, c)), -len(c)))


def fold(text: str) -> str:
    """The text as IGNORECASE compares it to ASCII literals: lower case, look-alikes mapped."""
    return (text if text.isascii() else text.translate(_ASCII_LOOKALIKES)).lower()


# ASCII characters that Unicode ``\s`` matches and ASCII ``\s`` does not (information separators)
_UNICODE_ONLY_SPACE = re.compile("[\x1c-\x1f]")
_INERT: dict[str, bool] = {}  # non-ASCII character -> ``_inert``


def ascii_equivalent(text: str) -> bool:
    """Whether case-insensitive expressions find the same matches in ``text`` with ``re.ASCII`` as
    without: true when its every non-ASCII character is inert to both (``_inert``) and it holds no
    character that only Unicode calls a space. Then classes (\\w, \\d, \\s, \\b) agree on every
    character, and case folding meets only ASCII letters, which both fold alike (the expressions'
    own non-ASCII characters are caseless: a test holds them to it)."""
    if _UNICODE_ONLY_SPACE.search(text):
        return False
    if text.isascii():
        return True
    for char in set(text):
        if char >= "\x80":
            inert = _INERT.get(char)
            if inert is None:
                inert = _INERT[char] = _inert(char)
            if not inert:
                return False
    return True


def _inert(char: str) -> bool:
    """Neither a word character, digit nor space for Unicode ``re`` (as for ASCII ``re``, to which
    every non-ASCII character is none of them) and without case: no other character folds to it
    ("£", "’", "—" are inert; "é", "\\xa0", "Ⓐ" are not)."""
    return not (char.isalnum() or char.isspace()) and char.lower() == char == char.upper() == char.casefold()


def satisfied(clauses: Sequence[Clause], folded: str, seen: dict[str, bool]) -> bool:
    """Whether ``folded`` holds a word of every clause (``seen`` caches look-ups across rules)."""
    for clause in clauses:
        for word in clause:
            found = seen.get(word)
            if found is None:
                found = seen[word] = word in folded
            if found:
                break
        else:
            return False
    return True


# ------------------------------------------------------------------ where a match can start

_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s"}


class _Unread(Exception):
    """A construct the first-character reading does not follow (the rule then keeps no gate)."""


def first_char_gate(body: str, flags: int) -> str:
    """A lookahead naming every character a match of ``body`` can start with, or "" when that
    cannot be told (or the body may match empty). Put at the start of a rule, it fails at once at
    positions where the body would first try all its alternatives (``re`` does not skip ahead on
    its own for case-insensitive patterns); it never excludes a match."""
    if sre_parse is None:
        return ""
    try:
        chars, nullable = _first_chars(sre_parse.parse(body, flags))
    except Exception:
        return ""
    return "" if nullable or not chars else "(?=[" + "".join(sorted(set(chars))) + "])"


def _first_chars(items: Iterable) -> tuple[list[str], bool]:
    """Class pieces for the characters a sequence can start with, and whether it may match empty."""
    pieces: list[str] = []
    for op, av in items:
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # zero width: the next item consumes the first character
        if op is sre.LITERAL:
            return pieces + [_class_char(av)], False
        if op is sre.IN:
            return pieces + [_class_piece(o, a) for o, a in av], False
        if op is sre.SUBPATTERN:
            more, nullable = _first_chars(av[3])
        elif op is sre.ATOMIC_GROUP:
            more, nullable = _first_chars(av)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            more, nullable = _first_chars(av[2])
            nullable = nullable or av[0] == 0
        elif op is sre.BRANCH:
            more, nullable = [], False
            for branch in av[1]:
                chars, empty = _first_chars(branch)
                more, nullable = more + chars, nullable or empty
        else:
            raise _Unread(op)
        pieces += more
        if not nullable:
            return pieces, False
    return pieces, True


def _class_piece(op, av) -> str:
    if op is sre.LITERAL:
        return _class_char(av)
    if op is sre.RANGE:
        return _class_char(av[0]) + "-" + _class_char(av[1])
    if op is sre.CATEGORY and str(av) in _CATEGORIES:
        return _CATEGORIES[str(av)]
    raise _Unread(op)  # a negated class or category: give up rather than reason about complements


def _class_char(code: int) -> str:
    char = chr(code)
    return "\\" + char if char in "]\\^-[" else char


# ------------------------------------------------------------------ where a match can lie

# How far a match can look, as a bound that grows with the text: ``const`` characters plus, for each
# unbounded repeat, the longest run in the text of the characters that repeat can consume (a repeat
# consumes a contiguous stretch of them). Keyed by a character class written as ``re`` source.
Form = tuple[int, dict[str, int]]


class Reach:
    """How far around its start a rule's match can inspect the text: ``ahead``, a ``Form`` bounding the
    characters from the start up to the last one a match, its lookaheads or boundaries look at, and
    ``behind``, the longest lookbehind. A match holds each of its rule's clause words inside
    [start - behind, start + ahead), so its start lies within that distance of one of them."""

    __slots__ = ("ahead", "behind")

    def __init__(self, ahead: Form, behind: int):
        self.ahead, self.behind = ahead, behind

    def bound(self, runs: "RunLengths") -> int:
        const, terms = self.ahead
        return const + sum(coef * runs.longest(cls) for cls, coef in terms.items())


def match_reach(pattern: re.Pattern) -> Reach | None:
    """The ``Reach`` of ``pattern``'s matches, or None where this reading does not follow the
    expression (the rule then scans the whole text)."""
    if sre_parse is None:
        return None
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        if tree.getwidth()[0] == 0:  # an empty match would need finditer's own stepping
            return None
        _, ahead, behind = _reach(tree)
    except Exception:
        return None
    return Reach(ahead, behind)


def _reach(items: Iterable) -> tuple[Form, Form, int]:
    """(consumed, inspected, lookbehind) bounds of a sequence: the characters it can consume, the
    furthest it can look from its start, and its longest lookbehind."""
    consumed: Form = (0, {})
    inspected: Form = (0, {})
    behind = 0
    for op, av in items:
        width, look, back = _item_reach(op, av)
        inspected = _max(inspected, _add(consumed, look))
        consumed = _add(consumed, width)
        behind = max(behind, back)
    return consumed, inspected, behind


def _item_reach(op, av) -> tuple[Form, Form, int]:
    if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY):
        return (1, {}), (1, {}), 0
    if op is sre.AT:  # a boundary or an end looks at the character where it stands
        return (0, {}), (1, {}), 0
    if op is sre.SUBPATTERN:
        return _reach(av[3])
    if op is sre.ATOMIC_GROUP:
        return _reach(av)
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        _, look, back = _reach(av[1])
        if av[0] < 0:  # a lookbehind starts its width back (and looks no further than from here)
            back = max(back, sre_parse.SubPattern(sre_parse.State(), av[1]).getwidth()[1])
        return (0, {}), look, back
    if op is sre.BRANCH:
        return _max_of([_reach(branch) for branch in av[1]])
    if op is sre.GROUPREF_EXISTS:
        return _max_of([_reach(av[1]), _reach(av[2] or [])])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _repeat_reach(av)
    raise _Unread(op)


def _repeat_reach(av) -> tuple[Form, Form, int]:
    _, high, body = av
    width, look, back = _reach(body)
    if high != sre.MAXREPEAT:  # the last of at most ``high`` turns starts after the others' characters
        return _scale(width, high), _add(_scale(width, max(high - 1, 0)), look), back
    run: Form = (0, {_consumable_class(body): 1})  # all its turns consume one run of its characters
    return run, _add(run, look), back


def _scale(form: Form, times: int) -> Form:
    return form[0] * times, {c: k * times for c, k in form[1].items()}


def _add(a: Form, b: Form) -> Form:
    terms = dict(a[1])
    for cls, coef in b[1].items():
        terms[cls] = terms.get(cls, 0) + coef
    return a[0] + b[0], terms


def _max(a: Form, b: Form) -> Form:
    """An upper bound of both (term by term: the bounds are sums of non-negative terms)."""
    terms = dict(a[1])
    for cls, coef in b[1].items():
        terms[cls] = max(terms.get(cls, 0), coef)
    return max(a[0], b[0]), terms


def _max_of(reaches: list[tuple[Form, Form, int]]) -> tuple[Form, Form, int]:
    width, look, behind = (0, {}), (0, {}), 0
    for w, lk, b in reaches:
        width, look, behind = _max(width, w), _max(look, lk), max(behind, b)
    return width, look, behind


# classes that stand for their subclasses, so that a text's runs are found for a few classes only: a run
# of a subclass lies in a run of its class (a looser bound, the same matches)
_SPACE_CLASS, _DIGIT_CLASS, _WORD_CLASS = r"[\-\s]", r"[,\d]", r"[.\w]"
_WORD_PIECE = re.compile(r"\\[wd]|\.|[0-9A-Za-z](?:-[0-9A-Za-z])?")  # ASCII letters and digits are \w in both modes


def _consumable_class(items: Iterable) -> str:
    """A character class (``re`` source) of every character ``items`` can consume, widened to one of
    the few standing classes where it fits in one."""
    pieces = set(_consumable_pieces(items))
    if pieces <= {r"\s", r"\-"}:
        return _SPACE_CLASS
    if pieces <= {r"\d", ","}:
        return _DIGIT_CLASS
    if all(_WORD_PIECE.fullmatch(piece) for piece in pieces):
        return _WORD_CLASS
    return "[" + "".join(sorted(pieces)) + "]"


def _consumable_pieces(items: Iterable) -> list[str]:
    pieces: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            pieces.append(_class_char(av))
        elif op is sre.IN:
            pieces += [_class_piece(o, a) for o, a in av]
        elif op is sre.SUBPATTERN:
            pieces += _consumable_pieces(av[3])
        elif op is sre.ATOMIC_GROUP:
            pieces += _consumable_pieces(av)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            pieces += _consumable_pieces(av[2])
        elif op is sre.BRANCH:
            for branch in av[1]:
                pieces += _consumable_pieces(branch)
        elif op is sre.GROUPREF_EXISTS:
            pieces += _consumable_pieces(av[1]) + _consumable_pieces(av[2] or [])
        elif op not in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):  # zero width: consume nothing
            raise _Unread(op)
    return pieces


class RunLengths:
    """The longest run of each character class in one text, found when first asked."""

    def __init__(self, text: str, flags: int):
        self.text, self.flags, self._longest = text, flags, {}

    def longest(self, cls: str) -> int:
        found = self._longest.get(cls)
        if found is None:
            runs = re.findall(cls + "+", self.text, self.flags)
            found = self._longest[cls] = max(map(len, runs), default=0)
        return found


class ClauseWords:
    """Where each clause's words stand in one folded text, found once for all the rules sharing it."""

    def __init__(self, folded: str):
        self.folded, self._counts, self._places = folded, {}, {}

    def count(self, clause: Clause) -> int:
        """How often the clause's words occur (overlapping occurrences of two words count twice)."""
        total = 0
        for word in clause:
            found = self._counts.get(word)
            if found is None:
                found = self._counts[word] = self.folded.count(word)
            total += found
        return total

    def places(self, clause: Clause) -> list[int]:
        """The sorted positions of the clause's words (overlapping occurrences too)."""
        found = self._places.get(clause)
        if found is None:
            found = self._places[clause] = sorted(p for word in clause for p in _occurrences(word, self.folded))
        return found


def _occurrences(word: str, folded: str) -> Iterable[int]:
    at = folded.find(word)
    while at >= 0:
        yield at
        at = folded.find(word, at + 1)


# a gap between two ranges of starts shorter than this is searched too (no match starts there, and
# ``re`` passes over a few dozen positions faster than a new search begins)
_SHORTEST_GAP = 80


def match_starts(places: list[int], before: int, after: int) -> list[tuple[int, int]]:
    """Merged ranges [first, last] of the match starts from ``before`` positions before each of
    ``places`` to ``after`` positions after it."""
    ranges: list[tuple[int, int]] = []
    for p in places:
        first, last = max(0, p - before), p + after
        if ranges and first <= ranges[-1][1] + _SHORTEST_GAP:
            ranges[-1] = (ranges[-1][0], last)
        else:
            ranges.append((first, last))
    return ranges


def matches_near(pattern: re.Pattern, text: str, reach: Reach, places: list[int], runs: RunLengths,
                 most_covered: float = 1.0) -> Iterable[re.Match]:
    """``pattern.finditer(text)`` for a pattern whose matches each hold a word standing at one of
    ``places``, tried only at the starts near those words (all of the text where the ranges of starts
    would cover more than ``most_covered`` of it: searching many ranges costs more than one scan)."""
    ahead = reach.bound(runs)
    ranges = match_starts(places, ahead, reach.behind)
    if sum(last - first for first, last in ranges) > most_covered * len(text):
        return pattern.finditer(text)
    return windowed_finditer(pattern, text, ranges, ahead)


def windowed_finditer(pattern: re.Pattern, text: str, ranges: list[tuple[int, int]], reach: int) -> Iterable[re.Match]:
    """``pattern.finditer(text)`` tried only at the starts in ``ranges`` (``match_starts``): the same
    matches, since no match starts elsewhere. Each range is searched with the text cut ``reach`` past
    its last start, where no attempt from a start inside it looks; a match found starting past the
    range is not taken (the cut may have made it). ``re`` sees the text before each range whole, so
    lookbehinds are unchanged. Needs a pattern that cannot match empty."""
    end_of_last = 0
    for first, last in ranges:
        pos = max(first, end_of_last)
        if pos > last:
            continue
        for match in pattern.finditer(text, pos, min(len(text), last + reach + 1)):
            if match.start() > last:
                break
            end_of_last = match.end()
            yield match
