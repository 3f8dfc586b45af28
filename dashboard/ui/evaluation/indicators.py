"""The Indicators page: the overview grid, the detail of one indicator (series against its
trajectory, regions, definition, linked actions, "turn the curve" comments, values and their
history) and the forms that enter values and edit definitions."""

from __future__ import annotations

import datetime as dt

import polars as pl
import streamlit as st

from dashboard.charts import evaluation as charts
from dashboard.charts.theme import TRACK_COLOURS
from dashboard.errors import ConflictError, DashboardError
from dashboard.i18n import current_language, in_language, label, label_of, plural, t
from dashboard.i18n.formatting import format_datetime, format_number, markdown_text
from dashboard.permissions import Permission
from dashboard.presenters.evaluation import overview_rows  # noqa: F401
from dashboard.presenters import evaluation as indicator_presenter
from dashboard.presenters.tables import in_brussels, translate
from dashboard.services.evaluation import (
    indicator_definitions,
    indicator_status,
    indicator_values,
    indicators,
)
from dashboard.services.suppression import SUPPRESSED_TEXT
from dashboard.ui import cache, versions
from dashboard.ui.components import (
    DATE_FORMAT,
    chart,
    chart_downloads,
    chart_spec,
    downloads,
    show_error,
    show_table,
)
from dashboard.ui.context import PageContext
from dashboard.ui.evaluation import (
    STATUS_BADGE,
    STATUS_ICON,
    figure,
    flash,
    labels_of,
    show_flash,
    status_labels,
    unit_label,
    with_unit,
)
from data_loaders.periods import period_end
from models.vocab import (
    INTEGRATED_CARE_COMPONENTS,
    ActionStatus,
    Area,
    IndicatorKind,
    Polarity,
    QuadrupleAim,
)

# ---------------------------------------------------------------- indicators: overview


# The main column's width at 1920 x 1080 with the sidebar open, less the row selector: the
# overview's columns must fit in it (none cut off, no horizontal scroll).
OVERVIEW_WIDTH = 1390


def overview_column_config() -> dict:
    """The overview's columns, in widths that add up to at most OVERVIEW_WIDTH."""
    labels = status_labels()
    return {
        "code": st.column_config.TextColumn(t("indicators.col.code"), width=165),
        "name": st.column_config.TextColumn(t("indicators.col.name"), width=380),
        "kind": st.column_config.TextColumn(t("indicators.col.kind"), width=90),
        "latest": st.column_config.TextColumn(t("indicators.col.latest"), width=110),
        "period": st.column_config.TextColumn(t("indicators.col.period"), width=70),
        "target": st.column_config.TextColumn(t("indicators.col.target"), width=105),
        "expected": st.column_config.TextColumn(
            t("indicators.col.expected"), width=80, help=t("indicators.expected_help")
        ),
        "unit": st.column_config.TextColumn(t("indicators.col.unit"), width=110),
        "status": st.column_config.MultiselectColumn(
            t("indicators.col.status"),
            width=140,
            options=list(indicator_status.STATUSES),
            color=[TRACK_COLOURS[s] for s in indicator_status.STATUSES],
            format_func=labels.__getitem__,
        ),
        "trend": st.column_config.LineChartColumn(t("indicators.col.trend"), width=120),
    }


def progress_spec(overview: pl.DataFrame, lang: str) -> dict:
    frame = overview.with_columns(pl.concat_str(pl.col(f"name_{lang}")).alias("label"))
    return chart_spec(
        charts.progress_chart(
            frame,
            status_labels=status_labels(),
            words={
                "progress": t("indicators.progress"),
                "expected": t("indicators.col.expected"),
                "status": t("indicators.col.status"),
                "indicator": t("indicators.col.name"),
                "baseline": t("indicators.baseline"),
                "target": t("indicators.col.target"),
            },
        )
    )


def catalogue_table(catalogue: pl.DataFrame) -> pl.DataFrame:
    """The dictionary of the indicators as the page shows and downloads it: vocabulary keys
    replaced by their labels in the current language."""
    return translate(
        translate(translate(catalogue, "aim", QuadrupleAim), "kind", IndicatorKind), "polarity", Polarity
    ).with_columns(
        pl.col("component").map_elements(
            in_language(lambda c: f"{c} · {t(f'component.{c}')}"), return_dtype=pl.String
        ),
        pl.col("computation").map_elements(
            in_language(lambda c: t(f"indicators.computation.{c}")), return_dtype=pl.String
        ),
        pl.col("unit").map_elements(in_language(unit_label), return_dtype=pl.String),
        *(
            [pl.col("data_source").map_elements(in_language(_source_label), return_dtype=pl.String)]
            if "data_source" in catalogue.columns
            else []
        ),
    )


def _source_label(source: str) -> str:
    return indicator_presenter.source_label(source, current_language())


def catalogue_column_config() -> dict:
    names = {
        "code": "indicators.col.code",
        "name": "indicators.col.name",
        "aim": "indicators.col.aim",
        "component": "indicators.col.component",
        "kind": "indicators.col.kind",
        "definition": "indicators.col.definition",
        "numerator_definition": "indicators.col.numerator",
        "denominator_definition": "indicators.col.denominator",
        "unit": "indicators.col.unit",
        "polarity": "indicators.col.polarity",
        "decimals": "indicators.col.decimals",
        "baseline_value": "indicators.baseline",
        "baseline_period": "indicators.baseline_period",
        "target_value": "indicators.col.target",
        "target_period": "indicators.target_period",
        "data_source": "indicators.col.source",
        "owner": "indicators.col.owner",
        "computation": "indicators.col.computation",
        "linked_actions": "indicators.linked_actions",
    }
    config: dict = {column: t(key) for column, key in names.items()}
    for column, width in (
        ("name", 380),
        ("definition", 520),
        ("numerator_definition", 320),
        ("denominator_definition", 260),
        ("computation", 320),
    ):
        config[column] = st.column_config.TextColumn(t(names[column]), width=width)
    config["code"] = st.column_config.TextColumn(t(names["code"]), width=200, pinned=True)
    return config


# ---------------------------------------------------------------- indicators: detail


def _period_end(period: str) -> dt.date:
    return period_end(period)


def progress_chart(context: PageContext, today: dt.date) -> dict:
    """The progress chart of every indicator (for `cache.derived`)."""
    return progress_spec(cache.indicator_overview(context, today), context.lang)


def detail_charts(context: PageContext, indicator_id: int, today: dt.date) -> tuple[dict | None, dict | None]:
    """The trend and per-region charts of one indicator's detail (for `cache.derived`)."""
    detail = cache.indicator_detail(context, indicator_id, today)
    return trend_spec(detail), regions_spec(detail)


def trend_spec(detail: indicators.IndicatorDetail) -> dict | None:
    if detail.values.filter(pl.col("value").is_not_null()).height == 0:
        return None
    row = detail.indicator
    baseline = (
        (row["baseline_value"], _period_end(row["baseline_period"]))
        if row["baseline_value"] is not None and row["baseline_period"]
        else None
    )
    target = (
        (row["target_value"], _period_end(row["target_period"]))
        if row["target_value"] is not None and row["target_period"]
        else None
    )
    return chart_spec(
        charts.indicator_trend(
            detail.values,
            baseline=baseline,
            target=target,
            decimals=row["decimals"],
            unit=unit_label(row["unit"]),
            words={
                "project": t("indicators.whole_project"),
                "value": t("indicators.col.value"),
                "period": t("indicators.col.period"),
                "region": t("indicators.col.region"),
                "baseline": t("indicators.baseline"),
                "target": t("indicators.col.target"),
                "trajectory": t("indicators.trajectory"),
            },
        )
    )


def status_sentence(row: dict) -> str:
    """Why the indicator has its status, in words. Without a baseline there is no trajectory:
    the sentence says the value is judged against the target alone."""
    status = row["status"]
    decimals = row["decimals"]
    if status in ("no_target", "no_data"):
        return t(f"indicators.explain.{status}")
    if row["baseline_value"] is None or not row["baseline_period"]:
        return t(
            f"indicators.explain.{status}.no_baseline",
            value=figure(row["latest_value"], decimals, row["latest_value_suppressed"]),
            period=markdown_text(row["latest_period"]),
            target=figure(row["target_value"], decimals),
        )
    return t(
        f"indicators.explain.{status}",
        value=figure(row["latest_value"], decimals, row["latest_value_suppressed"]),
        expected=figure(row["expected"], decimals),
        period=markdown_text(row["latest_period"]),
        baseline=figure(row["baseline_value"], decimals),
        target=figure(row["target_value"], decimals),
    )


def regions_spec(detail: indicators.IndicatorDetail) -> dict | None:
    latest = indicators.latest_by_region(detail.values)
    if latest.height == 0:
        return None
    row = detail.indicator
    return chart_spec(
        charts.region_bars(
            latest,
            decimals=row["decimals"],
            target=row["target_value"],
            suppressed_text=SUPPRESSED_TEXT,
            words={
                "value": t("indicators.col.value"),
                "region": t("indicators.col.region"),
                "project": t("indicators.whole_project"),
                "target": t("indicators.col.target"),
            },
        )
    )


def indicator_detail_panel(
    context: PageContext, detail: indicators.IndicatorDetail, specs: tuple[dict | None, dict | None]
) -> None:
    """Everything about one indicator; the forms for the roles that may use them. `specs`:
    the series and regions charts (trend_spec, regions_spec), made once per data version."""
    row = detail.indicator
    lang = context.lang
    decimals = row["decimals"]
    show_flash()
    facts = [
        label(QuadrupleAim(row["aim"])),
        label(IndicatorKind(row["kind"])),
        label(Polarity(row["polarity"])),
    ]
    if component := row["component"]:
        facts.insert(1, f"{t('indicators.col.component')} {component} · {t(f'component.{component}')}")
    if row["computation"]:
        facts.append(t("indicators.computed"))
    facts.append(f"{t('indicators.col.code')} {markdown_text(row['code'])}")
    st.caption(" · ".join(facts))
    status = row["status"]
    st.badge(t(f"indicators.status.{status}"), icon=STATUS_ICON[status], color=STATUS_BADGE[status])  # type: ignore[arg-type]
    numbers = st.columns(4)
    unit = row["unit"]
    numbers[0].metric(
        t("indicators.latest_in", period=markdown_text(row["latest_period"] or "–")),
        with_unit(figure(row["latest_value"], decimals, row["latest_value_suppressed"]), unit),
    )
    numbers[1].metric(
        t("indicators.expected_now"),
        with_unit(figure(row["expected"], decimals), unit),
        help=t("indicators.expected_help"),
    )
    numbers[2].metric(
        t("indicators.baseline_in", period=markdown_text(row["baseline_period"] or "–")),
        with_unit(figure(row["baseline_value"], decimals), unit),
    )
    numbers[3].metric(
        t("indicators.target_in", period=markdown_text(row["target_period"] or "–")),
        with_unit(figure(row["target_value"], decimals), unit),
    )
    st.markdown(status_sentence(row))
    spec, regions = specs
    if spec is not None:
        chart(spec, key="indicator_trend_chart")
        chart_downloads(context, spec, f"indicator-{row['code']}", key="indicator_trend")
    else:
        st.info(t("indicators.no_values"))

    names = ["regions", "definition", "actions", "comments", "values"]
    if context.can(Permission.enter_indicator_values):
        names += ["enter", "edit"]
    tabs = dict(zip(names, st.tabs([t(f"indicators.tab.{n}") for n in names]), strict=True))
    with tabs["regions"]:
        _regions(context, detail, regions)
    with tabs["definition"]:
        _definition(row, lang)
    with tabs["actions"]:
        _actions(detail)
    with tabs["comments"]:
        _comments(context, detail)
    with tabs["values"]:
        _values(context, detail)
    if "enter" in tabs:
        with tabs["enter"]:
            value_form(context, detail)
        with tabs["edit"]:
            definition_form(context, detail.indicator, detail.actions["id"].to_list())


def _regions(context: PageContext, detail: indicators.IndicatorDetail, spec: dict | None) -> None:
    if spec is None:
        st.info(t("indicators.no_regions"))
        return
    latest = indicators.latest_by_region(detail.values)
    st.markdown(t("indicators.regions_of", period=markdown_text(latest["period"][0])))
    chart(spec, key="indicator_regions_chart")
    period = latest["period"][0]
    chart_downloads(
        context,
        spec,
        f"indicator-{detail.indicator['code']}-regions-{period}",
        key="indicator_regions",
        caption=t("indicators.regions_of", period=period),
    )


def _definition(row: dict, lang: str) -> None:
    st.text(indicators.text_in(row, "definition", lang) or "–", width="stretch")  # as typed
    entries = {
        t("indicators.col.numerator"): indicators.text_in(row, "numerator_definition", lang),
        t("indicators.col.denominator"): indicators.text_in(row, "denominator_definition", lang),
        t("indicators.col.unit"): unit_label(row["unit"]),
        t("indicators.col.polarity"): label(Polarity(row["polarity"])),
        t("indicators.col.source"): indicator_presenter.source_label(row["data_source"], lang),
        t("indicators.col.owner"): row["owner"],
        t("indicators.col.computation"): t(f"indicators.computation.{row['computation']}")
        if row["computation"]
        else t("indicators.not_computed"),
    }
    for name, value in entries.items():
        st.markdown(f"**{name}** · {markdown_text(value or '–')}")
    st.caption(t("indicators.small_cells_rule"))


def _actions(detail: indicators.IndicatorDetail) -> None:
    if detail.actions.height == 0:
        st.info(t("indicators.no_actions"))
        return
    statuses = {s.value: label(s) for s in ActionStatus}
    rows = detail.actions.with_columns(
        pl.col("status").replace_strict(statuses, return_dtype=pl.String),
        pl.concat_str([pl.lit("/portfolio?action="), pl.col("code")]).alias("link"),
    )
    show_table(
        rows.select("code", "title", "status", "planned_end", "late", "link"),
        hide_index=True,
        placeholder="–",
        width="stretch",
        column_config={
            "code": st.column_config.TextColumn(t("portfolio.col.code"), width="small"),
            "title": st.column_config.TextColumn(t("portfolio.col.title"), width="large"),
            "status": t("portfolio.col.status"),
            "planned_end": st.column_config.DateColumn(t("portfolio.col.planned_end"), format=DATE_FORMAT),
            "late": st.column_config.CheckboxColumn(t("portfolio.col.late")),
            "link": st.column_config.LinkColumn(
                t("indicators.col.open"), display_text=t("indicators.open_action")
            ),
        },
    )


def _comments(context: PageContext, detail: indicators.IndicatorDetail) -> None:
    st.caption(t("indicators.comments_help"))
    if context.can(Permission.comment_indicator):
        with st.form("indicator_comment_form", clear_on_submit=True):
            text = st.text_area(
                t("indicators.comment"),
                max_chars=indicator_definitions.MAX_COMMENT,
                placeholder=t("indicators.comment_placeholder"),
            )
            if st.form_submit_button(
                t("indicators.comment_submit"), type="primary", icon=":material/add_comment:"
            ):
                try:
                    indicator_definitions.add_comment(context.actor, detail.indicator["id"], text)
                except DashboardError as error:
                    show_error(error, labels_of(COMMENT_FIELDS))
                else:
                    flash(t("indicators.comment_added"))
                    st.rerun()
    if detail.comments.height == 0:
        st.info(t("indicators.no_comments"))
    for comment in detail.comments.iter_rows(named=True):
        with st.container(border=True):
            st.markdown(f"**{markdown_text(comment['author'])}** · {format_datetime(comment['created_at'])}")
            st.text(comment["text"])


def _count_text(column: str) -> pl.Expr:
    """A numerator or denominator as shown: the figure, "< 5" when suppressed, "–" when none."""
    return (
        pl.struct(column, f"{column}_suppressed")
        .map_elements(
            in_language(
                lambda v: (
                    figure(v[column], 0, v[f"{column}_suppressed"])
                    if v[column] is not None or v[f"{column}_suppressed"]
                    else "–"
                )
            ),
            return_dtype=pl.String,
        )
        .alias(f"shown_{column}")
    )


def _values(context: PageContext, detail: indicators.IndicatorDetail) -> None:
    row = detail.indicator
    decimals = row["decimals"]
    values = (
        in_brussels(detail.values, "entered_at")
        .with_columns(
            pl.col("region_name").fill_null(t("indicators.whole_project")),
            pl.struct("value", "value_suppressed")
            .map_elements(
                in_language(lambda v: figure(v["value"], decimals, v["value_suppressed"])),
                return_dtype=pl.String,
            )
            .alias("shown_value"),
            _count_text("numerator"),
            _count_text("denominator"),
            pl.col("source").map_elements(
                in_language(lambda s: label_of("value_source", s)), return_dtype=pl.String
            ),
        )
        .sort("period_end", "region_name", descending=[True, False])
    )
    show_table(
        values.select(
            "period",
            "region_name",
            "shown_value",
            "shown_numerator",
            "shown_denominator",
            "source",
            "entered_by",
            "entered_at",
        ),
        hide_index=True,
        placeholder="–",
        width="stretch",
        height=min(420, 40 + 35 * values.height),
        column_config={
            "period": t("indicators.col.period"),
            "region_name": t("indicators.col.region"),
            "shown_value": t("indicators.col.value"),
            "shown_numerator": t("indicators.col.numerator"),
            "shown_denominator": t("indicators.col.denominator"),
            "source": t("indicators.col.source_kind"),
            "entered_by": t("indicators.col.entered_by"),
            "entered_at": st.column_config.DatetimeColumn(
                t("indicators.col.entered_at"), format="DD/MM/YYYY HH:mm"
            ),
        },
    )
    st.caption(t("indicators.small_cells_rule"))
    st.markdown(f"**{t('indicators.history')}**")
    if detail.history.height == 0:
        st.caption(t("indicators.no_history"))
        return
    history = in_brussels(detail.history, "changed_at").with_columns(
        pl.col("region_name").fill_null(t("indicators.whole_project")),
        pl.struct("old_value", "old_suppressed")
        .map_elements(
            in_language(lambda v: figure(v["old_value"], decimals, v["old_suppressed"])),
            return_dtype=pl.String,
        )
        .alias("old"),
        pl.struct("new_value", "new_suppressed")
        .map_elements(
            in_language(lambda v: figure(v["new_value"], decimals, v["new_suppressed"])),
            return_dtype=pl.String,
        )
        .alias("new"),
        pl.col("source").map_elements(
            in_language(lambda s: t(f"indicators.change.{s}")), return_dtype=pl.String
        ),
    )
    show_table(
        history.select("changed_at", "changed_by", "source", "period", "region_name", "old", "new"),
        hide_index=True,
        placeholder="–",
        width="stretch",
        height=min(360, 40 + 35 * history.height),
        column_config={
            "changed_at": st.column_config.DatetimeColumn(t("detail.col.when"), format="DD/MM/YYYY HH:mm"),
            "changed_by": t("detail.col.who"),
            "source": t("detail.col.cause"),
            "period": t("indicators.col.period"),
            "region_name": t("indicators.col.region"),
            "old": t("detail.col.old"),
            "new": t("detail.col.new"),
        },
    )


def value_form(context: PageContext, detail: indicators.IndicatorDetail) -> None:
    """Enter (or correct) the figures of one period and region; the service checks them."""
    row = detail.indicator
    if row["computation"]:
        st.info(t("indicators.computed_no_entry"))
        return
    regions, _ = cache.indicator_form_choices(context)
    st.caption(t("indicators.enter_help", unit=unit_label(row["unit"]) or "–"))
    with st.form(f"indicator_value_form_{row['id']}"):
        first = st.columns([2, 3])
        period = first[0].text_input(
            t("indicators.col.period"),
            max_chars=16,
            placeholder=t("indicators.period_placeholder"),
            key="value_form_period",
        )
        region_id = first[1].selectbox(
            t("indicators.col.region"),
            [None, *regions],
            format_func=lambda r: regions.get(r) or t("indicators.whole_project"),
            key="value_form_region",
        )
        second = st.columns(3)
        value = second[0].number_input(
            t("indicators.col.value"), value=None, step=0.1, format="%.4f", key="value_form_value"
        )
        numerator = second[1].number_input(
            t("indicators.col.numerator"), value=None, step=1.0, format="%.0f", key="value_form_numerator"
        )
        denominator = second[2].number_input(
            t("indicators.col.denominator"), value=None, step=1.0, format="%.0f", key="value_form_denominator"
        )
        if st.form_submit_button(t("indicators.enter_submit"), type="primary", icon=":material/save:"):
            try:
                outcome = indicator_values.enter_value(
                    context.actor,
                    indicator_values.ValueEntry(row["id"], period, region_id, value, numerator, denominator),
                )
            except DashboardError as error:
                show_error(error, labels_of(VALUE_FIELDS))
            else:
                flash(t(f"indicators.entered.{outcome}"))
                st.rerun()
    stored = (
        detail.values.select("period", "region_id", "region_name")
        .unique()
        .sort("period", "region_name", descending=[True, False], nulls_last=False)
    )
    if stored.height and row["computation"] is None:
        with st.expander(t("indicators.delete_title")):
            choices = stored.rows()
            choice = st.selectbox(
                t("indicators.delete_which"),
                range(len(choices)),
                format_func=lambda i: f"{choices[i][0]} · {choices[i][2] or t('indicators.whole_project')}",
                key="value_delete_choice",
            )
            if st.button(t("indicators.delete_submit"), icon=":material/delete:", key="value_delete_submit"):
                try:
                    indicator_values.delete_value(
                        context.actor, row["id"], choices[choice][0], choices[choice][1]
                    )
                except DashboardError as error:
                    show_error(error)
                else:
                    flash(t("indicators.deleted"))
                    st.rerun()


# The forms' fields, by the code the services name them with (Problem.column), and the
# catalogue key of the label the user reads next to each.
DEFINITION_FIELDS = {
    "code": "indicators.col.code",
    "aim": "indicators.col.aim",
    "kind": "indicators.col.kind",
    "component": "indicators.col.component",
    "unit": "indicators.col.unit",
    "polarity": "indicators.col.polarity",
    "decimals": "indicators.col.decimals",
    "baseline_value": "indicators.baseline",
    "baseline_period": "indicators.baseline_period",
    "target_value": "indicators.col.target",
    "target_period": "indicators.target_period",
    "data_source": "indicators.col.source",
    "owner": "indicators.col.owner",
    "actions": "indicators.linked_actions",
    **{f"name_{lang}": f"indicators.name_in.{lang}" for lang in ("fr", "nl", "en")},
    **{f"definition_{lang}": f"indicators.definition_in.{lang}" for lang in ("fr", "nl", "en")},
    **{
        f"{count}_definition_{lang}": f"indicators.{count}_in.{lang}"
        for count in ("numerator", "denominator")
        for lang in ("fr", "nl", "en")
    },
}
VALUE_FIELDS = {
    "period": "indicators.col.period",
    "region": "indicators.col.region",
    "value": "indicators.col.value",
    "numerator": "indicators.col.numerator",
    "denominator": "indicators.col.denominator",
}
COMMENT_FIELDS = {"comment": "indicators.comment"}


def definition_form(context: PageContext, row: dict | None, linked: list[int]) -> int | None:
    """Add an indicator (row None) or edit one; returns its id once saved."""
    _, actions = cache.indicator_form_choices(context)
    computed = bool(row and row["computation"])
    key = f"definition_{row['id'] if row else 'new'}"
    # The definition's version when the form was first drawn: a save over a newer one is refused.
    version = versions.seen(key, row["version"], f"{key}_save") if row else None
    if computed:
        st.caption(t("indicators.computed_definition"))
    with st.form(f"{key}_form"):
        first = st.columns([2, 3, 2, 2])
        code = first[0].text_input(
            t("indicators.col.code"), value=row["code"] if row else "", max_chars=64, disabled=computed
        )
        aims = [a.value for a in QuadrupleAim]
        aim = first[1].selectbox(
            t("indicators.col.aim"),
            aims,
            index=aims.index(row["aim"]) if row else 0,
            format_func=lambda a: label(QuadrupleAim(a)),
            disabled=computed,
        )
        kinds = [k.value for k in IndicatorKind]
        kind = first[2].selectbox(
            t("indicators.col.kind"),
            kinds,
            index=kinds.index(row["kind"]) if row else 0,
            format_func=lambda k: label(IndicatorKind(k)),
            disabled=computed,
        )
        components = [None, *INTEGRATED_CARE_COMPONENTS]
        component = first[3].selectbox(
            t("indicators.col.component"),
            components,
            index=components.index(row["component"]) if row else 0,
            format_func=lambda c: "–" if c is None else f"{c} · {t(f'component.{c}')}",
            disabled=computed,
        )
        names = st.columns(3)
        texts = {}
        for column, lang in zip(names, ("fr", "nl", "en"), strict=True):
            texts[f"name_{lang}"] = column.text_input(
                t(f"indicators.name_in.{lang}"), value=row[f"name_{lang}"] if row else "", disabled=computed
            )
            texts[f"definition_{lang}"] = column.text_area(
                t(f"indicators.definition_in.{lang}"),
                value=row[f"definition_{lang}"] if row else "",
                disabled=computed,
                height=120,
            )
            for count in ("numerator", "denominator"):
                texts[f"{count}_definition_{lang}"] = column.text_input(
                    t(f"indicators.{count}_in.{lang}"),
                    value=row[f"{count}_definition_{lang}"] if row else "",
                    disabled=computed,
                )
        counts = st.columns([1, 2, 1])
        unit = counts[0].text_input(
            t("indicators.col.unit"), value=row["unit"] if row else "%", disabled=computed
        )
        polarities = [p.value for p in Polarity]
        polarity = counts[1].selectbox(
            t("indicators.col.polarity"),
            polarities,
            index=polarities.index(row["polarity"]) if row else 0,
            format_func=lambda p: label(Polarity(p)),
            disabled=computed,
        )
        decimals = counts[2].number_input(
            t("indicators.col.decimals"),
            min_value=0,
            max_value=4,
            step=1,
            value=int(row["decimals"]) if row else 1,
            disabled=computed,
        )
        goals = st.columns(4)
        baseline_value = goals[0].number_input(
            t("indicators.baseline"), value=row["baseline_value"] if row else None, format="%.4f"
        )
        baseline_period = goals[1].text_input(
            t("indicators.baseline_period"),
            value=row["baseline_period"] if row else "",
            placeholder=t("indicators.period_placeholder"),
        )
        # The social-entrepreneurship indicator's target is the project's, which an admin
        # sets on the Users page: shown here, not typed here.
        project_target = bool(row and row["computation"] == indicators.SE_COMPUTATION)
        target_value = goals[2].number_input(
            t("indicators.col.target"),
            value=row["target_value"] if row else None,
            format="%.4f",
            disabled=project_target,
            help=t("indicators.se_target_help") if project_target else None,
        )
        target_period = goals[3].text_input(
            t("indicators.target_period"),
            value=row["target_period"] if row else "",
            placeholder=t("indicators.period_placeholder"),
        )
        people = st.columns(2)
        source = people[0].text_input(
            t("indicators.col.source"),
            value=indicator_presenter.source_label(row["data_source"], current_language()) if row else "",
        )
        owner = people[1].text_input(t("indicators.col.owner"), value=row["owner"] if row else "")
        action_ids = st.multiselect(
            t("indicators.linked_actions"),
            list(actions),
            default=[a for a in linked if a in actions],
            format_func=actions.__getitem__,
            placeholder=t("indicators.linked_actions_placeholder"),
        )
        if st.form_submit_button(
            t("indicators.save_definition"), type="primary", icon=":material/save:", key=f"{key}_save"
        ):
            data = indicator_definitions.IndicatorInput(
                code=code,
                aim=aim,
                kind=kind,
                component=component,
                unit=unit,
                polarity=polarity,
                decimals=int(decimals),
                baseline_value=baseline_value,
                baseline_period=baseline_period,
                target_value=target_value,
                target_period=target_period,
                data_source=indicator_presenter.source_as_stored(source),
                owner=owner,
                action_ids=tuple(action_ids),
                **texts,
            )
            try:
                saved = indicator_definitions.save_indicator(
                    context.actor, data, row["id"] if row else None, version=version
                )
            except ConflictError as error:
                versions.refused(key, error)
            except DashboardError as error:
                show_error(error, labels_of(DEFINITION_FIELDS))
            else:
                versions.forget(key)
                flash(
                    t(
                        "indicators.definition_saved",
                        code=data.code.strip().upper() if not computed else row["code"],
                    )
                )  # type: ignore[index]
                return saved
    versions.show_conflict(key)
    return None


# ---------------------------------------------------------------- the Indicators page's parts

OPEN_INDICATOR = "indicator"  # query parameter: the code of the indicator whose detail is open


def no_catalogue(context: PageContext) -> None:
    """A project without indicators: say so, and offer the default catalogue to those who may."""
    st.info(t("indicators.no_catalogue"))
    if context.can(Permission.enter_indicator_values) and st.button(
        t("indicators.install_catalogue"), type="primary", icon=":material/library_add:"
    ):
        try:
            added = indicator_definitions.install_catalogue(context.actor)
        except DashboardError as error:
            show_error(error)
        else:
            flash(plural("indicators.catalogue_installed", added))
            st.rerun()


def at_a_glance(overview: pl.DataFrame) -> None:
    """How many are on track, at risk, off track and without status, and the rule that says so."""
    counts = dict(overview.group_by("status").len().iter_rows())
    figures = st.columns(4)
    for column, status in zip(figures, ("on_track", "at_risk", "off_track"), strict=False):
        column.metric(t(f"indicators.status.{status}"), format_number(counts.get(status, 0)), border=True)
    figures[3].metric(
        t("indicators.figure.without_status"),
        format_number(counts.get("no_target", 0) + counts.get("no_data", 0)),
        border=True,
        help=t("indicators.without_status_help"),
    )
    st.info(t("indicators.rule"), icon=":material/rule:")


def _open(key: str, codes: list[str]) -> None:
    """A row was clicked: open that indicator (its code goes in the URL)."""
    rows = st.session_state[key].selection.rows
    if rows:
        st.query_params[OPEN_INDICATOR] = codes[rows[0]]


def _close_detail() -> None:
    st.query_params.pop(OPEN_INDICATOR, None)


def open_indicator_detail(context: PageContext, today: dt.date) -> None:
    """The detail of the indicator named in the URL (a row click, or a link such as
    /indicators?indicator=PACIC), as a dialog titled by its name (a committee reads names; the
    code, for files, ends the caption)."""
    code = st.query_params.get(OPEN_INDICATOR)
    if not code:
        return
    indicator_id = indicators.indicator_id_by_code(context.actor, code)
    if indicator_id is None:
        _close_detail()
        return
    detail = cache.indicator_detail(context, indicator_id, today)
    row = detail.indicator

    @st.dialog(
        markdown_text(indicators.text_in(row, "name", context.lang) or row["code"]),
        width="large",
        on_dismiss=_close_detail,
    )
    def dialog() -> None:
        indicator_detail_panel(
            context,
            detail,
            cache.derived(context, (Area.evaluation, Area.actions), detail_charts, indicator_id, today),
        )

    dialog()


def new_indicator_button(context: PageContext) -> None:
    """A new indicator, in a dialog, for those who may enter values."""
    if not context.can(Permission.enter_indicator_values):
        return

    @st.dialog(t("indicators.new"), width="large")
    def dialog() -> None:
        if definition_form(context, None, []) is not None:
            st.rerun()

    if st.button(t("indicators.new"), icon=":material/add:", key="indicator_new"):
        dialog()


def by_aim_tab(context: PageContext, overview: pl.DataFrame, today: dt.date) -> None:
    """The indicators grouped by Quadruple Aim dimension, one table each; a click opens one.
    The overview (every dimension) as CSV and Excel, as shown."""
    lang = context.lang
    rows = overview_rows(overview, lang)
    st.caption(t("indicators.select_hint"))
    for aim in QuadrupleAim:
        group = rows.filter(pl.col("aim") == aim.value)
        if group.height == 0:
            continue
        st.subheader(label(aim))
        key = f"indicators_{aim.value}"
        show_table(
            group.drop("aim"),
            hide_index=True,
            placeholder="–",
            width="stretch",
            key=key,
            on_select=lambda k=key, codes=group["code"].to_list(): _open(k, codes),
            selection_mode="single-row",
            row_height=44,
            # The code last: an identifier for files, not what a committee reads first.
            column_order=(
                "name",
                "latest",
                "period",
                "target",
                "expected",
                "unit",
                "status",
                "trend",
                "kind",
                "code",
            ),
            column_config=overview_column_config(),
        )
    statuses = status_labels()
    downloads(
        context,
        rows.with_columns(
            pl.col("aim").map_elements(in_language(lambda a: t(f"aim.{a}")), return_dtype=pl.String),
            pl.col("status").list.first().replace_strict(statuses, default="", return_dtype=pl.String),
        )
        .drop("trend")
        .rename(
            {
                c: t(f"indicators.col.{c}")
                for c in ("code", "name", "kind", "latest", "period", "target", "expected", "unit", "status")
            }
        )
        .rename({"aim": t("indicators.col.aim")}),
        f"indicators-overview-{context.project.slug}-{today.isoformat()}",
        key="indicators_overview",
    )


def progress_tab(context: PageContext, today: dt.date) -> None:
    st.caption(t("indicators.progress_help"))
    spec = cache.derived(context, (Area.evaluation,), progress_chart, today)
    chart(spec, key="indicators_progress_chart")
    chart_downloads(
        context,
        spec,
        f"indicators-progress-{context.project.slug}-{today.isoformat()}",
        key="indicators_progress",
    )


def catalogue_tab(context: PageContext) -> None:
    """The definitions, and the catalogue and values to download."""
    st.caption(t("indicators.catalogue_help"))
    catalogue = catalogue_table(indicators.catalogue_frame(context.actor, context.lang))
    show_table(
        catalogue,
        hide_index=True,
        placeholder="–",
        width="stretch",
        height=420,
        column_config=catalogue_column_config(),
    )
    if context.can(Permission.download):
        slug = context.project.slug
        st.markdown(f"**{t('indicators.download_catalogue')}**")
        downloads(context, catalogue, f"indicators-catalogue-{slug}", key="indicators_catalogue")
        st.markdown(f"**{t('indicators.download_values')}**")
        downloads(
            context,
            lambda: indicators.export_values(context.actor),
            f"indicators-values-{slug}",
            key="indicators_values",
        )
