"""The command line: `stomp-explorer [SUBCOMMAND] ...`; no subcommand opens the window."""
