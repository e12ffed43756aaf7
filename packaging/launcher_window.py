"""Entry script of the windowed launcher (Windows/macOS bundles): no console behind the GUI.

The same function as the wheel's `stomp-explorer-window` gui-script.
"""

import multiprocessing

if __name__ == "__main__":
    # Recording runs in a child process (explorer.capture.process_writer): a frozen bundle
    # must hand such a child its job before starting the app.
    multiprocessing.freeze_support()
    from explorer.cli.main import main_gui

    raise SystemExit(main_gui())
