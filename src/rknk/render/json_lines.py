"""``--format jsonl``: one compact JSON object a line, streamed.

Lines leave as the stream's buffer fills (every line on a terminal, which is
line-buffered): a large answer starts at once and is not slowed by a system
call per record.
"""

from __future__ import annotations

from typing import TextIO

from rknk.render.json_array import dumps
from rknk.render.listing import Listing


def render(listing: Listing, out: TextIO) -> None:
    for record in listing.records:
        out.write(dumps(record) + "\n")
