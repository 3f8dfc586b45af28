"""Charts legible on a projector: as wide as the page, text of 16 px or more, statuses that
do not differ by colour alone."""

import colorsys

import altair as alt
import polars as pl

from dashboard.charts import theme
from dashboard.charts.actions import status_bars
from dashboard.charts.theme import MIN_FONT_SIZE, STATUS_COLOURS
from dashboard.ui.components import chart_spec

STATUS_LABELS = {
    "idea": "Idée",
    "planned": "Planifiée",
    "in_progress": "En cours",
    "on_hold": "Suspendue",
    "done": "Terminée",
    "stopped": "Arrêtée",
}


def _font_sizes(node, key=""):  # noqa: ANN001, ANN202
    if key in ("datasets", "data"):
        return
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _font_sizes(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _font_sizes(v)
    elif key.endswith(("fontSize", "FontSize")):
        yield node


def _small_chart() -> alt.LayerChart:
    data = pl.DataFrame({"x": [1, 2], "y": ["a", "b"]})
    bars = alt.Chart(data).mark_bar().encode(x="x:Q", y=alt.Y("y:N", axis=alt.Axis(labelFontSize=11)))
    text = alt.Chart(data).mark_text(fontSize=12).encode(x="x:Q", y="y:N", text="y:N")
    return alt.layer(bars, text).properties(width=760, height=alt.Step(30))


def test_no_chart_text_is_smaller_than_16_px():
    spec = chart_spec(_small_chart())
    sizes = list(_font_sizes(spec))
    assert sizes and min(sizes) >= MIN_FONT_SIZE == 16
    config = spec["config"]
    assert config["axis"]["labelFontSize"] >= 16 and config["legend"]["labelFontSize"] >= 16


def test_a_fixed_width_chart_is_shown_as_wide_as_the_page_but_a_fixed_shape_is_kept():
    assert theme.stretched(chart_spec(_small_chart()))["width"] == "container"
    square = chart_spec(_small_chart().properties(width=760, height=500))
    assert theme.stretched(square)["width"] == 760


def test_the_chart_helper_sends_the_stretched_spec(monkeypatch):
    import streamlit as st

    from dashboard.ui import components

    sent = {}
    monkeypatch.setattr(st, "vega_lite_chart", lambda spec, **kw: sent.update(spec=spec, **kw))
    components.chart(_small_chart())
    assert sent["spec"]["width"] == "container" and sent["width"] == "stretch"


def _luminance(colour: str) -> float:
    """WCAG relative luminance."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    red, green, blue = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _is_green_or_red(colour: str) -> bool:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, _, saturation = colorsys.rgb_to_hls(red, green, blue)
    return saturation > 0.3 and (hue < 0.05 or 0.22 < hue < 0.45 or hue > 0.95)


def test_done_and_stopped_are_not_told_apart_by_green_against_red():
    done, stopped = STATUS_COLOURS["done"], STATUS_COLOURS["stopped"]
    assert not (_is_green_or_red(done) and _is_green_or_red(stopped))
    # Distinct in lightness too, for readers who see no hue at all.
    lighter, darker = sorted((_luminance(done), _luminance(stopped)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 2


def test_status_bars_name_each_status_by_a_symbol_as_well_as_a_colour():
    counts = pl.DataFrame(
        {"value": ["1", "1", "2"], "status": ["done", "stopped", "done"], "actions": [3, 1, 2]}
    )
    spec = chart_spec(
        status_bars(
            counts,
            status_labels=STATUS_LABELS,
            value_labels={"1": "Objectif 1", "2": "Objectif 2"},
            missing_label="–",
            title="Par objectif",
            status_title="Statut",
            count_title="Actions",
        )
    )
    text_layers = [
        layer
        for layer in spec["layer"]
        if (layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]) == "text"
    ]
    assert text_layers and text_layers[0]["encoding"]["text"]["field"] == "symbol"
    colour = next(layer for layer in spec["layer"] if layer not in text_layers)["encoding"]
    assert "✓ Terminée" in colour["color"]["scale"]["domain"]
    assert "✕ Arrêtée" in colour["color"]["scale"]["domain"]
