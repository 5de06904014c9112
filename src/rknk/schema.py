"""The JSON Schemas of the data files and of rknk's JSON output, generated from the models so they cannot drift."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import models_json_schema

from rknk.models import Actor, Claim, Renamed, Source, Topic

#: Which model each kind of data file holds an array of.
FILE_MODELS: dict[str, type[BaseModel]] = {
    "claims/*.json": Claim,
    "sources.json": Source,
    "actors.json": Actor,
    "topics.json": Topic,
}


def data_schema() -> dict[str, Any]:
    """One schema document: ``$defs`` for every model, and under ``files`` the
    schema of each kind of data file (a JSON array of that model, or for the
    optional ``renamed.json`` an object of retired id to new id)."""
    mode: Literal["validation"] = "validation"
    keys, document = models_json_schema(
        [(model, mode) for model in FILE_MODELS.values()],
        title="rknk data files",
        description="Each data file is a JSON array of one model.",
    )
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["files"] = {name: {"type": "array", "items": keys[(model, mode)]} for name, model in FILE_MODELS.items()}
    document["files"]["renamed.json"] = {
        **TypeAdapter(Renamed).json_schema(),
        "additionalProperties": False,
        "description": "Optional. Each retired claim id, mapped to the id of the claim that replaced it.",
    }
    return document


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
    _, document = models_json_schema([(model, mode) for model in FILE_MODELS.values()], ref_template="#/$defs/{model}")
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
