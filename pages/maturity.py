"""Maturity: the SCIROCCO self-assessment round by round — the consensus on a radar against the
previous round, the spread of individual scores (agreement or split), the actions addressing
each dimension (a low dimension without action is flagged); scoring, the consensus and new
rounds for the roles that may."""

import polars as pl
import streamlit as st

from dashboard.charts import evaluation as charts
from dashboard.i18n import in_language, plural, t
from dashboard.i18n.formatting import format_date, format_number, markdown_text
from dashboard.permissions import Permission
from dashboard.services import indicators, maturity
from dashboard.services.access import Actor
from dashboard.ui import evaluation as ui
from dashboard.ui.components import chart, chart_downloads, chart_spec, downloads, page_header, show_table
from dashboard.ui.context import page_context
from models.vocab import Area, ActionStatus

context = page_context()
actor, project = context.actor, context.project
page_header(context, t("maturity.title"))
ui.show_flash()


@st.cache_data(max_entries=64, show_spinner=False)
def load_view(_actor: Actor, version: tuple, round_id: int | None) -> maturity.MaturityView | None:
    return maturity.maturity_view(_actor, round_id)


@st.cache_data(max_entries=64, show_spinner=False)
def load_charts(_actor: Actor, version: tuple, round_id: int, lang: str) -> tuple[dict, dict]:
    view = load_view(_actor, version, round_id)
    assert view is not None
    labels = ui.dimension_labels()
    order = [r["name"] for r in (view.previous, view.round) if r]
    radar = chart_spec(
        charts.radar_chart(
            view.consensus,
            dimension_labels=labels,
            round_order=order,
            words={
                "round": t("maturity.col.round"),
                "dimension": t("maturity.col.dimension"),
                "score": t("maturity.col.consensus"),
            },
        )
    )
    spread = chart_spec(
        charts.spread_chart(
            maturity.score_distribution(view.scores),
            view.summary,
            dimension_labels=labels,
            words={
                "dimension": t("maturity.col.dimension"),
                "score": t("maturity.col.score"),
                "assessors": t("maturity.col.assessors"),
                "median": t("maturity.col.median"),
                "consensus": t("maturity.col.consensus"),
                "split": t("maturity.split"),
                "agreement": t("maturity.agreement"),
            },
        )
    )
    return radar, spread


version = context.cache_key(Area.evaluation)
latest = load_view(actor, version, None)
if latest is None:
    st.info(t("maturity.no_data"))
    if context.can(Permission.open_maturity_round):
        ui.open_round_form(context)
    st.stop()

rounds = latest.rounds
names = dict(zip(rounds["id"].to_list(), rounds["name"].to_list(), strict=True))
dates = dict(zip(rounds["id"].to_list(), rounds["held_on"].to_list(), strict=True))
state = {row["id"]: row["closed"] for row in rounds.iter_rows(named=True)}
round_id = st.selectbox(
    t("maturity.round"),
    list(reversed(list(names))),
    key="maturity_round",
    format_func=lambda r: (
        f"{names[r]} · {format_date(dates[r])} · {t('maturity.closed') if state[r] else t('maturity.open')}"
    ),
)
view = load_view(actor, version, round_id)
assert view is not None
summary = view.summary

# ---- at a glance
consensus_median = summary["consensus"].drop_nulls().median()
# The level ("in ontwikkeling") is a word, not a figure: its metric gets more room.
figures = st.columns([1, 1.4, 1, 1, 1])
figures[0].metric(
    t("maturity.figure.median"),
    format_number(consensus_median, 1) if consensus_median is not None else "–",
    border=True,
    help=t("maturity.levels_help"),
)
level = maturity.level(consensus_median)
figures[1].metric(
    t("maturity.figure.level"),
    t(f"maturity.level.{level}") if level else "–",
    border=True,
    help=t("maturity.levels_help"),
)
improved = summary.filter(pl.col("change") > 0).height
figures[2].metric(
    t("maturity.figure.improved"),
    format_number(improved),
    border=True,
    help=t("maturity.improved_help", previous=markdown_text(view.previous["name"]) if view.previous else "–"),
)
figures[3].metric(
    t("maturity.figure.split"),
    format_number(int(summary["split"].sum())),
    border=True,
    help=t("maturity.split_help"),
)
figures[4].metric(
    t("maturity.figure.low_without_action"),
    format_number(int(summary["low_without_action"].sum())),
    border=True,
    help=t("maturity.low_help"),
)
if not view.round["closed"]:
    st.info(
        plural("maturity.round_open_note", view.round["assessors"], round=markdown_text(view.round["name"])),
        icon=":material/edit_note:",
    )

labels = ui.dimension_labels()
tab_names = ["results", "spread", "actions"]
if context.can(Permission.score_maturity):
    tab_names.append("my_scores")
if context.can(Permission.record_maturity_consensus):
    tab_names.append("consensus")
tab_names.append("rounds")
tabs = dict(zip(tab_names, st.tabs([t(f"maturity.tab.{n}") for n in tab_names]), strict=True))
radar, spread = load_charts(actor, version, view.round["id"], context.lang)


def dimension_names(frame: pl.DataFrame) -> str:
    return ", ".join(labels[d] for d in frame["dimension"].to_list()) or "–"


with tabs["results"]:
    if summary["consensus"].is_null().all():
        st.info(t("maturity.no_consensus", round=markdown_text(view.round["name"])))
    else:
        left, right = st.columns([3, 2])
        with left:
            st.markdown(f"**{t('maturity.radar_title', round=markdown_text(view.round['name']))}**")
            if view.previous:
                st.caption(t("maturity.radar_caption", previous=markdown_text(view.previous["name"])))
            # Fixed size: a radar stretched to the column would be an ellipse.
            st.vega_lite_chart(radar, theme=None, width="content", key="maturity_radar")
        with right, st.container(border=True):
            st.markdown(f"**{t('maturity.findings')}**")
            if view.previous:
                st.markdown(
                    t(
                        "maturity.finding.improved",
                        previous=markdown_text(view.previous["name"]),
                        dimensions=dimension_names(summary.filter(pl.col("change") > 0)),
                    )
                )
                st.markdown(
                    t(
                        "maturity.finding.declined",
                        previous=markdown_text(view.previous["name"]),
                        dimensions=dimension_names(summary.filter(pl.col("change") < 0)),
                    )
                )
            st.markdown(
                t("maturity.finding.split", dimensions=dimension_names(summary.filter(pl.col("split"))))
            )
            st.markdown(
                t(
                    "maturity.finding.low_without_action",
                    dimensions=dimension_names(summary.filter(pl.col("low_without_action"))),
                )
            )
            st.caption(t("maturity.levels_help"))
        chart_downloads(context, radar, f"maturity-radar-{project.slug}", key="maturity_radar")
    table = summary.with_columns(
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
            in_language(lambda r: ui.scores_reading(r["median"], r["split"]) if r["assessors"] else None),
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
    )
    show_table(
        table.select(
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
        ),
        hide_index=True,
        placeholder="–",
        width="stretch",
        height=48 + 36 * 12,
        column_config={
            "label": st.column_config.TextColumn(t("maturity.col.dimension"), width=290),
            "consensus": st.column_config.NumberColumn(t("maturity.col.consensus"), width=100),
            "previous": st.column_config.NumberColumn(
                view.previous["name"] if view.previous else t("maturity.col.previous"),
                width=80,
                help=t("maturity.col.previous"),
            ),
            "change": st.column_config.TextColumn(t("maturity.col.change"), width=90),
            "level": st.column_config.TextColumn(
                t("maturity.col.level"), width=140, help=t("maturity.levels_help")
            ),
            "median": st.column_config.TextColumn(t("maturity.col.median"), width=85),
            "reading": st.column_config.TextColumn(
                t("maturity.col.reading"), width=120, help=t("maturity.split_help")
            ),
            "actions": st.column_config.NumberColumn(
                t("maturity.col.actions"), width=80, help=t("maturity.actions_count_help")
            ),
            "action_codes": st.column_config.TextColumn(t("maturity.col.action_codes"), width=260),
            "flag": st.column_config.TextColumn(
                t("maturity.col.flag"), width=170, help=t("maturity.low_help")
            ),
        },
    )
    notes = summary.filter(pl.col("note").fill_null("") != "")
    if notes.height:
        with st.expander(t("maturity.notes")):
            for row in notes.iter_rows(named=True):
                st.markdown(f"**{labels[row['dimension']]}** · {markdown_text(row['note'])}")

with tabs["spread"]:
    st.caption(t("maturity.spread_help", assessors=view.round["assessors"]))
    if view.scores.height == 0:
        st.info(t("maturity.no_scores", round=markdown_text(view.round["name"])))
    else:
        chart(spread, key="maturity_spread")
        chart_downloads(context, spread, f"maturity-spread-{project.slug}", key="maturity_spread")
        split = summary.filter(pl.col("split"))
        if split.height:
            st.warning(
                t(
                    "maturity.split_list",
                    dimensions=", ".join(labels[d] for d in split["dimension"].to_list()),
                ),
                icon=":material/call_split:",
            )
        with st.expander(t("maturity.justifications")):
            justifications = view.scores.with_columns(
                pl.col("dimension").replace_strict(labels, return_dtype=pl.String)
            )
            show_table(
                justifications.select("dimension", "assessor_name", "score", "justification"),
                hide_index=True,
                placeholder="–",
                width="stretch",
                height=420,
                column_config={
                    "dimension": t("maturity.col.dimension"),
                    "assessor_name": t("maturity.col.assessor"),
                    "score": st.column_config.NumberColumn(t("maturity.col.score"), width="small"),
                    "justification": st.column_config.TextColumn(
                        t("maturity.col.justification"), width="large"
                    ),
                },
            )
        downloads(
            context,
            lambda: view.scores.select(
                "round", "held_on", "assessor_name", "dimension", "score", "justification"
            ),
            f"maturity-scores-{project.slug}-{view.round['name']}",
            key="maturity_scores",
        )

with tabs["actions"]:
    low = summary.filter(pl.col("low_without_action"))
    if low.height:
        st.warning(t("maturity.low_list", dimensions=dimension_names(low)), icon=":material/flag:")
    st.caption(t("maturity.actions_help"))
    statuses = {s.value: t(f"status.{s.value}") for s in ActionStatus}
    links = view.links.with_columns(pl.col("status").replace_strict(statuses, return_dtype=pl.String))
    for row in summary.iter_rows(named=True):
        dimension = row["dimension"]
        addressing = links.filter(pl.col("dimension") == dimension)
        heading = ui.dimension_heading(row, labels[dimension])
        icon = ":material/flag:" if row["low_without_action"] else ":material/checklist:"
        with st.expander(heading, icon=icon):
            if addressing.height == 0:
                st.caption(t("maturity.no_action"))
                continue
            show_table(
                addressing.select("code", "title", "status"),
                hide_index=True,
                placeholder="–",
                width="stretch",
                column_config={
                    "code": st.column_config.TextColumn(t("portfolio.col.code"), width=110),
                    "title": st.column_config.TextColumn(t("portfolio.col.title"), width=900),
                    "status": st.column_config.TextColumn(t("portfolio.col.status"), width=160),
                },
            )
    if context.can(Permission.edit_actions):
        st.markdown(f"**{t('maturity.link_title')}**")
        ui.link_form(context, view, indicators.actions_of(actor))

if "my_scores" in tabs:
    with tabs["my_scores"]:
        ui.scores_editor(context, view)

if "consensus" in tabs:
    with tabs["consensus"]:
        ui.consensus_editor(context, view)

with tabs["rounds"]:
    show_table(
        rounds.select("name", "held_on", "assessors", "consensus_dimensions").reverse(),
        hide_index=True,
        placeholder="–",
        width="stretch",
        column_config={
            "name": t("maturity.col.round"),
            "held_on": st.column_config.DateColumn(t("maturity.round_date"), format="DD/MM/YYYY"),
            "assessors": t("maturity.col.assessors"),
            "consensus_dimensions": t("maturity.col.consensus_dimensions"),
        },
    )
    if context.can(Permission.open_maturity_round):
        st.markdown(f"**{t('maturity.open_round')}**")
        ui.open_round_form(context)
