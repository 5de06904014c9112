"""Paging a long table, as ``git`` and ``gh`` do.

Output goes through a pager only when both stdout and stdin are terminals (a
pipe or a redirected stdin never waits on a pager) and the text is taller than
the screen. The pager is ``RKNK_PAGER``, else ``PAGER``, else ``less``; an empty
value or ``cat`` means none. ``less`` gets ``LESS=FRX`` unless ``LESS`` is set:
quit when the text fits one screen, keep colours, leave the text on the screen.
A pager that cannot be started is not an error: the text is written directly.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from rknk.render.screen import size


def command() -> str | None:
    """The pager command line from the environment, or None for no pager."""
    for name in ("RKNK_PAGER", "PAGER"):
        value = os.environ.get(name)
        if value is not None:
            value = value.strip()
            return value if value and value != "cat" else None
    return "less"


class _Screen(io.StringIO):
    """Collects what a terminal would show, and answers as that terminal does."""

    def __init__(self, terminal: TextIO) -> None:
        super().__init__()
        self._terminal = terminal

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._terminal.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._terminal, "encoding", None) or "utf-8"


@contextmanager
def paging(out: TextIO, enabled: bool = True) -> Iterator[TextIO]:
    """A stream to write human output to; on leaving, it reaches ``out`` or a pager.

    With paging off or not applicable, ``out`` itself is yielded and nothing is held back.
    """
    pager = command() if enabled and out.isatty() and sys.stdin.isatty() else None
    if pager is None:
        yield out
        return
    screen = _Screen(out)
    yield screen
    text = screen.getvalue()
    if text.count("\n") < size(out).lines or not _run(pager, text, out):
        out.write(text)


def _run(pager: str, text: str, out: TextIO) -> bool:
    """Show ``text`` in the pager; False if the pager could not be started."""
    import shlex
    import signal
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    try:
        process = subprocess.Popen(shlex.split(pager), stdin=subprocess.PIPE, env=env)
    except (OSError, ValueError):
        return False
    out.flush()
    # Ctrl-C belongs to the pager while it runs (less uses it to stop a search).
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        assert process.stdin is not None
        try:
            process.stdin.write(text.encode(getattr(out, "encoding", None) or "utf-8", errors="replace"))
            process.stdin.close()
        except BrokenPipeError:
            pass  # the reader quit before the end: that is what 'q' means
        process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    return True
