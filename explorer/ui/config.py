"""Everything the window remembers, in one typed place: the keys of `window.ini` and their types.

QSettings stores untyped values under string keys; a key spelled in two modules, or read as
a string here and an int there, drifts silently. So the window reads and writes its settings
only through `WindowSettings`, whose properties carry the type, the default and the bounds.
The file sits next to the profiles (`explorer.profiles.config_dir`, which honours
`STOMP_EXPLORER_CONFIG_DIR`: tests never touch the user's real settings).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QByteArray, QSettings

from explorer.profiles import config_dir
from explorer.store import DEFAULT_MAX_COUNT

# The smallest log cap Settings offers: below it a busy topic evicts what you are reading.
MIN_LOG_LIMIT = 1000
DEFAULT_TREE_FRACTION = 0.34


class Key(StrEnum):
    """The keys of `window.ini` (stable: renaming one forgets the user's setting)."""

    LANGUAGE = "language"
    APPEARANCE = "appearance"
    LOG_LIMIT = "log/max_count"
    HIDDEN_LOG_COLUMNS = "log/hidden_columns"
    GEOMETRY = "window/geometry"
    LAYOUT = "window/state"
    TREE_FRACTION = "window/tree_fraction"
    HIDDEN_TREE_COLUMNS = "tree/hidden_columns"
    KEYRING_NOTE_DISMISSED = "profiles/keyring_note_dismissed"
    REOPEN_SESSION = "session/reopen"
    LAST_SESSION = "session/connections"
    ASK_UNEXPORTED = "closing/ask_unexported"


def settings() -> QSettings:
    """The window's settings file (`window.ini` in the config dir), in INI format."""
    path = config_dir()
    path.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path / "window.ini"), QSettings.Format.IniFormat)


class WindowSettings:
    """Typed accessors over the window's QSettings; a value that does not parse reads as its
    default (a hand-edited file never stops the window from opening)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else settings()

    def _text(self, key: Key) -> str:
        value = self.store.value(key, "")
        if isinstance(value, list):  # INI reads an unquoted "a, b" as a list
            return ",".join(map(str, value))
        return value if isinstance(value, str) else str(value or "")

    # -- Settings dialog --------------------------------------------------------------------

    @property
    def language(self) -> str:
        """The chosen language code ("" follows the system); checked by `explorer.ui.i18n`."""
        return self._text(Key.LANGUAGE)

    @language.setter
    def language(self, code: str) -> None:
        self.store.setValue(Key.LANGUAGE, code)

    @property
    def appearance(self) -> str:
        """ "light", "dark" or "" (follow the system); checked by `explorer.ui.theme`."""
        return self._text(Key.APPEARANCE)

    @appearance.setter
    def appearance(self, value: str) -> None:
        self.store.setValue(Key.APPEARANCE, value)

    @property
    def log_limit(self) -> int:
        """How many messages each connection's log keeps."""
        try:
            count = int(self._text(Key.LOG_LIMIT) or DEFAULT_MAX_COUNT)
        except ValueError:
            count = DEFAULT_MAX_COUNT
        return max(MIN_LOG_LIMIT, count)

    @log_limit.setter
    def log_limit(self, count: int) -> None:
        self.store.setValue(Key.LOG_LIMIT, int(count))

    # -- layout -----------------------------------------------------------------------------

    @property
    def geometry(self) -> QByteArray | None:
        """The window's geometry (QWidget.saveGeometry), None before the first save."""
        return self._bytes(Key.GEOMETRY)

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.store.setValue(Key.GEOMETRY, value)

    @property
    def layout(self) -> QByteArray | None:
        """Docks and toolbars (QMainWindow.saveState), None before the first save."""
        return self._bytes(Key.LAYOUT)

    @layout.setter
    def layout(self, value: QByteArray) -> None:
        self.store.setValue(Key.LAYOUT, value)

    def _bytes(self, key: Key) -> QByteArray | None:
        value = self.store.value(key)
        return QByteArray(value) if isinstance(value, QByteArray | bytes) else None

    @property
    def tree_fraction(self) -> float:
        """The share of a connection tab's width given to the destination tree."""
        try:
            value = float(self._text(Key.TREE_FRACTION) or DEFAULT_TREE_FRACTION)
        except ValueError:
            return DEFAULT_TREE_FRACTION
        return min(0.8, max(0.1, value))

    @tree_fraction.setter
    def tree_fraction(self, value: float) -> None:
        self.store.setValue(Key.TREE_FRACTION, round(value, 3))

    @property
    def hidden_log_columns(self) -> list[int]:
        """The message log's columns the user hid (column numbers)."""
        text = self._text(Key.HIDDEN_LOG_COLUMNS)
        return [int(part) for part in text.split(",") if part.strip().isdigit()]

    @hidden_log_columns.setter
    def hidden_log_columns(self, columns: list[int]) -> None:
        self.store.setValue(Key.HIDDEN_LOG_COLUMNS, ",".join(map(str, columns)))

    @property
    def hidden_tree_columns(self) -> list[int] | None:
        """The destination tree's columns the user hid (None: never chosen, the defaults)."""
        if not self.store.contains(Key.HIDDEN_TREE_COLUMNS):
            return None
        text = self._text(Key.HIDDEN_TREE_COLUMNS)
        return [int(part) for part in text.split(",") if part.strip().isdigit()]

    @hidden_tree_columns.setter
    def hidden_tree_columns(self, columns: list[int]) -> None:
        self.store.setValue(Key.HIDDEN_TREE_COLUMNS, ",".join(map(str, columns)))

    def _flag(self, key: Key, default: bool) -> bool:
        text = self._text(key).strip().lower()
        if text in ("true", "1", "yes"):
            return True
        if text in ("false", "0", "no"):
            return False
        return default

    @property
    def keyring_note_dismissed(self) -> bool:
        """The user closed the "no keyring" note: it is not shown again."""
        return self._flag(Key.KEYRING_NOTE_DISMISSED, False)

    @keyring_note_dismissed.setter
    def keyring_note_dismissed(self, value: bool) -> None:
        self.store.setValue(Key.KEYRING_NOTE_DISMISSED, "true" if value else "false")

    @property
    def reopen_session(self) -> bool:
        """Open the last session's connections and subscriptions again at start."""
        return self._flag(Key.REOPEN_SESSION, False)

    @reopen_session.setter
    def reopen_session(self, value: bool) -> None:
        self.store.setValue(Key.REOPEN_SESSION, "true" if value else "false")

    @property
    def last_session(self) -> str:
        """The connections open when the window closed, as JSON (`explorer.ui.last_session`)."""
        return self._text(Key.LAST_SESSION)

    @last_session.setter
    def last_session(self, value: str) -> None:
        self.store.setValue(Key.LAST_SESSION, value)

    @property
    def ask_unexported(self) -> bool:
        """Ask before closing a tab (or quitting) that holds messages not exported."""
        return self._flag(Key.ASK_UNEXPORTED, True)

    @ask_unexported.setter
    def ask_unexported(self, value: bool) -> None:
        self.store.setValue(Key.ASK_UNEXPORTED, "true" if value else "false")

    def sync(self) -> None:
        """Write pending changes to the file now."""
        self.store.sync()
