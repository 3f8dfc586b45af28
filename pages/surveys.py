"""Partner surveys: response rates and dimension scores per wave."""

import polars as pl
import streamlit as st

from dashboard.i18n import localized, t
from dashboard.i18n.formatting import format_number, format_percent
from dashboard.services import surveys
from dashboard.ui.components import page_header
from dashboard.ui.context import page_context
from models.db import session_scope

context = page_context()
project = context.project
page_header(context, t("surveys.title"))

rates = surveys.response_rates(project.id)
if rates.height == 0:
    st.info(t("surveys.no_data"))
    st.stop()

st.subheader(t("surveys.response_rates"))
st.dataframe(
    rates.select(
        pl.col("name").alias(t("surveys.col.wave")),
        pl.col("invited").alias(t("surveys.col.invited")),
        pl.when(pl.col("responded_suppressed")).then(pl.lit("< 5"))
        .otherwise(pl.col("responded").cast(pl.String)).alias(t("surveys.col.responded")),
        pl.col("rate").map_elements(format_percent, return_dtype=pl.String)
        .alias(t("surveys.col.rate")),
    ),
    hide_index=True,
)

st.subheader(t("surveys.dimension_scores"))
with session_scope() as session:
    dimensions = surveys.dimensions(session, project.id)
    table = []
    for dimension in dimensions:
        row = {t("surveys.col.dimension"): localized(dimension, "label")}
        for wave in surveys.dimension_means_by_wave(session, project.id, dimension.code):
            row[wave["wave"]] = "< 5" if wave["mean"] is None else format_number(wave["mean"], 2)
        table.append(row)
st.dataframe(pl.DataFrame(table), hide_index=True, width="stretch")
