"""`python -m dashboard`: exit 0 on success, 2 on bad input with a one-line reason."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.services.projects import list_projects
from dashboard.services.users import list_users

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
    assert run(capsys, "projects", "add", "zorgzaam-leuven", "--name", "Zorgzaam Leuven",
               "--population", "100000")[0] == 0
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
    code, out, _ = run(capsys, "users", "add", "ana", "--role", "coordinator", "--project",
                       "leuven")
    assert code == 0 and "created user ana" in out
    assert [(u.username, u.memberships) for u in list_users()] == [
        ("ana", (("leuven", "coordinator"),))]
    code, out, _ = run(capsys, "users", "list")
    assert "ana" in out and "leuven:coordinator" in out


@pytest.mark.parametrize("args,expected", [
    (["users", "add", "bob", "--role", "boss", "--project", "leuven"], "invalid choice"),
    (["users", "add", "bob", "--role", "viewer", "--project", "nowhere"], "Unknown project"),
    (["users", "add", "Bob!", "--role", "viewer", "--project", "leuven"], "Invalid username"),
    (["frobnicate"], "invalid choice"),
])
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
    assert code == 2 and "at least 8" in err
    assert list_users() == []


def test_decisions_verify_exit_codes(demo_sqlite, capsys):
    code, out, _ = run(capsys, "decisions", "verify", "--project", "empact")
    assert code == 0 and "intact" in out
    from sqlalchemy import text

    from models.db import get_engine

    with get_engine().begin() as connection:
        connection.execute(text("UPDATE decision SET outcome = 'go' WHERE sequence = 3 AND "
                                "project_id = (SELECT id FROM project WHERE slug = 'empact')"))
    code, out, _ = run(capsys, "decisions", "verify", "--project", "empact")
    assert code == 1 and "entry 3" in out


def test_the_module_runs_as_a_program(tmp_path):
    env = dict(os.environ, LIVINGLAB_DATABASE_URL=f"sqlite:///{tmp_path / 'p.db'}")
    result = subprocess.run([sys.executable, "-m", "dashboard", "init"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    result = subprocess.run([sys.executable, "-m", "dashboard", "projects", "add", "x y",
                             "--name", "X"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
