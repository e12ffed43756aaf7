"""`python -m explorer` behaves exactly like the `stomp-explorer` command."""

from explorer.cli.main import main

raise SystemExit(main())
