"""Search reads questions: question words, roles, numbers in words, what a question asks for,
and what kind of word each term is (everyday words, places, things the data lacks).

Run through the command line on a small data folder written here, so the
embedded index, the lexicon and the ranking are all the real ones.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fixture_data import ACTORS, claim, invoke, make_data

FILLER = [
    claim(f"filler-{n}", statement=f"Russia and North Korea held round {n} of consultations.", tags=["talks"])
    for n in range(30)
]
CLAIMS = [
    claim(
        "troops-estimate",
        date="2024-12",
        topic="troops",
        statement="Pyongyang may deploy up to 100,000 troops to Russia.",
        quantities=[{"value": 100000, "low": None, "high": None, "unit": "troops", "qualifier": "up-to"}],
    ),
    claim("arrival-year", date="2025", topic="troops", statement="North Korean troops arrived in Russia."),
    claim("arrival-day", date="2024-11-04", topic="troops", statement="North Korean troops arrived in Kursk."),
    claim(
        "minister-visit",
        date="2024-09",
        statement="North Korean Foreign Minister Choe Son-hui visited Russia.",
        tags=["visit"],
    ),
    claim("letters", date="2022-08", statement="The two leaders exchanged letters.", tags=["letters"]),
    claim(
        "putin-visit",
        date="2024-06-19",
        statement="Putin visited Pyongyang.",
        actors=["vladimir-putin", "russia", "north-korea"],
        tags=["visit"],
    ),
    claim(
        "china-veto",
        date="2022-05-26",
        statement="China and Russia vetoed new sanctions on North Korea.",
        actors=["china", "russia", "north-korea"],
        places=[],
        evidence=[{"source": "beta-2024-11", "quote": "China and Russia vetoed it."}],
        tags=["veto"],
    ),
]
CHINA = {"id": "china", "name": "China", "kind": "state", "aliases": ["Beijing"], "state": None, "role": None}


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reading") / "data"
    return make_data(root, claims={"claims/a.json": FILLER + CLAIMS}, actors=[*ACTORS, CHINA])


def found(data: Path, cache: Path, query: str, *more: str) -> list[dict[str, Any]]:
    result = invoke(["search", query, "--json", "--data", str(data), *more], cache)
    assert result.exit_code == 0, result.stderr
    hits: list[dict[str, Any]] = json.loads(result.stdout)
    return hits


def top(data: Path, cache: Path, query: str) -> list[str]:
    return [hit["id"] for hit in found(data, cache, query)]


def test_question_words_do_not_count_against_the_answer(data: Path, cache: Path) -> None:
    assert top(data, cache, "how many troops could Pyongyang eventually deploy?")[0] == "troops-estimate"
    assert top(data, cache, "berapa kali pasukan Korea Utara pernah tiba di Kursk?")[0] == "arrival-day"
    assert top(data, cache, "how many troops could Pyongyang eventually deploy to Wonsan?") == []


def test_a_question_favours_claims_holding_what_it_asks_for(data: Path, cache: Path) -> None:
    plain = top(data, cache, "North Korean troops arrived")
    assert plain[:2] == ["arrival-year", "arrival-day"]  # the newer first on a tie
    # "when": the claim dated to the day beats the one dated to the year only
    when = found(data, cache, "when did North Korean troops arrive?")
    assert [hit["id"] for hit in when][:1] == ["arrival-day"]
    assert any("asks for a precise date" in why for why in when[0]["why"])
    assert not any("asks for" in why for hit in when if hit["id"] == "arrival-year" for why in hit["why"])
    many = found(data, cache, "how many troops did Pyongyang deploy?")
    assert many[0]["id"] == "troops-estimate" and any("asks for a figure" in why for why in many[0]["why"])


def test_an_office_named_by_role_finds_its_holder(data: Path, cache: Path) -> None:
    assert top(data, cache, "Pyongyang's top diplomat in Russia")[:1] == ["minister-visit"]


def test_numbers_the_claim_spells_are_found_by_figure(data: Path, cache: Path) -> None:
    assert top(data, cache, "2 leaders swapped correspondence") == ["letters"]


def test_common_names_alone_are_no_answer(data: Path, cache: Path) -> None:
    assert top(data, cache, "who is Russia's ambassador in Pyongyang?") == []
    assert top(data, cache, "did Japan send troops to Russia?") == []  # a name the data does not know
    assert top(data, cache, "did japan send troops to russia?")[:1] == ["troops-estimate"]  # typed as a word
    assert top(data, cache, "North Korean troops in Russia in 2019") == []  # a year typed must be held


def test_explain_says_how_the_query_was_read_on_stderr(data: Path, cache: Path) -> None:
    query = "when did Pyongyang's top diplomat visit Russia?"
    plain = invoke(["search", query, "--json", "--data", str(data)], cache)
    explained = invoke(["search", query, "--json", "--explain", "--data", str(data)], cache)
    assert explained.exit_code == 0 and explained.stdout == plain.stdout
    line = explained.stderr.strip()
    assert line.startswith("rknk: query searched: pyongyang, foreign, minister, visit, russia;")
    assert "dropped: when, did" in line
    assert "read 'top diplomat' as 'foreign minister'" in line
    assert line.endswith("asks for a precise date")


def test_an_everyday_word_no_claim_holds_does_not_sink_the_answer(data: Path, cache: Path) -> None:
    # "watching" and "learning" frame the question; no claim holds them, and they weigh as common words
    assert top(data, cache, "North Korean troops watching and learning in Kursk")[:1] == ["arrival-day"]
    explained = invoke(
        ["search", "are North Korean troops learning in Kursk?", "--explain", "--data", str(data)], cache
    )
    assert "everyday words, weighed as common: learning" in explained.stderr


def test_a_word_naming_a_thing_no_claim_holds_keeps_its_full_weight(data: Path, cache: Path) -> None:
    assert top(data, cache, "North Korean warships in Kursk") == []
    assert top(data, cache, "North Korean troops in Kursk")[:1] == ["arrival-day"]


def test_a_concept_no_claim_holds_means_the_data_cannot_answer(data: Path, cache: Path) -> None:
    query = "how many North Korean troops died in Kursk?"
    explained = invoke(["search", query, "--json", "--explain", "--data", str(data)], cache)
    assert explained.exit_code == 0 and json.loads(explained.stdout) == []
    assert explained.stderr.strip().endswith("no claim holds died, so nothing can answer")


def test_a_capital_named_as_a_place_must_be_held(data: Path, cache: Path) -> None:
    assert top(data, cache, "when did Putin visit Pyongyang?")[:1] == ["putin-visit"]
    assert top(data, cache, "when did Choe Son-hui visit Russia?")[:1] == ["minister-visit"]
    # Beijing stands for China, but no claim about China is a visit by Choe: her visit to Russia is no answer
    assert top(data, cache, "when did Choe Son-hui visit Beijing?") == []
    assert top(data, cache, "kapan Choe Son-hui mengunjungi Beijing?") == []
    assert top(data, cache, "Beijing vetoed new sanctions")[:1] == ["china-veto"]  # still the state's government
