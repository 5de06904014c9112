"""Start-up cost is part of the design: lookups must not import what they do not use.

Each case runs rknk in a fresh interpreter (imports are per process) and lists
which heavy modules it loaded. Timing itself lives in benchmarks/startup.py.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("pydantic", "pydantic.main", "rich.console", "rapidfuzz.process", "rknk.validate", "rknk.models")
#: The drawing code: only the commands that draw may load it.
DRAWING = ("rknk.charts.figure_plot", "rknk.charts.timeline_strip", "rknk.charts.timeline_svg", "rknk.stats")
#: The search code and its lexicon: only a search may load them.
SEARCH = ("rknk.search", "rknk.words")

PROBE = """
import json, sys
from rknk.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stderr.write(json.dumps([m for m in {heavy} if m in sys.modules]))
"""


def heavy_imports(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY + DRAWING + SEARCH), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return sorted(json.loads(result.stderr.splitlines()[-1]))


def test_version_imports_nothing_heavy() -> None:
    assert heavy_imports("--version") == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["events", "--json"], []),
        (["events", "--format", "table"], []),  # a piped table is plain text: no Rich
        (["search", "Kursk", "--json"], []),  # a word found as typed needs no fuzzy matching
        (["search", "Kurks", "--json"], ["rapidfuzz.process"]),
        (["figures", "troops", "--json"], []),
        (["timeline", "--format", "svg"], ["rknk.charts.timeline_svg"]),
        (["stats", "--json"], ["rknk.stats"]),
        (["cite", "--all"], []),
    ],
)
def test_a_warm_lookup_skips_validation_and_unused_libraries(
    fixture_data: Path, args: list[str], expected: list[str]
) -> None:
    heavy_imports("--data", str(fixture_data), "events", "--json")  # first use validates and caches
    loaded = heavy_imports("--data", str(fixture_data), *args)
    assert [module for module in loaded if module not in SEARCH] == expected


def test_a_query_of_known_words_loads_no_fuzzy_matcher(fixture_data: Path) -> None:
    """Several words, none of them near a name of several words: nothing is matched fuzzily."""
    heavy_imports("--data", str(fixture_data), "events", "--json")
    assert "rapidfuzz.process" not in heavy_imports("--data", str(fixture_data), "search", "troops sent to Kursk")
    assert "rapidfuzz.process" in heavy_imports("--data", str(fixture_data), "search", "Kim Jong Um")


def test_lookups_that_do_not_search_load_no_search_code(fixture_data: Path) -> None:
    heavy_imports("--data", str(fixture_data), "events", "--json")
    for lookup in (["events", "--json"], ["show", "troops-kursk-2024-11", "--json"], ["figures", "troops"]):
        assert not set(heavy_imports("--data", str(fixture_data), *lookup)) & set(SEARCH), lookup
    assert set(SEARCH) <= set(heavy_imports("--data", str(fixture_data), "search", "Kursk"))


def test_lookups_load_no_drawing_code(fixture_data: Path) -> None:
    heavy_imports("--data", str(fixture_data), "events", "--json")
    for lookup in (["events", "--json"], ["search", "Kursk", "--json"], ["show", "troops-kursk-2024-11"]):
        assert not set(heavy_imports("--data", str(fixture_data), *lookup)) & set(DRAWING), lookup


def test_a_cold_lookup_validates_with_the_models(fixture_data: Path) -> None:
    assert "rknk.validate" in heavy_imports("--data", str(fixture_data), "events", "--json")
