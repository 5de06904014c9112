"""Pages of a large answer read one ahead, in a thread, while the last one is written.

Reading a page of documents is mostly SQLite's work, and writing one mostly
the kernel's: both let go of Python's lock, so on two cores the next page is
read while this one goes out, and a reader at the end of the pipe is not kept
waiting by either.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import suppress
from typing import TypeVar, cast

T = TypeVar("T")

#: What the reading thread hands over after the last page.
_END = object()


def read_ahead(pages: Iterable[T]) -> Iterator[T]:
    """The items of ``pages``, in order, each read while the one before is used.

    The first page is read here, and an answer of one page is done with it.
    The rest are read (and ``pages`` closed) in a thread of its own; what it
    raises is raised here. If the caller stops early (a closed pipe, Ctrl-C),
    the thread stops after the page it is reading, before this returns.
    """
    source = iter(pages)
    first = next(source, _END)
    if first is _END:
        return
    yield cast(T, first)

    import queue
    import threading

    handed: queue.Queue[tuple[object, BaseException | None]] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def read() -> None:
        try:
            for page in source:
                handed.put((page, None))
                if stop.is_set():
                    return
            handed.put((_END, None))
        except BaseException as error:  # handed to the caller, who raises it
            handed.put((_END, error))
        finally:
            close = getattr(source, "close", None)
            if close is not None:
                close()

    reader = threading.Thread(target=read, name="rknk-read-ahead", daemon=True)
    reader.start()
    try:
        while True:
            page, error = handed.get()
            if error is not None:
                raise error
            if page is _END:
                return
            yield cast(T, page)
    finally:
        stop.set()
        while reader.is_alive():  # let it finish its page and see the stop
            with suppress(queue.Empty):
                handed.get(timeout=0.05)
