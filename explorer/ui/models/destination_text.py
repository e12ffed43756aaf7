"""The destination tree's tooltip: path, folder or not, In/Out counts, what each source says."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from explorer.store import DestinationNode


def _tr(text: str) -> str:
    # The same context as the model's own words (see explorer/ui/_model_strings.py).
    return QCoreApplication.translate("DestinationTreeModel", text)


def source_words(source: str) -> str:
    """Who listed a destination (explorer.store's source names), in the window's words."""
    words = {
        "seen": _tr("received"),
        "sent": _tr("sent"),
        "reply-to": _tr("reply-to header"),
        "advisory": _tr("ActiveMQ advisories"),
        "management": _tr("management API"),
        "bookmark": _tr("bookmark"),
        "sandbox": _tr("sandbox feed"),
        "import": _tr("import"),
    }
    return words.get(source, source)


def _count_words(name: str) -> str:
    words = {
        "depth": _tr("depth"),
        "consumers": _tr("consumers"),
        "enqueued": _tr("enqueued"),
        "dequeued": _tr("dequeued"),
    }
    return words.get(name, name)


def node_tooltip(node: DestinationNode) -> str:
    lines = [node.path]
    if not node.is_destination:
        lines.append(_tr("(folder)"))
    lines.append(
        _tr("in: {received}, out: {sent}").format(
            received=f"{node.total_in:,}", sent=f"{node.total_out:,}"
        )
    )
    for name in sorted(node.sources):
        info = node.sources[name]
        counts = [
            f"{_count_words(label)}={value}"
            for label, value in (
                ("depth", info.depth),
                ("consumers", info.consumers),
                ("enqueued", info.enqueued),
                ("dequeued", info.dequeued),
            )
            if value is not None
        ]
        gone = f" ({_tr('gone')})" if info.gone else ""
        lines.append(f"{source_words(name)}{gone}: {', '.join(counts)}".rstrip(": "))
    return "\n".join(lines)
