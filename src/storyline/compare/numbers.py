"""Numbers as written in news text ("six", "2.5 million", "$82", "more than 200") -> values and
the range they assert.

Ours because the libraries that read number words (word2number, text2num) are unmaintained or
French-first, and none turns "at least" / "around" into the range that decides whether two reports
of a count contradict each other. Vague quantities ("dozens", "thousands of") are not numbers
here: they never contradict a figure reliably.
"""
from __future__ import annotations

import math
import re

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000}
SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})  # continue a number in text
# "a dozen", "two dozen": twelve of them; "dozens" is vague and no number
MULTIPLIERS = {"dozen": 12}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20, "hundredth": 100}
# modifiers before a number and the range they make of value v
LOWER = {"at least", "more than", "over", "upwards of", "in excess of", "nearly", "almost", "just under"}
UPPER = {"up to", "at most", "fewer than", "less than", "under", "no more than"}
ABOUT = {"about", "around", "some", "roughly", "approximately", "an estimated", "estimated", "nearly", "almost",
         "close to", "as many as", "as much as", "just under", "just over"}
TOLERANCE = 0.2  # "about 50" covers 40..60
_DIGITS = re.compile(r"^[$€£¥]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%|k|m|bn|b)?$", re.I)
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.I)


def parse_number(text: str) -> float | None:
    """The value of a number phrase ("six", "2.5 million", "1,200", "twenty-one", "$5bn"), or None."""
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    total, current, seen = 0.0, 0.0, False
    for word in words:
        m = _DIGITS.match(word)
        if m:
            current += float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
            if m.group(3) and m.group(3) != "%":
                current *= SCALES[m.group(3).lower()]
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in ("hundred",) or word in MULTIPLIERS:
            current = (current or 1) * MULTIPLIERS.get(word, 100)
        elif word == "half" and not seen:  # "half a million"
            current, seen = 0.5, True
            continue
        elif word in SCALES and word not in ("k", "m", "b", "bn"):
            total += (current or 1) * SCALES[word]
            current = 0.0
        elif word in ORDINALS or _ORDINAL_DIGITS.match(word):
            current += ORDINALS.get(word) or float(_ORDINAL_DIGITS.match(word).group(1))
        elif word in ("a", "an") and (not seen or current == 0.5):
            current = current or 1.0
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def is_scaled_figure(text: str) -> bool:
    """A figure written as one word with its scale ("1.2bn", "$5m", "300k"), which tokenisers
    do not call number-like."""
    m = _DIGITS.match(text)
    return bool(m and m.group(3) and m.group(3) != "%")


def is_ordinal(text: str) -> bool:
    last = re.split(r"[\s-]+", text.lower().strip())[-1]
    return last in ORDINALS or bool(_ORDINAL_DIGITS.match(last))


def value_range(value: float, modifier: str = "") -> tuple[float, float]:
    """The interval a reported number asserts: exact, a lower or upper bound, or approximate."""
    mod = modifier.lower().strip()
    exact = (value * 0.995, value * 1.005)
    if mod in ABOUT and mod in LOWER:  # "nearly 60": a bit below 60
        return value * (1 - TOLERANCE), value
    if mod in LOWER:
        return value, math.inf
    if mod in UPPER:
        return 0.0, value
    if mod in ABOUT:
        return value * (1 - TOLERANCE), value * (1 + TOLERANCE)
    return exact


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]
