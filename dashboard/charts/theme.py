"""The look shared by every chart: sizes legible across a meeting room, Belgian number and date
formats, one colour per status / outcome / stratum everywhere."""

from __future__ import annotations

import altair as alt

from dashboard.i18n.formatting import vega_locale

# A family name with a digit must be quoted in a CSS font list: unquoted, the whole list is
# invalid and vl-convert drew PNG downloads without any text.
FONT = 'Source Sans Pro, "Source Sans 3", Arial, sans-serif'
# Action statuses in the Okabe-Ito colour-blind-safe palette: done (blue) and stopped (dark
# grey) differ in hue and lightness, never green against red; light and strong blue tell
# planned from done by lightness too. Charts add a second channel: STATUS_SYMBOLS.
STATUS_COLOURS = {
    "idea": "#c5ccd3",
    "planned": "#56b4e9",
    "in_progress": "#e69f00",
    "on_hold": "#cc79a7",
    "done": "#0072b2",
    "stopped": "#333333",
}
# A symbol per status, shown in the legend and on the marks, so that a status reads without
# its colour (colour-blind readers, a washed-out projector, a black-and-white print).
STATUS_SYMBOLS = {
    "idea": "○",
    "planned": "◷",
    "in_progress": "▶",
    "on_hold": "‖",
    "done": "✓",
    "stopped": "✕",
}
# Legible from the back of a meeting room: no chart text smaller than this (pixels).
MIN_FONT_SIZE = 16
# Okabe & Ito's eight colours, told apart with every common colour-vision deficiency; the
# categorical colours of every chart come from here (sequential scales from ColorBrewer's
# colour-blind-safe schemes), and greys for "none".
OKABE_ITO = ("#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#000000")
# For lines and points on white: the list without its yellow, too light to read.
SERIES_PALETTE = tuple(c for c in OKABE_ITO if c != "#f0e442")
OUTCOME_COLOURS = {"go": "#009e73", "conditional_go": "#56b4e9", "postponed": "#e69f00", "no_go": "#d55e00"}
STRATUM_COLOURS = ["#c7e0f4", "#6baed6", "#2171b5", "#08306b"]
TRACK_COLOURS = {
    "on_track": "#009e73",
    "at_risk": "#e69f00",
    "off_track": "#d55e00",
    "no_target": "#8c96a3",
    "no_data": "#8c96a3",
}
# A symbol per indicator status, on the bars and in the legend (status never by colour alone).
TRACK_SYMBOLS = {"on_track": "✓", "at_risk": "!", "off_track": "✕", "no_target": "–", "no_data": "?"}


def themed(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Apply the shared configuration (call once, on the top-level chart)."""
    return chart.configure(
        locale=vega_locale(),
        font=FONT,
        axis=alt.AxisConfig(labelFontSize=16, titleFontSize=17, labelLimit=360, titleFontWeight="normal"),
        legend=alt.LegendConfig(labelFontSize=16, titleFontSize=16, labelLimit=360, symbolSize=200),
        header=alt.HeaderConfig(labelFontSize=17, titleFontSize=17, labelLimit=600),
        title=alt.TitleConfig(fontSize=20, anchor="start"),
        text=alt.MarkConfig(fontSize=MIN_FONT_SIZE),
        view=alt.ViewConfig(stroke=None),
    )


def legible(spec: dict) -> dict:
    """The spec with every font size raised to at least MIN_FONT_SIZE, the ones set on single
    marks and axes too (where the shared configuration cannot reach). Data is left alone."""

    def raised(node: object, key: str = "") -> object:
        if key in ("datasets", "data", "values"):
            return node
        if isinstance(node, dict):
            return {k: raised(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [raised(v) for v in node]
        if (
            key.endswith(("fontSize", "FontSize"))
            and isinstance(node, int | float)
            and not isinstance(node, bool)
        ):
            return max(node, MIN_FONT_SIZE)
        return node

    return raised(spec)  # type: ignore[return-value]


def stretched(spec: dict) -> dict:
    """The spec as wide as its container when its width is a fixed number of pixels and its
    height is not (rows sized by step): a chart drawn at 760 px filled half a 1920-pixel
    screen. A chart with both sides fixed keeps them: its proportions matter (the radar's
    rings stay round). Facets and concatenations have no single width to stretch."""
    if isinstance(spec.get("width"), int | float) and not isinstance(spec.get("height"), int | float):
        return {**spec, "width": "container"}
    return spec


def status_labels_with_symbols(labels: dict[str, str]) -> dict[str, str]:
    """ "✓ Terminée": each status label behind its symbol, for legends and marks."""
    return {
        status: f"{STATUS_SYMBOLS[status]} {text}" if status in STATUS_SYMBOLS else text
        for status, text in labels.items()
    }


def colour_scale(colours: dict[str, str], labels: dict[str, str]) -> alt.Scale:
    """A nominal colour scale over translated labels, in the vocabulary's order."""
    return alt.Scale(
        domain=[labels[k] for k in colours if k in labels], range=[colours[k] for k in colours if k in labels]
    )


# The presentation view's type: every chart text this many times larger.
PRESENTATION_SCALE = 1.35


def for_presentation(spec: dict, scale: float = PRESENTATION_SCALE) -> dict:
    """The spec drawn for a projector: every font size (the shared configuration's and the ones
    set on single marks) `scale` times larger and rounded, a fixed width as wide as the screen.
    Data is left alone."""

    def enlarged(node: object, key: str = "") -> object:
        if key in ("datasets", "data", "values"):
            return node
        if isinstance(node, dict):
            return {k: enlarged(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [enlarged(v) for v in node]
        if (
            key.endswith(("fontSize", "FontSize"))
            and isinstance(node, int | float)
            and not isinstance(node, bool)
        ):
            return round(max(node, MIN_FONT_SIZE) * scale)
        return node

    return stretched(enlarged(spec))  # type: ignore[arg-type]
