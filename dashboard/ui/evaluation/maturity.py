"""The Maturity page: how a dimension's scores read, the charts of a round, the score and
consensus editors, the links to plan actions and the form that opens a round."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import polars as pl
import streamlit as st

from dashboard.charts import evaluation as charts
from dashboard.errors import ConflictError, DashboardError
from dashboard.i18n import in_language, plural, t
from dashboard.i18n.formatting import format_number, markdown_text
from dashboard.services.evaluation import maturity
from dashboard.ui.components import chart, chart_downloads, chart_spec, downloads, show_error, show_table
from dashboard.ui import cache, versions
from dashboard.ui.context import PageContext

from dashboard.permissions import Permission
from dashboard.presenters import evaluation as presenters
from dashboard.presenters.evaluation import dimension_labels
from dashboard.ui.evaluation import flash, labels_of
from dashboard import clock

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
        st.info(t("maturity.closed_scores", round=markdown_text(view.round["name"])))
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
    st.caption(t("maturity.score_help", name=markdown_text(context.actor.display_name)))
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
    record: str | None = None,
) -> None:
    """The save button under a 12-dimension editor: its scores and texts go to `save`
    (the service checks them); success is told after the rerun, problems at once. `record`:
    the versions.seen name of what is saved, when the save is version-checked."""
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
    except ConflictError as error:
        if record is None:
            raise
        versions.refused(record, error)
    except DashboardError as error:
        show_error(error, columns=labels_of(columns))
    else:
        flash(plural(done_key, changed))
        st.session_state.pop(key, None)
        if record is not None:
            versions.forget(record)
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
    # The round's version when the editor was first drawn: a save over a consensus someone else
    # recorded since is refused.
    version = versions.seen(key, view.round["version"], f"{key}_save")
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
        save=partial(maturity.record_consensus, version=version),
        done_key="maturity.consensus_saved",
        columns=CONSENSUS_COLUMNS,
        record=key,
    )
    versions.show_conflict(key, key)


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
            t("maturity.round_name"), max_chars=maturity.MAX_NAME, placeholder=str(clock.today().year)
        )
        held_on = columns[1].date_input(t("maturity.round_date"), value=clock.today(), format="DD/MM/YYYY")
        if st.form_submit_button(t("maturity.open_round"), type="primary", icon=":material/add:"):
            try:
                maturity.open_round(context.actor, name, held_on)
            except DashboardError as error:
                show_error(error, labels_of(ROUND_FIELDS))
            else:
                flash(t("maturity.round_opened", round=name.strip()))
                st.session_state.pop("maturity_round", None)
                st.rerun()


# ---------------------------------------------------------------- the page's parts


def round_chooser(context: PageContext, latest: maturity.MaturityView) -> maturity.MaturityView:
    """The round to show (the latest first); returns its view."""
    rounds = {row["id"]: row for row in latest.rounds.iter_rows(named=True)}
    round_id = st.selectbox(
        t("maturity.round"),
        list(reversed(list(rounds))),
        key="maturity_round",
        format_func=lambda r: presenters.round_label(
            rounds[r]["name"], rounds[r]["held_on"], rounds[r]["closed"]
        ),
    )
    view = cache.maturity_view(context, round_id)
    assert view is not None
    return view


def at_a_glance(view: maturity.MaturityView) -> None:
    """The round's key figures, and a note while it is open."""
    summary = view.summary
    consensus_median = summary["consensus"].drop_nulls().median()
    level = maturity.level(consensus_median)
    # The level ("in ontwikkeling") is a word, not a figure: its metric gets more room.
    figures = st.columns([1, 1.4, 1, 1, 1])
    for column, title, value, help_text in (
        (
            figures[0],
            "maturity.figure.median",
            format_number(consensus_median, 1) if consensus_median is not None else "–",
            t("maturity.levels_help"),
        ),
        (
            figures[1],
            "maturity.figure.level",
            t(f"maturity.level.{level}") if level else "–",
            t("maturity.levels_help"),
        ),
        (
            figures[2],
            "maturity.figure.improved",
            format_number(summary.filter(pl.col("change") > 0).height),
            t(
                "maturity.improved_help",
                previous=markdown_text(view.previous["name"]) if view.previous else "–",
            ),
        ),
        (
            figures[3],
            "maturity.figure.split",
            format_number(int(summary["split"].sum())),
            t("maturity.split_help"),
        ),
        (
            figures[4],
            "maturity.figure.low_without_action",
            format_number(int(summary["low_without_action"].sum())),
            t("maturity.low_help"),
        ),
    ):
        column.metric(t(title), value, border=True, help=help_text)
    if not view.round["closed"]:
        st.info(
            plural(
                "maturity.round_open_note", view.round["assessors"], round=markdown_text(view.round["name"])
            ),
            icon=":material/edit_note:",
        )


def results_tab(context: PageContext, view: maturity.MaturityView, radar: dict) -> None:
    """The consensus on a radar against the previous round, the findings, the consensus table
    and the notes."""
    summary, labels = view.summary, dimension_labels()
    if summary["consensus"].is_null().all():
        st.info(t("maturity.no_consensus", round=markdown_text(view.round["name"])))
    else:
        left, right = st.columns([3, 2])
        with left:
            st.markdown(f"**{t('maturity.radar_title', round=markdown_text(view.round['name']))}**")
            if view.previous:
                st.caption(t("maturity.radar_caption", previous=markdown_text(view.previous["name"])))
            # Fixed size: a radar stretched to the column would be an ellipse.
            chart(radar, key="maturity_radar", width="content", stretch=False)
        with right, st.container(border=True):
            st.markdown(f"**{t('maturity.findings')}**")
            for line in presenters.findings(summary, view.previous, labels):
                st.markdown(line)
            st.caption(t("maturity.levels_help"))
        chart_downloads(context, radar, f"maturity-radar-{context.project.slug}", key="maturity_radar")
    show_table(
        presenters.summary_table(summary, labels),
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
                # The note is the committee's own text: shown as text, never as Markdown.
                st.markdown(f"**{labels[row['dimension']]}**")
                st.text(row["note"])


def spread_tab(context: PageContext, view: maturity.MaturityView, spread: dict) -> None:
    """The spread of the individual scores, the split dimensions, the justifications."""
    labels = dimension_labels()
    st.caption(t("maturity.spread_help", assessors=view.round["assessors"]))
    if view.scores.height == 0:
        st.info(t("maturity.no_scores", round=markdown_text(view.round["name"])))
        return
    chart(spread, key="maturity_spread")
    chart_downloads(context, spread, f"maturity-spread-{context.project.slug}", key="maturity_spread")
    split = view.summary.filter(pl.col("split"))
    if split.height:
        st.warning(
            t("maturity.split_list", dimensions=presenters.dimension_names(split, labels)),
            icon=":material/call_split:",
        )
    with st.expander(t("maturity.justifications")):
        show_table(
            presenters.justifications_table(view.scores, labels),
            hide_index=True,
            placeholder="–",
            width="stretch",
            height=420,
            column_config={
                "dimension": t("maturity.col.dimension"),
                "assessor_name": t("maturity.col.assessor"),
                "score": st.column_config.NumberColumn(t("maturity.col.score"), width="small"),
                "justification": st.column_config.TextColumn(t("maturity.col.justification"), width="large"),
            },
        )
    downloads(
        context,
        lambda: view.scores.select(
            "round", "held_on", "assessor_name", "dimension", "score", "justification"
        ),
        f"maturity-scores-{context.project.slug}-{view.round['name']}",
        key="maturity_scores",
    )


def actions_tab(context: PageContext, view: maturity.MaturityView) -> None:
    """The actions addressing each dimension (a low dimension without action flagged), and the
    form that links them."""
    summary, labels = view.summary, dimension_labels()
    low = summary.filter(pl.col("low_without_action"))
    if low.height:
        st.warning(
            t("maturity.low_list", dimensions=presenters.dimension_names(low, labels)), icon=":material/flag:"
        )
    st.caption(t("maturity.actions_help"))
    links = presenters.linked_actions(view.links)
    for row in summary.iter_rows(named=True):
        dimension = row["dimension"]
        addressing = links.filter(pl.col("dimension") == dimension)
        icon = ":material/flag:" if row["low_without_action"] else ":material/checklist:"
        with st.expander(presenters.dimension_heading(row, labels[dimension]), icon=icon):
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
        link_form(context, view, cache.indicator_form_choices(context)[1])


def rounds_tab(context: PageContext, view: maturity.MaturityView) -> None:
    """Every round, and the form that opens a new one."""
    show_table(
        view.rounds.select("name", "held_on", "assessors", "consensus_dimensions").reverse(),
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
        open_round_form(context)
