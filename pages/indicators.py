"""Indicators: each indicator's latest value against its target and trajectory."""

import polars as pl
import streamlit as st

from dashboard.i18n import current_language, t
from dashboard.i18n.formatting import format_number
from dashboard.services import indicators
from dashboard.ui.components import page_header
from dashboard.ui.context import page_context
from dashboard.ui.tables import translate
from models.vocab import QuadrupleAim

context = page_context()
page_header(context, t("indicators.title"))

overview = translate(indicators.overview(context.project.id), "aim", QuadrupleAim)
lang = current_language()
statuses = {s: t(f"indicators.status.{s}") for s in
            ("on_track", "at_risk", "off_track", "no_target", "no_data")}
table = overview.select(
    pl.col("aim"), pl.col("code"), pl.col(f"name_{lang}").alias("name"),
    pl.struct("latest_value", "decimals").map_elements(
        lambda r: format_number(r["latest_value"], r["decimals"]), return_dtype=pl.String
    ).alias("latest"),
    pl.col("latest_period"), pl.struct("target_value", "decimals").map_elements(
        lambda r: format_number(r["target_value"], r["decimals"]), return_dtype=pl.String
    ).alias("target"), pl.col("unit"),
    pl.col("status").replace_strict(statuses, return_dtype=pl.String),
)
st.dataframe(table, hide_index=True, placeholder="–", width="stretch", column_config={
    "aim": t("indicators.col.aim"), "code": t("indicators.col.code"),
    "name": st.column_config.TextColumn(t("indicators.col.name"), width="large"),
    "latest": t("indicators.col.latest"), "latest_period": t("indicators.col.period"),
    "target": t("indicators.col.target"), "unit": t("indicators.col.unit"),
    "status": t("indicators.col.status"),
})
st.caption(t("indicators.rule"))
