"""Reporting periods of indicator values: a year ("2021"), a quarter ("2021-Q3") or a month
("2021-06"). Each period is ordered by its last day."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?:Q(?P<quarter>[1-4])|(?P<month>0[1-9]|1[0-2])))?$")


def normalise_period(text: str) -> str:
    """Upper-case quarter letter, no surrounding spaces ("2021-q3 " -> "2021-Q3")."""
    return text.strip().upper()


def period_end(period: str) -> dt.date:
    """The last day of a period; ValueError when the text is not a period."""
    match = _PATTERN.match(normalise_period(period))
    if not match:
        raise ValueError(period)
    year = int(match["year"])
    if match["quarter"]:
        month = int(match["quarter"]) * 3
    elif match["month"]:
        month = int(match["month"])
    else:
        month = 12
    return dt.date(year, month, calendar.monthrange(year, month)[1])
