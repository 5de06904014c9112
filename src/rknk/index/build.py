"""Writing data files into the index: validated one file at a time, so memory stays flat.

A cold build writes every file into an empty index; an update replaces the
rows of the claims files that changed. Both validate exactly what ``rknk
validate`` checks: the registries first, then each claims file against them
(schema, references, ids unique across files), then the ``related`` links
across the whole folder in one query. Any problem aborts the write with a
:class:`DataError`, so an index only ever holds a valid folder.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import count, islice, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from rknk.datafiles import REGISTRY_FILES, read_file, shown
from rknk.errors import DataError, Problem
from rknk.index import schema
from rknk.index.prepare import Context, Prepared, prepare
from rknk.index.rows import actor_texts, parties_of
from rknk.index.schema import RACY_NS
from rknk.index.staging import Staging

try:
    from _blake2 import blake2b
except ImportError:  # other Python implementations
    from hashlib import blake2b


#: The order of a claim's rank, which the date index holds.
_BY_DATE = "ORDER BY first, last, id"


def _chunks(items: Sequence[Any], size: int = 900) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Writer:
    """Writes validated files into an open index connection, inside the caller's transaction."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        root: Path,
        started_ns: int,
        *,
        cold: bool = False,
        staging: Staging | None = None,
    ) -> None:
        from rknk.validate import References
        from rknk.words import demonyms

        self.db = connection
        #: A cold build writes into an empty index, with no secondary indexes yet.
        self.cold = cold
        #: A cold build may hold the documents in a staging file, which
        #: :meth:`finish` copies into ``documents`` in date order.
        self.staging = staging
        self.root = root
        self.started_ns = started_ns
        self.problems: list[Problem] = []
        self.invalid_ids: set[str] = set()
        self.new_claims: list[int] = []
        registry = {kind: [json.loads(text) for (text,) in self._registry(kind)] for kind in schema_kinds()}
        topics = {topic["id"]: topic for topic in registry["topics"]}
        self.context = Context(
            topics,
            actor_texts(registry["actors"]),
            References(
                frozenset(a["id"] for a in registry["actors"]),
                frozenset(topics),
                frozenset(s["id"] for s in registry["sources"]),
            ),
            parties_of(registry["actors"], demonyms()),
        )
        numbers, slots = self.db.execute("SELECT max(number), max(slot) FROM claims").fetchone()
        self.next_number = (numbers or 0) + 1
        self.next_slot = (slots or 0) + 1

    def _registry(self, kind: str) -> Iterable[tuple[str]]:
        return self.db.execute("SELECT json FROM registry WHERE kind = ? ORDER BY position", (kind,))

    def _record_file(self, prepared: Prepared) -> int:
        signature = prepared.signature
        racy = self.started_ns - max(signature.mtime_ns, signature.ctime_ns) < RACY_NS
        row = (os_name(prepared.name), *signature, int(racy), prepared.digest)
        self.db.execute(
            "INSERT INTO files (name, size, mtime_ns, ctime_ns, inode, device, racy, digest) VALUES (?,?,?,?,?,?,?,?)",
            row,
        )
        return int(self.db.execute("SELECT number FROM files WHERE name = ?", (row[0],)).fetchone()[0])

    def remove_file(self, number: int) -> list[str]:
        """Delete a file's rows; return the ids of the claims it held."""
        db = self.db
        ids = [claim_id for (claim_id,) in db.execute("SELECT id FROM claims WHERE file = ?", (number,))]
        for table in ("claim_actors", "claim_sources", "related"):
            db.execute(f"DELETE FROM {table} WHERE claim IN (SELECT number FROM claims WHERE file = ?)", (number,))
        db.execute("DELETE FROM documents WHERE slot IN (SELECT slot FROM claims WHERE file = ?)", (number,))
        db.execute("DELETE FROM texts WHERE number IN (SELECT number FROM claims WHERE file = ?)", (number,))
        db.execute("DELETE FROM claims WHERE file = ?", (number,))
        keys = (number * schema.FILE_KEYS, (number + 1) * schema.FILE_KEYS)
        db.execute(
            "UPDATE vocabulary SET files = files - 1"
            " WHERE word IN (SELECT word FROM postings WHERE key >= ? AND key < ?)",
            keys,
        )
        db.execute("DELETE FROM vocabulary WHERE files <= 0")
        db.execute("DELETE FROM postings WHERE key >= ? AND key < ?", keys)
        db.execute("DELETE FROM files WHERE number = ?", (number,))
        return ids

    def add_claims_file(self, name: str, path: Path, *, count_words: bool) -> int:
        """Prepare one claims file here and write it (see :meth:`write`)."""
        return self.write(prepare(name, path, self.context), count_words=count_words)

    def write(self, prepared: Prepared, *, count_words: bool) -> int:
        """Write a prepared claims file's rows; return how many claims it held.

        Problems, the file's own and ids it shares with files already written,
        are collected in :attr:`problems`; a file with any is not written.
        ``count_words`` keeps the vocabulary up to date as it goes (an update);
        a cold build counts every word once at the end instead.
        """
        where = shown(prepared.name)
        self.invalid_ids |= prepared.invalid_ids
        problems = prepared.problems
        for chunk in _chunks(prepared.ids):
            marks = ",".join("?" * len(chunk))
            for claim_id, file_name in self.db.execute(
                f"SELECT c.id, f.name FROM claims c JOIN files f ON f.number = c.file WHERE c.id IN ({marks})", chunk
            ):
                message = f"duplicate claim id, first defined in {shown(os.fsdecode(file_name))}"
                problems.append(Problem(where, message, path="id", claim=claim_id))
        if problems:
            self.problems.extend(problems)
            return len(prepared.ids)
        base = self.next_number
        self.next_number += len(prepared.ids)
        if not self.cold:  # in a cold build, every claim is new
            self.new_claims.extend(range(base, self.next_number))
        file_number = self._record_file(prepared)
        db = self.db
        # Staged, a document's provisional slot is its claim's number; else the next free slots.
        slots = base if self.staging else self.next_slot
        self.next_slot = max(self.next_slot, slots + len(prepared.ids))
        p = prepared
        db.executemany(
            "INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?)",
            zip(
                count(base), p.ids, repeat(file_number), count(), p.firsts, p.lasts, p.topics, p.statuses, count(slots)
            ),
        )
        if self.staging:
            self.staging.add(base, p.documents)
        else:
            db.executemany("INSERT INTO documents VALUES (?,?)", zip(count(slots), p.documents))
        for table, (positions, values) in (
            ("claim_actors", p.actors),
            ("claim_sources", p.sources),
            ("related", p.related),
        ):
            db.executemany(f"INSERT INTO {table} VALUES (?,?)", zip(map(base.__add__, positions), values, strict=True))
        db.executemany("INSERT INTO texts VALUES (?,?,?,?)", zip(count(base), p.texts, p.others, p.names))
        db.executemany("INSERT INTO postings VALUES (?,?,?,?)", _postings(file_number, base, p))
        if count_words:
            db.executemany(
                "INSERT INTO vocabulary VALUES (?, 1) ON CONFLICT (word) DO UPDATE SET files = files + 1",
                zip(p.words),
            )
        return len(prepared.ids)

    def check_related(self, removed: Iterable[str]) -> None:
        """Report ``related`` links to claims that do not exist: from the claims just
        written, and from any claim to the ``removed`` ids."""
        db = self.db
        links = "related r"
        if not self.cold:  # not every claim is new: only some links to check
            links = "checked k JOIN related r ON r.claim = k.claim"
            db.execute("CREATE TEMP TABLE IF NOT EXISTS checked (claim INTEGER PRIMARY KEY)")
            db.execute("DELETE FROM checked")
            db.executemany("INSERT OR IGNORE INTO checked VALUES (?)", ((n,) for n in self.new_claims))
            for chunk in _chunks(list(dict.fromkeys(removed))):
                marks = ",".join("?" * len(chunk))
                db.execute(f"INSERT OR IGNORE INTO checked SELECT claim FROM related WHERE target IN ({marks})", chunk)
        broken = db.execute(
            f"""SELECT c.id, c.slot, r.target, f.name FROM {links}
               JOIN claims c ON c.number = r.claim JOIN files f ON f.number = c.file
               WHERE NOT EXISTS (SELECT 1 FROM claims t WHERE t.id = r.target) ORDER BY c.number"""
        ).fetchall()
        for claim_id, slot, target, file_name in broken:
            if target in self.invalid_ids:
                continue
            if self.staging:
                text = self.staging.document(slot)
            else:
                (text,) = db.execute("SELECT json FROM documents WHERE slot = ?", (slot,)).fetchone()
            position = json.loads(text)["related"].index(target)
            self.problems.append(
                Problem(
                    shown(os.fsdecode(file_name)),
                    f"unknown claim '{target}'",
                    path=f"related[{position}]",
                    claim=claim_id,
                )
            )

    def finish(self) -> None:
        """Raise the problems found, if any; else store the claims' chronological ranks
        and their documents' slots (after moving staged documents into date order).

        A cold build creates the date index here, first of its secondary indexes,
        and reads the ranks from it; :func:`create_indexes` creates the others.
        """
        if self.problems:
            first = self.problems[0]
            more = len(self.problems) - 1
            extra = f" (and {more} more)" if more else ""
            root = shown(self.root)
            raise DataError(
                f"data in '{root}' is invalid: {first}{extra}; run 'rknk validate {root}' for every problem",
                tuple(self.problems),
            )
        db = self.db
        if self.cold:
            db.execute(schema.DATE_INDEX)
        top = db.execute("SELECT max(number) FROM claims").fetchone()[0] or 0
        ranks = array("q", bytes(8 * (top + 1)))
        if self.staging:
            # The staged claims are numbered 1 to top. Each one's slot becomes 1 + its
            # rank: the documents are read out of staging in date order and appended,
            # so they are stored in that order. The order is read from the date index.
            order = array("q", map(itemgetter(0), db.execute(f"SELECT number FROM claims {_BY_DATE}")))
            for rank, number in enumerate(order):
                ranks[number] = rank
            slots = array("q", map((1).__add__, ranks))
            slots[0] = 0
            db.executemany("INSERT INTO documents VALUES (?, ?)", self.staging.in_order(order))
            db.executemany("UPDATE claims SET slot = ? WHERE number = ?", zip(islice(slots, 1, None), count(1)))
        else:
            slots = array("q", bytes(8 * (top + 1)))
            for rank, (number, slot) in enumerate(db.execute(f"SELECT number, slot FROM claims {_BY_DATE}")):
                ranks[number] = rank
                slots[number] = slot
        db.execute("INSERT OR REPLACE INTO meta VALUES ('ranks', ?)", (ranks.tobytes(),))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('slots', ?)", (slots.tobytes(),))


def _postings(file_number: int, base: int, prepared: Prepared) -> Iterator[tuple[int, str, bytearray, bytearray]]:
    """A prepared file's ``postings`` rows, keyed from ``file_number`` times
    :data:`schema.FILE_KEYS`, its positions made claim numbers by adding ``base``."""
    # bytearray, not bytes: the sqlite3 module binds it as a blob at once, where
    # for bytes it first looks for an adapter, which costs more than the insert.
    numbers = bytearray(_shifted(prepared.positions.tobytes(), base))
    fields = bytearray(prepared.fields)
    end = 0
    words = zip(prepared.words, prepared.counts, strict=True)
    for key, (word, held) in enumerate(words, file_number * schema.FILE_KEYS):
        start, end = end, end + held
        yield key, word, numbers[8 * start : 8 * end], fields[start:end]


def _shifted(numbers: bytes, base: int) -> bytes:
    """Packed 64-bit integers (``array("q")`` bytes), each plus ``base``.

    Read as one big integer, the array is a sum of its items at every 64th bit;
    adding ``base`` at every 64th bit adds it to each item, in one addition in C
    instead of one per item. No item carries into the next: items and results are
    positive and below 2**63.
    """
    items = len(numbers) // 8
    if not items or not base:
        return numbers
    order = sys.byteorder
    spread = int.from_bytes(base.to_bytes(8, order) * items, order)
    return (int.from_bytes(numbers, order) + spread).to_bytes(len(numbers), order)


def schema_kinds() -> tuple[str, ...]:
    return tuple(name.removesuffix(".json") for name in REGISTRY_FILES)


def os_name(name: str) -> bytes:
    """A data file's relative name as the bytes the file system holds."""
    return os.fsencode(name)


def write_registries(db: sqlite3.Connection, root: Path, started_ns: int) -> None:
    """Validate the registries and write them, with their signatures, into an empty index.

    Raises :class:`DataError` if they are invalid.
    """
    from rknk.validate import validate_registries

    read = [(name, *read_file(root / name, name)) for name in REGISTRY_FILES]
    records = validate_registries([(name, content) for name, content, _ in read])
    if records.problems:
        first = records.problems[0]
        more = len(records.problems) - 1
        extra = f" (and {more} more)" if more else ""
        raise DataError(
            f"data in '{shown(root)}' is invalid: {first}{extra}; run 'rknk validate {shown(root)}' for every problem",
            tuple(records.problems),
        )
    for kind, items in (("sources", records.sources), ("actors", records.actors), ("topics", records.topics)):
        db.executemany(
            "INSERT INTO registry VALUES (?,?,?,?)",
            ((kind, position, item["id"], json.dumps(item, ensure_ascii=False)) for position, item in enumerate(items)),
        )
    for name, content, signature in read:
        racy = started_ns - max(signature.mtime_ns, signature.ctime_ns) < RACY_NS
        db.execute(
            "INSERT INTO files (name, size, mtime_ns, ctime_ns, inode, device, racy, digest) VALUES (?,?,?,?,?,?,?,?)",
            (os_name(name), *signature, int(racy), blake2b(content).digest()),
        )


def create(db: sqlite3.Connection) -> None:
    """Create the tables of an empty index (its secondary indexes come with :func:`create_indexes`)."""
    db.execute(f"PRAGMA page_size = {schema.PAGE_SIZE}")
    for statement in schema.TABLES:
        db.execute(statement)


def create_indexes(db: sqlite3.Connection) -> None:
    """Create the secondary indexes of a cold build but its date index (see
    :meth:`Writer.finish`), and count its vocabulary."""
    for statement in schema.INDEXES[:-1]:
        db.execute(statement)
    db.execute("INSERT INTO vocabulary SELECT word, count(*) FROM postings GROUP BY word")
    db.execute(schema.INDEXES[-1])
    store_actor_claims(db)


def store_actor_claims(db: sqlite3.Connection, actors: Iterable[str] | None = None) -> None:
    """Write the ``actor_claims`` rows of ``actors`` again (of every actor if None) from
    ``claim_actors``: after a cold build, and after an update for the actors it touched."""
    if actors is None:
        db.execute("DELETE FROM actor_claims")
        db.execute("INSERT INTO actor_claims " + schema.ACTOR_CLAIMS.format(""))
        return
    listed = json.dumps(sorted(set(actors)))
    db.execute("DELETE FROM actor_claims WHERE actor IN (SELECT value FROM json_each(?))", (listed,))
    db.execute(
        "INSERT INTO actor_claims " + schema.ACTOR_CLAIMS.format("WHERE actor IN (SELECT value FROM json_each(?))"),
        (listed,),
    )
