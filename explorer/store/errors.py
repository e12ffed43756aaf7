"""The store layer's one exception family."""

from __future__ import annotations

from collections.abc import Mapping


class StoreError(Exception):
    """Root of `explorer.store` errors."""


class FilterError(StoreError):
    """A filter the user typed cannot be used (e.g. an invalid regular expression).

    The message is an English sentence that says what is wrong and where. For the window to
    word it itself: `field` is the filter field at fault ("regex", "header", "expression"),
    `position` the 0-based character of the problem when known, `detail` the checker's own
    words (Python's `re` or the search parser).
    """

    def __init__(
        self,
        message: str,
        *,
        field: str = "",
        position: int | None = None,
        detail: str = "",
        problem: str = "",
        details: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.field = field
        self.position = position
        self.detail = detail
        self.problem = problem
        """For an expression: the search's problem code (`explorer.search.errors.Problem`)."""
        self.details = dict(details or {})
        """The values the problem's sentence names."""
