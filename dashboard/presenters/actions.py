"""Actions presenters: the portfolio's tables and labels as the Portfolio page shows them, in the
reader's language. Pure: no Streamlit, no database."""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from dashboard.charts.actions import short_label
from dashboard.i18n import in_language, label, plural, t
from dashboard.i18n.formatting import markdown_text
from dashboard.presenters.tables import joined, translate
from dashboard.services.actions.portfolio import ActionFilters
from dashboard.services.admin.projects import ProjectInfo
from models.vocab import ActionStatus

PLAN_COLUMNS = (
    "objective",
    "code",
    "title",
    "status",
    "planned_start",
    "planned_end",
    "lead_partner",
    "late",
)
# The objectives' codes are the action code's first parts: no columns of their own. What a
# committee scans for (status, late, social entrepreneurship) comes first.
TABLE_COLUMNS = (
    "code",
    "title",
    "status",
    "late",
    "social_entrepreneurship",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "lead_partner",
    "region_names",
    "target_stratum",
    "budget_eur",
)


def plan_heading(strategic: pl.DataFrame) -> str:
    """The heading of a strategic objective's part of the plan, as Markdown (the objective's own
    code and title escaped): "**1 · Title** — 12 actions · 2 late"."""
    head = strategic.row(0, named=True)
    late = int(strategic["late"].sum())
    summary = plural("portfolio.plan_actions", strategic.height)
    if late:
        summary += f" · {late} {t('portfolio.figure.late').lower()}"
    return (
        f"**{markdown_text(head['strategic_code'])} · {markdown_text(head['strategic_title'])}** — {summary}"
    )


def plan_rows(strategic: pl.DataFrame) -> pl.DataFrame:
    """The actions of one strategic objective, with their operational objective as a column: the
    hierarchy stays visible in one table per strategic objective."""
    return (
        translate(strategic, "status", ActionStatus)
        .with_columns(pl.concat_str("objective_code", pl.lit(" · "), "objective_title").alias("objective"))
        .select(PLAN_COLUMNS)
    )


def actions_table(shown: pl.DataFrame, project: ProjectInfo) -> pl.DataFrame:
    """Every action shown, one row each, statuses and strata as labels, regions joined."""
    return (
        joined(translate(shown, "status", ActionStatus), "region_names")
        .with_columns(
            pl.col("target_stratum").map_elements(in_language(project.stratum_label), return_dtype=pl.String)
        )
        .select(TABLE_COLUMNS)
    )


def strategic_labels(shown: pl.DataFrame) -> dict[str, str]:
    """The strategic objectives' short labels for the charts' axes, in plan order."""
    return {
        code: short_label(f"{code} ·", title, limit=52)
        for code, title in shown.select("strategic_code", "strategic_title")
        .unique()
        .sort(pl.col("strategic_code").cast(pl.Int64, strict=False))
        .iter_rows()
    }


def region_labels(shown: pl.DataFrame) -> dict[str, str]:
    return {name: name for name in shown["region_names"].explode().drop_nulls().unique().sort().to_list()}


# The order in which the Home page lists the statuses: what is moving first, ideas last.
BREAKDOWN_ORDER = (
    ActionStatus.in_progress,
    ActionStatus.done,
    ActionStatus.planned,
    ActionStatus.on_hold,
    ActionStatus.stopped,
    ActionStatus.idea,
)


def status_breakdown(counts: Mapping[str, int], lang: str | None = None) -> str:
    """ "20 en cours · 29 terminées · 8 planifiées · 3 en pause · 7 arrêtées · 1 idée": every
    status that has actions, so that the parts add up to the total, each in its singular or
    plural form."""
    return " · ".join(
        plural(f"home.status_count.{status.value}", counts[status.value], lang)
        for status in BREAKDOWN_ORDER
        if counts.get(status.value, 0)
    )


def filter_summary(
    project: ProjectInfo, filters: ActionFilters, actions: pl.DataFrame
) -> list[tuple[str, str]]:
    """(filter, what it keeps) for each filter applied, in the reader's words: what a download
    of the filtered actions says it holds."""
    regions = dict(
        actions.select(pl.col("region_codes").explode(), pl.col("region_names").explode())
        .drop_nulls()
        .iter_rows()
    )
    yes_no = {True: t("common.yes"), False: t("common.no")}
    parts = [
        (
            t("filters.search"),
            t("downloads.quoted", text=filters.text.strip()) if filters.text.strip() else "",
        ),
        (t("filters.objective"), ", ".join(filters.strategic_codes)),
        (t("filters.status"), ", ".join(label(ActionStatus(s)) for s in filters.statuses)),
        (t("filters.region"), ", ".join(regions.get(c, c) for c in filters.region_codes)),
        (t("filters.lead_partner"), ", ".join(filters.lead_partners)),
        (t("filters.stratum"), ", ".join(project.stratum_label(s) for s in filters.strata)),
        (
            t("filters.se"),
            "" if filters.social_entrepreneurship is None else yes_no[filters.social_entrepreneurship],
        ),
        (t("filters.late_only"), yes_no[True] if filters.late_only else ""),
    ]
    return [(name, value) for name, value in parts if value]


GANTT_COLUMNS = (
    "title",
    "status",
    "planned_start",
    "planned_end",
    "baseline_start",
    "baseline_end",
    "actual_start",
    "actual_end",
    "late",
    "lead_partner",
)


def gantt_words() -> dict[str, str]:
    """The Gantt chart's tooltip and legend words in the current language (the page and the
    meeting pack draw the same chart)."""
    words = {name: t(f"portfolio.col.{name}") for name in GANTT_COLUMNS}
    return words | {"code": t("gantt.words.code"), "yes": t("common.yes"), "no": t("common.no")}
