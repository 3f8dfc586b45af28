"""Turning what a user typed in the action editors into commands for services.actions.

`st.data_editor` hands back its edits as {row: {column: value}} with labels (status, stratum,
partner and region names) and dates as text; the service wants keys, ids and dates. The service
validates everything again: the editor's own checks are only a convenience.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from dashboard.services.actions import ActionEdit

EDITOR_COLUMNS = ("code", "title", "status", "planned_start", "planned_end", "actual_start",
                  "actual_end", "lead_partner", "regions", "target_stratum",
                  "social_entrepreneurship", "budget_eur")


@dataclass(frozen=True)
class Vocabulary:
    """Labels shown in the editors and what they stand for."""

    statuses: dict[str, str]  # label -> key
    strata: dict[str, int]  # label -> stratum
    partners: dict[str, int]  # name -> id
    regions: dict[str, int]  # name -> id

    def status_labels(self) -> dict[str, str]:
        return {key: label for label, key in self.statuses.items()}

    def stratum_labels(self) -> dict[int, str]:
        return {value: label for label, value in self.strata.items()}


def editor_frame(actions: pl.DataFrame, vocabulary: Vocabulary) -> pl.DataFrame:
    """The actions as the bulk editor shows them: labels, not keys."""
    statuses = vocabulary.status_labels()
    strata = vocabulary.stratum_labels()
    return actions.select(
        "code", "title",
        pl.col("status").replace_strict(statuses, return_dtype=pl.String),
        "planned_start", "planned_end", "actual_start", "actual_end", "lead_partner",
        pl.col("region_names").alias("regions"),
        pl.col("target_stratum").replace_strict(strata, default=None, return_dtype=pl.String),
        "social_entrepreneurship", "budget_eur",
    )


def _date(value: object) -> dt.date | None:
    """The editor gives dates as ISO text (sometimes with a time); None when cleared."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def edits_from_editor(edited_rows: dict, actions: pl.DataFrame,
                      vocabulary: Vocabulary) -> list[ActionEdit]:
    """One ActionEdit per edited row, carrying the version of the action the editor showed."""
    edits = []
    for row_index, columns in sorted(edited_rows.items(), key=lambda item: int(item[0])):
        action = actions.row(int(row_index), named=True)
        changes: dict[str, object] = {}
        regions = None
        for column, value in columns.items():
            if column == "status":
                changes["status"] = vocabulary.statuses.get(value, value)
            elif column == "title":
                changes["title"] = (value or "").strip()
            elif column in ("planned_start", "planned_end", "actual_start", "actual_end"):
                changes[column] = _date(value)
            elif column == "lead_partner":
                changes["lead_partner_id"] = vocabulary.partners.get(value) if value else None
            elif column == "regions":
                regions = tuple(sorted(vocabulary.regions[name] for name in (value or [])
                                       if name in vocabulary.regions))
            elif column == "target_stratum":
                changes["target_stratum"] = vocabulary.strata.get(value) if value else None
            elif column == "social_entrepreneurship":
                changes["social_entrepreneurship"] = bool(value)
            elif column == "budget_eur":
                changes["budget_eur"] = None if value is None else float(value)
        edits.append(ActionEdit(action["id"], action["version"], changes, region_ids=regions))
    return edits


def next_action_code(objective_code: str, existing_codes: list[str]) -> str:
    """The first free action number under an operational objective ("2.3" -> "2.3.4")."""
    prefix = f"{objective_code}."
    numbers = [int(code[len(prefix):]) for code in existing_codes
               if code.startswith(prefix) and code[len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"
