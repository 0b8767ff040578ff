"""The recogniser: a rule grammar over regular expressions built from the named blocks in
``lexicon``. Each rule has a name that ``resolve`` maps to the function giving its TIMEX3 type
and value; overlapping matches are settled longest first, so "10 p.m. Wednesday" beats
"Wednesday" and "the past two months" beats "two months".

Spans follow TimeML/TempEval-3 conventions: determiners and modifiers that are part of the
expression are in ("the third quarter", "last Friday", "about two years"), prepositions are out
("in June", "within two weeks"), "on" also between a clock time and its day: "at 6.10am on Wednesday" is
two expressions, the clock dated by the day (as the blind modern-news labels mark it; TBAQ has no
instance), while "10 p.m. Wednesday" is one (as TBAQ marks it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import (AMOUNT_MODIFIERS, CALENDAR_UNIT, DAY_ORDINALS, DECADE_WORDS, DIGITS, HALF, HOLIDAYS,
                      MONTH_WORDS, MONTHS, MOVABLE_FEASTS, NUMBER, ORDINAL, POINT_MODIFIERS, REFERENCE_WORDS, SEASONS, SET_ADVERBS,
                      SPELLED_NUMBER, SPELLED_YEAR, UNIT_WORD, WEEKDAYS, alternation, number_value)
from .prefilter import (ClauseWords, RunLengths, ascii_equivalent, first_char_gate, fold, match_reach, matches_near,
                        most_selective, required_clauses, satisfied)
from .tense import sentence_bounds

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    rule: str
    groups: dict[str, str | None]
    priority: int


_L = r"(?<![\w$.-])"       # left word boundary that also refuses "$1990", "-1990", "1.1990"
_FORMER_AFTER = re.compile(r"\s+(?:and|or|&)\s+former\b", re.I)
_FORMER_BEFORE = re.compile(r"\bformer\s+(?:and|or|&)\s+$", re.I)
# "for one night", "spent one night", "in one night": an amount, not a night of the story
_AMOUNT_BEFORE_ONE = re.compile(r"\b(?:for|in|within|over|during|spent|spend|spends|spending|stay|stayed|stays|"
                                r"staying|only|just|than|about|after|every|each|least|per|of|lasted|lasts|last|took|"
                                r"takes|take)\s+$", re.I)
# what may follow a weekday after "a" for the "a" to be the weekday's: the clause goes on, or a time of that day
_INDEFINITE_DAY_ENDS = (r"\s*(?:[.,;:!?)\"'”]|$|(?:in|at|on|of|and|or|but|when|while|with|before|after|to|for|during|"
                        r"lunchtime|last|this|the)\b)")
# the end of an amount of time that is not the first word of a compound ("a year-ending match", "day-to-day")
_AMOUNT_END = r"(?!\w|-[^\W\d_])"
_R = r"(?![\w%-]|\.\d|,\d)"  # right boundary that refuses "1990%", "1,990", "1990-91"
# "B.C." (its last dot may end the sentence: "221 B.C."), "BC", "BCE"
_BEFORE_CHRIST = r"\s+(?:B\.\s?C\.?(?:\s?E\.?)?|BCE?\b)"

MONTH = alternation(MONTH_WORDS)
# next to a day number or year even a bare abbreviation is a month ("Feb 3", "Jan 15, 2026"); _acceptable
# asks it to be capitalised
DATED_MONTH = alternation(MONTHS)
WEEKDAY = alternation(WEEKDAYS)
SEASON = alternation(SEASONS)
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
DAY = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|{alternation(DAY_ORDINALS)})"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
POINT_MOD = alternation([w for w in POINT_MODIFIERS if w != "mid-"])
AMOUNT_MOD = alternation(AMOUNT_MODIFIERS)
RELATIVE_WORD = r"(?:this|last|next|coming|past|previous|current|the\s+current|the\s+coming|the\s+past|" \
                r"the\s+previous|the\s+next|the\s+last|the\s+same)"
# an hour said with a part of day instead of a.m./p.m. ("at 4 in the morning", "at 8 o'clock tonight")
_SAID_HOUR = (r"(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\buntil\s))\d{1,2}(?:\s+o'clock)?(?=\s+(?:in\s+the\s+(?:morning|"
              r"afternoon|evening)|at\s+night|tonight|this\s+(?:morning|afternoon|evening)))|\d{1,2}\s+o'clock")
# a 24-hour clock without colon is taken only with its zone ("0735 GMT", "1930 local time"), else it reads as a
# year or amount
_MILITARY = r"(?:[01]\d|2[0-3])[0-5]\d(?=\s*(?:GMT|UTC|hrs|local\s+time)\b)"
# "p.m." keeps its last dot, "6pm." does not (there the dot ends the sentence)
MERIDIEM = r"[ap](?:\.m\.?|m)(?!\w)"
# "11.30pm", British style, only with its a.m./p.m. (else a decimal figure)
CLOCK = (rf"(?:\d{{1,2}}(?::\d{{2}}){{1,2}}\s*(?:{MERIDIEM})?|\d{{1,2}}\.[0-5]\d\s*{MERIDIEM}|\d{{1,2}}\s*{MERIDIEM}|{_SAID_HOUR}"
         rf"|{_MILITARY}(?:\s*hrs)?|noon|midnight|midday|mid-?afternoon|mid-?morning)")
# a zone is part of its clock (TimeML): the abbreviations, and "<Place> time" ("Hawaii time", "New York time"),
# told by the capital, so "at 4 p.m. The time ..." or "at 9 a.m. lunch time" stays out
_PLACE_TIME = r"(?-i:(?!(?:The|This|That|Each|Every|Any|Some|No|By|At|In|On|For|From)\s)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+time)(?!\w)"
ZONE_NAME = rf"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|PT|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|JST|local\s+time|(?:Eastern|Central|Mountain|Pacific)(?:\s+(?:Standard|Daylight))?\s+[Tt]ime|{_PLACE_TIME})"
ZONE = rf"(?:\s+{ZONE_NAME})?"
DAY_WORD = rf"(?:today|tonight|yesterday|tomorrow|{WEEKDAY})"
# a year in figures or, in transcripts, in words ("January nineteen ninety-seven")
SAID_YEAR = rf"(?:(?P<year>{YEAR}){_R}|(?P<spelled>{SPELLED_YEAR})(?![\w-]))"
# "this past weekend", "this coming Sunday": "this" only stresses the deixis of past/coming
THIS = r"(?:this\s+(?=(?:past|coming)\s))?"

# "the quarter ended Sept. 30": the date a reported period ended, read after the expression (not part of it)
# or "ending in March" (its last day), "which ends Dec. 31"; in British and financial usage "the quarter to
# September", "to end-September", "to the end of September"
_ENDED = (rf"(?:(?=,?\s+(?:(?:that|which)\s+)?(?P<end_verb>ended|ending|ends|will\s+end|to)\s+(?:(?P<end_month>{DATED_MONTH})\s+"
          rf"(?P<end_day>{DAY})(?!\d)|(?:in\s+|the\s+end\s+of\s+|end-)?(?P<end_month_only>{MONTH})(?!\w)"
          rf"(?!\.?\s*\d{{1,2}}(?!\d)))"
          rf"(?:,?\s+(?P<end_year>{YEAR}))?)|)")

# a year right after "in", "since", "during", "until" or "by" (a lookbehind from the year's end)
_AFTER_TIME_PREPOSITION = "|".join(rf"(?<=\b{word}\s\d{{4}})" for word in ("in", "since", "during", "until", "by"))
# between a month and its day a space, or none after an abbreviation's dot: wire copy drops it ("on Nov.1"), and
# the dot still ends the abbreviation, so the figure after it is the day
_MONTH_DAY_GAP = r"(?:\s+|(?<=\.)(?=\d))"

_QUARTER_ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_PLURAL_UNITS = r"(?:years|months|weeks|decades|days|centuries|hours|minutes)"
# nouns naming a stretch of time after an amount: "a three-year period", "24-hour-period"
_PERIOD_NOUN = r"(?:period|span|stretch|spell)(?![\w-])"
# a plural that ends its phrase ("over the years,"), where no words after it place it ("the weeks before the vote",
# "the years that followed", "the days _ in 1994")
_UNPLACED = r"(?=\s*(?:[.,;:!?)\"'”’]|$))"
# "within weeks or months", "in recent weeks and months": one stretch of unknown length said two ways, one
# expression (as the TBAQ gold of folds 1-4 marks both instances), valued by its first unit
_OR_UNITS = rf"(?:\s+(?:or|and)\s+{_PLURAL_UNITS})?"

# how often in a set, part of the expression as TimeML marks "twice a week" (freq 2X): "once every 108 years"; a
# count left vague is a frequency all the same ("a few times a week", "several times a year": freq "X")
_FREQUENCY = r"(?:once|twice|thrice|(?:two|three|four|five|six|\d+|a\s+few|several|many|a\s+couple\s+of)\s+times)"

# "by the year 2000", "in the year of 2002": the year named, one expression (not "the year" of the anchor)
_THE_YEAR = r"the\s+year\s+(?:of\s+)?"

# (rule name, pattern); earlier rules win ties of equal length
RULES: list[tuple[str, str]] = [
    ("iso_datetime", rf"{_L}(?P<date>\d{{4}}-\d{{2}}-\d{{2}})(?:[T ](?P<clock>\d{{2}}:\d{{2}}(?::\d{{2}})?))?{_R}"),
    ("numeric_date", rf"{_L}(?P<month>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>\d{{4}}|\d{{2}}){_R}"),
    ("clock_on_day", rf"{_L}(?:(?P<mod>around|about|approximately|shortly\s+(?:before|after))\s+)?(?P<clock>{CLOCK}){ZONE}"
                     rf"(?:\s+(?P<part>(?:this|last|yesterday)\s+(?:morning|afternoon|evening|night)|tonight|"
                     rf"in\s+the\s+(?:morning|afternoon|evening)|at\s+night)|,?\s+(?P<day>{DAY_WORD}|"
                     rf"{DATED_MONTH}\s+{DAY})(?:,\s*(?P<day_year>{YEAR}){_R})?"
                     # "at 7:30 Tuesday morning": the clock, its day and the part of it are one time (TimeML)
                     rf"(?:\s+(?P<day_part>{PART_OF_DAY}))?)?(?!\w)"),
    ("day_clock", rf"{_L}(?P<day>{DAY_WORD}|{DATED_MONTH}\s+{DAY}),?\s+at\s+(?:(?P<mod>about|around)\s+)?"
                  rf"(?P<clock>{CLOCK}){ZONE}(?!\w)"),
    ("weekday_date", rf"{_L}(?P<weekday>{WEEKDAY}),?\s+(?:(?P<month>{DATED_MONTH})\s+(?P<day>{DAY})|(?:the\s+)?"
                     rf"(?P<day_first>{DAY})\s+(?:of\s+)?(?P<month_after>{DATED_MONTH}))"
                     rf"(?:,?\s+(?P<year>{YEAR}))?{_R}"),
    ("month_day_year", rf"{_L}(?:(?P<mod>{POINT_MOD})\s+)?(?P<month>{DATED_MONTH}){_MONTH_DAY_GAP}(?P<day>{DAY}),?\s+(?P<year>{YEAR}){_R}"),
    ("day_month_year", rf"{_L}(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{DATED_MONTH}),?\s+(?P<year>{YEAR}){_R}"),
    ("week_of", rf"{_L}the\s+week\s+of\s+(?P<month>{DATED_MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?{_R}"),
    # "March 3", "on July 15 last year", "Sept. 8 of this year"
    ("month_day", rf"{_L}(?:(?P<mod>{POINT_MOD})\s+)?(?P<month>{DATED_MONTH}){_MONTH_DAY_GAP}(?P<day>{DAY})(?![\w%]|\.\d|,\d|-[^\d])"
                  rf"(?!\s*,?\s*{YEAR})(?:,?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year(?!\w))?"),
    ("day_month", rf"(?<![\w$.])(?<!\D-)(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{DATED_MONTH})(?!\w)"),
    # "signed on the 12th", "from the 3rd to the 9th": a day of the month around the anchor
    ("ordinal_day", rf"(?:(?<=\bon\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bsince\s)|(?<=\bfrom\s)|(?<=\bto\s))"
                    rf"the\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
                    rf"(?!\s*(?:to|and|or|-)\s*(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)\s+[a-z])"  # "the 11th to 13th century"
                    rf"(?=\s*(?:$|[.,;:)\"'”]|(?:and|or|when|while|at|in|to)\b))"),
    ("month_year", rf"{_L}(?:(?P<mod>{POINT_MOD})\s+|mid-)?(?P<month>{DATED_MONTH}),?\s+(?:of\s+)?{SAID_YEAR}"),
    ("month_relative_year", rf"{_L}(?:(?P<mod>{POINT_MOD})\s+)?(?P<month>{MONTH})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year(?!\w)"),
    # "gold for December delivery", "the March wheat contract": the delivery month of a futures contract
    ("delivery_month", rf"(?:(?<=\bfor\s)|(?<=\bthe\s))(?P<month>{MONTH})(?=\s+(?:[a-z]+\s+)?(?:delivery|contract|"
                       rf"futures|options)\b)"),
    # "last December", and with "last"/"next" a day of that month ("last December 17"); "the month of March" is one
    # expression, the month named in apposition (TIDES: the "of" phrase that names the unit is part of it)
    ("relative_month", rf"{_L}(?:(?P<mod>{POINT_MOD})[\s-]+|(?P<mid>mid-))?(?:{THIS}(?P<rel>last|next|this|that|coming|past)\s+|"
                       rf"the\s+month\s+of\s+)?"
                       rf"(?P<month>{MONTH})(?!\w)(?(rel)(?:\s+(?P<day>{DAY})(?![\w%]|\.\d|,\d|-[^\d])(?!\s*,?\s*{YEAR}))?|)"),
    ("decade", rf"{_L}(?:(?P<the>the)\s+)?(?:(?P<mod>early|late|mid|mid-)[\s-]?)?(?P<decade>(?:1[0-9]|20)\d0s|'\d0s|[3-9]0s){_R}"),
    ("decade_word", rf"{_L}the\s+(?:(?P<mod>early|late|mid)[\s-]+)?(?P<word>{alternation(DECADE_WORDS)})(?!\w)"),
    ("spelled_year", rf"{_L}(?P<the>the\s+year\s+)?(?P<words>{SPELLED_YEAR})(?![\w-])"),
    ("century", rf"{_L}(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?P<ordinal>{ORDINAL})[\s-]century(?P<bc>{_BEFORE_CHRIST})?{_R}"),
    # "221 B.C.", "3000 BC": a year counted back from the start of the era
    ("bc_year", rf"{_L}(?P<year>\d{{1,3}}(?:,\d{{3}})?|\d{{4}})(?P<bc>{_BEFORE_CHRIST}){_R}"),
    ("season_year", rf"{_L}(?:(?P<mod>{POINT_MOD})\s+)?(?:the\s+)?(?P<season>{SEASON})\s+(?:of\s+)?{SAID_YEAR}"),
    ("relative_season", rf"{_L}(?:(?P<mod>{POINT_MOD})\s+)?(?:{THIS}(?P<rel>this|last|next|past|coming|the|that)\s+)"
                        rf"(?:(?P<mod2>early|late)\s+)?(?P<season>{SEASON})(?!\w)"),
    # "the third-quarter loss": a hyphenated quarter is an adjective, its "the" belongs to the noun
    ("quarter", rf"{_L}(?:(?P<the>the)\s+(?!\w+-(?:quarter|half)\b))?(?:(?P<owner>{YEAR}|this\s+year|last\s+year|next\s+year)(?:'s)?\s+)?(?P<ago>year-ago\s+|year-earlier\s+)?(?P<fiscal>fiscal[\s-]+)?"
                rf"(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|final|last(?=[\s-]+(?:quarter|half)\s+of\s+"
                rf"(?:{YEAR}|this|last|next|the\s+(?:current\s+)?year)))"
                rf"(?P<fiscal_after>[\s-]+fiscal)?[\s-]+(?P<period>quarter|half)(?P<plural>(?<=quarter)s)?"
                rf"(?:\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<rel>this|last|next|the|the\s+current)\s+year))?{_R}"
                # "the final quarter in 2005", "the second quarter of fiscal 1990": the year read after the
                # expression ("2005", "fiscal 1990" are expressions of their own)
                rf"(?:(?=\s+(?:in|of\s+fiscal)\s+(?P<in_year>{YEAR}){_R})|){_ENDED}"),
    # "the second and fourth quarters (of 2025)": the first ordinal shares the head and year of the second, an
    # ellipsis; the determiner belongs to the whole coordination and stays out, as in the TBAQ gold
    ("elided_quarter", rf"(?<![\w-])(?P<ordinal>{_QUARTER_ORDINAL})(?=\s*(?:,|and|or|to|through)\s+(?:the\s+)?"
                       rf"{_QUARTER_ORDINAL}[\s-]+(?P<period>quarter)(?P<plural>s)?(?:\s+(?:of\s+)?(?P<year>{YEAR}))?{_R})"),
    # "the December quarter", "the June-quarter results": a quarter named by its last (or any) month; "the
    # July-to-September quarter" is "the July to September quarter" hyphenated as one modifier (wire copy)
    ("month_quarter", rf"{_L}(?:the\s+(?![\w.]+-quarter\b))?(?:(?P<first>{DATED_MONTH})\s*[-–/]\s*|(?P<from>{DATED_MONTH})(?:\s+to\s+|-to-))?"
                      rf"(?P<month>{DATED_MONTH})[\s-]+(?:quarter|(?P<period>period))(?:\s+(?:of\s+)?(?P<year>{YEAR}))?{_R}"),
    ("quarter_code", rf"{_L}(?P<code>[QH][1-4])(?:\s+(?P<year>{YEAR}))?{_R}"),
    ("named_quarter", rf"{_L}(?:(?P<the>the)\s+)?(?P<which>latest|current|same|previous|prior|preceding|year-ago|year-earlier|"
                      rf"prior-year|year-before|fiscal|just-ended|recent|past|last|comparable|year\s+earlier|{YEAR})?\s*"
                      rf"(?:(?<=\w)\s*fiscal\s+)?"  # "the year-earlier fiscal quarter", "the latest fiscal period"
                      # not "the quarter-finals", "the quarter-to-quarter comparison"
                      rf"(?P<period>quarter|period|half)(?![\w-]){_ENDED}"),
    # "the same period last year", "the same time a year ago", "the same quarter of 2024"
    ("same_period", rf"{_L}the\s+(?:same|corresponding|comparable|like)\s+(?P<period>period|quarter|time|month|week)\s+(?:of\s+|in\s+)?"
                    rf"(?:(?P<year>{YEAR}){_R}|(?P<then>last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+previous\s+year|"
                    rf"the\s+year\s+before|the\s+prior\s+year)(?!\w))"),
    ("year_ago_adjective", rf"{_L}(?P<which>year-earlier|year-ago|a\s+year\s+earlier|a\s+year\s+ago)(?=\s+(?:quarter|period|level|figure|results|profit|net|earnings|loss|month|week|sales))"),
    ("fiscal_year", rf"{_L}(?:(?P<mod>{POINT_MOD})\s+)?(?:(?P<the>the)\s+)?(?:(?:fiscal|calendar|financial|model)(?:\s+year)?\s+|FY\s?)"
                    rf"(?P<year>{YEAR})(?:[-–/](?P<end>{YEAR}|\d{{2}}))?{_R}|{_L}(?:FY|fiscal\s+['’])(?P<short>\d{{2}}){_R}"
                    # "the 1990 fiscal year": the year before its noun, one expression as "the current fiscal year" is
                    rf"|{_L}(?:the\s+)?(?P<year_first>{YEAR})\s+(?:fiscal|financial)\s+year(?![\w-])"),
    # a year before ", 5" is refused ("1990, 5" in a list of figures), not one before another year ("in 1994, 1995")
    # nor one after a preposition of time ("exports were $762 billion in 2005, 57.3 percent of which ...": a figure
    # is not "in" or "since" another figure, so the number is the year)
    ("year", rf"{_L}(?:(?P<mod>{POINT_MOD})\s+)?(?:(?P<mid>mid-)|(?P<side>pre-|post-)|{_THE_YEAR})?(?P<year>{YEAR}){_R}"
             rf"(?:(?!,\s*(?!{YEAR}{_R})\d)|{_AFTER_TIME_PREPOSITION})"),
    # "the 1950-53 war", "1997-98", "2006/07", "1992-1995": each end of a range of years is a date of its own
    # (TimeML marks the two points apart, as in "from 1995 to 1997"); the end is added by _range_end
    ("year_range", rf"{_L}(?:(?P<mod>{POINT_MOD})\s+)?(?:{_THE_YEAR})?(?P<year>{YEAR})(?=[-–/](?P<end>{YEAR}|\d{{2}}){_R})"),
    ("holiday", rf"{_L}(?P<name>{alternation({**HOLIDAYS, **MOVABLE_FEASTS})}|thanksgiving(?:\s+day)?|easter(?:\s+sunday)?)"
                rf"(?:,?\s+(?:of\s+)?(?P<year>{YEAR}){_R}|(?!\w))"),
    # "ring in the New Year", "talks resume in the new year": the year about to begin or just begun (not the day,
    # which "New Year's Day" names, nor a festival such as the Lunar New Year)
    ("new_year", rf"{_L}(?P<the>the\s+)?new\s+year(?![\w'’-]|\s+(?:day|eve)\b)"),
    ("ago", rf"{_L}(?:(?P<mod>{AMOUNT_MOD})\s+(?!the\b))?(?P<number>{NUMBER})\s+(?P<unit>{UNIT_WORD})s?(?:\s+or\s+so)?\s+"
            # "a year before" as "a year earlier", where no event follows it ("two days before the vote" counts
            # from the vote: the amount is the expression)
            rf"(?P<dir>ago|earlier|hence|from\s+now|back|before(?=\s*(?:$|[.,;:)\"'”]|(?:and|but)\b)))"
            # "20 years ago today", "50 years ago this month": the same day (week, month) that many years back, one
            # expression
            rf"(?:(?<=ago)\s+(?P<day>today|yesterday|this\s+(?:week|month)))?(?!\w)"),
    # "months ago" is a time before now; "days later", "years earlier" count from another event, so, as with
    # "three days later", the amount is the expression (a duration, ``bare_plural``) and "later" a signal
    ("plural_ago", rf"{_L}(?P<unit>{UNIT_WORD})s\s+(?P<dir>ago)(?!\w)"),
    ("day_relative", rf"{_L}(?:(?P<mod>early|late|earlier|later)\s+)?(?P<day>today|tonight|yesterday|tomorrow|"
                     rf"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
                     rf"(?:\s+(?P<part>{PART_OF_DAY}))?(?!\w)"),
    ("part_then_day", rf"{_L}(?:(?P<mod>early|late)\s+)?(?P<part>mid-?afternoon|morning|afternoon|evening|night)\s+"
                      rf"(?P<day>yesterday|today|tomorrow|{WEEKDAY})(?!\w)"),
    ("part_of_day", rf"{_L}(?:(?P<mod>early|late|earlier|later|mid)[\s-]+)?(?P<rel>this|last|tomorrow|yesterday)\s+(?P<part>{PART_OF_DAY}|overnight)(?!\w)"),
    ("weekday_of_week", rf"{_L}(?P<weekday>{WEEKDAY})\s+(?:of\s+)?(?P<rel>next|last|this)\s+week(?!\w)"),
    # "on a Tuesday", "at 2 p.m. on a Sunday": a weekday with "a" is one of its kind, no day to anchor (unless the
    # "a" is a following noun's: "a Sunday night memorial service")
    ("weekday", rf"{_L}(?:(?P<indefinite>a)\s+)?(?:(?P<mod>early|late)\s+)?"
                rf"(?:{THIS}(?P<rel>last|next|this|that|coming|past|previous)\s+)?"
                rf"(?P<weekday>{WEEKDAY})(?:\s+(?P<part>{PART_OF_DAY})(?P<every>s)?)?(?!\w)"
                rf"(?(indefinite)(?={_INDEFINITE_DAY_ENDS})|)"
                # "on Monday and Tuesday nights": the first day shares the plural head of the second (every Monday
                # night), an ellipsis the grammar fixes, not a convention; "Monday and Tuesday night" stays one night
                rf"(?=(?:\s+(?:and|or)\s+{WEEKDAY}\s+(?P<shared_part>{PART_OF_DAY})s(?!\w))?)"),
    ("anaphoric_unit", rf"{_L}(?:(?P<mod>earlier|later|early|late)\s+)?(?:(?P<rel>that\s+same|that|the\s+same|"
                       rf"the\s+following|the\s+previous|the\s+preceding|the\s+prior)\s+(?P<unit>day|week|month|year)|"
                       rf"(?P<rel2>the\s+next)\s+day|"
                       # "the year before", "the day after": a step when nothing follows that it would precede
                       rf"the\s+(?P<unit3>day|week|month|year)\s+(?P<rel3>before|after|earlier|later)"
                       rf"(?=\s*(?:$|[.,;:)\"'”]|(?:and|but|when|while|as|with|in|at|on)\b)))(?!\w)"),
    # "the next morning", "that night", "later that evening": a part of the day last told of
    ("anaphoric_part", rf"{_L}(?:(?P<mod>earlier|later|early|late)\s+)?(?P<rel>that\s+same|that|the\s+same|"
                       rf"the\s+following|the\s+next|the\s+previous)\s+(?P<part>morning|afternoon|evening|night)(?!\w)"),
    ("relative_unit", rf"{_L}(?:(?P<mod>{POINT_MOD})\s+(?:in\s+)?)?{THIS}(?P<rel>this|last|next|coming|past|previous|"
                      rf"the\s+current|the\s+coming|the\s+past|the\s+previous|the\s+next|the\s+last|the\s+same|"
                      rf"the\s+full|the\s+latest|the|current)\s+(?P<unit>week|weekend|month|quarter|(?:fiscal\s+)?year|decade|century)(?![\w-])"
                      # "the year ended June 30" and, in British and financial usage, "the year to January", "the
                      # week to Friday": a stretch of the unit up to that end
                      rf"(?:(?=\s+(?P<ended>ended|ending|to(?=\s+(?:(?:the\s+)?end\s+of\s+)?(?:{MONTH}|{WEEKDAY})\b))\b)|)"
                      # "the week following the crash", "the month before the vote": a unit placed by an event
                      # ("the week before last" is no event, "the year of $42" no event of the year; "the month of May"
                      # is placed by a date)
                      rf"(?:(?=\s+(?P<placed>following|after|before|preceding|of(?=\s+(?:(?:the|his|her|its|their)\s|{MONTH}\b)))"
                      rf"\s+(?!(?:last|next)\b(?!\s+\w)))|)"),
    ("year_end", rf"{_L}(?:(?P<mod>around|about)\s+)?(?P<which>year[\s-]end|year's\s+end|the\s+end\s+of\s+the\s+year)(?!\w)"),
    ("vague_recent", rf"{_L}(?P<which>recent|coming|past|last)\s+(?P<unit>{CALENDAR_UNIT}s|years|months|weeks|days|decades)"
                     rf"{_OR_UNITS}(?!\w)"),
    ("units_ahead", rf"{_L}(?:the\s+)?(?P<unit>hours|days|weeks|months|years|decades)\s+ahead(?!\w)"),
    ("set_rate", rf"{_L}(?:(?P<freq>{_FREQUENCY})\s+)?(?P<a>a|an|per)\s+"
                 # "$35 a night" is a rate like "$3 million a year": a hotel's price per night (TimeML's "twice
                 # a week" SET; a night counts as a day, as "nightly" does)
                 rf"(?P<unit>hour|day|night|week|month|quarter|year)(?!\w)"),
    ("indefinite_day", rf"{_L}(?P<word>someday|some\s+day|one\s+day)(?!\w)"),
    # "she went to a club one winter night", "one Sunday morning": a part of a day the text does not date, one of
    # its kind like "on a Tuesday" (TimeML leaves unknown what the text does not fix: XXXX-XX-XXTNI); the season
    # or weekday before it narrows no calendar day. "one recent night" is a night just past (PAST_REF)
    ("indefinite_part", rf"{_L}one\s+(?:(?P<recent>recent)\s+|(?P<season>{SEASON})\s+|(?P<weekday>{WEEKDAY})\s+)?"
                        rf"(?P<part>{PART_OF_DAY})(?![\w'’-])"),
    ("span_duration", rf"{_L}(?:(?P<mod>{AMOUNT_MOD})\s+(?!the\b))?(?P<number>{NUMBER})\s+(?P<link>to|or|and)\s+(?P<number2>{NUMBER})\s+"
                      rf"(?P<unit>{UNIT_WORD})s?{_AMOUNT_END}"),
    # "8 hours and 20 minutes", "two years, three months": one amount told in two units, the second the smaller
    ("compound_duration", rf"{_L}(?:(?P<mod>{AMOUNT_MOD})\s+(?!the\b))?(?P<number>{NUMBER})\s+(?P<unit>{UNIT_WORD})s?"
                          rf"(?:,\s*|\s+)(?:and\s+)?(?P<number2>{NUMBER})\s+(?P<unit2>{UNIT_WORD})s?{_AMOUNT_END}"),
    ("duration", rf"{_L}(?:(?P<mod>{AMOUNT_MOD})\s+(?!the\b))?(?:(?P<the>the)\s+)?(?:(?P<rel>past|last|next|first|coming|previous|"
                 rf"final|latest|following|remaining|preceding|year-earlier|year-ago|prior-year|(?:most\s+)?recent)\s+)?"
                 rf"(?P<number>{NUMBER})\s+(?P<more>more\s+|additional\s+|full\s+|split\s+|"
                 rf"straight\s+|consecutive\s+|trading\s+|business\s+|working\s+)?(?P<unit>{UNIT_WORD})s?(?P<half>{HALF})?"
                 rf"(?:\s+or\s+so)?{_AMOUNT_END}"),
    # "over a three-year period", "one 24-hour-period": a noun that only names a stretch of time, right after its
    # article or hyphenated, is the head of the amount; other nouns are not ("a three-hour meeting" is "three-hour"),
    # nor one with a word of its own between ("the extra seven-day period" is a thing granted: "seven-day")
    # (wire copy keeps a line-break hyphen as "two- day")
    ("adjective_duration", rf"{_L}(?:(?P<article>an?|the)\s+(?={NUMBER}- ?{UNIT_WORD}\s+{_PERIOD_NOUN}))?(?P<number>{NUMBER})- ?"
                           rf"(?P<unit>{UNIT_WORD})(?:-long|-{_PERIOD_NOUN}|(?(article)\s+{_PERIOD_NOUN}|(?!)))?(?![\w-])"),
    ("unit_long", rf"{_L}(?P<unit>{UNIT_WORD})(?P<plural>s)?-long(?![\w-])"),
    # "over the years": the article belongs to the expression as in "the past two years", unless words after the
    # plural place it ("in the weeks before the vote": the TBAQ gold marks "weeks")
    ("bare_plural", rf"{_L}(?:(?P<mod>{AMOUNT_MOD})\s+(?!the\b)|the\s+(?={_PLURAL_UNITS}(?!\w){_UNPLACED}))?"
                    rf"(?P<unit>{_PLURAL_UNITS}){_OR_UNITS}(?!\w)"),
    ("set_adverb", rf"{_L}(?P<word>{alternation(SET_ADVERBS)})(?!\w)"),
    ("set_every", rf"{_L}(?:(?P<freq>{_FREQUENCY})\s+)?(?P<every>every|each|per)\s+"
                  rf"(?:(?P<number>{NUMBER}|other)\s+)?(?P<what>{UNIT_WORD}s?|weekends?|"
                  rf"{PART_OF_DAY}|{WEEKDAY}|{MONTH}|{SEASON})(?!\w)"),
    # "on weekends", "at weekends": every one
    ("weekends", rf"(?:(?<=\bon\s)|(?<=\bat\s)|(?<=\bover\s))weekends(?!\w)"),
    ("reference", rf"{_L}(?P<word>{alternation(REFERENCE_WORDS)})(?!\w)"),
]


def _compiled(pattern: str) -> re.Pattern:
    """The rule's expression behind a gate on its first character (same matches, found sooner)."""
    gate = first_char_gate(pattern, re.I)
    return re.compile(f"{gate}(?:{pattern})" if gate else pattern, re.I)


COMPILED = [(name, _compiled(pattern)) for name, pattern in RULES]
# the same rules with ASCII classes and case folding (``re.ASCII``), which ``re`` matches without a
# Unicode case look-up per character compared: about a fifth of the recogniser's instructions were
# those look-ups. Used only for texts where both give the same matches (``ascii_equivalent``).
ASCII_COMPILED = [(name, re.compile(pattern.pattern, re.I | re.ASCII)) for name, pattern in COMPILED]
# the literal words each rule's matches need: a rule whose words are not in the text is not run
_REQUIRED = [required_clauses(pattern) for _, pattern in COMPILED]
# how far from its clause words a rule's match can reach: a rule runs only around those words
_REACH = [match_reach(pattern) for _, pattern in COMPILED]
# the clause whose words are placed: the one least likely to hold by chance
_PLACED = [most_selective(clauses) if clauses else None for clauses in _REQUIRED]
_CASE_SENSITIVE_MONTHS = {"may", "march"}
# "between March and May", "from April to May", "March-May": a month paired with another month is the month, not the
# modal (a modal does not follow "and" after a month name: "prices fell in March and may fall again" keeps "may"
# lower-case, which the capital test already refuses)
_MONTH_PAIRED_BEFORE = re.compile(rf"\b{MONTH}\s*(?:(?:and|or|to|through|until|till)\s+|[-–]\s*)$", re.I)


def find_candidates(text: str, doc: "Doc | None" = None) -> list[Candidate]:
    """Every rule match in ``text``, overlaps settled longest first (then earliest rule); ``doc``, a parse of the
    text, tells a verb's particle "around" from an approximation."""
    found = []
    folded, seen = fold(text), {}
    rules = ASCII_COMPILED if ascii_equivalent(text) else COMPILED
    runs, words = RunLengths(text, rules[0][1].flags), ClauseWords(folded)
    for priority, (name, pattern) in enumerate(rules):
        if not satisfied(_REQUIRED[priority], folded, seen):
            continue  # cannot match: a word every match needs is not in the text
        for match in _matches(pattern, text, priority, runs, words):
            start, end = _trim(text, match.start(), match.end())
            start = _extent_start(name, text, start)
            groups = match.groupdict()
            if _mod_is_no_amount_modifier(groups, text, start, doc):
                start, groups = start + len(groups["mod"]), {**groups, "mod": None}
                start, end = _trim(text, start, end)
            if name == "weekday" and _that_is_a_conjunction(groups, text, match):
                start, groups = match.start("weekday"), {**groups, "rel": None, "mod": None}
            if end > start and _acceptable(name, match) and not _is_name(name, text, start, end):
                found.append(Candidate(start, end, name, groups, priority))
                if name == "year_range":
                    found.append(_range_end(match, priority))
    return _without_overlaps(found)


def _matches(pattern: re.Pattern, text: str, priority: int, runs: RunLengths, words: ClauseWords):
    """The rule's matches, searched for only near its clause words where those are few (each position
    ``re`` tries costs, matching or not, and most rules match nowhere near most positions)."""
    reach, clause = _REACH[priority], _PLACED[priority]
    if reach is None or clause is None or words.count(clause) * 2 * reach.ahead[0] > len(text):
        return pattern.finditer(text)  # no bound, or its words are everywhere: no range would be left out
    return matches_near(pattern, text, reach, words.places(clause), runs, most_covered=0.5)


def _range_end(match: re.Match, priority: int) -> Candidate:
    """The later year of "1950-53" or "1992-1995" as a year of its own ("53" is 1953)."""
    return Candidate(match.start("end"), match.end("end"), "year", {"year": str(_end_year(match))}, priority)


def _end_year(match: re.Match) -> int:
    """The full later year of a range: "1999-00" ends in 2000, "1997-98" in 1998."""
    start, end = int(match.group("year")), match.group("end")
    if len(end) == 4:
        return int(end)
    full = start - start % 100 + int(end)
    return full + 100 if full <= start else full


def _extent_start(rule: str, text: str, start: int) -> int:
    """Where the expression starts once words that TimeML leaves outside are skipped: "last" as the
    verb after "to" or a modal ("expected to last six weeks", "could last weeks"; a duration's value
    does not use it), and "about" ("about two weeks", "at about 10 a.m."), which the TBAQ gold of
    folds 1-4 leaves out five times in six (its meaning stays in the mod, APPROX)."""
    verb = _LAST_VERB.match(text, start)
    if rule in _AMOUNT_RULES and verb and _VERB_INTRODUCER.search(text, max(0, start - 12), start):
        return verb.end()
    about = _ABOUT.match(text, start)
    return about.end() if about and about.end() < len(text) else start


_LAST_VERB = re.compile(r"last\s+", re.I)
_VERB_INTRODUCER = re.compile(r"(?:\b(?:to|will|would|could|can|may|might|must|shall|should|did|does|do|not|"
                              r"cannot)|n't|'ll)\s+$", re.I)
_AMOUNT_RULES = frozenset({"duration", "vague_recent"})
# verbs of reversal, whose "around" is a particle, with a short object between ("turned things around"); the parse
# reads "turned around four hours" as "around four hours", so they are named
_PARTICLE_VERB = re.compile(r"\b(?:turn(?:s|ed|ing)?|swing(?:s|ing)?|swung|spin(?:s|ning)?|spun|flip(?:s|ped|ping)?)"
                            r"(?:\s+(?:it|them|things|this|that|him|her|itself|themselves))?\s+$", re.I)
_ABOUT = re.compile(r"about\s+", re.I)


def _mod_is_no_amount_modifier(groups: dict, text: str, start: int, doc: "Doc | None") -> bool:
    """Whether the word read as the amount's modifier is another word: "around" as a verb's particle, "over" as
    the preposition "across" ("repaid over five years")."""
    mod = (groups.get("mod") or "").lower()
    return (mod == "around" and _is_verb_particle(text, start, doc)) \
        or (mod == "over" and not _OVER_AS_MORE_THAN.search(text, max(0, start - 16), start))


# "over" means "more than" after a preposition or a verb of lasting ("in over a century", "for over an hour",
# "likely to last over a week"); elsewhere it is the preposition ("spread over two years") or a particle ("took
# over a year ago": took charge)
_OVER_AS_MORE_THAN = re.compile(r"\b(?:in|for|of|after|within|than|since|last(?:s|ed|ing)?|spen[dt]|wait(?:s|ed|ing)?)\s+$",
                                re.I)


def _that_is_a_conjunction(groups: dict, text: str, match: re.Match) -> bool:
    """"told AFP that Friday's demonstration was peaceful", "said that Monday the talks failed": "that" opens the
    reported clause, it is no "that Friday" pointing back to a day named before."""
    if (groups.get("rel") or "").lower() != "that":
        return False
    return text.startswith(("'s", "’s"), match.end("weekday")) \
        or bool(_REPORTING_BEFORE.search(text, max(0, match.start() - 40), match.start("rel")))


_REPORTING_BEFORE = re.compile(r"\b(?:said|says|say|told(?:\s+[\w.]+){1,2}|announced|added|stated|reported|noted|"
                               r"claimed|insisted|confirmed|warned|believes?|believed|thinks?|thought|hopes?|hoped|"
                               r"expects?|expected|know|knew|knows)\s+$", re.I)


def _is_speed_of_work(match: re.Match) -> bool:
    """"3 trillion operations per second", "120 words per minute": a count per second or minute is a speed, as
    "miles per hour" is, not a time that recurs (TimeML marks neither); "every minute" stays a set."""
    return match.group("every").lower() == "per" and match.group("what").lower() in ("second", "minute") \
        and not match.group("freq")


def _is_indefinite_day(match: re.Match) -> bool:
    """"one day" (or "some day") as a time left open, which the recogniser resolves as one to come (TIDES 2005 and
    TimeML give such a time a *_REF value), not an amount of one day. It is one between subject or modal and verb,
    or right before a modal ("the Church one day may"), or opening a sentence or reported clause with a modal ahead;
    after a verb's object, before an infinitive or closing its clause only in a clause not yet realised, one with a
    modal or "to" before it or opened by a verb of wishing ("to get them one day to Mars", "hopes one day to
    visit"): in a told clause ("met him one day", "went one day to buy") the day is
    past and stays as before. No word that takes a length of time may stand before it ("took one day to build")."""
    text, start = match.string, match.start()
    if match.group("word").lower() == "someday":
        return True  # one word, never an amount
    if _INDEFINITE_BEFORE.search(text, max(0, start - 12), start):
        return True
    if _AMOUNT_TAKER_BEFORE.search(text, max(0, start - 30), start):
        return False
    if _MODAL_AFTER.match(text, match.end()):
        return True
    if _opens_its_clause(text, start) and _MODAL_AHEAD.match(text, match.end()):
        return True
    if _DETERMINER_BEFORE.search(text, max(0, start - 8), start):
        return False  # "in the one day", "that one day": a day of the story, not an open one
    adverbial = _OBJECT_BEFORE.search(text, max(0, start - 8), start) or _INFINITIVE_AFTER.match(text, match.end()) \
        or _CLAUSE_END_AFTER.match(text, match.end())
    return bool(adverbial) and _is_unrealised_clause(text, start)


def _opens_its_clause(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence or a reported clause ("One day the port could ...", "said that one day
    ..."): the "that" of a reporting verb opens a clause, not a demonstrative "that one day"."""
    if _SENTENCE_OPENER_BEFORE.search(text, max(0, start - 4), start) or start == 0:
        return True
    that = _THAT_BEFORE.search(text, max(0, start - 6), start)
    return bool(that) and bool(_REPORTING_BEFORE.search(text, max(0, that.start() - 40), that.start()))


def _is_unrealised_clause(text: str, start: int) -> bool:
    """Whether the clause before ``start`` tells what is still to happen: a modal or "to" before the verb, or a
    verb of wishing or intent right before ("hopes", "wants", "dreams of")."""
    clause_start = max(0, start - 80)
    for end in (text.rfind(mark, clause_start, start) for mark in ".;:!?\n"):
        clause_start = max(clause_start, end + 1)
    return bool(_WISH_BEFORE.search(text, clause_start, start)
                or _UNREALISED_IN_CLAUSE.search(text, clause_start, start))


def _is_verb_particle(text: str, start: int, doc: "Doc | None") -> bool:
    """Whether "around" at ``start`` is the particle of a phrasal verb ("came around last week", "the plane turned
    around four hours into the flight", "turned things around two years ago"), which says nothing of the amount
    after it (no APPROX): the parse says so (dep ``prt``) or a verb of reversal stands before it."""
    word = doc.char_span(start, start + len("around")) if doc is not None else None
    return bool(word is not None and word[0].dep_ == "prt") \
        or bool(_PARTICLE_VERB.search(text, max(0, start - 28), start))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,\t\n":
        end -= 1
    while start < end and text[start] in " \t\n":
        start += 1
    return start, end


def _acceptable(name: str, match: re.Match) -> bool:
    """Guards a regex cannot say well: "may"/"march" as verbs, lower-case weekday homographs."""
    month = match.groupdict().get("month") or match.groupdict().get("month_after")
    if month and month[0].isalpha() and (month.lower() in _CASE_SENSITIVE_MONTHS or month.lower() not in MONTH_WORDS) \
            and not month[0].isupper():
        return False
    if name == "relative_month" and month and month.lower() == "may" and not match.group("rel") \
            and not match.group("mod"):
        at = match.start("month")  # the words before the month itself ("the month of May")
        before = match.string[max(0, at - 12):at].lower()
        return bool(re.search(r"\b(?:in|since|until|by|of|through|during|from|last|early|late)\s+$", before)) \
            or bool(_MONTH_PAIRED_BEFORE.search(match.string, max(0, at - 24), at))
    if name == "relative_month" and month and month.lower() == "march" and not match.group("rel") \
            and _is_march_by_name(match):
        return False
    if name in ("clock_on_day", "day_clock") and _is_bare_colon_figure(match):
        return False
    if name in ("clock_on_day", "day_clock") and match.group("clock").lower() == "midnight" \
            and _COLOUR_AFTER.match(match.string, match.end("clock")):
        return False  # "midnight blue", "his midnight cherry Tesla Roadster": a colour
    if name in ("quarter", "elided_quarter", "named_quarter") and _is_period_of_play(match):
        return False
    if name == "set_every" and match.group("what").lower() in ("quarter", "half") and _is_period_of_play(match):
        return False  # "a touchdown in each quarter"
    if _LIGHT_BEFORE.search(match.string, max(0, match.start() - 7), match.start()) \
            or _LIGHT_YEARS.match(match.string, match.start()):
        return False  # "3.8 billion light years away", "a light-year": a distance
    if name == "holiday" and not match.group("name")[0].isupper():
        return False  # "a may day for the crew", "flag day rules": a feast is written with capitals
    if name == "holiday" and _THING_NAMED_FOR_A_FEAST.match(match.string, match.end()):
        return False  # "Christmas lights", "the Christmas Market attack", "Christmas Island": no day
    if name == "quarter_code":
        return match.group("code")[0].isupper() and match.group("code") not in ("H3", "H4")  # "Q3", "H1"
    weekday = match.groupdict().get("weekday")
    if weekday and not weekday[0].isupper():
        return False
    if name == "reference" and match.group("word").lower() == "future":
        return False  # an adjective alone ("future losses")
    if name == "reference" and match.group("word").lower() == "current" \
            and _NOT_NOW_AFTER.match(match.string, match.end()):
        return False  # "the current account deficit", "an electric current": no time
    if name == "reference" and match.group("word").lower() == "current" and _is_paired_with_former(match):
        return False
    if name == "reference" and match.group("word").lower().startswith("the present") \
            and not (_PHRASE_END.match(match.string, match.end())
                     and _PRESENT_BEFORE.search(match.string, max(0, match.start() - 10), match.start())):
        return False  # "the present system", "believed the present, majority system": an adjective
    if name == "reference" and match.group("word").lower() == "the past" \
            and _COUNTED_AFTER.match(match.string, match.end()):
        return False  # "the past five elections", "the past three summers": a count of things, not the past
    if name == "new_year":
        return (bool(match.group("the")) or match.group().startswith("New Year")) \
            and not _FESTIVAL_BEFORE.search(match.string, max(0, match.start() - 12), match.start())
    if name == "spelled_year" and match.group("words").lower().startswith("two thousand"):
        return bool(match.group("the"))  # "two thousand" alone is a count
    if name == "set_adverb" and _NAME_AFTER.match(match.string, match.end()):
        return False  # "the Communist Party daily Granma": a newspaper
    if name in _RATE_RULES and _SPEED_BEFORE.search(match.string, max(0, match.start() - 20), match.start()):
        return False  # "40 miles per hour", "30 km an hour": a speed, which TimeML does not mark
    if name == "set_every" and _is_speed_of_work(match):
        return False
    if name == "set_rate":
        before = max(0, match.start() - 40)
        return match.group("a").lower() == "per" or bool(match.group("freq")) \
            or bool(_RATE_CONTEXT.search(match.string, before, match.start())) \
            or bool(_COUNTED_THINGS.search(match.string, before, match.start()))
    if name in ("duration", "bare_plural", "span_duration", "adjective_duration", "compound_duration") \
            and _AGE.match(match.string, match.end()):
        return False
    if name == "compound_duration":  # counted amounts, the second in the smaller unit
        return _UNIT_RANK[match.group("unit2").lower()] < _UNIT_RANK[match.group("unit").lower()] \
            and all(isinstance(number_value(match.group(n)), float) for n in ("number", "number2"))
    if name in ("duration", "adjective_duration") and re.fullmatch(YEAR, match.group("number")):
        return False
    if name == "duration" and (_is_ordinal_second(match) or _is_fraction_quarter(match)):
        return False
    if name == "span_duration" and match.group("link").lower() == "and" \
            and re.search(r"(?:hundred|thousand)$", match.group("number"), re.I):
        return False  # "one hundred and twenty days" is one number, not a range
    if name == "relative_unit" and match.group("rel").lower().split() == ["the", "last"] \
            and _FINAL_OF.match(match.string, match.end()):
        return False  # "the last year of the war", "2012, the last year covered by the rules": the final one
    if name == "relative_season" and match.group("rel").lower() == "that" \
            and match.group("season").lower() in ("fall", "spring"):
        return bool(_CLAUSE_BREAK.match(match.string, match.end()))  # "stocks that fall", "that spring up"
    if name == "relative_season" and match.group("rel").lower() == "the" and not match.group("mod"):
        return _is_season_noun_phrase(match)
    if name == "year_end" and _is_year_end_adjective(match):
        return False
    if name == "day_relative" and _is_era_today(match):
        return False
    if name == "indefinite_part":
        return match.group("part").islower() \
            and not _AMOUNT_BEFORE_ONE.search(match.string, max(0, match.start() - 12), match.start())
    if name == "indefinite_day":
        return _is_indefinite_day(match)
    if name == "plural_ago" and _COUNTED_BEFORE.search(match.string, max(0, match.start() - 30), match.start()):
        return False  # "three days later": the amount is the expression ("three days"), "later" a signal
    if name == "decade" and len(match.group("decade")) == 3:  # "the 90s", not "highs in the 90s" or "in their 60s"
        if _LISTED_DECADE_BEFORE.search(match.string, max(0, match.start() - 40), match.start()):
            return True  # "in the 1960s, 70s and 80s": the decades of a list share the first one's century
        return bool(match.group("the")) and not _MEASURE_AROUND.search(
            match.string, max(0, match.start() - 60), min(len(match.string), match.end() + 30))
    if name == "month_quarter" and match.group("period"):
        # "the October-December period": three months, a quarter; "the January-September period": nine months
        # of one year, the stretch "the first nine months" names (a duration, as the TBAQ gold writes that)
        first = MONTHS.get((match.group("first") or match.group("from") or "").lower().rstrip("."))
        return first is not None and MONTHS[match.group("month").lower().rstrip(".")] > first
    if name == "bare_plural" and (_OWNER_BEFORE.search(match.string, max(0, match.start() - 30), match.start())
                                  or _APART.match(match.string, match.end())
                                  or _COUNTED_BEFORE.search(match.string, max(0, match.start() - 30), match.start())):
        # "in its early days", "beyond his years": a time of a life; "minutes apart": a gap; "60 Minutes" refused
        # as a name: its unit alone is no expression either
        return False
    if name == "bare_plural" and match.group("unit").lower() == "hours" \
            and _KIND_OF_HOURS.search(match.string, max(0, match.start() - 20), match.start()):
        return False  # "office hours", "in the early hours of Sunday": a kind or a time of day, no stretch
    if name == "fiscal_year" and match.group("end"):
        return _end_year(match) - int(match.group("year")) == 1  # "fiscal 1996-97": one fiscal year
    if name == "year_range":
        # a life or an era ("1879-1968") at most, "1997-45" is no range; not counted things ("1500-2000 troops")
        longest = 100 if len(match.group("end")) == 4 else 30
        return 0 < _end_year(match) - int(match.group("year")) <= longest \
            and not _COUNTED_NOUN.match(match.string, match.end("end"))
    if name == "year" and not match.group("mod") and not match.group("side"):
        listed = _LISTED_YEAR.match(match.string, match.end())  # "in 1994, 1995 and 1997", not "1500, 2000 troops"
        if listed and abs(int(listed.group(1)) - int(match.group("year"))) > 30:
            return False
        return (not _COUNTED_NOUN.match(match.string, match.end()) or _names_events_of_the_year(match)) \
            and not _is_dimension(match) and not _is_identifier(match) and not _is_part_of_a_name(match)
    return True


def _is_paired_with_former(match: re.Match) -> bool:
    """"current and former world leaders", "former or current staff": "current" set against "former" names a status
    (in office, not any more) as "former" does, not a time: the gold of the TBAQ dev folds and of the news and
    newswire method halves never marks "former" (0 of 35 uses) and leaves the one such "current" unmarked."""
    return bool(_FORMER_AFTER.match(match.string, match.end())
                or _FORMER_BEFORE.search(match.string, max(0, match.start() - 14), match.start()))


def _names_events_of_the_year(match: re.Match) -> bool:
    """"since the 1987 coups", "the 1992 protests", "the Shanghai 2002 semifinals": after "the", a year of this era before a plural names the
    events of that year; "the 2000 troops", "the 1500 dollars" are counted (people, money, measures)."""
    return 1900 <= int(match.group("year")) <= 2099 and bool(_THE_BEFORE.search(match.string, 0, match.start())) \
        and not _COUNTED_KIND.match(match.string, match.end())


def _is_march_by_name(match: re.Match) -> bool:
    """"the March for Life", "the ``March of the Combatant Mothers''", "the Women's March in London": a procession by
    name ("Trump's March visit" names the visit's month); "the Long March 4C rocket", "Long March-5": a model's name
    (a bare month is not followed by a figure that is no day of it)."""
    text, start = match.string, match.start()
    if _MODEL_NUMBER.match(text, match.end()):
        return True
    if _NAMED_OWNER_BEFORE.search(text, max(0, start - 30), start):  # not "Trump's March visit", a month's event
        return not _NOUN_NEXT.match(text, match.end())
    return bool(_MARCH_NAME.match(text, match.end()) and _NAME_BEFORE.search(text, max(0, start - 20), start))


def _is_part_of_a_name(match: re.Match) -> bool:
    """"a venture called Orion 1980", "his 1987 Chevrolet Cavalier": a year inside the name of a firm, a product or
    a car's model, which TimeML leaves unmarked (TIDES "Non-Markable Proper Names"; the TBAQ dev gold leaves both
    unmarked). Only two cues are taken, a name just introduced by a naming verb and a model year before a car's make:
    a name for an event keeps its year ("the 2000 Olympics", "World Series 2016" are marked), and a capital before a
    year alone cannot tell a product from an event."""
    text = match.string
    named = _NAMED_BEFORE.search(text, max(0, match.start() - 80), match.start())
    return bool(named and not _EVENT_WORD.search(named.group())) or bool(_CAR_MAKE_AFTER.match(text, match.end()))


def _is_identifier(match: re.Match) -> bool:
    """"Security Council Resolution 1718", "Flight 1549", "Article 2000": a number after the noun it numbers."""
    return bool(_NUMBERED_BEFORE.search(match.string, max(0, match.start() - 14), match.start()))


# "called Orion 1980", "a group named 'Freedom 2000'": a naming verb, then the name's capitalised words up to the year
_NAMED_BEFORE = re.compile(r"(?:\w+\s+)?\b(?:called|named|dubbed|titled|entitled|code-?named|known\s+as)\s+[\"“'‘]?"
                           r"(?:[A-Z][\w&.'’-]*\s+){1,4}$")
# an event named with its year keeps the year, as a date of the event ("an exercise dubbed Friendship 2006", "the
# event entitled Fashion Week 2005"): the thing named or the name is an event
_EVENT_WORD = re.compile(r"\b(?:events?|exercises?|drills?|games|tournaments?|festivals?|conferences?|summits?|forums?|"
                         r"fairs?|shows?|exhibitions?|expo|week|championships?|cup|olympics|series|races?|marathon|"
                         r"congress|conventions?|meetings?|celebrations?|competitions?|contests?|elections?)\b", re.I)
# a model year: "a 2015 Toyota Camry"; Ford, also a name, only with a capitalised model after it ("the 1976 Ford
# campaign" is the president's); makes that are common words or prizes (Mercury, Lincoln, Jaguar) are left out
_CAR_MAKE_AFTER = re.compile(r"\s+(?:(?:Chevrolet|Chevy|Toyota|Honda|Nissan|Dodge|Buick|Cadillac|Pontiac|Oldsmobile|"
                             r"Chrysler|Jeep|Plymouth|Volkswagen|BMW|Mercedes(?:-Benz)?|Audi|Porsche|Volvo|Saab|Mazda|"
                             r"Subaru|Mitsubishi|Hyundai|Kia|Lexus|Acura|Infiniti|Datsun|Peugeot|Renault|Fiat)\b"
                             r"|Ford\s+(?!(?:Administration|Foundation|Motor|Center|Memorial|Library)\b)[A-Z][\w-]*)")
_NUMBERED_BEFORE = re.compile(r"\b(?:resolutions?|no\.|nos\.|number|articles?|section|flight|route|highway|chapter|"
                              r"pages?|room|paragraph|decree|item)\s+$", re.I)


def _is_dimension(match: re.Match) -> bool:
    """"1024*768", "1920 x 1080": a figure multiplied by another is a size (a screen's), not a year."""
    return bool(_TIMES_AFTER.match(match.string, match.end())
                or _TIMES_BEFORE.search(match.string, max(0, match.start() - 8), match.start()))


def _is_name(rule: str, text: str, start: int, end: int) -> bool:
    """A match that is part of a title or name (a counted unit keeps its meaning there); a clock's "<Place>
    time" zone is capitalised as a name is, so only the words before it are asked."""
    zone = _PLACE_ZONE.search(text, start, end) if rule in ("clock_on_day", "day_clock") else None
    return rule not in _COUNTED_RULES and _in_a_name(text, start, zone.start() if zone else end)


_PLACE_ZONE = re.compile(rf"\s{_PLACE_TIME}")


def _in_a_name(text: str, start: int, end: int) -> bool:
    """"USA TODAY", "hosts This Morning", ABC's "This Week", CBS's "60 Minutes", "the film High
    Noon": a word that running text writes in lower case ("today", "week", "noon") but that is
    capitalised where no sentence starts is part of a title or name, not a time expression."""
    if _in_title_case_line(text, start):
        return False  # a headline capitalises every word: "Couple Split After 4 Years"
    for word in _WORD.finditer(text, start, end):
        if not word.group()[0].isupper() or word.group().lower() in _PROPER_WORDS:
            continue
        inside = word.start() > start  # "60 Minutes", "This Week": a capital inside the expression
        if inside or (not _opens_sentence(text, word.start()) and _follows_a_capital(text, word.start())):
            return True
    return False


def _follows_a_capital(text: str, index: int) -> bool:
    """The word before ``index`` is capitalised or a possessive ("Florida Today", "Radio 4's Today"): a
    lone capital after a lower-case word or a figure ("28 November 2017 This year's ...") more likely
    opens an unpunctuated sentence."""
    before = _PREVIOUS_WORD.search(text, max(0, index - 40), index)
    return bool(before) and (before.group(1)[0].isupper() or before.group(1).endswith(("'s", "’s")))


def _in_title_case_line(text: str, index: int) -> bool:
    """A line whose longer words (three or more of them) all start with a capital is a headline."""
    left = text.rfind("\n", 0, index) + 1
    right = text.find("\n", index)
    words = [w for w in re.findall(r"[A-Za-z]+", text[left:right if right >= 0 else len(text)]) if len(w) > 3]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _opens_sentence(text: str, index: int) -> bool:
    """Whether a capital is expected at ``index``: the text or a line opens there, or a sentence,
    quote or bracket does."""
    before = text[max(0, index - 8):index].rstrip(" \t")
    return not before or before[-1] in _OPENERS


_WORD = re.compile(r"[A-Za-z]+(?:'s)?")
_PREVIOUS_WORD = re.compile(r"([A-Za-z0-9][\w'’.&-]*)\s+$")
# a counted unit keeps its meaning inside a name: "the Six-Day War", "the 11th Century"; "the New Year" is
# written with capitals as a name of its own
_COUNTED_RULES = frozenset({"adjective_duration", "century", "decade", "decade_word", "new_year"})
# words written capitalised anywhere: names of months, days, holidays ("July Fourth"), time zones
_PROPER_WORDS = {*MONTHS, *WEEKDAYS, *(word for name in {**HOLIDAYS, **MOVABLE_FEASTS} for word in name.split()),
                 "thanksgiving", "easter",
                 *(part for ordinal in DAY_ORDINALS for part in re.split(r"[\s-]", ordinal)),
                 "day", "eve", "christmas", "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et",
                 "ct", "pt", "eastern", "central", "mountain", "pacific", "standard", "daylight", "time", "bst", "cet", "cest", "eet", "eest", "msk", "ist", "jst", "q", "h", "fy", "a", "p", "m", "am", "pm",
                 "b", "c", "e", "bc", "bce"}
_OPENERS = set(".!?:;\n\"'`([“‘—–_-•·*>…")


def _is_bare_colon_figure(match: re.Match) -> bool:
    """"1:21" beside a video title, "won 2:1", "John 3:16": figures with a colon are a clock time
    only with a.m./p.m., a time zone, or a word that introduces a time ("at 14:30", "until 9:00")."""
    clock = match.group("clock")
    if not _BARE_COLON.fullmatch(clock) or _ZONE_AFTER.match(match.string, match.end("clock")):
        return False
    if _HOUR_MINUTE.fullmatch(clock) and match.groupdict().get("part"):
        return False  # "2:30 this afternoon": a part of the day after it tells an hour, as a zone does
    return not _CLOCK_INTRODUCER.search(match.string, max(0, match.start("clock") - 30), match.start("clock"))


_BARE_COLON = re.compile(r"\d{1,2}(?::\d{2}){1,2}")
_HOUR_MINUTE = re.compile(r"\d{1,2}:[0-5]\d")  # not "2:01:39", a race's time
_ZONE_AFTER = re.compile(rf"\s+{ZONE_NAME}\b")
_CLOCK_INTRODUCER = re.compile(r"\b(?:at|by|until|till|from|to|before|after|around|about|approximately|since|"
                               r"shortly|just|between|and|o'clock)\s+$", re.I)


def _is_period_of_play(match: re.Match) -> bool:
    """"scored in the fourth quarter", "the second half" of a match: a quarter or half without a
    year, in a sentence about a game, is a period of play, not of the calendar."""
    groups = match.groupdict()
    if groups.get("year") or groups.get("owner") or groups.get("fiscal") or groups.get("rel"):
        return False
    left, right = sentence_bounds(match.string, match.start(), match.end())
    return bool(_PLAY_WORDS.search(match.string, left, right))


_LIGHT_BEFORE = re.compile(r"\blight[\s-]+$", re.I)
_LIGHT_YEARS = re.compile(r"(?:[\w.,]+[\s-]+){0,3}?light[\s-]+years?\b", re.I)
_COLOUR_AFTER = re.compile(r"[\s-]+(?:blue|black|cherry|purple|green|navy|grey|gray)\b", re.I)
# nouns that a feast's name makes into a thing or a place, not a time ("Christmas tree", "Easter eggs"); "Christmas
# party", "Christmas shopping" or "Christmas Eve" keep the day
_THING_NAMED_FOR_A_FEAST = re.compile(r"\s+(?:lights?|trees?|markets?|cards?|carols?|decorations?|ornaments?|pudding|"
                                      r"crackers?|jumpers?|sweaters?|stockings?|eggs?|bunny|bunnies|island|songs?|"
                                      r"movies?|films?|specials?|albums?|number\s+one|tree\s+lighting)\b", re.I)
_PLAY_WORDS = re.compile(r"\b(?:touchdowns?|field\s+goals?|goals?|halftime|half-time|innings?|quarterback|rebounds|"
                         r"assists|yards|overtime|scored|scoring|scoreboard|penalty|kick-?off|buzzer|the\s+game|"
                         r"the\s+match|coach|referee|tries|goalkeeper|striker|pitcher|took\s+the\s+lead|"
                         r"\d+-\d+\s+(?:run|lead|win|victory|defeat)|points\s+(?:in|over|behind|ahead))\b", re.I)


def _is_era_today(match: re.Match) -> bool:
    """"today's youth", "in today's world", "the leaders of tomorrow": "today" and "tomorrow" said of an era, not of
    a day (the TBAQ gold of folds 1-4 marks none of them, while "today's meeting", "tomorrow's vote", "as of today"
    are days). Told by the people or things of an era that follow "today's" or stand before "of"."""
    if match.group("mod") or match.group("part") or match.group("day").lower() not in ("today", "tomorrow"):
        return False
    before = match.string[max(0, match.start() - 30):match.start()]
    return bool(_ERA_AFTER.match(match.string, match.end())) or bool(_ERA_OF_BEFORE.search(before))


def _is_year_end_adjective(match: re.Match) -> bool:
    """"the world No. 1 year-end ranking", "when year-end net was below": "year-end" before a noun, with no
    preposition before it, is an adjective of the noun (TBAQ's dev folds leave it unmarked), unlike "by year-end"."""
    if match.group("mod") or not match.group("which").lower().startswith("year-"):
        return False
    return bool(_NOUN_AFTER.match(match.string, match.end())) \
        and not _PREPOSITION_BEFORE.search(match.string, max(0, match.start() - 12), match.start())


_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|of|to|in|on|at|for|from|with|by|as|when|while|that|the|a|an|is|was|were|"
                         r"will|would|be|has|had|have|this|next|last)\b)[a-z]")
_PREPOSITION_BEFORE = re.compile(r"\b(?:by|at|before|until|till|around|about|after|toward|towards|through|since|from|"
                                 r"to|in|near|of|for)\s+$", re.I)


def _is_ordinal_second(match: re.Match) -> bool:
    """"a second round", "a second aircraft carrier": "second" before a content word is the ordinal;
    the unit is followed by punctuation or a function word ("for a second before", "a second or two")."""
    if match.group("unit").lower() != "second" or match.group("number").lower() not in ("a", "an", "one"):
        return False
    return not _AFTER_UNIT.match(match.string, match.end()) or bool(_ORDINAL_AFTER.match(match.string, match.end())) \
        or bool(_SCORED_BEFORE.search(match.string, max(0, match.start() - 20), match.start()))


# "a second or third nuclear test", "a second and final day": another ordinal joined to "second" makes it one
_ORDINAL_AFTER = re.compile(r"\s*(?:,|or|and)\s*(?:a\s+)?(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last)\b",
                            re.I)
# "Van Persie claimed a second, steering the ball home": the object of a verb of scoring is the next goal or point
_SCORED_BEFORE = re.compile(r"\b(?:claim(?:ed|s)?|scor(?:ed|es|e)|add(?:ed|s)?|net(?:ted|s)?|grab(?:bed|s)?|bag(?:ged|s)?|"
                            r"notch(?:ed|es)?|secur(?:ed|es|e)|conced(?:ed|es|e))\s+$", re.I)


def _is_fraction_quarter(match: re.Match) -> bool:
    """"a quarter of the shares", "a quarter percentage point", "three quarters of an hour": a
    fraction, not three months."""
    if match.group("unit").lower() != "quarter":
        return False
    if match.group("number").lower() not in ("a", "one"):  # "the first three quarters of 2025" stays
        return bool(re.match(r"\s+of\s+an?\b", match.string[match.end():], re.I))
    return bool(_FRACTION_AFTER.match(match.string, match.end()))


def _is_season_noun_phrase(match: re.Match) -> bool:
    """"in the fall", "over the summer" are seasons; "the fall in prices", "after the fall of the
    regime", "the spring thaw" are not: a bare "the <season>" needs a temporal preposition before
    it and nothing that makes it the head of another noun phrase after it."""
    before = match.string[max(0, match.start() - 12):match.start()]
    if match.group("season").lower() == "fall" \
            and _INJURY_BEFORE.search(match.string, max(0, match.start() - 40), match.start()):
        return False  # "was not seriously hurt in the fall": the tumble
    return bool(_SEASON_PREPOSITION.search(before)) and not _FRACTION_AFTER.match(match.string, match.end()) \
        and not re.match(r"\s+in\b", match.string[match.end():])


_ERA_NOUN = (r"(?:world|society|youth|young|generations?|children|kids|teenagers|students|families|parents|workers|"
             r"consumers|women|men|people|economy|culture|technology|computers|standards|politics|age|era|times|"
             r"life|lifestyles?|media|leaders|politicians|businesses|companies|cars|homes|schools|music|art|fashion|"
             r"films|movies|literature)")
_ERA_AFTER = re.compile(rf"['’]s\s+(?:[a-z-]+\s+)?{_ERA_NOUN}\b", re.I)
_ERA_OF_BEFORE = re.compile(rf"\b{_ERA_NOUN}\s+of\s+$", re.I)
_MARCH_NAME = re.compile(r"\s+(?:for|of|on|against|to)\s+(?:the\s+)?[A-Z]")
_NAME_BEFORE = re.compile(r"(?:\b(?i:the|a|annual)|\b[A-Z]\w*)\s+[\"'`“‘]*$")
_MODEL_NUMBER = re.compile(r"[\s-]*\d")
_NAMED_OWNER_BEFORE = re.compile(r"\b[A-Z]\w*['’]s\s+$")
# a lower-case word after the name that is no preposition or auxiliary: the noun a month modifies ("March visit")
_NOUN_NEXT = re.compile(r"\s+(?!(?:in|on|at|of|for|to|and|or|was|is|were|are|had|has|will)\b)[a-z]{3,}")
_FINAL_OF = re.compile(r"\s+(?:of|in|covered|that|which|when|to\s+be)\b", re.I)
_NOT_NOW_AFTER = re.compile(r"\s+(?:accounts?|affairs|flows?|density|strength)\b|\s*[.,;:)]", re.I)
_CLAUSE_BREAK = re.compile(r"\s*[,.;:)]")
_NAME_AFTER = re.compile(rf"\s+(?!(?i:{WEEKDAY}|{MONTH})\b)[A-Z]")
_FRACTION_AFTER = re.compile(r"(?:\s+of\b|[\s-]+(?:percentage|point|percent|mile|century)\b)", re.I)
# "hurt in the fall", "died in the fall", "survived the fall": a fall that hurts is a tumble, not autumn
_INJURY_BEFORE = re.compile(r"\b(?:hurt|injured|injuries|injury|killed|died|survived|wounded|broke|bruised)\b"
                            r"[^.;,]{0,20}$", re.I)
_SEASON_PREPOSITION = re.compile(r"\b(?:in|during|by|to|until|till|through|throughout|over|into|since|before|after|"
                                 r"for|from|this|last|next|early|late)\s+$", re.I)
_AFTER_UNIT = re.compile(r"\s*(?:$|[^\w\s]|(?:before|after|later|earlier|ago|or|and|but|to|of|in|on|at|for|from|"
                         r"with|by|until|while|when|as|then|too|longer|more|less|each|every|per|the|a|an|i|he|she|"
                         r"it|we|they|you|there|this|that)\b)", re.I)
# "will one day", "he one day": between subject or modal and verb "one day" is an indefinite time, not a day long
_INDEFINITE_BEFORE = re.compile(r"\b(?:will|would|could|can|may|might|should|must|to|he|she|they|we|i|you|it)\s+$",
                                re.I)
# "to get them one day to Mars": after a verb's object, before its complement, "one day" is an adverbial (the
# indefinite time), not an object of its own (TimeML 1.2.1 types a time by its meaning, not by its words)
_OBJECT_BEFORE = re.compile(r"\b(?:them|him|her|us|me)\s+$", re.I)
# "the Church one day may operate", "used, one day, to carry": an adverbial right before the modal or the "to" of
# the verb it dates; "to go" / "to spare" count a time left ("one day to go"), and "to the" opens no verb ("from
# one day to the next")
_MODAL_AFTER = re.compile(r"\s*,?\s+(?:will|would|could|can|may|might|should|must)\b", re.I)
_INFINITIVE_AFTER = re.compile(r"\s*,?\s+to\s+(?!(?:go|spare|the|a|an|another|next)\b)[a-z]+\b", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|that|this|every|each|any|no)\s+$", re.I)
_SENTENCE_OPENER_BEFORE = re.compile(r"[.!?:;\n]\s*[\"'“‘]?\s*$")
_THAT_BEFORE = re.compile(r"\bthat\s+$", re.I)
_MODAL_AHEAD = re.compile(r"[^.;:!?\n]{0,60}?\b(?:will|would|could|can|may|might|should|must|'ll)\b", re.I)
_CLAUSE_END_AFTER = re.compile(r"\s*(?:[,.;:!?)\"”]|$)")
_UNREALISED_IN_CLAUSE = re.compile(r"\b(?:will|would|could|can|may|might|should|must|to)\s", re.I)
_WISH_BEFORE = re.compile(r"\b(?:hop(?:es?|ed|ing)|want(?:s|ed|ing)?|wish(?:es|ed|ing)?|dream(?:s|ed|t|ing)?|"
                          r"plan(?:s|ned|ning)?|aim(?:s|ed|ing)?|intend(?:s|ed|ing)?|aspir(?:es?|ed|ing)|"
                          r"expect(?:s|ed|ing)?|seek(?:s|ing)?|sought|long(?:s|ed|ing))"
                          r"(?:\s+(?:them|him|her|us|me))?\s+$", re.I)
# the words that take a length of time before "one day": a preposition of extent or a degree word right before it
# ("in one day", "with one day to go", "only one day"), a verb of lasting, taking, giving or having with up to
# three words of its object between ("took one day to build", "gave the firm one day to pay"): the amount
_AMOUNT_TAKER_BEFORE = re.compile(r"\b(?:(?:in|for|within|of|from|with|after|than|about|only|just|even|nearly|almost|"
                                  r"least|over|under)|(?:takes?|took|taken|taking|lasts?|lasted|lasting|spen[dt]s?|"
                                  r"stay(?:s|ed)?|wait(?:s|ed)?|needs?|needed|requires?|required|gives?|gave|"
                                  r"given|giving|allow(?:s|ed)?|grant(?:s|ed)?|have|has|had|is|are|was|were|be|been)"
                                  r"(?:\s+[\w'’-]+){0,3})\s+$", re.I)
_COUNTED_AFTER = re.compile(rf"\s+(?:(?:{DIGITS}|{SPELLED_NUMBER}|few|several|many)\s+[a-z]|half[\s-])", re.I)
_COUNTED_BEFORE = re.compile(rf"(?<![\w-]){NUMBER}\s+$", re.I)
# "three years old", "20 years older": an age or a difference of ages, which TimeML does not mark
_AGE = re.compile(r"[\s-]+(?:old|older|younger)\b", re.I)
_FESTIVAL_BEFORE = re.compile(r"\b(?:chinese|lunar|jewish|persian|iranian|islamic|hijri|tamil|thai|hindu|"
                              r"vietnamese|korean|tibetan|orthodox|sikh|ethiopian)\s+$", re.I)
_RATE_RULES = frozenset({"set_rate", "set_every", "duration"})  # "per hour", "every hour", "an hour"
_SPEED_BEFORE = re.compile(r"\b(?:miles|kilometres|kilometers|km|metres|meters|feet|knots|mph|kph)\)?\s+$", re.I)  # "160 km (100 miles) per hour"
_TIMES_AFTER = re.compile(r"\s*[*×xX]\s*\d")
_TIMES_BEFORE = re.compile(r"\d\s*[*×xX]\s*$")
_KIND_OF_HOURS = re.compile(r"(?:\b(?:office|opening|business|working|visiting|peak|rush|school|trading|flight|flying|"
                            r"voting|credit|class|operating|happy|early|small|wee|late|man|person)|-)\s*$", re.I)
# the units from the smallest up, for an amount told in two ("an hour and 20 minutes", not "a day and a night")
_UNIT_RANK = {"second": 0, "minute": 1, "hour": 2, "day": 3, "night": 3, "week": 4, "fortnight": 4, "month": 5,
              "quarter": 6, "year": 7, "decade": 8, "century": 9, "centurie": 9, "millennium": 10}
# a possessive (and an adjective) before a bare plural: "its early days", "his final years" name a time of a life,
# not an amount; no instance in TBAQ dev, and the modern-news labels mark none
_OWNER_BEFORE = re.compile(r"\b(?:my|his|her|its|their|our|your)\s+(?:[a-z]+\s+)?$", re.I)
# "only minutes apart": the distance between two events, which the TBAQ gold of folds 1-4 leaves unmarked (2 of 2)
_APART = re.compile(r"\s+apart\b", re.I)
_LISTED_DECADE_BEFORE = re.compile(r"\b(?:1[0-9]|20)\d0s(?:\s*,\s*\d0s)*,?\s*(?:,|and|or|to|through|-|–)\s*$", re.I)
# words of a measure that "in the 90s" may give instead of a decade: a temperature, a score, a price, an age
_MEASURE_AROUND = re.compile(r"\b(?:temperatures?|degrees?|fahrenheit|celsius|highs?|lows?|heat|thermometers?|"
                             r"percent|per\s+cent|points?|scores?|prices?|cents|dollars|traded|trading|shares|"
                             r"mph|ages?|aged|years?\s+old)\b|[%$°]", re.I)
# a rate: an amount before "a day" ("$3 million a year", "£120m a day", "twice a week"), also one of time
# ("24 hours a day", "seven days a week": how much of each day or week, a set, not a stretch of one)
_RATE_CONTEXT = re.compile(r"(?:\d(?:m|bn|mn|k)?|"
                           r"\b(?:million|billion|thousand|hundred|times|twice|once|thrice|percent|cents?|"
                           r"hours|minutes|days|nights|weeks|months|"
                           r"dollars?|shares?|barrels?|tons?|units?|pounds?|yen|marks?|francs?|copies|visitors))\s*$",
                           re.I)
# "1,000 refugees a day", "four flights a week": things counted per unit of time
_COUNTED_THINGS = re.compile(rf"(?<![\w-])(?:{DIGITS}|{SPELLED_NUMBER})\s+(?:[a-z]+\s+)?[a-z]{{2,}}s\s+$", re.I)
# "2000 people", "1500 troops": a four-digit number followed by a counted plural noun is no year
# "from 1990 to the present", "until the present day", "the problems of the present"
_PRESENT_BEFORE = re.compile(r"\b(?:to|until|till|through|from|into|since|of)\s+$", re.I)
# what may follow a noun phrase that ends there: punctuation, the end, or a word opening the next phrase
_PHRASE_END = re.compile(r"\s*(?:$|[.,;:!?)\]\"'”]|(?:and|or|but|in|at|on|with|when|as|for|from|of)\b)", re.I)
_LISTED_YEAR = re.compile(r",\s*(\d{4})")
# "the 1992 protests", and with the place or name of the events between ("the Shanghai 2002 semifinals")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w.'’-]*\s+)?$")
_COUNTED_KIND = re.compile(r"\s+(?:people|men|women|children|police|staff|personnel|feet|troops|soldiers|workers|"
                           r"residents|students|officers|members|votes|voters|dollars|yuan|euros|yen|pounds|tons|tonnes|"
                           r"barrels|shares|units|cars|vehicles|families|households|jobs|acres|hectares|kilometers|"
                           r"kilometres|miles|meters|metres|points|seats|cases|deaths|refugees|prisoners)\b")
# what may follow a year without making it a count: verbs and adverbs in -s ("from 2007 onwards"), and the figures a
# period totals, which business news dates by a year before them ("1988 sales", "reported 2005 sales of", "1990
# earnings"): a total of a year, as "1988 levels" and "1989 results" are, not that many sales
_COUNTED_NOUN = re.compile(r"\s+(?!(?:was|is|has|as|its|this|plus|thus|yes|versus|lows|highs|levels|results|remains|"
                           r"onwards|afterwards|sales|earnings|profits|revenues|losses|shipments|exports|imports|figures|"
                           r"estimates|forecasts|targets|budgets)\b)"
                           # currencies whose plural is the singular ("1989 yen", "2000 yuan") are counted too (not "won",
                           # a verb after a year: "in 1992 won 64,000 votes")
                           r"(?:[a-z]+s|people|men|women|children|police|staff|personnel|feet|yen|yuan|renminbi|"
                           r"rupiah|ringgit|baht|rand|lire|kroner|kronor)\b")


def _without_overlaps(found: list[Candidate]) -> list[Candidate]:
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for candidate in sorted(found, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        if all(candidate.end <= s or candidate.start >= e for s, e in taken):
            chosen.append(candidate)
            taken.append((candidate.start, candidate.end))
    return sorted(chosen, key=lambda c: c.start)
