"""Moved to `explorer.session.compose` (GUI-free, shared with the command line).

Kept as a re-export while window modules still import it from here; import from
`explorer.session.compose` in new code.
"""

from __future__ import annotations

from explorer.session.compose import (
    COMMANDS,
    CONTENT_TYPES,
    MAX_BURST,
    NUL_MARK,
    RAW,
    TEMPLATE_N,
    WELL_KNOWN_HEADERS,
    ComposeRequest,
    bytes_to_raw_text,
    expand,
    has_template,
    raw_text_to_bytes,
)

__all__ = [
    "COMMANDS",
    "CONTENT_TYPES",
    "MAX_BURST",
    "NUL_MARK",
    "RAW",
    "TEMPLATE_N",
    "WELL_KNOWN_HEADERS",
    "ComposeRequest",
    "bytes_to_raw_text",
    "expand",
    "has_template",
    "raw_text_to_bytes",
]
