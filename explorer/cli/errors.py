"""Exit codes and the one exception the command line turns into a one-line message."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit statuses shared by every subcommand (a contract for scripts)."""

    OK = 0
    FAILURE = 1
    USAGE = 2
    CONNECTION = 3
    TIMEOUT = 4


class CliError(Exception):
    """A user-facing failure: printed as one line on stderr, never as a traceback."""

    def __init__(self, message: str, code: ExitCode = ExitCode.FAILURE) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
