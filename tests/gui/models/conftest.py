"""Model tests need a QApplication (the models own QTimers) but no widgets."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _app(qapp: QApplication) -> QApplication:
    return qapp
