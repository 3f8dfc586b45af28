"""Risk map: the stratified population of each care region."""

import polars as pl
import streamlit as st

from dashboard.i18n import t
from dashboard.i18n.formatting import format_number, format_percent
from dashboard.services import risk
from dashboard.ui.components import page_header
from dashboard.ui.context import page_context

context = page_context()
project = context.project
page_header(context, t("risk.title"))

years = risk.years(project.id)
if not years:
    st.info(t("risk.no_data"))
    st.stop()
year = st.selectbox(t("risk.year"), years, index=len(years) - 1, key="risk_year")
totals = risk.stratum_totals(project.id, year)

# One row per region, one column pair per stratum: persons ("< 5" when suppressed) and share.
rows = []
for region in totals.partition_by("name", maintain_order=True):
    row = {t("risk.col.region"): region["name"][0]}
    for cell in region.iter_rows(named=True):
        stratum = project.stratum_label(cell["stratum"])
        row[stratum] = ("< 5" if cell["persons_suppressed"] else format_number(cell["persons"]))
        row[f"{stratum} – %"] = format_percent(cell["share"], 1)
    rows.append(row)
st.dataframe(pl.DataFrame(rows), hide_index=True, width="stretch")
st.caption(t("common.suppressed_help"))
