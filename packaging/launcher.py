"""Entry script of the PyInstaller bundle: the same `main` as the `stomp-explorer` command."""

from explorer.cli.main import main

raise SystemExit(main())
