"""Move, copy, re-drive and purge from the tree menu, on the real brokers: the dialog's
preview, its question (count, source, target, "never lose"), progress, Stop and result, and
the counts on source and target afterwards."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from explorer.ui.connection_view import ConnectionView
from explorer.ui.main_window import MainWindow
from explorer.ui.move_dialog import MoveDialog
from tests.gui.operations.conftest import (
    Answers,
    action,
    activemq_profile,
    names,
    open_tab,
    rabbitmq_profile,
    until,
    wait_for_node,
)
from tests.integration.test_operations_brokers import (
    DLQ,
    Queues,
    client_for,
    dead_letters,
    drain,
    fill,
    listed,
    seqs,
)
from tests.support.brokers import ACTIVEMQ, RABBITMQ, Broker, unique

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


def open_operation(window: MainWindow, view: ConnectionView, queue: str, name: str) -> MoveDialog:
    action(view.tree_pane.tree_actions(queue), name).trigger()
    dialog = window.operations.queue_ops.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


async def finished(dialog: MoveDialog) -> str:
    """Wait until the dialog's work ended; its status line."""
    await until(lambda: not dialog.running, timeout=60, what="the operation to end")
    return dialog.status.text()


async def move_and_copy(
    window: MainWindow, view: ConnectionView, broker: Broker, queues: Queues
) -> None:
    source, target = queues.new("src"), queues.new("dst")
    await fill(broker, source, 6)
    await wait_for_node(view, source)
    answers = Answers(True)
    window.operations.queue_ops.confirm = answers

    copy = open_operation(window, view, source, "actionCopyTo")
    copy.target.setText(target)
    copy.count.setValue(2)
    assert "Copy up to 2 messages from" in copy.summary.text()
    copy.run_button.click()
    text = await finished(copy)
    assert text.startswith("2 copied · 0 duplicated · 0 failed · 0 skipped"), text
    assert answers.questions == []  # a copy takes nothing: it does not ask
    copy.close()
    assert seqs(await listed(broker, target)) == [0, 1]

    move = open_operation(window, view, source, "actionMoveTo")
    move.target.setText(target)
    move.preview_button.click()
    text = await finished(move)
    assert move.preview.rowCount() == 6, text
    assert text.startswith("6 messages would move"), text
    assert len(await listed(broker, source)) == 6  # the preview took nothing

    window.operations.queue_ops.confirm = Answers(False)
    move.run_button.click()
    assert await finished(move) == "Nothing was touched."
    assert len(await listed(broker, source)) == 6

    window.operations.queue_ops.confirm = answers
    move.run_button.click()
    text = await finished(move)
    [question] = answers.questions
    assert question.startswith(f"Move every message from {source} to {target}.")
    assert "a crash can duplicate a message but never lose one" in question
    assert text.startswith("6 moved · 0 duplicated · 0 failed · 0 skipped"), text
    assert await listed(broker, source) == []
    assert sorted(seqs(await listed(broker, target))) == [0, 0, 1, 1, 2, 3, 4, 5]
    assert f"{source}: 6 moved" in view.banner.text()
    move.close()


@pytest.mark.activemq
def test_activemq_move_and_copy_through_the_dialog(
    make_window: Callable[..., MainWindow], run: Run, amq_queues: Queues
) -> None:
    window = make_window()

    async def body() -> None:
        view = await open_tab(window, activemq_profile())
        await move_and_copy(window, view, ACTIVEMQ, amq_queues)

    run(body())


@pytest.mark.rabbitmq
def test_rabbitmq_move_and_copy_through_the_dialog(
    make_window: Callable[..., MainWindow], run: Run, rmq_queues: Queues
) -> None:
    window = make_window()

    async def body() -> None:
        view = await open_tab(window, rabbitmq_profile(), "guest")
        await move_and_copy(window, view, RABBITMQ, rmq_queues)

    run(body())


@pytest.mark.activemq
def test_activemq_dlq_redrive_from_the_tree(
    make_window: Callable[..., MainWindow], run: Run, amq_queues: Queues
) -> None:
    """NACKed past the redelivery limit into ActiveMQ.DLQ (as the operations' integration
    test does), then re-driven from the DLQ's menu, with a selector that keeps to this test's
    messages (the DLQ is shared)."""
    window = make_window()

    async def body() -> None:
        queue = amq_queues.new("redrive")
        tag = unique("t").replace(".", "_")
        await fill(ACTIVEMQ, queue, 5, {"k_tag": tag})
        async with client_for(ACTIVEMQ) as client:
            sub = await client.subscribe(queue, ack="client-individual", receipt=True)
            for _ in range(5):
                await client.nack(await sub.get(timeout=10), receipt=True)
        async with asyncio.timeout(30):
            while len(await dead_letters(tag)) < 5:
                await asyncio.sleep(0.2)
        view = await open_tab(window, activemq_profile())
        await wait_for_node(view, DLQ)
        await wait_for_node(view, queue)
        assert "actionRedrive" not in names(view.tree_pane.tree_actions(queue))
        answers = Answers(True)
        window.operations.queue_ops.confirm = answers
        dialog = open_operation(window, view, DLQ, "actionRedrive")
        dialog.selector.setText(f"k_tag = '{tag}'")
        dialog.preview_button.click()
        await finished(dialog)
        cells = [dialog.preview.item(row, 2) for row in range(dialog.preview.rowCount())]
        targets = {cell.text() for cell in cells if cell is not None}
        assert (dialog.preview.rowCount(), targets) == (5, {queue})
        dialog.run_button.click()
        text = await finished(dialog)
        assert "back to their original destinations" in answers.questions[0]
        assert text.startswith("5 moved · 0 duplicated · 0 failed · 0 skipped."), text
        assert f"Sent back to {queue} (5)." in text
        assert await dead_letters(tag) == []
        back = await drain(ACTIVEMQ, queue)
        assert [m.body for m in back] == [f"m{i}".encode() for i in range(5)]
        assert "original-destination" not in dict(back[0].headers)
        dialog.close()

    run(body())


async def purge_asks_first(
    window: MainWindow, view: ConnectionView, broker: Broker, queues: Queues
) -> None:
    queue = queues.new("purge")
    await fill(broker, queue, 5)
    await wait_for_node(view, queue)
    answers = Answers(False)
    window.operations.queue_ops.confirm = answers
    action(view.tree_pane.tree_actions(queue), "actionPurge").trigger()
    await until(lambda: answers.questions, what="the purge question")
    assert answers.questions[0].startswith(f"Delete every message waiting in {queue}")
    await asyncio.sleep(0.5)  # a "No" touches nothing: nothing runs after it
    assert len(await listed(broker, queue)) == 5
    answers.answer = True
    action(view.tree_pane.tree_actions(queue), "actionPurge").trigger()
    # RabbitMQ's count may not be sampled yet for a new queue: "Purged … (did not say how many)"
    await until(
        lambda: view.banner.text().startswith(("Removed", "Purged")),
        timeout=30,
        what="the purge result",
    )
    assert len(answers.questions) == 2
    assert await listed(broker, queue) == []


@pytest.mark.activemq
def test_activemq_purge_asks_first_and_empties(
    make_window: Callable[..., MainWindow], run: Run, amq_queues: Queues
) -> None:
    window = make_window()

    async def body() -> None:
        view = await open_tab(window, activemq_profile())
        await purge_asks_first(window, view, ACTIVEMQ, amq_queues)
        assert view.banner.text().startswith("Removed about 5 messages from /queue/ops.purge")

    run(body())


@pytest.mark.rabbitmq
def test_rabbitmq_purge_asks_first_and_empties(
    make_window: Callable[..., MainWindow], run: Run, rmq_queues: Queues
) -> None:
    window = make_window()

    async def body() -> None:
        view = await open_tab(window, rabbitmq_profile(), "guest")
        await purge_asks_first(window, view, RABBITMQ, rmq_queues)

    run(body())


@pytest.mark.activemq
def test_activemq_remove_matching_by_selector_and_by_filter(
    make_window: Callable[..., MainWindow], run: Run, amq_queues: Queues
) -> None:
    window = make_window()

    async def body() -> None:
        queue = amq_queues.new("remove")
        await fill(ACTIVEMQ, queue, 10)
        view = await open_tab(window, activemq_profile())
        await wait_for_node(view, queue)
        answers = Answers(True)
        window.operations.queue_ops.confirm = answers
        dialog = open_operation(window, view, queue, "actionRemoveMatching")
        assert not dialog.run_button.isEnabled()  # nothing to match yet
        dialog.selector.setText("seq > 6")
        dialog.run_button.click()
        text = await finished(dialog)
        assert answers.questions[-1] == (
            f"Delete every message matching seq > 6 from {queue}? They cannot be brought back."
        )
        assert text == f"Removed 3 messages matching seq > 6 from {queue}."
        dialog.selector.clear()
        dialog.filter.setText("seq = '2' or seq = '4'")
        dialog.run_button.click()
        text = await finished(dialog)
        assert text.startswith("2 removed · 5 not matching, kept"), text
        assert seqs(await listed(ACTIVEMQ, queue)) == [0, 1, 3, 5, 6]
        dialog.close()

    run(body())


@pytest.mark.activemq
def test_a_purge_without_jolokia_names_the_profile_field_and_opens_it(
    make_window: Callable[..., MainWindow], run: Run, amq_queues: Queues
) -> None:
    window = make_window()

    async def body() -> None:
        queue = amq_queues.new("nojolokia")
        await fill(ACTIVEMQ, queue, 2)
        view = await open_tab(window, activemq_profile("Plain", jolokia=False))
        await wait_for_node(view, queue)  # the advisories list it
        answers = Answers(True)
        window.operations.queue_ops.confirm = answers
        action(view.tree_pane.tree_actions(queue), "actionPurge").trigger()
        await until(lambda: view.banner.isVisible(), what="the banner")
        assert view.banner.text() == (
            "This needs the broker's Jolokia endpoint: fill in “Jolokia URL” on the Management "
            "page of the profile, then try again."
        )
        assert answers.questions == []  # refused before asking
        assert len(await listed(ACTIVEMQ, queue)) == 2
        assert view.banner.action_button.text() == "Open the profile"
        view.banner.action_button.click()
        dialog = window.profiles.dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.page_list.currentItem().text() == "Management"
        dialog.reject()

    run(body())


@pytest.mark.activemq
def test_stop_ends_a_move_between_batches_and_loses_nothing(
    make_window: Callable[..., MainWindow], run: Run, amq_queues: Queues
) -> None:
    window = make_window()

    async def body() -> None:
        source, target = amq_queues.new("stop.src"), amq_queues.new("stop.dst")
        await fill(ACTIVEMQ, source, 3000)
        view = await open_tab(window, activemq_profile())
        await wait_for_node(view, source)
        window.operations.queue_ops.confirm = Answers(True)
        dialog = open_operation(window, view, source, "actionMoveTo")
        dialog.target.setText(target)
        dialog.run_button.click()
        await until(lambda: "moved" in dialog.status.text(), what="the first batch")
        assert dialog.stop_button.isEnabled() and not dialog.close_button.isEnabled()
        dialog.stop_button.click()
        text = await finished(dialog)
        assert "Stopped as you asked" in text, text
        moved = int(text.split(" moved")[0].replace(",", ""))
        assert 0 < moved < 3000
        left, there = await listed(ACTIVEMQ, source), await listed(ACTIVEMQ, target)
        assert len(left) + len(there) == 3000 and len(there) == moved
        dialog.close()

    run(body())


def test_the_tree_menu_offers_operations_on_queues_only(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    from explorer.profiles.model import Profile
    from tests.support.sandbox import running_sandbox

    window = make_window()

    async def body() -> None:
        async with running_sandbox() as broker:
            view = await open_tab(window, Profile(name="local", url=broker.tcp_url))
            tree = view.session.destinations.tree
            for destination in ("/queue/a.b", "/queue/DLQ.orders", "/topic/t"):
                tree.upsert(destination, "bookmark")
            ops = ["actionMoveTo", "actionCopyTo", "actionPurge", "actionRemoveMatching"]
            on_queue = names(view.tree_pane.tree_actions("/queue/a.b"))
            assert all(name in on_queue for name in ops) and "actionRedrive" not in on_queue
            assert "actionRedrive" in names(view.tree_pane.tree_actions("/queue/DLQ.orders"))
            on_topic = names(view.tree_pane.tree_actions("/topic/t"))
            assert not any(name in on_topic for name in [*ops, "actionRedrive"])
            assert "actionHealth" in on_topic
            folder = names(view.tree_pane.tree_actions("/queue"))
            assert "actionMoveTo" not in folder and "actionHealth" in folder
            await view.session.shutdown()

    run(body())


def test_closing_the_tab_stops_a_move_and_the_dialog_says_so(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    from explorer.client import Client, ReceiveTimeout
    from explorer.profiles.model import Profile
    from tests.support.sandbox import running_sandbox

    window = make_window()
    total = 4000

    async def body() -> None:
        async with running_sandbox() as broker:
            async with Client(broker.tcp_url) as client:
                for n in range(total):
                    await client.send("/queue/big", str(n), receipt=n == total - 1)
            view = await open_tab(window, Profile(name="local", url=broker.tcp_url))
            view.session.destinations.tree.upsert("/queue/big", "bookmark")
            window.operations.queue_ops.confirm = Answers(True)
            dialog = open_operation(window, view, "/queue/big", "actionMoveTo")
            dialog.target.setText("/queue/big.moved")
            dialog.run_button.click()
            await until(lambda: " moved" in dialog.status.text(), what="the first batch")
            window.tabs.close_tab(window.tabs.indexOf(view))
            await until(lambda: not dialog.running, what="the dialog to learn the tab closed")
            assert dialog.status.text().startswith("Stopped: the connection's tab was closed.")
            assert dialog.close_button.isEnabled()

            # the batch in flight may now be on both queues (sent, not yet ACKed): never lost
            bodies: list[int] = []
            async with Client(broker.tcp_url) as client:
                for queue in ("/queue/big", "/queue/big.moved"):
                    sub = await client.subscribe(queue, receipt=True)
                    with contextlib.suppress(ReceiveTimeout):
                        while True:
                            bodies.append(int((await sub.get(timeout=1.0)).body))
            assert set(bodies) == set(range(total))
            assert len(bodies) - total <= 100  # at most one batch (the plan's window)
            dialog.close()

    run(body())
