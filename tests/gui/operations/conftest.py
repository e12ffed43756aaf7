"""Fixtures and helpers for the window's queue operations, re-publish and health dock: the
window fixtures (a qasync loop per test, `make_window`, `run`), the real brokers' queues
(unique, removed at the end), and ways to drive the tree menu and answer its questions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from explorer.profiles.model import Management, Profile
from explorer.ui.connection_view import ConnectionView
from explorer.ui.main_window import MainWindow
from tests.gui.window.conftest import add_profile, connect, loop, make_window, memory_keyring, run
from tests.gui.window.conftest import until as until
from tests.integration.test_operations_brokers import (
    JOLOKIA,
    MANAGEMENT,
    amq_queues,
    rmq_queues,
)
from tests.support.brokers import ACTIVEMQ, RABBITMQ

__all__ = ["amq_queues", "loop", "make_window", "memory_keyring", "rmq_queues", "run"]


def activemq_profile(name: str = "ActiveMQ", jolokia: bool = True) -> Profile:
    return Profile(
        name=name,
        url=ACTIVEMQ.stomp_url,
        management=Management(jolokia_url=JOLOKIA if jolokia else None),
    )


def rabbitmq_profile(name: str = "RabbitMQ", management: bool = True) -> Profile:
    return Profile(
        name=name,
        url=RABBITMQ.stomp_url,
        login="guest",
        management=Management(management_url=MANAGEMENT if management else None),
    )


async def open_tab(
    window: MainWindow, profile: Profile, passcode: str | None = None
) -> ConnectionView:
    """Add `profile` and connect it; its tab, connected."""
    add_profile(window, profile, passcode)
    return await connect(window, profile.name)


async def wait_for_node(view: ConnectionView, destination: str) -> None:
    """Until the tree has `destination` as a destination (discovery lists it)."""

    def known() -> bool:
        node = view.session.destinations.tree.node(destination)
        return node is not None and node.is_destination

    await until(known, timeout=30, what=f"{destination} in the tree")


def action(menu: QMenu, name: str) -> QAction:
    found = [a for a in menu.actions() if a.objectName() == name]
    assert found, f"no action {name} in {[a.objectName() for a in menu.actions()]}"
    return found[0]


def names(menu: QMenu) -> list[str]:
    return [a.objectName() for a in menu.actions() if a.objectName()]


class Answers:
    """Replaces a `confirm(title, question)`: answers `answer` and keeps every question."""

    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.questions: list[str] = []

    async def __call__(self, _title: str, question: str) -> bool:
        self.questions.append(question)
        return self.answer


Trigger = Callable[[QMenu, str], None]
