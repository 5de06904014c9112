"""Where rknk keeps its index, and whether that place can be trusted.

The index is derived data: losing it only costs speed. So every question here
has a safe answer of "no cache". The folder is ``RKNK_CACHE_DIR``, else
``$XDG_CACHE_HOME/rknk`` (only an absolute ``XDG_CACHE_HOME`` counts, as the XDG
spec says), else ``~/.cache/rknk``; with no home folder there is no cache.

A folder or file that another user owns, or that others may write, could feed
rknk a forged index; it is not used. rknk creates the folder ``0700`` and its
files ``0600``, never follows a symlink at an index path and never opens
anything there that is not a regular file. Why a cache was not used is said
once on stderr when ``RKNK_DEBUG`` is set, and never otherwise: it is not the
user's problem.
"""

from __future__ import annotations

import os
import stat
import sys
from contextlib import suppress
from pathlib import Path

CACHE_ENV = "RKNK_CACHE_DIR"
NO_CACHE_ENV = "RKNK_NO_CACHE"
DEBUG_ENV = "RKNK_DEBUG"
#: Values of ``RKNK_NO_CACHE`` that turn the cache off (any case). Anything
#: else, ``0``, ``false`` or empty included, leaves it on.
NO_CACHE_VALUES = frozenset({"1", "true", "yes", "on"})

_said: set[str] = set()


def note(message: str) -> None:
    """Say why the cache is not used, once per process, and only with ``RKNK_DEBUG`` set."""
    if not os.environ.get(DEBUG_ENV) or message in _said:
        return
    _said.add(message)
    try:
        # Undecodable bytes of a path (surrogate escapes) show as \xff.
        shown = message.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        sys.stderr.write(f"rknk: note: {shown}\n")
    except (OSError, ValueError):
        pass  # a closed stderr does not change what rknk answers


def disabled() -> bool:
    """True if ``RKNK_NO_CACHE`` asks for no cache (see :data:`NO_CACHE_VALUES`)."""
    return os.environ.get(NO_CACHE_ENV, "").strip().lower() in NO_CACHE_VALUES


def location() -> Path | None:
    """The cache folder the environment names, or None when there is none."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).absolute()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "rknk"
    # os.path.expanduser, unlike Path.home(), answers "~" instead of raising
    # when there is no HOME and no password entry (an arbitrary UID in a container).
    home = Path(os.path.expanduser("~"))  # noqa: PTH111
    if not home.is_absolute():
        note("no home folder; working without a cache")
        return None
    return home / ".cache" / "rknk"


def _trusted(info: os.stat_result) -> bool:
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def folder() -> Path | None:
    """The cache folder, created ``0700`` if missing; None if it is off, absent or not trusted."""
    if disabled():
        return None
    path = location()
    if path is None:
        return None
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.stat()
    except OSError as error:
        note(f"cannot use cache folder {path}: {error.strerror or error}")
        return None
    if not stat.S_ISDIR(info.st_mode):
        note(f"cache folder {path} is not a folder; working without a cache")
        return None
    if not _trusted(info):
        note(f"cache folder {path} belongs to another user or others may write to it; working without a cache")
        return None
    if info.st_mode & 0o077:
        with suppress(OSError):  # ours, but readable by others (made by an older rknk or by hand): close it
            path.chmod(0o700)
    return path


def usable_file(path: Path) -> bool:
    """True if ``path`` is a regular file of ours that others cannot write, without opening it.

    Anything else at the path (a symlink, FIFO, device, folder, another user's
    file) is removed when possible, so that a rebuilt index can take its place;
    rknk never opens it.
    """
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if stat.S_ISREG(info.st_mode) and _trusted(info):
        return True
    note(f"{path} is not a private regular file; it is ignored and replaced")
    if not stat.S_ISDIR(info.st_mode):
        with suppress(OSError):
            path.unlink()
    return False


def new_file(folder: Path, prefix: str) -> Path:
    """Create an empty private file in ``folder`` that did not exist before, and return its path.

    Created with ``O_EXCL | O_NOFOLLOW`` and mode ``0600``, so nothing already
    there (a planted symlink included) is ever written through. Raises OSError.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    for attempt in range(100):
        path = folder / f"{prefix}.{os.getpid()}.{attempt}.tmp"
        try:
            descriptor = os.open(path, flags, 0o600)
        except FileExistsError:
            continue
        os.close(descriptor)
        return path
    raise FileExistsError(f"no free temporary name in {folder}")


#: A temporary file older than this was left by a run that was killed.
STALE_SECONDS = 3600


def remove_stale(folder: Path, prefix: str) -> None:
    """Remove temporary files of :func:`new_file` with this prefix left by killed runs."""
    import time

    limit = time.time() - STALE_SECONDS
    with suppress(OSError):
        for path in folder.glob(f"{prefix}.*.tmp"):
            with suppress(OSError):
                info = path.lstat()
                if info.st_mtime < limit and info.st_uid == os.getuid():
                    path.unlink()
