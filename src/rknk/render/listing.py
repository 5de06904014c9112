"""What every renderer receives: the records, their fields, and how people see them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple


class Column(NamedTuple):
    """A column of the human formats (table, Markdown): a header and how to show a record."""

    header: str
    show: Callable[[Mapping[str, Any]], str]
    wide: bool = False
    """Takes the width left over on a terminal, wrapping its text (statements, quotes)."""
    breakable: bool = False
    """May wrap between words on a terminal (lists of names); a word itself is never split."""
    style: str | None = None
    priority: int = 0
    """0: always shown. Higher numbers are hidden first, whole, when a terminal is too narrow."""
    key: bool = False
    """The record's identity (an id): never broken, and the head of each record when stacked."""
    numeric: bool = False
    """A number: right-aligned, and like every narrow column never cropped."""
    narrow: Callable[[Mapping[str, Any]], str] | None = None
    """A shorter faithful form for a terminal (e.g. an interval on two lines); pipes get ``show``."""
    beneath: bool = False
    """On a terminal, a line under the wide column's text (``header: text``); in a pipe, a column."""


class Listing(NamedTuple):
    """Records to print. Machine formats write ``records`` as they are; human
    formats show ``columns``. ``fields`` names every key a record has, in order."""

    records: Sequence[Mapping[str, Any]]
    fields: tuple[str, ...]
    columns: tuple[Column, ...]
    title: str | None = None
    single: bool = False
    """True for ``rknk show``: each record shown whole, field by field; JSON prints
    one object instead of an array when there is one record."""
    json_pages: Callable[[bytes], Iterable[bytes]] | None = None
    """The same records as compact JSON (as :func:`rknk.jsontext.dumps` writes them,
    in UTF-8), if they can be had without making each record: given the separator
    that follows each record, the records a page at a time, each page one bytes.
    JSON and JSON Lines then write a page at once, with no work per record. Only
    one of ``records`` and this is read."""

    def only(self, wanted: Sequence[str]) -> Listing:
        """The same listing cut to the ``wanted`` fields, in that order, for ``--fields``."""
        columns = tuple(Column(name, _plain(name)) for name in wanted)
        records = [{name: record[name] for name in wanted} for record in self.records]
        return Listing(records, tuple(wanted), columns, self.title, self.single)


def as_text(value: Any) -> str:
    """A field value as one line of text for people and CSV cells."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(as_text(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={as_text(v)}" for k, v in value.items() if v is not None)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _plain(name: str) -> Callable[[Mapping[str, Any]], str]:
    return lambda record: as_text(record[name])
