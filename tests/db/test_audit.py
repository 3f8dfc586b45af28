"""The audit log: every sign-in event, account and role change, import, export and correction
is recorded with who, when and what; the table refuses UPDATE and DELETE; a project admin reads
the project's events and its members' account events only."""

import csv
import io

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from dashboard.errors import PermissionDenied
from dashboard.services.admin import audit
from dashboard.services.admin import sessions
from dashboard.services.admin import users
from dashboard.services.access import actor_for, cli_actor
from dashboard.services.admin.audit import AuditFilter
from dashboard.services.admin.projects import create_project
from dashboard.services.admin.sessions import sign_in
from models.db import get_engine
from tests.test_cli import run
from dashboard import clock

PASSWORD = "livinglab-demo"


def _events(actor_name: str = "demo-admin", project: str = "empact", **filters) -> list[dict]:  # noqa: ANN003
    return audit.project_events(actor_for(actor_name, project), AuditFilter(**filters)).to_dicts()


def test_sign_in_events_name_who_when_and_from_where(demo_db):
    sign_in("demo-viewer", "not the password", "ip:10.0.0.1")
    for _ in range(5):
        sign_in("demo-steering", "not the password", "ip:10.0.0.2")
    sign_in("demo-steering", PASSWORD, "ip:10.0.0.3")  # locked out
    token = sign_in("demo-viewer", PASSWORD, "ip:10.0.0.1").token
    sessions.end_session(token)
    sessions.end_all_sessions("demo-academic")
    events = [(e["event"], e["actor"], e["subject"], e["client"]) for e in reversed(_events())]
    assert events == [
        ("login_failed", "", "demo-viewer", "ip:10.0.0.1"),
        *[("login_failed", "", "demo-steering", "ip:10.0.0.2")] * 5,
        ("login_locked", "", "demo-steering", "ip:10.0.0.3"),
        ("login", "demo-viewer", "demo-viewer", "ip:10.0.0.1"),
        ("logout", "demo-viewer", "demo-viewer", "ip:10.0.0.1"),
        ("logout_everywhere", "demo-academic", "demo-academic", ""),
    ]
    assert all(e["at"] is not None for e in _events())
    assert "reason=wrong password" in _events(kinds=("login_failed",))[-1]["detail"]


def test_account_and_role_changes_are_recorded(demo_db):
    admin = actor_for("demo-admin", "empact")
    one_time = users.add_member(admin, "newbie", "viewer", new_account=True)
    users.change_member_role(admin, "newbie", "academic")
    users.reset_password(admin, "newbie")
    users.deactivate_user(admin, "newbie")
    users.reactivate_user(admin, "newbie")
    users.remove_member(admin, "newbie")
    users.change_own_password("demo-viewer", PASSWORD, "a new long password")
    events = [(e["event"], e["actor"], e["subject"]) for e in reversed(_events())]
    assert events == [
        ("account_created", "demo-admin", "newbie"),
        ("member_added", "demo-admin", "newbie"),
        ("role_changed", "demo-admin", "newbie"),
        ("password_reset", "demo-admin", "newbie"),
        ("account_deactivated", "demo-admin", "newbie"),
        ("account_reactivated", "demo-admin", "newbie"),
        ("member_removed", "demo-admin", "newbie"),
        ("password_changed", "demo-viewer", "demo-viewer"),
    ]
    assert "from=viewer; to=academic" in _events(kinds=("role_changed",))[0]["detail"]
    assert one_time not in str(_events())  # never a password


def test_an_import_and_an_export_are_recorded(demo_db, tmp_path, capsys):
    from dashboard.services.actions import plan_import
    from models.db import session_scope
    from models.tables import CareRegion, Partner
    from tests.db.test_plan_import import file

    project = create_project("leuven", "Zorgzaam Leuven")
    with session_scope() as session:
        for code, name in (("CTR", "Centrum"), ("KES", "Kessel-Lo"), ("HEV", "Heverlee")):
            session.add(CareRegion(project_id=project.id, code=code, name=name))
        session.add(Partner(project_id=project.id, name="Huisartsenkring Leuven", category="first_line"))
    users.set_membership("demo-admin", "leuven", "admin")
    plan_import.apply_plan_import(cli_actor("leuven"), *file("good.csv"))
    assert run(capsys, "export", "actions", "--project", "leuven", "-o", str(tmp_path / "a.csv"))[0] == 0
    events = _events(project="leuven", kinds=("data_import", "data_export"))
    assert [(e["event"], e["actor"]) for e in reversed(events)] == [
        ("data_import", "cli"),
        ("data_export", "cli"),
    ]
    assert "file=good.csv" in events[1]["detail"] and "what=actions" in events[0]["detail"]
    assert _events(project="empact", kinds=("data_import",)) == []  # another project's import


def test_the_table_refuses_updates_and_deletions(demo_db):
    sign_in("demo-viewer", "not the password", "ip:1")
    for statement in ("UPDATE audit_event SET actor = 'someone'", "DELETE FROM audit_event"):
        with pytest.raises(DBAPIError, match="append-only"):
            with get_engine().begin() as connection:
                connection.execute(text(statement))
    assert len(_events()) == 1


def test_an_admin_reads_only_the_project_s_events_and_its_members_accounts(demo_db):
    create_project("leuven", "Zorgzaam Leuven")
    users.create_user("leuven-admin", "leuven admin secret")
    users.set_membership("leuven-admin", "leuven", "admin")
    sign_in("leuven-admin", "leuven admin secret", "ip:1")  # not a member of EMPACT
    sign_in("nobody-at-all", "whatever password", "ip:1")  # an unknown username
    sign_in("demo-viewer", PASSWORD, "ip:1")
    subjects = {e["subject"] for e in _events()}
    assert "demo-viewer" in subjects
    assert "leuven-admin" not in subjects and "nobody-at-all" not in subjects
    for username in ("demo-steering", "demo-coordinator", "demo-academic", "demo-viewer"):
        with pytest.raises(PermissionDenied):
            audit.project_events(actor_for(username, "empact"))


def test_filters(demo_db):
    sign_in("demo-viewer", PASSWORD, "ip:1")
    sign_in("demo-steering", "not the password", "ip:1")
    assert {e["subject"] for e in _events(user="STEER")} == {"demo-steering"}
    assert {e["event"] for e in _events(kinds=("login",))} == {"login"}
    import datetime as dt

    assert _events(until=dt.date(2000, 1, 1)) == []
    assert len(_events(since=clock.today())) == 2


def test_cli_audit_export_writes_every_event_as_csv(demo_db, tmp_path, capsys):
    sign_in("demo-viewer", PASSWORD, "ip:1")
    sign_in("=cmd|' /C calc'!A0", "not the password", "ip:1")  # a formula as a username
    target = tmp_path / "audit.csv"
    code, out, _ = run(capsys, "audit", "export", "-o", str(target))
    assert code == 0 and "2 events" in out
    rows = list(csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    assert [r["event"] for r in rows] == ["login_failed", "login"]
    assert rows[0]["subject"].startswith("'=")  # neutralised for spreadsheets
    assert list(rows[0]) == ["at", "actor", "event", "subject", "project", "detail", "client"]


def test_a_decision_correction_is_recorded(demo_db):
    from dashboard.services.governance import decisions as governance
    from dashboard.services.governance.decisions import DecisionInput
    from tests.db.test_governance import action, decide

    steering = actor_for("demo-steering", "chronicopole")
    first = decide(steering, "3.1.2", "go", rationale="Launch now.")
    assert _events(project="chronicopole", kinds=("correction",)) == []  # a decision is not one
    governance.record_decision(
        steering,
        DecisionInput(
            action(steering, "3.1.2")["id"],
            "go",
            "Launch now, really.",
            supersedes_id=first,
            correction_reason="Misrecorded.",
        ),
    )
    (event,) = _events(project="chronicopole", kinds=("correction",))
    assert event["actor"] == "demo-steering" and "what=decision" in event["detail"]


def test_a_download_made_in_the_app_is_recorded_when_clicked(demo_sqlite, monkeypatch):
    """The survey results, a table and a chart's image: each file is made when its button is
    clicked, and that is when the audit log records the export (not when the page is shown)."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    from tests.pages.apptest import logged_in, open_page

    made: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def keep(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):  # noqa: ANN001, ANN202
        made[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    open_page(logged_in("demo-academic", project="empact"), "surveys")
    assert _events(project="empact", kinds=("data_export",)) == []  # shown, not yet clicked
    for name in ("survey-results.csv", "survey-results.xlsx"):
        assert made[name]()  # the click
    events = _events(project="empact", kinds=("data_export",))
    assert [(e["actor"], e["detail"]) for e in reversed(events)] == [
        ("demo-academic", "what=survey-results; format=csv"),
        ("demo-academic", "what=survey-results; format=xlsx"),
    ]
