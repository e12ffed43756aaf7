"""Composer benchmark (prints figures, asserts nothing): large bodies (issue 12, defect 2).

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/composer_bench.py [--mb 20]`

- paste: a paste of N MB into the body editor. It is not inserted (an offer to send it from
  a file appears instead): the time the window is blocked, then the worker thread's write.
- file: "Body from file…" on an N MB file: the time to show its summary (size, first lines).
- typed (for comparison, `--typed-mb 2`): what typing a body in costs per MB, the old way.
- send (`--broker stomp://127.0.0.1:61613`): a SEND with receipt of the N MB body file to a
  topic nobody listens to (nothing stays on the broker), through the session as the window
  sends it: the event loop's longest stall (10 ms ticker) and the time to the RECEIPT.

Target: the window never blocks more than 100 ms.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size of the large body")
    parser.add_argument("--typed-mb", type=float, default=2.0, help="size typed in, old way")
    parser.add_argument("--broker", help="also send the body file to this broker URL")
    args = parser.parse_args()

    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QApplication

    from explorer.ui.composer import Composer
    from explorer.ui.composer_history import ComposerHistory

    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp(prefix="composer-bench-"))
    composer = Composer(history=ComposerHistory(work / "history.json"))
    composer.resize(1000, 300)
    composer.show()
    app.processEvents()
    line = '{"order": 1234567, "item": "주문 상품", "qty": 3},\n'
    text = line * int(args.mb * 1024 * 1024 / len(line.encode()))
    size_mb = len(text.encode()) / 1024 / 1024

    mime = QMimeData()
    mime.setText(text)
    start = time.perf_counter()
    composer.body.insertFromMimeData(mime)
    app.processEvents()
    blocked = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    worker = composer.body_area.save_paste(str(work / "pasted.txt"))
    handed = (time.perf_counter() - start) * 1000
    assert worker is not None
    worker.join()
    written = (time.perf_counter() - start) * 1000
    app.processEvents()
    print(
        f"paste {size_mb:.1f} MB: window blocked {blocked:.0f} ms (offer shown, nothing typed "
        f"in); save handed to a worker in {handed:.1f} ms, written after {written:.0f} ms"
    )

    path = work / "body.json"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    composer.body_area.set_body_file(str(path))
    app.processEvents()
    shown = (time.perf_counter() - start) * 1000
    print(f"body from file {size_mb:.1f} MB: summary shown in {shown:.1f} ms")

    typed = line * int(args.typed_mb * 1024 * 1024 / len(line.encode()))
    composer.body_area.set_body_file(None)
    start = time.perf_counter()
    composer.body.setPlainText(typed)
    app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    print(
        f"typed in (the old way) {args.typed_mb:.1f} MB: {elapsed:.0f} ms "
        f"(~{elapsed / args.typed_mb:.0f} ms per MB)"
    )
    if args.broker:
        import asyncio

        asyncio.run(bench_send(args.broker, path, size_mb))
    return 0


async def bench_send(url: str, path: Path, size_mb: float) -> None:
    """Send the body file through a session, measuring the event loop's stalls."""
    import asyncio
    import uuid

    from explorer.client.url import parse_url
    from explorer.session import ComposeRequest, ConnectionSession, Target
    from explorer.session.sink import NullSink

    session = ConnectionSession(
        Target("bench", parse_url(url), {"heartbeat": (0, 0)}), NullSink(), wire_records=False
    )
    await session.connect()
    lags: list[float] = []
    running = True

    async def ticker() -> None:
        loop = asyncio.get_running_loop()
        while running:
            before = loop.time()
            await asyncio.sleep(0.01)
            lags.append((loop.time() - before - 0.01) * 1000)

    tick = asyncio.ensure_future(ticker())
    destination = f"/topic/composer-bench.{uuid.uuid4().hex[:8]}"
    for label, request in (
        (
            "from the file",
            ComposeRequest("SEND", (("destination", destination),), b"", True, 1, None, str(path)),
        ),
        (
            "from memory",
            ComposeRequest("SEND", (("destination", destination),), path.read_bytes(), True),
        ),
    ):
        lags.clear()
        start = time.perf_counter()
        await session.execute(request)
        elapsed = (time.perf_counter() - start) * 1000
        await asyncio.sleep(0.05)
        print(
            f"send {size_mb:.1f} MB {label} with receipt: {elapsed:.0f} ms; event loop's "
            f"longest stall {max(lags, default=0):.0f} ms"
        )
    running = False
    await tick
    await session.shutdown()


if __name__ == "__main__":
    sys.exit(main())
