"""Retired claim ids that still resolve.

Ids are what users cite, so an id never simply disappears. When a claim's id
changes, or two claims merge into one, the data folder's ``renamed.json``
maps each retired id to the id that replaced it (``{"old": "new"}``), and
``rknk show OLD`` shows the claim under its new id.

The file is optional and read only when a lookup misses: every other lookup
costs nothing more. ``rknk validate`` checks it against the claims.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from rknk import jsonfile
from rknk.errors import DataError, Problem

FILE_NAME = "renamed.json"


def _parse(root: Path) -> tuple[Any, str] | Problem | None:
    """The parsed file and its text, a syntax problem, or None when there is no file."""
    path = root / FILE_NAME
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        return Problem(FILE_NAME, f"cannot read: {error.strerror or error}")
    return jsonfile.load(content, FILE_NAME)


def resolve(root: Path, claim_id: str) -> str | None:
    """The id that replaced ``claim_id`` in the folder at ``root``, or None if it was never renamed.

    Raises :class:`DataError` when the file exists but cannot be read as a JSON object.
    """
    parsed = _parse(root)
    if parsed is None:
        return None
    if isinstance(parsed, Problem):
        raise DataError(f"{parsed}; run 'rknk validate {root}'")
    renamed, _ = parsed
    if not isinstance(renamed, dict):
        raise DataError(f"{FILE_NAME}: expected a JSON object of old id to new id; run 'rknk validate {root}'")
    new_id = renamed.get(claim_id)
    return new_id if isinstance(new_id, str) else None


def problems(root: Path, claim_ids: Collection[str]) -> list[Problem]:
    """Everything wrong with the folder's ``renamed.json``, given the ids its claims use.

    Each entry must map an id no claim uses any more to the id of an existing
    claim, directly: a new id that is itself renamed would make a chain (or,
    looping back, a cycle) that ``show`` would have to follow.
    """
    from pydantic import TypeAdapter, ValidationError

    from rknk.models import Renamed

    parsed = _parse(root)
    if parsed is None:
        return []
    if isinstance(parsed, Problem):
        return [parsed]
    value, text = parsed
    try:
        renamed = TypeAdapter(Renamed).validate_python(value)
    except ValidationError as error:
        return [
            Problem(FILE_NAME, detail["msg"], path=".".join(str(part) for part in detail["loc"]) or None)
            for detail in error.errors(include_url=False)
        ]
    found = []
    for old, new in renamed.items():
        offset = text.find(f'"{old}"')
        line, column = jsonfile.position(text, offset) if offset >= 0 else (None, None)

        def report(message: str, old: str = old, line: int | None = line, column: int | None = column) -> None:
            found.append(Problem(FILE_NAME, message, line, column, path=old))

        if old in claim_ids:
            report(f"'{old}' is renamed but a claim still uses it as its id")
        if new == old:
            report("an id cannot be renamed to itself")
        elif new in renamed:
            report(f"renamed to '{new}', which is renamed again; point it at the final id")
        elif new not in claim_ids:
            report(f"renamed to '{new}', which is no claim's id")
    return found
