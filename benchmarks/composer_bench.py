"""Composer benchmark (prints figures, asserts nothing): large bodies (issue 12, defect 2).

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/composer_bench.py [--mb 20]`

- paste: a paste of N MB into the body editor. It is not inserted (an offer to send it from
  a file appears instead): the time the window is blocked, then the worker thread's write.
- file: "Body from file…" on an N MB file: the time to show its summary (size, first lines).
- typed (for comparison, `--typed-mb 2`): what typing a body in costs per MB, the old way.

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
