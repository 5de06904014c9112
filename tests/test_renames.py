"""Retired ids keep resolving: ``show OLD`` finds the claim under its new id, ``validate`` checks the list."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rknk import store
from rknk.cli import app

runner = CliRunner()


def rknk(data: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--data", str(data), *args])
    return result.exit_code, result.stdout, result.stderr


def renamed(data: Path, mapping: object) -> Path:
    (data / "renamed.json").write_text(json.dumps(mapping), encoding="utf-8")
    return data


def test_show_finds_a_renamed_claim_under_its_new_id_and_says_so(fixture_data: Path) -> None:
    renamed(fixture_data, {"treaty-signed-2024-old": "treaty-signed-2024-06"})
    code, out, err = rknk(fixture_data, "show", "treaty-signed-2024-old", "--json")
    assert code == 0
    assert json.loads(out)["id"] == "treaty-signed-2024-06"
    assert err == "rknk: claim 'treaty-signed-2024-old' is now 'treaty-signed-2024-06'; showing it under its new id\n"


def test_an_unknown_id_is_still_an_error_with_a_rename_list(fixture_data: Path) -> None:
    renamed(fixture_data, {"treaty-signed-2024-old": "treaty-signed-2024-06"})
    code, out, err = rknk(fixture_data, "show", "treaty-2030")
    assert (code, out) == (1, "")
    assert err.startswith("rknk: error: no claim with id 'treaty-2030'") and len(err.splitlines()) == 1


def test_the_list_is_read_only_when_a_lookup_misses(fixture_data: Path) -> None:
    (fixture_data / "renamed.json").write_text("{not json", encoding="utf-8")
    assert rknk(fixture_data, "show", "treaty-signed-2024-06")[0] == 0
    assert rknk(fixture_data, "events")[0] == 0
    code, _, err = rknk(fixture_data, "show", "treaty-2030")
    assert code == 1 and err.startswith("rknk: error: renamed.json:1:") and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"treaty-signed-2024-old": "treaty-2030"}, "renamed to 'treaty-2030', which is no claim's id"),
        ({"treaty-signed-2024-06": "troops-kursk-2024-11"}, "a claim still uses it as its id"),
        ({"a-1": "b-1", "b-1": "treaty-signed-2024-06"}, "renamed to 'b-1', which is renamed again"),
        ({"a-1": "b-1", "b-1": "a-1"}, "renamed to 'a-1', which is renamed again"),
        ({"a-1": "a-1"}, "an id cannot be renamed to itself"),
        ({"Not An Id": "treaty-signed-2024-06"}, "renamed.json: Not An Id"),
        (["treaty-signed-2024-old"], "Input should be a valid dictionary"),
    ],
)
def test_validate_lists_every_broken_rename(fixture_data: Path, mapping: object, message: str) -> None:
    renamed(fixture_data, mapping)
    code, out, err = rknk(fixture_data, "validate")
    assert code == 1 and err.startswith("rknk: error: ") and " problem" in err and "Traceback" not in out + err
    assert message in out


def test_a_valid_list_and_no_list_both_validate(fixture_data: Path) -> None:
    assert store.check_folder(fixture_data) == []
    renamed(fixture_data, {"treaty-signed-2024-old": "treaty-signed-2024-06"})
    assert store.check_folder(fixture_data) == []


def test_every_bundled_renamed_id_shows_its_claim() -> None:
    root = store.bundled_data()
    mapping = json.loads((root / "renamed.json").read_text(encoding="utf-8"))
    assert mapping
    for old, new in mapping.items():
        result = runner.invoke(app, ["show", old, "--json"])
        assert result.exit_code == 0 and json.loads(result.stdout)["id"] == new
