"""Discovery problems in the window's words (and so in the user's language).

The discovery layer raises typed errors (`DiscoveryAuthError`, `DiscoveryNotFound`, ...) with
an English sentence for the command line. The window words them from the type and the source,
so a Korean window never shows the HTTP client's English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from explorer.discovery.errors import (
    DiscoveryAuthError,
    DiscoveryNotFound,
    DiscoveryProtocolError,
    DiscoveryUnavailable,
)

CONTEXT = "DiscoveryText"  # spelled out in each call: lupdate reads literals only


def source_name(source: str) -> str:
    """ "the RabbitMQ management API", "Jolokia", ... for a `explorer.discovery.Source`."""
    names = {
        "management": QCoreApplication.translate("DiscoveryText", "the management API"),
        "jolokia": QCoreApplication.translate("DiscoveryText", "Jolokia"),
        "advisory": QCoreApplication.translate("DiscoveryText", "ActiveMQ advisories"),
        "sandbox": QCoreApplication.translate("DiscoveryText", "the sandbox feed"),
    }
    return names.get(source, source)


def reason(error: BaseException) -> str:
    """Why discovery failed, short (for the tree's empty state)."""
    if isinstance(error, DiscoveryAuthError):
        return QCoreApplication.translate("DiscoveryText", "login refused")
    if isinstance(error, DiscoveryNotFound):
        return QCoreApplication.translate("DiscoveryText", "not found at the configured URL")
    if isinstance(error, DiscoveryUnavailable):
        return QCoreApplication.translate("DiscoveryText", "not reachable")
    if isinstance(error, DiscoveryProtocolError):
        return QCoreApplication.translate("DiscoveryText", "unexpected answer")
    return str(error)


def problem(source: str, error: BaseException) -> str:
    """The banner's sentence for a failed discovery source: what happened, what to do."""
    name = source_name(source)
    if isinstance(error, DiscoveryAuthError):
        text = QCoreApplication.translate(
            "DiscoveryText",
            "Destination discovery: {source} refused the login. Check the management user "
            "and password on the profile's Management page.",
        )
    elif isinstance(error, DiscoveryNotFound):
        text = QCoreApplication.translate(
            "DiscoveryText",
            "Destination discovery: {source} is not at the configured address (HTTP 404). "
            "Check the URL on the profile's Management page.",
        )
    elif isinstance(error, DiscoveryUnavailable):
        text = QCoreApplication.translate(
            "DiscoveryText",
            "Destination discovery: {source} cannot be reached. Is it enabled on the broker, "
            "and is the URL on the profile's Management page right? The tree still shows "
            "what you subscribe to and send.",
        )
    elif isinstance(error, DiscoveryProtocolError):
        text = QCoreApplication.translate(
            "DiscoveryText",
            "Destination discovery: {source} answered something it should not. Check the "
            "URL on the profile's Management page.",
        )
    else:
        return QCoreApplication.translate(
            "DiscoveryText", "Destination discovery through {source} failed: {error}"
        ).format(source=name, error=error)
    return text.format(source=name)
