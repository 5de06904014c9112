"""Measure how much a lookup costs beyond importing the libraries it stands on.

Runs each command as a fresh process, alternating the lookup and its baseline
so that machine noise hits both alike, and reports the median wall times and
their ratio. The goal is a ratio of at most 1.25.

    python benchmarks/startup.py [--runs 30] [--against OTHER/bin/rknk]

Runs with the installed ``rknk`` on the bundled data; the validated cache and
Python's bytecode cache are warmed first, as they are after any first use.
``--against`` times another installed ``rknk`` (say, of the previous release)
as the baseline instead, command for command, to show whether a change made
any command slower; commands the other one lacks are left out.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

PAIRS = {
    "search --json": (
        ["search", "Kursk", "--json"],
        "import typer, pydantic, rapidfuzz.process",
    ),
    "search (table)": (
        ["search", "Kursk", "--format", "table"],
        "import typer, pydantic, rapidfuzz.process, rich.console, rich.table",
    ),
    "events --json": (
        ["events", "--since", "2023", "--json"],
        "import typer, pydantic, rapidfuzz.process",
    ),
    "figures --json": (
        ["figures", "troops", "--json"],
        "import typer, pydantic, rapidfuzz.process",
    ),
    "timeline html": (
        ["timeline", "--format", "html"],
        "import typer, pydantic, rapidfuzz.process",
    ),
}


#: As a user runs it: Python may cache compiled bytecode (PYTHONDONTWRITEBYTECODE,
#: set in some shells, would make every run recompile rknk's own modules).
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=ENV)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="timed runs of each command (default 30)")
    parser.add_argument("--against", metavar="RKNK", help="another rknk executable to use as the baseline")
    args = parser.parse_args()
    rknk = shutil.which("rknk")
    if rknk is None:
        sys.exit("rknk is not on PATH; install the project first (pip install .)")
    goal = "the same" if args.against else "goal <= 1.25"
    print(f"{'lookup':<16} {'rknk ms':>8} {'baseline ms':>12} {'ratio':>6}  (median of {args.runs}, {goal})")
    for label, (rknk_args, imports) in PAIRS.items():
        lookup = [rknk, *rknk_args]
        baseline = [args.against, *rknk_args] if args.against else [sys.executable, "-c", imports]
        if args.against and subprocess.run(baseline, capture_output=True, env=ENV).returncode != 0:
            continue  # a command the other rknk does not have
        _time(lookup)  # warm the validated cache and the OS file cache
        _time(baseline)
        ours, theirs = [], []
        for _ in range(args.runs):
            ours.append(_time(lookup))
            theirs.append(_time(baseline))
        a, b = statistics.median(ours), statistics.median(theirs)
        print(f"{label:<16} {a * 1000:8.1f} {b * 1000:12.1f} {a / b:6.2f}")


if __name__ == "__main__":
    main()
