"""The package's shape: no import cycle between modules, no module over 500 lines.

Both are read from the source (AST and line counts), never by importing it. The import graph
is the module-level one: imports inside functions and under `if TYPE_CHECKING:` do not run at
import time, so they cannot make an import cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "explorer"
MAX_LINES = 500

# Modules still over MAX_LINES, each with the reason it may be for now. Only ever remove
# entries: the list must be empty when a stage closes. A module that is back under the limit
# fails test_the_allow_lists_hold_only_current_offenders until its entry goes.
LONG_MODULES: dict[str, str] = {}

# Import cycles still allowed, as the sorted module names of each cycle, with the reason.
CYCLES: dict[tuple[str, ...], str] = {}


# -- the import graph --------------------------------------------------------------------------


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules_of(root: Path) -> dict[str, Path]:
    return {module_name(path, root): path for path in sorted(root.rglob("*.py"))}


def top_level_imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """Import statements that run when the module is imported: at module level, also inside
    `if`/`try`/`with` blocks there, but not under `if TYPE_CHECKING:` and not in functions."""
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop(0)
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                pending.extend(node.body)
            pending.extend(node.orelse)
        elif isinstance(node, ast.Try):
            pending.extend(node.body + node.orelse + node.finalbody)
            for handler in node.handlers:
                pending.extend(handler.body)
        elif isinstance(node, ast.With):
            pending.extend(node.body)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imported_modules(
    node: ast.Import | ast.ImportFrom, module: str, is_package: bool, modules: set[str]
) -> set[str]:
    """The package's modules `node` imports. `from pkg import name` imports `pkg.name` when
    that is a module, else (a name defined in `pkg`) `pkg` itself."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names} & modules
    if node.level:
        package = module if is_package else module.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{node.module}" if node.module else package
    else:
        base = node.module or ""
    found = set()
    for alias in node.names:
        submodule = f"{base}.{alias.name}"
        found.add(submodule if submodule in modules else base)
    return found & modules


def import_graph(root: Path) -> dict[str, set[str]]:
    """module -> the modules of the same package it imports at import time.

    A module's parent packages are not edges of their own, so a package `__init__` that
    re-exports its submodules does not make a cycle with each of them.
    """
    modules = modules_of(root)
    names = set(modules)
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        is_package = path.name == "__init__.py"
        edges: set[str] = set()
        for node in top_level_imports(tree):
            edges |= imported_modules(node, module, is_package, names)
        graph[module] = edges - {module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """The strongly connected components with more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[tuple[str, ...]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(tuple(sorted(component)))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_no_import_cycle_in_the_package() -> None:
    found = cycles(import_graph(PACKAGE))
    unexpected = [cycle for cycle in found if cycle not in CYCLES]
    assert unexpected == [], "import cycles (module-level imports):\n" + "\n".join(
        " <-> ".join(cycle) for cycle in unexpected
    )


def test_the_cycle_check_sees_the_package() -> None:
    """Guard against a vacuous pass: the graph has the package's real modules and edges."""
    graph = import_graph(PACKAGE)
    assert len(graph) > 50
    assert sum(map(len, graph.values())) > 100
    client_to_protocol = {
        target
        for module, targets in graph.items()
        if module.startswith("explorer.client.")
        for target in targets
        if target.startswith("explorer.stomp")
    }
    assert client_to_protocol, "the client's imports of the protocol layer are edges"


def test_the_cycle_check_finds_cycles(tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    (root / "sub").mkdir(parents=True)
    files = {
        "__init__.py": "from pkg.a import A\n",
        "a.py": "from pkg import b\nA = 1\n",
        "b.py": "from .sub import c\n",
        "sub/__init__.py": "",
        "sub/c.py": "import pkg.a\n",
        "d.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import e\n",
        "e.py": "def late():\n    from pkg import d\n",
        "f.py": "try:\n    from . import g\nexcept ImportError:\n    pass\n",
        "g.py": "from .f import X\n",
    }
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    graph = import_graph(root)
    assert graph["pkg.a"] == {"pkg.b"} and graph["pkg.sub.c"] == {"pkg.a"}
    assert graph["pkg.d"] == set() and graph["pkg.e"] == set()
    assert cycles(graph) == [("pkg.a", "pkg.b", "pkg.sub.c"), ("pkg.f", "pkg.g")]


# -- module size -------------------------------------------------------------------------------


def line_counts(root: Path) -> dict[str, int]:
    return {
        str(path.relative_to(root.parent)): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(root.rglob("*.py"))
        if "translations" not in path.parts
    }


def test_no_module_over_500_lines() -> None:
    counts = line_counts(PACKAGE)
    assert len(counts) > 50, "the size check sees the package's modules"
    too_long = {
        path: lines
        for path, lines in counts.items()
        if lines > MAX_LINES and path not in LONG_MODULES
    }
    assert too_long == {}, f"modules over {MAX_LINES} lines (split them by what they do)"


def test_the_client_keeps_only_tasks_transports_and_reconnect() -> None:
    """Issue 11's budget: the protocol lives in explorer.stomp, the verbs in commands.py and
    the ending in closing.py, so client.py stays under 400 lines."""
    lines = line_counts(PACKAGE)["explorer/client/client.py"]
    assert lines < 400, f"explorer/client/client.py has {lines} lines: move a concern out"


def test_the_allow_lists_hold_only_current_offenders() -> None:
    counts = line_counts(PACKAGE)
    stale_long = [path for path in LONG_MODULES if counts.get(path, 0) <= MAX_LINES]
    found = cycles(import_graph(PACKAGE))
    stale_cycles = [cycle for cycle in CYCLES if cycle not in found]
    assert stale_long == [] and stale_cycles == [], "remove these entries: they are fixed"
    reasons = [*LONG_MODULES.values(), *CYCLES.values()]
    assert all(len(reason.split()) >= 3 for reason in reasons), "every entry says why"
