"""Filtering and ordering claims: pure functions over a loaded dataset.

Filters compare date spans by overlap (a claim dated ``2024`` matches
``--since 2024-06``), match actors through the registry's aliases, and let a
state stand for its people and organisations (``--actor Russia`` finds claims
about Belousov).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from rknk.dates import Span, parse_span
from rknk.errors import UsageError
from rknk.index.reader import Where
from rknk.normalize import fold
from rknk.records import ClaimRecord, involved
from rknk.store import Dataset


class Filters(NamedTuple):
    """What a lookup keeps. Every actor and claimant group must match; any listed topic may."""

    since: Span | None = None
    until: Span | None = None
    actor_groups: tuple[frozenset[str], ...] = ()
    topics: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    claimant_groups: tuple[frozenset[str], ...] = ()


def _suggest(wanted: str, choices: Iterable[str]) -> str:
    from rapidfuzz import fuzz, process

    folded = {fold(choice): choice for choice in choices}
    hits = process.extract(fold(wanted), list(folded), scorer=fuzz.WRatio, limit=3, score_cutoff=60)
    names = [folded[hit[0]] for hit in hits]
    return f"; did you mean {', '.join(repr(n) for n in names)}?" if names else ""


def resolve_actor(dataset: Dataset, name: str) -> frozenset[str]:
    """Return the ids an actor name stands for: the actor, and for a state its people.

    ``name`` may be an id, a name or any alias, in any case and with or without
    accents, hyphens or extra spaces. Raises :class:`UsageError` with the
    closest names when nothing matches.
    """
    wanted = fold(name)
    matches = {
        actor["id"]
        for actor in dataset.actors.values()
        if wanted and wanted in {fold(actor["id"]), fold(actor["name"]), *map(fold, actor["aliases"])}
    }
    if not matches:
        names = [n for a in dataset.actors.values() for n in (a["name"], *a["aliases"])]
        raise UsageError(f"unknown actor '{name}'{_suggest(name, names)}")
    members = {actor["id"] for actor in dataset.actors.values() if actor["state"] in matches}
    return frozenset(matches | members)


def resolve_topic(dataset: Dataset, name: str) -> str:
    """Return the topic id for an id or label (case-insensitive); :class:`UsageError` if none."""
    wanted = fold(name)
    for topic in dataset.topics.values():
        if wanted in (fold(topic["id"]), fold(topic["label"])):
            return topic["id"]
    labels = [t["id"] for t in dataset.topics.values()]
    raise UsageError(f"unknown topic '{name}'{_suggest(name, labels)}; see 'rknk topics'")


def resolve_source(dataset: Dataset, name: str) -> str:
    """Return the source id for an id, archive file name or outlet; :class:`UsageError` if none."""
    wanted = fold(name)
    found = [
        s["id"]
        for s in dataset.sources.values()
        # Every outlet starts with "": an empty name is unknown, not a match for all.
        if wanted and (wanted in (fold(s["id"]), fold(s["archive"])) or fold(s["outlet"]).startswith(wanted))
    ]
    if len(found) == 1:
        return found[0]
    if found:
        raise UsageError(f"source '{name}' is ambiguous: {', '.join(found)}")
    raise UsageError(f"unknown source '{name}'{_suggest(name, dataset.sources)}; see 'rknk sources'")


#: How a claim can be asserted; kept equal to ``rknk.models.Status`` by a test,
#: without importing the models on the lookup path.
STATUSES = ("reported", "stated", "alleged", "denied", "estimate", "assessment", "disputed")


def resolve_status(name: str) -> str:
    """Return the status a name stands for (case-insensitive); :class:`UsageError` if none."""
    wanted = fold(name)
    if wanted in STATUSES:
        return wanted
    raise UsageError(f"unknown status '{name}'{_suggest(name, STATUSES)}; choose from {', '.join(STATUSES)}")


def claimant_ids(claim: ClaimRecord) -> set[str]:
    """Actor ids of who asserts a claim (claimants given only as text have none)."""
    return {c["actor"] for c in claim["claimants"] if c["actor"]}


def matches(claim: ClaimRecord, filters: Filters) -> bool:
    """True if ``claim`` passes every filter."""
    if filters.since or filters.until:
        span = parse_span(claim["date"])
        if filters.since and span.last < filters.since.first:
            return False
        if filters.until and span.first > filters.until.last:
            return False
    if filters.topics and claim["topic"] not in filters.topics:
        return False
    if filters.sources and not any(e["source"] in filters.sources for e in claim["evidence"]):
        return False
    if filters.statuses and claim["status"] not in filters.statuses:
        return False
    if filters.actor_groups:
        ids = involved(claim)
        if not all(ids & group for group in filters.actor_groups):
            return False
    if filters.claimant_groups:
        asserting = claimant_ids(claim)
        if not all(asserting & group for group in filters.claimant_groups):
            return False
    return True


def _where(filters: Filters) -> Where:
    return Where(
        since=filters.since.first.isoformat() if filters.since else None,
        until=filters.until.last.isoformat() if filters.until else None,
        actor_groups=filters.actor_groups,
        topics=filters.topics,
        sources=filters.sources,
        statuses=filters.statuses,
        claimant_groups=filters.claimant_groups,
    )


def select_indexed(
    dataset: Dataset, filters: Filters, *, newest_first: bool = False, limit: int | None = None
) -> Iterator[ClaimRecord]:
    """Claims passing ``filters`` in chronological order (or newest first), read from the
    index as they are consumed; the same claims and order as :func:`select`."""
    return dataset.index.select(_where(filters), newest_first=newest_first, limit=limit)


def allowed_numbers(dataset: Dataset, filters: Filters) -> set[int] | None:
    """The index numbers of the claims passing ``filters``, or None when nothing is filtered."""
    if filters == Filters():
        return None
    return dataset.index.numbers_where(_where(filters))


def chronological_key(claim: ClaimRecord) -> tuple[str, str, str]:
    """Sort key: first day, then last day, then id, so equal dates keep a stable order."""
    span = parse_span(claim["date"])
    return (span.first.isoformat(), span.last.isoformat(), claim["id"])


def select(claims: Iterable[ClaimRecord], filters: Filters, *, newest_first: bool = False) -> list[ClaimRecord]:
    """Claims that pass ``filters``, in chronological order (or newest first)."""
    kept = [claim for claim in claims if matches(claim, filters)]
    return sorted(kept, key=chronological_key, reverse=newest_first)


#: An unknown id is compared with at most this many ids (see :meth:`rknk.index.Index.ids_near`):
#: every id of a folder of up to this many claims, in a few milliseconds.
CLOSE_CANDIDATES = 20_000


def closest_ids(dataset: Dataset, wanted: str, limit: int = 3) -> Sequence[str]:
    """The claim ids most like ``wanted``, for an unknown-id message."""
    from rapidfuzz import fuzz, process

    candidates = dataset.index.ids_near(wanted, CLOSE_CANDIDATES)
    hits = process.extract(wanted, candidates, scorer=fuzz.WRatio, limit=limit, score_cutoff=50)
    return [hit[0] for hit in hits]
