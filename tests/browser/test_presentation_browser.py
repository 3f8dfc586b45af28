"""The presentation view at 1920x1080 (issue #14): the toggle enlarges the root font size, no
page then scrolls sideways (page or main area), and Shift+Page Down opens the next page."""

import re

import pytest
from playwright.sync_api import Page, expect

from dashboard.i18n import t
from dashboard.navigation import visible_pages
from tests.browser.conftest import log_in, no_error, remembered, screenshot, settle
from tests.browser.test_browser import TITLE_KEYS

pytestmark = pytest.mark.browser
ROOT_SIZE = "() => parseFloat(getComputedStyle(document.documentElement).fontSize)"
# The widest scroll width of the page and of Streamlit's main area, against the window's width.
OVERFLOW = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  return {page: document.documentElement.scrollWidth, main: main ? main.scrollWidth - main.clientWidth : 0,
          window: window.innerWidth};
}"""


def title_of(spec) -> re.Pattern:  # noqa: ANN001
    titles = (
        ["Chronicopôle"]
        if spec.key == "home"
        else [t(TITLE_KEYS[spec.key], lang=lang) for lang in ("fr", "nl", "en")]
    )
    return re.compile("^(" + "|".join(re.escape(title) for title in titles) + ")$")


def opened(page: Page, spec) -> None:  # noqa: ANN001
    expect(page.get_by_role("heading", name=title_of(spec))).to_be_visible()
    settle(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.vega-embed')].every(e => e.querySelector('canvas, svg.marks'))",
        timeout=30_000,
    )


def test_presentation_view_enlarges_type_fits_every_page_and_pages_step_by_keyboard(start_server, page):
    base = start_server()
    log_in(page, base, "demo-steering")
    expect(page.get_by_role("heading", name="Chronicopôle")).to_be_visible()
    settle(page)
    remembered(page)
    desk = page.evaluate(ROOT_SIZE)
    toggle = page.locator("[data-testid='stSidebar']").get_by_text(
        re.compile("^(" + "|".join(t("sidebar.presentation", lang=x) for x in ("fr", "nl", "en")) + ")$")
    )
    toggle.click()
    page.wait_for_function(f"() => ({ROOT_SIZE})() > {desk}", timeout=30_000)
    settle(page)

    pages = visible_pages("steering")
    too_wide = []
    for spec in pages:  # each goto is a new session: the saved choice holds
        page.goto(f"{base}/" if spec.key == "home" else f"{base}/{spec.url_path}")
        opened(page, spec)
        no_error(page)
        assert page.evaluate(ROOT_SIZE) > desk, spec.url_path
        widths = page.evaluate(OVERFLOW)
        if widths["page"] > widths["window"] or widths["main"] > 0:
            too_wide.append((spec.url_path, widths))
        screenshot(page, f"presentation-{spec.url_path}")
    assert too_wide == []

    # Shift+Page Down: the next page in the menu's order, with the mouse nowhere.
    page.goto(f"{base}/")  # home, the first page
    opened(page, pages[0])
    page.keyboard.press("Shift+PageDown")
    expect(page.get_by_role("heading", name=title_of(pages[1]))).to_be_visible()
    assert page.url.rstrip("/").endswith(pages[1].url_path)
