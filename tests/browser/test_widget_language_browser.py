"""Streamlit's own widget texts speak the interface language, even in an English browser: the
calendar (month names, Monday first), date placeholders, the file uploader, the multiselect's
"Select all", text inputs' "Press Enter" hints."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from dashboard.i18n import t
from tests.browser.conftest import PASSWORD, remembered, screenshot, settle

ENGLISH = re.compile(r"\bUpload\b|MB per file|Select all|Press Enter|dd/mm/yyyy|\bdd\b")


@pytest.fixture
def english_browser_page(chromium):  # noqa: ANN001, ANN201
    """A browser set to American English: Streamlit's calendar followed it, whatever the app's
    language."""
    context = chromium.new_context(viewport={"width": 1920, "height": 1080}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def _log_in_and_choose(page: Page, base: str, lang: str) -> None:
    page.goto(base)
    page.get_by_label(t("auth.username", lang="en")).fill("demo-coordinator")
    page.get_by_label(t("auth.password", lang="en"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=t("auth.submit", lang="en")).click()
    # The sidebar's language buttons (saved as the user's choice), not the login page's.
    page.get_by_role("button", name=re.compile(t("auth.logout", lang="fr"))).wait_for()
    remembered(page)  # the test goes on by full page loads
    page.get_by_test_id("stSidebarUserContent").get_by_role("button", name=lang.upper(), exact=True).click()
    settle(page)


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_widget_texts_and_the_calendar_speak_the_interface_language(start_server, english_browser_page, lang):
    page = english_browser_page
    base = start_server()
    _log_in_and_choose(page, base, lang)
    day, month, year = (t(f"widgets.date.{part}", lang=lang) for part in ("day", "month", "year"))

    # Decisions: the period filter's placeholders, then its calendar.
    page.goto(f"{base}/decisions")
    settle(page)
    period = page.locator("[data-testid='stDateInput']:visible").first
    expect(period).to_contain_text(f"{day}/{month}/{year}")
    period.locator("button").first.click()
    calendar = page.locator("[data-testid='stDateInputCalendar']")
    expect(calendar).to_be_visible()
    monday = {"fr": "L", "nl": "M"}[lang]  # lundi / maandag: the week starts on Monday
    headers = calendar.locator("th").all_inner_texts()
    assert headers and headers[0].strip().upper().startswith(monday), headers
    months = {
        "fr": "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
        "nl": "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december",
    }[lang]
    expect(calendar).to_contain_text(re.compile(months))
    expect(calendar).not_to_contain_text(
        re.compile("January|February|March|April|June|July|August|October|November|December")
    )
    screenshot(page, f"widgets-{lang}-calendar")
    page.keyboard.press("Escape")

    # Import: the file uploader's button and size limit.
    page.goto(f"{base}/import")
    settle(page)
    uploader = page.locator("[data-testid='stFileUploader']:visible").first
    expect(uploader).to_contain_text(t("widgets.upload", lang=lang))
    expect(uploader).to_contain_text(t("widgets.per_file", lang=lang, size="200", rest=""))
    expect(uploader).not_to_contain_text(ENGLISH)
    screenshot(page, f"widgets-{lang}-uploader")

    # Portfolio: a multiselect's "Select all", the search box's "Press Enter".
    page.goto(f"{base}/portfolio")
    settle(page)
    search = page.locator("[data-testid='stTextInput']:visible").first
    search.locator("input").fill("zz")
    expect(search).to_contain_text(t("widgets.press_enter_apply", lang=lang))
    expect(search).not_to_contain_text(ENGLISH)
    search.locator("input").fill("")
    page.locator("[data-testid='stMultiSelect']:visible").nth(1).click()
    dropdown = page.locator("[data-testid='stMultiSelectDropdown'], [role='listbox']").first
    expect(dropdown).to_contain_text(t("widgets.select_all", lang=lang))
    expect(dropdown).not_to_contain_text("Select all")
    screenshot(page, f"widgets-{lang}-multiselect")
