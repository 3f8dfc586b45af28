"""The direction of imports that docs/architecture.md describes, and thin pages: checked on
the source, so that a new module that breaks a rule fails here rather than in review."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGE_MAX_LINES = 150


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def sources(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def breaking(folder: str, forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Files of `folder` importing a module under one of `forbidden` (and not under `allowed`)."""
    found = {}
    for path in sources(folder):
        bad = sorted(
            m
            for m in imported_modules(path)
            if any(m == f or m.startswith(f + ".") for f in forbidden)
            and not any(m == a or m.startswith(a + ".") for a in allowed)
        )
        if bad:
            found[str(path.relative_to(ROOT))] = bad
    return found


@pytest.mark.parametrize(
    "folder, forbidden, allowed",
    [
        ("dashboard/services", ("streamlit", "dashboard.ui", "dashboard.presenters", "pages"), ()),
        ("dashboard/presenters", ("streamlit", "dashboard.ui", "sqlmodel", "sqlalchemy"), ()),
        ("dashboard/charts", ("streamlit", "dashboard.ui", "sqlmodel", "sqlalchemy"), ()),
        ("data_loaders", ("dashboard", "streamlit", "pages"), ()),
        ("models", ("dashboard", "streamlit", "pages", "data_loaders"), ()),
        ("pages", ("models", "sqlmodel", "sqlalchemy"), ("models.vocab",)),
    ],
)
def test_imports_go_one_way(folder, forbidden, allowed):
    assert sources(folder), f"{folder} has no sources: the test no longer looks where the code is"
    assert breaking(folder, forbidden, allowed) == {}


def test_the_layer_check_finds_what_it_is_for(tmp_path, monkeypatch):
    (tmp_path / "dashboard" / "services").mkdir(parents=True)
    (tmp_path / "dashboard" / "services" / "bad.py").write_text("import streamlit as st\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert breaking("dashboard/services", ("streamlit",)) == {"dashboard/services/bad.py": ["streamlit"]}


def test_pages_stay_thin():
    long = {
        str(p.relative_to(ROOT)): n
        for p in sources("pages")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > PAGE_MAX_LINES
    }
    assert long == {}


# Services cleaned of translation: they return codes and stored texts, presenters label them.
# The list grows as more are cleaned (docs/architecture.md names those that still translate).
UNTRANSLATED_SERVICES = (
    "dashboard/services/evaluation/indicators.py",
    "dashboard/services/evaluation/indicator_definitions.py",
    "dashboard/services/evaluation/indicator_values.py",
    "dashboard/services/evaluation/indicator_status.py",
    "dashboard/services/evaluation/computed_indicators.py",
    "dashboard/services/explore/catalogue.py",
)
# What translates or formats for a reader (`fallback_order`, the order of languages to pick a
# stored text in, does not).
TRANSLATING = {"t", "plural", "label", "label_of", "message", "catalogue", "localized", "current_language"}


def translating_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dashboard.i18n"):
            names = {alias.name for alias in node.names}
            if node.module != "dashboard.i18n" or names & TRANSLATING:
                found.append(f"{node.module}: {', '.join(sorted(names))}")
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("dashboard.i18n")]
    return found


@pytest.mark.parametrize("module", UNTRANSLATED_SERVICES)
def test_cleaned_services_do_not_translate(module):
    assert translating_imports(ROOT / module) == []


def test_the_translation_check_finds_what_it_is_for(tmp_path):
    (tmp_path / "bad.py").write_text("from dashboard.i18n import fallback_order, t\n")
    assert translating_imports(tmp_path / "bad.py") == ["dashboard.i18n: fallback_order, t"]
