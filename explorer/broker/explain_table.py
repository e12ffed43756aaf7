"""The known ERROR messages and close codes of ActiveMQ, RabbitMQ, Artemis and Spring, each
with its likely cause and fix in one sentence (`explain.py` matches them).

Order matters: the first rule that matches wins, so specific rules come before general
ones. Each rule names where its words come from (`source`): a broker verified on this
machine (`seen: ...`), a project's issue (owner/repo#N) or its reference documentation.
The window translates `sentence` (explorer/ui/explain_text.py lists every one for the
translation files; a test keeps the two lists equal).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

__all__ = ["CLOSE_RULES", "ERROR_RULES", "CloseRule", "ErrorRule"]


@dataclass(frozen=True, slots=True)
class ErrorRule:
    key: str
    origin: str  # who sends these words: Spring, RabbitMQ, ActiveMQ, Artemis, STOMP
    pattern: str  # a regex, searched case-insensitively in the message header and body
    sentence: str
    source: str


@dataclass(frozen=True, slots=True)
class CloseRule:
    key: str
    origin: str
    layer: str  # "websocket" or "sockjs"
    code: int
    sentence: str
    source: str
    reason: str = ""  # a regex the close reason must match ("" = any)


ERROR_RULES: Final[tuple[ErrorRule, ...]] = (
    # -- Spring ------------------------------------------------------------------------------
    ErrorRule(
        "spring.csrf",
        "Spring",
        r"CsrfToken|CSRF token",
        "Spring Security expected a CSRF token in the CONNECT frame and found none or a wrong "
        "one: send the X-CSRF-TOKEN header (from the page's csrf token) in CONNECT, or disable "
        "CSRF for the STOMP endpoint on the server.",
        "spring-projects/spring-security#12378",
    ),
    ErrorRule(
        "spring.access-denied",
        "Spring",
        r"AccessDeniedException|Access is denied",
        "Spring Security refused this frame (no authenticated user on the session, or a role "
        "the destination requires is missing): send the token in the CONNECT header the "
        "server's ChannelInterceptor reads, and check the destination's authorization rules.",
        "Spring reference websocket/stomp/authentication; jhipster/generator-jhipster#1342",
    ),
    ErrorRule(
        "spring.token-expired",
        "Spring",
        r"ExpiredJwtException|JWT expired|token (has )?expired|expired token",
        "The server refused an expired token: get a fresh one before every connect "
        "(--token-command runs a command that prints it) and reconnect.",
        "spring-projects/spring-framework#23039",
    ),
    ErrorRule(
        "spring.token-invalid",
        "Spring",
        r"JwtException|invalid (bearer |jwt )?token|MalformedJwt|SignatureException",
        "The server could not read the token it was sent: check which header or query "
        "parameter it expects (--token-in) and that the token is complete (no 'Bearer ' twice, "
        "no line break).",
        "Spring reference websocket/stomp/authentication-token-based",
    ),
    ErrorRule(
        "spring.buffer-limit",
        "Spring",
        r"exceeds (the )?configured buffer size limit|buffer size limit",
        "The frame is larger than the server's inbound message limit (Spring's default is "
        "64 KiB): send smaller bodies, or raise setMessageSizeLimit in the server's "
        "WebSocketTransportRegistration.",
        "TencentBlueKing/bk-repo#2829",
    ),
    ErrorRule(
        "spring.broker-unavailable",
        "Spring",
        r"Broker not available|system session .*(closed|lost)",
        "Spring's broker relay has no connection to the external broker: check that "
        "RabbitMQ/ActiveMQ is up and the relay's host, port and system login.",
        "Spring reference websocket/stomp/handle-broker-relay",
    ),
    ErrorRule(
        "spring.null-octet",
        "Spring",
        r"terminated with a null octet|Broken data",
        "The server could not find the end of a frame: raw STOMP was probably sent to a "
        "SockJS endpoint (use its http:// URL, or the raw WebSocket path), or a frame lacks "
        "its closing NUL.",
        "spring-projects/spring-framework#31983",
    ),
    ErrorRule(
        "spring.inbound-channel",
        "Spring",
        r"Failed to send message to ExecutorSubscribableChannel\[clientInboundChannel\]",
        "An interceptor or handler on the server's inbound channel threw an exception: its "
        "name after the ';' says which (often authentication in a ChannelInterceptor); look it "
        "up in the server's log.",
        "jhipster/generator-jhipster#1342; NaikSoftware/StompProtocolAndroid#185",
    ),
    # -- RabbitMQ ----------------------------------------------------------------------------
    ErrorRule(
        "rabbitmq.vhost",
        "RabbitMQ",
        r"Virtual host '.*' access denied|vhost .* not found",
        "RabbitMQ reads the STOMP host header as its virtual host and this one is unknown or "
        "not allowed for the user: send host:/ (or the vhost the user may use).",
        "seen: RabbitMQ 3.10 (Bad CONNECT, Virtual host '127.0.0.1' access denied)",
    ),
    ErrorRule(
        "rabbitmq.access-refused",
        "RabbitMQ",
        r"access_refused|Access refused for user",
        "RabbitMQ refused the login: check the login and passcode, and that the user has "
        "permissions on the virtual host (rabbitmqctl set_permissions).",
        "seen: RabbitMQ 3.10 (Bad CONNECT, Access refused for user 'guest')",
    ),
    ErrorRule(
        "rabbitmq.user-destination",
        "RabbitMQ",
        r"'/user/[^']*' is not a valid destination",
        "A /user/... destination reached RabbitMQ itself: only Spring resolves user "
        "destinations, so send it through the Spring endpoint (and check Spring's user "
        "destination prefix), not straight to the broker.",
        "spring-guides/gs-messaging-stomp-websocket#56",
    ),
    ErrorRule(
        "rabbitmq.unknown-destination",
        "RabbitMQ",
        r"Unknown destination|is not a valid destination",
        "RabbitMQ does not know this kind of destination: use /queue/, /topic/, /exchange/, "
        "/amq/queue/, /temp-queue/ or /reply-queue/.",
        "seen: RabbitMQ 3.10 (Unknown destination)",
    ),
    ErrorRule(
        "rabbitmq.not-found",
        "RabbitMQ",
        r"not_found|NOT_FOUND - no (queue|exchange)",
        "The queue or exchange does not exist and RabbitMQ does not create it for this "
        "destination (/amq/queue/, /exchange/): declare it first, or use /queue/NAME, which "
        "RabbitMQ creates.",
        "seen: RabbitMQ 3.10 (not_found, NOT_FOUND - no queue ... in vhost '/')",
    ),
    ErrorRule(
        "rabbitmq.precondition",
        "RabbitMQ",
        r"precondition_failed|inequivalent arg",
        "The queue already exists with other properties (durable, auto-delete, arguments): "
        "send the same headers it was declared with, or delete the queue.",
        "RabbitMQ STOMP documentation (queue properties)",
    ),
    ErrorRule(
        "rabbitmq.resource-locked",
        "RabbitMQ",
        r"resource_locked|exclusive (use|access)",
        "Another connection holds this exclusive queue: close that connection or use "
        "another queue name.",
        "RabbitMQ documentation (exclusive queues)",
    ),
    ErrorRule(
        "stomp.duplicate-subscription",
        "STOMP",
        r"Duplicated subscription identifier|A subscription identified by .* already exists|"
        r"subscription id .* is already used",
        "The SUBSCRIBE reused an id this connection already has: give each subscription its "
        "own id, or UNSUBSCRIBE the old one first.",
        "seen: RabbitMQ 3.10 (Duplicated subscription identifier)",
    ),
    # -- ActiveMQ ----------------------------------------------------------------------------
    ErrorRule(
        "activemq.not-authorized",
        "ActiveMQ",
        r"is not authorized to (read|write|create)",
        "ActiveMQ's authorization plugin does not let this user use the destination: add the "
        "user's group to the destination's read/write/admin entries, or use another login.",
        "ActiveMQ documentation (security, authorizationEntries)",
    ),
    ErrorRule(
        "activemq.bad-login",
        "ActiveMQ",
        r"User name \[.*\] or password is invalid",
        "ActiveMQ refused the login: check the login and passcode (the users of its "
        "simpleAuthenticationPlugin or JAAS).",
        "ActiveMQ documentation (security)",
    ),
    ErrorRule(
        "activemq.unexpected-ack",
        "ActiveMQ",
        r"Unexpected ACK received",
        "The ACK names a message this connection is not waiting to acknowledge (an auto-ack "
        "subscription, a message already acknowledged, or the id of another connection): "
        "acknowledge with the MESSAGE's ack header (STOMP 1.2) on the connection it came on.",
        "seen: ActiveMQ 5.17 (Unexpected ACK received for message-id [null])",
    ),
    ErrorRule(
        "activemq.no-subscription",
        "ActiveMQ",
        r"No subscription matched",
        "No subscription has this id on this connection: UNSUBSCRIBE with the id the "
        "SUBSCRIBE used.",
        "seen: ActiveMQ 5.17 (No subscription matched.)",
    ),
    ErrorRule(
        "activemq.max-data-length",
        "ActiveMQ",
        r"maximum data length|maxDataLength|Frame size of .* larger than max",
        "The frame is larger than the broker's transport limit: send smaller bodies, or raise "
        "maxDataLength / wireFormat.maxFrameSize on the broker's transport connector.",
        "ActiveMQ documentation (transport options)",
    ),
    ErrorRule(
        "stomp.no-destination",
        "STOMP",
        r"without a Destination|no destination header|Destination does not exist|"
        r"has no destination",
        "The frame names no destination the broker knows: add destination:/queue/NAME or "
        "/topic/NAME (and, on Artemis, enable auto-creation or create the address first).",
        "seen: ActiveMQ 5.17 (SEND received without a Destination specified!)",
    ),
    # -- Artemis -----------------------------------------------------------------------------
    ErrorRule(
        "artemis.validate-user",
        "Artemis",
        r"AMQ229031|Unable to validate user",
        "Artemis refused the login: check the login and passcode against its users "
        "(artemis-users.properties or the configured login module).",
        "Apache ActiveMQ Artemis documentation (security)",
    ),
    ErrorRule(
        "artemis.permission",
        "Artemis",
        r"AMQ229032|does not have permission",
        "Artemis does not give this user's role the permission the frame needs on the "
        "address (send, consume, createNonDurableQueue...): add it to the address's "
        "security-settings.",
        "Apache ActiveMQ Artemis documentation (security)",
    ),
    ErrorRule(
        "artemis.disk-full",
        "Artemis",
        r"AMQ229119|Disk Capacity is Full|max-disk-usage",
        "Artemis blocks producers because its disk is nearly full: free disk space or raise "
        "max-disk-usage, and consume what is queued.",
        "Apache ActiveMQ Artemis documentation (paging, max-disk-usage)",
    ),
    # -- any STOMP broker --------------------------------------------------------------------
    ErrorRule(
        "stomp.version",
        "STOMP",
        r"Supported protocol versions|no common STOMP version|version.*not supported",
        "The broker speaks none of the STOMP versions offered in accept-version: offer 1.2, "
        "1.1 and 1.0 (the profile's STOMP versions).",
        "STOMP 1.2 specification (protocol negotiation)",
    ),
    ErrorRule(
        "stomp.login",
        "STOMP",
        r"login failed|authentication failed|bad credentials|invalid (login|password|passcode)",
        "The broker refused the login: check the login and passcode (or the token, if the "
        "server reads one from CONNECT).",
        "STOMP 1.2 specification (CONNECT login and passcode)",
    ),
)

CLOSE_RULES: Final[tuple[CloseRule, ...]] = (
    # -- SockJS (close frames c[code,"reason"]) ----------------------------------------------
    CloseRule(
        "sockjs.another-connection",
        "SockJS",
        "sockjs",
        2010,
        "Another request is already open for this SockJS session (two tabs, or a proxy "
        "retrying the request): connect again, which starts a new session.",
        "SockJS protocol 0.3 (close 2010)",
    ),
    CloseRule(
        "sockjs.interrupted",
        "SockJS",
        "sockjs",
        1002,
        "The previous streaming or polling request of this SockJS session was cut (often a "
        "proxy that buffers or times out long responses): check the proxy's buffering and "
        "timeouts, or force --sockjs-transport websocket.",
        "SockJS protocol 0.3 (close 1002, Connection interrupted)",
    ),
    CloseRule(
        "spring.session-not-reliable",
        "Spring",
        "sockjs",
        4500,
        "Spring closed the session because it could not send to this client in time (it read "
        "too slowly, or the send buffer limit was reached): read faster, or raise the "
        "server's sendTimeLimit and sendBufferSizeLimit.",
        "Spring reference websocket/stomp/server-config (send time and buffer limits)",
    ),
    CloseRule(
        "sockjs.go-away",
        "SockJS",
        "sockjs",
        3000,
        "The server ended the SockJS session (it usually does so right after a STOMP ERROR, "
        "or when the application closes the session): read the ERROR before it, if any.",
        "SockJS protocol 0.3 (close 3000, Go away!)",
    ),
    # -- WebSocket close codes (RFC 6455 7.4.1) ----------------------------------------------
    CloseRule(
        "websocket.going-away",
        "WebSocket",
        "websocket",
        1001,
        "The server (or a proxy in front of it) is shutting down or restarting, or dropped "
        "an idle connection: reconnect, and keep heart-beats shorter than the proxy's idle "
        "timeout.",
        "RFC 6455 7.4.1 (1001)",
    ),
    CloseRule(
        "websocket.protocol-error",
        "WebSocket",
        "websocket",
        1002,
        "The server could not read what was sent: raw STOMP to a SockJS endpoint does this "
        "(use its http:// URL), as does a frame the WebSocket layer rejects.",
        "RFC 6455 7.4.1 (1002); spring-projects/spring-framework#31983",
    ),
    CloseRule(
        "websocket.unsupported-data",
        "WebSocket",
        "websocket",
        1003,
        "The server does not accept this kind of WebSocket message (binary messages on a "
        "text-only endpoint, such as Spring over SockJS): send text frames (UTF-8 bodies).",
        "RFC 6455 7.4.1 (1003)",
    ),
    CloseRule(
        "websocket.abnormal",
        "WebSocket",
        "websocket",
        1006,
        "The connection dropped without a WebSocket close (the server died, the network "
        "failed, or a proxy cut an idle connection): enable heart-beats shorter than the "
        "proxy's idle timeout and look at the server's log.",
        "RFC 6455 7.4.1 (1006)",
    ),
    CloseRule(
        "websocket.invalid-payload",
        "WebSocket",
        "websocket",
        1007,
        "A text message was not valid UTF-8: send binary bodies as binary frames, or encode "
        "them (Base64) in text.",
        "RFC 6455 7.4.1 (1007)",
    ),
    CloseRule(
        "websocket.policy",
        "WebSocket",
        "websocket",
        1008,
        "The server refused the connection by policy (an Origin it does not allow, or a "
        "missing or rejected token): check the server's allowed origins (Spring: "
        "setAllowedOriginPatterns) and where the token goes (--token-in).",
        "RFC 6455 7.4.1 (1008); spring-projects/spring-framework#26111",
    ),
    CloseRule(
        "websocket.too-big",
        "WebSocket",
        "websocket",
        1009,
        "A message was larger than the server accepts (Spring's default limit is 64 KiB): "
        "send smaller bodies, or raise the server's message size limit.",
        "RFC 6455 7.4.1 (1009); TencentBlueKing/bk-repo#2829",
    ),
    CloseRule(
        "websocket.server-error",
        "WebSocket",
        "websocket",
        1011,
        "The server hit an internal error (Spring: an exception in a handler or the broker "
        "relay; RabbitMQ Web-STOMP: its STOMP connection ended, possibly after an ERROR that "
        "never arrived): look at the server's log around this time.",
        "RFC 6455 7.4.1 (1011); rabbitmq/rabbitmq-server#6737",
    ),
    CloseRule(
        "websocket.restart",
        "WebSocket",
        "websocket",
        1012,
        "The server is restarting: reconnect in a moment.",
        "RFC 6455 registry (1012)",
    ),
    CloseRule(
        "websocket.try-later",
        "WebSocket",
        "websocket",
        1013,
        "The server is overloaded and asked to try again later: reconnect after a pause.",
        "RFC 6455 registry (1013)",
    ),
)
