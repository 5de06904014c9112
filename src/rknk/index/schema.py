"""The tables of the embedded index, and what makes an index file current.

The index is a private, derived SQLite file: the JSON data files stay the
source of truth. Its layout is not a public contract (the SQLite export is);
:data:`FORMAT` changes whenever it does, and an index of another format, or
written by other validating code or library versions, is rebuilt.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import suppress
from importlib.util import find_spec
from pathlib import Path

try:  # CPython's own BLAKE2 loads in a tenth of the time of hashlib's OpenSSL bindings.
    from _blake2 import blake2b
except ImportError:  # other Python implementations
    from hashlib import blake2b

FORMAT = 7
#: Bytes per database page. A claim's document takes about a kilobyte: pages of
#: 16 KiB hold a dozen of them, so a large answer, reading documents that sit side
#: by side (see ``documents``), reads a page per dozen claims rather than per three.
PAGE_SIZE = 16384
#: A file changed less than this before it was read may change again without
#: its signature showing it on a file system with coarse timestamps ("racy
#: git"); its content hash is checked on every lookup instead.
RACY_NS = 2_000_000_000

TABLES = (
    # key/value facts: format, code key, data folder, each claim's chronological rank and slot
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID",
    # one row per data file: its name (bytes, as the file system has it) and signature
    """CREATE TABLE files (number INTEGER PRIMARY KEY, name BLOB NOT NULL UNIQUE, size INTEGER,
        mtime_ns INTEGER, ctime_ns INTEGER, inode INTEGER, device INTEGER, racy INTEGER, digest BLOB)""",
    # sources, actors and topics in file order, as JSON
    "CREATE TABLE registry (kind TEXT, position INTEGER, id TEXT, json TEXT, PRIMARY KEY (kind, position))",
    # one row per claim: what filters and sorting need, and the slot of its document
    """CREATE TABLE claims (number INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, file INTEGER NOT NULL,
        position INTEGER NOT NULL, first TEXT NOT NULL, last TEXT NOT NULL, topic TEXT NOT NULL,
        status TEXT NOT NULL, slot INTEGER NOT NULL)""",
    # each claim's JSON as output writes it; a cold build writes them in date order, so a
    # large answer, which comes in date order, reads rows that sit side by side
    "CREATE TABLE documents (slot INTEGER PRIMARY KEY, json TEXT NOT NULL)",
    "CREATE TABLE claim_actors (claim INTEGER, actor TEXT, PRIMARY KEY (claim, actor)) WITHOUT ROWID",
    "CREATE TABLE claim_sources (claim INTEGER, source TEXT, PRIMARY KEY (claim, source)) WITHOUT ROWID",
    "CREATE TABLE related (claim INTEGER, target TEXT, PRIMARY KEY (claim, target)) WITHOUT ROWID",
    # search: each claim's folded texts (see rknk.index.rows.Analysis)
    "CREATE TABLE texts (number INTEGER PRIMARY KEY, text TEXT NOT NULL, others INTEGER, names INTEGER)",
    # search: per data file and word, the claim numbers holding it and the field codes. A row's
    # key is its file's number times 2**32 (FILE_KEYS) plus the word's place among the file's
    # words: a file's rows are appended side by side and dropped as one range of keys, and a
    # rowid table inserts them in two thirds of the time of one keyed by (file, word), holding a common
    # word's arrays in its page rather than in overflow pages
    "CREATE TABLE postings (key INTEGER PRIMARY KEY, word TEXT NOT NULL, numbers BLOB, fields BLOB)",
    # search: every word and the number of files holding it (typo and prefix candidates)
    "CREATE TABLE vocabulary (word TEXT PRIMARY KEY, files INTEGER) WITHOUT ROWID",
    # search: each actor's claim numbers, ascending, as one text of 8 hex digits each (see ACTOR_CLAIMS)
    "CREATE TABLE actor_claims (actor TEXT PRIMARY KEY, numbers TEXT NOT NULL)",
)
#: A data file's ``postings`` keys run from its number times this to the next number's, excluded.
FILE_KEYS = 2**32
#: The claims in date order (their ranks' order). Like :data:`INDEXES`, created after
#: a cold build's rows are in, which is faster than keeping it up to date; first of all.
DATE_INDEX = "CREATE INDEX claims_by_date ON claims (first, last, id)"
#: Created after a cold build's rows are in and its documents stored.
INDEXES = (
    "CREATE INDEX claims_by_file ON claims (file, position)",
    # a topic or status filter reads its claims in date order and checks the span
    # inside the index: only the rows shown are read, not every claim of the topic
    "CREATE INDEX claims_by_topic ON claims (topic, first, last, id)",
    "CREATE INDEX claims_by_status ON claims (status, first, last, id)",
    "CREATE INDEX actors_by_name ON claim_actors (actor, claim)",
    "CREATE INDEX sources_by_name ON claim_sources (source, claim)",
    "CREATE INDEX related_by_target ON related (target)",
    "CREATE INDEX postings_by_word ON postings (word)",
    # typo candidates are within a few letters of the typed word's length
    "CREATE INDEX vocabulary_by_length ON vocabulary (length(word), word)",
)

#: The ``actor_claims`` rows, from ``claim_actors`` through its ``actors_by_name`` index, in
#: its order. A state most claims involve is read as one row: through the index, its
#: hundreds of thousands of entries cost a search more than all its other reads. Each number
#: is written as 8 hex digits, which turn into an array of numbers in one step in C, where a
#: JSON array of a state most claims involve took a search 13 ms to parse at 100,000 claims.
ACTOR_CLAIMS = "SELECT actor, group_concat(printf('%08x', claim), '') FROM claim_actors {} GROUP BY actor"

#: The code whose bytes decide what a validated record and its index rows hold.
_VALIDATING_CODE = (
    "models.py",
    "validate.py",
    "records.py",
    "jsonfile.py",
    "dates.py",
    "normalize.py",
    "numbers.py",
    "jsontext.py",
    "index/rows.py",
    "index/schema.py",
    "index/build.py",
    "index/prepare.py",
    "acts.py",
)
#: Files whose change can change the index's marks of who did what to whom (the lexicon's
#: words of acts), known by their size and time: reading the lexicon's bytes on every
#: lookup would cost a lookup a millisecond.
_LEXICON = ("words.py", "lexicon.json")
#: Libraries whose upgrade can change what validates.
_LIBRARIES = ("pydantic", "pydantic_core")


def code_key() -> str:
    """A key that changes with the index format, rknk's validating code and the libraries it validates with.

    Reads the code's source files; an install without them (bytecode only)
    uses the compiled files instead, and a file that cannot be read at all
    still counts, by name, so the key is always defined.
    """
    digest = blake2b(f"rknk-index-{FORMAT}-{sys.version_info[:2]}\0".encode())
    package = Path(__file__).resolve().parent.parent
    for name in _VALIDATING_CODE:
        digest.update(name.encode() + b"\0" + _code_bytes(package / name))
    for name in _LEXICON:
        try:
            info = (package / name).stat()
            digest.update(f"{name} {info.st_size} {info.st_mtime_ns}\0".encode())
        except OSError:
            digest.update(f"{name} missing\0".encode())
    for library in _LIBRARIES:
        try:
            spec = find_spec(library)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec is not None else None
        # An upgrade rewrites the package's files: their size and time say so
        # without importing the library.
        if origin:
            try:
                info = Path(origin).stat()
                digest.update(f"{library} {origin} {info.st_size} {info.st_mtime_ns}\0".encode("utf-8", "replace"))
                continue
            except OSError:
                pass
        digest.update(f"{library} missing\0".encode())
    return digest.hexdigest()


def _code_bytes(source: Path) -> bytes:
    # The source is there in nearly every install: the compiled files are looked
    # for only when it is not (each glob pattern costs a regular expression).
    for candidate in _compiled_fallbacks(source):
        try:
            return candidate.read_bytes()
        except OSError:
            continue
    return b"missing"


def _compiled_fallbacks(source: Path) -> Iterator[Path]:
    yield source
    yield source.with_suffix(".pyc")
    with suppress(OSError):
        yield from sorted((source.parent / "__pycache__").glob(source.stem + ".*.pyc"))
