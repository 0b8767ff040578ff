"""A time axis laid out server-side, so the chart is plain inline SVG (no script, no CDN).

Only calendar values are placed (TIMEX3 ``YYYY-MM-DD``, datetimes by their date; ``YYYY-MM`` is
listed in tables but not drawn);
``PRESENT_REF``, weeks, durations and the like have no single point on an axis. The template draws
what ``layout`` returns and escapes every label.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")

WIDTH, LEFT, RIGHT, LANE, TOP = 860, 170, 45, 28, 16
MARGIN_DAYS = 45  # mentioned dates further than this from the articles' dates are left off the chart


def to_date(value: str | None) -> _dt.date | None:
    """The calendar day a date/TIMEX3 value points at (first day of a month), else None."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            return _dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _MONTH.match(value):
            return _dt.date(int(m[1]), int(m[2]), 1)
    except ValueError:
        return None
    return None


def to_day(value: str | None) -> _dt.date | None:
    """Like ``to_date`` but only for values precise to the day (a month drawn as a dot on its first
    day would mislead)."""
    return to_date(value) if value and _DAY.match(value) else None


@dataclass(frozen=True)
class Point:
    lane: str
    date: _dt.date
    label: str
    href: str | None = None


@dataclass
class Layout:
    width: int
    height: int
    lanes: list[tuple[str, int]]          # lane label, y
    dots: list[tuple[int, int, Point]]    # x, y, point
    ticks: list[tuple[int, str]]          # x, label
    left_off: int                         # points outside the shown range


def layout(points: list[Point], anchors: list[_dt.date]) -> Layout | None:
    """Place points on lanes (in first-seen order) along a shared axis; None when nothing to draw.

    ``anchors`` (the articles' dates) fix the range; other points further than MARGIN_DAYS
    outside it are counted in ``left_off`` rather than squeezing the axis.
    """
    if not points:
        return None
    anchors = anchors or [p.date for p in points]
    lo = min(anchors) - _dt.timedelta(days=MARGIN_DAYS)
    hi = max(anchors) + _dt.timedelta(days=MARGIN_DAYS)
    shown = [p for p in points if lo <= p.date <= hi]
    start, end = min(p.date for p in shown), max(p.date for p in shown)
    if start == end:
        start, end = start - _dt.timedelta(days=1), end + _dt.timedelta(days=1)
    span = (end - start).days
    inner = WIDTH - LEFT - RIGHT

    def x(d: _dt.date) -> int:
        return LEFT + round(inner * (d - start).days / span)

    lanes: dict[str, int] = {}
    for p in shown:
        lanes.setdefault(p.lane, TOP + LANE * len(lanes) + LANE // 2)
    height = TOP + LANE * len(lanes) + 30
    step = max(1, span // 6)
    ticks = [(x(start + _dt.timedelta(days=d)), (start + _dt.timedelta(days=d)).isoformat())
             for d in range(0, span + 1, step)]
    dots = [(x(p.date), lanes[p.lane], p) for p in shown]
    return Layout(WIDTH, height, list(lanes.items()), dots, ticks, len(points) - len(shown))
