"""Every string the window translates, found by reading its source (no import, no Qt).

lupdate extracts literal `self.tr("…")`, `QCoreApplication.translate("Ctx", "…")` and
`QT_TRANSLATE_NOOP("Ctx", "…")` calls. It cannot follow a module's helper such as
`def _tr(text): return QCoreApplication.translate("Ctx", text)`, a context held in a
constant or a call inside an f-string's braces, so those strings were silently missing
from the translation (and a helper named `tr` even lands them in an empty context). This
module finds them all:

- `scripts/update-translations` writes `markers()` to a scratch file that lupdate reads
  beside the sources, so those calls are extracted under their real context;
- `tests/unit/test_translation_sources.py` checks every literal call has a finished Korean
  translation and that no call translates a string built at run time (an f-string).

    python -m tests.support.translatable markers OUT.py   # the scratch file for lupdate
    python -m tests.support.translatable list             # every call, one a line
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Call:
    """One translation call: its context and source text when they are literal (None when
    only known at run time), and where it is."""

    context: str | None
    text: str | None
    path: str
    line: int
    blind: bool  # lupdate cannot see it by itself (a helper, a constant, an f-string)
    argument: str  # the text argument's syntax: "Constant", "JoinedStr" (an f-string), ...


def window_sources(repo: Path = REPO) -> list[Path]:
    """The modules that may call tr()/translate(): the app and every module of explorer.ui,
    subpackages included."""
    return [repo / "explorer" / "app.py", *sorted((repo / "explorer" / "ui").rglob("*.py"))]


def _literal(node: ast.expr, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def _module_constants(tree: ast.Module) -> dict[str, str]:
    constants: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        text = _literal(value, {})
        if isinstance(target, ast.Name) and text is not None:
            constants[target.id] = text
    return constants


def _is_translate(call: ast.Call) -> bool:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name == "translate" and len(call.args) >= 2


def _helpers(tree: ast.Module, constants: dict[str, str]) -> dict[str, str]:
    """Module-level `def name(text): return QCoreApplication.translate(CONTEXT, text)`."""
    helpers: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
            continue
        parameter = node.args.args[0].arg
        for statement in node.body:
            if not isinstance(statement, ast.Return) or not isinstance(statement.value, ast.Call):
                continue
            call = statement.value
            text = call.args[1] if _is_translate(call) else None
            context = _literal(call.args[0], constants) if text is not None else None
            if isinstance(text, ast.Name) and text.id == parameter and context is not None:
                helpers[node.name] = context
    return helpers


class _Finder(ast.NodeVisitor):
    def __init__(self, path: str, constants: dict[str, str], helpers: dict[str, str]) -> None:
        self.path = path
        self.constants = constants
        self.helpers = helpers
        self.classes: list[str] = []
        self.calls: list[Call] = []
        self.in_fstring = 0

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        self.in_fstring += 1
        self.generic_visit(node)
        self.in_fstring -= 1

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if node.name in self.helpers and not self.classes:
            return  # the helper's own translate(context, text) call
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        func = node.func
        if isinstance(func, ast.Name) and func.id in self.helpers and node.args:
            self._add(self.helpers[func.id], node.args[0], node, blind=True)
        elif isinstance(func, ast.Attribute) and func.attr == "tr" and node.args:
            context = self.classes[-1] if self.classes else None
            self._add(context, node.args[0], node, blind=False)
        elif _is_translate(node):
            literal_context = isinstance(node.args[0], ast.Constant)
            context = _literal(node.args[0], self.constants)
            self._add(context, node.args[1], node, blind=not literal_context)
        elif isinstance(func, ast.Name) and func.id == "QT_TRANSLATE_NOOP" and len(node.args) > 1:
            self._add(_literal(node.args[0], self.constants), node.args[1], node, False)

    def _add(self, context: str | None, text: ast.expr, node: ast.Call, blind: bool) -> None:
        if isinstance(text, ast.Call) and getattr(text.func, "id", "") == "str" and text.args:
            text = text.args[0]  # str(a value marked with QT_TRANSLATE_NOOP), for mypy
        literal = text.value if isinstance(text, ast.Constant) else None
        self.calls.append(
            Call(
                context,
                literal if isinstance(literal, str) else None,
                self.path,
                node.lineno,
                blind or self.in_fstring > 0,
                type(text).__name__,
            )
        )


def calls(repo: Path = REPO) -> Iterator[Call]:
    for path in window_sources(repo):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        constants = _module_constants(tree)
        finder = _Finder(str(path.relative_to(repo)), constants, _helpers(tree, constants))
        finder.visit(tree)
        yield from finder.calls


def markers(found: list[Call]) -> str:
    """Python source lupdate reads: one QT_TRANSLATE_NOOP per call it cannot see itself."""
    lines = ["# Generated by tests/support/translatable.py for lupdate; not imported."]
    seen: set[tuple[str, str]] = set()
    for call in found:
        if call.blind and call.context is not None and call.text is not None:
            key = (call.context, call.text)
            if key not in seen:
                seen.add(key)
                lines.append(f"QT_TRANSLATE_NOOP({call.context!r}, {call.text!r})")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    found = list(calls())
    if len(argv) == 2 and argv[0] == "markers":
        Path(argv[1]).write_text(markers(found), encoding="utf-8")
        return 0
    if argv == ["list"]:
        for call in found:
            print(f"{call.path}:{call.line}\t{call.context}\t{call.text!r}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
