"""docs/architecture.md cannot go stale silently: every path it names in backticks exists, every
`file.py::test_name` names a test of that file, and every test named alone exists in tests/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ["docs/architecture.md"]


def backticked(text: str) -> list[str]:
    return re.findall(r"`([^`\n]+)`", text)


def named_paths(text: str) -> list[str]:
    """Backticked tokens that are paths of this repository (a folder or a file of it; not
    commands, placeholders like `<area>`, or paths outside the checkout)."""
    return [
        token
        for token in backticked(text)
        if "/" in token
        and " " not in token
        and "<" not in token
        and not token.startswith(("../", "/", "http"))
        and re.fullmatch(r"[\w./:-]+", token)
    ]


def test_the_scan_finds_paths_and_tests():
    sample = "see `dashboard/app.py`, `tests/x.py::test_y`, `a b/c`, `dashboard/ui/<area>` and `test_z`"
    assert named_paths(sample) == ["dashboard/app.py", "tests/x.py::test_y"]


@pytest.mark.parametrize("doc", DOCS)
def test_every_path_the_doc_names_exists(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    paths = named_paths(text)
    assert len(paths) > 20, "the scan found almost no paths: it no longer reads the doc"
    missing = []
    for token in paths:
        path, _, test = token.partition("::")
        if not (ROOT / path).exists():
            missing.append(token)
        elif test and not re.search(
            rf"^def {re.escape(test)}\(", (ROOT / path).read_text(encoding="utf-8"), re.M
        ):
            missing.append(token)
    assert missing == []


@pytest.mark.parametrize("doc", DOCS)
def test_every_test_the_doc_names_exists(doc):
    names = {
        token
        for token in backticked((ROOT / doc).read_text(encoding="utf-8"))
        if re.fullmatch(r"test_\w+", token)
    }
    sources = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "tests").rglob("test_*.py"))
    assert names, "the doc names no test"
    assert {name for name in names if not re.search(rf"^def {name}\(", sources, re.M)} == set()
