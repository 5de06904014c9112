"""The concept lexicon (``src/rknk/lexicon.json``) and the everyday words
(``src/rknk/everyday.json``): sound as data, and used by search.

Every concept is reviewed like a claim, so each must say why it is right; the
search tests below show paraphrases across the two languages finding claims
that never use the typed word. Every part of the everyday words says why it is
there, and no word is both everyday and a concept of the domain.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

import rknk
from rknk import store
from rknk.cli import app
from rknk.normalize import fold
from rknk.words import (
    EVERYDAY,
    LEXICON,
    STOPWORDS,
    is_everyday,
    ordinal,
    read_ordinals,
    read_roles,
    relational,
    synonyms,
    synonyms_of,
)
from test_search import claim, index_of, search

PACKAGE = Path(rknk.__file__).parent
CONCEPTS = json.loads((PACKAGE / LEXICON).read_text(encoding="utf-8"))["concepts"]
LEXICON_DATA = json.loads((PACKAGE / LEXICON).read_text(encoding="utf-8"))
SEATS = LEXICON_DATA["seats"]
PARTS = json.loads((PACKAGE / EVERYDAY).read_text(encoding="utf-8"))["parts"]


def test_every_concept_is_named_once_filed_and_explained() -> None:
    names = Counter(concept["concept"] for concept in CONCEPTS)
    assert [name for name, n in names.items() if n > 1] == []
    for concept in CONCEPTS:
        assert set(concept) == {"concept", "field", "words", "why"}, concept["concept"]
        assert concept["field"] in {"military", "diplomatic", "legal", "general"}, concept["concept"]
        assert len(concept["why"]) >= 20 and concept["why"].endswith("."), concept["concept"]


def test_words_are_written_folded_one_word_each_and_not_repeated() -> None:
    for concept in CONCEPTS:
        words = concept["words"]
        assert len(words) >= 2 and len(set(words)) == len(words), concept["concept"]
        assert all(word == fold(word) and " " not in word for word in words), concept["concept"]


@pytest.mark.parametrize(
    ("typed", "means"),
    [
        ("servicemen", "tentara"),
        ("prajurit", "troops"),
        ("hardware", "senjata"),
        ("persenjataan", "weapons"),
        ("binding", "berlaku"),
        ("mlrs", "peluncur"),
        ("sp", "propelled"),
        ("kewajiban", "obliges"),
        ("pelonggaran", "easing"),
        ("landed", "arrived"),
        ("hit", "strike"),
        ("soil", "territory"),
        ("determined", "resolve"),
        ("menyerang", "invaded"),
        ("mendukung", "support"),
        ("menyangkal", "membantah"),  # by its root, sangkal
        ("ditawan", "prisoners"),
        ("watchdog", "monitoring"),
        ("resmi", "formal"),
        ("menjalin", "established"),
        ("membiarkan", "let"),
        ("workers", "labour"),
        ("modal", "investment"),
        ("menyerbu", "invasion"),
        ("manuver", "drills"),
        # concepts read from the claims themselves, in both languages
        ("blacklist", "sanksi"),
        ("memblokir", "veto"),
        ("frontier", "perbatasan"),
        ("menanggapi", "response"),
        ("kekayaan", "resources"),
        ("energi", "oil"),
        ("alarm", "kekhawatiran"),
        ("menopang", "sustained"),
        ("bubar", "disintegration"),
        ("melawan", "oppose"),
        ("ucapan", "message"),
        ("deepening", "meningkatkan"),
        ("envoys", "diplomat"),
        ("patron", "sekutu"),
    ],
)
def test_a_word_stands_for_its_concept_in_the_other_language(typed: str, means: str) -> None:
    assert means in synonyms_of(typed)


def test_paraphrases_find_claims_that_never_use_the_typed_words() -> None:
    index = index_of(
        claim("troops", "Troops arrived in Kursk.", evidence=[{"source": "s", "quote": "tentara tiba di Kursk"}]),
        claim("pact", "The pact took effect.", evidence=[{"source": "s", "quote": "pakta mulai berlaku bulan ini"}]),
        claim("guns", "It supplied 240 mm rocket launchers and 170 mm self-propelled artillery."),
    )
    assert search(index, "servicemen in Kursk") == ["troops"]
    assert search(index, "prajurit di Kursk") == ["troops"]
    assert search(index, "pact became binding") == ["pact"]
    assert search(index, "MLRS") == ["guns"]
    assert search(index, "170mm SP howitzer") == ["guns"]


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("Washington and London blacklist Russian firms", "us-uk-sanction-russian-entities-nk-arms-2024-05-16"),
        ("Russia blocked renewal of the UN sanctions panel", "russia-vetoes-un-sanctions-panel-renewal-2024-03-28"),
        ("Russian envoys pushing a cart across the frontier", "russian-diplomats-trolley-border-crossing-2020-02"),
        ("akses Korea Utara ke kekayaan energi Rusia", "russia-offers-nk-natural-resources-oil-gas"),
        ("season's greetings from Putin to Kim Jong Un", "putin-new-year-message-to-kim-2024-12-27"),
        ("kapan Putin menginjakkan kaki di Korea Utara untuk pertama kali?", "putin-visits-north-korea-2000-07"),
    ],
)
def test_a_paraphrase_of_a_claims_own_concepts_finds_it(query: str, wanted: str) -> None:
    """Concepts read from the claims (sanctions as blacklisting, a veto as blocking, a border as
    a frontier, natural resources as wealth, a New Year message as season's greetings, a visit as
    setting foot), in either language, through the command line on the bundled data."""
    result = CliRunner().invoke(app, ["search", query, "--json", "--limit", "3"])
    assert result.exit_code == 0, result.stderr
    assert wanted in [hit["id"] for hit in json.loads(result.stdout)]


def test_roles_find_their_holder_through_the_command_line() -> None:
    result = CliRunner().invoke(app, ["search", "Sekjen NATO", "--json", "--limit", "1"])
    assert result.exit_code == 0, result.stderr
    assert [hit["id"] for hit in json.loads(result.stdout)] == ["rutte-russia-supports-nk-missile-nuclear-for-troops"]


def test_seoul_military_is_not_read_as_the_joint_chiefs() -> None:
    """The articles say "Militer Seoul" once and never equate it with the Joint Chiefs of Staff:
    the claim that says it comes first, not the Joint Chiefs' own statements."""
    result = CliRunner().invoke(app, ["search", "militer Seoul", "--json"])
    assert result.exit_code == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits[0]["id"] == "seoul-military-nk-modernising-conventional-warfare"
    assert hits[0]["score"] > max(hit["score"] for hit in hits[1:])


def test_every_everyday_part_says_why_and_holds_no_stopword_and_no_concept() -> None:
    words = [word for part in PARTS for word in part["words"]]
    assert len(words) == len(set(words))
    for part in PARTS:
        assert set(part) == {"part", "language", "why", "words"}, part["part"]
        assert part["language"] in {"en", "id"} and len(part["why"]) >= 20 and part["why"].endswith("."), part["part"]
    assert [word for word in words if word != fold(word) or " " in word] == []
    assert sorted(set(words) & STOPWORDS) == []
    assert sorted(set(words) & set(synonyms())) == []


@pytest.mark.parametrize(
    ("word", "everyday"),
    [
        ("learning", True),
        ("watched", True),
        ("lama", True),
        ("digelar", True),  # by its Indonesian root, gelar
        ("warships", False),
        ("goods", False),
        ("landed", False),
    ],
)
def test_everyday_words_are_found_by_their_stem_and_concepts_never_are(word: str, everyday: bool) -> None:
    assert is_everyday(word) is everyday


@pytest.mark.parametrize(
    ("everyday", "made_from_it"), [("erat", "mempererat"), ("harus", "mengharuskan"), ("good", "goods")]
)
def test_an_everyday_word_is_not_the_concept_of_a_word_made_from_it(everyday: str, made_from_it: str) -> None:
    # makin erat (closer) frames a question; mempererat hubungan is to strengthen ties
    assert synonyms_of(made_from_it) and synonyms_of(everyday) == frozenset()


def test_every_seat_is_an_alias_of_its_state_in_the_bundled_data() -> None:
    actors = store.load(store.bundled_data()).actors
    for seat in SEATS:
        assert set(seat) == {"name", "state", "why"} and seat["why"].endswith("."), seat["name"]
        assert actors[seat["state"]]["kind"] == "state", seat["name"]
        assert seat["name"] in actors[seat["state"]]["aliases"], seat["name"]


def test_roles_phrases_and_places_say_why_and_a_phrase_is_read_as_the_datas_words() -> None:
    for entry in (*LEXICON_DATA["roles"], *LEXICON_DATA["phrases"]):
        assert set(entry) == {"phrase", "means", "why"} and entry["why"].endswith("."), entry["phrase"]
    for place in LEXICON_DATA["places"]:
        assert set(place) == {"name", "why"} and place["why"].endswith("."), place["name"]
    assert read_roles(fold("Seoul's head of state").split()) == (
        ["seoul", "president"],
        [("head of state", "president")],
    )
    assert read_roles(fold("cutting-edge know-how").split())[0] == ["advanced", "technology"]


def test_ordinals_and_relational_nouns_say_why_and_meet_across_the_languages() -> None:
    values = [entry["value"] for entry in LEXICON_DATA["ordinals"]]
    assert values == list(range(1, 11))
    for entry in (*LEXICON_DATA["ordinals"], *LEXICON_DATA["relational"]):
        assert entry["why"].endswith("."), entry["words"]
        assert all(word == fold(word) and " " not in word for word in entry["words"]), entry["words"]
    assert ordinal("keenam") == ordinal("sixth") == 6
    assert ordinal("pertamanya") == 1  # its first: by its root
    assert ordinal("kedua") is None  # both, as often as second
    assert read_ordinals(fold("the 6th test").split()) == ["the", "sixth", "test"]
    assert "pertama" in synonyms_of("first")
    assert {"father", "ayah", "successor"} <= relational() and "bapak" not in relational()


def test_a_places_name_is_no_actor_alias() -> None:
    aliases = {fold(name) for actor in store.load(store.bundled_data()).actors.values() for name in actor["aliases"]}
    assert sorted({fold(place["name"]) for place in LEXICON_DATA["places"]} & aliases) == []


def test_every_demonym_names_a_state_or_group_of_the_bundled_data_and_no_alias() -> None:
    actors = store.load(store.bundled_data()).actors
    aliases = {fold(name) for actor in actors.values() for name in (actor["name"], *actor["aliases"])}
    for entry in LEXICON_DATA["demonyms"]:
        assert set(entry) == {"name", "state", "why"} and entry["why"].endswith("."), entry["name"]
        assert actors[entry["state"]]["kind"] in {"state", "group"}, entry["name"]
        assert fold(entry["name"]) not in aliases, entry["name"]


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("Chinese troops deployed to Kursk", []),  # China is in no claim about Kursk
        ("American troops deployed to Kursk", []),
        ("North Korean troops deployed to Kursk", ["nk-troops-kursk-about-10000-2024-11"]),
        ("Chinese veto of the US draft on North Korea", ["russia-china-veto-2022-05-26"]),
    ],
)
def test_a_states_adjective_names_the_state_which_a_claim_must_involve(query: str, wanted: list[str]) -> None:
    result = CliRunner().invoke(app, ["search", query, "--json", "--limit", "1"])
    assert result.exit_code == 0, result.stderr
    assert [hit["id"] for hit in json.loads(result.stdout)] == wanted
