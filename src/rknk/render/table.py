"""``--format table``: what a person reads, laid out for where it goes.

On a terminal the layout is decided per width by :mod:`rknk.render.layout` (ids
whole, numbers whole, statements wrapped, optional columns hidden with a note,
one block per record when no table fits) and drawn with Rich, whose console has
markup, emoji and highlighting off so data is never read as Rich markup. In a
pipe there is no Rich, no colour and no box drawing: one line per record,
columns padded to their longest cell, so ``grep`` and ``cut`` see whole claims
(a line break inside a text is shown as ``\\x0a``).

Either way control characters from the data are made visible, and the cost is
linear in the length of the text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from rknk.render import layout
from rknk.render.listing import Column, Listing
from rknk.render.safe import visible
from rknk.render.screen import size

if TYPE_CHECKING:
    from rich.console import Console
    from rich.segment import Segment


#: How far a stacked record's fields and text sit right of its id.
INDENT = 2


def render(listing: Listing, out: TextIO) -> None:
    if not out.isatty():
        (_pipe_record if listing.single else _pipe_rows)(listing, out)
        return
    console = _console(out)
    if listing.single:
        _record(listing, console)
    else:
        _table(listing, console)
    console.file.flush()


# --- pipes -------------------------------------------------------------------------------------


def _flat(text: str) -> str:
    """One line, every control character (line breaks too) made visible."""
    return visible(text)


def _pipe_rows(listing: Listing, out: TextIO) -> None:
    columns = listing.columns
    rows = [[column.header for column in columns]]
    rows += [[_flat(column.show(record)) for column in columns] for record in listing.records]
    widths = [max(layout.cells(row[i]) for row in rows) for i in range(len(columns))]
    for row in rows:
        padded = (_pad(text, widths[i], columns[i].numeric, layout.cells(text)) for i, text in enumerate(row))
        out.write((" " * layout.GAP).join(padded).rstrip() + "\n")


def _pipe_record(listing: Listing, out: TextIO) -> None:
    label = max(len(column.header) for column in listing.columns)
    for number, record in enumerate(listing.records):
        if number:
            out.write("\n")
        for column in listing.columns:
            value = column.show(record)
            # A record is not a row: a line break in a value starts a line under it.
            for index, line in enumerate(_multiline(value).split("\n") if value else ()):
                head = column.header if index == 0 else ""
                out.write(f"{head:<{label}}{' ' * layout.GAP}{line}".rstrip() + "\n")


def _pad(text: str, width: int, right: bool, used: int) -> str:
    space = " " * max(width - used, 0)
    return space + text if right else text + space


# --- terminals ---------------------------------------------------------------------------------


def _console(out: TextIO) -> Console:
    """A console on ``out`` that never interprets data, never wraps and never crops:
    every line it gets was laid out here."""
    return _Console(
        file=out,
        markup=False,
        emoji=False,
        highlight=False,
        width=size(out).columns,
        soft_wrap=True,
    )


def _multiline(text: str) -> str:
    """Line breaks kept, every other control character made visible."""
    return "\n".join(visible(line) for line in text.split("\n"))


def _terminal_text(column: Column, record: Mapping[str, Any]) -> str:
    return _multiline((column.narrow or column.show)(record))


def _table(listing: Listing, console: Console) -> None:
    grid = [column for column in listing.columns if not column.beneath]
    beneath = [column for column in listing.columns if column.beneath]
    cells = [[_terminal_text(column, record) for column in grid] for record in listing.records]
    width = console.width
    plan = layout.plan(grid, cells, max(width, layout.SMALLEST))
    if plan.stacked:
        _stacked(listing, grid, beneath, console)
        return
    shown = [grid[i] for i in plan.shown]
    out = _Styled()
    _line(out, shown, plan.widths, [[column.header] for column in shown], header=True)
    out.append("─" * (sum(plan.widths) + layout.GAP * (len(shown) - 1)) + "\n", style="dim")
    for record, row in zip(listing.records, cells, strict=True):
        parts = []
        for i, column_width in zip(plan.shown, plan.widths, strict=True):
            if i == plan.wide:
                notes = [f"{c.header.lower()}: {_multiline(c.show(record))}" for c in beneath]
                parts.append([line for text in (row[i], *notes) for line in layout.wrap(text, column_width)])
            elif grid[i].breakable:
                parts.append(layout.wrap(row[i], column_width, fold=False))
            else:
                parts.append(row[i].split("\n"))
        _line(out, shown, plan.widths, parts)
    if plan.hidden:
        names = ", ".join(plan.hidden)
        note = (
            f"Not shown at {width} columns: {names}. A wider window shows "
            f"{'them' if len(plan.hidden) > 1 else 'it'}; so do --fields, --format csv and a pipe."
        )
        for line in layout.wrap(note, width):
            out.append(line + "\n", style="dim")
    out.print(console)


def _line(
    out: _Styled, columns: Sequence[Column], widths: Sequence[int], parts: list[list[str]], header: bool = False
) -> None:
    """Append one table row, as many terminal lines as its tallest cell needs."""

    height = max(len(lines) for lines in parts)
    for number in range(height):
        space = 0
        for column, column_width, lines in zip(columns, widths, parts, strict=True):
            text = lines[number] if number < len(lines) else ""
            room = column_width - layout.cells(text)
            if text:
                out.append(" " * (space + (room if column.numeric else 0)))
                out.append(text, style="bold" if header else column.style)
                space = 0 if column.numeric else room
            else:
                space += column_width
            space += layout.GAP
        out.append("\n")


def _stacked(listing: Listing, grid: Sequence[Column], beneath: Sequence[Column], console: Console) -> None:
    """One block per record, as ``git log`` prints commits: the id, the short fields
    as ``Header value`` pairs, then the wrapped text. Nothing is hidden."""
    width = max(console.width, layout.SMALLEST)
    keys = [column for column in grid if column.key] or [grid[0]]
    wide = [column for column in grid if column.wide]
    pairs = [column for column in grid if column not in keys and column not in wide]
    out = _Styled()
    for number, record in enumerate(listing.records):
        if number:
            out.append("\n")
        for column in keys:
            out.append(visible(column.show(record)), style=column.style or "bold")
            out.append("\n")
        used = 0
        for column in pairs:
            value = visible(column.show(record))
            if not value:
                continue
            pair = layout.cells(column.header) + 1 + layout.cells(value)
            if used and used + layout.GAP + pair > width:
                out.append("\n")
                used = 0
            out.append(" " * (layout.GAP if used else INDENT))
            used += layout.GAP if used else INDENT
            out.append(column.header + " ", style="dim")
            out.append(value, style=column.style)
            used += pair
        if used:
            out.append("\n")
        texts = [_multiline(column.show(record)) for column in wide]
        texts += [f"{column.header.lower()}: {_multiline(column.show(record))}" for column in beneath]
        for text in texts:
            for line in layout.wrap(text, width - INDENT):
                out.append(" " * INDENT + line + "\n")
    out.print(console)


def _record(listing: Listing, console: Console) -> None:
    """Records as ``Field  value`` lines (``rknk show``); values wrap between words,
    and a word (an id in Related) is never split."""
    label = max(len(column.header) for column in listing.columns)
    room = max(console.width - label - layout.GAP, layout.SMALLEST)
    out = _Styled()
    for number, record in enumerate(listing.records):
        if number:
            out.append("\n")
        for column in listing.columns:
            value = column.show(record)
            if not value:
                continue
            for index, line in enumerate(layout.wrap(_multiline(value), room, fold=False)):
                head = column.header if index == 0 else ""
                out.append(f"{head:<{label}}{' ' * layout.GAP}", style="bold")
                out.append(line + "\n", style=column.style)
    out.print(console)


class _Styled:
    """Text with styles, handed to Rich as ready segments: Rich's own text
    handling would wrap again what is laid out already, at several times the cost."""

    def __init__(self) -> None:
        self._segments: list[Segment] = []
        self._styles: dict[str | None, Any] = {}

    def append(self, text: str, style: str | None = None) -> None:
        from rich.segment import Segment
        from rich.style import Style

        if style not in self._styles:
            self._styles[style] = Style.parse(style) if style else None
        self._segments.append(Segment(text, self._styles[style]))

    def print(self, console: Console) -> None:
        from rich.segment import Segments

        console.print(Segments(self._segments), end="")


def _Console(**options: Any) -> Console:
    from rich.console import Console

    class _Quiet(Console):
        def on_broken_pipe(self) -> None:
            """Rich's own handling exits 1; hand the broken pipe to the CLI, which
            ends quietly with 0 when the reader has gone."""
            self.quiet = True
            raise BrokenPipeError

    return _Quiet(**options)
