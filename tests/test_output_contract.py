"""The JSON output contract: every --json output validates against the committed output schema."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from rknk.cli import app
from rknk.schema import output_schema

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schema" / "rknk-output.schema.json"
COMMITTED = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
runner = CliRunner()


def rknk(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_the_committed_schema_is_the_generated_one() -> None:
    assert output_schema() == COMMITTED, "run: rknk schema output > schema/rknk-output.schema.json"
    code, out, _ = rknk("schema", "output")
    assert code == 0 and json.loads(out) == COMMITTED
    Draft202012Validator.check_schema(COMMITTED)


def validator(output: str) -> Draft202012Validator:
    return Draft202012Validator({**COMMITTED, **COMMITTED["outputs"][output]})


def keys_in_order(value: Any, definition: str) -> None:
    """Objects list their fields in the schema's order, as documented."""
    assert list(value) == list(COMMITTED["$defs"][definition]["properties"])


@pytest.mark.parametrize(
    ("output", "args", "item"),
    [
        ("events --json", ["events", "--json"], "Claim"),
        ("search --json", ["search", "Kursk", "--json", "--explain"], "Hit"),
        ("show --json", ["show", "troops-sent-2024", "--json"], None),
        ("figures --json", ["figures", "--json"], "Figure"),
        ("timeline --json", ["timeline", "--json"], "TimelineItem"),
        ("stats --json", ["stats", "--json"], None),
        ("actors --json", ["actors", "--json"], "ActorListing"),
        ("topics --json", ["topics", "--json"], "TopicListing"),
        ("sources --json", ["sources", "--json"], "SourceListing"),
        ("events --json --envelope", ["events", "--json", "--envelope"], None),
        ("search --json --envelope", ["search", "troops", "--json", "--envelope"], None),
    ],
)
def test_output_matches_the_schema(data: Path, output: str, args: list[str], item: str | None) -> None:
    code, out, err = rknk("--data", str(data), *args)
    value = json.loads(out)
    assert code == 0 and value, err
    validator(output).validate(value)
    if item:
        for record in value:
            keys_in_order(record, item)
    elif output == "show --json":
        keys_in_order(value, "ClaimDetail")
    elif output == "stats --json":
        keys_in_order(value, "Stats")
    else:
        assert list(value) == ["provenance", "claims"] and value["claims"]
        for record in value["claims"]:
            keys_in_order(record, "Claim" if output.startswith("events") else "Hit")


def test_the_bundled_data_matches_the_schema() -> None:
    for output, args in [("events --json", ["events", "--json"]), ("sources --json", ["sources", "--json"])]:
        code, out, _ = rknk(*args)
        assert code == 0
        validator(output).validate(json.loads(out))


def test_json_lines_are_the_array_items(data: Path) -> None:
    code, out, _ = rknk("--data", str(data), "events", "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and lines == json.loads(rknk("--data", str(data), "events", "--json")[1])
    validator("events --json").validate(lines)


def test_a_schema_violation_is_noticed(data: Path) -> None:
    claims = json.loads(rknk("--data", str(data), "events", "--json")[1])
    claims[0]["surprise"] = 1
    assert not validator("events --json").is_valid(claims)
    del claims[0]["surprise"], claims[0]["note"]
    assert not validator("events --json").is_valid(claims)


def documented_hash(root: Path) -> str:
    """The data version as the README defines it, computed here independently."""
    names = [
        "sources.json",
        "actors.json",
        "topics.json",
        *sorted(f"claims/{p.name}" for p in (root / "claims").glob("*.json")),
        *(["renamed.json"] if (root / "renamed.json").exists() else []),
    ]
    digest = hashlib.sha256()
    for name in names:
        content = (root / name).read_bytes()
        digest.update(f"{name}\0{len(content)}\0".encode() + content)
    return digest.hexdigest()


def test_the_envelope_names_the_data_version(data: Path) -> None:
    from importlib.metadata import version

    code, out, _ = rknk("--data", str(data), "events", "--json", "--envelope", "--fields", "id")
    provenance = json.loads(out)["provenance"]
    assert code == 0 and provenance == {
        "rknk_version": version("rknk"),
        "data_sha256": documented_hash(data),
        "data_version": f"{version('rknk')}+data.{documented_hash(data)[:12]}",
    }
    (data / "topics.json").write_text((data / "topics.json").read_text().replace("Soldiers", "Troops"))
    code, out, _ = rknk("--data", str(data), "events", "--json", "--envelope")
    assert (
        code == 0 and json.loads(out)["provenance"]["data_sha256"] == documented_hash(data) != provenance["data_sha256"]
    )


@pytest.mark.parametrize("args", [["events", "--envelope"], ["search", "troops", "--envelope", "-f", "csv"]])
def test_the_envelope_needs_json(data: Path, args: list[str]) -> None:
    code, out, err = rknk("--data", str(data), *args)
    assert (code, out) == (2, "") and err == "rknk: error: --envelope wraps JSON output; add --json\n"
