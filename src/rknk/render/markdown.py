"""``--format markdown``: a GitHub-flavoured Markdown table of the human columns."""

from __future__ import annotations

from typing import TextIO

from rknk.render.listing import Listing
from rknk.render.safe import visible


def _cell(text: str) -> str:
    lines = (visible(line).replace("\\", "\\\\").replace("|", "\\|") for line in text.split("\n"))
    return "<br>".join(lines)


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
