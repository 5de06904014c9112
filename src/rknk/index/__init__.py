"""The embedded index: an SQLite file per data folder that lookups open instead of the data.

:func:`open_index` returns an index that matches the data folder as it is
now. It decides the way git decides which files changed:

* every data file's signature (size, mtime and ctime in nanoseconds, inode,
  device) is compared with the one stored when it was read; a file whose
  signature is unchanged is not read. A file read within :data:`RACY_NS` of
  its last change is compared by content hash as well, because a coarse file
  system clock could hide a second change.
* changed, new and removed claims files are re-validated and their rows
  replaced in one transaction; a change to a registry, to the validating code
  or to a library it validates with, or an index that is corrupt, foreign or
  of another format, means a cold build.

A cold build writes a new file created exclusively in the private cache
folder, then renames it over the old one, so readers and concurrent builders
always see a whole index. Anything that stops the cache from working (no
home folder, a read-only or full disk, an untrusted folder) only costs
speed: the index is then built in memory for this run.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import NamedTuple

from rknk import cache
from rknk.datafiles import REGISTRY_FILES, list_folder, read_file, shown, signature
from rknk.errors import DataError
from rknk.index.reader import Index
from rknk.index.schema import RACY_NS, code_key

try:
    from _blake2 import blake2b
except ImportError:  # other Python implementations
    from hashlib import blake2b

__all__ = ["RACY_NS", "Index", "open_index"]

#: Called after each claims file of a cold build with its claim count and name.
Advance = Callable[[int, str], None]
#: Show a progress bar (on a terminal) when a cold build reads more than this.
PROGRESS_BYTES = 4 * 1024 * 1024


class _Changes(NamedTuple):
    """Claims files to (re)write, stored files to drop, and whether a registry changed;
    also racy files found unchanged and now old enough to trust their signature again."""

    write: list[tuple[str, Path]]
    drop: list[int]
    registries: bool
    settled: list[int]

    def __bool__(self) -> bool:
        return bool(self.write or self.drop or self.registries)


#: Page cache of a connection that writes (KiB, as SQLite takes a negative size): the
#: indexes of a table (postings by word, claims by date) are updated all over their
#: B-trees as rows come in, and a small cache would read the same pages again and again.
WRITE_CACHE_KIB = 65536


def _connect(path: str | Path) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)


def _folder_key(root: Path) -> str:
    return blake2b(os.fsencode(root.absolute()), digest_size=12).hexdigest()


def _is_current(db: sqlite3.Connection, root: Path, key: str) -> bool:
    meta = dict(db.execute("SELECT key, value FROM meta WHERE key IN ('code', 'root')").fetchall())
    return meta.get("code") == key and meta.get("root") == os.fsencode(root.absolute())


def _changes(db: sqlite3.Connection, listing: list[tuple[str, Path]]) -> _Changes:
    stored = {
        bytes(name): (number, (size, mtime, ctime, inode, device), racy, digest)
        for number, name, size, mtime, ctime, inode, device, racy, digest in db.execute(
            "SELECT number, name, size, mtime_ns, ctime_ns, inode, device, racy, digest FROM files"
        )
    }
    write: list[tuple[str, Path]] = []
    drop: list[int] = []
    settled: list[int] = []
    registries = False
    for name, path in listing:
        entry = stored.pop(os.fsencode(name), None)
        now = signature(path)
        same = entry is not None and now is not None and tuple(now) == entry[1]
        if same and entry is not None and now is not None and entry[2]:
            same = _digest(path, name) == bytes(entry[3])
            if same and time.time_ns() - max(now.mtime_ns, now.ctime_ns) >= RACY_NS:
                settled.append(entry[0])
        if not same:
            if name in REGISTRY_FILES:
                registries = True
            write.append((name, path))
            if entry is not None:
                drop.append(entry[0])
    drop.extend(entry[0] for entry in stored.values())
    return _Changes(write, drop, registries, settled)


def _digest(path: Path, name: str) -> bytes | None:
    try:
        return blake2b(read_file(path, name)[0]).digest()
    except DataError:
        return None


def open_index(root: Path) -> Index:
    """An index matching the data folder ``root`` as it is now, validating what changed.

    Raises :class:`DataError` if the folder is missing, unreadable or invalid.
    """
    started = time.time_ns()
    listing = list_folder(root)
    key = code_key()
    folder = cache.folder()
    if folder is None:
        return _in_memory(root, listing, key, started)
    path = folder / f"{_folder_key(root)}.sqlite"
    if cache.usable_file(path):
        index = _reuse(path, root, listing, key, started)
        if index is not None:
            return index
    cache.remove_stale(folder, path.name)
    try:
        temporary = cache.new_file(folder, path.name)
    except OSError as error:
        cache.note(f"cannot write in cache folder {shown(folder)}: {error.strerror or error}")
        return _in_memory(root, listing, key, started)
    staging: Path | None = None
    try:
        staging = cache.new_file(folder, path.name)
        db = _connect(temporary)
        try:
            _cold_build(db, root, listing, key, started, staging=staging)
        finally:
            db.close()
        temporary.replace(path)
    except (OSError, sqlite3.Error) as error:
        _remove(temporary)
        cache.note(f"cannot write the index in {shown(folder)}: {error}; working from memory")
        return _in_memory(root, listing, key, started)
    except BaseException:  # invalid data, Ctrl-C: leave nothing half-written behind
        _remove(temporary)
        raise
    finally:
        if staging is not None:
            _remove(staging)
    return Index(_connect(path), root)


def _reuse(path: Path, root: Path, listing: list[tuple[str, Path]], key: str, started: int) -> Index | None:
    """The index at ``path`` brought up to date, or None if it must be rebuilt."""
    db: sqlite3.Connection | None = None
    try:
        db = _connect(path)
        if not _is_current(db, root, key):
            db.close()
            return None
        changes = _changes(db, listing)
        if not changes:
            if changes.settled:
                with suppress(sqlite3.Error):  # only saves hashing them next time
                    db.executemany("UPDATE files SET racy = 0 WHERE number = ?", [(n,) for n in changes.settled])
            return Index(db, root)
        if changes.registries:
            db.close()
            return None
        db.execute("BEGIN IMMEDIATE")
        try:
            changes = _changes(db, listing)  # another process may have updated it meanwhile
            if changes.registries:
                db.execute("ROLLBACK")
                db.close()
                return None
            if changes:
                _update(db, root, changes, started)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return Index(db, root)
    except DataError:
        if db is not None:
            db.close()
        raise
    except (sqlite3.Error, OSError) as error:
        if db is not None:
            db.close()
        cache.note(f"index {shown(path)} cannot be used ({error}); rebuilding it")
        return None


def _update(db: sqlite3.Connection, root: Path, changes: _Changes, started: int) -> None:
    from rknk.index.build import Writer, store_actor_claims

    db.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
    writer = Writer(db, root, started)
    removed: list[str] = []
    # The actors of the claims removed or written: their rows of actor_claims are written again.
    touched = _actors_of(db, "SELECT number FROM claims WHERE file IN (SELECT value FROM json_each(?))", changes.drop)
    for number in changes.drop:
        removed.extend(writer.remove_file(number))
    for name, path in changes.write:
        writer.add_claims_file(name, path, count_words=True)
    writer.check_related(removed)
    writer.finish()
    touched |= _actors_of(db, "SELECT value FROM json_each(?)", writer.new_claims)
    store_actor_claims(db, touched)


def _actors_of(db: sqlite3.Connection, numbers: str, values: list[int]) -> set[str]:
    """The actors of the claims whose numbers the query ``numbers`` selects from the JSON array of ``values``."""
    rows = db.execute(f"SELECT DISTINCT actor FROM claim_actors WHERE claim IN ({numbers})", (json.dumps(values),))
    return {actor for (actor,) in rows}


def _cold_build(
    db: sqlite3.Connection,
    root: Path,
    listing: list[tuple[str, Path]],
    key: str,
    started: int,
    *,
    staging: Path | None,
) -> None:
    """Build the index of ``root`` into an empty database.

    With ``staging`` (a private new file beside it) the build is a file's:
    no journal, as the file is renamed into place only when complete; worker
    processes for a large folder; documents stored in date order (see
    :mod:`rknk.index.staging`). Without, it is an in-memory build.
    """
    from rknk.index import build, prepare
    from rknk.index.staging import Staging

    if staging is not None:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
    db.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
    documents = Staging(staging) if staging is not None else None
    try:
        db.execute("BEGIN")
        build.create(db)
        build.write_registries(db, root, started)
        writer = build.Writer(db, root, started, cold=True, staging=documents)
        claims_files = [(name, path) for name, path in listing if name not in REGISTRY_FILES]
        size = sum((signature(path) or (0,))[0] for _, path in claims_files)
        workers = prepare.workers_for(len(claims_files), size) if staging is not None else 0
        with _progress(claims_files) as advance, prepare.collector_paused():
            for prepared in prepare.prepare_all(claims_files, writer.context, workers):
                advance(writer.write(prepared, count_words=False), prepared.name)
        writer.check_related(())
        writer.finish()
    finally:
        if documents is not None:
            documents.close()
    build.create_indexes(db)
    db.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        [("code", key), ("root", os.fsencode(root.absolute())), ("built_ns", started)],
    )
    db.execute("COMMIT")


def _in_memory(root: Path, listing: list[tuple[str, Path]], key: str, started: int) -> Index:
    db = _connect(":memory:")
    _cold_build(db, root, listing, key, started, staging=None)
    return Index(db, root)


def _remove(path: Path) -> None:
    with suppress(OSError):
        path.unlink()


@contextmanager
def _progress(files: list[tuple[str, Path]]) -> Iterator[Advance]:
    """Report a cold build's progress on stderr, if it is a terminal and the build is large."""
    sizes = {name: (signature(path) or (0,))[0] for name, path in files}
    total = sum(sizes.values())
    if total < PROGRESS_BYTES or not sys.stderr.isatty():
        yield lambda claims, name: None
        return
    from rknk.index.progress import bar

    with bar(len(files), total) as step:
        yield lambda claims, name: step(claims, sizes[name])
