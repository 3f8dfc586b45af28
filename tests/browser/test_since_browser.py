"""Since the last meeting in a real browser: the page at 1920x1080 in French and Dutch, a line
opening the Portfolio page on its action, and item 0 of the meeting screen."""

import re

import pytest
from playwright.sync_api import expect

from dashboard.i18n import t
from tests.browser.conftest import log_in, no_error, screenshot, settle

pytestmark = pytest.mark.browser


def test_since_the_last_meeting_in_french_and_a_line_opens_its_action(start_server, page):
    base = start_server()
    log_in(page, base, "demo-steering", "since")
    expect(page.get_by_role("heading", name=t("since.title", lang="fr"))).to_be_visible()
    settle(page)
    no_error(page)
    screenshot(page, "since-fr")
    link = page.get_by_role("link", name=re.compile(r"^5\.1\.3 · "))
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(re.compile(r"/portfolio\?action=5\.1\.3"))
    expect(page.get_by_role("heading", name=t("portfolio.title", lang="fr"))).to_be_visible()
    settle(page)
    no_error(page)

    page.goto(f"{base}/meetings")
    expect(page.get_by_role("heading", name=t("meetings.title", lang="fr"))).to_be_visible()
    page.get_by_text(t("since.agenda_item", lang="fr")).click()
    expect(page.get_by_text(re.compile(t("since.heading_meeting", lang="fr").split("{")[0]))).to_be_visible()
    settle(page)
    screenshot(page, "since-meeting-fr")


def test_since_the_last_meeting_in_dutch(start_server, page):
    base = start_server()
    log_in(page, base, "demo-viewer", "since")
    expect(page.get_by_role("heading", name=t("since.title", lang="nl"))).to_be_visible()
    settle(page)
    no_error(page)
    screenshot(page, "since-nl")
