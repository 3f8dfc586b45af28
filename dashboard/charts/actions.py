"""Charts of the portfolio: the Gantt chart, actions by category and status, and the
social-entrepreneurship share over time."""

from __future__ import annotations

import datetime as dt
import textwrap

import altair as alt
import polars as pl

from dashboard.charts.theme import STATUS_COLOURS, STATUS_SYMBOLS, colour_scale, status_labels_with_symbols

GANTT_ROW_HEIGHT = 24
GANTT_WIDTH = 860  # plot area; with the labels the chart fits a 1920-pixel screen
LABEL_CHARACTERS = 58
# Characters of a strategic objective's heading per line: the heading may not run past the
# plot area (860 px at 17 px bold), where the browser would cut it.
HEADING_CHARACTERS = 84
HEADING_LINE_BREAK = "\n"


def short_label(code: str, title: str, limit: int = LABEL_CHARACTERS) -> str:
    """ "2.3.1 Organiser des temps d'échanges…": the code and as many whole words of the title
    as fit in `limit` characters (never a word cut in the middle)."""
    text = f"{code} {title}"
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[len(code) + 1 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-–(") + "…"


def gantt_chart(
    frame: pl.DataFrame,
    *,
    today: dt.date,
    status_labels: dict[str, str],
    words: dict[str, str],
    show_baseline: bool = True,
    sort_by: str = "code",
    width: int = GANTT_WIDTH,
) -> alt.FacetChart:
    """One row per action, grouped by strategic objective.

    `frame` needs: code, title, status, group (the strategic objective's label), order (the
    row's position), planned_start, planned_end, actual_start, actual_end, baseline_start,
    baseline_end, late, lead_partner. Bars: the plan as it stands, coloured by status; a thin
    grey bar under it: the baseline; a dark line: what actually ran; a red mark: late; a red
    dashed rule: today. `words` holds the translated tooltip titles.
    """
    data = (
        frame.filter(pl.col("planned_start").is_not_null() & pl.col("planned_end").is_not_null())
        .with_columns(
            pl.struct("code", "title")
            .map_elements(lambda r: short_label(r["code"], r["title"]), return_dtype=pl.String)
            .alias("label"),
            # Status by colour and by symbol, as on the status charts: the legend reads
            # "✓ Terminée" / "✕ Arrêtée" and each bar starts with its status's symbol, so that
            # done and stopped never differ by colour alone (a projector, colour-blind readers).
            pl.col("status")
            .replace_strict(status_labels_with_symbols(status_labels), return_dtype=pl.String)
            .alias("status_label"),
            pl.col("status")
            .replace_strict(STATUS_SYMBOLS, default="", return_dtype=pl.String)
            .alias("symbol"),
            # What ran: from the actual start to the actual end, or to today while it runs.
            pl.when(pl.col("actual_start").is_not_null())
            .then(pl.coalesce("actual_end", pl.lit(today)))
            .alias("actual_until"),
            pl.col("late")
            .cast(pl.String)
            .replace_strict({"true": words["yes"], "false": words["no"]}, return_dtype=pl.String)
            .alias("late_text"),
        )
        .with_columns(
            pl.when(pl.col("actual_until") < pl.col("actual_start"))
            .then(pl.col("actual_start"))
            .otherwise(pl.col("actual_until"))
            .alias("actual_until"),
            pl.col("group").map_elements(
                lambda heading: HEADING_LINE_BREAK.join(textwrap.wrap(heading, HEADING_CHARACTERS)),
                return_dtype=pl.String,
            ),
        )
    )
    order = "order" if sort_by == "code" else "planned_start"
    y = alt.Y(
        "label:N",
        sort=alt.EncodingSortField(order, order="ascending"),
        title=None,
        axis=alt.Axis(labelLimit=470, labelFontSize=14, labelPadding=6),
    )
    date_format = "%d/%m/%Y"
    tooltip = [
        alt.Tooltip("code:N", title=words["code"]),
        alt.Tooltip("title:N", title=words["title"]),
        alt.Tooltip("status_label:N", title=words["status"]),
        alt.Tooltip("planned_start:T", title=words["planned_start"], format=date_format),
        alt.Tooltip("planned_end:T", title=words["planned_end"], format=date_format),
        alt.Tooltip("baseline_start:T", title=words["baseline_start"], format=date_format),
        alt.Tooltip("baseline_end:T", title=words["baseline_end"], format=date_format),
        alt.Tooltip("actual_start:T", title=words["actual_start"], format=date_format),
        alt.Tooltip("actual_end:T", title=words["actual_end"], format=date_format),
        alt.Tooltip("late_text:N", title=words["late"]),
        alt.Tooltip("lead_partner:N", title=words["lead_partner"]),
    ]
    x_axis = alt.Axis(orient="top", format="%Y", tickCount="year", title=None, grid=True, labelFontSize=15)
    base = alt.Chart().encode(y=y, tooltip=tooltip)
    layers = []
    if show_baseline:
        layers.append(
            base.mark_bar(height=5, yOffset=8, color="#9aa3ad", opacity=0.9).encode(
                x=alt.X("baseline_start:T", axis=x_axis), x2="baseline_end:T"
            )
        )
    layers += [
        base.mark_bar(height=14, cornerRadius=3, opacity=0.85).encode(
            x=alt.X("planned_start:T", axis=x_axis),
            x2="planned_end:T",
            color=alt.Color(
                "status_label:N",
                title=words["status"],
                scale=colour_scale(STATUS_COLOURS, status_labels_with_symbols(status_labels)),
                legend=alt.Legend(orient="top", direction="horizontal"),
            ),
        ),
        # The status's symbol just before its bar, in ink on the page (readable whatever the
        # bar's colour; the late mark keeps the bar's end).
        base.mark_text(align="right", dx=-4, fontSize=16, fontWeight="bold", color="#16202a").encode(
            x="planned_start:T", text="symbol:N"
        ),
        base.mark_rule(strokeWidth=3, color="#1b2733").encode(x="actual_start:T", x2="actual_until:T"),
        # The late mark and the today rule are hidden from screen readers (aria=False): each
        # bar already reads out "late: yes/no" (its tooltip is its description), and the today
        # rule has no data of its own; otherwise Vega draws them as unnamed graphics (axe's
        # svg-img-alt), and a facet with no late action as an empty one.
        base.transform_filter(alt.datum.late)
        .mark_point(shape="triangle-left", size=170, filled=True, color="#c0392b", xOffset=8, aria=False)
        .encode(x="planned_end:T"),
        # One rule per facet (aggregated to a single row), not one per action.
        alt.Chart()
        .transform_aggregate(rows="count()")
        .mark_rule(color="#c0392b", strokeDash=[6, 4], strokeWidth=2, aria=False)
        .encode(x=alt.datum(alt.DateTime(year=today.year, month=today.month, date=today.day))),
    ]
    return (
        alt.layer(*layers, data=data)
        .properties(width=width, height=alt.Step(GANTT_ROW_HEIGHT))
        .facet(
            row=alt.Row(
                "group:N",
                title=None,
                sort=alt.EncodingSortField("group_order"),
                header=alt.Header(
                    labelAngle=0,
                    labelAlign="left",
                    labelAnchor="start",
                    labelOrient="top",
                    labelFontSize=17,
                    labelFontWeight="bold",
                    labelLimit=width,
                    labelExpr="split(datum.value, '\\n')",
                ),
            )
        )
        .resolve_scale(y="independent")
        # Years above every objective's block, not only the first: the chart scrolls.
        .resolve_axis(x="independent")
    )


def status_bars(
    counts: pl.DataFrame,
    *,
    status_labels: dict[str, str],
    value_labels: dict[str, str],
    missing_label: str,
    title: str,
    status_title: str,
    count_title: str,
) -> alt.LayerChart:
    """Horizontal bars of actions per category, stacked by status. `counts` comes from
    services.portfolio.counts_by (value, status, actions); categories keep the order of
    `value_labels`, with actions lacking a value last."""
    data = counts.with_columns(
        pl.col("value")
        .cast(pl.String)
        .replace_strict(value_labels, default=pl.lit(missing_label), return_dtype=pl.String)
        .fill_null(missing_label)
        .alias("category"),
    )
    order = [*value_labels.values(), missing_label]
    # Status by colour and by symbol: the legend reads "✓ Terminée", and each bar segment
    # carries its status's symbol, so "done" and "stopped" never differ by colour alone.
    symbol_labels = status_labels_with_symbols(status_labels)
    data = data.with_columns(
        pl.col("status").replace_strict(symbol_labels, return_dtype=pl.String).alias("status_label"),
        pl.col("status").replace_strict(STATUS_SYMBOLS, default="", return_dtype=pl.String).alias("symbol"),
    )
    y = alt.Y("category:N", sort=order, title=None, axis=alt.Axis(labelLimit=420))
    x = alt.X("sum(actions):Q", title=count_title, axis=alt.Axis(tickMinStep=1), stack="zero")
    tooltip = [
        alt.Tooltip("category:N", title=title),
        alt.Tooltip("status_label:N", title=status_title),
        alt.Tooltip("sum(actions):Q", title=count_title),
    ]
    bars = (
        alt.Chart(data, title=title)
        .mark_bar(stroke="#ffffff", strokeWidth=1)
        .encode(
            y=y,
            x=x,
            color=alt.Color(
                "status_label:N",
                title=status_title,
                scale=colour_scale(STATUS_COLOURS, symbol_labels),
                legend=alt.Legend(orient="bottom", columns=3, labelLimit=220),
            ),
            order=alt.Order("status:N"),
            tooltip=tooltip,
        )
    )
    symbols = (
        alt.Chart(data)
        .mark_text(align="right", dx=-5, fontWeight="bold")
        .encode(
            y=y,
            x=x,
            detail="status:N",
            order=alt.Order("status:N"),
            text="symbol:N",
            color=alt.Color(
                "status:N",
                legend=None,
                scale=alt.Scale(domain=list(SYMBOL_INK), range=list(SYMBOL_INK.values())),
            ),
            tooltip=tooltip,
        )
    )
    return alt.layer(bars, symbols).resolve_scale(color="independent").properties(height=alt.Step(30))


# The symbol's colour on each status's bar: white on the dark fills, ink on the light ones.
SYMBOL_INK = {
    "idea": "#16202a",
    "planned": "#16202a",
    "in_progress": "#16202a",
    "on_hold": "#16202a",
    "done": "#ffffff",
    "stopped": "#ffffff",
}


def share_axis_top(trend: pl.DataFrame, target: float | None) -> float:
    """Room above the highest of the shares and the target, without stretching to 100 %."""
    highest = max([*trend["share"].drop_nulls().to_list(), target or 0.0, 0.1])
    return min(1.0, round(highest * 1.3 + 0.05, 1))


def share_trend(
    trend: pl.DataFrame, *, target: float | None, title: str, share_title: str, target_label: str
) -> alt.LayerChart | alt.Chart:
    """The social-entrepreneurship share year by year, with the target as a dashed line."""
    line = (
        alt.Chart(trend, title=title)
        .mark_line(point=alt.OverlayMarkDef(size=90), strokeWidth=3, color="#0b5c73")
        .encode(
            x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "share:Q",
                title=share_title,
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, share_axis_top(trend, target)]),
            ),
            tooltip=[
                alt.Tooltip("year:O"),
                alt.Tooltip("share:Q", format=".0%", title=share_title),
                alt.Tooltip("actions:Q"),
            ],
        )
        .properties(height=260)
    )
    if target is None:
        return line
    rule = (
        alt.Chart(pl.DataFrame({"target": [target], "text": [target_label]}))
        .mark_rule(color="#c0392b", strokeDash=[6, 4], strokeWidth=2)
        .encode(y="target:Q")
    )
    label = rule.mark_text(align="left", dx=4, dy=-10, color="#c0392b", fontSize=15).encode(
        text="text:N", x=alt.value(0)
    )
    return alt.layer(line, rule, label)
