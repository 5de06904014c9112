"""``--format jsonl``: one compact JSON object a line, streamed.

Lines leave as the stream's buffer fills (every line on a terminal, which is
line-buffered): a large answer starts at once and is not slowed by a system
call per record. Records that come as pages of JSON text (search hits) are
written a page per call, with no work per record.
"""

from __future__ import annotations

from typing import TextIO

from rknk.render.json_array import dumps
from rknk.render.listing import Listing


def render(listing: Listing, out: TextIO) -> None:
    if listing.json_pages is not None:
        for page in listing.json_pages:
            page.append("")  # a newline after the last line too, without copying the page again
            out.write("\n".join(page))
        return
    for record in listing.records:
        out.write(dumps(record) + "\n")
