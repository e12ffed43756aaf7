"""What we know about each broker, independent of discovery and of the window (no Qt here).

- `kind.py`: which broker a CONNECTED frame (or the profile) names, its destination syntax
  and the wildcard that means "everything under this node";
- `destinations.py`: what kind of thing a destination is (queue, topic, exchange, temporary);
- `modes.py`: the subscription modes observe / peek / consume / drain and their SUBSCRIBE
  headers, with the reason a mode is not available on a broker;
- `browse.py`: `peek`, ActiveMQ's non-destructive queue browser over STOMP;
- `errors.py`: `BrokerFeatureError` and `PeekUnsupported`.

Import from the modules themselves (`from explorer.broker.kind import BrokerKind`).
"""
