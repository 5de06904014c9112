"""Full validation of a data folder: schema, references and unique ids.

This is the slow, thorough path. It imports Pydantic and checks every file,
collecting every problem instead of stopping at the first, so ``rknk
validate`` can list them all in one run. Lookups reach it only when the data
has changed since it was last validated (see :mod:`rknk.store`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from rknk import jsonfile
from rknk.errors import Problem
from rknk.models import Actor, Claim, Source, Topic
from rknk.records import ActorRecord, ClaimRecord, SourceRecord, TopicRecord

_CLAIMS = TypeAdapter(list[Claim])
_SOURCES = TypeAdapter(list[Source])
_ACTORS = TypeAdapter(list[Actor])
_TOPICS = TypeAdapter(list[Topic])


@dataclass
class Records:
    """Everything a data folder holds, as plain dicts, plus what is wrong with it."""

    sources: list[SourceRecord] = field(default_factory=list)
    actors: list[ActorRecord] = field(default_factory=list)
    topics: list[TopicRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    invalid_claim_ids: set[str] = field(default_factory=set)


def _json_path(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


class _Locator:
    """Finds where an item with a given id starts in a file's text, in one pass.

    Built on the first invalid item of a file: every ``"id": "..."`` and every
    line start are found once, so reporting 40,000 invalid items costs one scan
    of the text, not one scan per item.
    """

    _ID = re.compile(r'"id"\s*:\s*"((?:[^"\\]|\\.)*)"')

    def __init__(self, text: str) -> None:
        self.text = text
        self._ids: dict[str, int] | None = None
        self._lines: list[int] = []

    def where(self, item_id: str) -> tuple[int, int] | tuple[None, None]:
        if self._ids is None:
            self._ids = {}
            for match in self._ID.finditer(self.text):
                self._ids.setdefault(match.group(1), match.start())
            self._lines = [0, *(m.end() for m in re.finditer("\n", self.text))]
        offset = self._ids.get(item_id)
        if offset is None:
            return None, None
        line = bisect_right(self._lines, offset)
        return line, offset - self._lines[line - 1] + 1


def _check(
    adapter: TypeAdapter[list[Any]], value: Any, text: str, name: str, problems: list[Problem]
) -> list[dict[str, Any]]:
    """Validate one file's array; return the items that passed, dumped to plain dicts."""
    if not isinstance(value, list):
        problems.append(Problem(name, f"expected a JSON array of objects, found {type(value).__name__}"))
        return []
    try:  # the common case, a valid file, in one call
        return adapter.dump_python(adapter.validate_python(value), mode="json")  # type: ignore[no-any-return]
    except ValidationError:
        pass
    locator = _Locator(text)
    kept: list[Any] = []
    for index, item in enumerate(value):
        try:
            (model,) = adapter.validate_python([item])
        except ValidationError as error:
            item_id = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None
            line, column = locator.where(item_id) if item_id else (None, None)
            for detail in error.errors(include_url=False):
                path = f"[{index}]" + _json_path(detail["loc"][1:])
                message = detail["msg"].removeprefix("Value error, ")
                problems.append(Problem(name, message, line, column, path, item_id))
            continue
        kept.append(model)
    return adapter.dump_python(kept, mode="json")  # type: ignore[no-any-return]


REGISTRIES = ("sources.json", "actors.json", "topics.json")
_ADAPTERS: dict[str, TypeAdapter[list[Any]]] = {
    "sources.json": _SOURCES,
    "actors.json": _ACTORS,
    "topics.json": _TOPICS,
}


def _read(name: str, content: bytes, problems: list[Problem]) -> tuple[list[Any], set[str]]:
    """Parse and check one file: the items that passed, and the ids of those that did not."""
    parsed = jsonfile.load(content, name)
    if isinstance(parsed, Problem):
        problems.append(parsed)
        return [], set()
    value, text = parsed
    adapter = _ADAPTERS.get(name, _CLAIMS)
    items = _check(adapter, value, text, name, problems)
    invalid: set[str] = set()
    if adapter is _CLAIMS and isinstance(value, list) and len(items) < len(value):
        invalid = {item["id"] for item in value if isinstance(item, dict) and isinstance(item.get("id"), str)}
        invalid -= {item["id"] for item in items}
    return items, invalid


def validate_files(files: Sequence[tuple[str, bytes]]) -> Records:
    """Validate a data folder given as ``(relative name, content)`` pairs.

    Names are ``sources.json``, ``actors.json``, ``topics.json`` and
    ``claims/*.json``. Items that fail the schema are left out of the result
    and reported; references are then checked among the items that passed.
    """
    records = Records()
    problems = records.problems
    origin: dict[int, str] = {}
    for name, content in files:
        items, invalid = _read(name, content, problems)
        records.invalid_claim_ids |= invalid
        for item in items:
            origin[id(item)] = name
        if name == "sources.json":
            records.sources = items
        elif name == "actors.json":
            records.actors = items
        elif name == "topics.json":
            records.topics = items
        else:
            records.claims.extend(items)
    _check_unique("source", records.sources, origin, problems)
    _check_unique("actor", records.actors, origin, problems)
    _check_unique("topic", records.topics, origin, problems)
    _check_unique("claim", records.claims, origin, problems)
    problems.extend(_registry_problems(records))
    known = {claim["id"] for claim in records.claims} | records.invalid_claim_ids
    references = References.of(records)
    for claim in records.claims:
        problems.extend(references.problems(claim, origin[id(claim)], known))
    return records


def validate_registries(files: Sequence[tuple[str, bytes]]) -> Records:
    """Validate the three registry files alone: schema, unique ids and actors' states.

    The first step of a streaming validation (see :mod:`rknk.index.build`);
    claims files follow one at a time through :func:`validate_claims`.
    """
    records = Records()
    origin: dict[int, str] = {}
    for name, content in files:
        items, _ = _read(name, content, records.problems)
        for item in items:
            origin[id(item)] = name
        setattr(records, name.removesuffix(".json"), items)
    _check_unique("source", records.sources, origin, records.problems)
    _check_unique("actor", records.actors, origin, records.problems)
    _check_unique("topic", records.topics, origin, records.problems)
    records.problems.extend(_registry_problems(records))
    return records


def validate_claims(name: str, content: bytes) -> tuple[list[ClaimRecord], set[str], list[Problem]]:
    """Validate one claims file alone: the claims that passed, the ids of those that did not, the problems.

    References and unique ids across files are the caller's to check (:class:`References`).
    """
    problems: list[Problem] = []
    items, invalid = _read(name, content, problems)
    return items, invalid, problems


def _check_unique(
    kind: str, items: Sequence[Mapping[str, object]], origin: dict[int, str], problems: list[Problem]
) -> None:
    first: dict[str, str] = {}
    for item in items:
        where = origin[id(item)]
        item_id = str(item["id"])
        if item_id in first:
            message = f"duplicate {kind} id, first defined in {first[item_id]}"
            problems.append(Problem(where, message, path="id", claim=item_id if kind == "claim" else None))
        else:
            first[item_id] = where


def _registry_problems(records: Records) -> list[Problem]:
    actors = {actor["id"]: actor for actor in records.actors}
    return [
        Problem("actors.json", f"'{state}' is not a registered state", path=f"{actor['id']}.state")
        for actor in records.actors
        if (state := actor["state"]) is not None and (state not in actors or actors[state]["kind"] != "state")
    ]


@dataclass(frozen=True)
class References:
    """The ids a claim may refer to: registered actors, topics and sources."""

    actors: frozenset[str]
    topics: frozenset[str]
    sources: frozenset[str]

    @classmethod
    def of(cls, records: Records) -> References:
        return cls(
            frozenset(a["id"] for a in records.actors),
            frozenset(t["id"] for t in records.topics),
            frozenset(s["id"] for s in records.sources),
        )

    def problems(self, claim: ClaimRecord, where: str, known: Container[str] | None) -> list[Problem]:
        """What ``claim`` (from file ``where``) refers to that does not exist.

        ``known`` holds every claim id of the folder, for ``related``; claims that
        failed the schema count too, so that one mistake is not reported again as
        a broken reference. With ``known`` None, only self-references are checked
        in ``related`` (the caller checks the rest once every file is read).
        """
        found: list[Problem] = []

        def report(path: str, message: str) -> None:
            found.append(Problem(where, message, path=path, claim=claim["id"]))

        if claim["topic"] not in self.topics:
            report("topic", f"unknown topic '{claim['topic']}'")
        for i, actor_id in enumerate(claim["actors"]):
            if actor_id not in self.actors:
                report(f"actors[{i}]", f"unknown actor '{actor_id}'")
        for i, claimant in enumerate(claim["claimants"]):
            if claimant["actor"] is not None and claimant["actor"] not in self.actors:
                report(f"claimants[{i}].actor", f"unknown actor '{claimant['actor']}'")
        for i, evidence in enumerate(claim["evidence"]):
            if evidence["source"] not in self.sources:
                report(f"evidence[{i}].source", f"unknown source '{evidence['source']}'")
        for i, related in enumerate(claim["related"]):
            if related == claim["id"]:
                report(f"related[{i}]", "a claim cannot be related to itself")
            elif known is not None and related not in known:
                report(f"related[{i}]", f"unknown claim '{related}'")
        return found
