"""The app's "today" is the Brussels date, not the server's."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard import clock


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        (dt.datetime(2026, 12, 7, 22, 59, tzinfo=dt.UTC), dt.date(2026, 12, 7)),  # 23:59 in winter
        (dt.datetime(2026, 12, 7, 23, 0, tzinfo=dt.UTC), dt.date(2026, 12, 8)),  # Belgian midnight
        (dt.datetime(2026, 7, 1, 21, 59, tzinfo=dt.UTC), dt.date(2026, 7, 1)),  # summer time
        (dt.datetime(2026, 7, 1, 22, 0, tzinfo=dt.UTC), dt.date(2026, 7, 2)),
    ],
)
def test_today_is_the_date_in_brussels(instant, expected):
    assert clock.today(instant) == expected


def test_every_default_today_goes_through_the_clock():
    """No module of the app asks the server for its own date (its time zone is not Belgium's)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "dashboard"
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "date.today()" in path.read_text(encoding="utf-8") and path.name != "clock.py"
    ]
    assert offenders == []
