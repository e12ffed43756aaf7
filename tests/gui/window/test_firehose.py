"""A tab flooded faster than it can show: the skipped messages are said, never silent, and
every message is either a row, evicted by the log cap, or counted as skipped."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QStatusBar

from explorer.profiles.model import Profile
from explorer.profiles.resolve import settings_from
from explorer.stomp import Frame
from explorer.ui.connection_view import ConnectionView
from explorer.ui.session import SessionController
from explorer.ui.status import ConnectionStatus
from tests.gui.window.conftest import until
from tests.unit.session.fakes import Factory

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


@pytest.fixture
def flooded(loop: object) -> Iterator[tuple[ConnectionView, Factory]]:
    settings = settings_from(Profile(name="flood", url="stomp://broker.test:61613"), {})
    factory = Factory()
    tab = ConnectionView(SessionController(settings, client_factory=factory, discovery=False))
    tab.resize(900, 500)
    tab.show()
    yield tab, factory
    tab.close()
    tab.session.deleteLater()
    tab.deleteLater()


def test_skipped_and_evicted_messages_are_counted_and_said(
    flooded: tuple[ConnectionView, Factory], run: Run
) -> None:
    view, factory = flooded
    session = view.session
    session.core._intake.max_backlog = 500
    session.messages.set_limits(300, 1 << 20)
    run(session.core.connect())
    sub = run(session.core.subscribe("/topic/prices", confirm=True))
    total = 2000
    for n in range(total):  # faster than the window takes them: all before its next turn
        headers = (("destination", "/topic/prices"), ("subscription", sub.id))
        factory.client.deliver(Frame("MESSAGE", (*headers, ("message-id", f"m-{n}")), b"7"))
    model = session.messages

    def accounted() -> int:
        return len(model.log) + model.pending_count + model.evicted_total + session.skipped

    run(until(lambda: accounted() == total, what="every message logged or skipped"))
    model.flush()
    assert session.skipped == total - 500
    assert len(model.log) == 300 and model.evicted_total == 200
    info = view.log_pane.log_info
    assert "300 messages" in info.text()
    assert "200 evicted" in info.text() and "1,500 skipped" in info.text()
    assert "faster than the window can show them" in info.toolTip()
    # The tree counts every message, the skipped ones too.
    node = session.destinations.tree.node("/topic/prices")
    assert node is not None and node.total_in == total
    bar = QStatusBar()
    status = ConnectionStatus(bar)
    status.show_session(session)
    assert status.skipped.objectName() == "statusSkipped"
    assert status.skipped.text() == "1,500 skipped" and not status.skipped.isHidden()
    run(session.shutdown())
