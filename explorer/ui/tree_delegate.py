"""The destination tree's name column: the name, then In and Out count badges on the right.

MQTT Explorer shows a topic's message count right after its name; we show received (↓) and
sent (↑) apart, because a destination you send 1,000 messages to and read them back from
has 1,000 of each, not 2,000. Badges are drawn, not text, so the name elides on its own and
the counts never scroll out of view.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from explorer.ui.models import DestinationTreeModel

_Index = QModelIndex | QPersistentModelIndex
_PAD = 5  # inside a badge, left and right
_GAP = 4  # between badges, and between the name and the first badge


def badge_texts(received: int, sent: int) -> list[str]:
    """ "↓ 12" and "↑ 3" (only the directions that have messages)."""
    texts = []
    if received:
        texts.append(f"↓ {_short(received)}")
    if sent:
        texts.append(f"↑ {_short(sent)}")
    return texts


def _short(count: int) -> str:
    """12, 1,234, 12.3k, 1.2M: a badge stays narrow whatever the count."""
    if count < 10_000:
        return f"{count:,}"
    if count < 1_000_000:
        return f"{count / 1000:.1f}k"
    return f"{count / 1_000_000:.1f}M"


class CountBadgeDelegate(QStyledItemDelegate):
    """Paints the name column with In/Out badges; other columns paint as usual."""

    def _badges(self, index: _Index) -> list[tuple[str, QColor]]:
        if index.column() != DestinationTreeModel.NAME:
            return []
        # Colours that read on the theme's base colour (light or dark, decided when drawn).
        widget = self.parent()
        dark = isinstance(widget, QWidget) and widget.palette().base().color().lightness() < 128
        in_colour = QColor("#6ea1ff" if dark else "#2f6fd0")
        out_colour = QColor("#56c288" if dark else "#2e8b57")
        received = index.data(DestinationTreeModel.InCountRole) or 0
        sent = index.data(DestinationTreeModel.OutCountRole) or 0
        texts = badge_texts(int(received), int(sent))
        colours = ([in_colour] if received else []) + ([out_colour] if sent else [])
        return list(zip(texts, colours, strict=True))

    def _badge_width(self, metrics: QFontMetrics, badges: list[tuple[str, QColor]]) -> int:
        if not badges:
            return 0
        widths = [metrics.horizontalAdvance(text) + 2 * _PAD for text, _c in badges]
        return sum(widths) + _GAP * len(widths)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        size = super().sizeHint(option, index)
        badges = self._badges(index)
        if badges:
            small = option.font
            small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
            size.setWidth(size.width() + self._badge_width(QFontMetrics(small), badges))
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        badges = self._badges(index)
        if not badges:
            super().paint(painter, option, index)
            return
        small = option.font
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
        metrics = QFontMetrics(small)
        rect: QRect = option.rect
        reserved = min(self._badge_width(metrics, badges), max(0, rect.width() - 24))
        # The name (and icon, selection, focus) in what is left; the badges after it.
        narrowed = QStyleOptionViewItem(option)
        narrowed.rect = QRect(rect.x(), rect.y(), rect.width() - reserved, rect.height())
        super().paint(painter, narrowed, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(small)
        height = min(rect.height() - 4, metrics.height() + 2)
        x = rect.right() - reserved + _GAP
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        for text, colour in badges:
            width = metrics.horizontalAdvance(text) + 2 * _PAD
            if x + width > rect.right() + 1:
                break
            box = QRect(x, rect.y() + (rect.height() - height) // 2, width, height)
            fill = QColor(colour)
            fill.setAlpha(255 if selected else 40)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(box, height / 2, height / 2)
            text_colour = (
                option.palette.color(QPalette.ColorRole.HighlightedText) if selected else colour
            )
            painter.setPen(text_colour)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
            x += width + _GAP
        painter.restore()
