"""Loose spans of years: a decade, or a part of one, read as the years it covers.

People date the past by decades and their parts (``the late 1940s``, ``mid-1990s``, ``awal
2000-an``, ``tahun 50-an``); claims are dated by their year (``1948``). So a decade typed is
read as one word standing for a span of years, written ``1947-1949``: folding never leaves a
hyphen, so the word cannot be anything else. Its early part is its years 0 to 3, its middle 4 to
6, its late part 7 to 9; a decade with no part is all ten years. Search holds such a span to a
claim as it holds a year: the claim's own text or date must give one of its years, or the
decade's own figure, which is how a claim writes a decade (``until the early 1990s``).

It works on folded words, before :func:`rknk.numbers.scale_numbers` reads a decade as its first
year, and knows nothing about search.
"""

from __future__ import annotations

from rknk.numbers import DECADES

#: The words for a part of a decade, English and Indonesian, and the years of the decade it covers.
PARTS = {
    **dict.fromkeys(("early", "awal"), (0, 3)),
    **dict.fromkeys(("mid", "middle", "pertengahan", "medio"), (4, 6)),
    **dict.fromkeys(("late", "akhir", "penghujung"), (7, 9)),
}
#: What folding leaves of a decade's ending: ``1940s`` as ``1940 s``, ``1940-an`` as ``1940 an``.
_ENDINGS = frozenset({"s", "an"})
#: Words that only say a decade follows (``tahun 50-an``, ``era 90-an``): read with it.
_LEADS = frozenset({"tahun", "era"})
#: A part of a decade may stand before it with ``of the`` between (``the end of the 1940s``).
_LINKS = frozenset({"of", "the"})


def _decade(words: list[str], position: int) -> tuple[int, int] | None:
    """The first year of the decade written from ``words[position]`` (``1940 s``, ``50 an``,
    ``fifties``) and the position after it; None if none starts there. Two figures name a decade
    of the last century (``40`` to ``90``), four a decade from 1900 to 2090."""
    word = words[position]
    if word in DECADES:
        return DECADES[word], position + 1
    if not word.isdigit() or position + 1 >= len(words) or words[position + 1] not in _ENDINGS:
        return None
    value = int(word)
    if value % 10 or not (40 <= value <= 90 or 1900 <= value <= 2090):
        return None
    return (1900 + value if value < 100 else value), position + 2


def span_word(first: int, last: int) -> str:
    """The word for the years ``first`` to ``last``: ``1947-1949``."""
    return f"{first}-{last}"


def years_of(word: str) -> range | None:
    """The years a span's word (:func:`span_word`) covers, or None for any other word."""
    first, dash, last = word.partition("-")
    if not dash or not (first.isdigit() and last.isdigit() and len(first) == len(last) == 4):
        return None
    return range(int(first), int(last) + 1)


def decade_of(word: str) -> str | None:
    """The figure a claim writes for the decade a span lies in (``1947-1949``: ``1940``), or None."""
    years = years_of(word)
    return None if years is None else str(years.start - years.start % 10)


def _as_typed(words: list[str]) -> str:
    """Folded words of a decade as people write them, for ``--explain``: ``late 1940 s`` as
    ``late 1940s``, ``akhir 1940 an`` as ``akhir 1940-an``."""
    shown = " ".join(words)
    for ending, joined in ((" s", "s"), (" an", "-an")):
        if words[-1] == ending.strip() and len(words) > 1 and words[-2].isdigit():
            return shown.removesuffix(ending) + joined
    return shown


def read_decades(words: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Folded ``words`` with each decade, or part of one, read as the word of its span of years
    (``late 1940 s`` -> ``1947-1949``; ``tahun 50 an`` -> ``1950-1959``), and the readings made, as
    (typed, read as) pairs, for ``--explain``."""
    out: list[str] = []
    made: list[tuple[str, str]] = []
    position = 0
    while position < len(words):
        start, part = position, None
        if words[position] in PARTS:
            part = PARTS[words[position]]
            position += 1
            while position < len(words) - 1 and words[position] in _LINKS:
                position += 1
        elif words[position] in _LEADS and position + 1 < len(words):
            position += 1
        found = _decade(words, position) if position < len(words) else None
        if found is None:
            out.append(words[start])
            position = start + 1
            continue
        first, end = found
        low, high = part or (0, 9)
        word = span_word(first + low, first + high)
        out.append(word)
        made.append((_as_typed(words[start:end]), word))
        position = end
    return out, made
