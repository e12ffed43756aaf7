"""The composer's preview: the frame as it will be sent, templates expanded.

It expands through `explorer.session.compose.expand`, the very function the SEND path uses,
so what it shows is what the broker gets (copy `n` of a burst; `{{uuid}}` and Faker give new
values each time the preview is drawn, as each send does). A body sent from a file is named,
not read.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explorer.session.compose import ComposeRequest, bytes_to_raw_text, expand
from explorer.templates import TemplateError
from explorer.ui.composer_check import template_error_text
from explorer.ui.message_detail import monospace_font

BODY_SHOWN = 64 * 1024  # characters of a body shown (the rest is summarised)


def frame_text(request: ComposeRequest, n: int = 1) -> str:
    """Copy `n` of `request` as text: command, headers, blank line, body. TemplateError when
    a template does not render."""
    if request.raw is not None:
        return bytes_to_raw_text(request.raw)
    one = expand(request, n)
    lines = [one.command, *(f"{name}:{value}" for name, value in one.headers)]
    if one.receipt:
        lines.append("receipt:…")
    if one.body_file is not None:
        body = f"⟨{Path(one.body_file).name}⟩"
    else:
        text = one.body.decode("utf-8", errors="replace")
        body = text if len(text) <= BODY_SHOWN else text[:BODY_SHOWN] + "…"
    return "\n".join(lines) + "\n\n" + body


class ComposerPreview(QDialog):
    """Copy n of each frame the composer would send (one per destination)."""

    def __init__(self, requests: Sequence[ComposeRequest], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composerPreview")
        self.setWindowTitle(self.tr("Preview: the frame as it will be sent"))
        self._requests = list(requests)
        count = max((r.count for r in self._requests), default=1)
        self.copy = QSpinBox()
        self.copy.setObjectName("composerPreviewCopy")
        self.copy.setRange(1, max(1, count))
        self.copy.setPrefix(self.tr("copy "))
        self.copy.setSuffix(self.tr(" of {count}").format(count=count))
        self.copy.valueChanged.connect(lambda _n: self.refresh())
        self.copy.setEnabled(count > 1)
        note = QLabel(
            self.tr("{{uuid}}, {{now}} and fake data get new values for every copy sent.")
        )
        note.setProperty("hint", "true")
        note.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("composerPreviewText")
        self.text.setReadOnly(True)
        self.text.setFont(monospace_font())
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.problem = QLabel()
        self.problem.setObjectName("composerPreviewProblem")
        self.problem.setProperty("valid", "false")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(note, 1)
        top.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.refresh()

    def refresh(self) -> None:
        n = self.copy.value()
        try:
            blocks = [frame_text(request, min(n, request.count)) for request in self._requests]
        except TemplateError as exc:
            self.text.clear()
            self.problem.setText(template_error_text(exc))
            self.problem.show()
            return
        self.problem.hide()
        self.text.setPlainText("\n\n".join(blocks))
