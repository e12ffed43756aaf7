"""The profiles as a list model: names in the user's order, a state dot and colour per row.

The dot says what the profile's connection is doing now (connected, connecting, failed,
idle: no tab or a closed one), like MQTTX's connection list; the window sets the states as
its tabs change (`set_state`). A profile's own colour is a bar beside the dot.
"""

from __future__ import annotations

from typing import Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from explorer.client.url import redact_url
from explorer.profiles import Profile, ProfileStore

PROFILE_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex

STATES: Final = ("connected", "connecting", "failed", "idle")
_DOT_COLOURS: Final = {
    "connected": "#2da44e",
    "connecting": "#d4a72c",
    "failed": "#cf222e",
    "idle": "#8c959f",
}


def _state_words(state: str) -> str:
    words = {
        "connected": QCoreApplication.translate("ProfileListModel", "connected"),
        "connecting": QCoreApplication.translate("ProfileListModel", "connecting"),
        "failed": QCoreApplication.translate("ProfileListModel", "failed"),
        "idle": QCoreApplication.translate("ProfileListModel", "not connected"),
    }
    return words.get(state, state)


class ProfileListModel(QAbstractListModel):
    """The store's profiles in the user's order (built-ins first); hidden ones optional."""

    def __init__(self, store: ProfileStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.show_hidden = False
        self._rows: list[Profile] = []
        self._states: dict[str, str] = {}
        self._icons: dict[tuple[str, str], QIcon] = {}
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = self.store.profiles(include_hidden=self.show_hidden)
        self.endResetModel()

    @property
    def rows(self) -> list[Profile]:
        return list(self._rows)

    def profile(self, row: int) -> Profile | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, name: str) -> int:
        for i, p in enumerate(self._rows):
            if p.name == name:
                return i
        return -1

    def state(self, name: str) -> str:
        return self._states.get(name, "idle")

    def set_states(self, states: dict[str, str]) -> None:
        """Each profile's connection state (missing names are idle); repaints what changed."""
        old, self._states = self._states, {k: v for k, v in states.items() if v != "idle"}
        for name in set(old) | set(self._states):
            if old.get(name, "idle") != self._states.get(name, "idle"):
                row = self.row_of(name)
                if row >= 0:
                    index = self.index(row, 0)
                    self.dataChanged.emit(index, index)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def _icon(self, state: str, colour: str) -> QIcon:
        """A dot in the state's colour, after a bar in the profile's colour (if any)."""
        key = (state, colour)
        if key not in self._icons:
            pixmap = QPixmap(22, 14)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if colour:
                painter.fillRect(0, 1, 4, 12, QColor(colour))
            dot = QColor(_DOT_COLOURS.get(state, _DOT_COLOURS["idle"]))
            if state == "idle":
                painter.setPen(QPen(dot, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(dot)
            painter.drawEllipse(QRectF(9.5, 2.5, 9, 9))
            painter.end()
            self._icons[key] = QIcon(pixmap)
        return self._icons[key]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        profile = self.profile(index.row()) if index.isValid() else None
        if profile is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return profile.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(profile)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(self.state(profile.name), profile.colour or "")
        if role == Qt.ItemDataRole.FontRole and (profile.builtin or profile.hidden):
            font = QFont()
            font.setItalic(True)
            return font
        if role == PROFILE_ROLE:
            return profile
        if role == STATE_ROLE:
            return self.state(profile.name)
        return None

    def _tooltip(self, profile: Profile) -> str:
        lines = [redact_url(profile.url), _state_words(self.state(profile.name))]
        if profile.effective_login:
            lines.append(
                QCoreApplication.translate("ProfileListModel", "login: %1").replace(
                    "%1", profile.effective_login
                )
            )
        if profile.builtin:
            lines.append(
                QCoreApplication.translate(
                    "ProfileListModel", "built in: can be hidden or duplicated, not changed"
                )
            )
        if profile.hidden:
            lines.append(QCoreApplication.translate("ProfileListModel", "hidden"))
        if profile.notes:  # a built-in profile's notes are ours, so they are translated
            notes = profile.notes
            builtin = QCoreApplication.translate("BuiltinProfiles", notes)
            lines.append(builtin if profile.builtin else notes)
        return "\n".join(lines)
