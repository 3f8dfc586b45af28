"""Reads the pages share, cached per project and data version.

Every service write bumps the project's data_version in the same transaction, and the page
context reads it afresh at each rerun, so a cached frame is never served after the data changed.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import streamlit as st

from dashboard.services import portfolio


@st.cache_data(max_entries=32, show_spinner=False)
def actions(project_id: int, data_version: int) -> pl.DataFrame:
    return portfolio.actions_frame(project_id)


@st.cache_data(max_entries=32, show_spinner=False)
def changes(project_id: int, data_version: int) -> pl.DataFrame:
    return portfolio.changes_frame(project_id)


@st.cache_data(max_entries=32, show_spinner=False)
def social_entrepreneurship_trend(project_id: int, data_version: int, first_year: int,
                                  today: dt.date) -> pl.DataFrame:
    return portfolio.social_entrepreneurship_trend(
        actions(project_id, data_version), changes(project_id, data_version), first_year, today)
