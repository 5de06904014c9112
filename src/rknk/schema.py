"""The JSON Schema of the data files, generated from the models so it cannot drift."""

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
