"""Place for the slow-consumer test of issue 16 (defect 1), which belongs to the client's
back-pressure work and lands with it.

What goes here: our client subscribed to a topic that a producer floods (the issue measured
27,000 msg/s of 1 KiB on ActiveMQ) while the consumer takes 1 ms per message, run in its own
process for a bounded time; its RSS (`tests.faults.rig.rss_bytes`) must stay under the bound
the client documents, and after the producer stops it must not grow. A policy that drops
instead must count the drops and the test must read that count. Use `private_activemq`
(tests/faults/conftest.py) so the flood never reaches the shared brokers, and the `report`
fixture for the figures (peak RSS, messages queued, drops).
"""
