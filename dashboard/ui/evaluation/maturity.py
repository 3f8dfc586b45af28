"""The Maturity page: how a dimension's scores read, the charts of a round, the score and
consensus editors, the links to plan actions and the form that opens a round."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import polars as pl
import streamlit as st

from dashboard.charts import evaluation as charts
from dashboard.errors import DashboardError
from dashboard.i18n import in_language, label, plural, t
from dashboard.i18n.formatting import format_number
from dashboard.services.evaluation import maturity
from dashboard.ui.components import chart_spec, show_error
from dashboard.ui import cache
from dashboard.ui.context import PageContext
from models.vocab import (
    MaturityDimension,
)

from dashboard.ui.evaluation import flash, labels_of

ROUND_FIELDS = {"name": "maturity.round_name", "held_on": "maturity.round_date"}
SCORE_COLUMNS = {
    "dimension": "maturity.col.dimension",
    "score": "maturity.col.score",
    "justification": "maturity.col.justification",
}
CONSENSUS_COLUMNS = {
    "dimension": "maturity.col.dimension",
    "score": "maturity.col.consensus",
    "justification": "maturity.col.note",
}


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


def dimension_labels() -> dict[int, str]:
    return {d.value: label(d) for d in MaturityDimension}


def maturity_charts(context: PageContext, round_id: int) -> tuple[dict, dict]:
    """The radar of consensus scores and the spread of assessors' scores of a round (for
    `cache.derived`)."""
    view = cache.maturity_view(context, round_id)
    assert view is not None
    labels = dimension_labels()
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


def scores_editor(context: PageContext, view: maturity.MaturityView) -> None:
    """The actor's own 12 scores of the round, editable until the consensus is recorded."""
    if view.round["closed"]:
        st.info(t("maturity.closed_scores", round=view.round["name"]))
        return
    mine = {r["dimension"]: r for r in view.my_scores.iter_rows(named=True)}
    labels = dimension_labels()
    frame = pl.DataFrame(
        {
            "dimension": [labels[d] for d in maturity.DIMENSIONS],
            "score": [mine[d]["score"] if d in mine else None for d in maturity.DIMENSIONS],
            "justification": [mine[d]["justification"] if d in mine else "" for d in maturity.DIMENSIONS],
        },
        schema={"dimension": pl.String, "score": pl.Int64, "justification": pl.String},
    )
    st.caption(t("maturity.score_help", name=context.actor.display_name))
    key = f"maturity_scores_{view.round['id']}"
    edited = st.data_editor(
        frame,
        hide_index=True,
        width="stretch",
        key=key,
        placeholder="",
        disabled=["dimension"],
        height=40 + 35 * 12,
        column_config={
            "dimension": st.column_config.TextColumn(t("maturity.col.dimension"), width="medium"),
            "score": st.column_config.NumberColumn(
                t("maturity.col.score"), min_value=0, max_value=5, step=1, width="small"
            ),
            "justification": st.column_config.TextColumn(
                t("maturity.col.justification"), width="large", max_chars=maturity.MAX_TEXT
            ),
        },
    )
    _save_button(
        context,
        view,
        edited,
        key,
        text_column="justification",
        label=t("maturity.save_scores"),
        icon=":material/save:",
        save=maturity.save_my_scores,
        done_key="maturity.scores_saved",
        columns=SCORE_COLUMNS,
    )


def _save_button(
    context: PageContext,
    view: maturity.MaturityView,
    edited: pl.DataFrame,
    key: str,
    *,
    text_column: str,
    label: str,
    icon: str,
    save: Callable[..., int],
    done_key: str,
    columns: dict[str, str],
) -> None:
    """The save button under a 12-dimension editor: its scores and texts go to `save`
    (the service checks them); success is told after the rerun, problems at once."""
    if not st.button(label, type="primary", icon=icon, key=f"{key}_save"):
        return
    entries = [
        maturity.DimensionScore(d, _whole(score), text or "")
        for d, score, text in zip(
            maturity.DIMENSIONS, edited["score"].to_list(), edited[text_column].to_list(), strict=True
        )
    ]
    try:
        changed = save(context.actor, view.round["id"], entries)
    except DashboardError as error:
        show_error(error, columns=labels_of(columns))
    else:
        flash(plural(done_key, changed))
        st.session_state.pop(key, None)
        st.rerun()


def _whole(score: object) -> int | None:
    """A score from the editor (a float when typed in some browsers) as a whole number; the
    service refuses anything outside 0-5 or not whole."""
    if score is None:
        return None
    if isinstance(score, float) and score.is_integer():
        return int(score)
    return score  # type: ignore[return-value]


def consensus_editor(context: PageContext, view: maturity.MaturityView) -> None:
    """The consensus of each dimension after the workshop, beside the individual scores'
    median and spread."""
    summary = view.summary
    labels = dimension_labels()
    frame = summary.select(
        pl.col("dimension").replace_strict(labels, return_dtype=pl.String),
        # Text, not a "localized" number: the browser's locale may write 2.5 for 2,5.
        pl.col("median").map_elements(in_language(lambda v: format_number(v, 1)), return_dtype=pl.String),
        "min",
        "max",
        pl.col("consensus").alias("score"),
        pl.col("note").fill_null(""),
    )
    st.caption(t("maturity.consensus_help"))
    key = f"maturity_consensus_{view.round['id']}"
    edited = st.data_editor(
        frame,
        hide_index=True,
        width="stretch",
        key=key,
        placeholder="",
        disabled=["dimension", "median", "min", "max"],
        height=40 + 35 * 12,
        column_config={
            "dimension": st.column_config.TextColumn(t("maturity.col.dimension"), width="medium"),
            "median": st.column_config.TextColumn(t("maturity.col.median"), width="small"),
            "min": st.column_config.NumberColumn(t("maturity.col.min"), width="small"),
            "max": st.column_config.NumberColumn(t("maturity.col.max"), width="small"),
            "score": st.column_config.NumberColumn(
                t("maturity.col.consensus"), min_value=0, max_value=5, step=1, width="small"
            ),
            "note": st.column_config.TextColumn(
                t("maturity.col.note"), width="large", max_chars=maturity.MAX_TEXT
            ),
        },
    )
    _save_button(
        context,
        view,
        edited,
        key,
        text_column="note",
        label=t("maturity.save_consensus"),
        icon=":material/groups:",
        save=maturity.record_consensus,
        done_key="maturity.consensus_saved",
        columns=CONSENSUS_COLUMNS,
    )


def link_form(context: PageContext, view: maturity.MaturityView, actions: dict[int, str]) -> None:
    """Choose a dimension, then the actions that address it (coordinators, admins)."""
    labels = dimension_labels()
    dimension = st.selectbox(
        t("maturity.col.dimension"),
        list(maturity.DIMENSIONS),
        format_func=lambda d: f"{d}. {labels[d]}",
        key="link_dimension",
    )
    linked = view.links.filter(pl.col("dimension") == dimension)["action_id"].to_list()
    with st.form(f"link_form_{dimension}"):
        chosen = st.multiselect(
            t("maturity.link_actions"),
            list(actions),
            default=[a for a in linked if a in actions],
            format_func=actions.__getitem__,
            placeholder=t("indicators.linked_actions_placeholder"),
        )
        if st.form_submit_button(t("maturity.link_save"), type="primary", icon=":material/link:"):
            try:
                changed = maturity.set_dimension_actions(context.actor, dimension, chosen)
            except DashboardError as error:
                show_error(error)
            else:
                flash(plural("maturity.links_saved", changed))
                st.rerun()


def open_round_form(context: PageContext) -> None:
    with st.form("maturity_open_round", clear_on_submit=True):
        columns = st.columns([3, 2])
        name = columns[0].text_input(
            t("maturity.round_name"), max_chars=maturity.MAX_NAME, placeholder=str(dt.date.today().year)
        )
        held_on = columns[1].date_input(t("maturity.round_date"), value=dt.date.today(), format="DD/MM/YYYY")
        if st.form_submit_button(t("maturity.open_round"), type="primary", icon=":material/add:"):
            try:
                maturity.open_round(context.actor, name, held_on)
            except DashboardError as error:
                show_error(error, labels_of(ROUND_FIELDS))
            else:
                flash(t("maturity.round_opened", round=name.strip()))
                st.session_state.pop("maturity_round", None)
                st.rerun()
