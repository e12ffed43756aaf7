"""Entry script of the PyInstaller bundle: the same `main` as the `stomp-explorer` command."""

import multiprocessing

if __name__ == "__main__":
    # Recording runs in a child process (explorer.capture.process_writer): a frozen bundle
    # must hand such a child its job before starting the app.
    multiprocessing.freeze_support()
    from explorer.cli.main import main

    raise SystemExit(main())
