"""The composer's preview: the frame as the SEND path will expand it, copy by copy."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from explorer.ui.composer import Composer
from explorer.ui.composer_preview import ComposerPreview

pytestmark = pytest.mark.gui


@pytest.fixture
def composer(qtbot: QtBot) -> Composer:
    widget = Composer()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def preview(composer: Composer) -> ComposerPreview:
    button = composer.findChild(QToolButton, "composerPreviewButton")
    assert button is not None
    button.click()
    dialog = composer.findChild(ComposerPreview)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_preview_shows_copy_n_with_templates_expanded(composer: Composer) -> None:
    composer.set_destination("/queue/orders.{{n}}")
    composer.content_type.setCurrentText("application/json")
    composer.add_header("x-run", "{{uuid}}")
    composer.body.setPlainText('{"copy": {{n}}, "name": "{{faker["ko_KR"].name()}}"}')
    composer.receipt.setChecked(True)
    composer.burst.setValue(3)
    dialog = preview(composer)
    head, body = dialog.text.toPlainText().split("\n\n", 1)
    lines = head.splitlines()
    assert lines[:3] == ["SEND", "destination:/queue/orders.1", "content-type:application/json"]
    assert lines[3].startswith("x-run:") and len(lines[3]) == len("x-run:") + 36
    assert lines[4] == "receipt:…"
    assert json.loads(body)["copy"] == 1
    dialog.copy.setValue(3)
    assert "destination:/queue/orders.3" in dialog.text.toPlainText()
    assert json.loads(dialog.text.toPlainText().split("\n\n", 1)[1])["copy"] == 3


def test_a_template_mistake_is_said_in_the_preview(composer: Composer) -> None:
    composer.set_destination("/queue/a")
    composer.body.setPlainText("hello {{ nobody }}")
    dialog = preview(composer)
    assert dialog.text.toPlainText() == ""
    assert "nobody" in dialog.problem.text() and dialog.problem.isVisibleTo(dialog)
