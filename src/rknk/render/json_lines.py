"""``--format jsonl``: one compact JSON object a line, streamed.

Lines leave as the stream's buffer fills (every line on a terminal, which is
line-buffered): a large answer starts at once and is not slowed by a system
call per record. Records that come as pages of JSON (search hits) are
written a page per call, as bytes, with no work per record, and each page
is read while the one before is written (:mod:`rknk.render.ahead`).
"""

from __future__ import annotations

from typing import TextIO

from rknk.render.ahead import read_ahead
from rknk.render.json_array import dumps, write_bytes
from rknk.render.listing import Listing


def render(listing: Listing, out: TextIO) -> None:
    if listing.json_pages is not None:
        for page in read_ahead(listing.json_pages(b"\n")):
            write_bytes(out, page)
        return
    for record in listing.records:
        out.write(dumps(record) + "\n")
