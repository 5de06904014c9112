"""``--format jsonl``: one compact JSON object a line, flushed per record for streaming."""

from __future__ import annotations

from typing import TextIO

from rknk.render.json_array import dumps
from rknk.render.listing import Listing


def render(listing: Listing, out: TextIO) -> None:
    for record in listing.records:
        out.write(dumps(record) + "\n")
        out.flush()
