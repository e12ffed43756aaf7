"""One way to show how something went in a label: green done, red a problem, plain otherwise.

The colours come from the stylesheets (`QLabel[valid="true"]` / `[valid="false"]`), so they
follow light and dark; a property change needs a re-polish to be drawn.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def show_outcome(label: QLabel, text: str, ok: bool | None = None) -> None:
    """`ok`: True done (green), False a problem (red), None neutral."""
    label.setText(text)
    label.setProperty("valid", {True: "true", False: "false", None: ""}[ok])
    label.style().unpolish(label)
    label.style().polish(label)
