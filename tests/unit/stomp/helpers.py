"""Ways of feeding a parser, shared by the stomp tests."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import Any

from explorer.stomp import Frame, FrameParser, Item

Items = list[Item]


def feed_chunks(parser: FrameParser, chunks: Iterable[bytes]) -> Items:
    items: Items = []
    for chunk in chunks:
        items += parser.feed(chunk)
    return items


def whole(data: bytes, **options: Any) -> Items:
    return FrameParser(**options).feed(data)


def bytewise(data: bytes, **options: Any) -> Items:
    return feed_chunks(FrameParser(**options), (data[i : i + 1] for i in range(len(data))))


def split_at(data: bytes, cuts: Iterable[int]) -> list[bytes]:
    """`data` cut at the given offsets (sorted, clipped to the data)."""
    points = sorted({min(max(c, 0), len(data)) for c in cuts} | {0, len(data)})
    return [data[a:b] for a, b in pairwise(points)]


def frames(items: Items) -> list[Frame]:
    return [item for item in items if isinstance(item, Frame)]


def one_frame(items: Items) -> Frame:
    """The only item, which must be a frame (not a heart-beat)."""
    [item] = items
    assert isinstance(item, Frame), item
    return item


def crlf_head(data: bytes) -> bytes:
    """The same frame with CRLF line ends in its command and header lines."""
    head, _, body = data.partition(b"\n\n")
    return head.replace(b"\n", b"\r\n") + b"\r\n\r\n" + body
