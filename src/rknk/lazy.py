"""A sequence read from an iterator as it is used, so a large answer streams.

Output that goes straight through (JSON, JSON Lines, CSV) iterates once and
holds one record at a time; a table, which must see every row to size its
columns, reads them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TypeVar, overload

T = TypeVar("T")


class Streamed(Sequence[T]):
    """Items of an iterator, fetched only as far as they are asked for.

    Truth reads one item ahead; length and indexing read (and keep) what they
    need. Iterating yields what was kept, then streams the rest without
    keeping it: after that, the sequence cannot be read again (a second pass
    is a programming error and raises).
    """

    def __init__(self, items: Iterable[T]) -> None:
        self._source: Iterator[T] | None = iter(items)
        self._kept: list[T] = []
        self._streamed = False

    def _fill(self, count: int | None) -> None:
        if self._streamed:
            raise RuntimeError("this stream has been read to its end already")
        if self._source is None:
            return
        wanted = None if count is None else max(0, count - len(self._kept))
        before = len(self._kept)
        self._kept.extend(islice(self._source, wanted))
        if count is None or len(self._kept) - before < (wanted or 0):
            self._source = None

    def __bool__(self) -> bool:
        self._fill(1)
        return bool(self._kept)

    def __len__(self) -> int:
        self._fill(None)
        return len(self._kept)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice) or index < 0:
            self._fill(None)
        else:
            self._fill(index + 1)
        return self._kept[index]

    def __iter__(self) -> Iterator[T]:
        if self._source is None:
            yield from self._kept
            return
        self._fill(0)
        self._streamed = True
        kept, source = self._kept, self._source
        self._kept, self._source = [], None
        yield from kept
        yield from source
