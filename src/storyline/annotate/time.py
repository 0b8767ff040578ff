"""Time expressions (TIMEX3: DATE, TIME, DURATION, SET) found and normalised against the
article's publication date.

The work is split in ``timex/``: ``recognise`` (rule grammar), ``resolve`` (one normaliser per
rule), ``normalise`` (calendar arithmetic), ``tense`` (which way a bare "Wednesday" points). We
write our own because Python has no strong TimeML normaliser (dateparser reads "within two weeks"
as a past date and fails on "in June last year"); dateutil is used for absolute date strings.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Span, Timex
from .timex.normalise import parse_anchor
from .timex.recognise import find_candidates
from .timex.resolve import ANAPHORIC_RULES, Context, resolve
from .timex.tense import direction_from_doc, direction_from_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_timexes", "reanchor"]


def find_timexes(text: str, anchor: str | None, doc: "Doc | None" = None, article_id: str = "") -> list[Timex]:
    """Every time expression in ``text`` with its TimeML type and value.

    ``anchor`` is the publication date (ISO date or datetime) or None, in which case values that
    need it stay partially specified ("XXXX-06", "XXXX-WXX-3"). ``doc``, a spaCy parse of the same
    text, lets the tense of the governing verb decide the direction of bare weekdays and months.
    """
    anchor_date = parse_anchor(anchor)
    anchor_value = anchor_date.isoformat() if anchor_date else None
    timexes: list[Timex] = []
    reference: str | None = None
    for candidate in find_candidates(text):
        context = Context(anchor_date, _tense_reader(text, candidate.start, candidate.end, doc), reference)
        resolved = resolve(candidate.rule, candidate.groups, context)
        if resolved is None:
            continue
        kind, value, mod = resolved
        timexes.append(Timex(article_id, Span.of(text, candidate.start, candidate.end), kind, value,
                             anchor_value, mod))
        if kind == "DATE" and value[:1].isdigit() and candidate.rule not in ANAPHORIC_RULES:
            reference = value
    return timexes


def reanchor(timexes: list[Timex], text: str, anchor: str | None, doc: "Doc | None" = None) -> list[Timex]:
    """``timexes`` of ``text`` resolved again against a new anchor (a story dated an undated article).

    Recognition does not depend on the anchor, so running it again is simpler and no slower than
    patching values one by one.
    """
    if not timexes:
        return []
    return find_timexes(text, anchor, doc, timexes[0].article_id)


def _tense_reader(text: str, start: int, end: int, doc: "Doc | None"):
    """A thunk for the clause tense, so the parse is consulted only for expressions that need it."""
    def read():
        direction = direction_from_doc(doc, start, end) if doc is not None else None
        return direction or direction_from_text(text, start, end)
    return read
