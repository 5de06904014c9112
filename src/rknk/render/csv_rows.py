"""``--format csv``: a header row of field names, then one row a record.

Lists of names become ``a; b``; nested objects (evidence, quantities,
claimants) are written as compact JSON so nothing is lost. A text cell that a
spreadsheet would run as a formula (starting with ``= + - @``, tab or CR) gets
a leading apostrophe; numbers are left alone.
"""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from rknk.render.listing import Listing

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """One CSV cell: numbers as they are, text guarded against formula injection."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        text = "; ".join(value)
    elif isinstance(value, list | dict):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def render(listing: Listing, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(listing.fields)
    for record in listing.records:
        writer.writerow([cell(record[name]) for name in listing.fields])
