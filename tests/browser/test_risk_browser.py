"""The Risk map in headless Chromium, as a committee member and a coordinator use it (French
interface): the map draws offline, a hover shows a region's figures, a click picks the region
of the pyramid, small counts read "< 5"; a risk file imported through the Import data page
shows on the map. Screenshots: tests/artifacts/risk-*.png."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard.i18n import t
from tests.browser.conftest import log_in, no_error, screenshot, settle

pytestmark = pytest.mark.browser
DATA = Path(__file__).resolve().parent.parent / "data"


def map_drawn(page: Page) -> None:
    """deck.gl has drawn into its canvas (the map needs no online basemap)."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stDeckGlJsonChart\"] canvas')]"
        ".some(c => c.width > 300)",
        timeout=30_000,
    )
    page.wait_for_timeout(1500)


def choose(page: Page, label: str, option: str) -> None:
    page.get_by_label(label, exact=True).first.click()
    page.get_by_role("option", name=option, exact=True).click()
    settle(page)


def open_empact_map(page: Page, base: str, username: str) -> None:
    log_in(page, base, username, "risk-map")
    expect(page.get_by_role("heading", name=t("risk.title", lang="fr"))).to_be_visible()
    settle(page)
    choose(page, t("sidebar.project", lang="fr"), "EMPACT")
    map_drawn(page)


def test_the_committee_reads_the_risk_map(start_server, page):
    base = start_server()
    open_empact_map(page, base, "demo-steering")
    no_error(page)
    legend = page.get_by_role("list", name=t("risk.legend.title", lang="fr"))
    expect(legend).to_contain_text(t("risk.legend.suppressed", lang="fr"))
    # 2,0 % to 2,2 % in every region: one neutral colour, and the page says why (issue #16)
    expect(page.get_by_text(re.compile("Les régions diffèrent à peine"))).to_be_visible()
    expect(page.get_by_text("Cat. 4 · Très dépendant, résidentiel").first).to_be_visible()
    expect(page.get_by_text(re.compile("NGI/IGN & Statbel"))).to_be_visible()
    screenshot(page, "risk-map")
    # Hovering a region shows its figures; clicking it puts it in the pyramid.
    canvas = page.locator("[data-testid='stDeckGlJsonChart'] canvas").first
    box = canvas.bounding_box()
    assert box is not None
    tooltip = page.locator(".deck-tooltip")
    spot = None
    for fx, fy in ((0.5, 0.5), (0.4, 0.6), (0.6, 0.4), (0.3, 0.4), (0.7, 0.6)):
        page.mouse.move(box["x"] + box["width"] * fx, box["y"] + box["height"] * fy)
        page.wait_for_timeout(700)
        if (
            tooltip.count()
            and tooltip.first.is_visible()
            and "Population" in (tooltip.first.inner_text() or "")
        ):
            spot = (fx, fy)
            break
    assert spot is not None, "no tooltip over the map"
    region = tooltip.first.inner_text().splitlines()[0].strip()
    screenshot(page, "risk-map-tooltip")
    page.mouse.click(box["x"] + box["width"] * spot[0], box["y"] + box["height"] * spot[1])
    settle(page)
    expect(page.get_by_role("combobox", name=t("risk.pyramid.region", lang="fr"))).to_have_value(region)
    no_error(page)
    # Young people in the highest category: small counts, shown "< 5" in the table.
    choose(page, t("risk.age_band", lang="fr"), "0-17")
    choose(page, t("risk.measure", lang="fr"), t("risk.measure.count", lang="fr"))
    map_drawn(page)
    expect(
        page.get_by_text("Personnes en « Cat. 4 · Très dépendant, résidentiel » · 0-17 ans · 2024").first
    ).to_be_visible()
    expect(legend).not_to_contain_text("6,00")  # one value: written as a count
    no_error(page)
    screenshot(page, "risk-map-small-cells")
    page.get_by_role("tab", name=t("risk.tab.coverage", lang="fr")).click()
    expect(page.get_by_text(re.compile("Lacunes en 2024"))).to_be_visible()
    page.get_by_role("tab", name=t("risk.tab.years", lang="fr")).click()
    page.wait_for_function(
        "() => document.querySelectorAll('.vega-embed canvas, .vega-embed svg.marks').length >= 2",
        timeout=30_000,
    )
    no_error(page)
    screenshot(page, "risk-map-years")


def test_a_coordinator_imports_risk_counts_and_sees_them_on_the_map(start_server, page):
    base = start_server()
    log_in(page, base, "demo-coordinator", "import")
    expect(page.get_by_role("heading", name=t("imports.title", lang="fr"))).to_be_visible()
    settle(page)
    choose(page, t("sidebar.project", lang="fr"), "EMPACT")
    page.get_by_role("tab", name=t("import.kind.risk", lang="fr"), exact=True).click()
    panel = page.get_by_role("tabpanel", name=t("import.kind.risk", lang="fr"))
    # The file names EMPACT's region Ieper, which is also a municipality: the key is chosen.
    choose(page, t("import.key", lang="fr"), t("import.key.region", lang="fr"))
    settle(page)
    # A bad file first: every problem listed, nothing to confirm.
    panel.locator("input[type='file']").set_input_files(str(DATA / "risk" / "bad.csv"))
    expect(page.get_by_text(re.compile("Le fichier est refusé \\(11 problème"))).to_be_visible(timeout=30_000)
    expect(page.get_by_role("button", name=t("import.confirm", lang="fr"))).to_have_count(0)
    settle(page)
    page.wait_for_timeout(1500)  # the problems table draws in its canvas
    screenshot(page, "risk-import-refused")
    panel.locator("input[type='file']").set_input_files(str(DATA / "risk" / "good.parquet"))
    expect(page.get_by_text(t("import.preview", lang="fr"))).to_be_visible(timeout=30_000)
    new = page.get_by_test_id("stMetric").filter(has_text=t("import.risk.new", lang="fr"))
    expect(new.get_by_test_id("stMetricValue")).to_have_text("3")
    no_error(page)
    screenshot(page, "risk-import-preview")
    page.get_by_role("button", name=t("import.confirm", lang="fr")).click()
    expect(page.get_by_text(t("import.done", lang="fr"))).to_be_visible(timeout=30_000)
    page.get_by_role("link", name=t("nav.risk_map", lang="fr")).click()  # same session
    expect(page.get_by_role("heading", name=t("risk.title", lang="fr"))).to_be_visible()
    settle(page)
    map_drawn(page)
    # 2025 is now the latest year of the slider, and the map shows it
    expect(page.get_by_text(re.compile("· 2025$")).first).to_be_visible()
    no_error(page)
    screenshot(page, "risk-map-after-import")
