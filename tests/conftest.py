"""Shared fixtures: databases (SQLite and PostgreSQL), the demo consortium, AppTest helpers.

Databases are built once per test session as templates (migrated; migrated + demo) and copied
for each test, so every test starts from a known state in milliseconds.

PostgreSQL: LIVINGLAB_TEST_POSTGRES_URL names a server (any database on it; tests create their
own). Without it, a throwaway cluster is started from the installed PostgreSQL binaries when
there are any. With LIVINGLAB_REQUIRE_POSTGRES=1 (CI) a missing server fails the tests instead
of skipping them; LIVINGLAB_REQUIRE_BROWSER=1 does the same for Chromium.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any app module reads them.
os.environ["LIVINGLAB_I18N_STRICT"] = "1"
os.environ["LIVINGLAB_BCRYPT_ROUNDS"] = "4"
os.environ["LIVINGLAB_COOKIE_KEY"] = "test-cookie-key-" + "x" * 40
os.environ["LIVINGLAB_LOG_KEY"] = "test-log-key-" + "y" * 40
os.environ.pop("LIVINGLAB_DATABASE_URL", None)

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from models.db import URL_VARIABLE, dispose_engines  # noqa: E402
from dashboard import clock

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
TODAY = clock.today()


def _use(url: str) -> None:
    dispose_engines()
    os.environ[URL_VARIABLE] = url


@pytest.fixture(autouse=True)
def _isolated_database_setting() -> Iterator[None]:
    """Every test starts with no database configured and leaves none behind."""
    yield
    dispose_engines()
    os.environ.pop(URL_VARIABLE, None)
    from dashboard.i18n import DEFAULT_LANGUAGE, set_language

    set_language(DEFAULT_LANGUAGE)
    # Pages cache reads under (project id, data version): right for one database per server,
    # wrong across the many databases of a test session.
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()


# ---------------------------------------------------------------- SQLite templates


@pytest.fixture(scope="session")
def sqlite_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from dashboard.services.admin.demo import load_demo
    from models import migrate

    folder = tmp_path_factory.mktemp("templates")
    empty = folder / "empty.db"
    _use(f"sqlite:///{empty}")
    migrate.upgrade()
    dispose_engines()
    demo = folder / "demo.db"
    shutil.copy(empty, demo)
    _use(f"sqlite:///{demo}")
    load_demo(today=TODAY)
    dispose_engines()
    os.environ.pop(URL_VARIABLE, None)
    return {"empty": empty, "demo": demo}


def _sqlite_copy(template: Path, tmp_path: Path) -> str:
    target = tmp_path / "livinglab.db"
    shutil.copy(template, target)
    return f"sqlite:///{target}"


# ---------------------------------------------------------------- PostgreSQL


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _postgres_binaries() -> Path | None:
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return candidate
    found = shutil.which("initdb")
    return Path(found).parent if found else None


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """Admin URL of a PostgreSQL server the tests may create databases on."""
    url = os.environ.get("LIVINGLAB_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    binaries = _postgres_binaries()
    if binaries is None:
        message = "no PostgreSQL server (set LIVINGLAB_TEST_POSTGRES_URL or install PostgreSQL)"
        if os.environ.get("LIVINGLAB_REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    data = Path(tempfile.mkdtemp(prefix="livinglab-pg-"))
    port = _free_port()
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(data, "postgres", "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    subprocess.run(
        [
            *run_as,
            str(binaries / "initdb"),
            "-D",
            str(data / "db"),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *run_as,
            str(binaries / "pg_ctl"),
            "-D",
            str(data / "db"),
            "-l",
            str(data / "log"),
            "-w",
            "-o",
            f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*run_as, str(binaries / "pg_ctl"), "-D", str(data / "db"), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(data, ignore_errors=True)


def _admin(server_url: str):  # noqa: ANN202
    return create_engine(server_url, isolation_level="AUTOCOMMIT")


def _database_url(server_url: str, name: str) -> str:
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_templates(postgres_server: str) -> dict[str, str]:
    from dashboard.services.admin.demo import load_demo
    from models import migrate

    suffix = uuid.uuid4().hex[:8]
    names = {"empty": f"ll_tpl_empty_{suffix}", "demo": f"ll_tpl_demo_{suffix}"}
    admin = _admin(postgres_server)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{names["empty"]}"'))
    _use(_database_url(postgres_server, names["empty"]))
    migrate.upgrade()
    dispose_engines()
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{names["demo"]}" TEMPLATE "{names["empty"]}"'))
    _use(_database_url(postgres_server, names["demo"]))
    load_demo(today=TODAY)
    dispose_engines()
    os.environ.pop(URL_VARIABLE, None)
    admin.dispose()
    return names


def _postgres_copy(server_url: str, template: str) -> Iterator[str]:
    name = f"ll_test_{uuid.uuid4().hex[:12]}"
    admin = _admin(server_url)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    try:
        yield _database_url(server_url, name)
    finally:
        dispose_engines()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# ---------------------------------------------------------------- what tests ask for

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _database(request: pytest.FixtureRequest, tmp_path: Path, kind: str) -> Iterator[str]:
    if request.param == "sqlite":
        url = _sqlite_copy(request.getfixturevalue("sqlite_templates")[kind], tmp_path)
        _use(url)
        yield url
        return
    server = request.getfixturevalue("postgres_server")
    templates = request.getfixturevalue("postgres_templates")
    for url in _postgres_copy(server, templates[kind]):
        _use(url)
        yield url


@pytest.fixture(params=BACKENDS)
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty database, on SQLite and on PostgreSQL."""
    yield from _database(request, tmp_path, "empty")


@pytest.fixture(params=BACKENDS)
def demo_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database holding the demo consortium, on SQLite and on PostgreSQL."""
    yield from _database(request, tmp_path, "demo")


@pytest.fixture
def demo_sqlite(sqlite_templates: dict[str, Path], tmp_path: Path) -> str:
    """The demo consortium on SQLite only (page tests, which exercise the UI, not the SQL)."""
    url = _sqlite_copy(sqlite_templates["demo"], tmp_path)
    _use(url)
    return url


@pytest.fixture
def empty_sqlite(sqlite_templates: dict[str, Path], tmp_path: Path) -> str:
    url = _sqlite_copy(sqlite_templates["empty"], tmp_path)
    _use(url)
    return url


def wait_for(predicate, timeout: float = 30.0, interval: float = 0.2) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False
