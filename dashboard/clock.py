"""The project's calendar: dates are Brussels dates, whatever the server's time zone.

A server runs in UTC (or anywhere); between 23:00 and 24:00 UTC (22:00 in summer) it is
already the next day in Belgium. Every "today" the app uses as a default goes through
`today()`, so a change recorded just after Belgian midnight falls inside "today's" window.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")


def utc_now() -> dt.datetime:
    """The current instant, time-zone aware (tests replace this one function)."""
    return dt.datetime.now(dt.UTC)


def today(now: dt.datetime | None = None) -> dt.date:
    """The date in Brussels at `now` (default: this instant)."""
    return (now or utc_now()).astimezone(BRUSSELS).date()
