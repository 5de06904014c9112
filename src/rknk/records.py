"""Plain-dict views of validated data, for the lookup path.

Data is validated by the Pydantic models in :mod:`rknk.models`, then kept as
the plain dictionaries those models dump to. Lookups read them from a
validated cache without importing Pydantic, which would cost more start-up
time than an entire search. A test keeps these keys equal to the models' fields.
"""

from __future__ import annotations

from typing import TypedDict


class QuantityRecord(TypedDict):
    value: int | float
    low: int | float | None
    high: int | float | None
    unit: str
    qualifier: str


class ClaimantRecord(TypedDict):
    actor: str | None
    text: str | None


class EvidenceRecord(TypedDict):
    source: str
    quote: str


class ClaimRecord(TypedDict):
    id: str
    date: str
    date_basis: str
    date_note: str | None
    statement: str
    topic: str
    actors: list[str]
    claimants: list[ClaimantRecord]
    status: str
    quantities: list[QuantityRecord]
    places: list[str]
    evidence: list[EvidenceRecord]
    tags: list[str]
    related: list[str]
    note: str | None


class SourceRecord(TypedDict):
    id: str
    outlet: str
    title: str | None
    published: str
    published_basis: str
    published_note: str | None
    language: str
    archive: str
    sha256: str
    url: str | None
    note: str | None


class ActorRecord(TypedDict):
    id: str
    name: str
    kind: str
    aliases: list[str]
    state: str | None
    role: str | None


class TopicRecord(TypedDict):
    id: str
    label: str
    description: str
