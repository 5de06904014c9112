"""Who and where a question is about: a relative named through a name (``Kim Jong Un's
daughter``), which a claim must name; a capital typed as where something happened (``trip
to Pyongyang``), which a claim naming a city elsewhere does not answer; and the verbs and
descriptions the third sealed set used for the claims' own words (arm, host, let lapse,
the Atlantic alliance).

Run through the command line on a small data folder written here, so the embedded
index, the lexicon and the ranking are all the real ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fixture_data import ACTORS, claim, make_data
from test_search_classes import actor
from test_search_dates import explained
from test_search_reading import FILLER
from test_search_wording import top

MORE_ACTORS = [
    actor("north-korea", "North Korea", "Korea Utara", "Korut", "Pyongyang"),
    actor("kim-jong-un", "Kim Jong Un", kind="person"),
    actor("kim-jong-il", "Kim Jong Il", kind="person"),
    actor("south-korea", "South Korea", "Korea Selatan", "Seoul"),
    actor("ukraine", "Ukraine", "Ukraina", "Kyiv"),
    actor("nato", "NATO", kind="organization"),
    actor("soviet-union", "Soviet Union", "Uni Soviet", "Soviet"),
]
#: The fixture's actors, North Korea named by its capital too, as the bundled data names it.
OTHER_ACTORS = [entry for entry in ACTORS if entry["id"] != "north-korea"]
CLAIMS = [
    claim(
        "summit-vladivostok-2019",
        date="2019-04-25",
        statement="Putin and Kim Jong Un met in Vladivostok in Russia's Far East for their first summit.",
        actors=["vladimir-putin", "kim-jong-un", "russia", "north-korea"],
        places=["Vladivostok"],
        tags=["summit"],
    ),
    claim(
        "welcome-ceremony",
        statement="Kim Jong Un and Putin shook hands after a welcome ceremony in Pyongyang.",
        actors=["vladimir-putin", "kim-jong-un"],
        tags=["ceremony"],
    ),
    claim(
        "visit-2000",
        date="2000-07",
        statement="In July 2000 Putin visited North Korea and held a summit with Kim Jong Il, "
        "the father of the current North Korean leader.",
        actors=["vladimir-putin", "kim-jong-il", "north-korea"],
        tags=["visit"],
    ),
    claim(
        "seoul-weapons-for-kyiv",
        date="2024-11",
        statement='Seoul "does not rule out the possibility of providing weapons" to Kyiv.',
        actors=["south-korea", "ukraine"],
        places=[],
        tags=["arms-for-ukraine"],
    ),
    claim(
        "alliance-lapse",
        date="1996",
        statement="Moscow let its Soviet-era military alliance with North Korea lapse.",
        places=[],
        tags=["alliance"],
    ),
    claim(
        "nato-chief-nuclear",
        date="2024-11-27",
        statement="The NATO chief said Moscow is supporting Pyongyang's nuclear programme.",
        actors=["nato", "russia", "north-korea"],
        places=[],
        tags=["nuclear-programme"],
    ),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("subjects") / "data"
    return make_data(
        root,
        claims={"claims/a.json": FILLER + CLAIMS},
        actors=[*(a for a in ACTORS if a["id"] != "north-korea"), *MORE_ACTORS],
    )


def test_a_relative_named_through_a_name_must_be_named_by_the_claim(data: Path, cache: Path) -> None:
    # No claim names a daughter: the ceremony Kim attended is no answer about her.
    assert top(data, cache, "Kim Jong Un's daughter at the welcome ceremony for Putin") == []
    assert "must name the person asked about: daughter" in explained(data, cache, "Kim Jong Un's daughter")
    # The father is named, as ayah in Indonesian, and hosting a leader is his visit.
    assert top(data, cache, "kapan ayah Kim Jong Un menjamu Putin?")[:1] == ["visit-2000"]
    assert top(data, cache, "when did Kim Jong Un's father host Putin?")[:1] == ["visit-2000"]


def test_a_capital_typed_as_where_it_happened_is_not_a_city_elsewhere(data: Path, cache: Path) -> None:
    assert top(data, cache, "Putin's trip to Pyongyang in 2019") == []
    assert "where it happened" in explained(data, cache, "Putin di Pyongyang 2019")
    # Typed as the government it stands for, the capital is its state, wherever they met.
    assert top(data, cache, "Pyongyang and Putin summit 2019")[:1] == ["summit-vladivostok-2019"]
    assert top(data, cache, "Putin's trip to Vladivostok in 2019")[:1] == ["summit-vladivostok-2019"]


def test_verbs_of_arming_and_letting_a_pact_lapse_are_the_claims_words(data: Path, cache: Path) -> None:
    assert top(data, cache, "is South Korea ready to arm Ukraine?")[:1] == ["seoul-weapons-for-kyiv"]
    assert top(data, cache, "Moscow dropped its Cold War pact with North Korea")[:1] == ["alliance-lapse"]


def test_the_atlantic_alliance_is_nato(data: Path, cache: Path) -> None:
    assert "read 'atlantic alliance' as 'nato'" in explained(data, cache, "the Atlantic alliance")
    assert top(data, cache, "head of the Atlantic alliance on Moscow and North Korea's nukes")[:1] == [
        "nato-chief-nuclear"
    ]
