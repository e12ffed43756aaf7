"""A body sent from a file (issue 12, defect 2): read when sending, sent as it is (templates in
the headers only), unreadable files said in a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.session import ComposeRequest
from explorer.session.errors import BodyFileUnreadable
from tests.unit.session.test_sending import connected


@pytest.mark.asyncio
async def test_the_file_is_the_body_and_is_never_a_template(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    content = b'{"literal": "{{n}}"}' + b" " * 100_000
    path.write_bytes(content)
    session, factory, sink, _clock = await connected()
    request = ComposeRequest(
        "SEND", (("destination", "/queue/a"), ("x-copy", "{{n}}")), body_file=str(path), count=2
    )
    assert "big.json" in request.label()
    await session.execute(request)
    frames = factory.client.frames("SEND")
    assert [f.body for f in frames] == [content, content]
    assert [f.header("x-copy") for f in frames] == ["1", "2"]
    assert [e.size for batch in sink.entry_batches for e in batch] == [len(content)] * 2
    await session.shutdown()


@pytest.mark.asyncio
async def test_an_unreadable_file_is_a_sentence(tmp_path: Path) -> None:
    session, factory, _sink, _clock = await connected()
    missing = tmp_path / "gone.bin"
    with pytest.raises(BodyFileUnreadable) as error:
        await session.execute(
            ComposeRequest("SEND", (("destination", "/queue/a"),), body_file=str(missing))
        )
    assert str(missing) in error.value.message and "Choose it again" in error.value.message
    assert factory.client.frames("SEND") == []
    await session.shutdown()
