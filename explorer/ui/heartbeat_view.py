"""The heart-beat panel of the traffic inspector: offered vs agreed values, a warning when the
server turns heart-beats off (Spring's `0,0`), and a timeline of the beats in and out with
their gaps, late ones and missed deadlines marked (explorer.session.heartbeats decides,
by the one liveness rule; this only draws)."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QLayout, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from explorer.session.heartbeats import Beat, HeartbeatTimeline, HeartbeatWarning, Negotiation
from explorer.ui.elided_label import ElidedLabel

REFRESH_MS: Final = 500
_MIN_SPAN: Final = 10.0  # seconds shown at least
_MAX_SPAN: Final = 600.0
_LATE: Final = QColor("#d64545")
_LANE_LABEL_WIDTH: Final = 34


def _seconds(ms: int) -> str:
    return QCoreApplication.translate("HeartbeatView", "{seconds:g} s").format(seconds=ms / 1000)


class HeartbeatCanvas(QWidget):
    """Two lanes (received above, sent below) on a time axis ending now: a dot per
    heart-beat, a tick per frame, late ones red with their gap, missed deadlines as red
    crosses."""

    def __init__(self, timeline: HeartbeatTimeline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heartbeatTimeline")
        self.timeline = timeline
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(60)
        self.setMouseTracking(True)
        self.now = time.monotonic  # replaced by tests
        self._wall_offset = time.time() - time.monotonic()

    def span(self) -> float:
        """Seconds shown: about six of the longest agreed interval, within bounds."""
        longest = max(self.timeline.interval(True), self.timeline.interval(False)) / 1000
        return min(_MAX_SPAN, max(_MIN_SPAN, longest * 6))

    def _x(self, at: float, now: float, span: float) -> float:
        left, width = _LANE_LABEL_WIDTH, max(1, self.width() - _LANE_LABEL_WIDTH - 6)
        return left + width * (1 - (now - at) / span)

    def _lane_y(self, outbound: bool) -> float:
        return self.height() * (0.72 if outbound else 0.32)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        faint = palette.color(QPalette.ColorRole.Mid)
        now, span = self.now(), self.span()
        for outbound, label in ((False, self.tr("in")), (True, self.tr("out"))):
            y = self._lane_y(outbound)
            painter.setPen(QPen(faint, 1))
            painter.drawLine(QPointF(_LANE_LABEL_WIDTH, y), QPointF(self.width() - 4, y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - 9, _LANE_LABEL_WIDTH - 4, 18), Qt.AlignmentFlag.AlignRight, label
            )
        for beat in self.timeline.beats:
            if now - beat.at > span:
                continue
            self._draw_beat(painter, beat, now, span, text)
        for missed in self.timeline.missed(now):
            x, y = self._x(missed.deadline, now, span), self._lane_y(missed.outbound)
            painter.setPen(QPen(_LATE, 2))
            painter.drawLine(QPointF(x - 5, y - 5), QPointF(x + 5, y + 5))
            painter.drawLine(QPointF(x - 5, y + 5), QPointF(x + 5, y - 5))
        painter.setPen(faint)
        painter.drawText(
            QRectF(_LANE_LABEL_WIDTH, self.height() - 15, self.width() - _LANE_LABEL_WIDTH - 6, 14),
            Qt.AlignmentFlag.AlignLeft,
            self.tr("−{seconds:g} s").format(seconds=round(span)),
        )
        painter.drawText(
            QRectF(0, self.height() - 15, self.width() - 6, 14),
            Qt.AlignmentFlag.AlignRight,
            self.tr("now"),
        )

    def _draw_beat(
        self, painter: QPainter, beat: Beat, now: float, span: float, colour: QColor
    ) -> None:
        x, y = self._x(beat.at, now, span), self._lane_y(beat.outbound)
        colour = _LATE if beat.late else colour
        if beat.late and beat.gap is not None:
            start = max(self._x(beat.at - beat.gap, now, span), _LANE_LABEL_WIDTH)
            painter.setPen(QPen(_LATE, 2))
            painter.drawLine(QPointF(start, y), QPointF(x, y))
            painter.drawText(QPointF((start + x) / 2 - 12, y - 6), f"{beat.gap:.1f} s")
        painter.setPen(QPen(colour, 1))
        if beat.heartbeat:
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(x, y), 3.5, 3.5)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.drawLine(QPointF(x, y - 6), QPointF(x, y + 6))

    def beat_near(self, x: float, y: float) -> Beat | None:
        """The beat drawn nearest to a point (for the tooltip), within a few pixels."""
        now, span = self.now(), self.span()
        outbound = abs(y - self._lane_y(True)) < abs(y - self._lane_y(False))
        best: tuple[float, Beat] | None = None
        for beat in self.timeline.beats:
            if beat.outbound is not outbound or now - beat.at > span:
                continue
            distance = abs(self._x(beat.at, now, span) - x)
            if distance <= 6 and (best is None or distance < best[0]):
                best = (distance, beat)
        return best[1] if best else None

    def describe(self, beat: Beat) -> str:
        when = datetime.fromtimestamp(beat.at + self._wall_offset).strftime("%H:%M:%S.%f")[:-3]
        what = self.tr("heart-beat") if beat.heartbeat else beat.command or self.tr("frame")
        if beat.outbound:
            text = self.tr("sent {what} at {time}").format(what=what, time=when)
        else:
            text = self.tr("received {what} at {time}").format(what=what, time=when)
        if beat.gap is not None:
            text += "\n" + self.tr("{gap:.2f} s after the previous one").format(gap=beat.gap)
        allowed = self.timeline.allowed(beat.outbound)
        if beat.late and allowed is not None:
            text += "\n" + self.tr(
                "late: the liveness rule allows {allowed:.1f} s of silence"
            ).format(allowed=allowed)
        return text

    def event(self, event: QEvent) -> bool:
        """Override: the tooltip of the beat under the pointer."""
        if isinstance(event, QHelpEvent):
            beat = self.beat_near(event.pos().x(), event.pos().y())
            if beat is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe(beat), self)
            return True
        return super().event(event)


class HeartbeatView(QWidget):
    """Offered vs agreed, warnings, the timeline and a summary of gaps per direction."""

    def __init__(self, timeline: HeartbeatTimeline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heartbeatView")
        self.timeline = timeline
        # One line each (elided when narrow, the whole text in the tooltip), so the panel
        # stays small; the window's splitter may squeeze it further or collapse it.
        self.negotiation_label = ElidedLabel()
        self.negotiation_label.setObjectName("heartbeatNegotiation")
        self.warning = ElidedLabel()
        self.warning.setObjectName("heartbeatWarning")
        self.warning.setStyleSheet(f"color: {_LATE.name()}; font-weight: bold;")
        self.warning.hide()
        self.canvas = HeartbeatCanvas(timeline)
        self.summary = ElidedLabel()
        self.summary.setObjectName("heartbeatSummary")
        self.summary.setProperty("hint", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(1)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        for widget in (self.negotiation_label, self.warning, self.canvas, self.summary):
            layout.addWidget(widget)
        self.setMinimumHeight(0)
        self._seen = -1
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        """Words when the timeline changed; the canvas always (its axis ends now)."""
        if not self.isVisible() and self._seen != -1:
            return
        if self.timeline.changes != self._seen:
            self._seen = self.timeline.changes
            for label, text in (
                (self.negotiation_label, self.negotiation_text(self.timeline.negotiation)),
                (self.summary, self.summary_text()),
            ):
                label.setText(text)
                label.setToolTip(text)
            warnings = self.timeline.negotiation.warnings if self.timeline.negotiation else ()
            text = " ".join("⚠ " + self.warning_text(w) for w in warnings)
            self.warning.setText(text)
            self.warning.setToolTip(text)
            self.warning.setVisible(bool(warnings))
        self.canvas.update()

    def negotiation_text(self, negotiation: Negotiation | None) -> str:
        if negotiation is None:
            return self.tr("Heart-beats: not connected yet")
        answered = (
            "{},{}".format(*negotiation.answered)
            if negotiation.answered is not None
            else self.tr("no header")
        )
        send, expect = negotiation.negotiated
        agreed = (
            self.tr("off")
            if not send and not expect
            else self.tr("send every {send}, expect every {expect}").format(
                send=_seconds(send) if send else self.tr("(never)"),
                expect=_seconds(expect) if expect else self.tr("(never)"),
            )
        )
        return self.tr(
            "Heart-beats: offered {offered} · answered {answered} · agreed: {agreed}"
        ).format(offered="{},{}".format(*negotiation.offered), answered=answered, agreed=agreed)

    def warning_text(self, warning: HeartbeatWarning) -> str:
        if warning is HeartbeatWarning.SERVER_OFF:
            return self.tr(
                "The server answered heart-beat:0,0, as Spring's simple broker does without a "
                "TaskScheduler (spring-framework#29153): neither side sends heart-beats, so a dead "
                "connection goes unnoticed until a write fails; give the broker a TaskScheduler "
                "(enableSimpleBroker(...).setTaskScheduler(...)) and a heart-beat value."
            )
        if warning is HeartbeatWarning.NO_HEADER:
            return self.tr(
                "The server's CONNECTED carried no heart-beat header (STOMP 1.0, or a server that "
                "ignores heart-beats): no heart-beats are used on this connection."
            )
        return self.tr(
            "The server sends no heart-beats although we asked for them: its silence cannot tell "
            "a dead connection from an idle one."
        )

    def summary_text(self) -> str:
        parts = []
        for outbound in (False, True):
            gaps = self.timeline.gaps(outbound)
            allowed = self.timeline.allowed(outbound)
            label = self.tr("out") if outbound else self.tr("in")
            if allowed is None and self.timeline.negotiation is not None:
                text = self.tr("{direction}: off").format(direction=label)
            elif not gaps:
                text = self.tr("{direction}: no heart-beats yet").format(direction=label)
            else:
                text = self.tr(
                    "{direction}: {count} heart-beats, gaps {low:.1f}–{high:.1f} s"
                ).format(direction=label, count=len(gaps), low=min(gaps), high=max(gaps))
            if allowed is not None:
                text += " " + self.tr("(rule allows {allowed:.1f} s)").format(allowed=allowed)
            late = self.timeline.late[outbound]
            if late:
                text += ", " + self.tr("{count} late").format(count=late)
            parts.append(text)
        return " · ".join(parts)
