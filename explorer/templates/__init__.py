"""One template engine for the composer, the command line, the message library and scenarios.

Jinja2's immutable sandbox (a template can never run arbitrary code) with StrictUndefined (a
misspelt name is an error, not an empty string). Built-in names::

    {{n}}                    copy number in a burst (1, 2, 3 ...)
    {{uuid}}                 a random UUID, the same within one message
    {{now}}                  the time as ISO 8601 in UTC, e.g. 2026-11-30T01:02:03.456+00:00
    {{now_ms}}               milliseconds since the epoch (a number)
    {{random_int(a, b)}}     a whole number from a to b, both included
    {{faker.name()}}         fake data (Faker); faker["ko_KR"].name() for another locale,
                             or set the variable faker_locale: ko_KR to change the default
    {{env.VAR}}              an environment variable (an error when it is not set)

plus the user's variables, merged by `merge_variables(profile, collection_or_scenario,
command_line)` (the most specific wins). Usage::

    from explorer.templates import TemplateEngine, MessageTemplate, TemplateError

    engine = TemplateEngine({"user": 1001})
    engine.expand("order {{n}} for {{user}}", n=3)          # one text
    message = MessageTemplate(engine, "/queue/orders", [("x-run", "{{uuid}}")],
                              '{"user": {{user}}}', content_type="application/json")
    message.render(n=1)   # RenderedMessage(destination, headers, body: bytes)

The composer's burst expansion: `expand_parts(headers, body: bytes, n)` -> (headers, body),
`has_templates(headers, body)`.

Errors are `TemplateError` (`field`, `line`, `column`, `reason`); `VariableError` for bad
variable definitions (`parse_assignment("user=1001")` reads `--var`).
"""

from __future__ import annotations

from explorer.templates.engine import (
    CompiledTemplate,
    TemplateEngine,
    check_variable_names,
    is_template,
    literal,
    merge_variables,
    parse_assignment,
)
from explorer.templates.errors import TemplateError, VariableError
from explorer.templates.message import (
    MessageTemplate,
    RenderedMessage,
    default_engine,
    expand_parts,
    has_templates,
    preview,
)
from explorer.templates.values import BUILTIN_NAMES, FAKER_LOCALE_VARIABLE

__all__ = [
    "BUILTIN_NAMES",
    "FAKER_LOCALE_VARIABLE",
    "CompiledTemplate",
    "MessageTemplate",
    "RenderedMessage",
    "TemplateEngine",
    "TemplateError",
    "VariableError",
    "check_variable_names",
    "default_engine",
    "expand_parts",
    "has_templates",
    "is_template",
    "literal",
    "merge_variables",
    "parse_assignment",
    "preview",
]
