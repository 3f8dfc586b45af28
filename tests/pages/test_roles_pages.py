"""The role matrix as a reader meets it (README, "Roles"): a viewer keeps the minutes (Markdown
and PDF) but gets no table file; a role with the download permission gets both."""

from dashboard.i18n import t
from tests.pages.apptest import logged_in, open_page


def _downloads(at) -> list[str]:  # noqa: ANN001
    return [button.label for button in at.get("download_button")]


def test_a_viewer_keeps_the_minutes_but_no_table_file(demo_sqlite):
    minutes = {t("meetings.download_md", lang="en"), t("meetings.download_pdf", lang="en")}
    for username, tables in (("demo-viewer", False), ("demo-academic", True)):
        meetings = open_page(logged_in(username, project="empact"), "meetings")
        assert minutes <= set(_downloads(meetings)), username
        decisions = open_page(logged_in(username, project="empact"), "decisions")
        assert bool(_downloads(decisions)) is tables, username
