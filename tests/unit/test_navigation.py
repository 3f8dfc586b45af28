"""The navigation menu as Streamlit is asked to draw it."""

import streamlit as st

from dashboard import navigation
from dashboard.i18n import t


def test_the_menu_is_never_collapsed_so_an_admin_sees_the_users_page(monkeypatch):
    """Over twelve pages, Streamlit folds the menu after ten behind "View more": the last
    sections (Data, Administration) disappeared. The menu is asked to stay expanded."""
    asked = {}

    def fake_navigation(pages, **options):  # noqa: ANN001, ANN003, ANN202
        asked.update(pages=pages, **options)

    monkeypatch.setattr(st, "navigation", fake_navigation)
    navigation.app_navigation("admin")
    assert asked["expanded"] is True
    sections = list(asked["pages"])
    assert sections[-2:] == [t("nav.section.administration"), t("nav.section.account")]
    assert len(asked["pages"][sections[-2]]) == 1  # the Users page
    assert len(asked["pages"][sections[-1]]) == 1  # My account
