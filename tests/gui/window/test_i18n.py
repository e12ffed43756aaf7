"""Korean: the translation is complete, compiled, and the window uses it when chosen."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QPushButton

from explorer.assets import resource
from explorer.ui import config, i18n
from explorer.ui.main_window import MainWindow
from tests.gui.window.conftest import child

pytestmark = pytest.mark.gui


def test_korean_translation_is_complete_and_compiled() -> None:
    ts = ET.parse(resource("translations", "explorer_ko.ts"))
    messages = ts.getroot().findall("./context/message")
    assert len(messages) > 300
    unfinished = [
        m.findtext("source")
        for m in messages
        if (translation := m.find("translation")) is None
        or translation.get("type") == "unfinished"
        or not (translation.text or "").strip()
    ]
    assert unfinished == []
    qm = resource("translations", "explorer_ko.qm")
    assert qm.stat().st_mtime >= resource("translations", "explorer_ko.ts").stat().st_mtime - 5
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("MainWindow", "Connect") == "연결"


@pytest.fixture
def korean(qapp: QApplication, tmp_path: Path) -> Iterator[list[QTranslator]]:
    # Chosen in settings of its own: the test's window.ini keeps no "ko", which the first
    # configure_application of the process would install for good (every later test Korean).
    settings = config.WindowSettings(
        QSettings(str(tmp_path / "korean.ini"), QSettings.Format.IniFormat)
    )
    settings.language = "ko"
    assert i18n.effective_language(settings) == "ko"
    translators = i18n.install(qapp, settings)
    try:
        yield translators
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale.c())


def test_window_speaks_korean_when_chosen(
    korean: list[QTranslator], make_window: Callable[..., MainWindow]
) -> None:
    assert korean, "the Korean .qm did not load"
    window = make_window()
    assert child(window, QPushButton, "connectButton").text() == "연결"
    assert child(window, QPushButton, "sendButton").text() == "보내기"
    assert window.detail_dock.windowTitle() == "메시지"
    assert QCoreApplication.translate("MessageTableModel", "Preview") == "미리 보기"


def test_language_follows_the_system_by_default() -> None:
    settings = config.WindowSettings()
    assert i18n.chosen_language(settings) == ""
    system = QLocale.system().name().split("_")[0]
    assert i18n.effective_language(settings) == (system if system in ("en", "ko") else "en")


def test_lower_layer_conditions_are_korean_sentences(korean: list[QTranslator]) -> None:
    from explorer.client import TransportError
    from explorer.profiles.errors import FieldError
    from explorer.ui.messages import describe_client_error, describe_field_error, keyring_notice

    text = describe_client_error(
        TransportError("connection refused by 127.0.0.1:61699 — is the broker running?")
    )
    # The window's sentence in Korean, the client's English detail only in parentheses.
    assert text.startswith("이 주소에서 응답이 없습니다.")
    assert text.endswith("(connection refused by 127.0.0.1:61699 — is the broker running?)")
    assert (
        describe_field_error(FieldError("name", "the name is empty; give the profile a name"))
        == "이름: 이름이 비어 있습니다. 프로필 이름을 입력하세요."
    )
    assert keyring_notice().startswith("이 시스템에는 키링이 없어")
