"""English that leaked into the Korean window, each worded by the window now: the built-in
Sandbox profile's notes, where a template mistake is (body, destination, a header)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from explorer.profiles import ProfileStore
from explorer.templates import TemplateError
from explorer.ui import config, i18n
from explorer.ui.composer_check import template_error_text
from explorer.ui.profile_model import ProfileListModel
from explorer.ui.sandbox_runner import SANDBOX_NOTES, sandbox_profile
from explorer.ui.tasks import describe_failure
from tests.support.keyrings import MemoryKeyring

pytestmark = pytest.mark.gui


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    settings = config.WindowSettings()
    settings.language = "ko"
    translators: list[QTranslator] = i18n.install(qapp, settings)
    assert translators, "the Korean .qm did not load"
    try:
        yield
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale.c())


def test_the_sandbox_profile_is_described_in_korean(korean: None, tmp_path: Path) -> None:
    from explorer.profiles.secrets import SecretStore

    store = ProfileStore(
        tmp_path / "profiles.json",
        secrets=SecretStore(MemoryKeyring()),
        builtins=[sandbox_profile()],
    )
    model = ProfileListModel(store)
    tooltip = str(model.data(model.index(0), Qt.ItemDataRole.ToolTipRole))
    assert "데모 트래픽이 흐르는 내장 브로커" in tooltip
    assert str(SANDBOX_NOTES) not in tooltip
    # The profile itself keeps the English (it is data, as every profile's notes).
    assert sandbox_profile().notes == SANDBOX_NOTES


@pytest.mark.parametrize(
    ("field", "korean_place"),
    [("body", "본문"), ("destination", "목적지"), ("headers.x-run", "헤더 x-run")],
)
def test_a_template_mistake_names_its_place_in_korean(
    korean: None, field: str, korean_place: str
) -> None:
    error = TemplateError("template syntax: unexpected '}'", field=field, line=2, column=7)
    assert template_error_text(error) == (
        f"템플릿 오류({korean_place}, 2행, 7열): template syntax: unexpected '}}'"
    )
    assert describe_failure(error).startswith(f"{korean_place}의 템플릿 2행 7열에")
