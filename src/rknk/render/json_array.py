"""``--format json``: one JSON array (or one object for ``show``), UTF-8, exact data.

With ``--envelope`` the array is wrapped in an object, ``{"provenance": {...},
"claims": [...]}``, so a script can record which rknk and which data it used;
without it the output stays a bare array, as scripts expect.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from rknk import jsontext
from rknk.records import JsonRecord
from rknk.render.listing import Listing

if TYPE_CHECKING:
    from rknk.provenance import Provenance


def dumps(value: Any, indent: int | None = None) -> str:
    """JSON text for ``value``: readable UTF-8 for letters, escapes for anything unsafe.

    A record read from the index (:class:`JsonRecord`) carries that text
    already, made by the same rules: with no indent it is written as it is.
    """
    if indent is None and isinstance(value, JsonRecord):
        return value.json
    return jsontext.dumps(value, indent)


def write_bytes(out: TextIO, data: bytes) -> None:
    """Write UTF-8 ``data`` to ``out``, to its binary buffer if it has one (after
    what was written as text), else decoded."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(data.decode("utf-8"))
        return
    out.flush()
    buffer.write(data)


def render(listing: Listing, out: TextIO) -> None:
    """One object for ``show``; else an array, streamed a record at a time.

    On a terminal the array is indented for reading. Elsewhere each record is
    one compact line inside the array: still one JSON document, written by the
    C encoder (an indented dump runs in pure Python, several times slower);
    records that come as pages of JSON text are written a page at a time.
    """
    if listing.single and len(listing.records) == 1:
        out.write(dumps(listing.records[0], indent=2) + "\n")
        return
    if out.isatty():
        out.write(dumps(list(listing.records), indent=2) + "\n")
        return
    if listing.json_pages is None:
        opening = "[\n"
        for record in listing.records:
            out.write(opening + dumps(record))
            opening = ",\n"
        out.write("[]\n" if opening == "[\n" else "\n]\n")
        return
    from rknk.render.ahead import read_ahead

    # Each record is followed by a separator: a page's last one is held back until
    # the next page comes, and the last of all is not written.
    before = b"[\n"
    for page in read_ahead(listing.json_pages(b",\n")):
        if page:
            write_bytes(out, before + page[:-2])
            before = b",\n"
    out.write("[]\n" if before == b"[\n" else "\n]\n")


def render_envelope(listing: Listing, provenance: Provenance, out: TextIO) -> None:
    """The listing's records under ``claims``, beside the ``provenance`` of the data they come from."""
    out.write(dumps({"provenance": provenance.as_dict(), "claims": list(listing.records)}, indent=2) + "\n")
