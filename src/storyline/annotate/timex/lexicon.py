"""Named building blocks of the time grammar: word lists, their regex alternations and values.

Kept apart from the rules so that a rule reads like the phrase it matches
("{MODIFIER} {NUMBER} {UNIT}s ago") and every word list has one home.
"""
from __future__ import annotations

import re


def alternation(words: list[str] | dict[str, object]) -> str:
    """A non-capturing regex alternation, longest first so that "Sept." wins over "Sep"."""
    items = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


MONTHS: dict[str, int] = {}
for _number, _name in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december"], start=1):
    MONTHS[_name] = _number
    MONTHS[_name[:3]] = _number
    MONTHS[_name[:3] + "."] = _number
MONTHS.update({"sept": 9, "sept.": 9})
MONTHS.pop("may.", None)
# full names and dotted abbreviations only: bare "Mar", "Jun" as words are too ambiguous ("mar", "jan")
MONTH_WORDS = {w: n for w, n in MONTHS.items() if len(w) > 3 or w.endswith(".") or w == "may"}

WEEKDAYS: dict[str, int] = {}
for _number, _name in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
                                start=1):
    WEEKDAYS[_name] = _number
    WEEKDAYS[_name + "s"] = _number

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
                "mid-afternoon": "AF", "mid afternoon": "AF", "midafternoon": "AF", "mid-morning": "MO",
                "midmorning": "MO", "midday": "T12:00",
                "noon": "T12:00",
                "midnight": "T24:00"}

# unit word -> (TimeML duration letter, is it a time unit (PT...)?)
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False), "weekend": ("WE", False),
    "fortnight": ("2W", False), "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False),
    "decade": ("E", False), "century": ("C", False), "centurie": ("C", False), "millennium": ("L", False),
}
UNIT_WORD = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie)|millennium)"
CALENDAR_UNIT = r"(?:day|week|weekend|month|quarter|year|decade|century)"

ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
# "two dozen years", "a billion years", "4.5 billion years" (the ages of stars and planets)
SCALES = {"hundred": 100, "thousand": 1000, "dozen": 12, "million": 10 ** 6, "billion": 10 ** 9}
# "hundreds of years", "millions of years": an unknown count, one expression with its unit (PXY); "couple of" counts
# two after any determiner ("the past couple of years" as "the past two years")
VAGUE_COUNTS = {"a few": "X", "few": "X", "several": "X", "some": "X", "many": "X", "a couple of": 2,
                "couple of": 2, "a couple": 2, "a pair of": 2, "a dozen": 12, "a hundred": 100, "a thousand": 1000, "dozens of": "X",
                "a million": 10 ** 6, "a billion": 10 ** 9, "hundreds of": "X", "thousands of": "X",
                "millions of": "X", "billions of": "X", "a": 1, "an": 1, "one": 1}

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
            "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
            "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "last": -1, "final": -1}

# a day of the month said as an ordinal ("March eighth", "the twenty-first of June")
_ORDINAL_ONES = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
DAY_ORDINALS: dict[str, int] = {w: n for w, n in ORDINALS.items() if 1 <= n <= 20}
for _tens, _name in ((20, "twenty"), (30, "thirty")):
    for _number, _one in enumerate(_ORDINAL_ONES[: 9 if _tens == 20 else 1], start=1):
        DAY_ORDINALS[f"{_name}-{_one}"] = DAY_ORDINALS[f"{_name} {_one}"] = _tens + _number
DAY_ORDINALS["thirtieth"] = 30

_YEAR_TENS = alternation([w for w in TENS if w != "fourty"])
_YEAR_ONES = alternation([w for w, n in ONES.items() if 1 <= n <= 9])
_TEEN = alternation([w for w, n in ONES.items() if 10 <= n <= 19])
# "nineteen ninety-six", "nineteen oh five", "the year two thousand (and) one": years said in words
SPELLED_YEAR = (rf"(?:(?:{_TEEN}|twenty)[\s-]+(?:{_YEAR_TENS}(?:[\s-]+{_YEAR_ONES})?|{_TEEN}|oh[\s-]+{_YEAR_ONES})"
                rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_YEAR_ONES}|{_TEEN}))?)")

_NUMBER_WORD = alternation([*ONES, *TENS, *SCALES])
SPELLED_NUMBER = rf"(?:{_NUMBER_WORD}(?:(?:\s+and\s+|[\s-]+){_NUMBER_WORD})*)"
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+\d/\d|\s+(?:million|billion)(?!\w))?"
HALF = r"(?:[\s-]+and[\s-]+a[\s-]+half)"  # "two and a half", "three-and-a-half"
# "half an hour", "half a century": a half of one unit
NUMBER = rf"(?:(?:{DIGITS}|{SPELLED_NUMBER}){HALF}?|{alternation(VAGUE_COUNTS)}|half\s+an?)"
ORDINAL = rf"(?:{alternation(ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))"

# words in front of an amount of time -> TimeML mod
AMOUNT_MODIFIERS = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
                    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "just under": "LESS_THAN",
                    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
                    "more than": "MORE_THAN", "just over": "MORE_THAN", "well over": "MORE_THAN", "over": "MORE_THAN",
                    "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
                    "at most": "EQUAL_OR_LESS"}
# words in front of a point or period -> TimeML mod
POINT_MODIFIERS = {"early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
                   "late": "END", "later": "END", "the end of": "END", "mid": "MID", "mid-": "MID",
                   "the middle of": "MID", "around": "APPROX", "about": "APPROX"}

# deictic words that need no arithmetic
REFERENCE_WORDS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
                   "at present": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
                   "these days": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF",
                   "this day and age": "PRESENT_REF",  # an idiom for "nowadays", not a day
                   # "the then current price", "the then-current minister": current at a time told of, not now
                   "then current": "PAST_REF", "then-current": "PAST_REF",
                   "recently": "PAST_REF",
                   "recent": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
                   "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
                   "the foreseeable future": "FUTURE_REF", "future": "FUTURE_REF",
                   # "in the not too distant future", "for the immediate future"
                   "the distant future": "FUTURE_REF", "the not too distant future": "FUTURE_REF",
                   "the not-too-distant future": "FUTURE_REF", "the immediate future": "FUTURE_REF",
                   "the very near future": "FUTURE_REF",
                   # "from 1990 to the present" (only at the end of a phrase: "the present system" is no time)
                   "the present": "PRESENT_REF", "the present day": "PRESENT_REF",
                   # a time ago without an amount
                   "a while ago": "PAST_REF", "a little while ago": "PAST_REF", "some time ago": "PAST_REF",
                   "a long time ago": "PAST_REF", "a short time ago": "PAST_REF", "long ago": "PAST_REF",
                   "not long ago": "PAST_REF",
                   # "at a later date", "postponed to a future date": a time after the one told of, not named (TIDES
                   # takes "date" as a trigger like "time"; the TBAQ dev gold marks it FUTURE_REF)
                   "a later date": "FUTURE_REF", "a future date": "FUTURE_REF"}

# "the nineties": a decade by name, read in the twentieth century as news mostly means it; the 2000s have names of
# their own ("the aughts" in American, "the noughties" in British English)
DECADE_WORDS = {"twenties": "192", "thirties": "193", "forties": "194", "fifties": "195", "sixties": "196",
                "seventies": "197", "eighties": "198", "nineties": "199", "aughts": "200", "noughties": "200"}

HOLIDAYS = {"new year's day": (1, 1), "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
            "new year's eve": (12, 31), "independence day": (7, 4), "halloween": (10, 31),
            "valentine's day": (2, 14), "boxing day": (12, 26), "bastille day": (7, 14),
            "st. patrick's day": (3, 17), "st patrick's day": (3, 17), "armistice day": (11, 11),
            "remembrance day": (11, 11), "veterans day": (11, 11), "veterans' day": (11, 11),
            "april fool's day": (4, 1), "april fools' day": (4, 1), "april fools day": (4, 1), "may day": (5, 1),
            "groundhog day": (2, 2), "earth day": (4, 22), "cinco de mayo": (5, 5), "juneteenth": (6, 19),
            "hogmanay": (12, 31), "all saints' day": (11, 1), "all souls' day": (11, 2),
            "guy fawkes night": (11, 5), "bonfire night": (11, 5), "canada day": (7, 1), "australia day": (1, 26),
            "anzac day": (4, 25), "st. andrew's day": (11, 30), "st. george's day": (4, 23), "st. david's day": (3, 1),
            "flag day": (6, 14)}

# days that move with the calendar, named by what they are counted from (``resolve._movable_feast``): days around
# Easter or US Thanksgiving (days after it), and the nth weekday of a month (Monday = 0; n = -1 the last one).
# "Super Tuesday" or "Election Day" are left out: their day depends on the country and the year's rules.
EASTER_FEASTS = {"good friday": -2, "holy saturday": -1, "easter monday": 1, "palm sunday": -7, "maundy thursday": -3,
                 "holy thursday": -3, "ash wednesday": -46, "shrove tuesday": -47, "pentecost": 49,
                 "whit monday": 50, "ascension day": 39}
THANKSGIVING_FEASTS = {"black friday": 1, "cyber monday": 4}
WEEKDAY_FEASTS = {"memorial day": (5, 0, -1), "labor day": (9, 0, 1), "labour day": (9, 0, 1),
                  "mother's day": (5, 6, 2), "father's day": (6, 6, 3), "martin luther king day": (1, 0, 3),
                  "martin luther king jr. day": (1, 0, 3), "presidents' day": (2, 0, 3), "presidents day": (2, 0, 3),
                  "columbus day": (10, 0, 2)}
MOVABLE_FEASTS = {**EASTER_FEASTS, **THANKSGIVING_FEASTS, **WEEKDAY_FEASTS}

# ("quarterly" is left out: mostly an adjective, "its quarterly dividend", which TBAQ does not annotate)
SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
               "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "semiannually": "P6M",
               "biannually": "P6M", "fortnightly": "P2W"}


def number_value(text: str) -> float | str | None:
    """The value of a written amount ("twenty four", "2 1/2", "a couple of", "several" -> "X")."""
    words = re.sub(r"\s+", " ", text.lower().replace(",", "")).strip()
    words = re.sub(r"[\s-]+and[\s-]+a[\s-]+half$", " and a half", words)
    if re.fullmatch(r"half an?", words):
        return 0.5
    if words.endswith(" and a half"):
        whole = number_value(words[: -len(" and a half")])
        return whole + 0.5 if isinstance(whole, float) else whole
    if words in VAGUE_COUNTS:
        value = VAGUE_COUNTS[words]
        return float(value) if isinstance(value, int) else value
    scaled = re.fullmatch(r"(\d+(?:\.\d+)?) (million|billion)", words)
    if scaled:  # "4.5 billion"
        return float(scaled.group(1)) * SCALES[scaled.group(2)]
    if re.fullmatch(r"\d+(?:\.\d+)?(?:\s+\d/\d)?", words):
        whole, _, fraction = words.partition(" ")
        value = float(whole)
        if fraction:
            numerator, denominator = fraction.split("/")
            value += int(numerator) / int(denominator)
        return value
    return _spelled_value(words)


def spelled_year_value(words: str) -> int | None:
    """"nineteen ninety-six" -> 1996, "two thousand and one" -> 2001 (the century words, then the rest)."""
    parts = re.split(r"[\s-]+", words.lower())
    if parts[:2] == ["two", "thousand"]:
        rest = _spelled_value(" ".join(p for p in parts[2:] if p != "and")) if len(parts) > 2 else 0.0
        return 2000 + int(rest or 0)
    century = ONES.get(parts[0]) or TENS.get(parts[0])
    if century is None:
        return None
    rest = parts[1:]
    if rest and rest[0] == "oh":
        rest = rest[1:]
    value = _spelled_value(" ".join(rest))
    return None if value is None else century * 100 + int(value)


def _spelled_value(words: str) -> float | None:
    total, current = 0, 0
    for word in re.split(r"[\s-]+", words):
        if word == "and":
            continue
        if word in ONES:
            current += ONES[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return float(total + current)
