"""An actor most claims involve is matched only for the claims ranking asks about.

:class:`rknk.search.matching.Common` holds such an actor's matches and works
them out on demand; these tests hold it, through the real index, to what
matching every claim gives: the same match for every claim, however it is
asked for, and the same count of claims (the term's weight).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import rknk.index
from fixture_data import claim, invoke, make_data
from rknk.search.matching import ALIAS, MEMBER, QUOTE, Common, Matcher
from rknk.search.terms import Run


def made(claim_id: str, **changes: object) -> dict[str, object]:
    """A claim involving only the actors it lists (its claimant is no actor), with no place."""
    return claim(claim_id, claimants=[{"actor": None, "text": "a reporter"}], places=[], **changes)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """North Korea in most claims; a claim of its news agency alone; claims naming it
    without listing it, in the statement or in a quote; and one about another state."""
    claims = [
        made(f"listed-{n}", statement=f"Report {n} from the front.", actors=["russia", "north-korea"]) for n in range(6)
    ]
    claims += [
        made("named-in-statement", statement="Troops of North Korea seen near Pyongyang.", actors=["russia"]),
        made(
            "named-in-quote",
            statement="A report from the front.",
            actors=["russia"],
            evidence=[{"source": "beta-2024-11", "quote": "units from north korea"}],
        ),
        made("listed-and-named", statement="North Korea signs the treaty.", actors=["north-korea"]),
        made("agency-only", statement="The agency reports a treaty.", actors=["kcna"]),
        made("elsewhere", statement="Talks in Moscow.", actors=["russia"]),
    ]
    return make_data(tmp_path / "data", claims={"claims/a.json": claims[:5], "claims/b.json": claims[5:]})


@pytest.mark.parametrize("term", ["north korea", "pyongyang"])
def test_the_matches_worked_out_on_demand_are_those_of_every_claim(data: Path, term: str) -> None:
    index = rknk.index.open_index(data)
    actors = index.actors()
    number_of = dict(index.db.execute("SELECT id, number FROM claims"))

    def matched() -> Common:
        found = Matcher(index, actors).actor(term, Run(len(term.split()), "north-korea", True, False))
        assert isinstance(found, Common)
        return found

    whole = dict(matched().whole())
    assert len(matched()) == len(whole)  # counted without working out every claim
    on_demand = matched()
    on_demand.settle(list(number_of.values())[::2])  # the others are worked out one by one
    assert {number: on_demand.get(number) for number in number_of.values()} == {
        number: whole.get(number) for number in number_of.values()
    }
    assert len(on_demand) == len(whole)
    quality = {claim_id: whole[number][0] for claim_id, number in number_of.items() if number in whole}
    assert quality["agency-only"] == pytest.approx(MEMBER * ALIAS)
    assert quality["listed-0"] == ALIAS
    if term == "north korea":
        assert "elsewhere" not in quality
        assert quality["named-in-statement"] == quality["listed-and-named"] == 1.0
        assert quality["named-in-quote"] == QUOTE  # not listed: named in a quote counts
    else:
        assert quality["named-in-statement"] == 1.0 and "named-in-quote" not in quality


def test_a_search_naming_the_actor_ranks_and_explains_every_claim(data: Path, tmp_path: Path) -> None:
    result = invoke(
        ["--data", str(data), "search", "North Korea", "--json", "--fields", "id,score,why"], tmp_path / "c"
    )
    assert result.exit_code == 0, result.output
    hits = [(hit["id"], hit["score"], hit["why"]) for hit in json.loads(result.stdout)]
    named, listed = ["north korea: phrase north korea in statement"], ["north korea: alias of 'north-korea' in actor"]
    assert hits == [
        ("named-in-statement", 100.0, named),
        ("listed-and-named", 100.0, named),
        *[(f"listed-{n}", 95.0, listed) for n in range(5, -1, -1)],
        ("named-in-quote", 90.0, ["north korea: phrase north korea in text"]),
        ("agency-only", 80.8, ["north korea: state of 'kcna' in actor"]),
    ]
