"""Domain errors. The core raises these; the CLI turns them into one line and an exit code."""

from __future__ import annotations

from typing import NamedTuple

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


#: What the id of a problem names, in the registries; in any other file it is a claim's.
_REGISTRY_ITEMS = {"sources.json": "source", "actors.json": "actor", "topics.json": "topic"}


class Problem(NamedTuple):
    """One thing wrong with a data file, located as precisely as the check allows.

    ``claim`` is the id of the item the problem concerns: a claim's in a
    claims file, a source's, actor's or topic's in a registry.
    """

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    path: str | None = None
    claim: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.claim is not None:
            parts.append(f"{_REGISTRY_ITEMS.get(self.file, 'claim')} '{self.claim}'")
        if self.path:
            parts.append(self.path)
        return ": ".join(parts) + f": {self.message}"


class RknkError(Exception):
    """Base of every error rknk reports to the user instead of a traceback."""

    exit_code = EXIT_DATA


class DataError(RknkError):
    """The data folder cannot be read or does not validate."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


class NotFoundError(RknkError):
    """A claim id that is not in the data (exit 1, like a missing file)."""


class UsageError(RknkError):
    """A command-line value that cannot be used (exit 2)."""

    exit_code = EXIT_USAGE
