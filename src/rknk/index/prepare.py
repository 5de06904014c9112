"""A claims file turned into index rows: read, validated, analysed, ready to insert.

This is the costly part of a build, and it needs nothing from the index but
the registries, so it runs in worker processes during a large cold build
(one per core) while the main process writes rows. Claims are numbered here
by their position in the file; the writer adds the file's first number.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from array import array
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from rknk import jsontext
from rknk.datafiles import Signature, read_file, shown
from rknk.dates import parse_span
from rknk.errors import Problem
from rknk.index.rows import analyse
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


class Prepared(NamedTuple):
    """One claims file's rows, each claim numbered by its position in the file."""

    name: str
    signature: Signature
    digest: bytes
    problems: list[Problem]
    invalid_ids: set[str]
    claims: list[tuple[str, int, str, str, str, str, str]]  # id, position, first, last, topic, status, json
    actors: list[tuple[int, str]]
    sources: list[tuple[int, str]]
    related: list[tuple[int, str]]
    texts: list[tuple[int, str, int, int]]
    postings: list[tuple[str, bytes, bytes]]  # word, positions, field codes; by word


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
    prepared = Prepared(name, signature, blake2b(content).digest(), problems, invalid, [], [], [], [], [], [])
    if problems:
        return prepared
    postings: dict[str, tuple[array[int], bytearray]] = {}
    for position, claim in enumerate(claims):
        span = parse_span(claim["date"])
        text = jsontext.dumps(output_record(claim))
        prepared.claims.append(
            (
                claim["id"],
                position,
                span.first.isoformat(),
                span.last.isoformat(),
                claim["topic"],
                claim["status"],
                text,
            )
        )
        actor_ids = sorted(involved(claim))
        prepared.actors.extend((position, actor) for actor in actor_ids)
        prepared.sources.extend((position, source) for source in dict.fromkeys(e["source"] for e in claim["evidence"]))
        prepared.related.extend((position, target) for target in dict.fromkeys(claim["related"]))
        analysis = analyse(claim, actor_ids, context.topics, context.actor_texts)
        prepared.texts.append((position, analysis.text, analysis.others, analysis.names))
        for word, code in analysis.words.items():
            slot = postings.get(word)
            if slot is None:
                postings[word] = (array("q", (position,)), bytearray((code,)))
            else:
                slot[0].append(position)
                slot[1].append(code)
    # In word order: neighbouring rows of the table, so the insert touches few pages.
    prepared.postings.extend((word, postings[word][0].tobytes(), bytes(postings[word][1])) for word in sorted(postings))
    return prepared


_context: Context | None = None


def _start_worker(context: Context, parent: int) -> None:
    global _context
    _context = context
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
