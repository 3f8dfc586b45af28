"""Partner surveys: response rates, answers per dimension and per item, change between waves,
partner categories side by side, comments, downloads, and the correction of waves' dates and
invitations (coordinators, admins). Every figure comes suppressed from the service."""

import streamlit as st

from dashboard.i18n import t
from dashboard.permissions import Permission
from dashboard.ui import cache
from dashboard.ui import partners as ui
from dashboard.ui.components import page_header
from dashboard.ui.context import page_context

context = page_context()
page_header(context, t("surveys.title"))

options = cache.survey_choices(context)
if not options.waves:
    st.info(t("surveys.no_data"))
    st.stop()

choice = ui.chooser(options)
report = cache.survey_report(context, choice.wave_id, choice.category, choice.baseline_id)
st.caption(t("surveys.privacy_note"))
ui.key_figures(report, choice)

tab_names = ["overview", "items", "change", "categories", "rates"]
if context.can(Permission.view_comments):
    tab_names.append("comments")
if context.can(Permission.download):
    tab_names.append("downloads")
if context.can(Permission.import_data):
    tab_names.append("waves")
tabs = dict(zip(tab_names, st.tabs([t(f"surveys.tab.{name}") for name in tab_names]), strict=True))

with tabs["overview"]:
    ui.overview_tab(context, choice)
with tabs["items"]:
    ui.items_tab(context, report, choice)
with tabs["change"]:
    ui.change_tab(context, choice)
with tabs["categories"]:
    ui.categories_tab(context, choice)
with tabs["rates"]:
    ui.rates_tab(context, report, choice)
if "comments" in tabs:
    with tabs["comments"]:
        ui.comments_tab(context, report, choice)
if "downloads" in tabs:
    with tabs["downloads"]:
        ui.downloads_tab(context)
if "waves" in tabs:
    with tabs["waves"]:
        ui.waves_tab(context)
