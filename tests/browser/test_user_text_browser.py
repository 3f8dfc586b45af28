"""User text in Streamlit's own Markdown (remark-gfm in the browser, not a Python stand-in):
a description or a rationale holding an image, links and HTML shows those characters; the
browser fetches nothing and makes no link of them."""

import sqlite3

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in, screenshot, settle

pytestmark = pytest.mark.browser
BEACON = "http://127.0.0.1:9/beacon.png"
HOSTILE = f"![b]({BEACON}) <img src=x onerror=alert(1)> [lien](javascript:alert(1)) www.example.be a@b.be"


def test_hostile_text_is_shown_as_text_in_the_browser(start_server, page, tmp_path):
    base = start_server()
    with sqlite3.connect(tmp_path / "server-0.db") as db:
        action = db.execute(
            "SELECT a.code FROM decision d JOIN action a ON a.id = d.action_id LIMIT 1"
        ).fetchone()[0]
        (sequence,) = db.execute("SELECT sequence FROM decision ORDER BY sequence LIMIT 1").fetchone()
        db.execute("UPDATE action SET description = ? WHERE code = ?", (f"Description {HOSTILE}", action))
        db.execute("UPDATE decision SET rationale = ? WHERE sequence = ?", (f"Rationale {HOSTILE}", sequence))
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    log_in(page, base, "demo-steering", f"portfolio?action={action}")
    settle(page)
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_text(f"Description {HOSTILE}")).to_be_visible()
    screenshot(page, "user-text-action")
    page.goto(f"{base}/decisions?entry={sequence}")
    settle(page)
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    # Markdown text carries invisible word joiners that keep remark-gfm from linking addresses.
    assert f"Rationale {HOSTILE}" in dialog.inner_text().replace("\u2060", "")
    screenshot(page, "user-text-decision")
    for selector in (
        "img[src*='127.0.0.1']",
        "img[src='x']",
        "a[href^='javascript']",
        "a[href*='example.be']",
        "a[href^='mailto']",
        "a[href*='127.0.0.1']",
    ):
        expect(page.locator(selector)).to_have_count(0)
    assert not [url for url in fetched if "127.0.0.1:9" in url]
