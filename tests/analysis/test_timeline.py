"""Dates as files write them, and the buckets the over-time chart plots."""
from __future__ import annotations

from datetime import date

import pytest

from core.analysis.timeline import Timeline, parse_date


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2024-03-05", date(2024, 3, 5)),
        ("2024-03-05 23:59:59", date(2024, 3, 5)),
        ("2024-03-05T08:00:00+08:00", date(2024, 3, 5)),
        ("2024/3/5 12:00", date(2024, 3, 5)),
        ("2024.03.05", date(2024, 3, 5)),
        ("2024年3月5日", date(2024, 3, 5)),
        (" 20240305 ", date(2024, 3, 5)),
        ("1709596800", date(2024, 3, 5)),       # Unix seconds (UTC)
        ("1709596800000", date(2024, 3, 5)),    # milliseconds
        ("2024-02-30", None),
        ("", None),
        ("yesterday", None),
        ("12345", None),
        ("9999999999", None),                   # a 10-digit id, not a plausible timestamp
    ],
)
def test_parse_date(cell, expected):
    assert parse_date(cell) == expected


def test_days_within_two_months_stay_days_and_average():
    t = Timeline()
    for cell, p in [("2024-03-01", 1.0), ("2024/3/1 09:00", 0.0), ("2024-03-03", 0.5), ("n/a", 1.0)]:
        t.add(cell, p)
    assert t.granularity == "day"
    assert [(b.start, b.positive, b.count) for b in t.buckets()] == [
        (date(2024, 3, 1), 0.5, 2), (date(2024, 3, 3), 0.5, 1)]
    assert t.undated == 1


def test_longer_spans_become_weeks_then_months():
    t = Timeline()
    t.add("2024-01-03", 1.0)   # a Wednesday: its week starts Monday 1 January
    t.add("2024-01-07", 0.0)   # Sunday of the same week
    t.add("2024-06-10", 1.0)
    assert t.granularity == "week"
    assert [(b.start, b.count) for b in t.buckets()] == [(date(2024, 1, 1), 2), (date(2024, 6, 10), 1)]
    t.add("2026-06-30", 0.25)
    assert t.granularity == "month"
    assert [(b.start, b.positive) for b in t.buckets()] == [
        (date(2024, 1, 1), 0.5), (date(2024, 6, 1), 1.0), (date(2026, 6, 1), 0.25)]
    t.clear()
    assert not t and t.undated == 0 and t.buckets() == []
