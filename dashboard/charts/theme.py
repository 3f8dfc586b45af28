"""The look shared by every chart: sizes legible across a meeting room, Belgian number and date
formats, one colour per status / outcome / stratum everywhere."""

from __future__ import annotations

import altair as alt

from dashboard.i18n.formatting import vega_locale

# A family name with a digit must be quoted in a CSS font list: unquoted, the whole list is
# invalid and vl-convert drew PNG downloads without any text.
FONT = 'Source Sans Pro, "Source Sans 3", Arial, sans-serif'
STATUS_COLOURS = {
    "idea": "#8c96a3", "planned": "#3f7fd6", "in_progress": "#e69b00", "on_hold": "#9b59b6",
    "done": "#2e8b57", "stopped": "#c0392b",
}
OUTCOME_COLOURS = {"go": "#2e8b57", "conditional_go": "#7fb800", "postponed": "#e69b00",
                   "no_go": "#c0392b"}
STRATUM_COLOURS = ["#c7e0f4", "#6baed6", "#2171b5", "#08306b"]
TRACK_COLOURS = {"on_track": "#2e8b57", "at_risk": "#e69b00", "off_track": "#c0392b",
                 "no_target": "#8c96a3", "no_data": "#8c96a3"}


def themed(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Apply the shared configuration (call once, on the top-level chart)."""
    return chart.configure(
        locale=vega_locale(),
        font=FONT,
        axis=alt.AxisConfig(labelFontSize=15, titleFontSize=16, labelLimit=360,
                            titleFontWeight="normal"),
        legend=alt.LegendConfig(labelFontSize=15, titleFontSize=15, labelLimit=360,
                                symbolSize=160),
        header=alt.HeaderConfig(labelFontSize=16, titleFontSize=16, labelLimit=600),
        title=alt.TitleConfig(fontSize=18, anchor="start"),
        view=alt.ViewConfig(stroke=None),
    )


def colour_scale(colours: dict[str, str], labels: dict[str, str]) -> alt.Scale:
    """A nominal colour scale over translated labels, in the vocabulary's order."""
    return alt.Scale(domain=[labels[k] for k in colours if k in labels],
                     range=[colours[k] for k in colours if k in labels])
