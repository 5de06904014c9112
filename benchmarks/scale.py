"""Measure lookups from a thousand to a million claims, against the cost of the bare imports.

For each size, on a synthetic folder from ``synthetic.py`` (written once and
kept under ``--dir``), prints:

* the cold build: wall time and peak memory of the first lookup on an empty cache;
* warm lookups, each the median of ``--runs`` runs alternated with the import
  floor (``python -c "import typer, pydantic, rapidfuzz.process"``), as a ratio
  to it, with the peak memory of the worst run: ``search`` of three kinds
  (a broad word in a quarter of the claims, a selective phrase, a typo) and
  a query naming two actors that most claims involve,
  ``events`` with filters and ``--limit 20``, and ``show ID``;
* an answer of every match (``search Kursk --format jsonl``): when its first
  bytes arrive, and how many claims a second it streams (medians of ``--runs`` runs).

    python benchmarks/scale.py [--sizes 1000,10000,100000,1000000] [--runs 5] [--dir DIR] [--reuse]

``--reuse`` keeps an index built before (its cold build is not measured again).

Runs the installed ``rknk``; machine noise moves the figures, so compare
ratios rather than seconds, and runs made at a quiet time.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import write_folder

FLOOR = [sys.executable, "-c", "import typer, pydantic, rapidfuzz.process"]
LIMITED = ["--limit", "20", "--json"]
WARM = {
    "search broad": ["search", "Kursk", *LIMITED],
    "search phrase": ["search", "Vostochny cosmodrome visit", *LIMITED],
    "search typo": ["search", "artilery shels", *LIMITED],
    "search two states": ["search", "Belousov Pyongyang visit", *LIMITED],
    "events filtered": ["events", "--since", "2020", "--topic", "troops", "--actor", "Russia", *LIMITED],
    "show": ["show", "{id}", "--json"],
}


def timed(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (MB) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status:
        error = process.stderr.read().decode() if process.stderr else ""
        sys.exit(f"failed: {' '.join(command)}\n{error}")
    if process.stderr:
        process.stderr.close()
    return elapsed, usage.ru_maxrss // 1024


def streamed(command: list[str], env: dict[str, str], runs: int) -> tuple[float, float, int]:
    """Median seconds to the first bytes, median claims a second over the rest of the answer,
    and how many claims, over ``runs`` runs. The answer is read a MiB at a time, as a client
    piping it on would: iterating its lines in Python is slower than rknk writes them."""
    firsts, rates, lines = [], [], 0
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        assert process.stdout is not None
        first = None
        lines = 0
        while chunk := process.stdout.read1(1 << 20):
            if first is None:
                first = time.perf_counter() - start
            lines += chunk.count(b"\n")
        process.wait()
        total = time.perf_counter() - start
        firsts.append(first or total)
        rates.append(lines / (total - first) if lines and first is not None and total > first else 0.0)
    return statistics.median(firsts), statistics.median(rates), lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000", help="claim counts, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each warm lookup (default 5)")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "rknk-scale", help="work folder")
    parser.add_argument("--reuse", action="store_true", help="keep an index built before; skip the cold build")
    args = parser.parse_args()
    rknk = shutil.which("rknk")
    if rknk is None:
        sys.exit("rknk is not on PATH; install the project first (pip install .)")
    env = {k: v for k, v in os.environ.items() if k not in ("RKNK_NO_CACHE", "RKNK_DATA", "PYTHONDONTWRITEBYTECODE")}
    print("| claims | cold build | " + " | ".join(WARM) + " | every match (jsonl) |")
    print("|---" * (len(WARM) + 3) + "|")
    for size in (int(s) for s in args.sizes.split(",")):
        data = args.dir / f"data-{size}"
        if not (data / "claims").is_dir():
            write_folder(data, size)
        cache = args.dir / f"cache-{size}"
        reused = args.reuse and cache.is_dir()
        if not reused:
            shutil.rmtree(cache, ignore_errors=True)
        env["RKNK_CACHE_DIR"] = str(cache)
        cold, cold_mb = timed([rknk, "--data", str(data), "events", "--limit", "1"], env)
        first_id = next(
            csv.reader(
                subprocess.run(
                    [rknk, "--data", str(data), "search", "Kursk", "--limit", "1", "--format", "csv", "--fields", "id"],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout.splitlines()[1:]
            )
        )[0]
        cells = ["(reused)" if reused else f"{cold:.1f} s, {cold_mb} MB"]
        for args_ in WARM.values():
            command = [rknk, "--data", str(data), *(a.format(id=first_id) for a in args_)]
            timed(command, env)  # warm the OS file cache
            ours, floor, peak = [], [], 0
            for _ in range(args.runs):
                seconds, mb = timed(command, env)
                ours.append(seconds)
                peak = max(peak, mb)
                floor.append(timed(FLOOR, env)[0])
            mine, base = statistics.median(ours), statistics.median(floor)
            cells.append(f"{mine:.2f} s ({mine / base:.2f}×), {peak} MB")
        every = [rknk, "--data", str(data), "search", "Kursk", "--format", "jsonl"]
        first, rate, count = streamed(every, env, args.runs)
        cells.append(f"{count:,} claims: first after {first:.2f} s, {rate:,.0f}/s")
        print(f"| {size:,} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
