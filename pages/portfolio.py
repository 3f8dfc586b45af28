"""Portfolio: the actions of the plan (strategic > operational > action), their status, what is
late or coming, the social-entrepreneurship share, breakdowns, and each action's detail."""

import datetime as dt

import polars as pl
import streamlit as st

from dashboard.charts.portfolio import share_trend, short_label, status_bars
from dashboard.i18n import in_language, label, plural, t
from dashboard.i18n.formatting import format_number, format_percent, markdown_text
from dashboard.services import plan_import, portfolio
from dashboard.ui import cache
from dashboard.ui.components import chart, downloads, page_header, show_table
from dashboard.ui.context import page_context
from dashboard.ui.portfolio import (
    action_detail_panel,
    date_columns,
    filter_bar,
    filtered_download,
)
from dashboard.ui.tables import joined, translate
from models.vocab import Area, ActionStatus, PartnerCategory

OPEN_ACTION = "action"  # query parameter: the code of the action whose detail is open

context = page_context()
project = context.project
today = dt.date.today()
page_header(context, t("portfolio.title"))

actions = portfolio.with_late_flag(cache.actions(project.id, project.version(Area.actions)), today)
shown = filter_bar(context, actions)

# ---- key figures of what is shown
counts = portfolio.status_counts(shown)
starting, ending = portfolio.upcoming(shown, today)
share, _, _ = portfolio.social_entrepreneurship_share(shown)
target = project.social_entrepreneurship_target
figures = st.columns(7)
figures[0].metric(t("portfolio.figure.actions"), format_number(shown.height), border=True)
figures[1].metric(label(ActionStatus.in_progress), format_number(counts["in_progress"]), border=True)
figures[2].metric(label(ActionStatus.done), format_number(counts["done"]), border=True)
figures[3].metric(
    t("portfolio.figure.late"), format_number(int(shown["late"].sum())), border=True, help=t("home.late_help")
)
figures[4].metric(t("portfolio.figure.starting"), format_number(starting), border=True)
figures[5].metric(t("portfolio.figure.ending"), format_number(ending), border=True)
figures[6].metric(
    t("portfolio.figure.se"),
    format_percent(share),
    border=True,
    help=t("home.se_help"),
    delta=None
    if target is None or share is None
    else t("home.se_gap", gap=format_number(100 * (share - target), 1)),
)


def select(key: str, codes: list[str]) -> None:
    """A row was clicked: open that action (its code goes in the URL, so the link is shareable
    and the detail survives reruns until the user closes it)."""
    rows = st.session_state[key].selection.rows
    if rows:
        st.query_params[OPEN_ACTION] = codes[rows[0]]


def close_detail() -> None:
    st.query_params.pop(OPEN_ACTION, None)


@st.dialog(t("detail.fields"), width="large", on_dismiss=close_detail)
def show_detail(action_id: int) -> None:
    action_detail_panel(context, action_id)


status_labels = {s.value: label(s) for s in ActionStatus}
plan_tab, table_tab, charts_tab = st.tabs(
    [t("portfolio.tab.plan"), t("portfolio.tab.table"), t("portfolio.tab.charts")]
)

with plan_tab:
    st.caption(t("portfolio.select_hint"))
    for strategic in shown.partition_by("strategic_code", maintain_order=True):
        head = strategic.row(0, named=True)
        late = int(strategic["late"].sum())
        summary = plural("portfolio.plan_actions", strategic.height)
        if late:
            summary += f" · {late} {t('portfolio.figure.late').lower()}"
        with st.expander(
            f"**{markdown_text(head['strategic_code'])} · {markdown_text(head['strategic_title'])}** — {summary}",
            expanded=len(shown["strategic_code"].unique()) <= 2,
        ):
            # One table per strategic objective (not per operational one): the hierarchy stays
            # visible in the first column, at a fifth of the cost of drawing many small tables.
            rows = translate(strategic, "status", ActionStatus).with_columns(
                pl.concat_str("objective_code", pl.lit(" · "), "objective_title").alias("objective")
            )
            key = f"plan_{head['strategic_code']}"
            show_table(
                rows.select(
                    "objective",
                    "code",
                    "title",
                    "status",
                    "planned_start",
                    "planned_end",
                    "lead_partner",
                    "late",
                ),
                hide_index=True,
                placeholder="–",
                width="stretch",
                key=key,
                on_select=lambda k=key, codes=(strategic["code"].to_list()): select(k, codes),
                selection_mode="single-row",
                column_config={
                    "objective": st.column_config.TextColumn(project.level_name(2), width=260, pinned=True),
                    "code": st.column_config.TextColumn(t("portfolio.col.code"), width="small"),
                    "title": st.column_config.TextColumn(t("portfolio.col.title"), width="large"),
                    "status": t("portfolio.col.status"),
                    **date_columns(("planned_start", "planned_end")),
                    "lead_partner": t("portfolio.col.lead_partner"),
                    "late": st.column_config.CheckboxColumn(t("portfolio.col.late")),
                },
            )

with table_tab:
    table = joined(translate(shown, "status", ActionStatus), "region_names").with_columns(
        pl.col("target_stratum").map_elements(in_language(project.stratum_label), return_dtype=pl.String)
    )
    show_table(
        # The objectives' codes are the action code's first parts: no columns of their own.
        # What a committee scans for (status, late, social entrepreneurship) comes first.
        table.select(
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
        ),
        hide_index=True,
        placeholder="–",
        width="stretch",
        height=560,
        key="portfolio_table",
        on_select=lambda: select("portfolio_table", shown["code"].to_list()),
        selection_mode="single-row",
        column_config={
            "code": st.column_config.TextColumn(t("portfolio.col.code"), width="small", pinned=True),
            "title": st.column_config.TextColumn(t("portfolio.col.title"), width="large", pinned=True),
            "status": t("portfolio.col.status"),
            **date_columns(),
            "lead_partner": t("portfolio.col.lead_partner"),
            "region_names": t("portfolio.col.regions"),
            "target_stratum": t("portfolio.col.stratum"),
            "social_entrepreneurship": st.column_config.CheckboxColumn(t("portfolio.col.se")),
            "budget_eur": st.column_config.NumberColumn(t("portfolio.col.budget"), format="localized"),
            "late": st.column_config.CheckboxColumn(t("portfolio.col.late")),
        },
    )
    # The files hold the actions shown (and the objectives they sit under), and say so.
    download = filtered_download(context, actions, shown)
    shown_codes = shown["code"].to_list()
    downloads(
        context,
        lambda: plan_import.plan_frame(context.actor, shown_codes),
        f"plan-{project.slug}{download.suffix}",
        key="plan_export",
        caption=download.caption,
        more_sheets={t("downloads.filters_sheet"): download.sheet},
    )

with charts_tab:
    strategic_labels = {
        code: short_label(f"{code} ·", title, limit=52)
        for code, title in shown.select("strategic_code", "strategic_title")
        .unique()
        .sort(pl.col("strategic_code").cast(pl.Int64, strict=False))
        .iter_rows()
    }
    regions = {name: name for name in shown["region_names"].explode().drop_nulls().unique().sort().to_list()}
    strata = {str(s): project.stratum_label(s) for s in range(4)}
    categories = {c.value: label(c) for c in PartnerCategory}
    common = {
        "status_labels": status_labels,
        "status_title": t("portfolio.col.status"),
        "count_title": t("portfolio.count"),
        "missing_label": t("portfolio.no_value"),
    }
    left, right = st.columns(2)
    with left:
        chart(
            status_bars(
                portfolio.counts_by(shown, "strategic_code"),
                value_labels=strategic_labels,
                title=t("portfolio.by_objective"),
                **common,
            )
        )
        chart(
            status_bars(
                portfolio.counts_by(
                    shown.with_columns(pl.col("target_stratum").cast(pl.String)), "target_stratum"
                ),
                value_labels=strata,
                title=t("portfolio.by_stratum"),
                **common,
            )
        )
    with right:
        chart(
            status_bars(
                portfolio.counts_by(shown, "region_names"),
                value_labels=regions,
                title=t("portfolio.by_region"),
                **common,
            )
        )
        chart(
            status_bars(
                portfolio.counts_by(portfolio.lead_partner_categories(project.id, shown), "lead_category"),
                value_labels=categories,
                title=t("portfolio.by_category"),
                **common,
            )
        )
    trend = cache.social_entrepreneurship_trend(
        project.id,
        project.version(Area.actions),
        project.starts_on.year if project.starts_on else today.year,
        today,
    )
    chart(
        share_trend(
            trend,
            target=target,
            title=t("portfolio.se_trend"),
            share_title=t("portfolio.se_share"),
            target_label=t("portfolio.se_target_line", target=format_percent(target))
            if target is not None
            else "",
        )
    )

# An action opens from a row click, or from a link such as /portfolio?action=2.3.1.
if code := st.query_params.get(OPEN_ACTION):
    action_id = portfolio.action_id_by_code(context.actor, code)
    if action_id is None:
        close_detail()
    else:
        show_detail(action_id)
