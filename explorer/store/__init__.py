"""GUI-free app state: the message log ring, the destination tree and message filters.

No Qt here: `explorer.ui.models` adapts these containers to Qt's model/view classes.
The log keeps each message packed in one bytes object (`LogEntry.packed`), so a million
retained 200-byte messages take about 450 MB and add nothing to garbage-collector passes;
`LogEntry` objects are light wrappers made on demand (compare them with ==, not `is`).

```python
log = MessageLog(max_count=100_000, max_bytes=256 * 1024 * 1024)
log.append(LogEntry.from_frame(frame, "in"))      # ingest: O(1), pending until published
plan = log.prepare_publish()                     # publish (done by the Qt model's timer)
tree = DestinationTree("/.")
tree.record_message("/queue/a.b", "in", timestamp)
tree.upsert("/queue/x", "advisory", consumers=2)
changes = tree.take_changes()                    # new nodes + dirty nodes for the model
```
"""

from explorer.store.destinations import (
    COUNT_NAMES,
    SOURCES,
    SPLIT_RULES,
    DestinationNode,
    DestinationTree,
    SourceInfo,
    SplitFunction,
    TreeChanges,
    is_wildcard,
    split_destination,
)
from explorer.store.errors import FilterError, StoreError
from explorer.store.export import entry_to_json, to_json_line, write_jsonl
from explorer.store.filtered import FilteredRows
from explorer.store.filters import MessageFilter, Predicate, compile_filter
from explorer.store.message_log import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_COUNT,
    MessageLog,
    PublishPlan,
)
from explorer.store.messages import IN, OUT, LogEntry, one_line

__all__ = [
    "COUNT_NAMES",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_COUNT",
    "IN",
    "OUT",
    "SOURCES",
    "SPLIT_RULES",
    "DestinationNode",
    "DestinationTree",
    "FilterError",
    "FilteredRows",
    "LogEntry",
    "MessageFilter",
    "MessageLog",
    "Predicate",
    "PublishPlan",
    "SourceInfo",
    "SplitFunction",
    "StoreError",
    "TreeChanges",
    "compile_filter",
    "entry_to_json",
    "is_wildcard",
    "one_line",
    "split_destination",
    "to_json_line",
    "write_jsonl",
]
