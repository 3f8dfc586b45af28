"""Reads the pages share, cached per project and the data versions of the areas they show.

Every service write bumps the versions of the areas it changes in the same transaction
(`unit_of_work.write_scope`), and the page context reads them afresh at each rerun, so a cached
frame is never served after its data changed, and stays cached when another area changes.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import streamlit as st

from dashboard.services import home, portfolio
from dashboard.services.access import Actor


@st.cache_data(max_entries=32, show_spinner=False)
def actions(project_id: int, actions_version: tuple) -> pl.DataFrame:
    return portfolio.actions_frame(project_id)


@st.cache_data(max_entries=32, show_spinner=False)
def changes(project_id: int, actions_version: tuple) -> pl.DataFrame:
    return portfolio.changes_frame(project_id)


@st.cache_data(max_entries=32, show_spinner=False)
def social_entrepreneurship_trend(
    project_id: int, actions_version: tuple, first_year: int, today: dt.date
) -> pl.DataFrame:
    return portfolio.social_entrepreneurship_trend(
        actions(project_id, actions_version), changes(project_id, actions_version), first_year, today
    )


@st.cache_data(max_entries=32, show_spinner=False)
def home_figures(_actor: Actor, key: tuple, today: dt.date) -> home.HomeFigures:
    """The home page's figures; `key` is `PageContext.cache_key()` of every area (the home
    page shows them all)."""
    return home.home_figures(_actor, today)
