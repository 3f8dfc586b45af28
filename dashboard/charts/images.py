"""Chart images for download (PNG, SVG), rendered from the chart exactly as it is shown
(same data, theme and locale) by vl-convert, without a browser."""

from __future__ import annotations

import altair as alt
import vl_convert

from dashboard.charts.theme import themed


def to_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    return vl_convert.vegalite_to_png(themed(chart).to_json(), scale=scale)


def to_svg(chart: alt.TopLevelMixin) -> bytes:
    return vl_convert.vegalite_to_svg(themed(chart).to_json()).encode()
