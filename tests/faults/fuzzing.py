"""Fuzz the STOMP codec: mutated frames, random chunking, every parser mode; print figures.

Long run: scripts/fuzz [--seconds 600] [--seed N] [--save DIR]   (python -m tests.faults.fuzzing)

Inputs start from well-formed frames of every command and version (escapes, content-length,
binary bodies, heart-beats) and are mutated: bytes flipped or set to the characters STOMP
cares about (NUL, EOL, ':', '\\'), ranges deleted, duplicated or inserted, frames spliced,
content-length rewritten, the stream cut short. Each input is fed to a `FrameParser` built
with a random version, side, strictness and (sometimes) tiny limits, in random chunks.

The oracle: `feed`/`feed_eof` raise only `StompError` subclasses; the error is sticky (the
next feed raises again); the same input in one piece and in chunks gives the same frames and
the same kind of error; every frame parsed can be serialized again or is refused with a
`StompError`. Anything else is a finding: printed, saved with `--save`, exit status 1.
`tests/faults/test_codec_fuzz.py` runs the same engine briefly in CI.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import random
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from explorer.stomp import (
    Command,
    Frame,
    FrameParser,
    Limits,
    StompError,
    Strictness,
    Version,
    serialize,
)

INTERESTING = b"\0\n\r:\\\xff\x00cnrt0123456789-"
TINY_LIMITS = Limits(max_frame_bytes=512, max_headers=4, max_line_bytes=64, max_command_bytes=16)


def seeds() -> list[bytes]:
    """Well-formed wire bytes the mutations start from."""
    frames = [
        Frame(Command.CONNECT, (("accept-version", "1.0,1.1,1.2"), ("host", "/"))),
        Frame(Command.CONNECTED, (("version", "1.2"), ("heart-beat", "1000,1000"))),
        Frame(
            Command.MESSAGE,
            (
                ("destination", "/queue/a:b\\c"),
                ("message-id", "ID:host-1:2:3"),
                ("subscription", "0"),
                ("x-line", "one\ntwo"),
            ),
            "안녕 body".encode(),
        ),
        Frame(Command.SEND, (("destination", "/topic/t"),), b"\x00\x01binary\x00\xff"),
        Frame(Command.SUBSCRIBE, (("destination", "/queue/q"), ("id", "1"), ("ack", "client"))),
        Frame(Command.ERROR, (("message", "bad"),), b"details\n"),
        Frame(Command.RECEIPT, (("receipt-id", "r-1"),)),
        Frame(Command.ACK, (("id", "m-1"),)),
        Frame(Command.DISCONNECT, (("receipt", "bye"),)),
    ]
    out = []
    for version in Version:
        for frame in frames:
            with contextlib.suppress(StompError):  # e.g. an EOL in a 1.0 header
                out.append(serialize(frame, version))
    out.append(b"\n\n\r\n")
    out.append(b"".join(out[:4]) + b"\n")
    return out


def mutate(rng: random.Random, corpus: list[bytes]) -> bytes:
    data = bytearray(rng.choice(corpus))
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(9)
        pos = rng.randrange(len(data) + 1)
        if op == 0 and data:  # flip a bit
            data[pos % len(data)] ^= 1 << rng.randrange(8)
        elif op == 1 and data:  # a character STOMP cares about
            data[pos % len(data)] = rng.choice(INTERESTING)
        elif op == 2:  # insert random bytes
            data[pos:pos] = rng.randbytes(rng.randint(1, 16))
        elif op == 3 and data:  # delete a range
            del data[pos : pos + rng.randint(1, 16)]
        elif op == 4 and data:  # duplicate a range
            end = min(len(data), pos + rng.randint(1, 64))
            data[pos:pos] = data[pos:end]
        elif op == 5:  # splice another seed in
            data[pos:pos] = rng.choice(corpus)
        elif op == 6:  # a content-length that lies
            lie = rng.choice([b"0", b"-1", b"99999999999999", b"1e3", b" 5", b"3"])
            data[pos:pos] = b"content-length:" + lie + b"\n"
        elif op == 7:  # cut the stream short
            del data[pos:]
        else:  # repeat a header line many times
            data[pos:pos] = b"h:v\n" * rng.randint(1, 200)
    return bytes(data)


@dataclass(frozen=True)
class Options:
    version: Version | None
    server_side: bool
    strictness: Strictness
    tiny_limits: bool

    def parser(self) -> FrameParser:
        return FrameParser(
            version=self.version,
            limits=TINY_LIMITS if self.tiny_limits else Limits(),
            server_side=self.server_side,
            strictness=self.strictness,
        )


def random_options(rng: random.Random) -> Options:
    return Options(
        version=rng.choice([None, *Version]),
        server_side=rng.random() < 0.5,
        strictness=rng.choice(list(Strictness)),
        tiny_limits=rng.random() < 0.2,
    )


def random_cuts(rng: random.Random, size: int) -> list[int]:
    return sorted(rng.randrange(size + 1) for _ in range(rng.randint(0, 8)))


class Finding(Exception):
    """The codec broke a rule of the oracle; the message says which."""


def _parse(data: bytes, cuts: list[int], options: Options) -> tuple[list[object], str]:
    """Items parsed and the outcome ("ok", "incomplete" or the StompError's class name)."""
    parser = options.parser()
    items: list[object] = []
    bounds = [0, *cuts, len(data)]
    try:
        for start, end in itertools.pairwise(bounds):
            items.extend(parser.feed(data[start:end]))
        parser.feed_eof()
    except StompError as exc:
        items.extend(getattr(exc, "items", []) or [])
        try:
            parser.feed(b"CONNECT\n\n\0")
        except StompError:
            pass
        else:
            if type(exc).__name__ != "IncompleteFrame":
                raise Finding(f"{type(exc).__name__} was not sticky: the next feed parsed") from exc
        return items, type(exc).__name__
    return items, "ok"


def check(data: bytes, cuts: list[int], options: Options) -> str:
    """Run the oracle on one input; return the outcome name or raise Finding."""
    try:
        whole_items, whole = _parse(data, [], options)
        cut_items, cut = _parse(data, cuts, options)
    except Finding:
        raise
    except Exception as exc:  # the point of fuzzing: anything untyped is a finding
        raise Finding(f"{type(exc).__name__}: {exc}") from exc
    if whole != cut:
        raise Finding(f"chunking changed the outcome: {whole} in one piece, {cut} in chunks")
    if whole == "ok" and [repr(i) for i in whole_items] != [repr(i) for i in cut_items]:
        raise Finding("chunking changed the frames")
    for item in whole_items:
        if isinstance(item, Frame):
            try:
                serialize(item, options.version or Version.V1_2, content_length=False)
            except StompError:
                pass
            except Exception as exc:
                raise Finding(f"serialize raised {type(exc).__name__}: {exc}") from exc
    return whole


def run(seconds: float, seed: int, save: Path | None, limit: int | None = None) -> int:
    rng = random.Random(seed)
    corpus = seeds()
    outcomes: Counter[str] = Counter()
    findings = 0
    started = time.perf_counter()
    deadline = started + seconds
    count = 0
    while time.perf_counter() < deadline and (limit is None or count < limit):
        data = mutate(rng, corpus)
        cuts = random_cuts(rng, len(data))
        options = random_options(rng)
        count += 1
        try:
            outcomes[check(data, cuts, options)] += 1
        except Finding as finding:
            findings += 1
            print(
                f"FINDING {findings}: {finding}\n  options={options} cuts={cuts}\n  input={data!r}"
            )
            traceback.print_exception(finding.__cause__ or finding, limit=-3)
            if save is not None:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"finding-{seed}-{count}.bin").write_bytes(data)
    took = time.perf_counter() - started
    print(f"{count:,} inputs in {took:.1f} s ({count / took:,.0f}/s), seed {seed}")
    for name, n in outcomes.most_common():
        print(f"  {name:<24} {n:>10,}")
    print(f"findings: {findings}")
    return 1 if findings else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600.0, help="how long to run")
    parser.add_argument("--seed", type=int, default=None, help="repeat a run (default: random)")
    parser.add_argument("--save", type=Path, default=None, help="write findings to this folder")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    return run(args.seconds, seed, args.save)


if __name__ == "__main__":
    sys.exit(main())
