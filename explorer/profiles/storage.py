"""Where the profiles file lives, and how it is read and written without ever breaking it.

Writes go to a temporary file in the same directory, which is flushed, fsynced and renamed
over the old file (then the directory is fsynced), so a crash at any moment leaves either the
old or the new file. A file that cannot be read is moved aside (at the next write, never
while only reading), never overwritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from explorer.profiles.document import MAX_FILE_BYTES, JsonProblem, decode_text, loads
from explorer.profiles.errors import ProfileFileError, ProfileFileUnreadable

APP_NAME = "stomp-explorer"
FILE_NAME = "profiles.json"
CONFIG_DIR_ENV = "STOMP_EXPLORER_CONFIG_DIR"


def config_dir() -> Path:
    """The user's config dir, or $STOMP_EXPLORER_CONFIG_DIR (tests, portable installs)."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_path() -> Path:
    return config_dir() / FILE_NAME


def encode(doc: dict[str, Any]) -> bytes:
    """Human-readable JSON: indented, keys in a stable order, UTF-8, newline at the end."""
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` by `data` so that readers see the old or the new bytes, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    try:
        dfd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # e.g. Windows cannot open a directory; the rename is still atomic there
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def read_bytes(path: Path) -> bytes | None:
    """The file's bytes, None when it does not exist. ProfileFileUnreadable when the system
    refuses (the file may be fine: leave it alone); ProfileFileError when it is far larger
    than a profiles file can be."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ProfileFileError(
                f"{path} is {size:,} bytes, more than a profiles file can be "
                f"({MAX_FILE_BYTES:,} bytes)"
            )
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ProfileFileUnreadable(f"cannot read {path}: {exc.strerror}") from None


def read_document(path: Path) -> dict[str, Any] | None:
    """The decoded JSON object, None when the file does not exist; ProfileFileError when it
    exists but cannot be read or is not a JSON object. All or nothing: the store and import
    read profile by profile instead (explorer.profiles.loading)."""
    raw = read_bytes(path)
    if raw is None:
        return None
    try:
        doc = loads(decode_text(raw))
    except JsonProblem as exc:
        raise ProfileFileError(f"{path} is not valid JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise ProfileFileError(f"{path} should hold a JSON object with 'schema' and 'profiles'")
    return doc


def move_aside(path: Path) -> Path:
    """Rename a broken file to `<name>.corrupt-<timestamp>` and return the new path."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, target)
    return target


def remove_stale_temps(path: Path, older_than_s: float = 0) -> None:
    """Delete temp files left by writers of `path` that were killed mid-write. Call it while
    holding `exclusive(path)`: no live writer of the file can then have one (give
    `older_than_s` otherwise, so that a live writer's file is spared)."""
    limit = time.time() - older_than_s
    for tmp in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if tmp.stat().st_mtime <= limit:
                tmp.unlink()


@contextlib.contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold an inter-process lock for `path` while a change is read, made and written, so the
    window and the command line never lose each other's changes. The lock file lives in the
    config dir (not next to a team file kept in a repository). POSIX only; elsewhere a no-op."""
    try:
        import fcntl
    except ImportError:  # Windows: writes stay atomic, concurrent edits are last-writer-wins
        yield
        return
    lock_dir = config_dir() / "locks"
    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
    try:
        lock_dir.mkdir(parents=True, exist_ok=True)
        handle = open(lock_dir / f"profiles-{digest}.lock", "a+b")  # noqa: SIM115
    except OSError:
        yield  # no lock possible (read-only config dir): still atomic, just not serialised
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
