"""The window's words for what is wrong in a template (the "TemplateText" context).

`explorer.templates` raises `TemplateError` with an English `reason` (what the command line
prints) plus a `problem` code and `details`; here each code becomes a sentence the
translation files know. Jinja's own words (a syntax message, an error inside a template)
stay as given inside the sentence.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# problem code -> English sentence with the details' names as placeholders (the engine's own
# English reason, so the English window reads as the command line).
PROBLEMS: dict[str, object] = {
    "syntax": QT_TRANSLATE_NOOP("TemplateText", "template syntax: {message}"),
    "undefined": QT_TRANSLATE_NOOP(
        "TemplateText",
        "'{name}' is not defined (variables: {variables}; built-ins: {builtins})",
    ),
    "undefined-no-variables": QT_TRANSLATE_NOOP(
        "TemplateText", "'{name}' is not defined (variables: none; built-ins: {builtins})"
    ),
    "env-not-set": QT_TRANSLATE_NOOP(
        "TemplateText", "the environment variable '{name}' is not set"
    ),
    "faker-locale": QT_TRANSLATE_NOOP(
        "TemplateText", "Faker has no locale '{name}' (for example en_US, ko_KR)"
    ),
    "faker-attribute": QT_TRANSLATE_NOOP(
        "TemplateText", "Faker has no '{name}' (for example faker.name(), faker.email())"
    ),
    "not-allowed": QT_TRANSLATE_NOOP("TemplateText", "not allowed in a template: {reason}"),
    "render-error": QT_TRANSLATE_NOOP(
        "TemplateText", "The template failed while filling in: {error}"
    ),
    "bad-name": QT_TRANSLATE_NOOP(
        "TemplateText",
        "'{name}' cannot be a variable name: use letters, digits and _ (not starting with a digit)",
    ),
    "builtin-name": QT_TRANSLATE_NOOP(
        "TemplateText",
        "'{name}' is a built-in name ({builtins}); choose another name for the variable",
    ),
}


def template_reason(problem: str | None, details: Mapping[str, str], fallback: str) -> str:
    """What is wrong in a template, in the user's language (`fallback`, the English reason,
    when the mistake has no code)."""
    sentence = PROBLEMS.get(problem or "")
    if sentence is None:
        return fallback
    return QCoreApplication.translate("TemplateText", str(sentence)).format(**details)
