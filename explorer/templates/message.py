"""A whole message as templates: destination, headers and body compiled once, rendered per copy.

`MessageTemplate.render(n)` gives copy `n` (1-based) of a burst with one set of per-message
values, so `{{uuid}}` agrees between a header and the body. `preview()` is what the composer
and the library show before sending.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from explorer.templates.engine import CompiledTemplate, TemplateEngine, is_template
from explorer.templates.values import per_message_values

Headers = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class RenderedMessage:
    """One expanded message, ready to send: `headers` excludes `destination`."""

    destination: str
    headers: Headers
    body: bytes

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k == name), None)


class MessageTemplate:
    """Destination, headers and body compiled against one engine.

    A body given as bytes that are not UTF-8 is sent as it is (never templated). The content
    type, when given, becomes the `content-type` header unless a header already sets it."""

    def __init__(
        self,
        engine: TemplateEngine,
        destination: str,
        headers: Sequence[tuple[str, str]] = (),
        body: str | bytes = "",
        content_type: str | None = None,
    ) -> None:
        self._destination = engine.compile(destination, "destination")
        pairs = list(headers)
        if content_type and not any(k.lower() == "content-type" for k, _ in pairs):
            pairs.append(("content-type", content_type))
        self._headers: list[tuple[str, CompiledTemplate]] = [
            (name, engine.compile(value, f"headers.{name}")) for name, value in pairs
        ]
        self._raw_body: bytes | None = None
        text: str | None
        if isinstance(body, bytes):
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                text = None
                self._raw_body = body
        else:
            text = body
        self._body = engine.compile(text, "body") if text is not None else None
        parts = [self._destination, *(c for _n, c in self._headers)]
        if self._body is not None:
            parts.append(self._body)
        self._uses = frozenset().union(*(p.uses for p in parts))

    def render(self, n: int = 1) -> RenderedMessage:
        """Copy `n` of a burst; TemplateError names the field, line and column of a failure."""
        values = per_message_values(self._uses, n)
        if self._body is not None:
            body = self._body.render(values).encode("utf-8")
        else:
            body = self._raw_body or b""
        return RenderedMessage(
            destination=self._destination.render(values),
            headers=tuple((name, value.render(values)) for name, value in self._headers),
            body=body,
        )

    def preview(self) -> RenderedMessage:
        """What the first copy would look like."""
        return self.render(1)


def preview(
    engine: TemplateEngine,
    destination: str,
    headers: Sequence[tuple[str, str]] = (),
    body: str | bytes = "",
    content_type: str | None = None,
    n: int = 1,
) -> RenderedMessage:
    """Expand one message for display before it is sent."""
    return MessageTemplate(engine, destination, headers, body, content_type).render(n)


_DEFAULT: TemplateEngine | None = None


def default_engine() -> TemplateEngine:
    """An engine with the built-ins only (no user variables), made once."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = TemplateEngine()
    return _DEFAULT


def has_templates(headers: Sequence[tuple[str, str]], body: bytes) -> bool:
    """True when copies of a burst can differ: a template in a header value or the body."""
    return any(is_template(value) for _name, value in headers) or any(
        marker in body for marker in (b"{{", b"{%", b"{#")
    )


def expand_parts(
    headers: Sequence[tuple[str, str]],
    body: bytes,
    n: int,
    engine: TemplateEngine | None = None,
) -> tuple[Headers, bytes]:
    """Copy `n` of a composed frame: header values and a UTF-8 body expanded with one set of
    per-message values (a body that is not UTF-8 is left as it is). This is the drop-in for
    the composer's `expand(request, n)`; TemplateError names the field, line and column."""
    engine = engine or default_engine()
    try:
        text: str | None = body.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    fields = [(f"headers.{name}", value) for name, value in headers]
    if text is not None:
        fields.append(("body", text))
    expanded = engine.expand_many(fields, n)
    new_headers = tuple((name, value) for (name, _v), value in zip(headers, expanded, strict=False))
    new_body = expanded[-1].encode("utf-8") if text is not None else body
    return new_headers, new_body
