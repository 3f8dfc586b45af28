"""The table of a chart's data: the fields it shows, under the titles it shows them with."""

from __future__ import annotations

import altair as alt
import polars as pl

from dashboard.charts.table import chart_table


def test_the_table_has_the_charts_fields_under_their_titles_and_no_internal_field():
    data = pl.DataFrame(
        {
            "region": ["Namur", "Dinant"],
            "count": [12, None],
            "count_text": ["12", "< 5"],
            "order": [1, 2],
        }
    )
    spec = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("count:Q", title="Patients"),
            y=alt.Y("region:N", title="Region", sort=alt.SortField("order")),
            tooltip=[alt.Tooltip("region:N", title="Region"), alt.Tooltip("count_text:N", title="Shown")],
        )
        .to_dict(validate=False)
    )
    table = chart_table(spec)
    assert set(table.columns) == {"Patients", "Region", "Shown"}
    assert table["Shown"].to_list() == ["12", "< 5"]
    # The suppressed count stays suppressed: the table is the frame the chart draws.
    assert table["Patients"].to_list() == [12, None]


def test_layers_with_their_own_data_are_all_in_the_table():
    bars = alt.Chart(pl.DataFrame({"year": [2024, 2025], "value": [3.0, 4.0]})).mark_bar()
    target = alt.Chart(pl.DataFrame({"target": [5.0]})).mark_rule()
    spec = alt.layer(
        bars.encode(x="year:O", y=alt.Y("value:Q", title="Value")),
        target.encode(y=alt.Y("target:Q", title="Target")),
    ).to_dict(validate=False)
    table = chart_table(spec)
    assert set(table.columns) == {"year", "Value", "Target"}
    assert table.height == 3


def test_a_chart_without_data_gives_an_empty_table():
    assert chart_table({"mark": "bar"}).is_empty()
