"""A short name typed in capitals (``UN``) finds the claims whose own texts write it so, and not
those holding the word only in lower case (*Kim Jong Un*): read from marks the index holds."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from fixture_data import ACTORS, claim, invoke, make_data
from test_search_reading import FILLER

UN = {"id": "united-nations", "name": "United Nations", "kind": "organization", "aliases": ["UN", "PBB"]}
CLAIMS = [
    claim("leaders-met", statement="Kim Jong Un met Vladimir Putin in Pyongyang.", tags=["summit"]),
    claim("panel-ended", statement="The UN's panel of experts on North Korea ended in April.", tags=["panel"]),
    claim("panel-listed", statement="The panel of experts ended.", actors=["united-nations", "north-korea"]),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("capitals")
    return make_data(
        root, claims={"claims/a.json": FILLER + CLAIMS}, actors=[*ACTORS, {**UN, "state": None, "role": None}]
    )


def top(data: Path, cache: Path, query: str) -> list[str]:
    result = invoke(["search", query, "--json", "--data", str(data)], cache)
    assert result.exit_code == 0, result.stderr
    return [hit["id"] for hit in json.loads(result.stdout)]


def test_a_name_in_capitals_is_found_where_the_claim_writes_it_so(data: Path, cache: Path) -> None:
    found = top(data, cache, "UN")
    assert set(found) == {"panel-ended", "panel-listed"}  # written in capitals, or listed as an actor
    assert "leaders-met" not in top(data, cache, "UN Pyongyang")


def test_the_index_marks_the_words_written_in_capitals(data: Path, cache: Path) -> None:
    top(data, cache, "UN")
    (index,) = cache.glob("*.sqlite")
    with sqlite3.connect(index) as db:
        holders = dict(db.execute("SELECT id, number FROM claims"))
        marked = {
            number
            for (numbers,) in db.execute("SELECT numbers FROM postings WHERE word = '@caps:un'")
            for number in memoryview(numbers).cast("q")
        }
    assert holders["panel-ended"] in marked and holders["leaders-met"] not in marked
