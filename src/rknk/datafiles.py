"""Finding and reading the files of a data folder, trusting none of them.

A data folder holds ``sources.json``, ``actors.json``, ``topics.json`` and
``claims/*.json``. Only regular files are read: a FIFO would block forever
and a link to ``/dev/zero`` would never end, so each file is opened without
blocking and checked after opening, and a file over :data:`MAX_FILE_BYTES` is
refused by name. Hidden files in ``claims/`` (``.x.json``, an editor's lock
link ``.#x.json``) are not data and are skipped.

Paths are used as the operating system gives them, so a folder or file name
that is not valid UTF-8 works; messages show its odd bytes as ``\\xff``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from rknk.errors import DataError

REGISTRY_FILES = ("sources.json", "actors.json", "topics.json")
#: The largest data file rknk reads: far above any curated file (the bundled
#: ones are 40 kB), far below what would exhaust memory.
MAX_FILE_BYTES = 128 * 1024 * 1024


class Signature(NamedTuple):
    """What the file system says about a file, as git's index keeps it. A file
    whose signature is unchanged has unchanged bytes; an edit that restores
    size and mtime still moves ctime."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int

    @classmethod
    def of(cls, info: os.stat_result) -> Signature:
        return cls(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def shown(path: str | os.PathLike[str]) -> str:
    """A path as text for a message. Bytes the file system's encoding cannot decode stay
    surrogate escapes, which the one place messages are printed shows as ``\\xff``."""
    return os.fsdecode(path)


def list_folder(root: Path) -> list[tuple[str, Path]]:
    """Every data file of a folder as ``(relative name, path)``: registries first, then claims by name.

    Raises :class:`DataError` if the folder or its ``claims/`` folder is missing or unreadable.
    """
    claims_dir = root / "claims"
    try:
        if not root.exists():
            raise DataError(f"data folder '{shown(root)}' does not exist")
        if not root.is_dir():
            raise DataError(f"data folder '{shown(root)}' is not a folder")
        if not claims_dir.is_dir():
            raise DataError(f"data folder '{shown(root)}' has no claims/ folder")
        # scandir, not glob: glob skips a folder it may not read, which would
        # silently load no claims at all.
        with os.scandir(claims_dir) as entries:
            names = [e.name for e in entries if e.name.endswith(".json") and not e.name.startswith(".")]
    except OSError as error:
        raise DataError(f"cannot read data folder '{shown(root)}': {error.strerror or error}") from None
    names.sort(key=os.fsencode)
    return [(name, root / name) for name in REGISTRY_FILES] + [(f"claims/{n}", claims_dir / n) for n in names]


def signature(path: Path) -> Signature | None:
    """The file's signature, or None if it cannot be seen (then it is read, and fails there)."""
    try:
        return Signature.of(path.stat())
    except OSError:
        return None


def read_file(path: Path, name: str) -> tuple[bytes, Signature]:
    """Read one data file and the signature it had when read.

    Raises :class:`DataError` naming ``name`` if it is missing, not a regular
    file, larger than :data:`MAX_FILE_BYTES` or unreadable.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        root = path.parents[name.count("/")]
        raise DataError(f"data folder '{shown(root)}' has no {shown(name)}") from None
    except OSError as error:
        raise DataError(f"cannot read '{shown(path)}': {error.strerror or error}") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise DataError(f"'{shown(path)}' is not a regular file; a data file must be one")
        if info.st_size > MAX_FILE_BYTES:
            raise DataError(
                f"'{shown(path)}' is {info.st_size / 2**20:.0f} MB; "
                f"the limit is {MAX_FILE_BYTES // 2**20} MB per data file (split it into several)"
            )
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            content = stream.read(MAX_FILE_BYTES + 1)
        if len(content) > MAX_FILE_BYTES:  # it grew while being read
            raise DataError(f"'{shown(path)}' is over the limit of {MAX_FILE_BYTES // 2**20} MB per data file")
        return content, Signature.of(info)
    except OSError as error:
        raise DataError(f"cannot read '{shown(path)}': {error.strerror or error}") from None
    finally:
        os.close(descriptor)


def read_folder(root: Path) -> list[tuple[str, bytes]]:
    """Read every data file of a folder as ``(printable relative name, bytes)``, registries first.

    Raises :class:`DataError` if the folder or a required file is missing or unreadable.
    """
    return [(shown(name), read_file(path, name)[0]) for name, path in list_folder(root)]
