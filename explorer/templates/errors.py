"""The template engine's one error family: structured fields plus an English sentence.

The window words these itself (from `reason`, `field`, `line`, `column`) so they can be
translated; the command line prints `str(error)`.
"""

from __future__ import annotations

from collections.abc import Mapping


class TemplateError(Exception):
    """A template that does not compile or render.

    `field` names what held the template (for example `body` or `headers.x-run`), `line` and
    `column` are 1-based positions inside that text (None when unknown), `reason` says what is
    wrong in words a person can act on. `problem` names the mistake (for example "undefined")
    and `details` its values, for the window to word it in the user's language.
    """

    def __init__(
        self,
        reason: str,
        *,
        field: str | None = None,
        line: int | None = None,
        column: int | None = None,
        problem: str | None = None,
        details: Mapping[str, str] | None = None,
    ) -> None:
        self.reason = reason
        self.field = field
        self.line = line
        self.column = column
        self.problem = problem
        self.details: dict[str, str] = dict(details or {})
        super().__init__(self._sentence())

    def _sentence(self) -> str:
        place = []
        if self.field:
            place.append(self.field)
        if self.line is not None:
            where = f"line {self.line}"
            if self.column is not None:
                where += f", column {self.column}"
            place.append(where)
        prefix = ": ".join(place)
        return f"{prefix}: {self.reason}" if prefix else self.reason

    def located(self, field: str) -> TemplateError:
        """The same error, naming the field that held the template."""
        return type(self)(
            self.reason,
            field=field,
            line=self.line,
            column=self.column,
            problem=self.problem,
            details=self.details,
        )


class VariableError(TemplateError):
    """A variable definition that cannot be used (bad `--var`, a reserved or invalid name)."""
