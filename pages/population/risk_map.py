"""Risk map: where the people of each risk stratum live, how it changes, and whether the actions
reach them."""

import polars as pl
import streamlit as st

from dashboard.charts import population as charts
from dashboard.i18n import label_of, t
from dashboard.permissions import Permission
from dashboard.services.population import risk
from dashboard.services.population.risk import ALL, PROJECT, STRATA, Measure, RiskView
from dashboard.ui import cache
from dashboard.ui import population as display
from dashboard.ui.components import chart, downloads, page_header, show_table
from dashboard.ui.context import page_context


context = page_context()
project = context.project
# Widget keys per project: another project has other regions and stratum labels.
REGION_KEY, CLICKS_KEY = f"risk_region_{project.slug}", f"risk_map_clicks_{project.slug}"
# A new map key after each click: the map forgets the click (Streamlit would otherwise keep
# the other regions faded, hard to read on a shared screen); the pyramid remembers it.
MAP_KEY = f"risk_map_{project.slug}_{st.session_state.get(CLICKS_KEY, 0)}"


def key(name: str) -> str:
    return f"risk_{name}_{project.slug}"


def select_clicked_region() -> None:
    """A click on a region of the map selects it for the pyramid."""
    objects = st.session_state[MAP_KEY].get("selection", {}).get("objects", {}).get("regions", [])
    if objects:
        st.session_state[REGION_KEY] = objects[0]["properties"]["region_id"]
    st.session_state[CLICKS_KEY] = st.session_state.get(CLICKS_KEY, 0) + 1


def keep_valid(name: str, options: list) -> None:
    """Replace a choice that the chosen year no longer offers by the last option."""
    if key(name) in st.session_state and st.session_state[key(name)] not in options:
        st.session_state[key(name)] = options[-1]


page_header(context, t("risk.title"))
if project.is_demo:
    st.caption(t("risk.demo_caption"))

data = cache.risk_base(context)
if not data.years:
    st.info(t("risk.no_data"))
    st.stop()

# ---------------------------------------------------------------- what to look at
controls = st.columns([1.4, 1.4, 1.7, 0.9, 0.9, 0.8])
year = controls[0].select_slider(t("risk.year"), data.years, value=data.years[-1], key=key("year"))
measure = controls[1].selectbox(
    t("risk.measure"), list(Measure), key=key("measure"), format_func=lambda m: t(f"risk.measure.{m.value}")
)
stratum, condition, base_year = 3, None, None
if measure == Measure.prevalence:
    conditions = data.condition_keys
    if conditions:
        condition = controls[2].selectbox(
            t("risk.condition"),
            conditions,
            key=key("condition"),
            format_func=lambda c: label_of("condition", c),
        )
else:
    stratum = controls[2].selectbox(
        t("risk.stratum"), STRATA[::-1], key=key("stratum"), format_func=project.stratum_label
    )
age_band = controls[3].selectbox(
    t("risk.age_band"), [ALL, *data.age_bands], key=key("age"), format_func=lambda b: b or t("risk.all_ages")
)
sex = controls[4].selectbox(
    t("risk.sex"),
    [ALL, *data.sexes],
    key=key("sex"),
    format_func=lambda s: label_of("sex", s) or t("risk.both_sexes"),
)
if measure == Measure.change:
    earlier = [y for y in data.years if y < year] or [year]
    keep_valid("base_year", earlier)
    base_year = controls[5].selectbox(t("risk.base_year"), earlier, key=key("base_year"))
view = RiskView(
    year=year,
    measure=measure,
    stratum=stratum,
    condition=condition,
    age_band=age_band,
    sex=sex,
    base_year=base_year,
)
# Many regions: only the years the view needs, every year when the years tab is asked for.
many_regions = data.regions.height > risk.SMALL_MULTIPLES_MAX_REGIONS
every_year = not many_regions or st.session_state.get(key("all_years"), False)
needed = data.years if every_year else sorted({year, base_year or year})
data = risk.with_parts(
    data,
    cells=pl.concat([cache.risk_year(context, y) for y in needed]),
    conditions=cache.risk_condition(context, condition) if condition else None,
    coverage=cache.risk_coverage(context),
)

table = risk.region_table(data, view)
classes = risk.measure_breaks(data, view)
labels = display.class_labels(classes, measure)
shown = display.shown_regions(table, view, classes, project)
title = display.measure_title(view, project)

# ---------------------------------------------------------------- map, legend, pyramid
map_column, side_column = st.columns([3, 2], gap="large")
with map_column:
    st.subheader(f"{title} · {year}")
    texts = charts.MapTexts(
        population=t("risk.col.population"),
        measure=t(f"risk.measure.{measure.value}"),
        strata=tuple(project.stratum_label(s) for s in STRATA),
        actions=t("risk.tooltip.all_actions")
        if measure == Measure.prevalence  # conditions, not strata
        else t("risk.tooltip.actions", stratum=project.stratum_label(stratum)),
    )
    # Many regions: labels on all of them would cover the map; the top ones and the chosen.
    labelled = [*risk.top_regions(table), st.session_state.get(REGION_KEY)] if many_regions else None
    deck = charts.risk_map(
        charts.region_features(data.regions, shown, classes.edges, cache.risk_outlines(context)),
        display.map_labels(data.regions, shown, view, labelled),
        charts.initial_view(data.bounds),
        texts,
    )
    st.pydeck_chart(
        deck,
        height=charts.MAP_HEIGHT,
        key=MAP_KEY,
        on_select=select_clicked_region,
        selection_mode="single-object",
    )
    st.caption(display.map_caption(view, data.sources, risk.TOP_REGIONS if many_regions else None))
    with st.expander(t("risk.sources")):
        show_table(
            display.sources_text(data.regions, project.is_demo),
            hide_index=True,
            width="stretch",
            column_config={"name": t("risk.col.region"), "source": t("risk.source")},
        )
with side_column:
    legend, choice = st.columns([1, 1])
    legend.html(
        charts.legend_html(
            t("risk.legend.title"),
            labels,
            classes.edges,
            t("risk.legend.suppressed"),
            t("risk.legend.no_data"),
        )
    )
    if note := display.spread_note(classes, measure):
        legend.info(note, icon=":material/info:")
    names = dict(zip(data.regions["region_id"], data.regions["name"], strict=True))
    # First the region with the highest value; then the one chosen here or clicked on the map.
    st.session_state.setdefault(REGION_KEY, risk.sort_regions(table, "value")["region_id"][0])
    region_id = choice.selectbox(
        t("risk.pyramid.region"),
        [PROJECT, *names],
        key=REGION_KEY,
        format_func=lambda r: names.get(r) or t("risk.project_row", project=project.name),
    )
    pyramid = risk.pyramid(data, view, region_id)
    if pyramid.height:
        st.markdown(f"**{t('risk.pyramid.title', year=year)}**")
        series = {
            "region": names.get(region_id, ""),
            "project": t("risk.project_row", project=project.name),
            "national": t("risk.pyramid.national"),
        }
        chart(
            charts.pyramid_chart(
                display.pyramid_text(pyramid),
                series,
                {s: project.stratum_label(s) for s in STRATA},
                t("risk.col.share"),
            ),
            key="risk_pyramid",
        )
        sources = display.reference_sources(data.national["source"].drop_nulls().to_list())
        if "national" in set(pyramid["series"]) and sources:
            st.caption(t("common.source", source=", ".join(sources)))

# ---------------------------------------------------------------- table, coverage, years
regions_tab, coverage_tab, years_tab = st.tabs(
    [t("risk.tab.regions"), t("risk.tab.coverage"), t("risk.tab.years")]
)
with regions_tab:
    sortable = display.sortable_columns(view, project)
    # The options' labels name the stratum and condition, which the browser does not redraw
    # for a widget it already shows: one widget per stratum and condition, carrying the choice.
    sort_name = f"sort_{view.stratum}_{view.condition}"
    keep_valid(sort_name, list(sortable))
    measure_column = risk.MEASURE_COLUMN[measure]
    st.session_state.setdefault(
        key(sort_name),
        st.session_state.get(key("sort"), (measure_column if measure_column in sortable else "share")),
    )
    sort_column = st.columns([2, 3])[0].selectbox(
        t("risk.sort_by"), list(sortable), format_func=sortable.__getitem__, key=key(sort_name)
    )
    st.session_state[key("sort")] = sort_column
    ordered = risk.sort_regions(table, sort_column, descending=sort_column != "name")
    height = 38 * (ordered.height + 1) + 4
    group = display.group_text(view)
    for heading, columns, wide in (
        (f"{title} · {year}", display.measure_columns(view), None),
        (
            " · ".join(filter(None, [t("risk.table.strata", year=year), group])),
            display.strata_columns(project),
            280,
        ),
    ):
        st.markdown(f"**{heading}**")
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
            f"{project.slug}-risk-{year}",
            key="risk_table",
        )

with coverage_tab:
    gaps = risk.coverage_gaps(data, year)
    st.markdown(t("risk.gaps.intro", year=year, few=risk.FEW_ACTIONS, healthy=project.stratum_label(0)))
    show_all = st.toggle(t("risk.gaps.show_all"), key=key("gaps_all"))
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
    else:
        st.success(t("risk.gaps.none"), icon=":material/check_circle:")
    st.caption(t("risk.gaps.counted"))

with years_tab:
    st.markdown(f"**{title}**")
    if many_regions:
        st.caption(t("risk.years_top", regions=data.regions.height, top=risk.TOP_REGIONS, year=year))
        # Every year of a national table takes seconds to suppress: on demand.
        if st.toggle(t("risk.years_show"), key=key("all_years")):
            lines = display.trend_lines_text(risk.trend_lines(data, view, region_id), view, project)
            chart(
                charts.trend_lines(lines, t(f"risk.measure.{measure.value}"), t("risk.year_axis")),
                key="risk_years",
            )
    else:
        trend = risk.trend(data, view)
        trend_classes = risk.measure_breaks(data, view, every_year=True)
        trend_labels = display.class_labels(trend_classes, measure)
        st.caption(t("risk.years_help"))
        if note := display.spread_note(trend_classes, measure):
            st.info(note, icon=":material/info:")
        chart(
            charts.small_multiples(
                display.trend_shown(trend, view, trend_classes, trend_labels),
                data.regions,
                trend_classes.edges,
                trend_labels,
                t("risk.legend.suppressed"),
                t("risk.legend.no_data"),
                t("risk.value"),
                t("risk.col.region"),
            ),
            key="risk_years",
        )
