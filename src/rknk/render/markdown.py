"""``--format markdown``: a GitHub-flavoured Markdown table of the human columns.

Cells are text, never markup: raw HTML from the data (``<script>``, ``<img
onerror=...>``) is written as entities, and the characters Markdown reads as
links, images, emphasis or code are backslash-escaped, so a rendered page shows
the data exactly as it is and runs, loads or links nothing.
"""

from __future__ import annotations

import re
from typing import TextIO

from rknk.render.listing import Listing
from rknk.render.safe import visible

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
#: Markdown's inline punctuation: escapes, code, emphasis, strikethrough, links and images, cells.
_SPECIAL = re.compile(r"[\\`*_~\[\]|&<>]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ENTITIES.get(char, "\\" + char)


def _cell(text: str) -> str:
    return "<br>".join(_SPECIAL.sub(_escape, visible(line)) for line in text.split("\n"))


def render(listing: Listing, out: TextIO) -> None:
    if listing.single:
        out.write("| Field | Value |\n|---|---|\n")
        for record in listing.records:
            for column in listing.columns:
                out.write(f"| {_cell(column.header)} | {_cell(column.show(record))} |\n")
        return
    headers = [column.header for column in listing.columns]
    out.write("| " + " | ".join(headers) + " |\n")
    out.write("|" + "|".join("---" for _ in headers) + "|\n")
    for record in listing.records:
        out.write("| " + " | ".join(_cell(column.show(record)) for column in listing.columns) + " |\n")
