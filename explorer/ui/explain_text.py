"""The window's words for explorer.broker.explain: each known ERROR or close explained in
the user's language (the "Explanations" translation context).

The table's English sentences are the translation sources; they are listed here, literally,
so that the translation tools find them (a test keeps this list equal to the table).
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from explorer.broker.explain import Explanation

CONTEXT: Final = "Explanations"

SENTENCES: Final[dict[str, object]] = {  # key -> the English sentence
    "spring.csrf": QT_TRANSLATE_NOOP(
        "Explanations",
        "Spring Security expected a CSRF token in the CONNECT frame and found none or a "
        "wrong one: send the X-CSRF-TOKEN header (from the page's csrf token) in CONNECT, "
        "or disable CSRF for the STOMP endpoint on the server.",
    ),
    "spring.access-denied": QT_TRANSLATE_NOOP(
        "Explanations",
        "Spring Security refused this frame (no authenticated user on the session, or a "
        "role the destination requires is missing): send the token in the CONNECT header "
        "the server's ChannelInterceptor reads, and check the destination's authorization "
        "rules.",
    ),
    "spring.token-expired": QT_TRANSLATE_NOOP(
        "Explanations",
        "The server refused an expired token: get a fresh one before every connect "
        "(--token-command runs a command that prints it) and reconnect.",
    ),
    "spring.token-invalid": QT_TRANSLATE_NOOP(
        "Explanations",
        "The server could not read the token it was sent: check which header or query "
        "parameter it expects (--token-in) and that the token is complete (no 'Bearer ' "
        "twice, no line break).",
    ),
    "spring.buffer-limit": QT_TRANSLATE_NOOP(
        "Explanations",
        "The frame is larger than the server's inbound message limit (Spring's default is "
        "64 KiB): send smaller bodies, or raise setMessageSizeLimit in the server's "
        "WebSocketTransportRegistration.",
    ),
    "spring.broker-unavailable": QT_TRANSLATE_NOOP(
        "Explanations",
        "Spring's broker relay has no connection to the external broker: check that "
        "RabbitMQ/ActiveMQ is up and the relay's host, port and system login.",
    ),
    "spring.null-octet": QT_TRANSLATE_NOOP(
        "Explanations",
        "The server could not find the end of a frame: raw STOMP was probably sent to a "
        "SockJS endpoint (use its http:// URL, or the raw WebSocket path), or a frame "
        "lacks its closing NUL.",
    ),
    "spring.inbound-channel": QT_TRANSLATE_NOOP(
        "Explanations",
        "An interceptor or handler on the server's inbound channel threw an exception: its "
        "name after the ';' says which (often authentication in a ChannelInterceptor); "
        "look it up in the server's log.",
    ),
    "rabbitmq.vhost": QT_TRANSLATE_NOOP(
        "Explanations",
        "RabbitMQ reads the STOMP host header as its virtual host and this one is unknown "
        "or not allowed for the user: send host:/ (or the vhost the user may use).",
    ),
    "rabbitmq.access-refused": QT_TRANSLATE_NOOP(
        "Explanations",
        "RabbitMQ refused the login: check the login and passcode, and that the user has "
        "permissions on the virtual host (rabbitmqctl set_permissions).",
    ),
    "rabbitmq.user-destination": QT_TRANSLATE_NOOP(
        "Explanations",
        "A /user/... destination reached RabbitMQ itself: only Spring resolves user "
        "destinations, so send it through the Spring endpoint (and check Spring's user "
        "destination prefix), not straight to the broker.",
    ),
    "rabbitmq.unknown-destination": QT_TRANSLATE_NOOP(
        "Explanations",
        "RabbitMQ does not know this kind of destination: use /queue/, /topic/, "
        "/exchange/, /amq/queue/, /temp-queue/ or /reply-queue/.",
    ),
    "rabbitmq.not-found": QT_TRANSLATE_NOOP(
        "Explanations",
        "The queue or exchange does not exist and RabbitMQ does not create it for this "
        "destination (/amq/queue/, /exchange/): declare it first, or use /queue/NAME, "
        "which RabbitMQ creates.",
    ),
    "rabbitmq.precondition": QT_TRANSLATE_NOOP(
        "Explanations",
        "The queue already exists with other properties (durable, auto-delete, arguments): "
        "send the same headers it was declared with, or delete the queue.",
    ),
    "rabbitmq.resource-locked": QT_TRANSLATE_NOOP(
        "Explanations",
        "Another connection holds this exclusive queue: close that connection or use "
        "another queue name.",
    ),
    "stomp.duplicate-subscription": QT_TRANSLATE_NOOP(
        "Explanations",
        "The SUBSCRIBE reused an id this connection already has: give each subscription "
        "its own id, or UNSUBSCRIBE the old one first.",
    ),
    "activemq.not-authorized": QT_TRANSLATE_NOOP(
        "Explanations",
        "ActiveMQ's authorization plugin does not let this user use the destination: add "
        "the user's group to the destination's read/write/admin entries, or use another "
        "login.",
    ),
    "activemq.bad-login": QT_TRANSLATE_NOOP(
        "Explanations",
        "ActiveMQ refused the login: check the login and passcode (the users of its "
        "simpleAuthenticationPlugin or JAAS).",
    ),
    "activemq.unexpected-ack": QT_TRANSLATE_NOOP(
        "Explanations",
        "The ACK names a message this connection is not waiting to acknowledge (an "
        "auto-ack subscription, a message already acknowledged, or the id of another "
        "connection): acknowledge with the MESSAGE's ack header (STOMP 1.2) on the "
        "connection it came on.",
    ),
    "activemq.no-subscription": QT_TRANSLATE_NOOP(
        "Explanations",
        "No subscription has this id on this connection: UNSUBSCRIBE with the id the "
        "SUBSCRIBE used.",
    ),
    "activemq.max-data-length": QT_TRANSLATE_NOOP(
        "Explanations",
        "The frame is larger than the broker's transport limit: send smaller bodies, or "
        "raise maxDataLength / wireFormat.maxFrameSize on the broker's transport "
        "connector.",
    ),
    "stomp.no-destination": QT_TRANSLATE_NOOP(
        "Explanations",
        "The frame names no destination the broker knows: add destination:/queue/NAME or "
        "/topic/NAME (and, on Artemis, enable auto-creation or create the address first).",
    ),
    "artemis.validate-user": QT_TRANSLATE_NOOP(
        "Explanations",
        "Artemis refused the login: check the login and passcode against its users "
        "(artemis-users.properties or the configured login module).",
    ),
    "artemis.permission": QT_TRANSLATE_NOOP(
        "Explanations",
        "Artemis does not give this user's role the permission the frame needs on the "
        "address (send, consume, createNonDurableQueue...): add it to the address's "
        "security-settings.",
    ),
    "artemis.disk-full": QT_TRANSLATE_NOOP(
        "Explanations",
        "Artemis blocks producers because its disk is nearly full: free disk space or "
        "raise max-disk-usage, and consume what is queued.",
    ),
    "stomp.version": QT_TRANSLATE_NOOP(
        "Explanations",
        "The broker speaks none of the STOMP versions offered in accept-version: offer "
        "1.2, 1.1 and 1.0 (the profile's STOMP versions).",
    ),
    "stomp.login": QT_TRANSLATE_NOOP(
        "Explanations",
        "The broker refused the login: check the login and passcode (or the token, if the "
        "server reads one from CONNECT).",
    ),
    "sockjs.another-connection": QT_TRANSLATE_NOOP(
        "Explanations",
        "Another request is already open for this SockJS session (two tabs, or a proxy "
        "retrying the request): connect again, which starts a new session.",
    ),
    "sockjs.interrupted": QT_TRANSLATE_NOOP(
        "Explanations",
        "The previous streaming or polling request of this SockJS session was cut (often a "
        "proxy that buffers or times out long responses): check the proxy's buffering and "
        "timeouts, or force --sockjs-transport websocket.",
    ),
    "spring.session-not-reliable": QT_TRANSLATE_NOOP(
        "Explanations",
        "Spring closed the session because it could not send to this client in time (it "
        "read too slowly, or the send buffer limit was reached): read faster, or raise the "
        "server's sendTimeLimit and sendBufferSizeLimit.",
    ),
    "sockjs.go-away": QT_TRANSLATE_NOOP(
        "Explanations",
        "The server ended the SockJS session (it usually does so right after a STOMP "
        "ERROR, or when the application closes the session): read the ERROR before it, if "
        "any.",
    ),
    "websocket.going-away": QT_TRANSLATE_NOOP(
        "Explanations",
        "The server (or a proxy in front of it) is shutting down or restarting, or dropped "
        "an idle connection: reconnect, and keep heart-beats shorter than the proxy's idle "
        "timeout.",
    ),
    "websocket.protocol-error": QT_TRANSLATE_NOOP(
        "Explanations",
        "The server could not read what was sent: raw STOMP to a SockJS endpoint does this "
        "(use its http:// URL), as does a frame the WebSocket layer rejects.",
    ),
    "websocket.unsupported-data": QT_TRANSLATE_NOOP(
        "Explanations",
        "The server does not accept this kind of WebSocket message (binary messages on a "
        "text-only endpoint, such as Spring over SockJS): send text frames (UTF-8 bodies).",
    ),
    "websocket.abnormal": QT_TRANSLATE_NOOP(
        "Explanations",
        "The connection dropped without a WebSocket close (the server died, the network "
        "failed, or a proxy cut an idle connection): enable heart-beats shorter than the "
        "proxy's idle timeout and look at the server's log.",
    ),
    "websocket.invalid-payload": QT_TRANSLATE_NOOP(
        "Explanations",
        "A text message was not valid UTF-8: send binary bodies as binary frames, or "
        "encode them (Base64) in text.",
    ),
    "websocket.policy": QT_TRANSLATE_NOOP(
        "Explanations",
        "The server refused the connection by policy (an Origin it does not allow, or a "
        "missing or rejected token): check the server's allowed origins (Spring: "
        "setAllowedOriginPatterns) and where the token goes (--token-in).",
    ),
    "websocket.too-big": QT_TRANSLATE_NOOP(
        "Explanations",
        "A message was larger than the server accepts (Spring's default limit is 64 KiB): "
        "send smaller bodies, or raise the server's message size limit.",
    ),
    "websocket.server-error": QT_TRANSLATE_NOOP(
        "Explanations",
        "The server hit an internal error (Spring: an exception in a handler or the broker "
        "relay; RabbitMQ Web-STOMP: its STOMP connection ended, possibly after an ERROR "
        "that never arrived): look at the server's log around this time.",
    ),
    "websocket.restart": QT_TRANSLATE_NOOP(
        "Explanations",
        "The server is restarting: reconnect in a moment.",
    ),
    "websocket.try-later": QT_TRANSLATE_NOOP(
        "Explanations",
        "The server is overloaded and asked to try again later: reconnect after a pause.",
    ),
}


def explanation_text(explanation: Explanation) -> str:
    """The likely cause and fix, translated."""
    return QCoreApplication.translate(CONTEXT, explanation.sentence)


def with_explanation(text: str, explanation: Explanation | None) -> str:
    """`text`, then the explanation after a dash (banners and status lines)."""
    if explanation is None:
        return text
    return QCoreApplication.translate(
        "Explanations", "{text} — likely cause and fix: {explanation}"
    ).format(text=text, explanation=explanation_text(explanation))
