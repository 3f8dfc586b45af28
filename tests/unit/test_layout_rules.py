"""The layout rules of docs/architecture.md, read from the source: which layer imports what,
pages stay short, one write path, one module of caches. Each rule is checked on the parsed
imports and calls (ast), so a new file that breaks one fails here with its name."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGE_LINE_LIMIT = 150


def python_files(*folders: str) -> list[Path]:
    return sorted(path for folder in folders for path in (ROOT / folder).rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def imports_of(modules: set[str], *prefixes: str) -> set[str]:
    return {m for m in modules if any(m == p or m.startswith(f"{p}.") for p in prefixes)}


def called_names(path: Path) -> set[str]:
    """Names of the functions a file calls (`f(...)` and `x.f(...)` both give f)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            function = node.func
            if isinstance(function, ast.Attribute):
                names.add(function.attr)
            elif isinstance(function, ast.Name):
                names.add(function.id)
    return names


def relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize(
    ("folders", "forbidden"),
    [
        (("dashboard/services", "dashboard/presenters", "dashboard/charts"), ("streamlit",)),
        (("data_loaders",), ("dashboard",)),
        (("models",), ("dashboard", "data_loaders")),
        (("pages",), ("models.tables", "models.db", "sqlmodel", "sqlalchemy")),
    ],
)
def test_each_layer_imports_only_what_it_may(folders, forbidden):
    found = {
        relative(path): sorted(bad)
        for path in python_files(*folders)
        if (bad := imports_of(imported_modules(path), *forbidden))
    }
    assert found == {}


def test_the_layer_scan_sees_imports():
    # The scan must find what it is for, or the rule above cannot fail.
    assert imports_of(imported_modules(ROOT / "dashboard/ui/cache.py"), "streamlit") == {"streamlit"}


def test_every_page_script_is_at_most_150_lines():
    pages = python_files("pages")
    assert len(pages) >= 10
    long = {
        relative(p): n
        for p in pages
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > PAGE_LINE_LIMIT
    }
    assert long == {}


def test_only_the_unit_of_work_refreshes_derived_data_and_bumps_versions():
    callers = {
        relative(path)
        for path in python_files("dashboard", "pages", "data_loaders")
        if {"recompute", "bump_data_version"} & called_names(path)
    }
    assert callers == {"dashboard/services/unit_of_work.py"}


def test_every_cached_read_lives_in_ui_cache():
    holders = {
        relative(path)
        for path in python_files("dashboard", "pages")
        if "cache_data" in path.read_text(encoding="utf-8")
    }
    assert holders == {"dashboard/ui/cache.py"}
