"""Turning the risk service's frames into what the Risk map page shows: values formatted the
Belgian way, "< 5" where the service hid a count, the project's own stratum labels, class
labels of the legend, the texts of the map's labels and tooltips, and the tables."""

from __future__ import annotations

import re

import polars as pl

from dashboard.i18n import in_language, label_of, plural, t
from dashboard.i18n.formatting import format_number, format_percent
from dashboard.services.admin.projects import ProjectInfo
from dashboard.services.population.risk import (
    ALL,
    DEMO_REFERENCE_SOURCES,
    MEASURE_COLUMN,
    PROJECT,
    STRATA,
    Measure,
    RiskView,
)
from dashboard.services.population.risk_classes import DECIMALS, ColourClasses, class_of
from dashboard.services.suppression import SUPPRESSED_TEXT


def format_measure(measure: Measure, value: float | None, decimals: int | None = None) -> str:
    """A value of a measure with its unit: 2,1 %, 1 234, 21,0 ‰, +0,4 pt."""
    if value is None:
        return "–"
    if decimals is None:
        decimals = DECIMALS[measure]
        if measure != Measure.count and value != 0 and abs(value) < 1:  # 0,03 %, not 0,0 %
            decimals += 1 if abs(value) >= 0.1 else 2
    if measure == Measure.share:
        return format_percent(value / 100, decimals)
    if measure == Measure.count:
        return format_number(value, decimals)
    if measure in (Measure.rate, Measure.prevalence):
        return f"{format_number(value, decimals)}\u00a0‰"
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return t("risk.unit.points", value=f"{sign}{format_number(abs(value), decimals)}")


# A hidden cell reads "< 5" whether it is small itself or hidden only so that a small one
# cannot be worked out by subtraction (the service's `_masked` flag; the legend says both).
# Showing the second kind apart would tell that it holds at least 5 persons, which bounds the
# small cell beside it (a total of 6 with a "masked" cell leaves the small one exactly 1).


def value_text(measure: Measure, value: float | None, suppressed: bool, decimals: int | None = None) -> str:
    if suppressed:
        return SUPPRESSED_TEXT
    return format_measure(measure, value, decimals)


def count_text(value: int | None, suppressed: bool) -> str:
    if suppressed:
        return SUPPRESSED_TEXT
    return format_number(value)


def group_text(view: RiskView) -> str:
    """ "75+ · Women" for a view of one age band and sex; "" for the whole population."""
    parts = []
    if view.age_band != ALL:
        parts.append(t("risk.age_band_value", band=view.age_band))
    if view.sex != ALL:
        parts.append(label_of("sex", view.sex))
    return " · ".join(parts)


def measure_title(view: RiskView, project: ProjectInfo) -> str:
    """What the map shows, in words: the measure, its stratum or condition, the group."""
    stratum = project.stratum_label(view.stratum)
    if view.measure == Measure.prevalence:
        title = t("risk.title.prevalence", condition=label_of("condition", view.condition))
    elif view.measure == Measure.change:
        title = t("risk.title.change", stratum=stratum, base_year=view.base_year)
    else:
        title = t(f"risk.title.{view.measure.value}", stratum=stratum)
    group = group_text(view)
    return f"{title} · {group}" if group else title


def class_labels(classes: ColourClasses, measure: Measure) -> list[str]:
    """Each class from its start to under the next one's ("2,0 % to under 2,3 %"), the last
    one up to the largest value ("2,3 % – 2,6 %"); a class of one value: that value."""
    labels = []
    edges = classes.edges
    for index, (low, high) in enumerate(zip(edges, edges[1:], strict=False)):
        low_text = format_measure(measure, low, classes.decimals)
        high_text = format_measure(measure, high, classes.decimals)
        if low_text == high_text:
            labels.append(low_text)
        elif index == len(edges) - 2:
            labels.append(t("risk.range", low=low_text, high=high_text))
        else:
            labels.append(t("risk.range_below", low=low_text, high=high_text))
    return labels


def spread_note(classes: ColourClasses, measure: Measure) -> str | None:
    """What the legend says when the regions barely differ (one neutral colour); else None."""
    if not classes.barely_differ:
        return None
    low, high = classes.edges[0], classes.edges[-1]
    return t(
        "risk.legend.barely_differ",
        low=format_measure(measure, low, classes.decimals),
        high=format_measure(measure, high, classes.decimals),
    )


def region_name(row: dict, project: ProjectInfo) -> str:
    return t("risk.project_row", project=project.name) if row["region_id"] == PROJECT else row["name"]


def actions_text(actions: int, actions_all: int) -> str:
    return t("risk.actions_in_region", actions=actions, total=actions_all)


def shown_regions(
    table: pl.DataFrame, view: RiskView, classes: ColourClasses, project: ProjectInfo
) -> pl.DataFrame:
    """Per region: its colour class and the texts of its label and tooltip (with the
    legend's decimals, so that two regions of different colours never read alike)."""
    decimals = classes.decimals if classes.edges else None
    classed = table.with_columns(class_of(pl.col("value"), classes).alias("value_class"))
    rows = []
    for row in classed.iter_rows(named=True):
        rows.append(
            {
                "region_id": row["region_id"],
                "name": region_name(row, project),
                "value_class": row["value_class"],
                "value_suppressed": row["value_suppressed"],
                "population": count_text(row["population"], row["population_suppressed"]),
                "value": value_text(view.measure, row["value"], row["value_suppressed"], decimals),
                "actions": (
                    format_number(row["actions_all"])
                    if view.measure == Measure.prevalence
                    else actions_text(row["actions"], row["actions_all"])
                ),
                "aimed_actions": row["actions"],
                **{f"s{s}": count_text(row[f"persons_{s}"], row[f"persons_{s}_suppressed"]) for s in STRATA},
            }
        )
    return pl.DataFrame(
        rows,
        schema={
            "region_id": pl.Int64,
            "name": pl.String,
            "value_class": pl.Int64,
            "value_suppressed": pl.Boolean,
            "population": pl.String,
            "value": pl.String,
            "actions": pl.String,
            "aimed_actions": pl.Int64,
            **{f"s{s}": pl.String for s in STRATA},
        },
    )


def map_labels(
    regions: pl.DataFrame, shown: pl.DataFrame, view: RiskView, only: list[int] | None = None
) -> list[dict]:
    """The text on each region (or on the regions `only`): its name, its value and the
    actions aimed at its people."""
    texts = {row["region_id"]: row for row in shown.iter_rows(named=True)}
    labels = []
    for region in regions.filter(pl.col("label_lon").is_not_null()).iter_rows(named=True):
        row = texts.get(region["region_id"])
        if row is None or (only is not None and region["region_id"] not in only):
            continue
        lines = [region["name"], row["value"]]
        if view.measure != Measure.prevalence:  # actions aim at strata, not at conditions
            lines.append(plural("risk.map_actions", row["aimed_actions"]))
        labels.append({"position": [region["label_lon"], region["label_lat"]], "text": "\n".join(lines)})
    return labels


def map_caption(view: RiskView, sources: list[str], labelled: int | None = None) -> str:
    """The line under the map: the outlines' credits, how to use the map and what its labels
    say (no actions for a prevalence: actions aim at strata, not at conditions), and what
    what "< 5" means."""
    help_key = "risk.map_help.prevalence" if view.measure == Measure.prevalence else "risk.map_help"
    return " · ".join(
        [
            *(t("risk.boundaries", source=source) for source in attributions(sources)),
            t(help_key),
            *([t("risk.map_labelled", top=labelled)] if labelled else []),
            t("risk.masked_help"),
        ]
    )


def attributions(sources: list[str]) -> list[str]:
    """The distinct credits of the regions' outlines (what precedes " – " in each source)."""
    return sorted({source.split(" – ")[0] for source in sources if source})


# A demo region's outline source: "<credit> – <canton ids>" (older databases: the English
# sentence "<credit> – judicial canton(s) <ids>, approximating the care region").
DEMO_OUTLINE = re.compile(
    r"^(?P<credit>.+?) – (?:judicial canton\(s\) )?(?P<cantons>.+?)"
    r"(?:, approximating the care region)?$"
)


def outline_source_text(source: str, is_demo: bool) -> str:
    """An outline's source as shown: as recorded, except the demo's cantons, worded in the
    reader's language."""
    match = DEMO_OUTLINE.match(source or "") if is_demo else None
    if match is None:
        return source
    return plural(
        "risk.source.demo_cantons",
        len(match["cantons"].split(", ")),
        credit=match["credit"],
        cantons=match["cantons"],
    )


def sources_text(regions: pl.DataFrame, is_demo: bool = False) -> pl.DataFrame:
    return regions.select(
        "name",
        pl.col("geometry_source")
        .map_elements(
            in_language(lambda source: outline_source_text(source, is_demo)), return_dtype=pl.String
        )
        .alias("source"),
    ).sort("name")


def reference_sources(sources: list[str]) -> list[str]:
    """The national reference's sources as shown: the demo's synthetic one in the reader's
    language."""
    return sorted(
        {
            t("risk.reference_demo") if source in DEMO_REFERENCE_SOURCES else source
            for source in sources
            if source
        }
    )


# ---------------------------------------------------------------- tables

TABLE_COUNTS = ("population", "persons", "condition_persons", *(f"persons_{s}" for s in STRATA))


def measure_columns(view: RiskView) -> dict[str, str]:
    """The columns of the measures table (key -> short header; its title names the stratum,
    condition and group)."""
    columns = {
        "name": t("risk.col.region"),
        "population": t("risk.col.population"),
        "persons": t("risk.col.persons"),
        "share": t("risk.col.share"),
        "rate": t("risk.col.rate"),
    }
    if view.condition:
        condition = label_of("condition", view.condition)
        columns["condition_persons"] = t("risk.col.condition_persons", condition=condition)
        columns["prevalence"] = t("risk.col.prevalence", condition=condition)
    if view.base_year is not None:
        columns["change"] = t("risk.col.change", base_year=view.base_year)
    columns["actions"] = t("risk.col.actions")
    columns["actions_all"] = t("risk.col.actions_all")
    return columns


def strata_columns(project: ProjectInfo) -> dict[str, str]:
    """The columns of the persons-per-stratum table."""
    return {"name": t("risk.col.region"), **{f"persons_{s}": project.stratum_label(s) for s in STRATA}}


def sortable_columns(view: RiskView, project: ProjectInfo) -> dict[str, str]:
    """What the tables can be sorted by (column -> label that says which stratum or
    condition)."""
    stratum = project.stratum_label(view.stratum)
    columns = measure_columns(view)
    for name in ("persons", "share", "rate", "actions"):
        columns[name] = f"{columns[name]} – {stratum}"
    columns.update({k: v for k, v in strata_columns(project).items() if k != "name"})
    columns["name"] = t("risk.col.region")
    return {k: columns[k] for k in [*columns][1:] + ["name"]}


def table_text(
    table: pl.DataFrame, view: RiskView, project: ProjectInfo, columns: dict[str, str]
) -> pl.DataFrame:
    """A table as shown: one text per cell ("< 5" where hidden), the project row
    last, with a rank column."""
    rows = []
    rank = 0
    for row in table.iter_rows(named=True):
        is_project = row["region_id"] == PROJECT
        rank += 0 if is_project else 1
        cells = {"rank": "" if is_project else str(rank), "name": region_name(row, project)}
        for key in columns:
            if key == "name":
                continue
            if key in TABLE_COUNTS:
                cells[key] = count_text(row[key], row[f"{key}_suppressed"])
            elif key in ("actions", "actions_all"):
                cells[key] = format_number(row[key])
            else:
                measure = next(m for m, c in MEASURE_COLUMN.items() if c == key)
                cells[key] = value_text(measure, row[key], row[f"{key}_suppressed"])
        rows.append(cells)
    return pl.DataFrame(rows, schema={"rank": pl.String, **{k: pl.String for k in columns}})


def table_export(table: pl.DataFrame, view: RiskView, project: ProjectInfo) -> pl.DataFrame:
    """The region tables as shown, side by side, for a spreadsheet: the same rows, headers that
    say which stratum, plain numbers (rounded as shown) and their `_suppressed` flags for the
    service to mark "< 5"."""
    columns = sortable_columns(view, project)
    selected = [
        pl.Series(t("risk.col.region"), [region_name(r, project) for r in table.iter_rows(named=True)])
    ]
    for key, header in columns.items():
        if key == "name":
            continue
        series = table[key]
        if key in MEASURE_COLUMN.values() and key != "persons":
            measure = next(m for m, c in MEASURE_COLUMN.items() if c == key)
            series = series.round(DECIMALS[measure] + 1)
        selected.append(series.alias(header))
        if f"{key}_suppressed" in table.columns:
            selected.append(table[f"{key}_suppressed"].alias(f"{header}_suppressed"))
    return pl.DataFrame(selected)


def pyramid_text(pyramid: pl.DataFrame) -> pl.DataFrame:
    """The pyramid's bars with their labels: the share, or "< 5" where hidden."""
    texts = [
        value_text(Measure.share, None if share is None else share * 100, hidden)
        for share, hidden in zip(pyramid["share"], pyramid["share_suppressed"], strict=True)
    ]
    return pyramid.with_columns(pl.Series("text", texts, dtype=pl.String))


def gaps_text(gaps: pl.DataFrame, project: ProjectInfo) -> pl.DataFrame:
    rows = []
    for row in gaps.iter_rows(named=True):
        rows.append(
            {
                "name": row["name"],
                "stratum": project.stratum_label(row["stratum"]),
                "persons": count_text(row["persons"], row["persons_suppressed"]),
                "share": value_text(
                    Measure.share,
                    None if row["share"] is None else row["share"] * 100,
                    row["persons_suppressed"],
                ),
                "project_share": format_measure(
                    Measure.share, None if row["project_share"] is None else row["project_share"] * 100
                ),
                "index": SUPPRESSED_TEXT if row["persons_suppressed"] else format_number(row["index"]),
                "actions": format_number(row["actions"]),
                "gap": t(f"risk.gap.{row['gap_reason']}") if row["gap"] else "",
            }
        )
    return pl.DataFrame(
        rows,
        schema={
            k: pl.String
            for k in ("name", "stratum", "persons", "share", "project_share", "index", "actions", "gap")
        },
    )


def gaps_columns() -> dict[str, str]:
    return {
        "name": t("risk.col.region"),
        "stratum": t("risk.col.stratum"),
        "persons": t("risk.col.persons"),
        "share": t("risk.col.share"),
        "project_share": t("risk.col.project_share"),
        "index": t("risk.col.index"),
        "actions": t("risk.col.actions_aimed"),
        "gap": t("risk.col.gap"),
    }


def trend_shown(
    trend: pl.DataFrame, view: RiskView, classes: ColourClasses, labels: list[str]
) -> pl.DataFrame:
    """The small multiples' data: the class label (legend entry) and value text per region
    and year."""
    classed = trend.with_columns(class_of(pl.col("value"), classes).alias("value_class"))
    no_data = t("risk.legend.no_data")
    rows = []
    for row in classed.iter_rows(named=True):
        if row["value_suppressed"]:
            label = t("risk.legend.suppressed")
        elif row["value_class"] is None:
            label = no_data
        else:
            label = labels[row["value_class"]]
        rows.append(
            {
                "region_id": row["region_id"],
                "name": row["name"],
                "year": row["year"],
                "class_label": label,
                "text": value_text(view.measure, row["value"], row["value_suppressed"]),
            }
        )
    return pl.DataFrame(
        rows,
        schema={
            "region_id": pl.Int64,
            "name": pl.String,
            "year": pl.Int64,
            "class_label": pl.String,
            "text": pl.String,
        },
    )


def trend_lines_text(lines: pl.DataFrame, view: RiskView, project: ProjectInfo) -> pl.DataFrame:
    """The lines' data as shown: the series label (the region's name, the project's) and the
    value text ("< 5" where hidden) per region and year."""
    series = [
        t("risk.project_row", project=project.name) if role == "project" else name
        for name, role in zip(lines["name"], lines["role"], strict=True)
    ]
    text = [
        value_text(view.measure, value, hidden)
        for value, hidden in zip(lines["value"], lines["value_suppressed"], strict=True)
    ]
    return lines.with_columns(
        pl.Series("series", series, dtype=pl.String), pl.Series("text", text, dtype=pl.String)
    )
