"""The scenario layer's errors: structured fields plus an English sentence.

`ScenarioFileError` is a mistake in a scenario file (the command line exits 2 with
`file:line: key: reason`); `ScenarioConnectError` means the broker could not be reached or
refused the login (exit 3, with the broker's words). A failed expectation is not an error:
it is a `Failure` inside the result.
"""

from __future__ import annotations

from collections.abc import Mapping


class ScenarioError(Exception):
    """Root of the scenario errors."""


class ScenarioFileError(ScenarioError):
    """A scenario file that cannot be read or does not follow the format.

    `file` is the path as given, `line` 1-based (None when the file could not be read at all),
    `key` the place inside the document (for example `steps[3].expect.within`). `problem`
    names the mistake (for example "unknown-key") and `details` its values, so the window
    can word it in the user's language; `reason` is the English sentence."""

    def __init__(
        self,
        file: str,
        line: int | None,
        key: str | None,
        reason: str,
        *,
        problem: str | None = None,
        details: Mapping[str, str] | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.key = key
        self.reason = reason
        self.problem = problem
        self.details: dict[str, str] = dict(details or {})
        where = file if line is None else f"{file}:{line}"
        super().__init__(f"{where}: {key}: {reason}" if key else f"{where}: {reason}")


class ScenarioConnectError(ScenarioError):
    """The scenario's broker could not be reached, or refused the connection or login.

    `reason` carries the client's (and so the broker's) own words."""

    def __init__(self, reason: str, *, url: str | None = None) -> None:
        self.reason = reason
        self.url = url
        super().__init__(f"cannot connect to {url}: {reason}" if url else reason)


class ConnectionProblem(ScenarioError):
    """Raised by a `ScenarioConnection` while a scenario runs.

    `refused` is True when the broker answered with an ERROR frame (a refused destination,
    a SEND it would not take): the step fails with the broker's words. Otherwise the
    connection itself was lost."""

    def __init__(self, reason: str, *, refused: bool) -> None:
        self.reason = reason
        self.refused = refused
        super().__init__(reason)


class NotSendable(ConnectionProblem):
    """A SEND refused before it left: a comma in its destination on a broker other than
    ActiveMQ (`explorer.session.composite`). The step fails with our sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, refused=True)
