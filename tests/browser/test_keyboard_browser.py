"""The meeting, with the keyboard alone (issue #14, accessibility): the steering committee's
member moves through the agenda with Page Down / Page Up and records a decision with Tab,
Space, typing and Enter; every control is reached by Tab (no keyboard trap on the way)."""

import pytest
from playwright.sync_api import Page, expect

from dashboard.i18n import t
from tests.browser.conftest import log_in, settle
from tests.browser.test_governance_browser import _in_any_language, _on_database

pytestmark = pytest.mark.browser


def _labels(key: str) -> list[str]:
    return [t(key, lang=lang) for lang in ("fr", "nl", "en")]


def tab_to(page: Page, test: str, arg: object, most: int = 150) -> None:
    """Press Tab until the focused element passes `test` (a JS function of the element and
    `arg`); fails if Tab never gets there (a trap, or a control out of the tab order)."""
    seen = []
    for _ in range(most):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("() => document.activeElement.outerHTML.slice(0, 90)"))
        if page.evaluate(f"arg => ({test})(document.activeElement, arg)", arg):
            return
    raise AssertionError(f"Tab never reached {test} {arg}: {seen}")


def item_heading(page: Page) -> str:
    heading = page.locator("[data-testid='stMainBlockContainer'] h2").filter(has_text=" · ")
    expect(heading).to_have_count(1)
    return heading.inner_text()


def test_move_through_the_agenda_and_record_a_decision_with_the_keyboard_alone(start_server, page, tmp_path):
    from tests.governance_helpers import meeting_held_today

    base = start_server()
    database = tmp_path / "server-0.db"  # the copy this server runs on
    meeting_id = _on_database(database, meeting_held_today)
    log_in(page, base, "demo-steering", "meetings")
    expect(page.get_by_role("heading", name=_in_any_language("meetings.title"))).to_be_visible()
    settle(page)

    # Page Down / Page Up step through the agenda items (a presenter's remote sends them too).
    first = item_heading(page)
    page.keyboard.press("PageDown")
    expect(page.locator("[data-testid='stMainBlockContainer'] h2").filter(has_text=" · ")).not_to_have_text(
        first
    )
    settle(page)
    second = item_heading(page)
    page.keyboard.press("PageUp")
    expect(page.locator("[data-testid='stMainBlockContainer'] h2").filter(has_text=" · ")).to_have_text(first)
    settle(page)
    assert second != first
    code = first.split(" · ")[0]

    # The decision, by keyboard: Tab to "Go" and Space, Tab to the rationale and type, Tab to
    # the record button and Enter.
    tab_to(
        page,
        "(el, names) => el.tagName === 'BUTTON' && names.includes(el.innerText.trim())",
        _labels("outcome.go"),
    )
    page.keyboard.press("Space")
    settle(page)
    tab_to(
        page,
        "(el, names) => el.tagName === 'TEXTAREA' && names.includes(el.getAttribute('aria-label'))",
        _labels("decisions.col.rationale"),
    )
    page.keyboard.type("Decided with the keyboard alone.")
    tab_to(
        page,
        "(el, names) => el.tagName === 'BUTTON' && names.some(n => el.innerText.includes(n))",
        _labels("governance.record"),
    )
    page.keyboard.press("Enter")
    expect(page.get_by_text(_in_any_language("meetings.recorded", whole=False, code=code))).to_be_visible()
    settle(page)

    # Recorded: the meeting's agenda holds the decision, with the rationale typed.
    def decided(actor):  # noqa: ANN001, ANN202
        from dashboard.services.governance import meetings

        view = meetings.meeting_view(actor, meeting_id)
        entry = next(e for e in view.agenda if e.state["code"] == code)
        return [(d["outcome"], d["rationale"]) for d in entry.decisions]

    assert _on_database(database, decided) == [("go", "Decided with the keyboard alone.")]
