"""The health dock: figures equal what Jolokia, the management API and the sandbox's feed
report (waiting out their refresh, never timing), top talkers, a chart, and the sentence
where the broker reports none (ActiveMQ without Jolokia, a Spring-like broker)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Any

import pytest

from explorer.broker.kind import BrokerKind
from explorer.profiles.model import Profile
from explorer.ui.connection_view import ConnectionView
from explorer.ui.health_figures import unavailable_text
from explorer.ui.health_table import FiguresModel
from explorer.ui.main_window import MainWindow
from tests.gui.operations.conftest import (
    action,
    activemq_profile,
    open_tab,
    rabbitmq_profile,
    until,
    wait_for_node,
)
from tests.integration.test_operations_brokers import (
    Queues,
    client_for,
    fill,
    jolokia,
    management,
)
from tests.support.brokers import ACTIVEMQ, RABBITMQ
from tests.support.sandbox import running_sandbox

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


def table_row(model: FiguresModel, destination: str) -> list[str] | None:
    """The cells of `destination`'s row, None when it has none."""
    row = model.row_of(destination)
    return model.cells(row) if row is not None else None


def show_health(window: MainWindow, view: ConnectionView, node: str) -> None:
    window.operations.health.interval = 0.5
    action(view.tree_pane.tree_actions(node), "actionHealth").trigger()
    assert window.operations.health.dock.isVisible()


async def stable(
    direct: Callable[[], Awaitable[Mapping[str, Any]]], shown: Callable[[], Any]
) -> tuple[Any, Mapping[str, Any]]:
    """What the dock shows between two identical direct reads of the broker's API."""
    async with asyncio.timeout(60):
        while True:
            before = await direct()
            await asyncio.sleep(1.2)  # at least two of the dock's readings
            seen = shown()
            if await direct() == before:
                return seen, before


@pytest.mark.activemq
def test_activemq_figures_equal_jolokias(
    make_window: Callable[..., MainWindow], run: Run, amq_queues: Queues
) -> None:
    window = make_window()

    async def body() -> None:
        queue = amq_queues.new("health.w")
        await fill(ACTIVEMQ, queue, 7)
        name = queue.removeprefix("/queue/")
        mbean = (
            "org.apache.activemq:type=Broker,brokerName=localhost,destinationType=Queue,"
            f"destinationName={name}"
        )

        async def direct() -> Mapping[str, Any]:
            answer = await asyncio.to_thread(
                jolokia,
                {"type": "read", "mbean": mbean, "attribute": ["QueueSize", "ConsumerCount"]},
            )
            value: Mapping[str, Any] = answer["value"]
            return value

        view = await open_tab(window, activemq_profile())
        await wait_for_node(view, queue)
        panel = window.operations.health.panel
        async with client_for(ACTIVEMQ) as consumer:
            await consumer.subscribe(
                queue, ack="client-individual", headers={"activemq.prefetchSize": "1"}
            )
            show_health(window, view, queue)
            assert panel.scope.text() == f"ActiveMQ: {queue}"
            await until(lambda: table_row(panel.figures, queue) is not None, what="the figures")
            row, figures = await stable(direct, lambda: table_row(panel.figures, queue))
            assert row is not None
            assert row[1:3] == [f"{figures['QueueSize']:,}", f"{figures['ConsumerCount']:,}"]
            assert row[1:3] == ["7", "1"]
            assert panel.status.text().startswith("Jolokia · 1 destinations")
            assert panel.chart is not None and panel.chart.isVisible()
            await fill(ACTIVEMQ, queue, 10)
            await until(
                lambda: (r := table_row(panel.figures, queue)) is not None and r[1] == "17",
                what="the new depth",
            )
            await until(lambda: table_row(panel.top, queue) is not None, what="a top talker")

    run(body())


@pytest.mark.rabbitmq
def test_rabbitmq_figures_equal_the_management_apis(
    make_window: Callable[..., MainWindow], run: Run, rmq_queues: Queues
) -> None:
    window = make_window()

    async def body() -> None:
        queue = rmq_queues.new("health.w")
        name = queue.removeprefix("/queue/")
        await fill(RABBITMQ, queue, 5)

        async def direct() -> Mapping[str, Any]:
            # The management API's queue record lacks its counts for a moment while its
            # statistics are collected again (seen when the window's tab connected).
            while True:
                record: Mapping[str, Any] = await asyncio.to_thread(
                    management, f"queues/%2F/{name}"
                )
                counts = {key: record.get(key) for key in ("messages", "consumers")}
                if None not in counts.values():
                    return counts
                await asyncio.sleep(0.5)

        async with asyncio.timeout(60):  # the management API counts a new queue after ~5 s
            while (await direct())["messages"] != 5:
                await asyncio.sleep(0.5)
        view = await open_tab(window, rabbitmq_profile(), "guest")
        await wait_for_node(view, queue)
        panel = window.operations.health.panel
        show_health(window, view, queue)
        await until(
            lambda: (r := table_row(panel.figures, queue)) is not None and r[1] != "–",
            timeout=30,
            what="the figures",
        )
        row, figures = await stable(direct, lambda: table_row(panel.figures, queue))
        assert row is not None
        assert row[1:3] == [f"{figures['messages']:,}", f"{figures['consumers']:,}"] == ["5", "0"]
        assert panel.status.text().startswith("Management API · 1 destinations")

    run(body())


def test_the_sandbox_feed_and_a_subtree(make_window: Callable[..., MainWindow], run: Run) -> None:
    window = make_window()

    async def body() -> None:
        async with running_sandbox() as broker:
            async with client_for_url(broker.tcp_url) as client:
                for n in range(3):
                    await client.send("/queue/shop.orders", f"o{n}", receipt=True)
                await client.send("/queue/shop.refunds", "r", receipt=True)
            view = await open_tab(window, Profile(name="local", url=broker.tcp_url))
            await wait_for_node(view, "/queue/shop.orders")
            panel = window.operations.health.panel
            show_health(window, view, "/queue/shop")
            assert panel.scope.text() == "local: /queue/shop and below"

            def depths() -> dict[str, str]:
                found = {}
                for destination in ("/queue/shop.orders", "/queue/shop.refunds"):
                    row = table_row(panel.figures, destination)
                    if row is not None:
                        found[destination] = row[1]
                return found

            expected = {"/queue/shop.orders": "3", "/queue/shop.refunds": "1"}
            await until(lambda: depths() == expected, what="the sandbox's depths")
            row = table_row(panel.figures, "/queue/shop.orders")
            assert row is not None and row[0] == "….orders"  # the rest of the name
            snapshot = {d.destination: d.depth for d in broker.snapshot()}
            assert {d: str(snapshot[d]) for d in expected} == expected
            assert panel.status.text().startswith("Sandbox feed · 2 destinations")
            window.operations.health.dock.hide()  # hidden: sampling stops, the feed closes
            await until(lambda: window.operations.health._task is None, what="the stop")
            await view.session.shutdown()

    run(body())


@asynccontextmanager
async def client_for_url(url: str) -> AsyncIterator[Any]:
    from explorer.client import Client

    async with Client(url) as client:
        yield client


@pytest.mark.activemq
def test_activemq_without_jolokia_says_which_field_gives_figures(
    make_window: Callable[..., MainWindow], run: Run, amq_queues: Queues
) -> None:
    window = make_window()

    async def body() -> None:
        queue = amq_queues.new("health.none")
        await fill(ACTIVEMQ, queue, 1)
        view = await open_tab(window, activemq_profile("Plain", jolokia=False))
        await wait_for_node(view, queue)
        show_health(window, view, queue)
        panel = window.operations.health.panel
        assert panel.unavailable.text() == unavailable_text(BrokerKind.ACTIVEMQ)
        assert "“Jolokia URL”" in panel.unavailable.text()
        assert panel.profile_button.isVisible() and not panel.split.isVisible()
        panel.profile_button.click()
        dialog = window.profiles.dialog
        assert dialog is not None and dialog.page_list.currentItem().text() == "Management"
        dialog.reject()

    run(body())


class SpringLike:
    """A STOMP endpoint that answers as Spring's simple broker does: CONNECTED without a
    `server` header (with `user-name`), RECEIPTs, nothing else."""

    def __init__(self) -> None:
        self.server: asyncio.Server | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        port = self.server.sockets[0].getsockname()[1]
        return f"stomp://127.0.0.1:{port}"

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        buffer = b""
        try:
            while chunk := await reader.read(4096):
                buffer += chunk
                while b"\0" in buffer:
                    raw, buffer = buffer.split(b"\0", 1)
                    lines = raw.lstrip(b"\r\n").decode().split("\n")
                    command, headers = (
                        lines[0].strip(),
                        dict(line.split(":", 1) for line in lines[1:] if ":" in line),
                    )
                    if command in ("CONNECT", "STOMP"):
                        writer.write(b"CONNECTED\nversion:1.2\nheart-beat:0,0\nuser-name:u\n\n\0")
                    elif "receipt" in headers:
                        writer.write(f"RECEIPT\nreceipt-id:{headers['receipt']}\n\n\0".encode())
                    if command == "DISCONNECT":
                        await writer.drain()
                        return
                    await writer.drain()
        finally:
            writer.close()


def test_a_spring_like_broker_gets_the_sentence(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window()
    spring = SpringLike()

    async def body() -> None:
        spring.server = await asyncio.start_server(spring.serve, "127.0.0.1", 0)
        async with spring.server:
            view = await open_tab(window, Profile(name="spring", url=spring.url))
            assert view.session.broker_kind is BrokerKind.SPRING
            view.session.destinations.tree.upsert("/topic/greetings", "bookmark")
            show_health(window, view, "/topic/greetings")
            panel = window.operations.health.panel
            assert panel.unavailable.text() == (
                "Spring's simple broker keeps no queues and reports no figures (depth, "
                "consumers, rates): there is nothing to chart. The message log still shows "
                "the traffic."
            )
            assert not panel.profile_button.isVisible()
            await view.session.shutdown()

    run(body())


def test_the_view_menu_shows_the_dock_beside_the_composer(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window()

    async def body() -> None:
        health = window.operations.health
        assert not health.dock.isVisible()
        health.dock.toggleViewAction().trigger()
        await until(health.dock.isVisible, what="the dock")
        assert window.composer_dock in window.tabifiedDockWidgets(health.dock)
        assert health.panel.unavailable.text() == (
            "Open a connection to see its destinations' health."
        )
        window.reset_layout()
        assert not health.dock.isVisible()

    run(body())
