"""Measure how well ``rknk search`` finds what users mean, over the bundled data.

Reads the evaluation sets in ``tests/``: ``search_eval.json`` (queries typed
the way users type them), ``search_holdout.json`` (written by someone who had
not seen the search code) and ``search_questions.json`` (questions in English
and Indonesian, paraphrases, numbers in other forms, institutions named by
role, and facts the data does not hold), and ``search_questions_fresh.json``
(more of the same kinds, written after the ranking was tuned on the third), and
``search_questions_blind.json`` (72 more, written from the data and the articles
alone and scored once, after the everyday-word weighting; since then a development
set, whose misses were read to find their causes), and ``search_questions_heldout.json``
(67 more, written the same way while that development went on, scored once before it
and once after; since then a development set too), and ``search_questions_probe.json``
(52 probes of the same kinds, written by the engineer who changed the search for the
held-out set's misses, each before it was run), and ``search_questions_unseen.json`` (70
questions and 13 absent facts, a third blind set written from the data and the articles alone,
scored before and after that round; since then a development set), and
``search_questions_causes.json`` (34 probes of the general causes found in the unseen set's
misses, each written before it was run, after its cause's change), and
``search_questions_sealed.json`` (84 questions and 15 absent facts, a fourth blind set, scored
before and after the round on the unseen set; since then a development set), and
``search_questions_concepts.json`` (30 probes of the round that grew the lexicon from the claims
themselves, each written before it was run), and ``search_questions_sealed2.json`` (63 questions
and 14 absent facts, a fifth blind set, scored before and after that round; since then a
development set), and ``search_questions_classes.json`` (40 probes of the classes of wording
found in its misses, each written before it was run), and ``search_questions_sealed3.json`` (57
questions and 15 absent facts, a sixth blind set, scored before and after that round; since then a
development set), and ``search_questions_probes5.json`` (18 probes of the classes found in its misses,
each written before it was run, after its class's change), and ``search_questions_sealed4.json``
(69 questions and 15 absent facts, a seventh blind set, scored before and after that round; since then
a development set), and ``search_questions_probes6.json`` (16 probes of the classes found in its
misses, each written before it was run, after its class's change), and
``search_questions_probes8.json`` (26 probes of the classes the search still misread: absent facts
sharing most of their words with a claim, why and stance questions, former states, thousands said
without a figure and where troops were deployed, each written before it was run), and
``search_questions_probes7.json`` (24 paraphrases and 7 absent facts in the claims' own vocabulary,
each written before it was run and before the lexicon was widened from that vocabulary), and
``search_questions_sealed5.json`` (74 questions and 17 absent facts, an eighth blind set, scored
before and after the two rounds above; since then a development set), and
``search_questions_probes9.json`` (34 probes of the classes its misses left: people and bodies named by
their relation to an actor, decades and their parts, and who did what to whom, each written before it
was run), and ``search_questions_sealed6.json`` (64 questions and 16 absent facts, a ninth blind set,
scored before and after the round of the probes above; since then a development set), and
``search_questions_probes10.json`` (22 probes of everyday wording and figures across the dataset and 7 absent near
misses, each written before it was run, after the round that took the ninth set's misses as classes).
Each query lists the claims one of which must come up; a query with none (kind ``absent``, or a set's
``nothing`` list) must return nothing at all.

For each set it prints success@1, success@3 and the mean reciprocal rank of
the first wanted claim, overall and per kind, the number of must-return-nothing
queries that returned something, then every query that missed its top three
and every false hit.

    python benchmarks/search_quality.py [--verbose]

``--verbose`` prints every query with the rank of its first wanted claim and
the top three ids.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from rknk import store
from rknk.search import SearchIndex

TESTS = Path(__file__).resolve().parent.parent / "tests"
EVAL_SETS = (
    TESTS / "search_eval.json",
    TESTS / "search_holdout.json",
    TESTS / "search_questions.json",
    TESTS / "search_questions_fresh.json",
    TESTS / "search_questions_blind.json",
    TESTS / "search_questions_heldout.json",
    TESTS / "search_questions_probe.json",
    TESTS / "search_questions_unseen.json",
    TESTS / "search_questions_causes.json",
    TESTS / "search_questions_sealed.json",
    TESTS / "search_questions_concepts.json",
    TESTS / "search_questions_sealed2.json",
    TESTS / "search_questions_sealed3.json",
    TESTS / "search_questions_classes.json",
    TESTS / "search_questions_probes5.json",
    TESTS / "search_questions_sealed4.json",
    TESTS / "search_questions_probes6.json",
    TESTS / "search_questions_probes8.json",
    TESTS / "search_questions_probes7.json",
    TESTS / "search_questions_sealed5.json",
    TESTS / "search_questions_probes9.json",
    TESTS / "search_questions_sealed6.json",
    TESTS / "search_questions_probes10.json",
)
ABSENT = "absent"


class Case(NamedTuple):
    query: str
    kind: str
    wanted: frozenset[str]


class Outcome(NamedTuple):
    case: Case
    rank: int | None
    ids: list[str]


def cases(spec: dict[str, Any]) -> list[Case]:
    """Every query of a set; the ``nothing`` list, where a set has one, as kind ``absent``."""
    found = [Case(q["query"], q["kind"] if q["any_of"] else ABSENT, frozenset(q["any_of"])) for q in spec["queries"]]
    return found + [Case(text, ABSENT, frozenset()) for text in spec.get("nothing", [])]


def run(case: Case, index: SearchIndex) -> Outcome:
    ids = [hit.claim["id"] for hit in index.search(case.query)]
    rank = next((n for n, claim_id in enumerate(ids, 1) if claim_id in case.wanted), None)
    return Outcome(case, rank, ids)


def figures(outcomes: list[Outcome]) -> str:
    """success@1, success@3 and MRR of queries that want a claim."""
    total = len(outcomes)
    at1 = sum(o.rank == 1 for o in outcomes)
    at3 = sum(o.rank is not None and o.rank <= 3 for o in outcomes)
    reciprocal = sum(1 / o.rank for o in outcomes if o.rank)
    return f"success@1 {at1 / total:.3f}  success@3 {at3 / total:.3f}  MRR {reciprocal / total:.3f}"


def score(spec: dict[str, Any], claims: Mapping[str, Any], index: SearchIndex, verbose: bool) -> None:
    """Print the figures of one evaluation set, overall and per kind, then its misses and false hits."""
    every = cases(spec)
    missing = sorted({i for case in every for i in case.wanted} - set(claims))
    if missing:
        print(f"eval ids not in the data: {', '.join(missing)}")
    outcomes = [run(case, index) for case in every]
    wanting = [o for o in outcomes if o.case.kind != ABSENT]
    absent = [o for o in outcomes if o.case.kind == ABSENT]
    false_hits = [o for o in absent if o.ids]

    print(f"queries {len(wanting)}  {figures(wanting)}")
    print(f"must-return-nothing queries {len(absent)}  with hits {len(false_hits)}")
    for kind in dict.fromkeys(o.case.kind for o in wanting):
        of_kind = [o for o in wanting if o.case.kind == kind]
        print(f"  {kind:<14} {len(of_kind):>3}  {figures(of_kind)}")
    for o in outcomes:
        line = f"{o.case.query!r:<60} rank {o.rank or '-':>3} of {len(o.ids):>3}  top: {', '.join(o.ids[:3])}"
        if verbose:
            print("  ", o.case.kind, line)
        elif o.case.kind != ABSENT and (o.rank is None or o.rank > 3):
            print("  missed  ", line)
        elif o.case.kind == ABSENT and o.ids:
            print("  false   ", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every query's rank and top three")
    args = parser.parse_args()
    dataset = store.load(store.bundled_data())
    index = SearchIndex(list(dataset.claims.values()), dataset.actors, dataset.topics)
    for path in EVAL_SETS:
        print(f"== {path.name}")
        score(json.loads(path.read_text(encoding="utf-8")), dataset.claims, index, args.verbose)


if __name__ == "__main__":
    main()
