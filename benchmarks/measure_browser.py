"""(d) Peak memory of one server with concurrent browser sessions and (e) time until every chart
of a page is drawn, in headless Chromium (Playwright), on a copy of the run's database.

A real `streamlit run dashboard/app.py` server; every session logs in through the login form as
the steering user, picks the largest project in the sidebar and opens pages by the sidebar's
links, as a committee member does. Chromium runs under /tmp/livinglab-browser.lock (one
Chromium at a time on the shared machine).

(d) `sessions` browser contexts at once (one Chromium), each opening the Risk map, Surveys,
Indicators and Portfolio; the server's peak resident memory is its VmHWM (/proc/<pid>/status)
at the end, with VmRSS sampled every 0.2 s beside it.

(e) Per page, the time from the click on its link to: the URL is the page's, Streamlit's running
indicator is gone, no element of the previous run is left (data-stale), and every Vega chart
(`.vega-embed` canvas or svg) and deck.gl map (canvas) on the page is drawn. The first visit of
each page (the server's caches empty) is reported apart from the median of the next visits.
The map payload is the size of the pydeck JSON in the websocket message that carries the map
(a ForwardMsg, decoded with Streamlit's own protobuf classes).
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from benchmarks.harness import ROOT, Figure, peak_rss_mb, rss_mb

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
LOCK = Path("/tmp/livinglab-browser.lock")
SERVER_BUDGET_MB = 1024.0
DRAWN_BUDGET_MS = 2000.0
PAYLOAD_BUDGET_BYTES = 1_000_000
SESSION_PAGES = ("risk_map", "surveys", "indicators", "portfolio")
TIMEOUT_MS = 300_000  # a cold national page may take minutes on two shared cores
LANG = "fr"

DRAWN = """(path) => {
  if (!window.location.pathname.endsWith(path)) return false;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  if (!document.querySelector('[data-testid="stMain"] h1, [data-testid="stException"]'))
    return false;
  // Charts in a tab not shown are drawn only when the tab is opened: not waited for.
  const shown = e => e.checkVisibility();
  const vegas = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')].filter(shown);
  const decks = [...document.querySelectorAll('[data-testid="stDeckGlJsonChart"]')].filter(shown);
  return vegas.every(v => v.querySelector('.vega-embed canvas, .vega-embed svg.marks'))
    && decks.every(d => d.querySelector('canvas'));
}"""
CHARTS = """() => [
  [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
    .filter(e => e.checkVisibility()).length,
  [...document.querySelectorAll('[data-testid="stDeckGlJsonChart"]')]
    .filter(e => e.checkVisibility()).length,
  document.querySelectorAll('[data-testid="stException"]').length]"""


@contextlib.contextmanager
def browser_lock() -> Iterator[None]:
    """flock(1)'s lock on /tmp/livinglab-browser.lock, taken the same way (flock(2))."""
    with LOCK.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def server(database: str, port: int, log: Path) -> Iterator[tuple[subprocess.Popen, str]]:
    env = dict(os.environ, LIVINGLAB_DATABASE_URL=database)
    with log.open("w") as out:
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
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        url = f"http://localhost:{port}"
        try:
            deadline = time.monotonic() + 90
            while not _healthy(url):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start: {log.read_text()[-800:]}")
                time.sleep(0.3)
            yield process, url
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _texts(setup) -> dict:  # noqa: ANN001
    from dashboard.i18n import t
    from dashboard.navigation import SPECS
    from dashboard.services.admin.projects import get_project

    return {
        "username": t("auth.username", lang=LANG),
        "password": t("auth.password", lang=LANG),
        "submit": t("auth.submit", lang=LANG),
        "project": t("sidebar.project", lang=LANG),
        "project_name": get_project(setup.largest).name,
        # The default page (home) is at the root.
        "pages": {
            key: (t(spec.title_key, lang=LANG), "" if key == "home" else spec.url_path)
            for key, spec in SPECS.items()
        },
    }


class Frames:
    """What the server sent a page over its websocket: finished script runs, map sizes."""

    def __init__(self) -> None:
        self.finished = 0
        self.deck_sizes: list[int] = []

    def listen(self, page) -> None:  # noqa: ANN001
        page.on("websocket", lambda socket: socket.on("framereceived", self.received))

    def received(self, payload: bytes | str) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        if isinstance(payload, str):
            return
        message = ForwardMsg()
        try:
            message.ParseFromString(payload)
        except Exception:  # noqa: BLE001 (not a ForwardMsg: nothing to count)
            return
        kind = message.WhichOneof("type")
        if kind == "script_finished" and message.script_finished in (
            ForwardMsg.FINISHED_SUCCESSFULLY,
            ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
        ):
            self.finished += 1
        elif (
            kind == "delta"
            and message.delta.WhichOneof("type") == "new_element"
            and message.delta.new_element.WhichOneof("type") == "deck_gl_json_chart"
        ):
            self.deck_sizes.append(len(message.delta.new_element.deck_gl_json_chart.json.encode()))


def _finished_after(page, frames: Frames, before: int) -> None:  # noqa: ANN001
    """Wait (processing the page's events) until a script run finished after `before`."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while frames.finished <= before:
        if time.monotonic() > deadline:
            raise TimeoutError("the script run never finished")
        page.wait_for_timeout(10)


async def _finished_after_async(page, frames: Frames, before: int) -> None:  # noqa: ANN001
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while frames.finished <= before:
        if time.monotonic() > deadline:
            raise TimeoutError("the script run never finished")
        await page.wait_for_timeout(20)


# ---------------------------------------------------------------- (d) sessions


async def _session(browser, url: str, setup, texts: dict, pages: tuple[str, ...]) -> None:  # noqa: ANN001
    context = await browser.new_context(viewport={"width": 1920, "height": 1080}, locale="fr-BE")
    page = await context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    frames = Frames()
    frames.listen(page)
    await page.goto(url)
    await page.get_by_label(texts["username"]).fill(setup.username)
    await page.get_by_label(texts["password"]).fill(setup.password)
    await page.get_by_role("button", name=texts["submit"]).click()
    await page.locator("[data-testid='stSidebarNav']").wait_for()
    await page.wait_for_function(DRAWN, arg="", timeout=TIMEOUT_MS)
    await _choose_project(page, texts, frames)
    for key in pages:
        title, path = texts["pages"][key]
        before = frames.finished
        await page.locator("[data-testid='stSidebarNav']").get_by_role("link", name=title, exact=True).click()
        await _finished_after_async(page, frames, before)
        await page.wait_for_function(DRAWN, arg=f"/{path}", timeout=TIMEOUT_MS)
    return context  # kept open: its server session stays alive until the end


async def _choose_project(page, texts: dict, frames: Frames) -> None:  # noqa: ANN001
    picker = page.locator("[data-testid='stSidebar']").get_by_label(texts["project"], exact=True)
    if await picker.count() == 0:  # one project only: nothing to choose
        return
    # The chosen option is the combobox input's value (not in the element's text): after the
    # login the server restores the user's last project, and choosing it again runs no script.
    if await picker.first.input_value() == texts["project_name"]:
        return
    await picker.first.click()
    before = frames.finished
    await page.get_by_role("option", name=texts["project_name"], exact=True).click()
    await _finished_after_async(page, frames, before)
    await page.wait_for_function(DRAWN, arg="", timeout=TIMEOUT_MS)


async def _sessions(url: str, setup, count: int) -> list[str]:  # noqa: ANN001
    from playwright.async_api import async_playwright

    texts = _texts(setup)
    errors = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        results = await asyncio.gather(
            *(_session(browser, url, setup, texts, SESSION_PAGES) for _ in range(count)),
            return_exceptions=True,
        )
        errors = [
            f"{type(r).__name__}: {str(r).splitlines()[0][:200]}"
            for r in results
            if isinstance(r, BaseException)
        ]
        await browser.close()
    return errors


def sessions(setup, count: int, port: int) -> list[Figure]:  # noqa: ANN001
    samples: list[float] = []
    with browser_lock(), server(setup.database, port, setup.folder / "sessions.log") as (process, url):
        idle = rss_mb(process.pid) or 0.0
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                if (value := rss_mb(process.pid)) is not None:
                    samples.append(value)
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.perf_counter()
        errors = asyncio.run(_sessions(url, setup, count))
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        peak = peak_rss_mb(process.pid)
    what = (
        f"{count} sessions of {setup.username} on {setup.largest} opening "
        f"{', '.join(SESSION_PAGES)} at once, in {seconds:.0f} s"
    )
    figures = [
        Figure(
            "sessions",
            f"server peak RSS, {count} sessions",
            round(peak or 0),
            "MB",
            SERVER_BUDGET_MB,
            note=f"VmHWM; {what}",
            error="; ".join(sorted(set(errors)))[:300],
        ),
        Figure(
            "sessions",
            "server RSS sampled: max",
            round(max(samples, default=0)),
            "MB",
            note=f"VmRSS every 0.2 s; idle after start {idle:.0f} MB",
        ),
    ]
    for figure in figures:
        print(f"  {figure.name:<34} {figure.value:>7} MB  {figure.verdict} {figure.error}", flush=True)
    return figures


# ---------------------------------------------------------------- (e) drawn


def drawn(setup, pages: list[str] | None, repeat: int, port: int) -> list[Figure]:  # noqa: ANN001
    from playwright.sync_api import sync_playwright

    from benchmarks.measure_pages import steering_pages

    keys = pages or steering_pages()
    texts = _texts(setup)
    visits: dict[str, list[float]] = {key: [] for key in keys}
    charts: dict[str, list[int]] = {}
    failures: dict[str, str] = {}
    frames = Frames()
    with (
        browser_lock(),
        server(setup.database, port, setup.folder / "drawn.log") as (_, url),
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="fr-BE")
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        frames.listen(page)
        page.goto(url)
        page.get_by_label(texts["username"]).fill(setup.username)
        page.get_by_label(texts["password"]).fill(setup.password)
        page.get_by_role("button", name=texts["submit"]).click()
        page.locator("[data-testid='stSidebarNav']").wait_for()
        page.wait_for_function(DRAWN, arg="", timeout=TIMEOUT_MS)
        _choose_project_sync(page, texts, frames)
        for _ in range(1 + repeat):
            for key in keys:
                title, path = texts["pages"][key]
                link = page.locator("[data-testid='stSidebarNav']").get_by_role(
                    "link", name=title, exact=True
                )
                before = frames.finished
                started = time.perf_counter()
                link.click()
                try:
                    _finished_after(page, frames, before)
                    page.wait_for_function(DRAWN, arg=f"/{path}", timeout=TIMEOUT_MS, polling=20)
                except Exception as failure:  # noqa: BLE001
                    failures[key] = f"not drawn: {str(failure).splitlines()[0][:200]}"
                    continue
                visits[key].append((time.perf_counter() - started) * 1000)
                found = page.evaluate(CHARTS)
                charts[key] = found
                if found[2]:
                    failures[key] = "the page shows an exception"
        browser.close()
    figures = []
    for key in keys:
        times = visits[key]
        vega, deck, _ = charts.get(key, (0, 0, 0))
        note = f"{setup.largest}; {vega} Vega charts, {deck} maps"
        error = failures.get(key, "")
        later = times[1:]
        figures.append(
            Figure(
                "drawn",
                f"{setup.largest}/{key} drawn",
                round(statistics.median(later), 1) if later else None,
                "ms",
                DRAWN_BUDGET_MS,
                runs=len(later),
                samples=[round(s, 1) for s in later],
                note=note,
                error=error,
            )
        )
        figures.append(
            Figure(
                "drawn",
                f"{setup.largest}/{key} drawn, first visit",
                round(times[0], 1) if times else None,
                "ms",
                note=note + " (server caches empty)",
            )
        )
    if frames.deck_sizes:
        figures.append(
            Figure(
                "drawn",
                "risk map payload (pydeck JSON)",
                max(frames.deck_sizes),
                "bytes",
                PAYLOAD_BUDGET_BYTES,
                note=f"{setup.largest}; largest of {len(frames.deck_sizes)} maps sent",
            )
        )
    for figure in figures:
        value = "-" if figure.value is None else f"{figure.value:,.1f} {figure.unit}"
        print(f"  {figure.name:<40} {value:>14}  {figure.verdict} {figure.error}", flush=True)
    return figures


def _choose_project_sync(page, texts: dict, frames: Frames) -> None:  # noqa: ANN001
    """_choose_project for the sync API."""
    picker = page.locator("[data-testid='stSidebar']").get_by_label(texts["project"], exact=True)
    if picker.count() == 0:
        return
    if picker.first.input_value() == texts["project_name"]:
        return
    picker.first.click()
    before = frames.finished
    page.get_by_role("option", name=texts["project_name"], exact=True).click()
    _finished_after(page, frames, before)
    page.wait_for_function(DRAWN, arg="", timeout=TIMEOUT_MS)
