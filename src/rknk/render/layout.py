"""Deciding how a listing fits a terminal of a given width, before anything is drawn.

Rich, left to itself, crops silently when columns do not fit: an id folds into
a 3-character column, a count loses digits, a column disappears. So the layout
is decided here, from the column declarations and the cells, and Rich only
draws it. The policy, in order:

* A key (an id) and every narrow column keep their full width: never broken,
  never cropped. Numbers stay whole.
* The wide column (the statement) takes what is left and wraps; a word longer
  than it is folded, never cut.
* When that leaves the wide column under :data:`WIDE_MIN`, optional columns
  (``priority`` > 0) are hidden whole, highest priority number first, and the
  output says which and how to see them.
* When even the columns that are always shown do not fit, each record is
  stacked as a block instead, as ``git log`` does: nothing is hidden.

Everything here is pure and costs time linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from rknk.render.listing import Column

#: Space between two columns.
GAP = 2
#: A wide column squeezed narrower than this is unreadable: hide or stack first.
WIDE_MIN = 30
#: Below this a terminal width is not believed (``COLUMNS=0``); wrapping uses this.
SMALLEST = 20

_WORDS = re.compile(r"\S+")


def cells(text: str) -> int:
    """How many terminal cells ``text`` (one line) takes: its length, unless some
    character is wide (CJK) or takes no cell at all (combining marks)."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def cell_width(text: str) -> int:
    """How many terminal cells the longest line of ``text`` takes."""
    return max((cells(line) for line in text.split("\n")), default=0)


def longest_word(text: str) -> int:
    return max((cells(word) for word in _WORDS.findall(text)), default=0)


def wrap(text: str, width: int, fold: bool = True) -> list[str]:
    """``text`` as lines of at most ``width`` cells, broken at spaces, in linear time.

    Line breaks in ``text`` are kept. A word longer than ``width`` is folded over
    several lines when ``fold`` is true, and otherwise keeps a line of its own
    that runs past ``width`` (an id must stay whole to be copied).
    """
    width = max(width, 1)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words: list[str] = []
        used = 0
        for match in _WORDS.finditer(paragraph):
            word = match.group()
            size = cells(word)
            if words and used + 1 + size > width:
                lines.append(" ".join(words))
                words, used = [], 0
            if size > width and fold:
                pieces = _fold(word, width)
                lines.extend(pieces[:-1])
                word, size = pieces[-1], cells(pieces[-1])
            used += size + (1 if words else 0)
            words.append(word)
        lines.append(" ".join(words))
    return lines


def _fold(word: str, width: int) -> list[str]:
    pieces, start, used = [], 0, 0
    for index, char in enumerate(word):
        size = cells(char)
        if used + size > width and index > start:
            pieces.append(word[start:index])
            start, used = index, 0
        used += size
    pieces.append(word[start:])
    return pieces


class Plan(NamedTuple):
    """The decided layout: which columns, how wide, and what could not be shown."""

    shown: tuple[int, ...]
    """Indexes into the grid columns, in display order."""
    widths: tuple[int, ...]
    """The width of each shown column."""
    wide: int | None
    """The index of the column that wraps, if any."""
    hidden: tuple[str, ...]
    """Headers of the columns left out to fit, in display order."""
    stacked: bool
    """True when no table fits: one block per record instead."""


def plan(columns: Sequence[Column], cells: Sequence[Sequence[str]], width: int) -> Plan:
    """Fit ``columns`` (with their ``cells``, one sequence per row) into ``width`` cells."""
    count = len(columns)
    natural = [max([cell_width(columns[i].header), *(cell_width(row[i]) for row in cells)]) for i in range(count)]
    wide = next((i for i, column in enumerate(columns) if column.wide), None)
    if wide is None:
        # No column declared wide (e.g. --fields picked some): the widest text column wraps.
        texts = [i for i, column in enumerate(columns) if not (column.key or column.numeric)]
        wide = max(texts, key=lambda i: natural[i], default=None)
    least = list(natural)
    for i, column in enumerate(columns):
        if i == wide:
            least[i] = min(natural[i], WIDE_MIN)
        elif column.breakable:
            least[i] = max([cell_width(column.header), *(longest_word(row[i]) for row in cells)])

    shown = list(range(count))

    def needed() -> int:
        return sum(least[i] for i in shown) + GAP * (len(shown) - 1)

    while needed() > width:
        optional = [i for i in shown if columns[i].priority > 0]
        if not optional:
            return Plan((), (), None, (), True)
        shown.remove(max(optional, key=lambda i: (columns[i].priority, i)))
    widths = {i: least[i] for i in shown}
    spare = width - needed()
    growing = [i for i in shown if columns[i].breakable and i != wide] + ([wide] if wide in shown else [])
    for i in growing:
        extra = min(spare, natural[i] - widths[i])
        widths[i] += extra
        spare -= extra
    hidden = tuple(columns[i].header for i in range(count) if i not in shown)
    return Plan(tuple(shown), tuple(widths[i] for i in shown), wide if wide in shown else None, hidden, False)
