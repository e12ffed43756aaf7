"""The layering rule: no Qt below the UI, and the protocol depends on nothing of ours."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "explorer"
QT_MODULES = ("PySide6", "qasync", "shiboken6")
GUI_FREE = (
    "stomp",
    "client",
    "store",
    "profiles",
    "sandbox",
    "discovery",
    "cli",
    "session",
    "broker",
    "operations",
    "health",
)


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth (function-level imports too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def files_of(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", GUI_FREE)
def test_no_qt_below_the_ui(layer: str) -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            name
            for name in imported_modules(path)
            if name.split(".")[0] in QT_MODULES or name.startswith("explorer.ui")
        )
        for path in files_of(layer)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_protocol_layer_imports_nothing_else_of_ours() -> None:
    for path in files_of("stomp"):
        ours = {n for n in imported_modules(path) if n.startswith("explorer")}
        assert all(n.startswith("explorer.stomp") for n in ours), (path, ours)


def test_client_depends_only_on_the_protocol() -> None:
    for path in files_of("client"):
        ours = {n for n in imported_modules(path) if n.startswith("explorer")}
        assert all(n.startswith(("explorer.stomp", "explorer.client")) for n in ours), (path, ours)


def test_the_check_sees_imports() -> None:
    """Guard against a vacuous pass: this very file is parsed and its imports found."""
    assert {"ast", "pytest", "pathlib"} <= imported_modules(Path(__file__))
    assert files_of("client"), "the client package has files to check"
