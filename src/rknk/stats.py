"""Counts of claims along the axes analysts ask about: topic × status, source, month, claimant.

Pure counting over records. A claim is counted once per source it cites and
once per claimant; by month only when its date lies within one month, because
putting a claim dated ``2022`` into January 2022 would invent a precision the
source never gave. Those claims are counted in ``not_within_a_month`` instead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from rknk.query import STATUSES
from rknk.records import ClaimRecord
from rknk.store import Dataset
from rknk.timeline import precision


class Counts(NamedTuple):
    """The counts ``rknk stats`` shows; ``--json`` prints them under these names."""

    claims: int
    by_topic_status: dict[str, dict[str, int]]
    by_source: dict[str, int]
    by_month: dict[str, int]
    not_within_a_month: int
    by_claimant: dict[str, int]


def claimant_key(actor: str | None, text: str | None) -> str:
    """A claimant's key in the counts: its actor id, or its attribution text when it has no actor."""
    return actor if actor else str(text)


def _ranked(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def count(claims: Iterable[ClaimRecord], dataset: Dataset) -> Counts:
    """Count ``claims``. Topics follow the registry's order, statuses the model's, months the calendar;
    sources and claimants run from most to fewest claims, then by id."""
    claims = list(claims)
    topic_status: Counter[tuple[str, str]] = Counter((c["topic"], c["status"]) for c in claims)
    by_source: Counter[str] = Counter()
    by_claimant: Counter[str] = Counter()
    by_month: Counter[str] = Counter()
    loose = 0
    for claim in claims:
        by_source.update({e["source"] for e in claim["evidence"]})
        by_claimant.update({claimant_key(c["actor"], c["text"]) for c in claim["claimants"]})
        if precision(claim["date"]) in ("day", "month"):
            by_month[claim["date"][:7]] += 1
        else:
            loose += 1
    topics = [*dataset.topics, *sorted({t for t, _ in topic_status} - set(dataset.topics))]
    by_topic_status = {
        topic: {status: topic_status[topic, status] for status in STATUSES if topic_status[topic, status]}
        for topic in topics
        if any(topic_status[topic, status] for status in STATUSES)
    }
    return Counts(
        claims=len(claims),
        by_topic_status=by_topic_status,
        by_source=_ranked(by_source),
        by_month=dict(sorted(by_month.items())),
        not_within_a_month=loose,
        by_claimant=_ranked(by_claimant),
    )
