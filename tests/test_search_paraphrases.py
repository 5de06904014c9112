"""Paraphrases of the claims' own facts: the everyday words for each, in both languages, and
the Indonesian prefix ``menge-`` of one-syllable roots.

Run through the command line on a small data folder written here, so the embedded index,
the lexicon, the stemmers and the ranking are all the real ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fixture_data import ACTORS, claim, invoke, make_data
from test_search_reading import FILLER


def told(claim_id: str, date: str, statement: str, quote: str, tag: str) -> dict[str, object]:
    """A claim stated in English, quoted in Indonesian."""
    evidence = [{"source": "alpha-2024-06-19", "quote": quote}]
    return claim(claim_id, date=date, statement=statement, evidence=evidence, tags=[tag])


CLAIMS = [
    told(
        "launchers",
        "2024-12-23",
        'Pyongyang supplied "240 mm rocket launchers" to the Russian army.',
        "Korut memasok peluncur roket 240 mm ke Rusia.",
        "weapons",
    ),
    told(
        "us-accuses",
        "2023-10-13",
        "The United States accused North Korea of sending weapons to Russia.",
        "AS menuduh Korut mengirim senjata ke Rusia.",
        "accusation",
    ),
    told(
        "easing-call",
        "2022-09",
        "Russia has called for easing the UN sanctions imposed on North Korea.",
        "Rusia menyerukan pelonggaran sanksi PBB.",
        "sanctions",
    ),
    told(
        "ties-strengthened",
        "2022-02/2024-12-27",
        "North Korea and Russia have strengthened their military ties.",
        "Korut dan Rusia memperkuat hubungan militer.",
        "military-cooperation",
    ),
    told("city-bombed", "2024-08", "Russian aircraft struck the city.", "Pesawat Rusia mengebom kota itu.", "war"),
    told(
        "shells-bought",
        "2022-09",
        "Russia is buying artillery shells from North Korea.",
        "Rusia membeli peluru artileri dari Korut.",
        "arms-trade",
    ),
    told(
        "bypass",
        "2024-10-08",
        "Analysts say North Korea could even bypass China, its main trading partner.",
        "Korut bahkan berpotensi melewati China.",
        "analysis",
    ),
    told(
        "panel-vetoed",
        "2024-03-28",
        "Russia vetoed the renewal of the UN panel monitoring the sanctions on North Korea.",
        "Rusia memveto pembaruan panel PBB yang memantau sanksi.",
        "veto",
    ),
    told(
        "drills-seen",
        "2022-09",
        "North Korea sees the joint military exercises as invasion rehearsals.",
        "yang dilihat Korut sebagai latihan invasi",
        "military-drills",
    ),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("paraphrases")
    return make_data(root, claims={"claims/a.json": FILLER + CLAIMS}, actors=ACTORS)


def top(data: Path, cache: Path, query: str) -> list[str]:
    result = invoke(["search", query, "--json", "--data", str(data)], cache)
    assert result.exit_code == 0, result.stderr
    return [hit["id"] for hit in json.loads(result.stdout)]


@pytest.mark.parametrize(
    ("query", "wanted", "typed"),
    [
        ("North Korea gave rocket launchers to Moscow", "launchers", "gave"),
        ("Korut menyerahkan peluncur roket kepada Rusia", "launchers", "menyerahkan"),
        ("North Korea was charged with shipping arms to Russia", "us-accuses", "charged"),
        ("AS menuding Korut mengirim senjata", "us-accuses", "menuding"),
        ("Russia lobbied to lift UN sanctions on North Korea", "easing-call", "lift"),
        ("Rusia meminta pencabutan sanksi PBB", "easing-call", "pencabutan"),
        ("Pyongyang and Moscow cemented their military links", "ties-strengthened", "cemented"),
        ("Korut dan Rusia mempererat hubungan militer", "ties-strengthened", "mempererat"),
        ("Rusia minta sanksi PBB atas Korut dikendurkan", "easing-call", "dikendurkan"),
    ],
)
def test_an_everyday_word_for_a_claims_fact_finds_it(
    data: Path, cache: Path, query: str, wanted: str, typed: str
) -> None:
    result = invoke(["search", query, "--json", "--data", str(data)], cache)
    hits = json.loads(result.stdout)
    assert [hit["id"] for hit in hits][:1] == [wanted]
    # found through the word typed, read as the claim's word for the same fact, not by leaving it out
    assert any(why.startswith(f"{typed}: synonym ") for why in hits[0]["why"]), hits[0]["why"]


def test_a_known_word_for_an_absent_fact_finds_nothing(data: Path, cache: Path) -> None:
    # no claim holds a denial: the accusation alone is no answer to its dismissal
    assert top(data, cache, "Pyongyang dismissed the US accusation of arms shipments") == []
    assert top(data, cache, "Korut menampik tuduhan AS") == []


def test_menge_before_a_root_of_one_syllable_is_a_prefix(data: Path, cache: Path) -> None:
    # mengebom is menge- + bom (to bomb), as dibom and pengeboman are made from bom
    assert top(data, cache, "kota yang dibom Rusia")[:1] == ["city-bombed"]
    result = invoke(["search", "pengeboman kota", "--json", "--data", str(data)], cache)
    assert "pengeboman: root 'mengebom' in quote" in json.loads(result.stdout)[0]["why"]


@pytest.mark.parametrize(
    ("query", "idiom"),
    [
        ("Russia shopping for North Korean artillery shells", "shopping for"),
        ("Russia wants to shop for North Korean shells", "shop for"),
    ],
)
def test_an_idiom_is_read_as_the_claims_word(data: Path, cache: Path, query: str, idiom: str) -> None:
    result = invoke(["search", query, "--json", "--explain", "--data", str(data)], cache)
    assert [hit["id"] for hit in json.loads(result.stdout)][:1] == ["shells-bought"]
    assert f"read {idiom!r} as 'buy'" in result.stderr


@pytest.mark.parametrize(
    ("query", "wanted", "idiom", "means"),
    [
        ("North Korea could route around China", "bypass", "route around", "bypass"),
        ("Pyongyang may lean less on China", "bypass", "lean less on", "bypass"),
        ("Russia killed off the UN sanctions panel", "panel-vetoed", "killed off", "scuttled"),
    ],
)
def test_an_everyday_idiom_is_read_as_the_claims_act(
    data: Path, cache: Path, query: str, wanted: str, idiom: str, means: str
) -> None:
    result = invoke(["search", query, "--json", "--explain", "--data", str(data)], cache)
    assert [hit["id"] for hit in json.loads(result.stdout)][:1] == [wanted]
    assert f"read {idiom!r} as {means!r}" in result.stderr


@pytest.mark.parametrize(
    ("query", "verb"),
    [("Bagaimana Korut menilai latihan militer gabungan?", "menilai"), ("how does Pyongyang view the drills", "view")],
)
def test_a_verb_of_judging_in_a_question_how_frames_it(data: Path, cache: Path, query: str, verb: str) -> None:
    # the claim states the judgment (sees ... as), never the verb asked with
    result = invoke(["search", query, "--json", "--explain", "--data", str(data)], cache)
    assert [hit["id"] for hit in json.loads(result.stdout)][:1] == ["drills-seen"]
    assert f"weighed as common: {verb}" in result.stderr


def test_a_verb_of_judging_is_a_word_to_find_outside_a_question_how(data: Path, cache: Path) -> None:
    result = invoke(["search", "Korut menilai latihan militer", "--explain", "--data", str(data)], cache)
    assert "menilai" not in result.stderr.partition("weighed as common:")[2]
