"""ERRORs and closes explained in the window's words: every sentence of the table is listed
for the translation tools, and the banner and status lines go through Qt's translator."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from explorer.broker.explain import explain_close
from explorer.broker.explain_table import CLOSE_RULES, ERROR_RULES
from explorer.client import ConnectionLostError
from explorer.session import BrokerErrorReceived, SessionState, Status
from explorer.session.notices import ErrorLeftOpen
from explorer.ui import explain_text
from explorer.ui.session_text import notice_text, status_detail

pytestmark = pytest.mark.gui


class Marking(QTranslator):
    """Marks what the Explanations and SessionController contexts translate."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if context in (explain_text.CONTEXT, "SessionController"):
            return f"[ko:{context}] {source}"
        return ""


@pytest.fixture
def marking(qapp: QApplication) -> Iterator[None]:
    translator = Marking()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_every_table_sentence_is_listed_literally_for_the_translation_tools() -> None:
    table = {rule.key: rule.sentence for rule in ERROR_RULES}
    table.update({rule.key: rule.sentence for rule in CLOSE_RULES})
    listed = {key: str(value) for key, value in explain_text.SENTENCES.items()}
    assert listed == table
    # lupdate reads source text: each call must name its context literally
    source = Path(explain_text.__file__).read_text(encoding="utf-8")
    calls = [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
    ]
    assert len(calls) == len(table)
    assert all(
        isinstance(call.args[0], ast.Constant) and call.args[0].value == "Explanations"
        for call in calls
    )


def test_an_explained_error_banner_is_translated_whole(marking: None) -> None:
    explanation = explain_close(1009)
    text = notice_text(BrokerErrorReceived("too big", "", explanation))
    assert "[ko:SessionController] The broker sent an ERROR: too big" in text
    assert explanation is not None
    assert f"[ko:Explanations] {explanation.sentence}" in text


def test_error_left_open_is_said(marking: None) -> None:
    text = notice_text(ErrorLeftOpen("No subscription matched.", 2.0))
    assert text.startswith("[ko:SessionController] The broker sent an ERROR (No subscription")
    assert "left the connection open for 2 s" in text


def test_a_close_after_an_error_is_not_a_bare_connection_lost(marking: None) -> None:
    status = Status(
        SessionState.RECONNECTING,
        reason=ConnectionLostError("ws://x closed the connection"),
        after_error=("Bad CONNECT", "Access refused for user 'guest'"),
    )
    text = status_detail(status)
    assert "closed the connection after its ERROR: Bad CONNECT" in text
    assert "Access refused for user 'guest'" in text
    assert "RabbitMQ refused the login" in text  # the explanation, translated
    assert "connection was lost" not in text.lower()


def test_a_lost_connection_with_a_close_code_is_explained(qapp: QApplication) -> None:
    reason = ConnectionLostError("ws://x/ws closed the connection (close code 1011: internal)")
    text = status_detail(Status(SessionState.FAILED, reason=reason))
    assert "The server hit an internal error" in text
