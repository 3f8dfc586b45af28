"""The text form of field values in change histories (ActionChange.old_value / new_value), so
that every writer stores them alike and readers can turn them back into typed values."""

from __future__ import annotations

import datetime as dt

DATE_FIELDS = frozenset({"planned_start", "planned_end", "actual_start", "actual_end", "review_date"})
BOOL_FIELDS = frozenset({"social_entrepreneurship"})
INT_FIELDS = frozenset({"target_stratum", "lead_partner_id"})
FLOAT_FIELDS = frozenset({"budget_eur", "time_bank_hours"})


def to_history_value(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def from_history_value(field: str, text: str | None) -> object:
    if text is None:
        return None
    if field in DATE_FIELDS:
        return dt.date.fromisoformat(text)
    if field in BOOL_FIELDS:
        return text == "true"
    if field in INT_FIELDS:
        return int(text)
    if field in FLOAT_FIELDS:
        return float(text)
    return text
