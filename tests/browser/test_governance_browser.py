"""A committee prepares, holds and minutes a meeting, end to end in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from dashboard.i18n import plural, t
from tests.browser.conftest import PASSWORD, log_in, screenshot, settle
from dashboard import clock

pytestmark = pytest.mark.browser
EN = "en"


def _on_database(path, work):  # noqa: ANN001, ANN202
    """Run `work(actor)` as the Chronicopôle admin on the SQLite database at `path`."""
    import os

    from dashboard.services.access import cli_actor
    from models.db import URL_VARIABLE, dispose_engines

    os.environ[URL_VARIABLE] = f"sqlite:///{path}"
    try:
        return work(cli_actor("chronicopole"))
    finally:
        dispose_engines()
        os.environ.pop(URL_VARIABLE, None)


def _action_not_on_the_coming_agenda(actor) -> str:  # noqa: ANN001
    """An action of the demo that the coming meeting's agenda does not list yet."""

    from dashboard.services.governance import meetings
    from dashboard.services.actions.portfolio import actions_frame

    upcoming = meetings.default_meeting(meetings.meetings_list(actor), clock.today())
    listed = {e.state["code"] for e in meetings.meeting_view(actor, upcoming).agenda}
    return next(code for code in actions_frame(actor)["code"] if code not in listed)


def test_prepare_hold_and_minute_a_meeting(start_server, page, tmp_path, sqlite_templates):
    from tests.governance_helpers import meeting_held_today

    base = start_server()
    database = tmp_path / "server-0.db"  # the copy this server runs on
    code = _on_database(database, _action_not_on_the_coming_agenda)
    _on_database(database, meeting_held_today)  # the committee meets today
    page.goto(f"{base}/meetings")
    page.get_by_label(t("auth.username", lang="fr")).fill("demo-admin")  # prefers English
    page.get_by_label(t("auth.password", lang="fr")).fill(PASSWORD)
    page.get_by_role("button", name=t("auth.submit", lang="fr")).click()
    expect(page.get_by_role("heading", name=t("meetings.title", lang=EN))).to_be_visible()
    settle(page)

    # Prepare: the coordinator's agenda for the coming meeting gets one more action. Each step
    # waits for what the previous one makes appear (a busy machine renders late, not never).
    agenda_tab = page.get_by_role("tab", name=t("meetings.tab.agenda", lang=EN))
    agenda_tab.click()
    expect(agenda_tab).to_have_attribute("aria-selected", "true")
    picker = page.get_by_label(t("meetings.add_any", lang=EN))
    picker.click()
    picker.fill(code)
    # The filtered list holds the one action, focused: Enter chooses it (a click failed on a
    # busy machine when the list opened partly outside the viewport).
    expect(page.get_by_role("option", name=re.compile(rf"^{re.escape(code)} · "))).to_have_count(1)
    picker.press("Enter")
    add_form = page.locator("[data-testid='stForm']").filter(has=picker)
    expect(page.get_by_role("option")).to_have_count(0)  # chosen: the list has closed
    add_form.get_by_role("button", name=t("meetings.add", lang=EN), exact=True).click()
    settle(page)
    expect(agenda_tab).to_have_attribute("aria-selected", "true")  # did not jump to the first
    session_tab = page.get_by_role("tab", name=t("meetings.tab.session", lang=EN))
    session_tab.click()
    expect(session_tab).to_have_attribute("aria-selected", "true")
    item = re.compile(rf"^\d+\. {re.escape(code)}( · .*)?$")
    expect(page.get_by_text(item)).to_be_visible()  # the new agenda item

    # Hold: the first item on the shared screen, a go with its rationale.
    expect(page.get_by_text(t("meetings.quorum_met", lang=EN), exact=False).first).to_be_visible()
    form = page.locator("[data-testid='stForm']").filter(
        has=page.get_by_role("button", name=t("governance.record", lang=EN))
    )
    form.get_by_role("radio", name=t("outcome.go", lang=EN), exact=True).click()
    form.get_by_label(t("decisions.col.rationale", lang=EN)).fill("Ready to start in spring.")
    screenshot(page, "meeting-in-session")
    form.get_by_role("button", name=t("governance.record", lang=EN)).click()
    expect(page.get_by_text("recorded.", exact=False).first).to_be_visible()
    settle(page)

    # Minute: the decision is in the minutes, downloadable as PDF.
    minutes_tab = page.get_by_role("tab", name=t("meetings.tab.minutes", lang=EN))
    minutes_tab.click()
    expect(minutes_tab).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text("Ready to start in spring.").first).to_be_visible()
    screenshot(page, "meeting-minutes")
    with page.expect_download() as download:
        page.get_by_role("button", name=t("meetings.download_pdf", lang=EN)).click()
    pdf = tmp_path / "minutes.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    settle(page)
    expect(minutes_tab).to_have_attribute("aria-selected", "true")

    # The log has the new entry, and is intact.
    page.goto(f"{base}/decisions")
    expect(page.get_by_text(plural("decisions.chain_intact", 14, lang=EN))).to_be_visible()
    settle(page)
    screenshot(page, "decisions-after-meeting")


def _in_any_language(key: str, *, whole: bool = True, **params) -> re.Pattern:  # noqa: ANN003
    """The text of `key` in French, Dutch or English (the page may speak any of them: the
    user's saved language can arrive after the first run of a session)."""
    either = "|".join(re.escape(t(key, lang=lang, **params)) for lang in ("fr", "nl", "en"))
    return re.compile(f"^({either})$" if whole else f"({either})")


def test_a_decision_detail_closes_and_stays_closed(start_server, page):
    """Ticking a row opened its detail; closing it (Esc or ×) opened it again at once, since the
    page read the still-ticked row on every run, and the dialog kept the sidebar blocked."""
    base = start_server()
    log_in(page, base, "demo-steering", "decisions")
    expect(page.get_by_role("heading", name=_in_any_language("decisions.title"))).to_be_visible()
    settle(page)
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    # The row-selection column of the first row, under the 35 px header.
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)
    dialog = page.locator("[data-testid='stDialog']")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_text(_in_any_language("decisions.evidence"))).to_be_visible()
    settle(page)
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    settle(page)
    expect(dialog).to_have_count(0)  # the run after closing did not open it again
    assert "entry=" not in page.url
    # Another run (a filter) does not bring it back either, and the sidebar answers clicks.
    page.get_by_text(_in_any_language("decisions.flagged_only")).click()
    settle(page)
    expect(dialog).to_have_count(0)
    page.locator("[data-testid='stSidebarNav']").get_by_role(
        "link", name=_in_any_language("nav.meetings", whole=False)
    ).click(timeout=10_000)
    expect(page.get_by_role("heading", name=_in_any_language("meetings.title"))).to_be_visible()
