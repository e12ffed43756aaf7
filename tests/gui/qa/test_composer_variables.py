"""A library message loaded into the composer keeps its variables: the composer's Send, its
template check and its Preview expand `{{user}}` (the collection's) and `{{region}}` (the
profile's) with the same lookup as the library's own Send, on the built-in sandbox."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from explorer.library import Collection, LibraryMessage
from explorer.ui.composer_preview import ComposerPreview
from explorer.ui.main_window import MainWindow
from tests.gui.qa.test_library_dock import Collected, sandbox_session
from tests.gui.window.conftest import until

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


def test_the_composer_expands_the_library_and_profile_variables(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window(first_run=True)
    destination = f"/queue/variables.{uuid.uuid4().hex[:8]}"

    async def body() -> None:
        session = await sandbox_session(window)
        composer, library = window.composer, window.workbench.library
        message = LibraryMessage(
            "order",
            (destination,),
            headers=(("x-region", "{{region}}"),),
            body='{"user": {{user}}, "copy": {{n}}}',
            content_type="application/json",
        )
        library.store.save_collection(Collection("orders", (message,), {"user": 1001}))
        library.store.set_profile_variables(session.name, {"region": "eu"})
        library.refresh()
        assert library.select("orders", "order")
        library.load_button.click()
        assert composer.body.toPlainText() == '{"user": {{user}}, "copy": {{n}}}'

        # The check expands with the variables: valid JSON, not "'user' is not defined".
        assert composer.validate() is True, composer.validation.text()

        # The preview shows what Send will send.
        preview = ComposerPreview(composer.build_requests(), composer)
        text = preview.text.toPlainText()
        preview.deleteLater()
        assert "x-region:eu" in text and '{"user": 1001, "copy": 1}' in text, text

        collected = Collected(destination)
        session.add_sink(collected)
        await session.subscribe(destination)
        composer.request_send()
        await until(lambda: collected.messages, what="the composer's message")
        sent = collected.messages[0]
        assert sent.body == b'{"user": 1001, "copy": 1}'
        assert sent.header("x-region") == "eu"
        session.remove_sink(collected)

        # Another collection's message: its variables replace the first one's.
        other = LibraryMessage("plain", (destination,), body="{{user}}")
        library.store.save_collection(Collection("other", (other,), {"user": "someone"}))
        library.refresh()
        assert library.select("other", "plain")
        library.load_button.click()
        preview = ComposerPreview(composer.build_requests(), composer)
        assert preview.text.toPlainText().endswith("\n\nsomeone")
        preview.deleteLater()

    run(body())
