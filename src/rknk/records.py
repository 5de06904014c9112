"""Plain-dict views of validated data, for the lookup path.

Data is validated by the Pydantic models in :mod:`rknk.models`, then kept as
the plain dictionaries those models dump to. Lookups read them from a
validated cache without importing Pydantic, which would cost more start-up
time than an entire search. A test keeps these keys equal to the models' fields.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any, TypedDict


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


def output_record(claim: ClaimRecord) -> dict[str, Any]:
    """A claim for machine output: its data unchanged, plus ``date_start`` and ``date_end``."""
    from rknk.dates import iso_bounds

    start, end = iso_bounds(claim["date"])
    record: dict[str, Any] = {"id": claim["id"], "date": claim["date"], "date_start": start, "date_end": end}
    record.update(claim)
    return record


def involved(claim: ClaimRecord) -> set[str]:
    """Actor ids a claim involves: its actors and the actors among its claimants."""
    return {*claim["actors"], *(c["actor"] for c in claim["claimants"] if c["actor"])}


class JsonRecord(Mapping[str, Any]):
    """A record read from the index, holding the JSON text the index stores for it.

    The text is what :func:`rknk.jsontext.dumps` writes for the record, so
    machine output can write it as it is; it is parsed only when a field is
    read. Otherwise it behaves as the read-only dict it stands for.
    """

    __slots__ = ("_value", "json")

    def __init__(self, text: str) -> None:
        self.json = text
        self._value: dict[str, Any] | None = None

    def _parsed(self) -> dict[str, Any]:
        if self._value is None:
            self._value = json.loads(self.json)
        return self._value

    def __getitem__(self, key: str) -> Any:
        return self._parsed()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._parsed())

    def __len__(self) -> int:
        return len(self._parsed())

    def __repr__(self) -> str:
        return f"JsonRecord({self.json!r})"

    def extended(self, members: str) -> JsonRecord:
        """This record with more fields after its own, without parsing it. ``members``
        is their JSON text, as :func:`rknk.jsontext.dumps` writes it between the braces."""
        if self.json == "{}":
            return JsonRecord("{" + members + "}")
        return JsonRecord(self.json[:-1] + ", " + members + "}")
