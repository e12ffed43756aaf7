"""Entry script of the windowed launcher (Windows/macOS bundles): no console behind the GUI.

The same function as the wheel's `stomp-explorer-window` gui-script.
"""

from explorer.cli.main import main_gui

raise SystemExit(main_gui())
