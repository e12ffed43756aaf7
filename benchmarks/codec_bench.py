"""Print frames/s for the STOMP codec: parse in big chunks, parse byte by byte, serialize.

Run: .venv/bin/python benchmarks/codec_bench.py [--frames N]
The frames mimic an ActiveMQ MESSAGE: 6 headers (the message-id has escaped colons), a ~100-byte
body, `\\0\\n` after each frame. Times are process CPU time (best of N), so other load on a
shared machine disturbs them less than wall-clock time would.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from functools import partial

from explorer.stomp import Command, Frame, FrameParser, Strictness, Version, serialize


def sample_frame(i: int) -> Frame:
    headers = (
        ("destination", "/queue/bench.orders"),
        ("message-id", f"ID:bench-host-40123-1700000000000-1:1:1:1:{i}"),
        ("subscription", "0"),
        ("timestamp", "1700000000000"),
        ("priority", "4"),
        ("content-type", "application/json"),
    )
    body = b'{"order": %07d, "item": "widget", "qty": 3, "note": "padding to about 100 B."}' % i
    return Frame(Command.MESSAGE, headers, body)


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:>12,.0f} frames/s"


def best_of(repeats: int, run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def serialize_all(frames: list[Frame], version: Version) -> None:
    for frame in frames:
        serialize(frame, version)


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--frames", type=int, default=100_000)
    args.add_argument("--repeats", type=int, default=5)
    opts = args.parse_args()
    frames = [sample_frame(i) for i in range(opts.frames)]
    wire_frames = [serialize(f, Version.V1_2, content_length=False) + b"\n" for f in frames]
    stream = b"".join(wire_frames)
    size = len(wire_frames[0])
    print(f"{opts.frames} MESSAGE frames of ~{size} bytes on the wire, best of {opts.repeats}")

    def parse_chunks(
        chunk: int, keep_raw: bool = False, strictness: Strictness = Strictness.STANDARD
    ) -> None:
        parser = FrameParser(Version.V1_2, keep_raw=keep_raw, strictness=strictness)
        got = 0
        for offset in range(0, len(stream), chunk):
            got += len(parser.feed(stream[offset : offset + chunk]))
        assert got == 2 * opts.frames, got  # each frame plus its trailing EOL heart-beat

    for chunk in (65536, 4096, 1500):
        seconds = best_of(opts.repeats, partial(parse_chunks, chunk))
        print(f"parse, {chunk:>6}-byte chunks        {rate(opts.frames, seconds)}")
    seconds = best_of(opts.repeats, lambda: parse_chunks(65536, keep_raw=True))
    print(f"parse, 65536-byte chunks, keep_raw {rate(opts.frames, seconds)}")
    for strictness in (Strictness.STRICT, Strictness.LENIENT):
        seconds = best_of(opts.repeats, partial(parse_chunks, 65536, strictness=strictness))
        print(f"parse, 65536-byte chunks, {strictness:<8} {rate(opts.frames, seconds)}")

    def parse_variant(label: str, variant: list[Frame]) -> None:
        data = b"".join(serialize(f) for f in variant)

        def run() -> None:
            parser = FrameParser(Version.V1_2)
            for offset in range(0, len(data), 65536):
                parser.feed(data[offset : offset + 65536])

        print(f"{label:<35}{rate(len(variant), best_of(opts.repeats, run))}")

    sample_size = min(20_000, opts.frames)
    plain = [  # RabbitMQ-like ids: no colon, so no backslash on the wire (fast path)
        Frame(f.command, tuple((k, v.replace(":", "-")) for k, v in f.headers), f.body)
        for f in frames[:sample_size]
    ]
    parse_variant("parse, no escapes, 64 KiB chunks", plain)
    backslash = [  # an escaped backslash forces the regex decoder for that value
        Frame(f.command, (*f.headers, ("selector", "a:b\\c")), f.body) for f in frames[:sample_size]
    ]
    parse_variant("parse, escaped '\\', 64 KiB chunks", backslash)

    sample = b"".join(wire_frames[:500])

    def parse_bytewise() -> None:
        parser = FrameParser(Version.V1_2)
        for i in range(len(sample)):
            parser.feed(sample[i : i + 1])

    seconds = best_of(opts.repeats, parse_bytewise)
    print(
        f"parse, byte by byte (500 frames)    {rate(500, seconds)}"
        f"  ({len(sample) / seconds / 1e6:.2f} MB/s)"
    )

    for version in (Version.V1_2, Version.V1_0):
        seconds = best_of(opts.repeats, partial(serialize_all, frames, version))
        print(f"serialize, STOMP {version}               {rate(opts.frames, seconds)}")


if __name__ == "__main__":
    main()
