"""Import data: one tab per kind of file a consortium brings (coordinators and admins)."""

import streamlit as st

from dashboard.i18n import t
from dashboard.permissions import Permission
from dashboard.ui.components import page_header
from dashboard.ui.context import page_context
from dashboard.ui.import_views import views

context = page_context(Permission.import_data)
page_header(context, t("imports.title"))

kinds = views()
for tab, view in zip(st.tabs([t(view.TITLE_KEY) for view in kinds]), kinds, strict=True):
    with tab:
        view.render(context)
