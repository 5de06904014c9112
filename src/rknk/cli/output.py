"""Writing results: the standard streams, listings in the chosen format, check findings and messages.

Output can fail where rknk has no say: the shell may have closed stdout or
stderr (``>&-``), or they may lead to a full disk (``>/dev/full``). A failed
write to stdout becomes one error line and exit 1; a failed write to stderr is
ignored, so it never changes an exit code. Either way the broken stream is
pointed at the null device, so the interpreter's last flush finds nothing to
complain about (it would otherwise print a warning and exit 120).
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from rknk.errors import UsageError
from rknk.render import Format
from rknk.render.listing import Listing

#: How a failed write to a stream fails; other errors without a file name are bugs.
_WRITE_ERRORS = frozenset({errno.EBADF, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


class _Closed(io.TextIOBase):
    """Stands in for a standard stream the shell closed: every write fails as on a bad descriptor."""

    def __init__(self, name: str) -> None:
        self._name = name

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, f"{self._name} is closed")

    def isatty(self) -> bool:
        return False


def adopt_standard_streams() -> None:
    """Give a closed stdout or stderr (Python sets them to None) a stand-in that fails on write."""
    if sys.stdout is None:
        sys.stdout = _Closed("standard output")
    if sys.stderr is None:
        sys.stderr = _Closed("standard error")


def output_failure(error: OSError) -> str | None:
    """The message for ``error`` if it is a failed write to stdout, else None.

    Every other file rknk touches either turns its errors into a :class:`DataError`
    naming the file (the data folder, archives) or ignores them (the cache), so
    an error without a file name that is how writes fail can only be the output.
    """
    if error.filename is not None or error.errno not in _WRITE_ERRORS:
        return None
    _to_null(sys.stdout)
    return f"cannot write the output: {error.strerror or error}"


def message(text: str) -> None:
    """Write one line for people to stderr, made visible; a closed or full stderr is ignored."""
    from rknk.render.safe import guarded, visible

    try:
        out = guarded(sys.stderr)
        out.write(visible(text) + "\n")
        out.flush()
    except (OSError, ValueError):
        _to_null(sys.stderr)


class _Pager:
    """Whether this run may page its table: ``--no-pager`` (before or after the
    command name) turns it off. Reset by the application callback on every run."""

    allowed = True


PAGER = _Pager()


def no_pager(value: bool) -> None:
    """The ``--no-pager`` option's callback."""
    if value:
        PAGER.allowed = False


def output_stream(fmt: Format) -> TextIO:
    """Stdout set up for ``fmt``: UTF-8 for machine formats; for people, unencodable
    characters replaced and 8-bit controls of the console's encoding made visible."""
    stream = sys.stdout
    reconfigure: Callable[..., None] | None = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            if fmt.is_machine:
                reconfigure(encoding="utf-8")
            else:
                reconfigure(errors="replace")
        except (ValueError, OSError):
            pass
    if fmt.is_machine:
        return stream
    from rknk.render.safe import guarded

    return guarded(stream)


def report_lines(lines: Iterable[str]) -> None:
    """Write a check's findings, one a line; a reader that leaves early does not change the verdict.

    Findings quote ids, keys and text from the data, which may be hostile: control
    characters are made visible, and text that does not fit the console's encoding
    is replaced rather than crashing the report.
    """
    from rknk.render.safe import visible

    out = output_stream(Format.TABLE)
    try:
        for line in lines:
            out.write(f"{visible(line)}\n")
        out.flush()
    except BrokenPipeError:
        quiet_stdout()  # (validate | head): the exit code below still tells the truth


def chosen_format(fmt: Format, json_flag: bool) -> Format:
    """The format asked for: ``--json`` is ``--format json``, and contradicting it is a usage error."""
    if json_flag:
        if fmt not in (Format.TABLE, Format.JSON):
            raise UsageError(f"--json and --format {fmt.value} ask for two formats; give one")
        return Format.JSON
    return fmt


def emit(
    listing: Listing,
    fmt: Format,
    json_flag: bool,
    fields: str | None,
    *,
    nothing: str = "No claims match.",
    envelope_of: Path | None = None,
) -> None:
    """Write a listing in the chosen format; select fields first if asked.

    An empty table writes ``nothing`` to stderr instead (machine formats stay valid: ``[]``).
    With ``envelope_of`` (a data folder), JSON is wrapped in an object that
    also gives the provenance of that folder (see :mod:`rknk.render.json_array`).
    """
    fmt = chosen_format(fmt, json_flag)
    if envelope_of is not None and fmt is not Format.JSON:
        raise UsageError("--envelope wraps JSON output; add --json")
    if fields is not None:
        wanted = [name.strip() for name in fields.split(",") if name.strip()]
        unknown = [name for name in wanted if name not in listing.fields]
        if not wanted or unknown:
            bad = ", ".join(unknown) if unknown else "(none)"
            raise UsageError(f"unknown field {bad} for --fields; choose from {','.join(listing.fields)}")
        # A field named twice would be two CSV columns but one JSON key: refused, so
        # every format shows the same fields.
        twice = sorted({name for name in wanted if wanted.count(name) > 1}, key=wanted.index)
        if twice:
            raise UsageError(f"--fields names {', '.join(twice)} more than once; give each field once")
        listing = listing.only(wanted)
    from rknk.render import renderer

    if fmt is Format.TABLE and not listing.records:
        message(nothing)
        return
    if not fmt.is_machine:  # people's formats size columns over every row: read them all
        listing = listing._replace(records=list(listing.records))
    out = output_stream(fmt)
    if envelope_of is not None:
        from rknk.provenance import provenance
        from rknk.render.json_array import render_envelope

        render_envelope(listing, provenance(envelope_of), out)
    elif fmt is Format.TABLE:
        from rknk.render.pager import paging

        with paging(out, enabled=PAGER.allowed) as target:
            renderer(fmt)(listing, target)
    else:
        renderer(fmt)(listing, out)
    out.flush()


def quiet_stdout() -> None:
    """After the reader of a pipe has gone, point stdout at /dev/null so the
    interpreter's final flush does not complain."""
    _to_null(sys.stdout)


def _to_null(stream: TextIO) -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
