"""Maturity: the SCIROCCO consensus score of each dimension, round by round."""

import polars as pl
import streamlit as st

from dashboard.i18n import t
from dashboard.services import maturity
from dashboard.ui.components import page_header
from dashboard.ui.context import page_context
from models.vocab import MaturityDimension

context = page_context()
page_header(context, t("maturity.title"))

consensus = maturity.consensus_frame(context.project.id)
if consensus.height == 0:
    st.info(t("maturity.no_data"))
    st.stop()

st.subheader(t("maturity.consensus"))
table = (consensus.pivot(on="round", index="dimension", values="score")
         .with_columns(pl.col("dimension").replace_strict(
             {d.value: t(f"maturity_dimension.{d.value}") for d in MaturityDimension},
             return_dtype=pl.String).alias(t("maturity.col.dimension")))
         .drop("dimension"))
st.dataframe(table.select(t("maturity.col.dimension"), pl.exclude(t("maturity.col.dimension"))),
             hide_index=True, placeholder="–", width="stretch")
