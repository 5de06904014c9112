"""The ``rknk`` command's entry point: quiet from its first instruction.

The console script imports this module and calls :func:`main`. Importing the
command line (Typer, Click, Rich's helpers) takes most of the start-up time,
and a Ctrl-C landing there would print a ``KeyboardInterrupt`` traceback
before the error boundary in :mod:`rknk.cli.app` exists. So until the imports
are done, Ctrl-C ends the process at once with 130, having written nothing;
after them, the boundary turns it into 130 as usual. This module imports only
what the interpreter has loaded already.
"""

from __future__ import annotations

# The C module behind ``signal``: the interpreter has loaded it already, while
# ``signal`` itself imports enum and functools, some 8 ms in which a Ctrl-C
# would still print a traceback.
import _signal  # type: ignore[import-not-found]  # no stubs for the C module
import os
import sys

#: The exit code for Ctrl-C (128 + SIGINT), as shells report it.
INTERRUPTED = 130


def _interrupted_while_starting(signum: int, frame: object) -> None:
    os._exit(INTERRUPTED)


def main() -> None:
    """Run ``rknk`` with the process's arguments."""
    previous = _signal.signal(_signal.SIGINT, _interrupted_while_starting)
    try:
        from rknk.cli import main as run
    finally:
        _signal.signal(_signal.SIGINT, previous)
    try:
        run()
    except KeyboardInterrupt:
        # Past the boundary (while it writes its last line, say): still quiet.
        sys.exit(INTERRUPTED)
