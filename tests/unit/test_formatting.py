"""Belgian number, percentage and date formats."""

import datetime as dt

from dashboard.i18n.formatting import (
    format_date,
    format_datetime,
    format_eur,
    format_long_date,
    format_number,
    format_percent,
    format_short_date,
    vega_locale,
)


def test_numbers_use_a_decimal_comma_and_belgian_grouping():
    assert format_number(1234567.891, 2, "nl") == "1.234.567,89"
    assert format_number(1234567.891, 2, "en") == "1.234.567,89"
    assert format_number(1234567.891, 2, "fr") == "1\u202f234\u202f567,89"
    assert format_number(None) == "–"
    assert format_number(-5, 0, "nl") == "-5"


def test_percentages():
    assert format_percent(0.456, 1, "fr") == "45,6\u00a0%"
    assert format_percent(0.456, 1, "nl") == "45,6%"
    assert format_percent(None) == "–"


def test_euros():
    assert format_eur(208333, "nl") == "208.333\u00a0€"


def test_dates_are_day_month_year():
    day = dt.date(2026, 3, 7)
    assert format_date(day) == "07/03/2026"
    assert format_long_date(day, "fr") == "7 mars 2026"
    assert format_long_date(day, "nl") == "7 maart 2026"
    assert format_short_date(dt.date(2026, 12, 8), "fr") == "8 déc. 2026"


def test_datetimes_are_shown_in_brussels_time():
    summer = dt.datetime(2026, 7, 1, 12, 0, tzinfo=dt.UTC)
    winter = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)
    assert format_datetime(summer) == "01/07/2026 14:00"
    assert format_datetime(winter) == "01/01/2026 13:00"


def test_chart_locale_matches_the_tables():
    locale = vega_locale("nl")
    assert locale["number"]["decimal"] == ","
    assert locale["number"]["thousands"] == "."
    assert locale["time"]["months"][2] == "maart"
    assert locale["time"]["days"][0] == "zondag"
