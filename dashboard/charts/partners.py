"""Charts of the partner surveys: diverging stacked bars of answers, the change between two
waves with its interval, the trend of each dimension, and partner categories side by side.

Every function takes frames from dashboard.services.partners.surveys, already suppressed: a suppressed
row has no distribution and shows "< 5" where its numbers would be. Numbers drawn as text are
formatted here with the Belgian formats (decimal comma).
"""

from __future__ import annotations

import textwrap

import altair as alt
import polars as pl

from dashboard.i18n import in_language, t
from dashboard.i18n.formatting import format_number, format_percent
from dashboard.services.suppression import SUPPRESSED_TEXT
from dashboard.presenters.partners import SurveyView, items_of

# Disagreeing / unfavourable in orange, agreeing / favourable in blue, neutral grey: readable
# by colour-blind viewers and on a projector.
LEVEL_COLOURS = {
    3: ["#d8692a", "#d4d4d4", "#3b78c2"],
    4: ["#d8692a", "#f3b27a", "#8fb8e3", "#2a62a8"],
    5: ["#d8692a", "#f3b27a", "#d4d4d4", "#8fb8e3", "#2a62a8"],
    7: ["#b3471a", "#d8692a", "#f3b27a", "#d4d4d4", "#8fb8e3", "#3b78c2", "#1f4f8a"],
}
VERDICT_COLOURS = {"improved": "#2a62a8", "declined": "#d8692a", "stable": "#7f8793"}
HIDDEN_COLOUR = "#6f7580"  # the levels hidden together: darker than any neutral grey
ROW_STEP = 34  # pixels per bar: legible across a meeting room
WRAPPED_ROW_STEP = 52  # rows whose label takes two lines
LABEL_WIDTH = 56  # characters per line of a wrapped label
LINE_BREAK = "|"  # where a wrapped label breaks (split again by the axis' labelExpr)


def level_colours(points: int) -> list[str]:
    """Colours of a scale's levels, low to high (scales of unusual lengths take evenly spread
    colours of the 7-level ramp)."""
    if points in LEVEL_COLOURS:
        return LEVEL_COLOURS[points]
    ramp = LEVEL_COLOURS[7]
    return [ramp[round(index * 6 / max(points - 1, 1))] for index in range(points)]


def wrap(text: str, width: int = LABEL_WIDTH) -> str:
    """A long label in lines of at most `width` characters, joined by LINE_BREAK."""
    return LINE_BREAK.join(textwrap.wrap(text.replace(LINE_BREAK, "/"), width)) or text


def _rows_axis(title: str | None = None) -> alt.Axis:
    return alt.Axis(
        title=title,
        labelExpr=f"split(datum.label, '{LINE_BREAK}')",
        labelLimit=560,
        labelFontSize=15,
        labelPadding=8,
        ticks=False,
        domain=False,
    )


def _reach(distribution: pl.DataFrame) -> float:
    """How far from 0 the bars go, rounded up to a quarter (the axis spans -reach..reach)."""
    if distribution.height == 0:
        return 1.0
    far = max(abs(distribution["x_start"].min() or 0), abs(distribution["x_end"].max() or 0))
    return min(1.0, max(0.5, -(-far * 4 // 1) / 4))


def likert_bars(
    summary: pl.DataFrame,
    distribution: pl.DataFrame,
    row: str,
    levels: list[str],
    scale_min: int,
    *,
    legend_title: str,
    agree_title: str,
    legend: bool = True,
) -> alt.HConcatChart:
    """Diverging stacked bars, one per row of `summary` (in its order): the shares of the
    levels below the middle of the scale go left of 0, those above go right, the middle one is
    centred on 0. Beside the bars: respondents, mean and share agreeing (or "< 5")."""
    order = [wrap(label) for label in summary[row].to_list()]
    wrapped = any(LINE_BREAK in label for label in order)
    step = WRAPPED_ROW_STEP if wrapped else ROW_STEP
    colours = level_colours(len(levels))
    reach = _reach(distribution)
    # Levels given fewer than 5 times come as one segment without a level (at the right end).
    hidden_label = t("surveys.chart.hidden_levels")
    if distribution["level"].is_null().any():
        levels, colours = [*levels, hidden_label], [*colours, HIDDEN_COLOUR]
    bars_data = distribution.with_columns(
        pl.col(row).map_elements(wrap, return_dtype=pl.String).alias("row"),
        pl.col("level")
        .map_elements(lambda level: levels[level - scale_min], return_dtype=pl.String)
        .fill_null(hidden_label)
        .alias("level_label"),
        pl.col("share").map_elements(in_language(format_percent), return_dtype=pl.String).alias("share_text"),
        pl.col(row).alias("row_full"),
    ).select(row, "row", "row_full", "level_label", "share_text", "x_start", "x_end")  # what is drawn
    y = alt.Y("row:N", sort=order, axis=_rows_axis(), title=None)
    ticks = [value / 4 for value in range(-4, 5) if abs(value / 4) <= reach]
    bars = (
        alt.Chart(bars_data)
        .mark_bar(height={"band": 0.72})
        .encode(
            x=alt.X(
                "x_start:Q",
                scale=alt.Scale(domain=[-reach, reach], nice=False),
                axis=alt.Axis(
                    format="%", labelExpr="format(abs(datum.value), '.0%')", values=ticks, grid=True
                ),
                title=f"← {t('surveys.chart.left')}   ·   {t('surveys.chart.right')} →",
            ),
            x2="x_end:Q",
            y=y,
            color=alt.Color(
                "level_label:N",
                sort=levels,
                scale=alt.Scale(domain=levels, range=colours),
                legend=alt.Legend(
                    title=legend_title,
                    orient="top",
                    direction="horizontal",
                    labelLimit=320,
                    columns=len(levels),
                )
                if legend
                else None,
            ),
            order=alt.Order("x_start:Q"),
            tooltip=[
                alt.Tooltip("row_full:N", title=t("surveys.chart.row")),
                alt.Tooltip("level_label:N", title=legend_title),
                alt.Tooltip("share_text:N", title=t("surveys.chart.share")),
            ],
        )
    )
    centre = alt.Chart(pl.DataFrame({"x": [0.0]})).mark_rule(color="#444", strokeWidth=1.5).encode(x="x:Q")
    table = summary.with_columns(
        pl.col(row).map_elements(wrap, return_dtype=pl.String).alias("row"),
        pl.when(pl.col("respondents_suppressed"))
        .then(pl.lit(SUPPRESSED_TEXT))
        .otherwise(pl.col("respondents").cast(pl.String))
        .alias("n_text"),
        pl.col("mean")
        .map_elements(in_language(lambda v: format_number(v, 2)), return_dtype=pl.String)
        .fill_null("–")
        .alias("mean_text"),
        pl.col("share_agree")
        .map_elements(in_language(format_percent), return_dtype=pl.String)
        .fill_null("–")
        .alias("agree_text"),
    )
    suppressed = table.filter(pl.col("respondents_suppressed")).select("row", pl.lit(0.0).alias("x"))
    # The spec carries the texts shown, not the service's raw figures (means, answers, shares).
    table = table.select(row, "row", "n_text", "mean_text", "agree_text")
    hidden_note = (
        alt.Chart(suppressed)
        .mark_text(fontSize=16, color="#555")
        .encode(x="x:Q", y=alt.Y("row:N", sort=order), text=alt.value(SUPPRESSED_TEXT))
    )
    chart = alt.layer(bars, centre, hidden_note).properties(
        width=760,  # + columns: 1430 px
        height=alt.Step(step),
    )

    def column(field: str, title: str) -> alt.Chart:
        return (
            alt.Chart(table)
            .mark_text(fontSize=17, align="right", dx=44)
            .encode(
                y=alt.Y("row:N", sort=order, axis=None),
                text=f"{field}:N",
            )
            .properties(
                width=90,
                height=alt.Step(step),
                title=alt.TitleParams(title, fontSize=15, fontWeight="normal", anchor="end"),
            )
        )

    return alt.hconcat(
        chart,
        column("n_text", t("surveys.chart.n")),
        column("mean_text", t("surveys.chart.mean")),
        column("agree_text", agree_title),
        spacing=6,
    )


def change_chart(change: pl.DataFrame, baseline: str, wave: str) -> alt.LayerChart:
    """Change of each dimension's mean from `baseline` to `wave` with its 95 % interval;
    colour says whether the interval excludes 0."""
    order = change["dimension"].to_list()
    shown = change.filter(~pl.col("suppressed")).with_columns(
        pl.col("verdict")
        .map_elements(in_language(lambda v: t(f"surveys.verdict.{v}")), return_dtype=pl.String)
        .alias("verdict_label"),
        pl.col("change")
        .map_elements(
            in_language(lambda v: f"{'+' if v > 0 else ''}{format_number(v, 2)}"), return_dtype=pl.String
        )
        .alias("change_text"),
        (
            pl.col("low").map_elements(in_language(lambda v: format_number(v, 2)), return_dtype=pl.String)
            + " – "
            + pl.col("high").map_elements(in_language(lambda v: format_number(v, 2)), return_dtype=pl.String)
        ).alias("interval_text"),
    )
    verdicts = ["improved", "stable", "declined"]
    labels = [t(f"surveys.verdict.{v}") for v in verdicts]
    reach = max([0.5, *shown["low"].abs().to_list(), *shown["high"].abs().to_list()])
    x = alt.X(
        "change:Q",
        scale=alt.Scale(domain=[-reach, reach], nice=True),
        title=t("surveys.chart.change_axis", baseline=baseline, wave=wave),
    )
    y = alt.Y("dimension:N", sort=order, axis=_rows_axis(), title=None)
    tooltip = [
        alt.Tooltip("dimension:N", title=t("surveys.col.dimension")),
        alt.Tooltip("change_text:N", title=t("surveys.col.change")),
        alt.Tooltip("interval_text:N", title=t("surveys.col.interval")),
        alt.Tooltip("verdict_label:N", title=t("surveys.col.verdict")),
    ]
    colour = alt.Color(
        "verdict_label:N",
        scale=alt.Scale(domain=labels, range=[VERDICT_COLOURS[v] for v in verdicts]),
        legend=alt.Legend(title=None, orient="top", labelLimit=420),
    )
    intervals = (
        alt.Chart(shown)
        .mark_rule(strokeWidth=4)
        .encode(x="low:Q", x2="high:Q", y=y, color=colour, tooltip=tooltip)
    )
    points = (
        alt.Chart(shown)
        .mark_point(size=260, filled=True, opacity=1)
        .encode(x=x, y=y, color=colour, tooltip=tooltip)
    )
    values = alt.Chart(shown).mark_text(fontSize=15, dy=-16).encode(x="change:Q", y=y, text="change_text:N")
    zero = alt.Chart(pl.DataFrame({"x": [0.0]})).mark_rule(color="#444", strokeDash=[4, 3]).encode(x="x:Q")
    hidden = change.filter(pl.col("suppressed")).with_columns(pl.lit(0.0).alias("x"))
    hidden_note = (
        alt.Chart(hidden)
        .mark_text(fontSize=15, color="#555", dy=-14)
        .encode(x="x:Q", y=alt.Y("dimension:N", sort=order), text=alt.value(SUPPRESSED_TEXT))
    )
    return alt.layer(zero, intervals, points, values, hidden_note).properties(width=900, height=alt.Step(58))


def trend_chart(
    trend: pl.DataFrame, dimension_order: list[str], wave_order: list[str], scale: tuple[int, int]
) -> alt.FacetChart:
    """Each dimension's mean score over all waves with its 95 % interval, one small chart per
    dimension; waves with fewer than 5 respondents are left out (no point)."""
    shown = trend.filter(~pl.col("respondents_suppressed")).with_columns(
        pl.col("mean")
        .map_elements(in_language(lambda v: format_number(v, 2)), return_dtype=pl.String)
        .alias("mean_text"),
        pl.col("respondents").cast(pl.String).alias("n_text"),
    )
    x = alt.X("name:O", sort=wave_order, title=None, axis=alt.Axis(labelAngle=0, labelFontSize=15))
    y = alt.Y(
        "mean:Q",
        scale=alt.Scale(domain=list(scale), nice=False, zero=False),
        title=t("surveys.chart.mean_score"),
    )
    tooltip = [
        alt.Tooltip("dimension:N", title=t("surveys.col.dimension")),
        alt.Tooltip("name:N", title=t("surveys.col.wave")),
        alt.Tooltip("mean_text:N", title=t("surveys.chart.mean")),
        alt.Tooltip("n_text:N", title=t("surveys.chart.n")),
    ]
    scale_ = alt.Scale(domain=list(scale), nice=False, zero=False)
    base = alt.Chart(shown)
    band = base.mark_rule(strokeWidth=4, color="#8fb8e3").encode(
        x=x, y=alt.Y("low:Q", scale=scale_, title=t("surveys.chart.mean_score")), y2="high:Q"
    )
    line = base.mark_line(color="#2a62a8", strokeWidth=3).encode(x=x, y=y)
    points = base.mark_point(filled=True, size=130, color="#2a62a8", opacity=1).encode(
        x=x, y=y, tooltip=tooltip
    )
    # The mean's label above its interval (or above the point without one), clear of the
    # point, the interval and the line.
    values = (
        base.transform_calculate(
            label_y="isValid(datum.high) ? datum.high : datum.mean",
        )
        .mark_text(fontSize=15, dy=-7, baseline="bottom", align="center", color="#1f2937")
        .encode(
            x=x, y=alt.Y("label_y:Q", scale=scale_, title=t("surveys.chart.mean_score")), text="mean_text:N"
        )
    )
    return (
        alt.layer(band, line, points, values)
        .properties(width=400, height=240)
        .facet(
            facet=alt.Facet(
                "dimension:N",
                sort=dimension_order,
                title=None,
                header=alt.Header(labelFontSize=17, labelFontWeight="bold"),
            ),
            columns=3,
            spacing={"row": 30, "column": 40},
        )
    )


def heatmap_chart(heatmap: pl.DataFrame, scale: tuple[int, int]) -> alt.LayerChart:
    """Mean score per partner category (rows) and dimension (columns); suppressed cells grey
    with "< 5"."""
    low, high = scale
    cells = heatmap.with_columns(
        pl.when(pl.col("respondents_suppressed"))
        .then(pl.lit(SUPPRESSED_TEXT))
        .otherwise(
            pl.col("mean").map_elements(in_language(lambda v: format_number(v, 2)), return_dtype=pl.String)
        )
        .alias("text"),
        pl.when(pl.col("respondents_suppressed"))
        .then(pl.lit(SUPPRESSED_TEXT))
        .otherwise(pl.col("respondents").cast(pl.String))
        .alias("n_text"),
        pl.col("dimension").map_elements(lambda s: wrap(s, 16), return_dtype=pl.String).alias("column"),
    )
    columns = cells.unique("dimension_code").sort("dimension_position")["column"].to_list()
    rows = cells.unique("category").sort("category_order")["row_label"].to_list()
    x = alt.X(
        "column:N",
        sort=columns,
        title=None,
        axis=alt.Axis(
            orient="bottom",
            labelAngle=0,
            labelExpr=f"split(datum.label, '{LINE_BREAK}')",
            labelLimit=200,
            labelFontSize=15,
            ticks=False,
            domain=False,
        ),
    )
    y = alt.Y(
        "row_label:N",
        sort=rows,
        title=None,
        axis=alt.Axis(labelLimit=420, labelFontSize=16, ticks=False, domain=False),
    )
    tooltip = [
        alt.Tooltip("category_label:N", title=t("surveys.col.category")),
        alt.Tooltip("dimension:N", title=t("surveys.col.dimension")),
        alt.Tooltip("text:N", title=t("surveys.chart.mean")),
        alt.Tooltip("n_text:N", title=t("surveys.chart.n")),
    ]
    base = alt.Chart(cells)
    shown = (
        base.transform_filter("!datum.respondents_suppressed")
        .mark_rect(stroke="white", strokeWidth=2)
        .encode(
            x=x,
            y=y,
            tooltip=tooltip,
            # The colours span the middle of the scale, where partners' means lie; beyond, clamped.
            color=alt.Color(
                "mean:Q",
                scale=alt.Scale(
                    domain=[low + 1, (low + high) / 2, high - 1],
                    range=["#d8692a", "#f2f2f2", "#2a62a8"],
                    clamp=True,
                ),
                legend=alt.Legend(title=t("surveys.chart.mean_score"), orient="right", gradientLength=260),
            ),
        )
    )
    hidden = (
        base.transform_filter("datum.respondents_suppressed")
        .mark_rect(stroke="white", strokeWidth=2, color="#e6e6e6")
        .encode(x=x, y=y, tooltip=tooltip)
    )
    dark = f"datum.mean > {high - 1.2} || datum.mean < {low + 1.2}"  # white text reads there
    labels = base.mark_text(fontSize=17).encode(
        x=x,
        y=y,
        text="text:N",
        color=alt.condition(
            f"!datum.respondents_suppressed && ({dark})", alt.value("white"), alt.value("#222")
        ),
    )
    return alt.layer(shown, hidden, labels).properties(width=alt.Step(150), height=alt.Step(46))


def rates_chart(rates: pl.DataFrame) -> alt.LayerChart:
    """Response rate per partner category (rows, all partners first) and wave (columns):
    "rate · responded / invited", or "< 5 / invited" for a suppressed group."""
    cells = rates.with_columns(
        pl.struct("rate", "respondents", "respondents_suppressed", "invited")
        .map_elements(in_language(_rate_text), return_dtype=pl.String)
        .alias("text")
    )
    rows = cells.unique("category").sort("category_order")["category_label"].to_list()
    waves = cells.unique("wave_id").sort("wave_order")["name"].to_list()
    x = alt.X(
        "name:N",
        sort=waves,
        title=None,
        axis=alt.Axis(orient="top", labelAngle=0, labelFontSize=17, ticks=False, domain=False),
    )
    y = alt.Y(
        "category_label:N",
        sort=rows,
        title=None,
        axis=alt.Axis(labelLimit=420, labelFontSize=16, ticks=False, domain=False),
    )
    base = alt.Chart(cells)
    shown = (
        base.transform_filter("isValid(datum.rate)")
        .mark_rect(stroke="white", strokeWidth=2)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "rate:Q",
                scale=alt.Scale(domain=[0, 1], range=["#f2f2f2", "#2a62a8"]),
                legend=alt.Legend(title=t("surveys.col.rate"), format="%", gradientLength=220),
            ),
        )
    )
    hidden = (
        base.transform_filter("!isValid(datum.rate)")
        .mark_rect(stroke="white", strokeWidth=2, color="#e6e6e6")
        .encode(x=x, y=y)
    )
    labels = base.mark_text(fontSize=16).encode(
        x=x,
        y=y,
        text="text:N",
        color=alt.condition("datum.rate > 0.7", alt.value("white"), alt.value("#222")),
    )
    return alt.layer(shown, hidden, labels).properties(width=alt.Step(260), height=alt.Step(40))


def _rate_text(cell: dict) -> str:
    invited = "–" if cell["invited"] is None else str(cell["invited"])
    if cell["respondents_suppressed"]:
        return f"{SUPPRESSED_TEXT} / {invited}"
    text = f"{cell['respondents']} / {invited}"
    return text if cell["rate"] is None else f"{format_percent(cell['rate'])} · {text}"


def report_chart(
    report: SurveyView, kind: str, *, wave_id: int, baseline_id: int | None, dimension: str | None = None
) -> alt.TopLevelMixin:
    """One chart of the Surveys page: "dimensions", "items" (of `dimension`), "change",
    "trend", "categories" or "rates"."""
    names = dict(report.waves.select("wave_id", "name").iter_rows())
    low = report.scale[0]
    if kind == "dimensions":
        return likert_bars(
            report.dimension_summary,
            report.dimension_distribution,
            "dimension",
            report.dimension_levels,
            low,
            legend_title=t("surveys.chart.answer"),
            agree_title=t("surveys.chart.favourable"),
        )
    if kind == "items":
        items = items_of(report, dimension)
        return likert_bars(
            items.summary,
            items.distribution,
            "item",
            report.item_levels,
            low,
            legend_title=t("surveys.chart.answer"),
            agree_title=t("surveys.chart.agree"),
        )
    if kind == "change":
        return change_chart(report.change, names[baseline_id], names[wave_id])
    if kind == "trend":
        return trend_chart(
            report.trend, report.dimension_summary["dimension"].to_list(), list(names.values()), report.scale
        )
    if kind == "categories":
        return heatmap_chart(report.heatmap, report.scale)
    if kind == "rates":
        return rates_chart(report.response_rates)
    raise ValueError(kind)
