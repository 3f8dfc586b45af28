"""Import tab: action plans."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.i18n import t
from dashboard.services.plan_import import (
    PlanPreview, apply_plan_import, preview_plan_import,
)
from dashboard.ui.context import PageContext
from dashboard.ui.imports import import_panel

ORDER = 10
TITLE_KEY = "import.kind.actions"


def _value(value: object) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, tuple):
        return str(len(value))
    return str(value)


def render_preview(preview: PlanPreview) -> None:
    counts = st.columns(5)
    counts[0].metric(t("import.actions.new"), len(preview.new_actions))
    counts[1].metric(t("import.actions.changed"), len(preview.changed_actions))
    counts[2].metric(t("import.actions.unchanged"), len(preview.unchanged_actions))
    counts[3].metric(t("import.actions.new_objectives"), len(preview.new_objectives))
    counts[4].metric(t("import.actions.absent"), len(preview.absent_actions),
                     help=t("import.actions.absent_help"))
    rows = [{"code": a.code, "what": t("import.actions.new"), "field": c.field,
             "old": "", "new": _value(c.new)} for a in preview.new_actions for c in a.changes]
    rows += [{"code": a.code, "what": t("import.actions.changed"), "field": c.field,
              "old": _value(c.old), "new": _value(c.new)}
             for a in preview.changed_actions for c in a.changes]
    if rows:
        st.dataframe(pl.DataFrame(rows), hide_index=True, placeholder="–", width="stretch", height=360,
                     column_config={"code": t("portfolio.col.code"),
                                    "what": t("import.actions.what"),
                                    "field": t("import.actions.field"),
                                    "old": t("import.actions.old"),
                                    "new": t("import.actions.new_value")})
    if preview.new_partners:
        st.info(t("import.actions.new_partners", partners=", ".join(preview.new_partners)))
    if preview.absent_actions:
        with st.expander(t("import.actions.absent_list", count=len(preview.absent_actions))):
            st.dataframe(pl.DataFrame(preview.absent_actions, schema=["code", "title"],
                                      orient="row"), hide_index=True, placeholder="–", width="stretch")


def render(context: PageContext) -> None:
    import_panel(context, key="import_actions", format_path="docs/formats/actions.md",
                 preview=preview_plan_import, apply=apply_plan_import,
                 render_preview=render_preview, columns_help=t("import.actions.columns"),
                 example="docs/formats/actions-example.csv")
