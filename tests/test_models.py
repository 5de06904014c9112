import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from rknk import records
from rknk.models import Actor, Claim, Source, Topic

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schema" / "rknk-data.schema.json"


def _claim(**changes: Any) -> dict[str, Any]:
    claim: dict[str, Any] = {
        "id": "a-claim",
        "date": "2024-06",
        "date_basis": "stated",
        "statement": "Something happened.",
        "topic": "troops",
        "claimants": [{"text": "some sources"}],
        "status": "reported",
        "evidence": [{"source": "s", "quote": "sesuatu terjadi"}],
    }
    claim.update(changes)
    return claim


def test_a_minimal_claim_validates_and_keeps_its_date_text() -> None:
    claim = Claim.model_validate(_claim(date="2024-06"))
    assert claim.model_dump(mode="json")["date"] == "2024-06"


@pytest.mark.parametrize(
    "changes",
    [
        {"date": "2024-13-45"},
        {"date": "2024-06/2024-01"},
        {"evidence": []},
        {"claimants": [{}]},
        {"status": "rumoured"},
        {"id": "Not A Slug"},
        {"unknown_field": 1},
        {"quantities": [{"value": 1, "unit": "troops", "qualifier": "roughly"}]},
        {"quantities": [{"value": 5, "low": 9, "high": 1, "unit": "troops", "qualifier": "range"}]},
    ],
)
def test_invalid_claims_are_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Claim.model_validate(_claim(**changes))


def test_whole_numbers_stay_whole_in_json() -> None:
    quantity = {"value": 10000, "low": None, "high": None, "unit": "troops", "qualifier": "about"}
    dumped = Claim.model_validate(_claim(quantities=[quantity])).model_dump(mode="json")
    assert json.dumps(dumped["quantities"][0]["value"]) == "10000"


@pytest.mark.parametrize(
    ("model", "record"),
    [
        (Claim, records.ClaimRecord),
        (Source, records.SourceRecord),
        (Actor, records.ActorRecord),
        (Topic, records.TopicRecord),
    ],
)
def test_plain_records_have_exactly_the_models_fields(model: Any, record: Any) -> None:
    assert list(record.__annotations__) == list(model.model_fields)
