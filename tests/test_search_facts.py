"""Facts typed that a claim must hold (a person, an ordinal, a figure asked for), and the
paraphrases of a treaty's or a relation's state, in both languages.

Run through the command line on a small data folder written here, so the
embedded index, the lexicon and the ranking are all the real ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fixture_data import ACTORS, claim, invoke, make_data
from test_search_reading import FILLER


def person(actor_id: str, name: str, *aliases: str) -> dict[str, object]:
    return {"id": actor_id, "name": name, "kind": "person", "aliases": list(aliases), "state": None, "role": None}


PEOPLE = [
    person("sergei-shoigu", "Sergei Shoigu", "Shoigu"),
    person("choe-son-hui", "Choe Son Hui"),
    person("kim-jong-un", "Kim Jong Un"),
    person("kim-jong-il", "Kim Jong Il"),
]
CLAIMS = [
    claim(
        "choe-trip",
        date="2024-09",
        statement="North Korean Foreign Minister Choe Son Hui visited Russia in September 2024.",
        actors=["choe-son-hui", "russia", "north-korea"],
        tags=["visit"],
        places=["Russia"],
    ),
    claim(
        "father-summit",
        date="2000-07",
        statement="Putin visited North Korea for the first time and met Kim Jong Il, the father of its leader.",
        actors=["vladimir-putin", "kim-jong-il", "russia", "north-korea"],
        evidence=[{"source": "alpha-2024-06-19", "quote": "kunjungan pertama Putin ke Korea Utara"}],
        tags=["visit"],
    ),
    claim(
        "second-summit",
        date="2023-09",
        statement="Kim Jong Un travelled to Russia for his second summit with Putin.",
        actors=["kim-jong-un", "vladimir-putin", "russia", "north-korea"],
        tags=["summit"],
    ),
    claim(
        "nuclear-tests",
        date="2022",
        statement="North Korea carried out nuclear tests despite sanctions.",
        tags=["nuclear"],
    ),
    claim("in-force", date="2024-12", statement="The defence pact took effect in December 2024.", tags=["pact"]),
    claim(
        "seoul-ties",
        date="1990",
        statement="Moscow established formal diplomatic relations with Seoul to attract investment.",
        evidence=[{"source": "alpha-2024-06-19", "quote": "Moskow menjalin hubungan diplomatik formal dengan Seoul"}],
        tags=["relations"],
    ),
    claim(
        "labour",
        date="2024-11",
        statement="North Korea supplies weapons and labour to Russia's war economy.",
        tags=["economy"],
    ),
    claim(
        "troop-figure",
        date="2024-10",
        statement="North Korea has sent more than 10,000 troops to Russia.",
        quantities=[{"value": 10000, "low": None, "high": None, "unit": "troops", "qualifier": "more-than"}],
        tags=["troops"],
    ),
    claim(
        "votes",
        date="2017",
        statement="Over more than 10 years, Russia voted for nine UN resolutions on North Korea.",
        evidence=[{"source": "alpha-2024-06-19", "quote": "Rusia mendukung sembilan resolusi PBB selama 10 tahun"}],
        tags=["sanctions"],
    ),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("facts") / "data"
    return make_data(root, claims={"claims/a.json": FILLER + CLAIMS}, actors=[*ACTORS, *PEOPLE])


def top(data: Path, cache: Path, query: str, *more: str) -> list[str]:
    result = invoke(["search", query, "--json", "--data", str(data), *more], cache)
    assert result.exit_code == 0, result.stderr
    return [hit["id"] for hit in json.loads(result.stdout)]


def test_a_person_named_must_be_in_the_claim(data: Path, cache: Path) -> None:
    assert top(data, cache, "Choe Son Hui trip to Russia in September 2024")[:1] == ["choe-trip"]
    # the only September 2024 trip is Choe's: Shoigu's is not in the data
    assert top(data, cache, "Shoigu trip to Russia in September 2024") == []


def test_a_person_named_through_a_relative_is_someone_else(data: Path, cache: Path) -> None:
    # Kim Jong Un's father is Kim Jong Il: the claim about him need not name Kim Jong Un
    assert "father-summit" in top(data, cache, "ayah Kim Jong Un bertemu Putin")
    assert "father-summit" in top(data, cache, "when did Putin meet Kim Jong Un's father?")
    assert "father-summit" not in top(data, cache, "Kim Jong Un bertemu Putin")
    assert top(data, cache, "when did Kim Jong Un meet Putin in 2000?") == []


def test_an_ordinal_typed_must_be_held_in_either_language(data: Path, cache: Path) -> None:
    assert top(data, cache, "Putin's first visit to North Korea")[:1] == ["father-summit"]
    assert top(data, cache, "kunjungan pertama Putin")[:1] == ["father-summit"]
    assert top(data, cache, "second summit of Kim Jong Un and Putin")[:1] == ["second-summit"]
    assert top(data, cache, "third summit of Kim Jong Un and Putin") == []
    # an ordinal no claim holds, in words or as a figure: nothing can answer
    assert top(data, cache, "when was North Korea's sixth nuclear test?") == []
    assert top(data, cache, "North Korea's 6th nuclear test") == []
    assert top(data, cache, "uji nuklir keenam Korea Utara") == []


def test_a_question_for_a_figure_is_answered_only_by_a_claim_holding_one(data: Path, cache: Path) -> None:
    assert top(data, cache, "how many North Korean troops are in Russia?")[:1] == ["troop-figure"]
    assert top(data, cache, "berapa jumlah tentara Korea Utara yang dikirim ke Rusia?")[:1] == ["troop-figure"]
    # the labour claim matches "workers", but holds no figure
    assert top(data, cache, "North Korean workers in Russia")[:1] == ["labour"]
    assert top(data, cache, "how many North Korean workers are in Russia?") == []
    # how many *times* counts events, and how long (berapa lama) is shown by dates: with or without a figure
    assert "father-summit" in top(data, cache, "how many times did Putin visit North Korea?")
    assert top(data, cache, "berapa lama Rusia mendukung resolusi PBB?")[:1] == ["votes"]


def test_explain_says_what_the_question_requires(data: Path, cache: Path) -> None:
    result = invoke(["search", "berapa tentara Korea Utara tahun 2024?", "--explain", "--data", str(data)], cache)
    assert result.exit_code == 0, result.stderr
    line = result.stderr.splitlines()[0]
    assert "dropped: berapa, tahun" in line  # tahun only says that a year follows
    assert line.endswith("asks for a figure, which an answer must hold")


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("defence accord came into operation", "in-force"),
        ("when did the defence pact enter into force?", "in-force"),
        ("kapan pakta pertahanan mulai berlaku?", "in-force"),
        ("Moscow set up official ties with Seoul", "seoul-ties"),
        ("Kremlin membuka hubungan resmi dengan Seoul demi menarik modal", "seoul-ties"),
        ("Pyongyang supplies workers to Moscow's war economy", "labour"),
        ("Korea Utara memasok tenaga kerja untuk ekonomi perang Rusia", "labour"),
        ("lebih dari satu dekade Rusia mendukung resolusi PBB", "votes"),
        ("Russia backed UN resolutions for over a decade", "votes"),
    ],
)
def test_paraphrases_of_a_treatys_or_a_relations_state_find_it(
    data: Path, cache: Path, query: str, wanted: str
) -> None:
    assert top(data, cache, query)[:1] == [wanted]
