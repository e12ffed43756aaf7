"""What the composer says about a frame before it is sent: JSON validity after templates, a
template that will not render, a comma the broker will not read as several destinations.

Templates are expanded by the one engine (`explorer.templates.preview`, copy 1), so the check
sees what the broker will get: `{{n}}`, `{{uuid}}`, `{{now}}`, Faker, anything the engine
knows, never a textual stand-in. Every sentence is ours (context "ComposerCheck"), so the
Korean window never shows the JSON parser's English.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from explorer.broker.kind import BrokerKind
from explorer.session.composite import check_destination
from explorer.session.errors import CompositeRefused
from explorer.templates import (
    TemplateEngine,
    TemplateError,
    default_engine,
    has_templates,
    preview,
)
from explorer.ui.parse_errors import json_error_text
from explorer.ui.template_text import template_reason

# Bodies longer than this are not checked while typing (a check per pause must stay quick).
CHECK_LIMIT = 2 * 1024 * 1024


def template_field_text(field: str) -> str:
    """Where a template was, in the window's words: the engine names it `body`,
    `destination` or `headers.<name>`."""
    if field == "body":
        return QCoreApplication.translate("ComposerCheck", "body")
    if field == "destination":
        return QCoreApplication.translate("ComposerCheck", "destination")
    if field.startswith("headers."):
        return QCoreApplication.translate("ComposerCheck", "header {name}").format(
            name=field.removeprefix("headers.")
        )
    return field


def template_error_text(error: TemplateError) -> str:
    """A template problem in the window's words (the engine's reason as given)."""
    where = []
    if error.field:
        where.append(template_field_text(error.field))
    if error.line is not None:
        where.append(
            QCoreApplication.translate("ComposerCheck", "line {line}").format(line=error.line)
        )
    if error.column is not None:
        where.append(
            QCoreApplication.translate("ComposerCheck", "column {column}").format(
                column=error.column
            )
        )
    place = ", ".join(where)
    reason = template_reason(error.problem, error.details, error.reason)
    if place:
        return QCoreApplication.translate(
            "ComposerCheck", "Template error ({place}): {reason}"
        ).format(place=place, reason=reason)
    return QCoreApplication.translate("ComposerCheck", "Template error: {reason}").format(
        reason=reason
    )


def composite_text(error: CompositeRefused) -> str:
    if error.part is None:
        return QCoreApplication.translate(
            "ComposerCheck",
            "A comma means several destinations only on ActiveMQ; this broker would take "
            "“{destination}” as one name. Use the + button to list several destinations "
            "(one SEND each).",
        ).format(destination=error.destination)
    return QCoreApplication.translate(
        "ComposerCheck",
        "On ActiveMQ each destination after a comma needs its own prefix (/queue/, /topic/): "
        "“{part}” has none.",
    ).format(part=error.part or "")


def destination_problem(destinations: Sequence[str], broker: BrokerKind | None) -> str | None:
    """Why these destinations cannot be sent to on `broker` (None when they can, or when the
    broker is not known yet: the session checks again)."""
    if broker is None:
        return None
    for destination in destinations:
        try:
            check_destination(destination, broker)
        except CompositeRefused as error:
            return composite_text(error)
    return None


def composite_note(destination: str, broker: BrokerKind | None) -> str | None:
    """ "One SEND to 2 destinations (ActiveMQ composite)" for a valid composite, else None."""
    if broker is not BrokerKind.ACTIVEMQ or "," not in destination:
        return None
    try:
        parts = check_destination(destination, broker)
    except CompositeRefused:
        return None
    return QCoreApplication.translate(
        "ComposerCheck", "One SEND to {count} destinations (ActiveMQ composite)"
    ).format(count=len(parts))


def check_body(
    text: str,
    content_type: str,
    headers: Sequence[tuple[str, str]],
    destination: str = "",
    engine: TemplateEngine | None = None,
) -> tuple[bool | None, str]:
    """(True, words) valid, (False, why) not, (None, "") nothing to check. JSON is checked
    when the content type says so or the body starts like JSON, after template expansion
    with `engine` (the SEND path's: the user's variables; None: the built-ins only)."""
    body = text.encode("utf-8")
    if len(body) > CHECK_LIMIT:
        return None, ""
    if has_templates(headers, body):
        try:
            rendered = preview(engine or default_engine(), destination or "/", headers, body).body
        except TemplateError as error:
            return False, template_error_text(error)
    else:
        rendered = body
    looks_json = "json" in content_type.lower() or text.lstrip()[:1] in ("{", "[")
    if not text.strip() or not looks_json:
        return None, ""
    try:
        json.loads(rendered)
    except json.JSONDecodeError as error:
        return False, QCoreApplication.translate("ComposerCheck", "JSON error: {error}").format(
            error=json_error_text(error)
        )
    except UnicodeDecodeError:
        return False, QCoreApplication.translate(
            "ComposerCheck", "The body is not UTF-8 text after templates."
        )
    return True, QCoreApplication.translate("ComposerCheck", "Valid JSON")
