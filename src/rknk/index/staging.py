"""A cold build's documents, held in a private file until they can be stored in date order.

Claims files come in file order, but a large answer comes in date order, and
the claims' dates are all known only once every file is read. A cold build
appends each claim's document (its JSON text) here as it writes the claim,
then copies the documents into the index in date order (see
:meth:`rknk.index.build.Writer.finish`). The file holds the documents' UTF-8
bytes one after the other and nothing else; where each ends is kept in memory,
eight bytes a claim. Reading one back is one ``pread``, with no parsing and
no page cache of its own, which is what the copy in date order, one document
here and the next far away, needs.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterable, Iterator
from itertools import accumulate, islice
from pathlib import Path


class Staging:
    """Documents by claim number, appended in number order from claim 1."""

    def __init__(self, path: Path) -> None:
        """Open ``path``, an empty private file (see :func:`rknk.cache.new_file`). Raises OSError."""
        # O_APPEND: writes go to the end wherever a read (on systems without pread) left the offset.
        flags = os.O_RDWR | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        flags |= getattr(os, "O_BINARY", 0)
        self._descriptor = os.open(path, flags)
        #: ``ends[n]``: the offset where claim ``n``'s document ends (``ends[0]`` is 0).
        self._ends = array("q", [0])

    def close(self) -> None:
        os.close(self._descriptor)

    def add(self, first: int, documents: list[str]) -> None:
        """Append the documents of the claims numbered ``first`` onwards. Raises OSError (a full disk)."""
        if first != len(self._ends):
            raise ValueError(f"claim {first} staged after claim {len(self._ends) - 1}")
        data = "".join(documents).encode()
        # Most documents are ASCII, a byte a character: then their lengths are their sizes.
        sizes = map(len, documents) if len(data) == sum(map(len, documents)) else (len(d.encode()) for d in documents)
        self._ends.extend(islice(accumulate(sizes, initial=self._ends[-1]), 1, None))
        view = memoryview(data)
        while view:
            view = view[os.write(self._descriptor, view) :]

    def document(self, number: int) -> str:
        """The document of claim ``number``."""
        start = self._ends[number - 1]
        return self._read(start, self._ends[number] - start)

    def in_order(self, numbers: Iterable[int]) -> Iterator[tuple[int, str]]:
        """``(slot, document)`` for the claims ``numbers``, the slots counting from 1."""
        ends = self._ends
        read = self._read
        for slot, number in enumerate(numbers, 1):
            start = ends[number - 1]
            yield slot, read(start, ends[number] - start)

    def _read(self, start: int, size: int) -> str:
        data = _read_at(self._descriptor, size, start)
        if len(data) != size:
            raise OSError(f"the staging file ends at byte {start + len(data)}, before its documents do")
        return data.decode()


def _seek_and_read(descriptor: int, size: int, start: int) -> bytes:
    os.lseek(descriptor, start, os.SEEK_SET)
    return os.read(descriptor, size)


#: Reading at an offset in one call where the system has it (not on Windows).
_read_at = getattr(os, "pread", _seek_and_read)
