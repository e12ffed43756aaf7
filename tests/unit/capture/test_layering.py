"""Captures and search are GUI-free, and search does not know about captures (the SQL back
end names the capture's columns, nothing more): the capture tab, the CLI and scenarios can
all use them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[3] / "explorer"


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", ["capture", "search"])
def test_no_qt_and_nothing_from_the_window(package: str) -> None:
    files = sorted((PACKAGE / package).rglob("*.py"))
    assert files
    for path in files:
        bad = {
            name
            for name in imported(path)
            if name.split(".")[0] in ("PySide6", "qasync", "shiboken6")
            or name.startswith(("explorer.ui", "explorer.session", "explorer.cli"))
        }
        assert not bad, (path.name, bad)


def test_search_does_not_import_captures() -> None:
    for path in sorted((PACKAGE / "search").rglob("*.py")):
        assert not any(name.startswith("explorer.capture") for name in imported(path)), path
