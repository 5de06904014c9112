"""How actors and claimants are named for people, in tables, charts and pages alike.

Kept apart from :mod:`rknk.views` so that the charts, which views also use,
can name claimants without importing the views back.
"""

from __future__ import annotations

from collections.abc import Iterable

from rknk.records import ClaimantRecord
from rknk.store import Dataset


def actor_names(dataset: Dataset, ids: Iterable[str]) -> str:
    return ", ".join(dataset.actors[i]["name"] if i in dataset.actors else i for i in ids)


def claimant_name(dataset: Dataset, entry: ClaimantRecord) -> str:
    """Who asserts a claim, in short: the actor's name, else the attribution text."""
    return actor_names(dataset, [entry["actor"]]) if entry["actor"] else str(entry["text"])


def claimant_text(dataset: Dataset, entry: ClaimantRecord) -> str:
    """Who asserts a claim, for people: the actor's name, its attribution text, or both."""
    name = actor_names(dataset, [entry["actor"]]) if entry["actor"] else ""
    return " — ".join(part for part in (name, entry["text"] or "") if part)
