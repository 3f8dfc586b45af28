"""`python -m dashboard users ...`: accounts administered without SQL."""

import io
import sys

from dashboard.services.access import actor_for
from dashboard.services.admin.sessions import Outcome, sign_in
from tests.test_cli import run

PASSWORD = "livinglab-demo"


def _signs_in(username: str, password: str):  # noqa: ANN202
    return sign_in(username, password, "ip:cli-test")


def test_users_add_refuses_an_existing_user_and_changes_nothing(demo_sqlite, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("a brand new password\n"))
    code, out, err = run(capsys, "users", "add", "demo-admin", "--role", "viewer", "--project", "empact")
    assert code == 2 and "already exists" in err and "set-role" in err and err.count("\n") == 1
    assert out == ""
    assert actor_for("demo-admin", "empact").role == "admin"  # the only admin was not demoted
    assert _signs_in("demo-admin", PASSWORD).outcome is Outcome.signed_in  # nor its password changed


def test_users_set_role_and_the_last_admin(demo_sqlite, capsys):
    code, out, _ = run(
        capsys, "users", "set-role", "demo-viewer", "--project", "empact", "--role", "academic"
    )
    assert code == 0 and "demo-viewer is now academic in empact" in out
    assert actor_for("demo-viewer", "empact").role == "academic"
    code, out, _ = run(
        capsys, "users", "set-role", "demo-viewer", "--project", "chronicopole", "--role", "viewer"
    )
    assert code == 0 and actor_for("demo-viewer", "chronicopole").role == "viewer"  # a new membership
    code, _, err = run(capsys, "users", "set-role", "demo-admin", "--project", "empact", "--role", "viewer")
    assert code == 2 and "at least one administrator" in err
    assert actor_for("demo-admin", "empact").role == "admin"
    code, _, err = run(capsys, "users", "set-role", "nobody", "--project", "empact", "--role", "viewer")
    assert code == 2 and "nobody" in err


def test_users_add_invite_prints_a_one_time_password(demo_sqlite, capsys):
    code, out, _ = run(
        capsys, "users", "add", "newbie", "--role", "viewer", "--project", "empact", "--invite"
    )
    assert code == 0
    one_time = out.rsplit(": ", 1)[1].strip()
    assert _signs_in("newbie", one_time).user.must_change_password


def test_users_reset_password_deactivate_and_activate(demo_sqlite, capsys):
    code, out, _ = run(capsys, "users", "reset-password", "demo-viewer")
    assert code == 0
    one_time = out.rsplit(": ", 1)[1].strip()
    assert _signs_in("demo-viewer", PASSWORD).outcome is Outcome.wrong
    assert _signs_in("demo-viewer", one_time).user.must_change_password
    code, out, _ = run(capsys, "users", "list")
    assert "demo-viewer" in out and "(must change password)" in out

    assert run(capsys, "users", "deactivate", "demo-steering")[0] == 0
    assert _signs_in("demo-steering", PASSWORD).outcome is Outcome.wrong
    code, out, _ = run(capsys, "users", "list")
    assert [line for line in out.splitlines() if line.startswith("demo-steering")][0].endswith("(inactive)")
    assert run(capsys, "users", "activate", "demo-steering")[0] == 0
    assert _signs_in("demo-steering", PASSWORD).outcome is Outcome.signed_in

    code, _, err = run(capsys, "users", "deactivate", "demo-admin")  # the only admin of both projects
    assert code == 2 and "at least one administrator" in err
