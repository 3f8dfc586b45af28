"""Pieces shared by the Portfolio and Gantt pages: the filter bar (its choices carry over from one
page to the other) and the detail panel of one action."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl
import streamlit as st

from dashboard.i18n import label, label_of, plural, t
from dashboard.charts.actions import share_trend, status_bars
from dashboard.i18n.formatting import (
    format_date,
    format_datetime,
    format_eur,
    format_number,
    format_percent,
    markdown_text,
)
from dashboard.presenters import actions as presenters
from dashboard.presenters.actions import status_breakdown  # noqa: F401 (the Home page's)
from dashboard.services.actions import plan_import
from dashboard.services.actions import portfolio
from dashboard.services.actions.portfolio import ActionFilters
from dashboard.ui import cache
from dashboard.ui.components import DATE_FORMAT, chart, chart_downloads, chart_spec, downloads, show_table
from dashboard.ui.context import PageContext
from dashboard.ui.session import relabel_after_language_switch
from dashboard.presenters.tables import in_brussels
from models.vocab import ActionStatus, DecisionOutcome, PartnerCategory

FILTERS_KEY = "portfolio_filters"  # plain session state: survives switching pages
_WIDGETS = ("pf_text", "pf_objective", "pf_status", "pf_region", "pf_lead", "pf_stratum", "pf_se", "pf_late")
# The filters whose option labels are translated: after FR -> NL the browser kept the French
# labels of the chosen statuses and strata (see relabel_after_language_switch). The segmented
# control (pf_se) follows by itself: Streamlit resends its value when its label is not an option.
_TRANSLATED_WIDGETS = ("pf_status", "pf_stratum")


ACTION_DATES = ("planned_start", "planned_end", "actual_start", "actual_end")


def date_columns(names: tuple[str, ...] = ACTION_DATES) -> dict:
    """column_config entries for an action's date columns, labelled and in Belgian format.

    For read-only grids. The bulk editor types dates as text instead
    (ui.action_editing.date_text_columns), because DateColumn's date field cannot follow it in Streamlit 1.67: it is the browser's native
    <input type="date">, whose day/month order is the browser's own UI language (an en-US
    Chromium types mm/dd/yyyy; a French or Dutch one dd/mm/yyyy), and DateColumn has no
    setting for it (streamlit/streamlit#12850, open). Neither the page's lang nor the
    locale given to Streamlit's calendar (ui.localization) reaches that field. The value is
    a real date either way, so no order is ever guessed; the grid keeps the Belgian order,
    which a Belgian browser's editor shares."""
    return {
        name: st.column_config.DateColumn(t(f"portfolio.col.{name}"), format=DATE_FORMAT) for name in names
    }


def _clear() -> None:
    st.session_state[FILTERS_KEY] = ActionFilters()
    for key in _WIDGETS:
        st.session_state.pop(key, None)


def filter_bar(context: PageContext, actions: pl.DataFrame) -> pl.DataFrame:
    """Render the filters and return the matching actions."""
    saved: ActionFilters = st.session_state.get(FILTERS_KEY, ActionFilters())
    project = context.project
    strategic = (
        actions.select("strategic_code", "strategic_title")
        .unique()
        .sort(pl.col("strategic_code").cast(pl.Int64, strict=False))
    )
    strategic_names = dict(strategic.iter_rows())
    regions = dict(
        actions.select(pl.col("region_codes").explode(), pl.col("region_names").explode())
        .drop_nulls()
        .unique()
        .sort("region_names")
        .iter_rows()
    )
    leads = sorted(actions["lead_partner"].drop_nulls().unique().to_list())
    se_options = ["any", "yes", "no"]
    se_labels = {"any": t("filters.se_any"), "yes": t("common.yes"), "no": t("common.no")}

    for key in _TRANSLATED_WIDGETS:
        relabel_after_language_switch(key)
    with st.container(border=True):
        first = st.columns([3, 3, 3, 3])
        text = first[0].text_input(
            t("filters.search"), value=saved.text, key="pf_text", placeholder=t("filters.search_placeholder")
        )
        codes = first[1].multiselect(
            t("filters.objective"),
            list(strategic_names),
            default=[c for c in saved.strategic_codes if c in strategic_names],
            format_func=lambda c: f"{c} · {strategic_names[c]}",
            key="pf_objective",
            placeholder=t("filters.any"),
        )
        statuses = first[2].multiselect(
            t("filters.status"),
            [s.value for s in ActionStatus],
            default=list(saved.statuses),
            format_func=lambda s: label(ActionStatus(s)),
            key="pf_status",
            placeholder=t("filters.any"),
        )
        region_codes = first[3].multiselect(
            t("filters.region"),
            list(regions),
            default=[c for c in saved.region_codes if c in regions],
            format_func=regions.__getitem__,
            key="pf_region",
            placeholder=t("filters.any"),
        )
        second = st.columns([3, 3, 3, 2, 1.4])
        lead = second[0].multiselect(
            t("filters.lead_partner"),
            leads,
            default=[p for p in saved.lead_partners if p in leads],
            key="pf_lead",
            placeholder=t("filters.any"),
        )
        strata = second[1].multiselect(
            t("filters.stratum"),
            [0, 1, 2, 3],
            default=list(saved.strata),
            format_func=project.stratum_label,
            key="pf_stratum",
            placeholder=t("filters.any"),
        )
        se = second[2].segmented_control(
            t("filters.se"),
            se_options,
            format_func=se_labels.__getitem__,
            key="pf_se",
            default={None: "any", True: "yes", False: "no"}[saved.social_entrepreneurship],
        )
        late_only = second[3].toggle(t("filters.late_only"), value=saved.late_only, key="pf_late")
        second[4].button(
            t("filters.clear"),
            on_click=_clear,
            key="pf_clear",
            icon=":material/filter_alt_off:",
            width="stretch",
        )
    filters = ActionFilters(
        strategic_codes=tuple(codes),
        statuses=tuple(statuses),
        region_codes=tuple(region_codes),
        lead_partners=tuple(lead),
        strata=tuple(strata),
        social_entrepreneurship={"yes": True, "no": False}.get(se or "any"),
        text=text,
        late_only=late_only,
    )
    st.session_state[FILTERS_KEY] = filters
    shown = portfolio.filter_actions(actions, filters)
    st.caption(plural("filters.shown", shown.height, total=actions.height))
    return shown


def applied_filters() -> ActionFilters:
    """The filters the filter bar applied in this run (none before it is drawn)."""
    return st.session_state.get(FILTERS_KEY, ActionFilters())


@dataclass(frozen=True)
class FilteredDownload:
    """What a download of the actions on screen says about itself."""

    suffix: str  # appended to the file name ("" when nothing is filtered out)
    caption: str  # shown beside the buttons, written into images
    sheet: pl.DataFrame  # the Excel file's "filters" sheet


def filtered_download(context: PageContext, actions: pl.DataFrame, shown: pl.DataFrame) -> FilteredDownload:
    """The file-name suffix, caption and Excel sheet of a download of `shown`, the actions the
    filters kept out of `actions`."""
    summary = presenters.filter_summary(context.project, applied_filters(), actions)
    counted = plural("downloads.actions_shown", shown.height, total=actions.height)
    if not summary and shown.height == actions.height:
        return FilteredDownload(
            "",
            t("downloads.all_actions", count=actions.height),
            pl.DataFrame({t("downloads.filter"): [t("downloads.none")], t("downloads.value"): [counted]}),
        )
    caption = t(
        "downloads.filtered",
        shown=counted,
        filters=" · ".join(t("downloads.filter_part", name=name, value=value) for name, value in summary),
    )
    sheet = pl.DataFrame(
        {
            t("downloads.filter"): [t("downloads.actions"), *(name for name, _ in summary)],
            t("downloads.value"): [counted, *(value for _, value in summary)],
        }
    )
    return FilteredDownload(
        t("downloads.file_suffix", shown=shown.height, total=actions.height), caption, sheet
    )


def _history_table(detail: portfolio.ActionDetail, context: PageContext) -> pl.DataFrame:
    statuses = {s.value: label(s) for s in ActionStatus}

    def shown(field: str, value: str | None) -> str:
        if value is None:
            return "–"
        if field == "status":
            return statuses.get(value, value)
        if field == "social_entrepreneurship":
            return t("common.yes") if value == "true" else t("common.no")
        if field == "target_stratum":
            return context.project.stratum_label(int(value))
        if field in ("planned_start", "planned_end", "actual_start", "actual_end", "review_date"):
            return format_date(pl.Series([value]).str.to_date()[0])
        return value

    rows = []
    for change in detail.history.iter_rows(named=True):
        cause = label_of("change_source", change["source"])
        if change["decision_sequence"] is not None:
            cause = f"{cause} {t('decisions.entry_number', sequence=change['decision_sequence'])}"
        rows.append(
            {
                t("detail.col.when"): format_datetime(change["changed_at"]),
                t("detail.col.who"): change["changed_by_name"],
                t("detail.col.field"): t(f"field.{change['field']}"),
                t("detail.col.old"): shown(change["field"], change["old_value"]),
                t("detail.col.new"): shown(change["field"], change["new_value"]),
                t("detail.col.cause"): cause,
            }
        )
    return pl.DataFrame(rows)


def action_detail_panel(context: PageContext, action_id: int) -> None:
    """Everything about one action: its fields, partners, regions, history and decisions."""
    detail = portfolio.action_detail(context.actor, action_id)
    action = detail.action
    project = context.project
    with st.container(border=True):
        st.subheader(f"{markdown_text(action['code'])} · {markdown_text(action['title'])}")
        st.caption(
            markdown_text(
                f"{project.level_name(1)} {action['strategic_code']} · "
                f"{project.level_name(2)} {action['objective_code']} "
                f"{action['objective_title']}"
            )
        )
        facts = st.columns(4)
        facts[0].metric(t("portfolio.col.status"), label(ActionStatus(action["status"])))
        facts[1].metric(t("portfolio.col.planned_start"), format_date(action["planned_start"]))
        facts[2].metric(t("portfolio.col.planned_end"), format_date(action["planned_end"]))
        facts[3].metric(t("portfolio.col.budget"), format_eur(action["budget_eur"]))
        stratum = action["target_stratum"]
        rows = {
            t("portfolio.col.lead_partner"): action["lead_partner"] or "–",
            t("portfolio.col.partners"): ", ".join(detail.partners) or "–",
            t("portfolio.col.regions"): ", ".join(detail.regions) or "–",
            t("portfolio.col.stratum"): project.stratum_label(stratum) if stratum is not None else "–",
            t("portfolio.col.se"): t("common.yes") if action["social_entrepreneurship"] else t("common.no"),
            t("portfolio.col.actual_start"): format_date(action["actual_start"]),
            t("portfolio.col.actual_end"): format_date(action["actual_end"]),
            t("portfolio.col.time_bank"): format_number(action["time_bank_hours"]),
            t("portfolio.col.review_date"): format_date(action["review_date"]),
            t("portfolio.col.updated"): f"{format_datetime(action['updated_at'])} · "
            f"{action['updated_by_name']}",
        }
        left, right = st.columns(2)
        for index, (name, value) in enumerate(rows.items()):
            (left if index % 2 == 0 else right).markdown(f"**{name}** · {markdown_text(value)}")
        if action["description"]:
            st.text(action["description"], width="stretch")  # as typed: no Markdown
        st.markdown(f"**{t('detail.decisions')}**")
        if detail.decisions.height == 0:
            st.caption(t("detail.no_decisions"))
        else:
            decisions = in_brussels(detail.decisions, "recorded_at").with_columns(
                pl.col("outcome").replace_strict(
                    {o.value: label(o) for o in DecisionOutcome}, return_dtype=pl.String
                )
            )
            show_table(
                decisions.select(
                    "sequence", "recorded_at", "outcome", "conditions", "rationale", "review_date"
                ),
                hide_index=True,
                placeholder="–",
                width="stretch",
                column_config={
                    "sequence": st.column_config.NumberColumn(t("decisions.col.sequence")),
                    "recorded_at": st.column_config.DatetimeColumn(
                        t("decisions.col.recorded_at"), format="DD/MM/YYYY HH:mm"
                    ),
                    "outcome": t("decisions.col.outcome"),
                    "conditions": t("decisions.col.conditions"),
                    "rationale": st.column_config.TextColumn(t("decisions.col.rationale"), width="large"),
                    "review_date": st.column_config.DateColumn(
                        t("decisions.col.review_date"), format=DATE_FORMAT
                    ),
                },
            )
        st.markdown(f"**{t('detail.history')}**")
        show_table(
            _history_table(detail, context),
            hide_index=True,
            placeholder="–",
            width="stretch",
            height=min(420, 40 + 35 * detail.history.height),
        )


# ---------------------------------------------------------------- the Portfolio page's parts

OPEN_ACTION = "action"  # query parameter: the code of the action whose detail is open


def key_figures(context: PageContext, shown: pl.DataFrame, today: dt.date) -> None:
    """The figures of what is shown: actions, in progress, done, late, starting and ending soon,
    and the social-entrepreneurship share against its target."""
    counts = portfolio.status_counts(shown)
    starting, ending = portfolio.upcoming(shown, today)
    share, _, _ = portfolio.social_entrepreneurship_share(shown)
    target = context.project.social_entrepreneurship_target
    figures = st.columns(7)
    figures[0].metric(t("portfolio.figure.actions"), format_number(shown.height), border=True)
    figures[1].metric(label(ActionStatus.in_progress), format_number(counts["in_progress"]), border=True)
    figures[2].metric(label(ActionStatus.done), format_number(counts["done"]), border=True)
    figures[3].metric(
        t("portfolio.figure.late"),
        format_number(int(shown["late"].sum())),
        border=True,
        help=t("home.late_help"),
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


def _open(key: str, codes: list[str]) -> None:
    """A row was clicked: open that action (its code goes in the URL, so the link is shareable
    and the detail survives reruns until the user closes it)."""
    rows = st.session_state[key].selection.rows
    if rows:
        st.query_params[OPEN_ACTION] = codes[rows[0]]


def _close_detail() -> None:
    st.query_params.pop(OPEN_ACTION, None)


def open_action_detail(context: PageContext) -> None:
    """The detail of the action named in the URL (a row click, or a link such as
    /portfolio?action=2.3.1), as a dialog."""
    code = st.query_params.get(OPEN_ACTION)
    if not code:
        return
    action_id = portfolio.action_id_by_code(context.actor, code)
    if action_id is None:
        _close_detail()
        return

    @st.dialog(t("detail.fields"), width="large", on_dismiss=_close_detail)
    def dialog() -> None:
        action_detail_panel(context, action_id)

    dialog()


def plan_tab(context: PageContext, shown: pl.DataFrame) -> None:
    """The plan: one expander per strategic objective, one table of its actions."""
    st.caption(t("portfolio.select_hint"))
    expanded = len(shown["strategic_code"].unique()) <= 2
    for strategic in shown.partition_by("strategic_code", maintain_order=True):
        with st.expander(presenters.plan_heading(strategic), expanded=expanded):
            key = f"plan_{strategic['strategic_code'][0]}"
            show_table(
                presenters.plan_rows(strategic),
                hide_index=True,
                placeholder="–",
                width="stretch",
                key=key,
                on_select=lambda k=key, codes=(strategic["code"].to_list()): _open(k, codes),
                selection_mode="single-row",
                column_config={
                    "objective": st.column_config.TextColumn(
                        context.project.level_name(2), width=260, pinned=True
                    ),
                    "code": st.column_config.TextColumn(t("portfolio.col.code"), width="small"),
                    "title": st.column_config.TextColumn(t("portfolio.col.title"), width="large"),
                    "status": t("portfolio.col.status"),
                    **date_columns(("planned_start", "planned_end")),
                    "lead_partner": t("portfolio.col.lead_partner"),
                    "late": st.column_config.CheckboxColumn(t("portfolio.col.late")),
                },
            )


def table_tab(context: PageContext, actions: pl.DataFrame, shown: pl.DataFrame) -> None:
    """Every action shown in one table, and the plan file of what is shown."""
    show_table(
        presenters.actions_table(shown, context.project),
        hide_index=True,
        placeholder="–",
        width="stretch",
        height=560,
        key="portfolio_table",
        on_select=lambda: _open("portfolio_table", shown["code"].to_list()),
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
        f"plan-{context.project.slug}{download.suffix}",
        key="plan_export",
        caption=download.caption,
        more_sheets={t("downloads.filters_sheet"): download.sheet},
    )


def charts_tab(context: PageContext, actions: pl.DataFrame, shown: pl.DataFrame, today: dt.date) -> None:
    """Status by objective, stratum, region and lead partner's category; the
    social-entrepreneurship share over time against its target. Each chart with its PNG and
    SVG, named and captioned with the filters in force."""
    project = context.project
    download = filtered_download(context, actions, shown)
    common = {
        "status_labels": {s.value: label(s) for s in ActionStatus},
        "status_title": t("portfolio.col.status"),
        "count_title": t("portfolio.count"),
        "missing_label": t("portfolio.no_value"),
    }

    def shown_with_downloads(spec: object, name: str, every_action: bool = False) -> None:
        spec = chart_spec(spec)
        chart(spec)
        chart_downloads(
            context,
            spec,
            f"{name}-{project.slug}-{today.isoformat()}{'' if every_action else download.suffix}",
            key=f"portfolio_{name}",
            caption=t("downloads.all_actions", count=actions.height) if every_action else download.caption,
        )

    left, right = st.columns(2)
    with left:
        shown_with_downloads(
            status_bars(
                portfolio.counts_by(shown, "strategic_code"),
                value_labels=presenters.strategic_labels(shown),
                title=t("portfolio.by_objective"),
                **common,
            ),
            "by-objective",
        )
        shown_with_downloads(
            status_bars(
                portfolio.counts_by(
                    shown.with_columns(pl.col("target_stratum").cast(pl.String)), "target_stratum"
                ),
                value_labels={str(s): project.stratum_label(s) for s in range(4)},
                title=t("portfolio.by_stratum"),
                **common,
            ),
            "by-stratum",
        )
    with right:
        shown_with_downloads(
            status_bars(
                portfolio.counts_by(shown, "region_names"),
                value_labels=presenters.region_labels(shown),
                title=t("portfolio.by_region"),
                **common,
            ),
            "by-region",
        )
        shown_with_downloads(
            status_bars(
                portfolio.counts_by(portfolio.lead_partner_categories(context.actor, shown), "lead_category"),
                value_labels={c.value: label(c) for c in PartnerCategory},
                title=t("portfolio.by_category"),
                **common,
            ),
            "by-category",
        )
    target = project.social_entrepreneurship_target
    trend = cache.social_entrepreneurship_trend(
        context, project.starts_on.year if project.starts_on else today.year, today
    )
    # The trend counts every action of the project, whatever the filters.
    shown_with_downloads(
        share_trend(
            trend,
            target=target,
            title=t("portfolio.se_trend"),
            share_title=t("portfolio.se_share"),
            target_label=t("portfolio.se_target_line", target=format_percent(target))
            if target is not None
            else "",
        ),
        "se-trend",
        every_action=True,
    )
