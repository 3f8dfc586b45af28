"""The app in a real browser: the login gate on a fresh server, logging in, every page, cookie
re-login, logout. Screenshots of every page go to tests/artifacts/."""

import re

import pytest
from playwright.sync_api import expect

from dashboard.i18n import t
from dashboard.navigation import PAGES
from tests.browser.conftest import PASSWORD, log_in, no_error, remembered, screenshot, settle

pytestmark = pytest.mark.browser

TITLE_KEYS = {
    "portfolio": "portfolio.title",
    "decisions": "decisions.title",
    "risk_map": "risk.title",
    "surveys": "surveys.title",
    "indicators": "indicators.title",
    "maturity": "maturity.title",
    "administration": "admin.title",
    "imports": "imports.title",
    "gantt": "gantt.title",
    "update_actions": "update.title",
    "meetings": "meetings.title",
    "since": "since.title",
    "account": "account.title",
    "explore": "explore.title",
}


def open_listed_page(page, base: str, spec) -> None:  # noqa: ANN001
    """Open a page of the menu and wait for its title, in any language: these walks are about
    every page opening (languages have their own tests), and a busy machine may serve the first
    run of a re-logged session before the user's saved language is applied. Home is the
    default page, at "/" ("/home" opens it under a "Page not found" dialog)."""
    page.goto(f"{base}/" if spec.key == "home" else f"{base}/{spec.url_path}")
    titles = (
        ["Chronicopôle"]
        if spec.key == "home"
        else [t(TITLE_KEYS[spec.key], lang=lang) for lang in ("fr", "nl", "en")]
    )
    pattern = re.compile("^(" + "|".join(re.escape(title) for title in titles) + ")$")
    expect(page.get_by_role("heading", name=pattern)).to_be_visible()


def test_first_request_to_a_page_url_of_a_fresh_server_shows_the_login(start_server, page):
    base = start_server()
    page.goto(f"{base}/portfolio")  # the very first request this server gets
    expect(page.get_by_label(t("auth.password", lang="fr"))).to_be_visible()
    settle(page)
    expect(page.get_by_text(t("portfolio.title", lang="fr"), exact=True)).to_have_count(0)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    screenshot(page, "login-from-page-url")
    # Once logged in, the user lands on the page that was asked for.
    page.get_by_label(t("auth.username", lang="fr")).fill("demo-steering")
    page.get_by_label(t("auth.password", lang="fr")).fill(PASSWORD)
    page.get_by_role("button", name=t("auth.submit", lang="fr")).click()
    expect(page.get_by_role("heading", name=t("portfolio.title", lang="fr"))).to_be_visible()


def test_wrong_password(start_server, page):
    base = start_server()
    page.goto(base)
    page.get_by_label(t("auth.username", lang="fr")).fill("demo-admin")
    page.get_by_label(t("auth.password", lang="fr")).fill("not the password")
    page.get_by_role("button", name=t("auth.submit", lang="fr")).click()
    expect(page.get_by_text(t("auth.wrong_credentials", lang="fr"))).to_be_visible()


def test_every_page_opens_for_an_admin_and_the_login_survives_reloads(start_server, page):
    base = start_server()
    log_in(page, base, "demo-admin")
    expect(page.get_by_role("heading", name="Chronicopôle")).to_be_visible()
    remembered(page)  # each goto below is a full page load
    outside: list[str] = []  # offline installations: no font, icon or script from elsewhere
    page.on(
        "request", lambda r: None if r.url.startswith((base, "data:", "blob:")) else outside.append(r.url)
    )
    # demo-admin prefers English; each goto is a new session, re-logged in by the cookie.
    for spec in PAGES:
        open_listed_page(page, base, spec)
        settle(page)
        no_error(page)
        screenshot(page, f"admin-{spec.url_path}")
    assert outside == [], outside


def test_a_viewer_in_dutch(start_server, page):
    base = start_server()
    log_in(page, base, "demo-viewer")
    expect(page.get_by_role("heading", name="EMPACT")).to_be_visible()
    expect(page.get_by_role("heading", name=t("home.card.population", lang="nl"))).to_be_visible()
    expect(page.get_by_role("link", name=t("nav.administration", lang="nl"))).to_have_count(0)
    settle(page)
    screenshot(page, "viewer-home-nl")


def test_a_page_opened_again_by_url_speaks_and_shows_the_saved_language(start_server, page):
    """A re-login by cookie once showed Dutch text with FR highlighted, and the next click then
    switched the interface to French and saved French as the user's preference."""
    base = start_server()
    log_in(page, base, "demo-viewer")  # prefers Dutch
    expect(page.get_by_role("heading", name=t("home.card.population", lang="nl"))).to_be_visible()
    settle(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    for _ in range(3):
        page.goto(f"{base}/decisions")
        expect(page.get_by_role("heading", name=t("decisions.title", lang="nl"))).to_be_visible()
        settle(page)
        for language in ("FR", "NL", "EN"):
            expect(sidebar.get_by_role("button", name=language, exact=True)).to_have_attribute(
                "kind", "primary" if language == "NL" else "secondary"
            )
        sidebar.get_by_role("link", name=t("nav.home", lang="nl")).click()
        expect(page.get_by_role("heading", name=t("home.card.population", lang="nl"))).to_be_visible()


def test_logout_is_final(start_server, page):
    base = start_server()
    log_in(page, base, "demo-coordinator")
    expect(page.get_by_role("heading", name="Chronicopôle")).to_be_visible()
    settle(page)
    page.get_by_role("button", name=t("auth.logout", lang="fr")).click()
    expect(page.get_by_label(t("auth.password", lang="fr"))).to_be_visible()
    settle(page)
    page.reload()  # the re-login cookie is gone
    expect(page.get_by_label(t("auth.password", lang="fr"))).to_be_visible()
    settle(page)
    expect(page.get_by_role("heading", name="Chronicopôle")).to_have_count(0)


def test_a_copied_cookie_no_longer_logs_in_after_logout(start_server, page, chromium):
    base = start_server()
    log_in(page, base, "demo-coordinator")
    expect(page.get_by_role("heading", name="Chronicopôle")).to_be_visible()
    settle(page)
    page.reload()  # the cookie is in the browser: a new session is logged in by it
    expect(page.get_by_role("heading", name="Chronicopôle")).to_be_visible()
    copied = [c for c in page.context.cookies() if c["name"] == "livinglab_session"]
    assert copied, page.context.cookies()
    thief = chromium.new_context(viewport={"width": 1920, "height": 1080}, locale="fr-BE")
    try:
        thief.add_cookies(copied)
        stolen = thief.new_page()
        stolen.goto(base)
        expect(stolen.get_by_role("heading", name="Chronicopôle")).to_be_visible()  # works before
        settle(page)
        page.get_by_role("button", name=t("auth.logout", lang="fr")).click()
        expect(page.get_by_label(t("auth.password", lang="fr"))).to_be_visible()
        stolen.close()
        stolen = thief.new_page()
        stolen.goto(base)
        expect(stolen.get_by_label(t("auth.password", lang="fr"))).to_be_visible()
        settle(stolen)
        expect(stolen.get_by_role("heading", name="Chronicopôle")).to_have_count(0)
    finally:
        thief.close()


def test_a_cookie_signed_with_another_algorithm_shows_the_login_form(start_server, page):
    import jwt

    base = start_server()
    forged = jwt.encode({"username": "demo-admin", "exp_date": 4102444800}, "k" * 64, algorithm="HS512")
    page.context.add_cookies([{"name": "livinglab_session", "value": forged, "url": base}])
    page.goto(base)
    expect(page.get_by_label(t("auth.password", lang="fr"))).to_be_visible()
    settle(page)
    no_error(page)
    log_in(page, base, "demo-steering")  # and the form works
    expect(page.get_by_role("heading", name="Chronicopôle")).to_be_visible()


def test_a_login_after_a_logout_is_remembered_again(start_server, page):
    base = start_server()
    log_in(page, base, "demo-coordinator")
    expect(page.get_by_role("heading", name="Chronicopôle")).to_be_visible()
    settle(page)
    page.get_by_role("button", name=t("auth.logout", lang="fr")).click()
    expect(page.get_by_label(t("auth.password", lang="fr"))).to_be_visible()
    settle(page)
    page.get_by_label(t("auth.username", lang="fr")).fill("demo-coordinator")
    page.get_by_label(t("auth.password", lang="fr")).fill(PASSWORD)
    page.get_by_role("button", name=t("auth.submit", lang="fr")).click()
    expect(page.get_by_role("heading", name="Chronicopôle")).to_be_visible()
    settle(page)
    page.reload()  # the new session's cookie was written
    expect(page.get_by_role("heading", name="Chronicopôle")).to_be_visible()


def test_the_lockout_in_the_browser(start_server, page):
    base = start_server()
    page.goto(base)
    for _ in range(5):
        page.get_by_label(t("auth.username", lang="fr")).fill("demo-steering")
        page.get_by_label(t("auth.password", lang="fr")).fill("not the password")
        page.get_by_role("button", name=t("auth.submit", lang="fr")).click()
        expect(page.get_by_text(t("auth.wrong_credentials", lang="fr"))).to_be_visible()
        settle(page)
    page.get_by_label(t("auth.username", lang="fr")).fill("demo-steering")
    page.get_by_label(t("auth.password", lang="fr")).fill(PASSWORD)
    page.get_by_role("button", name=t("auth.submit", lang="fr")).click()
    expect(page.get_by_text(t("auth.locked", lang="fr", minutes="15"))).to_be_visible()
    settle(page)
    screenshot(page, "login-locked")


def test_an_admin_resets_a_password_and_reads_the_audit_log(start_server, page):
    base = start_server()
    log_in(page, base, "demo-admin", "administration")
    expect(page.get_by_role("heading", name=re.compile(t("admin.title", lang="en")))).to_be_visible()
    settle(page)
    form = page.locator("[data-testid='stForm']").filter(
        has=page.get_by_role("heading", name=t("admin.account_title", lang="en"))
    )
    form.get_by_role("button", name=t("admin.account_reset", lang="en")).click()
    expect(
        page.get_by_text(t("admin.account_reset_done", lang="en", username="demo-academic"))
    ).to_be_visible()
    one_time = page.locator("[data-testid='stCode']").inner_text().strip()
    assert len(one_time) >= 12
    audit = page.get_by_role("heading", name=t("audit.title", lang="en"))
    audit.scroll_into_view_if_needed()
    # The grid draws on a canvas; its cells are in the page for assistive technology.
    expect(page.get_by_text(t("audit.kind.password_reset", lang="en"), exact=True)).to_be_attached()
    settle(page)
    no_error(page)
    screenshot(page, "admin-audit")
