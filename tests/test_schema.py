"""``rknk schema`` works with a standard JSON Schema validator, and the committed copies are current."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rknk.schema import FILE_KINDS, data_schema

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def files(kind: str) -> list[Path]:
    return sorted(DATA.glob(FILE_KINDS[kind][1]))


def validator(schema: dict[str, Any]) -> Any:
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@pytest.mark.parametrize("kind", [*FILE_KINDS, "renamed", None])
def test_committed_schema_matches_the_models(kind: str | None) -> None:
    name = f"{kind or 'rknk-data'}.schema.json"
    committed = json.loads((ROOT / "schema" / name).read_text(encoding="utf-8"))
    assert committed == data_schema(kind), f"run: rknk schema {kind or ''} > schema/{name}"


@pytest.mark.parametrize("kind", list(FILE_KINDS))
def test_shipped_files_pass_their_schema_and_the_top_level_one(kind: str) -> None:
    for path in files(kind):
        document = json.loads(path.read_text(encoding="utf-8"))
        validator(data_schema(kind)).validate(document)
        validator(data_schema()).validate(document)


@pytest.mark.parametrize(
    "broken",
    [
        {"not": "an array"},
        [{"id": "x"}],  # fields missing
        "claims",
    ],
)
def test_broken_files_fail(broken: Any) -> None:
    for schema in (data_schema("claims"), data_schema()):
        assert list(validator(schema).iter_errors(broken))


def test_a_claim_with_a_typo_or_a_wrong_type_fails() -> None:
    claims = json.loads(files("claims")[0].read_text(encoding="utf-8"))
    typo = [{**claims[0], "statment": "x"}]
    wrong = [{**claims[0], "status": "rumoured"}]
    for broken in (typo, wrong):
        assert list(validator(data_schema("claims")).iter_errors(broken))
        assert list(validator(data_schema()).iter_errors(broken))
