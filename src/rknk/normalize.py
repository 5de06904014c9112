"""Text folding shared by actor lookup and search, so both sides compare alike.

Folding lowercases, strips accents, turns every kind of space, hyphen and
punctuation into a single space, and writes numbers one way: Indonesian
``10.000``, English ``10,000`` and plain ``10000`` all become ``10000``, and
``240mm`` becomes ``240 mm``.
"""

from __future__ import annotations

import re
import unicodedata

_THOUSANDS = re.compile(r"(?<=\d)[.,](?=\d{3}(?!\d))")
_NUMBER_UNIT = re.compile(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)")
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Return ``text`` folded for matching: ``'Kim Jong-un, 10.000'`` -> ``'kim jong un 10000'``."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    joined = _THOUSANDS.sub("", stripped)
    spaced = _NUMBER_UNIT.sub(" ", joined)
    return _NOT_WORD.sub(" ", spaced).strip()
