"""What the Surveys page draws: the wave, baseline and category chooser, the key figures, the
charts of the report with their downloads, the comments, the results to download and the
correction of waves and invitations. Every figure comes suppressed from the service."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
import streamlit as st

from dashboard.errors import ConflictError, DashboardError
from dashboard.i18n import current_language, plural, t
from dashboard.i18n.formatting import format_number, format_percent, markdown_text
from dashboard.presenters import partners as survey_presenter
from dashboard.services.exports import to_csv_bytes, to_xlsx_bytes
from dashboard.services.partners import survey_import, surveys
from dashboard.services.partners import survey_comments
from dashboard.ui import cache, versions
from dashboard.ui.components import (
    XLSX_MIME,
    chart,
    chart_downloads,
    downloads,
    logged_export,
    show_error,
    show_table,
)
from dashboard.ui.context import PageContext


@dataclass(frozen=True)
class SurveyChoice:
    """The wave, the earlier wave it is compared with, and the partner category shown."""

    wave_id: int
    baseline_id: int | None
    category: str
    wave_names: dict[int, str]
    category_names: dict[str, str]

    @property
    def wave_name(self) -> str:
        return self.wave_names[self.wave_id]

    @property
    def baseline_name(self) -> str:
        return self.wave_names.get(self.baseline_id, "")

    @property
    def category_name(self) -> str:
        return self.category_names[self.category]


def chooser(options: surveys.SurveyChoices) -> SurveyChoice:
    """The wave (the latest first), the baseline (the wave before it) and the category."""
    wave_names = dict(options.waves)
    wave_ids = [wave_id for wave_id, _ in options.waves]
    category_names = dict(
        [
            (surveys.ALL_CATEGORIES, t("surveys.all_categories")),
            *survey_presenter.category_options(options.categories, current_language()),
        ]
    )
    left, middle, right = st.columns(3)
    wave_id = left.selectbox(
        t("surveys.filter.wave"),
        wave_ids,
        index=len(wave_ids) - 1,
        format_func=wave_names.get,
        key="surveys_wave",
    )
    earlier = [w for w in wave_ids if w != wave_id]
    baseline_id = middle.selectbox(
        t("surveys.filter.baseline"),
        earlier,
        index=max(0, len([w for w in earlier if wave_ids.index(w) < wave_ids.index(wave_id)]) - 1),
        format_func=wave_names.get,
        key="surveys_baseline",
        disabled=not earlier,
    )
    category = right.selectbox(
        t("surveys.filter.category"),
        list(category_names),
        format_func=category_names.get,
        key="surveys_category",
    )
    return SurveyChoice(wave_id, baseline_id, category, wave_names, category_names)


def key_figures(report: survey_presenter.SurveyView, choice: SurveyChoice) -> None:
    """Respondents, response rate, satisfaction and its change, items up and down."""
    figures = survey_presenter.key_figures(report, choice.wave_id, choice.category)
    columns = st.columns(4)
    columns[0].metric(
        t("surveys.figure.respondents", wave=markdown_text(choice.wave_name)),
        figures.respondents_text,
        border=True,
    )
    columns[1].metric(t("surveys.figure.rate"), format_percent(figures.rate), border=True)
    columns[2].metric(
        t("surveys.figure.satisfaction"),
        format_number(figures.satisfaction, 2),
        delta=None
        if figures.satisfaction_change is None
        else t(
            "surveys.figure.change_since",
            change=f"{figures.satisfaction_change:+.2f}".replace(".", ","),
            wave=markdown_text(choice.baseline_name),
        ),
        delta_color="normal" if figures.satisfaction_verdict != "stable" else "off",
        border=True,
    )
    columns[3].metric(
        t("surveys.figure.changes"),
        "–"
        if figures.improved is None
        else t("surveys.figure.changes_value", up=figures.improved, down=figures.declined),
        help=t("surveys.change_rule"),
        border=True,
    )


def show_chart(
    context: PageContext, choice: SurveyChoice, kind: str, basename: str, dimension: str | None = None
) -> None:
    """A chart of the report, with its image downloads for the roles that may download."""
    spec = cache.survey_chart(context, kind, choice.wave_id, choice.category, choice.baseline_id, dimension)
    chart(spec, key=f"surveys_{kind}_chart", stretch=False)
    chart_downloads(context, spec, basename, key=f"surveys_{kind}")


def overview_tab(context: PageContext, choice: SurveyChoice) -> None:
    wave = markdown_text(choice.wave_name)
    st.subheader(t("surveys.dimensions_title", wave=wave, category=choice.category_name))
    st.caption(t("surveys.dimensions_help"))
    show_chart(context, choice, "dimensions", f"survey-dimensions-{choice.wave_name}")


def items_tab(context: PageContext, report: survey_presenter.SurveyView, choice: SurveyChoice) -> None:
    st.subheader(
        t("surveys.items_title", wave=markdown_text(choice.wave_name), category=choice.category_name)
    )
    dimension_names = dict(report.dimension_summary.select("dimension_code", "dimension").iter_rows())
    dimension = st.columns([1, 2])[0].selectbox(
        t("surveys.filter.dimension"),
        list(dimension_names),
        format_func=dimension_names.get,
        key="surveys_items_dimension",
    )
    st.caption(t("surveys.items_help"))
    show_chart(context, choice, "items", f"survey-items-{choice.wave_name}-{dimension}", dimension)


def change_tab(context: PageContext, choice: SurveyChoice) -> None:
    if choice.baseline_id is None:
        st.info(t("surveys.one_wave_only"))
    else:
        st.subheader(
            t(
                "surveys.change_title",
                baseline=markdown_text(choice.baseline_name),
                wave=markdown_text(choice.wave_name),
            )
        )
        st.caption(t("surveys.change_rule"))
        show_chart(context, choice, "change", f"survey-change-{choice.baseline_name}-{choice.wave_name}")
    st.subheader(t("surveys.trend_title", category=choice.category_name))
    st.caption(t("surveys.trend_help"))
    show_chart(context, choice, "trend", "survey-trend")


def categories_tab(context: PageContext, choice: SurveyChoice) -> None:
    st.subheader(t("surveys.heatmap_title", wave=markdown_text(choice.wave_name)))
    st.caption(t("surveys.heatmap_help"))
    show_chart(context, choice, "categories", f"survey-categories-{choice.wave_name}")


def rates_tab(context: PageContext, report: survey_presenter.SurveyView, choice: SurveyChoice) -> None:
    st.subheader(t("surveys.response_rates"))
    st.caption(t("surveys.rates_help"))
    show_chart(context, choice, "rates", "survey-response-rates")
    downloads(
        context,
        survey_presenter.response_rates_export(report, context.lang),
        "survey-response-rates",
        "surveys_rates",
    )


def comments_tab(context: PageContext, report: survey_presenter.SurveyView, choice: SurveyChoice) -> None:
    """The partners' comments, searchable and filtered by dimension, category and wave."""
    st.subheader(t("surveys.comments_title"))
    st.caption(t("surveys.comments_help"))
    all_comments = cache.survey_comments(context)
    search_column, dimension_column, category_column, wave_column = st.columns([2, 1, 1, 1])
    search = search_column.text_input(
        t("surveys.comments_search"), key="surveys_search", placeholder=t("surveys.comments_search_hint")
    )
    all_dimensions = {
        None: t("surveys.all_dimensions"),
        **dict(report.dimension_summary.select("dimension_code", "dimension").iter_rows()),
    }
    comment_dimension = dimension_column.selectbox(
        t("surveys.filter.dimension"),
        list(all_dimensions),
        format_func=all_dimensions.get,
        key="surveys_comments_dimension",
    )
    comment_categories = dict(
        [
            (surveys.ALL_CATEGORIES, t("surveys.all_categories")),
            *survey_presenter.comment_categories(all_comments),
        ]
    )
    comment_category = category_column.selectbox(
        t("surveys.filter.category"),
        list(comment_categories),
        format_func=comment_categories.get,
        key="surveys_comments_category",
    )
    comment_waves = {None: t("surveys.all_waves"), **choice.wave_names}
    comment_wave = wave_column.selectbox(
        t("surveys.filter.wave"),
        list(comment_waves),
        format_func=comment_waves.get,
        key="surveys_comments_wave",
    )
    found = survey_comments.filter_comments(
        all_comments,
        wave_id=comment_wave,
        dimension=comment_dimension,
        category=comment_category,
        search=search,
    )
    st.caption(plural("surveys.comments_count", found.height))
    show_table(
        found.select("wave", "dimension", "category_label", "text"),
        hide_index=True,
        width="stretch",
        height=min(720, 38 + 35 * max(found.height, 1)),
        column_config={
            "wave": st.column_config.TextColumn(t("surveys.col.wave"), width="small"),
            "dimension": st.column_config.TextColumn(t("surveys.col.dimension"), width="medium"),
            "category_label": st.column_config.TextColumn(t("surveys.col.category"), width="medium"),
            "text": st.column_config.TextColumn(t("surveys.col.comment"), width="large"),
        },
    )


def downloads_tab(context: PageContext) -> None:
    """The survey's results as CSV and XLSX."""
    st.subheader(t("surveys.downloads_title"))
    st.caption(t("surveys.downloads_help"))
    left, right, _ = st.columns([1, 1, 3])
    left.download_button(
        t("common.download_csv"),
        lambda: logged_export(context, "survey-results", "csv", to_csv_bytes(cache.survey_results(context))),
        "survey-results.csv",
        mime="text/csv",
        key="surveys_results_csv",
        icon=":material/download:",
    )
    right.download_button(
        t("common.download_xlsx"),
        lambda: logged_export(
            context, "survey-results", "xlsx", to_xlsx_bytes(cache.survey_results(context), sheet="results")
        ),
        "survey-results.xlsx",
        mime=XLSX_MIME,
        key="surveys_results_xlsx",
        icon=":material/download:",
    )


def waves_tab(context: PageContext) -> None:
    """The waves' names and dates and the invitations per category, corrected in place."""
    st.subheader(t("surveys.waves_title"))
    st.caption(t("surveys.waves_help"))
    if done := st.session_state.pop("surveys_waves_done", None):
        st.success(done, icon=":material/task_alt:")
    waves, invitations = survey_import.waves_with_invitations(context.actor)
    # The waves' versions when the form was first drawn: a save over a wave someone else
    # changed since is refused.
    waves_record = f"waves_{context.actor.project_id}"
    seen = versions.seen(
        waves_record, dict(waves.select("wave_id", "version").iter_rows()), "surveys_waves_save"
    )
    waves = waves.with_columns(
        pl.col("wave_id").replace_strict(seen, default=None, return_dtype=pl.Int64).alias("version")
    )
    table = survey_import.invitation_table(waves, invitations, context.lang)
    with st.form("surveys_waves_form", border=False):
        edited_waves = st.data_editor(
            waves.drop("wave_id", "version"),
            hide_index=True,
            key="surveys_waves_editor",
            num_rows="fixed",
            width="stretch",
            placeholder="",
            column_config={
                "name": st.column_config.TextColumn(t("surveys.col.wave"), required=True, max_chars=60),
                "opened_on": st.column_config.DateColumn(t("surveys.col.opened"), format="DD/MM/YYYY"),
                "closed_on": st.column_config.DateColumn(t("surveys.col.closed"), format="DD/MM/YYYY"),
            },
        )
        st.caption(t("surveys.invitations_help"))
        edited_invitations = st.data_editor(
            table,
            hide_index=True,
            key="surveys_invitations_editor",
            num_rows="fixed",
            placeholder="",
            width="stretch",
            disabled=["category_label"],
            height=35 * (table.height + 1) + 3,
            column_config={
                "category": None,
                "category_label": st.column_config.TextColumn(t("surveys.col.category")),
                **{
                    str(w): st.column_config.NumberColumn(name, min_value=0, step=1)
                    for w, name in waves.select("wave_id", "name").iter_rows()
                },
            },
        )
        if st.form_submit_button(
            t("surveys.waves_save"), type="primary", icon=":material/save:", key="surveys_waves_save"
        ):
            edits = survey_import.wave_edits(waves, edited_waves, edited_invitations)
            try:
                changed = survey_import.update_waves(context.actor, edits)
            except ConflictError as error:
                versions.refused(waves_record, error)
            except DashboardError as error:
                show_error(
                    error,
                    columns={
                        "name": t("surveys.col.wave"),
                        "opened_on": t("surveys.col.opened"),
                        "closed_on": t("surveys.col.closed"),
                        **dict(table.select("category", "category_label").iter_rows()),
                    },
                )
            else:
                versions.forget(waves_record)
                st.session_state["surveys_waves_done"] = plural("surveys.waves_saved", changed)
                st.rerun()
    versions.show_conflict(waves_record, "surveys_waves_editor", "surveys_invitations_editor")
