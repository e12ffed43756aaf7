"""The tree pane (issue 12): subscriptions listed apart from destinations, In/Out badges, a
filter that opens a capped number of rows and gives the previous expansion back, the empty
state's one-click subscription."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QListWidget, QPushButton, QStyleOptionViewItem, QTreeView

from explorer.profiles import MANAGEMENT_PASSWORD
from explorer.profiles.model import Management, Profile
from explorer.profiles.resolve import settings_from
from explorer.store import DestinationNode
from explorer.ui.connection_view import ConnectionView
from explorer.ui.main_window import MainWindow
from explorer.ui.models import DestinationTreeModel
from explorer.ui.session import SessionController
from explorer.ui.subscription_list import REFUSED_ROLE, SubscriptionList
from explorer.ui.tree_expansion import OPEN_BUDGET, expanded_nodes
from tests.gui.window.conftest import add_profile, child, connect, until
from tests.support.brokers import Broker

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


# -- a tab that never connects, for the tree alone -----------------------------------------------


@pytest.fixture
def idle_view(loop: object) -> Iterator[ConnectionView]:
    settings = settings_from(Profile(name="offline", url="stomp://127.0.0.1:9"), {})
    view = ConnectionView(SessionController(settings))
    view.resize(500, 700)
    view.show()
    yield view
    view.close()
    view.session.deleteLater()
    view.deleteLater()


def shown_rows(tree: QTreeView, parent: QModelIndex | None = None) -> int:
    """Rows a user can see by scrolling (those under open branches)."""
    model = tree.model()
    parent = parent or QModelIndex()
    rows = 0
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        rows += 1
        if tree.isExpanded(index):
            rows += shown_rows(tree, index)
    return rows


def fill(model: DestinationTreeModel, count: int) -> None:
    for i in range(count):
        destination = f"/queue/region{i % 5}.app{i % 50}.svc{(i // 50) % 20}.q{i}"
        model.tree.record_message(destination, "in", 1.0)
    model.flush()


def test_a_filter_matching_most_of_a_big_tree_opens_a_capped_number_of_rows(
    idle_view: ConnectionView,
) -> None:
    """Defect 17: the filter used to open every match (seconds of layout at 50,000)."""
    model = idle_view.session.destinations
    fill(model, 4000)
    pane = idle_view.tree_pane
    pane.tree_filter.setText("region")
    pane.flush_filter()
    assert model.visible_count > 4000  # the filter matches nearly everything...
    assert 0 < shown_rows(pane.tree) <= OPEN_BUDGET  # ...and opens a screenful of it
    # A single deep match opens all the way down.
    pane.tree_filter.setText("q3999")
    pane.flush_filter()
    leaf = model.index_of("/queue/region4.app49.svc19.q3999")
    assert leaf.isValid()
    assert pane.tree.isExpanded(leaf.parent())


def test_clearing_the_filter_gives_back_the_branches_that_were_open(
    idle_view: ConnectionView,
) -> None:
    """Defect 18: clearing the tree filter used to collapse the whole tree."""
    model = idle_view.session.destinations
    fill(model, 200)
    pane = idle_view.tree_pane
    pane.collapse_all()
    for path in ("/queue", "/queue/region1", "/queue/region1.app1"):
        pane.tree.expand(model.index_of(path))
    pane.select_destination("/queue/region1.app1")
    before = {node.path for node in expanded_nodes(pane.tree, model)}
    assert before == {"/queue", "/queue/region1", "/queue/region1.app1"}
    pane.tree_filter.setText("svc3")
    pane.flush_filter()
    pane.tree_filter.setText("")
    pane.flush_filter()
    assert {node.path for node in expanded_nodes(pane.tree, model)} == before
    assert pane.selected_destination() == "/queue/region1.app1"


def test_the_name_column_shows_in_and_out_badges_not_their_sum(
    idle_view: ConnectionView,
) -> None:
    """Defect 12: separate In and Out counts per node."""
    model = idle_view.session.destinations
    for _ in range(3):
        model.record_message("/queue/orders", "in")
    for _ in range(2):
        model.record_message("/queue/orders", "out")
    model.flush()
    index = model.index_of("/queue/orders")
    badges = idle_view.tree_pane.badges
    assert [text for text, _colour in badges._badges(index)] == ["↓ 3", "↑ 2"]
    assert badges.sizeHint(QStyleOptionViewItem(), index).width() > 0
    assert not idle_view.tree_pane.tree.grab().isNull()  # paints without a warning


def test_depth_and_consumers_columns_show_once_discovery_knows_them(
    idle_view: ConnectionView,
) -> None:
    tree = idle_view.tree_pane.tree
    model = idle_view.session.destinations
    model.record_message("/queue/a", "in")
    model.flush()
    assert tree.isColumnHidden(DestinationTreeModel.DEPTH)
    model.upsert("/queue/a", "management", depth=7)
    model.flush()
    assert not tree.isColumnHidden(DestinationTreeModel.DEPTH)
    assert tree.isColumnHidden(DestinationTreeModel.CONSUMERS)
    # Rate and last seen can be hidden by the user (and the choice is remembered).
    menu = idle_view.tree_pane.column_actions()
    rate = next(a for a in menu.actions() if a.objectName() == f"actionTreeColumn{model.RATE}")
    rate.trigger()
    assert tree.isColumnHidden(DestinationTreeModel.RATE)
    assert DestinationTreeModel.RATE in idle_view.tree_pane.hidden_columns()


# -- real brokers and the sandbox: wildcards never become nodes ----------------------------------


async def subscribe_typed(view: ConnectionView, destination: str) -> None:
    view.tree_pane.subscribe_input.setText(destination)
    view.tree_pane.subscribe_input.returnPressed.emit()
    listed = view.findChild(QListWidget, "subscriptionList")
    assert listed is not None
    await until(
        lambda: destination in [listed.item(r).text() for r in range(listed.count())],
        what=f"{destination} in the subscription list",
    )


def discovered(node: DestinationNode | None, source: str) -> bool:
    return node is not None and source in node.sources


async def wildcard_stays_out(view: ConnectionView, pattern: str, prefix: str, source: str) -> None:
    """Subscribe to `pattern` and then to a plain `marker` topic; once discovery reported the
    marker (it reports in order), the pattern must not be a node."""
    marker = f"{prefix}.marker"
    await subscribe_typed(view, pattern)
    await subscribe_typed(view, marker)
    tree = view.session.destinations.tree
    await until(
        lambda: discovered(tree.node(marker), source),
        timeout=30,
        what=f"{source} discovery to list {marker}",
    )
    assert tree.node(pattern) is None
    assert not any(node.name in (">", "#", "*") for node in tree.nodes())


def unique_prefix() -> str:
    return f"/topic/shop{uuid.uuid4().hex[:8]}"


@pytest.mark.activemq
def test_activemq_wildcard_subscription_is_listed_not_a_tree_node(
    make_window: Callable[..., MainWindow], run: Run, activemq: Broker
) -> None:
    """Defect 11: ActiveMQ's consumer advisory for `/topic/x.>` planted a `>` node."""
    window = make_window()
    add_profile(window, Profile(name="ActiveMQ", url=activemq.stomp_url))

    async def body() -> None:
        view = await connect(window, "ActiveMQ")
        prefix = unique_prefix()
        await wildcard_stays_out(view, f"{prefix}.>", prefix, "advisory")

    run(body())


@pytest.mark.rabbitmq
@pytest.mark.parametrize("transport", ["stomp", "web-stomp"])
def test_rabbitmq_wildcard_subscription_is_listed_not_a_tree_node(
    make_window: Callable[..., MainWindow], run: Run, rabbitmq: Broker, transport: str
) -> None:
    """Defect 11: the management API's binding for `/topic/x.#` planted a `#` node."""
    window = make_window()
    url = rabbitmq.stomp_url if transport == "stomp" else rabbitmq.ws_url
    assert url is not None
    management = Management(management_url=rabbitmq.management_url, login="guest")
    add_profile(
        window,
        Profile(name="Rabbit", url=url, login="guest", vhost="/", management=management),
        passcode="guest",
    )
    window.store.set_secret("Rabbit", MANAGEMENT_PASSWORD, "guest")

    async def body() -> None:
        view = await connect(window, "Rabbit")
        prefix = unique_prefix()
        await wildcard_stays_out(view, f"{prefix}.#", prefix, "management")

    run(body())


def test_sandbox_pattern_subscription_is_listed_and_unsubscribed_from_the_list(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window()

    async def body() -> None:
        view = await connect(window, "Sandbox")
        await subscribe_typed(view, "/topic/notifications.>")
        listed = child(view, SubscriptionList, "subscriptionList")
        row = next(
            r for r in range(listed.count()) if listed.item(r).text() == "/topic/notifications.>"
        )
        await until(
            lambda: view.session.destinations.tree.node("/topic/notifications") is not None,
            what="demo traffic under /topic/notifications",
        )
        assert view.session.destinations.tree.node("/topic/notifications.>") is None
        menu = listed.actions_for("/topic/notifications.>", refused=False)
        unsubscribe = next(a for a in menu.actions() if a.objectName() == "actionUnsubscribeListed")
        unsubscribe.trigger()
        await until(
            lambda: "/topic/notifications.>" not in view.session.subscriptions,
            what="the unsubscription",
        )
        assert row >= 0

    run(body())


@pytest.mark.rabbitmq
def test_rabbitmq_without_management_offers_to_subscribe_to_every_topic(
    make_window: Callable[..., MainWindow], run: Run, rabbitmq: Broker
) -> None:
    """The empty state says why the tree is empty and subscribes to /topic/# in one click."""
    window = make_window()
    nowhere = Management(management_url="http://127.0.0.1:9/", login="guest")
    add_profile(
        window,
        Profile(
            name="Rabbit", url=rabbitmq.stomp_url, login="guest", vhost="/", management=nowhere
        ),
        passcode="guest",
    )
    window.store.set_secret("Rabbit", MANAGEMENT_PASSWORD, "guest")

    async def body() -> None:
        view = await connect(window, "Rabbit")
        pane = view.tree_pane
        await until(lambda: view.session.discovery_problem is not None, what="discovery fails")
        button = child(view, QPushButton, "subscribeEverything")
        await until(lambda: button.isVisibleTo(pane), what="the one-click subscription")
        assert "/topic/#" in button.text()
        assert "cannot be listed" in pane.empty_state.text.text()
        button.click()
        await until(lambda: "/topic/#" in view.session.subscriptions, what="/topic/# subscribed")
        assert view.session.destinations.tree.node("/topic/#") is None

    run(body())


def test_changes_under_a_closed_folder_are_not_announced_but_read_fresh_when_opened(
    idle_view: ConnectionView,
) -> None:
    """50,000 live destinations used to cost thousands of dataChanged per tick."""
    model = idle_view.session.destinations
    fill(model, 200)
    pane = idle_view.tree_pane
    pane.collapse_all()
    pane.tree.expand(model.index_of("/queue"))
    announced: list[str] = []
    model.dataChanged.connect(
        lambda top, _bottom, _roles: announced.append(str(top.parent().data(model.DestinationRole)))
    )
    leaf = "/queue/region1.app1.svc1.q51"  # an existing destination (a new one opens its branch)
    model.record_message(leaf, "in")
    model.flush()
    # The top level and open /queue are announced ("None": the invisible root's rows);
    # region1 and the folders below it are closed.
    assert sorted(announced) == ["/queue", "None"]
    for path in ("/queue/region1", "/queue/region1.app1", "/queue/region1.app1.svc1"):
        pane.tree.expand(model.index_of(path))
    assert model.index_of(leaf).data(model.InCountRole) == 2  # fresh, though never announced


@pytest.mark.rabbitmq
def test_a_refused_subscription_is_listed_as_refused_with_the_brokers_words(
    make_window: Callable[..., MainWindow], run: Run, rabbitmq: Broker
) -> None:
    window = make_window()
    add_profile(
        window,
        Profile(name="Rabbit", url=rabbitmq.stomp_url, login="guest", vhost="/"),
        passcode="guest",
    )
    window.store.set_secret("Rabbit", MANAGEMENT_PASSWORD, "guest")
    refused = f"/exchange/does-not-exist-{uuid.uuid4().hex[:6]}/x"

    async def body() -> None:
        view = await connect(window, "Rabbit")
        view.tree_pane.subscribe(refused)
        listed = child(view, SubscriptionList, "subscriptionList")

        def refused_row() -> str | None:
            for row in range(listed.count()):
                item = listed.item(row)
                if item.text() == refused and item.data(REFUSED_ROLE):
                    return item.toolTip()
            return None

        await until(lambda: refused_row() is not None, timeout=30, what="the refused row")
        tip = refused_row() or ""
        assert "refused" in tip and "not_found" in tip.lower().replace(" ", "_"), tip
        menu = listed.actions_for(refused, refused=True)
        unsubscribe = next(a for a in menu.actions() if a.objectName() == "actionUnsubscribeListed")
        assert not unsubscribe.isEnabled()

    run(body())
