"""A claims file turned into index rows: read, validated, analysed, ready to insert.

This is the costly part of a build, and it needs nothing from the index but
the registries, so it runs in worker processes during a large cold build
(one per core) while the main process writes rows. Claims are numbered here
by their position in the file; the writer adds the file's first number.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
import time
from array import array
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from rknk import jsontext
from rknk.datafiles import Signature, read_file, shown
from rknk.dates import iso_bounds
from rknk.errors import Problem
from rknk.index.rows import Parties, analyse
from rknk.records import TopicRecord, involved, output_record

if TYPE_CHECKING:
    from concurrent.futures import Future

try:
    from _blake2 import blake2b
except ImportError:  # other Python implementations
    from hashlib import blake2b


class Context(NamedTuple):
    """What preparing a claims file needs to know of the folder: its registries."""

    topics: Mapping[str, TopicRecord]
    actor_texts: Mapping[str, str]
    references: Any  # rknk.validate.References, imported only where validation runs
    parties: Parties


class Prepared(NamedTuple):
    """One claims file's rows, each claim numbered by its position in the file.

    The rows come as columns: a list or packed array per column, so that a
    file's thousands of rows cross from a worker process to the writer as a
    few dozen objects, and the writer hands them to SQLite through ``zip``
    without a Python step per row.
    """

    name: str
    signature: Signature
    digest: bytes
    problems: list[Problem]
    invalid_ids: set[str]
    #: ``claims``: per claim, in file order
    ids: list[str]
    firsts: list[str]
    lasts: list[str]
    topics: list[str]
    statuses: list[str]
    #: per claim, its JSON text as output writes it
    documents: list[str]
    #: ``claim_actors``, ``claim_sources``, ``related``: a claim's position, and what it names
    actors: tuple[array[int], list[str]]
    sources: tuple[array[int], list[str]]
    related: tuple[array[int], list[str]]
    #: ``texts``: per claim, its folded texts and where its other texts and names start
    texts: list[str]
    others: array[int]
    names: array[int]
    #: ``postings``: its words in order, how many claims hold each, and those
    #: claims' positions and field codes, word after word
    words: list[str]
    counts: array[int]
    positions: array[int]
    fields: bytes


def prepare(name: str, path: Path, context: Context) -> Prepared:
    """Read, validate and analyse one claims file.

    Problems found within the file (schema, references, ids repeated in it)
    are returned; a file with any has no rows. Raises
    :class:`rknk.errors.DataError` if it cannot be read.
    """
    from rknk.validate import validate_claims

    content, signature = read_file(path, name)
    where = shown(name)
    claims, invalid, problems = validate_claims(where, content)
    seen: set[str] = set()
    for claim in claims:
        problems.extend(context.references.problems(claim, where, None))
        if claim["id"] in seen:
            message = f"duplicate claim id, first defined in {where}"
            problems.append(Problem(where, message, path="id", claim=claim["id"]))
        seen.add(claim["id"])
    digest = blake2b(content).digest()
    if problems:
        claims = []  # a file with problems gives no rows
    ids: list[str] = []
    firsts: list[str] = []
    lasts: list[str] = []
    documents: list[str] = []
    actors: tuple[array[int], list[str]] = (array("q"), [])
    sources: tuple[array[int], list[str]] = (array("q"), [])
    related: tuple[array[int], list[str]] = (array("q"), [])
    texts: list[str] = []
    others = array("q")
    names = array("q")
    #: per word, the positions of the claims holding it, each followed by its field code
    holders: dict[str, list[int]] = {}
    for position, claim in enumerate(claims):
        first, last = iso_bounds(claim["date"])
        ids.append(claim["id"])
        firsts.append(first)
        lasts.append(last)
        documents.append(jsontext.dumps(output_record(claim)))
        actor_ids = sorted(involved(claim))
        _link(actors, position, actor_ids)
        _link(sources, position, dict.fromkeys(e["source"] for e in claim["evidence"]))
        _link(related, position, dict.fromkeys(claim["related"]))
        analysis = analyse(claim, actor_ids, context.topics, context.actor_texts, context.parties)
        texts.append(analysis.text)
        others.append(analysis.others)
        names.append(analysis.names)
        for word, code in analysis.words.items():
            found = holders.get(word)
            if found is None:
                holders[word] = [position, code]
            else:
                found += position, code
    # In word order: neighbouring rows of the table, so the insert touches few pages.
    words = sorted(holders)
    pairs: list[int] = []
    for word in words:
        pairs += holders[word]
    return Prepared(
        name,
        signature,
        digest,
        problems,
        invalid,
        ids,
        firsts,
        lasts,
        [claim["topic"] for claim in claims],
        [claim["status"] for claim in claims],
        documents,
        actors,
        sources,
        related,
        texts,
        others,
        names,
        words,
        array("q", [len(holders[word]) >> 1 for word in words]),
        array("q", pairs[0::2]),
        bytes(pairs[1::2]),
    )


def _link(link: tuple[array[int], list[str]], position: int, values: Collection[str]) -> None:
    link[1].extend(values)
    link[0].fromlist([position] * len(values))


_context: Context | None = None


def _start_worker(context: Context, parent: int) -> None:
    global _context
    _context = context
    gc.disable()  # see collector_paused
    # Ctrl-C is the main process's to handle; a worker only stops with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int) -> None:
    """End this worker once the process that started it is gone (killed, not only stopped)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _prepare_here(name: str, path: Path) -> Prepared:
    assert _context is not None
    return prepare(name, path, _context)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for the duration.

    A build makes and drops millions of containers (parsed claims, rows) but
    no reference cycles, so the collector, which runs every few hundred new
    containers and walks the young ones each time, finds nothing: about 4% of
    the instructions of preparing a file, more in time, as its walks miss the
    processor's caches.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


#: Below this many bytes of claims, starting worker processes costs more than it saves.
PARALLEL_BYTES = 4 * 1024 * 1024


def workers_for(files: int, size: int) -> int:
    """How many worker processes suit a build of ``files`` claims files of ``size`` bytes in all
    (0: work in this process)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return 0 if cores < 2 or files < 4 or size < PARALLEL_BYTES else min(cores, 8)


def prepare_all(files: Iterable[tuple[str, Path]], context: Context, workers: int) -> Iterator[Prepared]:
    """Prepared files in the order given; with ``workers``, prepared by that many processes,
    a few files ahead of the caller, so memory stays bounded."""
    if workers <= 0:
        for name, path in files:
            yield prepare(name, path, context)
        return
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(context, os.getpid()))
    pending: list[Future[Prepared]] = []
    try:
        queue = iter(files)
        for name, path in queue:
            pending.append(pool.submit(_prepare_here, name, path))
            if len(pending) >= 2 * workers:
                yield pending.pop(0).result()
        while pending:
            yield pending.pop(0).result()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
