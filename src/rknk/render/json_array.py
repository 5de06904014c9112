"""``--format json``: one JSON array (or one object for ``show``), UTF-8, exact data."""

from __future__ import annotations

import json
from typing import TextIO

from rknk.render.listing import Listing


def render(listing: Listing, out: TextIO) -> None:
    value = listing.records[0] if listing.single and listing.records else list(listing.records)
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")
