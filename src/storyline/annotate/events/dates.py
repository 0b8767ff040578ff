"""The days a TIMEX3 date value covers, for deciding whether an event is historical or future and
whether two reports can be of the same event."""
from __future__ import annotations

import datetime as _dt
import re

_VALUE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?")


def day_range(value: str | None) -> tuple[_dt.date, _dt.date] | None:
    """First and last day of "2026", "2026-02", "2026-02-06", "2026-W07" (any other value that
    starts with a year, such as a season, covers the year); None for non-calendar values."""
    m = _VALUE.match(value or "")
    if not m:
        return None
    year, month, day, week = m.groups()
    try:
        if week:
            start = _dt.date.fromisocalendar(int(year), int(week), 1)
            return start, start + _dt.timedelta(days=6)
        if day:
            one = _dt.date(int(year), int(month), int(day))
            return one, one
        if month:
            first = _dt.date(int(year), int(month), 1)
            nxt = _dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, nxt - _dt.timedelta(days=1)
        return _dt.date(int(year), 1, 1), _dt.date(int(year), 12, 31)
    except ValueError:
        return None
