"""`python -m dashboard`: exit 0 on success, 2 on bad input with a one-line reason."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.services.access import cli_actor
from dashboard.cli import main
from dashboard.services.admin.projects import list_projects
from dashboard.services.admin.users import list_users

ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_then_demo_then_demo_again(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LIVINGLAB_DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.db'}")
    code, _, err = run(capsys, "projects", "list")
    assert code == 2 and "python -m dashboard init" in err and err.count("\n") == 1
    assert run(capsys, "init")[0] == 0
    code, out, _ = run(capsys, "demo", "--if-empty")
    assert code == 0 and "loaded demo project chronicopole" in out
    code, out, _ = run(capsys, "demo")
    assert code == 0 and "already present" in out
    code, out, _ = run(capsys, "demo", "--if-empty")
    assert code == 0 and "not loaded" in out
    code, out, _ = run(capsys, "projects", "list")
    assert out.splitlines() == ["chronicopole\tChronicopôle (demo)", "empact\tEMPACT (demo)"]


def test_projects_add(empty_sqlite, capsys):
    assert (
        run(
            capsys,
            "projects",
            "add",
            "zorgzaam-leuven",
            "--name",
            "Zorgzaam Leuven",
            "--population",
            "100000",
        )[0]
        == 0
    )
    assert [p.slug for p in list_projects()] == ["zorgzaam-leuven"]
    code, _, err = run(capsys, "projects", "add", "zorgzaam-leuven", "--name", "Again")
    assert code == 2 and "already exists" in err
    code, _, err = run(capsys, "projects", "add", "Bad Slug", "--name", "X")
    assert code == 2 and "Invalid project slug" in err and err.count("\n") == 1
    code, _, err = run(capsys, "projects", "add", "ok-slug")
    assert code == 2 and "--name" in err and err.count("\n") == 1


def test_users_add_reads_the_password_from_stdin(empty_sqlite, capsys, monkeypatch):
    import io

    run(capsys, "projects", "add", "leuven", "--name", "Zorgzaam Leuven")
    monkeypatch.setattr(sys, "stdin", io.StringIO("a good password\n"))
    code, out, _ = run(capsys, "users", "add", "ana", "--role", "coordinator", "--project", "leuven")
    assert code == 0 and "created user ana" in out
    assert [(u.username, u.memberships) for u in list_users()] == [("ana", (("leuven", "coordinator"),))]
    code, out, _ = run(capsys, "users", "list")
    assert "ana" in out and "leuven:coordinator" in out


@pytest.mark.parametrize(
    "args,expected",
    [
        (["users", "add", "bob", "--role", "boss", "--project", "leuven"], "invalid choice"),
        (["users", "add", "bob", "--role", "viewer", "--project", "nowhere"], "Unknown project"),
        (["users", "add", "Bob!", "--role", "viewer", "--project", "leuven"], "Invalid username"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_users_add_refuses_bad_input(empty_sqlite, capsys, monkeypatch, args, expected):
    import io

    run(capsys, "projects", "add", "leuven", "--name", "Zorgzaam Leuven")
    monkeypatch.setattr(sys, "stdin", io.StringIO("a good password\n"))
    code, _, err = run(capsys, *args)
    assert code == 2
    assert expected in err and err.count("\n") == 1


def test_short_password_is_refused(empty_sqlite, capsys, monkeypatch):
    import io

    run(capsys, "projects", "add", "leuven", "--name", "Zorgzaam Leuven")
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    code, _, err = run(capsys, "users", "add", "bob", "--role", "viewer", "--project", "leuven")
    assert code == 2 and "at least 12" in err
    assert list_users() == []


def test_decisions_verify_exit_codes(demo_sqlite, capsys):
    code, out, _ = run(capsys, "decisions", "verify", "--project", "empact")
    assert code == 0 and "intact" in out
    from sqlalchemy import text

    from models.db import get_engine

    with get_engine().begin() as connection:
        connection.execute(
            text(
                "UPDATE decision SET outcome = 'go' WHERE sequence = 3 AND "
                "project_id = (SELECT id FROM project WHERE slug = 'empact')"
            )
        )
    code, out, _ = run(capsys, "decisions", "verify", "--project", "empact")
    assert code == 1 and "Entry no. 3 has been changed" in out


def test_decisions_verify_with_a_short_log_key_says_so(demo_sqlite, capsys, monkeypatch):
    monkeypatch.setenv("LIVINGLAB_LOG_KEY", "short")
    code, _, err = run(capsys, "decisions", "verify", "--project", "empact")
    assert code == 2 and "LIVINGLAB_LOG_KEY must be at least 32 bytes" in err


def test_decisions_verify_names_the_deleted_tail_in_the_language_asked(demo_sqlite, capsys):
    from sqlalchemy import text

    from models.db import get_engine

    empact = "(SELECT id FROM project WHERE slug = 'empact')"
    with get_engine().begin() as connection:
        total = connection.execute(
            text(f"SELECT count(*) FROM decision WHERE project_id = {empact}")
        ).scalar()
        newest = f"SELECT id FROM decision WHERE project_id = {empact} AND sequence > {total - 2}"
        for statement in (
            f"DELETE FROM action_change WHERE decision_id IN ({newest})",
            f"DELETE FROM decision_condition_review WHERE decision_id IN ({newest})",
            f"UPDATE decision SET supersedes_id = NULL WHERE supersedes_id IN ({newest})",
            f"DELETE FROM decision WHERE id IN ({newest})",
        ):
            connection.execute(text(statement))
    code, out, _ = run(capsys, "decisions", "verify", "--project", "empact")
    assert code == 1
    assert f"2 entries missing after no. {total - 2}" in out
    code, out, _ = run(capsys, "decisions", "verify", "--project", "empact", "--lang", "nl")
    assert code == 1 and f"2 items ontbreken na nr. {total - 2}" in out


def test_decisions_anchor_then_verify_with_it_after_the_tail_is_cut(demo_sqlite, capsys):
    """The committee writes the anchor in its minutes; later the newest entries are deleted and
    the end of the log put back as it was before them (kept from earlier): verify alone says
    intact, verify --anchor does not, in the language asked."""
    from sqlalchemy import text

    from models.db import get_engine

    empact = "(SELECT id FROM project WHERE slug = 'empact')"
    with get_engine().begin() as connection:
        total = connection.execute(
            text(f"SELECT count(*) FROM decision WHERE project_id = {empact}")
        ).scalar()
        newest = f"SELECT id FROM decision WHERE project_id = {empact} AND sequence = {total}"
        kept_head = connection.execute(
            text(
                f"SELECT entries, last_mac, reviews, last_review_mac, mac FROM decision_log_head WHERE project_id = {empact}"
            )
        ).one()
    # The head as it stood before the newest entry: recorded by an attacker earlier.
    with get_engine().begin() as connection:
        previous = connection.execute(
            text(f"SELECT entry_hash FROM decision WHERE project_id = {empact} AND sequence = {total - 1}")
        ).scalar()
    from dashboard.services.admin.projects import get_project
    from models import log_seal
    from models.log_key import log_key

    project_id = get_project("empact").id
    earlier_mac = log_seal.head_mac(
        log_key(), project_id, total - 1, previous, kept_head.reviews, kept_head.last_review_mac
    )
    code, out, err = run(capsys, "decisions", "anchor", "--project", "empact", "--lang", "fr")
    anchor = out.strip()
    assert code == 0 and anchor.startswith(f"{total}-") and "procès-verbal" in err
    code, out, _ = run(capsys, "decisions", "verify", "--project", "empact", "--anchor", anchor)
    assert code == 0 and f"still holds what the anchor {anchor} sealed" in out
    with get_engine().begin() as connection:
        for statement in (
            f"DELETE FROM action_change WHERE decision_id IN ({newest})",
            f"UPDATE decision SET supersedes_id = NULL WHERE supersedes_id IN ({newest})",
            f"DELETE FROM decision_condition_review WHERE decision_id IN ({newest})",
            f"DELETE FROM decision WHERE id IN ({newest})",
        ):
            connection.execute(text(statement))
        connection.execute(
            text(
                f"UPDATE decision_log_head SET entries = :e, last_mac = :m, mac = :h WHERE project_id = {empact}"
            ),
            {"e": total - 1, "m": previous, "h": earlier_mac},
        )
    code, out, _ = run(capsys, "decisions", "verify", "--project", "empact")
    assert code == 0  # the head alone cannot tell: that is what the anchor is for
    code, out, _ = run(
        capsys, "decisions", "verify", "--project", "empact", "--anchor", anchor, "--lang", "nl"
    )
    assert code == 1
    assert f"Het anker {anchor} telt 1 item meer dan het logboek, dat stopt bij nr. {total - 1}" in out
    code, _, err = run(capsys, "decisions", "verify", "--project", "empact", "--anchor", "13-3f9a")
    assert code == 2 and "is not an anchor" in err


def test_the_module_runs_as_a_program(tmp_path):
    env = dict(os.environ, LIVINGLAB_DATABASE_URL=f"sqlite:///{tmp_path / 'p.db'}")
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "init"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "projects", "add", "x y", "--name", "X"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


DATA = ROOT / "tests" / "data" / "actions"


def test_import_actions_dry_run_then_import_then_again(empty_sqlite, capsys):
    run(capsys, "projects", "add", "leuven", "--name", "Zorgzaam Leuven")
    from dashboard.services.actions.portfolio import actions_frame

    simple = str(DATA / "utf8-bom.csv")
    code, out, _ = run(capsys, "import", "actions", simple, "--project", "leuven", "--dry-run")
    assert code == 0 and "new actions: 1" in out and "dry run" in out
    assert actions_frame(cli_actor("leuven")).height == 0
    code, out, _ = run(capsys, "import", "actions", simple, "--project", "leuven")
    assert code == 0 and "imported" in out
    code, out, _ = run(capsys, "import", "actions", simple, "--project", "leuven")
    assert code == 0 and "nothing to change" in out


def test_import_actions_bad_file_exit_2_with_every_problem(empty_sqlite, capsys):
    run(capsys, "projects", "add", "leuven", "--name", "Zorgzaam Leuven")
    code, out, err = run(capsys, "import", "actions", str(DATA / "bad-many.csv"), "--project", "leuven")
    assert code == 2
    lines = err.strip().splitlines()
    assert lines[0].startswith("bad-many.csv: refused, 4 problems")
    assert "bad-many.csv, line 2, column end: the end is before the start" in lines[1]
    assert "line 3, column status: unknown status" in lines[2]
    assert "(value: 'unknown')" in lines[2]


def test_import_actions_missing_file(empty_sqlite, capsys):
    run(capsys, "projects", "add", "leuven", "--name", "Zorgzaam Leuven")
    code, _, err = run(capsys, "import", "actions", "/nowhere.csv", "--project", "leuven")
    assert code == 2 and "no such file" in err


def test_export_actions_writes_the_import_format(demo_sqlite, capsys, tmp_path):
    target = tmp_path / "plan.xlsx"
    code, _, _ = run(
        capsys, "export", "actions", "--project", "empact", "--format", "xlsx", "-o", str(target)
    )
    assert code == 0
    import polars as pl

    frame = pl.read_excel(target, infer_schema_length=0)
    assert frame.columns[:2] == ["code", "title"] and "care_regions" in frame.columns
    code, out, _ = run(capsys, "import", "actions", str(target), "--project", "empact")
    assert code == 0 and "nothing to change" in out


def test_query_prints_csv_of_the_catalogue_and_refuses_other_tables_in_one_line(demo_sqlite, capsys):
    code, out, _ = run(
        capsys,
        "query",
        "--project",
        "chronicopole",
        "--user",
        "demo-academic",
        "SELECT outcome, COUNT(*) AS n FROM decisions GROUP BY outcome ORDER BY outcome",
    )
    assert code == 0
    rows = out.lstrip("\ufeff").strip().splitlines()
    assert rows[0] == "outcome,n" and len(rows) > 2
    assert sum(int(r.split(",")[1]) for r in rows[1:]) >= 5

    for sql in ("SELECT * FROM app_user", "SELECT FROM WHERE", "DELETE FROM decisions"):
        code, out, err = run(capsys, "query", "--project", "chronicopole", "--user", "demo-academic", sql)
        assert code == 2, sql
        assert out == "" and len(err.strip().splitlines()) == 1, sql

    code, _, err = run(
        capsys, "query", "--project", "empact", "--user", "demo-viewer", "SELECT * FROM actions"
    )
    assert code == 2 and len(err.strip().splitlines()) == 1
