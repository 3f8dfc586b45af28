"""The Indicators and Maturity pages and the indicator import in headless Chromium, as the
committee and a coordinator use them (French interface). Screenshots:
tests/artifacts/indicators-*.png, maturity-*.png."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from dashboard.i18n import plural, t
from tests.browser.conftest import charts_drawn, log_in, no_error, screenshot, settle

pytestmark = pytest.mark.browser
DATA = Path(__file__).resolve().parent.parent / "data" / "indicators"


def fr(key: str, **params: object) -> str:
    return t(key, lang="fr", **params)


def indicator_name(code: str) -> str:
    from data_loaders.catalogues.indicators import CATALOGUE

    return next(d.name_fr for d in CATALOGUE if d.code == code)


def test_the_committee_reads_the_indicators(start_server, page):
    base = start_server()
    log_in(page, base, "demo-steering", "indicators")
    expect(page.get_by_role("heading", name=fr("indicators.title"))).to_be_visible()
    settle(page)
    expect(page.get_by_text("Règle du statut.")).to_be_visible()
    for status in ("on_track", "at_risk", "off_track"):
        expect(
            page.get_by_test_id("stMetric").filter(has_text=fr(f"indicators.status.{status}"))
        ).to_be_visible()
    expect(page.get_by_role("heading", name=fr("aim.population_health"))).to_be_visible()
    no_error(page)
    screenshot(page, "indicators-overview")
    page.get_by_role("tab", name=fr("indicators.tab.progress"), exact=True).click()
    charts_drawn(page, 1)
    no_error(page)
    screenshot(page, "indicators-progress")

    page.goto(f"{base}/indicators?indicator=POLYPHARMACY")
    dialog = page.get_by_role("dialog")
    # The dialog is titled by the indicator's name, not its code
    expect(dialog.get_by_text(indicator_name("POLYPHARMACY"), exact=True).first).to_be_visible()
    settle(page)
    charts_drawn(page, 1)
    expect(dialog.get_by_text(fr("indicators.expected_now"), exact=True)).to_be_visible()
    no_error(page)
    screenshot(page, "indicators-detail")
    dialog.get_by_role("tab", name=fr("indicators.tab.definition"), exact=True).click()
    expect(dialog.get_by_text(fr("indicators.col.numerator"), exact=True)).to_be_visible()
    dialog.get_by_role("tab", name=fr("indicators.tab.comments"), exact=True).click()
    expect(dialog.get_by_text("La baisse est plus lente que prévu", exact=False)).to_be_visible()
    screenshot(page, "indicators-comments")
    # Closing the detail takes the indicator out of the address.
    dialog.get_by_role("button", name="Close").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    page.wait_for_function("() => !location.search.includes('indicator=')", timeout=15_000)


def test_a_coordinator_enters_a_value(start_server, page):
    base = start_server()
    log_in(page, base, "demo-coordinator", "indicators?indicator=PACIC")
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_text(indicator_name("PACIC"), exact=True).first).to_be_visible()
    settle(page)
    dialog.get_by_role("tab", name=fr("indicators.tab.enter"), exact=True).click()
    dialog.get_by_role("textbox", name=fr("indicators.col.period")).fill("2026-Q2")
    dialog.get_by_role("spinbutton", name=fr("indicators.col.value"), exact=True).fill("3.66")
    dialog.get_by_role("button", name=fr("indicators.enter_submit")).click()
    settle(page)
    expect(page.get_by_text(fr("indicators.entered.added"))).to_be_visible()
    no_error(page)
    screenshot(page, "indicators-value-entered")


def test_a_coordinator_imports_indicator_values(start_server, page):
    base = start_server()
    log_in(page, base, "demo-coordinator", "import")
    expect(page.get_by_role("heading", name=fr("imports.title"))).to_be_visible()
    page.get_by_role("tab", name=fr("import.kind.indicators"), exact=True).click()
    panel = page.get_by_role("tabpanel", name=fr("import.kind.indicators"))
    # The coordinator works in Chronicopôle (first project): its regions, a French sheet.
    panel.locator("input[type='file']").set_input_files(str(DATA / "values_fr.xlsx"))
    expect(page.get_by_text(fr("import.preview"))).to_be_visible(timeout=30_000)
    new = panel.get_by_test_id("stMetric").filter(has_text=fr("import.indicators.new"))
    expect(new.get_by_test_id("stMetricValue")).to_have_text("3")
    no_error(page)
    screenshot(page, "indicators-import-preview")
    page.get_by_role("button", name=fr("import.confirm")).click()
    expect(page.get_by_text(fr("import.done"))).to_be_visible(timeout=30_000)
    settle(page)
    panel.locator("input[type='file']").set_input_files(str(DATA / "bad_values.csv"))
    expect(
        page.get_by_test_id("stAlert").filter(
            # 9: Brugge and Ieper are municipalities outside Chronicopôle's regions, reported as
            # such rather than as unknown regions
            has_text=plural("import.refused", 9, "fr")
        )
    ).to_be_visible(timeout=30_000)
    screenshot(page, "indicators-import-refused")


def test_the_committee_reads_the_maturity_self_assessment(start_server, page):
    base = start_server()
    log_in(page, base, "demo-steering", "maturity")
    expect(page.get_by_role("heading", name=fr("maturity.title"))).to_be_visible()
    settle(page)
    charts_drawn(page, 1)
    expect(page.get_by_text(fr("maturity.findings"))).to_be_visible()
    no_error(page)
    screenshot(page, "maturity-radar")
    page.get_by_role("tab", name=fr("maturity.tab.spread"), exact=True).click()
    settle(page)
    charts_drawn(page, 2)
    screenshot(page, "maturity-spread")
    page.get_by_role("tab", name=fr("maturity.tab.actions"), exact=True).click()
    expect(
        page.get_by_text(re.compile(re.escape(fr("maturity.low_list", dimensions="X")).split("X")[0]))
    ).to_be_visible()
    no_error(page)
    screenshot(page, "maturity-actions")
