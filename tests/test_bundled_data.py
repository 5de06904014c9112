"""Invariants of the curated dataset that ships with rknk."""

import datetime as dt
from collections import Counter

import pytest

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
