"""Who did what to whom: a query stating an act with its parties finds no claim stating the same
act with other parties, or the other way round; a query stating no direction finds what it did.

Run through the command line on a small data folder written here, so the index's marks of each
statement's act and the search's reading of the query are the real ones.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from fixture_data import ACTORS, claim, invoke, make_data
from test_search_reading import FILLER

STATES = [
    {"id": one, "name": name, "kind": "state", "aliases": aliases, "state": None, "role": None}
    for one, name, aliases in (
        ("united-states", "United States", ["US", "Washington"]),
        ("united-kingdom", "United Kingdom", ["Britain", "UK"]),
    )
]
CLAIMS = [
    claim(
        "shells-bought",
        statement="Russia plans to buy artillery shells from North Korea.",
        tags=["arms-trade"],
    ),
    claim(
        "entities-sanctioned",
        statement="The United States and Britain imposed sanctions on Russian entities.",
        actors=["united-states", "united-kingdom", "russia", "north-korea"],
        tags=["sanctions"],
    ),
    claim(
        "panel-vetoed",
        statement="Russia vetoed the renewal of the UN panel monitoring the sanctions.",
        tags=["veto"],
    ),
    claim(
        "support-for-troops",
        statement="Moscow is providing support to North Korea's missiles in exchange for troops.",
        tags=["quid-pro-quo"],
    ),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("direction")
    return make_data(root, claims={"claims/a.json": FILLER + CLAIMS}, actors=ACTORS + STATES)


def found(data: Path, cache: Path, query: str) -> tuple[list[str], str]:
    result = invoke(["search", query, "--json", "--explain", "--data", str(data)], cache)
    assert result.exit_code == 0, result.stderr
    return [hit["id"] for hit in json.loads(result.stdout)], result.stderr


@pytest.mark.parametrize(
    ("reversed_", "stated"),
    [
        ("did North Korea buy artillery shells from Russia?", "did Russia buy artillery shells from North Korea?"),
        ("apakah Korut membeli peluru artileri dari Rusia?", "apakah Rusia membeli peluru artileri dari Korut?"),
        ("Britain and the US sanction North Korean entities", "Britain and the US sanction Russian entities"),
        ("Britain sanctioned North Korean entities", "Britain sanctioned Russian entities"),
        ("did North Korea veto the UN panel?", "did Russia veto the UN panel?"),
    ],
)
def test_an_act_stated_with_other_parties_is_no_answer(data: Path, cache: Path, reversed_: str, stated: str) -> None:
    hits, _ = found(data, cache, reversed_)
    assert hits == []
    right, _ = found(data, cache, stated)
    assert right[:1] and right[0] in {"shells-bought", "entities-sanctioned", "panel-vetoed"}


def test_explain_says_the_direction_where_it_left_claims_out(data: Path, cache: Path) -> None:
    _, said = found(data, cache, "did North Korea buy artillery shells from Russia?")
    assert "who did what to whom: transfer (receiver north-korea; giver russia)" in said
    _, said = found(data, cache, "did Russia buy artillery shells from North Korea?")
    assert "who did what to whom" not in said


def test_a_query_stating_no_direction_finds_what_it_did(data: Path, cache: Path) -> None:
    hits, said = found(data, cache, "artillery shells North Korea Russia")
    assert hits[:1] == ["shells-bought"] and "who did what to whom" not in said


def test_an_act_of_other_things_refutes_nothing(data: Path, cache: Path) -> None:
    # Moscow's support for Pyongyang's missiles does not say Pyongyang sent no troops to Moscow
    hits, _ = found(data, cache, "did North Korea send troops to Russia?")
    assert "support-for-troops" in hits


def test_the_index_holds_each_statements_act_and_parties(data: Path, cache: Path) -> None:
    found(data, cache, "shells")
    (index,) = cache.glob("*.sqlite")
    with sqlite3.connect(index) as db:
        marks = {word for (word,) in db.execute("SELECT DISTINCT word FROM postings WHERE word LIKE '@act:%'")}
    assert {
        "@act:transfer:receiver:russia",
        "@act:transfer:giver:north-korea",
        "@act:transfer:thing:artillery",
        "@act:sanction:sanctioner:united-kingdom",
        "@act:sanction:target:russia",
        "@act:veto:vetoer:russia",
    } <= marks
