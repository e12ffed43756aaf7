"""What the composer asks a session to send, and the text rules of composing frames.

GUI-free, so the window's composer and `stomp-explorer send` share one request type and one
template expander: raw-mode text ⇄ bytes with the visible NUL marker, `{{n}}` templates for
bursts (`expand(request, n)` is the one home of template expansion), and the well-known
header names offered for completion.

A request carries the `TemplateEngine` its templates are expanded with (`engine`): the
composer gives the one with the library collection's and the profile's variables
(`LibraryStore.engine_for`, the lookup the library's Send uses too), so the SEND path, the
composer's check and its preview all know `{{user}}`. None means the built-ins only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from explorer.templates import TemplateEngine, expand_parts, has_templates

COMMANDS: tuple[str, ...] = (
    "SEND",
    "SUBSCRIBE",
    "UNSUBSCRIBE",
    "ACK",
    "NACK",
    "BEGIN",
    "COMMIT",
    "ABORT",
)
RAW = "RAW"

# Header names worth completing (STOMP 1.2 plus the common ActiveMQ / RabbitMQ extensions).
WELL_KNOWN_HEADERS: tuple[str, ...] = (
    "content-type",
    "content-length",
    "receipt",
    "destination",
    "id",
    "ack",
    "transaction",
    "reply-to",
    "persistent",
    "priority",
    "expires",
    "correlation-id",
    "subscription",
    "message-id",
    "type",
    "selector",
    "durable",
    "auto-delete",
    "exclusive",
    "prefetch-count",
    "x-message-ttl",
    "x-expires",
    "x-max-priority",
    "x-queue-name",
    "x-stream-offset",
    "JMSXGroupID",
    "JMSXGroupSeq",
    "activemq.prefetchSize",
    "activemq.exclusive",
    "activemq.subscriptionName",
    "activemq.retroactive",
    "activemq.priority",
    "activemq.noLocal",
    "AMQ_SCHEDULED_DELAY",
)

CONTENT_TYPES: tuple[str, ...] = (
    "text/plain;charset=utf-8",
    "application/json",
    "application/xml",
    "application/octet-stream",
    "text/xml",
)

# The visible stand-in for the NUL that ends a frame in raw-mode text.
NUL_MARK = "␀"
TEMPLATE_N = "{{n}}"
MAX_BURST = 100_000


@dataclass(frozen=True, slots=True)
class ComposeRequest:
    """One press of Send: a frame (or raw bytes) to send `count` times."""

    command: str
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    receipt: bool = False
    count: int = 1
    raw: bytes | None = None  # RAW mode: the exact bytes typed, NUL markers converted
    # A body too large to type: the file's bytes are the body, read when sending (off the
    # event loop), sent as they are (no templates inside); `body` is unused then.
    body_file: str | None = None
    # What expands the templates (the user's variables); None: the built-ins only.
    engine: TemplateEngine | None = field(default=None, compare=False, repr=False)

    @property
    def destination(self) -> str | None:
        return next((v for k, v in self.headers if k == "destination"), None)

    def label(self) -> str:
        """One line for the history menu."""
        if self.raw is not None:
            first = self.raw.split(b"\n", 1)[0].decode("utf-8", "replace")
            return f"RAW {first}"
        dest = self.destination or ""
        body = self.body[:40].decode("utf-8", "replace").replace("\n", " ")
        if self.body_file is not None:
            body = "⟨" + self.body_file.replace("\\", "/").rsplit("/", 1)[-1] + "⟩"
        times = f" ×{self.count}" if self.count > 1 else ""
        return f"{self.command} {dest} {body}{times}".strip()


def raw_text_to_bytes(text: str) -> bytes:
    """The typed raw frame(s) as wire bytes: every ␀ marker becomes NUL. Text without any
    marker gets one appended, since a frame without its NUL would never end."""
    if NUL_MARK not in text:
        text += NUL_MARK
    return text.replace(NUL_MARK, "\x00").encode("utf-8")


# What RAW mode starts from when the form has no SEND to show.
RAW_TEMPLATE = "SEND\ndestination:/queue/test\ncontent-type:text/plain\n\nhello" + NUL_MARK


def form_to_raw_text(
    command: str,
    destination: str,
    content_type: str,
    headers: Sequence[tuple[str, str]],
    body: str,
) -> str:
    """A composer form's SEND as raw text (␀-terminated), for switching to RAW mode; the
    template when there is no SEND with a destination to show."""
    if command != "SEND" or not destination:
        return RAW_TEMPLATE
    lines = [command, f"destination:{destination}"]
    if content_type and all(k != "content-type" for k, _ in headers):
        lines.append(f"content-type:{content_type}")
    lines += [f"{k}:{v}" for k, v in headers]
    return "\n".join(lines) + "\n\n" + body + NUL_MARK


def bytes_to_raw_text(data: bytes) -> str:
    """Wire bytes as editable raw text (NUL shown as ␀)."""
    return data.decode("utf-8", errors="replace").replace("\x00", NUL_MARK)


def has_template(request: ComposeRequest) -> bool:
    """True when copies of a burst differ (a template in the body or a header value)."""
    return has_templates(request.headers, request.body)


def expand(request: ComposeRequest, n: int) -> ComposeRequest:
    """Copy number `n` (1-based) of a burst, through the one template engine
    (`explorer.templates`: `{{n}}`, `{{uuid}}`, `{{now}}`, Faker, the request's engine's
    variables); raises `explorer.templates.TemplateError` (field, line, column)."""
    headers, body = expand_parts(request.headers, request.body, n, request.engine)
    return replace(request, headers=headers, body=body)
