"""``--format csv``: a header row of field names, then one row a record.

Lists of names become ``a; b``; nested objects (evidence, quantities,
claimants) are written as compact JSON so nothing is lost. A text cell that a
spreadsheet would run as a formula (starting with ``= + - @``, tab or CR) gets
a leading apostrophe; numbers are left alone.
"""

from __future__ import annotations

import csv
import io
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
    # The writer quotes a cell only for the characters of its line terminator: with
    # "\n" alone a cell holding a bare CR is written unquoted and splits the row in
    # every reader. So rows are written with "\r\n" and end in "\n" all the same.
    row = io.StringIO()
    writer = csv.writer(row, lineterminator="\r\n")
    for values in (listing.fields, *([cell(record[name]) for name in listing.fields] for record in listing.records)):
        writer.writerow(values)
        out.write(row.getvalue()[:-2] + "\n")
        row.seek(0)
        row.truncate()
