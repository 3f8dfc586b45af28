"""A real Streamlit server on a copy of the demo database, and headless Chromium to drive it.

Chromium comes from the system (/usr/bin/chromium, Debian's package). Without it the browser
tests are skipped, unless LIVINGLAB_REQUIRE_BROWSER=1 (CI), where they fail instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard.i18n import t
from tests.conftest import ARTIFACTS, ROOT, _free_port, wait_for

# The machines are shared and noisy: give pages time to render before calling them missing.
expect.set_options(timeout=20_000)

CHROMIUM = os.environ.get("LIVINGLAB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PASSWORD = "livinglab-demo"


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture
def start_server(sqlite_templates: dict[str, Path], tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Starts a fresh server on a copy of the demo database; returns its base URL."""
    processes: list[subprocess.Popen] = []

    def start() -> str:
        database = tmp_path / f"server-{len(processes)}.db"
        shutil.copy(sqlite_templates["demo"], database)
        port = _free_port()
        env = dict(os.environ, LIVINGLAB_DATABASE_URL=f"sqlite:///{database}")
        log = open(tmp_path / f"server-{len(processes)}.log", "w")  # noqa: SIM115
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "dashboard/app.py",
                "--server.port",
                str(port),
                "--server.headless",
                "true",
                "--server.fileWatcherType",
                "none",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        processes.append(process)
        url = f"http://localhost:{port}"
        assert wait_for(lambda: _healthy(url), timeout=60), "server did not start"
        return url

    yield start
    for process in processes:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        message = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("LIVINGLAB_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):  # noqa: ANN001, ANN201
    context = chromium.new_context(viewport={"width": 1920, "height": 1080}, locale="fr-BE")
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def screenshot(page, name: str) -> Path:  # noqa: ANN001
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


# ---------------------------------------------------------------- what every browser test does


def log_in(page: Page, base: str, username: str, path: str = "") -> None:
    page.goto(f"{base}/{path}")
    page.get_by_label(t("auth.username", lang="fr")).fill(username)
    page.get_by_label(t("auth.password", lang="fr")).fill(PASSWORD)
    page.get_by_role("button", name=t("auth.submit", lang="fr")).click()


def remembered(page: Page) -> None:
    """Wait until the browser holds the login cookie: the app sets it in the runs after a login,
    and a full page load before that shows the login form again (as it would to a user who
    reloads within a second of logging in)."""
    from dashboard.auth import COOKIE_NAME

    for _ in range(150):
        if any(c["name"] == COOKIE_NAME for c in page.context.cookies()):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"no {COOKIE_NAME} cookie 15 s after logging in")


def settle(page: Page) -> None:
    """Wait until the script run is over (no "Running" indicator) and charts have drawn."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000
    )
    maps = page.locator("[data-testid='stDeckGlJsonChart']")
    if maps.count():
        maps.first.locator("canvas").first.wait_for(timeout=30_000)
        page.wait_for_timeout(1500)  # deck.gl draws on the next frames
    page.wait_for_timeout(800)


def charts_drawn(page: Page, count: int) -> None:
    """Wait until `count` Vega charts have drawn (vega-embed puts a canvas or an svg)."""
    page.wait_for_function(
        "n => document.querySelectorAll('.vega-embed canvas, .vega-embed svg.marks').length >= n",
        arg=count,
        timeout=30_000,
    )


def no_error(page: Page) -> None:
    """No exception box and no traceback on the page: users never see a stack trace."""
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
    expect(page.get_by_text(re.compile("Traceback|Error:"))).to_have_count(0)
