"""Invariants of the curated dataset that ships with rknk."""

import copy
import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

import curation_rules as rules
from conftest import SEEDS
from rknk import store
from rknk.dates import parse_partial, parse_span
from rknk.store import Dataset
from rknk.verify import verify_dataset


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return store.load(store.bundled_data())


def test_the_bundled_folder_validates_without_a_problem() -> None:
    assert store.check_folder(store.bundled_data()) == []


def test_the_record_is_substantial_and_covers_every_source_and_topic(bundled: Dataset) -> None:
    assert len(bundled.claims) > 60
    cited = {e["source"] for c in bundled.claims.values() for e in c["evidence"]}
    assert cited == set(bundled.sources)
    assert {c["topic"] for c in bundled.claims.values()} >= {
        "troops",
        "weapons",
        "treaty",
        "diplomacy",
        "sanctions",
        "missiles",
        "history",
    }


def test_claim_ids_are_unique_across_files() -> None:
    import json

    ids = [
        claim["id"]
        for path in sorted((store.bundled_data() / "claims").glob("*.json"))
        for claim in json.loads(path.read_text(encoding="utf-8"))
    ]
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_every_reference_resolves(bundled: Dataset) -> None:
    for claim in bundled.claims.values():
        assert claim["topic"] in bundled.topics
        assert set(claim["actors"]) <= set(bundled.actors), claim["id"]
        assert {c["actor"] for c in claim["claimants"] if c["actor"]} <= set(bundled.actors), claim["id"]
        assert {e["source"] for e in claim["evidence"]} <= set(bundled.sources), claim["id"]
        assert set(claim["related"]) <= set(bundled.claims), claim["id"]


def test_every_date_lies_between_1945_and_its_sources_publication(bundled: Dataset) -> None:
    for claim in bundled.claims.values():
        span = parse_span(claim["date"])
        assert span.first >= dt.date(1945, 1, 1), claim["id"]
        latest = max(parse_partial(bundled.sources[e["source"]]["published"]).last for e in claim["evidence"])
        assert span.first <= latest, claim["id"]


def test_every_claim_has_evidence_and_an_attribution(bundled: Dataset) -> None:
    for claim in bundled.claims.values():
        assert claim["evidence"] and all(e["quote"].strip() for e in claim["evidence"]), claim["id"]
        assert claim["claimants"], claim["id"]


def test_inferred_dates_say_how_they_were_inferred(bundled: Dataset) -> None:
    for claim in bundled.claims.values():
        if claim["date_basis"] != "stated":
            assert claim["date_note"], claim["id"]


def test_disputed_claims_explain_the_dispute(bundled: Dataset) -> None:
    disputed = [c for c in bundled.claims.values() if c["status"] == "disputed"]
    assert disputed
    assert all(c["note"] for c in disputed)


def test_quotes_stay_short(bundled: Dataset) -> None:
    for claim in bundled.claims.values():
        for evidence in claim["evidence"]:
            assert len(evidence["quote"]) <= 300, claim["id"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the archived articles are not beside the project")
def test_every_quote_is_in_its_archived_article(bundled: Dataset) -> None:
    failures, checked = verify_dataset(bundled, SEEDS)
    assert [str(f) for f in failures] == []
    assert checked > len(bundled.claims)


# -- curation rules (tests/curation_rules.py), each shown to catch a broken copy --


def _claims(bundled: Dataset) -> list[dict[str, Any]]:
    return copy.deepcopy([dict(claim) for claim in bundled.claims.values()])


def _break(claims: list[dict[str, Any]], claim_id: str, **changes: Any) -> list[dict[str, Any]]:
    (claim,) = (c for c in claims if c["id"] == claim_id)
    claim.update(changes)
    return claims


RULES = [
    rules.ids_dated_outside_their_claim,
    rules.relative_time_in_statements,
    rules.stated_dates_without_a_source,
    rules.one_sided_related_links,
    rules.statuses_split_on_one_quote,
    rules.pre_war_topics,
    rules.state_media_accounts_not_stated,
    rules.meetings_without_their_place,
]


@pytest.mark.parametrize("rule", RULES, ids=[rule.__name__ for rule in RULES])
def test_the_bundled_claims_keep_the_curation_rules(bundled: Dataset, rule: Callable[..., list[str]]) -> None:
    assert rule(bundled.claims.values()) == []


def test_the_bundled_claims_keep_actors_and_claimants_apart(bundled: Dataset) -> None:
    assert rules.claimants_listed_as_actors(bundled.claims.values(), bundled.actors) == []


@pytest.mark.parametrize(
    ("rule", "claim_id", "changes"),
    [
        # the first review's letters: an id naming 15 August on a claim dated September
        (rules.ids_dated_outside_their_claim, "putin-kim-exchange-letters-2022-08-15", {"date": "2022-09"}),
        (rules.ids_dated_outside_their_claim, "putin-visits-north-korea-2024-06-18", {"date": "2024-06-19"}),
        (
            rules.relative_time_in_statements,
            "choe-son-hui-visits-russia-2024-09",
            {"statement": "Last month she went."},
        ),
        (rules.relative_time_in_statements, "belousov-arrives-north-korea-2024-11-29", {"statement": "On Friday."}),
        (rules.relative_time_in_statements, "treaty-in-force-2024-12", {"statement": "It recently took effect."}),
        (
            rules.stated_dates_without_a_source,
            "us-accuses-nk-sending-weapons-to-russia-2023-10-13",
            {"date_note": None},
        ),
        (rules.stated_dates_without_a_source, "choe-son-hui-visits-russia-2024-09", {"date_basis": "stated"}),
        (rules.one_sided_related_links, "treaty-in-force-2024-12", {"related": []}),
        (rules.statuses_split_on_one_quote, "kim-putin-discuss-ukraine-war-2023-09-13", {"status": "reported"}),
        (rules.pre_war_topics, "putin-kim-first-summit-vladivostok-2019-04-25", {"topic": "diplomacy"}),
        (
            rules.state_media_accounts_not_stated,
            "kcna-both-sides-promoted-armed-forces-cooperation",
            {"status": "reported"},
        ),
        (rules.state_media_accounts_not_stated, "putin-new-year-message-to-kim-2024-12-27", {"status": "reported"}),
        (
            rules.meetings_without_their_place,
            "kim-belousov-condemn-west-allowing-kyiv-strikes-2024-11-29",
            {"places": []},
        ),
        (rules.meetings_without_their_place, "kim-putin-discuss-satellite-help-2023-09-13", {"places": []}),
    ],
)
def test_each_curation_rule_catches_a_broken_copy(
    bundled: Dataset, rule: Callable[..., list[str]], claim_id: str, changes: dict[str, Any]
) -> None:
    found = rule(_break(_claims(bundled), claim_id, **changes))
    assert found and all(line.startswith(claim_id) or claim_id in line for line in found)


@pytest.mark.parametrize(
    ("claim_id", "changes"),
    [
        ("nk-officially-cooperating-with-russia-2024-10-08", {"actors": ["north-korea", "russia", "yonhap"]}),
        ("rutte-russia-supports-nk-missile-nuclear-for-troops", {"actors": ["mark-rutte", "russia", "north-korea"]}),
    ],
)
def test_the_actor_rule_catches_a_broken_copy(bundled: Dataset, claim_id: str, changes: dict[str, Any]) -> None:
    found = rules.claimants_listed_as_actors(_break(_claims(bundled), claim_id, **changes), bundled.actors)
    assert len(found) == 1 and found[0].startswith(claim_id)


def test_every_bundled_text_folds_token_by_token_as_it_folds_whole(bundled: Dataset) -> None:
    from rknk.index.rows import claim_fields, folded_words
    from rknk.normalize import fold
    from rknk.records import involved

    texts = [
        text
        for claim in bundled.claims.values()
        for name, text in claim_fields(claim, involved(claim), bundled.topics, {})
        if name != "actor"
    ]
    assert len(texts) > 500
    assert [folded_words(text) for text in texts] == [fold(text).split() for text in texts]
