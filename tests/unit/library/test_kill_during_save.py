"""The library file survives `kill -9` in the middle of a save: it holds the old or the new
library, never a torn mix."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from explorer.library import Collection, Library, LibraryMessage, LibraryStore, read_library

WRITER = """
import sys
from pathlib import Path
from explorer.library import Collection, Library, LibraryMessage, write_library

def library(tag):
    messages = tuple(
        LibraryMessage(f"m{i}", (f"/queue/{tag}.{i}",), body=tag * 4000) for i in range(150)
    )
    return Library((Collection(tag, messages),))

path = Path(sys.argv[1])
versions = [library("A"), library("B")]
print("ready", flush=True)
n = 0
while True:
    write_library(path, versions[n % 2])
    n += 1
"""


def test_kill_9_during_saves_never_leaves_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    LibraryStore(path).save_collection(Collection("start", (LibraryMessage("m", ("/q",)),)))
    rng = random.Random(13)
    seen: set[str] = set()
    for _ in range(12):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.3))  # somewhere inside one of many saves
        writer.send_signal(signal.SIGKILL)
        assert writer.wait(timeout=30) == -signal.SIGKILL
        writer.stdout.close()
        library = read_library(path)  # raises if the file were torn
        (collection,) = library.collections
        seen.add(collection.name)
        if collection.name != "start":
            bodies = {m.body for m in collection.messages}
            assert bodies == {collection.name * 4000}
            assert len(collection.messages) == 150
    assert seen & {"A", "B"}, "the writer never completed a save: the test proved nothing"
    store = LibraryStore(path)  # and the store opens it without moving anything aside
    assert store.load_warnings == []
    assert not list(tmp_path.glob("*.corrupt-*"))
    assert isinstance(store.library, Library)
