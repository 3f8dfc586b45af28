"""Evaluation presenters: the indicators' overview as the Indicators page (and the meeting pack)
shows it, and the maturity self-assessment's tables and texts as the Maturity page shows them
(SCIROCCO's readings, the dimension headings and findings), in the reader's language. Pure: no
Streamlit, no database."""

from __future__ import annotations

import polars as pl

from dashboard.i18n import in_language, label, plural, t
from dashboard.i18n.formatting import format_date, format_number, markdown_text
from dashboard.services.evaluation import indicator_status
from dashboard.services.evaluation import maturity
from dashboard.services.suppression import SUPPRESSED_TEXT
from data_loaders.catalogues.indicators import CATALOGUE_SOURCES
from models.vocab import LANGUAGES, ActionStatus, IndicatorKind, MaturityDimension


def status_labels() -> dict[str, str]:
    return {s: t(f"indicators.status.{s}") for s in indicator_status.STATUSES}


def figure(value: float | None, decimals: int, suppressed: bool = False) -> str:
    """A value as shown: "< 5" when hidden, "–" when missing, Belgian format otherwise."""
    if suppressed:
        return SUPPRESSED_TEXT
    return format_number(value, decimals)


# Units of the default catalogue, labelled in the interface language; other units are shown as
# the project wrote them.
_UNIT_KEYS = {"per 1,000": "per_1000", "score 1–5": "score_1_5"}


def unit_label(unit: str) -> str:
    key = _UNIT_KEYS.get(unit)
    return t(f"indicators.unit.{key}") if key else unit


def with_unit(text: str, unit: str) -> str:
    """A figure with its unit when the unit is a sign (42,8 %); otherwise the figure alone
    (the unit is beside it, in the column or the definition)."""
    if text in ("–", SUPPRESSED_TEXT) or unit not in ("%", "‰"):
        return text
    return f"{text}\u00a0{unit}"


def overview_rows(overview: pl.DataFrame, lang: str) -> pl.DataFrame:
    """The overview as the grid shows it: text figures (with "< 5"), the status as a one-item
    list (shown as a coloured label), the translated type, the trend for the sparkline."""
    kinds = {k.value: label(k) for k in IndicatorKind}
    rows = []
    for row in overview.iter_rows(named=True):
        decimals = row["decimals"]
        target = figure(row["target_value"], decimals)
        rows.append(
            {
                "aim": row["aim"],
                "code": row["code"],
                "name": row[f"name_{lang}"],
                "kind": kinds.get(row["kind"], row["kind"]),
                "latest": figure(row["latest_value"], decimals, row["latest_value_suppressed"]),
                "period": row["latest_period"],
                "target": f"{target} ({row['target_period']})" if row["target_period"] else target,
                "expected": figure(row["expected"], decimals),
                "unit": unit_label(row["unit"]),
                "status": [row["status"]],
                "trend": row["trend"],
            }
        )
    return pl.DataFrame(
        rows,
        schema={
            "aim": pl.String,
            "code": pl.String,
            "name": pl.String,
            "kind": pl.String,
            "latest": pl.String,
            "period": pl.String,
            "target": pl.String,
            "expected": pl.String,
            "unit": pl.String,
            "status": pl.List(pl.String),
            "trend": pl.List(pl.Float64),
        },
    )


# The columns of the consensus table, in the order shown.
SUMMARY_COLUMNS = (
    "label",
    "consensus",
    "previous",
    "change",
    "level",
    "median",
    "reading",
    "flag",
    "actions",
    "action_codes",
)


def scores_reading(median: float | None, split: bool) -> str:
    """How SCIROCCO reads a dimension's individual scores: "uncertain (split)", or the
    median's level "progressing (agreement)"."""
    if split:
        return t("maturity.split")
    reading = maturity.scores_level(median, split)
    return t("maturity.reading", level=t(f"maturity.level.{reading}"), distribution=t("maturity.agreement"))


def dimension_heading(row: dict, name: str) -> str:
    """A dimension's heading on the actions tab: its plan actions (planned to done, as the
    consensus table counts them) and, when more are linked (ideas, stopped), how many in all."""
    values = dict(
        number=row["dimension"],
        name=name,
        actions=plural("maturity.plan_actions", row["actions"]),
        consensus="–" if row["consensus"] is None else row["consensus"],
    )
    if row["linked"] > row["actions"]:
        return t(
            "maturity.dimension_heading.more",
            linked=plural("maturity.linked_in_all", row["linked"]),
            **values,
        )
    return t("maturity.dimension_heading", **values)


def round_label(name: str, held_on, closed: bool) -> str:
    """A round as the round chooser names it: "2025 · 12/03/2025 · closed"."""
    return f"{name} · {format_date(held_on)} · {t('maturity.closed') if closed else t('maturity.open')}"


def dimension_names(frame: pl.DataFrame, labels: dict[int, str]) -> str:
    """The names of the dimensions of `frame`, or "–" when there are none."""
    return ", ".join(labels[d] for d in frame["dimension"].to_list()) or "–"


def findings(summary: pl.DataFrame, previous: dict | None, labels: dict[int, str]) -> list[str]:
    """What a committee reads first about a round, as Markdown (the round's name escaped): what
    improved and declined since the previous one, where the assessors are split, and the low
    dimensions no action addresses."""
    lines = []
    if previous:
        for key, rows in (
            ("maturity.finding.improved", summary.filter(pl.col("change") > 0)),
            ("maturity.finding.declined", summary.filter(pl.col("change") < 0)),
        ):
            lines.append(
                t(key, previous=markdown_text(previous["name"]), dimensions=dimension_names(rows, labels))
            )
    lines.append(
        t("maturity.finding.split", dimensions=dimension_names(summary.filter(pl.col("split")), labels))
    )
    lines.append(
        t(
            "maturity.finding.low_without_action",
            dimensions=dimension_names(summary.filter(pl.col("low_without_action")), labels),
        )
    )
    return lines


def summary_table(summary: pl.DataFrame, labels: dict[int, str]) -> pl.DataFrame:
    """The consensus table: per dimension its label, consensus, previous round's and the change,
    the level, the median of the individual scores and SCIROCCO's reading of them, the flag of a
    low dimension without action, and the actions addressing it."""
    return summary.with_columns(
        pl.col("dimension").replace_strict(labels, return_dtype=pl.String).alias("label"),
        pl.col("consensus")
        .map_elements(in_language(lambda s: t(f"maturity.level.{maturity.level(s)}")), return_dtype=pl.String)
        .alias("level"),
        pl.when(pl.col("change") > 0)
        .then(pl.format("+{}", pl.col("change")))
        .otherwise(pl.col("change").cast(pl.String))
        .alias("change"),
        # SCIROCCO's reading of the individual scores: "uncertain" when split, else the
        # median's level, in agreement
        pl.struct("median", "split", "assessors")
        .map_elements(
            in_language(lambda r: scores_reading(r["median"], r["split"]) if r["assessors"] else None),
            return_dtype=pl.String,
        )
        .alias("reading"),
        pl.col("action_codes").list.join(", "),
        pl.when(pl.col("low_without_action"))
        .then(pl.lit(t("maturity.flag_low")))
        .otherwise(pl.lit(""))
        .alias("flag"),
        # Text, not a "localized" number: the browser's locale may write 2.5 for 2,5.
        pl.col("median").map_elements(in_language(lambda v: format_number(v, 1)), return_dtype=pl.String),
    ).select(SUMMARY_COLUMNS)


def justifications_table(scores: pl.DataFrame, labels: dict[int, str]) -> pl.DataFrame:
    return scores.with_columns(pl.col("dimension").replace_strict(labels, return_dtype=pl.String)).select(
        "dimension", "assessor_name", "score", "justification"
    )


def linked_actions(links: pl.DataFrame) -> pl.DataFrame:
    """The actions linked to the dimensions, their status as a label."""
    statuses = {s.value: t(f"status.{s.value}") for s in ActionStatus}
    return links.with_columns(pl.col("status").replace_strict(statuses, return_dtype=pl.String))


def dimension_labels() -> dict[int, str]:
    return {d.value: label(d) for d in MaturityDimension}


def source_label(source: str, lang: str) -> str:
    """An indicator's data source as the reader reads it: a source of the default catalogue
    ("Portfolio (this app)") in `lang`, a source an admin typed as typed."""
    key = CATALOGUE_SOURCES.get(source)
    return t(f"indicators.data_source.{key}", lang=lang) if key else source


def source_as_stored(text: str) -> str:
    """The stored form of a data source: a default catalogue source's label in any language (as
    the edit form shows it) back to the catalogue's own, so it stays translated for everyone
    (the edit form saves this)."""
    for stored, key in CATALOGUE_SOURCES.items():
        if text in {t(f"indicators.data_source.{key}", lang=lang) for lang in LANGUAGES}:
            return stored
    return text
