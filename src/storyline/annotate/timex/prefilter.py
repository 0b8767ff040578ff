"""Which time rules can match a text at all, found without running them.

The recogniser runs some fifty regular expressions over every article, and most of them match
nothing in most articles; each still costs a full scan (they open with a lookbehind, so ``re``
tries every position). A rule's expression, read as a tree, tells which literal words every match
must contain ("ago" or "earlier" or ...; a month name and "quarter"); a rule whose words are
not all in the text is skipped. The test is derived from the expression itself, so it never
drops a match: it is a necessary condition, never a heuristic, and it follows rule edits.
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
