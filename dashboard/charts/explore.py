"""The Explore pivot's chart, its type chosen from the data's shape: a line over time-like
rows (years, periods, waves, dates), bars otherwise; a second key colours the marks."""

from __future__ import annotations

import altair as alt
import polars as pl

from dashboard.services.explore.pivot import VALUE

TIME_LIKE = (
    "year",
    "period",
    "wave",
    "round",
    "held_on",
    "period_end",
    "meeting_date",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
)


def pivot_chart(frame: pl.DataFrame, keys: list[str], titles: dict[str, str]) -> alt.Chart:
    rows = keys[0]
    base = alt.Chart(frame)
    value = alt.Y(f"{VALUE}:Q", title=titles[VALUE])
    colour = {"color": alt.Color(f"{keys[1]}:N", title=titles[keys[1]])} if len(keys) == 2 else {}
    if rows in TIME_LIKE:
        mark = base.mark_line(point=True)
        x = alt.X(f"{rows}:O", title=titles[rows], sort=None)
    else:
        mark = base.mark_bar()
        x = alt.X(f"{rows}:N", title=titles[rows], sort=None)
        if len(keys) == 2:
            colour["xOffset"] = alt.XOffset(f"{keys[1]}:N")
    tooltip = [alt.Tooltip(f"{k}:N", title=titles[k]) for k in keys] + [
        alt.Tooltip(f"{VALUE}:Q", title=titles[VALUE])
    ]
    return mark.encode(x=x, y=value, tooltip=tooltip, **colour).properties(height=360)
