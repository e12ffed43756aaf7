"""Which branches of the destination tree are open: kept across a filter, opened with a cap.

A filter resets the model, and a reset closes every branch. So the expansion is remembered
(as tree nodes, which outlive any reset) when a filter starts and put back when it is
cleared. And a filter that matches most of a 50,000-destination tree must not open all of it:
laying out every row at once froze the window for seconds. `open_matches` opens branches
breadth first until about `budget` rows are showing; the rest stays one click away.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTreeView

from explorer.store import DestinationNode
from explorer.ui.models import DestinationTreeModel

# Rows a filter opens at most: a screenful or three, laid out in a few milliseconds.
OPEN_BUDGET = 300


def expanded_nodes(view: QTreeView, model: DestinationTreeModel) -> list[DestinationNode]:
    """The nodes whose branches are open now, parents first (walks open branches only)."""
    found: list[DestinationNode] = []
    pending: deque[QModelIndex] = deque([QModelIndex()])
    while pending:
        parent = pending.popleft()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if view.isExpanded(index):
                node = model.node_at(index)
                if node is not None:
                    found.append(node)
                pending.append(index)
    return found


def restore(view: QTreeView, model: DestinationTreeModel, nodes: list[DestinationNode]) -> int:
    """Open these nodes again (those still shown); returns how many were opened."""
    opened = 0
    for node in nodes:
        index = model.index_of(node)
        if index.isValid():
            view.expand(index)
            opened += 1
    return opened


def open_matches(view: QTreeView, model: DestinationTreeModel, budget: int = OPEN_BUDGET) -> int:
    """Open a filtered tree breadth first until about `budget` rows show; returns the rows
    showing. A branch opens only when all its rows fit, so no level is left half open."""
    showing = model.rowCount()
    pending: deque[QModelIndex] = deque([QModelIndex()])
    while pending and showing < budget:
        parent = pending.popleft()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            children = model.rowCount(index)
            if not children:
                continue
            if showing + children > budget:
                continue
            view.expand(index)
            showing += children
            pending.append(index)
    return showing
