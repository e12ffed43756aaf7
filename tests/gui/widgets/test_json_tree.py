"""The JSON view: JSONPath of every value, copy actions and "Chart this field" on numbers."""

from __future__ import annotations

import json

import pytest
from jsonpath_ng.ext.parser import parse as parse_jsonpath
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QAction, QGuiApplication
from pytestqt.qtbot import QtBot

from explorer.ui.json_tree import JsonTreeModel, JsonTreeView
from explorer.ui.message_detail import MessageDetail

pytestmark = pytest.mark.gui

DOCUMENT = {"a": {"it's": [1, {"unit price": 7.5, "ok": True}]}, "n": 3}


def _walk(model: JsonTreeModel, parent: QModelIndex) -> list[QModelIndex]:
    out = []
    while model.canFetchMore(parent):
        model.fetchMore(parent)
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        out.append(index)
        out.extend(_walk(model, index))
    return out


def test_every_path_finds_its_own_value_with_jsonpath() -> None:
    model = JsonTreeModel(DOCUMENT)
    indexes = _walk(model, QModelIndex())
    assert len(indexes) == 7
    for index in indexes:
        found = [m.value for m in parse_jsonpath(model.path(index)).find(DOCUMENT)]
        assert found == [model.value(index)], model.path(index)
    paths = {model.path(i) for i in indexes}
    assert "$.a['it\\'s'][1]['unit price']" in paths and "$.n" in paths


def _action(menu: object, name: str) -> QAction:
    from PySide6.QtWidgets import QMenu

    assert isinstance(menu, QMenu)
    action = menu.findChild(QAction, name)
    assert action is not None
    return action


def test_chart_this_field_emits_path_and_value(qtbot: QtBot) -> None:
    detail = MessageDetail()
    qtbot.addWidget(detail)
    detail.show_frame("MESSAGE", [("destination", "/topic/t")], json.dumps(DOCUMENT).encode())
    view = detail.json_view()
    model = view.json_model()
    assert model is not None
    n = next(i for i in _walk(model, QModelIndex()) if model.path(i) == "$.n")
    with qtbot.waitSignal(detail.field_chart_requested) as signal:
        _action(view.field_menu(n), "jsonChartField").trigger()
    assert signal.args == ["$.n", 3.0]


def test_chart_is_disabled_on_a_boolean_or_object(qtbot: QtBot) -> None:
    view = JsonTreeView()
    qtbot.addWidget(view)
    model = JsonTreeModel(DOCUMENT, view)
    view.setModel(model)
    for index in _walk(model, QModelIndex()):
        chart = _action(view.field_menu(index), "jsonChartField")
        value = model.value(index)
        assert chart.isEnabled() == (type(value) in (int, float)), model.path(index)


def test_copy_path_and_value_give_feedback(qtbot: QtBot) -> None:
    view = JsonTreeView()
    qtbot.addWidget(view)
    model = JsonTreeModel(DOCUMENT, view)
    view.setModel(model)
    a = model.index(0, 0)
    with qtbot.waitSignal(view.copied):
        _action(view.field_menu(a), "jsonCopyPath").trigger()
    assert QGuiApplication.clipboard().text() == "$.a"
    with qtbot.waitSignal(view.copied):
        _action(view.field_menu(a), "jsonCopyValue").trigger()
    assert json.loads(QGuiApplication.clipboard().text()) == DOCUMENT["a"]


def test_show_only_messages_with_this_value_is_a_search_that_matches(qtbot: QtBot) -> None:
    from explorer.search import compile_predicate, parse
    from explorer.store import LogEntry

    document = {"user": {"name": 'Kim "K" 민수', "id": 1001}, "ok": True, "tags": ["a"]}
    entry = LogEntry("in", "MESSAGE", (("destination", "/q"),), json.dumps(document).encode())
    other = LogEntry("in", "MESSAGE", (("destination", "/q"),), b'{"user": {"id": 7}}')
    view = JsonTreeView()
    qtbot.addWidget(view)
    model = JsonTreeModel(document, view)
    view.setModel(model)
    expressions: list[str] = []
    view.field_filter_requested.connect(expressions.append)
    for index in _walk(model, QModelIndex()):
        _action(view.field_menu(index), "jsonFilterField").trigger()
    assert "$.user.id == 1001" in expressions and "$.tags" in expressions
    for expression in expressions:
        matches = compile_predicate(parse(expression))
        assert matches(entry), expression
    assert not compile_predicate(parse("$.user.id == 1001"))(other)
