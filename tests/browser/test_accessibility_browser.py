"""axe-core on the login screen and on every page, in a real browser (issue #14, accessibility).

One server, one admin (who sees every page): each page is opened, drawn, and checked with the
axe-core engine that axe-playwright-python bundles (no network). Any violation of impact
"serious" or "critical" fails, except the narrow exclusions in NOT_OURS, each for one rule on
markup we do not write. The per-page results land in tests/artifacts/axe-<page>.txt."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from dashboard.i18n import t
from dashboard.navigation import PAGES
from tests.browser.conftest import log_in, no_error, remembered, settle
from tests.browser.test_browser import open_listed_page
from tests.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}

# (rule, CSS selector of the markup it is excused on): why it is not ours to fix.
NOT_OURS = {
    # Streamlit's sidebar menu (st.navigation with sections) wraps each section, its header
    # and the <li> of its links, in a <div> straight inside the menu's <ul>: the <ul> holds a
    # <div> ("list") and the <li> have no <ul> parent ("listitem"). The markup is Streamlit's
    # own, with no option to change it; only these two rules, and only inside that menu.
    ("list", "[data-testid='stSidebarNavItems']"): "Streamlit's sidebar menu markup",
    ("listitem", "[data-testid='stSidebarNavItems']"): "Streamlit's sidebar menu markup",
}


def _excused(page: Page, rule: str, node: dict) -> bool:
    selectors = [selector for (excused_rule, selector) in NOT_OURS if excused_rule == rule]
    target = node["target"][0] if node["target"] else None
    if not selectors or not isinstance(target, str):
        return False
    return page.evaluate(
        "([target, selectors]) => { const el = document.querySelector(target);"
        " return !!el && selectors.some(s => el.closest(s)); }",
        [target, selectors],
    )


def blocking_violations(page: Page, name: str) -> list[str]:
    """axe's serious and critical findings on the page as drawn, one line each (rule, impact,
    element), less the excused ones; every finding is written to tests/artifacts/axe-<name>.txt."""
    results = Axe().run(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"axe-{name}.txt").write_text(
        (results.generate_snapshot() or "no violation") + "\n\n" + results.generate_report()
    )
    found = []
    for violation in results.response["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        for node in violation["nodes"]:
            if not _excused(page, violation["id"], node):
                found.append(f"{name}: {violation['id']} ({violation['impact']}) on {node['target']}")
    return found


def test_no_serious_or_critical_accessibility_violation_on_any_page(start_server, page):
    base = start_server()
    found: list[str] = []
    page.goto(base)
    expect(page.get_by_label(t("auth.password", lang="fr"))).to_be_visible()
    settle(page)
    found += blocking_violations(page, "login")

    log_in(page, base, "demo-admin")
    expect(page.get_by_role("heading", name="Chronicopôle")).to_be_visible()
    remembered(page)
    for spec in PAGES:
        open_listed_page(page, base, spec)
        settle(page)
        page.wait_for_function(  # every Vega chart drawn, so its svg/canvas is checked too
            "() => [...document.querySelectorAll('.vega-embed')]"
            ".every(e => e.querySelector('canvas, svg.marks'))",
            timeout=30_000,
        )
        no_error(page)
        found += blocking_violations(page, spec.url_path)
    assert found == [], "\n".join(found)
