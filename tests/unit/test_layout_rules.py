"""Two rules of docs/architecture.md read from the source (the direction of imports and thin
pages are tests/unit/test_layers.py): one write path, one module of caches. A new file that
breaks one fails here with its name."""

from __future__ import annotations

import ast
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]


def python_files(*folders: str) -> list[Path]:
    return sorted(path for folder in folders for path in (ROOT / folder).rglob("*.py"))


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


def test_only_the_unit_of_work_refreshes_derived_data_and_bumps_versions():
    callers = {
        relative(path)
        for path in python_files("dashboard", "pages", "data_loaders")
        if {"recompute", "bump_data_version"} & called_names(path)
    }
    assert callers == {"dashboard/services/unit_of_work.py"}


def test_the_call_scan_sees_calls():
    # The scan must find what it is for, or the rule above cannot fail.
    assert {"recompute", "bump_data_version"} <= called_names(ROOT / "dashboard/services/unit_of_work.py")


def test_every_cached_read_lives_in_ui_cache():
    holders = {
        relative(path)
        for path in python_files("dashboard", "pages")
        if "cache_data" in path.read_text(encoding="utf-8")
    }
    assert holders == {"dashboard/ui/cache.py"}


SERVICE_MAX_LINES = 1000


def test_no_service_module_is_over_a_thousand_lines():
    long = {
        relative(path)
        for path in python_files("dashboard/services")
        if len(path.read_text(encoding="utf-8").splitlines()) > SERVICE_MAX_LINES
    }
    assert long == set()
