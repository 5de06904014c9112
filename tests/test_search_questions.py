"""The question set (``search_questions.json``): its shape and its ids, checked over the bundled data.

The set measures how well search reads questions, paraphrases, numbers in other
forms and institutions named by role. Its scores are reported per kind by
``benchmarks/search_quality.py``; these tests keep the set itself sound, so a
renamed claim or a mistyped kind fails here rather than silently lowering a score,
and hold search to its goals on it: success@3 of at least 0.90 on every kind,
and nothing at all for a fact the data does not hold.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from rknk import store
from rknk.search import SearchIndex

TESTS = Path(__file__).parent
QUESTIONS = json.loads((TESTS / "search_questions.json").read_text(encoding="utf-8"))
FRESH = json.loads((TESTS / "search_questions_fresh.json").read_text(encoding="utf-8"))
#: Scored once blind, then used to develop the search: held to the same goals as the question set.
BLIND = json.loads((TESTS / "search_questions_blind.json").read_text(encoding="utf-8"))
#: Scored twice as a held-out set, then used to develop the search as the blind set was.
HELDOUT = json.loads((TESTS / "search_questions_heldout.json").read_text(encoding="utf-8"))
#: Written by the engineer who made the held-out set's changes, before running them: absent facts held.
PROBE = json.loads((TESTS / "search_questions_probe.json").read_text(encoding="utf-8"))
#: The third blind set, scored before and after the round it was written in, then used to develop the search.
UNSEEN = json.loads((TESTS / "search_questions_unseen.json").read_text(encoding="utf-8"))
#: Probes of the general causes of the unseen set's misses, each written before it was run.
CAUSES = json.loads((TESTS / "search_questions_causes.json").read_text(encoding="utf-8"))
#: The fourth blind set, scored before and after the round on the unseen set, then used to develop the search.
SEALED = json.loads((TESTS / "search_questions_sealed.json").read_text(encoding="utf-8"))
#: Probes of the round that grew the lexicon from the claims, each written before it was run.
CONCEPTS = json.loads((TESTS / "search_questions_concepts.json").read_text(encoding="utf-8"))
#: A fifth blind set, scored before and after that round; since then a development set.
SEALED2 = json.loads((TESTS / "search_questions_sealed2.json").read_text(encoding="utf-8"))
#: Probes of the classes of wording found in its misses, each written before it was run.
CLASSES = json.loads((TESTS / "search_questions_classes.json").read_text(encoding="utf-8"))
#: The sixth and seventh blind sets, and the probes of the sixth's classes: since the round that
#: read a destination as the place a claim gives, and a name as the claim's own, no absent fact is answered.
SEALED3 = json.loads((TESTS / "search_questions_sealed3.json").read_text(encoding="utf-8"))
SEALED4 = json.loads((TESTS / "search_questions_sealed4.json").read_text(encoding="utf-8"))
PROBES5 = json.loads((TESTS / "search_questions_probes5.json").read_text(encoding="utf-8"))
#: Paraphrases in the claims' own vocabulary, each written before it was run: absent facts held.
PROBES7 = json.loads((TESTS / "search_questions_probes7.json").read_text(encoding="utf-8"))
KINDS = {"question-en", "question-id", "paraphrase", "number", "role", "absent"}


def test_every_kind_is_represented_and_absent_facts_are_many() -> None:
    kinds = Counter(case["kind"] for case in QUESTIONS["queries"])
    assert set(kinds) == KINDS
    assert len(QUESTIONS["queries"]) >= 70
    assert min(kinds.values()) >= 12


def test_absent_queries_want_nothing_and_the_others_want_something() -> None:
    for case in QUESTIONS["queries"]:
        assert (case["kind"] == "absent") == (case["any_of"] == []), case["query"]


def test_queries_are_unique_and_not_borrowed_from_the_other_sets() -> None:
    texts = [case["query"].casefold() for case in QUESTIONS["queries"]]
    assert len(texts) == len(set(texts))
    for other in ("search_eval.json", "search_holdout.json"):
        spec = json.loads((TESTS / other).read_text(encoding="utf-8"))
        earlier = {case["query"].casefold() for case in spec["queries"]} | {text.casefold() for text in spec["nothing"]}
        assert not earlier & set(texts), other


QUESTION_SETS = sorted(TESTS.glob("search_questions*.json"))


@pytest.mark.parametrize("path", QUESTION_SETS, ids=[path.stem for path in QUESTION_SETS])
def test_every_wanted_claim_is_in_the_bundled_data(path: Path) -> None:
    """Every question set, the later ones included, names real claims, uses the six kinds and repeats no
    query, of its own or of any other evaluation set."""
    spec = json.loads(path.read_text(encoding="utf-8"))
    known = set(store.load(store.bundled_data()).claims)
    wanted = {claim_id for case in spec["queries"] for claim_id in case["any_of"]}
    assert sorted(wanted - known) == []
    assert {case["kind"] for case in spec["queries"]} == KINDS
    for case in spec["queries"]:
        assert (case["kind"] == "absent") == (case["any_of"] == []), case["query"]
    own = [case["query"].casefold() for case in spec["queries"]]
    assert len(own) == len(set(own))
    for other in sorted(TESTS.glob("search_*.json")):
        if other != path:
            borrowed = set(own) & queries_of(json.loads(other.read_text(encoding="utf-8")))
            assert not borrowed, f"{path.name} repeats {other.name}: {sorted(borrowed)}"


def queries_of(spec: dict[str, list[dict[str, str]] | list[str]]) -> set[str]:
    """Every query of an evaluation set, casefolded, its ``nothing`` list included."""
    cases = [case["query"] for case in spec["queries"] if isinstance(case, dict)]
    return {text.casefold() for text in [*cases, *spec.get("nothing", [])] if isinstance(text, str)}


def test_the_question_sets_are_all_checked() -> None:
    assert {"search_questions.json", "search_questions_fresh.json", "search_questions_blind.json"} <= {
        path.name for path in QUESTION_SETS
    }


@pytest.fixture(scope="module")
def bundled() -> SearchIndex:
    dataset = store.load(store.bundled_data())
    return SearchIndex(list(dataset.claims.values()), dataset.actors, dataset.topics)


@pytest.mark.parametrize(
    "spec", [QUESTIONS, BLIND, HELDOUT, UNSEEN, SEALED2], ids=["questions", "blind", "heldout", "unseen", "sealed2"]
)
@pytest.mark.parametrize("kind", sorted(KINDS - {"absent"}))
def test_every_kind_finds_its_answer_in_the_top_three(bundled: SearchIndex, kind: str, spec: dict) -> None:
    cases = [case for case in spec["queries"] if case["kind"] == kind]
    misses = []
    for case in cases:
        top = [hit.claim["id"] for hit in bundled.results(case["query"], limit=3)]
        if not set(top) & set(case["any_of"]):
            misses.append(f"{case['query']!r}: top three {top}")
    assert 1 - len(misses) / len(cases) >= 0.90, "\n".join(misses)


@pytest.mark.parametrize(
    "spec",
    [
        QUESTIONS,
        FRESH,
        BLIND,
        HELDOUT,
        PROBE,
        UNSEEN,
        CAUSES,
        SEALED,
        CONCEPTS,
        SEALED2,
        CLASSES,
        SEALED3,
        SEALED4,
        PROBES5,
        PROBES7,
    ],
    ids=[
        "questions",
        "fresh",
        "blind",
        "heldout",
        "probe",
        "unseen",
        "causes",
        "sealed",
        "concepts",
        "sealed2",
        "classes",
        "sealed3",
        "sealed4",
        "probes5",
        "probes7",
    ],
)
def test_facts_the_data_does_not_hold_find_nothing(bundled: SearchIndex, spec: dict) -> None:
    absent = [case["query"] for case in spec["queries"] if case["kind"] == "absent"]
    found = {query: [hit.claim["id"] for hit in bundled.results(query)] for query in absent}
    assert {query: ids for query, ids in found.items() if ids} == {}


@pytest.mark.parametrize(
    "spec",
    [FRESH, CAUSES, CONCEPTS, SEALED, CLASSES, PROBES7],
    ids=["fresh", "causes", "concepts", "sealed", "classes", "probes7"],
)
def test_the_small_sets_find_their_answer_in_the_top_three(bundled: SearchIndex, spec: dict) -> None:
    """The fresh set (16 questions), the probes of causes (26), of concepts (23), of classes of
    wording (32) and of paraphrases in the claims' own vocabulary (28) are small, and their kinds
    uneven; the sealed set's English questions ask for what some claims do not say (who vetoed a
    draft, that Putin was first elected). Each is held to 0.90 over all its kinds together."""
    cases = [case for case in spec["queries"] if case["kind"] != "absent"]
    hits = sum(
        bool({hit.claim["id"] for hit in bundled.results(case["query"], limit=3)} & set(case["any_of"]))
        for case in cases
    )
    assert hits / len(cases) >= 0.90
