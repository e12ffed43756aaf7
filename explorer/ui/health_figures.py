"""The health dock's words: the figures a chart follows, values as text, and the sentence
for a broker that reports no figures (context "Health").

Kept apart from `health_chart` so the dock can word everything without importing pyqtgraph.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from explorer.broker.kind import BrokerKind

translate = QCoreApplication.translate


class Figure(StrEnum):
    DEPTH = "depth"
    RATES = "rates"
    CONSUMERS = "consumers"
    AGE = "age"


FIGURES = (Figure.DEPTH, Figure.RATES, Figure.CONSUMERS, Figure.AGE)


def figure_text(figure: Figure) -> str:
    return {
        Figure.DEPTH: translate("Health", "Depth (messages waiting)"),
        Figure.RATES: translate("Health", "Rates in / out (msg/s)"),
        Figure.CONSUMERS: translate("Health", "Consumers"),
        Figure.AGE: translate("Health", "Oldest message age (s)"),
    }[figure]


def rate_text(rate: float | None) -> str:
    """Messages per second, one decimal ("–" when not known yet)."""
    return f"{rate:,.1f}" if rate is not None else "–"


def age_text(seconds: float | None) -> str:
    """The oldest message's age, short: "0 s", "45 s", "3 min", "2 h 5 min"."""
    if seconds is None:
        return "–"
    whole = int(seconds)
    if whole < 120:
        return translate("Health", "{n} s").format(n=whole)
    if whole < 7200:
        return translate("Health", "{n} min").format(n=whole // 60)
    return translate("Health", "{h} h {m} min").format(h=whole // 3600, m=whole % 3600 // 60)


def unavailable_text(broker: BrokerKind) -> str:
    """Why there are no figures for this broker (`explorer.health.unavailable_reason` says
    whether; this says why in the window's words)."""
    if broker is BrokerKind.ACTIVEMQ:
        return translate(
            "Health",
            "ActiveMQ reports destination figures through Jolokia only: fill in “Jolokia URL” "
            "on the profile's Management page (for example "
            "http://localhost:8161/api/jolokia).",
        )
    if broker is BrokerKind.RABBITMQ:
        return translate(
            "Health",
            "RabbitMQ reports queue figures through its management API only: fill in "
            "“Management URL” on the profile's Management page (for example "
            "http://localhost:15672).",
        )
    if broker is BrokerKind.SPRING:
        return translate(
            "Health",
            "Spring's simple broker keeps no queues and reports no figures (depth, consumers, "
            "rates): there is nothing to chart. The message log still shows the traffic.",
        )
    if broker is BrokerKind.ARTEMIS:
        return translate(
            "Health",
            "Artemis health figures are not supported yet (its Jolokia names differ from "
            "ActiveMQ's). The message log still shows the traffic.",
        )
    return translate(
        "Health",
        "This broker is unknown, so there is no API to read destination figures from. The "
        "message log still shows the traffic.",
    )
