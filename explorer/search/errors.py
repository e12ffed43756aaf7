"""What a search can fail with: one family, structured fields, an English sentence."""

from __future__ import annotations


class SearchError(Exception):
    """Root of the family. `message` says what is wrong and how to fix it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class SearchSyntaxError(SearchError):
    """An expression that does not parse. `offset` is the 0-based character where the
    problem is, `expression` the text; `caret()` draws the two lines a text field shows."""

    def __init__(self, message: str, expression: str, offset: int) -> None:
        super().__init__(message)
        self.expression = expression
        self.offset = max(0, min(offset, len(expression)))

    def caret(self) -> str:
        """The expression and a caret under the offending character."""
        line = self.expression.replace("\n", " ").replace("\t", " ")
        return f"{line}\n{' ' * self.offset}^"

    def __str__(self) -> str:
        return f"{self.message} (at character {self.offset + 1})\n{self.caret()}"


class SearchSqlError(SearchError):
    """A raw SQL condition that SQLite refused; `detail` is SQLite's own words."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"The SQL condition cannot be used: {detail}. Write one SQL expression over the "
            "columns of the messages table, as in: body_size > 1000 AND command = 'MESSAGE'."
        )
        self.detail = detail
