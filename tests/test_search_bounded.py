"""Search with a limit: the same first hits as the whole answer, with fewer texts read.

With ``--limit``, candidates are scored in order of the best score they could
reach (:mod:`rknk.search.bounded`), and the texts of those that can no longer
be shown are never read. These tests hold the answer to the first hits of the
whole answer, ties included, through the real index and command line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rknk.index.reader
from fixture_data import claim, invoke, make_data
from rknk.search import bounded

QUERIES = [
    "artillery shells",
    "artillery moved",
    "artilery shels",
    "shells artillery report",
    "artillery shells Kursk",
    "when were artillery shells delivered",
]


def _statement(n: int) -> str:
    return (
        f"Artillery shells delivered, report {n}.",
        f"Shells and artillery seen, report {n}.",
        f"Artillery moved near Kursk, report {n}; shells later.",
    )[n % 3]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return folder(tmp_path / "data")


def folder(root: Path) -> Path:
    """Thirty claims holding both words, side by side in a third of them (the oldest), many
    on the same dates."""
    claims = [
        claim(
            f"shells-{n:02}",
            date=f"{2022 + n % 3}-{1 + n % 4:02}" + ("-15" if n % 5 == 0 else ""),
            statement=_statement(n),
            actors=["russia", "north-korea"] + (["vladimir-putin"] if n % 4 == 0 else []),
            evidence=[
                {"source": "beta-2024-11", "quote": "shells and artillery" if n % 7 else "a report of the front"}
            ],
            places=["Kursk"] if n % 2 else ["Pyongyang"],
        )
        for n in range(30)
    ]
    return make_data(root, claims={"claims/a.json": claims[:17], "claims/b.json": claims[17:]})


def _hits(data: Path, cache: Path, query: str, *extra: str) -> list[dict[str, Any]]:
    result = invoke(["--data", str(data), "search", query, "--json", *extra], cache)
    assert result.exit_code == 0, result.output
    return list(json.loads(result.stdout))


@pytest.mark.parametrize("query", QUERIES)
def test_a_limit_gives_the_first_hits_of_the_whole_answer(data: Path, tmp_path: Path, query: str) -> None:
    whole = _hits(data, tmp_path / "cache", query)
    assert len(whole) >= 10, query
    assert len({hit["score"] for hit in whole}) < len(whole)  # ties, ordered newest first
    for limit in (1, 2, 5, 10):
        assert _hits(data, tmp_path / "cache", query, "--limit", str(limit)) == whole[:limit], (query, limit)


def test_texts_are_read_only_for_claims_that_can_still_be_shown(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[int] = []
    texts = rknk.index.reader.Index.texts

    def counting(self: rknk.index.reader.Index, numbers: Any) -> Any:
        numbers = list(numbers)
        read.extend(numbers)
        return texts(self, numbers)

    monkeypatch.setattr(rknk.index.reader.Index, "texts", counting)
    _hits(data, tmp_path / "cache", "artillery moved")
    whole = len(read)
    assert whole == 10  # the newest third hold both words, side by side
    read.clear()
    _hits(data, tmp_path / "cache", "artillery moved", "--limit", "3")
    assert 0 < len(read) < whole
    # When the best are the oldest, every claim that could beat them is read.
    read.clear()
    _hits(data, tmp_path / "cache", "artillery shells", "--limit", "3")
    assert len(read) == 30
    # Typos are never side by side with anything: no text is read at all.
    read.clear()
    assert _hits(data, tmp_path / "cache", "artilery shels", "--limit", "3")
    assert read == []


@given(
    st.lists(st.tuples(st.integers(0, 6), st.integers(0, 3)), min_size=1, max_size=40),
    st.integers(1, 12),
    st.randoms(use_true_random=False),
)
def test_the_best_of_bounded_candidates_are_the_best_of_all(
    scores: list[tuple[int, int]], limit: int, random: Any
) -> None:
    """Exact scores in tenths with many ties, bounds at or above them, ranks in any order."""
    exact = {number: score / 10 for number, (score, _) in enumerate(scores)}
    bounds = {number: (score + slack) / 10 for number, (score, slack) in enumerate(scores)}
    ranks = list(range(len(scores)))
    random.shuffle(ranks)
    asked: list[int] = []

    def score(numbers: list[int]) -> dict[int, float]:
        assert not set(numbers) & set(asked)  # each candidate is scored once
        asked.extend(numbers)
        return {number: exact[number] for number in numbers}

    found = bounded.best(bounds, ranks, limit, score)
    assert all(found[number] == exact[number] for number in found)

    def first(scored: dict[int, float]) -> list[int]:
        return sorted(scored, key=lambda number: (scored[number], ranks[number]), reverse=True)[:limit]

    assert first(found) == first(exact)
