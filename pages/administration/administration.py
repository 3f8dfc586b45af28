"""Administration: the members of the project and their roles, and the project's settings
(admin only)."""

import polars as pl
import streamlit as st

from dashboard.errors import ConflictError, DashboardError
from dashboard.i18n import label, t
from dashboard.permissions import Permission
from dashboard.services.admin import projects
from dashboard.services.admin import users
from dashboard.ui.administration import (
    account_form,
    add_member_form,
    audit_section,
    change_member_form,
    notice,
)
from dashboard.ui.components import page_header, show_error, show_table
from dashboard.ui.context import page_context
from dashboard.ui import versions
from models.vocab import LANGUAGES, RiskStratum, Role

context = page_context(Permission.manage_users)
page_header(context, t("admin.title"))

members = users.project_members(context.actor)
show_table(
    pl.DataFrame(
        [
            {
                t("admin.col.username"): m.username,
                t("admin.col.name"): m.display_name,
                t("admin.col.email"): m.email,
                t("admin.col.role"): label(Role(m.role)),
                t("admin.col.active"): t("common.yes") if m.is_active else t("common.no"),
                t("admin.col.must_change"): t("common.yes") if m.must_change_password else t("common.no"),
            }
            for m in members
        ]
    ),
    hide_index=True,
    placeholder="–",
    width="stretch",
)

notice()
add, change = st.columns(2)
with add:
    add_member_form(context)
with change:
    change_member_form(context, members)
    account_form(context, members)

st.subheader(t("admin.settings_title"))
st.caption(t("admin.settings_help"))
project = context.project
# The settings' version when the form was first drawn: a save over newer settings is refused.
settings_record = f"settings_{project.id}"
settings_version = versions.seen(settings_record, project.settings_version, "project_settings_save")
with st.form("project_settings", enter_to_submit=False):
    target_column, group_column = st.columns(2)
    se_target = target_column.number_input(
        t("admin.se_target"),
        min_value=0.0,
        max_value=100.0,
        step=5.0,
        format="%.0f",
        help=t("admin.se_target_help"),
        value=None
        if project.social_entrepreneurship_target is None
        else project.social_entrepreneurship_target * 100,
    )
    target_group = group_column.number_input(
        t("admin.target_group"), min_value=0, step=100, value=project.target_group_size
    )
    stratum_rows = pl.DataFrame(
        [
            {
                "stratum": int(stratum),
                "default": t(f"stratum.{int(stratum)}"),
                **{
                    lang: ((project.stratum_labels or {}).get(str(int(stratum))) or {}).get(lang, "")
                    for lang in LANGUAGES
                },
            }
            for stratum in RiskStratum
        ]
    )
    edited = st.data_editor(
        stratum_rows,
        hide_index=True,
        width="stretch",
        key="stratum_labels",
        placeholder="",
        disabled=["default"],
        column_order=["default", *LANGUAGES],
        column_config={
            "default": t("admin.col.default_label"),
            **{
                lang: st.column_config.TextColumn(
                    t("admin.col.label_in", language=lang.upper()), max_chars=projects.LABEL_MAX_LENGTH
                )
                for lang in LANGUAGES
            },
        },
    )
    if st.form_submit_button(t("admin.settings_submit"), type="primary", key="project_settings_save"):
        try:
            projects.update_project_settings(
                context.actor,
                social_entrepreneurship_target=None if se_target is None else se_target / 100,
                target_group_size=target_group,
                stratum_labels={
                    row["stratum"]: {lang: row[lang] or "" for lang in LANGUAGES}
                    for row in pl.DataFrame(edited).iter_rows(named=True)
                },
                version=settings_version,
            )
            versions.forget(settings_record)
            st.success(t("admin.settings_saved"))
        except ConflictError as error:
            versions.refused(settings_record, error)
        except DashboardError as error:
            show_error(error)
versions.show_conflict(settings_record, "stratum_labels")

audit_section(context)
