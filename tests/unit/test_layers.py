"""The layering rule: no Qt below the UI, and the protocol depends on nothing of ours."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "explorer"
QT_MODULES = ("PySide6", "qasync", "shiboken6")
QT_LAYER = ("ui", "app.py")  # the only places that may import Qt
# Every other package and module of explorer/ is GUI-free, new ones included by default.
GUI_FREE = tuple(
    sorted(
        path.name
        for path in PACKAGE.iterdir()
        if path.name not in QT_LAYER
        and ((path.is_dir() and (path / "__init__.py").is_file()) or path.suffix == ".py")
    )
)


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth (function-level imports too); relative
    imports of the package's own files are resolved to absolute names."""
    package = path.parent.relative_to(PACKAGE.parent).parts if PACKAGE in path.parents else ()
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level:
            base = ".".join(package[: len(package) - node.level + 1])
            if node.module:
                names.add(f"{base}.{node.module}")
            else:
                names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def files_of(layer: str) -> list[Path]:
    path = PACKAGE / layer
    return [path] if path.is_file() else sorted(path.rglob("*.py"))


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
    """Guard against a vacuous pass: this very file is parsed and its imports found, the
    GUI-free list holds the layers below the UI, and relative imports are resolved."""
    assert {"ast", "pytest", "pathlib"} <= imported_modules(Path(__file__))
    assert files_of("client"), "the client package has files to check"
    assert {"stomp", "client", "session", "store", "cli", "__init__.py"} <= set(GUI_FREE)
    assert "ui" not in GUI_FREE and "app.py" not in GUI_FREE
    relative = [p for p in sorted(PACKAGE.rglob("*.py")) if "\nfrom ." in p.read_text("utf-8")]
    assert relative, "some module of the package imports relatively"
    package = ".".join(relative[0].parent.relative_to(PACKAGE.parent).parts)
    assert any(name.startswith(f"{package}.") for name in imported_modules(relative[0]))
