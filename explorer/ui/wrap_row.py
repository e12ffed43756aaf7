"""A tool row that wraps: groups of widgets on one line while they fit at their preferred
widths, otherwise group by group onto more lines.

Why: a row of fields and buttons (the composer's command, destination, content type,
receipt, burst, Send...) adds its widgets' minimum widths up, and a dock or pane holding it
can never be narrower than that sum, nor can the window. Wrapping keeps every widget at a
usable size in a narrow window instead of squeezing or clipping it; the row's minimum width
is its widest group. Within a group a normal QHBoxLayout rules (stretch, alignment); a
group's stretch shares out the width its line has to spare (none stretching: it stays at
the end of the line).

    row = WrapRow()
    row.add_group([(command, 0), (destination, 3)], stretch=3)
    row.add_group([(receipt, 0), (send_button, 0)])
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

Item = tuple[QWidget, int] | tuple[QWidget, int, Qt.AlignmentFlag]


class WrapRow(QWidget):
    """Groups laid out left to right, wrapped onto more lines when the row is narrow."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._spacing = spacing
        self._groups: list[QWidget] = []
        self._stretch: dict[QWidget, int] = {}
        self._at_end: set[QWidget] = set()
        self._lines = 1
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def add_group(self, items: Sequence[Item], stretch: int = 0, at_end: bool = False) -> QWidget:
        """A group of `(widget, stretch[, alignment])` kept together on one line; `at_end`
        puts it at the right end of its line (Send)."""
        group = QWidget(self)
        layout = QHBoxLayout(group)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self._spacing)
        for item in items:
            if len(item) == 3:
                layout.addWidget(item[0], item[1], item[2])
            else:
                layout.addWidget(item[0], item[1])
        self._groups.append(group)
        self._stretch[group] = stretch
        if at_end:
            self._at_end.add(group)
        self.updateGeometry()
        return group

    @property
    def line_count(self) -> int:
        """Lines at the current width (1 when everything fits on one)."""
        return self._lines

    # -- size ------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        """Everything on one line at the preferred widths."""
        shown = self._shown()
        width = sum(g.sizeHint().width() for g in shown) + self._spacing * max(0, len(shown) - 1)
        return QSize(width, self._line_height(shown))

    def minimumSizeHint(self) -> QSize:
        """The widest group; as tall as the lines the current width needs."""
        shown = self._shown()
        width = max((g.minimumSizeHint().width() for g in shown), default=0)
        return QSize(width, self.heightForWidth(max(self.width(), width)))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        lines = self._break(width)
        heights = [self._line_height(line) for line in lines]
        return sum(heights) + self._spacing * max(0, len(heights) - 1)

    # -- layout ----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override: place the groups; a change in the number of lines changes the height
        the row needs, which the parent layout must hear about."""
        super().resizeEvent(event)
        lines = self._place(self.width())
        if lines != self._lines:
            self._lines = lines
            self.updateGeometry()

    def _shown(self) -> list[QWidget]:
        return [g for g in self._groups if not g.isHidden()]

    def _line_height(self, groups: Sequence[QWidget]) -> int:
        return max((g.sizeHint().height() for g in groups), default=0)

    def _break(self, width: int) -> list[list[QWidget]]:
        """Greedy lines: a group joins the current line while the line's minimum widths fit
        (as a QHBoxLayout would squeeze them), so a row wraps only where one line could not
        hold it at all."""
        lines: list[list[QWidget]] = []
        used = 0
        for group in self._shown():
            least = group.minimumSizeHint().width()
            if lines and used + self._spacing + least <= width:
                lines[-1].append(group)
                used += self._spacing + least
            else:
                lines.append([group])
                used = least
        return lines or [[]]

    def _place(self, width: int) -> int:
        lines = self._break(width)
        top = 0
        for line in lines:
            height = self._line_height(line)
            widths = self._widths(line, width)
            left = 0
            for index, (group, group_width) in enumerate(zip(line, widths, strict=True)):
                if group in self._at_end:  # the rest of the line goes to the right end
                    rest = sum(widths[index:]) + self._spacing * (len(line) - 1 - index)
                    left = max(left, width - rest)
                group.setGeometry(QRect(left, top, group_width, height))
                left += group_width + self._spacing
            top += height + self._spacing
        return len(lines)

    def _widths(self, line: Sequence[QWidget], width: int) -> list[int]:
        """Minimum widths, then the spare width towards the preferred ones, then the rest
        by stretch (none stretching: it stays free at the end, or before `at_end`)."""
        widths = [g.minimumSizeHint().width() for g in line]
        spare = width - sum(widths) - self._spacing * (len(line) - 1)
        if spare <= 0:
            return [max(1, width)] if len(line) == 1 else widths
        wanted = [max(0, g.sizeHint().width() - w) for g, w in zip(line, widths, strict=True)]
        total_wanted = sum(wanted)
        if total_wanted:
            given = min(spare, total_wanted)
            for index, more in enumerate(wanted):
                widths[index] += given * more // total_wanted
            spare -= given
        stretches = [self._stretch[g] for g in line]
        total = sum(stretches)
        if spare > 0 and total:
            for index, stretch in enumerate(stretches):
                widths[index] += spare * stretch // total
        return widths
