"""Chart images for download (PNG, SVG), rendered from the chart exactly as it is shown
(same data, theme and locale) by vl-convert, without a browser."""

from __future__ import annotations

import json

import altair as alt
import vl_convert

from dashboard.charts.theme import legible, themed


def _spec(chart: alt.TopLevelMixin | dict) -> str:
    return json.dumps(chart if isinstance(chart, dict) else legible(themed(chart).to_dict(validate=False)))


def to_png(chart: alt.TopLevelMixin | dict, scale: float = 2.0) -> bytes:
    """A themed chart, or a spec already themed (dashboard.ui.components.chart_spec)."""
    return vl_convert.vegalite_to_png(_spec(chart), scale=scale)


def to_svg(chart: alt.TopLevelMixin | dict) -> bytes:
    return vl_convert.vegalite_to_svg(_spec(chart)).encode()
