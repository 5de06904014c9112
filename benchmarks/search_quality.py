"""Measure how well ``rknk search`` finds what users mean, over the bundled data.

Reads the evaluation sets in ``tests/search_eval.json`` and
``tests/search_holdout.json`` (queries written the way users type them, each
with the claims one of which must come up; the hold-out set was written by
someone who had not seen the search code) and prints, for each,
success@1, success@3 and the mean reciprocal rank of the first wanted claim,
plus any query that missed its top three and any must-return-nothing query
that returned something.

    python benchmarks/search_quality.py [--verbose]

``--verbose`` prints every query with the rank of its first wanted claim and
the top three ids.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rknk import store
from rknk.search import SearchIndex

TESTS = Path(__file__).resolve().parent.parent / "tests"
EVAL_SETS = (TESTS / "search_eval.json", TESTS / "search_holdout.json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every query's rank and top three")
    args = parser.parse_args()
    dataset = store.load(store.bundled_data())
    index = SearchIndex(list(dataset.claims.values()), dataset.actors, dataset.topics)
    for path in EVAL_SETS:
        print(f"== {path.name}")
        score(json.loads(path.read_text(encoding="utf-8")), dataset.claims, index, args.verbose)


def score(spec: dict[str, Any], claims: Mapping[str, Any], index: SearchIndex, verbose: bool) -> None:
    """Print success@1, success@3, MRR and the misses of one evaluation set."""

    missing = sorted({i for q in spec["queries"] for i in q["any_of"]} - set(claims))
    if missing:
        print(f"eval ids not in the data: {', '.join(missing)}")

    at1 = at3 = 0
    reciprocal = 0.0
    misses: list[str] = []
    for case in spec["queries"]:
        ids = [hit.claim["id"] for hit in index.search(case["query"])]
        wanted = set(case["any_of"])
        rank = next((n for n, claim_id in enumerate(ids, 1) if claim_id in wanted), None)
        at1 += rank == 1
        at3 += rank is not None and rank <= 3
        reciprocal += 1 / rank if rank else 0.0
        if verbose or rank is None or rank > 3:
            line = f"{case['query']!r:<45} rank {rank or '-':>3} of {len(ids):>3}  top: {', '.join(ids[:3])}"
            if rank is None or rank > 3:
                misses.append(line)
            if verbose:
                print(line)
    false_hits = []
    for text in spec["nothing"]:
        found = index.search(text)
        if found:
            false_hits.append(f"{text!r}: {len(found)} hits, first {found[0].claim['id']} ({found[0].score})")

    total = len(spec["queries"])
    print(f"queries {total}  success@1 {at1 / total:.3f}  success@3 {at3 / total:.3f}  MRR {reciprocal / total:.3f}")
    print(f"must-return-nothing queries {len(spec['nothing'])}  with hits {len(false_hits)}")
    for line in misses:
        print("  missed  ", line)
    for line in false_hits:
        print("  false   ", line)


if __name__ == "__main__":
    main()
