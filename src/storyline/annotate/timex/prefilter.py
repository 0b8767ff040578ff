"""Which time rules can match a text at all, and where, found without running them.

The recogniser runs some fifty regular expressions over every article, and most of them match
nothing in most articles; each still costs a full scan (they open with a lookbehind, so ``re``
tries every position). A rule's expression, read as a tree, tells which literal words every match
must contain ("ago" or "earlier" or ...; a month name and "quarter"): a rule whose words are not
all in the text is skipped. The same reading tells which characters a match can start with, a
gate that stops a rule at once where it would otherwise try all its alternatives. Both are
derived from the expression itself, so they never drop a match and they follow rule edits.
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
                clauses.append(frozenset().union(*(_most_selective(a) for a in alternatives)))
    if run:
        clauses.append(frozenset({"".join(run)}))
    return clauses


def _most_selective(clauses: Sequence[Clause]) -> Clause:
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
