"""The member forms of the Users page, handled in their buttons' callbacks.

A callback runs before the page is drawn again, so the table and the member picker above the
forms already show what it changed (handled in the script body, after they were drawn, a new
member appeared only once the page was left and reopened). A callback may also empty the form
after a success, and leave it as typed after a refusal, which `clear_on_submit` cannot do.
"""

from __future__ import annotations

from dataclasses import replace

import polars as pl
import streamlit as st

from dashboard.errors import DashboardError, InvalidInput
from dashboard.i18n import current_language, label, plural, t
from dashboard.presenters.admin import detail_text
from dashboard.services.admin import audit
from dashboard.services.admin import users
from dashboard.i18n.formatting import format_date, markdown_text
from dashboard.ui.components import downloads, error_markdown, show_table
from dashboard.ui.context import PageContext
from models.vocab import LANGUAGES, Role

# The least powerful role: a slip of the mouse grants too little, never too much.
DEFAULT_ROLE = Role.viewer
ADD_FIELDS = {
    "new_account": "add_new_account",
    "username": "add_username",
    "display_name": "add_display_name",
    "email": "add_email",
    "role": "add_role",
    "language": "add_language",
    "password": "add_password",
}
# Which field of the add form a service refusal is about (shown under that field).
FIELD_OF_ERROR = {
    "error.bad_username": "username",
    "error.user_exists": "username",
    "error.unknown_user": "username",
    "error.password_too_short": "password",
    "error.password_too_long": "password",
    "error.password_common": "password",
    "error.password_is_username": "password",
    "error.already_member": "username",
    "error.bad_language": "language",
    "error.bad_role": "role",
}
ADD_ERROR = "_admin_add_error"
CHANGE_ERROR = "_admin_change_error"
ACCOUNT_ERROR = "_admin_account_error"
NOTICE = "_admin_notice"
ONE_TIME = "_admin_one_time_password"


def _add_member(context: PageContext) -> None:
    state = st.session_state
    username = state[ADD_FIELDS["username"]].strip()
    role: Role = state[ADD_FIELDS["role"]]
    try:
        generated = users.add_member(
            context.actor,
            username,
            role.value,
            new_account=state[ADD_FIELDS["new_account"]],
            password=state[ADD_FIELDS["password"]] or None,
            display_name=state[ADD_FIELDS["display_name"]].strip(),
            email=state[ADD_FIELDS["email"]].strip(),
            language=state[ADD_FIELDS["language"]],
        )
    except DashboardError as error:
        state[ADD_ERROR] = error
        return
    state.pop(ADD_ERROR, None)
    state[NOTICE] = ("admin.added", {"username": username, "role": role})
    if generated:
        state[ONE_TIME] = (username, generated)
    else:
        state.pop(ONE_TIME, None)
    for field in ("new_account", "username", "display_name", "email", "role", "password"):
        del state[ADD_FIELDS[field]]  # back to the widget's default: empty, viewer


def _change_member(context: PageContext, remove: bool) -> None:
    state = st.session_state
    member, role = state["change_member"], state["new_role"]
    try:
        if remove:
            users.remove_member(context.actor, member)
            state[NOTICE] = ("admin.removed", {"username": member})
        else:
            users.change_member_role(context.actor, member, role.value)
            state[NOTICE] = ("admin.changed", {"username": member, "role": role})
    except DashboardError as error:
        state[CHANGE_ERROR] = error
        return
    state.pop(CHANGE_ERROR, None)
    state.pop(ONE_TIME, None)


def _account_action(context: PageContext, action: str) -> None:
    state = st.session_state
    member = state["account_member"]
    try:
        if action == "reset":
            state[ONE_TIME] = (member, users.reset_password(context.actor, member))
        elif action == "deactivate":
            users.deactivate_user(context.actor, member)
            state.pop(ONE_TIME, None)
        elif action == "reactivate":
            users.reactivate_user(context.actor, member)
            state.pop(ONE_TIME, None)
    except DashboardError as error:
        state[ACCOUNT_ERROR] = error
        return
    state.pop(ACCOUNT_ERROR, None)
    state[NOTICE] = (f"admin.account_{action}_done", {"username": member})


def _error_under(field: str) -> None:
    error: DashboardError | None = st.session_state.get(ADD_ERROR)
    if error is not None and FIELD_OF_ERROR.get(error.key, "password") == field:
        st.error(error_markdown(error, current_language()), icon=":material/error:")


def notice() -> None:
    """The outcome of the last member change, kept until the next change (a rerun the admin
    did not ask for, e.g. the login cookie reporting back, must not wipe a one-time password
    before it is copied); the password stays until the admin hides it."""
    done = st.session_state.get(NOTICE)
    if done:
        key, params = done
        st.success(
            t(
                key,
                **{
                    name: label(value) if isinstance(value, Role) else value for name, value in params.items()
                },
            )
        )
    one_time = st.session_state.get(ONE_TIME)
    if one_time:
        username, password = one_time
        st.warning(t("admin.one_time_password", username=markdown_text(username)), icon=":material/key:")
        st.code(password, language=None)
        st.button(t("admin.one_time_hide"), key="hide_one_time", on_click=_hide_one_time)


def _hide_one_time() -> None:
    st.session_state.pop(ONE_TIME, None)
    st.session_state.pop(NOTICE, None)


def add_member_form(context: PageContext) -> None:
    """Add a member (a new account when a password is given); the refusal is shown under the
    field at fault and everything typed stays."""
    with st.form("add_member", enter_to_submit=False):
        st.subheader(t("admin.add_title"))
        st.caption(t("admin.add_help"))
        st.checkbox(t("admin.new_account"), key=ADD_FIELDS["new_account"])
        st.text_input(t("admin.col.username"), key=ADD_FIELDS["username"])
        _error_under("username")
        st.text_input(t("admin.display_name"), key=ADD_FIELDS["display_name"])
        st.text_input(t("admin.col.email"), key=ADD_FIELDS["email"])
        roles = list(Role)
        st.selectbox(
            t("admin.col.role"),
            roles,
            index=roles.index(DEFAULT_ROLE),
            format_func=label,
            key=ADD_FIELDS["role"],
        )
        _error_under("role")
        st.selectbox(
            t("sidebar.language"),
            LANGUAGES,
            format_func=str.upper,
            index=LANGUAGES.index(context.lang) if context.lang in LANGUAGES else 0,
            key=ADD_FIELDS["language"],
        )
        _error_under("language")
        st.text_input(t("admin.initial_password"), type="password", key=ADD_FIELDS["password"])
        _error_under("password")
        st.form_submit_button(t("admin.add_submit"), type="primary", on_click=_add_member, args=(context,))


def change_member_form(context: PageContext, members: list[users.Member]) -> None:
    with st.form("change_member_form", enter_to_submit=False):
        st.subheader(t("admin.change_title"))
        st.selectbox(t("admin.member"), [m.username for m in members], key="change_member")
        roles = list(Role)
        st.selectbox(
            t("admin.new_role"), roles, index=roles.index(DEFAULT_ROLE), format_func=label, key="new_role"
        )
        error: DashboardError | None = st.session_state.pop(CHANGE_ERROR, None)
        if error is not None:
            st.error(error_markdown(error, current_language()), icon=":material/error:")
        st.form_submit_button(
            t("admin.change_submit"), type="primary", on_click=_change_member, args=(context, False)
        )
        st.form_submit_button(t("admin.remove_submit"), on_click=_change_member, args=(context, True))


def account_form(context: PageContext, members: list[users.Member]) -> None:
    """Account-wide changes to a member: a one-time password, deactivation (never deletion)."""
    with st.form("account_form", enter_to_submit=False):
        st.subheader(t("admin.account_title"))
        st.caption(t("admin.account_help"))
        st.selectbox(t("admin.member"), [m.username for m in members], key="account_member")
        error: DashboardError | None = st.session_state.pop(ACCOUNT_ERROR, None)
        if error is not None:
            st.error(error_markdown(error, current_language()), icon=":material/error:")
        for action, kind in (("reset", "primary"), ("deactivate", "secondary"), ("reactivate", "secondary")):
            st.form_submit_button(
                t(f"admin.account_{action}"), type=kind, on_click=_account_action, args=(context, action)
            )


# ---------------------------------------------------------------- one's own account

PASSWORD_ERROR = "_own_password_error"
PASSWORD_DONE = "_own_password_done"


def _change_own_password(username: str, token: str | None) -> None:
    state = st.session_state
    try:
        if state["own_new_password"] != state["own_repeat_password"]:
            raise InvalidInput("error.password_mismatch")
        users.change_own_password(
            username, state["own_current_password"], state["own_new_password"], keep_token=token
        )
    except DashboardError as error:
        state[PASSWORD_ERROR] = error
        return
    state.pop(PASSWORD_ERROR, None)
    state[PASSWORD_DONE] = True
    for key in ("own_current_password", "own_new_password", "own_repeat_password"):
        state[key] = ""


def change_password_form(username: str, token: str | None) -> bool:
    """Change one's own password (the current one, the new one twice); True once changed."""
    done = st.session_state.pop(PASSWORD_DONE, False)
    if done:
        st.success(t("account.password_changed"))
    with st.form("own_password", enter_to_submit=False):
        st.subheader(t("account.password_title"))
        st.caption(t("account.password_help", minimum=users.MIN_PASSWORD_LENGTH))
        st.text_input(t("account.current_password"), type="password", key="own_current_password")
        st.text_input(t("account.new_password"), type="password", key="own_new_password")
        st.text_input(t("account.repeat_password"), type="password", key="own_repeat_password")
        error: DashboardError | None = st.session_state.pop(PASSWORD_ERROR, None)
        if error is not None:
            st.error(error_markdown(error, current_language()), icon=":material/error:")
        st.form_submit_button(
            t("account.password_submit"),
            type="primary",
            on_click=_change_own_password,
            args=(username, token),
        )
    return done


# ---------------------------------------------------------------- the audit log

AUDIT_TIME_ZONE = "Europe/Brussels"


def _audit_filter() -> audit.AuditFilter:
    state = st.session_state
    period = tuple(state.get("audit_period") or ())
    return audit.AuditFilter(
        kinds=tuple(kind.value for kind in state.get("audit_kinds") or ()),
        user=state.get("audit_user") or "",
        since=period[0] if len(period) > 0 else None,
        until=period[1] if len(period) > 1 else (period[0] if period else None),
        limit=AUDIT_ROWS,
    )


AUDIT_ROWS = 1000  # shown; the CSV holds every event that matches


def audit_frame(events: pl.DataFrame) -> pl.DataFrame:
    """The events as a reader sees them: local time, the event's name in their language."""
    names = {kind.value: t(f"audit.kind.{kind.value}") for kind in audit.AuditKind}
    return events.select(
        pl.col("at")
        .dt.convert_time_zone(AUDIT_TIME_ZONE)
        .dt.strftime("%d/%m/%Y %H:%M:%S")
        .alias(t("audit.col.at")),
        pl.col("actor").alias(t("audit.col.actor")),
        pl.col("event").replace_strict(names, default=pl.col("event")).alias(t("audit.col.event")),
        pl.col("subject").alias(t("audit.col.subject")),
        pl.col("details")
        .map_elements(lambda pairs: detail_text(pairs.to_list()), return_dtype=pl.String)
        .alias(t("audit.col.detail")),
        pl.col("client").alias(t("audit.col.client")),
    )


def audit_section(context: PageContext) -> None:
    """The audit log of the project (and of its members' accounts): filters, table, CSV."""
    st.subheader(t("audit.title"))
    st.caption(t("audit.help"))
    kinds_column, user_column, period_column = st.columns([3, 1, 1])
    kinds_column.multiselect(
        t("audit.filter_kinds"),
        list(audit.AuditKind),
        format_func=lambda kind: t(f"audit.kind.{kind.value}"),
        key="audit_kinds",
        placeholder=t("audit.every_kind"),
    )
    user_column.text_input(t("audit.filter_user"), key="audit_user")
    period_column.date_input(t("audit.filter_period"), value=(), key="audit_period", format="DD/MM/YYYY")
    audit_filter = _audit_filter()
    events = audit.project_events(context.actor, audit_filter)
    st.caption(plural("audit.count", events.height, limit=AUDIT_ROWS))
    show_table(audit_frame(events), hide_index=True, width="stretch", empty_text=t("audit.empty"))
    # The files hold every event the filters keep (not only the rows shown), and name them.
    shown_filters = " · ".join(
        part
        for part in (
            ", ".join(t(f"audit.kind.{k}") for k in audit_filter.kinds),
            audit_filter.user,
            " – ".join(format_date(d) for d in (audit_filter.since, audit_filter.until) if d),
        )
        if part
    )
    downloads(
        context,
        lambda: audit_frame(audit.project_events(context.actor, replace(audit_filter, limit=10**9))),
        f"audit-{context.project.slug}{'-filtered' if shown_filters else ''}",
        key="audit",
        caption=shown_filters or None,
    )
