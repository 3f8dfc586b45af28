"""Import tab: action plans."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

import polars as pl
import streamlit as st

from dashboard.i18n import label, plural, t
from dashboard.i18n.formatting import format_date, format_number, markdown_text
from dashboard.services.actions.plan_import import PlanPreview, apply_plan_import, preview_plan_import
from dashboard.ui.components import show_table
from dashboard.services.admin.projects import ProjectInfo
from dashboard.ui.context import PageContext
from dashboard.ui.imports import import_panel
from models.vocab import ActionStatus

ORDER = 10
TITLE_KEY = "import.kind.actions"
# The catalogue key of each field's name where it is not "field.<name>".
FIELD_KEYS = {"lead_partner": "field.lead_partner_id"}


def field_name(field: str) -> str:
    return t(FIELD_KEYS.get(field, f"field.{field}"))


def value_text(field: str, value: object, stratum_label: Callable[[int], str] = str) -> str:
    """A value of the preview as the rest of the app shows it: labels, not keys; Belgian dates
    and amounts; a stratum by its label; the number of care regions."""
    if value is None or value == "" or value == ():
        return "–"
    if isinstance(value, tuple):
        return format_number(len(value))
    if isinstance(value, bool):
        return t("common.yes") if value else t("common.no")
    if field == "status" and value in {s.value for s in ActionStatus}:
        return label(ActionStatus(value))
    if isinstance(value, dt.date):
        return format_date(value)
    if field == "target_stratum":
        return stratum_label(int(value))  # type: ignore[call-overload]
    if field == "budget_eur":  # to the cent, so that a change of cents shows
        amount = float(value)  # type: ignore[arg-type]
        return f"{format_number(amount, 0 if amount.is_integer() else 2)}\u00a0€"
    return str(value)


def changes_table(preview: PlanPreview, stratum_label: Callable[[int], str] = str) -> pl.DataFrame:
    """One row per field a new or changed action would get, in the reader's words."""

    def rows(actions: list, what: str, with_old: bool) -> list[dict]:
        return [
            {
                "code": a.code,
                "what": what,
                "field": field_name(c.field),
                "old": value_text(c.field, c.old, stratum_label) if with_old else "",
                "new": value_text(c.field, c.new, stratum_label),
            }
            for a in actions
            for c in a.changes
        ]

    return pl.DataFrame(
        rows(preview.new_actions, t("import.actions.new"), False)
        + rows(preview.changed_actions, t("import.actions.changed"), True),
        schema={name: pl.String for name in ("code", "what", "field", "old", "new")},
    )


def render_preview(preview: PlanPreview, project: ProjectInfo | None = None) -> None:
    stratum_label = project.stratum_label if project is not None else str
    counts = st.columns(5)
    counts[0].metric(t("import.actions.new"), len(preview.new_actions))
    counts[1].metric(t("import.actions.changed"), len(preview.changed_actions))
    counts[2].metric(t("import.actions.unchanged"), len(preview.unchanged_actions))
    counts[3].metric(t("import.actions.new_objectives"), len(preview.new_objectives))
    counts[4].metric(
        t("import.actions.absent"), len(preview.absent_actions), help=t("import.actions.absent_help")
    )
    changes = changes_table(preview, stratum_label)
    if changes.height:
        show_table(
            changes,
            hide_index=True,
            placeholder="–",
            width="stretch",
            height=360,
            column_config={
                "code": t("portfolio.col.code"),
                "what": t("import.actions.what"),
                "field": t("import.actions.field"),
                "old": t("import.actions.old"),
                "new": t("import.actions.new_value"),
            },
        )
    if preview.new_partners:
        st.info(t("import.actions.new_partners", partners=markdown_text(", ".join(preview.new_partners))))
    if preview.absent_actions:
        with st.expander(plural("import.actions.absent_list", len(preview.absent_actions))):
            show_table(
                pl.DataFrame(preview.absent_actions, schema=["code", "title"], orient="row"),
                hide_index=True,
                placeholder="–",
                width="stretch",
                column_config={"code": t("portfolio.col.code"), "title": t("portfolio.col.title")},
            )


def render(context: PageContext) -> None:
    import_panel(
        context,
        key="import_actions",
        format_path="docs/formats/actions.md",
        preview=preview_plan_import,
        apply=apply_plan_import,
        render_preview=partial(render_preview, project=context.project),
        columns_help=t("import.actions.columns"),
        example="docs/formats/actions-example.csv",
    )
