"""Import tab: outlines of the care regions (GeoJSON, with an optional mapping of municipalities
to regions). Two files and an attribution, so it has its own panel around the shared pieces."""

from __future__ import annotations


import polars as pl
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard.errors import describe
from dashboard.i18n import current_language, plural, t
from dashboard.i18n.formatting import format_number, markdown_text
from dashboard.services.population.geo_import import GeoPreview, apply_geo_import, preview_geo_import
from dashboard.ui.components import show_table
from dashboard.ui.context import PageContext
from dashboard.ui.imports import import_panel

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


def _inputs(area: DeltaGenerator) -> dict:
    """The mapping of municipalities to regions, and the attribution of the outlines."""
    mapping = area.file_uploader(
        t("import.geo.mapping"),
        type=["csv", "xlsx", "txt"],
        key=f"{KEY}_mapping",
        help=t("import.geo.mapping_help"),
    )
    attribution = area.text_input(
        t("import.geo.attribution"), key=f"{KEY}_attribution", placeholder="Statbel (CC BY 4.0)"
    )
    return {
        "mapping_content": mapping.getvalue() if mapping else None,
        "mapping_name": mapping.name if mapping else None,
        "attribution": attribution or None,
    }


def _choose_code_property(preview: GeoPreview, arguments: dict) -> dict | None:
    """Several properties could hold the regions' code: the user says which."""
    if not preview.code_candidates:
        return None
    chosen = st.selectbox(
        t("import.geo.code_property"),
        preview.code_candidates,
        index=None,
        key=f"{KEY}_code_property",
        placeholder=t("import.geo.code_property_choose"),
        help=t("import.geo.code_property_help"),
    )
    return {**arguments, "code_property": chosen} if chosen else None


def _preview_with_notes(preview: GeoPreview) -> None:
    render_notes(preview)
    render_preview(preview)


def render(context: PageContext) -> None:
    import_panel(
        context,
        key=KEY,
        format_path="docs/formats/geo.md",
        preview=preview_geo_import,
        apply=apply_geo_import,
        render_preview=_preview_with_notes,
        columns_help=t("import.geo.columns"),
        example="docs/formats/geo-example.geojson",
        more_examples={t("import.geo.mapping_example"): "docs/formats/geo-mapping-example.csv"},
        file_types=("geojson", "json", "topojson"),
        upload_label=t("import.geo.upload"),
        inputs=_inputs,
        choose=_choose_code_property,
    )
