"""Pages read one ahead in a thread come in order, raise what their source raises,
and stop when the writer stops."""

import threading
from collections.abc import Iterator

import pytest

from rknk.render.ahead import read_ahead


def counted(pages: int, read: list[int]) -> Iterator[int]:
    for page in range(pages):
        read.append(page)
        yield page


def test_every_page_comes_in_order() -> None:
    read: list[int] = []
    assert list(read_ahead(counted(50, read))) == list(range(50))
    assert list(read_ahead(counted(1, read))) == [0]
    assert list(read_ahead(counted(0, read))) == []


def test_an_answer_of_one_page_starts_no_thread() -> None:
    before = threading.active_count()
    pages = read_ahead(counted(1, []))
    assert next(pages) == 0
    assert threading.active_count() == before
    assert list(pages) == []


def test_what_the_source_raises_is_raised_to_the_writer_after_the_pages_before_it() -> None:
    def failing() -> Iterator[int]:
        yield 1
        yield 2
        raise OSError("disk gone")

    got: list[int] = []
    with pytest.raises(OSError, match="disk gone"):
        for page in read_ahead(failing()):
            got.append(page)
    assert got == [1, 2]


def test_a_writer_that_stops_stops_the_reading_thread() -> None:
    closed = threading.Event()

    def endless() -> Iterator[int]:
        try:
            page = 0
            while True:
                yield page
                page += 1
        finally:
            closed.set()

    pages = read_ahead(endless())
    assert [next(pages) for _ in range(3)] == [0, 1, 2]
    pages.close()  # as a closed pipe or Ctrl-C ends the loop that writes
    assert closed.is_set()
    assert not any(thread.name == "rknk-read-ahead" for thread in threading.enumerate())
