"""The tree pane: the destinations of one connection, what is subscribed, and the tree menu.

The rows come from the session's `DestinationTreeModel`: one name column with In/Out badges
(`tree_delegate`), rate and last-seen columns you can hide, depth and consumers once discovery
knows them. Selecting a node says so (`destination_selected`): the window shows its latest
message and its history. A filter opens at most a few hundred rows (`tree_expansion`) and,
cleared, gives back the branches that were open. Subscriptions are listed apart
(`SubscriptionList`): a pattern is not a destination. An empty tree says what to do.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from explorer.broker.modes import Mode
from explorer.store import DestinationNode
from explorer.ui import tree_expansion
from explorer.ui.banner import Banner
from explorer.ui.debounce import debouncer, flush
from explorer.ui.icons import icon
from explorer.ui.models import DestinationTreeModel
from explorer.ui.session import SessionController
from explorer.ui.subscription_list import SubscriptionList
from explorer.ui.tasks import TaskRunner
from explorer.ui.tree_delegate import CountBadgeDelegate
from explorer.ui.tree_empty import TreeEmptyState
from explorer.ui.tree_menu import TreeMenu

# A top-level folder with at most this many children opens by itself.
_FEW_CHILDREN = 12
# Above this many destinations, "expand all" opens one level only: expanding everything
# would lay out every row at once and freeze the window.
_EXPAND_ALL_LIMIT = 5000
# Columns hidden until the user shows them (the Sources column repeats the tooltip).
DEFAULT_HIDDEN_COLUMNS = (DestinationTreeModel.SOURCES,)
_HIDEABLE = (
    DestinationTreeModel.RATE,
    DestinationTreeModel.LAST_SEEN,
    DestinationTreeModel.DEPTH,
    DestinationTreeModel.CONSUMERS,
    DestinationTreeModel.SOURCES,
)
# The name column's least width when it fills what the other columns leave.
_NAME_MIN = 170
# The widest value each column shows (its width is measured from it).
_COLUMN_SAMPLES = {
    DestinationTreeModel.RATE: "99,999.9",
    DestinationTreeModel.LAST_SEEN: "00:00:00",
    DestinationTreeModel.DEPTH: "9,999,999",
    DestinationTreeModel.CONSUMERS: "9,999",
    DestinationTreeModel.SOURCES: "advisory, management",
}
# Shown only once discovery reports the count for some destination.
_DISCOVERY_COLUMNS = {
    DestinationTreeModel.DEPTH: "depth",
    DestinationTreeModel.CONSUMERS: "consumers",
}


class TreePane(QWidget):
    """The left side of a connection tab."""

    compose_to = Signal(str)  # "send to this destination"
    destination_selected = Signal(str)  # a node was selected (its path; "" for none)

    def __init__(
        self,
        session: SessionController,
        banner: Banner,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("treePane")
        self.session = session
        self.banner = banner
        self.runner = runner
        self.menu = TreeMenu(session, banner, runner, self.compose_to.emit, self)
        self._hidden_columns: set[int] = set(DEFAULT_HIDDEN_COLUMNS)
        self._saved_expansion: list[DestinationNode] | None = None

        self.tree_filter = QLineEdit()
        self.tree_filter.setObjectName("destinationFilter")
        self.tree_filter.setPlaceholderText(self.tr("Filter destinations"))
        self.tree_filter.setClearButtonEnabled(True)
        self.tree_filter.addAction(
            icon("filter"), QLineEdit.ActionPosition.LeadingPosition
        ).setToolTip(self.tr("Filter destinations"))
        self.tree_filter.returnPressed.connect(self.flush_filter)
        self.tree_filter.setToolTip(self.tr("Show destinations whose name contains this text"))
        self._tree_filter_timer = debouncer(self, self._apply_filter)
        self.tree_filter.textChanged.connect(lambda _t: self._tree_filter_timer.start())
        self.subscribe_input = QLineEdit()
        self.subscribe_input.setObjectName("subscribeInput")
        self.subscribe_input.setPlaceholderText(self.tr("/queue/name to subscribe"))
        self.subscribe_input.setToolTip(
            self.tr("Type a destination and press Enter to subscribe to it")
        )
        self.subscribe_input.returnPressed.connect(self._subscribe_typed)
        subscribe_button = QToolButton()
        subscribe_button.setObjectName("subscribeButton")
        subscribe_button.setIcon(icon("subscribe"))
        subscribe_button.setToolTip(self.tr("Subscribe to the destination typed on the left"))
        subscribe_button.clicked.connect(self._subscribe_typed)
        subscribe_row = QHBoxLayout()
        subscribe_row.setSpacing(4)
        subscribe_row.addWidget(self.subscribe_input, 1)
        subscribe_row.addWidget(subscribe_button)
        expand = QToolButton()
        expand.setObjectName("expandAllButton")
        expand.setIcon(icon("expand"))
        expand.setAutoRaise(True)
        expand.setToolTip(self.tr("Expand all destinations"))
        expand.clicked.connect(lambda: self.expand_all())
        collapse = QToolButton()
        collapse.setObjectName("collapseAllButton")
        collapse.setIcon(icon("collapse"))
        collapse.setAutoRaise(True)
        collapse.setToolTip(self.tr("Collapse all destinations"))
        collapse.clicked.connect(lambda: self.collapse_all())
        filter_row = QHBoxLayout()
        filter_row.setSpacing(2)
        filter_row.addWidget(self.tree_filter, 1)
        filter_row.addWidget(expand)
        filter_row.addWidget(collapse)

        model = session.destinations
        self.tree = QTreeView()
        self.tree.setObjectName("destinationTree")
        self.tree.setModel(model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setToolTip(
            self.tr("Destinations seen, sent to or discovered; right-click to subscribe")
        )
        self.badges = CountBadgeDelegate(self.tree)
        self.tree.setItemDelegateForColumn(DestinationTreeModel.NAME, self.badges)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.tree.doubleClicked.connect(self._tree_double_clicked)
        self.tree.selectionModel().currentChanged.connect(lambda index, _p: self._selected(index))
        self.tree.clicked.connect(self._selected)
        header = self.tree.header()
        # The name column takes the width; the others are as wide as their widest value can
        # be (measured once: fitting them to the rows asks every open row, thousands of
        # calls when a filter opens a big tree).
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(36)
        # The name column takes what the others leave, but never less than _NAME_MIN (the
        # tree scrolls sideways instead); once the user drags it, it keeps their width.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self._name_auto = True
        header.sectionResized.connect(self._section_resized)
        metrics = self.tree.fontMetrics()
        for column, sample in _COLUMN_SAMPLES.items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width + 18)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self.column_actions().exec(header.mapToGlobal(pos))
        )
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        model.shows_children = self._shows_children
        model.rowsInserted.connect(self._expand_new)
        model.flushed.connect(lambda *_: self._refresh_columns())
        model.modelReset.connect(self._refresh_empty)
        model.rowsInserted.connect(lambda *_: self._refresh_empty())
        self.empty_state = TreeEmptyState(session, self.tree.viewport())
        self.empty_state.subscribe_requested.connect(self.subscribe)
        self.tree.viewport().installEventFilter(self)
        self._refresh_columns()

        self.subscriptions_label = QLabel()
        self.subscriptions_label.setObjectName("subscriptionsLabel")
        self.subscriptions_label.setProperty("hint", True)
        self.subscriptions_label.setWordWrap(True)
        self.subscription_list = SubscriptionList()
        self.subscription_list.unsubscribe_requested.connect(self.unsubscribe)
        session.subscriptions_changed.connect(self._show_subscriptions)
        session.state_changed.connect(self._refresh_empty)
        session.notice.connect(lambda _text: self._refresh_empty())
        subscriptions = QWidget()
        subscriptions_layout = QVBoxLayout(subscriptions)
        subscriptions_layout.setContentsMargins(0, 4, 0, 0)
        subscriptions_layout.setSpacing(2)
        subscriptions_layout.addWidget(self.subscriptions_label)
        subscriptions_layout.addWidget(self.subscription_list, 1)
        for small in (self.tree, self.subscription_list):  # the window fits a small screen
            small.setMinimumHeight(36)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setObjectName("treeSplitter")
        self.split.addWidget(self.tree)
        self.split.addWidget(subscriptions)
        self.split.setStretchFactor(0, 4)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)
        self._show_subscriptions()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(subscribe_row)
        layout.addLayout(filter_row)
        layout.addWidget(self.split, 1)

    # -- the tree menu (tests replace `confirm` and trigger actions by objectName) -------------

    @property
    def confirm(self) -> Callable[[str, str], Awaitable[bool]]:
        return self.menu.confirm

    @confirm.setter
    def confirm(self, ask: Callable[[str, str], Awaitable[bool]]) -> None:
        self.menu.confirm = ask

    def tree_actions(self, destination: str) -> QMenu:
        return self.menu.actions(destination)

    def subscribe_in_mode(self, destination: str, mode: Mode) -> None:
        self.menu.subscribe_in_mode(destination, mode)

    def subscribe(self, destination: str) -> None:
        self.menu.subscribe(destination)

    def unsubscribe(self, destination: str) -> None:
        self.menu.unsubscribe(destination)

    # -- filter and expansion ----------------------------------------------------------------

    def flush_filter(self) -> None:
        """Apply a pending filter edit now (Enter in the filter box, tests)."""
        flush(self._tree_filter_timer, self._apply_filter)

    def _apply_filter(self) -> None:
        model = self.session.destinations
        text = self.tree_filter.text()
        was_filtered = bool(model.filter_text)
        if text.strip() and not was_filtered:
            self._saved_expansion = tree_expansion.expanded_nodes(self.tree, model)
        current = model.node_at(self.tree.currentIndex())
        model.set_filter(text)
        if model.filter_text:
            tree_expansion.open_matches(self.tree, model)
        elif was_filtered:
            tree_expansion.restore(self.tree, model, self._saved_expansion or [])
            self._saved_expansion = None
        if current is not None:
            index = model.index_of(current)
            if index.isValid():
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)

    def _expand_new(self, parent: QModelIndex, first: int, last: int) -> None:
        """Open a branch when it gets a destination with traffic (seen or sent) or when it
        is a top-level folder with few children; hundreds of discovered queues stay folded
        (Expand all is in the tree's toolbar)."""
        if not parent.isValid():
            return
        model = self.session.destinations
        if model.filter_text:
            if model.visible_count <= tree_expansion.OPEN_BUDGET:
                self.tree.expand(parent)
            return
        busy = any(
            node.total
            for row in range(first, last + 1)
            if (node := model.index(row, 0, parent).data(model.NodeRole)) is not None
        )
        top = not parent.parent().isValid()
        if busy or (top and model.rowCount(parent) <= _FEW_CHILDREN):
            index = parent
            while index.isValid():
                self.tree.expand(index)
                index = index.parent()

    def _shows_children(self, node: DestinationNode) -> bool:
        """True when `node`'s rows can be on screen: it and every folder above it are open."""
        model = self.session.destinations
        index = model.index_of(node)
        while index.isValid():
            if not self.tree.isExpanded(index):
                return False
            index = index.parent()
        return True

    def collapse_all(self) -> None:
        self.tree.collapseAll()

    def expand_all(self) -> None:
        if len(self.session.destinations.tree) <= _EXPAND_ALL_LIMIT:
            self.tree.expandAll()
        else:
            self.tree.expandToDepth(1)

    # -- columns -----------------------------------------------------------------------------

    def hidden_columns(self) -> list[int]:
        return sorted(self._hidden_columns)

    def set_hidden_columns(self, columns: list[int]) -> None:
        """The columns the user hid (the window remembers them)."""
        self._hidden_columns = {c for c in columns if c in _HIDEABLE}
        self._refresh_columns()

    def column_actions(self) -> QMenu:
        """The header's menu: a check per hideable column (tests trigger them)."""
        menu = QMenu(self)
        model = self.session.destinations
        for column in _HIDEABLE:
            title = model.headerData(column, Qt.Orientation.Horizontal)
            action = menu.addAction(str(title))
            action.setObjectName(f"actionTreeColumn{column}")
            action.setCheckable(True)
            action.setChecked(column not in self._hidden_columns)
            action.toggled.connect(lambda on, c=column: self._show_column(c, on))
        return menu

    def _show_column(self, column: int, on: bool) -> None:
        if on:
            self._hidden_columns.discard(column)
        else:
            self._hidden_columns.add(column)
        self._refresh_columns()

    def _fit_name_column(self) -> None:
        if not self._name_auto:
            return
        header = self.tree.header()
        others = sum(
            header.sectionSize(c)
            for c in range(1, header.count())
            if not self.tree.isColumnHidden(c)
        )
        width = max(_NAME_MIN, self.tree.viewport().width() - others)
        if header.sectionSize(0) != width:
            header.resizeSection(0, width)

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        """A drag on the name column's edge (the mouse is down) stops fitting it."""
        if column == 0 and QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self._name_auto = False

    def _refresh_columns(self) -> None:
        known = self.session.destinations.counts_known
        for column in _HIDEABLE:
            needs = _DISCOVERY_COLUMNS.get(column)
            hidden = column in self._hidden_columns or (needs is not None and needs not in known)
            if self.tree.isColumnHidden(column) != hidden:
                self.tree.setColumnHidden(column, hidden)
        self._fit_name_column()

    # -- selection and menus -----------------------------------------------------------------

    def _destination_at(self, index: QModelIndex) -> str | None:
        if not index.isValid():
            return None
        path = index.siblingAtColumn(0).data(DestinationTreeModel.DestinationRole)
        return str(path) if path else None

    def _selected(self, index: QModelIndex) -> None:
        self.destination_selected.emit(self._destination_at(index) or "")

    def selected_destination(self) -> str | None:
        return self._destination_at(self.tree.currentIndex())

    def select_destination(self, path: str) -> bool:
        """Select the node of `path` (tests, "show in tree"); False when it is not shown."""
        index = self.session.destinations.index_of(path)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def _tree_double_clicked(self, index: QModelIndex) -> None:
        destination = self._destination_at(index)
        if destination and index.data(DestinationTreeModel.IsDestinationRole):
            self.compose_to.emit(destination)

    def _tree_menu(self, pos: QPoint) -> None:
        destination = self._destination_at(self.tree.indexAt(pos))
        if destination is None:
            return
        menu = self.tree_actions(destination)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    # -- subscriptions -----------------------------------------------------------------------

    def _subscribe_typed(self) -> None:
        destination = self.subscribe_input.text().strip()
        if not destination:
            self.banner.show_message(
                self.tr("Type a destination first, for example /queue/test."), "info"
            )
            return
        self.subscribe(destination)
        self.subscribe_input.clear()

    def _show_subscriptions(self) -> None:
        live = {d: s.ack for d, s in self.session.subscriptions.items()}
        refused = self.session.refused_subscriptions
        self.subscription_list.show_subscriptions(live, dict(refused))
        self.subscription_list.setVisible(bool(live or refused))
        if live or refused:
            self.subscriptions_label.setText(
                self.tr("Subscriptions ({count})").format(count=len(live))
            )
            self.subscriptions_label.setToolTip("\n".join(sorted(live)))
        else:
            self.subscriptions_label.setText(
                self.tr("No subscriptions yet: type a destination above or right-click one.")
            )
            self.subscriptions_label.setToolTip("")
        self._refresh_empty()

    # -- the empty state ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override: keep the empty-state note as large as the tree's viewport."""
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_state.setGeometry(self.tree.viewport().rect())
            self._fit_name_column()
        return super().eventFilter(watched, event)

    def _refresh_empty(self) -> None:
        model = self.session.destinations
        self.empty_state.refresh(model.rowCount() == 0 and not self.tree_filter.text())
