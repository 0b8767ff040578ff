"""Line-level page-furniture classifier for plain text.

Why our own: no library classifies furniture in *plain text*. trafilatura and friends work on the
HTML DOM (navigation, asides, class names); a .txt file or a JSON ``text`` field has lost all of
that, and what is left are whole lines: photo captions, language menus, licence numbers, share
buttons. So we classify whole lines with a table of patterns, precision first: every pattern is
anchored on a marker that body prose does not carry (a credit at the very end of the line, a
menu word standing alone, a licence number), never on length alone, because a dropped body
sentence is worse than a kept share button.
"""
from __future__ import annotations

import re
from typing import Iterable

from storyline.clean.dates import FULL_DATE_PATTERN

# Position markers in photo captions: "(R)", "(L)", "(C)", "(2nd L)", "(1st R, front)", "(L to R)".
_POSITION = r"\((?:\d(?:st|nd|rd|th) )?(?:L|R|C|front|back|top|bottom)(?:,? (?:front|back|top|bottom|\d(?:st|nd|rd|th) [LR]))?(?: to [LR])?\)"
# Verbs of the caption present tense ("X (R) meets with Y (L) ...").
_CAPTION_VERB = r"\b(?:meets|meet|poses|pose|attends|attend|speaks|speak|shakes hands|gestures|waves|arrives|arrive|listens|looks on|walks|is seen|are seen|holds|hold|delivers|talks)\b"
# Photo agencies that sign captions as "Agency/Photographer".
_AGENCY = r"(?:Reuters|REUTERS|AP Photo|AP|AFP|Agence France-?[Pp]resse|Associated Press|DPA|dpa|EPA(?:-EFE)?|Xinhua|XINHUA|VCG|CFP|IC|Getty Images|Bloomberg|Anadolu|Sputnik|TASS|ANI|PTI|IANS|UPI|Shutterstock)"
# Networks a "Follow us" line points to.
_NETWORK = r"(?:Twitter|X|Facebook|Instagram|LinkedIn|YouTube|TikTok|Telegram|WhatsApp|Weibo|WeChat|Threads|Bluesky|Google News|Flipboard)"

# (kind, where, pattern, why). where: "start" patterns are matched at the start of the stripped
# line, "end" patterns are searched in its last characters (credits sit at the end), "any" in the
# whole line; splitting them keeps the classifier fast on long body lines. (?i:...) scopes case-folding.
FURNITURE_PATTERNS: list[tuple[str, str, str, str]] = [
    # -- photo captions and credits
    ("caption", "end", r"(?:^|[\s.,;])/[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3}$",
     "ends with a slash glued to a capitalised credit: '... 2026. /VCG', '... /Xinhua', 'Berg/DPA /Landov'"),
    ("caption", "end", rf"/\s?{_AGENCY}\.?$",
     "ends with '/ Agency': 'Carlos Barria / Reuters.' (a spaced slash alone is too common in prose)"),
    ("caption", "end", r"\([A-Z][\w.&' -]{0,30}/\s?[A-Z][\w.&' -]{1,40}\)$",
     "ends with a parenthesised agency/photographer credit: '(Xinhua/Li Xueren)', '(AP Photo/Evan Vucci)'"),
    ("caption", "end", rf"\b{_AGENCY}\s?/\s?[A-Z][\w.&' -]{{1,40}}\)?$",
     "ends with 'REUTERS/Kevin Lamarque', 'AP Photo/Name', 'EPA-EFE/NAME'"),
    ("caption", "end", r"(?i:\((?:photo|photograph|image|picture|pic|file photo|credit)s?\b[^()]{0,80}\))\W*$",
     "ends with '(Photo: ... 11 Feb 2026)', '(File photo)', '(Photo by ...)'"),
    ("caption", "start", r"(?i:(?:photo|photograph|image|picture|photo credit|credit|file photo)s?\s?[:/])",
     "starts like a credit: 'Photo: ...', 'Credit: ...', 'FILE PHOTO: ...'"),
    ("caption", "start", rf"(?:{_AGENCY}|{_NETWORK}|Getty(?: - Contributor)?|AP:Associated Press|PA:Press Association|AFP or licensors|Rex Features|Splash News|SWNS|Handout(?: - Getty)?|PA) [A-Z\d][^\n]*[^.!?:\s]$",
     "a caption that opens with its credit and has no full stop, as tabloids print them: 'Getty Images Rita Moss waves "
     "to the crowd', 'Reuters The ferry was towed back', 'AP:Associated Press Minister Velez arrives' (body sentences end in '.')"),
    ("caption", "start", r"(?i:(?:photo|photograph|picture)s? by) [A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,4}$",
     "a bare 'Photo by Jane Roe' line (capitalised name words only)"),
    ("caption", "end", r"(?i:\bgetty images|\bvia getty|\bshutterstock|\(file photo\)|\bfile photo)\s*$",
     "ends with a picture-library credit and no sentence punctuation"),
    # -- language menus
    ("language_menu", "start", r"(?i:(?:choose|select|change|switch)(?: your| the)? (?:language|edition|region)|languages?|language selector)\W*$",
     "'CHOOSE YOUR LANGUAGE' header"),
    # -- licence numbers and hotlines (Chinese sites print these at the foot of every page)
    ("licence", "any", r"(?:许可证|ICP[备证]|公网安备|网安备|经营许可)[\s:：]*[\w-]*\d{4,}",
     "'互联网新闻信息许可证10120180008', '京ICP备12345号', '京公网安备 110105…号'"),
    ("hotline", "start", r"(?i:[\w ]{0,40}\b(?:hotline|tip line|report line)s?)\s?[:：]?\s?\+?[\d(][\d\s()+-]{5,}$",
     "'Disinformation report hotline: 010-85061466'"),
    ("hotline", "start", r"[\w（）() ]{0,20}(?:举报电话|举报热线|热线)[\s:：]*[\d-]{5,}",
     "'违法和不良信息举报电话：12377'"),
    # -- share / subscribe / advertisement / follow
    ("share", "start", r"(?i:share(?: (?:this|the))?(?: (?:article|story|page|post|video))?(?: (?:on|via) [\w ]{1,20})?|tweet|email|print|copy link|share on \w+)\W*$",
     "'Share this article', 'Share on Facebook', lone 'Print'"),
    ("subscribe", "start", r"(?i:subscribe\b|sign up (?:for|to)\b.{0,60}\b(?:newsletter|alerts|updates|briefing)|get (?:our|the) .{0,40}newsletter)",
     "'Subscribe to our newsletter', 'Sign up for our daily briefing'"),
    ("advertisement", "start", r"(?i:advertisement|advertising|sponsored(?: content)?|ad|story continues(?: below)?(?: advertisement)?|continue reading(?: below| the main story)?|scroll to continue(?: with content)?)\W*$",
     "'Advertisement', 'Story continues below advertisement'"),
    ("follow", "start", rf"(?i:follow\b.{{0,60}}\b{_NETWORK})\W*$",
     "'Follow us on Twitter', 'Follow CGTN on Facebook'"),
    ("app", "start", r"(?i:download (?:the|our) .{0,30}app\b.{0,40})$",
     "'Download our app for the latest news'"),
    # -- cookie notices
    ("cookies", "start", r"(?i:(?:we|this (?:site|website)) uses? cookies\b|by continuing to (?:use|browse) (?:this|our) (?:site|website)|(?:accept|manage) (?:all )?cookies|cookie (?:policy|settings|preferences))",
     "'We use cookies ...', 'Cookie settings'"),
    # -- copyright
    ("copyright", "start", r"(?i:©|\(c\)\s?\d{4}|copyright\s?(?:©|\(c\)|\d{4}))",
     "'© 2026 Example Media', 'Copyright 2026 ...'"),
    ("copyright", "start", r"(?i:.{0,80}\ball rights reserved)\W*$",
     "a short line ending in 'All rights reserved'"),
    # -- related / read more / tags
    ("related", "start", r"(?i:related(?: (?:articles?|stories|content|news|coverage|topics?|reading|links?))?|read more|read also|also read|see also|more on this(?: story)?|recommended(?: for you)?|you may also like|most read|most popular|trending now|more from [\w ]{1,30})\s*(?:[:>»|]|$)",
     "'Related:', 'Read more: ...', 'Most read' headers"),
    ("tags", "start", r"(?i:(?:tags|keywords|topics)\s?[:：])",
     "'Tags: Iran, US' lists"),
    ("editor", "start", r"(?i:(?:editor|edited by|reporter|source\(s\)))\s?[:：]\s?[^.!?]{1,60}$|^(?:责任编辑|编辑|来源)[:：]",
     "'Editor: Name', '责任编辑：...' sign-offs"),
    # -- timestamps ("Published: 11 February 2026"); their date is harvested before dropping
    ("timestamp", "start", r"(?i:(?:published|posted|updated|last updated|first published)(?: on| at)?\s?[:：]?)\s?(?:\d|[A-Z][a-z]{2})[\w ,.:/+-]{4,60}$",
     "'Published: 11 February 2026 10:32 GMT', 'Updated Feb. 11, 2026'"),
]

_POSITION_RE = re.compile(_POSITION)
_FULL_DATE_RE = re.compile(FULL_DATE_PATTERN)
_CAPTION_VERB_RE = re.compile(_CAPTION_VERB)
_MARKER_THEN_VERB_RE = re.compile(rf"{_POSITION} {_CAPTION_VERB}")
_KINDS = {f"k{i}": kind for i, (kind, _where, _pattern, _why) in enumerate(FURNITURE_PATTERNS)}


def _combined(where: str) -> re.Pattern[str]:
    """One alternation of all patterns for one place, each a named group that maps to its kind."""
    return re.compile("|".join(f"(?P<k{i}>{pattern})" for i, (_kind, w, pattern, _why) in enumerate(FURNITURE_PATTERNS) if w == where))


_AT_START = _combined("start")
_AT_END = _combined("end")
_ANYWHERE = _combined("any")
# Credits are short; looking at the last characters of a long line is enough and much faster.
_TAIL_CHARS = 160
# Every "end" pattern needs a slash, a parenthesis or one of these words in the tail.
_CREDIT_WORDS = ("getty", "shutterstock", "file photo")

# Language names as menus print them (mostly endonyms), so a line of nothing else is a menu.
LANGUAGE_NAMES = frozenset(
    name.casefold()
    for name in """English Français Francais French Español Espanol Spanish Deutsch German Italiano Italian
    Português Portugues Portuguese Русский Russian العربية Arabic 中文 简体中文 繁體中文 简体 繁體 Chinese 日本語
    Japanese 한국어 Korean Türkçe Turkish हिन्दी Hindi فارسی Persian Farsi Українська Ukrainian Polski Polish
    Nederlands Dutch Svenska Swedish Ελληνικά Greek עברית Hebrew Bahasa Indonesia Melayu Tiếng Việt ไทย Thai
    বাংলা اردو Urdu Kiswahili Swahili Hausa Română Čeština Magyar Suomi Dansk Norsk""".split()
)
_MENU_SEPARATORS = re.compile(r"[\s|/·•,]+")
# Furniture lines are short; anything longer is body text and skips the table.
_MAX_FURNITURE_CHARS = 600
_MAX_MENU_CHARS = 400


def furniture_kind(line: str) -> str | None:
    """The furniture kind of one line ('caption', 'licence', ...) or None for body text."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_FURNITURE_CHARS:
        return None
    match = _AT_START.match(stripped) or _credit_at_end(stripped) or _ANYWHERE.search(stripped)
    if match is not None:
        return _KINDS[match.lastgroup]
    if is_positioned_caption(stripped):
        return "caption"
    if language_name_count(stripped) >= 2:
        return "language_menu"
    return None


def _credit_at_end(line: str) -> re.Match[str] | None:
    """Search the "end" patterns in the line's tail, only when the tail holds a credit's marker."""
    tail = line[-_TAIL_CHARS:]
    folded = tail.casefold()
    if "/" not in tail and "(" not in tail and not any(word in folded for word in _CREDIT_WORDS):
        return None
    return _AT_END.search(line, max(0, len(line) - _TAIL_CHARS))


def is_positioned_caption(line: str) -> bool:
    """'Trump (R) meets with Netanyahu (L) ..., February 11, 2026.' without a credit at the end.

    One "(R)" alone is not enough: US prose writes "Gov. Pat McCrory (R) said" for party labels.
    Two different position markers with a caption verb or a full date, or one marker directly
    followed by a caption verb ("Velez (R) shakes hands") in a line with a full date, is a caption.
    """
    markers = set(_POSITION_RE.findall(line))
    if not markers:
        return False
    has_date = _FULL_DATE_RE.search(line) is not None
    if len(markers) >= 2:
        return has_date or _CAPTION_VERB_RE.search(line) is not None
    return has_date and _MARKER_THEN_VERB_RE.search(line) is not None


def language_name_count(line: str) -> int:
    """How many language names the line holds when it holds nothing else (else 0)."""
    if len(line) > _MAX_MENU_CHARS:
        return 0
    tokens = [t for t in _MENU_SEPARATORS.split(line.strip().casefold()) if t]
    if not tokens or len(tokens) > 40:
        return 0
    # "Bahasa Indonesia", "Tiếng Việt": two tokens, both in the set.
    return len(tokens) if all(t in LANGUAGE_NAMES for t in tokens) else 0


def classify_lines(lines: Iterable[str]) -> list[str | None]:
    """Kinds for a whole document; a lone language name counts as menu when it sits beside a menu."""
    lines = list(lines)
    kinds = [furniture_kind(line) for line in lines]
    for i, line in enumerate(lines):
        if kinds[i] is None and language_name_count(line) == 1 and _next_to_menu(kinds, lines, i):
            kinds[i] = "language_menu"
    return kinds


def _next_to_menu(kinds: list[str | None], lines: list[str], index: int) -> bool:
    """Is the nearest non-blank line on either side a menu line or another lone language name?"""
    for step in (-1, 1):
        j = index + step
        while 0 <= j < len(lines) and not lines[j].strip():
            j += step
        if 0 <= j < len(lines) and (kinds[j] == "language_menu" or language_name_count(lines[j]) >= 1):
            return True
    return False
