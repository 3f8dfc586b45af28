"""Charts of the self-evaluation: an indicator's series against its trajectory, its regions side
by side, every indicator's progress from baseline to target, and the maturity radar and spread
of individual scores. Pure functions from frames to Altair charts; words come translated."""

from __future__ import annotations

import datetime as dt
import math

import altair as alt
import polars as pl

from dashboard.charts.theme import SERIES_PALETTE, TRACK_COLOURS, TRACK_SYMBOLS
from dashboard.i18n import in_language
from dashboard.i18n.formatting import format_number

SERIES_COLOUR = "#0b5c73"
TRAJECTORY_COLOUR = "#5b6670"
REGION_COLOURS = list(SERIES_PALETTE)
ROUND_COLOURS = ["#9aa3ad", SERIES_COLOUR]  # previous round, this round
SPLIT_COLOUR = "#d55e00"
AGREEMENT_COLOUR = "#0072b2"
RADAR_LABEL_RADIUS = 6.0
RADAR_EXTENT = 10.0
RADAR_ASPECT = 0.74  # height / width


def _number_format(decimals: int) -> str:
    return f",.{decimals}f"


def indicator_trend(
    values: pl.DataFrame,
    *,
    baseline: tuple[float, dt.date] | None,
    target: tuple[float, dt.date] | None,
    words: dict[str, str],
    decimals: int,
    unit: str,
) -> alt.LayerChart:
    """The project's values over time (thick line), each care region's (thin lines), and the
    trajectory: a dashed line from the baseline to the target, both marked.

    `values` (a frame of services.indicators.values_frame) needs period, period_end,
    region_name (null for the project) and value (null when hidden: a gap). `words`: project,
    value, period, region, baseline, target, trajectory."""
    data = values.select(
        "period",
        "period_end",
        "value",
        pl.col("region_name").fill_null(words["project"]).alias("series"),
        pl.col("region_name").is_null().alias("is_project"),
    )
    number = _number_format(decimals)
    y_title = f"{words['value']} ({unit})" if unit else words["value"]
    # A value is placed at the end of its period: the ticks are the years' ends, labelled by
    # their year, so that the value of 2021 sits on "2021".
    dates = [
        *data["period_end"].drop_nulls().to_list(),
        *(mark[1] for mark in (baseline, target) if mark is not None),
    ]
    years = range(min(d.year for d in dates), max(d.year for d in dates) + 1) if dates else []
    x = alt.X(
        "period_end:T",
        title=words["period"],
        axis=alt.Axis(
            title=None,
            format="%Y",
            labelAngle=0,
            grid=True,
            values=[alt.DateTime(year=y, month=12, date=31) for y in years],
        ),
    )
    y = alt.Y("value:Q", title=y_title, scale=alt.Scale(zero=False, nice=True), axis=alt.Axis(format=number))
    tooltip = [
        alt.Tooltip("series:N", title=words["region"]),
        alt.Tooltip("period:N", title=words["period"]),
        alt.Tooltip("value:Q", title=words["value"], format=number),
    ]
    regions = data.filter(~pl.col("is_project"))
    layers: list[alt.Chart] = []
    if regions.height:
        names = sorted(regions["series"].unique().to_list())
        layers.append(
            alt.Chart(regions)
            .mark_line(strokeWidth=1.8, opacity=0.75, point=alt.OverlayMarkDef(size=30))
            .encode(
                x=x,
                y=y,
                tooltip=tooltip,
                color=alt.Color(
                    "series:N",
                    title=words["region"],
                    scale=alt.Scale(domain=names, range=REGION_COLOURS[: len(names)] or None),
                    legend=alt.Legend(orient="bottom", columns=4),
                ),
            )
        )
    project = data.filter(pl.col("is_project"))
    layers.append(
        alt.Chart(project)
        .mark_line(
            strokeWidth=4,
            color=SERIES_COLOUR,
            point=alt.OverlayMarkDef(size=110, filled=True, color=SERIES_COLOUR),
        )
        .encode(x=x, y=y, tooltip=tooltip)
    )
    marks = []
    if baseline is not None:
        marks.append(
            {
                "label": words["baseline"],
                "value": baseline[0],
                "period_end": baseline[1],
                "shape": "square",
                "align": "left",
            }
        )
    if target is not None:
        marks.append(
            {
                "label": words["target"],
                "value": target[0],
                "period_end": target[1],
                "shape": "diamond",
                "align": "right",
            }
        )
    if marks:
        points = pl.DataFrame(marks)
        if len(marks) == 2:
            layers.append(
                alt.Chart(points)
                .mark_line(strokeDash=[8, 6], strokeWidth=2.5, color=TRAJECTORY_COLOUR)
                .encode(x=x, y=y, tooltip=[alt.Tooltip("label:N", title=words["trajectory"])])
            )
        layers.append(
            alt.Chart(points)
            .mark_point(size=260, filled=True, color=TRAJECTORY_COLOUR)
            .encode(
                x=x,
                y=y,
                shape=alt.Shape("shape:N", scale=None),
                tooltip=[
                    alt.Tooltip("label:N", title=" "),
                    alt.Tooltip("value:Q", title=words["value"], format=number),
                    alt.Tooltip("period_end:T", title=words["period"], format="%d/%m/%Y"),
                ],
            )
        )
        for side, dx in (("left", 12), ("right", -12)):
            layers.append(
                alt.Chart(points.filter(pl.col("align") == side))
                .mark_text(dy=-18, dx=dx, align=side, fontSize=15, fontWeight="bold", color=TRAJECTORY_COLOUR)
                .encode(x=x, y=y, text="label:N")
            )
    return alt.layer(*layers).properties(height=360)


def region_bars(
    latest: pl.DataFrame, *, words: dict[str, str], decimals: int, target: float | None, suppressed_text: str
) -> alt.LayerChart:
    """The care regions' values of one period as dots on a scale that starts near them (the
    differences between regions are what matters), with the project's value and the target as
    rules; a hidden value shows `suppressed_text` instead of a dot.

    `latest` (services.indicators.latest_by_region) needs region_name, value,
    value_suppressed and project_value. `words`: value, region, project, target."""
    number = _number_format(decimals)
    project_value = latest["project_value"][0] if latest.height else None
    shown = [v for v in [*latest["value"].drop_nulls().to_list(), project_value, target] if v is not None]
    low, high = (min(shown), max(shown)) if shown else (0.0, 1.0)
    pad = max((high - low) * 0.15, abs(high) * 0.02, 10**-decimals)
    x_scale = alt.Scale(domain=[low - pad, high + pad], zero=False, nice=False)
    data = latest.select(
        "region_name",
        "value",
        pl.when(pl.col("value_suppressed"))
        .then(pl.lit(suppressed_text))
        .otherwise(
            pl.col("value").map_elements(
                in_language(lambda v: format_number(v, decimals)),  # 1 234,5 / 1.234,5
                return_dtype=pl.String,
            )
        )
        .alias("label"),
        pl.lit(low - pad).alias("origin"),
    )
    y = alt.Y("region_name:N", title=None, sort=None, axis=alt.Axis(labelLimit=300))
    x = alt.X("value:Q", title=words["value"], scale=x_scale, axis=alt.Axis(format=number, tickCount=8))
    tooltip = [
        alt.Tooltip("region_name:N", title=words["region"]),
        alt.Tooltip("label:N", title=words["value"]),
    ]
    layers: list[alt.Chart] = [
        alt.Chart(data)
        .mark_rule(color="#c9ced4", strokeWidth=2)
        .encode(y=y, x=alt.X("origin:Q", scale=x_scale), x2="value:Q"),
        alt.Chart(data)
        .mark_point(size=320, filled=True, color=SERIES_COLOUR, opacity=1)
        .encode(y=y, x=x, tooltip=tooltip),
        alt.Chart(data).mark_text(align="left", dx=14, fontSize=15).encode(y=y, x=x, text="label:N"),
        alt.Chart(data.filter(pl.col("value").is_null()))
        .mark_text(align="left", dx=4, fontSize=15, fontStyle="italic")
        .encode(y=y, x=alt.X("origin:Q", scale=x_scale), text="label:N"),
    ]
    rules = []
    if project_value is not None:
        rules.append({"what": words["project"], "value": project_value, "dash": "solid"})
    if target is not None:
        rules.append({"what": words["target"], "value": target, "dash": "dashed"})
    if rules:
        layers.append(
            alt.Chart(pl.DataFrame(rules))
            .mark_rule(strokeWidth=2.5)
            .encode(
                x=alt.X("value:Q", scale=x_scale),
                color=alt.Color(
                    "what:N",
                    title=None,
                    scale=alt.Scale(
                        domain=[r["what"] for r in rules], range=[TRAJECTORY_COLOUR, "#c0392b"][: len(rules)]
                    ),
                    legend=alt.Legend(orient="bottom"),
                ),
                strokeDash=alt.StrokeDash(
                    "dash:N", legend=None, scale=alt.Scale(domain=["solid", "dashed"], range=[[1, 0], [8, 5]])
                ),
                tooltip=[
                    alt.Tooltip("what:N", title=" "),
                    alt.Tooltip("value:Q", title=words["value"], format=number),
                ],
            )
        )
    return alt.layer(*layers).properties(height=alt.Step(40))


def progress_chart(
    frame: pl.DataFrame, *, status_labels: dict[str, str], words: dict[str, str]
) -> alt.LayerChart:
    """Every indicator with a baseline and a target: how far its latest value has come from
    the baseline (0 %) to the target (100 %), coloured by status, with a black tick where the
    trajectory expects it by now.

    `frame` needs label (the indicator's name), status, progress and expected_progress (shares,
    services.indicators.progress_towards_target). `words`: progress, expected, status,
    indicator, baseline, target."""
    data = frame.filter(pl.col("progress").is_not_null()).with_columns(
        pl.col("progress").clip(-0.3, 1.3).alias("shown"),
        pl.col("status")
        .replace_strict(
            {k: f"{TRACK_SYMBOLS[k]} {v}" for k, v in status_labels.items()}, return_dtype=pl.String
        )
        .alias("status_label"),
        pl.col("status").replace_strict(TRACK_SYMBOLS, default="", return_dtype=pl.String).alias("symbol"),
    )
    order = data["label"].to_list()
    y = alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=520, labelFontSize=15))
    x_scale = alt.Scale(domain=[-0.3, 1.3])
    tooltip = [
        alt.Tooltip("label:N", title=words["indicator"]),
        alt.Tooltip("status_label:N", title=words["status"]),
        alt.Tooltip("progress:Q", title=words["progress"], format=".0%"),
        alt.Tooltip("expected_progress:Q", title=words["expected"], format=".0%"),
    ]
    colours = {k: v for k, v in TRACK_COLOURS.items() if k in ("on_track", "at_risk", "off_track")}
    bars = (
        alt.Chart(data)
        .mark_bar(height=22, cornerRadiusEnd=3)
        .encode(
            y=y,
            x=alt.X(
                "shown:Q",
                title=words["progress"],
                scale=x_scale,
                axis=alt.Axis(format="%", values=[-0.25, 0, 0.25, 0.5, 0.75, 1, 1.25]),
            ),
            x2=alt.X2(datum=0),
            color=alt.Color(
                "status_label:N",
                title=words["status"],
                scale=alt.Scale(
                    domain=[f"{TRACK_SYMBOLS[k]} {status_labels[k]}" for k in colours],
                    range=list(colours.values()),
                ),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=tooltip,
        )
    )
    expected = (
        alt.Chart(data)
        .mark_tick(thickness=4, size=24, color="#1b2733")
        .encode(y=y, x=alt.X("expected_progress:Q", scale=x_scale), tooltip=tooltip)
    )
    ends = pl.DataFrame({"at": [0.0, 1.0], "what": [words["baseline"], words["target"]]})
    rules = (
        alt.Chart(ends)
        .mark_rule(strokeDash=[4, 4], color=TRAJECTORY_COLOUR)
        .encode(x=alt.X("at:Q", scale=x_scale))
    )
    rule_labels = (
        alt.Chart(ends)
        .mark_text(dy=-8, fontSize=14, color=TRAJECTORY_COLOUR, baseline="bottom")
        .encode(x=alt.X("at:Q", scale=x_scale), y=alt.value(0), text="what:N")
    )
    symbols = (
        alt.Chart(data)
        .mark_text(align="left", dx=8, fontSize=18, fontWeight="bold", color="#1b2733")
        .encode(y=y, x=alt.X("shown:Q", scale=x_scale), text="symbol:N", tooltip=tooltip)
    )
    return alt.layer(rules, bars, expected, symbols, rule_labels).properties(height=alt.Step(34))


# ---------------------------------------------------------------- maturity


def _polar(dimension: int, radius: float, count: int = 12) -> tuple[float, float]:
    """x, y of a dimension's spoke at `radius`: dimension 1 at the top, clockwise."""
    angle = 2 * math.pi * (dimension - 1) / count
    return radius * math.sin(angle), radius * math.cos(angle)


def wrap(text: str, width: int = 20) -> str:
    """Text broken into lines of about `width` characters at spaces (for chart labels)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def radar_points(consensus: pl.DataFrame) -> pl.DataFrame:
    """The rounds' consensus as closed polygons: x, y per round and dimension, with the first
    dimension repeated at the end (`order` 13) to close each line."""
    rows = []
    for row in consensus.iter_rows(named=True):
        x, y = _polar(row["dimension"], row["score"])
        rows.append({**row, "x": x, "y": y, "order": row["dimension"]})
        if row["dimension"] == 1:
            rows.append({**row, "x": x, "y": y, "order": 13})
    schema = {**consensus.schema, "x": pl.Float64, "y": pl.Float64, "order": pl.Int64}
    return pl.DataFrame(rows, schema=schema)


def radar_chart(
    consensus: pl.DataFrame,
    *,
    dimension_labels: dict[int, str],
    round_order: list[str],
    words: dict[str, str],
    size: int = 760,
) -> alt.LayerChart:
    """The consensus score of the 12 dimensions on a radar (0 in the centre, 5 at the outer
    ring), one polygon per round: the chosen round in colour, the previous one in grey.

    `consensus` needs round, dimension, score; `round_order` lists the rounds oldest first.
    `words`: round, dimension, score."""
    points = radar_points(consensus).with_columns(
        pl.col("dimension").replace_strict(dimension_labels, return_dtype=pl.String).alias("label")
    )
    rings = pl.DataFrame(
        [
            {"ring": r, "order": d, "x": _polar(d, r)[0], "y": _polar(d, r)[1]}
            for r in range(1, 6)
            for d in range(1, 14)
        ]
    )
    spokes = pl.DataFrame(
        [
            {"dimension": d, "x": 0.0, "y": 0.0, "x2": _polar(d, 5)[0], "y2": _polar(d, 5)[1]}
            for d in range(1, 13)
        ]
    )
    labels = pl.DataFrame(
        [
            {
                "text": wrap(f"{d}. {dimension_labels[d]}"),
                "x": _polar(d, RADAR_LABEL_RADIUS)[0],
                "y": _polar(d, RADAR_LABEL_RADIUS)[1],
                "align": "center" if d in (1, 7) else ("left" if d < 7 else "right"),
            }
            for d in range(1, 13)
        ]
    )
    ring_labels = pl.DataFrame(
        {"text": [str(r) for r in range(6)], "x": [0.18] * 6, "y": [float(r) for r in range(6)]}
    )
    # Wider than high (the labels stand left and right), with the same units per pixel on
    # both axes so that the rings stay round.
    height_extent = RADAR_EXTENT * RADAR_ASPECT
    x = alt.X("x:Q", scale=alt.Scale(domain=[-RADAR_EXTENT, RADAR_EXTENT]), axis=None)
    y = alt.Y("y:Q", scale=alt.Scale(domain=[-height_extent, height_extent]), axis=None)
    colours = ROUND_COLOURS[-len(round_order) :] if round_order else ROUND_COLOURS
    colour = alt.Color(
        "round:N",
        title=words["round"],
        scale=alt.Scale(domain=round_order, range=colours),
        legend=alt.Legend(orient="bottom", symbolStrokeWidth=4),
    )
    tooltip = [
        alt.Tooltip("round:N", title=words["round"]),
        alt.Tooltip("label:N", title=words["dimension"]),
        alt.Tooltip("score:Q", title=words["score"]),
    ]
    grid = (
        alt.Chart(rings)
        .mark_line(color="#c9ced4", strokeWidth=1)
        .encode(x=x, y=y, detail="ring:N", order="order:Q")
    )
    axes = alt.Chart(spokes).mark_rule(color="#c9ced4").encode(x=x, y=y, x2="x2:Q", y2="y2:Q")
    ring_text = (
        alt.Chart(ring_labels)
        .mark_text(align="left", fontSize=12, color="#8c96a3")
        .encode(x=x, y=y, text="text:N")
    )
    names = [
        alt.Chart(labels.filter(pl.col("align") == side))
        .mark_text(fontSize=15, align=side, lineBreak="\n", baseline="middle")
        .encode(x=x, y=y, text="text:N")
        for side in ("center", "left", "right")
    ]
    shapes = (
        alt.Chart(points)
        .mark_line(strokeWidth=3.5, opacity=0.9)
        .encode(x=x, y=y, color=colour, detail="round:N", order="order:Q", tooltip=tooltip)
    )
    dots = (
        alt.Chart(points.filter(pl.col("order") <= 12))
        .mark_point(size=90, filled=True, opacity=1)
        .encode(x=x, y=y, color=colour, tooltip=tooltip)
    )
    return alt.layer(grid, axes, ring_text, *names, shapes, dots).properties(
        width=size, height=round(size * RADAR_ASPECT)
    )


def spread_chart(
    distribution: pl.DataFrame,
    summary: pl.DataFrame,
    *,
    dimension_labels: dict[int, str],
    words: dict[str, str],
) -> alt.LayerChart:
    """Each dimension's individual scores as dots sized by how many assessors gave them, red
    where the scores are split (SPLIT_RANGE points or more apart), with the median as a tick
    and the consensus as a black diamond.

    `distribution`: dimension, score, assessors, names (services.maturity.score_distribution);
    `summary`: dimension, median, consensus, split (services.maturity.dimension_summary).
    `words`: dimension, score, assessors, median, consensus, split, agreement."""
    agreement = {True: words["split"], False: words["agreement"]}
    data = distribution.join(summary.select("dimension", "split"), on="dimension", how="left").with_columns(
        pl.col("dimension").replace_strict(dimension_labels, return_dtype=pl.String).alias("label"),
        pl.col("split").fill_null(False).replace_strict(agreement, return_dtype=pl.String).alias("reading"),
    )
    marks = summary.with_columns(
        pl.col("dimension").replace_strict(dimension_labels, return_dtype=pl.String).alias("label")
    )
    order = [dimension_labels[d] for d in sorted(dimension_labels)]
    y = alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=360))
    x_scale = alt.Scale(domain=[-0.4, 5.4])
    x_axis = alt.Axis(values=[0, 1, 2, 3, 4, 5], format="d", grid=True, orient="top")
    dots = (
        alt.Chart(data)
        .mark_point(opacity=0.8, filled=True)
        .encode(
            y=y,
            x=alt.X("score:Q", title=words["score"], scale=x_scale, axis=x_axis),
            shape=alt.Shape(
                "reading:N",
                title=None,
                scale=alt.Scale(domain=[words["agreement"], words["split"]], range=["circle", "triangle-up"]),
                legend=alt.Legend(orient="bottom"),
            ),
            size=alt.Size(
                "assessors:Q",
                title=words["assessors"],
                scale=alt.Scale(range=[120, 900]),
                legend=alt.Legend(orient="bottom", values=[1, 2, 3, 4, 6]),
            ),
            color=alt.Color(
                "reading:N",
                title=None,
                scale=alt.Scale(
                    domain=[words["agreement"], words["split"]], range=[AGREEMENT_COLOUR, SPLIT_COLOUR]
                ),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("label:N", title=words["dimension"]),
                alt.Tooltip("score:Q", title=words["score"]),
                alt.Tooltip("assessors:Q", title=words["assessors"]),
                alt.Tooltip("names:N", title=" "),
            ],
        )
    )
    median = (
        alt.Chart(marks.filter(pl.col("median").is_not_null()))
        .mark_tick(thickness=3, size=30, color="#1b2733")
        .encode(
            y=y,
            x=alt.X("median:Q", scale=x_scale),
            tooltip=[
                alt.Tooltip("label:N", title=words["dimension"]),
                alt.Tooltip("median:Q", title=words["median"]),
            ],
        )
    )
    consensus = (
        alt.Chart(marks.filter(pl.col("consensus").is_not_null()))
        .mark_point(shape="diamond", size=170, filled=True, color="#1b2733", yOffset=-14)
        .encode(
            y=y,
            x=alt.X("consensus:Q", scale=x_scale),
            tooltip=[
                alt.Tooltip("label:N", title=words["dimension"]),
                alt.Tooltip("consensus:Q", title=words["consensus"]),
            ],
        )
    )
    return alt.layer(dots, median, consensus).properties(height=alt.Step(46))
