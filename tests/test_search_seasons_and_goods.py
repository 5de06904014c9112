"""Words of the fourth sealed set's classes: a season typed in a query is the months it
spans (one way only), trenches are the front line, cigarettes and fuel are the goods of a
ban, orbit is a satellite's, and rejecting a claim is denying it.

Run through the command line on a small data folder written here, so the embedded
index, the lexicon and the ranking are all the real ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fixture_data import ACTORS, claim, invoke, make_data
from test_search_dates import explained
from test_search_reading import FILLER
from test_search_wording import top


def quoted(claim_id: str, date: str, statement: str, quote: str, **changes: object) -> dict[str, object]:
    """A claim whose evidence quotes ``quote``, not the fixture's default treaty sentence."""
    evidence = [{"source": "alpha-2024-06-19", "quote": quote}]
    return claim(claim_id, date=date, statement=statement, evidence=evidence, **changes)


CLAIMS = [
    quoted("summer-visit", "2024-06-19", "Putin visited Pyongyang.", "Putin berkunjung ke Pyongyang."),
    quoted("winter-visit", "2024-12-10", "Putin visited Pyongyang again.", "Putin kembali ke Pyongyang."),
    quoted(
        "front-line",
        "2024-12-02",
        "Some of the North Korean troops sent to Russia have been active on the front lines.",
        "Sebagian tentara Korut aktif di garis depan.",
        topic="troops",
    ),
    quoted(
        "goods-ban",
        "2022-05-26",
        "The draft would have banned tobacco and oil imports to North Korea.",
        "larangan impor tembakau dan minyak",
    ),
    quoted(
        "satellite-help",
        "2023-09-13",
        "Kim and Putin discussed Russian assistance for North Korea's satellite programme.",
        "bantuan untuk program satelit",
    ),
    quoted(
        "denial",
        "2024-10-08",
        "Moscow and Pyongyang denied the accusation that North Korea was sending weapons to Russia.",
        "Moskow dan Pyongyang membantah tuduhan tersebut.",
        status="denied",
    ),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("seasons") / "data"
    return make_data(root, claims={"claims/a.json": FILLER + CLAIMS}, actors=ACTORS)


def test_a_season_finds_the_claims_dated_in_its_months(data: Path, cache: Path) -> None:
    assert top(data, cache, "Putin visited Pyongyang in summer 2024")[:1] == ["summer-visit"]
    assert top(data, cache, "Putin ke Pyongyang musim dingin 2024")[:1] == ["winter-visit"]
    assert "read 'musim panas' as 'summer'" in explained(data, cache, "Putin ke Pyongyang musim panas 2024")


def test_a_month_does_not_stand_for_its_season(data: Path, cache: Path) -> None:
    # summer is June to August, but June is not summer: a claim saying "summer" is not found by it
    assert "summer" not in explained(data, cache, "Putin Pyongyang June 2024").splitlines()[1:]
    assert top(data, cache, "Putin visited Pyongyang in June 2024")[:1] == ["summer-visit"]


def test_trenches_are_the_front_line(data: Path, cache: Path) -> None:
    assert top(data, cache, "North Korean troops in the trenches")[:1] == ["front-line"]
    assert top(data, cache, "tentara Korut di parit")[:1] == ["front-line"]


def test_cigarettes_and_fuel_are_the_goods_of_a_ban(data: Path, cache: Path) -> None:
    assert top(data, cache, "larangan pasokan rokok dan BBM ke Korut")[:1] == ["goods-ban"]
    assert top(data, cache, "a ban on cigarettes and petroleum for North Korea")[:1] == ["goods-ban"]


def test_orbit_is_a_satellites(data: Path, cache: Path) -> None:
    assert top(data, cache, "Russian help for Kim's orbital programme")[:1] == ["satellite-help"]


def test_rejecting_a_claim_is_denying_it(data: Path, cache: Path) -> None:
    result = invoke(["search", "Pyongyang rejected the accusation", "--json", "--data", str(data)], cache)
    assert result.exit_code == 0, result.stderr
    assert "rejected: synonym 'denied' in statement (concept denied)" in json.loads(result.stdout)[0]["why"]
    assert top(data, cache, "Moscow and Pyongyang reject claims of weapons deliveries")[:1] == ["denial"]
    assert top(data, cache, "Moskow dan Pyongyang menepis tuduhan pengiriman senjata")[:1] == ["denial"]
