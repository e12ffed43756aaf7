"""The destination tree's tooltip: path, folder or not, In/Out counts, what each source says."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from explorer.store import DestinationNode


def _tr(text: str) -> str:
    # The same context as the model's own words (see explorer/ui/_model_strings.py).
    return QCoreApplication.translate("DestinationTreeModel", text)


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
            f"{label}={value}"
            for label, value in (
                ("depth", info.depth),
                ("consumers", info.consumers),
                ("enqueued", info.enqueued),
                ("dequeued", info.dequeued),
            )
            if value is not None
        ]
        gone = f" ({_tr('gone')})" if info.gone else ""
        lines.append(f"{name}{gone}: {', '.join(counts)}".rstrip(": "))
    return "\n".join(lines)
