"""The message library: named messages (destinations, headers, body, content type, receipt,
count, rate) in collections, with variables per collection and per profile, in a file next to
the profiles. Import/export as a file a team keeps in its repository; secrets never in it.

    from explorer.library import LibraryStore, LibraryMessage

    store = LibraryStore()                              # ~/.config/stomp-explorer/library.json
    stripped = store.save_message("orders", LibraryMessage("new order", ("/queue/orders",),
                                  body='{"user": {{user}}}', content_type="application/json"))
    for item in stripped: notice(str(item))            # secret-looking headers left out
    [template] = store.templates("orders", "new order", store.engine_for("orders",
                                 profile="staging", command_line={"user": "7"}))
    template.preview()                                  # RenderedMessage
    store.export_to(Path("team-library.json"), ["orders"]); store.import_from(path)

The file format is described in `explorer/library/model.py`.
"""

from __future__ import annotations

from explorer.library.errors import LibraryError, LibraryFileError, LibraryNameError
from explorer.library.model import Collection, Library, LibraryMessage
from explorer.library.secrets import StrippedSecret, looks_secret
from explorer.library.store import (
    ImportReport,
    LibraryStore,
    default_path,
    profile_variables,
    read_library,
    write_library,
)

__all__ = [
    "Collection",
    "ImportReport",
    "Library",
    "LibraryError",
    "LibraryFileError",
    "LibraryMessage",
    "LibraryNameError",
    "LibraryStore",
    "StrippedSecret",
    "default_path",
    "looks_secret",
    "profile_variables",
    "read_library",
    "write_library",
]
