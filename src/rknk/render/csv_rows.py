"""``--format csv``: a header row of field names, then one row a record.

Lists of names become ``a; b``; nested objects (evidence, quantities,
claimants) are written as compact JSON so nothing is lost.

Text cells are guarded against formula injection as OWASP advises: every text
cell is quoted, and one that a spreadsheet could run as a formula gets a
leading apostrophe. That is a cell starting with ``= + - @`` (or their
full-width forms), possibly after white space, which spreadsheets skip (no-break
and zero-width spaces included), or starting with a tab, CR, LF or NUL. So that
the guard's apostrophe can always be told from the data's, a cell that starts
with ``'`` is guarded too: to recover the original, drop the first character
of every text cell that starts with ``'``. Numbers are never quoted or guarded.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any, TextIO

from rknk.render.listing import Listing

_NEEDS_GUARD = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r\n\x00']")


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
    return "'" + text if _NEEDS_GUARD.match(text) else text


def render(listing: Listing, out: TextIO) -> None:
    # The writer quotes a cell only for the characters of its line terminator: with
    # "\n" alone a cell holding a bare CR would be written unquoted and split the
    # row. So rows are written with "\r\n" and end in "\n" all the same.
    # QUOTE_NONNUMERIC quotes every text cell and leaves numbers bare.
    row = io.StringIO()
    writer = csv.writer(row, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    for values in (listing.fields, *([cell(record[name]) for name in listing.fields] for record in listing.records)):
        writer.writerow(values)
        out.write(row.getvalue()[:-2] + "\n")
        row.seek(0)
        row.truncate()
