"""The size of the terminal a stream is attached to."""

from __future__ import annotations

import os
from typing import NamedTuple, TextIO

#: What a terminal is assumed to be when it cannot be asked (as ``stty`` and Rich assume).
DEFAULT = (80, 24)


class Size(NamedTuple):
    columns: int
    lines: int


def size(out: TextIO) -> Size:
    """``COLUMNS`` and ``LINES`` when they are positive numbers, else what the terminal says.

    ``COLUMNS=0`` or garbage is not believed: a table laid out for zero columns
    would print nothing at all.
    """
    try:
        asked = os.get_terminal_size(out.fileno())
        measured = (asked.columns or DEFAULT[0], asked.lines or DEFAULT[1])
    except (AttributeError, OSError, ValueError):
        measured = DEFAULT
    columns = _positive(os.environ.get("COLUMNS")) or measured[0]
    lines = _positive(os.environ.get("LINES")) or measured[1]
    return Size(columns, lines)


def _positive(text: str | None) -> int | None:
    if text and text.strip().isdigit() and int(text) > 0:
        return int(text)
    return None
