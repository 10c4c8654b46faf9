"""Sentiment over time for batch analysis: read a date column's values and bucket them.

Real files write dates in many ways ("2024-03-05 12:00", "2024/3/5", "2024年3月5日",
"20240305", Unix seconds or milliseconds), so the chart cannot key on the raw string. A
file spanning two years also has hundreds of distinct days, too many points for a chart: the
bucket grows from day to week to month with the span. Values that are not a readable date
are counted, not guessed at.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

# year, month, day with -, /, . or 年/月 between them; a time or anything else may follow
_YMD = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_EPOCH_MIN, _EPOCH_MAX = date(1990, 1, 1), date(2100, 1, 1)  # plausible Unix timestamps

DAY_SPAN = 62    # at most this many days apart: one point per day
WEEK_SPAN = 731  # at most two years: one per week (starting Monday); beyond: one per month


def parse_date(value: str) -> date | None:
    """The calendar date a cell names, or None when it is not a date this reads."""
    v = value.strip()
    if not v:
        return None
    if v.isdigit() and len(v) in (10, 13):  # Unix seconds or milliseconds
        try:
            d = datetime.fromtimestamp(int(v) / (1000 if len(v) == 13 else 1), tz=timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
        if _EPOCH_MIN <= d < _EPOCH_MAX:
            return d
    m = _YMD.match(v) or _COMPACT.fullmatch(v)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:  # 2024-02-30 and the like
        return None


@dataclass(frozen=True)
class Bucket:
    start: date
    positive: float  # mean positive probability of the rows in it
    count: int


@dataclass
class Timeline:
    """Accumulates (date cell, positive probability) pairs; `buckets()` is what a chart plots."""

    _days: dict[date, list[float]] = field(default_factory=dict)  # day -> [sum, count]
    undated: int = 0

    def add(self, value: str, positive: float) -> None:
        day = parse_date(value)
        if day is None:
            self.undated += 1
            return
        slot = self._days.setdefault(day, [0.0, 0])
        slot[0] += positive
        slot[1] += 1

    def clear(self) -> None:
        self._days.clear()
        self.undated = 0

    def __bool__(self) -> bool:
        return bool(self._days)

    @property
    def granularity(self) -> str:
        """"day", "week" or "month", from the span of the dates seen."""
        if not self._days:
            return "day"
        span = (max(self._days) - min(self._days)).days
        return "day" if span <= DAY_SPAN else "week" if span <= WEEK_SPAN else "month"

    def buckets(self) -> list[Bucket]:
        unit = self.granularity
        sums: dict[date, list[float]] = {}
        for day, (total, n) in self._days.items():
            start = (day if unit == "day" else day - timedelta(days=day.weekday()) if unit == "week"
                     else day.replace(day=1))
            slot = sums.setdefault(start, [0.0, 0])
            slot[0] += total
            slot[1] += n
        return [Bucket(start, total / n, int(n)) for start, (total, n) in sorted(sums.items())]
