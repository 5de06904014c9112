"""Curated data is taken as written or refused: blank evidence and loosely typed values fail
``validate`` loudly, with the file, the claim and the JSON path, instead of being rewritten."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from fixture_data import ACTORS, SOURCES, TOPICS, claim, invoke, make_data

BLANK = [" ", "\u00a0", "\n\t", "\u200b\u3000\u2060", ""]


def problems(root: Path, cache: Path) -> list[str]:
    """What ``validate`` lists for ``root``; the folder must be refused by lookups too."""
    checked = invoke(["validate", str(root)], cache)
    assert checked.exit_code == 1, checked.output
    looked_up = invoke(["events", "--data", str(root)], cache)
    assert looked_up.exit_code == 1 and looked_up.stdout == ""
    assert looked_up.stderr.startswith("rknk: error: data in ") and looked_up.stderr.count("\n") == 1
    return checked.stdout.splitlines()


def one_claim(root: Path, **changes: Any) -> Path:
    return make_data(root, claims={"claims/a.json": [claim("c-1", **changes)]})


@pytest.mark.parametrize("blank", [*BLANK, "« … » — !!", "a b c"], ids=repr)
@pytest.mark.parametrize("field", ["quote", "statement"])
def test_a_blank_or_nearly_blank_quote_or_statement_is_refused(
    tmp_path: Path, cache: Path, field: str, blank: str
) -> None:
    if field == "quote":
        root = one_claim(tmp_path / "d", evidence=[{"source": "alpha-2024-06-19", "quote": blank}])
        path = "[0].evidence[0].quote"
    else:
        root = one_claim(tmp_path / "d", statement=blank)
        path = "[0].statement"
    (line,) = problems(root, cache)
    assert f"claims/a.json:3:5: claim 'c-1': {path}: must hold at least 10 letters or digits" in line


def test_ten_letters_in_any_script_are_enough(tmp_path: Path, cache: Path) -> None:
    quote = "조선민주주의 인민공화국"  # Korean letters count as letters
    root = one_claim(tmp_path / "d", statement="Kim met Putin.", evidence=[{"source": "beta-2024-11", "quote": quote}])
    assert invoke(["validate", str(root)], cache).exit_code == 0


@pytest.mark.parametrize("blank", BLANK[:-1], ids=repr)
@pytest.mark.parametrize(
    ("target", "path"),
    [
        ("note", "claims/a.json:3:5: claim 'c-1': [0].note"),
        ("date_note", "claims/a.json:3:5: claim 'c-1': [0].date_note"),
        ("place", "claims/a.json:3:5: claim 'c-1': [0].places[0]"),
        ("claimant", "claims/a.json:3:5: claim 'c-1': [0].claimants[0].text"),
        ("unit", "claims/a.json:3:5: claim 'c-1': [0].quantities[0].unit"),
        ("outlet", "sources.json:3:5: source 'alpha-2024-06-19': [0].outlet"),
        ("actor name", "actors.json:3:5: actor 'russia': [0].name"),
        ("topic label", "topics.json:3:5: topic 'treaty': [0].label"),
    ],
)
def test_blank_text_is_refused_in_every_text_field(
    tmp_path: Path, cache: Path, target: str, path: str, blank: str
) -> None:
    sources, actors, topics = (json.loads(json.dumps(x)) for x in (SOURCES, ACTORS, TOPICS))
    changes: dict[str, Any] = {}
    if target == "place":
        changes["places"] = [blank]
    elif target == "claimant":
        changes["claimants"] = [{"actor": None, "text": blank}]
    elif target == "unit":
        changes["quantities"] = [{"value": 1, "low": None, "high": None, "unit": blank, "qualifier": "exact"}]
    elif target in ("note", "date_note"):
        changes[target] = blank
    sources[0]["outlet"] = blank if target == "outlet" else sources[0]["outlet"]
    actors[0]["name"] = blank if target == "actor name" else actors[0]["name"]
    topics[0]["label"] = blank if target == "topic label" else topics[0]["label"]
    root = make_data(
        tmp_path / "d",
        claims={"claims/a.json": [claim("c-1", **changes)]},
        sources=sources,
        actors=actors,
        topics=topics,
    )
    found = [line for line in problems(root, cache) if line.startswith(path)]
    assert found == [f"{path}: must not be blank: it holds no visible character"]


QUANTITY = {"value": 10000, "low": None, "high": None, "unit": "troops", "qualifier": "about"}


@pytest.mark.parametrize(
    ("changes", "path", "message"),
    [
        ({"quantities": [{**QUANTITY, "value": True}]}, "quantities[0].value", "must be a JSON number, not a boolean"),
        (
            {"quantities": [{**QUANTITY, "value": "10000"}]},
            "quantities[0].value",
            "must be a JSON number, not a string",
        ),
        ({"quantities": [{**QUANTITY, "value": "1e5"}]}, "quantities[0].value", "must be a JSON number, not a string"),
        ({"quantities": [{**QUANTITY, "low": False}]}, "quantities[0].low", "must be a JSON number, not a boolean"),
        ({"quantities": [{**QUANTITY, "high": [1]}]}, "quantities[0].high", "must be a JSON number, not an array"),
        ({"quantities": [{**QUANTITY, "unit": 5}]}, "quantities[0].unit", "Input should be a valid string"),
        ({"quantities": [{**QUANTITY, "qualifier": 1}]}, "quantities[0].qualifier", "Input should be 'exact'"),
        ({"statement": 12345678901}, "statement", "Input should be a valid string"),
        ({"note": True}, "note", "Input should be a valid string"),
        ({"date": 2024}, "date", "Input should be a valid string"),
        ({"status": True}, "status", "Input should be 'reported'"),
        ({"tags": [1]}, "tags[0]", "Input should be a valid string"),
        ({"actors": "russia"}, "actors", "Input should be a valid list"),
        ({"claimants": [{"actor": None, "text": 7}]}, "claimants[0].text", "Input should be a valid string"),
    ],
    ids=lambda value: json.dumps(value) if isinstance(value, dict) else "",
)
def test_loose_types_are_refused_not_rewritten(
    tmp_path: Path, cache: Path, changes: dict[str, Any], path: str, message: str
) -> None:
    root = one_claim(tmp_path / "d", **changes)
    lines = problems(root, cache)
    assert any(line.startswith(f"claims/a.json:3:5: claim 'c-1': [0].{path}: {message}") for line in lines), lines


@pytest.mark.parametrize("number", ["1.5e-400", "-2E-999", "9e-325"])
def test_a_number_too_small_to_represent_is_refused_at_its_place(tmp_path: Path, cache: Path, number: str) -> None:
    root = one_claim(tmp_path / "d", quantities=[{**QUANTITY, "value": 0}])
    path = root / "claims" / "a.json"
    text = path.read_text(encoding="utf-8").replace('"value": 0,', f'"value": {number},')
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index(next(x for x in text.splitlines() if number in x)) + 1
    (problem,) = problems(root, cache)
    assert problem.startswith(f"claims/a.json:{line}:")
    assert problem.endswith(f"{number} is too small to be represented: it would read as 0")


def test_json_numbers_of_every_form_are_kept_exactly(tmp_path: Path, cache: Path) -> None:
    root = one_claim(tmp_path / "d", quantities=[{**QUANTITY, "value": 0}])
    path = root / "claims" / "a.json"
    forms = ["0", "0.0", "-0.0", "1e5", "1.5", "10000", "0e-400", "5e-324"]
    value = json.loads(path.read_text(encoding="utf-8"))
    value[0]["quantities"] = [{**QUANTITY, "value": i} for i in range(len(forms))]
    text = json.dumps(value, indent=2)
    for i, form in enumerate(forms):
        text = text.replace(f'"value": {i},', f'"value": {form},', 1)
    path.write_text(text, encoding="utf-8")
    result = invoke(["events", "--json", "--data", str(root)], cache)
    assert result.exit_code == 0, result.stderr
    printed = [q["value"] for q in json.loads(result.stdout)[0]["quantities"]]
    assert printed == [json.loads(form) for form in forms]
    assert [type(v) for v in printed] == [type(json.loads(form)) for form in forms]


def test_verify_refuses_a_quote_that_folds_to_nothing(tmp_path: Path) -> None:
    # Validation keeps such a quote out of the data; verify does not rely on it,
    # since "" is in every text and would pass unnoticed.
    from rknk import store
    from rknk.verify import verify_dataset

    loaded = store.load(make_data(tmp_path / "d", claims={"claims/a.json": [claim("c-1")]}))
    blank_quote = loaded.claims["c-1"]
    blank_quote["evidence"][0]["quote"] = " \u00a0\n"
    # The index holds only what validated: the blank quote is handed to verify directly.
    dataset = SimpleNamespace(root=loaded.root, sources=loaded.sources, claims={"c-1": blank_quote})
    archive = tmp_path / "archive"
    archive.mkdir()
    for source in SOURCES:
        (archive / source["archive"]).write_text("Putin dan Kim menandatangani perjanjian.", encoding="utf-8")
    failures, _ = verify_dataset(dataset, archive)
    blank = [str(f) for f in failures if f.claim == "c-1"]
    assert blank == ["claim 'c-1': source 'alpha-2024-06-19': the quote is blank; there is nothing to check"]


def test_every_ascii_character_is_blank_or_visible_as_its_unicode_category_says() -> None:
    import unicodedata

    from rknk.models import _visible

    for code in range(128):
        text = f" {chr(code)}\t"
        if unicodedata.category(chr(code))[0] in "ZC":
            with pytest.raises(ValueError, match="no visible character"):
                _visible(text)
        else:
            assert _visible(text) == text
