"""What the Risk map page draws: the view chooser, the map with its legend and pyramid, and the
tabs (regions table, coverage of the actions, years). Texts and display frames come from
`presenters.population`; figures from the services, suppressed."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
import streamlit as st

from dashboard.i18n.formatting import markdown_text

from dashboard.charts import population as charts
from dashboard.i18n import label_of, t
from dashboard.permissions import Permission
from dashboard.presenters import population as display
from dashboard.services.population import risk
from dashboard.services.population import risk_classes
from dashboard.services.population import risk_gaps
from dashboard.services.population.risk import ALL, PROJECT, STRATA, Measure, RiskData, RiskView
from dashboard.ui import cache
from dashboard.ui.components import chart, chart_downloads, chart_spec, downloads, show_table
from dashboard.ui.context import PageContext


@dataclass(frozen=True)
class RiskKeys:
    """The page's widget keys, per project: another project has other regions and stratum labels."""

    slug: str

    def __call__(self, name: str) -> str:
        return f"risk_{name}_{self.slug}"

    @property
    def region(self) -> str:
        return f"risk_region_{self.slug}"

    @property
    def clicks(self) -> str:
        return f"risk_map_clicks_{self.slug}"

    @property
    def map(self) -> str:
        # A new map key after each click: the map forgets the click (Streamlit would otherwise
        # keep the other regions faded, hard to read on a shared screen); the pyramid remembers it.
        return f"risk_map_{self.slug}_{st.session_state.get(self.clicks, 0)}"


def _keep_valid(keys: RiskKeys, name: str, options: list) -> None:
    """Replace a choice that the chosen year no longer offers by the last option."""
    if keys(name) in st.session_state and st.session_state[keys(name)] not in options:
        st.session_state[keys(name)] = options[-1]


def view_chooser(context: PageContext, data: RiskData, keys: RiskKeys) -> RiskView:
    """Year, measure, stratum or condition, age band, sex and base year, in one row."""
    project = context.project
    controls = st.columns([1.4, 1.4, 1.7, 0.9, 0.9, 0.8])
    year = controls[0].select_slider(t("risk.year"), data.years, value=data.years[-1], key=keys("year"))
    measure = controls[1].selectbox(
        t("risk.measure"),
        list(Measure),
        key=keys("measure"),
        format_func=lambda m: t(f"risk.measure.{m.value}"),
    )
    stratum, condition, base_year = 3, None, None
    if measure == Measure.prevalence:
        if data.condition_keys:
            condition = controls[2].selectbox(
                t("risk.condition"),
                data.condition_keys,
                key=keys("condition"),
                format_func=lambda c: label_of("condition", c),
            )
    else:
        stratum = controls[2].selectbox(
            t("risk.stratum"), STRATA[::-1], key=keys("stratum"), format_func=project.stratum_label
        )
    age_band = controls[3].selectbox(
        t("risk.age_band"),
        [ALL, *data.age_bands],
        key=keys("age"),
        format_func=lambda b: b or t("risk.all_ages"),
    )
    sex = controls[4].selectbox(
        t("risk.sex"),
        [ALL, *data.sexes],
        key=keys("sex"),
        format_func=lambda s: label_of("sex", s) or t("risk.both_sexes"),
    )
    if measure == Measure.change:
        earlier = [y for y in data.years if y < year] or [year]
        _keep_valid(keys, "base_year", earlier)
        base_year = controls[5].selectbox(t("risk.base_year"), earlier, key=keys("base_year"))
    return RiskView(
        year=year,
        measure=measure,
        stratum=stratum,
        condition=condition,
        age_band=age_band,
        sex=sex,
        base_year=base_year,
    )


def many_regions(data: RiskData) -> bool:
    return data.regions.height > risk.SMALL_MULTIPLES_MAX_REGIONS


def with_view_cells(context: PageContext, data: RiskData, view: RiskView, keys: RiskKeys) -> RiskData:
    """The base data with the cells the view needs: with many regions only the years shown,
    every year when the years tab asks for them."""
    every_year = not many_regions(data) or st.session_state.get(keys("all_years"), False)
    needed = data.years if every_year else sorted({view.year, view.base_year or view.year})
    return risk.with_parts(
        data,
        cells=pl.concat([cache.risk_year(context, y) for y in needed]),
        conditions=cache.risk_condition(context, view.condition) if view.condition else None,
        coverage=cache.risk_coverage(context),
    )


def map_panel(
    context: PageContext,
    data: RiskData,
    view: RiskView,
    table: pl.DataFrame,
    classes: risk_classes.ColourClasses,
    keys: RiskKeys,
) -> None:
    """The map of the measure by region, its caption and sources."""
    project = context.project
    shown = display.shown_regions(table, view, classes, project)
    st.subheader(markdown_text(f"{display.measure_title(view, project)} · {view.year}"))
    texts = charts.MapTexts(
        population=t("risk.col.population"),
        measure=t(f"risk.measure.{view.measure.value}"),
        strata=tuple(project.stratum_label(s) for s in STRATA),
        actions=t("risk.tooltip.all_actions")
        if view.measure == Measure.prevalence  # conditions, not strata
        else t("risk.tooltip.actions", stratum=project.stratum_label(view.stratum)),
    )
    # Many regions: labels on all of them would cover the map; the top ones and the chosen.
    many = many_regions(data)
    labelled = [*risk.top_regions(table), st.session_state.get(keys.region)] if many else None
    deck = charts.risk_map(
        charts.region_features(data.regions, shown, classes.edges, cache.risk_outlines(context)),
        display.map_labels(data.regions, shown, view, labelled),
        charts.initial_view(data.bounds),
        texts,
    )
    map_key = keys.map

    def select_clicked_region() -> None:
        """A click on a region of the map selects it for the pyramid."""
        objects = st.session_state[map_key].get("selection", {}).get("objects", {}).get("regions", [])
        if objects:
            st.session_state[keys.region] = objects[0]["properties"]["region_id"]
        st.session_state[keys.clicks] = st.session_state.get(keys.clicks, 0) + 1

    st.pydeck_chart(
        deck,
        height=charts.MAP_HEIGHT,
        key=map_key,
        on_select=select_clicked_region,
        selection_mode="single-object",
    )
    st.caption(display.map_caption(view, data.sources, risk.TOP_REGIONS if many else None))
    with st.expander(t("risk.sources")):
        show_table(
            display.sources_text(data.regions, project.is_demo),
            hide_index=True,
            width="stretch",
            column_config={"name": t("risk.col.region"), "source": t("risk.source")},
        )


def legend_and_pyramid(
    context: PageContext,
    data: RiskData,
    view: RiskView,
    table: pl.DataFrame,
    classes: risk_classes.ColourClasses,
    keys: RiskKeys,
) -> int:
    """The legend, the region chooser and its age pyramid; returns the region chosen."""
    project = context.project
    legend, choice = st.columns([1, 1])
    legend.html(
        charts.legend_html(
            t("risk.legend.title"),
            display.class_labels(classes, view.measure),
            classes.edges,
            t("risk.legend.suppressed"),
            t("risk.legend.no_data"),
        )
    )
    if note := display.spread_note(classes, view.measure):
        legend.info(note, icon=":material/info:")
    names = dict(zip(data.regions["region_id"], data.regions["name"], strict=True))
    # First the region with the highest value; then the one chosen here or clicked on the map.
    st.session_state.setdefault(keys.region, risk.sort_regions(table, "value")["region_id"][0])
    region_id = choice.selectbox(
        t("risk.pyramid.region"),
        [PROJECT, *names],
        key=keys.region,
        format_func=lambda r: names.get(r) or t("risk.project_row", project=project.name),
    )
    pyramid = risk.pyramid(data, view, region_id)
    if pyramid.height:
        st.markdown(f"**{t('risk.pyramid.title', year=view.year)}**")
        series = {
            "region": names.get(region_id, ""),
            "project": t("risk.project_row", project=project.name),
            "national": t("risk.pyramid.national"),
        }
        spec = chart_spec(
            charts.pyramid_chart(
                display.pyramid_text(pyramid),
                series,
                {s: project.stratum_label(s) for s in STRATA},
                t("risk.col.share"),
            )
        )
        chart(spec, key="risk_pyramid")
        chart_downloads(
            context,
            spec,
            f"{project.slug}-risk-pyramid-{region_id}-{view.year}",
            key="risk_pyramid_images",
            caption=view_caption(view, project, series["region"] or series["project"]),
        )
        sources = display.reference_sources(data.national["source"].drop_nulls().to_list())
        if "national" in set(pyramid["series"]) and sources:
            st.caption(t("common.source", source=", ".join(sources)))
    return region_id


def regions_table(context: PageContext, view: RiskView, table: pl.DataFrame, keys: RiskKeys) -> None:
    """The measure and the strata of every region, sortable, with the downloads."""
    project = context.project
    sortable = display.sortable_columns(view, project)
    # The options' labels name the stratum and condition, which the browser does not redraw
    # for a widget it already shows: one widget per stratum and condition, carrying the choice.
    sort_name = f"sort_{view.stratum}_{view.condition}"
    _keep_valid(keys, sort_name, list(sortable))
    measure_column = risk.MEASURE_COLUMN[view.measure]
    st.session_state.setdefault(
        keys(sort_name),
        st.session_state.get(keys("sort"), (measure_column if measure_column in sortable else "share")),
    )
    sort_column = st.columns([2, 3])[0].selectbox(
        t("risk.sort_by"), list(sortable), format_func=sortable.__getitem__, key=keys(sort_name)
    )
    st.session_state[keys("sort")] = sort_column
    ordered = risk.sort_regions(table, sort_column, descending=sort_column != "name")
    # Up to 25 rows without scrolling; beyond, the grid scrolls (and draws only the rows in view:
    # 565 rows at full height made two 21,500-pixel grids that the browser drew whole).
    height = 38 * (min(ordered.height, 25) + 1) + 4
    group = display.group_text(view)
    title = display.measure_title(view, project)
    for heading, columns, wide in (
        (f"{title} · {view.year}", display.measure_columns(view), None),
        (
            " · ".join(filter(None, [t("risk.table.strata", year=view.year), group])),
            display.strata_columns(project),
            280,
        ),
    ):
        st.markdown(f"**{markdown_text(heading)}**")
        show_table(
            display.table_text(ordered, view, project, columns),
            hide_index=True,
            width="stretch",
            height=height,
            row_height=38,
            column_config={
                "rank": st.column_config.TextColumn("#", width=50),
                "name": st.column_config.TextColumn(columns["name"], width=240),
                **{
                    column: st.column_config.TextColumn(header, width=wide)
                    for column, header in columns.items()
                    if column != "name"
                },
            },
        )
    st.caption(t("risk.masked_help"))
    if context.can(Permission.download):
        downloads(
            context,
            risk.export_frame(context.actor, display.table_export(ordered, view, project)),
            f"{project.slug}-risk-{view.year}",
            key="risk_table",
        )


def coverage_table(context: PageContext, data: RiskData, view: RiskView, keys: RiskKeys) -> None:
    """Where the people of the higher strata are and few actions aim at them."""
    project = context.project
    gaps = risk_gaps.coverage_gaps(data, view.year)
    st.markdown(
        t(
            "risk.gaps.intro",
            year=view.year,
            few=risk_gaps.FEW_ACTIONS,
            healthy=markdown_text(project.stratum_label(0)),
        )
    )
    show_all = st.toggle(t("risk.gaps.show_all"), key=keys("gaps_all"))
    listed = gaps if show_all else gaps.filter("gap")
    if listed.height:
        show_table(
            display.gaps_text(listed, project),
            hide_index=True,
            width="stretch",
            height=min(38 * (listed.height + 1) + 4, 640),
            row_height=38,
            column_config={k: st.column_config.TextColumn(v) for k, v in display.gaps_columns().items()},
        )
        downloads(
            context,
            display.gaps_text(listed, project).rename(display.gaps_columns(), strict=False),
            f"{project.slug}-risk-coverage-{view.year}{'' if show_all else '-gaps'}",
            key="risk_coverage",
            caption=view_caption(view, project),  # the filters in force (the rule is above)
        )
    else:
        st.success(t("risk.gaps.none"), icon=":material/check_circle:")
    st.caption(t("risk.gaps.counted"))


def years_chart(context: PageContext, data: RiskData, view: RiskView, region_id: int, keys: RiskKeys) -> None:
    """The measure over the years: small multiples, or lines of the top regions when there are
    many."""
    project = context.project
    st.markdown(f"**{markdown_text(display.measure_title(view, project))}**")
    if many_regions(data):
        st.caption(t("risk.years_top", regions=data.regions.height, top=risk.TOP_REGIONS, year=view.year))
        # Every year of a national table takes seconds to suppress: on demand.
        if st.toggle(t("risk.years_show"), key=keys("all_years")):
            lines = display.trend_lines_text(risk.trend_lines(data, view, region_id), view, project)
            spec = chart_spec(
                charts.trend_lines(lines, t(f"risk.measure.{view.measure.value}"), t("risk.year_axis"))
            )
            chart(spec, key="risk_years")
            years_downloads(context, view, spec)
        return
    trend = risk.trend(data, view)
    trend_classes = risk_classes.measure_breaks(data, view, every_year=True)
    trend_labels = display.class_labels(trend_classes, view.measure)
    st.caption(t("risk.years_help"))
    if note := display.spread_note(trend_classes, view.measure):
        st.info(note, icon=":material/info:")
    spec = chart_spec(
        charts.small_multiples(
            display.trend_shown(trend, view, trend_classes, trend_labels),
            data.regions,
            trend_classes.edges,
            trend_labels,
            t("risk.legend.suppressed"),
            t("risk.legend.no_data"),
            t("risk.value"),
            t("risk.col.region"),
        )
    )
    chart(spec, key="risk_years")
    years_downloads(context, view, spec)


def view_caption(view: RiskView, project, where: str = "") -> str:  # noqa: ANN001
    """The view in force, in words, for a download's caption: measure, year, group, region."""
    parts = [display.measure_title(view, project), str(view.year), display.group_text(view), where]
    return " · ".join(p for p in parts if p)


def years_downloads(context: PageContext, view: RiskView, spec: dict) -> None:
    chart_downloads(
        context,
        spec,
        f"{context.project.slug}-risk-years-{view.measure.value}-{view.year}",
        key="risk_years_images",
        caption=view_caption(view, context.project),
    )
