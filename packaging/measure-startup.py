"""Print the bundle's size and start-up times (figures for the release notes, never asserted).

    scripts/build-bundle && python3 packaging/measure-startup.py [dist/stomp-explorer]

Measures `stomp-explorer --version` (median of 10 runs) and the time until the main window
is mapped on a private Xvfb display (median of 5 runs, polled with xwininfo every 20 ms).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def time_version(exe: Path, runs: int = 10) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(exe), "--version"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        return server, ":" + pipe.readline().strip()


def window_viewable(env: dict[str, str]) -> bool:
    """True once a "STOMP Explorer" window is mapped (Qt also makes an unmapped leader)."""

    def xwininfo(*args: str) -> str:
        return subprocess.run(
            ["xwininfo", *args], env=env, capture_output=True, text=True, check=False
        ).stdout

    ids = [
        line.split()[0]
        for line in xwininfo("-root", "-tree").splitlines()
        if '"STOMP Explorer"' in line
    ]
    return any("Map State: IsViewable" in xwininfo("-id", wid) for wid in ids)


def time_window(exe: Path, display: str, config: Path) -> float:
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "STOMP_EXPLORER_CONFIG_DIR": str(config),
    }
    start = time.perf_counter()
    app = subprocess.Popen(
        [str(exe)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while True:
            if window_viewable(env):
                return time.perf_counter() - start
            if app.poll() is not None:
                raise RuntimeError("the bundle exited before showing its window")
            time.sleep(0.02)
    finally:
        app.terminate()
        app.wait(timeout=20)


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "dist" / "stomp-explorer"
    exe = folder / "stomp-explorer"
    archives = sorted(folder.parent.glob("stomp-explorer-*.tar.gz"))
    print(f"bundle folder: {folder_size(folder) / 2**20:.1f} MiB ({folder})")
    for archive in archives:
        print(f"archive:       {archive.stat().st_size / 2**20:.1f} MiB ({archive.name})")
    print(f"--version:     {time_version(exe) * 1000:.0f} ms (median of 10, warm cache)")
    server, display = start_xvfb()
    try:
        config = Path(os.environ.get("TMPDIR", "/tmp")) / f"stomp-explorer-measure-{os.getpid()}"
        times = [time_window(exe, display, config) for _ in range(5)]
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(
        f"window shown:  {statistics.median(times) * 1000:.0f} ms "
        f"(median of 5 on Xvfb; min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
