"""What every renderer receives: the records, their fields, and how people see them."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple


class Column(NamedTuple):
    """A column of the human formats (table, Markdown): a header and how to show a record."""

    header: str
    show: Callable[[Mapping[str, Any]], str]
    wide: bool = False
    """Takes the width left over on a terminal, wrapping its text (statements, quotes)."""
    breakable: bool = False
    """May be folded on a narrow terminal (long ids); other narrow columns never wrap."""
    style: str | None = None


class Listing(NamedTuple):
    """Records to print. Machine formats write ``records`` as they are; human
    formats show ``columns``. ``fields`` names every key a record has, in order."""

    records: Sequence[Mapping[str, Any]]
    fields: tuple[str, ...]
    columns: tuple[Column, ...]
    title: str | None = None
    single: bool = False
    """True for ``rknk show``: JSON prints one object instead of an array."""

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
