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
    QT_TRANSLATE_NOOP("MessageTableModel", "Received"),
    QT_TRANSLATE_NOOP("MessageTableModel", "Sent"),
    QT_TRANSLATE_NOOP("MessageTableModel", "{count} destinations: {list}"),
    QT_TRANSLATE_NOOP("MessageTableModel", "… {count} more header(s)"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "Destination"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "Rate (/s)"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "Last seen"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "Depth"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "Consumers"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "Sources"),
    QT_TRANSLATE_NOOP(
        "DestinationTreeModel",
        "Destination; the badges count messages received (↓) and sent (↑)",
    ),
    QT_TRANSLATE_NOOP(
        "DestinationTreeModel", "Messages per second over the last 5 s, received and sent"
    ),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "When the newest message arrived or left"),
    QT_TRANSLATE_NOOP(
        "DestinationTreeModel", "Messages waiting in the queue, as discovery reports it"
    ),
    QT_TRANSLATE_NOOP(
        "DestinationTreeModel", "Consumers of the destination, as discovery reports it"
    ),
    QT_TRANSLATE_NOOP(
        "DestinationTreeModel",
        "Who lists this destination: discovery, your traffic, reply-to headers",
    ),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "(folder)"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "in: {received}, out: {sent}"),
    QT_TRANSLATE_NOOP("DestinationTreeModel", "gone"),
)
