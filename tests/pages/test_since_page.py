"""The Since the last meeting page, for every role: the period since the previous meeting,
each change a link to its page opened on its action or entry; a chosen day widens it."""

import datetime as dt

import pytest

from dashboard.i18n import t
from dashboard.i18n.formatting import format_long_date
from models.vocab import Role
from tests.pages.apptest import USER_OF_ROLE, logged_in, open_page, texts
from dashboard import clock


def _links(at) -> list:  # noqa: ANN001
    return [e for e in at.get("page_link")]


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_every_role_reads_what_changed_since_the_last_meeting(demo_sqlite, role):
    at = open_page(logged_in(USER_OF_ROLE[role], project="empact"), "since")
    assert at.title[0].value == t("since.title", lang="en")
    assert t("since.choose_date", lang="en") == at.date_input(key="since_day").label
    shown = texts(at)
    assert format_long_date(clock.today(), "en") in shown  # the period runs to today


def test_a_chosen_day_widens_the_period_and_each_line_links_to_its_page(demo_sqlite):
    at = open_page(logged_in("demo-steering", project="chronicopole"), "since")
    before = len(_links(at))
    at.date_input(key="since_day").set_value(dt.date(2025, 1, 1)).run()
    assert not at.exception
    assert format_long_date(dt.date(2025, 1, 1), "en") in texts(at)
    links = _links(at)
    assert len(links) > before
    # a decision opens the log on its entry, an action change the portfolio on its action
    targets = {(link.proto.page, link.proto.query_string.split("=")[0]) for link in links}
    assert ("decisions", "entry") in targets and ("portfolio", "action") in targets
