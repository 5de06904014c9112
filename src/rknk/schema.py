"""The JSON Schemas of the data files and of rknk's JSON output, generated from the models so they cannot drift.

A standard validator must be able to use the data schema as it is: one schema
per kind of file, and a top level that accepts a data file of any kind and
rejects a broken one (not a home-made keyword validators ignore).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import models_json_schema

from rknk.models import Actor, Claim, Renamed, Source, Topic

#: Which model each kind of data file holds an array of, and where those files live.
FILE_KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "claims": (Claim, "claims/*.json"),
    "sources": (Source, "sources.json"),
    "actors": (Actor, "actors.json"),
    "topics": (Topic, "topics.json"),
}


def data_schema(kind: str | None = None) -> dict[str, Any]:
    """The schema of one kind of data file (a key of :data:`FILE_KINDS`, or ``"renamed"``),
    or, with ``kind`` None, of a file of any of the array kinds.

    Raises ``KeyError`` for an unknown kind.
    """
    if kind == "renamed":
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "rknk renamed.json",
            **TypeAdapter(Renamed).json_schema(),
            "additionalProperties": False,
            "description": "Optional. Each retired claim id, mapped to the id of the claim that replaced it.",
        }
    kinds = [kind] if kind is not None else list(FILE_KINDS)
    mode: Literal["validation"] = "validation"
    models = [FILE_KINDS[name][0] for name in kinds]
    keys, document = models_json_schema([(model, mode) for model in models])
    arrays = [
        {"title": FILE_KINDS[name][1], "type": "array", "items": keys[(FILE_KINDS[name][0], mode)]} for name in kinds
    ]
    top: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    if kind is None:
        top |= {"title": "rknk data file", "description": "A JSON array of one model.", "anyOf": arrays}
    else:
        top |= {**arrays[0], "title": f"rknk {kind} file ({FILE_KINDS[kind][1]})"}
    return top | {"$defs": document["$defs"]}


#: The promise the output schema makes, written into it.
OUTPUT_CONTRACT = (
    "What rknk prints with --json; --format jsonl prints the items of the same arrays, one a line. "
    "Every field is always present (null or [] when empty), in the order listed; --fields keeps only those named. "
    "Exact for this version of rknk: a later version may add fields, never remove, rename or retype one."
)


def _exact(definition: dict[str, Any], extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """An object definition whose every property is always present, plus ``extra`` properties."""
    properties = {**definition["properties"], **(extra or {})}
    return {**definition, "properties": properties, "required": list(properties), "additionalProperties": False}


def output_schema() -> dict[str, Any]:
    """The JSON Schema of what rknk prints with ``--json``; see :data:`OUTPUT_CONTRACT`.

    Generated from the models, like the data schema, so types cannot drift from
    them; ``outputs`` maps each command to the schema of what it prints. It
    forbids unknown fields so the tests notice any change to the output.
    """
    mode: Literal["serialization"] = "serialization"
    _, document = models_json_schema(
        [(model, mode) for model, _ in FILE_KINDS.values()], ref_template="#/$defs/{model}"
    )
    defs: dict[str, Any] = document["$defs"]
    for name, definition in list(defs.items()):
        if "properties" in definition:
            defs[name] = _exact(definition)
    claim = defs["Claim"]["properties"]
    quantity = defs["Quantity"]["properties"]
    day = {"type": "string", "format": "date"}
    bounds = {
        "date_start": {**day, "description": "The first day the date covers."},
        "date_end": {**day, "description": "The last day the date covers."},
    }
    # A claim as printed: the data's fields, with its date's bounds right after the date.
    defs["Claim"] = _exact({**defs["Claim"], "properties": {"id": claim["id"], "date": claim["date"], **bounds}}, claim)
    claim = defs["Claim"]["properties"]
    count = {"claims": {"type": "integer", "minimum": 0, "description": "How many claims refer to it."}}
    defs["Hit"] = _exact(
        defs["Claim"],
        {
            "score": {"type": "number", "minimum": 0, "maximum": 100, "description": "How well it matches, 0-100."},
            "why": {"type": "array", "items": {"type": "string"}, "description": "What matched where."},
        },
    )
    related = ("id", "date", "date_start", "date_end", "status", "statement", "quantities")
    defs["RelatedClaim"] = _exact({"type": "object", "properties": {name: claim[name] for name in related}})
    defs["ClaimDetail"] = _exact(
        defs["Claim"],
        {
            "related_claims": {"type": "array", "items": {"$ref": "#/$defs/RelatedClaim"}},
            "sources": {"type": "array", "items": {"$ref": "#/$defs/Source"}},
        },
    )
    for name in ("Actor", "Topic", "Source"):
        defs[f"{name}Listing"] = _exact(defs[name], count)
    slugs = {"type": "array", "items": defs["Evidence"]["properties"]["source"]}
    defs["Figure"] = _exact(
        {
            "type": "object",
            "description": "One figure a claim gives, with the claim's date, claimants, status and sources.",
            "properties": {
                "claim": claim["id"],
                "date": claim["date"],
                **bounds,
                **{name: quantity[name] for name in ("value", "low", "high", "qualifier", "unit")},
                **{name: claim[name] for name in ("claimants", "status", "topic")},
                "sources": slugs,
                "statement": claim["statement"],
            },
        }
    )
    text = {"type": "string"}
    defs["TimelineItem"] = _exact(
        {
            "type": "object",
            "description": "One claim in one group of the timeline, under its period.",
            "properties": {
                "group": text,
                "group_label": text,
                "period": text,
                "id": claim["id"],
                "date": claim["date"],
                **bounds,
                "precision": {"enum": ["day", "month", "year", "interval"]},
                "status": claim["status"],
                "statement": claim["statement"],
            },
        }
    )
    counts = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}}
    defs["Stats"] = _exact(
        {
            "type": "object",
            "properties": {
                "claims": {"type": "integer", "minimum": 0},
                "by_topic_status": {"type": "object", "additionalProperties": counts},
                "by_source": counts,
                "by_month": counts,
                "not_within_a_month": {"type": "integer", "minimum": 0},
                "by_claimant": counts,
            },
        }
    )
    defs["Provenance"] = _exact(
        {
            "type": "object",
            "description": "Which rknk and which data produced the output.",
            "properties": {
                "rknk_version": text,
                "data_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                "data_version": {"type": "string", "description": "<rknk version>+data.<first 12 of data_sha256>"},
            },
        }
    )

    def array(name: str) -> dict[str, Any]:
        return {"type": "array", "items": {"$ref": f"#/$defs/{name}"}}

    def envelope(name: str) -> dict[str, Any]:
        return _exact(
            {"type": "object", "properties": {"provenance": {"$ref": "#/$defs/Provenance"}, "claims": array(name)}}
        )

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "rknk JSON output",
        "description": OUTPUT_CONTRACT,
        "$defs": defs,
        "outputs": {
            "events --json": array("Claim"),
            "events --json --envelope": envelope("Claim"),
            "search --json": array("Hit"),
            "search --json --envelope": envelope("Hit"),
            "show --json": {"$ref": "#/$defs/ClaimDetail"},
            "figures --json": array("Figure"),
            "timeline --json": array("TimelineItem"),
            "stats --json": {"$ref": "#/$defs/Stats"},
            "actors --json": array("ActorListing"),
            "topics --json": array("TopicListing"),
            "sources --json": array("SourceListing"),
        },
    }
