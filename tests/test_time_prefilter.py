"""The time rules' prefilter only skips rules (and start positions) that cannot match: recognition
is the same with it."""
from __future__ import annotations

import random
import re

import pytest

from storyline.annotate.timex import recognise
from storyline.annotate.timex.prefilter import (ClauseWords, RunLengths, ascii_equivalent, first_char_gate, fold,
                                                match_reach, match_starts, matches_near, required_clauses, satisfied,
                                                windowed_finditer)

TEXTS = [
    "The talks resumed on Monday, three days after the ceasefire of March 4, 2024 collapsed.",
    "Profits rose 12% in the third quarter of 2023 and in the year-earlier period; Q3 sales fell.",
    "At 10:35 a.m. (0735 GMT) Friday, the court adjourned until Dec. 15-16.",
    "He served two years in the 1990s and, in the early nineteen-eighties, four months a year abroad.",
    "Every Sunday since last spring, the market opens at 6pm; the 11th century church closes daily.",
    "Twenty years ago the fiscal 2019 plan was signed; it may one day be extended to the 12th.",
    "THE REPORT, PUBLISHED YESTERDAY MORNING, COVERS THE PAST FIVE DECADES AND NEXT WEEK.",
    # IGNORECASE matches these look-alikes to ASCII letters: dotted and dotless i, long s, Kelvin sign
    "Talks \u0130N JUNE, la\u017ft week and \u0131n the \u017fpring, a \u212aey \u017fecond day ago.",
    "Nothing here is a time expression at all.",
    # non-ASCII characters the ASCII twins of the rules see as Unicode does ("£", "’", "—")...
    "The \u00a3120m deal \u2014 signed last week \u2014 runs \u2018two years\u2019; it\u2019s due in May.",
    # ... and ones they would not: a no-break space, accented letters, a circled letter, a separator
    "It ended two\u00a0days ago; caf\u00e9 owners met \u24b6 week later, on\x1cMonday, in Jos\u00e9's July.",
]


def _unfiltered(text: str) -> list[recognise.Candidate]:
    """The recogniser's result with every rule run as written (no prefilter, no gates)."""
    found = []
    for priority, (name, pattern) in enumerate(recognise.RULES):
        for match in re.finditer(pattern, text, re.I):
            start, end = recognise._trim(text, match.start(), match.end())
            start = recognise._extent_start(name, text, start)
            if end > start and recognise._acceptable(name, match) and not recognise._is_name(name, text, start, end):
                found.append(recognise.Candidate(start, end, name, match.groupdict(), priority))
    return recognise._without_overlaps(found)


@pytest.mark.parametrize("text", TEXTS)
def test_prefilter_keeps_every_candidate(text):
    assert recognise.find_candidates(text) == _unfiltered(text)


def test_every_rule_match_satisfies_its_clauses():
    for text in TEXTS:
        for (name, pattern), clauses in zip(recognise.COMPILED, recognise._REQUIRED, strict=True):
            if pattern.search(text):
                assert satisfied(clauses, fold(text), {}), name


def test_clauses_read_literals_alternatives_and_optional_parts():
    clauses = required_clauses(re.compile(r"(?<!\w)(?:very\s+)?(?:days?|weeks?)\s+(?:ago|later)(?=\s+in\b)", re.I))
    assert {"day", "week"} in clauses and {"ago", "later"} in clauses and {"in"} in clauses
    assert all("very" not in c for c in clauses)  # optional: not needed
    assert required_clauses(re.compile(r"[QH][1-4]|\d{4}")) == []  # classes need no word


def test_gate_names_the_first_characters():
    assert first_char_gate(r"(?<!\w)(?:(?:early|late)\s+)?(?:\d+|one)\s+days?", re.I) == r"(?=[\delo])"
    assert first_char_gate(r"(?:very\s+)?", re.I) == ""  # may match empty: no gate
    assert first_char_gate(r"[^a-z]x", re.I) == ""  # a negated class is not read


def test_fold_maps_ascii_lookalikes():
    assert fold("\u0130N \u017fINCE \u212aG") == "in since kg"


def test_ascii_rules_only_for_texts_where_they_match_alike():
    assert ascii_equivalent("Plain text, 10 days ago.")
    assert ascii_equivalent("A \u00a3120m deal \u2014 \u201csigned\u201d last week\u2019s")
    for char in ("\u00a0", "\u00e9", "\u00c9", "\u24b6", "\u0130", "\u212a", "\u017f", "\u0663", "\x1c", "\x1f"):
        assert not ascii_equivalent(f"two days ago{char}"), repr(char)


def test_ascii_rules_match_like_the_rules_on_such_texts():
    """The rules' own non-ASCII characters have no case (else an ASCII text could fold to one),
    and on every test text whose characters allow it, each rule's matches are the same."""
    rule_chars = {c for _, pattern in recognise.RULES for c in pattern if c >= "\x80"}
    assert all(c.lower() == c == c.upper() and not c.isalnum() for c in rule_chars)
    texts = [t for t in TEXTS if ascii_equivalent(t)]
    assert len(texts) == len(TEXTS) - 2  # the look-alikes' text and the last one take the Unicode rules
    for text in texts:
        for (name, pattern), (_, twin) in zip(recognise.COMPILED, recognise.ASCII_COMPILED, strict=True):
            assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == \
                [(m.span(), m.groupdict()) for m in twin.finditer(text)], name


# ------------------------------------------------------------------ rules run near their words

# words the rules look for and what stands between them, to make texts where many rules match and where
# a cut text would change what they see (spaces, hyphens, figures and spelled amounts that run on)
_VOCABULARY = ("two hundred and twenty", "three", "one", "twenty-five", "days", "day", "years", "a year", "ago",
               "earlier", "later", "March", "may", "June 3", "2024", "1990s", "10 p.m.", "at 6:30", "GMT",
               "Monday", "morning", "the", "last", "next", "week", "quarter", "third", "fiscal", "half", "per",
               "hour", "every", "about", "over", "the past", "now", "today", "1,500", "12.5", "Q3", "-", ",", ".",
               "said", "company", "people", "of", "in", "on", "and", "\n\n", "   ", "\t")


def _random_texts(count: int, seed: int = 15) -> list[str]:
    """Texts of 40 to 400 words drawn from ``_VOCABULARY``, joined by one space or none."""
    pick = random.Random(seed)
    texts = []
    for _ in range(count):
        words = pick.choices(_VOCABULARY, k=pick.randint(40, 400))
        texts.append("".join(w + pick.choice(("", " ", " ", " ")) for w in words))
    return texts


def _near_every_clause(name: str, pattern: re.Pattern, reach, clauses: list, text: str) -> list:
    """The rule's matches searched near each of its clauses' words in turn: one list per clause."""
    folded, runs = fold(text), RunLengths(text, pattern.flags)
    words = ClauseWords(folded)
    return [[(m.span(), m.groupdict()) for m in matches_near(pattern, text, reach, words.places(c), runs)]
            for c in clauses]


@pytest.mark.parametrize("text", [*TEXTS, " ".join(TEXTS), "\n\n     ".join(TEXTS), *_random_texts(60)])
def test_rules_find_the_same_matches_near_their_words(text):
    """Each rule, tried only at the starts near the words of any one of its clauses, finds what it finds
    in the whole text (the texts are long and varied enough that the ranges leave most of them out)."""
    for (name, pattern), reach, clauses in zip(recognise.COMPILED, recognise._REACH, recognise._REQUIRED,
                                                strict=True):
        if reach is None or not clauses:
            continue
        everywhere = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        for near in _near_every_clause(name, pattern, reach, clauses, text):
            assert near == everywhere, name


def test_recognition_is_the_same_with_rules_run_near_their_words(monkeypatch):
    texts = _random_texts(40, seed=8)
    near = [recognise.find_candidates(text) for text in texts]
    monkeypatch.setattr(recognise, "_matches", lambda pattern, text, *_: pattern.finditer(text))
    assert near == [recognise.find_candidates(text) for text in texts]


def test_most_rules_have_a_reach():
    """The duration, date and clock rules are read: only a few (none of the costly ones) scan every text."""
    unread = [name for (name, _), reach in zip(recognise.COMPILED, recognise._REACH, strict=True) if reach is None]
    assert len(unread) <= 3 and "duration" not in unread and "month_day" not in unread, unread


def test_reach_counts_lookarounds_and_runs():
    reach = match_reach(re.compile(r"(?<=\bat\s)\d{1,2}\s+o'clock(?=\s*[.,])", re.I))
    assert reach.behind == 3  # the lookbehind's word stands before the start
    runs = RunLengths("at 7 o'clock  .", re.I)
    # two digits, the run of spaces (two), "o'clock", then the lookahead's spaces and its character
    assert reach.bound(runs) == 2 + 2 + 7 + 2 + 1


def test_a_match_the_cut_text_makes_past_its_range_is_not_taken():
    """Cut after "ab ab", the second "ab" is no longer followed by "c": it matches there, not in the text."""
    pattern, text = re.compile(r"ab(?!c)"), "ab abc"
    assert [m.span() for m in pattern.finditer(text)] == [(0, 2)]
    assert [m.span() for m in windowed_finditer(pattern, text, [(0, 1)], 3)] == [(0, 2)]


def test_ranges_of_starts_merge_when_close():
    assert match_starts([200, 210, 1000], 20, 1) == [(180, 211), (980, 1001)]
    assert match_starts([5], 20, 3) == [(0, 8)]


@pytest.mark.parametrize("flags", [re.I, re.I | re.ASCII])
def test_standing_classes_hold_every_character_of_what_they_stand_for(flags):
    """A repeat's characters are widened to a standing class (fewer runs to find in a text): every
    character its own class matches, the standing class matches too (Latin-1, look-alikes, other scripts)."""
    from re import _parser as sre_parse

    from storyline.annotate.timex.prefilter import _consumable_class, _consumable_pieces

    chars = [chr(c) for c in range(0x3000)] + ["\u212a", "\u017f", "\u0130", "\u0131", "\uff11", "\u3000", "\U0001d7d9"]
    for body in (r"\s", r"[\s-]", r"\s+and\s+", r"\d", r",\d{3}", r"[a-z]", r"\w", r"[\w.]", r"[A-Z0-9]"):
        tree = sre_parse.parse(body, flags)
        own = re.compile("[" + "".join(_consumable_pieces(tree)) + "]", flags)
        standing = re.compile(_consumable_class(tree), flags)
        assert all(standing.fullmatch(c) for c in chars if own.fullmatch(c)), body
