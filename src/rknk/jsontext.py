"""JSON text as rknk writes it: UTF-8 letters as they are, anything unsafe as an escape.

JSON may carry some characters raw that break line-based tools (U+2028,
U+2029, NEL), act on a terminal (C1 controls, DEL), reorder text (bidi
controls) or cannot be encoded at all (lone surrogates). They are written as
``\\uXXXX`` escapes: the parsed data is unchanged, the bytes on the wire are
harmless. The index stores each claim's JSON text made this way, so output
writes it as it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from json.encoder import encode_basestring
from typing import Any

_ESCAPE = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


#: The encoder of compact texts, made once: :func:`json.dumps` given any argument
#: makes a new one per call, which costs a third of encoding a claim.
_COMPACT = json.JSONEncoder(ensure_ascii=False, default=_plain)


def safe(text: str) -> str:
    """``text`` (JSON) with every unsafe character escaped."""
    if text.isascii() and "\x7f" not in text:  # the common case, checked in constant time
        return text
    return _ESCAPE.sub(_escaped, text)


def dumps(value: Any, indent: int | None = None) -> str:
    """JSON text for ``value`` (mappings of any kind included), made safe."""
    if indent is None:
        return safe(_COMPACT.encode(value))
    return safe(json.dumps(value, ensure_ascii=False, indent=indent, default=_plain))


def strings(items: Iterable[str]) -> str:
    """A JSON array of strings, as :func:`dumps` writes it, without the encoder's set-up per call."""
    return safe("[" + ", ".join(map(encode_basestring, items)) + "]")
