"""The wordings a question may take for the same fact: a month typed with a year, words
that only frame it, kedua by its place, an abbreviation's plural, another spelling of a
word of the lexicon, verbs of transfer, and a span of time said instead of a date.

Run through the command line on a small data folder written here, so the embedded
index, the lexicon and the ranking are all the real ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fixture_data import ACTORS, claim, invoke, make_data
from rknk.dates import date_words
from rknk.normalize import fold
from test_search_reading import FILLER


def person(actor_id: str, name: str, role: str) -> dict[str, object]:
    surname = name.split()[-1]
    return {"id": actor_id, "name": name, "kind": "person", "aliases": [surname], "state": "russia", "role": role}


PEOPLE = [
    person("sergei-shoigu", "Sergei Shoigu", "Russian defence minister until May 2024"),
    person("andrei-belousov", "Andrei Belousov", "Russian defence minister since May 2024"),
]
CLAIMS = [
    claim(
        "shoigu-visit",
        date="2023-07-25",
        statement="Then-Russian Defence Minister Sergei Shoigu visited Pyongyang.",
        actors=["sergei-shoigu", "russia", "north-korea"],
    ),
    claim(
        "belousov-visit",
        date="2024-11-29",
        statement="Russian Defence Minister Andrei Belousov arrived in Pyongyang.",
        actors=["andrei-belousov", "russia", "north-korea"],
    ),
    claim(
        "us-accuses",
        date="2023-10-13",
        statement="The United States accused North Korea of sending weapons to Russia.",
        actors=["north-korea", "russia"],
        tags=["weapons"],
    ),
    claim(
        "launchers",
        date="2024-12-23",
        statement='Pyongyang supplied "240 mm rocket launchers" to the Russian army.',
        tags=["weapons"],
    ),
    claim(
        "first-satellite",
        date="2023-11-21",
        statement="North Korea put its first spy satellite into orbit.",
        actors=["north-korea"],
        tags=["satellite"],
    ),
    claim(
        "icbm-flight",
        date="2022-01/2022-09",
        statement="North Korea's tests included its first intercontinental ballistic missile flight since 2017.",
        actors=["north-korea"],
        tags=["icbm"],
    ),
    claim(
        "alliance-lapse",
        date="1990/2000",
        statement="Moscow let its Soviet-era military alliance with Pyongyang lapse.",
        tags=["alliance"],
    ),
    claim(
        "troops-estimate",
        date="2024-12",
        statement="Pyongyang may deploy up to 100,000 troops if its alliance with Moscow deepens.",
        quantities=[{"value": 100000, "low": None, "high": None, "unit": "troops", "qualifier": "up-to"}],
        tags=["troops"],
    ),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("wording") / "data"
    return make_data(root, claims={"claims/a.json": FILLER + CLAIMS}, actors=[*ACTORS, *PEOPLE])


def top(data: Path, cache: Path, query: str) -> list[str]:
    result = invoke(["search", query, "--json", "--data", str(data)], cache)
    assert result.exit_code == 0, result.stderr
    return [hit["id"] for hit in json.loads(result.stdout)]


def test_a_claim_date_is_said_by_its_months_and_years_in_both_languages() -> None:
    assert date_words("2023-10-13") == "october 2023 oktober 2023"
    assert date_words("2024-06") == "june 2024 juni 2024"
    assert date_words("2024") == "2024"
    assert date_words("2006-10-14/2017-12-22") == "october 2006 oktober 2006 december 2017 desember 2017"


def test_a_month_typed_with_its_year_finds_the_claim_of_that_month(data: Path, cache: Path) -> None:
    query = "siapa yang menuduh Korea Utara memasok senjata ke Rusia pada Oktober 2023?"
    assert top(data, cache, query)[:1] == ["us-accuses"]
    assert top(data, cache, "who accused North Korea of arming Russia in October 2023?")[:1] == ["us-accuses"]
    # the claim's date is its month's: another month of the year is no answer
    assert top(data, cache, "who accused North Korea of arming Russia in March 2023?") == []


def test_an_abbreviations_plural_is_its_singular(data: Path, cache: Path) -> None:
    assert fold("ICBMs and MRLs, POW's") == "icbm and mrl pow"
    assert top(data, cache, "240-millimeter MRLs sent to Russia")[:1] == ["launchers"]
    assert top(data, cache, "North Korea's ICBMs since 2017")[:1] == ["icbm-flight"]


def test_kedua_after_the_noun_it_ranks_is_second(data: Path, cache: Path) -> None:
    # the data holds the first spy satellite only: the second is not there
    assert top(data, cache, "kapan Korea Utara meluncurkan satelit mata-mata kedua?") == []
    assert top(data, cache, "satelit mata-mata yang kedua") == []
    assert top(data, cache, "satelit mata-mata pertama Korea Utara")[:1] == ["first-satellite"]
    # before a noun it counts, kedua is both, and asks for nothing more
    assert "alliance-lapse" in top(data, cache, "aliansi kedua negara berakhir")


def test_framing_words_do_not_count_against_the_answer(data: Path, cache: Path) -> None:
    assert top(data, cache, "Russia no longer keeps its old alliance with Pyongyang")[:1] == ["alliance-lapse"]
    assert top(data, cache, "Rusia tak lagi memelihara aliansi militer dengan Pyongyang")[:1] == ["alliance-lapse"]
    query = "berapa banyak pasukan yang bisa dikirim Pyongyang kalau aliansinya dengan Moskow makin erat?"
    assert top(data, cache, query)[:1] == ["troops-estimate"]


def test_a_word_no_claim_holds_stops_the_answer_unless_it_may_be_left_out(data: Path, cache: Path) -> None:
    # "pulled out" is what the question asks about: the claims on troops are no answer
    assert top(data, cache, "North Korean troops pulled out of Russia") == []


def test_another_spelling_of_a_lexicon_word_finds_its_concept(data: Path, cache: Path) -> None:
    # personel (Indonesian) is one letter from personnel, a word of the troops concept
    assert top(data, cache, "hingga seratus ribu personel Korut")[:1] == ["troops-estimate"]
    result = invoke(["search", "personel Korut", "--json", "--data", str(data)], cache)
    assert "personel: spelling 'troops' in statement" in json.loads(result.stdout)[0]["why"]


def test_a_span_of_time_may_be_said_by_dates(data: Path, cache: Path) -> None:
    assert top(data, cache, "first ICBM flight in five years")[:1] == ["icbm-flight"]
    result = invoke(["search", "first ICBM flight in five years", "--explain", "--data", str(data)], cache)
    assert "a span of time, which a claim may say by its dates: 5 years" in result.stderr.splitlines()[0]


def test_a_persons_predecessor_or_successor_is_another_holder_of_their_office(data: Path, cache: Path) -> None:
    assert top(data, cache, "Belousov's predecessor in Pyongyang") == ["shoigu-visit"]
    assert top(data, cache, "penerus Shoigu di Pyongyang") == ["belousov-visit"]
    result = invoke(["search", "the successor of Shoigu", "--explain", "--data", str(data)], cache)
    line = result.stderr.splitlines()[0]
    assert "read 'successor of shoigu' as 'russian defence minister'" in line
    assert line.endswith("not the person named: sergei-shoigu")
    # Belousov's role gives no end: it says nothing of a successor, so nothing answers
    assert top(data, cache, "Belousov's successor in Pyongyang") == []
