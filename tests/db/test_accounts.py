"""Accounts without SQL: the password policy, invitations and one-time passwords, password
changes, deactivation (never deletion), and the last admin who cannot leave."""

import pytest

from dashboard.errors import InvalidInput, NotFound, PermissionDenied
from dashboard.services.admin import sessions
from dashboard.services.admin import users
from dashboard.services.access import actor_for
from dashboard.services.admin.projects import create_project
from dashboard.services.admin.sessions import Outcome, sign_in

PASSWORD = "livinglab-demo"


def _signs_in(username: str, password: str) -> bool:
    return sign_in(username, password, "ip:test").outcome is Outcome.signed_in


@pytest.mark.parametrize(
    "password,key",
    [
        ("password", "error.password_too_short"),
        ("12345678", "error.password_too_short"),
        (" " * 8, "error.password_too_short"),
        (" " * 12, "error.password_common"),
        ("aaaaaaaaaaaaaaaa", "error.password_common"),
        ("password1234", "error.password_common"),  # in the shipped list
        ("Password1234", "error.password_common"),  # case does not help
        ("1q2w3e4r5t6y7u8i9o0p", "error.password_common"),
        ("ana-from-leuven", "error.password_is_username"),
        ("ANA-FROM-LEUVEN", "error.password_is_username"),
        ("é" * 40, "error.password_too_long"),
    ],
)
def test_the_password_policy(empty_db, password, key):
    with pytest.raises(InvalidInput) as refused:
        users.create_user("ana-from-leuven", password)
    assert refused.value.key == key
    assert not users.user_exists("ana-from-leuven")


def test_the_common_list_is_shipped_and_large_enough():
    common = users.common_passwords()
    assert len(common) > 5000
    assert {"password", "12345678", "qwertyuiop"} <= common


def test_spaces_around_a_password_are_kept_and_it_logs_in_exactly(empty_db):
    users.create_user("ana", "  my spaced passphrase  ")
    assert _signs_in("ana", "  my spaced passphrase  ")
    assert not _signs_in("ana", "my spaced passphrase")


def test_the_demo_password_meets_the_policy(demo_db):
    users.check_password_policy(PASSWORD, "demo-admin")
    assert _signs_in("demo-admin", PASSWORD)


def test_adding_an_existing_account_with_a_password_is_refused_and_changes_nothing(demo_db):
    admin = actor_for("demo-admin", "empact")
    with pytest.raises(InvalidInput) as refused:
        users.add_member(admin, "demo-viewer", "admin", password="a brand new password")
    assert refused.value.key == "error.user_exists"
    assert _signs_in("demo-viewer", PASSWORD)
    assert actor_for("demo-viewer", "empact").role == "viewer"


def test_adding_an_existing_member_again_does_not_change_the_role(demo_db):
    admin = actor_for("demo-admin", "empact")
    with pytest.raises(InvalidInput) as refused:
        users.add_member(admin, "demo-viewer", "admin")
    assert refused.value.key == "error.already_member"
    assert actor_for("demo-viewer", "empact").role == "viewer"


def test_an_invitation_gives_a_one_time_password_to_change_at_the_first_login(demo_db):
    admin = actor_for("demo-admin", "empact")
    one_time = users.add_member(admin, "newbie", "viewer", new_account=True)
    users.check_password_policy(one_time, "newbie")
    result = sign_in("newbie", one_time, "ip:test")
    assert result.outcome is Outcome.signed_in and result.user.must_change_password
    users.change_own_password("newbie", one_time, "my own long secret", keep_token=result.token)
    assert not sessions.touch(result.token).must_change_password
    assert not _signs_in("newbie", one_time)
    assert _signs_in("newbie", "my own long secret")


def test_a_password_chosen_by_an_admin_must_be_changed_too(demo_db):
    users.add_member(actor_for("demo-admin", "empact"), "newbie", "viewer", password="chosen by the admin")
    assert sign_in("newbie", "chosen by the admin", "ip:test").user.must_change_password


def test_a_reset_ends_every_session_and_gives_a_one_time_password(demo_db):
    token = sign_in("demo-viewer", PASSWORD, "ip:test").token
    one_time = users.reset_password(actor_for("demo-admin", "empact"), "demo-viewer")
    assert sessions.touch(token) is None
    assert not _signs_in("demo-viewer", PASSWORD)
    assert sign_in("demo-viewer", one_time, "ip:test").user.must_change_password


def test_changing_one_s_password_ends_the_other_sessions_only(demo_db):
    here = sign_in("demo-academic", PASSWORD, "ip:test").token
    elsewhere = sign_in("demo-academic", PASSWORD, "ip:other").token
    with pytest.raises(InvalidInput) as refused:
        users.change_own_password("demo-academic", "not my password", "a new long password", keep_token=here)
    assert refused.value.key == "error.wrong_current_password"
    with pytest.raises(InvalidInput):
        users.change_own_password("demo-academic", PASSWORD, "password1234", keep_token=here)
    users.change_own_password("demo-academic", PASSWORD, "a new long password", keep_token=here)
    assert sessions.touch(here) is not None
    assert sessions.touch(elsewhere) is None


def test_a_deactivated_account_keeps_its_name_and_its_sessions_end(demo_db):
    from sqlmodel import select

    from models.db import session_scope
    from models.tables import User

    token = sign_in("demo-steering", PASSWORD, "ip:test").token
    users.deactivate_user(actor_for("demo-admin", "empact"), "demo-steering")
    assert sessions.touch(token) is None
    assert not _signs_in("demo-steering", PASSWORD)
    with session_scope() as session:
        assert session.exec(select(User).where(User.username == "demo-steering")).one().display_name
    assert [u.is_active for u in users.list_users() if u.username == "demo-steering"] == [False]
    users.reactivate_user(actor_for("demo-admin", "empact"), "demo-steering")
    assert _signs_in("demo-steering", PASSWORD)


def test_the_last_admin_cannot_demote_remove_or_deactivate_themself(demo_db):
    admin = actor_for("demo-admin", "empact")
    for attempt in (
        lambda: users.change_member_role(admin, "demo-admin", "viewer"),
        lambda: users.set_project_role(admin, "demo-admin", "viewer"),
        lambda: users.remove_member(admin, "demo-admin"),
        lambda: users.deactivate_user(None, "demo-admin"),
    ):
        with pytest.raises(InvalidInput) as refused:
            attempt()
        assert refused.value.key == "error.last_admin"
    # A deactivated second admin administers nothing: still the last one.
    users.add_member(admin, "second-admin", "admin", password="another long secret")
    users.deactivate_user(admin, "second-admin")
    with pytest.raises(InvalidInput):
        users.change_member_role(admin, "demo-admin", "viewer")
    assert actor_for("demo-admin", "empact").role == "admin"


def test_an_admin_cannot_deactivate_or_reset_their_own_account_or_one_of_another_project(demo_db):
    create_project("leuven", "Zorgzaam Leuven")
    users.create_user("leuven-admin", "leuven admin secret")
    users.set_membership("leuven-admin", "leuven", "admin")
    users.set_membership("demo-viewer", "leuven", "viewer")  # in EMPACT and Leuven
    empact_admin = actor_for("demo-admin", "empact")
    with pytest.raises(InvalidInput):
        users.deactivate_user(empact_admin, "demo-admin")
    with pytest.raises(PermissionDenied):
        users.deactivate_user(empact_admin, "demo-viewer")
    with pytest.raises(PermissionDenied):
        users.reset_password(empact_admin, "demo-viewer")
    with pytest.raises(NotFound):  # not a member of EMPACT
        users.reset_password(empact_admin, "leuven-admin")
    assert _signs_in("demo-viewer", PASSWORD)


def test_only_admins_manage_accounts(demo_db):
    for username in ("demo-steering", "demo-coordinator", "demo-academic"):
        actor = actor_for(username, "empact")
        for attempt in (
            lambda actor=actor: users.deactivate_user(actor, "demo-viewer"),
            lambda actor=actor: users.reset_password(actor, "demo-viewer"),
            lambda actor=actor: users.set_project_role(actor, "demo-viewer", "admin"),
            lambda actor=actor: users.add_member(actor, "newbie", "viewer", new_account=True),
        ):
            with pytest.raises(PermissionDenied):
                attempt()
    assert _signs_in("demo-viewer", PASSWORD)


def test_guessing_the_current_password_counts_as_failed_logins(demo_db):
    token = sign_in("demo-academic", PASSWORD, "ip:test").token
    for _ in range(5):
        with pytest.raises(InvalidInput):
            users.change_own_password("demo-academic", "a guess", "a new long password", keep_token=token)
    with pytest.raises(InvalidInput) as refused:
        users.change_own_password("demo-academic", PASSWORD, "a new long password", keep_token=token)
    assert refused.value.key == "error.password_attempts_locked"
    assert sign_in("demo-academic", PASSWORD, "ip:other").outcome is Outcome.locked
