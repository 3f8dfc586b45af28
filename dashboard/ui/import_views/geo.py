"""Import tab: outlines of the care regions (GeoJSON, with an optional mapping of municipalities
to regions). Two files and an attribution, so it has its own panel around the shared pieces."""

from __future__ import annotations


import polars as pl
import streamlit as st

from dashboard.errors import DashboardError, describe
from dashboard.i18n import current_language, plural, t
from dashboard.i18n.formatting import format_number, markdown_text
from dashboard.services.geo_import import GeoPreview, apply_geo_import, preview_geo_import
from dashboard.ui.components import show_error, show_table
from dashboard.ui.context import PageContext
from dashboard.ui.imports import show_problems
from models.db import ROOT

ORDER = 50
TITLE_KEY = "import.kind.geo"
KEY = "import_geo"


def _kilobytes(size: int) -> str:
    return format_number(size / 1000, 1)


def render_notes(preview: GeoPreview) -> None:
    """What was converted, repaired or ignored: said, never silent."""
    lang = current_language()
    for note in preview.notes:
        st.info(markdown_text(describe(note, lang)), icon=":material/build:")


def render_preview(preview: GeoPreview) -> None:
    counts = st.columns(4)
    counts[0].metric(t("import.geo.new"), len(preview.new_regions))
    counts[1].metric(t("import.geo.changed"), len(preview.changed_regions))
    counts[2].metric(t("import.geo.unchanged"), len(preview.unchanged_regions))
    counts[3].metric(t("import.geo.absent"), len(preview.absent_regions))
    mode = (
        plural("import.geo.mode.municipalities", preview.unused_municipalities)
        if preview.mode == "municipalities"
        else t(f"import.geo.mode.{preview.mode}")
    )
    st.caption(
        mode
        + " · "
        + t("common.source", source=preview.attribution)
        + " · "
        + t("import.geo.size", size=_kilobytes(preview.total_size))
    )
    rows = [
        {
            "what": t("import.geo.new"),
            "code": r.code,
            "name": r.name,
            "municipalities": r.municipalities or None,
            "size": _kilobytes(r.size),
        }
        for r in preview.new_regions
    ]
    rows += [
        {
            "what": t("import.geo.changed"),
            "code": r.code,
            "name": r.name,
            "municipalities": r.municipalities or None,
            "size": _kilobytes(r.size),
        }
        for r in preview.changed_regions
    ]
    if rows:
        show_table(
            pl.DataFrame(rows),
            hide_index=True,
            width="stretch",
            placeholder="–",
            column_config={
                "what": t("import.actions.what"),
                "code": t("import.geo.col.code"),
                "name": t("import.geo.col.name"),
                "municipalities": t("import.geo.col.municipalities"),
                "size": t("import.geo.col.size"),
            },
        )


def render(context: PageContext) -> None:
    with st.expander(t("import.format_title"), icon=":material/help:"):
        st.markdown(t("import.geo.columns"))
        st.caption(t("import.format_help", path="docs/formats/geo.md"))
        example = ROOT / "docs/formats/geo-example.geojson"
        st.download_button(
            t("import.example"),
            example.read_bytes(),
            example.name,
            key=f"{KEY}_example",
            icon=":material/download:",
        )
        mapping_example = ROOT / "docs/formats/geo-mapping-example.csv"
        st.download_button(
            t("import.geo.mapping_example"),
            mapping_example.read_bytes(),
            mapping_example.name,
            key=f"{KEY}_mapping_example",
            icon=":material/download:",
        )
    left, right = st.columns(2)
    upload = left.file_uploader(
        t("import.geo.upload"), type=["geojson", "json", "topojson"], key=f"{KEY}_file"
    )
    mapping = right.file_uploader(
        t("import.geo.mapping"),
        type=["csv", "xlsx", "txt"],
        key=f"{KEY}_mapping",
        help=t("import.geo.mapping_help"),
    )
    attribution = st.text_input(
        t("import.geo.attribution"), key=f"{KEY}_attribution", placeholder="Statbel (CC BY 4.0)"
    )
    done = st.session_state.pop(f"{KEY}_done", None)
    if done:
        st.success(done, icon=":material/task_alt:")
    if upload is None:
        return
    arguments = {
        "mapping_content": mapping.getvalue() if mapping else None,
        "mapping_name": mapping.name if mapping else None,
        "attribution": attribution or None,
    }
    content = upload.getvalue()
    try:
        preview = preview_geo_import(context.actor, content, upload.name, **arguments)
        if preview.code_candidates:  # several properties could be the code: the user says
            chosen = st.selectbox(
                t("import.geo.code_property"),
                preview.code_candidates,
                index=None,
                key=f"{KEY}_code_property",
                placeholder=t("import.geo.code_property_choose"),
                help=t("import.geo.code_property_help"),
            )
            if chosen:
                arguments["code_property"] = chosen
                preview = preview_geo_import(context.actor, content, upload.name, **arguments)
    except DashboardError as error:
        show_error(error)
        return
    if preview.problems:
        show_problems(preview.problems)
        return
    st.subheader(t("import.preview"))
    render_notes(preview)
    render_preview(preview)
    if not preview.has_changes:
        st.info(t("import.no_change"), icon=":material/check_circle:")
        return
    if st.button(t("import.confirm"), type="primary", key=f"{KEY}_confirm", icon=":material/upload:"):
        try:
            apply_geo_import(context.actor, content, upload.name, **arguments)
        except DashboardError as error:
            show_error(error)
            return
        st.session_state[f"{KEY}_done"] = t("import.done")
        st.session_state.pop(f"{KEY}_file", None)
        st.rerun()
