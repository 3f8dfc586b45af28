"""(a) Server-side rerun of every page a user sees, warm and cold, with Streamlit's AppTest.

The whole script runs as for a browser (entry script, login state, sidebar, page), without the
network. Warm: the page rerun again with nothing changed (what a click on a widget costs when
the data are cached). Cold: the first load after a change: before each timed run the project's
data version is bumped (what every service write does in its transaction, so every cache keyed
by it misses) and Streamlit's data cache is cleared (`st.cache_data.clear()`), then the page
reruns. Figures are medians of repeated runs after one warm-up run.
"""

from __future__ import annotations

from benchmarks.harness import ROOT, Figure, median, median_of

WARM_BUDGET_MS = 250.0
COLD_BUDGET_MS = 3000.0


def invalidate(project_slug: str) -> None:
    import streamlit as st

    from dashboard.services.access import bump_data_version
    from dashboard.services.admin.projects import get_project
    from models.db import session_scope

    project = get_project(project_slug)
    with session_scope() as session:
        bump_data_version(session, project.id)
    st.cache_data.clear()


def steering_pages(role: str = "steering") -> list[str]:
    from dashboard.navigation import visible_pages
    from models.vocab import Role

    return [spec.key for spec in visible_pages(Role(role))]


def page_test(key: str, username: str, project: str, timeout: float = 600):  # noqa: ANN201
    """An AppTest of the app logged in as `username` on `project`, switched to page `key`
    (one run done: the warm-up)."""
    from streamlit import config, logger
    from streamlit.testing.v1 import AppTest

    from dashboard.auth import SESSION_TOKEN
    from dashboard.i18n import set_language
    from dashboard.navigation import page_path
    from dashboard.services.admin.sessions import open_session

    # AppTest formats widget options (format_func) in this thread too: one language for both.
    set_language("fr")
    logger.set_log_level("error")  # not "missing ScriptRunContext" on every cache clear
    config.set_option("client.showErrorDetails", "full")  # the real error in the report
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=timeout)
    at.session_state["authentication_status"] = True
    at.session_state["username"] = username
    at.session_state[SESSION_TOKEN] = open_session(username, "benchmark")  # as a login does
    at.session_state["project_slug"] = project
    at.session_state["lang"] = "fr"
    at.session_state["_lang_chosen"] = True
    at.run()
    at.switch_page(page_path(key)).run()
    check(at)
    return at


class PageFailed(Exception):
    pass


def check(at) -> None:  # noqa: ANN001
    """Raise PageFailed with the page's exception (its last traceback line), if it had one."""
    if at.exception:
        error = at.exception[0].proto  # type and message (showErrorDetails is "full")
        raise PageFailed(
            f"{error.type}: {error.message.splitlines()[0]}"
            if error.message
            else "".join(error.stack_trace)[-300:]
        )


def measure(
    projects: list[str],
    username: str,
    repeat: int,
    cold_repeat: int,
    pages: list[str] | None = None,
    scale: str = "",
) -> list[Figure]:
    figures = []
    keys = pages or steering_pages()
    for project in projects:
        for key in keys:
            note = f"{scale} scale, {username}" if scale else username
            try:
                at = page_test(key, username, project)
                cold = median_of(at.run, cold_repeat, before=lambda p=project: invalidate(p))
                check(at)
                at.run()  # fill the caches again after the last cold run
                warm = median_of(at.run, repeat)
                check(at)
            except PageFailed as failure:
                for kind, budget in (("warm", WARM_BUDGET_MS), ("cold", COLD_BUDGET_MS)):
                    figures.append(
                        Figure(
                            "pages",
                            f"{project}/{key} {kind}",
                            None,
                            "ms",
                            budget,
                            note=note,
                            error=str(failure)[:300],
                        )
                    )
                print(f"  {project}/{key}: the page failed: {failure}", flush=True)
                continue
            for kind, samples, budget in (("warm", warm, WARM_BUDGET_MS), ("cold", cold, COLD_BUDGET_MS)):
                figure = Figure(
                    "pages",
                    f"{project}/{key} {kind}",
                    round(median(samples) * 1000, 1),
                    "ms",
                    budget,
                    runs=len(samples),
                    samples=[round(s * 1000, 1) for s in samples],
                    note=note,
                )
                figures.append(figure)
                print(f"  {figure.name:<34} {figure.value:>9.1f} ms  {figure.verdict}", flush=True)
    return figures
