"""``--format table``: a Rich table for people.

Cells are built as ``Text`` objects and the console has markup, emoji and
highlighting off, so data is never read as Rich markup. Control characters are
made visible first. On a terminal the table fits the window; in a pipe there is
no colour, no box drawing and no cut at 80 columns.
"""

from __future__ import annotations

import io
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from rknk.render.listing import Listing
from rknk.render.safe import visible

#: Wide enough that Rich never wraps or cuts a row written to a pipe.
PIPE_WIDTH = 100_000
#: A statement squeezed narrower than this is unreadable; ids fold first.
WIDE_MIN = 30


def console_for(out: TextIO) -> Console:
    """A console on ``out`` that never interprets data; full width when not a terminal."""
    terminal = out.isatty()
    return _Console(
        file=out if terminal else _RstripLines(out),  # type: ignore[arg-type]
        markup=False,
        emoji=False,
        highlight=False,
        width=None if terminal else PIPE_WIDTH,
        soft_wrap=not terminal,
    )


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Rich's own handling exits 1; hand the broken pipe to the CLI, which
        ends quietly with 0 when the reader has gone (``rknk events | head -1``)."""
        self.quiet = True
        raise BrokenPipeError


class _RstripLines(io.TextIOBase):
    """Drops the padding Rich adds after the last column, so piped lines end with their text."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._pending = ""

    def write(self, text: str) -> int:
        *lines, self._pending = (self._pending + text).split("\n")
        for line in lines:
            self._out.write(line.rstrip() + "\n")
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._out.write(self._pending.rstrip())
            self._pending = ""
        self._out.flush()

    def isatty(self) -> bool:
        return False


def _cell(value: str) -> Text:
    """A cell as literal text; line breaks survive, every other control is made visible."""
    return Text("\n".join(visible(line) for line in value.split("\n")))


def render(listing: Listing, out: TextIO) -> None:
    console = console_for(out)
    terminal = console.is_terminal
    if listing.single:
        _render_record(listing, console)
        return
    table = Table(
        box=box.SIMPLE_HEAD if terminal else None,
        show_edge=False,
        header_style="bold",
        pad_edge=False,
        expand=False,
    )
    for column in listing.columns:
        table.add_column(
            column.header,
            style=column.style,
            overflow="fold",
            ratio=1 if column.wide and terminal else None,
            min_width=WIDE_MIN if column.wide and terminal else None,
            no_wrap=not terminal or not (column.wide or column.breakable),
        )
    for record in listing.records:
        table.add_row(*(_cell(column.show(record)) for column in listing.columns))
    console.print(table)
    console.file.flush()


def _render_record(listing: Listing, console: Console) -> None:
    """One record as field/value rows, for ``rknk show``."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for record in listing.records:
        for column in listing.columns:
            value = column.show(record)
            if value:
                grid.add_row(Text(column.header), _cell(value))
    console.print(grid)
    console.file.flush()
