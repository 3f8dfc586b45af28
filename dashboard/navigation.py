"""Which pages exist, in which section, and which role sees them (`st.navigation`, built per rerun).

Page files live in the top-level pages/ folder and are registered here only: no pages/ folder
sits beside the entry script, so Streamlit never serves a page without running the login gate.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import streamlit as st

from dashboard.i18n import t
from dashboard.permissions import Permission, can

ROOT = Path(__file__).resolve().parent.parent
PAGES_DIR = ROOT / "pages"


@dataclass(frozen=True)
class PageSpec:
    key: str
    file: str
    title_key: str
    icon: str
    section: str
    permission: Permission
    url_path: str

    @property
    def path(self) -> Path:
        return PAGES_DIR / self.file


PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", "overview/home.py", "nav.home", ":material/home:", "overview", Permission.read, "home"),
    PageSpec(
        "portfolio",
        "actions/portfolio.py",
        "nav.portfolio",
        ":material/account_tree:",
        "actions",
        Permission.read,
        "portfolio",
    ),
    PageSpec(
        "gantt",
        "actions/gantt.py",
        "nav.gantt",
        ":material/view_timeline:",
        "actions",
        Permission.read,
        "gantt",
    ),
    PageSpec(
        "update_actions",
        "actions/update_actions.py",
        "nav.update_actions",
        ":material/edit_note:",
        "actions",
        Permission.edit_actions,
        "update-actions",
    ),
    PageSpec(
        "decisions",
        "governance/decisions.py",
        "nav.decisions",
        ":material/gavel:",
        "governance",
        Permission.read,
        "decisions",
    ),
    PageSpec(
        "meetings",
        "governance/meetings.py",
        "nav.meetings",
        ":material/groups:",
        "governance",
        Permission.read,
        "meetings",
    ),
    PageSpec(
        "since",
        "governance/since.py",
        "nav.since",
        ":material/history:",
        "governance",
        Permission.read,
        "since",
    ),
    PageSpec(
        "risk_map",
        "population/risk_map.py",
        "nav.risk_map",
        ":material/map:",
        "population",
        Permission.read,
        "risk-map",
    ),
    PageSpec(
        "surveys",
        "partners/surveys.py",
        "nav.surveys",
        ":material/forum:",
        "partners",
        Permission.read,
        "surveys",
    ),
    PageSpec(
        "indicators",
        "evaluation/indicators.py",
        "nav.indicators",
        ":material/monitoring:",
        "evaluation",
        Permission.read,
        "indicators",
    ),
    PageSpec(
        "maturity",
        "evaluation/maturity.py",
        "nav.maturity",
        ":material/radar:",
        "evaluation",
        Permission.read,
        "maturity",
    ),
    PageSpec(
        "imports",
        "data/imports.py",
        "nav.imports",
        ":material/upload_file:",
        "data",
        Permission.import_data,
        "import",
    ),
    PageSpec(
        "explore",
        "data/explore.py",
        "nav.explore",
        ":material/query_stats:",
        "data",
        Permission.explore,
        "explore",
    ),
    PageSpec(
        "administration",
        "administration/administration.py",
        "nav.administration",
        ":material/manage_accounts:",
        "administration",
        Permission.manage_users,
        "administration",
    ),
    PageSpec(
        "account",
        "account/account.py",
        "nav.account",
        ":material/person:",
        "account",
        Permission.read,
        "account",
    ),
)
SPECS = {spec.key: spec for spec in PAGES}


def page_path(key: str) -> str:
    """The registered path of a page, for st.page_link and st.switch_page."""
    return str(SPECS[key].path)


def visible_pages(role: str) -> list[PageSpec]:
    return [spec for spec in PAGES if can(role, spec.permission)]


def neighbours(role: str, url_path: str) -> tuple[PageSpec | None, PageSpec | None]:
    """The pages before and after the one at `url_path` in the role's menu order (None at
    either end, or both when the page is not in the menu)."""
    pages = visible_pages(role)
    paths = [spec.url_path for spec in pages]
    if url_path not in paths:
        return None, None
    index = paths.index(url_path)
    return (pages[index - 1] if index > 0 else None), (pages[index + 1] if index + 1 < len(pages) else None)


def app_navigation(role: str) -> st.navigation:  # type: ignore[valid-type]
    sections: dict[str, list] = {}
    for spec in visible_pages(role):
        sections.setdefault(t(f"nav.section.{spec.section}"), []).append(
            st.Page(
                spec.path,
                title=t(spec.title_key),
                icon=spec.icon,
                url_path=spec.url_path,
                default=spec.key == "home",
            )
        )
    # Expanded: over twelve pages Streamlit folds the menu after ten, hiding Data and
    # Administration (the Users page) behind "View more", which admins did not find.
    return st.navigation(sections, expanded=True)


def login_navigation(render: Callable[[], None]) -> st.navigation:  # type: ignore[valid-type]
    """The only page of a visitor who is not logged in, whatever URL was asked for.

    Every page's URL is a hidden alias of the login page, so that /portfolio shows the login
    (not Streamlit's "page not found") and, once logged in, the page that was asked for.
    """
    login = st.Page(render, title=t("nav.login"), icon=":material/login:", url_path="login", default=True)
    aliases = [
        st.Page(render, title=t("nav.login"), url_path=spec.url_path, visibility="hidden") for spec in PAGES
    ]
    return st.navigation([login, *aliases], position="hidden")
