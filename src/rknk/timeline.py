"""A timeline of claims: groups of marks on one time axis, each at the precision its date has.

A claim dated to a day is a point; one dated to a month or a year covers that
whole month or year; an interval ``START/END`` is a bar from its first to its
last day. Nothing is moved to a false day. Claims are grouped by topic, actor,
source, status or claimant; a claim about two actors appears in both groups.
The pictures (terminal, SVG, HTML) are drawn from this model and nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from rknk.dates import parse_span
from rknk.query import chronological_key
from rknk.records import ClaimRecord
from rknk.store import Dataset

GROUPINGS = ("topic", "actor", "claimant", "source", "status")


class Mark(NamedTuple):
    """One claim on the axis: the days it covers and how precise its date is."""

    claim: ClaimRecord
    first: dt.date
    last: dt.date
    precision: str
    """``day``, ``month``, ``year`` or ``interval``."""


class Group(NamedTuple):
    """A row of the timeline: a key (topic id, actor id, ...), its label, its marks in date order."""

    key: str
    label: str
    marks: tuple[Mark, ...]


class Timeline(NamedTuple):
    groups: tuple[Group, ...]
    first: dt.date
    last: dt.date

    @property
    def claims(self) -> int:
        """How many distinct claims the timeline shows (a claim may sit in several groups)."""
        return len({mark.claim["id"] for group in self.groups for mark in group.marks})


def precision(date: str) -> str:
    """How precise a claim date is: ``day``, ``month``, ``year`` or ``interval``."""
    if "/" in date:
        return "interval"
    return {4: "year", 7: "month"}.get(len(date), "day")


def period(mark: Mark) -> str:
    """The period a mark is counted under: its month when it lies within one, else its date as written."""
    if mark.precision in ("day", "month"):
        return mark.claim["date"][:7]
    return mark.claim["date"]


def mark(claim: ClaimRecord) -> Mark:
    span = parse_span(claim["date"])
    return Mark(claim, span.first, span.last, precision(claim["date"]))


def _keys(claim: ClaimRecord, by: str, dataset: Dataset) -> list[tuple[str, str]]:
    def actor_label(actor_id: str) -> str:
        actor = dataset.actors.get(actor_id)
        return actor["name"] if actor else actor_id

    if by == "topic":
        topic = dataset.topics.get(claim["topic"])
        return [(claim["topic"], topic["label"] if topic else claim["topic"])]
    if by == "status":
        return [(claim["status"], claim["status"])]
    if by == "actor":
        return [(actor_id, actor_label(actor_id)) for actor_id in dict.fromkeys(claim["actors"])]
    if by == "claimant":
        keys = {
            (c["actor"], actor_label(c["actor"])) if c["actor"] else (f"text:{c['text']}", str(c["text"]))
            for c in claim["claimants"]
        }
        return sorted(keys)
    sources = dict.fromkeys(e["source"] for e in claim["evidence"])
    return [(s, dataset.sources[s]["outlet"] if s in dataset.sources else s) for s in sources]


def build(
    claims: Iterable[ClaimRecord],
    by: str,
    dataset: Dataset,
    window: tuple[dt.date | None, dt.date | None] = (None, None),
) -> Timeline | None:
    """Group ``claims`` by ``by`` (one of :data:`GROUPINGS`) into a timeline; None when there are none.

    The axis runs from the first to the last day the claims cover, cut to
    ``window`` (the ``--since`` and ``--until`` days) when given, so a claim
    dated ``2006/2022-09`` does not stretch a ``--since 2022`` timeline back to
    2006: its mark runs off the edge instead. Groups are ordered by their
    earliest claim, then label; marks by date, then id.
    """
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}")
    marks = [mark(claim) for claim in sorted(claims, key=chronological_key)]
    if not marks:
        return None
    grouped: dict[tuple[str, str], list[Mark]] = {}
    for item in marks:
        for key in _keys(item.claim, by, dataset):
            grouped.setdefault(key, []).append(item)
    groups = sorted(
        (Group(key, label, tuple(items)) for (key, label), items in grouped.items()),
        key=lambda g: (g.marks[0].first, g.label.casefold(), g.key),
    )
    first, last = min(m.first for m in marks), max(m.last for m in marks)
    since, until = window
    return Timeline(tuple(groups), max(first, since) if since else first, min(last, until) if until else last)


def ticks(first: dt.date, last: dt.date, most: int) -> list[tuple[dt.date, str]]:
    """At most ``most`` labelled axis ticks between ``first`` and ``last``: years, or months for a short axis.

    Steps are round (1, 2, 5, 10, ... years; 1, 2, 3, 6 months) so labels read
    naturally; the first tick is the first step on or after ``first``.
    """
    most = max(most, 1)
    if (last - first).days > 2 * 366:
        for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000):
            years = [y for y in range(first.year, last.year + 2) if y % step == 0]
            found = [(dt.date(y, 1, 1), str(y)) for y in years if first <= dt.date(y, 1, 1) <= last]
            if len(found) <= most:
                return found
        return []
    months = []
    year, month = first.year, first.month
    while dt.date(year, month, 1) <= last:
        if dt.date(year, month, 1) >= first:
            months.append(dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    for step in (1, 2, 3, 6, 12):
        found = [(d, f"{d.year}-{d.month:02d}") for d in months if (d.month - 1) % step == 0]
        if len(found) <= most:
            return found
    return []
