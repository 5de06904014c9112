"""Measure search speed on a synthetic dataset of 10,000 claims.

The claims are generated in memory from the bundled ones: each copies a real
claim's fields and varies them, swapping words for words of other claims,
adding made-up names and places, numbers in English and Indonesian formats and
random dates, so that the vocabulary grows the way a real collection's would.
Reports the index build time and the median and slowest time per query, each
query timed several times after a warm-up. The goal is under 100 ms a search.

    python benchmarks/search_speed.py [--claims 10000] [--repeat 5] [--seed 1]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import time
from pathlib import Path
from typing import Any

from rknk import store
from rknk.records import ClaimRecord
from rknk.search import SearchIndex

EVAL_SET = Path(__file__).resolve().parent.parent / "tests" / "search_eval.json"
SYLLABLES = ["ka", "ko", "ru", "min", "sa", "lo", "vi", "tor", "ga", "ne", "yu", "shi"]
SYLLABLES += ["bel", "an", "ov", "ski", "da", "hyo", "jun", "pa", "ri", "el", "mar"]
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


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _number(rng: random.Random) -> str:
    value = rng.choice([rng.randint(1, 999), rng.randint(1000, 999_999)])
    style = rng.randrange(3)
    if style == 0:
        return f"{value:,}"
    if style == 1:
        return f"{value:,}".replace(",", ".")
    return str(value)


def _vary(text: str, words: list[str], rng: random.Random) -> str:
    tokens = text.split()
    for _ in range(max(1, len(tokens) // 6)):
        position = rng.randrange(len(tokens) + 1)
        choice = rng.random()
        if choice < 0.5:
            extra = rng.choice(words)
        elif choice < 0.75:
            extra = _name(rng)
        else:
            extra = _number(rng)
        if position < len(tokens) and rng.random() < 0.5:
            tokens[position] = extra
        else:
            tokens.insert(position, extra)
    return " ".join(tokens)


def synthetic_claims(templates: list[ClaimRecord], count: int, seed: int) -> list[ClaimRecord]:
    """``count`` claims varied from ``templates``, the same for the same seed."""
    rng = random.Random(seed)
    words = [w for claim in templates for w in (claim["statement"] + " " + claim["evidence"][0]["quote"]).split()]
    made: list[ClaimRecord] = []
    for number in range(count):
        base: dict[str, Any] = json.loads(json.dumps(rng.choice(templates)))
        base["id"] = f"{base['id']}-{number}"
        year = rng.randint(1948, 2025)
        month = rng.randint(1, 12)
        base["date"] = rng.choice([f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-15"])
        base["statement"] = _vary(base["statement"], words, rng)
        for evidence in base["evidence"]:
            evidence["quote"] = _vary(evidence["quote"], words, rng)
        base["places"] = [*base["places"], _name(rng)] if rng.random() < 0.4 else base["places"]
        base["tags"] = [*base["tags"], f"{_name(rng).lower()}-{rng.choice(words).lower().strip('.,')}"]
        if rng.random() < 0.3:
            base["quantities"] = [
                *base["quantities"],
                {"value": rng.randint(1, 200_000), "low": None, "high": None, "unit": "troops", "qualifier": "about"},
            ]
        made.append(base)  # type: ignore[arg-type]
    return made


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
    print(f"synthetic:    {len(claims)} claims, {len(index.postings)} distinct words, index built in {build_ms:.0f} ms")
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
