"""Light and dark appearance that follows the OS colour scheme (QStyleHints.colorScheme).

We use the Fusion style with an explicit palette for each scheme, so the app looks the same on
every desktop, plus a small stylesheet from `resources/styles/` for our own widgets (banner,
monospace views).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from explorer.assets import resource
from explorer.ui import icons

APPEARANCES: tuple[str, ...] = ("", "light", "dark")  # "" follows the OS
_preference = ""


def set_preference(appearance: str) -> None:
    """Force "light" or "dark", or follow the OS with "" (from Settings)."""
    global _preference
    _preference = appearance if appearance in APPEARANCES else ""


def is_dark() -> bool:
    if _preference:
        return _preference == "dark"
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    if dark:
        colours = {
            role.Window: "#1f2227",
            role.WindowText: "#e3e5e8",
            role.Base: "#17191d",
            role.AlternateBase: "#1c1f24",
            role.Text: "#e3e5e8",
            role.Button: "#2a2e35",
            role.ButtonText: "#e3e5e8",
            role.Highlight: "#3d6fb6",
            role.HighlightedText: "#ffffff",
            role.ToolTipBase: "#2a2e35",
            role.ToolTipText: "#e3e5e8",
            role.PlaceholderText: "#8a9099",
            role.Link: "#7aa7ff",
            role.Mid: "#3a3f47",
            role.Midlight: "#30353c",
            role.Dark: "#121417",
            role.Shadow: "#000000",
            role.Light: "#3a3f47",
            role.BrightText: "#ff6b6b",
        }
    else:
        colours = {
            role.Window: "#f3f4f6",
            role.WindowText: "#1f2328",
            role.Base: "#ffffff",
            role.AlternateBase: "#f6f8fa",
            role.Text: "#1f2328",
            role.Button: "#eceef1",
            role.ButtonText: "#1f2328",
            role.Highlight: "#2f6fd0",
            role.HighlightedText: "#ffffff",
            role.ToolTipBase: "#fffbe6",
            role.ToolTipText: "#1f2328",
            role.PlaceholderText: "#7d848c",
            role.Link: "#1f5fbf",
            role.Mid: "#c9ced4",
            role.Midlight: "#e1e4e8",
            role.Dark: "#9aa1a9",
            role.Shadow: "#6b7178",
            role.Light: "#ffffff",
            role.BrightText: "#c62828",
        }
    for r, colour in colours.items():
        p.setColor(r, QColor(colour))
    disabled = QColor("#6b7178") if dark else QColor("#a0a6ad")
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, disabled)
    return p


def _stylesheet(dark: bool) -> str:
    parts = []
    for name in ("app.qss", "dark.qss" if dark else "light.qss"):
        path = resource("styles", name)
        if path.is_file():
            parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


def apply(app: QApplication) -> None:
    """Apply the scheme the OS asks for now (called at start and on every scheme change)."""
    dark = is_dark()
    app.setStyle("Fusion")
    app.setPalette(_palette(dark))
    app.setStyleSheet(_stylesheet(dark))
    icons.clear_cache()
    app.setProperty("explorerDark", dark)


def follow_system(app: QApplication) -> None:
    """Apply now and again whenever the OS switches between light and dark."""
    apply(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply(app))
