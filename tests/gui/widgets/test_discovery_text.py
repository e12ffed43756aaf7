"""Discovery problems are worded by the window (issue 12, defect 18: the management discovery
banner read in English in a Korean window): from the error's type, through Qt's translator."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from explorer.discovery.errors import (
    DiscoveryAuthError,
    DiscoveryNotFound,
    DiscoveryProtocolError,
    DiscoveryUnavailable,
)
from explorer.session.notices import DiscoveryProblem
from explorer.ui import discovery_text
from explorer.ui.session_text import notice_text

pytestmark = pytest.mark.gui

ENGLISH_FROM_HTTP = "HTTP Error 401: Unauthorized (urllib says so)"


class Marking(QTranslator):
    """Translates the DiscoveryText context to a marked text (as the Korean file will)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"[ko] {source}" if context == discovery_text.CONTEXT else ""


@pytest.fixture
def marking(qapp: QApplication) -> Iterator[None]:
    translator = Marking()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (DiscoveryAuthError(ENGLISH_FROM_HTTP, "management"), "refused the login"),
        (DiscoveryNotFound(ENGLISH_FROM_HTTP, "management"), "HTTP 404"),
        (DiscoveryUnavailable(ENGLISH_FROM_HTTP, "management"), "cannot be reached"),
        (DiscoveryProtocolError(ENGLISH_FROM_HTTP, "management"), "answered something"),
    ],
)
def test_the_banner_is_worded_from_the_error_type_not_its_english(
    qapp: QApplication, error: Exception, words: str
) -> None:
    text = notice_text(DiscoveryProblem("management", error))
    assert words in text
    assert "the management API" in text and "Management page" in text
    assert ENGLISH_FROM_HTTP not in text


def test_every_word_of_it_goes_through_the_translator(marking: None) -> None:
    text = notice_text(DiscoveryProblem("management", DiscoveryAuthError(ENGLISH_FROM_HTTP)))
    assert text.startswith("[ko] Destination discovery")
    assert "[ko] the management API" in text
    assert discovery_text.reason(DiscoveryUnavailable("x")) == "[ko] not reachable"
