"""No traceback, whatever the address: every page run with odd query parameters (its own and
others) shows the page, never an exception. `/decisions?entry=²` and an entry of 400 digits
crashed the Decisions page."""

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from dashboard.navigation import PAGES
from tests.pages.apptest import APP, logged_in, open_page

ODD = [
    "²",
    "9" * 400,
    "-1",
    "0",
    "1e5",
    " 7",
    "\x00",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%00",
    "x" * 5000,
    "🙂",
    "",
    "2.3.1\n## x",
    "<script>alert(1)</script>",
    "![b](http://host/b.png)",
]
NAMES = ["entry", "action", "indicator", "project", "lang", "page"]


@pytest.mark.parametrize("page", [spec.key for spec in PAGES])
def test_odd_query_parameters_never_crash_a_page(demo_sqlite, page):
    at = logged_in("demo-admin", project="chronicopole")
    open_page(at, page)
    for value in ODD:
        for name in NAMES:
            at.query_params[name] = value
        at.run()
        assert not at.exception, (page, value, [e.value for e in at.exception])


@pytest.mark.parametrize("value", ["²", "9" * 400])
def test_the_decisions_page_with_an_odd_entry_shows_the_log(demo_sqlite, value):
    at = logged_in("demo-steering", project="chronicopole")
    at.query_params["entry"] = value
    open_page(at, "decisions")
    assert not at.exception and "entry" not in at.query_params


def test_the_entry_point_sets_what_the_app_needs_wherever_the_server_starts(demo_sqlite, monkeypatch):
    """Without .streamlit/config.toml (a server started in another directory) the data grid's
    CSV download stays off and errors show no traceback."""
    for option in ("client.disableDataExport", "client.showErrorDetails", "client.toolbarMode"):
        monkeypatch.setattr(config, "is_manually_set", lambda name: False)
        config.set_option(option, config.get_config_options()[option].default_val, "<default>")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert config.get_option("client.disableDataExport") is True
    assert config.get_option("client.showErrorDetails") == "none"
    assert config.get_option("client.toolbarMode") == "minimal"
