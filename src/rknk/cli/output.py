"""Writing results: the output stream, listings in the chosen format, and check findings."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from typing import TextIO

from rknk.errors import UsageError
from rknk.render import Format
from rknk.render.listing import Listing


def output_stream(fmt: Format) -> TextIO:
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
    return stream


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


def emit(listing: Listing, fmt: Format, json_flag: bool, fields: str | None) -> None:
    """Write a listing in the chosen format; select fields first if asked."""
    if json_flag:
        if fmt not in (Format.TABLE, Format.JSON):
            raise UsageError(f"--json and --format {fmt.value} ask for two formats; give one")
        fmt = Format.JSON
    if fields is not None:
        wanted = [name.strip() for name in fields.split(",") if name.strip()]
        unknown = [name for name in wanted if name not in listing.fields]
        if not wanted or unknown:
            bad = ", ".join(unknown) if unknown else "(none)"
            raise UsageError(f"unknown field {bad} for --fields; choose from {','.join(listing.fields)}")
        listing = listing.only(wanted)
    from rknk.render import renderer

    if not listing.records and fmt is Format.TABLE:
        sys.stderr.write("No claims match.\n")
        return
    out = output_stream(fmt)
    renderer(fmt)(listing, out)
    out.flush()


def quiet_stdout() -> None:
    """After the reader of a pipe has gone, point stdout at /dev/null so the
    interpreter's final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
