"""One template engine for the window, the command line, the library and scenarios.

Jinja2's immutable sandbox with StrictUndefined: a user's template can read variables and
call the built-ins, never run arbitrary code, and a misspelt name is an error instead of an
empty string. Templates compile once and render many times (bursts of thousands); text
without `{{`, `{%` or `{#` never reaches Jinja at all.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Mapping, Sequence
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError, meta, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from explorer.templates.errors import TemplateError, VariableError
from explorer.templates.values import (
    BUILTIN_NAMES,
    DEFAULT_FAKER_LOCALE,
    FAKER_LOCALE_VARIABLE,
    PER_MESSAGE_NAMES,
    Environment,
    FakerData,
    per_message_values,
    shared_values,
)

_MARKERS = ("{{", "{%", "{#")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_LOCALE = re.compile(r"^[a-z]{2,3}_[A-Z]{2}$")
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_MAX_REPEAT = 10 * 2**20  # characters or items a `*` may produce
_MAX_EXPONENT = 10_000
_CACHE_SIZE = 512


def is_template(text: str) -> bool:
    """True when `text` has anything for the engine to expand."""
    return any(marker in text for marker in _MARKERS)


def literal(text: str) -> str:
    """`text` as a template that renders to itself (wrapped in `{% raw %}`): for text that
    is already expanded, or recorded as it was, and passes an expanding path again."""
    if is_template(text) and "{% endraw %}" not in text:
        return "{% raw %}" + text + "{% endraw %}"
    return text


class CompiledTemplate:
    """One compiled text: `render(values)` with the per-message values it `uses`."""

    __slots__ = ("_template", "field", "text", "uses")

    def __init__(self, text: str, field: str, template: Any, uses: frozenset[str]) -> None:
        self.text = text
        self.field = field
        self._template = template  # jinja2.Template, or None for plain text
        self.uses = uses  # the per-message names it reads (n, uuid, now, now_ms)

    @property
    def is_literal(self) -> bool:
        return self._template is None

    def render(self, values: Mapping[str, Any]) -> str:
        """The expanded text; TemplateError (with line and column) when rendering fails."""
        if self._template is None:
            return self.text
        try:
            return str(self._template.render(values))
        except Exception as exc:  # any failure inside the user's template is the user's
            raise _render_error(exc, self.text, self.field) from None


class TemplateEngine:
    """Compiles templates against built-ins plus the user's variables.

    `variables` are plain values (strings, numbers, lists...) merged from the layers the
    caller knows about, most specific last (profile, collection or scenario, command line);
    see `merge_variables`. `seed` makes `random_int` and Faker repeatable; `environ` replaces
    the process environment behind `env.VAR` (tests)."""

    def __init__(
        self,
        variables: Mapping[str, Any] | None = None,
        *,
        seed: int | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        user = dict(variables or {})
        check_variable_names(user)
        locale = str(user.get(FAKER_LOCALE_VARIABLE) or DEFAULT_FAKER_LOCALE)
        self._seed = seed
        self._environ = environ
        self.variables: Mapping[str, Any] = user
        self._env = _Sandbox(
            undefined=_Undefined, autoescape=False, keep_trailing_newline=True, cache_size=0
        )
        self._env.globals.update(user)
        self._env.globals.update(shared_values(faker_locale=locale, seed=seed, environ=environ))
        self._known = frozenset(user) | BUILTIN_NAMES
        self._cache: dict[tuple[str, str], CompiledTemplate] = {}

    def with_variables(self, more: Mapping[str, Any]) -> TemplateEngine:
        """A new engine whose variables are these plus `more` (which win)."""
        return TemplateEngine({**self.variables, **more}, seed=self._seed, environ=self._environ)

    def compile(self, text: str, field: str = "template") -> CompiledTemplate:
        """Compile once; TemplateError names the field, line and column of a mistake,
        including a name that is neither a built-in nor a variable."""
        key = (field, text)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        compiled = self._compile(text, field)
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        self._cache[key] = compiled
        return compiled

    def _compile(self, text: str, field: str) -> CompiledTemplate:
        if not is_template(text):
            return CompiledTemplate(text, field, None, frozenset())
        try:
            tree = self._env.parse(text)
        except TemplateSyntaxError as exc:
            raise TemplateError(
                _syntax_reason(exc),
                field=field,
                line=exc.lineno,
                column=_syntax_column(self._env, text, exc.lineno),
                problem="syntax",
                details={"message": exc.message or "syntax error"},
            ) from None
        names = meta.find_undeclared_variables(tree)
        unknown = sorted(names - self._known)
        if unknown:
            name = unknown[0]
            line = next((n.lineno for n in tree.find_all(nodes.Name) if n.name == name), 1)
            raise TemplateError(
                _unknown_name_reason(name, self.variables),
                field=field,
                line=line,
                column=_column_of(text, line, name),
                problem="undefined" if self.variables else "undefined-no-variables",
                details={
                    "name": name,
                    "variables": ", ".join(sorted(self.variables)),
                    "builtins": ", ".join(sorted(BUILTIN_NAMES)),
                },
            )
        template = self._env.from_string(tree)
        return CompiledTemplate(text, field, template, frozenset(names) & PER_MESSAGE_NAMES)

    def expand(self, text: str, n: int = 1, field: str = "template") -> str:
        """Compile (cached) and render one text for copy number `n` of a burst."""
        compiled = self.compile(text, field)
        if compiled.is_literal:
            return text
        return compiled.render(per_message_values(compiled.uses, n))

    def expand_many(self, texts: Sequence[tuple[str, str]], n: int = 1) -> list[str]:
        """Render several (field, text) pairs of ONE message with one set of per-message
        values: `{{uuid}}` and `{{now}}` agree between a header and the body."""
        compiled = [self.compile(text, field) for field, text in texts]
        uses = frozenset().union(*(c.uses for c in compiled))
        values = per_message_values(uses, n)
        return [c.render(values) for c in compiled]


def merge_variables(*layers: Mapping[str, Any] | None) -> dict[str, Any]:
    """Variables from least to most specific (profile, collection, scenario, command line)."""
    merged: dict[str, Any] = {}
    for layer in layers:
        if layer:
            merged.update(layer)
    return merged


def parse_assignment(text: str) -> tuple[str, str]:
    """`NAME=VALUE` from the command line (`--var user=1001`); the value stays a string."""
    name, sep, value = text.partition("=")
    name = name.strip()
    if not sep or not name:
        raise VariableError(f"'{text}' is not NAME=VALUE (for example --var user=1001)")
    check_variable_names({name: value})
    return name, value


def check_variable_names(variables: Mapping[str, Any]) -> None:
    for name in variables:
        if not isinstance(name, str) or not _NAME.match(name):
            raise VariableError(
                f"'{name}' cannot be a variable name: use letters, digits and _ "
                "(not starting with a digit)",
                problem="bad-name",
                details={"name": str(name)},
            )
        if name in BUILTIN_NAMES:
            raise VariableError(
                f"'{name}' is a built-in name ({', '.join(sorted(BUILTIN_NAMES))}); "
                "choose another name for the variable",
                problem="builtin-name",
                details={"name": name, "builtins": ", ".join(sorted(BUILTIN_NAMES))},
            )


# ----------------------------------------------------------------------------- the sandbox


class _Undefined(StrictUndefined):
    """StrictUndefined whose error says what to fix, in our words (the missing name is the
    last quoted word of the message, which is how its column is found)."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        obj, name = self._undefined_obj, self._undefined_name
        if isinstance(obj, Environment):
            return f"the environment variable '{name}' is not set"
        if isinstance(obj, FakerData) and isinstance(name, str) and _LOCALE.match(name):
            return f"Faker has no locale '{name}' (for example en_US, ko_KR)"
        if isinstance(obj, FakerData):
            return f"Faker has no '{name}' (for example faker.name(), faker.email())"
        return str(StrictUndefined._undefined_message.fget(self))  # type: ignore[attr-defined]


class _Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, plus caps on `*` and `**` so one template cannot eat the
    machine's memory or CPU (`{{ 'x' * 10**12 }}`)."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        if op == "*":
            for seq, times in ((left, right), (right, left)):
                if (
                    isinstance(seq, str | bytes | list | tuple)
                    and isinstance(times, int)
                    and len(seq) * times > _MAX_REPEAT
                ):
                    raise SecurityError("that repetition would be too large")
            return operator.mul(left, right)
        if isinstance(right, int) and abs(right) > _MAX_EXPONENT:
            raise SecurityError(f"exponents above {_MAX_EXPONENT} are not allowed")
        return operator.pow(left, right)


# ----------------------------------------------------------------------------- error places


# _Undefined's own sentences, recognised again to name the problem for the window.
_UNDEFINED_PROBLEMS = (
    (re.compile(r"^the environment variable '([^']+)' is not set$"), "env-not-set"),
    (re.compile(r"^Faker has no locale '([^']+)'"), "faker-locale"),
    (re.compile(r"^Faker has no '([^']+)'"), "faker-attribute"),
)


def _render_error(exc: Exception, text: str, field: str) -> TemplateError:
    line = _template_line(exc)
    problem: str | None = None
    details: dict[str, str] = {}
    if isinstance(exc, UndefinedError):
        reason = str(exc)
        quoted = re.findall(r"'([^']+)'", reason)
        column = _column_of(text, line, quoted[-1]) if quoted else _first_tag_column(text, line)
        for pattern, code in _UNDEFINED_PROBLEMS:
            found = pattern.match(reason)
            if found:
                problem, details = code, {"name": found.group(1)}
                break
    elif isinstance(exc, SecurityError):
        reason = f"not allowed in a template: {exc}"
        quoted = re.findall(r"'([^']+)'", reason)
        column = _column_of(text, line, quoted[0]) if quoted else _first_tag_column(text, line)
        problem, details = "not-allowed", {"reason": str(exc)}
    else:
        reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        column = _first_tag_column(text, line)
        problem, details = "render-error", {"error": reason}
    return TemplateError(
        reason, field=field, line=line, column=column, problem=problem, details=details
    )


def _template_line(exc: BaseException) -> int:
    """Jinja rewrites tracebacks so that template frames carry template line numbers."""
    line = 1
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _syntax_reason(exc: TemplateSyntaxError) -> str:
    reason = exc.message or "syntax error"
    return f"template syntax: {reason}"


def _unknown_name_reason(name: str, variables: Mapping[str, Any]) -> str:
    known = ", ".join(sorted(variables)) or "none"
    return (
        f"'{name}' is not defined (variables: {known}; built-ins: "
        f"{', '.join(sorted(BUILTIN_NAMES))})"
    )


def _line_text(text: str, line: int) -> str | None:
    lines = text.split("\n")
    return lines[line - 1] if 1 <= line <= len(lines) else None


def _column_of(text: str, line: int, needle: str) -> int | None:
    """Column (1-based) of `needle` as a word, preferring occurrences inside a tag."""
    row = _line_text(text, line)
    if row is None:
        return None
    pattern = re.compile(rf"(?<![A-Za-z0-9_]){re.escape(needle)}(?![A-Za-z0-9_])")
    for tag in _TAG.finditer(row):
        found = pattern.search(tag.group())
        if found:
            return tag.start() + found.start() + 1
    found = pattern.search(row)
    return found.start() + 1 if found else _first_tag_column(text, line)


def _first_tag_column(text: str, line: int) -> int | None:
    row = _line_text(text, line)
    if row is None:
        return None
    positions = [row.find(m) for m in _MARKERS if m in row]
    return min(positions) + 1 if positions else 1


def _syntax_column(env: ImmutableSandboxedEnvironment, text: str, line: int) -> int | None:
    """Jinja gives only the line of a syntax error: the column is the first tag on that line
    that does not parse on its own (or an opener that never closes)."""
    row = _line_text(text, line)
    if row is None:
        return None
    for opener, closer in (("{{", "}}"), ("{%", "%}"), ("{#", "#}")):
        start = row.find(opener)
        while start >= 0:
            end = row.find(closer, start + 2)
            if end < 0:
                return start + 1
            if opener == "{{":
                try:
                    env.parse(row[start : end + 2])
                except TemplateSyntaxError:
                    return start + 1
            start = row.find(opener, end + 2)
    return _first_tag_column(text, line)
