"""Strings the models translate through a helper that lupdate cannot see.

`explorer.ui.models` wraps `QCoreApplication.translate(context, text)` in `_tr(text)`;
lupdate only extracts literal calls, so these markers put the same (context, text) pairs
into `resources/translations/*.ts`. Keep them in step with the models' `_tr(...)` calls.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

MODEL_STRINGS = (
    QT_TRANSLATE_NOOP("MessageTableModel", "Time"),
    QT_TRANSLATE_NOOP("MessageTableModel", "Direction"),
    QT_TRANSLATE_NOOP("MessageTableModel", "Destination"),
    QT_TRANSLATE_NOOP("MessageTableModel", "Size"),
    QT_TRANSLATE_NOOP("MessageTableModel", "Content type"),
    QT_TRANSLATE_NOOP("MessageTableModel", "Preview"),
    QT_TRANSLATE_NOOP("MessageTableModel", "in"),
    QT_TRANSLATE_NOOP("MessageTableModel", "out"),
    QT_TRANSLATE_NOOP("MessageTableModel", "… {count} more header(s)"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "Destination"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "Messages"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "Rate (/s)"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "Last seen"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "Sources"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "(folder)"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "in: {received}, out: {sent}"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "gone"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "depth {n}"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "consumers {n}"),
)
