"""The session core's share of the MESSAGE path (prints figures, asserts nothing).

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/session_bench.py [--total N]`

Feeds N client events (200-byte JSON MESSAGEs on 50 destinations, batches of 1,000 as the
client's event stream hands them out) straight into `ConnectionSession._handle_batch`:

- core: into a sink that drops everything (log entries and tree changes built, not kept);
- window: into the Qt adapter (`SessionController`: message log, destination tree and
  history models; their publish timers do not run, so this is the ingest side only).

Figures are process CPU time, so other work on the machine disturbs them little.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from explorer.client import Event, Message, MessageReceived
from explorer.client.url import parse_url
from explorer.session import ConnectionSession, NullSink, Target
from explorer.stomp import Frame

BATCH = 1000


def events(total: int) -> list[Event]:
    made: list[Event] = []
    for n in range(total):
        headers = (
            ("destination", f"/topic/load.{n % 50}"),
            ("subscription", "explorer-1"),
            ("message-id", f"id-{n}"),
            ("content-type", "application/json"),
        )
        body = b'{"n": %d, "pad": "%s"}' % (n, b"x" * 170)
        made.append(MessageReceived(Message.from_frame(Frame("MESSAGE", headers, body), set())))
    return made


def rate(session: ConnectionSession, stream: list[Event]) -> float:
    started = time.process_time()
    for start in range(0, len(stream), BATCH):
        session._handle_batch(stream[start : start + BATCH])
    return len(stream) / (time.process_time() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    stream = events(args.total)
    target = Target("bench", parse_url("stomp://127.0.0.1:1"))

    core = max(rate(ConnectionSession(target, NullSink()), stream) for _ in range(args.runs))
    print(f"core:   {core:,.0f} msg/s into ConnectionSession (null sink), best of {args.runs}")

    from PySide6.QtCore import QCoreApplication

    from explorer.profiles.model import Profile
    from explorer.profiles.resolve import settings_from
    from explorer.ui.session import SessionController

    app = QCoreApplication(sys.argv[:1])
    settings = settings_from(Profile(name="bench", url="stomp://127.0.0.1:1"), {})
    best = 0.0
    for _ in range(args.runs):
        controller = SessionController(settings, discovery=False)
        best = max(best, rate(controller.core, stream))
        controller.deleteLater()
    print(f"window: {best:,.0f} msg/s into SessionController's models, best of {args.runs}")
    del app


if __name__ == "__main__":
    main()
