"""Writing a file so that a partial one never takes its final name.

The content is written to a new temporary file in the same folder (created
exclusively and not through a symbolic link, so nothing else's file is reused), flushed to disk, and only then
given the final name: with ``os.replace`` when overwriting is allowed, with a
hard link otherwise, which fails if a file of that name appeared meanwhile.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from rknk.errors import RknkError, UsageError


def check_target(path: Path, *, force: bool) -> None:
    """Refuse a target that exists (unless ``force``) or that is not a regular file's place.

    Raises :class:`UsageError` naming the path and what to do.
    """
    if path.is_dir():
        raise UsageError(f"'{path}' is a folder; give a file name")
    if (path.exists() or path.is_symlink()) and not force:
        raise UsageError(f"'{path}' already exists; use --force to replace it")
    if not path.parent.is_dir():
        state = "is not a folder" if path.parent.exists() else "does not exist"
        raise UsageError(f"'{path.parent}' {state}; cannot create '{path.name}' in it")


def write_atomically(path: Path, fill: Callable[[Path], None], *, force: bool) -> None:
    """Create ``path`` by calling ``fill`` on a temporary file beside it, then renaming it.

    ``fill`` writes the whole content to the path it is given. If it raises, the
    temporary file is removed and ``path`` is untouched. Raises :class:`UsageError`
    if ``path`` exists and ``force`` is false, :class:`RknkError` if the folder
    cannot be written.
    """
    check_target(path, force=force)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        # Exclusive and not through a link; mode 0o666 less the umask, as any new file.
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666))
    except OSError as error:
        raise RknkError(f"cannot write in '{path.parent}': {error.strerror or error}") from None
    try:
        fill(temporary)
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        if force:
            temporary.replace(path)
        else:
            _link_no_clobber(temporary, path)
    except OSError as error:
        raise RknkError(f"cannot write '{path}': {error.strerror or error}") from None
    finally:
        temporary.unlink(missing_ok=True)


def _link_no_clobber(temporary: Path, path: Path) -> None:
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise UsageError(f"'{path}' already exists; use --force to replace it") from None
    except OSError:
        # Some file systems have no hard links: fall back to a checked rename.
        if path.exists():
            raise UsageError(f"'{path}' already exists; use --force to replace it") from None
        temporary.replace(path)
