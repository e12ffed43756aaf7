"""Qt models over the GUI-free store, published in batches by timers.

- `MessageTableModel` adapts `explorer.store.MessageLog` (ingest with `append`, `flushed`
  signal after each publish, pause/resume, `set_filter`, `EntryRole`).
- `DestinationTreeModel` adapts `explorer.store.DestinationTree` (`record_message`/`upsert`/
  `mark_gone` forwarders, `set_filter`, `NodeRole`/`DestinationRole`/`SourcesRole`).
- `TrafficModel` shows the wire tap's records (`record` from the tap, `row_record`, cap).
"""

from explorer.ui.models.destination_tree import DestinationTreeModel
from explorer.ui.models.message_table import MessageTableModel
from explorer.ui.models.traffic import TrafficModel

__all__ = ["DestinationTreeModel", "MessageTableModel", "TrafficModel"]
