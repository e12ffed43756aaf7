"""Whether the log follows the newest row, and the "Jump to newest (N new)" button.

Following is what a live log does by default: each publish scrolls to the bottom. It stops
when the user scrolls up or selects a row (the pane calls `set_following(False)`); from then
on the rows in view stay put, whatever happens above them: evictions at the top and a
filter's older matches inserted at the top would otherwise slide the selected message out of
view. The row on top is remembered by sequence number before the model changes and put back
on top after. A button floating in the log's corner counts what arrived meanwhile and
resumes following; scrolling back to the bottom with nothing selected resumes too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QAbstractSlider, QTableView, QToolButton

from explorer.ui.icons import icon
from explorer.ui.models import MessageTableModel


class LogFollower(QObject):
    """Follows the newest row of `view` (a table over `model`) until told to stop."""

    following_changed = Signal(bool)

    def __init__(self, view: QTableView, model: MessageTableModel) -> None:
        super().__init__(view)
        self._view = view
        self._model = model
        self._following = True
        self._new_rows = 0
        self._anchor_seq: int | None = None  # the top row to keep in view while not following
        self.button = QToolButton(view)
        self.button.setObjectName("jumpToNewest")
        self.button.setIcon(icon("scroll"))
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setToolTip(self.tr("Scroll to the newest message and follow new ones"))
        self.button.clicked.connect(self.jump_to_newest)
        self.button.hide()
        view.installEventFilter(self)
        view.verticalScrollBar().actionTriggered.connect(self._scrolled_by_user)
        model.rowsAboutToBeInserted.connect(self._rows_about_to_change)
        model.rowsAboutToBeRemoved.connect(self._rows_about_to_change)
        model.flushed.connect(self._after_flush)
        model.filter_progress.connect(self._after_filter_slice)
        model.modelReset.connect(self._after_reset)

    @property
    def following(self) -> bool:
        return self._following

    @property
    def new_rows(self) -> int:
        """Rows that arrived since the log stopped following."""
        return self._new_rows

    def set_following(self, following: bool) -> None:
        if following == self._following:
            return
        self._following = following
        self._new_rows = 0
        self._anchor_seq = None
        self._update_button()
        self.following_changed.emit(following)

    def jump_to_newest(self) -> None:
        """Scroll to the newest row and follow again."""
        self.set_following(True)
        self._view.scrollToBottom()

    def _scrolled_by_user(self, action: int) -> None:
        if action == QAbstractSlider.SliderAction.SliderNoAction.value:
            return
        bar = self._view.verticalScrollBar()
        if bar.sliderPosition() < bar.maximum():
            self.set_following(False)
        elif not self._view.selectionModel().hasSelection():
            self.set_following(True)

    def _rows_about_to_change(self, _parent: QModelIndex, first: int, _last: int) -> None:
        if self._following or self._anchor_seq is not None or first != 0:
            return
        row = self._view.rowAt(0)
        if row >= 0:
            self._anchor_seq = self._model.entry_at(row).seq

    def _keep_anchor(self) -> None:
        seq, self._anchor_seq = self._anchor_seq, None
        model = self._model
        if seq is None or self._following or not model.rowCount():
            return
        row = model.row_of_seq(seq)
        if row is None:  # evicted: the oldest row left is the nearest
            row = 0
        self._view.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def _after_flush(self, inserted: int, _evicted: int) -> None:
        if self._following:
            self._view.scrollToBottom()
            return
        self._new_rows += inserted
        self._keep_anchor()
        self._update_button()

    def _after_filter_slice(self, _done: float) -> None:
        if self._following:
            self._view.scrollToBottom()  # older matches went in at the top
        else:
            self._keep_anchor()

    def _after_reset(self) -> None:
        # A reset (new filter, cleared log) takes the selection away: follow again.
        self._anchor_seq = None
        self.set_following(True)
        self._view.scrollToBottom()

    def _update_button(self) -> None:
        button = self.button
        if self._following:
            button.hide()
            return
        if self._new_rows:
            button.setText(self.tr("Jump to newest ({count} new)").format(count=self._new_rows))
        else:
            button.setText(self.tr("Jump to newest"))
        button.adjustSize()
        self._place_button()
        button.show()
        button.raise_()

    def _place_button(self) -> None:
        viewport = self._view.viewport()
        origin = viewport.mapTo(self._view, QPoint(0, 0))
        button = self.button
        x = origin.x() + viewport.width() - button.width() - 12
        y = origin.y() + viewport.height() - button.height() - 12
        button.move(max(0, x), max(0, y))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override: keep the button in the log's corner when the log resizes."""
        if watched is self._view and event.type() == QEvent.Type.Resize:
            self._place_button()
        return super().eventFilter(watched, event)
