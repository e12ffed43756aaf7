"""Destination health over time: depth, consumers, rates, the oldest message's age (no Qt).

For a destination or a subtree of the tree, a `HealthMonitor` samples the broker's own
figures (Jolokia on ActiveMQ, the management API on RabbitMQ, the sandbox's feed) and keeps
a series per destination: plain data a window chart plots, plus the "top talkers"::

    from explorer.health import (HealthMonitor, Scope, JolokiaHealth, ManagementHealth,
                                 SandboxHealth, SandboxFeedHealth, unavailable_reason)
    from explorer.operations import JolokiaAdmin, ManagementAdmin

    reason = unavailable_reason(kind, jolokia=bool(url), management=bool(url))
    if reason: show(reason)                        # e.g. Spring's simple broker: a sentence
    source = JolokiaHealth(JolokiaAdmin(jolokia_url))            # ActiveMQ
    source = ManagementHealth(ManagementAdmin(url, login=..., password=..., vhost="/"))
    source = SandboxHealth(broker.snapshot)                      # in-process sandbox
    feed = SandboxFeedHealth(client); await feed.start()         # any sandbox over STOMP
    monitor = HealthMonitor(source, Scope("/queue/orders", subtree=True), keep=900)
    samples = await monitor.sample()               # or: await monitor.run(2.0, on_samples=cb,
                                                   #                        stop=event)
    monitor.series("/queue/orders.eu")             # [HealthSample(time, depth, consumers,
                                                   #   enqueued, dequeued, enqueue_rate,
                                                   #   dequeue_rate, oldest_age)], oldest first
    monitor.total()                                # the subtree as one series
    monitor.top_talkers(10)                        # [Talker(destination, traffic, ...)]

Rates are messages per second: the broker's own (RabbitMQ) or derived from two readings of
the counters. A source's failure is the `explorer.operations.ApiFailed` of its HTTP call.
"""

from __future__ import annotations

from explorer.health.model import HealthSample, Reading, Scope, Talker
from explorer.health.monitor import HealthMonitor
from explorer.health.sources import (
    HealthSource,
    JolokiaHealth,
    ManagementHealth,
    SandboxFeedHealth,
    SandboxHealth,
    unavailable_reason,
)

__all__ = [
    "HealthMonitor",
    "HealthSample",
    "HealthSource",
    "JolokiaHealth",
    "ManagementHealth",
    "Reading",
    "SandboxFeedHealth",
    "SandboxHealth",
    "Scope",
    "Talker",
    "unavailable_reason",
]
