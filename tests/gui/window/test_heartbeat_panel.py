"""The traffic inspector's heart-beat panel on a live connection: offered vs agreed values, the
beats in and out on the timeline with their gaps, and the warning when the server answers
`heart-beat:0,0` (Spring's simple broker without a TaskScheduler)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from explorer.profiles.model import HeartBeat, Profile
from explorer.session.heartbeats import HeartbeatTimeline, HeartbeatWarning
from explorer.ui.heartbeat_view import HeartbeatCanvas, HeartbeatView
from explorer.ui.main_window import MainWindow
from tests.gui.window.conftest import add_profile, child, connect, until
from tests.support.sandbox import running_sandbox

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


def test_beats_in_and_out_on_the_timeline_with_their_gaps(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window()

    async def body() -> None:
        async with running_sandbox(heartbeat_min_ms=50) as broker:
            profile = Profile(name="beats", url=broker.tcp_url, heart_beat=HeartBeat(200, 200))
            add_profile(window, profile)
            view = await connect(window, "beats")
            view.pages.setCurrentWidget(view.traffic)
            panel = child(view, HeartbeatView, "heartbeatView")
            timeline = panel.timeline
            await until(
                lambda: len(timeline.gaps(True)) >= 3 and len(timeline.gaps(False)) >= 3,
                what="heart-beats both ways",
            )
            panel.refresh()
            negotiation = child(panel, QLabel, "heartbeatNegotiation").text()
            assert "offered 200,200" in negotiation and "answered 200,200" in negotiation
            assert "send every 0.2 s, expect every 0.2 s" in negotiation
            summary = child(panel, QLabel, "heartbeatSummary").text()
            assert summary.startswith("in: ") and "heart-beats, gaps" in summary
            assert "rule allows 0.7 s" in summary  # 2 x 0.2 s + 0.3 s slack
            assert not child(panel, QLabel, "heartbeatWarning").isVisible()
            canvas = child(panel, HeartbeatCanvas, "heartbeatTimeline")
            newest_in = next(b for b in reversed(timeline.beats) if not b.outbound)
            x = canvas._x(newest_in.at, canvas.now(), canvas.span())
            found = canvas.beat_near(x, canvas._lane_y(False))
            assert found is not None and not found.outbound
            assert "received" in canvas.describe(found)

    run(body())


def test_a_server_answering_zero_is_warned_about_with_the_spring_reason(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window()

    async def body() -> None:
        async with running_sandbox(heartbeats_off=True) as broker:
            profile = Profile(name="spring", url=broker.tcp_url, heart_beat=HeartBeat(1000, 1000))
            add_profile(window, profile)
            view = await connect(window, "spring")
            view.pages.setCurrentWidget(view.traffic)
            panel = child(view, HeartbeatView, "heartbeatView")
            await until(lambda: panel.timeline.negotiation is not None, what="CONNECTED")
            panel.refresh()
            warning = child(panel, QLabel, "heartbeatWarning")
            assert warning.isVisible()
            assert "heart-beat:0,0" in warning.text() and "TaskScheduler" in warning.text()
            assert "agreed: off" in child(panel, QLabel, "heartbeatNegotiation").text()

    run(body())


def test_the_panel_words_every_warning_as_the_session_core_does(qapp: QApplication) -> None:
    view = HeartbeatView(HeartbeatTimeline())
    for warning in HeartbeatWarning:
        assert view.warning_text(warning) == warning.sentence
    view.deleteLater()
