"""Driving the app in-process with Streamlit's AppTest, as a logged-in user of a given role."""

from __future__ import annotations

import io
import json

import polars as pl

from streamlit.testing.v1 import AppTest

from dashboard.i18n import set_language
from dashboard.navigation import page_path
from models.db import ROOT

APP = str(ROOT / "dashboard" / "app.py")
USER_OF_ROLE = {
    "admin": "demo-admin",
    "steering": "demo-steering",
    "coordinator": "demo-coordinator",
    "academic": "demo-academic",
    "viewer": "demo-viewer",
}


def anonymous() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    return at


def logged_in(username: str, *, lang: str = "en", project: str | None = None) -> AppTest:
    """The app after a login of `username` (a session opened in the database, as a login does)."""
    from dashboard.auth import SESSION_TOKEN
    from dashboard.services.admin.sessions import open_session

    # AppTest calls widgets' format_func in this thread too: speak the same language here.
    set_language(lang)
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["authentication_status"] = True
    at.session_state["username"] = username
    at.session_state["name"] = username
    at.session_state[SESSION_TOKEN] = open_session(username, "apptest")
    at.session_state["lang"] = lang
    at.session_state["_lang_chosen"] = True
    if project:
        at.session_state["project_slug"] = project
    at.run()
    assert not at.exception, at.exception
    return at


def open_page(at: AppTest, key: str) -> AppTest:
    at.switch_page(page_path(key)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """Everything a user reads on the page (titles, text, metrics, alerts), as one string."""
    parts = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "info",
        "warning",
        "error",
        "success",
    ):
        parts += [str(element.value) for element in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(parts)


def shown(markdown: str) -> str:
    """What a reader sees of a Markdown element: the text, escapes resolved."""
    import html
    import re

    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render(markdown)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())


def chart(element) -> tuple[dict, pl.DataFrame]:  # noqa: ANN001
    """A Vega-Lite chart as AppTest sees it: its spec and its data (Streamlit moves the data out
    of the spec into Arrow datasets)."""
    spec = json.loads(element.proto.spec)
    frames = [pl.read_ipc_stream(io.BytesIO(dataset.data.data)) for dataset in element.proto.datasets]
    frames += [pl.DataFrame(values, infer_schema_length=None) for values in spec.get("datasets", {}).values()]
    if element.proto.HasField("data"):
        frames.append(pl.read_ipc_stream(io.BytesIO(element.proto.data.data)))
    return spec, pl.concat(frames, how="diagonal_relaxed") if frames else pl.DataFrame()


def page_tables(at: AppTest) -> list:
    """The page's own tables: its dataframes less the data tables under its charts."""
    from dashboard.i18n import t

    label = t("common.chart_data", lang="en")
    under_charts = {id(frame) for e in at.expander if e.label == label for frame in e.dataframe}
    return [frame for frame in at.dataframe if id(frame) not in under_charts]
