"""Per-article features for story clustering: hashed term vectors, lead sentences, dates.

Terms are hashed (the columns of scikit-learn's ``HashingVectorizer``: signed 32-bit MurmurHash3,
seed 0, absolute value modulo ``N_FEATURES``) so the vocabulary is fixed-size and needs no global
fit: a stream never knows its full vocabulary. The columns are computed with scikit-learn's
``murmurhash3_32`` and memoised per term rather than by ``HashingVectorizer.transform``, which
builds a sparse matrix for every text: for one article at a time that cost more than the hashing
(the columns are the same; a test checks them against the vectorizer). IDF weights are *not* baked
in here; the clusterer applies the document frequencies it has counted so far at comparison
time (see ``cluster.py``).

Sentence splitting is a small regex rather than spaCy: summaries only need a few lead
sentences per article, and the clusterer must not require a parse to place an article.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable
from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.utils import murmurhash3_32

from storyline.clean.dates import find_dates

N_FEATURES = 2**20
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
# Reporting verbs and news boilerplate carry no event information; they only add noise.
_NEWS_STOP = frozenset({"said", "says", "say", "told", "according", "reported", "report", "new", "news",
                        "year", "years", "time", "just", "like", "people", "image", "photo", "copyright",
                        "getty", "reuters", "ap", "afp", "read", "updated", "share"})
_STOP = frozenset(ENGLISH_STOP_WORDS) | _NEWS_STOP


def s_stem(word: str) -> str:
    """Harman's S-stemmer: folds plurals ("missiles" -> "missile") without a full stemmer's
    conflations, which matter more for event matching than for topic matching."""
    if len(word) > 4 and word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


MEMO_LIMIT = 100_000  # words (terms) remembered before a memo starts afresh: at most ~15 MB each


class _Memo(dict):
    """``fn`` of a string, computed once: news repeats its words, and placing or describing a story
    turns the same words into terms again and again."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __missing__(self, key: str):
        if len(self) >= MEMO_LIMIT:
            self.clear()
        value = self[key] = self.fn(key)
        return value


def _term_of(word: str) -> str:
    """The term a word counts as ("" for none)."""
    word = _POSSESSIVE.sub("", word).strip("-")
    return s_stem(word) if len(word) > 1 and word not in _STOP else ""


def _column(term: str) -> int:
    """The term's column in ``HashingVectorizer(n_features=N_FEATURES, alternate_sign=False)``."""
    h = murmurhash3_32(term, seed=0)
    return (2**31 - 1 - (N_FEATURES - 1)) % N_FEATURES if h == -2**31 else abs(h) % N_FEATURES


_TERM_OF, _COLUMN = _Memo(_term_of), _Memo(_column)


def terms(text: str) -> list[str]:
    """Lower-cased, possessive-free, S-stemmed content words (stopwords and numbers dropped)."""
    return list(filter(None, map(_TERM_OF.__getitem__, _WORD.findall(text.lower()))))


def term_vector(text: str | None) -> dict[int, float]:
    """Sublinear (1 + log count) hashed term frequencies, by column; empty for missing text."""
    if not text:
        return {}
    counts = Counter(map(_COLUMN.__getitem__, terms(text)))
    return {i: 1.0 + math.log(c) for i, c in sorted(counts.items())}


def unit(vector: dict) -> dict:
    """Scaled to length 1 (so long articles do not dominate a story's centroid)."""
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


# ----------------------------------------------------------------------------- sentences

_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:[A-Z]\.)+[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Prof|"
                           r"No|Inc|Corp|Co|Ltd|vs|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec))$")
MIN_SENTENCE_WORDS = 8


def sentences(text: str) -> list[str]:
    """Sentences of each line; a period after an initial or a title ("U.S.", "Dr.") is no end."""
    out = []
    for line in text.splitlines():
        start = 0
        for match in _BOUNDARY.finditer(line):
            if _ABBREVIATION.search(line[start:match.start()]):
                continue
            out.append(line[start:match.end()].strip())
            start = match.end()
        out.append(line[start:].strip())
    return [s for s in out if s]


def lead_sentences(text: str, limit: int = 3) -> list[str]:
    """The first few well-formed sentences: in news, the lead states the event."""
    picked = []
    for sentence in sentences(text):
        if len(sentence.split()) >= MIN_SENTENCE_WORDS and sentence[-1] in ".!?\"”’'":
            picked.append(sentence)
            if len(picked) == limit:
                break
    return picked


# ----------------------------------------------------------------------------- dates

def parse_date(value: str | None) -> dt.date | None:
    """The calendar date of an ISO 8601 date or datetime; None when absent or unreadable."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip()).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


# A report that previews a scheduled event (a launch "later this month", a vote "next week") is
# about the time it looks ahead to, not only its own day. Only phrases that point forward from the
# article's own date count: "this month" alone may be past ("earlier this month"), and a month
# named without a day may be last year's.
_AHEAD = re.compile(r"\b(?:later this (?P<later>week|month)|(?:by|at|until|before) the end of (?P<end>the|this|next) "
                    r"(?P<end_unit>week|month)|next (?P<next>week|month))\b", re.IGNORECASE)


def anticipated_day(text: str, day: dt.date | None) -> dt.date | None:
    """The latest day ``text`` (a report dated ``day``) looks ahead to: the end of the week or month
    its forward phrases name ("later this month", "by the end of next week"), or a later complete
    calendar date it names; None for an undated report or one that looks ahead to nothing."""
    if day is None:
        return None
    ahead = [d for d in find_dates(text) if d > day]
    for match in _AHEAD.finditer(text):
        unit = (match.group("later") or match.group("end_unit") or match.group("next")).lower()
        steps = 1 if match.group("next") or (match.group("end") or "").lower() == "next" else 0
        ahead.append(_end_of_week(day, steps) if unit == "week" else _end_of_month(day, steps))
    return max(ahead, default=None)


def _end_of_week(day: dt.date, weeks_ahead: int) -> dt.date:
    return day + dt.timedelta(days=6 - day.weekday() + 7 * weeks_ahead)


def _end_of_month(day: dt.date, months_ahead: int) -> dt.date:
    first_after = dt.date(day.year + (day.month + months_ahead) // 12, (day.month + months_ahead) % 12 + 1, 1)
    return first_after - dt.timedelta(days=1)


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def names_weekday(text: str, day: dt.date) -> bool:
    """Whether the text names the day of the week ``day`` falls on (capitalised, as a name)."""
    return re.search(rf"\b{_WEEKDAYS[day.weekday()]}\b", text) is not None


# ----------------------------------------------------------------------------- titles

# What news agencies put in a title field for their editors, not their readers: a service line ending
# "///" says what a new version changes (AFP: "ATTENTION - ADDS quotes, details ///"), "=(PICTURE)="
# that a photo goes with the report, and a leading "URGENT" / "Urgent:" flags its priority. None names
# the event, and the same notes on unrelated reports made them look alike (issue #3).
_SERVICE_NOTE = re.compile(r"///\s*$|^\s*=\s*\(\s*(?:PICTURES?|GRAPHIC)[^)]*\)\s*=\s*$")
_PRIORITY_FLAG = re.compile(r"^\s*(?:URGENT\b:?|URGENT(?=[A-Z][a-z])|Urgent:)\s*")


def headline_of(title: str | None) -> str:
    """The headline a title field holds: "" for an agency's service note, the rest after a
    priority flag ("URGENT Zairean premier forms government")."""
    if not title or _SERVICE_NOTE.search(title):
        return ""
    return _PRIORITY_FLAG.sub("", title).strip()


# ----------------------------------------------------------------------------- URLs

_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)")
_SLUG_SEPARATOR = re.compile(r"[-_+\s]+")
_FILE_SUFFIX = re.compile(r"\.[A-Za-z]{2,5}$")
MIN_SLUG_WORDS = 3


def _web_url(url: str | None) -> SplitResult:
    """The parts of a web URL; empty ones for anything else (a local file's path names folders,
    not the event)."""
    parts = urlsplit(url or "")
    return parts if parts.scheme in ("http", "https") else urlsplit("")


def url_date(url: str | None) -> dt.date | None:
    """The year/month/day a news URL's path carries ("/2016/11/13/..."): set when the page was
    published, so it outlives a wrong crawl or archive stamp in the metadata."""
    match = _URL_DATE.search(_web_url(url).path)
    if match is None:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def url_slug(url: str | None) -> str:
    """The words of a URL's headline slug: its path segments and query values of at least
    three words joined by "-", "_" or "+" ("/414286-angola-satellite-launch-baikonur/"). Most
    outlets put the headline there, so it still names the event when the page's title is the
    site name ("ABC News") or its text is page furniture."""
    parts = _web_url(url)
    segments = unquote(parts.path).split("/") + [value for _, value in parse_qsl(parts.query)]
    slugs = []
    for segment in segments:
        tokens = _SLUG_SEPARATOR.split(_FILE_SUFFIX.sub("", segment))
        words = [t for t in tokens if t.isalpha()]  # ids and hashes ("59a4874fe4b0") are no words
        if len(words) >= MIN_SLUG_WORDS:
            slugs.append(" ".join(words))
    return " ".join(slugs)


# ----------------------------------------------------------------------------- entities

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


def provisional_entity_keys(ents: Iterable) -> list[str]:
    """Entity keys ("GPE:japan") from spaCy ``doc.ents``: label + lower-cased text.

    A stand-in for the canonical entity keys of the entity stage, so clustering can be
    measured before corpus-wide entity resolution exists.
    """
    keys = []
    for ent in ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        name = _LEADING_ARTICLE.sub("", re.sub(r"['’]s$", "", ent.text.strip().lower()))
        name = " ".join(name.split())
        if name:
            keys.append(f"{ent.label_}:{name}")
    return keys
