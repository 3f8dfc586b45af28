"""The Surveys page and the survey import in headless Chromium, as a committee member and a
coordinator use them (French interface). Screenshots: tests/artifacts/surveys-*.png."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from dashboard.i18n import t
from tests.browser.conftest import charts_drawn, log_in, no_error, screenshot, settle

pytestmark = pytest.mark.browser
DATA = Path(__file__).resolve().parent.parent / "data" / "surveys"


def test_the_committee_reads_the_surveys_page(start_server, page):
    base = start_server()
    log_in(page, base, "demo-steering", "surveys")
    expect(page.get_by_role("heading", name=t("surveys.title", lang="fr"))).to_be_visible()
    settle(page)
    charts_drawn(page, 1)
    no_error(page)
    screenshot(page, "surveys-dimensions")
    for name in ("items", "change", "categories", "rates", "comments", "downloads"):
        page.get_by_role("tab", name=t(f"surveys.tab.{name}", lang="fr"), exact=True).click()
        page.wait_for_timeout(600)
        no_error(page)
        screenshot(page, f"surveys-{name}")
    # The heatmap shows small categories as "< 5".
    page.get_by_role("tab", name=t("surveys.tab.categories", lang="fr"), exact=True).click()
    expect(page.get_by_text(t("surveys.heatmap_title", lang="fr", wave="2024"))).to_be_visible()
    # A small category: every figure of the wave becomes "< 5".
    page.get_by_label(t("surveys.filter.category", lang="fr")).first.click()
    page.get_by_role("option", name="Académique").click()
    settle(page)
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("< 5")
    no_error(page)
    screenshot(page, "surveys-small-category")


def test_a_coordinator_imports_a_google_forms_export(start_server, page):
    base = start_server()
    log_in(page, base, "demo-coordinator", "import")
    expect(page.get_by_role("heading", name=t("imports.title", lang="fr"))).to_be_visible()
    page.get_by_role("tab", name=t("import.kind.survey", lang="fr"), exact=True).click()
    wave = page.get_by_role("textbox", name=t("import.survey.wave", lang="fr"))
    wave.fill("2025")
    wave.press("Enter")
    settle(page)
    panel = page.get_by_role("tabpanel", name=t("import.kind.survey", lang="fr"))
    # The responses' uploader by its label: on a busy machine the questionnaire's may be the
    # only one drawn yet, and "the last file input" was then the wrong one.
    responses = panel.get_by_role("region", name=t("import.upload", lang="fr"), exact=True)
    responses.locator("input[type='file']").set_input_files(str(DATA / "google_forms_fr.csv"))
    expect(page.get_by_text(t("import.preview", lang="fr"))).to_be_visible(timeout=30_000)
    new = page.get_by_test_id("stMetric").filter(has_text=t("import.survey.new", lang="fr"))
    expect(new.get_by_test_id("stMetricValue")).to_have_text("12")
    no_error(page)
    screenshot(page, "surveys-import-preview")
    page.get_by_role("button", name=t("import.confirm", lang="fr")).click()
    expect(page.get_by_text(t("import.done", lang="fr"))).to_be_visible(timeout=30_000)
    page.goto(f"{base}/surveys")
    expect(page.get_by_role("heading", name=t("surveys.title", lang="fr"))).to_be_visible()
    settle(page)
    no_error(page)
