"""The import panel shared by every import page: upload a file, see its problems (file, line,
column, value, what was expected) or a preview of what it would change, then confirm.

An area provides `preview(actor, content, file_name)` and `apply(...)` from its service (both
returning an object with `problems`, `has_changes` and `unknown_columns`) and a function that
renders its preview.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

import polars as pl
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard.errors import DashboardError, describe, name_fields
from dashboard.i18n import current_language, message, plural, t
from dashboard.i18n.formatting import markdown_text
from dashboard.ui.components import show_error, show_table
from dashboard.ui.context import PageContext
from data_loaders.problems import Problem
from models.db import ROOT


class Preview(Protocol):
    problems: list[Problem]
    unknown_columns: list[str]

    @property
    def has_changes(self) -> bool: ...


def problems_table(problems: list[Problem]) -> pl.DataFrame:
    lang = current_language()
    table = pl.DataFrame(
        {
            t("import.col.line"): [p.line for p in problems],
            t("import.col.column"): [p.column or p.field for p in problems],
            t("import.col.value"): [p.value for p in problems],
            t("import.col.problem"): [message(p.key, lang=lang, **p.params) for p in problems],
        },
        schema={
            t("import.col.line"): pl.Int64,
            t("import.col.column"): pl.String,
            t("import.col.value"): pl.String,
            t("import.col.problem"): pl.String,
        },
    )
    if any(p.record for p in problems):  # e.g. the feature of a GeoJSON file
        table = table.insert_column(
            1, pl.Series(t("import.col.record"), [p.record or None for p in problems], dtype=pl.String)
        )
    return table


def show_problems(problems: list[Problem], fields: Mapping[str, str] | None = None) -> None:
    """A refused file's problems; those of the page's own fields (the wave's name, dates)
    named by their labels (`fields`: code -> label)."""
    problems = name_fields(problems, fields)
    st.error(plural("import.refused", len(problems)), icon=":material/block:")
    show_table(
        problems_table(problems),
        hide_index=True,
        placeholder="–",
        width="stretch",
        height=min(600, 40 + 35 * len(problems)),
    )
    with st.expander(t("import.problems_as_text")):
        st.code("\n".join(describe(p, current_language()) for p in problems), language=None)


def import_panel(
    context: PageContext,
    *,
    key: str,
    format_path: str,
    preview: Callable[..., Preview],
    apply: Callable[..., Preview],
    render_preview: Callable[[Preview], None],
    extra_arguments: dict | None = None,
    columns_help: str = "",
    example: str | None = None,
    file_types: tuple[str, ...] = ("csv", "xlsx", "txt"),
    upload_label: str | None = None,
    fields: Mapping[str, str] | None = None,
    more_examples: Mapping[str, str] | None = None,
    inputs: Callable[[DeltaGenerator], dict] | None = None,
    choose: Callable[[Preview, dict], dict | None] | None = None,
) -> None:
    """Upload, check, preview, confirm. Nothing is written before the user confirms, and a file
    with any problem cannot be confirmed.

    `columns_help` summarises the format on the page; `example` is the path (from the
    repository root) of an example file offered for download; `file_types` and `upload_label`
    are for kinds of file other than CSV / XLSX tables; `fields` names the page's own inputs
    (code the service uses -> label) in problems; `more_examples` offers other example files
    (button label -> path). `inputs` draws the kind's own inputs beside the upload (a second
    file, an attribution) and returns the arguments they give; `choose`, given the preview and
    the arguments, may ask the user something the file leaves open and return the arguments
    to preview again with (None: nothing to ask, or not answered yet)."""
    extra = dict(extra_arguments or {})
    with st.expander(t("import.format_title"), icon=":material/help:"):
        if columns_help:
            st.markdown(columns_help)
        st.caption(t("import.format_help", path=format_path))
        if example:
            path = ROOT / example
            st.download_button(
                t("import.example"),
                path.read_bytes(),
                path.name,
                key=f"{key}_example",
                icon=":material/download:",
            )
        for number, (label, other) in enumerate((more_examples or {}).items()):
            path = ROOT / other
            st.download_button(
                label, path.read_bytes(), path.name, key=f"{key}_example_{number}", icon=":material/download:"
            )
    upload_area, inputs_area = st.columns(2) if inputs else (st.container(), None)
    upload = upload_area.file_uploader(
        upload_label or t("import.upload"), type=list(file_types), key=f"{key}_file"
    )
    if inputs:
        extra |= inputs(inputs_area)
    done = st.session_state.pop(f"{key}_done", None)
    if done:
        st.success(done, icon=":material/task_alt:")
    if upload is None:
        return
    content = upload.getvalue()
    try:
        result = preview(context.actor, content, upload.name, **extra)
        if choose and (chosen := choose(result, extra)) is not None:
            extra = chosen
            result = preview(context.actor, content, upload.name, **extra)
    except DashboardError as error:
        show_error(error, fields)
        return
    if result.problems:
        show_problems(result.problems, fields)
        return
    if getattr(result, "unknown_columns", None):
        st.warning(t("import.unknown_columns", columns=markdown_text(", ".join(result.unknown_columns))))
    st.subheader(t("import.preview"))
    render_preview(result)
    if not result.has_changes:
        st.info(t("import.no_change"), icon=":material/check_circle:")
        return
    if st.button(t("import.confirm"), type="primary", key=f"{key}_confirm", icon=":material/upload:"):
        try:
            apply(context.actor, content, upload.name, **extra)
        except DashboardError as error:
            show_error(error, fields)
            return
        st.session_state[f"{key}_done"] = t("import.done")
        st.session_state.pop(f"{key}_file", None)
        st.rerun()
