from pathlib import Path

import pytest

from rknk import store
from rknk.dates import parse_partial
from rknk.errors import UsageError
from rknk.query import STATUSES, Filters, resolve_actor, resolve_source, resolve_status, resolve_topic, select
from rknk.store import Dataset


@pytest.fixture
def dataset(fixture_data: Path) -> Dataset:
    return store.load(fixture_data)


def ids(dataset: Dataset, filters: Filters, newest_first: bool = False) -> list[str]:
    return [claim["id"] for claim in select(dataset.claims.values(), filters, newest_first=newest_first)]


def test_no_filters_lists_everything_oldest_first(dataset: Dataset) -> None:
    assert ids(dataset, Filters()) == [
        "kim-il-sung-installed-1948",
        "treaty-signed-2024-06",
        "troops-kursk-2024-11",
        "belousov-visit-2024-11-29",
        "troops-up-to-100000",
    ]
    assert ids(dataset, Filters(), newest_first=True)[0] == "troops-up-to-100000"


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2024-11", None, ["troops-kursk-2024-11", "belousov-visit-2024-11-29", "troops-up-to-100000"]),
        ("2024-11-30", None, ["troops-kursk-2024-11", "troops-up-to-100000"]),  # a month claim spans the 30th
        ("2024-06-19", "2024-06-19", ["treaty-signed-2024-06"]),  # the interval's last day
        ("2024-06-20", "2024-10", []),
        (None, "1948-01-01", ["kim-il-sung-installed-1948"]),  # a year claim starts on 1 January
        (None, "1947", []),
    ],
)
def test_date_filters_keep_claims_whose_span_overlaps(
    dataset: Dataset, since: str | None, until: str | None, expected: list[str]
) -> None:
    filters = Filters(
        since=parse_partial(since) if since else None,
        until=parse_partial(until) if until else None,
    )
    assert ids(dataset, filters) == expected


@pytest.mark.parametrize("name", ["Korut", "korea utara", "DPRK", "north-korea", "NORTH  KOREA"])
def test_any_alias_names_an_actor_in_any_case(dataset: Dataset, name: str) -> None:
    assert "north-korea" in resolve_actor(dataset, name)


def test_a_state_stands_for_its_people_and_organisations(dataset: Dataset) -> None:
    assert resolve_actor(dataset, "Rusia") == {"russia", "andrei-belousov"}
    only_belousov = Filters(actor_groups=(resolve_actor(dataset, "Andrey Belusov"),))
    assert ids(dataset, only_belousov) == ["belousov-visit-2024-11-29"]


def test_repeated_actors_must_all_match(dataset: Dataset) -> None:
    both = Filters(actor_groups=(resolve_actor(dataset, "KCNA"), resolve_actor(dataset, "Russia")))
    assert ids(dataset, both) == ["belousov-visit-2024-11-29"]


def test_an_unknown_actor_suggests_the_closest(dataset: Dataset) -> None:
    with pytest.raises(UsageError, match=r"unknown actor 'Rusiaa'.*Rusia"):
        resolve_actor(dataset, "Rusiaa")


def test_topics_and_sources_resolve_by_id_or_name(dataset: Dataset) -> None:
    assert resolve_topic(dataset, "TROOPS") == "troops"
    assert resolve_source(dataset, "beta daily") == "beta-2022-09"
    assert resolve_source(dataset, "alpha.txt") == "alpha-2024-12-02"
    with pytest.raises(UsageError, match=r"unknown topic 'troop'.*troops"):
        resolve_topic(dataset, "troop")


def test_topics_are_any_of_and_sources_filter_by_evidence(dataset: Dataset) -> None:
    filters = Filters(topics=frozenset({"treaty", "history"}))
    assert ids(dataset, filters) == ["kim-il-sung-installed-1948", "treaty-signed-2024-06"]
    assert ids(dataset, Filters(sources=frozenset({"beta-2022-09"}))) == ["kim-il-sung-installed-1948"]


def test_statuses_are_any_of_and_names_are_checked(dataset: Dataset) -> None:
    filters = Filters(statuses=frozenset({resolve_status("Estimate")}))
    assert ids(dataset, filters) == ["troops-up-to-100000"]
    with pytest.raises(UsageError, match=r"unknown status 'rumour'.*choose from reported"):
        resolve_status("rumour")


def test_status_names_match_the_model() -> None:
    from rknk.models import Status

    assert tuple(status.value for status in Status) == STATUSES


def test_a_small_folder_compares_an_unknown_id_with_every_id(dataset: Dataset) -> None:
    assert dataset.index.ids_near("zzz", most=5) == dataset.index.ids()


def test_a_large_folder_compares_an_unknown_id_with_its_first_word_and_its_neighbours(dataset: Dataset) -> None:
    # As if the five fixture claims were too many to read: only ids found through the id index,
    # those beginning "troops-" and the one on each side in sorted order (the same two here).
    assert dataset.index.ids_near("troops-kursk-2042", most=4) == ["troops-kursk-2024-11", "troops-up-to-100000"]
    # A mistyped first word still finds the ids sorted beside it.
    assert dataset.index.ids_near("treety-signed", most=4) == ["troops-kursk-2024-11", "treaty-signed-2024-06"]
