"""Full validation of a data folder: schema, references and unique ids.

This is the slow, thorough path. It imports Pydantic and checks every file,
collecting every problem instead of stopping at the first, so ``rknk
validate`` can list them all in one run. Lookups reach it only when the data
has changed since it was last validated (see :mod:`rknk.store`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
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


def _id_line(text: str, item_id: str) -> tuple[int, int] | tuple[None, None]:
    match = re.search(rf'"id"\s*:\s*"{re.escape(item_id)}"', text)
    return jsonfile.position(text, match.start()) if match else (None, None)


def _check(
    adapter: TypeAdapter[list[Any]], value: Any, text: str, name: str, problems: list[Problem]
) -> list[dict[str, Any]]:
    """Validate one file's array; return the items that passed, dumped to plain dicts."""
    if not isinstance(value, list):
        problems.append(Problem(name, f"expected a JSON array of objects, found {type(value).__name__}"))
        return []
    kept: list[dict[str, Any]] = []
    for index, item in enumerate(value):
        try:
            (model,) = adapter.validate_python([item])
        except ValidationError as error:
            item_id = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None
            line, column = _id_line(text, item_id) if item_id else (None, None)
            for detail in error.errors(include_url=False):
                path = f"[{index}]" + _json_path(detail["loc"][1:])
                message = detail["msg"].removeprefix("Value error, ")
                problems.append(Problem(name, message, line, column, path, item_id))
            continue
        kept.append(model.model_dump(mode="json"))
    return kept


REGISTRIES = ("sources.json", "actors.json", "topics.json")


def validate_files(files: Sequence[tuple[str, bytes]]) -> Records:
    """Validate a data folder given as ``(relative name, content)`` pairs.

    Names are ``sources.json``, ``actors.json``, ``topics.json`` and
    ``claims/*.json``. Items that fail the schema are left out of the result
    and reported; references are then checked among the items that passed.
    """
    records = Records()
    problems = records.problems
    origin: dict[int, str] = {}
    adapters: dict[str, TypeAdapter[list[Any]]] = {
        "sources.json": _SOURCES,
        "actors.json": _ACTORS,
        "topics.json": _TOPICS,
    }
    for name, content in files:
        parsed = jsonfile.load(content, name)
        if isinstance(parsed, Problem):
            problems.append(parsed)
            continue
        value, text = parsed
        adapter = adapters.get(name, _CLAIMS)
        items = _check(adapter, value, text, name, problems)
        if adapter is _CLAIMS and isinstance(value, list):
            kept = {item["id"] for item in items}
            records.invalid_claim_ids.update(
                item["id"] for item in value if isinstance(item, dict) and isinstance(item.get("id"), str)
            )
            records.invalid_claim_ids -= kept
        for item in items:
            origin[id(item)] = name
        if name == "sources.json":
            records.sources = items  # type: ignore[assignment]
        elif name == "actors.json":
            records.actors = items  # type: ignore[assignment]
        elif name == "topics.json":
            records.topics = items  # type: ignore[assignment]
        else:
            records.claims.extend(items)  # type: ignore[arg-type]
    _check_unique("source", records.sources, origin, problems)
    _check_unique("actor", records.actors, origin, problems)
    _check_unique("topic", records.topics, origin, problems)
    _check_unique("claim", records.claims, origin, problems)
    _check_references(records, origin)
    return records


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


def _check_references(records: Records, origin: dict[int, str]) -> None:
    problems = records.problems
    actors = {actor["id"]: actor for actor in records.actors}
    topics = {topic["id"] for topic in records.topics}
    sources = {source["id"] for source in records.sources}
    # Claims that failed the schema still exist for the curator; counting them
    # here keeps one mistake from being reported again as a broken reference.
    claims = {claim["id"] for claim in records.claims} | records.invalid_claim_ids
    for actor in records.actors:
        state = actor["state"]
        if state is not None and (state not in actors or actors[state]["kind"] != "state"):
            problems.append(Problem("actors.json", f"'{state}' is not a registered state", path=f"{actor['id']}.state"))
    for claim in records.claims:
        where = origin[id(claim)]

        def report(path: str, message: str, where: str = where, claim_id: str = claim["id"]) -> None:
            problems.append(Problem(where, message, path=path, claim=claim_id))

        if claim["topic"] not in topics:
            report("topic", f"unknown topic '{claim['topic']}'")
        for i, actor_id in enumerate(claim["actors"]):
            if actor_id not in actors:
                report(f"actors[{i}]", f"unknown actor '{actor_id}'")
        for i, claimant in enumerate(claim["claimants"]):
            if claimant["actor"] is not None and claimant["actor"] not in actors:
                report(f"claimants[{i}].actor", f"unknown actor '{claimant['actor']}'")
        for i, evidence in enumerate(claim["evidence"]):
            if evidence["source"] not in sources:
                report(f"evidence[{i}].source", f"unknown source '{evidence['source']}'")
        for i, related in enumerate(claim["related"]):
            if related == claim["id"]:
                report(f"related[{i}]", "a claim cannot be related to itself")
            elif related not in claims:
                report(f"related[{i}]", f"unknown claim '{related}'")
