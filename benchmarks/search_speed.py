"""Measure search speed on a synthetic dataset of 10,000 claims.

The claims are generated in memory from the bundled ones by ``synthetic.py``,
so that the vocabulary grows the way a real collection's would. This times
search in one process over claims in memory; ``scale.py`` times whole lookups
on the embedded index. Reports the index build time and the median and slowest time per query, each
query timed several times after a warm-up. The goal is under 100 ms a search.

    python benchmarks/search_speed.py [--claims 10000] [--repeat 5] [--seed 1]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import time
from pathlib import Path

from synthetic import synthetic_claims

from rknk import store
from rknk.search import SearchIndex

EVAL_SET = Path(__file__).resolve().parent.parent / "tests" / "search_eval.json"
#: Queries that stress the index beyond the evaluation set: common words that
#: match most claims, names, typos, numbers and long queries.
EXTRA_QUERIES = [
    "Russia",
    "North Korea",
    "troops",
    "north korean troops russia ukraine war",
    "Korea Utara Rusia",
    "Moskow Pyongyang pakta pertahanan",
    "weapons supply artillery missiles rockets shells",
    "satelit",
    "Pyongyng",
    "Belousovv",
    "Kim Jong Unn",
    "10k troops",
    "1.000.000",
    "Kremlin",
    "the",
    "international",
    "Korsel AS latihan militer",
    "military cooperation strategic partnership treaty June 2024",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000, help="number of synthetic claims (default 10000)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each query (default 5)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()

    dataset = store.load(store.bundled_data())
    templates = list(dataset.claims.values())
    start = time.perf_counter()
    SearchIndex(templates, dataset.actors, dataset.topics)
    bundled_ms = (time.perf_counter() - start) * 1000

    claims = synthetic_claims(templates, args.claims, args.seed)
    start = time.perf_counter()
    index = SearchIndex(claims, dataset.actors, dataset.topics)
    build_ms = (time.perf_counter() - start) * 1000

    # Collect what the build left behind now, as a long-running process soon would,
    # rather than in the middle of a timed query.
    gc.collect()
    spec = json.loads(EVAL_SET.read_text(encoding="utf-8"))
    queries = [case["query"] for case in spec["queries"]] + spec["nothing"] + EXTRA_QUERIES
    for query in queries:
        index.search(query)  # warm-up: imports, lazy tables, sorted vocabulary
    timings: dict[str, float] = {}
    hits: dict[str, int] = {}
    for query in queries:
        runs = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            found = index.search(query)
            runs.append((time.perf_counter() - start) * 1000)
        timings[query] = statistics.median(runs)
        hits[query] = len(found)

    per_query = sorted(timings.values())
    print(f"bundled data: {len(templates)} claims, index built in {bundled_ms:.1f} ms")
    words = len(index.corpus.vocabulary())
    print(f"synthetic:    {len(claims)} claims, {words} distinct words, index built in {build_ms:.0f} ms")
    print(
        f"{len(queries)} queries x {args.repeat}: median {statistics.median(per_query):.1f} ms, "
        f"90th percentile {per_query[int(0.9 * (len(per_query) - 1))]:.1f} ms, max {per_query[-1]:.1f} ms "
        f"(goal < 100 ms)"
    )
    print("slowest:")
    for query in sorted(timings, key=timings.__getitem__, reverse=True)[:8]:
        print(f"  {timings[query]:7.1f} ms  {hits[query]:>6} hits  {query!r}")


if __name__ == "__main__":
    main()
