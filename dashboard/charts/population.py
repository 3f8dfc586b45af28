"""The Risk map's pictures: the choropleth of the care regions (pydeck, no online basemap), its
legend, the pyramid of a region against the project and the national reference, and the small
multiples of the measure over the years (Altair).

These take the risk service's frames (already suppressed) and texts already translated; they
decide nothing about what may be shown.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from html import escape

import altair as alt
import polars as pl
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from dashboard.charts.theme import FONT, SERIES_PALETTE

# ColorBrewer YlGnBu by number of classes: sequential, colour-blind safe, readable in grey,
# without the alarm of yellow-to-red. One class (regions that barely differ) is a neutral mid
# tone, so that no region looks high or low.
PALETTES = {
    1: ["#9ecae1"],
    2: ["#c7e9b4", "#225ea8"],
    3: ["#edf8b1", "#7fcdbb", "#2c7fb8"],
    4: ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"],
    5: ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
}
SUPPRESSED_COLOUR = "#8c8c8c"  # a value hidden because a count under it is below 5
NO_DATA_COLOUR = "#f0f0f0"
OUTLINE = [51, 51, 51, 255]
PYRAMID_COLOURS = {"region": "#08306b", "project": "#4292c6", "national": "#b0b0b0"}
MAP_HEIGHT = 620
# A CSS font list for deck.gl's canvas: family names with spaces or digits must be quoted, or
# the canvas ignores the whole list and draws 10-pixel text.
MAP_FONT = '"Source Sans Pro", Arial, sans-serif'
# The map's size in pixels at 1920 x 1080 (the page's wide column), for the initial zoom.
MAP_PIXELS = (820, MAP_HEIGHT)


def palette(edges: list[float]) -> list[str]:
    classes = max(len(edges) - 1, 0)
    return PALETTES.get(classes, PALETTES[5]) if classes else []


def _rgba(colour: str, alpha: int = 235) -> list[int]:
    colour = colour.lstrip("#")
    return [int(colour[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def fill_colour(value_class: int | None, suppressed: bool, colours: list[str]) -> str:
    if suppressed:
        return SUPPRESSED_COLOUR
    if value_class is None or not colours:
        return NO_DATA_COLOUR
    return colours[min(value_class, len(colours) - 1)]


def initial_view(
    bounds: tuple[float, float, float, float] | None, pixels: tuple[int, int] = MAP_PIXELS
) -> pdk.ViewState:
    """Centre and zoom (Web Mercator; deck.gl's world is 512 pixels wide at zoom 0) that show
    `bounds` whole in a map of `pixels`."""
    if bounds is None:
        return pdk.ViewState(longitude=4.47, latitude=50.5, zoom=7)  # Belgium
    west, south, east, north = bounds

    def mercator_y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    width, height = pixels
    lon_fraction = max(east - west, 1e-6) / 360
    lat_fraction = max(mercator_y(north) - mercator_y(south), 1e-6) / (2 * math.pi)
    zoom = min(math.log2(width / 512 / lon_fraction), math.log2(height / 512 / lat_fraction))
    centre_y = (mercator_y(north) + mercator_y(south)) / 2
    centre_lat = math.degrees(2 * math.atan(math.exp(centre_y)) - math.pi / 2)
    return pdk.ViewState(
        longitude=round((west + east) / 2, 5),
        latitude=round(centre_lat, 5),
        zoom=round(zoom - 0.2, 2),
        min_zoom=5,
        max_zoom=13,
    )


@dataclass(frozen=True)
class MapTexts:
    """Translated words of the map's tooltip."""

    population: str
    measure: str
    strata: tuple[str, ...]  # the project's stratum labels, 0 to 3
    actions: str


def parsed_geometries(regions: pl.DataFrame) -> dict[int, dict]:
    """The regions' outlines (GeoJSON text in `regions`) parsed, by region_id: parsing 565
    municipal outlines takes a tenth of a second, so pages keep them with the data."""
    return {
        row["region_id"]: json.loads(row["geometry"])
        for row in regions.filter(pl.col("geometry").is_not_null()).iter_rows(named=True)
    }


def region_features(
    regions: pl.DataFrame, shown: pl.DataFrame, edges: list[float], geometries: dict[int, dict] | None = None
) -> list[dict]:
    """GeoJSON features of the regions with what the map shows joined in, once each: fill
    colour and the tooltip's texts. `shown` has per region_id: value_class, value_suppressed
    and the texts name, population, value, actions, s0..s3. `geometries`: the outlines
    already parsed (`parsed_geometries`), else parsed here."""
    colours = palette(edges)
    texts = {row["region_id"]: row for row in shown.iter_rows(named=True)}
    features = []
    for region in regions.filter(pl.col("geometry").is_not_null()).iter_rows(named=True):
        row = texts.get(region["region_id"], {})
        properties = {
            "region_id": region["region_id"],
            "fill": _rgba(fill_colour(row.get("value_class"), bool(row.get("value_suppressed")), colours)),
            **{
                key: row.get(key) or "–"
                for key in ("name", "population", "value", "actions", "s0", "s1", "s2", "s3")
            },
        }
        properties["name"] = region["name"]
        geometry = (
            geometries[region["region_id"]] if geometries is not None else json.loads(region["geometry"])
        )
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    return features


def tooltip(texts: MapTexts) -> dict:
    strata = "".join(f"<br/>{escape(label)}: <b>{{s{i}}}</b>" for i, label in enumerate(texts.strata))
    return {
        "html": (
            f"<b style='font-size:19px'>{{name}}</b><br/>{escape(texts.population)}: "
            f"<b>{{population}}</b><br/>{escape(texts.measure)}: <b>{{value}}</b>"
            f"{strata}<br/>{escape(texts.actions)}: <b>{{actions}}</b>"
        ),
        "style": {
            "fontSize": "16px",
            "backgroundColor": "#ffffff",
            "color": "#1a1a1a",
            "border": "1px solid #666",
            "fontFamily": FONT,
            "maxWidth": "460px",
        },
    }


class CompactDeck(pdk.Deck):
    """A Deck sent without pydeck's indentation: a third of the bytes for the same map."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def risk_map(features: list[dict], labels: list[dict], view: pdk.ViewState, texts: MapTexts) -> pdk.Deck:
    """The choropleth: regions filled by class, outlined, each labelled on the map (name,
    value, actions) so that a room can read it without hovering. No online basemap."""
    regions = pdk.Layer(
        "GeoJsonLayer",
        id="regions",
        data={"type": "FeatureCollection", "features": features},
        pickable=True,
        stroked=True,
        filled=True,
        get_fill_color="properties.fill",
        get_line_color=OUTLINE,
        line_width_min_pixels=1.5,
        auto_highlight=True,
        highlight_color=[255, 255, 255, 90],
    )
    names = pdk.Layer(
        "TextLayer",
        id="labels",
        data=labels,
        get_position="position",
        get_text="text",
        get_size=17,
        size_units="'pixels'",
        get_color=[20, 20, 20, 255],
        character_set="'auto'",
        font_family=f"'{MAP_FONT}'",
        font_weight=600,
        get_text_anchor="'middle'",
        get_alignment_baseline="'center'",
        background=True,
        get_background_color=[255, 255, 255, 225],
        background_padding=[6, 3, 6, 3],
        line_height=1.15,
        pickable=False,
    )
    # No zoom on the mouse wheel: scrolling the page over the map must scroll the page.
    controls = pdk.View(
        type="MapView",
        controller={"scrollZoom": False, "dragRotate": False, "touchRotate": False, "keyboard": False},
    )
    return CompactDeck(
        layers=[regions, names],
        views=[controls],
        initial_view_state=view,
        map_provider=None,
        tooltip=tooltip(texts),
    )


def payload_size(deck: pdk.Deck) -> int:
    """Bytes the browser receives for the map (spec and tooltip, as Streamlit sends them)."""
    return len(deck.to_json().encode()) + len(json.dumps(deck._tooltip).encode())


def legend_html(
    title: str, class_labels: list[str], edges: list[float], suppressed: str, no_data: str
) -> str:
    """The map's legend, from the highest class down, large enough to read across a room."""
    colours = palette(edges)
    entries = list(zip(colours, class_labels, strict=True))[::-1]
    entries += [(SUPPRESSED_COLOUR, suppressed)]
    entries.append((NO_DATA_COLOUR, no_data))
    # A real list (<ul> of <li>), named by the title: screen readers announce its entries
    # (a div with role=list and no listitem children fails axe's aria-required-children).
    rows = "".join(
        f"<li style='display:flex;align-items:center;gap:12px;margin:6px 0'>"
        f"<span aria-hidden='true' style='display:inline-block;width:34px;height:24px;"
        f"background:{colour};border:1px solid #333'></span><span>{escape(text)}</span></li>"
        for colour, text in entries
    )
    return (
        f"<div style='font-size:19px;line-height:1.25;font-family:{FONT}'>"
        f"<div style='font-weight:600;margin-bottom:8px'>{escape(title)}</div>"
        f"<ul aria-label='{escape(title)}' style='list-style:none;margin:0;padding:0'>{rows}</ul></div>"
    )


# ---------------------------------------------------------------- Altair


def pyramid_chart(
    frame: pl.DataFrame, series_labels: dict[str, str], stratum_labels: dict[int, str], axis_title: str
) -> alt.Chart:
    """The stratified pyramid: highest stratum on top, one bar per series (region, project,
    national reference) per stratum, each labelled with its share (`text`, as formatted for
    the page, "< 5" where hidden)."""
    order = [
        series_labels[s]
        for s in ("region", "project", "national")
        if s in series_labels and s in set(frame["series"])
    ]
    data = frame.with_columns(
        pl.col("series").replace_strict(series_labels, return_dtype=pl.String),
        pl.col("stratum").replace_strict(stratum_labels, return_dtype=pl.String).alias("stratum_label"),
        pl.col("share").fill_null(0.0),
    )
    strata_order = [stratum_labels[s] for s in sorted(stratum_labels, reverse=True)]
    colours = alt.Scale(
        domain=order,
        range=[
            PYRAMID_COLOURS[key]
            for key in ("region", "project", "national")
            if key in series_labels and series_labels[key] in order
        ],
    )
    base = alt.Chart(data).encode(
        y=alt.Y(
            "stratum_label:N", sort=strata_order, title=None, axis=alt.Axis(labelLimit=330, labelFontSize=16)
        ),
        yOffset=alt.YOffset("series:N", sort=order),
        x=alt.X(
            "share:Q",
            title=axis_title,
            axis=alt.Axis(format="%", tickCount=5),
            scale=alt.Scale(domain=[0, max(0.05, float(data["share"].max() or 0) * 1.22)]),
        ),
    )
    bars = base.mark_bar(height={"band": 0.85}).encode(
        color=alt.Color(
            "series:N",
            scale=colours,
            title=None,
            legend=alt.Legend(
                orient="top",
                direction="vertical",
                labelFontSize=16,
                symbolSize=220,
                labelLimit=520,
                symbolType="square",
                # "<project> – every region" on two lines: a long
                # project name was cut off beside the map.
                labelExpr="split(datum.label, ' – ')",
            ),
        ),
        tooltip=[
            alt.Tooltip("series:N", title=""),
            alt.Tooltip("stratum_label:N", title=""),
            alt.Tooltip("text:N", title=axis_title),
        ],
    )
    labels = base.mark_text(align="left", dx=5, fontSize=15).encode(text="text:N")
    return (bars + labels).properties(height=alt.Step(22), width="container")


def small_multiples(
    trend: pl.DataFrame,
    regions: pl.DataFrame,
    edges: list[float],
    class_labels: list[str],
    suppressed: str,
    no_data: str,
    value_title: str,
    region_title: str,
    columns: int = 4,
) -> alt.Chart:
    """One small map per year, coloured with the same classes as the main map. The outlines
    are sent once (looked up by region), the values per year."""
    colours = palette(edges)
    hidden = [(suppressed, SUPPRESSED_COLOUR)]
    domain = [*class_labels, *(label for label, _ in hidden), no_data]
    scale = alt.Scale(domain=domain, range=[*colours, *(colour for _, colour in hidden), NO_DATA_COLOUR])
    # The outlines travel as one JSON text: Altair then neither walks nor validates every
    # coordinate (a tenth of the time), and Vega-Lite parses it in the browser.
    outlines = (
        "["
        + ",".join(
            f'{{"region_id":{row["region_id"]},"type":"Feature","geometry":{row["geometry"]}}}'
            for row in regions.filter(pl.col("geometry").is_not_null()).iter_rows(named=True)
        )
        + "]"
    )
    return (
        alt.Chart(trend)
        .mark_geoshape(stroke="#333333", strokeWidth=0.8)
        .encode(
            shape=alt.Shape("geo:G"),
            color=alt.Color(
                "class_label:N",
                scale=scale,
                title=None,
                legend=alt.Legend(
                    orient="bottom",
                    columns=4,
                    labelFontSize=17,
                    symbolSize=360,
                    symbolType="square",
                    labelLimit=300,
                ),
            ),
            tooltip=[
                alt.Tooltip("name:N", title=region_title),
                alt.Tooltip("year:O"),
                alt.Tooltip("text:N", title=value_title),
            ],
            facet=alt.Facet(
                "year:O",
                columns=columns,
                title=None,
                header=alt.Header(labelFontSize=20, labelFontWeight="bold"),
            ),
        )
        .transform_lookup(
            lookup="region_id",
            from_=alt.LookupData(alt.Data(values=outlines, format=alt.DataFormat(type="json")), "region_id"),
            as_="geo",
        )
        .project("mercator")
        .properties(width=300, height=220)
    )


def trend_lines(lines: pl.DataFrame, value_title: str, year_title: str) -> alt.Chart:
    """The measure over the years for a few regions (many regions: see
    `risk.trend_lines`): one line per series, the project dashed in black, the chosen region
    thicker; the legend in the order of the values (highest first). `lines`: year, series,
    role, rank, value (null where hidden: a gap in the line), text."""
    order = lines.sort("rank").unique("series", keep="first", maintain_order=True)["series"].to_list()
    roles = dict(zip(lines["series"], lines["role"], strict=False))
    # Black is the project's and dark blue the chosen region's: the others take the rest.
    palette_ = [c for c in SERIES_PALETTE if c not in ("#000000", "#0072b2")]
    colours, index = [], 0
    for series in order:
        if roles[series] == "project":
            colours.append("#000000")
        elif roles[series] == "chosen":
            colours.append("#08306b")
        else:
            colours.append(palette_[index % len(palette_)])
            index += 1
    colour = alt.Color(
        "series:N",
        scale=alt.Scale(domain=order, range=colours),
        title=None,
        sort=order,
        legend=alt.Legend(orient="right", labelFontSize=16, labelLimit=360, symbolStrokeWidth=4),
    )
    data = lines.with_columns(
        pl.when(pl.col("role") == "project").then(pl.lit("dash")).otherwise(pl.lit("solid")).alias("dash"),
        pl.when(pl.col("role") == "top").then(2.5).otherwise(4.5).alias("width"),
    )
    base = alt.Chart(data).encode(
        x=alt.X("year:O", title=year_title, axis=alt.Axis(labelAngle=0, labelFontSize=16, titleFontSize=16)),
        y=alt.Y(
            "value:Q",
            title=value_title,
            scale=alt.Scale(zero=False),
            axis=alt.Axis(labelFontSize=16, titleFontSize=16),
        ),
        color=colour,
    )
    line = base.mark_line().encode(
        strokeDash=alt.StrokeDash(
            "dash:N", scale=alt.Scale(domain=["solid", "dash"], range=[[1, 0], [8, 5]]), legend=None
        ),
        strokeWidth=alt.StrokeWidth("width:Q", scale=None, legend=None),
        detail="series:N",
    )
    points = base.mark_point(filled=True, size=60).encode(
        tooltip=[
            alt.Tooltip("series:N", title=""),
            alt.Tooltip("year:O", title=year_title),
            alt.Tooltip("text:N", title=value_title),
        ]
    )
    return (line + points).properties(height=460, width="container")


def static_map(
    regions: pl.DataFrame,
    shown: pl.DataFrame,
    legend: list[tuple[str, str]],
    legend_title: str,
    geometries: dict[int, dict] | None = None,
    width: int = 640,
    height: int = 520,
) -> alt.LayerChart:
    """The choropleth as a picture (Altair geoshape, for a document: the meeting pack), the
    regions coloured as on the page's map. `shown` (presenters.population.shown_regions) has per
    region_id its `legend` entry (the class label, or the suppressed / no-data label) and its
    `value` text; `legend` lists (label, colour) in the legend's order. Each region carries its
    name and value as text, so that no figure is read from its colour alone."""
    entries = {row["region_id"]: row for row in shown.iter_rows(named=True)}
    features = []
    points = []
    for region in regions.filter(pl.col("geometry").is_not_null()).iter_rows(named=True):
        row = entries.get(region["region_id"], {})
        geometry = (
            geometries[region["region_id"]] if geometries is not None else json.loads(region["geometry"])
        )
        features.append(
            {
                "type": "Feature",
                "geometry": geometry,
                "properties": {"name": region["name"], "legend": row.get("legend") or legend[-1][0]},
            }
        )
        if region["label_lon"] is not None:
            points.append(
                {
                    "lon": region["label_lon"],
                    "lat": region["label_lat"],
                    "text": f"{region['name']}\n{row.get('value') or '–'}",
                }
            )
    labels, colours = [label for label, _ in legend], [colour for _, colour in legend]
    projection = "mercator"
    shapes = (
        alt.Chart(alt.Data(values=features))
        .mark_geoshape(stroke="#333333", strokeWidth=0.8)
        .encode(
            color=alt.Color(
                "properties.legend:N",
                title=legend_title,
                scale=alt.Scale(domain=labels, range=colours),
                legend=alt.Legend(
                    orient="right", labelLimit=260, titleLimit=260, symbolType="square", symbolSize=220
                ),
            )
        )
        .project(projection)
    )
    layers = [shapes]
    if points:
        # A white halo under each label: readable on the darkest class as on the lightest.
        text = alt.Chart(alt.Data(values=points)).encode(longitude="lon:Q", latitude="lat:Q", text="text:N")
        style = {"fontSize": 11, "fontWeight": "bold", "lineBreak": "\n", "font": FONT}
        layers += [
            text.mark_text(**style, color="white", stroke="white", strokeWidth=3.5).project(projection),
            text.mark_text(**style, color="#111111").project(projection),
        ]
    return alt.layer(*layers).properties(width=width, height=height)
