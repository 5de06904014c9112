"""Output formats. Each format is one module with one ``render(listing, out)`` function.

Only the table goes through Rich; JSON, JSON Lines, CSV and Markdown are
written directly to the stream, so nothing wraps, styles or reflows data a
script will parse.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TextIO

from rknk.render.listing import Listing


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"

    @property
    def is_machine(self) -> bool:
        """Machine formats keep the data byte-exact and are always written as UTF-8."""
        return self in (Format.JSON, Format.JSONL, Format.CSV)


def renderer(fmt: Format) -> Callable[[Listing, TextIO], None]:
    """The render function for a format; modules are imported only when used."""
    if fmt is Format.TABLE:
        from rknk.render import table as module
    elif fmt is Format.JSON:
        from rknk.render import json_array as module  # type: ignore[no-redef]
    elif fmt is Format.JSONL:
        from rknk.render import json_lines as module  # type: ignore[no-redef]
    elif fmt is Format.CSV:
        from rknk.render import csv_rows as module  # type: ignore[no-redef]
    else:
        from rknk.render import markdown as module  # type: ignore[no-redef]
    return module.render
