"""Accounts in the app: the admin's account form (one-time passwords, deactivation), My account
(one's own password, log out everywhere) for every role, and the forced change after a reset."""

import pytest

from dashboard import auth
from dashboard.i18n import t
from dashboard.navigation import visible_pages
from dashboard.services.admin import sessions
from dashboard.services.admin import users
from dashboard.services.access import actor_for
from dashboard.services.admin.sessions import Outcome, sign_in
from models.vocab import Role
from tests.pages.apptest import USER_OF_ROLE, anonymous, logged_in, open_page, texts

PASSWORD = "livinglab-demo"


def _click(at, message_key: str):  # noqa: ANN001, ANN202
    at.button[[b.label for b in at.button].index(t(message_key, lang="en"))].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _table(at) -> dict[str, dict]:  # noqa: ANN001
    frame = at.dataframe[0].value
    return {row[t("admin.col.username", lang="en")]: row for _, row in frame.iterrows()}


def test_an_admin_resets_a_password_and_sees_the_one_time_password_once(demo_sqlite):
    at = open_page(logged_in("demo-admin", project="empact"), "administration")
    at.selectbox(key="account_member").set_value("demo-viewer")
    _click(at, "admin.account_reset")
    assert t("admin.account_reset_done", lang="en", username="demo-viewer") in [s.value for s in at.success]
    (shown,) = [c.value for c in at.code]
    assert sign_in("demo-viewer", shown, "ip:test").user.must_change_password
    assert _table(at)["demo-viewer"][t("admin.col.must_change", lang="en")] == t("common.yes", lang="en")
    at.run()  # an unrelated rerun keeps it (it used to vanish before it was copied)
    assert [c.value for c in at.code] == [shown]
    at.button(key="hide_one_time").click().run()
    assert not at.code  # hidden once noted, and never shown again
    at.run()
    assert not at.code


def test_an_admin_deactivates_and_reactivates_an_account(demo_sqlite):
    at = open_page(logged_in("demo-admin", project="empact"), "administration")
    at.selectbox(key="account_member").set_value("demo-coordinator")
    _click(at, "admin.account_deactivate")
    assert _table(at)["demo-coordinator"][t("admin.col.active", lang="en")] == t("common.no", lang="en")
    assert sign_in("demo-coordinator", PASSWORD, "ip:test").outcome is Outcome.wrong
    at.selectbox(key="account_member").set_value("demo-coordinator")
    _click(at, "admin.account_reactivate")
    assert _table(at)["demo-coordinator"][t("admin.col.active", lang="en")] == t("common.yes", lang="en")


def test_an_admin_cannot_deactivate_themself_and_is_told_why(demo_sqlite):
    at = open_page(logged_in("demo-admin", project="empact"), "administration")
    at.selectbox(key="account_member").set_value("demo-admin")
    _click(at, "admin.account_deactivate")
    assert [e.value for e in at.error] == [t("error.own_account", lang="en")]
    assert actor_for("demo-admin", "empact").role == "admin"


def test_an_invitation_from_the_add_form_shows_the_one_time_password(demo_sqlite):
    at = open_page(logged_in("demo-admin", project="empact"), "administration")
    at.checkbox(key="add_new_account").check()
    at.text_input(key="add_username").input("invited")
    _click(at, "admin.add_submit")
    (shown,) = [c.value for c in at.code]
    assert sign_in("invited", shown, "ip:test").user.must_change_password


def test_a_password_typed_for_an_existing_account_is_refused_under_the_username(demo_sqlite):
    at = open_page(logged_in("demo-admin", project="chronicopole"), "administration")
    at.text_input(key="add_username").input("demo-viewer")
    at.text_input(key="add_password").input("a brand new password")
    _click(at, "admin.add_submit")
    assert [e.value for e in at.error] == [t("error.user_exists", lang="en", username="demo-viewer")]
    assert sign_in("demo-viewer", PASSWORD, "ip:test").outcome is Outcome.signed_in


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_every_role_changes_its_own_password_on_my_account(demo_sqlite, role):
    username = USER_OF_ROLE[role]
    at = open_page(logged_in(username, project="empact"), "account")
    elsewhere = sign_in(username, PASSWORD, "ip:elsewhere").token
    at.text_input(key="own_current_password").input(PASSWORD)
    at.text_input(key="own_new_password").input("my brand new secret")
    at.text_input(key="own_repeat_password").input("my brand new secret")
    _click(at, "account.password_submit")
    assert t("account.password_changed", lang="en") in [s.value for s in at.success]
    assert sessions.touch(at.session_state[auth.SESSION_TOKEN]) is not None  # this browser stays
    assert sessions.touch(elsewhere) is None  # the others end
    assert sign_in(username, "my brand new secret", "ip:test").outcome is Outcome.signed_in
    # Only admins see the account administration.
    assert ("administration" in {p.key for p in visible_pages(role)}) == (role == "admin")


def test_a_refused_new_password_says_why(demo_sqlite):
    at = open_page(logged_in("demo-viewer", project="empact"), "account")
    at.text_input(key="own_current_password").input(PASSWORD)
    at.text_input(key="own_new_password").input("password1234")
    at.text_input(key="own_repeat_password").input("password1234")
    _click(at, "account.password_submit")
    assert [e.value for e in at.error] == [t("error.password_common", lang="en")]


def test_log_out_everywhere_from_my_account(demo_sqlite):
    elsewhere = sign_in("demo-academic", PASSWORD, "ip:elsewhere").token
    at = open_page(logged_in("demo-academic", project="empact"), "account")
    at.button(key=auth.LOGOUT_EVERYWHERE_KEY).click().run()
    assert not at.exception
    assert [w.key for w in at.text_input] == ["login_username", "login_password"]
    assert sessions.touch(elsewhere) is None


def test_a_one_time_password_leads_to_the_password_change_first(demo_sqlite):
    one_time = users.reset_password(None, "demo-coordinator")
    at = anonymous()
    at.text_input(key="login_username").input("demo-coordinator")
    at.text_input(key="login_password").input(one_time)
    at.button[0].click().run()
    assert t("account.must_change", lang="fr") in texts(at)
    assert "Chronicopôle" not in [title.value for title in at.title]  # nothing before the change
    at.text_input(key="own_current_password").input(one_time)
    at.text_input(key="own_new_password").input("a password of my own")
    at.text_input(key="own_repeat_password").input("a password of my own")
    at.button[[b.label for b in at.button].index(t("account.password_submit", lang="fr"))].click().run()
    assert not at.exception
    assert at.title[0].value == "Chronicopôle"


def test_the_admin_page_shows_the_audit_log_filters_it_and_downloads_it(demo_sqlite):
    sign_in("demo-viewer", "not the password", "ip:10.1.1.1")
    sign_in("demo-steering", PASSWORD, "ip:10.1.1.2")
    at = open_page(logged_in("demo-admin", project="empact"), "administration")
    assert t("audit.title", lang="en") in [s.value for s in at.subheader]
    audit_table = at.dataframe[-1].value
    events = list(audit_table[t("audit.col.event", lang="en")])
    assert t("audit.kind.login_failed", lang="en") in events and t("audit.kind.login", lang="en") in events
    at.multiselect(key="audit_kinds").select(audit_kind("login_failed")).run()
    audit_table = at.dataframe[-1].value
    assert set(audit_table[t("audit.col.event", lang="en")]) == {t("audit.kind.login_failed", lang="en")}
    assert list(audit_table[t("audit.col.subject", lang="en")]) == ["demo-viewer"]
    assert at.get("download_button")  # the CSV download is offered


def audit_kind(value: str):  # noqa: ANN201
    from dashboard.services.admin.audit import AuditKind

    return AuditKind(value)


@pytest.mark.parametrize("role", ["steering", "coordinator", "academic", "viewer"])
def test_no_other_role_reaches_the_audit_log_or_the_account_forms(demo_sqlite, role):
    from dashboard.navigation import page_path

    at = logged_in(USER_OF_ROLE[role], project="empact")
    with pytest.raises(ValueError):
        at.switch_page(page_path("administration"))
    at = open_page(logged_in(USER_OF_ROLE[role], project="empact"), "account")
    assert t("audit.title", lang="en") not in [s.value for s in at.subheader]
    assert not [s for s in at.selectbox if s.key == "account_member"]
