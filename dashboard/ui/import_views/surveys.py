"""Import tab: partner-survey responses (one row per respondent, as survey tools export them),
into a wave named here, optionally with a questionnaire file."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.i18n import current_language, localized, plural, t
from dashboard.i18n.formatting import format_date, markdown_text
from dashboard.services.partners.survey_import import (
    SurveyPreview,
    apply_survey_import,
    preview_survey_import,
)
from dashboard.ui.components import show_table
from dashboard.presenters.partners import category_label
from dashboard.ui.context import PageContext
from dashboard.ui.imports import import_panel
from data_loaders.surveys import DATE_ORDERS

ORDER = 30
TITLE_KEY = "import.kind.survey"


def render_preview(preview: SurveyPreview) -> None:
    counts = st.columns(4)
    counts[0].metric(t("import.survey.new"), preview.new_respondents)
    counts[1].metric(t("import.survey.changed"), preview.changed_respondents)
    counts[2].metric(t("import.survey.unchanged"), preview.unchanged_respondents)
    counts[3].metric(t("import.survey.kept"), preview.kept_respondents)
    if preview.wave_is_new:
        invited = (
            ", ".join(
                f"{category_label(c, current_language())} {n}" for c, n in sorted(preview.invitations.items())
            )
            or "–"
        )
        st.info(
            t(
                "import.survey.new_wave",
                wave=markdown_text(preview.wave),
                opened=format_date(preview.opened_on),
                closed=format_date(preview.closed_on),
                invited=invited,
            )
        )
    else:
        st.caption(t("import.survey.existing_wave", wave=markdown_text(preview.wave)))
    questionnaire = preview.questionnaire
    if questionnaire.installs_default:
        st.info(t("import.survey.default_questionnaire"))
    elif questionnaire.has_changes:
        st.info(
            t(
                "import.survey.questionnaire_changes",
                dimensions=plural("import.survey.new_dimensions", len(questionnaire.new_dimensions)),
                items=plural("import.survey.new_items", len(questionnaire.new_items)),
                changed=plural("import.survey.changed_items", len(questionnaire.changed_items)),
            )
        )
    order = preview.date_order
    if order.order:
        order_label = t(f"import.survey.date_order.{order.order}")
        st.caption(
            t("import.survey.date_order_chosen", order=order_label)
            if order.chosen
            else t("import.survey.date_order_settled", order=order_label, line=order.line, value=order.value)
        )
    if not preview.has_category:
        st.warning(t("import.survey.no_category"))
    if preview.incomplete_lines:
        st.caption(
            plural(
                "import.survey.incomplete",
                len(preview.incomplete_lines),
                lines=_lines(preview.incomplete_lines),
            )
        )
    if preview.unnamed_columns:
        st.caption(
            plural(
                "import.survey.unnamed_columns",
                len(preview.unnamed_columns),
                positions=", ".join(map(str, preview.unnamed_columns)),
            )
        )
    if preview.empty_lines:
        shown = ", ".join(str(line) for line in preview.empty_lines[:20])
        st.caption(
            plural(
                "import.survey.empty_lines",
                len(preview.empty_lines),
                lines=shown + (" …" if len(preview.empty_lines) > 20 else ""),
            )
        )
    st.markdown(f"**{t('import.survey.columns')}**")
    texts = {item.code: f"{item.code} · {localized(item, 'text')}" for item in questionnaire.items}
    dimensions = {d.code: d for d in questionnaire.dimensions}
    rows = [
        {
            "header": c.header,
            "role": t(f"import.survey.role.{c.role}"),
            "target": texts.get(c.target or "", "")
            if c.role == "item"
            else _dimension_label(dimensions, c.target)
            if c.role == "comment"
            else "",
        }
        for c in preview.columns
    ]
    show_table(
        pl.DataFrame(rows, schema={"header": pl.String, "role": pl.String, "target": pl.String}),
        hide_index=True,
        width="stretch",
        height=min(560, 40 + 35 * len(rows)),
        column_config={
            "header": st.column_config.TextColumn(t("import.survey.col.header"), width="large"),
            "role": st.column_config.TextColumn(t("import.survey.col.role"), width="medium"),
            "target": st.column_config.TextColumn(t("import.survey.col.target"), width="large"),
        },
    )


def _lines(lines: list[int]) -> str:
    return ", ".join(str(line) for line in lines[:20]) + (" …" if len(lines) > 20 else "")


def _dimension_label(dimensions: dict, code: str | None) -> str:
    if code is None or code not in dimensions:
        return t("surveys.general_comment")
    return localized(dimensions[code], "label")


def render(context: PageContext) -> None:
    wave_column, opened_column, closed_column, order_column = st.columns([2, 1, 1, 1])
    wave = wave_column.text_input(
        t("import.survey.wave"), key="import_survey_wave", max_chars=60, help=t("import.survey.wave_help")
    )
    opened_on = opened_column.date_input(
        t("import.survey.opened"), value=None, format="DD/MM/YYYY", key="import_survey_opened"
    )
    closed_on = closed_column.date_input(
        t("import.survey.closed"), value=None, format="DD/MM/YYYY", key="import_survey_closed"
    )
    date_order = order_column.selectbox(
        t("import.survey.date_order"),
        (None, *DATE_ORDERS),
        key="import_survey_date_order",
        format_func=lambda order: t(f"import.survey.date_order.{order or 'auto'}"),
        help=t("import.survey.date_order_help"),
    )
    questionnaire_file = st.file_uploader(
        t("import.survey.questionnaire"),
        type=["csv", "xlsx", "txt"],
        key="import_survey_questionnaire",
        help=t("import.survey.questionnaire_help"),
    )
    if not wave.strip():
        st.info(t("import.survey.need_wave"))
        return
    questionnaire = None
    if questionnaire_file is not None:
        questionnaire = (questionnaire_file.getvalue(), questionnaire_file.name)
    import_panel(
        context,
        key="import_survey",
        format_path="docs/formats/surveys.md",
        preview=preview_survey_import,
        apply=apply_survey_import,
        render_preview=render_preview,
        extra_arguments={
            "wave": wave.strip(),
            "questionnaire": questionnaire,
            "opened_on": opened_on,
            "closed_on": closed_on,
            "date_order": date_order,
        },
        fields={
            "--wave": t("import.survey.wave"),
            "--opened": t("import.survey.opened"),
            "--closed": t("import.survey.closed"),
        },
    )
