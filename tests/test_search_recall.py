"""Search finds what a question means when its words are not the claim's, and still
nothing when the data lacks what it asks about.

Indonesian words meet through their roots (``ditutup``, ``menutup``); when no
claim passes the floor, words no claim holds are left out once, if enough
informative words remain; a state, a city of the lexicon and a year typed are
facts a claim must hold. Run through the command line on a small data folder
written here, so the embedded index, the lexicon and the ranking are the real ones.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fixture_data import ACTORS, claim, invoke, make_data

CHINA = {"id": "china", "name": "China", "kind": "state", "aliases": ["Beijing"], "state": None, "role": None}


def said(claim_id: str, statement: str, quote: str, **changes: Any) -> dict[str, Any]:
    evidence = [{"source": "beta-2024-11", "quote": quote}]
    return claim(claim_id, **{"statement": statement, "evidence": evidence, "places": [], "tags": [], **changes})


FILLER = [
    said(f"filler-{n}", f"Russia and North Korea held round {n} of consultations.", "Konsultasi.") for n in range(30)
]
CLAIMS = [
    said(
        "borders-closed",
        "North Korea closed its borders because of the pandemic.",
        "Korea Utara menutup perbatasannya karena pandemi COVID-19.",
        date="2020-02",
    ),
    said(
        "troops-sent",
        "North Korea has sent more than 10,000 troops to Russia.",
        "Korea Utara telah mengirim lebih dari 10.000 tentara ke Rusia.",
        date="2024-11-30",
        topic="troops",
        quantities=[{"value": 10000, "low": None, "high": None, "unit": "troops", "qualifier": "more-than"}],
    ),
    said(
        "denial",
        "Moscow and Pyongyang denied the accusation of arms transfers.",
        "Moskow dan Pyongyang kemudian membantah tuduhan tersebut.",
        date="2024-10",
    ),
    said(
        "nuclear-resolve-2022",
        "Kim may strengthen his resolve to keep his nuclear weapons.",
        "Kim dapat memperkuat tekadnya untuk mempertahankan senjata nuklirnya.",
        date="2022-09",
        note="North Korea last tested a nuclear weapon in 2017.",
    ),
    said(
        "summit-2019",
        "Putin and Kim met in Vladivostok for their first summit.",
        "Putin dan Kim bertemu di Vladivostok.",
        date="2019-04-25",
        places=["Vladivostok"],
    ),
    said(
        "border-reopened",
        "North Korea reopened its border crossing with Russia.",
        "Korea Utara membuka kembali perlintasan perbatasannya dengan Rusia.",
        date="2023-08",
    ),
    said("putin-visit-2024", "Putin visited Pyongyang.", "Putin mengunjungi Pyongyang.", date="2024-06-19"),
    said(
        "china-veto",
        "China and Russia vetoed new sanctions on North Korea.",
        "China dan Rusia memveto sanksi baru.",
        date="2022-05-26",
        actors=["china", "russia", "north-korea"],
    ),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("recall") / "data"
    return make_data(root, claims={"claims/a.json": FILLER + CLAIMS}, actors=[*ACTORS, CHINA])


def found(data: Path, cache: Path, query: str) -> list[dict[str, Any]]:
    result = invoke(["search", query, "--json", "--data", str(data)], cache)
    assert result.exit_code == 0, result.stderr
    hits: list[dict[str, Any]] = json.loads(result.stdout)
    return hits


def top(data: Path, cache: Path, query: str) -> list[str]:
    return [hit["id"] for hit in found(data, cache, query)]


def explained(data: Path, cache: Path, query: str) -> str:
    result = invoke(["search", query, "--explain", "--json", "--data", str(data)], cache)
    assert result.exit_code == 0, result.stderr
    return result.stderr


def test_indonesian_words_meet_through_their_root(data: Path, cache: Path) -> None:
    # dibuka (opened) and membuka (to open), ditutup (closed) and menutup (to close)
    hits = found(data, cache, "kapan perbatasan Korea Utara dibuka kembali?")
    assert hits[0]["id"] == "border-reopened"
    assert "dibuka: root 'membuka' in quote" in hits[0]["why"]
    assert top(data, cache, "kapan perbatasan Korea Utara ditutup?")[:1] == ["borders-closed"]
    assert top(data, cache, "berapa tentara yang dikirim ke Rusia?")[:1] == ["troops-sent"]


def test_a_concept_is_found_through_the_root_of_the_word_typed(data: Path, cache: Path) -> None:
    # menyangkal is a form of sangkal, which the lexicon puts with bantah and deny
    assert top(data, cache, "apakah Rusia dan Korut menyangkal tuduhan?")[:1] == ["denial"]


def test_words_no_claim_holds_are_left_out_when_enough_words_remain(data: Path, cache: Path) -> None:
    # enggan (reluctant) and melepaskan (to give up): no claim says them; the question is still about
    # Kim's nuclear weapons
    query = "mengapa Kim enggan melepaskan senjata nuklir?"
    assert top(data, cache, query) == ["nuclear-resolve-2022"]
    assert "nothing matched every word; left out enggan, melepaskan, which no claim holds" in explained(
        data, cache, query
    )


def test_a_thing_asked_about_is_never_left_out(data: Path, cache: Path) -> None:
    assert top(data, cache, "North Korean troops sent to Russia")[:1] == ["troops-sent"]
    # leaving out "stationed" would leave one informative word, troops, beside a name: not enough
    assert top(data, cache, "troops stationed in North Korea") == []


def test_a_state_named_must_be_involved(data: Path, cache: Path) -> None:
    assert top(data, cache, "did China send troops to Russia?") == []
    assert top(data, cache, "did China veto new sanctions?")[:1] == ["china-veto"]


def test_a_year_only_the_note_holds_is_not_the_claims(data: Path, cache: Path) -> None:
    assert top(data, cache, "Kim nuclear weapons in 2017") == []  # 2017 is the note's test, not this claim
    assert top(data, cache, "Kim nuclear weapons in 2022") == ["nuclear-resolve-2022"]


def test_a_city_of_the_lexicon_must_be_held(data: Path, cache: Path) -> None:
    assert top(data, cache, "Putin Kim summit in Vladivostok")[:1] == ["summit-2019"]
    # the Vladivostok summit is of 2019, the visit of 2024 was to Pyongyang: neither answers
    assert top(data, cache, "Putin visit to Vladivostok in 2024") == []
    assert top(data, cache, "Putin visit in 2024")[:1] == ["putin-visit-2024"]
