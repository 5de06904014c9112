"""Reading the embedded index: one claim, claims in date order under filters, and what search needs.

Every method reads only the rows it answers with, through the table's
B-tree indexes, so a lookup costs about the same for a hundred claims as for
a million. Claims bound for output (:meth:`Index.select`, :meth:`Index.by_number`)
come back as :class:`rknk.records.JsonRecord`, which keeps the JSON text the
index stores, so machine output writes it as it is; the others as plain dicts.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress
from operator import add, itemgetter
from pathlib import Path
from typing import Any, NamedTuple, cast

from rknk.records import ActorRecord, ClaimRecord, JsonRecord, SourceRecord, TopicRecord

#: Claims fetched per query when many are wanted by number.
_CHUNK = 500
#: The array type code of 4-byte unsigned numbers (``actor_claims`` writes claim numbers in 8 hex digits).
_UINT32 = next(code for code in "IL" if array(code).itemsize == 4)
#: Postings rows (one per data file) joined at a time.
_ROWS = 100
#: Page cache of a reading connection, in KiB: SQLite's own default, kept small on purpose.
#: A lookup reads most pages once (a candidate's text, a word's postings row), and a
#: larger cache takes fresh memory for each of them where a full small one reuses its
#: buffers: at a million claims a 64 MiB cache made the two-actor search 30% slower and
#: 60 MB larger. The inner pages of the B-trees stay in it, as every lookup passes them.
READ_CACHE_KIB = 2000


def _claim(text: str) -> ClaimRecord:
    """A claim kept as its JSON text, as machine output writes it (with ``date_start``
    and ``date_end``, see :func:`rknk.records.output_record`): for rows going straight to output."""
    return cast(ClaimRecord, JsonRecord(text))


def _parsed(text: str) -> ClaimRecord:
    """A claim as a plain dict of its own fields: for everything else."""
    record = json.loads(text)
    del record["date_start"], record["date_end"]
    return cast(ClaimRecord, record)


def _after(letter: str) -> str:
    """A text sorting after the words that begin with ``letter`` and before all others
    (SQLite compares UTF-8 bytes, which sort as code points do; surrogates are never stored)."""
    point = ord(letter) + 1
    if 0xD800 <= point < 0xE000:
        point = 0xE000
    return chr(point) if point <= sys.maxunicode else letter * 3


#: SQL over a ``claims`` row ``c`` and its document ``d`` for each question intent
#: (see :func:`rknk.search.corpus.holds`).
_HOLDING = {
    "date": "julianday(c.last) - julianday(c.first) < 31",
    "quantity": "json_array_length(d.json, '$.quantities') > 0",
    "claimant": "EXISTS (SELECT 1 FROM json_each(d.json, '$.claimants') k"
    " WHERE json_extract(k.value, '$.actor') IS NOT NULL)",
}


class Where(NamedTuple):
    """Which claims a lookup keeps. ``since`` and ``until`` are ISO days: a claim is kept
    if its span ends on or after ``since`` and starts on or before ``until``. Every actor
    group must share an actor with the claim, and every claimant group an actor among its
    claimants; any topic, source or status listed may match."""

    since: str | None = None
    until: str | None = None
    actor_groups: Iterable[Iterable[str]] = ()
    topics: Iterable[str] = ()
    sources: Iterable[str] = ()
    statuses: Iterable[str] = ()
    claimant_groups: Iterable[Iterable[str]] = ()

    def sql(self) -> tuple[str, list[str]]:
        """A WHERE clause over ``claims c`` and its values."""
        clauses: list[str] = []
        values: list[str] = []

        def any_of(template: str, items: Iterable[str]) -> None:
            listed = sorted(set(items))
            if listed:
                clauses.append(template.format(",".join("?" * len(listed))))
                values.extend(listed)

        if self.since is not None:
            clauses.append("last >= ?")
            values.append(self.since)
        if self.until is not None:
            clauses.append("first <= ?")
            values.append(self.until)
        any_of("topic IN ({})", self.topics)
        any_of("status IN ({})", self.statuses)
        any_of("EXISTS (SELECT 1 FROM claim_sources s WHERE s.claim = c.number AND s.source IN ({}))", self.sources)
        for group in self.actor_groups:
            any_of("EXISTS (SELECT 1 FROM claim_actors a WHERE a.claim = c.number AND a.actor IN ({}))", group)
        for group in self.claimant_groups:  # rare: read from the claim's own JSON
            any_of(
                "EXISTS (SELECT 1 FROM documents d, json_each(d.json, '$.claimants') k"
                " WHERE d.slot = c.slot AND json_extract(k.value, '$.actor') IN ({}))",
                group,
            )
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), values


class Index:
    """An open, current index of one data folder."""

    def __init__(self, connection: sqlite3.Connection, root: Path) -> None:
        self.db = connection
        connection.execute(f"PRAGMA cache_size = -{READ_CACHE_KIB}")
        self.root = root
        self._ranks: array[int] | None = None
        self._slots: array[int] | None = None
        self._letters: list[str] | None = None

    # -- registries and claims -------------------------------------------------

    def registry(self, kind: str) -> list[dict[str, Any]]:
        """``sources``, ``actors`` or ``topics``, in file order."""
        rows = self.db.execute("SELECT json FROM registry WHERE kind = ? ORDER BY position", (kind,))
        return [json.loads(text) for (text,) in rows]

    def sources(self) -> dict[str, SourceRecord]:
        return {item["id"]: cast(SourceRecord, item) for item in self.registry("sources")}

    def actors(self) -> dict[str, ActorRecord]:
        return {item["id"]: cast(ActorRecord, item) for item in self.registry("actors")}

    def topics(self) -> dict[str, TopicRecord]:
        return {item["id"]: cast(TopicRecord, item) for item in self.registry("topics")}

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM claims").fetchone()[0])

    def counts(self, kind: str) -> Counter[str]:
        """Claims per actor involved (``actors``), per source cited (``sources``) or per topic (``topics``)."""
        sql = {
            "actors": "SELECT actor, count(*) FROM claim_actors GROUP BY actor",
            "sources": "SELECT source, count(*) FROM claim_sources GROUP BY source",
            "topics": "SELECT topic, count(*) FROM claims GROUP BY topic",
        }[kind]
        return Counter(dict(self.db.execute(sql).fetchall()))

    def claim(self, claim_id: str) -> ClaimRecord | None:
        """One claim by id, or None."""
        row = self.db.execute(
            "SELECT d.json FROM claims c JOIN documents d ON d.slot = c.slot WHERE c.id = ?", (claim_id,)
        ).fetchone()
        return _parsed(row[0]) if row else None

    def has(self, claim_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone() is not None

    def ids(self) -> list[str]:
        """Every claim id, in file order (see :meth:`in_file_order`)."""
        rows = self.db.execute(
            "SELECT c.id FROM claims c JOIN files f ON f.number = c.file ORDER BY f.name, c.position"
        )
        return [claim_id for (claim_id,) in rows]

    def ids_near(self, wanted: str, most: int) -> list[str]:
        """Claim ids worth comparing with ``wanted``, an id the folder does not hold:
        every id (in file order) if there are at most ``most``; otherwise at most
        ``most`` of them read through the id index, those beginning with
        ``wanted``'s first word and those beside ``wanted`` in sorted order.

        A large folder thus suggests without reading every id, at the price of
        missing an id whose first word is mistyped and sorts far away.
        """
        (held,) = self.db.execute("SELECT count(*) FROM (SELECT 1 FROM claims LIMIT ?)", (most + 1,)).fetchone()
        if held <= most:
            return self.ids()
        word = wanted.split("-", 1)[0]
        side = most // 4
        queries = (
            (
                "SELECT id FROM claims WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                (word, word + "\U0010ffff", most // 2),
            ),
            ("SELECT id FROM claims WHERE id >= ? ORDER BY id LIMIT ?", (wanted, side)),
            ("SELECT id FROM claims WHERE id < ? ORDER BY id DESC LIMIT ?", (wanted, side)),
        )
        found = dict.fromkeys(claim_id for sql, values in queries for (claim_id,) in self.db.execute(sql, values))
        return list(found)

    def in_file_order(self) -> Iterator[ClaimRecord]:
        """Every claim, file by file (files by name), each file's claims in order."""
        rows = self.db.execute(
            "SELECT d.json FROM claims c JOIN files f ON f.number = c.file JOIN documents d ON d.slot = c.slot"
            " ORDER BY f.name, c.position"
        )
        for (text,) in rows:
            yield _parsed(text)

    def by_number(self, numbers: Sequence[int]) -> list[ClaimRecord]:
        """The claims with these numbers, in the order given."""
        return [_claim(text) for text in self.json_texts(numbers)]

    def json_texts(self, numbers: Sequence[int]) -> list[str]:
        """The stored JSON texts of the claims with these numbers, in the order given.

        The documents' slots go to SQLite as one JSON array, so a page of
        thousands of claims is one query, not one per claim or per few hundred
        parameters; the array drives the join, so rows come in its order.
        """
        slots = self.slots()
        rows = self.db.execute(
            "SELECT d.json FROM json_each(?) h CROSS JOIN documents d ON d.slot = h.value",
            (json.dumps([slots[number] for number in numbers]),),
        )
        return [text for (text,) in rows]

    def joined_documents(self, numbers: Sequence[int], which: Sequence[int], tails: Sequence[bytes]) -> bytes:
        """As :meth:`rknk.search.corpus.Corpus.joined_documents`: SQLite cuts each
        document's brace and joins the page in one query, so no work per claim is
        done in Python, and none holds Python's lock (see :mod:`rknk.render.ahead`).

        The tails go to a table of this connection's own (``temp``); each hit's
        slot and tail travel as one number, ``slot * 65536 + tail``, in the JSON
        array that drives the join, so rows are joined in its order.
        """
        if len(tails) >= 1 << 16:  # never from a page of hits; a page of that many distinct tails
            raise ValueError("too many tails for one page")
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS tails (n INTEGER PRIMARY KEY, bytes BLOB NOT NULL)")
        self.db.execute("DELETE FROM temp.tails")
        self.db.executemany("INSERT INTO temp.tails (n, bytes) VALUES (?, ?)", enumerate(tails))
        keys = map(add, map((1 << 16).__mul__, map(self.slots().__getitem__, numbers)), which)
        (joined,) = self.db.execute(
            "SELECT CAST(group_concat(substr(CAST(d.json AS BLOB), 1, length(CAST(d.json AS BLOB)) - 1) || t.bytes, '')"
            " AS BLOB) FROM json_each(?) h CROSS JOIN documents d ON d.slot = h.value >> 16"
            " CROSS JOIN temp.tails t ON t.n = h.value & 65535",
            (json.dumps(list(keys)),),
        ).fetchone()
        return joined or b""

    def select(self, where: Where, *, newest_first: bool = False, limit: int | None = None) -> Iterator[ClaimRecord]:
        """Claims passing ``where``, in date order (first day, last day, id), read as they stream."""
        clause, values = where.sql()
        order = "DESC" if newest_first else "ASC"
        sql = (
            f"SELECT d.json FROM claims c JOIN documents d ON d.slot = c.slot {clause}"
            f" ORDER BY c.first {order}, c.last {order}, c.id {order}"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        for (text,) in self.db.execute(sql, values):
            yield _claim(text)

    def numbers_where(self, where: Where) -> set[int]:
        """The numbers of the claims passing ``where``."""
        clause, values = where.sql()
        return {number for (number,) in self.db.execute(f"SELECT number FROM claims c {clause}", values)}

    # -- search ------------------------------------------------------------------

    def postings(self, word: str) -> dict[int, int]:
        """Claim number -> code of the strongest field holding ``word`` (see rknk.index.rows).

        A word has a row per data file (a thousand at a million claims): the arrays of
        a hundred rows at a time are joined and added in one step, not one per row, and
        without a copy of a common word's whole postings.
        """
        found: dict[int, int] = {}
        rows = self.db.execute("SELECT numbers, fields FROM postings WHERE word = ?", (word,))
        while some := rows.fetchmany(_ROWS):
            numbers = array("q", b"".join(map(itemgetter(0), some)))
            found.update(zip(numbers, b"".join(map(itemgetter(1), some)), strict=True))
        return found

    def postings_without(self, word: str, code: int) -> dict[int, int]:
        """As :meth:`postings`, less the claims where ``word``'s field code is ``code``: a
        word most claims hold only in an actor's name costs no dictionary of most claims."""
        found: dict[int, int] = {}
        rows = self.db.execute("SELECT numbers, fields FROM postings WHERE word = ?", (word,))
        while some := rows.fetchmany(_ROWS):
            fields = b"".join(map(itemgetter(1), some))
            numbers = array("q", b"".join(map(itemgetter(0), some)))
            found.update(compress(zip(numbers, fields, strict=True), map(code.__ne__, fields)))
        return found

    def has_word(self, word: str) -> bool:
        return self.db.execute("SELECT 1 FROM vocabulary WHERE word = ?", (word,)).fetchone() is not None

    def prefixed(self, start: str) -> list[str]:
        """Indexed words starting with ``start`` (``start`` itself included), sorted."""
        rows = self.db.execute(
            "SELECT word FROM vocabulary WHERE word >= ? AND word < ? ORDER BY word", (start, start + "\x7f")
        )
        return [word for (word,) in rows]

    def near_words(self, word: str, edits: int) -> list[list[str]]:
        """Indexed words at most ``edits`` letters longer or shorter than ``word``: one sorted
        list per length. For one edit only the words that can be one edit away are read
        (see :meth:`_one_edit_away`); the others are never closer, so a typo finds the same words."""
        lengths = range(max(1, len(word) - edits), len(word) + edits + 1)
        if edits == 1 and len(word) > 1:
            return self._one_edit_away(word, lengths)
        found = []
        for length in lengths:
            # Joined by SQLite and split once: a million words, not a million rows through Python.
            (joined,) = self.db.execute(
                "SELECT group_concat(word, ' ') FROM (SELECT word FROM vocabulary WHERE length(word) = ?)", (length,)
            ).fetchone()
            found.append(joined.split() if joined else [])
        return found

    def _one_edit_away(self, word: str, lengths: range) -> list[list[str]]:
        """Every indexed word one edit (a letter changed, added or removed, or two
        neighbours swapped) or none from ``word``, and others of its first letter.

        An edit after the first letter keeps it: those words are read as ranges of the
        vocabulary by length and first letter, a few thousand words rather than all of a
        length (at 100,000 claims, 180,000 words of 4 to 6 letters, most of them numbers).
        An edit of the first letter leaves the rest as it is: ``?`` + the rest, ``?`` +
        ``word``, the rest alone, or the first two swapped, looked up by name with ``?``
        each letter words begin with.
        """
        first = word[0]
        by_length: dict[int, list[str]] = {length: [] for length in lengths}
        for length, words in by_length.items():
            joined = self.db.execute(
                "SELECT group_concat(word, ' ') FROM (SELECT word FROM vocabulary"
                " WHERE length(word) = ? AND word >= ? AND word < ?)",
                (length, first, _after(first)),
            ).fetchone()[0]
            words.extend(joined.split() if joined else [])
        rest = word[1:]
        named = {rest, word[1] + first + word[2:]}
        for letter in self._first_letters():
            named.update((letter + rest, letter + word))
        rows = self.db.execute(
            "SELECT word FROM vocabulary WHERE word IN (SELECT value FROM json_each(?))", (json.dumps(sorted(named)),)
        )
        for (found,) in rows:
            if found[0] != first:
                by_length[len(found)].append(found)
        return [sorted(words) for words in by_length.values()]

    def _first_letters(self) -> list[str]:
        """The letters (any characters) indexed words begin with, one B-tree step each."""
        if self._letters is None:
            letters: list[str] = []
            start = ""
            while row := self.db.execute(
                "SELECT word FROM vocabulary WHERE word >= ? ORDER BY word LIMIT 1", (start,)
            ).fetchone():
                letters.append(row[0][0])
                if ord(letters[-1]) == sys.maxunicode:
                    break
                start = _after(letters[-1])
            self._letters = letters
        return self._letters

    def claims_of(self, actor: str) -> list[int]:
        """Numbers of the claims involving ``actor``, ascending.

        One row of ``actor_claims``, 8 hex digits a claim, decoded in C: a state most
        claims involve has most of the claims, which read through the index of
        ``claim_actors`` cost a search more than all its other reads.
        """
        row = self.db.execute("SELECT numbers FROM actor_claims WHERE actor = ?", (actor,)).fetchone()
        if not row or not row[0]:
            return []
        numbers = array(_UINT32, bytes.fromhex(row[0]))
        if sys.byteorder == "little":  # the digits are written most significant first
            numbers.byteswap()
        return numbers.tolist()

    def texts(self, numbers: Iterable[int]) -> dict[int, tuple[str, int, int]]:
        """Claim number -> its folded text and where its other texts and its names begin."""
        wanted = list(numbers)
        found: dict[int, tuple[str, int, int]] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for number, text, others, names in self.db.execute(
                f"SELECT number, text, others, names FROM texts WHERE number IN ({marks})", chunk
            ):
                found[number] = (text, others, names)
        return found

    def holding(self, intent: str, numbers: Iterable[int]) -> set[int]:
        """Those of ``numbers`` whose claims hold what a question asks for, as
        :func:`rknk.search.corpus.holds` says, read from the claims' rows."""
        condition = _HOLDING[intent]
        wanted = list(numbers)
        found: set[int] = set()
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT c.number FROM claims c JOIN documents d ON d.slot = c.slot"
                f" WHERE c.number IN ({marks}) AND {condition}",
                chunk,
            )
            found.update(number for (number,) in rows)
        return found

    def ranks(self) -> array[int]:
        """Each claim number's place in date-then-id order."""
        if self._ranks is None:
            self._ranks = self._numbered("ranks")
        return self._ranks

    def slots(self) -> array[int]:
        """Each claim number's document slot (see ``documents`` in :mod:`rknk.index.schema`)."""
        if self._slots is None:
            self._slots = self._numbered("slots")
        return self._slots

    def _numbered(self, key: str) -> array[int]:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return array("q", row[0] if row else b"")
