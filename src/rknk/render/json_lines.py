"""``--format jsonl``: one compact JSON object a line, flushed per record for streaming."""

from __future__ import annotations

import json
from typing import TextIO

from rknk.render.listing import Listing


def render(listing: Listing, out: TextIO) -> None:
    for record in listing.records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
