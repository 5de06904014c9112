"""``--format json``: one JSON array (or one object for ``show``), UTF-8, exact data.

With ``--envelope`` the array is wrapped in an object, ``{"provenance": {...},
"claims": [...]}``, so a script can record which rknk and which data it used;
without it the output stays a bare array, as scripts expect.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, TextIO

from rknk.render.listing import Listing

if TYPE_CHECKING:
    from rknk.provenance import Provenance

# Characters JSON may carry raw but that break line-based tools (U+2028, U+2029,
# NEL), act on a terminal (C1 controls, DEL), reorder text (bidi controls) or
# cannot be encoded at all (lone surrogates). They are written as \\u escapes:
# the parsed data is unchanged, the bytes on the wire are harmless.
_ESCAPE = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def dumps(value: Any, indent: int | None = None) -> str:
    """JSON text for ``value``: readable UTF-8 for letters, escapes for anything unsafe."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _ESCAPE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def render(listing: Listing, out: TextIO) -> None:
    value = listing.records[0] if listing.single and len(listing.records) == 1 else list(listing.records)
    out.write(dumps(value, indent=2) + "\n")


def render_envelope(listing: Listing, provenance: Provenance, out: TextIO) -> None:
    """The listing's records under ``claims``, beside the ``provenance`` of the data they come from."""
    out.write(dumps({"provenance": provenance.as_dict(), "claims": list(listing.records)}, indent=2) + "\n")
