"""Search reads dates, years and spans typed in words, in English and Indonesian.

Claims write a day, a year or a span as figures (``19 June 2024``, ``since 2017``, ``24
years``); people type them any way they say them. Run through the command line on a small
data folder written here, so the index and the reading of the query are the real ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fixture_data import ACTORS, claim, invoke, make_data

#: Claims on other subjects, with no figure that a query here could match.
FILLER = [
    claim(f"filler-{chr(97 + n // 26)}{chr(97 + n % 26)}", date="2023-03", statement="Talks were held.", tags=["talks"])
    for n in range(30)
]
CLAIMS = [
    claim(
        "welcome",
        date="2024-06-19",
        statement="Kim and Putin shook hands in Pyongyang on 19 June 2024.",
        actors=["vladimir-putin", "russia", "north-korea"],
    ),
    claim(
        "return",
        date="2024-06-18",
        statement="Putin visited North Korea, his first visit there in 24 years.",
        actors=["vladimir-putin", "russia", "north-korea"],
        quantities=[{"value": 24, "low": None, "high": None, "unit": "years", "qualifier": "exact"}],
        tags=["visit"],
    ),
    claim("flight", date="2022", statement="North Korea's first ICBM launch since 2017.", tags=["missile-tests"]),
    claim("founding", date="1948", statement="Soviet officials installed the country's first ruler in 1948."),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dates") / "data"
    return make_data(root, claims={"claims/a.json": FILLER + CLAIMS}, actors=ACTORS)


def top(data: Path, cache: Path, query: str) -> list[str]:
    result = invoke(["search", query, "--json", "--data", str(data)], cache)
    assert result.exit_code == 0, result.stderr
    return [hit["id"] for hit in json.loads(result.stdout)]


def explained(data: Path, cache: Path, query: str) -> str:
    result = invoke(["search", query, "--json", "--explain", "--data", str(data)], cache)
    assert result.exit_code == 0, result.stderr
    return result.stderr


@pytest.mark.parametrize(
    "query",
    [
        "Putin in Pyongyang on the nineteenth of June",
        "Putin in Pyongyang on June the 19th",
        "Putin di Pyongyang tanggal sembilan belas Juni",
        "Putin di Pyongyang tanggal 19 Juni",
    ],
)
def test_a_day_typed_in_words_is_the_figure_the_claim_writes(data: Path, cache: Path, query: str) -> None:
    assert top(data, cache, query)[:1] == ["welcome"]


def test_a_day_no_claim_holds_finds_nothing(data: Path, cache: Path) -> None:
    assert top(data, cache, "Putin in Pyongyang on the twentieth of June") == []


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("first ICBM launch since twenty seventeen", "flight"),
        ("ICBM pertama sejak dua ribu tujuh belas", "flight"),
        ("first ruler installed in nineteen forty-eight", "founding"),
    ],
)
def test_a_year_said_in_words_is_a_year(data: Path, cache: Path, query: str, wanted: str) -> None:
    assert top(data, cache, query)[:1] == [wanted]


def test_a_year_said_in_words_that_no_claim_holds_finds_nothing(data: Path, cache: Path) -> None:
    assert top(data, cache, "first ICBM launch since twenty sixteen") == []


def test_a_gap_frames_the_span_of_years_that_follows_it(data: Path, cache: Path) -> None:
    assert top(data, cache, "Putin back in North Korea after a gap of two dozen years")[:1] == ["return"]
    assert "a span of time, which a claim may say by its dates: 24 years" in explained(
        data, cache, "Putin back in North Korea after a gap of two dozen years"
    )


def test_a_question_for_a_date_is_not_a_question_for_a_figure(data: Path, cache: Path) -> None:
    """``tanggal berapa`` and ``tahun berapa`` ask *which date*, not *how many*: the date word
    is the question's, and no figure is required of the answer."""
    for query in (
        "tanggal berapa Putin dan Kim berjabat tangan di Pyongyang?",
        "in what year was the first ruler installed?",
    ):
        line = explained(data, cache, query)
        assert "asks for a precise date" in line and "which an answer must hold" not in line, line
        assert "searched: tanggal" not in line and "year," not in line.split("dropped")[0], line
    assert top(data, cache, "tahun berapa penguasa pertama diangkat?")[:1] == ["founding"]


def test_a_negative_contraction_is_read_as_not(data: Path, cache: Path) -> None:
    line = explained(data, cache, "why didn't Putin visit North Korea for 24 years?")
    assert "didn" not in line and "everyday words, weighed as common: not" in line, line
    assert top(data, cache, "why didn't Putin visit North Korea for 24 years?")[:1] == ["return"]
